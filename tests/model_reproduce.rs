//! The shipped model is what the trainer makes of the repository's data, byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;
use ventana::compliance::model::{DataFile, Model, sha256_hex};
use ventana::compliance::train::{Settings, parse_examples, train};

#[test]
fn the_trainer_reproduces_the_shipped_weights_bit_for_bit() {
    let shipped = Model::embedded().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut examples = Vec::new();
    let mut files = Vec::new();
    for f in &shipped.meta.trained_on {
        let bytes = std::fs::read(format!("{root}/{}", f.path)).unwrap();
        assert_eq!(
            sha256_hex(&bytes),
            f.sha256,
            "{} changed since the model was trained: rerun `cargo run --release --example train_model`",
            f.path
        );
        let lines = parse_examples(std::str::from_utf8(&bytes).unwrap()).unwrap();
        files.push(DataFile {
            path: f.path.clone(),
            lines: lines.len(),
            sha256: f.sha256.clone(),
        });
        examples.extend(lines);
    }
    // The test split is never trained on.
    assert!(files.iter().all(|f| !f.path.contains("unseen")));
    let engine = Engine::embedded().unwrap();
    let admissible = |m: &Model| engine.failing_policy_examples(Some(m)).0.is_empty();
    let trained = train(
        &examples,
        files,
        &engine.lexicons,
        &Settings::default(),
        &admissible,
    );
    let weights = std::fs::read(format!("{root}/assets/model/weights.bin")).unwrap();
    let meta = std::fs::read_to_string(format!("{root}/assets/model/model.toml")).unwrap();
    assert!(
        trained.model.weights_bytes() == weights,
        "weights.bin differs"
    );
    assert_eq!(trained.meta_toml, meta);
}
