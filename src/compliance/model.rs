//! The learned score: a linear model over hashed word 1–3-grams, character 2–5-grams and
//! what the lexicons found, with two heads — promotional or not, and what the message is for.
//!
//! Inference is a sparse dot product. Weights are 16-bit integers with one scale per head,
//! stored as `weights.bin` beside `model.toml` (thresholds chosen on a validation split, the
//! digests of the data it was trained on). `train` (in `train.rs`) writes both.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::lexicon::fold_char;
use super::{Category, LINK, placeholder};
use crate::i18n::{Lang, say};
use crate::policy::Purpose;

/// Outputs per hashed feature: the promotional logit and one per [`Class`].
pub const HEADS: usize = 1 + Class::ALL.len();
/// The file of the weights inside a model directory.
pub const WEIGHTS_FILE: &str = "weights.bin";
/// The file of the settings inside a model directory.
pub const META_FILE: &str = "model.toml";
const MAGIC: &[u8; 8] = b"VNTMDL01";
const EMBEDDED_META: &str = include_str!("../../assets/model/model.toml");
const EMBEDDED_WEIGHTS: &[u8] = include_bytes!("../../assets/model/weights.bin");

/// What the purpose head tells apart: the purposes a route outside the window rests on, and
/// everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// An event, booking or appointment the person has.
    EventUpdate,
    /// A purchase the person made.
    PostPurchase,
    /// The person's account.
    AccountUpdate,
    /// A person answering the customer's own question.
    HumanSupport,
    /// Anything else (selling, surveys, news, greetings).
    Other,
}

impl Class {
    /// Every class, in head order.
    pub const ALL: [Class; 5] = [
        Class::EventUpdate,
        Class::PostPurchase,
        Class::AccountUpdate,
        Class::HumanSupport,
        Class::Other,
    ];

    /// The class of a purpose.
    pub fn of(purpose: Purpose) -> Class {
        match purpose {
            Purpose::EventUpdate => Class::EventUpdate,
            Purpose::PostPurchase => Class::PostPurchase,
            Purpose::AccountUpdate => Class::AccountUpdate,
            Purpose::HumanSupport => Class::HumanSupport,
            _ => Class::Other,
        }
    }

    /// The purpose of a class (`None` for [`Class::Other`]).
    pub fn purpose(self) -> Option<Purpose> {
        match self {
            Class::EventUpdate => Some(Purpose::EventUpdate),
            Class::PostPurchase => Some(Purpose::PostPurchase),
            Class::AccountUpdate => Some(Purpose::AccountUpdate),
            Class::HumanSupport => Some(Purpose::HumanSupport),
            Class::Other => None,
        }
    }

    /// Position in [`Class::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// `model.toml` is not valid.
    #[error("{path} is not a valid model description: {detail}")]
    Meta {
        /// The file.
        path: String,
        /// What is wrong, as the TOML reader says it.
        detail: String,
    },
    /// `weights.bin` is not the one `model.toml` describes.
    #[error("{path} does not belong to {meta}: its SHA-256 differs from the one written there")]
    Digest {
        /// `weights.bin`.
        path: String,
        /// `model.toml`.
        meta: String,
    },
    /// `weights.bin` has the right digest but not the layout this version reads.
    #[error("{path} is not a model this Ventana reads ({expected} bytes expected, {found} found)")]
    Format {
        /// `weights.bin`.
        path: String,
        /// Bytes expected.
        expected: usize,
        /// Bytes found.
        found: usize,
    },
}

impl ModelError {
    /// One sentence in `lang`: what is wrong, where, and what to do.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            ModelError::Io { path, source } => {
                let detail = if source.kind() == std::io::ErrorKind::NotFound {
                    say(lang, "model-error-missing", &[])
                } else {
                    source.to_string()
                };
                say(
                    lang,
                    "model-error-read",
                    &[("path", path.as_str().into()), ("detail", detail.into())],
                )
            }
            ModelError::Meta { path, detail } => say(
                lang,
                "model-error-meta",
                &[
                    ("path", path.as_str().into()),
                    ("detail", detail.trim().into()),
                ],
            ),
            ModelError::Digest { path, meta } => say(
                lang,
                "model-error-digest",
                &[
                    ("path", path.as_str().into()),
                    ("meta", meta.as_str().into()),
                ],
            ),
            ModelError::Format {
                path,
                expected,
                found,
            } => say(
                lang,
                "model-error-format",
                &[
                    ("path", path.as_str().into()),
                    ("expected", (*expected).into()),
                    ("found", (*found).into()),
                ],
            ),
        }
    }
}

