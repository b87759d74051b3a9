//! Measuring the checker on a labelled corpus (JSON lines with `lang`, `text`, `label`
//! and `suggested_tag`): precision, recall and F1 of the promotional verdict per language,
//! and how often the suggested tag matches.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CheckInput;
use super::train::SplitMix;
use crate::Engine;
use crate::i18n::Lang;
use crate::policy::Channel;

/// One labelled message.
#[derive(Clone, Debug, Deserialize)]
pub struct Labelled {
    /// Identifier.
    #[serde(default)]
    pub id: String,
    /// Language code.
    pub lang: String,
    /// The message.
    pub text: String,
    /// `promotional` or `non_promotional`.
    pub label: String,
    /// The fitting 2020-era tag, or null.
    #[serde(default)]
    pub suggested_tag: Option<String>,
}

/// Counts of one language (or all).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Messages.
    pub n: usize,
    /// Promotional, called promotional.
    pub tp: usize,
    /// Not promotional, called promotional.
    pub fp: usize,
    /// Promotional, not called promotional.
    pub fn_: usize,
    /// Suggested tag equal to the label's.
    pub tag_ok: usize,
}

impl Scores {
    /// Counts one message: whether it is promotional, whether it was called so, whether
    /// its tag was right.
    pub fn add(&mut self, truth: bool, said: bool, tag_ok: bool) {
        self.n += 1;
        match (truth, said) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
        self.tag_ok += usize::from(tag_ok);
    }

    /// Precision of the promotional verdict.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall of the promotional verdict.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1 of the promotional verdict.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of messages whose suggested tag is the labelled one.
    pub fn tag_accuracy(&self) -> f64 {
        ratio(self.tag_ok, self.n)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A message the checker got wrong.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// Identifier.
    pub id: String,
    /// What was wrong: `promotional` or `tag`.
    pub what: &'static str,
    /// Expected value.
    pub expected: String,
    /// What the checker said.
    pub got: String,
}

/// The evaluation of a corpus.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Evaluation {
    /// Per language code.
    pub by_lang: BTreeMap<String, Scores>,
    /// All languages.
    pub all: Scores,
    /// 95 % intervals of F1, recall and tag accuracy, per language code and `all`.
    pub intervals: BTreeMap<String, Intervals>,
    /// The messages it got wrong.
    pub misses: Vec<Miss>,
}

/// 95 % percentile-bootstrap intervals (2,000 resamples of the messages, fixed seed).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Intervals {
    /// Promotional F1.
    pub f1: [f64; 2],
    /// Promotional recall.
    pub recall: [f64; 2],
    /// Tag accuracy.
    pub tag_accuracy: [f64; 2],
}

/// One message's outcome: truth, verdict, tag right.
type Outcome = (bool, bool, bool);

/// Bootstrap intervals of a set of outcomes.
pub fn intervals(outcomes: &[Outcome]) -> Intervals {
    const RESAMPLES: usize = 2000;
    if outcomes.is_empty() {
        return Intervals::default();
    }
    let mut rng = SplitMix(0x5eed);
    let n = outcomes.len();
    let (mut f1s, mut recalls, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RESAMPLES {
        let mut s = Scores::default();
        for _ in 0..n {
            let (truth, said, tag_ok) = outcomes[(rng.next() % n as u64) as usize];
            s.add(truth, said, tag_ok);
        }
        f1s.push(s.f1());
        recalls.push(s.recall());
        tags.push(s.tag_accuracy());
    }
    let ci = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        [v[RESAMPLES * 25 / 1000], v[RESAMPLES * 975 / 1000 - 1]]
    };
    Intervals {
        f1: ci(&mut f1s),
        recall: ci(&mut recalls),
        tag_accuracy: ci(&mut tags),
    }
}

/// Reads a JSON-lines corpus; a bad line is reported by number.
pub fn parse_corpus(text: &str) -> Result<Vec<Labelled>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// Checks every message on Messenger at `at` (an instant when the 2020 tags were in force
/// gives tag labels their meaning) and scores the verdicts.
pub fn evaluate(engine: &Engine, corpus: &[Labelled], at: DateTime<Utc>) -> Evaluation {
    let mut ev = Evaluation::default();
    let mut outcomes: BTreeMap<String, Vec<Outcome>> = BTreeMap::new();
    for m in corpus {
        let report = engine.check(&CheckInput {
            text: &m.text,
            channel: Channel::Messenger,
            chosen: None,
            at,
            // The 2020 tags had no regional limits.
            place: crate::policy::Place::default(),
            ui_lang: Lang::En,
            answers: Default::default(),
        });
        let truth = m.label == "promotional";
        let said = report.promotional.unwrap_or(false);
        let expected_tag = if truth { None } else { m.suggested_tag.clone() };
        let tag_ok = report.suggested_tag == expected_tag;
        for s in [ev.by_lang.entry(m.lang.clone()).or_default(), &mut ev.all] {
            s.add(truth, said, tag_ok);
        }
        for key in [m.lang.clone(), "all".to_string()] {
            outcomes.entry(key).or_default().push((truth, said, tag_ok));
        }
        if truth != said {
            ev.misses.push(Miss {
                id: m.id.clone(),
                what: "promotional",
                expected: truth.to_string(),
                got: format!("{said} ({:.2})", report.promo_score),
            });
        } else if !tag_ok {
            ev.misses.push(Miss {
                id: m.id.clone(),
                what: "tag",
                expected: expected_tag.unwrap_or_else(|| "none".into()),
                got: format!(
                    "{} (purpose {})",
                    report.suggested_tag.unwrap_or_else(|| "none".into()),
                    report.purpose.map_or("none", |p| p.as_str())
                ),
            });
        }
    }
    ev.intervals = outcomes
        .iter()
        .map(|(k, o)| (k.clone(), intervals(o)))
        .collect();
    ev
}

impl Evaluation {
    /// A table of the scores, one line per language and one for all.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<5} {:>4} {:>9} {:>7} {:>6} {:>13} {:>8} {:>13}\n",
            "lang", "n", "precision", "recall", "F1", "F1 95% CI", "tag acc", "tag 95% CI"
        );
        let rows = self
            .by_lang
            .iter()
            .map(|(l, s)| (l.as_str(), s))
            .chain([("all", &self.all)]);
        for (lang, s) in rows {
            let ci = self.intervals.get(lang).cloned().unwrap_or_default();
            out.push_str(&format!(
                "{:<5} {:>4} {:>9.3} {:>7.3} {:>6.3} {:>13} {:>8.3} {:>13}\n",
                lang,
                s.n,
                s.precision(),
                s.recall(),
                s.f1(),
                format!("{:.3}–{:.3}", ci.f1[0], ci.f1[1]),
                s.tag_accuracy(),
                format!("{:.3}–{:.3}", ci.tag_accuracy[0], ci.tag_accuracy[1]),
            ));
        }
        out
    }
}
