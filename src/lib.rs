//! Ventana: plan Facebook Messenger (and Instagram, WhatsApp) campaigns inside Meta's
//! messaging rules. This crate is the core — policy, compliance checking, import, storage,
//! planning and export — usable without the GUI; the `gui` feature adds the desktop app.

pub mod compliance;
pub mod export;
#[cfg(feature = "gui")]
pub mod gui;
pub mod i18n;
pub mod import;
pub mod plan;
pub mod policy;
pub mod reopen;
pub mod store;

use std::path::Path;

use regex::Regex;

use compliance::{CheckInput, Lexicons, Model, Report};
use i18n::I18n;
use policy::Policy;

/// Everything a check needs, loaded once: the policy, the lexicons and the catalogues.
#[derive(Debug)]
pub struct Engine {
    /// Meta's rules.
    pub policy: Policy,
    /// Cue lexicons.
    pub lexicons: Lexicons,
    /// UI sentences.
    pub i18n: I18n,
    /// The learned score (`None`: the lexicons alone).
    pub model: Option<Model>,
}

/// Why the engine could not start.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A policy file is bad.
    #[error(transparent)]
    Policy(#[from] policy::PolicyError),
    /// A lexicon file is bad.
    #[error(transparent)]
    Lexicon(#[from] compliance::LexiconError),
    /// A catalogue is bad.
    #[error(transparent)]
    I18n(#[from] i18n::I18nError),
    /// The model is bad.
    #[error(transparent)]
    Model(#[from] compliance::ModelError),
}

impl Engine {
    /// The engine with the embedded policy and lexicons.
    pub fn embedded() -> Result<Engine, EngineError> {
        Engine::load(None, None)
    }

    /// The engine with the user's policy and lexicon directories, where given.
    pub fn load(
        policy_dir: Option<&Path>,
        lexicon_dir: Option<&Path>,
    ) -> Result<Engine, EngineError> {
        Ok(Engine {
            policy: match policy_dir {
                Some(dir) => Policy::with_dir(dir)?,
                None => Policy::embedded()?,
            },
            lexicons: match lexicon_dir {
                Some(dir) => Lexicons::with_dir(dir)?,
                None => Lexicons::embedded()?,
            },
            i18n: I18n::new()?,
            model: Some(Model::embedded()?),
        })
    }

    /// Checks one message.
    pub fn check(&self, input: &CheckInput<'_>) -> Report {
        compliance::check(
            input,
            &self.policy,
            &self.lexicons,
            self.model.as_ref(),
            &self.i18n,
        )
    }

    /// Analyses one message with the lexicons and the model.
    pub fn analyze(&self, text: &str) -> compliance::Analysis {
        compliance::analyze(text, &self.lexicons, self.model.as_ref())
    }

    /// The policy data's own pass/fail examples (every rule of every channel) that this engine
    /// gets wrong with `model` as its learned score (the trainer tries its candidates so), each
    /// said in a line for the developer, and how many examples there are.
    pub fn failing_policy_examples(&self, model: Option<&Model>) -> (Vec<String>, usize) {
        let mut failures = Vec::new();
        let mut n = 0;
        for cp in self.policy.channels() {
            for rule in &cp.rules {
                for ex in &rule.examples {
                    n += 1;
                    let facts = compliance::analyze(&ex.text, &self.lexicons, model).facts();
                    let got = policy::example_outcome(cp, rule, &facts, ex);
                    if got != ex.expect {
                        failures.push(format!(
                            "{} / {}: expected {:?}, got {:?} for {:?} at {} ({}); facts {:?}",
                            cp.channel, rule.id, ex.expect, got, ex.text, ex.at, ex.why, facts
                        ));
                    }
                }
            }
        }
        (failures, n)
    }
}

/// Compiles a regex written in the source code. Such patterns are constants covered by the
/// tests, so a failure is a programming error caught before release.
#[allow(clippy::expect_used)]
pub(crate) fn constant_regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant regex pattern compiles")
}
