//! Every sentence in the user's language: each data string of the built-in policy has an
//! Italian and a Spanish text, and an Italian or Spanish `check --json` never contains a
//! sentence of the English set (catalogue messages and English data strings).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use ventana::Engine;
use ventana::compliance::CheckInput;
use ventana::i18n::Lang;
use ventana::policy::{Channel, Place, Route, Text};

fn missing(what: &str, t: &Text, out: &mut Vec<String>) {
    for lang in t.missing() {
        out.push(format!("{what}: no {lang} text (English: {:?})", t.en));
    }
}

#[test]
fn every_data_string_has_an_italian_and_a_spanish_text() {
    let engine = Engine::embedded().unwrap();
    let mut gaps = Vec::new();
    for cp in engine.policy.channels() {
        for v in &cp.versions {
            missing(&format!("version {} title", v.id), &v.title, &mut gaps);
        }
        for r in &cp.rules {
            missing(&format!("rule {} title", r.id), &r.title, &mut gaps);
            if let Some(req) = &r.requires {
                missing(&format!("rule {} requires", r.id), req, &mut gaps);
            }
            for s in &r.regions {
                missing(&format!("region {} reason", s.id), &s.reason, &mut gaps);
            }
        }
        for f in &cp.features {
            missing(&format!("feature {} title", f.id), &f.title, &mut gaps);
            missing(
                &format!("feature {} reason", f.id),
                &f.scope.reason,
                &mut gaps,
            );
        }
    }
    for (name, g) in &engine.policy.regions().info {
        missing(&format!("region group {name}"), &g.name, &mut gaps);
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

/// Runs of three or more words from the English catalogue and the English data strings:
/// the literal parts of each message, placeables removed.
fn english_sentences(engine: &Engine) -> BTreeSet<String> {
    let mut texts: Vec<String> = Vec::new();
    let en = include_str!("../assets/i18n/en.ftl");
    for line in en.lines() {
        if let Some((_, value)) = line.split_once(" = ") {
            texts.push(value.to_string());
        } else if line.starts_with("    ") && !line.trim_start().starts_with(['[', '*', '}']) {
            texts.push(line.trim().to_string());
        }
    }
    for cp in engine.policy.channels() {
        for r in &cp.rules {
            texts.push(r.title.en.clone());
            if let Some(req) = &r.requires {
                texts.push(req.en.clone());
            }
            texts.extend(r.regions.iter().map(|s| s.reason.en.clone()));
        }
        for f in &cp.features {
            texts.push(f.scope.reason.en.clone());
        }
    }
    let mut out = BTreeSet::new();
    for t in texts {
        // Placeables and quoted excerpts are not English sentences.
        let mut literal = String::new();
        let mut depth = 0;
        for c in t.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => literal.push(c),
                _ => literal.push('|'),
            }
        }
        for part in literal.split(['|', '“', '”', '(', ')', ':', ';', '.']) {
            let words: Vec<&str> = part.split_whitespace().collect();
            if words.len() >= 3 {
                out.insert(words.join(" "));
            }
        }
    }
    out
}

/// Names of Meta's products, which stay in English in every language.
const PRODUCT_NAMES: [&str; 3] = [
    "Customer Feedback Template",
    "Marketing Message API",
    "News Page Index",
];

/// Whether `haystack` contains `words` starting and ending on word boundaries.
fn contains_words(haystack: &str, words: &str) -> bool {
    if PRODUCT_NAMES.contains(&words) {
        return false;
    }
    haystack.match_indices(words).any(|(i, m)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn strings(v: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) if key != "excerpt" => out.push((key.to_string(), s.clone())),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| strings(x, k, out)),
        _ => {}
    }
}

