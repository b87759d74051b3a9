//! Every pass/fail example of every rule of every channel, run through the real checker.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;
use ventana::policy::{Expect, example_outcome};

#[test]
fn every_example_of_every_rule_holds() {
    let engine = Engine::embedded().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for cp in engine.policy.channels() {
        for rule in &cp.rules {
            let passes = rule
                .examples
                .iter()
                .filter(|e| e.expect == Expect::Pass)
                .count();
            let fails = rule.examples.len() - passes;
            assert!(
                passes >= 1 && fails >= 1,
                "{}: rule {} needs at least one pass and one fail example",
                cp.channel,
                rule.id
            );
            for ex in &rule.examples {
                n += 1;
                let facts = engine.analyze(&ex.text).facts();
                let got = example_outcome(cp, rule, &facts, ex);
                if got != ex.expect {
                    failures.push(format!(
                        "{} / {}: expected {:?}, got {:?} for {:?} at {} ({}); facts {:?}",
                        cp.channel, rule.id, ex.expect, got, ex.text, ex.at, ex.why, facts
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(n >= 70, "only {n} examples");
}

#[test]
fn every_rule_cites_a_source_url() {
    let engine = Engine::embedded().unwrap();
    for cp in engine.policy.channels() {
        for v in &cp.versions {
            assert!(v.source.starts_with("https://"), "{}: {}", v.id, v.source);
        }
        for r in &cp.rules {
            assert!(r.source.starts_with("https://"), "{}: {}", r.id, r.source);
            for s in &r.regions {
                assert!(s.source.starts_with("https://"), "{}: {}", s.id, s.source);
            }
        }
        for f in &cp.features {
            assert!(f.scope.source.starts_with("https://"), "{}", f.id);
        }
    }
}
