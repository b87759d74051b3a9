//! The full check of one message: the analysis, the advice of the policy in force, and the
//! findings with a sentence each in the reader's language.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::analysis::{Analysis, analyze};
use super::language::Detected;
use super::{Category, Lexicons, Severity};
use crate::i18n::{Arg, I18n, Lang, format_date, format_instant};
use crate::policy::route::{self, ChosenVerdict, Fit, Reason};
use crate::policy::{Channel, ChannelPolicy, ContentFacts, Policy, Purpose, Route, RouteOption};

/// What to check.
#[derive(Clone, Debug)]
pub struct CheckInput<'a> {
    /// The message text (placeholders already filled, if the user gave values).
    pub text: &'a str,
    /// The channel it will go out on.
    pub channel: Channel,
    /// The route the marketer picked, if any.
    pub chosen: Option<Route>,
    /// The send instant.
    pub at: DateTime<Utc>,
    /// The language explanations are written in.
    pub ui_lang: Lang,
}

/// One thing the checker has to say, pointing at the words that caused it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Lexicon entry or policy rule id.
    pub rule: String,
    /// What kind of finding.
    pub category: Category,
    /// How serious.
    pub severity: Severity,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// The words at the span.
    pub excerpt: String,
    /// One sentence: what and why.
    pub explanation: String,
}

/// The result of a check (the JSON of `ventana check --json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// `en`, `it`, `es`, another ISO 639-3 code, or `und`.
    pub language: String,
    /// Whether the text was checked (a supported or undetermined language).
    pub checked: bool,
    /// Characters.
    pub chars: usize,
    /// UTF-8 bytes.
    pub bytes: usize,
    /// Channel.
    pub channel: Channel,
    /// Send instant.
    pub at: DateTime<Utc>,
    /// Whether it is promotional (`null` when not checked).
    pub promotional: Option<bool>,
    /// 0..1, promotional from 0.5.
    pub promo_score: f32,
    /// What it is for (`null` when not checked).
    pub purpose: Option<Purpose>,
    /// Every purpose's score.
    pub purpose_scores: BTreeMap<Purpose, f32>,
    /// Suggested tag (`null` when the suggested route is not a tag).
    pub suggested_tag: Option<String>,
    /// Suggested route for people outside the window; `standard` = only inside it.
    pub suggested_route: Route,
    /// Why, in one sentence.
    pub route_reason: String,
    /// The rule the suggestion rests on.
    pub rule: Option<String>,
    /// Its source URL.
    pub source: Option<String>,
    /// The policy version in force.
    pub policy_version: Option<String>,
    /// The route the marketer picked.
    pub chosen_route: Option<Route>,
    /// Whether any finding blocks.
    pub blocked: bool,
    /// Findings, in text order (whole-message findings first).
    pub findings: Vec<Finding>,
    /// Every route in force and whether it fits.
    pub routes: Vec<RouteOption>,
}

impl Analysis {
    /// The facts the policy needs.
    pub fn facts(&self) -> ContentFacts {
        ContentFacts {
            checked: self.checked,
            promotional: self.promotional.unwrap_or(false),
            purpose: self.purpose,
            topics: self.topics.clone(),
        }
    }
}

/// Checks a message against the lexicons and the policy of its channel.
pub fn check(input: &CheckInput<'_>, policy: &Policy, lexicons: &Lexicons, i18n: &I18n) -> Report {
    let analysis = analyze(input.text, lexicons);
    check_analysed(input, &analysis, policy, i18n)
}

