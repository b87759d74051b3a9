//! Arbitrary input for every parser a user's data reaches: the importer (CSV and JSON bytes),
//! the time and zone parsers, the placeholder filler (the checker's and the export's) and the
//! checker. None may panic, and what each promises about its output holds.
//!
//! `cargo test` runs a few hundred cases of each. The long runs are ignored by default:
//! `VENTANA_FUZZ_SECS=600 cargo test --test fuzz -- --ignored --nocapture` runs
//! each target for that many seconds (default 600) and prints how many inputs it tried.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::sync::LazyLock;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

use ventana::Engine;
use ventana::compliance::{CheckInput, placeholder};
use ventana::export::send_list::{Entry, Format};
use ventana::export::{SendList, export};
use ventana::i18n::{I18n, Lang};
use ventana::import::time::{self, DateOrder, TimeFormat};
use ventana::import::{self, Options};
use ventana::plan::parse_duration;
use ventana::plan::zone::{QuietHours, Zone};
use ventana::policy::{Channel, Country, Route, parse_instant};
use ventana::store::{ContactDetail, Store};

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::embedded().unwrap());

/// Runs `test` on `cases` generated values, or, when `long`, for `VENTANA_FUZZ_SECS`
/// seconds (default 600) of fresh values; prints the count in the long mode.
fn fuzz<S: Strategy>(name: &str, strategy: S, cases: u32, long: bool, test: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug + Clone,
{
    if !long {
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&strategy, |v| {
                test(v);
                Ok(())
            })
            .unwrap();
        return;
    }
    let secs: u64 = std::env::var("VENTANA_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let until = Instant::now() + Duration::from_secs(secs);
    let mut runner = TestRunner::new(Config::default());
    let mut n: u64 = 0;
    while Instant::now() < until {
        let value = strategy.new_tree(&mut runner).unwrap().current();
        let shown = format!("{value:?}");
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| test(value))).is_err() {
            panic!("{name}: input {n} panicked: {shown}");
        }
        n += 1;
    }
    println!("fuzz {name}: {n} inputs in {secs} s, no panic");
}

// ---------------------------------------------------------------- importer

/// Bytes that look like an export often enough to reach the row reader: a header of known
/// and unknown names, rows of IDs, times in many formats, names with quotes and separators,
/// in UTF-8 or Windows-1252, or plain arbitrary bytes.
fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::sample::subsequence(
        vec![
            "psid",
            "page_id",
            "pageuid",
            "first_name",
            "Nome",
            "país",
            "timezone",
            "locale",
            "last_interaction",
            "last_user_interaction",
            "Ultima interazione",
            "subscribed",
            "channel",
            "\"quoted, header\"",
            "",
        ],
        0..8,
    );
    let cell = prop_oneof![
        Just("1234567890123456".to_string()),
        Just("1.23457E+16".to_string()),
        Just("2026-11-22T10:00:00Z".to_string()),
        Just("22/11/2026 10:00".to_string()),
        Just("11/22/2026 3:00 PM".to_string()),
        Just("45810.4375".to_string()),
        Just("1795341600000".to_string()),
        Just("+1€".to_string()),
        Just("Europe/Rome".to_string()),
        Just("España".to_string()),
        Just("'=cmd|' /C calc'!A0".to_string()),
        Just("\"a \"\"quoted\"\" name\"".to_string()),
        Just("false".to_string()),
        "\\PC{0,10}",
    ];
    let sep = prop_oneof![Just(","), Just(";"), Just("\t"), Just("|")];
    let structured = (
        header,
        prop::collection::vec(prop::collection::vec(cell, 0..9), 0..12),
        sep,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(header, rows, sep, bom, cp1252)| {
            let mut text = header.join(sep);
            for r in rows {
                text.push_str(if text.len() % 3 == 0 { "\r\n" } else { "\n" });
                text.push_str(&r.join(sep));
            }
            let mut bytes = if bom {
                vec![0xef, 0xbb, 0xbf]
            } else {
                Vec::new()
            };
            if cp1252 {
                bytes.extend(encoding_rs::WINDOWS_1252.encode(&text).0.iter());
            } else {
                bytes.extend(text.as_bytes());
            }
            bytes
        });
    prop_oneof![
        4 => structured,
        1 => prop::collection::vec(any::<u8>(), 0..600),
    ]
}

