//! The learned score's explanations hold on every message of the corpora: its phrases are
//! content words inside the text, never across punctuation nor on a lexicon cue; a
//! borderline verdict's "without these words it would not be promotional" is true when the
//! text is checked again without them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;
use ventana::compliance::Tip;

fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for f in [
        "messages.jsonl",
        "messages-5.jsonl",
        "unseen.jsonl",
        "synthetic.jsonl",
        "synthetic-4.jsonl",
    ] {
        let body = std::fs::read_to_string(dir.join("tests/data").join(f)).unwrap();
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            out.push(v["text"].as_str().unwrap().to_string());
        }
    }
    out.extend(
        [
            "Hola Marta, ¿pudiste ver el presupuesto que te enviamos? Estoy a tu disposición para \
             enseñarte los paquetes que mejor encajan con tu equipo.",
            "Ciao Giulia, ti scrivo per sapere se hai avuto modo di guardare il preventivo. Sono a \
             disposizione per mostrarti i pacchetti adatti al tuo team.",
            "Just checking in: did you get a chance to look at our proposal? Happy to walk you \
             through the plans that fit your team.",
        ]
        .map(String::from),
    );
    out
}

#[test]
fn phrases_and_tips_hold_on_every_corpus_message() {
    let engine = Engine::embedded().unwrap();
    let (mut phrases, mut tips) = (0, 0);
    for text in texts() {
        let a = engine.analyze(&text);
        let Some(learned) = &a.learned else {
            continue;
        };
        assert!(learned.phrases.len() <= 3);
        for p in &learned.phrases {
            phrases += 1;
            let words = &text[p.start..p.end];
            assert!(!words.is_empty() && p.weight > 0.0, "{text:?}");
            assert!(
                !words.contains(['.', ',', ';', '!', '?', '\n']),
                "{words:?} crosses punctuation in {text:?}"
            );
            assert!(
                !a.cues.iter().any(|c| c.start < p.end && p.start < c.end),
                "{words:?} repeats a cue in {text:?}"
            );
        }
        assert_eq!(learned.tip.is_some(), learned.borderline, "{text:?}");
        if let Some(Tip::Without {
            start,
            end,
            probability,
        }) = &learned.tip
        {
            tips += 1;
            assert_eq!(a.promotional, Some(true), "{text:?}");
            let without = format!("{} {}", &text[..*start], &text[*end..]);
            let again = engine.analyze(&without);
            assert_eq!(again.promotional, Some(false), "{without:?}");
            let p = again.learned.as_ref().unwrap().probability;
            assert!((p - probability).abs() < 1e-6, "{p} {probability}");
        }
    }
    assert!(phrases > 50, "{phrases} phrases");
    assert!(tips >= 1, "no borderline text was tipped by one phrase");
}
