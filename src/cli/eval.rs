//! `ventana eval`: measure the checker on a labelled corpus of your own.

use super::{out, outln};
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use ventana::compliance::eval;
use ventana::compliance::score_rounded;
use ventana::i18n::{Lang, format_decimal, say};

use super::Cli;

/// Arguments of `ventana eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSON-lines file with `lang`, `text`, `label` (promotional / non_promotional) and
    /// `suggested_tag`.
    #[arg(value_name = "CORPUS")]
    pub corpus: PathBuf,
    /// The instant the tag labels refer to (default: 2023-01-01, when the four 2020 tags
    /// were in force).
    #[arg(long, value_name = "RFC3339", value_parser = super::instant)]
    pub at: Option<DateTime<Utc>>,
    /// List the messages the checker got wrong.
    #[arg(long)]
    pub misses: bool,
    /// Print the evaluation as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the subcommand.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let lang = cli.language();
    let path = args.corpus.display().to_string();
    let text = std::fs::read_to_string(&args.corpus).map_err(|e| {
        super::fail(
            lang,
            "cli-error-read",
            &[
                ("path", path.as_str().into()),
                ("detail", e.to_string().into()),
            ],
        )
    })?;
    let corpus = eval::parse_corpus(&text).map_err(|e| {
        super::fail(
            lang,
            "cli-error-corpus",
            &[
                ("path", path.as_str().into()),
                ("detail", e.to_string().into()),
            ],
        )
    })?;
    let at = args.at.unwrap_or_else(eval::tags_in_force);
    let mut engine = cli.engine()?;
    let ev = eval::evaluate(&engine, &corpus, at);
    // The lexicons alone, beside: what the learned score adds.
    let model = engine.model.take();
    let rules_only = model.as_ref().map(|_| eval::evaluate(&engine, &corpus, at));
    if args.json {
        #[derive(serde::Serialize)]
        struct Both<'a> {
            #[serde(flatten)]
            checker: &'a eval::Evaluation,
            /// The lexicons alone (absent when the check ran without a model).
            #[serde(skip_serializing_if = "Option::is_none")]
            rules_only: Option<&'a eval::Evaluation>,
        }
        let both = Both {
            checker: &ev,
            rules_only: rules_only.as_ref(),
        };
        outln!("{}", serde_json::to_string_pretty(&both)?);
        return Ok(0);
    }
    let labels = [
        "eval-col-lang",
        "eval-col-n",
        "eval-col-precision",
        "eval-col-recall",
        "eval-col-f1",
        "eval-col-f1-ci",
        "eval-col-tag",
        "eval-col-tag-ci",
        "eval-row-all",
    ]
    .map(|key| say(lang, key, &[]));
    if let (Some(rules), Some(model)) = (&rules_only, &model) {
        outln!("{}", say(lang, "eval-rules-only", &[]));
        out!("{}", rules.table_with(&labels, lang));
        outln!("");
        outln!(
            "{}",
            say(
                lang,
                "eval-with-model",
                &[("version", model.meta.version.as_str().into())]
            )
        );
    }
    out!("{}", ev.table_with(&labels, lang));
    if model.is_some() {
        let percent = |x: f64| format_decimal(lang, x * 100.0, 1);
        let mut line = say(
            lang,
            "eval-sure",
            &[
                ("sure", ev.sure.n.into()),
                ("n", ev.all.n.into()),
                ("right", percent(ev.sure.accuracy()).into()),
                (
                    "precision",
                    format_decimal(lang, ev.sure.precision(), 3).into(),
                ),
                ("recall", format_decimal(lang, ev.sure.recall(), 3).into()),
            ],
        );
        if ev.borderline.n > 0 {
            line.push(' ');
            line.push_str(&say(
                lang,
                "eval-borderline",
                &[
                    ("borderline", ev.borderline.n.into()),
                    ("right_borderline", percent(ev.borderline.accuracy()).into()),
                ],
            ));
        }
        outln!("{line}");
    }
    if args.misses {
        for m in &ev.misses {
            outln!(
                "{:<13} {:<45} {}",
                say(lang, &format!("eval-what-{}", m.what), &[]),
                m.id,
                say(
                    lang,
                    "eval-miss",
                    &[
                        ("expected", miss_value(lang, &m.expected).into()),
                        ("got", miss_got(lang, m).into())
                    ]
                )
            );
        }
    }
    Ok(0)
}

/// A label or a tag of a miss, as the user reads it: labels and "no tag" translated, Meta's tag
/// names as Meta writes them.
fn miss_value(lang: Lang, value: &str) -> String {
    match value {
        "promotional" | "non_promotional" => say(lang, &format!("eval-label-{value}"), &[]),
        eval::NO_TAG => say(lang, "cli-none", &[]),
        tag => tag.to_string(),
    }
}

/// What the checker said: the verdict with its score, or the tag with the purpose it read.
fn miss_got(lang: Lang, m: &eval::Miss) -> String {
    let got = miss_value(lang, &m.got);
    match m.purpose {
        Some(purpose) => format!("{got} ({})", say(lang, &format!("purpose-{purpose}"), &[])),
        None => {
            let score = score_rounded(m.score, Some(m.got == "promotional"), 2);
            format!("{got} ({})", format_decimal(lang, score, 2))
        }
    }
}