/// Like [`check`], for a text already analysed (the GUI memoises the analysis).
pub fn check_analysed(
    input: &CheckInput<'_>,
    analysis: &Analysis,
    policy: &Policy,
    i18n: &I18n,
) -> Report {
    let lang = input.ui_lang;
    let text = input.text;
    let facts = analysis.facts();
    let cp = policy.channel(input.channel);
    let advice = cp.map(|cp| route::advise(cp, &facts, input.at));

    let mut findings = Vec::new();
    if let Detected::Other { name, .. } = &analysis.detected {
        findings.push(Finding {
            rule: "language".into(),
            category: Category::Language,
            severity: Severity::Warn,
            start: 0,
            end: text.len(),
            excerpt: excerpt(text, 0, text.len()),
            explanation: i18n.tr(lang, "finding-language", &[("name", name.as_str().into())]),
        });
    }
    if let Some(cp) = cp {
        findings.extend(length_findings(cp, text, lang, i18n));
    }

    let chosen_verdict = match (cp, &input.chosen) {
        (Some(cp), Some(chosen)) => Some(route::judge_chosen(cp, chosen, &facts, input.at)),
        _ => None,
    };
    // A chosen route that cannot carry promotional content turns every cue into a blocker.
    let cues_block = matches!(
        chosen_verdict,
        Some(ChosenVerdict::Mismatch {
            fit: Fit::Promotional,
            ..
        })
    );
    let promotional = analysis.promotional.unwrap_or(false);
    for cue in &analysis.cues {
        let decisive =
            cue.weight >= 1.0 && !matches!(cue.category, Category::Link | Category::Price);
        let severity = if promotional && decisive && cues_block {
            Severity::Block
        } else if promotional && decisive {
            Severity::Warn
        } else {
            Severity::Info
        };
        let ex = excerpt(text, cue.start, cue.end);
        findings.push(Finding {
            rule: cue.rule.clone(),
            category: cue.category,
            severity,
            start: cue.start,
            end: cue.end,
            explanation: i18n.tr(
                lang,
                &format!("cue-{}", cue.category.as_str()),
                &[("excerpt", ex.as_str().into())],
            ),
            excerpt: ex,
        });
    }
    if let (Some(cp), Some(chosen), Some(verdict)) = (cp, &input.chosen, &chosen_verdict) {
        findings.extend(chosen_finding(cp, chosen, verdict, analysis, input, i18n));
    }
    findings.sort_by_key(|f| (f.start != 0 || f.end != 0, f.start, f.end));

    let route_reason = match (&advice, cp) {
        (Some(a), Some(cp)) => reason_sentence(cp, &a.reason, analysis, input, i18n),
        _ => i18n.tr(
            lang,
            "reason-no-policy",
            &[
                ("channel", input.channel.as_str().into()),
                ("at", format_instant(lang, input.at).into()),
            ],
        ),
    };
    let blocked = findings.iter().any(|f| f.severity == Severity::Block);
    Report {
        language: analysis.detected.code().to_string(),
        checked: analysis.checked,
        chars: text.chars().count(),
        bytes: text.len(),
        channel: input.channel,
        at: input.at,
        promotional: analysis.promotional,
        promo_score: round3(analysis.promo_score),
        purpose: analysis.purpose,
        purpose_scores: analysis
            .purpose_scores
            .iter()
            .map(|(p, s)| (*p, round3(*s)))
            .collect(),
        suggested_tag: advice.as_ref().and_then(|a| a.suggested_tag.clone()),
        suggested_route: advice
            .as_ref()
            .map_or(Route::None, |a| a.suggested_route.clone()),
        route_reason,
        rule: advice.as_ref().and_then(|a| a.rule.clone()),
        source: advice.as_ref().and_then(|a| a.source.clone()),
        policy_version: advice.as_ref().and_then(|a| a.policy_version.clone()),
        chosen_route: input.chosen.clone(),
        blocked,
        findings,
        routes: advice.map(|a| a.options).unwrap_or_default(),
    }
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// The text at a span, shortened to 80 characters for display.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let s = text.get(start..end).unwrap_or_default();
    if s.chars().count() <= 80 {
        return s.to_string();
    }
    let mut out: String = s.chars().take(79).collect();
    out.push('…');
    out
}

fn length_findings(cp: &ChannelPolicy, text: &str, lang: Lang, i18n: &I18n) -> Vec<Finding> {
    let mut out = Vec::new();
    let chars = text.chars().count();
    if let Some(max) = cp.limits.text_max_chars
        && chars > max
    {
        let start = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
        out.push(Finding {
            rule: format!("{}.limits.text_max_chars", cp.channel),
            category: Category::LengthLimit,
            severity: Severity::Block,
            start,
            end: text.len(),
            excerpt: excerpt(text, start, text.len()),
            explanation: i18n.tr(
                lang,
                "finding-length-chars",
                &[
                    ("count", chars.into()),
                    ("limit", max.into()),
                    ("channel", channel_name(cp.channel).into()),
                ],
            ),
        });
    }
    if let Some(max) = cp.limits.text_max_bytes
        && text.len() > max
    {
        let start = text
            .char_indices()
            .take_while(|(i, c)| i + c.len_utf8() <= max)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        out.push(Finding {
            rule: format!("{}.limits.text_max_bytes", cp.channel),
            category: Category::LengthLimit,
            severity: Severity::Block,
            start,
            end: text.len(),
            excerpt: excerpt(text, start, text.len()),
            explanation: i18n.tr(
                lang,
                "finding-length-bytes",
                &[
                    ("count", text.len().into()),
                    ("limit", max.into()),
                    ("channel", channel_name(cp.channel).into()),
                ],
            ),
        });
    }
    out
}

