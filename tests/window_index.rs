//! The window index agrees with the per-contact window evaluation at every instant, on
//! every channel (`window_oracle.rs` checks both against an independent simulation).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

use ventana::plan::{IndexBuilder, Windows, state_of};
use ventana::policy::{Channel, Interaction, InteractionKind, Policy, WindowState};

fn kind() -> impl Strategy<Value = InteractionKind> {
    prop_oneof![
        Just(InteractionKind::Message),
        Just(InteractionKind::Postback),
        Just(InteractionKind::AdClick),
        Just(InteractionKind::Comment),
        Just(InteractionKind::Unknown),
    ]
}

fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        Just(Channel::Messenger),
        Just(Channel::Instagram),
        Just(Channel::Whatsapp)
    ]
}

// Interactions around the policy changes of 2026 (ad windows, retired tags) and 2020.
fn instant() -> impl Strategy<Value = i64> {
    prop_oneof![
        1_582_000_000i64..1_584_500_000, // around 2020-03-04
        1_776_000_000i64..1_777_500_000, // around 2026-04-27
        1_788_500_000i64..1_790_500_000, // around 2026-09-28
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    #[test]
    fn counts_equal_the_sum_of_individual_states(
        contacts in prop::collection::vec((channel(), prop::collection::vec((instant(), kind()), 0..4)), 1..40),
        probes in prop::collection::vec(instant(), 1..8),
        horizon_h in 1i64..30,
    ) {
        let policy = Policy::embedded().unwrap();
        let mut b = IndexBuilder::default();
        for (i, (ch, xs)) in contacts.iter().enumerate() {
            let xs = xs.iter().map(|(t, k)| Interaction { at: Utc.timestamp_opt(*t, 0).unwrap(), kind: *k }).collect();
            b.push(i as i64 + 1, *ch, "p", None, xs);
        }
        let ix = b.finish();
        let w = Windows::build(&ix, None, &policy);
        let horizon = Duration::hours(horizon_h);
        for t in probes {
            let at = Utc.timestamp_opt(t, 0).unwrap();
            let c = w.counts(at, horizon, &policy);
            let mut expect = [0u64; 6];
            for i in 0..ix.len() {
                let s = state_of(&ix, i, &policy, at, horizon).state;
                let slot = match s {
                    WindowState::Open => 0,
                    WindowState::Closing => 1,
                    WindowState::HumanAgentOnly => 2,
                    WindowState::Closed => 3,
                    WindowState::Unknown => 4,
                    WindowState::MaybeOpen => 5,
                };
                expect[slot] += 1;
            }
            prop_assert_eq!(c.total, ix.len() as u64);
            prop_assert_eq!(c.open + c.maybe_open + c.human_agent_only + c.closed + c.unknown, c.total);
            prop_assert_eq!(c.maybe_open, expect[5], "maybe open at {}", at);
            prop_assert_eq!(c.closing, expect[1], "closing at {}", at);
            prop_assert_eq!(c.open, expect[0] + expect[1], "open at {}", at);
            prop_assert_eq!(c.human_agent_only, expect[2], "human agent at {}", at);
            prop_assert_eq!(c.unknown, expect[4], "unknown at {}", at);
            prop_assert_eq!(c.closed, expect[3], "closed at {}", at);
            prop_assert_eq!(c.closing_by_hour.len(), 24);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    #[test]
    fn the_fast_state_equals_the_full_evaluation(
        contacts in prop::collection::vec((channel(), prop::collection::vec((instant(), kind()), 0..3)), 1..30),
        probe in instant(),
        horizon_h in 1i64..30,
    ) {
        let policy = Policy::embedded().unwrap();
        let mut b = IndexBuilder::default();
        for (i, (ch, xs)) in contacts.iter().enumerate() {
            let xs = xs.iter().map(|(t, k)| Interaction { at: Utc.timestamp_opt(*t, 0).unwrap(), kind: *k }).collect();
            b.push(i as i64 + 1, *ch, "p", None, xs);
        }
        let ix = b.finish();
        let at = Utc.timestamp_opt(probe, 0).unwrap();
        let horizon = Duration::hours(horizon_h);
        let eval = ventana::plan::index::StateEval::new(&ix, &policy, at, horizon);
        for i in 0..ix.len() {
            let full = state_of(&ix, i, &policy, at, horizon);
            let fast = eval.state(i);
            prop_assert_eq!(fast.state, full.state);
            prop_assert_eq!(fast.closes_at, full.closes_at.map(|c| c.timestamp()));
        }
    }
}
