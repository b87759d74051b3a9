//! The full check of one message: the analysis, the advice of the policy in force, and the
//! findings with a sentence each in the reader's language.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::analysis::{Analysis, analyze};
use super::facts::{self, Answers, Fact, Guess};
use super::language::Detected;
use super::{Category, Learned, Lexicons, Model, Severity, Tip};
use crate::i18n::{Arg, I18n, Lang, format_date, format_decimal, format_instant, language_name};
use crate::policy::region::{Available, Confidence, Country, Party, Place, Scope};
use crate::policy::route::{self, Advice, ChosenVerdict, Fit, Reason, RegionWhy};
use crate::policy::{
    Channel, ChannelPolicy, ContentFacts, Policy, Purpose, Route, RouteOption, WindowNeed,
};

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
    /// Where the Page and the person are (unknown = the conservative answer).
    pub place: Place,
    /// The language explanations are written in.
    pub ui_lang: Lang,
    /// What the marketer said of the facts the text cannot show.
    pub answers: Answers,
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
    /// The Page's country, when known.
    pub page_country: Option<Country>,
    /// The person's country, when known.
    pub recipient_country: Option<Country>,
    /// Every route in force, whether it fits the text and whether it exists here.
    pub routes: Vec<RouteView>,
    /// Platform features restricted where the Page or the person is, at the send instant.
    pub region_notes: Vec<RegionNote>,
    /// The facts the text cannot show: the question, the marketer's answer, Ventana's guess.
    pub facts: Vec<FactView>,
    /// What the learned score said (`null` without a model or for an unchecked text).
    pub learned: Option<Learned>,
}

/// A fact only the marketer knows, as reported (`facts[]` of `ventana check --json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactView {
    /// `human_reply`, `own_transaction` or `event_signup`.
    pub fact: Fact,
    /// The question, in the reader's language.
    pub question: String,
    /// The marketer's answer (`null`: not answered; the guess is used).
    pub answer: Option<bool>,
    /// Ventana's guess from the text.
    pub guess: Guess,
    /// Whether the verdict rests on the answer.
    pub relied_on: bool,
}

/// A route considered for a text, as reported (`routes[]` of `ventana check --json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteView {
    /// The route.
    pub route: Route,
    /// The rule it rests on.
    pub rule: String,
    /// Whether and why its content rules fit the text.
    pub fit: Fit,
    /// `true`, `false` or `"uncertain"`: whether the route exists for this Page and person.
    pub available: Available,
    /// Why it does not (or may not), when `available` is not `true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable_reason: Option<UnavailableReason>,
    /// What the Page needs first, in the reader's language.
    pub requires: Option<String>,
    /// When it may be used relative to the window.
    pub window: WindowNeed,
    /// Latest send, in hours after the person's last action.
    pub max_hours: Option<u32>,
    /// Whether a person must write it.
    pub human_only: bool,
    /// Whether Ventana suggests it on its own (false: the Page sets it up first).
    pub suggest: bool,
}

/// Why a route does not exist for a Page or a person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnavailableReason {
    /// The regional restriction, e.g. `messenger.utility_template.region1`.
    pub rule: String,
    /// Its source URL.
    pub source: String,
    /// `confirmed`, `reported` (third parties only) or `conflicting`.
    pub confidence: Confidence,
    /// Whose country decides it.
    pub party: Party,
    /// One sentence, in the reader's language.
    pub explanation: String,
}

