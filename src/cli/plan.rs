//! `ventana plan`: who in the database a message reaches, by which route, until when, and
//! when to send each, with the reasons for everyone left out.

use super::{out, outln};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;

use ventana::Engine;
use ventana::compliance::{
    CheckInput, Fact, Report, check_analysed, exclusion_phrase, facts, placeholder,
    region_explanation, route_phrase,
};
use ventana::i18n::{Lang, format_count, format_instant};
use ventana::import::time::{machine_zone, parse_zone};
use ventana::plan::schedule::Pace;
use ventana::plan::zone::{QuietHours, Zone};
use ventana::plan::{ContactIndex, Plan, PlanRequest, Summary, plan};
use ventana::policy::{Channel, Place};
use ventana::store::Store;

use super::check::{fill_values, parse_route, read_message};
use super::{Cli, fail};

/// What to plan: the options `plan` and `export` share.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// The message.
    #[arg(long, value_name = "T", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the message from a file (`-` for standard input).
    #[arg(long, value_name = "F")]
    pub file: Option<PathBuf>,
    /// The tag or route to send by (e.g. HUMAN_AGENT, utility_template); default: the best
    /// route for each contact.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// The planning instant, RFC 3339: nothing is sent before it (default: --now, else now).
    #[arg(long, value_name = "RFC3339", value_parser = super::instant)]
    pub at: Option<DateTime<Utc>>,
    /// Messages per minute per Page (default: no limit).
    #[arg(long, value_name = "N/min", value_parser = rate)]
    pub rate: Option<f64>,
    /// Hours in each contact's own time zone when nothing is sent, e.g. 21-08.
    #[arg(long, value_name = "HH-HH", value_parser = QuietHours::parse)]
    pub quiet_hours: Option<QuietHours>,
    /// Time zone of contacts whose export gave none (IANA name; default: this machine's).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Channel of the campaign; contacts of other channels are left out.
    #[arg(long, default_value = "messenger")]
    pub channel: Channel,
    /// A person writes each message (a human agent's reply): HUMAN_AGENT may carry it.
    #[arg(long)]
    pub human_agent: bool,
    /// Also plan sends to people whose window was started by an ad and may still be open
    /// (Meta says such a window "may last up to 7 days"; only its first 24 hours are
    /// certain, and Meta may refuse a send after them).
    #[arg(long)]
    pub include_ad_windows: bool,
    /// A value for a placeholder in every message, e.g. --fill '{coupon}=WINTER'.
    /// Name placeholders ({first_name}, {last_name}, {name}) are filled per contact.
    #[arg(long, value_name = "PLACEHOLDER=VALUE")]
    pub fill: Vec<String>,
    /// A fact the text cannot show, answered yes or no, as in `ventana check --fact`
    /// (human_reply, own_transaction, event_signup); human_reply=yes is --human-agent.
    #[arg(long = "fact", value_name = "NAME=yes|no")]
    pub facts: Vec<String>,
}

/// Arguments of `ventana plan`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to plan.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Reads `--rate`: `60`, `60/min` or `1.5`.
fn rate(s: &str) -> Result<f64, String> {
    let n = s.trim().trim_end_matches("/min").trim();
    let range = ventana::plan::schedule::RATE_RANGE;
    match n.parse::<f64>() {
        Ok(r) if range.contains(&r) => Ok(r),
        Ok(_) => Err(format!(
            "{s:?} is out of range; give between {} and {} messages per minute per Page, e.g. --rate 60",
            range.start(),
            range.end()
        )),
        Err(_) => Err(format!(
            "{s:?} is not a rate; give messages per minute per Page, e.g. --rate 60"
        )),
    }
}

/// A plan with everything it was made from.
pub struct Planned {
    /// Policy, lexicons, catalogues.
    pub engine: Engine,
    /// The database.
    pub store: Store,
    /// The contacts.
    pub index: ContactIndex,
    /// The message with constant placeholders filled (name placeholders stay).
    pub text: String,
    /// The check of the message.
    pub report: Report,
    /// The plan.
    pub plan: Plan,
}

/// Reads the message, checks it and plans it over the database.
pub fn prepare(cli: &Cli, args: &PlanArgs) -> anyhow::Result<Planned> {
    let lang = cli.language();
    let raw = read_message(
        args.text.as_deref(),
        args.file.as_deref(),
        "ventana plan --text \"TEXT\", --file FILE",
        lang,
    )?;
    let text = placeholder::fill(&raw, &fill_values(&args.fill, "{coupon}=WINTER", lang)?);
    let default_zone = match &args.tz {
        Some(z) => parse_zone(z)
            .map_err(|e| fail(lang, "cli-error-tz", &[("detail", e.sentence(lang).into())]))?,
        None => machine_zone(),
    };
    let engine = cli.engine()?;
    let at = args.at.unwrap_or_else(|| cli.now());
    let route = args.tag.as_deref().map(parse_route);
    let analysis = engine.analyze(&text);
    let mut answers = super::check::answers(&args.facts, lang)?;
    if args.human_agent {
        answers.set(Fact::HumanReply, Some(true));
    }
    let db = cli.db_path();
    let store = Store::open(&db)?;
    // Planning reads the contacts once, in order: a small page cache does as well as a big one.
    store.conn().execute_batch("PRAGMA cache_size = -2000")?;
    let index = ContactIndex::load(&store)?;
    // One verdict for the whole list holds where every contact is; else the conservative one.
    let place = Place::common(
        (0..index.len())
            .filter(|&i| index.channel[i] == args.channel)
            .map(|i| index.place(i)),
    );
    let report = check_analysed(
        &CheckInput {
            text: &text,
            channel: args.channel,
            chosen: route.clone(),
            at,
            place,
            ui_lang: cli.language(),
            answers,
        },
        &analysis,
        &engine.policy,
        &engine.i18n,
    );
    let request = PlanRequest {
        channel: args.channel,
        facts: facts::apply(&analysis, &answers).0.facts(),
        route,
        human_reply: answers.get(Fact::HumanReply) == Some(true),
        answers,
        at,
        include_ad_windows: args.include_ad_windows,
        pace: Pace {
            rate_per_min: args.rate,
            quiet: args.quiet_hours,
        },
        default_zone: Zone::Named(default_zone),
    };
    let plan = plan(&index, None, &engine.policy, &request);
    Ok(Planned {
        engine,
        store,
        index,
        text,
        report,
        plan,
    })
}