/// A data file a model was trained on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    /// Path relative to the repository.
    pub path: String,
    /// Lines used.
    pub lines: usize,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// Validation figures of a model, from out-of-fold predictions on the real training messages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Validation {
    /// Messages scored.
    pub n: usize,
    /// Folds (sources never split across folds).
    pub folds: usize,
    /// Promotional F1 of the lexicon alone.
    pub rules_f1: f64,
    /// Promotional F1 of the model alone.
    pub model_f1: f64,
    /// Promotional F1 of lexicon and model combined.
    pub combined_f1: f64,
    /// Recall of lexicon and model combined.
    pub combined_recall: f64,
    /// Purpose-class accuracy (non-promotional messages) of the lexicon alone.
    pub rules_class_accuracy: f64,
    /// Purpose-class accuracy of the blend.
    pub combined_class_accuracy: f64,
    /// The threshold at which the model alone does best out of fold, when the one kept is
    /// higher because some of the policy data's own examples fail at it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_threshold: Option<f32>,
}

fn one() -> f64 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_one(x: &f64) -> bool {
    *x == 1.0
}

/// The settings of a model (`model.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Version, e.g. `2026.12-1`.
    pub version: String,
    /// log2 of the number of hashed buckets.
    pub bits: u32,
    /// The seed of the training order.
    pub seed: u64,
    /// Passes over the data.
    pub epochs: u32,
    /// L2 penalty.
    pub l2: f64,
    /// How much a synthetic training message weighed against a real one (1 unless said).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub synthetic_weight: f64,
    /// A probability at or above this is promotional.
    pub threshold: f32,
    /// Probabilities within this distance of the threshold are borderline.
    pub band: f32,
    /// The weight of the lexicon's purpose shares against the model's probabilities.
    pub blend: f32,
    /// SHA-256 of `weights.bin`, hex.
    pub weights_sha256: String,
    /// What it was trained on.
    pub trained_on: Vec<DataFile>,
    /// How it did on validation.
    pub validation: Validation,
}

/// A loaded model.
#[derive(Clone)]
pub struct Model {
    /// Its settings.
    pub meta: Meta,
    scale: [f32; HEADS],
    bias: [f32; HEADS],
    weights: Vec<i16>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("version", &self.meta.version)
            .field("bits", &self.meta.bits)
            .finish()
    }
}

/// What the lexicons found, as the model reads it.
#[derive(Clone, Debug, Default)]
pub struct RuleSignals {
    /// The language the text was judged in.
    pub lang: Option<Lang>,
    /// Promotional cue categories found.
    pub categories: Vec<Category>,
    /// Topic scores.
    pub topics: Vec<(String, f32)>,
    /// The lexicon's own verdict (not a feature; the combination uses it).
    pub promotional: bool,
    /// The lexicon's own purpose (not a feature).
    pub purpose: Option<Purpose>,
}

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters: a word of the message.
    Word,
    /// A number, a symbol or a link.
    Sign,
    /// A word inside a placeholder.
    Slot,
}

/// A token of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the message.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// Kind.
    pub kind: TokenKind,
    /// The folded form.
    pub text: String,
}

