//! Training the learned score, reproducibly: the same data and settings give the same
//! `weights.bin` and `model.toml`, byte for byte (one thread, a fixed order drawn from the
//! seed, IEEE arithmetic only).
//!
//! The thresholds are chosen on out-of-fold predictions: the real messages are split into
//! folds by source (a source never feeds two folds), each fold is scored by a model trained
//! on the others, and the threshold, the borderline band and the purpose blend that do best
//! on those predictions are kept. Synthetic messages are only ever trained on.
//!
//! The threshold is the one at which the model alone does best out of fold. The lexicons
//! were tuned by hand on many of these same messages, so their verdicts here are better than
//! on new text; a threshold chosen for "lexicon or model" would learn that the model is
//! hardly needed, and set it too high for the text the lexicons have not seen. The policy
//! data's own examples are a constraint, not a target: when some fail at that threshold, the
//! next best out of fold at which they all hold is kept, and `model.toml` records the best.

use serde::Deserialize;

use super::eval::{Labelled, Scores};
use super::model::{
    Class, DataFile, HEADS, Meta, Model, Validation, features, sha256_hex, sigmoid, softmax,
    tokenize,
};
use super::{Lexicons, analysis};
use crate::policy::Purpose;

/// One training message, as in the corpus files.
#[derive(Clone, Debug, Deserialize)]
pub struct Example {
    /// The message and its labels.
    #[serde(flatten)]
    pub message: Labelled,
    /// The message's topic (`post_purchase`, `human_support`…).
    #[serde(default)]
    pub purpose: Option<Purpose>,
    /// Written for training, not taken from a real source.
    #[serde(default)]
    pub synthetic: bool,
}

impl Example {
    fn promotional(&self) -> bool {
        self.message.promotional()
    }

    /// The purpose class the message is labelled with.
    pub fn class(&self) -> Class {
        if let Some(p) = self.purpose {
            return Class::of(p);
        }
        match self.message.suggested_tag.as_deref() {
            Some("POST_PURCHASE_UPDATE") => Class::PostPurchase,
            Some("CONFIRMED_EVENT_UPDATE") => Class::EventUpdate,
            Some("ACCOUNT_UPDATE") => Class::AccountUpdate,
            Some("HUMAN_AGENT") => Class::HumanSupport,
            _ => Class::Other,
        }
    }

    fn source(&self) -> &str {
        self.message.repo.as_deref().unwrap_or(&self.message.id)
    }
}

/// Reads a JSON-lines training file; a bad line is reported by number.
pub fn parse_examples(text: &str) -> Result<Vec<Example>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// The settings of a training run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Model version written to `model.toml`.
    pub version: String,
    /// log2 of the buckets.
    pub bits: u32,
    /// Seed of the training order.
    pub seed: u64,
    /// Passes over the data.
    pub epochs: u32,
    /// L2 penalty.
    pub l2: f64,
    /// First learning rate.
    pub rate: f64,
    /// Folds for validation.
    pub folds: usize,
    /// How much a synthetic message weighs against a real one.
    pub synthetic_weight: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            version: "2026.12-3".into(),
            bits: 18,
            seed: 20_261_204,
            epochs: 10,
            l2: 1e-5,
            rate: 0.5,
            folds: 5,
            synthetic_weight: 1.0,
        }
    }
}

/// A message ready for training: its features and what the lexicons said.
struct Prepared {
    features: Vec<(u32, f32)>,
    rules_promotional: bool,
    rules_classes: [f32; Class::ALL.len()],
    promotional: bool,
    class: Class,
    synthetic: bool,
}

fn prepare(examples: &[Example], lexicons: &Lexicons, bits: u32) -> Vec<Prepared> {
    examples
        .iter()
        .map(|e| {
            let a = analysis::analyze_rules(&e.message.text, lexicons);
            let signals = a.signals();
            Prepared {
                features: features(&tokenize(&e.message.text), &signals, bits),
                rules_promotional: signals.promotional,
                rules_classes: rule_classes(&a.purpose_scores),
                promotional: e.promotional(),
                class: e.class(),
                synthetic: e.synthetic,
            }
        })
        .collect()
}

