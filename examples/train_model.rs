//! Trains the learned score and writes `model.toml` and `weights.bin`.
//!
//! ```text
//! cargo run --release --example train_model              # writes assets/model/
//! cargo run --release --example train_model -- --out DIR [FILE.jsonl ...]
//! cargo run --release --example train_model -- --version 2026.12-5 --out DIR \
//!     tests/data/messages.jsonl tests/data/messages-5.jsonl tests/data/synthetic.jsonl \
//!     tests/data/synthetic-4.jsonl
//! ```
//!
//! Without files it trains on `tests/data/messages.jsonl` and `tests/data/synthetic.jsonl`,
//! never on the test split (`tests/data/unseen.jsonl`). The same files give the same bytes. The
//! threshold is the best out of fold at which every example of the policy data holds.

use std::path::PathBuf;
use std::process::ExitCode;

use ventana::Engine;
use ventana::compliance::model::{DataFile, META_FILE, Model, WEIGHTS_FILE, sha256_hex};
use ventana::compliance::train::{Settings, parse_examples, train};

/// The training files, relative to the repository.
const DEFAULT_DATA: [&str; 2] = ["tests/data/messages.jsonl", "tests/data/synthetic.jsonl"];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_model: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut out = PathBuf::from("assets/model");
    let mut files: Vec<String> = Vec::new();
    let mut settings = Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = value("--out")?.into(),
            "--version" => settings.version = value("--version")?,
            "--epochs" => settings.epochs = number(&value("--epochs")?)?,
            "--rate" => settings.rate = number(&value("--rate")?)?,
            "--l2" => settings.l2 = number(&value("--l2")?)?,
            "--bits" => settings.bits = number(&value("--bits")?)?,
            "--synthetic-weight" => {
                settings.synthetic_weight = number(&value("--synthetic-weight")?)?;
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        files = DEFAULT_DATA.iter().map(|s| s.to_string()).collect();
    }
    let (examples, recorded) = ventana_data(&files)?;
    let engine = Engine::embedded().map_err(|e| e.to_string())?;
    let admissible = |m: &Model| engine.failing_policy_examples(Some(m)).0.is_empty();
    let trained = train(
        &examples,
        recorded,
        &engine.lexicons,
        &settings,
        &admissible,
    );
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(WEIGHTS_FILE, &trained.model.weights_bytes())?;
    write(META_FILE, trained.meta_toml.as_bytes())?;
    print!("{}", trained.summary);
    println!("wrote {}", out.display());
    Ok(())
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("{s} is not a number"))
}

/// Reads the training files and records their digests.
fn ventana_data(
    files: &[String],
) -> Result<(Vec<ventana::compliance::train::Example>, Vec<DataFile>), String> {
    let mut examples = Vec::new();
    let mut recorded = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        let text = String::from_utf8(bytes.clone()).map_err(|_| format!("{f}: not UTF-8"))?;
        let lines = parse_examples(&text).map_err(|e| format!("{f}: {e}"))?;
        recorded.push(DataFile {
            path: f.clone(),
            lines: lines.len(),
            sha256: sha256_hex(&bytes),
        });
        examples.extend(lines);
    }
    Ok((examples, recorded))
}