/// Splits a message into folded tokens: words, numbers (all written `0`), `%`, currency
/// signs (`¤`), `!`, `?`, links (`<url>`) and the words of placeholders (`{word`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut skip: Vec<(usize, usize, bool)> = placeholder::find(text)
        .into_iter()
        .map(|p| (p.start, p.end, true))
        .chain(LINK.find_iter(text).map(|m| (m.start(), m.end(), false)))
        .collect();
    skip.sort_unstable();
    let mut out = Vec::new();
    let mut skip = skip.into_iter().peekable();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if let Some(&(s, e, slot)) = skip.peek() {
            if i >= e {
                skip.next();
                continue;
            }
            if i >= s {
                if slot {
                    for w in text[s..e]
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| !w.is_empty())
                    {
                        let mut t = String::from("{");
                        t.extend(w.chars().map(fold_char));
                        out.push(Token {
                            start: s,
                            end: e,
                            kind: TokenKind::Slot,
                            text: t,
                        });
                    }
                } else {
                    out.push(sign(s, e, "<url>"));
                }
                while chars.peek().is_some_and(|&(j, _)| j < e) {
                    chars.next();
                }
                skip.next();
                continue;
            }
        }
        chars.next();
        if c.is_alphabetic() {
            let mut word: String = fold_char(c).to_string();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() || skip.peek().is_some_and(|&(s, _, _)| j >= s) {
                    break;
                }
                word.push(fold_char(d));
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Token {
                start: i,
                end,
                kind: TokenKind::Word,
                text: word,
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                let inner = matches!(d, '.' | ',' | ':')
                    && text[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit());
                if !(d.is_ascii_digit() || inner) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(sign(i, end, "0"));
        } else {
            let t = match c {
                '%' => "%",
                '€' | '$' | '£' | '¥' => "¤",
                '!' | '¡' => "!",
                '?' | '¿' => "?",
                _ => continue,
            };
            out.push(sign(i, i + c.len_utf8(), t));
        }
    }
    out
}

fn sign(start: usize, end: usize, text: &str) -> Token {
    Token {
        start,
        end,
        kind: TokenKind::Sign,
        text: text.to_string(),
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(seed, |h, b| (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME))
}

/// A 64-bit mixer (the finaliser of SplitMix64): spreads short FNV states over all bits.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn bucket(h: u64, bits: u32) -> u32 {
    (h >> (64 - bits)) as u32
}

/// The buckets of a word's character 2–5-grams (the word padded with `<` and `>`).
fn char_grams(word: &str, bits: u32, mut f: impl FnMut(u32)) {
    let mut padded = Vec::with_capacity(word.len() + 2);
    padded.push(b'<');
    padded.extend_from_slice(word.as_bytes());
    padded.push(b'>');
    for i in 0..padded.len() {
        let mut h = FNV_OFFSET ^ 0x63;
        for (n, b) in padded[i..].iter().take(5).enumerate() {
            h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
            if n >= 1 {
                f(bucket(mix(h, 0x63), bits));
            }
        }
    }
}

fn token_hash(t: &str) -> u64 {
    fnv(FNV_OFFSET, t.as_bytes())
}

/// The word n-grams of a token sequence: (first token, length, bucket).
fn word_grams(hashes: &[u64], bits: u32, mut f: impl FnMut(usize, usize, u32)) {
    for i in 0..hashes.len() {
        let mut h = 0x77;
        for n in 1..=3 {
            let Some(t) = hashes.get(i + n - 1) else {
                break;
            };
            h = mix(h, *t);
            f(i, n, bucket(mix(h, n as u64), bits));
        }
    }
}

/// The names of the lexicon features of a message: its language, the cue categories and the
/// topics. The lexicon's own verdict and purpose are left out: the lexicon was tuned on the
/// training messages, so a model given its verdict learns to repeat it.
fn rule_features(rules: &RuleSignals) -> Vec<(String, f32)> {
    let mut out = vec![("bias:all".to_string(), 1.0)];
    if let Some(lang) = rules.lang {
        out.push((format!("lang:{}", lang.code()), 1.0));
    }
    for c in &rules.categories {
        out.push((format!("cue:{c}"), 1.0));
    }
    for (t, s) in &rules.topics {
        out.push((format!("topic:{t}"), (s / 3.0).min(1.0)));
    }
    out
}

fn rule_bucket(name: &str, bits: u32) -> u32 {
    bucket(mix(fnv(FNV_OFFSET ^ 0x6c, name.as_bytes()), 0x6c), bits)
}

