//! Entry points and returns, end to end: a QR code that decodes to the exact link, refs
//! refused with Meta's rule, and `ventana returns` over two exports a week apart.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{decode_qr_png, json, stderr, stdout, ventana};
use serde_json::Value;

const PAGE_A: &str = "104837261958374";
const PAGE_B: &str = "209384756102938";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    ventana(dir).args(args).output().unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let o = run(dir, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

/// Reads the QR code of a PNG file.
fn decode(path: &Path) -> String {
    decode_qr_png(&std::fs::read(path).unwrap())
}

/// Two exports a week apart. The first: `n` contacts on each Page, last seen on 2026-11-09/10.
/// The second (2026-11-17): on Page A, `via_poster` contacts wrote again through the poster's
/// ref, `via_mail` through the mail's ref and `no_ref` without one; on Page B, which exports
/// no ref, `b_back` wrote again. Everyone else is as before.
struct Exports {
    first: String,
    second: String,
}

fn exports(n: usize, via_poster: usize, via_mail: usize, no_ref: usize, b_back: usize) -> Exports {
    let header = "psid,page_id,first_name,last_interaction,last_ref\n";
    let (mut first, mut second) = (header.to_string(), header.to_string());
    for (page, prefix) in [(PAGE_A, 1), (PAGE_B, 2)] {
        for i in 0..n {
            let psid = format!("{prefix}{i:05}");
            let old = format!("2026-11-{:02}T{:02}:00:00Z", 9 + i % 2, 8 + i % 10);
            writeln!(first, "{psid},{page},P{i},{old},").unwrap();
            let (at, r) = if page == PAGE_A && i < via_poster {
                ("2026-11-16T18:00:00Z", "poster-a")
            } else if page == PAGE_A && i < via_poster + via_mail {
                ("2026-11-17T09:30:00Z", "mail-a")
            } else if page == PAGE_A && i < via_poster + via_mail + no_ref {
                ("2026-11-17T11:00:00Z", "")
            } else if page == PAGE_B && i < b_back {
                ("2026-11-16T20:00:00Z", "")
            } else {
                (old.as_str(), "")
            };
            writeln!(second, "{psid},{page},P{i},{at},{r}").unwrap();
        }
    }
    Exports { first, second }
}

fn setup(dir: &Path, e: &Exports) {
    std::fs::write(dir.join("week1.csv"), &e.first).unwrap();
    std::fs::write(dir.join("week2.csv"), &e.second).unwrap();
    let f = |n: &str| dir.join(n).display().to_string();
    ok(dir, &["import", &f("week1.csv")]);
    ok(dir, &["pages", "set", PAGE_A, "--username", "bottegarossi"]);
    ok(dir, &["pages", "set", PAGE_B, "--username", "tiendasol"]);
}

#[test]
fn a_qr_code_decodes_to_the_exact_link_and_bad_refs_are_refused_with_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d, &exports(3, 0, 0, 0, 0));
    let png = d.join("poster.png");
    let o = ok(
        d,
        &[
            "entry-points",
            "create",
            "--page",
            PAGE_A,
            "--ref",
            "poster-a",
            "--name",
            "Winter poster",
            "--out",
            png.to_str().unwrap(),
        ],
    );
    let link = "https://m.me/bottegarossi?ref=poster-a";
    assert!(stdout(&o).contains(link), "{}", stdout(&o));
    assert_eq!(decode(&png), link);

    // The same entry point again, as SVG, by its ref.
    let svg = d.join("poster.svg");
    ok(
        d,
        &[
            "entry-points",
            "show",
            "poster-a",
            "--out",
            svg.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));

    // Instagram links go to ig.me.
    let v = json(&ok(
        d,
        &[
            "entry-points",
            "create",
            "--page",
            PAGE_B,
            "--ref",
            "ig.story:1",
            "--channel",
            "instagram",
            "--json",
        ],
    ));
    assert_eq!(v["link"], "https://ig.me/m/tiendasol?ref=ig.story:1");

    for (r, says) in [
        ("saldi inverno", "' ' at character 6"),
        ("promo-ñ", "'ñ' at character 7"),
        (
            "poster-a",
            "already used by the entry point \"Winter poster\"",
        ),
    ] {
        let o = run(d, &["entry-points", "create", "--page", PAGE_A, "--ref", r]);
        assert_eq!(o.status.code(), Some(2), "{r}");
        assert!(stderr(&o).contains(says), "{r}: {}", stderr(&o));
    }
    let long = "x".repeat(251);
    let o = run(
        d,
        &["entry-points", "create", "--page", PAGE_A, "--ref", &long],
    );
    assert!(stderr(&o).contains("at most 250"), "{}", stderr(&o));
    // In Italian, the same rule.
    let o = run(
        d,
        &[
            "--lang",
            "it",
            "entry-points",
            "create",
            "--page",
            PAGE_A,
            "--ref",
            "a b",
        ],
    );
    assert!(stderr(&o).contains("Meta ammette solo"), "{}", stderr(&o));
    // A link needs the Page's username.
    let o = run(
        d,
        &["entry-points", "create", "--page", "999", "--ref", "x"],
    );
    assert!(
        stderr(&o).contains("Page 999 is not known"),
        "{}",
        stderr(&o)
    );
    // An ad needs no ref and has no QR code.
    let o = run(
        d,
        &[
            "entry-points",
            "create",
            "--page",
            PAGE_B,
            "--kind",
            "ad",
            "--out",
            "x.png",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no link"), "{}", stderr(&o));
}

fn entry<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["entry_points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {v}"))
}

