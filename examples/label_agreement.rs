//! How far the test split's labels can be trusted, and how the checker does where they are
//! clear-cut.
//!
//! ```text
//! cargo run --release --example label_agreement
//! cargo run --release --example label_agreement -- GOLD.jsonl FIRST.jsonl SECOND.jsonl
//! ```
//!
//! Without files it reads the test split (`tests/data/unseen.jsonl`) and its two blind
//! relabellings (`tests/data/relabel/unseen-a.jsonl`, `unseen-b.jsonl`: one object per line
//! with `id`, `label`, `purpose` and `suggested_tag`). It prints each relabelling scored
//! against the labels as `ventana eval` scores the checker; how often the two relabellings
//! agree (Cohen's kappa); and the built-in checker's scores on the messages both
//! relabellings label as the split does, and on the others.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use serde::Deserialize;
use ventana::Engine;
use ventana::compliance::eval::{self, Evaluation, Labelled, Verdict};

const DEFAULT_FILES: [&str; 3] = [
    "tests/data/unseen.jsonl",
    "tests/data/relabel/unseen-a.jsonl",
    "tests/data/relabel/unseen-b.jsonl",
];

/// One message labelled again.
#[derive(Deserialize)]
struct Relabel {
    id: String,
    label: String,
    suggested_tag: Option<String>,
}

impl Relabel {
    fn promotional(&self) -> bool {
        self.label == "promotional"
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("label_agreement: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&str> = match args.len() {
        0 => DEFAULT_FILES.to_vec(),
        3 => args.iter().map(String::as_str).collect(),
        _ => return Err("give no files, or the labelled corpus and two relabellings".into()),
    };
    let read = |f: &str| std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"));
    let gold = eval::parse_corpus(&read(files[0])?).map_err(|e| format!("{}: {e}", files[0]))?;
    let a = relabelling(files[1], &read(files[1])?, &gold)?;
    let b = relabelling(files[2], &read(files[2])?, &gold)?;

    for (name, r) in [(files[1], &a), (files[2], &b)] {
        let ev = eval::score(&gold, |m| {
            let l = &r[&m.id];
            Verdict {
                promotional: l.promotional(),
                tag: tag_of(l).map(str::to_string),
                ..Verdict::default()
            }
        });
        print_scores(&format!("{name}, scored against {}", files[0]), &ev);
    }

    let pairs: Vec<(&Relabel, &Relabel)> = gold.iter().map(|m| (&a[&m.id], &b[&m.id])).collect();
    let (agree, kappa) = cohen_kappa(
        pairs
            .iter()
            .map(|(x, y)| (x.promotional(), y.promotional())),
    );
    let tags = pairs.iter().filter(|(x, y)| tag_of(x) == tag_of(y)).count();
    println!(
        "The two relabellings: same verdict on {:.1} % of {} messages (Cohen's kappa {kappa:.3}), \
         same tag on {:.1} %.",
        100.0 * agree,
        pairs.len(),
        100.0 * tags as f64 / pairs.len() as f64
    );
    let against = gold
        .iter()
        .zip(&pairs)
        .filter(|(m, (x, y))| {
            x.promotional() == y.promotional() && x.promotional() != m.promotional()
        })
        .count();
    println!("Both relabellings give the other verdict on {against} messages.\n");

    let engine = Engine::embedded().map_err(|e| e.to_string())?;
    let at = eval::tags_in_force();
    let (clear, disputed): (Vec<Labelled>, Vec<Labelled>) = gold.iter().cloned().partition(|m| {
        let truth = m.promotional();
        let (x, y) = (&a[&m.id], &b[&m.id]);
        x.promotional() == truth && y.promotional() == truth
    });
    print_scores(
        "The checker on every message",
        &eval::evaluate(&engine, &gold, at),
    );
    print_scores(
        "The checker where both relabellings give the split's verdict",
        &eval::evaluate(&engine, &clear, at),
    );
    print_scores(
        "The checker on the other messages",
        &eval::evaluate(&engine, &disputed, at),
    );
    Ok(())
}

/// The relabelling of every message of the corpus, by id; an id missing, repeated or
/// unknown is an error.
fn relabelling(
    file: &str,
    text: &str,
    gold: &[Labelled],
) -> Result<HashMap<String, Relabel>, String> {
    let ids: HashSet<&str> = gold.iter().map(|m| m.id.as_str()).collect();
    let mut by_id = HashMap::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = || format!("{file}, line {}", i + 1);
        let r: Relabel = serde_json::from_str(line).map_err(|e| format!("{}: {e}", at()))?;
        if !ids.contains(r.id.as_str()) {
            return Err(format!("{}: no message has the id {}", at(), r.id));
        }
        if let Some(r) = by_id.insert(r.id.clone(), r) {
            return Err(format!("{}: a second label for {}", at(), r.id));
        }
    }
    match gold.iter().find(|m| !by_id.contains_key(&m.id)) {
        Some(m) => Err(format!("{file}: the message {} is not labelled", m.id)),
        None => Ok(by_id),
    }
}

/// The tag a relabelling gives: none for a promotional message.
fn tag_of(r: &Relabel) -> Option<&str> {
    r.suggested_tag.as_deref().filter(|_| !r.promotional())
}

/// The share of pairs that agree, and Cohen's kappa: that agreement beyond what two
/// judges calling "promotional" at their own rates would reach by chance.
fn cohen_kappa(pairs: impl Iterator<Item = (bool, bool)>) -> (f64, f64) {
    let (mut n, mut same, mut x_yes, mut y_yes) = (0.0, 0.0, 0.0, 0.0);
    for (x, y) in pairs {
        n += 1.0;
        same += f64::from(u8::from(x == y));
        x_yes += f64::from(u8::from(x));
        y_yes += f64::from(u8::from(y));
    }
    if n == 0.0 {
        return (0.0, 0.0);
    }
    let (p, px, py) = (same / n, x_yes / n, y_yes / n);
    let chance = px * py + (1.0 - px) * (1.0 - py);
    let kappa = if chance >= 1.0 {
        1.0
    } else {
        (p - chance) / (1.0 - chance)
    };
    (p, kappa)
}

fn print_scores(title: &str, ev: &Evaluation) {
    println!("{title}:\n{}", ev.table());
}
