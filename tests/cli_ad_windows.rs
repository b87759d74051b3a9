//! Windows started by an ad: Meta says they "may last up to 7 days". The first 24 hours are
//! open; after them the contact may be open, which is counted and shown as its own state and
//! planned only when the marketer opts in.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{json, stderr, ventana};

#[test]
fn an_ad_window_is_certain_for_a_day_and_then_only_may_be_open() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ads.csv");
    // Clicked an ad 5 days before the planning instant; wrote 2 hours before; ad click 3 hours before.
    std::fs::write(
        &file,
        "psid,page_id,last_interaction,last_interaction_type\n\
         1,9,2026-10-10T10:00:00Z,ad_click\n\
         2,9,2026-10-15T08:00:00Z,message\n\
         3,9,2026-10-15T07:00:00Z,ad_click\n",
    )
    .unwrap();
    let o = ventana(dir.path())
        .args(["import", file.to_str().unwrap(), "--page-country", "US"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));

    let o = ventana(dir.path())
        .args(["windows", "--at", "2026-10-15T10:00:00Z", "--json"])
        .output()
        .unwrap();
    let w = json(&o);
    assert_eq!(w["open"], 2, "{w}");
    assert_eq!(w["maybe_open"], 1, "{w}");
    assert_eq!(w["human_agent_only"], 0, "{w}");
    let sum: u64 = [
        "open",
        "maybe_open",
        "human_agent_only",
        "closed",
        "unknown",
    ]
    .iter()
    .map(|k| w[k].as_u64().unwrap())
    .sum();
    assert_eq!(sum, w["total"].as_u64().unwrap());

    let plan = |extra: &[&str]| {
        let o = ventana(dir.path())
            .args(["--now", "2026-10-15T10:00:00Z", "plan", "--json"])
            .args([
                "--text",
                "Black Friday anticipato: -30% su tutto con il codice BF30",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        json(&o)
    };
    let v = plan(&[]);
    assert_eq!(v["planned"], 2, "{v}");
    let reasons = v["excluded_by_reason"].as_array().unwrap();
    assert!(
        reasons.iter().any(|r| r[0] == "ad_window" && r[1] == 1),
        "{v}"
    );
    let v = plan(&["--include-ad-windows"]);
    assert_eq!(v["planned"], 3, "{v}");
}
