//! How long one check of a 2,000-character message takes, with the learned score (target:
//! under 0.2 ms) and with the lexicons alone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use divan::Bencher;

use ventana::Engine;
use ventana::compliance::CheckInput;
use ventana::i18n::Lang;
use ventana::policy::Channel;

fn main() {
    divan::main();
}

/// A realistic 1,999-character Italian message: an order update that drifts into a promotion.
fn message() -> String {
    let base = "Ciao Giulia, il tuo ordine #4521 è stato spedito e arriverà entro venerdì con il \
                corriere. Puoi seguirlo con il numero di tracciamento 1Z999AA10123456784. Grazie \
                per il tuo acquisto! Ti ricordiamo che con il codice SCONTO10 hai il 10% di sconto \
                sul prossimo acquisto, solo fino a domenica: scopri la nuova collezione su \
                https://shop.example.it/saldi?utm_campaign=estate. ";
    let mut text = base.repeat(2000 / base.chars().count() + 1);
    let cut = text.char_indices().nth(1999).map_or(text.len(), |(i, _)| i);
    text.truncate(cut);
    text
}

#[divan::bench]
fn check_2000_chars(b: Bencher) {
    bench_check(b, &Engine::embedded().unwrap(), &message());
}

/// A 2,000-character Italian message without repeats: the Italian training lines of
/// `tests/data/synthetic.jsonl` one after the other (every word hashed afresh).
fn varied_message() -> String {
    let lines = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/synthetic.jsonl"
    ))
    .unwrap();
    let mut text = String::new();
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["lang"] == "it" && text.chars().count() < 2000 {
            text.push_str(v["text"].as_str().unwrap());
            text.push(' ');
        }
    }
    let cut = text.char_indices().nth(1999).map_or(text.len(), |(i, _)| i);
    text.truncate(cut);
    text
}

#[divan::bench]
fn check_2000_varied_chars(b: Bencher) {
    let text = varied_message();
    assert_eq!(text.chars().count(), 1999);
    bench_check(b, &Engine::embedded().unwrap(), &text);
}

/// Checks `text` with `engine`, as the composer does.
fn bench_check(b: Bencher, engine: &Engine, text: &str) {
    let at = Utc.with_ymd_and_hms(2025, 6, 2, 10, 0, 0).unwrap();
    b.bench_local(|| {
        engine.check(&CheckInput {
            text: divan::black_box(text),
            channel: Channel::Messenger,
            chosen: None,
            at,
            place: Default::default(),
            ui_lang: Lang::En,
            answers: Default::default(),
        })
    });
}

fn lexicons_only() -> Engine {
    let mut engine = Engine::embedded().unwrap();
    engine.model = None;
    engine
}

#[divan::bench]
fn check_2000_chars_lexicons_only(b: Bencher) {
    bench_check(b, &lexicons_only(), &message());
}

#[divan::bench]
fn check_2000_varied_chars_lexicons_only(b: Bencher) {
    bench_check(b, &lexicons_only(), &varied_message());
}

#[divan::bench]
fn analyze_2000_chars(b: Bencher) {
    let engine = Engine::embedded().unwrap();
    let text = message();
    b.bench_local(|| engine.analyze(divan::black_box(&text)));
}

#[divan::bench]
fn engine_start(b: Bencher) {
    b.bench_local(|| Engine::embedded().unwrap());
}

#[divan::bench]
fn learned_score_2000_varied_chars(b: Bencher) {
    let engine = Engine::embedded().unwrap();
    let model = engine.model.as_ref().unwrap();
    let text = varied_message();
    let signals = ventana::compliance::analyze_rules(&text, &engine.lexicons).signals();
    b.bench_local(|| model.score(divan::black_box(&text), &signals));
}