/// JSON arrays, objects wrapping arrays, and JSON lines of objects with nested values, cut
/// short now and then; or arbitrary bytes.
fn json_bytes() -> impl Strategy<Value = Vec<u8>> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("2026-11-22 10:00:00.123")),
    ];
    let value = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    let key = prop_oneof![
        Just("id".to_string()),
        Just("fb_psid".to_string()),
        Just("page_id".to_string()),
        Just("last_interaction".to_string()),
        Just("last_user_interaction".to_string()),
        Just("recipient".to_string()),
        "[a-z_]{1,10}",
    ];
    let object = prop::collection::btree_map(key, value, 0..6);
    let structured = (
        prop::collection::vec(object, 0..8),
        0u8..3,
        proptest::option::of(0usize..400),
    )
        .prop_map(|(objects, layout, cut)| {
            let objects: Vec<serde_json::Value> = objects
                .into_iter()
                .map(|m| serde_json::Value::Object(m.into_iter().collect()))
                .collect();
            let mut text = match layout {
                0 => serde_json::to_string(&objects).unwrap(),
                1 => serde_json::json!({ "status": "success", "data": objects }).to_string(),
                _ => objects
                    .iter()
                    .map(|o| o.to_string() + "\n")
                    .collect::<String>(),
            };
            if let Some(cut) = cut.filter(|c| *c < text.len()) {
                let mut c = cut;
                while !text.is_char_boundary(c) {
                    c -= 1;
                }
                text.truncate(c);
            }
            text.into_bytes()
        });
    prop_oneof![
        4 => structured,
        1 => prop::collection::vec(any::<u8>(), 0..600),
    ]
}

/// Imports `bytes` as a file named `name` into a fresh database; checks the counts add up.
fn import_bytes(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let opts = Options {
        zone: chrono_tz::Europe::Rome,
        ..Options::default()
    };
    let Ok(preview) = import::preview(&path, &opts) else {
        return;
    };
    let mut store = Store::open(&dir.path().join("f.db")).unwrap();
    if let Ok(r) = import::run(
        &mut store,
        &preview,
        &opts,
        1_795_341_600,
        &AtomicBool::new(false),
        &mut |_| {},
    ) {
        assert_eq!(
            r.rows_read,
            r.inserted + r.updated + r.unchanged + r.rejected,
            "{r:?}"
        );
        assert_eq!(store.contact_count().unwrap(), r.inserted);
    }
}

#[test]
fn importer_csv() {
    fuzz("importer_csv", csv_bytes(), 150, false, |b| {
        import_bytes("x.csv", &b)
    });
}

#[test]
#[ignore = "long fuzz run; see the module comment"]
fn importer_csv_long() {
    fuzz("importer_csv", csv_bytes(), 0, true, |b| {
        import_bytes("x.csv", &b)
    });
}

#[test]
fn importer_json() {
    fuzz("importer_json", json_bytes(), 150, false, |b| {
        import_bytes("x.json", &b)
    });
}

#[test]
#[ignore = "long fuzz run; see the module comment"]
fn importer_json_long() {
    fuzz("importer_json", json_bytes(), 0, true, |b| {
        import_bytes("x.json", &b)
    });
}

// ---------------------------------------------------------------- times and zones

fn time_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,17}",
        "[0-9]{1,4}[/.-][0-9]{1,4}[/.-][0-9]{1,5}( [0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?( [AP]M)?)?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?",
        "(UTC|GMT)?[+-]?[0-9]{0,3}[:.]?[0-9]{0,3}",
        "[0-9]{1,3}(:[0-9]{1,3})?-[0-9]{1,3}(:[0-9]{1,3})?",
        "[0-9]{1,20}[a-z]{0,3}([0-9]{1,20}[a-z]{0,3})?",
        "[A-Za-z_/+-]{0,24}",
        Just("+1€".to_string()),
        Just("GMT+１".to_string()),
        any::<String>(),
    ]
}

fn times_and_zones(s: String) {
    let formats = [
        TimeFormat::Offset,
        TimeFormat::NaiveIso,
        TimeFormat::DayMonth {
            order: DateOrder::Dmy,
            sep: '/',
        },
        TimeFormat::DayMonth {
            order: DateOrder::Mdy,
            sep: '-',
        },
        TimeFormat::EpochSeconds,
        TimeFormat::EpochMillis,
        TimeFormat::EpochMicros,
        TimeFormat::SpreadsheetSerial,
    ];
    for f in formats {
        for zone in [
            chrono_tz::UTC,
            chrono_tz::Europe::Rome,
            chrono_tz::America::Havana,
        ] {
            let _ = time::parse(&s, f, zone);
        }
    }
    let d = time::detect([s.as_str(), s.as_str()], None, DateOrder::Dmy);
    assert!(d.failures <= d.seen);
    let _ = time::parse_zone(&s);
    let _ = time::is_unknown(&s);
    let _ = parse_instant(&s);
    if let Some(zone) = Zone::parse(&s) {
        let _ = zone.offset_secs_at(1_795_341_600);
    }
    if let Ok(q) = QuietHours::parse(&s) {
        assert!(q.start_secs < 86_400 && q.end_secs < 86_400);
    }
    if let Ok(d) = parse_duration(&s) {
        assert!(d >= chrono::Duration::zero() && d <= chrono::Duration::days(400));
    }
    let _ = Country::of_cell(&s);
    let _ = Country::of_locale(&s);
}

#[test]
fn time_and_zone_parsers() {
    fuzz("times", time_text(), 400, false, times_and_zones);
}

