//! Text analysis, independent of any policy: language, promotional cues with spans and
//! weights, topic scores, the promotional verdict and the purpose.

use serde::Serialize;

use super::language::{self, Detected, ForeignPart};
use super::learned::{self, Learned};
use super::lexicon::{Folded, Hit, Lexicon, Signal};
use super::model::{Model, RuleSignals};
use super::{Category, Lexicons, placeholder};
use crate::policy::Purpose;

/// The promotional score at which a text counts as promotional.
const PROMO_THRESHOLD: f32 = 2.0;
/// A purpose needs at least this much topic evidence to be named.
const PURPOSE_MIN: f32 = 1.0;

/// A cue found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cue {
    /// Lexicon entry id, e.g. `it.discount`.
    pub rule: String,
    /// What kind of cue.
    pub category: Category,
    /// Byte span.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// Weight of the entry.
    pub weight: f32,
}

/// What a text says, before any policy is applied.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The language.
    pub detected: Detected,
    /// Whether the cues of a supported language were looked for.
    pub checked: bool,
    /// Promotional cues (and links), in text order.
    pub cues: Vec<Cue>,
    /// Topic scores, highest first.
    pub topics: Vec<(String, f32)>,
    /// Raw promotional evidence.
    pub promo_evidence: f32,
    /// Promotional score in 0..1; 0.5 and above is promotional.
    pub promo_score: f32,
    /// Whether the text is promotional (`None` when not checked).
    pub promotional: Option<bool>,
    /// What the text is for (`None` when not checked).
    pub purpose: Option<Purpose>,
    /// A part of the text in a language Ventana does not check (only the rest was judged).
    pub foreign: Option<ForeignPart>,
    /// Scores of every purpose, summing to 1.
    pub purpose_scores: Vec<(Purpose, f32)>,
    /// What the learned score added (`None` without a model or for an unchecked text).
    pub learned: Option<Learned>,
}

impl Analysis {
    /// What the lexicons found, as the model reads it.
    pub fn signals(&self) -> RuleSignals {
        let mut categories: Vec<Category> = self
            .cues
            .iter()
            .map(|c| c.category)
            .filter(|c| c.is_promotional_cue())
            .collect();
        categories.sort_unstable();
        categories.dedup();
        RuleSignals {
            lang: self.detected.lang(),
            categories,
            topics: self.topics.clone(),
            promotional: self.promotional.unwrap_or(false),
            purpose: self.purpose,
        }
    }
}

/// Analyses `text` with the lexicons and, when given, the learned score.
pub fn analyze(text: &str, lexicons: &Lexicons, model: Option<&Model>) -> Analysis {
    let rules = analyze_rules(text, lexicons);
    match model {
        Some(model) if rules.checked => learned::combine(text, rules, lexicons, model),
        _ => rules,
    }
}

/// Analyses `text` with the lexicons alone.
pub fn analyze_rules(text: &str, lexicons: &Lexicons) -> Analysis {
    let blanked = placeholder::blank_for_language(text);
    let folded_blank = Folded::new(&blanked);
    let mut stop = [0usize; 3];
    for (i, lex) in lexicons.langs.iter().enumerate() {
        stop[i] = lex.stopword_hits(folded_blank.words());
    }
    let detected = language::detect(&blanked, &folded_blank, stop);
    // A text judged in a checked language may still hold a part in another one.
    let foreign = match detected {
        Detected::Supported { .. } => language::foreign_part(&blanked, |part| {
            let folded = Folded::new(part);
            lexicons
                .langs
                .iter()
                .map(|l| l.stopword_hits(folded.words()))
                .max()
                .unwrap_or(0)
        })
        .filter(|f| f.share >= 0.15),
        _ => None,
    };

    let folded = Folded::new(text);
    let mut used: Vec<&Lexicon> = vec![&lexicons.common];
    match &detected {
        Detected::Supported { lang } => used.push(lexicons.lang(*lang)),
        Detected::Undetermined => used.extend(lexicons.langs.iter()),
        Detected::Other { .. } => {}
    }
    let checked = !matches!(detected, Detected::Other { .. });

    let mut cues = Vec::new();
    let mut topic_hits: Vec<(String, Purpose, f32)> = Vec::new();
    for lex in used {
        for Hit { entry, start, end } in lex.hits(text, &folded) {
            let e = &lex.entries[entry];
            match &e.signal {
                Signal::Cue(category) => cues.push(Cue {
                    rule: e.id.clone(),
                    category: *category,
                    start,
                    end,
                    weight: e.weight,
                }),
                Signal::Topic { topic, purpose } => {
                    topic_hits.push((topic.clone(), *purpose, e.weight));
                }
                Signal::Exclude => {}
            }
        }
    }
    // Words inside a placeholder ({{var price}}, %1$s) are not the message's words; only
    // coupon slots (%COUPON%, {coupon_code}) are cues by design.
    let slots = placeholder::find(text);
    cues.retain(|c| {
        c.category == Category::CouponCode
            || !slots.iter().any(|p| p.start <= c.start && c.end <= p.end)
    });
    let cues = dedup(cues);
    let topics = topic_scores(&topic_hits);
    let mut purpose_raw = [0f32; 8];
    for (topic, score) in &topics {
        if let Some((_, purpose, _)) = topic_hits.iter().find(|(t, _, _)| t == topic) {
            purpose_raw[purpose.index()] += score;
        }
    }

    // An automatic acknowledgement ("a member of our team will reply") is not a person
    // answering: HUMAN_AGENT forbids automation, so its support words count for little.
    if topics.iter().any(|(t, _)| t == "auto_reply") {
        purpose_raw[Purpose::HumanSupport.index()] *= 0.3;
    }
    let evidence = promo_evidence(&cues);
    // A person answering the customer's own question may talk about products and prices
    // because they were asked: more evidence is needed before calling that promotional.
    let support = purpose_raw[Purpose::HumanSupport.index()];
    let threshold = PROMO_THRESHOLD * if support >= 2.0 { 1.75 } else { 1.0 };
    let promo_score = evidence / (evidence + threshold);
    let promotional = evidence >= threshold;

    let survey: f32 = cues
        .iter()
        .filter(|c| c.category == Category::SurveyPrompt)
        .map(|c| c.weight)
        .fold(0.0, f32::max);
    purpose_raw[Purpose::Feedback.index()] += survey;
    purpose_raw[Purpose::Promotional.index()] = evidence;
    purpose_raw[Purpose::General.index()] = 0.5;

    let purpose = checked.then(|| choose_purpose(&purpose_raw, promotional));
    let total: f32 = purpose_raw.iter().sum();
    let purpose_scores = Purpose::ALL
        .iter()
        .map(|p| (*p, purpose_raw[p.index()] / total))
        .collect();

    Analysis {
        checked,
        promotional: checked.then_some(promotional),
        purpose,
        detected,
        cues,
        topics,
        promo_evidence: evidence,
        promo_score,
        purpose_scores,
        foreign,
        learned: None,
    }
}

