//! The learned score and the facts a text cannot show, as a user meets them on the command
//! line: `--fact NAME=yes|no`, `--no-model`, `--model DIR`, and what `check --json` says.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{check, json, stderr, stdout, ventana};
use serde_json::Value;

/// A sales follow-up with no price, code or sale word.
const SOFT_SELL: &str = "Just checking in: did you get a chance to look at our proposal? Happy to \
                         walk you through the plans that fit your team.";
const SUPPORT: &str = "Hi Sarah, I checked with the warehouse: your parcel left yesterday and \
                       should arrive on Thursday. Sorry for the wait!";
const SHIPPED: &str = "Your order #4521 has shipped and will arrive on Tuesday.";
const REMINDER: &str =
    "Reminder: the workshop starts tomorrow at 10:00 in Hall B. Bring your ticket.";
/// When the four 2020 tags were in force.
const TAG_ERA: &str = "2023-03-01T10:00:00Z";

fn check_json(args: &[&str]) -> Value {
    let mut all = vec!["--json", "--at", TAG_ERA];
    all.extend_from_slice(args);
    let o = check(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    json(&o)
}

fn fact<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["fact"] == name)
        .unwrap()
}

#[test]
fn a_soft_sell_is_promotional_with_the_model_and_not_without_it() {
    let with = check_json(&[SOFT_SELL]);
    assert_eq!(with["promotional"], true);
    assert_eq!(with["suggested_tag"], Value::Null);
    let learned = &with["learned"];
    assert_eq!(learned["decided"], true);
    assert!(learned["probability"].as_f64().unwrap() >= learned["threshold"].as_f64().unwrap());
    // Its phrases are findings whose spans hold their excerpts.
    let phrases: Vec<&Value> = with["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == "learned")
        .collect();
    assert!(!phrases.is_empty());
    for f in phrases {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&SOFT_SELL[s..e], f["excerpt"].as_str().unwrap());
        assert_eq!(f["severity"], "warn");
        assert!(f["explanation"].as_str().unwrap().contains("sales pitch"));
    }

    let without = check_json(&["--no-model", SOFT_SELL]);
    assert_eq!(without["promotional"], false);
    assert_eq!(without["learned"], Value::Null);
}

#[test]
fn a_yes_to_human_reply_suggests_human_agent_and_says_so() {
    let v = check_json(&["--fact", "human_reply=yes", SHIPPED]);
    assert_eq!(v["suggested_tag"], "HUMAN_AGENT");
    assert_eq!(fact(&v, "human_reply")["answer"], true);
    assert_eq!(fact(&v, "human_reply")["relied_on"], true);
    assert!(
        v["route_reason"].as_str().unwrap().contains(
            "This rests on your answer: a person is answering the customer's own question"
        )
    );
    // Unanswered facts are guessed, with how sure.
    let g = &fact(&v, "own_transaction")["guess"];
    assert_eq!(fact(&v, "own_transaction")["answer"], Value::Null);
    assert_eq!(g["yes"], true);
    assert!(g["confidence"].as_f64().unwrap() >= 0.5);
}

