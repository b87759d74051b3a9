//! Measuring the checker on a labelled corpus (JSON lines with `lang`, `text`, `label`
//! and `suggested_tag`): precision, recall and F1 of the promotional verdict per language,
//! and how often the suggested tag matches.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CheckInput;
use super::train::SplitMix;
use crate::Engine;
use crate::i18n::{Lang, format_count, format_decimal};
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
    /// The repository the message comes from, when the corpus says.
    #[serde(default)]
    pub repo: Option<String>,
}

impl Labelled {
    /// Labelled promotional.
    pub fn promotional(&self) -> bool {
        self.label == "promotional"
    }

    /// The source the message is resampled with: its `repo`, else the part of its `id`
    /// before a colon, else none (the message stands alone).
    fn source(&self) -> Option<&str> {
        self.repo
            .as_deref()
            .or_else(|| self.id.split_once(':').map(|(s, _)| s))
            .filter(|s| !s.is_empty())
    }
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
    /// Share of messages whose promotional verdict is right.
    pub fn accuracy(&self) -> f64 {
        ratio(self.n - self.fp - self.fn_, self.n)
    }
    /// Share of messages whose suggested tag is the labelled one.
    pub fn tag_accuracy(&self) -> f64 {
        ratio(self.tag_ok, self.n)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A tag miss's word for "no tag fits".
pub const NO_TAG: &str = "none";

/// A message the checker got wrong.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// Identifier.
    pub id: String,
    /// What was wrong: `promotional` (the verdict) or `tag`.
    pub what: &'static str,
    /// The label (`promotional`, `non_promotional`), or the tag (`none` when no tag fits).
    pub expected: String,
    /// What the checker said, in the same terms.
    pub got: String,
    /// The checker's promotional score.
    pub score: f32,
    /// The purpose the checker read, for a wrong tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<&'static str>,
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
    /// All languages, the messages whose learned score is outside the borderline band (all of
    /// them without a model).
    pub sure: Scores,
    /// All languages, the messages shown as borderline.
    pub borderline: Scores,
}

/// 95 % percentile-bootstrap intervals: 2,000 resamples, fixed seed, drawing whole sources
/// rather than messages, because messages of one source (translations of one template, one
/// shop's texts) are not independent of each other.
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

/// Bootstrap intervals of outcomes grouped by source (each inner list one source; a
/// message with no known source is a list of its own).
pub fn intervals(sources: &[Vec<Outcome>]) -> Intervals {
    const RESAMPLES: usize = 2000;
    if sources.iter().all(Vec::is_empty) {
        return Intervals::default();
    }
    let mut rng = SplitMix(0x5eed);
    let k = sources.len();
    let (mut f1s, mut recalls, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RESAMPLES {
        let mut s = Scores::default();
        for _ in 0..k {
            for &(truth, said, tag_ok) in &sources[(rng.next() % k as u64) as usize] {
                s.add(truth, said, tag_ok);
            }
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

/// What a judge — the checker, or an annotator labelling the corpus again — said of one
/// message.
#[derive(Clone, Debug, Default)]
pub struct Verdict {
    /// Called promotional.
    pub promotional: bool,
    /// The tag suggested, none when no tag fits.
    pub tag: Option<String>,
    /// Shown as borderline (the learned score within its uncertain band).
    pub borderline: bool,
    /// The promotional score, reported with a miss.
    pub score: f32,
    /// The purpose read, reported with a wrong tag.
    pub purpose: Option<&'static str>,
}

/// The instant tag labels refer to by default: 2023-01-01 at noon UTC, when the four 2020 tags
/// were in force.
pub fn tags_in_force() -> DateTime<Utc> {
    DateTime::from_timestamp(1_672_574_400, 0).unwrap_or_default()
}

/// Checks every message on Messenger at `at` (an instant when the 2020 tags were in force
/// gives tag labels their meaning) and scores the verdicts.
pub fn evaluate(engine: &Engine, corpus: &[Labelled], at: DateTime<Utc>) -> Evaluation {
    score(corpus, |m| {
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
        Verdict {
            promotional: report.promotional.unwrap_or(false),
            borderline: report.learned.as_ref().is_some_and(|l| l.borderline),
            tag: report.suggested_tag,
            score: report.promo_score,
            purpose: report.purpose.map(|p| p.as_str()),
        }
    })
}

/// Scores a judge's verdicts against the corpus's labels.
pub fn score(corpus: &[Labelled], mut judge: impl FnMut(&Labelled) -> Verdict) -> Evaluation {
    let mut ev = Evaluation::default();
    // Per language code and `all`: per source, the outcomes of its messages.
    let mut outcomes: BTreeMap<String, BTreeMap<String, Vec<Outcome>>> = BTreeMap::new();
    for (i, m) in corpus.iter().enumerate() {
        let v = judge(m);
        let truth = m.promotional();
        let said = v.promotional;
        let expected_tag = if truth { None } else { m.suggested_tag.clone() };
        let tag_ok = v.tag == expected_tag;
        for s in [
            ev.by_lang.entry(m.lang.clone()).or_default(),
            &mut ev.all,
            if v.borderline {
                &mut ev.borderline
            } else {
                &mut ev.sure
            },
        ] {
            s.add(truth, said, tag_ok);
        }
        let source = m
            .source()
            .map_or_else(|| format!("\u{0}{i}"), str::to_string);
        for key in [m.lang.clone(), "all".to_string()] {
            outcomes
                .entry(key)
                .or_default()
                .entry(source.clone())
                .or_default()
                .push((truth, said, tag_ok));
        }
        let label = |promotional: bool| {
            if promotional {
                "promotional"
            } else {
                "non_promotional"
            }
            .to_string()
        };
        if truth != said {
            ev.misses.push(Miss {
                id: m.id.clone(),
                what: "promotional",
                expected: label(truth),
                got: label(said),
                score: v.score,
                purpose: None,
            });
        } else if !tag_ok {
            ev.misses.push(Miss {
                id: m.id.clone(),
                what: "tag",
                expected: expected_tag.unwrap_or_else(|| NO_TAG.into()),
                got: v.tag.unwrap_or_else(|| NO_TAG.into()),
                score: v.score,
                purpose: v.purpose,
            });
        }
    }
    ev.intervals = outcomes
        .into_iter()
        .map(|(k, by_source)| {
            let groups: Vec<Vec<Outcome>> = by_source.into_values().collect();
            (k, intervals(&groups))
        })
        .collect();
    ev
}

impl Evaluation {
    /// A table of the scores, one line per language and one for all, with English
    /// column labels.
    pub fn table(&self) -> String {
        self.table_with(&COLUMNS.map(str::to_string), Lang::En)
    }

    /// The same table with the given labels: the columns (language, n, precision, recall,
    /// F1, its interval, tag accuracy, its interval), then the name of the row of all
    /// languages; a column is as wide as its label needs.
    pub fn table_with(&self, labels: &[String; 9], lang: Lang) -> String {
        const MIN: [usize; 8] = [5, 4, 9, 7, 6, 13, 8, 13];
        let all = labels[8].as_str();
        let w: Vec<usize> = labels[..8]
            .iter()
            .zip(MIN)
            .map(|(l, m)| l.chars().count().max(m))
            .collect();
        let mut out = format!("{:<w0$}", labels[0], w0 = w[0]);
        for (l, width) in labels[..8].iter().zip(&w).skip(1) {
            out.push_str(&format!(" {l:>width$}"));
        }
        out.push('\n');
        let rows = self
            .by_lang
            .iter()
            .map(|(l, s)| (l.as_str(), s))
            .chain([("all", &self.all)]);
        for (code, s) in rows {
            let ci = self.intervals.get(code).cloned().unwrap_or_default();
            let name = if code == "all" { all } else { code };
            let d = |x: f64| format_decimal(lang, x, 3);
            let cells = [
                format_count(lang, s.n as u64),
                d(s.precision()),
                d(s.recall()),
                d(s.f1()),
                format!("{}–{}", d(ci.f1[0]), d(ci.f1[1])),
                d(s.tag_accuracy()),
                format!("{}–{}", d(ci.tag_accuracy[0]), d(ci.tag_accuracy[1])),
            ];
            out.push_str(&format!("{name:<w0$}", w0 = w[0]));
            for (c, width) in cells.iter().zip(&w[1..]) {
                out.push_str(&format!(" {c:>width$}"));
            }
            out.push('\n');
        }
        out
    }
}

/// The table's labels in English.
const COLUMNS: [&str; 9] = [
    "lang",
    "n",
    "precision",
    "recall",
    "F1",
    "F1 95% CI",
    "tag acc",
    "tag 95% CI",
    "all",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(id: &str, repo: Option<&str>) -> Labelled {
        Labelled {
            id: id.into(),
            lang: "en".into(),
            text: String::new(),
            label: "promotional".into(),
            suggested_tag: None,
            repo: repo.map(str::to_string),
        }
    }

    #[test]
    fn a_message_is_resampled_with_its_source() {
        assert_eq!(labelled("a:en_x", Some("o/r")).source(), Some("o/r"));
        assert_eq!(labelled("shop:it_y", None).source(), Some("shop"));
        assert_eq!(labelled("plain", None).source(), None);
        assert_eq!(labelled(":x", None).source(), None);
    }

    #[test]
    fn a_judge_is_scored_against_the_labels() {
        let mut corpus = vec![
            labelled("s:1", None),
            labelled("s:2", None),
            labelled("t:3", None),
        ];
        corpus[1].label = "non_promotional".into();
        corpus[1].suggested_tag = Some("ACCOUNT_UPDATE".into());
        corpus[2].lang = "it".into();
        // Right on the first; the right verdict but no tag on the second, shown as
        // borderline; misses the third, whose tag (none) is still right.
        let ev = score(&corpus, |m| Verdict {
            promotional: m.id == "s:1",
            borderline: m.id == "s:2",
            ..Verdict::default()
        });
        let s = |n, tp, fp, fn_, tag_ok| Scores {
            n,
            tp,
            fp,
            fn_,
            tag_ok,
        };
        assert_eq!(ev.all, s(3, 1, 0, 1, 2));
        assert_eq!(ev.by_lang["en"], s(2, 1, 0, 0, 1));
        assert_eq!(ev.by_lang["it"], s(1, 0, 0, 1, 1));
        assert_eq!(ev.borderline, s(1, 0, 0, 0, 0));
        assert_eq!(ev.sure, s(2, 1, 0, 1, 2));
        let misses: Vec<_> = ev.misses.iter().map(|m| (m.id.as_str(), m.what)).collect();
        assert_eq!(misses, [("s:2", "tag"), ("t:3", "promotional")]);
        assert_eq!(ev.misses[0].expected, "ACCOUNT_UPDATE");
        assert_eq!(ev.misses[0].got, NO_TAG);
    }

    #[test]
    fn one_source_gives_the_point_estimate() {
        let outcomes = vec![
            (true, true, true),
            (true, false, false),
            (false, true, true),
            (false, false, true),
        ];
        let mut s = Scores::default();
        for &(t, d, k) in &outcomes {
            s.add(t, d, k);
        }
        let ci = intervals(&[outcomes]);
        assert_eq!(ci.f1, [s.f1(), s.f1()]);
        assert_eq!(ci.tag_accuracy, [s.tag_accuracy(), s.tag_accuracy()]);
    }

    #[test]
    fn sources_of_alike_messages_widen_the_interval() {
        // Ten sources of ten identical outcomes each, against the same hundred outcomes
        // drawn one by one: grouping can only make the estimate less certain.
        let source = |i: usize| -> Vec<Outcome> {
            let o = match i % 4 {
                0 => (true, true, true),
                1 => (true, false, false),
                2 => (false, true, false),
                _ => (false, false, true),
            };
            vec![o; 10]
        };
        let grouped: Vec<Vec<Outcome>> = (0..10).map(source).collect();
        let alone: Vec<Vec<Outcome>> = grouped.iter().flatten().map(|&o| vec![o]).collect();
        let width = |ci: &Intervals| ci.f1[1] - ci.f1[0];
        assert!(width(&intervals(&grouped)) > width(&intervals(&alone)));
        assert!(intervals(&[]).f1 == [0.0, 0.0]);
    }
}
