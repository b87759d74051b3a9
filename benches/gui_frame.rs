//! CPU time of one frame of the app's panels at a million contacts (target: well under
//! 16 ms), rendered headless: layout, painting and tessellation, no GPU. Also the time to
//! filter and sort a million contacts on the worker thread.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use chrono::{Duration, TimeZone, Utc};
use divan::Bencher;

use ventana::Engine;
use ventana::gui::jobs::build_view;
use ventana::gui::panels::{composer, contacts, timeline};
use ventana::gui::state::{AppState, Filters, Prefs, SortBy};
use ventana::plan::{ContactIndex, IndexBuilder, Windows};
use ventana::policy::{Channel, Interaction, InteractionKind};

mod support;

fn main() {
    divan::main();
}

const NOW: i64 = 1_795_341_600; // 2026-11-22T10:00Z

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| Arc::new(Engine::embedded().unwrap()));

fn contacts_1m() -> ContactIndex {
    let mut b = IndexBuilder::default();
    let mut next = support::xorshift();
    for id in 1..=1_000_000i64 {
        let s = next();
        let at = Utc
            .timestamp_opt(NOW - (s % (20 * 86_400)) as i64, 0)
            .unwrap();
        let kind = if s.is_multiple_of(10) {
            InteractionKind::AdClick
        } else {
            InteractionKind::Message
        };
        let page = if id % 2 == 0 {
            "104837261958374"
        } else {
            "209384756102938"
        };
        b.push(
            id,
            Channel::Messenger,
            page,
            Some("it_IT"),
            vec![Interaction { at, kind }],
        );
    }
    b.finish()
}

static STATE: LazyLock<AppState> = LazyLock::new(|| {
    let ix = Arc::new(contacts_1m());
    let now = Utc.timestamp_opt(NOW, 0).single();
    let mut state = AppState::new(PathBuf::from("bench.db"), Prefs::default(), now);
    let windows = Arc::new(Windows::build(&ix, None, &ENGINE.policy));
    state.all = Some((ix.clone(), windows));
    state.data = Some(build_view(
        &ENGINE,
        ix,
        Filters::default(),
        None,
        SortBy::ExpiringSoonest,
        state.now(),
        Duration::hours(2),
    ));
    state.composer.text = "Il tuo ordine #4521 è stato spedito! Usa il codice SCONTO10".into();
    state
});

fn frame(
    ctx: &egui::Context,
    panel: fn(&mut egui::Ui, &AppState, &Engine, &mut Vec<ventana::gui::command::Command>),
) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    let out = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let mut commands = Vec::new();
            panel(ui, &STATE, &ENGINE, &mut commands);
        });
    });
    divan::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

fn bench_panel(
    b: Bencher,
    panel: fn(&mut egui::Ui, &AppState, &Engine, &mut Vec<ventana::gui::command::Command>),
) {
    LazyLock::force(&STATE);
    let ctx = egui::Context::default();
    // Warm up fonts and layout caches, as a running app has them.
    for _ in 0..3 {
        frame(&ctx, panel);
    }
    b.bench_local(|| frame(&ctx, panel));
}

#[divan::bench(sample_count = 40)]
fn timeline_frame_1m(b: Bencher) {
    bench_panel(b, timeline::timeline_ui);
}

#[divan::bench(sample_count = 40)]
fn contacts_frame_1m(b: Bencher) {
    bench_panel(b, contacts::contacts_ui);
}

#[divan::bench(sample_count = 40)]
fn composer_frame_1m(b: Bencher) {
    bench_panel(b, composer::composer_ui);
}

#[divan::bench(sample_count = 5)]
fn filter_and_sort_1m(b: Bencher) {
    let (ix, _) = STATE.all.clone().unwrap();
    b.bench_local(|| {
        build_view(
            &ENGINE,
            ix.clone(),
            Filters {
                state: Some(ventana::policy::WindowState::Open),
                ..Filters::default()
            },
            None,
            SortBy::ExpiringSoonest,
            Utc.timestamp_opt(NOW, 0).unwrap(),
            Duration::hours(2),
        )
    });
}

/// A search keystroke at a million contacts: the folded names searched, then the table's
/// rows filtered and sorted by the matches (the names are read from the database once per
/// load, not per keystroke).
#[divan::bench(sample_count = 10)]
fn search_keystroke_1m(b: Bencher) {
    const FIRST: [&str; 6] = ["Lucía", "Marco", "José", "Chiara", "Niccolò", "Emma"];
    const LAST: [&str; 6] = ["García", "Rossi", "Peña", "Bianchi", "Muñoz", "Smith"];
    let (ix, _) = STATE.all.clone().unwrap();
    let mut names = ventana::store::NameIndex::default();
    let mut next = support::xorshift();
    for &id in &ix.ids {
        let s = next() as usize;
        let full = format!("{} {}", FIRST[s % 6], LAST[s / 6 % 6]);
        names.push(id, &[&full, &format!("{}", 7_000_000_000_000_000 + id)]);
    }
    b.bench_local(|| {
        let ids = names.find("garcia");
        build_view(
            &ENGINE,
            ix.clone(),
            Filters::default(),
            Some(&ids),
            SortBy::ExpiringSoonest,
            Utc.timestamp_opt(NOW, 0).unwrap(),
            Duration::hours(2),
        )
    });
}
