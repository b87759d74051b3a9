//! `ventana windows`: how many stored contacts are open, closing, reachable only by a human
//! agent, closed or unknown at an instant.

use super::outln;
use anyhow::Context;
use chrono::{DateTime, Utc};

use ventana::i18n::{format_count, format_instant};
use ventana::plan::{ContactIndex, Windows, parse_duration};
use ventana::store::Store;

use super::Cli;

/// Arguments of `ventana windows`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instant, RFC 3339 (default: --now, else now).
    #[arg(long, value_name = "RFC3339", value_parser = super::instant)]
    pub at: Option<DateTime<Utc>>,
    /// An open window closing within this long counts as closing (e.g. 2h, 90m, 1d).
    #[arg(long, value_name = "DURATION", default_value = "2h", value_parser = parse_duration)]
    pub horizon: chrono::Duration,
    /// Print the counts as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the subcommand.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let db = cli.db_path();
    let store = Store::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
    let engine = cli.engine()?;
    let ix = ContactIndex::load(&store)?;
    let windows = Windows::build(&ix, None, &engine.policy);
    let at = args.at.unwrap_or_else(|| cli.now());
    let c = windows.counts(at, args.horizon, &engine.policy);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&c)?);
        return Ok(0);
    }
    let lang = cli.language();
    let t = |k: &str| engine.i18n.t(lang, k);
    let n = |x: u64| format_count(lang, x);
    outln!("{} {}", t("cli-windows-at"), format_instant(lang, at));
    for (label, value) in [
        ("cli-windows-total", c.total),
        ("cli-windows-open", c.open),
        ("cli-windows-closing", c.closing),
        ("cli-windows-maybe", c.maybe_open),
        ("cli-windows-human", c.human_agent_only),
        ("cli-windows-closed", c.closed),
        ("cli-windows-unknown", c.unknown),
    ] {
        outln!("  {:<28} {:>12}", t(label), n(value));
    }
    let next: Vec<String> = c.closing_by_hour.iter().map(|x| n(*x)).collect();
    outln!("  {}: {}", t("cli-windows-by-hour"), next.join(" "));
    Ok(0)
}
