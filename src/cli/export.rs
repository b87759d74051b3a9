//! `ventana export`: plan a message, optionally approve it as a campaign, and write the send
//! list, the excluded contacts and the audience files for the unreachable.

use super::{out, outln};
use std::path::PathBuf;

use chrono::Utc;

use ventana::export::{Format, SendList, approve, export, record};

use super::plan::{PlanArgs, blocking, human, prepare, region_notes};
use super::{Cli, fail};

/// Arguments of `ventana export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to plan.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// The send list file; the excluded contacts and audience files are written beside it.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// csv (one row per send) or jsonl (one Send API request body per line).
    #[arg(long, default_value = "csv", value_parser = |s: &str| s.parse::<Format>())]
    pub format: Format,
    /// Approve the plan as a campaign with this name (kept, unchangeable, in the history).
    #[arg(long, value_name = "NAME")]
    pub approve: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the subcommand.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let folder = match args.out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let lang = cli.language();
    if !folder.is_dir() {
        return Err(fail(
            lang,
            "cli-error-no-folder",
            &[("folder", folder.display().to_string().into())],
        ));
    }
    let mut p = prepare(cli, &args.plan)?;
    let blocks = blocking(&p.report);
    if !blocks.is_empty() {
        return Err(fail(
            lang,
            "cli-error-blocked",
            &[("findings", blocks.join("; ").into())],
        ));
    }
    let summary = p.plan.summary();
    let notes = region_notes(&p, lang);
    // The plan needs only the contacts' ids from here on: the rest of the index goes before
    // their details are read.
    let ids = std::mem::take(&mut p.index.ids);
    p.index = Default::default();
    let list = SendList::from_plan_taking(&mut p.plan, &ids, &p.store, &p.text)?;
    drop(ids);
    let campaign = match &args.approve {
        Some(name) => {
            let id = approve(
                &mut p.store,
                &list,
                &summary,
                name,
                Utc::now().timestamp(),
                &mut |_| {},
            )?;
            Some((id, name.trim().to_string()))
        }
        None => None,
    };
    let report = export(
        &list,
        &args.out,
        args.format,
        lang,
        &p.engine.i18n,
        &mut |_| {},
    )?;
    if let Some((id, _)) = &campaign {
        record(&p.store, *id, &report, args.format, Utc::now().timestamp())?;
    }
    if args.json {
        let json = serde_json::json!({
            "summary": summary,
            "excluded_by_region": notes,
            "campaign_id": campaign.as_ref().map(|(id, _)| *id),
            "export": report,
        });
        outln!("{}", serde_json::to_string_pretty(&json)?);
        return Ok(0);
    }
    let i18n = &p.engine.i18n;
    out!("{}", human(&p.engine, &p.report, &summary, &notes, lang));
    if let Some((id, name)) = &campaign {
        outln!(
            "{}",
            i18n.tr(
                lang,
                "cli-export-approved",
                &[("id", (*id).into()), ("name", name.as_str().into())]
            )
        );
    }
    for f in &report.files {
        outln!(
            "{} {} ({})",
            i18n.t(lang, "cli-export-wrote"),
            f.path,
            i18n.tr(lang, "cli-export-rows", &[("count", f.rows.into())])
        );
    }
    for path in &report.removed {
        outln!("{} {path}", i18n.t(lang, "cli-export-removed"));
    }
    if report.need_template > 0 && args.format == Format::Jsonl {
        outln!(
            "{}",
            i18n.tr(
                lang,
                "cli-export-need-template",
                &[("count", report.need_template.into())]
            )
        );
    }
    if !report.unfilled.is_empty() {
        outln!(
            "{}",
            i18n.tr(
                lang,
                "cli-export-unfilled",
                &[("tokens", report.unfilled.join(", ").into())]
            )
        );
    }
    Ok(0)
}
