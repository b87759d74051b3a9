//! `ventana check`: one message, its findings and the route advice.

use super::{out, outln};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use ventana::compliance::{Answers, CheckInput, Fact, Report, placeholder};
use ventana::i18n::{Lang, format_decimal};
use ventana::policy::{Channel, Country, Place, Route};

use super::{Cli, fail};

/// Arguments of `ventana check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The message; `-` reads it from standard input.
    #[arg(value_name = "TEXT", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the message from a file.
    #[arg(long, value_name = "F")]
    pub file: Option<PathBuf>,
    /// Channel: messenger, instagram or whatsapp.
    #[arg(long, default_value = "messenger")]
    pub channel: Channel,
    /// The tag (or route, e.g. utility_template) you intend to use.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// The send instant, RFC 3339 (default: --now, else now).
    #[arg(long, value_name = "RFC3339", value_parser = super::instant)]
    pub at: Option<DateTime<Utc>>,
    /// Where the Page (the business) is, as an ISO 3166 code (IT, ES, US…). Many routes
    /// exist only in some countries; without it, Ventana takes the conservative answer.
    #[arg(long, value_name = "CC", value_parser = country)]
    pub page_country: Option<Country>,
    /// Where the person is, as an ISO 3166 code (default: the Page's country).
    #[arg(long, value_name = "CC", value_parser = country)]
    pub recipient_country: Option<Country>,
    /// Sample value for a placeholder, e.g. --fill '{first_name}=Anna'.
    #[arg(long, value_name = "PLACEHOLDER=VALUE")]
    pub fill: Vec<String>,
    /// A fact the text cannot show, answered yes or no; repeat for several. NAME is
    /// human_reply (a person writes this reply to the customer's own question, within 7
    /// days), own_transaction (it is about a purchase, booking or account the person made)
    /// or event_signup (the person signed up for the event). Unanswered facts are guessed
    /// from the text; the verdict names the answers it rests on.
    #[arg(long = "fact", value_name = "NAME=yes|no")]
    pub facts: Vec<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 when a finding blocks.
    #[arg(long)]
    pub strict: bool,
}

/// Reads an ISO 3166 alpha-2 country code.
pub fn country(s: &str) -> Result<Country, String> {
    s.parse()
}

/// Reads `--tag`: a route keyword (utility_template, standard…) or a tag name.
pub fn parse_route(s: &str) -> Route {
    s.parse::<Route>()
        .unwrap_or_else(|_| Route::MessageTag(s.trim().to_ascii_uppercase()))
}

/// Runs the subcommand; returns the exit code.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<u8> {
    let lang = cli.language();
    let raw = read_message(
        args.text.as_deref(),
        args.file.as_deref(),
        "ventana check \"TEXT\", --file FILE, -",
        lang,
    )?;
    let text = placeholder::fill(&raw, &fill_values(&args.fill, "{first_name}=Anna", lang)?);
    let engine = cli.engine()?;
    let at = args.at.unwrap_or_else(|| cli.now());
    let report = engine.check(&CheckInput {
        text: &text,
        channel: args.channel,
        chosen: args.tag.as_deref().map(parse_route),
        at,
        place: Place {
            page: args.page_country,
            recipient: args.recipient_country.or(args.page_country),
        },
        ui_lang: lang,
        answers: answers(&args.facts, lang)?,
    });
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        out!("{}", human(&engine, &report, lang));
    }
    Ok(if args.strict && report.blocked { 1 } else { 0 })
}

/// Reads `--fact NAME=yes|no` answers (also sì/si/sí/no, true/false).
pub fn answers(pairs: &[String], lang: Lang) -> anyhow::Result<Answers> {
    let mut out = Answers::default();
    for pair in pairs {
        let parsed = pair.split_once('=').and_then(|(k, v)| {
            let fact = k.parse::<Fact>().ok()?;
            let yes = match v.trim().to_lowercase().as_str() {
                "yes" | "y" | "true" | "si" | "sì" | "sí" => true,
                "no" | "n" | "false" => false,
                _ => return None,
            };
            Some((fact, yes))
        });
        let Some((fact, yes)) = parsed else {
            return Err(fail(
                lang,
                "cli-error-fact",
                &[("value", format!("{pair:?}").into())],
            ));
        };
        out.set(fact, Some(yes));
    }
    Ok(out)
}

