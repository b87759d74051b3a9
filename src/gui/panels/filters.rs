//! The left panel: filters on page, channel, locale, window state, last interaction and name,
//! and the counts of the filtered contacts at the planning instant.

use chrono::NaiveDate;
use egui::{Id, RichText};

use crate::Engine;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::{AppState, Filters};
use crate::i18n::{Lang, format_count};
use crate::policy::{Channel, WindowState};

/// Draws the filters.
pub fn filters_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    let Some((ix, _)) = &state.all else {
        return;
    };
    let f = &state.filters;
    let mut next = f.clone();
    ui.heading(t("gui-filters"));
    egui::Grid::new("filters-grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let all = t("gui-all");
            let named = |names: &[String], empty: &str| -> Vec<(u32, String)> {
                (0u32..)
                    .zip(names)
                    .map(|(i, n)| (i, if n.is_empty() { t(empty) } else { n.clone() }))
                    .collect()
            };
            optional_choice(
                ui,
                &t("gui-filter-page"),
                "filter-page",
                &all,
                // Pages by the name set under Pages, else by ID.
                (0u32..)
                    .zip(&ix.pages)
                    .map(|(i, p)| match p.as_str() {
                        "" => (i, t("gui-no-page")),
                        id => (i, state.page_name(id).to_string()),
                    })
                    .collect(),
                &mut next.page,
            );
            optional_choice(
                ui,
                &t("gui-filter-channel"),
                "filter-channel",
                &all,
                Channel::ALL
                    .map(|c| (c, format::channel(c).to_string()))
                    .to_vec(),
                &mut next.channel,
            );
            optional_choice(
                ui,
                &t("gui-filter-locale"),
                "filter-locale",
                &all,
                named(&ix.locales, "gui-none"),
                &mut next.locale,
            );
            optional_choice(
                ui,
                &t("gui-filter-state"),
                "filter-state",
                &all,
                WindowState::ALL
                    .map(|s| (s, format::state_name(i18n, lang, s)))
                    .to_vec(),
                &mut next.state,
            );

            date_field(
                ui,
                (lang, &t("gui-date-hint")),
                &t("gui-filter-from"),
                "filter-from",
                f.last_from,
                &mut next.last_from,
            );
            ui.end_row();
            date_field(
                ui,
                (lang, &t("gui-date-hint")),
                &t("gui-filter-to"),
                "filter-to",
                f.last_to,
                &mut next.last_to,
            );
            ui.end_row();

            let l = ui.label(t("gui-filter-search"));
            let mut search = f.search.clone();
            if ui
                .add(egui::TextEdit::singleline(&mut search).hint_text(t("gui-filter-search-hint")))
                .labelled_by(l.id)
                .changed()
            {
                next.search = search;
            }
            ui.end_row();

            let l = ui.label(t("gui-horizon"));
            let mut h = state.prefs.horizon_hours;
            if ui
                .add(egui::DragValue::new(&mut h).range(1..=72).suffix(" h"))
                .labelled_by(l.id)
                .changed()
            {
                commands.push(Command::SetHorizon(h));
            }
            ui.end_row();
        });
    if next != *f {
        commands.push(Command::SetFilters(next));
    }
    if *f != Filters::default() && ui.button(t("gui-clear-filters")).clicked() {
        commands.push(Command::SetFilters(Filters::default()));
    }
    ui.separator();
    counts_ui(ui, state, engine);
}

/// A date typed as 2026-11-22 or 22/11/2026 and shown as the language writes dates; kept
/// as typed until it parses.
fn date_field(
    ui: &mut egui::Ui,
    (lang, hint): (Lang, &str),
    label: &str,
    id: &str,
    current: Option<NaiveDate>,
    next: &mut Option<NaiveDate>,
) {
    let l = ui.label(label);
    let id = Id::unique(id);
    let shown = current.map_or_else(String::new, |d| crate::i18n::format_date(lang, d));
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or(shown);
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(112.0),
        )
        .labelled_by(l.id);
    if r.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        let s = text.trim();
        if s.is_empty() {
            *next = None;
        } else if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        {
            *next = Some(d);
        }
    }
    if r.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
}

/// Counts of the filtered contacts at the planning instant, as coloured badges.
fn counts_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let Some(data) = &state.data else {
        return;
    };
    let c = if data.built_for.1 == state.now() && data.built_for.3 == state.prefs.horizon() {
        data.counts.clone()
    } else {
        data.windows
            .counts(state.now(), state.prefs.horizon(), &engine.policy)
    };
    ui.label(RichText::new(i18n.t(lang, "gui-counts")).strong());
    for (s, n) in [
        (WindowState::Open, c.open - c.closing),
        (WindowState::Closing, c.closing),
        (WindowState::MaybeOpen, c.maybe_open),
        (WindowState::HumanAgentOnly, c.human_agent_only),
        (WindowState::Closed, c.closed),
        (WindowState::Unknown, c.unknown),
    ] {
        ui.horizontal(|ui| {
            let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.5, format::state_color(s));
            ui.label(format::state_name(i18n, lang, s));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format_count(lang, n));
            });
        });
    }
}

/// A labelled combo box row choosing one of `options`, or none ("All").
fn optional_choice<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id: &str,
    all: &str,
    options: Vec<(T, String)>,
    value: &mut Option<T>,
) {
    let l = ui.label(label);
    let shown = value
        .and_then(|v| options.iter().find(|(o, _)| *o == v))
        .map_or_else(|| all.to_string(), |(_, name)| name.clone());
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for (o, name) in options {
                ui.selectable_value(value, Some(o), name);
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}