/// The JSON of `ventana plan`.
#[derive(Serialize)]
struct PlanJson<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    /// Findings that block sending this text.
    blocking: Vec<&'a str>,
    /// What the checker made of the text.
    promotional: Option<bool>,
    purpose: Option<ventana::policy::Purpose>,
    suggested_route: &'a ventana::policy::Route,
    excluded_by_region: &'a [RegionNote],
}

/// Why a route was missing for some contacts, and for how many.
#[derive(Debug, Serialize)]
pub struct RegionNote {
    /// The rule whose route does not exist there.
    pub rule: String,
    /// Contacts it left out.
    pub count: u64,
    /// The full explanation, in the user's language.
    pub explanation: String,
}

/// The plan's regional exclusions explained, most contacts first.
pub fn region_notes(p: &Planned, lang: Lang) -> Vec<RegionNote> {
    p.plan
        .excluded_by_region()
        .into_iter()
        .map(|(why, count)| RegionNote {
            rule: why.rule.clone(),
            count,
            explanation: region_explanation(why, lang, &p.engine.i18n),
        })
        .collect()
}

/// Runs the subcommand.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let p = prepare(cli, &args.plan)?;
    let summary = p.plan.summary();
    let notes = region_notes(&p, cli.language());
    if args.json {
        let json = PlanJson {
            summary: &summary,
            excluded_by_region: &notes,
            blocking: blocking(&p.report),
            promotional: p.report.promotional,
            purpose: p.report.purpose,
            suggested_route: &p.report.suggested_route,
        };
        outln!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        out!(
            "{}",
            human(&p.engine, &p.report, &summary, &notes, cli.language())
        );
    }
    Ok(0)
}

/// The explanations of the findings that block sending.
pub fn blocking(report: &Report) -> Vec<&str> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == ventana::compliance::Severity::Block)
        .map(|f| f.explanation.as_str())
        .collect()
}

/// The summary as a person reads it.
pub fn human(
    engine: &Engine,
    report: &Report,
    s: &Summary,
    regions: &[RegionNote],
    lang: Lang,
) -> String {
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let n = |x: u64| format_count(lang, x);
    let mut out = String::new();
    out.push_str(&format!(
        "{} {} — {}, {}\n",
        t("cli-plan-at"),
        format_instant(lang, s.at),
        s.channel,
        s.policy_version.as_deref().unwrap_or("-")
    ));
    let route = s
        .route
        .as_ref()
        .map_or_else(|| t("cli-plan-best-route"), |r| route_phrase(r, lang, i18n));
    out.push_str(&format!("{}: {route}\n", t("cli-route")));
    if let Some(said) = facts::said(s.answers.iter().map(|(f, a)| (*f, *a)), lang) {
        out.push_str(&format!("{}: {said}\n", t("cli-plan-answers")));
    }
    for b in blocking(report) {
        out.push_str(&format!("  [block] {b}\n"));
    }
    out.push_str(&format!(
        "{}: {}   {}: {}   {}: {}\n",
        t("cli-plan-considered"),
        n(s.considered),
        t("cli-plan-planned"),
        n(s.planned),
        t("cli-plan-excluded"),
        n(s.excluded)
    ));
    for (r, k) in &s.by_route {
        out.push_str(&format!(
            "  {:<44} {:>12}\n",
            route_phrase(r, lang, i18n),
            n(*k)
        ));
    }
    if !s.excluded_by_reason.is_empty() {
        out.push_str(&format!("{}:\n", t("cli-plan-excluded")));
        for (why, k) in &s.excluded_by_reason {
            out.push_str(&format!(
                "  {:<44} {:>12}\n",
                exclusion_phrase(*why, lang, i18n),
                n(*k)
            ));
        }
        for r in regions {
            out.push_str(&format!("    {:>10}  {}\n", n(r.count), r.explanation));
        }
    }
    if let (Some(first), Some(last)) = (s.first_send_at, s.last_send_at) {
        out.push_str(&format!(
            "{}: {} → {}\n",
            t("cli-plan-sends"),
            format_instant(lang, first),
            format_instant(lang, last)
        ));
    }
    if let Some(saved) = s.saved_at_double_rate {
        let rate = s.rate_per_min.unwrap_or_default() * 2.0;
        out.push_str(&i18n.tr(
            lang,
            "cli-plan-faster",
            &[
                ("missed", s.missed_by_rate.into()),
                ("saved", saved.into()),
                ("rate", ventana::i18n::Arg::Num(rate)),
            ],
        ));
        out.push('\n');
    }
    if s.zones_defaulted > 0 {
        out.push_str(&i18n.tr(
            lang,
            "cli-plan-zones-defaulted",
            &[("count", s.zones_defaulted.into())],
        ));
        out.push('\n');
    }
    if s.other_channel > 0 {
        out.push_str(&i18n.tr(
            lang,
            "cli-plan-other-channel",
            &[("count", s.other_channel.into())],
        ));
        out.push('\n');
    }
    out
}