#[test]
fn a_no_to_own_transaction_takes_the_order_tag_away() {
    let plain = check_json(&[SHIPPED]);
    assert_eq!(plain["suggested_tag"], "POST_PURCHASE_UPDATE");
    let v = check_json(&["--fact", "own_transaction=no", SHIPPED]);
    assert_ne!(v["suggested_tag"], "POST_PURCHASE_UPDATE");
    assert_ne!(v["purpose"], "post_purchase");
    assert!(
        v["route_reason"]
            .as_str()
            .unwrap()
            .contains("it is not about a purchase")
    );
    // The tag it no longer fits is blocked when chosen, and the same answer is named.
    let o = check(&[
        "--at",
        TAG_ERA,
        "--strict",
        "--tag",
        "POST_PURCHASE_UPDATE",
        "--fact",
        "own_transaction=no",
        SHIPPED,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn an_event_the_person_did_not_sign_up_for_is_promotional() {
    let plain = check_json(&[REMINDER]);
    assert_eq!(plain["suggested_tag"], "CONFIRMED_EVENT_UPDATE");
    let v = check_json(&["--fact", "event_signup=no", REMINDER]);
    assert_eq!(v["promotional"], true);
    assert_eq!(v["suggested_tag"], Value::Null);
    assert_eq!(fact(&v, "event_signup")["relied_on"], true);
    let yes = check_json(&["--fact", "event_signup=yes", REMINDER]);
    assert_eq!(yes["suggested_tag"], "CONFIRMED_EVENT_UPDATE");
}

#[test]
fn the_facts_read_in_italian_and_a_bad_answer_is_refused_with_the_rule() {
    let o = check(&[
        "--lang",
        "it",
        "--at",
        TAG_ERA,
        "--fact",
        "human_reply=si",
        SUPPORT,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Fatti:"), "{out}");
    assert!(
        out.contains("È una persona a scrivere questa risposta"),
        "{out}"
    );
    assert!(out.contains("(tua risposta) *"), "{out}");

    for bad in ["human_reply=maybe", "human=yes", "human_reply"] {
        let o = check(&["--lang", "it", "--fact", bad, SUPPORT]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = stderr(&o);
        assert!(err.contains("non è una risposta valida"), "{err}");
        assert!(
            err.contains("human_reply, own_transaction o event_signup"),
            "{err}"
        );
    }
}

#[test]
fn a_model_directory_that_does_not_match_its_weights_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(
        format!("{root}/assets/model/model.toml"),
        dir.path().join("model.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("weights.bin"), b"not a model").unwrap();
    let o = check(&["--model", dir.path().to_str().unwrap(), SHIPPED]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("weights.bin") && err.contains("SHA-256"),
        "{err}"
    );

    // The shipped files, copied, load and give the same verdict.
    std::fs::copy(
        format!("{root}/assets/model/weights.bin"),
        dir.path().join("weights.bin"),
    )
    .unwrap();
    let v = check_json(&["--model", dir.path().to_str().unwrap(), SOFT_SELL]);
    assert_eq!(v["promotional"], true);
}

#[test]
fn eval_shows_the_lexicons_alone_beside_the_combination() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        format!(
            "{}\n{}\n{}\n{}\n",
            serde_json::json!({"lang": "en", "text": SOFT_SELL, "label": "promotional"}),
            serde_json::json!({"lang": "en", "text": SHIPPED, "label": "non_promotional",
                "suggested_tag": "POST_PURCHASE_UPDATE"}),
            // Two wrong labels, so that the checker misses both: the verdict and the tag.
            serde_json::json!({"id": "wrong-verdict", "lang": "en", "text": SHIPPED,
                "label": "promotional"}),
            serde_json::json!({"id": "wrong-tag", "lang": "en", "text": SHIPPED,
                "label": "non_promotional", "suggested_tag": "ACCOUNT_UPDATE"}),
        ),
    )
    .unwrap();
    let o = ventana(dir.path())
        .arg("eval")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("lexicons alone:"), "{out}");
    assert!(
        out.contains("lexicons and learned score 2026.12-3:"),
        "{out}"
    );
    let o = ventana(dir.path())
        .args(["eval", "--json"])
        .arg(&corpus)
        .output()
        .unwrap();
    let v = json(&o);
    assert_eq!(v["all"]["tp"], 1);
    assert_eq!(v["rules_only"]["all"]["tp"], 0);
    assert!(v["intervals"]["all"]["f1"].is_array());
    // Every message is either borderline or not.
    assert_eq!(
        v["sure"]["n"].as_u64().unwrap() + v["borderline"]["n"].as_u64().unwrap(),
        v["all"]["n"].as_u64().unwrap()
    );
    // In Italian the table, its columns and the misses read in Italian.
    let o = ventana(dir.path())
        .args(["--lang", "it", "eval", "--misses"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("solo lessici:"), "{out}");
    for word in ["lingua", "precisione", "richiamo", "tag esatti", "tutte"] {
        assert!(out.contains(word), "{word} missing in {out}");
    }
    for word in ["precision ", "recall", "expected", " all ", "none", "0."] {
        assert!(!out.contains(word), "English {word:?} in {out}");
    }
    // Three verdicts of four are right, none borderline.
    assert!(
        out.contains("Verdetti non al limite: 4 messaggi su 4; giusti: 75,0 %"),
        "{out}"
    );
    assert!(!out.contains("Al limite:"), "{out}");
    // Decimals with the Italian comma, the verdicts and the purpose in words.
    assert!(out.contains("0,"), "{out}");
    let line = |id: &str| out.lines().find(|l| l.contains(id)).unwrap_or_default();
    let verdict = line("wrong-verdict");
    assert!(verdict.starts_with("verdetto"), "{out}");
    assert!(
        verdict.contains("atteso promozionale, ottenuto non promozionale (0,"),
        "{verdict}"
    );
    assert!(
        line("wrong-tag").ends_with(
            "atteso ACCOUNT_UPDATE, ottenuto POST_PURCHASE_UPDATE (un aggiornamento sull'ordine)"
        ),
        "{out}"
    );
}

#[test]
fn a_plan_records_and_says_the_answers_it_rests_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let o = ventana(dir.path())
        .args(["import", &format!("{root}/assets/samples/demo.csv")])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = |args: &[&str]| {
        ventana(dir.path())
            .args(["--now", "2026-11-22T10:00:00Z", "plan", "--text", SHIPPED])
            .args(args)
            .output()
            .unwrap()
    };
    let o = plan(&[
        "--json",
        "--fact",
        "human_reply=yes",
        "--fact",
        "event_signup=no",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(
        v["answers"],
        serde_json::json!({"human_reply": true, "event_signup": false})
    );
    assert_eq!(v["human_reply"], true);
    let o = plan(&["--fact", "own_transaction=no"]);
    let out = stdout(&o);
    assert!(
        out.contains("Your answers: it is not about a purchase, booking or account of the person"),
        "{out}"
    );
    // Unanswered, nothing is said.
    assert!(!stdout(&plan(&[])).contains("Your answers"));
}
