//! The contacts table: every filtered contact with its window state and time left,
//! virtual-scrolled (only the visible rows are drawn or read), expiring soonest first.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::Engine;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::jobs::DEMO_PAGES;
use crate::gui::state::{AppState, SortBy, Tab};
use crate::plan::index::StateEval;
use crate::policy::WindowState;

const ROW_HEIGHT: f32 = 22.0;

/// Draws the contacts tab.
pub fn contacts_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    let Some(data) = &state.data else {
        ui.spinner();
        return;
    };
    ui.horizontal(|ui| {
        let l = ui.label(t("gui-sort"));
        egui::ComboBox::from_id_salt("sort")
            .selected_text(t(sort_key(state.sort)))
            .show_ui(ui, |ui| {
                for s in [
                    SortBy::ExpiringSoonest,
                    SortBy::LastInteraction,
                    SortBy::Page,
                    SortBy::Locale,
                    SortBy::Imported,
                ] {
                    if ui
                        .selectable_label(state.sort == s, t(sort_key(s)))
                        .clicked()
                    {
                        commands.push(Command::SetSort(s));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        ui.label(i18n.tr(
            lang,
            "gui-contacts-shown",
            &[("count", data.rows.len().into())],
        ));
        let demo = data
            .index
            .pages
            .iter()
            .any(|p| DEMO_PAGES.contains(&p.as_str()));
        if demo && ui.button(t("gui-remove-demo")).clicked() {
            commands.push(Command::RemoveDemo);
        }
    });
    // The latest import in a line; the Imports tab has them all, with rejects and undo.
    if let Some(last) = state.imports.first() {
        ui.horizontal_wrapped(|ui| {
            ui.label(i18n.tr(
                lang,
                "gui-last-import",
                &[
                    ("file", format::file_name(&last.meta.file).into()),
                    ("inserted", last.counts.inserted.into()),
                    ("updated", last.counts.updated.into()),
                    ("rejected", last.counts.rejected.into()),
                ],
            ));
            if ui.link(t("gui-imports-all")).clicked() {
                commands.push(Command::SelectImport(last.id));
                commands.push(Command::SetTab(Tab::Imports));
            }
        });
    }
    ui.separator();
    if data.rows.is_empty() {
        ui.label(t("gui-no-match"));
        return;
    }
    let eval = StateEval::new(
        &data.index,
        &engine.policy,
        state.now(),
        state.prefs.horizon(),
    );
    let now = state.now().timestamp();
    let mut missing = Vec::new();
    let width = ui.available_width();
    // A click anywhere on a row selects the contact (text selection would take it).
    ui.style_mut().interaction.selectable_labels = false;
    let mut table = TableBuilder::new(ui)
        .id_salt("contacts-table")
        .striped(true)
        .sense(Sense::click())
        // Shares of the width there is, so that every column shows from 1024 px up.
        .column(Column::initial(width * 0.19).at_least(120.0))
        .column(Column::initial(width * 0.16).at_least(80.0).clip(true))
        .column(Column::initial(width * 0.14).at_least(80.0).clip(true))
        .column(Column::initial(width * 0.14).at_least(60.0).clip(true))
        .column(Column::initial(width * 0.13).at_least(60.0).clip(true))
        .column(Column::remainder().at_least(100.0).clip(true));
    if state.scroll_to_top {
        table = table.vertical_scroll_offset(0.0);
    }
    table
        .header(24.0, |mut h| {
            // A header that sorts is a button; the sort in force is selected.
            for (key, sort) in [
                ("gui-col-window", Some(SortBy::ExpiringSoonest)),
                ("gui-col-name", None),
                ("gui-col-psid", None),
                ("gui-col-page", Some(SortBy::Page)),
                ("gui-col-locale", Some(SortBy::Locale)),
                ("gui-col-last", Some(SortBy::LastInteraction)),
            ] {
                h.col(|ui| match sort {
                    Some(by) => {
                        if ui
                            .selectable_label(state.sort == by, RichText::new(t(key)).strong())
                            .on_hover_text(t(sort_key(by)))
                            .clicked()
                        {
                            commands.push(Command::SetSort(by));
                        }
                    }
                    None => {
                        ui.strong(t(key));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, data.rows.len(), |mut row| {
                let Some(&pos) = data.rows.get(row.index()) else {
                    return;
                };
                let i = pos as usize;
                row.set_selected(state.selected == Some(i));
                let s = eval.state(i);
                let id = data.index.ids[i];
                let details = state.rows_cache.get(&id);
                if details.is_none() {
                    missing.push(pos);
                }
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format::state_name(i18n, lang, s.state))
                                .color(egui::Color32::WHITE)
                                .background_color(format::state_color(s.state)),
                        );
                        let left = match s.state {
                            WindowState::Open | WindowState::Closing => s.closes_at.map(|c| {
                                i18n.tr(
                                    lang,
                                    "gui-closes-in",
                                    &[("time", format::duration(i18n, lang, c - now).into())],
                                )
                            }),
                            WindowState::MaybeOpen => s.maybe_until.map(|c| {
                                i18n.tr(
                                    lang,
                                    "gui-maybe-for",
                                    &[("time", format::duration(i18n, lang, c - now).into())],
                                )
                            }),
                            WindowState::HumanAgentOnly => s.human_until.map(|c| {
                                i18n.tr(
                                    lang,
                                    "gui-agent-for",
                                    &[("time", format::duration(i18n, lang, c - now).into())],
                                )
                            }),
                            _ => None,
                        };
                        if let Some(left) = left {
                            ui.label(RichText::new(left).small());
                        }
                    });
                });
                row.col(|ui| {
                    ui.label(details.map_or("…", |d| d.name.as_str()));
                });
                row.col(|ui| {
                    ui.monospace(details.map_or("…", |d| d.key.psid.as_str()));
                });
                row.col(|ui| {
                    let page = data
                        .index
                        .pages
                        .get(data.index.page[i] as usize)
                        .map_or("", String::as_str);
                    ui.label(format!(
                        "{} · {}",
                        format::channel(data.index.channel[i]),
                        state.page_name(page)
                    ))
                    .on_hover_text(page);
                });
                row.col(|ui| {
                    let locale = data
                        .index
                        .locales
                        .get(data.index.locale[i] as usize)
                        .map_or("", String::as_str);
                    // Where the person is, and what said so: it decides the routes.
                    let (country, source) = data.index.recipient_country(i);
                    let source = i18n.t(lang, &format!("gui-country-from-{}", source.as_str()));
                    let shown = match country {
                        Some(c) => format!("{locale} · {} ({source})", c.code()),
                        None => format!("{locale} · {source}"),
                    };
                    let place = country.map_or_else(String::new, |c| c.name(lang).to_string());
                    ui.label(shown.trim_start_matches(" · "))
                        .on_hover_text(place);
                });
                row.col(|ui| {
                    match data.index.latest(i) {
                        Some(x) => ui.add(
                            egui::Label::new(format!(
                                "{} ({})",
                                format::instant(lang, state.zone(), x.at.timestamp()),
                                format::kind(i18n, lang, x.kind)
                            ))
                            .truncate(),
                        ),
                        None => ui.label(t("gui-unknown-time")),
                    };
                });
                if row.response().clicked() {
                    commands.push(Command::Select(Some(i)));
                }
            });
        });
    if !missing.is_empty() {
        commands.push(Command::FetchRows(missing));
    }
}

fn sort_key(s: SortBy) -> &'static str {
    match s {
        SortBy::ExpiringSoonest => "gui-sort-expiring",
        SortBy::LastInteraction => "gui-sort-last",
        SortBy::Imported => "gui-sort-imported",
        SortBy::Page => "gui-sort-page",
        SortBy::Locale => "gui-sort-locale",
    }
}