/// The lexicon's purpose shares gathered into the model's classes.
pub fn rule_classes(scores: &[(Purpose, f32)]) -> [f32; Class::ALL.len()] {
    let mut out = [0f32; Class::ALL.len()];
    for (p, s) in scores {
        out[Class::of(*p).index()] += s;
    }
    out
}

/// SplitMix64: the training order's (and the bootstrap's) random numbers.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Fits both heads by stochastic gradient descent on `rows` of `data`, then rounds the
/// weights to 16 bits.
fn fit(data: &[Prepared], rows: &[usize], s: &Settings) -> ([f32; HEADS], [f32; HEADS], Vec<i16>) {
    let n = 1usize << s.bits;
    let mut w = vec![0f64; n * HEADS];
    let mut bias = [0f64; HEADS];
    let positives = rows.iter().filter(|i| data[**i].promotional).count().max(1);
    let negatives = (rows.len() - positives.min(rows.len())).max(1);
    // Both labels weigh the same in total.
    let weight_of = |promotional: bool| {
        let total = rows.len() as f64;
        if promotional {
            total / (2.0 * positives as f64)
        } else {
            total / (2.0 * negatives as f64)
        }
    };
    let mut order = rows.to_vec();
    let mut rng = SplitMix(s.seed);
    let mut step = 0f64;
    for _ in 0..s.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = &data[i];
            let rate = s.rate / (1.0 + step / rows.len() as f64);
            step += 1.0;
            let mut logit = bias;
            for (b, v) in &ex.features {
                let at = *b as usize * HEADS;
                for h in 0..HEADS {
                    logit[h] += w[at + h] * f64::from(*v);
                }
            }
            let mut grad = [0f64; HEADS];
            let weight = if ex.synthetic {
                s.synthetic_weight
            } else {
                1.0
            };
            let p = 1.0 / (1.0 + (-logit[0]).exp());
            grad[0] =
                (p - f64::from(u8::from(ex.promotional))) * weight_of(ex.promotional) * weight;
            let max = logit[1..].iter().copied().fold(f64::MIN, f64::max);
            let exps: Vec<f64> = logit[1..].iter().map(|l| (l - max).exp()).collect();
            let total: f64 = exps.iter().sum();
            for (k, e) in exps.iter().enumerate() {
                grad[1 + k] = (e / total - f64::from(u8::from(k == ex.class.index()))) * weight;
            }
            for (b, v) in &ex.features {
                let at = *b as usize * HEADS;
                for h in 0..HEADS {
                    let x = &mut w[at + h];
                    *x -= rate * (grad[h] * f64::from(*v) + s.l2 * *x);
                }
            }
            for h in 0..HEADS {
                bias[h] -= rate * grad[h];
            }
        }
    }
    let mut scale = [1f32; HEADS];
    for (h, sc) in scale.iter_mut().enumerate() {
        let max = (0..n).map(|b| w[b * HEADS + h].abs()).fold(0.0, f64::max);
        if max > 0.0 {
            *sc = (max / 32767.0) as f32;
        }
    }
    let q = w
        .iter()
        .enumerate()
        .map(|(i, x)| {
            (x / f64::from(scale[i % HEADS]))
                .round()
                .clamp(-32767.0, 32767.0) as i16
        })
        .collect();
    (scale, bias.map(|b| b as f32), q)
}

fn model_of(meta: Meta, parts: ([f32; HEADS], [f32; HEADS], Vec<i16>)) -> Model {
    Model::from_parts(meta, parts.0, parts.1, parts.2)
}

/// Sources into folds: largest first, each into the fold with the fewest messages so far.
fn folds(examples: &[Example], k: usize) -> Vec<Vec<usize>> {
    let mut sources: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, e) in examples.iter().enumerate().filter(|(_, e)| !e.synthetic) {
        match sources.iter_mut().find(|(s, _)| *s == e.source()) {
            Some((_, rows)) => rows.push(i),
            None => sources.push((e.source(), vec![i])),
        }
    }
    sources.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let mut out = vec![Vec::new(); k.max(2)];
    for (_, rows) in sources {
        if let Some(f) = out.iter_mut().min_by_key(|f| f.len()) {
            f.extend(rows);
        }
    }
    out
}

/// An out-of-fold prediction.
struct Oof {
    row: usize,
    p: f32,
    classes: [f32; Class::ALL.len()],
}

