//! The returns report (`ventana returns`, the Reopen tab) against an oracle written from its
//! definitions, one question at a time, with no shared code:
//! - a week starts on Monday 00:00 in the report's zone; the last week holds the instant;
//! - of a Page's contacts whose first action (at or before the instant) is before a week,
//!   "returned" are those with an action in that week; "new" are those whose first action
//!   falls in it;
//! - an hour counts the actions at or before the instant and from the first week's start on,
//!   by local hour;
//! - an entry point's any-action returns are the Page's contacts whose latest action (at or
//!   before the instant) is at or after its start; by ref, those of them whose export names
//!   its ref, when some contact of the Page has a ref at all.
//!
//! Refs come with any letter case in random order; a ref and a Page are drawn from small sets
//! so that they collide. Also: an m.me link carries any valid ref through a QR code and back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike};
use chrono_tz::Tz;
use proptest::prelude::*;

use ventana::policy::{Channel, InteractionKind};
use ventana::reopen::returns::{History, MatchedBy, report};
use ventana::reopen::{EntryKind, check_ref, link};
use ventana::store::EntryPoint;

const PAGES: [&str; 3] = ["p1", "p2", "p3"];
const REFS: [&str; 3] = ["poster", "mail", "flyer"];
/// 2026-10-01T00:00:00Z: every generated action falls in the ten weeks after it.
const T0: i64 = 1_790_812_800;
const SPAN: i64 = 70 * 86_400;

#[derive(Clone, Debug)]
struct Person {
    page: usize,
    times: Vec<i64>,
    ref_: Option<usize>,
}

fn person() -> impl Strategy<Value = Person> {
    (
        0..PAGES.len(),
        // Whole hours half the time, so that actions fall exactly on week starts too.
        prop::collection::vec(
            prop_oneof![0..SPAN, (0..SPAN / 3_600).prop_map(|h| h * 3_600)],
            0..5,
        ),
        prop::option::of(0..REFS.len()),
    )
        .prop_map(|(page, offsets, ref_)| Person {
            page,
            times: offsets.into_iter().map(|o| T0 + o).collect(),
            ref_,
        })
}

