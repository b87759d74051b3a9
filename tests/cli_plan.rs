//! Black-box tests of `ventana plan` and `ventana export`: a small export imported into a
//! private database, then planned, approved and exported as a marketer would.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{json, stderr, stdout, ventana};
use serde_json::Value;

const NOW: &str = "2026-11-22T10:00:00Z";

/// Five contacts of one Page: two inside the window (one in New York), one two days out,
/// one ten days out, one with no interaction; Ana's name is a formula.
const CONTACTS: &str = "\
psid,page_id,first_name,last_name,timezone,last_interaction
1001,555,Anna,Rossi,Europe/Rome,2026-11-22T09:00:00Z
1002,555,=HYPERLINK(\"http://x\"),Evil,America/New_York,2026-11-22T08:00:00Z
1003,555,Luca,Bianchi,,2026-11-20T10:00:00Z
1004,555,Marta,Verdi,+01:00,2026-11-12T10:00:00Z
1005,555,Pablo,Ruiz,,
";

fn setup(dir: &Path) {
    let file = dir.join("contacts.csv");
    std::fs::write(&file, CONTACTS).unwrap();
    let o = ventana(dir)
        .args(["import", file.to_str().unwrap(), "--tz", "UTC"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

fn plan_json(dir: &Path, args: &[&str]) -> Value {
    let o = ventana(dir)
        .args(["--now", NOW, "plan", "--json", "--tz", "UTC"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    json(&o)
}

fn count(v: &Value, key: &str, name: &str) -> u64 {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == name)
        .map_or(0, |p| p[1].as_u64().unwrap())
}

#[test]
fn a_promotion_reaches_open_windows_and_names_why_the_rest_cannot() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let v = plan_json(
        dir.path(),
        &["--text", "Black Friday: 30% off everything with code BF30!"],
    );
    assert_eq!(v["policy_version"], "messenger-2026-09-28");
    assert_eq!(v["promotional"], true);
    assert_eq!(
        (v["considered"].as_u64(), v["planned"].as_u64()),
        (Some(5), Some(2))
    );
    assert_eq!(count(&v, "by_route", "standard"), 2);
    assert_eq!(
        count(&v, "excluded_by_reason", "promotional_outside_window"),
        2
    );
    assert_eq!(count(&v, "excluded_by_reason", "no_interaction"), 1);
}

#[test]
fn an_order_update_goes_by_template_and_a_human_reply_by_human_agent() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    // Utility Messages exist for Pages in the United States.
    let o = ventana(dir.path())
        .args(["pages", "set", "555", "--country", "US"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v = plan_json(
        dir.path(),
        &[
            "--text",
            "Your order 4521 has shipped and arrives on Tuesday.",
        ],
    );
    assert_eq!(count(&v, "by_route", "utility_template"), 2);
    let v = plan_json(
        dir.path(),
        &[
            "--text",
            "Hi, this is Sara from support: I checked your refund request and it is approved.",
            "--human-agent",
        ],
    );
    // Luca (two days) by HUMAN_AGENT; Marta (ten days) is past the seven.
    assert_eq!(count(&v, "by_route", "message_tag:HUMAN_AGENT"), 1);
    assert_eq!(count(&v, "excluded_by_reason", "too_late"), 1);
    // The same plan in 2019: the +1 follow-up reaches the closed windows.
    let o = ventana(dir.path())
        .args(["--now", "2019-06-03T10:00:00Z", "plan", "--json"])
        .args(["--text", "Come back: 20% off this week"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["policy_version"], "messenger-2018-09-27");
}

#[test]
fn a_retired_tag_blocks_the_export_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let v = plan_json(
        dir.path(),
        &[
            "--text",
            "Your order 4521 has shipped.",
            "--tag",
            "POST_PURCHASE_UPDATE",
        ],
    );
    assert_eq!(v["planned"], 0);
    assert_eq!(count(&v, "excluded_by_reason", "route_unavailable"), 4);
    assert!(!v["blocking"].as_array().unwrap().is_empty());
    let out = dir.path().join("sends.csv");
    let o = ventana(dir.path())
        .args([
            "--now",
            NOW,
            "export",
            "--text",
            "Your order 4521 has shipped.",
        ])
        .args([
            "--tag",
            "POST_PURCHASE_UPDATE",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot be sent as it is"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn export_writes_the_send_list_the_excluded_and_the_audience_and_approves_once() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = dir.path().join("bf.csv");
    let o = ventana(dir.path())
        .args(["--now", NOW, "export", "--tz", "UTC"])
        .args([
            "--text",
            "Hi {first_name}, Black Friday: 30% off with code BF30",
        ])
        .args(["--rate", "1", "--quiet-hours", "21-08"])
        .args(["--out", out.to_str().unwrap(), "--approve", "Black Friday"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Approved as campaign 1: Black Friday"),
        "{}",
        stdout(&o)
    );
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        r#""psid","page_id","name","route","messaging_type","tag","window_closes_at","send_at","text""#
    );
    // Anna's window closes first, so she goes first; the formula name is neutralised.
    assert_eq!(
        lines[1],
        r#""1001","555","Anna Rossi","standard","UPDATE","","2026-11-23T09:00:00Z","2026-11-22T10:00:00Z","Hi Anna, Black Friday: 30% off with code BF30""#
    );
    // 10:01 UTC is 05:01 in New York, inside the quiet hours: the second send waits for 08:00 there.
    assert!(
        lines[2].starts_with(r#""1002","555","'=HYPERLINK"#),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].contains(r#","2026-11-23T08:00:00Z","2026-11-22T13:00:00Z","Hi "#),
        "{}",
        lines[2]
    );
    let excluded = std::fs::read_to_string(dir.path().join("bf.excluded.csv")).unwrap();
    assert_eq!(excluded.lines().count(), 4);
    assert!(
        excluded.contains(r#""1005","555","Pablo Ruiz","no_interaction","no known interaction","#)
    );
    let audience = std::fs::read_to_string(dir.path().join("bf.audience-555.csv")).unwrap();
    assert_eq!(audience, "\"pageuid\"\n\"1003\"\n\"1004\"\n\"1005\"\n");
    // JSON lines with the first name filled in.
    let jsonl = dir.path().join("bf.jsonl");
    let o = ventana(dir.path())
        .args(["--now", NOW, "export", "--json"])
        .args([
            "--text",
            "Hi {first_name}, Black Friday: 30% off with code BF30",
        ])
        .args(["--out", jsonl.to_str().unwrap(), "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(report["campaign_id"], Value::Null);
    assert_eq!(report["export"]["files"][0]["rows"], 2);
    // Without quiet hours both go at once, the earlier-closing window (1002) first.
    let bodies: Vec<Value> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(bodies[0]["recipient"]["id"], "1002");
    assert_eq!(bodies[1]["recipient"]["id"], "1001");
    assert_eq!(
        bodies[1]["message"]["text"],
        "Hi Anna, Black Friday: 30% off with code BF30"
    );
}

#[test]
fn bad_options_get_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    for (args, want) in [
        (
            vec!["plan", "--text", "hi", "--rate", "fast"],
            "is not a rate",
        ),
        (
            vec!["plan", "--text", "hi", "--quiet-hours", "late"],
            "21-08",
        ),
        (vec!["plan", "--text", "hi", "--tz", "Mars/Base"], "--tz"),
        (vec!["plan"], "give the message"),
        (
            vec!["export", "--text", "hi", "--out", "/nonexistent/x.csv"],
            "the folder /nonexistent does not exist",
        ),
    ] {
        let o = ventana(dir.path()).args(&args).output().unwrap();
        assert!(!o.status.success(), "{args:?}");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
}