/// Reads `--fill PLACEHOLDER=VALUE` pairs; `example` shows the form in the error.
pub fn fill_values(
    pairs: &[String],
    example: &str,
    lang: Lang,
) -> anyhow::Result<BTreeMap<String, String>> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => Ok((k.to_string(), v.to_string())),
            None => Err(fail(
                lang,
                "cli-error-fill",
                &[
                    ("pair", format!("{pair:?}").into()),
                    ("example", example.into()),
                ],
            )),
        })
        .collect()
}

/// Reads a message given as text (`-` = standard input) or as a file (`-` = standard input);
/// `usage` says how to give one when neither is.
pub fn read_message(
    text: Option<&str>,
    file: Option<&std::path::Path>,
    usage: &str,
    lang: Lang,
) -> anyhow::Result<String> {
    let stdin = || -> anyhow::Result<String> {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| fail(lang, "cli-error-stdin", &[("detail", e.to_string().into())]))?;
        Ok(s)
    };
    let text = match (text, file) {
        (Some("-"), _) => stdin()?,
        (Some(t), _) => t.to_string(),
        (None, Some(f)) if f.as_os_str() == "-" => stdin()?,
        (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| {
            fail(
                lang,
                "cli-error-message-file",
                &[
                    ("path", f.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            )
        })?,
        (None, None) => {
            return Err(fail(
                lang,
                "cli-error-no-message",
                &[("usage", usage.into())],
            ));
        }
    };
    let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
    if text.trim().is_empty() {
        return Err(fail(lang, "cli-error-empty-message", &[]));
    }
    Ok(text)
}

fn human(engine: &ventana::Engine, r: &Report, lang: Lang) -> String {
    let t = |k: &str| engine.i18n.t(lang, k);
    let mut out = String::new();
    let lang_name = match r.language.as_str() {
        "en" | "it" | "es" => t(&format!("lang-{}", r.language)),
        "und" => t("lang-und"),
        other => ventana::i18n::language_name(other, lang),
    };
    out.push_str(&format!("{}: {lang_name}\n", t("cli-language")));
    let promo = match r.promotional {
        Some(true) => t("cli-yes"),
        Some(false) => t("cli-no"),
        None => t("cli-not-checked"),
    };
    out.push_str(&format!(
        "{}: {promo} ({} {})\n",
        t("cli-promotional"),
        t("cli-score"),
        format_decimal(lang, r.score_shown(), 2)
    ));
    if let Some(p) = r.purpose {
        out.push_str(&format!(
            "{}: {} ({})\n",
            t("cli-purpose"),
            p,
            ventana::compliance::purpose_phrase(Some(p), lang, &engine.i18n)
        ));
    }
    out.push_str(&format!(
        "{}: {}\n",
        t("cli-suggested-tag"),
        r.suggested_tag.clone().unwrap_or_else(|| t("cli-none"))
    ));
    out.push_str(&format!(
        "{}: {} — {}\n",
        t("cli-route"),
        r.suggested_route,
        r.route_reason
    ));
    if let Some(v) = &r.policy_version {
        out.push_str(&format!("{}: {v}", t("cli-policy")));
        if let Some(rule) = &r.rule {
            out.push_str(&format!(", {rule}"));
        }
        if let Some(src) = &r.source {
            out.push_str(&format!(" <{src}>"));
        }
        out.push('\n');
    }
    if !r.facts.is_empty() {
        out.push_str(&format!("{}:\n", t("cli-facts")));
        for f in &r.facts {
            let yes_no = |yes: bool| t(if yes { "cli-yes" } else { "cli-no" });
            let (answer, how) = match f.answer {
                Some(a) => (yes_no(a), t("cli-fact-answered")),
                None => (
                    yes_no(f.guess.yes),
                    engine.i18n.tr(
                        lang,
                        "cli-fact-guessed",
                        &[(
                            "percent",
                            ((f.guess.confidence * 100.0).round() as u64).into(),
                        )],
                    ),
                ),
            };
            let mark = if f.relied_on { " *" } else { "" };
            out.push_str(&format!(
                "  {} {} {answer} ({how}){mark}\n",
                f.fact, f.question
            ));
        }
    }
    let chars = r.chars;
    out.push_str(&format!("{}: {chars}\n", t("cli-chars")));
    if r.findings.is_empty() {
        out.push_str(&format!("{}: {}\n", t("cli-findings"), t("cli-none")));
    } else {
        out.push_str(&format!("{}:\n", t("cli-findings")));
        for f in &r.findings {
            let span = if f.start == f.end {
                String::new()
            } else {
                format!(" {}..{}", f.start, f.end)
            };
            out.push_str(&format!(
                "  [{}] {}{span}: {}\n",
                f.severity.as_str(),
                f.category,
                f.explanation
            ));
        }
    }
    out
}