/// The Monday 00:00 in `tz` of the day `d`'s week, as a local date.
fn monday(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn local_midnight(d: NaiveDate, tz: Tz) -> i64 {
    (0..24)
        .find_map(|h| tz.from_local_datetime(&d.and_hms_opt(h, 0, 0)?).earliest())
        .unwrap()
        .timestamp()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_report_agrees_with_the_definitions(
        people in prop::collection::vec(person(), 0..40),
        now_offset in 0..SPAN,
        weeks in 1u32..6,
        start_offsets in prop::collection::vec(0..SPAN, 3),
        zone in prop::sample::select(vec![chrono_tz::Europe::Rome, chrono_tz::America::New_York, chrono_tz::UTC]),
    ) {
        let now_s = T0 + now_offset;
        let now = DateTime::from_timestamp(now_s, 0).unwrap();
        let mut history = History::default();
        for (i, p) in people.iter().enumerate() {
            let id = i as i64 + 1;
            let mut times = p.times.clone();
            let last = times.pop();
            history.push(id, PAGES[p.page], Channel::Messenger, last, InteractionKind::Message);
            let c = history.get_mut(id).unwrap();
            c.earlier = times;
            c.ref_ = p.ref_.map(|r| REFS[r].to_string());
        }
        let entries: Vec<EntryPoint> = (0..3)
            .map(|k| EntryPoint {
                id: k as i64 + 1,
                name: format!("e{k}"),
                page_id: PAGES[k].to_string(),
                channel: Channel::Messenger,
                kind: EntryKind::Qr,
                ref_: Some(REFS[k].to_string()),
                campaign_id: None,
                created_at: 0,
                started_at: T0 + start_offsets[k],
            })
            .collect();
        let r = report(&history, &entries, &HashMap::new(), now, weeks, zone);

        let known_times = |p: &Person| -> Vec<i64> {
            p.times.iter().copied().filter(|&t| t <= now_s).collect()
        };
        // Weeks.
        let last_monday = monday(now.with_timezone(&zone).date_naive());
        let mondays: Vec<NaiveDate> = (0..weeks)
            .rev()
            .map(|k| last_monday - chrono::Duration::weeks(i64::from(k)))
            .collect();
        let mut expected = Vec::new();
        for (w, day) in mondays.iter().enumerate() {
            let start = local_midnight(*day, zone);
            let end = mondays
                .get(w + 1)
                .map_or(now_s + 1, |d| local_midnight(*d, zone));
            for (pi, page) in PAGES.iter().enumerate() {
                let of_page: Vec<Vec<i64>> = people
                    .iter()
                    .filter(|p| p.page == pi)
                    .map(known_times)
                    .filter(|t| !t.is_empty())
                    .collect();
                if of_page.is_empty() && !people.iter().any(|p| p.page == pi) {
                    continue;
                }
                let first = |t: &Vec<i64>| *t.iter().min().unwrap();
                let known = of_page.iter().filter(|t| first(t) < start).count() as u64;
                let returned = of_page
                    .iter()
                    .filter(|t| first(t) < start && t.iter().any(|&x| x >= start && x < end))
                    .count() as u64;
                let new = of_page
                    .iter()
                    .filter(|t| first(t) >= start && first(t) < end)
                    .count() as u64;
                expected.push((*day, page.to_string(), known, returned, new));
            }
        }
        let mut got: Vec<(NaiveDate, String, u64, u64, u64)> = r
            .weekly
            .iter()
            .map(|w| (w.week, w.page_id.clone(), w.known, w.returned, w.new))
            .collect();
        got.sort();
        expected.sort();
        prop_assert_eq!(got, expected);

        // Hours.
        let first_start = local_midnight(mondays[0], zone);
        let mut hours = [0u64; 24];
        for p in &people {
            for t in known_times(p).into_iter().filter(|&t| t >= first_start) {
                let h = DateTime::from_timestamp(t, 0).unwrap().with_timezone(&zone).hour();
                hours[h as usize] += 1;
            }
        }
        let got_hours: Vec<u64> = r.by_hour.iter().map(|h| h.actions).collect();
        prop_assert_eq!(got_hours, hours.to_vec());

        // Entry points.
        for (k, e) in entries.iter().enumerate() {
            let since = |p: &Person| known_times(p).into_iter().max().is_some_and(|t| t >= e.started_at);
            let of_page: Vec<&Person> = people.iter().filter(|p| p.page == k).collect();
            let any = of_page.iter().filter(|p| since(p)).count() as u64;
            let with_refs = of_page.iter().any(|p| p.ref_.is_some());
            let by_ref = of_page.iter().filter(|p| p.ref_ == Some(k) && since(p)).count() as u64;
            let ret = r.entry_points.iter().find(|x| x.id == e.id).unwrap();
            prop_assert_eq!(ret.any_interaction, any);
            if with_refs {
                prop_assert_eq!(ret.matched_by, MatchedBy::Ref);
                prop_assert_eq!(ret.reopened, by_ref);
            } else {
                prop_assert_eq!(ret.matched_by, MatchedBy::AnyInteraction);
                prop_assert_eq!(ret.reopened, any);
            }
        }
        let pages_seen: HashSet<&str> = r.weekly.iter().map(|w| w.page_id.as_str()).collect();
        prop_assert!(pages_seen.len() <= PAGES.len());
    }

    /// Any ref Meta allows goes into the link and comes back out of the QR code whole.
    #[test]
    fn a_valid_ref_survives_the_link_and_its_qr_code(r in "[a-zA-Z0-9+/=.:_-]{1,60}") {
        prop_assert!(check_ref(&r).is_ok());
        let url = link(Channel::Messenger, "bottegarossi", &r);
        let png = ventana::reopen::qr::png(&url, 4).unwrap();
        let text = common::decode_qr_png(&png);
        prop_assert_eq!(&text, &url);
        // The query gives the ref back once %2B is read as +.
        let back = text.split_once("?ref=").unwrap().1.replace("%2B", "+");
        prop_assert_eq!(back, r);
    }

    /// Anything outside Meta's characters is refused, with its position.
    #[test]
    fn a_ref_with_another_character_is_refused(
        head in "[a-z]{0,5}",
        bad in "[ àñ#?&%\"'<>é€]",
        tail in "[a-z]{0,5}",
    ) {
        let r = format!("{head}{bad}{tail}");
        let e = check_ref(&r).unwrap_err();
        prop_assert!(
            matches!(e, ventana::reopen::RefError::BadChar { at, .. } if at == head.chars().count() + 1),
            "{:?}", e
        );
    }
}