/// The product name of a channel.
pub fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::Messenger => "Messenger",
        Channel::Instagram => "Instagram",
        Channel::Whatsapp => "WhatsApp",
    }
}

/// A route as a phrase: "the POST_PURCHASE_UPDATE tag", "an approved Utility template".
pub fn route_phrase(route: &Route, lang: Lang, i18n: &I18n) -> String {
    match route {
        Route::MessageTag(tag) => {
            i18n.tr(lang, "route-message_tag", &[("tag", tag.as_str().into())])
        }
        other => i18n.t(lang, &format!("route-{other}")),
    }
}

/// Why a contact is left out, as a phrase: "promotional, window closed".
pub fn exclusion_phrase(why: crate::policy::Exclusion, lang: Lang, i18n: &I18n) -> String {
    i18n.t(lang, &format!("excl-{}", why.as_str()))
}

/// A purpose as a phrase: "an order update".
pub fn purpose_phrase(purpose: Option<Purpose>, lang: Lang, i18n: &I18n) -> String {
    i18n.t(
        lang,
        &format!("purpose-{}", purpose.unwrap_or(Purpose::General).as_str()),
    )
}

fn with_requires(route: &Route, requires: Option<&str>, lang: Lang, i18n: &I18n) -> String {
    let phrase = route_phrase(route, lang, i18n);
    match requires {
        Some(r) => i18n.tr(
            lang,
            "route-needs",
            &[("route", phrase.into()), ("requires", r.into())],
        ),
        None => phrase,
    }
}

fn reason_sentence(
    cp: &ChannelPolicy,
    reason: &Reason,
    analysis: &Analysis,
    input: &CheckInput<'_>,
    i18n: &I18n,
) -> String {
    let lang = input.ui_lang;
    let hours = cp
        .version_at(input.at)
        .map_or(24, |v| v.window_hours)
        .into();
    let requires_of = |route: &Route| {
        cp.rules_at(input.at)
            .find(|r| &r.route == route)
            .and_then(|r| r.requires.clone())
    };
    match reason {
        Reason::Fits { route } => {
            let key = if route.tag().is_some() {
                "reason-fits-tag"
            } else {
                "reason-fits-route"
            };
            i18n.tr(
                lang,
                key,
                &[
                    ("tag", route.tag().unwrap_or_default().into()),
                    (
                        "route",
                        with_requires(route, requires_of(route).as_deref(), lang, i18n).into(),
                    ),
                    (
                        "purpose",
                        purpose_phrase(analysis.purpose, lang, i18n).into(),
                    ),
                    ("hours", hours),
                ],
            )
        }
        Reason::TagRetired {
            tag,
            on,
            replacement,
            requires,
        } => match replacement {
            Some(r) => i18n.tr(
                lang,
                "reason-retired",
                &[
                    ("tag", tag.as_str().into()),
                    ("date", format_date(lang, *on).into()),
                    (
                        "replacement",
                        with_requires(r, requires.as_deref(), lang, i18n).into(),
                    ),
                    ("hours", hours),
                ],
            ),
            None => i18n.tr(
                lang,
                "reason-retired-inside",
                &[
                    ("tag", tag.as_str().into()),
                    ("date", format_date(lang, *on).into()),
                    ("hours", hours),
                ],
            ),
        },
        Reason::PromotionalOnlyInside => {
            let mut s = i18n.tr(lang, "reason-promotional", &[("hours", hours)]);
            let facts = analysis.facts();
            let mut others: Vec<String> = cp
                .rules_at(input.at)
                .filter(|r| !r.suggest && route::fit(r, &facts, input.at) == Fit::Fits)
                .map(|r| route_phrase(&r.route, lang, i18n))
                .collect();
            others.dedup();
            if !others.is_empty() {
                s.push(' ');
                s.push_str(&i18n.tr(
                    lang,
                    "reason-alternatives",
                    &[("routes", others.join("; ").into())],
                ));
            }
            s
        }
        Reason::NoRouteForPurpose { purpose } => i18n.tr(
            lang,
            "reason-no-route",
            &[
                ("purpose", purpose_phrase(*purpose, lang, i18n).into()),
                ("hours", hours),
            ],
        ),
        Reason::Unchecked => i18n.tr(lang, "reason-unchecked", &[("hours", hours)]),
        Reason::NoPolicy => i18n.tr(
            lang,
            "reason-no-policy",
            &[
                ("channel", channel_name(cp.channel).into()),
                ("at", format_instant(lang, input.at).into()),
            ],
        ),
    }
}

