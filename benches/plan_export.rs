//! Planning a message over a million contacts (routes, deadlines, paced send times) and
//! writing the send list (target: plan and export in about a second or two).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use chrono::{TimeZone, Utc};
use divan::Bencher;

use ventana::export::send_list::{Entry, Left};
use ventana::export::{Format, SendList, export};
use ventana::i18n::{I18n, Lang};
use ventana::plan::schedule::Pace;
use ventana::plan::zone::{QuietHours, Zone};
use ventana::plan::{ContactIndex, IndexBuilder, Plan, PlanRequest, plan};
use ventana::policy::{Channel, ContentFacts, Interaction, InteractionKind, Policy, Purpose};
use ventana::store::ContactDetail;

mod support;

fn main() {
    divan::main();
}

const NOW: i64 = 1_795_860_000; // 2026-11-28T10:00:00Z
const ZONES: [&str; 6] = [
    "Europe/Rome",
    "Europe/Madrid",
    "Europe/London",
    "America/New_York",
    "+01:00",
    "",
];

static POLICY: LazyLock<Policy> = LazyLock::new(|| Policy::embedded().unwrap());

/// A million contacts on two Pages, last seen over the past ten days, in six zones.
static INDEX: LazyLock<ContactIndex> = LazyLock::new(|| {
    let mut b = IndexBuilder::default();
    let mut next = support::xorshift();
    for id in 1..=1_000_000u64 {
        let x = Interaction {
            at: Utc
                .timestamp_opt(NOW - (next() % (10 * 86_400)) as i64, 0)
                .unwrap(),
            kind: InteractionKind::Message,
        };
        let page = if id % 3 == 0 { "200" } else { "100" };
        b.push(id as i64, Channel::Messenger, page, None, vec![x]);
        b.set_zone(ZONES[(id % 6) as usize]);
    }
    b.finish()
});

fn request(pace: Pace) -> PlanRequest {
    PlanRequest {
        channel: Channel::Messenger,
        facts: ContentFacts {
            checked: true,
            promotional: false,
            purpose: Some(Purpose::PostPurchase),
            topics: vec![("order".into(), 2.0)],
        },
        route: None,
        human_reply: false,
        answers: Default::default(),
        at: Utc.timestamp_opt(NOW, 0).unwrap(),
        include_ad_windows: false,
        pace,
        default_zone: Zone::Named(chrono_tz::Europe::Rome),
    }
}

fn paced() -> Pace {
    Pace {
        rate_per_min: Some(600.0),
        quiet: Some(QuietHours::parse("21-08").unwrap()),
    }
}

#[divan::bench(sample_count = 10)]
fn plan_1m_unpaced(b: Bencher) {
    let ix = &*INDEX;
    b.bench_local(|| plan(ix, None, &POLICY, &request(Pace::default())));
}

#[divan::bench(sample_count = 10)]
fn plan_1m_at_600_a_minute_with_quiet_hours(b: Bencher) {
    let ix = &*INDEX;
    b.bench_local(|| plan(ix, None, &POLICY, &request(paced())));
}

/// The send list of a plan, with made-up names and IDs (what the database would give).
fn send_list(p: &Plan) -> SendList {
    let mut contacts = ventana::export::send_list::Contacts::default();
    for i in 0..INDEX.len() {
        let (psid, name, last) = (
            format!("{}", 24_000_000_000_000_000 + i as u64),
            format!("Contact {i}"),
            format!("{i}"),
        );
        contacts.push(ContactDetail {
            id: INDEX.ids[i],
            page_id: &INDEX.pages[INDEX.page[i] as usize],
            psid: &psid,
            name: &name,
            first_name: "Contact",
            last_name: &last,
        });
    }
    SendList {
        text: "Hi {first_name}, your order has shipped.".into(),
        contacts,
        regions: Vec::new(),
        rules: p
            .rules
            .iter()
            .map(|r| (r.route.clone(), r.id.clone()))
            .collect(),
        sends: p
            .sends
            .iter()
            .map(|s| Entry {
                contact: s.pos,
                rule: s.rule,
                send_by: s.send_by,
                send_at: s.send_at,
            })
            .collect(),
        excluded: p
            .skipped
            .iter()
            .map(|s| Left {
                contact: s.pos,
                why: s.why,
                rule: s.rule,
            })
            .collect(),
    }
}

static LIST: LazyLock<SendList> =
    LazyLock::new(|| send_list(&plan(&INDEX, None, &POLICY, &request(paced()))));

fn export_1m(b: Bencher, format: Format) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(format!("sends.{}", format.as_str()));
    let i18n = I18n::new().unwrap();
    let list = &*LIST;
    b.bench_local(|| export(list, &out, format, Lang::En, &i18n, &mut |_| {}).unwrap());
}

#[divan::bench(sample_count = 10)]
fn export_1m_csv(b: Bencher) {
    export_1m(b, Format::Csv);
}

#[divan::bench(sample_count = 10)]
fn export_1m_jsonl(b: Bencher) {
    export_1m(b, Format::Jsonl);
}