#[test]
fn italian_and_spanish_reports_contain_no_english_sentence() {
    let engine = Engine::embedded().unwrap();
    let english = english_sentences(&engine);
    assert!(
        english.len() > 100,
        "only {} English sentences",
        english.len()
    );
    let texts = [
        "Il tuo ordine #4521 è stato spedito e arriverà giovedì",
        "Saldi di Natale: -30% su tutto solo oggi con il codice NATALE30",
        "Ciao Marta, sono Luca dell'assistenza: il rimborso è stato approvato.",
        "Le notizie del giorno: il consiglio comunale approva il nuovo bilancio.",
        "Tu cita en la clínica es mañana a las 10:30.",
        "¿Qué te pareció nuestro servicio? Valóralo del 1 al 5.",
        "Hemos detectado un acceso sospechoso a tu cuenta desde un nuevo dispositivo.",
        "Bonjour ! Profitez de 20 % de remise sur toute la boutique ce week-end.",
    ];
    let chosen = [
        None,
        Some(Route::UtilityTemplate),
        Some(Route::MessageTag("POST_PURCHASE_UPDATE".into())),
        Some(Route::MessageTag("HUMAN_AGENT".into())),
        Some(Route::MessageTag("NOT_A_TAG".into())),
        Some(Route::PaidMarketing),
    ];
    let ats: [DateTime<Utc>; 4] = [
        "2019-06-03T10:00:00Z".parse().unwrap(),
        "2021-05-01T10:00:00Z".parse().unwrap(),
        "2026-05-01T10:00:00Z".parse().unwrap(),
        "2026-12-03T10:00:00Z".parse().unwrap(),
    ];
    let places = ["IT", "ES", "US", ""].map(|c| {
        let c = c.parse().ok();
        Place {
            page: c,
            recipient: c,
        }
    });
    let mut leaks = BTreeSet::new();
    for lang in [Lang::It, Lang::Es] {
        for text in texts {
            for route in &chosen {
                for at in ats {
                    for place in places {
                        for channel in Channel::ALL {
                            let r = engine.check(&CheckInput {
                                text,
                                channel,
                                chosen: route.clone(),
                                at,
                                place,
                                ui_lang: lang,
                                answers: Default::default(),
                            });
                            let mut found = Vec::new();
                            strings(&serde_json::to_value(&r).unwrap(), "", &mut found);
                            for (key, s) in found {
                                for e in english.iter().filter(|e| contains_words(&s, e)) {
                                    leaks.insert(format!("{lang} {key}: {e:?} in {s:?}"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{}",
        leaks.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// Files that make the importer warn, reject rows or refuse, and command lines that fail.
fn troublesome_runs(dir: &std::path::Path) -> Vec<Vec<String>> {
    let files: [(&str, &[u8]); 9] = [
        ("empty.csv", b"  \n"),
        ("book.xlsx", b"PK\x03\x04\x00\x00binary"),
        ("noid.csv", b"Cliente;Quando\nAnna;22/11/2026 10:00\n"),
        (
            "ragged.csv",
            b"psid,last_interaction\n1,2026-11-22T10:00:00Z,x,y\n2\n3,31/02/2026\n4,2026-11-22T10:00:00Z\n",
        ),
        (
            "dates.csv",
            b"psid;paese;channel;ultima_interazione\n1;Narnia;fax;03/04/2026 25:00\n2;IT;messenger;04/05/2026 10:00\n3;ES;;1.23457E+16\n",
        ),
        ("lines.jsonl", b"{\"psid\":\"1\",\"last_seen\":\"2026-11-22T10:00:00Z\"}\n[1]\n{oops\n"),
        ("data.json", b"{\"status\":\"ok\"}"),
        ("cut.json", b"[{\"psid\":\"1\"},{\"psid\""),
        ("mangled.csv", b"psid,last_interaction\n1.23457E+16,2026-11-22T10:00:00Z\n"),
    ];
    let mut runs = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        runs.push(vec!["import".into(), path.display().to_string()]);
    }
    let csv = dir.join("ragged.csv").display().to_string();
    for extra in [
        vec!["--map", "psid=Nope"],
        vec!["--map", "colour=psid"],
        vec!["--map", "psid"],
        vec!["--tz", "Europe/Roma"],
    ] {
        let mut run = vec!["import".to_string(), csv.clone()];
        run.extend(extra.into_iter().map(String::from));
        runs.push(run);
    }
    for run in [
        vec!["check", "   "],
        vec!["check", "--file", "/nonexistent/m.txt"],
        vec!["check", "--fill", "nope", "ciao"],
        vec!["plan", "--text", "ciao", "--tz", "Mars/Base"],
        vec![
            "export",
            "--text",
            "ciao",
            "--out",
            "/nonexistent/dir/s.csv",
        ],
        vec!["eval", "/nonexistent/corpus.jsonl"],
    ] {
        runs.push(run.into_iter().map(String::from).collect());
    }
    runs
}

#[test]
fn italian_and_spanish_imports_and_errors_contain_no_english_sentence() {
    let engine = Engine::embedded().unwrap();
    let english = english_sentences(&engine);
    let dir = tempfile::tempdir().unwrap();
    let mut leaks = BTreeSet::new();
    let mut said = 0;
    for lang in ["it", "es"] {
        for run in troublesome_runs(dir.path()) {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_ventana"))
                .env("VENTANA_DB", dir.path().join(format!("{lang}.db")))
                .args(["--lang", lang])
                .args(&run)
                .output()
                .unwrap();
            let out = String::from_utf8_lossy(&o.stdout).into_owned()
                + &String::from_utf8_lossy(&o.stderr);
            said += usize::from(!out.trim().is_empty());
            for e in english.iter().filter(|e| contains_words(&out, e)) {
                leaks.insert(format!("{lang} {run:?}: {e:?} in {out:?}"));
            }
        }
    }
    assert!(said > 30, "only {said} runs said anything");
    assert!(
        leaks.is_empty(),
        "{}",
        leaks.into_iter().collect::<Vec<_>>().join("\n")
    );
}