/// The hashed features of a message as `(bucket, value)` pairs, repeats kept: word n-grams
/// share a total weight of 1, character n-grams another, lexicon features count as given.
pub fn features(tokens: &[Token], rules: &RuleSignals, bits: u32) -> Vec<(u32, f32)> {
    let hashes: Vec<u64> = tokens.iter().map(|t| token_hash(&t.text)).collect();
    let mut words = Vec::new();
    word_grams(&hashes, bits, |_, _, b| words.push(b));
    let mut chars = Vec::new();
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        char_grams(&t.text, bits, |b| chars.push(b));
    }
    let mut out = Vec::with_capacity(words.len() + chars.len() + 16);
    for (group, _) in [(&words, 0), (&chars, 1)] {
        let v = norm(group.len());
        out.extend(group.iter().map(|b| (*b, v)));
    }
    out.extend(
        rule_features(rules)
            .iter()
            .map(|(name, v)| (rule_bucket(name, bits), *v)),
    );
    out
}

fn norm(n: usize) -> f32 {
    if n == 0 { 0.0 } else { 1.0 / (n as f32).sqrt() }
}

fn char_gram_count(word: &str) -> usize {
    let len = word.len() + 2;
    (2..=5).map(|n| (len + 1).saturating_sub(n)).sum()
}

/// What the model says of one message.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// Probability that the message is promotional.
    pub promotional: f32,
    /// Probability of each [`Class`].
    pub classes: [f32; Class::ALL.len()],
    /// The tokens.
    pub tokens: Vec<Token>,
    /// Each token's share of the promotional logit.
    pub contributions: Vec<f32>,
}

impl Model {
    /// The model built into the binary.
    pub fn embedded() -> Result<Model, ModelError> {
        Model::parse("assets/model", EMBEDDED_META, EMBEDDED_WEIGHTS)
    }

