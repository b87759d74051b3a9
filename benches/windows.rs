//! Window counts over a million contacts (target: about a millisecond per instant), and
//! building the index they are counted from.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use chrono::{Duration, TimeZone, Utc};
use divan::Bencher;

use ventana::plan::{ContactIndex, IndexBuilder, Windows};
use ventana::policy::{Channel, Interaction, InteractionKind, Policy};

mod support;

fn main() {
    divan::main();
}

const END: i64 = 1_795_305_600; // 2026-11-22

static POLICY: LazyLock<Policy> = LazyLock::new(|| Policy::embedded().unwrap());

/// A million contacts: interactions over the last 30 days, a fifth with an earlier one too.
fn contacts(n: u64) -> ContactIndex {
    let mut b = IndexBuilder::default();
    let mut next = support::xorshift();
    for id in 1..=n {
        let at = |s: u64| Interaction {
            at: Utc
                .timestamp_opt(END - (s % (30 * 86_400)) as i64, 0)
                .unwrap(),
            kind: if s.is_multiple_of(10) {
                InteractionKind::AdClick
            } else {
                InteractionKind::Message
            },
        };
        let mut xs = vec![at(next())];
        if id.is_multiple_of(5) {
            xs.push(at(next()));
        }
        b.push(id as i64, Channel::Messenger, "100", Some("it_IT"), xs);
    }
    b.finish()
}

static INDEX: LazyLock<ContactIndex> = LazyLock::new(|| contacts(1_000_000));
static WINDOWS: LazyLock<Windows> = LazyLock::new(|| Windows::build(&INDEX, None, &POLICY));

#[divan::bench]
fn counts_at_an_instant_1m(b: Bencher) {
    let w = &*WINDOWS;
    let mut t = END - 86_400 * 3;
    b.bench_local(|| {
        t += 3_600;
        w.counts(
            Utc.timestamp_opt(divan::black_box(t), 0).unwrap(),
            Duration::hours(2),
            &POLICY,
        )
    });
}

#[divan::bench(sample_count = 10)]
fn build_windows_1m(b: Bencher) {
    let ix = &*INDEX;
    b.bench_local(|| Windows::build(ix, None, &POLICY));
}
