//! The checker on the labelled corpus of real business messages in `tests/data/`:
//! prints precision / recall / F1 of the promotional verdict per language and the tag
//! accuracy, and fails below promotional F1 0.90 or tag accuracy 0.85. The unseen set
//! (`unseen.jsonl`, gathered after tuning and never tuned on) is measured and printed too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;
use ventana::compliance::eval::{evaluate, parse_corpus};

fn measure(path: &str) -> Option<ventana::compliance::eval::Evaluation> {
    let text = std::fs::read_to_string(path).ok()?;
    let corpus = parse_corpus(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let engine = Engine::embedded().unwrap();
    // 2023: the four 2020 tags were in force, which is what the labels mean.
    let at = "2023-01-01T12:00:00Z".parse().unwrap();
    Some(evaluate(&engine, &corpus, at))
}

#[test]
fn promotional_f1_and_tag_accuracy_meet_the_bar() {
    let ev = measure("tests/data/messages.jsonl").expect("tests/data/messages.jsonl is missing");
    println!("tests/data/messages.jsonl\n{}", ev.table());
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

#[test]
fn unseen_set_is_reported() {
    if let Some(ev) = measure("tests/data/unseen.jsonl") {
        println!("tests/data/unseen.jsonl (never tuned on)\n{}", ev.table());
        assert!(ev.all.n > 0);
    }
}
