//! `ventana import`: contact exports into the database, with a report of every row.

use super::{EXIT_ERROR, out, outln};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use ventana::i18n::{Lang, format_count, say};
use ventana::import::time::{DateOrder, machine_zone, parse_zone};
use ventana::import::{ImportReport, Options, preview, run};
use ventana::policy::Channel;
use ventana::store::Store;

use super::Cli;

/// Arguments of `ventana import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The export files (CSV, JSON array or JSON lines).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Channel of rows that do not name one.
    #[arg(long, default_value = "messenger")]
    pub channel: Channel,
    /// Page ID for rows that do not name one.
    #[arg(long, value_name = "ID")]
    pub page_id: Option<String>,
    /// Time zone of times written without one (IANA name; default: this machine's).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Which column fills which field, e.g. --map psid="ID contatto" (repeatable).
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub maps: Vec<String>,
    /// Where the Page(s) of this import are (ISO 3166 code, e.g. IT): saved in the Pages
    /// table, it decides which routes exist for them.
    #[arg(long, value_name = "CC", value_parser = super::check::country)]
    pub page_country: Option<ventana::policy::Country>,
    /// Order of ambiguous slashed dates: dmy (03/04 = 3 April) or mdy.
    #[arg(long, value_name = "dmy|mdy")]
    pub date_order: Option<DateOrder>,
    /// Read and report, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the subcommand; returns the exit code.
pub fn run_import(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let lang = cli.language();
    let zone = match &args.tz {
        Some(name) => parse_zone(name).map_err(|e| {
            super::fail(lang, "cli-error-tz", &[("detail", e.sentence(lang).into())])
        })?,
        None => machine_zone(),
    };
    let opts = Options {
        channel: args.channel,
        page_id: args.page_id.clone(),
        zone,
        zone_given: args.tz.is_some(),
        date_order: args.date_order,
        maps: args.maps.clone(),
        dry_run: args.dry_run,
        lang,
        for_gui: false,
    };
    let db = cli.db_path();
    let mut store = Store::open(&db)?;
    let engine = cli.engine()?;
    let started = cli.now().timestamp();
    let mut code = 0u8;
    let mut reports = Vec::new();
    for file in &args.files {
        let result = preview(file, &opts).and_then(|p| {
            run(
                &mut store,
                &p,
                &opts,
                started,
                &AtomicBool::new(false),
                &mut |_| {},
            )
        });
        match result {
            Ok(report) => {
                if let Some(country) = args.page_country.filter(|_| !args.dry_run) {
                    for page in &report.pages {
                        store.set_page(
                            page,
                            &ventana::store::PageEdit {
                                country: Some(country),
                                ..Default::default()
                            },
                        )?;
                    }
                }
                if report.rows_read == report.rejected {
                    code = EXIT_ERROR;
                }
                if !args.json {
                    out!("{}", human(&engine.i18n, &report, lang));
                    if report.rows_read == 0 {
                        eprintln!(
                            "ventana: {}",
                            say(
                                lang,
                                "cli-import-no-rows",
                                &[("file", report.file.as_str().into())]
                            )
                        );
                    } else if report.rows_read == report.rejected {
                        eprintln!(
                            "ventana: {}",
                            say(
                                lang,
                                "cli-import-all-rejected",
                                &[("file", report.file.as_str().into())]
                            )
                        );
                    }
                }
                reports.push(serde_json::to_value(&report)?);
            }
            Err(e) => {
                code = EXIT_ERROR;
                eprintln!("ventana: {}", e.sentence(lang));
                reports.push(serde_json::json!({
                    "file": file.display().to_string(),
                    "error": e.sentence(lang),
                }));
            }
        }
    }
    if args.json {
        let out = if reports.len() == 1 {
            reports.remove(0)
        } else {
            serde_json::Value::Array(reports)
        };
        outln!("{}", serde_json::to_string_pretty(&out)?);
    }
    Ok(code)
}

fn human(i18n: &ventana::i18n::I18n, r: &ImportReport, lang: Lang) -> String {
    let t = |k: &str| i18n.t(lang, k);
    let n = |x: u64| format_count(lang, x);
    let mut out = format!(
        "{}: {} ({}{}), {}\n",
        r.file,
        r.format,
        r.encoding,
        r.delimiter
            .as_deref()
            .map(|d| format!(", {} {}", t("cli-import-delimiter"), shown_delimiter(d)))
            .unwrap_or_default(),
        r.time_format
            .as_deref()
            .map(|f| {
                if f.contains("local") || !f.contains("offset") && !f.contains("epoch") {
                    format!("{} {f}, {}", t("cli-import-times"), r.zone)
                } else {
                    format!("{} {f}", t("cli-import-times"))
                }
            })
            .unwrap_or_else(|| t("cli-import-no-times"))
    );
    let cols: Vec<String> = r
        .columns
        .iter()
        .map(|(f, c)| format!("{f} ← {c:?}"))
        .collect();
    out.push_str(&format!(
        "  {}: {}\n",
        t("cli-import-columns"),
        cols.join(", ")
    ));
    out.push_str(&format!(
        "  {} {}: {} {}, {} {}, {} {}, {} {}",
        t("cli-import-rows-read"),
        n(r.rows_read),
        t("cli-import-inserted"),
        n(r.inserted),
        t("cli-import-updated"),
        n(r.updated),
        t("cli-import-unchanged"),
        n(r.unchanged),
        t("cli-import-rejected"),
        n(r.rejected),
    ));
    if r.duplicates > 0 {
        let repeated = i18n.tr(
            lang,
            "cli-import-repeated",
            &[("count", r.duplicates.into())],
        );
        out.push_str(&format!(" ({repeated})"));
    }
    out.push('\n');
    for j in &r.rejects {
        out.push_str(&format!(
            "    {} {}: {}\n",
            t("cli-import-line"),
            j.line,
            j.reason
        ));
    }
    if !r.rejects_complete {
        out.push_str(&format!("    … {}\n", t("cli-import-more-rejects")));
    }
    for w in &r.warnings {
        out.push_str(&format!("  ! {w}\n"));
    }
    if r.dry_run {
        out.push_str(&format!("  {}\n", t("cli-import-dry-run")));
    }
    out
}

fn shown_delimiter(d: &str) -> String {
    match d {
        "\t" => "tab".to_string(),
        other => format!("'{other}'"),
    }
}