/// A platform feature that is not available where the Page or the person is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegionNote {
    /// The feature's id.
    pub feature: String,
    /// Its name and what happened, in the reader's language.
    pub explanation: String,
    /// Source URL.
    pub source: String,
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
pub fn check(
    input: &CheckInput<'_>,
    policy: &Policy,
    lexicons: &Lexicons,
    model: Option<&Model>,
    i18n: &I18n,
) -> Report {
    let analysis = analyze(input.text, lexicons, model);
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
    // The answers may change what the text is for: everything below reads the answered
    // analysis, so the suggestion and the blocking findings rest on the same facts. The
    // guesses are of the text as written.
    let (answered, relied) = facts::apply(analysis, &input.answers);
    let fact_views: Vec<FactView> = if analysis.checked {
        Fact::ALL
            .iter()
            .map(|f| FactView {
                fact: *f,
                question: i18n.t(lang, &format!("fact-{f}-question")),
                answer: input.answers.get(*f),
                guess: facts::guess(analysis, *f),
                relied_on: relied.contains(f),
            })
            .collect()
    } else {
        Vec::new()
    };
    let analysis = &*answered;
    let facts = analysis.facts();
    let cp = policy.channel(input.channel);
    let advice = cp.map(|cp| route::advise(cp, &facts, input.at, &input.place));

    let mut findings = Vec::new();
    if let Detected::Other { code, name } = &analysis.detected {
        let name = match language_name(code, lang) {
            n if n == *code => name.clone(),
            n => n,
        };
        findings.push(Finding {
            rule: "language".into(),
            category: Category::Language,
            severity: Severity::Warn,
            start: 0,
            end: text.len(),
            excerpt: excerpt(text, 0, text.len()),
            explanation: i18n.tr(lang, "finding-language", &[("name", name.into())]),
        });
    }
    if let (Some(part), Some(main)) = (&analysis.foreign, analysis.detected.lang()) {
        let percent = (part.share * 100.0).round() as u64;
        findings.push(Finding {
            rule: "language.part".into(),
            category: Category::Language,
            severity: Severity::Warn,
            start: 0,
            end: text.len(),
            excerpt: excerpt(text, 0, text.len()),
            explanation: i18n.tr(
                lang,
                "finding-language-part",
                &[
                    ("name", language_name(&part.code, lang).into()),
                    ("percent", percent.into()),
                    (
                        "checked",
                        i18n.t(lang, &format!("lang-{}", main.code())).into(),
                    ),
                ],
            ),
        });
    }
    if let Some(cp) = cp {
        findings.extend(length_findings(cp, text, lang, i18n));
    }

    let chosen_verdict = match (cp, &input.chosen) {
        (Some(cp), Some(chosen)) => Some(route::judge_chosen(
            cp,
            chosen,
            &facts,
            input.at,
            &input.place,
        )),
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
    if let Some(learned) = &analysis.learned {
        findings.extend(learned_findings(learned, text, lang, i18n));
    }
    if let (Some(cp), Some(chosen), Some(verdict)) = (cp, &input.chosen, &chosen_verdict) {
        findings.extend(chosen_finding(cp, chosen, verdict, analysis, input, i18n));
    }
    findings.sort_by_key(|f| (f.start != 0 || f.end != 0, f.start, f.end));

    let route_reason = match (&advice, cp) {
        (Some(a), Some(cp)) => {
            let mut s = reason_sentence(cp, a, analysis, input, i18n);
            let answered = relied
                .iter()
                .filter_map(|f| input.answers.get(*f).map(|a| (*f, a)));
            if let Some(said) = facts::said(answered, lang) {
                s.push(' ');
                s.push_str(&i18n.tr(
                    lang,
                    "reason-rests-on",
                    &[("answers", said.into()), ("count", relied.len().into())],
                ));
            }
            s
        }
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
        promo_score: score_rounded(analysis.promo_score, analysis.promotional, 3) as f32,
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
        page_country: input.place.page,
        recipient_country: input.place.recipient,
        routes: match (&advice, cp) {
            (Some(a), Some(cp)) => a
                .options
                .iter()
                .map(|o| route_view(cp, o, &input.place, lang, i18n))
                .collect(),
            _ => Vec::new(),
        },
        region_notes: cp
            .map(|cp| region_notes(cp, &input.place, input.at, lang, i18n))
            .unwrap_or_default(),
        facts: fact_views,
        learned: analysis.learned.clone(),
    }
}

/// The learned score's findings: its strongest phrases (a warning when the score, not a
/// cue, made the text promotional) and, for a borderline text, what would tip it.
fn learned_findings(learned: &Learned, text: &str, lang: Lang, i18n: &I18n) -> Vec<Finding> {
    let score: Arg = format_decimal(lang, f64::from(learned.probability), 2).into();
    let threshold: Arg = format_decimal(lang, f64::from(learned.threshold), 2).into();
    let rule = format!("model.{}", learned.version);
    let mut out: Vec<Finding> = learned
        .phrases
        .iter()
        .map(|p| {
            let ex = excerpt(text, p.start, p.end);
            let (severity, key) = if learned.decided {
                (Severity::Warn, "finding-learned-decided")
            } else {
                (Severity::Info, "finding-learned")
            };
            Finding {
                rule: rule.clone(),
                category: Category::Learned,
                severity,
                start: p.start,
                end: p.end,
                explanation: i18n.tr(
                    lang,
                    key,
                    &[
                        ("excerpt", ex.as_str().into()),
                        ("score", score.clone()),
                        ("threshold", threshold.clone()),
                    ],
                ),
                excerpt: ex,
            }
        })
        .collect();
    if let Some(tip) = &learned.tip {
        let (key, ex) = match tip {
            Tip::Without { start, end, .. } => {
                ("finding-borderline-without", excerpt(text, *start, *end))
            }
            Tip::Spread => ("finding-borderline-spread", String::new()),
            Tip::Closer => ("finding-borderline-closer", String::new()),
        };
        out.push(Finding {
            rule,
            category: Category::Borderline,
            severity: Severity::Warn,
            // About the whole text, without underlining all of it.
            start: 0,
            end: 0,
            explanation: i18n.tr(
                lang,
                key,
                &[
                    ("excerpt", ex.as_str().into()),
                    ("score", score),
                    ("threshold", threshold),
                ],
            ),
            excerpt: String::new(),
        });
    }
    out
}

/// A route option as reported, with its sentences in `lang`.
fn route_view(
    cp: &ChannelPolicy,
    o: &RouteOption,
    place: &Place,
    lang: Lang,
    i18n: &I18n,
) -> RouteView {
    RouteView {
        route: o.route.clone(),
        rule: o.rule.clone(),
        fit: o.fit.clone(),
        available: o.available,
        unavailable_reason: o.restriction.as_ref().map(|scope| UnavailableReason {
            rule: scope.id.clone(),
            source: scope.source.clone(),
            confidence: scope.confidence,
            party: scope.party,
            explanation: region_sentence(cp, &o.rule, o.available, scope, place, lang, i18n),
        }),
        requires: requires_of(cp, &o.rule).map(|t| t.get(lang).to_string()),
        window: o.window,
        max_hours: o.max_hours,
        human_only: o.human_only,
        suggest: o.suggest,
    }
}

/// What the rule `id` needs first.
fn requires_of<'a>(cp: &'a ChannelPolicy, id: &str) -> Option<&'a crate::policy::Text> {
    cp.rules
        .iter()
        .find(|r| r.id == id)
        .and_then(|r| r.requires.as_ref())
}