fn chosen_finding(
    cp: &ChannelPolicy,
    chosen: &Route,
    verdict: &ChosenVerdict,
    analysis: &Analysis,
    input: &CheckInput<'_>,
    i18n: &I18n,
) -> Option<Finding> {
    let lang = input.ui_lang;
    let name = route_phrase(chosen, lang, i18n);
    let tag: Arg = chosen
        .tag()
        .map_or_else(|| name.clone(), str::to_string)
        .into();
    let finding = |rule: String, category, severity, explanation| Finding {
        rule,
        category,
        severity,
        start: 0,
        end: 0,
        excerpt: String::new(),
        explanation,
    };
    Some(match verdict {
        ChosenVerdict::Fits { rule } => {
            let r = cp.rules.iter().find(|r| &r.id == rule)?;
            if !r.human_only {
                return None;
            }
            finding(
                rule.clone(),
                Category::HumanOnly,
                Severity::Info,
                i18n.tr(
                    lang,
                    "finding-human_only",
                    &[("tag", tag), ("hours", r.max_hours.unwrap_or(168).into())],
                ),
            )
        }
        ChosenVerdict::Unknown { known } => finding(
            format!("{}.tags", cp.channel),
            Category::UnknownTag,
            Severity::Block,
            i18n.tr(
                lang,
                "finding-unknown_tag",
                &[
                    ("tag", tag),
                    ("channel", channel_name(cp.channel).into()),
                    ("known", known.join(", ").into()),
                ],
            ),
        ),
        ChosenVerdict::NotYet { from } => finding(
            format!("{}.tags", cp.channel),
            Category::TagNotYet,
            Severity::Block,
            i18n.tr(
                lang,
                "finding-tag_not_yet",
                &[
                    ("tag", tag),
                    ("date", format_date(lang, *from).into()),
                    ("at", format_date(lang, input.at.date_naive()).into()),
                ],
            ),
        ),
        ChosenVerdict::Retired {
            on,
            replacement,
            requires,
        } => {
            let rule = cp
                .rules
                .iter()
                .filter(|r| &r.route == chosen)
                .max_by_key(|r| r.until)
                .map_or_else(String::new, |r| r.id.clone());
            let explanation = match replacement {
                Some(r) => i18n.tr(
                    lang,
                    "reason-retired",
                    &[
                        ("tag", tag),
                        ("date", format_date(lang, *on).into()),
                        (
                            "replacement",
                            with_requires(r, requires.as_deref(), lang, i18n).into(),
                        ),
                    ],
                ),
                None => i18n.tr(
                    lang,
                    "reason-retired-inside",
                    &[("tag", tag), ("date", format_date(lang, *on).into())],
                ),
            };
            finding(rule, Category::RetiredTag, Severity::Block, explanation)
        }
        ChosenVerdict::Mismatch { rule, fit } => {
            let explanation = match fit {
                Fit::Promotional => {
                    i18n.tr(lang, "finding-tag_mismatch-promotional", &[("tag", tag)])
                }
                Fit::WrongPurpose { allowed } => {
                    let allowed: Vec<String> = allowed
                        .iter()
                        .map(|p| purpose_phrase(Some(*p), lang, i18n))
                        .collect();
                    i18n.tr(
                        lang,
                        "finding-tag_mismatch-purpose",
                        &[
                            ("tag", tag),
                            ("allowed", allowed.join(", ").into()),
                            (
                                "purpose",
                                purpose_phrase(analysis.purpose, lang, i18n).into(),
                            ),
                        ],
                    )
                }
                Fit::WrongTopic { topics } => i18n.tr(
                    lang,
                    "finding-tag_mismatch-topic",
                    &[("tag", tag), ("topics", topics.join(", ").into())],
                ),
                _ => i18n.tr(lang, "finding-tag_mismatch-unchecked", &[("tag", tag)]),
            };
            finding(
                rule.clone(),
                Category::TagMismatch,
                Severity::Block,
                explanation,
            )
        }
    })
}