/// A trained model and what validation said of it.
pub struct Trained {
    /// The model, thresholds set.
    pub model: Model,
    /// `model.toml`.
    pub meta_toml: String,
    /// A table of the validation figures.
    pub summary: String,
}

/// Trains on `examples` (the files they came from are recorded in `files`); `admissible` says
/// whether a candidate (its threshold set) keeps the policy data's examples right.
pub fn train(
    examples: &[Example],
    files: Vec<DataFile>,
    lexicons: &Lexicons,
    s: &Settings,
    admissible: &dyn Fn(&Model) -> bool,
) -> Trained {
    let data = prepare(examples, lexicons, s.bits);
    let synthetic: Vec<usize> = (0..examples.len())
        .filter(|i| examples[*i].synthetic)
        .collect();
    let folds = folds(examples, s.folds);
    let blank = Meta {
        version: s.version.clone(),
        bits: s.bits,
        seed: s.seed,
        epochs: s.epochs,
        l2: s.l2,
        synthetic_weight: s.synthetic_weight,
        threshold: 0.5,
        band: 0.0,
        blend: 0.0,
        weights_sha256: String::new(),
        trained_on: Vec::new(),
        validation: Validation::default(),
    };
    let mut oof = Vec::new();
    for (k, held) in folds.iter().enumerate() {
        let mut rows: Vec<usize> = folds
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        rows.extend(&synthetic);
        rows.sort_unstable();
        let model = model_of(blank.clone(), fit(&data, &rows, s));
        for &row in held {
            let l = model.logits_of(&data[row].features);
            oof.push(Oof {
                row,
                p: sigmoid(l[0]),
                classes: softmax(&l[1..]),
            });
        }
    }
    oof.sort_by_key(|o| o.row);

    // Promotional scores of the out-of-fold predictions under a verdict rule.
    let scores = |said: &dyn Fn(&Oof) -> bool| {
        let mut s = Scores::default();
        for o in &oof {
            s.add(data[o.row].promotional, said(o), false);
        }
        s
    };
    // Thresholds from the best out of fold (for the model alone) down; the lower of two equal
    // ones first.
    let mut ranked: Vec<(f32, f64)> = (5..=95)
        .map(|step| {
            let t = step as f32 / 100.0;
            (t, scores(&|o| o.p >= t).f1())
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.total_cmp(&b.0)));
    // The band: the narrowest outside which nine verdicts in ten are right.
    let band_at = |threshold: f32| {
        [0.05f32, 0.1, 0.15, 0.2, 0.25]
            .into_iter()
            .find(|b| {
                let sure: Vec<&Oof> = oof
                    .iter()
                    .filter(|o| (o.p - threshold).abs() >= *b)
                    .collect();
                let right = sure
                    .iter()
                    .filter(|o| (o.p >= threshold) == data[o.row].promotional)
                    .count();
                right as f64 >= 0.9 * sure.len() as f64
            })
            .unwrap_or(0.25)
    };
    let class_accuracy = |alpha: f32| {
        let plain: Vec<&Oof> = oof.iter().filter(|o| !data[o.row].promotional).collect();
        let right = plain
            .iter()
            .filter(|o| {
                blended_class(&data[o.row].rules_classes, &o.classes, alpha) == data[o.row].class
            })
            .count();
        ratio(right, plain.len())
    };
    let mut blend = 1.0f32;
    let mut best_acc = -1.0;
    for alpha in [0.0f32, 0.25, 0.5, 0.75, 1.0] {
        let acc = class_accuracy(alpha);
        if acc > best_acc + 1e-12 {
            best_acc = acc;
            blend = alpha;
        }
    }

    let all: Vec<usize> = (0..examples.len()).collect();
    let mut model = model_of(blank, fit(&data, &all, s));
    model.meta.blend = blend;
    // The best threshold at which the policy data's own examples all hold; the best of all
    // when none does (the policy test then says which fail).
    let best = ranked[0].0;
    let threshold = ranked
        .iter()
        .map(|(t, _)| *t)
        .find(|t| {
            model.meta.threshold = *t;
            admissible(&model)
        })
        .unwrap_or(best);
    let band = band_at(threshold);
    let rules_f1 = scores(&|o| data[o.row].rules_promotional).f1();
    let combined = scores(&|o| data[o.row].rules_promotional || o.p >= threshold);
    let (combined_f1, combined_recall) = (combined.f1(), combined.recall());
    let model_f1 = scores(&|o| o.p >= threshold).f1();
    let validation = Validation {
        n: oof.len(),
        folds: folds.len(),
        rules_f1: round4(rules_f1),
        model_f1: round4(model_f1),
        combined_f1: round4(combined_f1),
        combined_recall: round4(combined_recall),
        rules_class_accuracy: round4(class_accuracy(1.0)),
        combined_class_accuracy: round4(best_acc),
        best_threshold: (threshold != best).then_some(best),
    };
    let bytes = model.weights_bytes();
    model.meta = Meta {
        threshold,
        band,
        blend,
        weights_sha256: sha256_hex(&bytes),
        trained_on: files,
        validation,
        ..model.meta
    };
    let meta_toml = format!(
        "# The learned score. Written by `cargo run --release --example train_model`; do not edit.\n{}",
        toml::to_string(&model.meta).unwrap_or_default()
    );
    let v = &model.meta.validation;
    let summary = format!(
        "validation: {} real messages in {} folds by source\n\
         promotional F1   lexicon {:.3}   model {:.3}   lexicon+model {:.3} (recall {:.3}) at threshold {:.2}, band ±{:.2}\n\
         purpose class    lexicon {:.3}   blend {:.3} (lexicon weight {:.2})\n",
        v.n,
        v.folds,
        v.rules_f1,
        v.model_f1,
        v.combined_f1,
        v.combined_recall,
        threshold,
        band,
        v.rules_class_accuracy,
        v.combined_class_accuracy,
        blend,
    ) + &v.best_threshold.map_or(String::new(), |b| {
        format!(
            "threshold raised from the out-of-fold best {b:.2}, at which some of the policy data's examples fail\n"
        )
    });
    Trained {
        model,
        meta_toml,
        summary,
    }
}