/// One sentence saying that the route of rule `rule_id` does not (or may not) exist for the
/// Page or the person at `place`, and why, in `lang`.
fn region_sentence(
    cp: &ChannelPolicy,
    rule_id: &str,
    available: Available,
    scope: &Scope,
    place: &Place,
    lang: Lang,
    i18n: &I18n,
) -> String {
    let title = cp
        .rules
        .iter()
        .find(|r| r.id == rule_id)
        .map(|r| r.title.clone())
        .unwrap_or_default();
    region_explanation(
        &RegionWhy {
            rule: rule_id.to_string(),
            title,
            available,
            scope: scope.clone(),
            place: *place,
        },
        lang,
        i18n,
    )
}

/// One sentence saying why a route does not (or may not) exist for a Page and a person, in
/// `lang`: "Utility Messages (approved templates): not available to Pages in Italy. …", with
/// the route's regional note, how certain it is and, when a country is missing, how to set it.
pub fn region_explanation(why: &RegionWhy, lang: Lang, i18n: &I18n) -> String {
    let mut s = region_sentence_with(why, why.scope.reason.get(lang), lang, i18n);
    match why.scope.confidence {
        Confidence::Confirmed => {}
        Confidence::Reported => {
            s.push(' ');
            s.push_str(&i18n.t(lang, "region-confidence-reported"));
        }
        Confidence::Conflicting => {
            s.push(' ');
            s.push_str(&i18n.t(lang, "region-confidence-conflicting"));
        }
    }
    if region_key(why).0 == "region-unknown-page" {
        s.push(' ');
        s.push_str(&i18n.t(lang, "region-unknown-page-fix"));
    }
    s
}