#[test]
#[ignore = "long fuzz run; see the module comment"]
fn time_and_zone_parsers_long() {
    fuzz("times", time_text(), 0, true, times_and_zones);
}

// ---------------------------------------------------------------- placeholders

fn placeholder_text() -> impl Strategy<Value = (String, Vec<(String, String)>)> {
    let piece = prop_oneof![
        Just("{first_name}".to_string()),
        Just("{{ object.name }}".to_string()),
        Just("%COUPON%".to_string()),
        Just(":name ".to_string()),
        Just("{{".to_string()),
        Just("}".to_string()),
        Just("10:30 ".to_string()),
        Just("https://x.example/{id}".to_string()),
        "\\PC{0,10}",
        any::<String>(),
    ];
    (
        prop::collection::vec(piece, 0..10).prop_map(|v| v.concat()),
        prop::collection::vec(
            (
                prop_oneof![
                    Just("{first_name}".to_string()),
                    Just("%COUPON%".to_string()),
                    any::<String>()
                ],
                any::<String>(),
            ),
            0..4,
        ),
    )
}

fn placeholders((text, values): (String, Vec<(String, String)>)) {
    for p in placeholder::find(&text) {
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        assert_eq!(&text[p.start..p.end], p.token);
    }
    assert_eq!(placeholder::fill(&text, &BTreeMap::new()), text);
    let values: BTreeMap<String, String> = values.into_iter().collect();
    let _ = placeholder::fill(&text, &values);
    assert_eq!(placeholder::blank_for_language(&text).len(), text.len());
    // The export fills name placeholders per contact, in CSV and in Send API bodies.
    let dir = tempfile::tempdir().unwrap();
    let first = values.values().next().cloned().unwrap_or_default();
    let list = SendList {
        text: text.clone(),
        contacts: [ContactDetail {
            id: 1,
            page_id: "1",
            psid: "2",
            name: &first,
            first_name: &first,
            last_name: "",
        }]
        .into_iter()
        .collect(),
        rules: vec![(Route::Standard, "messenger.standard".into())],
        sends: vec![Entry {
            contact: 0,
            rule: 0,
            send_by: None,
            send_at: 1_795_341_600,
        }],
        ..SendList::default()
    };
    static I18N: LazyLock<I18n> = LazyLock::new(|| I18n::new().unwrap());
    for (format, name) in [(Format::Jsonl, "s.jsonl"), (Format::Csv, "s.csv")] {
        let out = dir.path().join(name);
        export(&list, &out, format, Lang::It, &I18N, &mut |_| {}).unwrap();
    }
    let line = std::fs::read_to_string(dir.path().join("s.jsonl")).unwrap();
    let body: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert!(body["message"]["text"].is_string());
}

#[test]
fn placeholder_filler() {
    fuzz("placeholders", placeholder_text(), 200, false, placeholders);
}

#[test]
#[ignore = "long fuzz run; see the module comment"]
fn placeholder_filler_long() {
    fuzz("placeholders", placeholder_text(), 0, true, placeholders);
}

// ---------------------------------------------------------------- checker

fn message() -> impl Strategy<Value = (String, i64, u8)> {
    let piece = prop_oneof![
        Just("sconto del 20% ".to_string()),
        Just("Sólo HOY: ¡Última oportunidad! ".to_string()),
        Just("20% de remise aujourd'hui ".to_string()),
        Just("€29,99 ".to_string()),
        Just("codice SCONTO10 ".to_string()),
        Just("Il tuo ordine è stato spedito. ".to_string()),
        Just("{first_name} ".to_string()),
        Just("🎉 ".to_string()),
        Just("\u{0301}\u{200d}\u{feff}".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    (
        prop::collection::vec(piece, 0..14).prop_map(|v| v.concat()),
        1_400_000_000i64..1_900_000_000,
        0u8..6,
    )
}

fn check((text, secs, k): (String, i64, u8)) {
    let chosen = match k {
        0 => None,
        1 => Some(Route::MessageTag("HUMAN_AGENT".into())),
        2 => Some(Route::UtilityTemplate),
        3 => Some(Route::MessageTag("NOT_A_TAG".into())),
        _ => Some(Route::Standard),
    };
    let place = ventana::policy::Place {
        page: "IT".parse().ok().filter(|_| k % 2 == 0),
        recipient: "ES".parse().ok().filter(|_| k % 3 == 0),
    };
    let lang = [Lang::En, Lang::It, Lang::Es][usize::from(k % 3)];
    let at = Utc.timestamp_opt(secs, 0).unwrap();
    let report = ENGINE.check(&CheckInput {
        text: &text,
        channel: Channel::Messenger,
        chosen,
        at,
        place,
        ui_lang: lang,
        answers: Default::default(),
    });
    for f in &report.findings {
        assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
}

#[test]
fn checker() {
    fuzz("checker", message(), 150, false, check);
}

#[test]
#[ignore = "long fuzz run; see the module comment"]
fn checker_long() {
    fuzz("checker", message(), 0, true, check);
}