/// Merges overlapping cues of one category into one span, and drops plain links inside a
/// shop link.
fn dedup(mut cues: Vec<Cue>) -> Vec<Cue> {
    cues.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Cue> = Vec::with_capacity(cues.len());
    for c in cues {
        if let Some(o) = out
            .iter_mut()
            .find(|o| o.category == c.category && c.start < o.end)
        {
            o.end = o.end.max(c.end);
            if c.weight > o.weight {
                o.weight = c.weight;
                o.rule = c.rule;
            }
            continue;
        }
        let inside_shop_link = c.category == Category::Link
            && out
                .iter()
                .any(|o| o.category == Category::ShopLink && o.start <= c.start && c.end <= o.end);
        if !inside_shop_link {
            out.push(c);
        }
    }
    out
}

/// One score per topic: the first hit counts fully, repeats add less.
fn topic_scores(hits: &[(String, Purpose, f32)]) -> Vec<(String, f32)> {
    let mut scores: Vec<(String, f32, usize)> = Vec::new();
    for (topic, _, w) in hits {
        match scores.iter_mut().find(|(t, _, _)| t == topic) {
            Some((_, best, n)) => {
                *best = best.max(*w);
                *n += 1;
            }
            None => scores.push((topic.clone(), *w, 1)),
        }
    }
    let mut out: Vec<(String, f32)> = scores
        .into_iter()
        .map(|(t, w, n)| (t, w * (1.0 + 0.5 * (n.min(3) as f32 - 1.0))))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Sums the cues: per category the strongest match, plus a little for repeats. A price
/// alone is not promotional (receipts have prices), so prices count only beside other cues.
fn promo_evidence(cues: &[Cue]) -> f32 {
    let mut per: Vec<(Category, f32, usize)> = Vec::new();
    for c in cues {
        match per.iter_mut().find(|(cat, _, _)| *cat == c.category) {
            Some((_, w, n)) => {
                *w = w.max(c.weight);
                *n += 1;
            }
            None => per.push((c.category, c.weight, 1)),
        }
    }
    let strong = per
        .iter()
        .any(|(c, w, _)| *w >= 1.0 && !matches!(c, Category::Price | Category::Link));
    per.iter()
        .filter(|(c, _, _)| strong || *c != Category::Price)
        .map(|(_, w, n)| w * (1.0 + 0.25 * ((*n).min(3) as f32 - 1.0)))
        .fold(0.0, |a, b| a + b)
}

/// A person replying to the customer talks about orders, refunds and accounts because the
/// customer asked: the reply voice outweighs the transactional words it shares a text with.
fn ranked((purpose, score): (Purpose, f32)) -> f32 {
    if purpose == Purpose::HumanSupport {
        score * 1.25
    } else {
        score
    }
}

pub(crate) fn choose_purpose(raw: &[f32; 8], promotional: bool) -> Purpose {
    let best = [
        Purpose::PostPurchase,
        Purpose::EventUpdate,
        Purpose::AccountUpdate,
        Purpose::HumanSupport,
        Purpose::Feedback,
        Purpose::News,
    ]
    .into_iter()
    .map(|p| (p, raw[p.index()]))
    .filter(|(_, s)| *s >= PURPOSE_MIN)
    .max_by(|a, b| ranked(*a).total_cmp(&ranked(*b)));
    // A promotional text keeps the purpose of its topic when that topic is clear (an order
    // update carrying a coupon is still an order update); otherwise it is a promotion.
    match best {
        Some((p, s)) if !promotional || s >= 2.0 => p,
        _ if promotional => Purpose::Promotional,
        _ => Purpose::General,
    }
}