/// The first sentence of [`region_explanation`] alone ("Utility Messages (approved templates):
/// the Page's country is not known, so Ventana does not count on it."), for a row of a list
/// that repeats it for every person.
pub fn region_brief(why: &RegionWhy, lang: Lang, i18n: &I18n) -> String {
    region_sentence_with(why, "", lang, i18n)
        .trim_end()
        .to_string()
}

/// The message key for `why` and the party (Page or person) whose country decides it.
fn region_key(why: &RegionWhy) -> (String, Party) {
    let (_, decisive) = why.scope.decide(&why.place);
    let party = match decisive {
        Party::Recipient => "recipient",
        Party::Page | Party::Either => "page",
    };
    let key = match (why.available, why.place.of(decisive)) {
        (_, None) => format!("region-unknown-{party}"),
        (Available::Uncertain, Some(_)) => format!("region-uncertain-{party}"),
        _ => format!("region-no-{party}"),
    };
    (key, decisive)
}

fn region_sentence_with(why: &RegionWhy, reason: &str, lang: Lang, i18n: &I18n) -> String {
    let title = match why.title.get(lang) {
        "" => why.rule.clone(),
        t => t.to_string(),
    };
    let (key, decisive) = region_key(why);
    let country = why
        .place
        .of(decisive)
        .map_or_else(String::new, |c| c.name(lang).to_string());
    i18n.tr(
        lang,
        &key,
        &[
            ("route", title.into()),
            ("country", country.into()),
            ("reason", reason.into()),
        ],
    )
}

