//! Verdicts that hold in the marketer's own market: the Page's and the person's country
//! decide which routes exist, from `check` to the exported send list.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{json, stderr, ventana};
use serde_json::Value;

const ORDER_IT: &str = "Il tuo ordine #4521 è stato spedito e arriverà giovedì";
const PROMO_IT: &str = "Saldi di Natale: -30% su tutto solo oggi con il codice NATALE30";
const AT: &str = "2026-12-03T10:00:00Z";

fn check(dir: &Path, args: &[&str]) -> Value {
    let o = ventana(dir)
        .args(["check", "--at", AT, "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    json(&o)
}

fn route<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["route"] == name)
        .unwrap_or_else(|| panic!("no route {name} in {v}"))
}

#[test]
fn an_italian_page_gets_no_utility_template_and_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let v = check(dir.path(), &["--page-country", "IT", ORDER_IT]);
    assert_ne!(v["suggested_route"], "utility_template");
    let u = route(&v, "utility_template");
    assert_eq!(u["available"], false);
    let why = &u["unavailable_reason"];
    assert_eq!(why["rule"], "messenger.utility_template.region1");
    assert!(why["source"].as_str().unwrap().starts_with("https://"));
    assert_eq!(why["confidence"], "reported");
    let text = why["explanation"].as_str().unwrap();
    assert!(text.contains("Italy"), "{text}");
    assert!(
        text.contains("United States, Vietnam, Thailand and the Philippines"),
        "{text}"
    );
    // The suggestion is always an available route.
    for r in v["routes"].as_array().unwrap() {
        if r["route"] == v["suggested_route"] {
            assert_eq!(r["available"], true, "{r}");
        }
    }

    let v = check(dir.path(), &["--page-country", "US", ORDER_IT]);
    assert_eq!(v["suggested_route"], "utility_template");
    assert_eq!(route(&v, "utility_template")["available"], true);
    assert!(
        route(&v, "utility_template")
            .get("unavailable_reason")
            .is_none()
    );
}

#[test]
fn an_italian_promotion_has_no_route_but_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let v = check(dir.path(), &["--page-country", "IT", PROMO_IT]);
    assert_eq!(v["promotional"], true);
    assert_eq!(v["suggested_route"], "standard");
    for r in v["routes"].as_array().unwrap() {
        let usable = r["fit"]["kind"] == "fits" && r["available"] == true;
        if usable {
            assert_eq!(r["window"], "inside", "only the window carries it: {r}");
        }
    }
    for name in ["paid_marketing", "one_time_notification"] {
        let r = route(&v, name);
        assert_eq!(r["available"], false, "{r}");
        assert!(
            r["unavailable_reason"]["explanation"]
                .as_str()
                .unwrap()
                .len()
                > 20
        );
    }
    // In Spanish, the reasons are Spanish.
    let o = ventana(dir.path())
        .args([
            "--lang",
            "es",
            "check",
            "--at",
            AT,
            "--json",
            "--page-country",
            "ES",
            PROMO_IT,
        ])
        .output()
        .unwrap();
    let v = json(&o);
    let text = route(&v, "paid_marketing")["unavailable_reason"]["explanation"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("España"), "{text}");
    assert!(text.contains("no pueden enviarse"), "{text}");
}

#[test]
fn a_chosen_route_that_does_not_exist_here_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let o = ventana(dir.path())
        .args(["check", "--at", AT, "--strict", "--page-country", "IT"])
        .args(["--tag", "utility_template", ORDER_IT])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = check(
        dir.path(),
        &[
            "--page-country",
            "IT",
            "--tag",
            "utility_template",
            ORDER_IT,
        ],
    );
    assert_eq!(v["blocked"], true);
    let f = &v["findings"].as_array().unwrap()[0];
    assert_eq!(f["category"], "region_unavailable");
}

#[test]
fn pages_are_listed_and_set_and_the_export_gives_the_region_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contatti.csv");
    // One contact inside the window, two outside it (one within the human-agent week).
    std::fs::write(
        &file,
        "psid;page_id;first_name;locale;last_interaction\n\
         2001;777;Giulia;it_IT;2026-12-03T08:00:00Z\n\
         2002;777;Marco;it_IT;2026-12-01T08:00:00Z\n\
         2003;777;Sara;it_IT;2026-11-20T08:00:00Z\n",
    )
    .unwrap();
    let o = ventana(dir.path())
        .args(["import", file.to_str().unwrap(), "--page-country", "IT"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ventana(dir.path())
        .args(["pages", "--json"])
        .output()
        .unwrap();
    let pages = json(&o);
    assert_eq!(pages[0]["id"], "777");
    assert_eq!(pages[0]["country"], "IT");
    assert_eq!(pages[0]["contacts"], 3);

    let out = dir.path().join("invio.csv");
    let o = ventana(dir.path())
        .args([
            "--now",
            AT,
            "export",
            "--text",
            ORDER_IT,
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let sends = std::fs::read_to_string(&out).unwrap();
    assert_eq!(sends.lines().count(), 2, "only the open window: {sends}");
    assert!(sends.contains("2001"));
    let excluded = std::fs::read_to_string(dir.path().join("invio.excluded.csv")).unwrap();
    for psid in ["2002", "2003"] {
        let line = excluded.lines().find(|l| l.contains(psid)).unwrap();
        assert!(line.contains("region_unavailable"), "{line}");
        assert!(line.contains("Italy"), "{line}");
    }
    // Each row says what is missing in one sentence; the summary explains it once, in full.
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("not available to Pages in Italy") && stdout.contains("(since "),
        "{stdout}"
    );
    assert!(!excluded.contains("(since "), "{excluded}");
    let o = ventana(dir.path())
        .args(["--now", AT, "plan", "--json", "--text", ORDER_IT])
        .output()
        .unwrap();
    let notes = json(&o)["excluded_by_region"].clone();
    assert_eq!(notes.as_array().map(Vec::len), Some(1), "{notes}");
    assert_eq!(notes[0]["count"], 2);
    assert!(
        notes[0]["explanation"]
            .as_str()
            .is_some_and(|e| e.contains("Italy") && e.contains("(since ")),
        "{notes}"
    );

    // The Page moves to the United States: the template reaches the closed windows.
    let o = ventana(dir.path())
        .args([
            "pages",
            "set",
            "777",
            "--country",
            "US",
            "--username",
            "bottega.roma",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // The people stay in Italy by their locale, and Utility Messages look at the Page.
    let o = ventana(dir.path())
        .args(["--now", AT, "plan", "--json", "--text", ORDER_IT])
        .output()
        .unwrap();
    let v = json(&o);
    let by_route = v["by_route"].as_array().unwrap();
    assert!(
        by_route
            .iter()
            .any(|r| r[0] == "utility_template" && r[1] == 2),
        "{v}"
    );

    let o = ventana(dir.path())
        .args(["pages", "set", "777", "--country", "XX"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ISO 3166"), "{}", stderr(&o));
}
