//! The lexicon and the learned score together: promotional when the lexicon's cues decide
//! it or the model's probability reaches its threshold; the purpose from a blend of both;
//! the words that weigh most in the model's verdict, as phrases with spans.

use serde::Serialize;

use super::analysis::{Analysis, analyze_rules};
use super::lexicon::fold;
use super::model::{Class, Model, Scored, TokenKind};
use super::train::{blend, rule_classes, top_class};
use super::{Cue, Detected, Lexicons};
use crate::policy::Purpose;

/// Phrases shown at most.
const MAX_PHRASES: usize = 3;
/// A phrase must add at least this much to the promotional logit to be shown.
const MIN_PHRASE: f32 = 0.25;

/// Words that weigh towards "promotional" in the model's verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Phrase {
    /// Byte span.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// What the words add to the promotional logit.
    pub weight: f32,
}

/// What would change a borderline verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tip {
    /// Without these words the text would not read as promotional.
    Without {
        /// Byte span of the words.
        start: usize,
        /// End of the span.
        end: usize,
        /// The probability without them.
        probability: f32,
    },
    /// No single phrase decides it.
    Spread,
    /// A little more sales wording would make it promotional.
    Closer,
}

/// What the learned score said of a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Learned {
    /// The model's version.
    pub version: String,
    /// Probability that the text is promotional.
    pub probability: f32,
    /// From this probability on it counts as promotional.
    pub threshold: f32,
    /// The probability is close to the threshold and no lexicon cue decides it.
    pub borderline: bool,
    /// The model, not the lexicon, made the text promotional.
    pub decided: bool,
    /// The phrases that weigh most towards promotional, strongest first.
    pub phrases: Vec<Phrase>,
    /// What the text is for: the blend of the lexicon's shares and the model's probabilities.
    pub classes: Vec<(Class, f32)>,
    /// For a borderline text, what would tip it.
    pub tip: Option<Tip>,
}

impl Learned {
    /// The blended probability of a class.
    pub fn class(&self, class: Class) -> f32 {
        self.classes
            .iter()
            .find(|(c, _)| *c == class)
            .map_or(0.0, |(_, p)| *p)
    }
}

/// Adds the learned score to the lexicon's analysis of `text`.
pub fn combine(text: &str, rules: Analysis, lexicons: &Lexicons, model: &Model) -> Analysis {
    let meta = &model.meta;
    let scored = model.score(text, &rules.signals());
    let p = scored.promotional;
    let rules_promotional = rules.promotional == Some(true);
    let promotional = rules_promotional || p >= meta.threshold;
    let borderline = !rules_promotional && (p - meta.threshold).abs() < meta.band;

    let shares = rule_classes(&rules.purpose_scores);
    let classes = blend(&shares, &scored.classes, meta.blend);
    let class = top_class(&classes);
    // A promotional text keeps the purpose of its topic when that topic is clear, as with
    // the lexicon alone (an order update carrying a coupon is still an order update).
    let purpose = match class.purpose() {
        Some(p) if !promotional || rules.purpose == Some(p) || classes[class.index()] >= 0.5 => p,
        _ if rules_promotional => rules.purpose.unwrap_or(Purpose::Promotional),
        _ if promotional => Purpose::Promotional,
        _ => match rules.purpose {
            Some(p @ (Purpose::Feedback | Purpose::News | Purpose::General)) => p,
            _ => Purpose::General,
        },
    };
    let purpose_scores = blend_purposes(&rules.purpose_scores, &classes);

    let phrases = if promotional || borderline {
        phrases(text, &scored, lexicons, &rules.detected, &rules.cues)
    } else {
        Vec::new()
    };
    let tip = borderline.then(|| tip(text, p, phrases.first(), lexicons, model));
    // The 0..1 score keeps "promotional from 0.5": the model's threshold maps to 0.5.
    let t = meta.threshold.clamp(0.01, 0.99);
    let learned_score = if p < t {
        0.5 * p / t
    } else {
        0.5 + 0.5 * (p - t) / (1.0 - t)
    };
    Analysis {
        promotional: Some(promotional),
        purpose: Some(purpose),
        promo_score: rules.promo_score.max(learned_score),
        purpose_scores,
        learned: Some(Learned {
            version: meta.version.clone(),
            probability: p,
            threshold: meta.threshold,
            borderline,
            decided: promotional && !rules_promotional,
            phrases,
            classes: Class::ALL
                .iter()
                .map(|c| (*c, classes[c.index()]))
                .collect(),
            tip,
        }),
        ..rules
    }
}

