//! Every fast path of the window model — the policy's `window_over`, the index's
//! `StateEval`, the counts of `Windows` (open, closing, may be open, human agent, closed,
//! unknown, closing by hour), the timeline's series and histogram — against an oracle
//! written straight from Meta's Messenger rules (POLICY.md): a minute-by-minute simulation
//! of each person's timers that knows nothing of Ventana's policy files or code.
//!
//! The rules the oracle encodes:
//! - a message, postback, plugin opt-in, ad click or unknown action opens 24 hours;
//!   an m.me referral does from 2017-04-06, a reaction from 2019-10-29; a comment never;
//! - from 2026-09-28 an ad click's window "may last up to 7 days": 24 hours sure, then
//!   "may be open" until 7 days;
//! - from 2019-08-29 (HUMAN_AGENT), a person may answer within 7 days of any action but a
//!   comment;
//! - what a plan made at t knows is the actions at or before t.
//!
//! `VENTANA_ORACLE_CASES` sets the number of generated lists (default 250, about 2,000
//! histories of 1 to 15 people).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use ventana::plan::index::StateEval;
use ventana::plan::{IndexBuilder, Windows, state_of};
use ventana::policy::{Channel, Interaction, InteractionKind, Policy, WindowState};

const DAY_MIN: i64 = 24 * 60;
const WEEK_MIN: i64 = 7 * DAY_MIN;
/// Simulated span after the era's start, in minutes (12 days).
const SPAN_MIN: i64 = 12 * DAY_MIN;

fn day(s: &str) -> i64 {
    format!("{s}T00:00:00Z")
        .parse::<DateTime<Utc>>()
        .unwrap()
        .timestamp()
}

/// How long, in minutes, an action opens the surely-open window and the may-be-open one.
fn oracle_lengths(kind: InteractionKind, at: i64) -> (i64, i64) {
    use InteractionKind::*;
    let opens = match kind {
        Message | Postback | Optin | AdClick | Unknown => true,
        Referral => at >= day("2017-04-06"),
        Reaction => at >= day("2019-10-29"),
        Comment | Call => false,
    };
    if !opens {
        return (0, 0);
    }
    if kind == AdClick && at >= day("2026-09-28") {
        return (DAY_MIN, WEEK_MIN);
    }
    (DAY_MIN, DAY_MIN)
}

fn oracle_human_in_force(at: i64) -> bool {
    at >= day("2019-08-29")
}

/// What the oracle says of one person at one minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seen {
    state: WindowState,
    /// Minutes until the sure window closes, when open.
    closes_in: Option<i64>,
}

/// Simulates one person minute by minute from `start` and records what is known at each
/// of `queries` (minutes after `start`, ascending), for a closing horizon in minutes.
/// Also returns the minutes at which the sure window closed.
fn simulate(
    start: i64,
    actions: &[(i64, InteractionKind)],
    queries: &[i64],
    horizon_min: i64,
) -> (Vec<Seen>, Vec<i64>) {
    let (mut sure, mut maybe, mut human) = (0i64, 0i64, 0i64);
    let mut known = false;
    let mut out = Vec::with_capacity(queries.len());
    let mut closings = Vec::new();
    let mut q = 0;
    let last_minute = queries
        .last()
        .copied()
        .unwrap_or(0)
        .max(SPAN_MIN + WEEK_MIN);
    let mut was_open = false;
    for m in 0..=last_minute {
        for (a, kind) in actions {
            if *a == m {
                known = true;
                let (s, mb) = oracle_lengths(*kind, start + a * 60);
                sure = sure.max(s);
                maybe = maybe.max(mb);
                if *kind != InteractionKind::Comment {
                    human = human.max(WEEK_MIN);
                }
            }
        }
        let open = sure > 0;
        if was_open && !open {
            closings.push(m);
        }
        was_open = open;
        while q < queries.len() && queries[q] == m {
            let human_ok = oracle_human_in_force(start + m * 60);
            let state = if sure > 0 {
                if sure <= horizon_min {
                    WindowState::Closing
                } else {
                    WindowState::Open
                }
            } else if maybe > 0 {
                WindowState::MaybeOpen
            } else if human > 0 && human_ok {
                WindowState::HumanAgentOnly
            } else if known {
                WindowState::Closed
            } else {
                WindowState::Unknown
            };
            out.push(Seen {
                state,
                closes_in: (sure > 0).then_some(sure),
            });
            q += 1;
        }
        sure = (sure - 1).max(0);
        maybe = (maybe - 1).max(0);
        human = (human - 1).max(0);
    }
    (out, closings)
}

fn kind() -> impl Strategy<Value = InteractionKind> {
    prop_oneof![
        3 => Just(InteractionKind::Message),
        1 => Just(InteractionKind::Postback),
        3 => Just(InteractionKind::AdClick),
        1 => Just(InteractionKind::Comment),
        1 => Just(InteractionKind::Reaction),
        1 => Just(InteractionKind::Referral),
        1 => Just(InteractionKind::Optin),
        1 => Just(InteractionKind::Unknown),
    ]
}

/// Eras around the changes of the rules: referrals, reactions, HUMAN_AGENT, ad windows.
fn era() -> impl Strategy<Value = i64> {
    prop_oneof![
        1 => Just(day("2017-04-12")),
        1 => Just(day("2019-08-24")),
        1 => Just(day("2019-10-24")),
        1 => Just(day("2025-06-01")),
        3 => Just(day("2026-09-22")),
    ]
}