    /// The model in `dir` (`model.toml` and `weights.bin`).
    pub fn load(dir: &Path) -> Result<Model, ModelError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| ModelError::Io {
                path: path.display().to_string(),
                source,
            })
        };
        let meta = read(META_FILE)?;
        let weights = read(WEIGHTS_FILE)?;
        let meta = String::from_utf8(meta).map_err(|_| ModelError::Meta {
            path: dir.join(META_FILE).display().to_string(),
            detail: "not UTF-8 text".into(),
        })?;
        Model::parse(&dir.display().to_string(), &meta, &weights)
    }

    /// Reads a model from the text of `model.toml` and the bytes of `weights.bin`.
    pub fn parse(dir: &str, meta: &str, weights: &[u8]) -> Result<Model, ModelError> {
        let meta_path = format!("{dir}/{META_FILE}");
        let weights_path = format!("{dir}/{WEIGHTS_FILE}");
        let meta: Meta = toml::from_str(meta).map_err(|e| ModelError::Meta {
            path: meta_path.clone(),
            detail: e.to_string(),
        })?;
        if !(8..=24).contains(&meta.bits) {
            return Err(ModelError::Meta {
                path: meta_path,
                detail: format!("bits = {} (8 to 24)", meta.bits),
            });
        }
        if sha256_hex(weights) != meta.weights_sha256 {
            return Err(ModelError::Digest {
                path: weights_path,
                meta: meta_path,
            });
        }
        let header = MAGIC.len() + 4 + 8 * HEADS;
        let expected = header + (1usize << meta.bits) * HEADS * 2;
        let bad = || ModelError::Format {
            path: weights_path.clone(),
            expected,
            found: weights.len(),
        };
        if weights.len() != expected || &weights[..MAGIC.len()] != MAGIC {
            return Err(bad());
        }
        let mut at = MAGIC.len();
        let mut next4 = || {
            let b = [
                weights[at],
                weights[at + 1],
                weights[at + 2],
                weights[at + 3],
            ];
            at += 4;
            b
        };
        if u32::from_le_bytes(next4()) as usize != HEADS {
            return Err(bad());
        }
        let mut scale = [0f32; HEADS];
        let mut bias = [0f32; HEADS];
        for s in scale.iter_mut() {
            *s = f32::from_le_bytes(next4());
        }
        for b in bias.iter_mut() {
            *b = f32::from_le_bytes(next4());
        }
        let weights = weights[header..]
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Ok(Model {
            meta,
            scale,
            bias,
            weights,
        })
    }

    /// Builds a model from trained values (used by the trainer).
    pub(crate) fn from_parts(
        meta: Meta,
        scale: [f32; HEADS],
        bias: [f32; HEADS],
        weights: Vec<i16>,
    ) -> Model {
        Model {
            meta,
            scale,
            bias,
            weights,
        }
    }

    /// The bytes of `weights.bin`.
    pub fn weights_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(MAGIC.len() + 4 + 8 * HEADS + 2 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(HEADS as u32).to_le_bytes());
        for s in self.scale {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for b in self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    fn row(&self, bucket: u32) -> &[i16] {
        let at = bucket as usize * HEADS;
        &self.weights[at..at + HEADS]
    }

    /// The logits of a feature list (the reference the fast path is tested against).
    pub fn logits_of(&self, features: &[(u32, f32)]) -> [f32; HEADS] {
        let mut sum = [0f32; HEADS];
        for (b, v) in features {
            for (s, w) in sum.iter_mut().zip(self.row(*b)) {
                *s += f32::from(*w) * v;
            }
        }
        self.finish(sum)
    }

    fn finish(&self, sum: [f32; HEADS]) -> [f32; HEADS] {
        let mut out = [0f32; HEADS];
        for h in 0..HEADS {
            out[h] = sum[h] * self.scale[h] + self.bias[h];
        }
        out
    }

    /// Scores a message: the same sum as [`Model::logits_of`] over [`features`], computed
    /// word by word so that repeated words are hashed once, with each token's share of the
    /// promotional logit.
    pub fn score(&self, text: &str, rules: &RuleSignals) -> Scored {
        let bits = self.meta.bits;
        let tokens = tokenize(text);
        let hashes: Vec<u64> = tokens.iter().map(|t| token_hash(&t.text)).collect();
        // Every token starts one n-gram of each length that fits: 1-, 2- and 3-grams.
        let n_words: usize = (0..hashes.len()).map(|i| (hashes.len() - i).min(3)).sum();
        let n_chars: usize = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| char_gram_count(&t.text))
            .sum();
        let (vw, vc) = (norm(n_words), norm(n_chars));

        let mut sum = [0f32; HEADS];
        let mut share = vec![0f32; tokens.len()];
        word_grams(&hashes, bits, |i, n, b| {
            let row = self.row(b);
            for (s, w) in sum.iter_mut().zip(row) {
                *s += f32::from(*w) * vw;
            }
            let each = f32::from(row[0]) * vw / n as f32;
            for c in &mut share[i..i + n] {
                *c += each;
            }
        });
        // Each distinct word's character n-grams are summed once, keyed by its hash (already
        // well mixed, so it is its own hash value).
        let mut seen: HashMap<u64, [f32; HEADS], BuildHasherDefault<Identity>> = HashMap::default();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let word = *seen.entry(mix(hashes[i], 0)).or_insert_with(|| {
                let mut w = [0f32; HEADS];
                char_grams(&t.text, bits, |b| {
                    for (s, x) in w.iter_mut().zip(self.row(b)) {
                        *s += f32::from(*x);
                    }
                });
                w
            });
            for (s, w) in sum.iter_mut().zip(word) {
                *s += w * vc;
            }
            share[i] += word[0] * vc;
        }
        for (name, v) in rule_features(rules) {
            for (s, w) in sum.iter_mut().zip(self.row(rule_bucket(&name, bits))) {
                *s += f32::from(*w) * v;
            }
        }
        let logits = self.finish(sum);
        for c in &mut share {
            *c *= self.scale[0];
        }
        Scored {
            promotional: sigmoid(logits[0]),
            classes: softmax(&logits[1..]),
            tokens,
            contributions: share,
        }
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Probabilities from class logits.
pub fn softmax(logits: &[f32]) -> [f32; Class::ALL.len()] {
    let max = logits.iter().copied().fold(f32::MIN, f32::max);
    let mut out = [0f32; Class::ALL.len()];
    let mut total = 0.0;
    for (o, l) in out.iter_mut().zip(logits) {
        *o = (l - max).exp();
        total += *o;
    }
    for o in &mut out {
        *o /= total;
    }
    out
}