/// Every purpose's share: the blended class probability for the four tag purposes, and the
/// "other" probability split as the lexicon split it.
fn blend_purposes(rules: &[(Purpose, f32)], classes: &[f32; 5]) -> Vec<(Purpose, f32)> {
    let other: f32 = rules
        .iter()
        .filter(|(p, _)| Class::of(*p) == Class::Other)
        .map(|(_, s)| s)
        .sum();
    Purpose::ALL
        .iter()
        .map(|p| {
            let c = Class::of(*p);
            let share = if c != Class::Other {
                classes[c.index()]
            } else if other > 0.0 {
                let own = rules.iter().find(|(q, _)| q == p).map_or(0.0, |(_, s)| *s);
                classes[Class::Other.index()] * own / other
            } else if *p == Purpose::General {
                classes[Class::Other.index()]
            } else {
                0.0
            };
            (*p, share)
        })
        .collect()
}

/// Runs of words that push towards promotional, at most three words each with function
/// words and placeholders trimmed from their ends, strongest first.
fn phrases(
    text: &str,
    scored: &Scored,
    lexicons: &Lexicons,
    detected: &Detected,
    cues: &[Cue],
) -> Vec<Phrase> {
    let stop = |w: &str| match detected.lang() {
        Some(l) => lexicons.lang(l).stopwords.contains(w),
        None => lexicons.langs.iter().any(|l| l.stopwords.contains(w)),
    };
    let tokens = &scored.tokens;
    let positive = |i: usize| tokens[i].kind == TokenKind::Word && scored.contributions[i] > 0.0;
    let content: Vec<bool> = (0..tokens.len())
        .map(|i| positive(i) && tokens[i].text.chars().count() > 2 && !stop(&tokens[i].text))
        .collect();
    let mut found: Vec<(usize, usize, f32)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !positive(i) {
            i += 1;
            continue;
        }
        // A run of adjacent words, not crossing punctuation.
        let joined = |j: usize| {
            !text[tokens[j].end..tokens[j + 1].start].contains(['.', ',', ':', ';', '!', '?', '\n'])
        };
        let mut j = i;
        while j + 1 < tokens.len() && positive(j + 1) && joined(j) {
            j += 1;
        }
        // The best window of up to three tokens in the run, trimmed to content words.
        let mut best: Option<(usize, usize, f32)> = None;
        for a in i..=j {
            for b in a..=(a + 2).min(j) {
                if !content[a] || !content[b] {
                    continue;
                }
                let w: f32 = scored.contributions[a..=b].iter().sum();
                if best.is_none_or(|x| w > x.2) {
                    best = Some((a, b, w));
                }
            }
        }
        // Words a lexicon cue already points at are said by the cue.
        let said = |(a, b, _): &(usize, usize, f32)| {
            cues.iter()
                .any(|c| c.start < tokens[*b].end && tokens[*a].start < c.end)
        };
        if let Some(b) = best.filter(|b| b.2 >= MIN_PHRASE && !said(b)) {
            found.push(b);
        }
        i = j + 1;
    }
    found.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut out: Vec<Phrase> = Vec::new();
    for (a, b, weight) in found {
        let (start, end) = (tokens[a].start, tokens[b].end);
        // The same words said twice are one phrase.
        let words = fold(&text[start..end]);
        if out.iter().any(|p| fold(&text[p.start..p.end]) == words) {
            continue;
        }
        out.push(Phrase { start, end, weight });
        if out.len() == MAX_PHRASES {
            break;
        }
    }
    out
}

/// What would tip a borderline text: for one read as promotional, whether dropping its
/// strongest phrase would clear it (checked by scoring the text without it).
fn tip(text: &str, p: f32, top: Option<&Phrase>, lexicons: &Lexicons, model: &Model) -> Tip {
    if p < model.meta.threshold {
        return Tip::Closer;
    }
    let Some(top) = top else {
        return Tip::Spread;
    };
    let without = format!("{} {}", &text[..top.start], &text[top.end..]);
    let rules = analyze_rules(&without, lexicons);
    let q = model.score(&without, &rules.signals()).promotional;
    if rules.promotional != Some(true) && q < model.meta.threshold {
        Tip::Without {
            start: top.start,
            end: top.end,
            probability: q,
        }
    } else {
        Tip::Spread
    }
}