/// The class with the highest blend of the lexicon's shares and the model's probabilities.
pub fn blended_class(rules: &[f32; 5], model: &[f32; 5], alpha: f32) -> Class {
    top_class(&blend(rules, model, alpha))
}

/// The lexicon's shares and the model's probabilities, weighted `alpha` and `1 - alpha`.
pub fn blend(rules: &[f32; 5], model: &[f32; 5], alpha: f32) -> [f32; 5] {
    let mut out = [0f32; 5];
    for (i, o) in out.iter_mut().enumerate() {
        *o = alpha * rules[i] + (1.0 - alpha) * model[i];
    }
    out
}

/// The class with the highest score (the first of equals).
pub fn top_class(scores: &[f32; 5]) -> Class {
    Class::ALL
        .into_iter()
        .map(|c| (c, scores[c.index()]))
        .fold((Class::Other, f32::MIN), |best, x| {
            if x.1 > best.1 { x } else { best }
        })
        .0
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(repo: &str, synthetic: bool) -> Example {
        Example {
            message: Labelled {
                id: String::new(),
                lang: "en".into(),
                text: String::new(),
                label: "promotional".into(),
                suggested_tag: None,
                repo: Some(repo.into()),
            },
            purpose: None,
            synthetic,
        }
    }

    #[test]
    fn a_source_feeds_one_fold_and_synthetic_lines_none() {
        let examples: Vec<Example> = ["a", "b", "a", "c", "d", "a", "b", "e", "s"]
            .iter()
            .map(|r| ex(r, *r == "s"))
            .collect();
        let f = folds(&examples, 3);
        let mut seen = Vec::new();
        for fold in &f {
            let mut sources: Vec<&str> = fold.iter().map(|i| examples[*i].source()).collect();
            sources.sort_unstable();
            sources.dedup();
            for s in sources {
                assert!(!seen.contains(&s), "{s} in two folds");
                seen.push(s);
            }
        }
        assert!(!seen.contains(&"s"));
        assert_eq!(f.iter().map(Vec::len).sum::<usize>(), 8);
    }

    #[test]
    fn the_shuffle_is_a_permutation_fixed_by_the_seed() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix(7).shuffle(&mut a);
        SplitMix(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(a, sorted);
    }
}
