//! The checker on the labelled corpus of real business messages in `tests/data/`:
//! prints precision / recall / F1 of the promotional verdict per language and the tag
//! accuracy of the lexicons alone, and fails below promotional F1 0.90 or tag accuracy 0.85 on
//! the batches the lexicons were tuned on.
//! The test split (`unseen.jsonl`) is not measured here: it is measured once per model version,
//! by `ventana eval tests/data/unseen.jsonl`, and a test run that printed it every time would
//! invite tuning on it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;
use ventana::compliance::eval::{evaluate, parse_corpus};

/// Lines 1–266 of `messages.jsonl`: batches 1–3, the ones the lexicons were tuned on.
/// Batch 4 (from line 267) was added for training the learned score; the lexicons' precision
/// fixes of 2026.12-3 were found on its false flags, and it is reported, not gated.
const TUNED_LINES: usize = 266;

/// Measures the first `lines` messages of the corpus at `path` (all when `None`) with the
/// lexicons alone.
fn measure(path: &str, lines: Option<usize>) -> ventana::compliance::eval::Evaluation {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut corpus = parse_corpus(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    corpus.truncate(lines.unwrap_or(corpus.len()));
    let mut engine = Engine::embedded().unwrap();
    engine.model = None;
    // 2023: the four 2020 tags were in force, which is what the labels mean.
    let at = "2023-01-01T12:00:00Z".parse().unwrap();
    evaluate(&engine, &corpus, at)
}

#[test]
fn promotional_f1_and_tag_accuracy_meet_the_bar() {
    // The lexicons were tuned on the first batches and the model trained on the whole file:
    // the gate is on the lexicons alone over the tuned batches, which they must not lose.
    let path = "tests/data/messages.jsonl";
    let all = measure(path, None);
    println!("{path}, all batches, lexicons alone\n{}", all.table());
    let ev = measure(path, Some(TUNED_LINES));
    println!(
        "{path}, lines 1–{TUNED_LINES} (tuned on), lexicons alone\n{}",
        ev.table()
    );
    assert!(
        ev.all.n >= 150,
        "the corpus must have at least 150 messages, has {}",
        ev.all.n
    );
    for lang in ["en", "it", "es"] {
        assert!(
            ev.by_lang.get(lang).is_some_and(|s| s.n >= 40),
            "too few {lang} messages"
        );
    }
    assert!(
        ev.all.f1() >= 0.90,
        "promotional F1 {:.3} < 0.90",
        ev.all.f1()
    );
    assert!(
        ev.all.tag_accuracy() >= 0.85,
        "tag accuracy {:.3} < 0.85",
        ev.all.tag_accuracy()
    );
}
