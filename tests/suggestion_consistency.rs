//! One consistent suggestion: the route Ventana suggests for a text at an instant, for a
//! Page and a person somewhere — and every route it offers as "needs setting up first" —
//! is never one that the same check blocks when the marketer chooses it.
//!
//! Texts: every message of the labelled corpora in `tests/data/` (and the development
//! corpus in `../shared/corpus` when it is there); instants: every policy era, at random;
//! places: Italy, Spain, the United States, Japan, and unknown.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

use ventana::Engine;
use ventana::compliance::{Answers, CheckInput, Fact, Report, Severity};
use ventana::i18n::Lang;
use ventana::policy::{Channel, Place, Route, WindowNeed};

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::embedded().unwrap());

static TEXTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        dir.join("tests/data/messages.jsonl"),
        dir.join("tests/data/unseen.jsonl"),
        dir.join("../shared/corpus/messages_dev.jsonl"),
    ];
    let mut texts = Vec::new();
    for f in files {
        let Ok(body) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            texts.push(v["text"].as_str().unwrap().to_string());
        }
    }
    // The cases the issue names.
    texts.extend(
        [
            "Le notizie del giorno: il consiglio comunale approva il nuovo bilancio.",
            "How did we do? Rate your support experience from 1 to 5.",
            "Ci dai un parere? Rispondi a 3 domande sul tuo ultimo ordine.",
            "¿Qué te pareció nuestro servicio? Valóralo del 1 al 5.",
        ]
        .map(String::from),
    );
    assert!(texts.len() >= 380, "only {} texts", texts.len());
    texts
});

fn place(k: usize) -> Place {
    let c = |s: &str| s.parse().ok();
    match k {
        0 => Place::default(),
        1 => Place {
            page: c("IT"),
            recipient: c("IT"),
        },
        2 => Place {
            page: c("ES"),
            recipient: c("ES"),
        },
        3 => Place {
            page: c("US"),
            recipient: c("MX"),
        },
        _ => Place {
            page: c("JP"),
            recipient: c("JP"),
        },
    }
}

fn check(
    text: &str,
    at: DateTime<Utc>,
    place: Place,
    chosen: Option<Route>,
    answers: Answers,
) -> Report {
    ENGINE.check(&CheckInput {
        text,
        channel: Channel::Messenger,
        chosen,
        at,
        place,
        ui_lang: Lang::En,
        answers,
    })
}

/// Answers to the three facts, each yes, no or unanswered, from a number in 0..27.
fn answers(k: usize) -> Answers {
    let mut a = Answers::default();
    for (i, f) in Fact::ALL.into_iter().enumerate() {
        a.set(
            f,
            match (k / 3usize.pow(i as u32)) % 3 {
                0 => None,
                1 => Some(true),
                _ => Some(false),
            },
        );
    }
    a
}

/// The blocking findings of a check with `route` chosen, if any.
fn blocks(
    text: &str,
    at: DateTime<Utc>,
    place: Place,
    route: &Route,
    answers: Answers,
) -> Vec<String> {
    check(text, at, place, Some(route.clone()), answers)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Block && f.category.as_str() != "length_limit")
        .map(|f| format!("{}: {}", f.category, f.explanation))
        .collect()
}

fn assert_consistent(
    text: &str,
    at: DateTime<Utc>,
    place: Place,
    answers: Answers,
) -> Result<(), TestCaseError> {
    let r = check(text, at, place, None, answers);
    let mut offered: Vec<Route> = vec![r.suggested_route.clone()];
    // Routes offered as "needs setting up first".
    offered.extend(
        r.routes
            .iter()
            .filter(|o| {
                o.window != WindowNeed::Inside
                    && !o.suggest
                    && o.fit == ventana::policy::Fit::Fits
                    && o.available == ventana::policy::Available::Yes
            })
            .map(|o| o.route.clone()),
    );
    for route in offered {
        let b = blocks(text, at, place, &route, answers);
        prop_assert!(
            b.is_empty(),
            "{route} offered for {text:?} at {at} ({place:?}, {answers:?}), then blocked: {b:?}\nreason: {}",
            r.route_reason
        );
    }
    Ok(())
}

/// An instant in one of the policy eras, 2016 to 2027.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (1_479_081_600i64..1_800_000_000).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, .. ProptestConfig::default() })]

    #[test]
    fn a_suggested_route_is_never_blocked_when_chosen(
        k in 0usize..10_000,
        at in instant(),
        p in 0usize..5,
        a in 0usize..27,
    ) {
        let text = &TEXTS[k % TEXTS.len()];
        assert_consistent(text, at, place(p), answers(a))?;
    }
}

#[test]
fn every_text_is_consistent_in_each_era_for_an_italian_page() {
    let eras = [
        "2016-12-01T10:00:00Z",
        "2019-06-03T10:00:00Z",
        "2021-05-01T10:00:00Z",
        "2026-05-01T10:00:00Z",
        "2026-12-03T10:00:00Z",
    ];
    for at in eras {
        let at: DateTime<Utc> = at.parse().unwrap();
        for text in TEXTS.iter() {
            assert_consistent(text, at, place(1), Answers::default()).unwrap();
        }
    }
}