/// SHA-256 of bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn rules() -> RuleSignals {
        RuleSignals {
            lang: Some(Lang::It),
            categories: vec![Category::Discount],
            topics: vec![("shipping".into(), 2.0)],
            promotional: true,
            purpose: Some(Purpose::PostPurchase),
        }
    }

    #[test]
    fn tokens_fold_words_and_keep_spans() {
        let text = "Ciao {first_name}, SCONTO del 20% su www.shop.it: è ORA!";
        let t = tokenize(text);
        let words: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            [
                "ciao", "{first", "{name", "sconto", "del", "0", "%", "su", "<url>", "e", "ora",
                "!"
            ]
        );
        assert_eq!(&text[t[3].start..t[3].end], "SCONTO");
        assert_eq!(&text[t[1].start..t[1].end], "{first_name}");
        assert_eq!(t[1].kind, TokenKind::Slot);
        assert_eq!(t[8].kind, TokenKind::Sign);
    }

    #[test]
    fn numbers_keep_their_inner_separators() {
        let t = tokenize("Total 1.299,00 € at 10:30.");
        let spans: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(spans, ["total", "0", "¤", "at", "0"]);
    }

    #[test]
    fn char_grams_count_matches_the_formula() {
        for w in ["a", "ab", "ordine", "spedizione"] {
            let mut n = 0;
            char_grams(w, 18, |_| n += 1);
            assert_eq!(n, char_gram_count(w), "{w}");
        }
    }

    #[test]
    fn the_fast_score_equals_the_plain_dot_product() {
        let model = Model::embedded().unwrap();
        for text in [
            "Il tuo ordine è stato spedito. Grazie! Il tuo ordine arriverà domani.",
            "Nuova collezione: scopri i saldi, sconto 30% con il codice {discount}",
            "",
            "!!! 100 € 100 €",
        ] {
            let scored = model.score(text, &rules());
            let reference = model.logits_of(&features(&tokenize(text), &rules(), model.meta.bits));
            let p = sigmoid(reference[0]);
            assert!(
                (scored.promotional - p).abs() < 1e-5,
                "{text}: {} {p}",
                scored.promotional
            );
            let classes = softmax(&reference[1..]);
            for (a, b) in scored.classes.iter().zip(classes) {
                assert!((a - b).abs() < 1e-5, "{text}");
            }
            // The token shares add up to the promotional logit of the text features.
            let text_only: Vec<(u32, f32)> =
                features(&tokenize(text), &RuleSignals::default(), model.meta.bits)
                    .into_iter()
                    .filter(|(b, _)| *b != rule_bucket("bias:all", model.meta.bits))
                    .collect();
            let mut plain = 0f32;
            for (b, v) in &text_only {
                plain += f32::from(model.row(*b)[0]) * v;
            }
            let shares: f32 = scored.contributions.iter().sum();
            assert!(
                (shares - plain * model.scale[0]).abs() < 1e-3,
                "{text}: {shares} {plain}"
            );
        }
    }

    #[test]
    fn a_weights_file_of_another_model_is_refused_with_a_reason() {
        let model = Model::embedded().unwrap();
        let mut bytes = model.weights_bytes();
        bytes[20] ^= 1;
        let meta = toml::to_string(&model.meta).unwrap();
        let e = Model::parse("m", &meta, &bytes).unwrap_err().to_string();
        assert!(e.contains("SHA-256") && e.contains("m/weights.bin"), "{e}");
        let e = Model::parse("m", "version = 1", &[])
            .unwrap_err()
            .sentence(Lang::It);
        assert!(
            e.starts_with("m/model.toml non è una descrizione di modello valida"),
            "{e}"
        );
    }

    #[test]
    fn the_embedded_model_round_trips_through_its_bytes() {
        let model = Model::embedded().unwrap();
        assert_eq!(model.weights_bytes(), EMBEDDED_WEIGHTS);
    }
}