fn config() -> ProptestConfig {
    let cases = std::env::var("VENTANA_ORACLE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(250);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_fast_path_agrees_with_a_minute_by_minute_simulation(
        start in era(),
        people in prop::collection::vec(prop::collection::vec((0..SPAN_MIN, kind()), 0..5), 1..16),
        mut queries in prop::collection::vec(0..SPAN_MIN + WEEK_MIN, 1..12),
        horizon_min in prop_oneof![1i64..120, 120i64..3 * DAY_MIN],
    ) {
        queries.sort_unstable();
        queries.dedup();
        let policy = Policy::embedded().unwrap();
        let mut b = IndexBuilder::default();
        for (i, actions) in people.iter().enumerate() {
            let xs = actions
                .iter()
                .map(|(m, k)| Interaction { at: Utc.timestamp_opt(start + m * 60, 0).unwrap(), kind: *k })
                .collect();
            b.push(i as i64 + 1, Channel::Messenger, "p", None, xs);
        }
        let ix = b.finish();
        let windows = Windows::build(&ix, None, &policy);
        let horizon = Duration::minutes(horizon_min);
        let sims: Vec<(Vec<Seen>, Vec<i64>)> = people
            .iter()
            .map(|a| simulate(start, a, &queries, horizon_min))
            .collect();
        for (qi, &m) in queries.iter().enumerate() {
            let at = Utc.timestamp_opt(start + m * 60, 0).unwrap();
            let eval = StateEval::new(&ix, &policy, at, horizon);
            let mut expect = [0u64; 6];
            let mut by_hour = [0u64; 24];
            for (i, (seen, _)) in sims.iter().enumerate() {
                let want = seen[qi];
                let full = state_of(&ix, i, &policy, at, horizon);
                prop_assert_eq!(full.state, want.state, "window_over, person {} at {}", i, at);
                if let Some(min) = want.closes_in {
                    prop_assert_eq!(full.closes_at, Some(at + Duration::minutes(min)), "closes_at of {} at {}", i, at);
                    by_hour[((min * 60 - 1) / 3600).min(23) as usize] += u64::from(min <= DAY_MIN);
                }
                let fast = eval.state(i);
                prop_assert_eq!(fast.state, want.state, "StateEval, person {} at {}", i, at);
                prop_assert_eq!(fast.closes_at, full.closes_at.map(|c| c.timestamp()));
                let slot = WindowState::ALL.iter().position(|s| *s == want.state).unwrap();
                expect[slot] += 1;
            }
            let c = windows.counts(at, horizon, &policy);
            let [open, closing, maybe, human, closed, unknown] = expect;
            prop_assert_eq!(c.open, open + closing, "open at {}", at);
            prop_assert_eq!(c.closing, closing, "closing at {} (horizon {} min)", at, horizon_min);
            prop_assert_eq!(c.maybe_open, maybe, "may be open at {}", at);
            prop_assert_eq!(c.human_agent_only, human, "human agent at {}", at);
            prop_assert_eq!(c.closed, closed, "closed at {}", at);
            prop_assert_eq!(c.unknown, unknown, "unknown at {}", at);
            prop_assert_eq!(&c.closing_by_hour[..], &by_hour[..], "closing by hour at {}", at);
            let t = at.timestamp();
            prop_assert_eq!(windows.open_series(&[t]), vec![open + closing]);
            prop_assert_eq!(windows.reachable_series(&[t], &policy), vec![open + closing + maybe + human]);
        }
        // Closings per hour over the whole span, for the timeline's histogram.
        let edges: Vec<i64> = (0..=(SPAN_MIN + WEEK_MIN) / 60).map(|h| start + h * 3600).collect();
        let mut want = vec![0u64; edges.len() - 1];
        for (_, closings) in &sims {
            for m in closings {
                if let Some(slot) = want.get_mut((m / 60) as usize) {
                    *slot += 1;
                }
            }
        }
        prop_assert_eq!(windows.closings_histogram(&edges), want);
    }
}

#[test]
fn the_oracle_itself_follows_the_rules() {
    let start = day("2026-10-01");
    // An ad click: sure for a day, then may be open to the seventh day, then closed.
    let (seen, _) = simulate(
        start,
        &[(0, InteractionKind::AdClick)],
        &[0, DAY_MIN - 1, DAY_MIN, WEEK_MIN - 1, WEEK_MIN],
        60,
    );
    let states: Vec<WindowState> = seen.iter().map(|s| s.state).collect();
    assert_eq!(
        states,
        [
            WindowState::Open,
            WindowState::Closing,
            WindowState::MaybeOpen,
            WindowState::MaybeOpen,
            WindowState::Closed
        ]
    );
    // A message seen before it happens is unknown; a later message is not known earlier.
    let (seen, _) = simulate(
        start,
        &[
            (100, InteractionKind::Message),
            (2000, InteractionKind::Message),
        ],
        &[50, 1000, 1539, 1540],
        60,
    );
    let states: Vec<WindowState> = seen.iter().map(|s| s.state).collect();
    assert_eq!(
        states,
        [
            WindowState::Unknown,
            WindowState::Open,
            WindowState::Closing,
            WindowState::HumanAgentOnly
        ]
    );
}
