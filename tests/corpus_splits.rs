//! The labelled corpora keep their splits apart: a source repository feeds the test split or
//! training, never both; no text of the test split is also a training text; every line has
//! the fields and the label rules of `tests/data/LABELLING.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

const TEST: &str = "unseen.jsonl";

/// Every other corpus file of `tests/data/`: all of them are training data, so that a new
/// batch cannot slip past these checks.
fn training_files() -> Vec<String> {
    let dir = format!("{}/tests/data", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".jsonl") && f != TEST)
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    files
}
const TAGS: [&str; 4] = [
    "POST_PURCHASE_UPDATE",
    "CONFIRMED_EVENT_UPDATE",
    "ACCOUNT_UPDATE",
    "HUMAN_AGENT",
];

fn lines(file: &str) -> Vec<Value> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(&path).unwrap();
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{file} line {}: {e}", i + 1))
        })
        .collect()
}

/// Lower case, placeholders and punctuation dropped, spaces collapsed.
fn normalised(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ if !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn repos(file: &str) -> BTreeSet<String> {
    lines(file)
        .iter()
        .filter_map(|v| v["repo"].as_str())
        .filter(|r| *r != "synthetic")
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn a_source_feeds_the_test_split_or_training_never_both() {
    let test = repos(TEST);
    assert!(test.len() >= 30, "only {} test sources", test.len());
    for f in &training_files() {
        let shared: Vec<String> = repos(f).intersection(&test).cloned().collect();
        assert!(
            shared.is_empty(),
            "{f} and {TEST} share sources: {shared:?}"
        );
    }
}

#[test]
fn no_test_text_is_a_training_text() {
    let mut training: HashMap<String, String> = HashMap::new();
    for f in &training_files() {
        for v in lines(f) {
            let id = format!("{f}: {}", v["id"].as_str().unwrap_or_default());
            training.insert(normalised(v["text"].as_str().unwrap()), id);
        }
    }
    for v in lines(TEST) {
        let text = normalised(v["text"].as_str().unwrap());
        assert!(
            !training.contains_key(&text),
            "{} is also {}",
            v["id"],
            training[&text]
        );
    }
}

#[test]
fn every_line_follows_the_labelling_rules() {
    for f in training_files().iter().map(String::as_str).chain([TEST]) {
        let mut ids = BTreeSet::new();
        for v in lines(f) {
            let id = v["id"].as_str().unwrap_or_default().to_string();
            assert!(ids.insert(id.clone()), "{f}: {id} twice");
            assert!(
                ["en", "it", "es"].contains(&v["lang"].as_str().unwrap_or_default()),
                "{f}: {id}: lang"
            );
            let text = v["text"].as_str().unwrap_or_default();
            assert!(
                !text.trim().is_empty() && text.chars().count() < 2000,
                "{f}: {id}: text"
            );
            assert_label(f, &id, &v);
            // Synthetic lines never reach the test split.
            if f == TEST {
                assert!(
                    v.get("synthetic").is_none_or(|s| s == false),
                    "{f}: {id}: synthetic"
                );
            }
        }
    }
}

/// A label, a purpose and a tag of `tests/data/LABELLING.md`; no tag for a promotion.
fn assert_label(f: &str, id: &str, v: &Value) {
    let tag = v["suggested_tag"].as_str();
    assert!(
        tag.is_none_or(|t| TAGS.contains(&t)),
        "{f}: {id}: tag {tag:?}"
    );
    match v["label"].as_str() {
        Some("promotional") => assert!(tag.is_none(), "{f}: {id}: a promotion has no tag"),
        Some("non_promotional") => {}
        other => panic!("{f}: {id}: label {other:?}"),
    }
    let purpose = v["purpose"].as_str().unwrap_or_default();
    assert!(
        PURPOSES.contains(&purpose),
        "{f}: {id}: purpose {purpose:?}"
    );
}

const PURPOSES: [&str; 8] = [
    "event_update",
    "post_purchase",
    "account_update",
    "human_support",
    "feedback",
    "news",
    "promotional",
    "general",
];

/// The blind relabellings of the test split (`tests/data/relabel/`) label each of its
/// messages once, by the same rules.
#[test]
fn the_relabellings_cover_the_test_split_once() {
    let ids: BTreeSet<String> = lines(TEST)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    for f in ["relabel/unseen-a.jsonl", "relabel/unseen-b.jsonl"] {
        let mut seen = BTreeSet::new();
        for v in lines(f) {
            let id = v["id"].as_str().unwrap_or_default().to_string();
            assert!(ids.contains(&id), "{f}: {id} is not in {TEST}");
            assert!(seen.insert(id.clone()), "{f}: {id} twice");
            assert_label(f, &id, &v);
        }
        assert_eq!(seen, ids, "{f}");
    }
}