#[test]
fn returns_count_who_came_back_by_ref_or_by_any_action_as_generated() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (n, via_poster, via_mail, no_ref, b_back) = (40, 7, 4, 5, 9);
    let e = exports(n, via_poster, via_mail, no_ref, b_back);
    setup(d, &e);
    let start = "2026-11-12T00:00:00Z";
    for (page, r, name) in [
        (PAGE_A, "poster-a", "Poster"),
        (PAGE_A, "mail-a", "Mail"),
        (PAGE_B, "flyer-b", "Flyer"),
    ] {
        ok(
            d,
            &[
                "entry-points",
                "create",
                "--page",
                page,
                "--ref",
                r,
                "--name",
                name,
                "--started",
                start,
            ],
        );
    }
    // Before the second export nobody came back.
    let now = "2026-11-18T12:00:00Z";
    let v = json(&ok(
        d,
        &["--now", now, "returns", "--json", "--tz", "Europe/Rome"],
    ));
    assert_eq!(entry(&v, "Poster")["reopened"], 0);

    let second = d.join("week2.csv").display().to_string();
    ok(d, &["import", &second]);
    let v = json(&ok(
        d,
        &[
            "--now",
            now,
            "returns",
            "--json",
            "--tz",
            "Europe/Rome",
            "--weeks",
            "2",
        ],
    ));
    let poster = entry(&v, "Poster");
    assert_eq!(poster["reopened"], via_poster);
    assert_eq!(poster["matched_by"], "ref");
    assert_eq!(poster["ref"], "poster-a");
    assert_eq!(poster["started_at"], start);
    assert_eq!(poster["any_interaction"], via_poster + via_mail + no_ref);
    assert_eq!(entry(&v, "Mail")["reopened"], via_mail);
    let flyer = entry(&v, "Flyer");
    assert_eq!(flyer["reopened"], b_back);
    assert_eq!(flyer["matched_by"], "any_interaction");

    // Weeks from Monday in Rome: 9 and 16 November. In the second, of the contacts known
    // before it, those generated as coming back wrote.
    let week = |page: &str, day: &str| {
        v["weekly"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["page_id"] == page && w["week"] == day)
            .cloned()
            .unwrap_or_else(|| panic!("no week {day} of {page} in {v}"))
    };
    let a = week(PAGE_A, "2026-11-16");
    assert_eq!(a["known"], n);
    assert_eq!(a["returned"], via_poster + via_mail + no_ref);
    assert_eq!(week(PAGE_B, "2026-11-16")["returned"], b_back);
    assert_eq!(week(PAGE_A, "2026-11-09")["new"], n);
    // Hours in Rome (UTC+1): the poster's returns at 19:00, the mail's at 10:30.
    let hour = |h: usize| v["by_hour"][h]["actions"].as_u64().unwrap();
    assert_eq!(hour(19) as usize, via_poster);
    assert_eq!(hour(10) as usize, via_mail + 4 + 4);
    let total: u64 = (0..24).map(hour).sum();
    assert_eq!(
        total as usize,
        2 * n + via_poster + via_mail + no_ref + b_back
    );
    // The split of who is not reachable adds up.
    let ask = &v["ask"];
    assert_eq!(
        ask["closed"].as_u64().unwrap(),
        ask["human_agent"].as_u64().unwrap()
            + ask["private_reply"].as_u64().unwrap()
            + ask["ad_audience"].as_u64().unwrap()
    );
}

#[test]
fn an_entry_point_is_edited_and_deleted_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d, &exports(3, 0, 0, 0, 0));
    ok(
        d,
        &[
            "entry-points",
            "create",
            "--page",
            PAGE_A,
            "--ref",
            "poster-a",
        ],
    );
    let o = ok(
        d,
        &[
            "entry-points",
            "edit",
            "poster-a",
            "--name",
            "Winter poster",
            "--started",
            "2026-11-20T09:00:00Z",
        ],
    );
    assert!(stdout(&o).contains("Winter poster"), "{}", stdout(&o));
    let v = json(&ok(d, &["entry-points", "list", "--json"]));
    assert_eq!(v[0]["name"], "Winter poster");
    assert_eq!(v[0]["started_at"], "2026-11-20T09:00:00Z");
    assert_eq!(v[0]["ref"], "poster-a");
    // No such campaign: refused with the way to find one.
    let o = run(d, &["entry-points", "edit", "poster-a", "--campaign", "7"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("there is no campaign 7"),
        "{}",
        stderr(&o)
    );
    let o = ok(d, &["--lang", "es", "entry-points", "delete", "poster-a"]);
    assert!(stdout(&o).contains("eliminado"), "{}", stdout(&o));
    let v = json(&ok(d, &["entry-points", "list", "--json"]));
    assert_eq!(v, serde_json::json!([]));
    let o = run(d, &["entry-points", "show", "poster-a"]);
    assert!(
        stderr(&o).contains("there is no entry point poster-a"),
        "{}",
        stderr(&o)
    );
}
