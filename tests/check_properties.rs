//! Property tests of the checker: no input makes it panic, every finding's span lies on
//! character boundaries inside the text, and the score agrees with the verdict.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use std::sync::LazyLock;

use ventana::Engine;
use ventana::compliance::{Answers, CheckInput, Fact};
use ventana::i18n::Lang;
use ventana::policy::{Channel, Route};

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::embedded().unwrap());

/// Text made of pieces that exercise the lexicons: cue words, accents, currency signs,
/// percentages, placeholders, links, emoji and arbitrary Unicode.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("sconto del 20% ".to_string()),
        Just("Sólo HOY: ¡Última oportunidad! ".to_string()),
        Just("€29,99 ".to_string()),
        Just("-50% ".to_string()),
        Just("codice SCONTO10 ".to_string()),
        Just("{{ object.name }} ".to_string()),
        Just("%COUPON% ".to_string()),
        Just("https://shop.example.com/sale?utm_campaign=x ".to_string()),
        Just("Il tuo ordine è stato spedito. ".to_string()),
        Just("Reminder: the workshop starts tomorrow at 10:00 in Hall B. ".to_string()),
        Just("@{user} thanks for reaching out ".to_string()),
        Just("🎉👋 ".to_string()),
        Just("\u{0301}\u{200d}\u{feff}".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn no_input_panics_and_spans_are_char_boundaries(
        text in messy_text(),
        channel in prop_oneof![Just(Channel::Messenger), Just(Channel::Instagram), Just(Channel::Whatsapp)],
        secs in 1_400_000_000i64..1_900_000_000,
        tag in prop_oneof![
            Just(None),
            Just(Some(Route::MessageTag("POST_PURCHASE_UPDATE".into()))),
            Just(Some(Route::MessageTag("HUMAN_AGENT".into()))),
            Just(Some(Route::MessageTag("NOT_A_TAG".into()))),
            Just(Some(Route::UtilityTemplate)),
        ],
        lang in prop_oneof![Just(Lang::En), Just(Lang::It), Just(Lang::Es)],
        answered in 0usize..27,
    ) {
        let at = Utc.timestamp_opt(secs, 0).unwrap();
        let mut answers = Answers::default();
        for (i, f) in Fact::ALL.into_iter().enumerate() {
            answers.set(f, [None, Some(true), Some(false)][(answered / 3usize.pow(i as u32)) % 3]);
        }
        let report = ENGINE.check(&CheckInput { text: &text, channel, chosen: tag, at, place: Default::default(), ui_lang: lang, answers });
        prop_assert_eq!(report.chars, text.chars().count());
        for f in &report.findings {
            prop_assert!(f.start <= f.end && f.end <= text.len(), "{:?}", f);
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{:?}", f);
            prop_assert!(!f.explanation.is_empty());
        }
        prop_assert!((0.0..=1.0).contains(&report.promo_score));
        // "0..1, promotional from 0.5", whatever decided it: a cue, the learned score or an
        // answer.
        if let Some(promotional) = report.promotional {
            prop_assert_eq!(report.promo_score >= 0.5, promotional, "{}", report.promo_score);
        }
    }
}

#[test]
fn a_long_message_is_blocked_on_messenger_with_the_span_of_the_excess() {
    let text = "Il tuo ordine è stato spedito. ".repeat(70);
    let at = Utc.with_ymd_and_hms(2025, 6, 2, 10, 0, 0).unwrap();
    let r = ENGINE.check(&CheckInput {
        text: &text,
        channel: Channel::Messenger,
        chosen: None,
        at,
        place: Default::default(),
        ui_lang: Lang::En,
        answers: Default::default(),
    });
    let f = r
        .findings
        .iter()
        .find(|f| f.category.as_str() == "length_limit")
        .unwrap();
    assert_eq!(text[..f.start].chars().count(), 1999);
    assert_eq!(f.end, text.len());
    assert!(r.blocked);
}

#[test]
fn instagram_counts_bytes() {
    let text = "è".repeat(600);
    let at = Utc.with_ymd_and_hms(2025, 6, 2, 10, 0, 0).unwrap();
    let r = ENGINE.check(&CheckInput {
        text: &text,
        channel: Channel::Instagram,
        chosen: None,
        at,
        place: Default::default(),
        ui_lang: Lang::It,
        answers: Default::default(),
    });
    let f = r
        .findings
        .iter()
        .find(|f| f.category.as_str() == "length_limit")
        .unwrap();
    assert_eq!(f.start, 1000);
    assert!(f.explanation.contains("1.000"), "{}", f.explanation);
}
