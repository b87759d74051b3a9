//! The command line: global options and one module per subcommand.

pub mod check;
pub mod entry_points;
pub mod eval;
pub mod export;
pub mod import;
pub mod pages;
pub mod plan;
pub mod returns;
pub mod windows;

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use ventana::Engine;
use ventana::compliance::Model;
use ventana::i18n::{Lang, say};
use ventana::policy::parse_instant;

/// Exit code of a command that found a problem it cannot go on with: bad input, an unreadable
/// file, an import where nothing could be imported, a write that failed.
pub const EXIT_ERROR: u8 = 2;

const EXIT_CODES: &str = "Exit codes:
  0  success
  1  `check --strict` found a finding that blocks the message
  2  error: bad arguments or input, an unreadable file, nothing imported, output not written";

/// Plan Messenger campaigns inside Meta's messaging rules.
#[derive(Debug, Parser)]
#[command(name = "ventana", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// The database file (default: the platform data directory).
    #[arg(long, global = true, env = "VENTANA_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The instant to plan at, RFC 3339 (default: now).
    #[arg(long, global = true, value_name = "RFC3339", value_parser = instant)]
    pub now: Option<DateTime<Utc>>,
    /// Language of messages and explanations: en, it or es.
    #[arg(long, global = true, value_name = "LANG", value_parser = lang)]
    pub lang: Option<Lang>,
    /// Read Meta's rules from this directory of TOML files instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub policy: Option<PathBuf>,
    /// Read cue lexicons from this directory instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    /// Read the learned score from this directory (model.toml and weights.bin, as written by
    /// `cargo run --release --example train_model -- --out DIR`) instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Judge texts with the lexicons alone, without the learned score.
    #[arg(long, global = true, conflicts_with = "model")]
    pub no_model: bool,
    /// The tab the desktop app opens on (it reopens on the last one otherwise).
    #[arg(
        long,
        value_name = "TAB",
        value_parser = ["contacts", "timeline", "composer", "send-list", "campaigns", "imports", "reopen", "pages"]
    )]
    pub tab: Option<String>,
    /// What to do; without a subcommand the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a message: language, promotional cues, purpose, suggested tag and route.
    Check(check::Args),
    /// Import contact exports (CSV, JSON) into the database.
    Import(import::Args),
    /// Count open, closing, may-be-open (ad), human-agent-only, closed and unknown windows.
    /// open + maybe_open + human_agent_only + closed + unknown = total.
    Windows(windows::Args),
    /// Plan a message over the contacts: route, deadline and send time for each, or why not.
    Plan(plan::Args),
    /// Plan a message and write the send list, the excluded contacts and audience files;
    /// with --approve, save it as a campaign first.
    Export(export::Args),
    /// Measure the checker on a labelled corpus (JSON lines).
    Eval(eval::Args),
    /// List the Pages, or set where one is (`pages set PAGE_ID --country IT`).
    Pages(pages::Args),
    /// Entry points that make a person write first: m.me links with a ref, QR codes, ads,
    /// comment replies (`entry-points create --page P --ref R --out qr.png`).
    #[command(name = "entry-points")]
    EntryPoints(entry_points::Args),
    /// Who came back after each entry point, the weekly return rate per Page, the hours
    /// people write, and who can still be asked and how.
    Returns(returns::Args),
}

/// Writes to standard output, like `print!`, without panicking when it cannot.
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::write_out(format_args!($($t)*)) };
}

/// Writes a line to standard output, like `println!`, without panicking when it cannot.
macro_rules! outln {
    ($($t:tt)*) => { $crate::cli::write_out(format_args!("{}\n", format_args!($($t)*))) };
}

pub(crate) use {out, outln};

/// Set once the reader of standard output has gone (`ventana check --json | head -1`).
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// The first write to standard output that failed for another reason (a full disk).
static STDOUT_FAILED: OnceLock<String> = OnceLock::new();

/// Writes to standard output. When the reader has closed the pipe the rest of the output is
/// dropped and the command ends as it would have; any other failure is reported at the end.
pub fn write_out(args: std::fmt::Arguments<'_>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        } else {
            STDOUT_FAILED.get_or_init(|| e.to_string());
        }
    }
}

/// Why writing to standard output failed, other than its reader going away.
pub fn stdout_error() -> Option<&'static str> {
    STDOUT_FAILED.get().map(String::as_str)
}

/// An error sentence from the catalogues, in `lang`.
pub fn fail(lang: Lang, key: &str, args: &ventana::i18n::Args<'_>) -> anyhow::Error {
    anyhow::Error::msg(say(lang, key, args))
}

/// An error as a sentence in `lang`: the library's errors say themselves in it; others (with
/// any context) as they are.
pub fn error_sentence(e: &anyhow::Error, lang: Lang) -> String {
    use ventana::{export::ExportError, import::ImportError, store::StoreError};
    if let Some(x) = e.downcast_ref::<StoreError>() {
        return x.sentence(lang);
    }
    if let Some(x) = e.downcast_ref::<ImportError>() {
        return x.sentence(lang);
    }
    if let Some(x) = e.downcast_ref::<ExportError>() {
        return x.sentence(lang);
    }
    if let Some(x) = e.downcast_ref::<ventana::reopen::entries::EntryError>() {
        return x.sentence(lang);
    }
    format!("{e:#}")
}

/// Parses an RFC 3339 instant for clap.
pub fn instant(s: &str) -> Result<DateTime<Utc>, String> {
    parse_instant(s)
}

fn lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

impl Cli {
    /// The language to speak: `--lang`, else the environment's, else English.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| v.parse().ok())
                .unwrap_or_default()
        })
    }

    /// The planning instant: `--now` or the clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.now.unwrap_or_else(Utc::now)
    }

    /// The database file: `--db`, `VENTANA_DB`, or the platform data directory.
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(ventana::store::default_path)
    }

    /// The engine with the user's policy and lexicon directories.
    pub fn engine(&self) -> anyhow::Result<Engine> {
        let context = || say(self.language(), "cli-error-rules", &[]);
        let mut engine =
            Engine::load(self.policy.as_deref(), self.lexicon.as_deref()).with_context(context)?;
        if self.no_model {
            engine.model = None;
        } else if let Some(dir) = &self.model {
            let lang = self.language();
            engine.model =
                Some(Model::load(dir).map_err(|e| {
                    anyhow::Error::msg(format!("{}: {}", context(), e.sentence(lang)))
                })?);
        }
        Ok(engine)
    }
}