/// The platform features restricted for the Page or the person at `at`.
fn region_notes(
    cp: &ChannelPolicy,
    place: &Place,
    at: DateTime<Utc>,
    lang: Lang,
    i18n: &I18n,
) -> Vec<RegionNote> {
    cp.features
        .iter()
        .filter(|f| f.scope.in_force(at) && f.scope.decide(place).0 == Available::No)
        .map(|f| RegionNote {
            feature: f.id.clone(),
            explanation: i18n.tr(
                lang,
                "region-feature",
                &[
                    ("feature", f.title.get(lang).into()),
                    ("reason", f.scope.reason.get(lang).into()),
                ],
            ),
            source: f.scope.source.clone(),
        })
        .collect()
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// `score` rounded to `decimals` places without crossing 0.5, the line between promotional and
/// not: a text judged not promotional never shows 0.50, however close its score came.
pub fn score_rounded(score: f32, promotional: Option<bool>, decimals: i32) -> f64 {
    let unit = 10f64.powi(-decimals);
    let rounded = (f64::from(score) / unit).round() * unit;
    match promotional {
        Some(false) if rounded >= 0.5 => 0.5 - unit,
        Some(true) if rounded < 0.5 => 0.5,
        _ => rounded,
    }
}

impl Report {
    /// The score to two decimals, on the side of the verdict.
    pub fn score_shown(&self) -> f64 {
        score_rounded(self.promo_score, self.promotional, 2)
    }
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
    advice: &Advice,
    analysis: &Analysis,
    input: &CheckInput<'_>,
    i18n: &I18n,
) -> String {
    let lang = input.ui_lang;
    let hours = cp
        .version_at(input.at)
        .map_or(24, |v| v.window_hours)
        .into();
    let requires =
        |rule: Option<&str>| rule.and_then(|id| requires_of(cp, id)).map(|t| t.get(lang));
    let mut s = match &advice.reason {
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
                        with_requires(route, requires(advice.rule.as_deref()), lang, i18n).into(),
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
            replacement_rule,
        } => match replacement {
            Some(r) => i18n.tr(
                lang,
                "reason-retired",
                &[
                    ("tag", tag.as_str().into()),
                    ("date", format_date(lang, *on).into()),
                    (
                        "replacement",
                        with_requires(r, requires(replacement_rule.as_deref()), lang, i18n).into(),
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
        // A survey prompt is what only the Customer Feedback Template may carry.
        Reason::PromotionalOnlyInside if analysis.purpose == Some(Purpose::Feedback) => {
            i18n.tr(lang, "reason-feedback", &[("hours", hours)])
        }
        Reason::PromotionalOnlyInside => i18n.tr(lang, "reason-promotional", &[("hours", hours)]),
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
    };
    // Routes the text would fit but that do not exist for this Page or person: those
    // Ventana would suggest, and for a promotion the paid and opt-in ones it depends on.
    let mut seen: Vec<&Route> = Vec::new();
    let promotional = analysis.promotional == Some(true);
    for o in advice.region_blocked() {
        if seen.contains(&&o.route)
            || o.route == advice.suggested_route
            || !(o.suggest || promotional)
        {
            continue;
        }
        seen.push(&o.route);
        if let Some(scope) = &o.restriction {
            s.push(' ');
            s.push_str(&region_sentence(
                cp,
                &o.rule,
                o.available,
                scope,
                &input.place,
                lang,
                i18n,
            ));
        }
    }
    let mut setup: Vec<String> = advice
        .setup_routes()
        .map(|o| with_requires(&o.route, requires(Some(&o.rule)), lang, i18n))
        .collect();
    setup.dedup();
    if !setup.is_empty() {
        s.push(' ');
        s.push_str(&i18n.tr(
            lang,
            "reason-alternatives",
            &[("routes", setup.join("; ").into())],
        ));
    }
    s
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
            rule,
            on,
            replacement,
            replacement_rule,
        } => {
            let requires = replacement_rule
                .as_deref()
                .and_then(|id| requires_of(cp, id))
                .map(|t| t.get(lang));
            let explanation = match replacement {
                Some(r) => i18n.tr(
                    lang,
                    "reason-retired",
                    &[
                        ("tag", tag),
                        ("date", format_date(lang, *on).into()),
                        ("replacement", with_requires(r, requires, lang, i18n).into()),
                    ],
                ),
                None => i18n.tr(
                    lang,
                    "reason-retired-inside",
                    &[("tag", tag), ("date", format_date(lang, *on).into())],
                ),
            };
            finding(
                rule.clone(),
                Category::RetiredTag,
                Severity::Block,
                explanation,
            )
        }
        ChosenVerdict::Unavailable {
            rule,
            available,
            restriction,
        } => finding(
            restriction.id.clone(),
            Category::RegionUnavailable,
            Severity::Block,
            region_sentence(cp, rule, *available, restriction, &input.place, lang, i18n),
        ),
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

#[cfg(test)]
mod tests {
    use super::score_rounded;

    #[test]
    fn a_rounded_score_stays_on_the_side_of_its_verdict() {
        assert_eq!(score_rounded(0.4995, Some(false), 3), 0.499);
        assert_eq!(score_rounded(0.4995, Some(false), 2), 0.49);
        assert_eq!(score_rounded(0.4995, None, 3), 0.5);
        assert_eq!(score_rounded(0.4996, Some(true), 3), 0.5);
        assert!((score_rounded(0.712_34, Some(true), 3) - 0.712).abs() < 1e-9);
        assert!((score_rounded(0.123_6, Some(false), 2) - 0.12).abs() < 1e-9);
    }
}
