//! Every pass/fail example of every rule of every channel, run through the real checker.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;
use ventana::policy::Expect;

#[test]
fn every_example_of_every_rule_holds() {
    let engine = Engine::embedded().unwrap();
    for cp in engine.policy.channels() {
        for rule in &cp.rules {
            let passes = rule
                .examples
                .iter()
                .filter(|e| e.expect == Expect::Pass)
                .count();
            assert!(
                passes >= 1 && passes < rule.examples.len(),
                "{}: rule {} needs at least one pass and one fail example",
                cp.channel,
                rule.id
            );
        }
    }
    let (failures, n) = engine.failing_policy_examples(engine.model.as_ref());
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
