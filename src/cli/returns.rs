//! `ventana returns`: who came back after each entry point went out, the return rate per Page
//! per week, the hours people write, and who can still be asked and how.

use super::{Cli, outln};
use ventana::i18n::{Lang, format_count, format_decimal, format_instant};
use ventana::import::time::{machine_zone, parse_zone};
use ventana::reopen::Report;
use ventana::reopen::entries;
use ventana::reopen::returns::MatchedBy;
use ventana::store::Store;

/// Arguments of `ventana returns`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Weeks of history for the weekly rates and the hours, the current one included (1 to
    /// 520).
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=520))]
    pub weeks: u32,
    /// The zone weeks start and hours are counted in (default: the machine's).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Another export column that holds the ref a person came through (besides ref,
    /// last_ref, ref_param, referral, last_referral, m.me_ref); may be repeated.
    #[arg(long = "ref-column", value_name = "NAME")]
    pub ref_columns: Vec<String>,
    /// Split the left-out recipients of this campaign by what can still reach them
    /// (default: every contact).
    #[arg(long, value_name = "ID")]
    pub campaign: Option<i64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the subcommand.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let lang = cli.language();
    let engine = cli.engine()?;
    let tz = match &args.tz {
        Some(z) => parse_zone(z).map_err(|e| {
            super::fail(lang, "cli-error-tz", &[("detail", e.sentence(lang).into())])
        })?,
        None => machine_zone(),
    };
    let store = Store::open(&cli.db_path())?;
    if let Some(id) = args.campaign
        && store.campaign(id)?.is_none()
    {
        return Err(entries::EntryError::UnknownCampaign(id).into());
    }
    let report = ventana::reopen::report(
        &store,
        &engine.policy,
        cli.now(),
        args.weeks,
        tz,
        &args.ref_columns,
        args.campaign,
    )?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        human(&report, lang);
    }
    Ok(0)
}

fn human(r: &Report, lang: Lang) {
    let started = |s: &str| {
        ventana::policy::parse_instant(s)
            .map_or_else(|_| s.to_string(), |t| format_instant(lang, t))
    };
    let say = |k: &str, a: &ventana::i18n::Args<'_>| super::say(lang, k, a);
    outln!("{}", say("cli-returns-entries", &[]));
    if r.returns.entry_points.is_empty() {
        outln!("  {}", say("cli-entry-none", &[]));
    }
    for e in &r.returns.entry_points {
        let key = match e.matched_by {
            MatchedBy::Ref => "cli-returns-by-ref",
            MatchedBy::AnyInteraction => "cli-returns-by-any",
        };
        outln!(
            "  {}",
            say(
                key,
                &[
                    ("name", e.name.as_str().into()),
                    ("count", e.reopened.into()),
                    ("any", e.any_interaction.into()),
                    ("started", started(&e.started_at).into()),
                ],
            )
        );
        if let Some(n) = e.campaign_reopened {
            outln!(
                "    {}",
                say("cli-returns-campaign", &[("count", n.into())])
            );
        }
    }
    outln!(
        "{}",
        say(
            "cli-returns-weekly",
            &[("zone", r.returns.zone.as_str().into())]
        )
    );
    for w in &r.returns.weekly {
        outln!(
            "  {}  {}  {}",
            ventana::i18n::format_date(lang, w.week),
            w.page_id,
            say(
                "cli-returns-week",
                &[
                    ("returned", w.returned.into()),
                    ("known", w.known.into()),
                    ("rate", format_decimal(lang, w.rate * 100.0, 1).into()),
                    ("new", w.new.into()),
                ],
            )
        );
    }
    let hours: Vec<String> = r
        .returns
        .by_hour
        .iter()
        .map(|h| format!("{:02}h {}", h.hour, format_count(lang, h.actions)))
        .collect();
    outln!("{}", say("cli-returns-hours", &[]));
    for chunk in hours.chunks(6) {
        outln!("  {}", chunk.join("   "));
    }
    let a = &r.ask;
    outln!(
        "{}",
        say(
            "cli-returns-ask",
            &[
                ("closed", a.closed.into()),
                ("human", a.human_agent.into()),
                ("reply", a.private_reply.into()),
                ("ad", a.ad_audience.into()),
            ],
        )
    );
}
