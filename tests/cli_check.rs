//! `ventana check` as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{check, json, run_with_stdin, stderr, stdout, ventana};
use serde_json::Value;

const SHIPPED_WITH_COUPON: &str =
    "Il tuo ordine #4521 è stato spedito! Usa il codice SCONTO10 per il 10% sul prossimo acquisto";
const SHIPPED: &str = "Il tuo ordine #4521 è stato spedito!";

fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().unwrap()
}

#[test]
fn coupon_and_discount_make_an_order_update_promotional() {
    let o = check(&[
        "--at",
        "2025-06-02T10:00:00Z",
        "--json",
        SHIPPED_WITH_COUPON,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["language"], "it");
    assert_eq!(v["promotional"], true);
    assert_eq!(v["purpose"], "post_purchase");
    assert_eq!(v["suggested_tag"], Value::Null);
    assert_eq!(v["suggested_route"], "standard");
    assert!(
        v["route_reason"]
            .as_str()
            .unwrap()
            .contains("only inside the 24-hour window")
    );
    let cats: Vec<&str> = findings(&v)
        .iter()
        .map(|f| f["category"].as_str().unwrap())
        .collect();
    assert!(cats.contains(&"coupon_code"), "{cats:?}");
    assert!(cats.contains(&"discount"), "{cats:?}");
    for f in findings(&v) {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&SHIPPED_WITH_COUPON[s..e], f["excerpt"].as_str().unwrap());
        assert!(!f["explanation"].as_str().unwrap().is_empty());
    }
    for key in ["chars", "promo_score", "policy_version", "findings"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn the_same_update_without_coupon_follows_the_policy_of_its_date() {
    let at = |t: &str| json(&check(&["--at", t, "--json", SHIPPED]));
    let v = at("2025-06-02T10:00:00Z");
    assert_eq!(v["promotional"], false);
    assert_eq!(v["suggested_tag"], "POST_PURCHASE_UPDATE");
    assert_eq!(v["policy_version"], "messenger-2020-03-04");

    // Utility Messages exist for Pages in the United States.
    let v = json(&check(&[
        "--at",
        "2026-11-22T10:00:00Z",
        "--page-country",
        "US",
        "--json",
        SHIPPED,
    ]));
    assert_eq!(v["suggested_tag"], Value::Null);
    assert_eq!(v["suggested_route"], "utility_template");
    let reason = v["route_reason"].as_str().unwrap();
    assert!(
        reason.contains("POST_PURCHASE_UPDATE was retired on 2026-04-27"),
        "{reason}"
    );
    assert!(reason.contains("Utility template"), "{reason}");
    assert!(reason.contains("page_utility_messaging"), "{reason}");
    assert!(reason.contains("inside the window"), "{reason}");

    let v = at("2019-06-03T10:00:00Z");
    assert_eq!(v["suggested_tag"], "SHIPPING_UPDATE");

    // Without the Page's country the conservative answer: inside the window only.
    let v = at("2026-11-22T10:00:00Z");
    assert_eq!(v["suggested_route"], "standard");
    let reason = v["route_reason"].as_str().unwrap();
    assert!(reason.contains("country is not known"), "{reason}");
}

#[test]
fn reads_standard_input_and_prints_a_human_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = ventana(dir.path());
    cmd.args(["check", "--at", "2025-06-02T10:00:00Z", "-"]);
    let o = run_with_stdin(cmd, &format!("{SHIPPED_WITH_COUPON}\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Language: Italian"), "{out}");
    assert!(out.contains("Promotional: yes"), "{out}");
    assert!(out.contains("coupon_code"), "{out}");
}

#[test]
fn a_retired_tag_blocks_and_strict_fails() {
    let o = check(&[
        "--at",
        "2026-11-22T10:00:00Z",
        "--tag",
        "POST_PURCHASE_UPDATE",
        "--strict",
        "--json",
        SHIPPED,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let f = findings(&v)
        .iter()
        .find(|f| f["category"] == "retired_tag")
        .expect("a retired_tag finding");
    assert_eq!(f["severity"], "block");
    assert!(f["explanation"].as_str().unwrap().contains("2026-04-27"));
}

#[test]
fn a_tag_that_does_not_fit_the_content_blocks() {
    let o = check(&[
        "--at",
        "2025-06-02T10:00:00Z",
        "--tag",
        "post_purchase_update",
        "--json",
        SHIPPED_WITH_COUPON,
    ]);
    let v = json(&o);
    assert!(
        findings(&v)
            .iter()
            .any(|f| f["category"] == "tag_mismatch" && f["severity"] == "block")
    );
    // The cues themselves block too, pointing at the words to remove.
    assert!(
        findings(&v)
            .iter()
            .any(|f| f["category"] == "coupon_code" && f["severity"] == "block")
    );
    let o = check(&[
        "--at",
        "2025-06-02T10:00:00Z",
        "--tag",
        "HUMAN_AGENT",
        "--json",
        SHIPPED,
    ]);
    let v = json(&o);
    assert!(findings(&v).iter().any(|f| f["category"] == "tag_mismatch"));
    let o = check(&[
        "--at",
        "2025-06-02T10:00:00Z",
        "--tag",
        "FRIENDLY_HELLO",
        "--json",
        SHIPPED,
    ]);
    let v = json(&o);
    let f = findings(&v)
        .iter()
        .find(|f| f["category"] == "unknown_tag")
        .unwrap();
    assert!(f["explanation"].as_str().unwrap().contains("HUMAN_AGENT"));
}

#[test]
fn another_language_is_not_checked_and_says_so() {
    let o = check(&[
        "--at",
        "2025-06-02T10:00:00Z",
        "--json",
        "Ihre Bestellung wurde versandt und kommt am Freitag bei Ihnen an. Vielen Dank für Ihren Einkauf!",
    ]);
    let v = json(&o);
    assert_eq!(v["checked"], false);
    assert_eq!(v["promotional"], Value::Null);
    assert_eq!(v["suggested_tag"], Value::Null);
    let f = findings(&v)
        .iter()
        .find(|f| f["category"] == "language")
        .unwrap();
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("Not checked for this language")
    );
}

#[test]
fn explanations_follow_the_chosen_language() {
    let o = check(&["--lang", "it", "--at", "2026-11-22T10:00:00Z", SHIPPED]);
    let out = stdout(&o);
    assert!(out.contains("Lingua: italiano"), "{out}");
    assert!(out.contains("è stato ritirato il 27/04/2026"), "{out}");
    let o = check(&[
        "--lang",
        "es",
        "--at",
        "2025-06-02T10:00:00Z",
        SHIPPED_WITH_COUPON,
    ]);
    assert!(stdout(&o).contains("es un cupón"), "{}", stdout(&o));
}

#[test]
fn bad_input_gets_a_sentence_not_a_panic() {
    let o = check(&["   "]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the message is empty"),
        "{}",
        stderr(&o)
    );
    let o = check(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give the message: ventana check"));
    let o = check(&["--at", "yesterday", "hi"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("RFC 3339"), "{}", stderr(&o));
    let o = check(&["--file", "/nonexistent/message.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/message.txt"));
}

#[test]
fn a_users_policy_directory_replaces_the_built_in_rules() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = include_str!("../assets/policy/messenger.toml");
    // Meta's next change, written by the user: POST_PURCHASE_UPDATE lives on.
    let edited = builtin.replace(
        "from = \"2019-08-29\"\nuntil = \"2026-04-27\"\nsource = \"SENDAPI\"\npurposes = [\"post_purchase\"]",
        "from = \"2019-08-29\"\nsource = \"SENDAPI\"\npurposes = [\"post_purchase\"]",
    );
    assert_ne!(edited, builtin);
    std::fs::write(dir.path().join("messenger.toml"), edited).unwrap();
    let o = ventana(dir.path())
        .args([
            "--policy",
            dir.path().to_str().unwrap(),
            "check",
            "--at",
            "2026-11-22T10:00:00Z",
            "--json",
            SHIPPED,
        ])
        .output()
        .unwrap();
    assert_eq!(json(&o)["suggested_tag"], "POST_PURCHASE_UPDATE");

    std::fs::write(
        dir.path().join("messenger.toml"),
        "channel = \"messenger\"\n[[version]]\nid = 3\n",
    )
    .unwrap();
    let o = ventana(dir.path())
        .args(["--policy", dir.path().to_str().unwrap(), "check", "hi"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("messenger.toml, line 3"), "{err}");
}

#[test]
fn the_exit_codes_are_documented_in_help() {
    let o = check(&["--help"]);
    assert!(o.status.success());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ventana"))
        .arg("--help")
        .output()
        .unwrap();
    let help = stdout(&o);
    for line in ["0  success", "1  `check --strict`", "2  error"] {
        assert!(help.contains(line), "{help}");
    }
}

#[test]
fn a_reader_that_has_gone_is_not_a_crash() {
    use std::process::{Command, Stdio};
    // `ventana check --json … | head -0`: the reading end is closed before anything is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_ventana"))
        .args(["check", "--json", "--at", "2026-11-20T10:00:00Z", SHIPPED])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
