//! Past imports: each with its report, its rejected rows (with reasons, saved as CSV on
//! request) and, for the latest that stands, an undo.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::Engine;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::AppState;
use crate::gui::widgets::pick_list::pick_list;
use crate::import::record::RejectReason;
use crate::store::ImportSummary;

const ROW_HEIGHT: f32 = 22.0;

/// Draws the Imports tab.
pub fn imports_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    if state.imports.is_empty() {
        ui.add_space(24.0);
        ui.label(t("gui-imports-none"));
        return;
    }
    // The newest import is shown until the user picks another.
    let selected = state.imports_tab.selected.or_else(|| {
        let first = state.imports.first().map(|i| i.id);
        commands.extend(first.map(Command::SelectImport));
        first
    });
    let items = state.imports.iter().map(|imp| {
        let mut text = format!(
            "{}\n{}",
            format::file_name(&imp.meta.file),
            imp.finished_at
                .map_or_else(String::new, |at| format::instant(lang, state.zone(), at))
        );
        if imp.undone_at.is_some() {
            text.push_str(&format!(" · {}", t("gui-import-undone-tag")));
        }
        (imp.id, text)
    });
    if let Some(id) = pick_list(ui, "import-list", items, selected) {
        commands.push(Command::SelectImport(id));
    }
    let Some(imp) = state.imports.iter().find(|i| Some(i.id) == selected) else {
        return;
    };
    report_ui(ui, state, engine, imp, commands);
    ui.separator();
    rejects_ui(ui, state, engine, imp, commands);
}

/// What the import did, and its undo.
fn report_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    imp: &ImportSummary,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let when = |at: i64| format::instant(lang, state.zone(), at);
    ui.heading(format::file_name(&imp.meta.file));
    ui.label(RichText::new(&imp.meta.file).weak());
    let c = &imp.counts;
    ui.label(i18n.tr(
        lang,
        "gui-report-counts",
        &[
            ("read", c.rows_read.into()),
            ("inserted", c.inserted.into()),
            ("updated", c.updated.into()),
            ("unchanged", c.unchanged.into()),
            ("rejected", c.rejected.into()),
        ],
    ));
    ui.label(i18n.tr(
        lang,
        "gui-import-facts",
        &[
            ("format", imp.meta.format.as_str().into()),
            ("encoding", imp.meta.encoding.as_str().into()),
            ("at", imp.finished_at.map_or_else(String::new, when).into()),
        ],
    ));
    if let Some(at) = imp.undone_at {
        ui.label(
            RichText::new(i18n.tr(lang, "gui-import-undone-at", &[("at", when(at).into())]))
                .color(ui.visuals().warn_fg_color),
        );
    } else {
        // Only the latest import that stands can be undone: a later one may build on it.
        let later = state
            .imports
            .iter()
            .find(|i| i.id > imp.id && i.undone_at.is_none());
        match later {
            Some(later) => {
                ui.label(
                    RichText::new(i18n.tr(
                        lang,
                        "store-error-undo-later",
                        &[
                            ("id", imp.id.to_string().into()),
                            ("later", later.id.to_string().into()),
                        ],
                    ))
                    .weak(),
                );
            }
            None if state.imports_tab.confirm_undo => {
                ui.colored_label(ui.visuals().warn_fg_color, t("gui-import-undo-sure"));
                ui.horizontal(|ui| {
                    if ui.button(t("gui-import-undo-yes")).clicked() {
                        commands.push(Command::UndoImport(imp.id));
                    }
                    if ui.button(t("gui-cancel")).clicked() {
                        commands.push(Command::AskUndoImport(false));
                    }
                });
            }
            None => {
                if ui
                    .add_enabled(!state.loading, egui::Button::new(t("gui-import-undo")))
                    .on_hover_text(t("gui-import-undo-hint"))
                    .clicked()
                {
                    commands.push(Command::AskUndoImport(true));
                }
            }
        }
    }
    match &state.imports_tab.message {
        Some(Ok(m)) => {
            ui.label(RichText::new(m).color(format::state_color(crate::policy::WindowState::Open)));
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        None => {}
    }
}

/// The rejected rows with their reasons, and a way to save them.
fn rejects_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    imp: &ImportSummary,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t("gui-report-rejects")).strong());
        if imp.counts.rejected > 0 && ui.button(t("gui-rejects-save")).clicked() {
            commands.push(Command::SaveRejects(imp.id));
        }
    });
    let rows = match &state.imports_tab.rejects {
        Some((id, Ok(rows))) if *id == imp.id => rows,
        Some((id, Err(e))) if *id == imp.id => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
        _ => {
            ui.spinner();
            return;
        }
    };
    if rows.is_empty() {
        ui.label(RichText::new(t("gui-rejects-none")).weak());
        return;
    }
    TableBuilder::new(ui)
        .id_salt("import-rejects")
        .striped(true)
        .sense(Sense::hover())
        .column(Column::initial(70.0))
        .column(Column::initial(420.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(24.0, |mut h| {
            for key in ["cli-import-line", "gui-rejects-reason", "gui-rejects-row"] {
                h.col(|ui| {
                    ui.strong(t(key));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    ui.label(r.line.to_string());
                });
                let reason = RejectReason::read_stored(&r.reason, lang);
                row.col(|ui| {
                    ui.label(&reason).on_hover_text(&reason);
                });
                row.col(|ui| {
                    ui.label(RichText::new(&r.raw).monospace())
                        .on_hover_text(&r.raw);
                });
            });
        });
}
