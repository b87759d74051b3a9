//! How long one check of a 2,000-character message takes (target: well under 1 ms).

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
    let engine = Engine::embedded().unwrap();
    let text = message();
    let at = Utc.with_ymd_and_hms(2025, 6, 2, 10, 0, 0).unwrap();
    b.bench_local(|| {
        engine.check(&CheckInput {
            text: divan::black_box(&text),
            channel: Channel::Messenger,
            chosen: None,
            at,
            place: Default::default(),
            ui_lang: Lang::En,
        })
    });
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
