//! The import dialog: pick a file (desktop dialog, a typed path, or a file dropped on the
//! window), see how it will be read — encoding, delimiter, time formats, the first rows, the
//! column mapping as combo boxes, the zone of naive times — then import it with a progress
//! bar and Cancel, and read the report.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::panels::zone_picker::{Pick, zone_picker_ui};
use crate::gui::state::{AppState, ImportSetup, ImportStage};
use crate::i18n::{I18n, Lang};
use crate::import::mapping::Field;
use crate::import::time::DateOrder;
use crate::import::{ImportReport, Preview};
use crate::policy::Channel;

/// Draws the dialog when it is open.
pub fn import_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    if matches!(state.import, ImportStage::Closed) {
        return;
    }
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    let modal = egui::Modal::new(egui::Id::unique("import-dialog")).show(ui.ctx(), |ui| {
        ui.set_min_width(720.0);
        ui.set_max_width(ui.ctx().content_rect().width() - 80.0);
        ui.heading(t("gui-import-title"));
        match &state.import {
            ImportStage::Closed => {}
            ImportStage::Choose { path, message } => {
                choose_ui(ui, path, message.as_deref(), i18n, lang, commands);
            }
            ImportStage::Previewing { path } => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("{} {}", t("gui-import-reading"), path.display()));
                });
            }
            ImportStage::Preview(setup) => preview_ui(ui, state, setup, i18n, commands),
            ImportStage::Running { file, progress, .. } => {
                ui.label(file);
                let fraction = if progress.total > 0 {
                    progress.bytes as f32 / progress.total as f32
                } else {
                    0.0
                };
                ui.add(egui::ProgressBar::new(fraction).show_percentage());
                ui.label(i18n.tr(
                    lang,
                    "gui-import-progress",
                    &[("rows", progress.rows.into())],
                ));
                if ui.button(t("gui-cancel")).clicked() {
                    commands.push(Command::CancelImport);
                }
            }
            ImportStage::Done(report) => {
                report_ui(ui, report, i18n, lang);
                if ui.button(t("gui-close")).clicked() {
                    commands.push(Command::CloseImport);
                }
            }
            ImportStage::Failed(e) => {
                ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                ui.horizontal(|ui| {
                    if ui.button(t("gui-import-again")).clicked() {
                        commands.push(Command::OpenImport);
                    }
                    if ui.button(t("gui-close")).clicked() {
                        commands.push(Command::CloseImport);
                    }
                });
            }
        }
    });
    let running = matches!(state.import, ImportStage::Running { .. });
    if modal.should_close() && !running {
        commands.push(Command::CloseImport);
    }
}

fn choose_ui(
    ui: &mut egui::Ui,
    path: &str,
    message: Option<&str>,
    i18n: &I18n,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let t = |k: &str| i18n.t(lang, k);
    ui.label(t("gui-import-intro"));
    if ui.button(t("gui-import-choose")).clicked() {
        commands.push(Command::PickFile);
    }
    ui.horizontal(|ui| {
        let l = ui.label(t("gui-import-path"));
        let mut p = path.to_string();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut p)
                    .desired_width(420.0)
                    .hint_text("/home/…/export.csv"),
            )
            .labelled_by(l.id);
        if r.changed() {
            commands.push(Command::SetImportPath(p.clone()));
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(t("gui-import-open")).clicked() || enter) && !p.trim().is_empty() {
            commands.push(Command::PreviewFile(p.trim().into()));
        }
    });
    ui.label(RichText::new(t("gui-import-drop")).small());
    if let Some(m) = message {
        ui.label(RichText::new(m).color(ui.visuals().warn_fg_color));
    }
    if ui.button(t("gui-close")).clicked() {
        commands.push(Command::CloseImport);
    }
}

fn preview_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    s: &ImportSetup,
    i18n: &I18n,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    let p = &s.preview;
    egui::Grid::new("import-facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(t("gui-import-file"));
            ui.label(format!(
                "{} ({:.1} MB)",
                p.file,
                p.size as f64 / 1_048_576.0
            ));
            ui.end_row();
            ui.label(t("gui-import-encoding"));
            ui.label(format!("{} · {}", p.encoding, p.format));
            ui.end_row();
            if let Some(d) = &p.delimiter {
                ui.label(t("gui-import-delimiter"));
                ui.label(if d == "\t" {
                    "tab".to_string()
                } else {
                    format!("'{d}'")
                });
                ui.end_row();
            }
            for tc in &p.times {
                ui.label(format!("{} ({})", tc.column, tc.field));
                ui.label(
                    tc.format
                        .clone()
                        .unwrap_or_else(|| t("gui-import-no-format")),
                );
                ui.end_row();
            }
        });
    for w in &p.warnings {
        ui.label(RichText::new(format!("! {w}")).color(ui.visuals().warn_fg_color));
    }
    // The demo's contacts would sit beside the user's own: ask before mixing them.
    let demo_loaded = state.all.as_ref().is_some_and(|(ix, _)| {
        ix.pages
            .iter()
            .any(|p| crate::gui::jobs::DEMO_PAGES.contains(&p.as_str()))
    });
    if demo_loaded {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t("gui-import-demo-loaded")).color(ui.visuals().warn_fg_color));
            if ui.button(t("gui-remove-demo")).clicked() {
                commands.push(Command::RemoveDemo);
            }
        });
    }
    ui.separator();
    ui.horizontal(|ui| {
        let l = ui.label(t("gui-import-zone"));
        let current = crate::import::time::parse_zone(&s.zone).unwrap_or(state.zone());
        if let Some(Pick::Zone(z)) = zone_picker_ui(
            ui,
            "import",
            l.id,
            current,
            state.now(),
            None,
            &t("gui-zone-search"),
        ) {
            commands.push(Command::SetImportZone(z.name().to_string()));
        }
        let l = ui.label(t("gui-channel"));
        egui::ComboBox::from_id_salt("import-channel")
            .selected_text(format::channel(s.channel))
            .show_ui(ui, |ui| {
                for c in Channel::ALL {
                    if ui
                        .selectable_label(c == s.channel, format::channel(c))
                        .clicked()
                    {
                        commands.push(Command::SetImportChannel(c));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(t("gui-import-page"));
        let mut page = s.page_id.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut page).desired_width(150.0))
            .labelled_by(l.id)
            .changed()
        {
            commands.push(Command::SetImportPage(page));
        }
        let l = ui.label(t("gui-import-date-order"));
        let choices = [
            (None, "gui-date-order-detect"),
            (Some(DateOrder::Dmy), "gui-date-order-dmy"),
            (Some(DateOrder::Mdy), "gui-date-order-mdy"),
        ];
        let current = choices
            .iter()
            .find(|(o, _)| *o == s.date_order)
            .map_or("gui-date-order-detect", |(_, k)| k);
        egui::ComboBox::from_id_salt("import-date-order")
            .selected_text(t(current))
            .show_ui(ui, |ui| {
                for (order, key) in choices {
                    if ui.selectable_label(order == s.date_order, t(key)).clicked() {
                        commands.push(Command::SetImportDateOrder(order));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    ui.label(RichText::new(t("gui-import-mapping")).strong());
    let none = t("gui-none");
    egui::Grid::new("import-mapping")
        .num_columns(4)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (k, field) in Field::ALL.iter().enumerate() {
                let l = ui.label(i18n.t(lang, &format!("gui-field-{}", field.as_str())));
                let current = s.mapping.get(field.as_str()).cloned().unwrap_or_default();
                egui::ComboBox::from_id_salt(("map", field.as_str()))
                    .selected_text(if current.is_empty() {
                        none.clone()
                    } else {
                        current.clone()
                    })
                    .width(170.0)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_empty(), &none).clicked() {
                            commands
                                .push(Command::SetMapping(field.as_str().into(), String::new()));
                        }
                        for h in &p.headers {
                            if ui.selectable_label(*h == current, h).clicked() {
                                commands
                                    .push(Command::SetMapping(field.as_str().into(), h.clone()));
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if k % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    ui.label(RichText::new(t("gui-import-first-rows")).strong());
    egui::ScrollArea::horizontal()
        .id_salt("import-rows")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("import-rows-table")
                .striped(true)
                .vscroll(false)
                .resizable(true);
            for c in 0..p.headers.len().max(1) {
                table = table.column(Column::initial(preview_width(p, c)).clip(true));
            }
            table
                .header(20.0, |mut h| {
                    for head in &p.headers {
                        h.col(|ui| {
                            ui.strong(head);
                        });
                    }
                })
                .body(|mut body| {
                    for row in p.rows.iter().take(8) {
                        body.row(18.0, |mut r| {
                            for cell in row {
                                r.col(|ui| {
                                    ui.label(cell);
                                });
                            }
                        });
                    }
                });
        });
    for e in s.error.iter().chain(&p.blocker) {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    // What the import would do, from a run over the whole file that wrote nothing.
    match &s.dry {
        Some(dry) if s.error.is_none() => {
            ui.label(RichText::new(t("gui-import-would")).strong());
            counts_and_rejects(ui, dry, i18n, lang, 5);
        }
        _ if p.size > crate::gui::jobs::DRY_RUN_MAX_BYTES => {
            ui.label(RichText::new(t("gui-import-counts-later")).weak());
        }
        _ => {}
    }
    let ready = s.error.is_none() && p.blocker.is_none();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new(t("gui-import-start")))
            .clicked()
        {
            commands.push(Command::StartImport);
        }
        if ui.button(t("gui-cancel")).clicked() {
            commands.push(Command::CloseImport);
        }
    });
}

fn report_ui(ui: &mut egui::Ui, r: &ImportReport, i18n: &I18n, lang: Lang) {
    ui.label(RichText::new(&r.file).strong());
    counts_and_rejects(ui, r, i18n, lang, usize::MAX);
    for w in &r.warnings {
        ui.label(RichText::new(format!("! {w}")).color(ui.visuals().warn_fg_color));
    }
}

/// What an import did (or, dry, would do): counts, repeated rows and the first `max`
/// rejected rows with their reasons.
fn counts_and_rejects(ui: &mut egui::Ui, r: &ImportReport, i18n: &I18n, lang: Lang, max: usize) {
    let t = |k: &str| i18n.t(lang, k);
    ui.label(i18n.tr(
        lang,
        "gui-report-counts",
        &[
            ("read", r.rows_read.into()),
            ("inserted", r.inserted.into()),
            ("updated", r.updated.into()),
            ("unchanged", r.unchanged.into()),
            ("rejected", r.rejected.into()),
        ],
    ));
    if r.duplicates > 0 {
        ui.label(i18n.tr(
            lang,
            "cli-import-repeated",
            &[("count", r.duplicates.into())],
        ));
    }
    if r.rejects.is_empty() {
        return;
    }
    ui.label(RichText::new(t("gui-report-rejects")).strong());
    egui::ScrollArea::vertical()
        .id_salt(("rejects", r.dry_run))
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new(("rejects-grid", r.dry_run))
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for j in r.rejects.iter().take(max) {
                        ui.label(format!("{} {}", t("cli-import-line"), j.line));
                        ui.label(&j.reason);
                        ui.end_row();
                    }
                });
        });
    let more = r.rejected.saturating_sub(r.rejects.len().min(max) as u64);
    if more > 0 {
        ui.label(i18n.tr(lang, "gui-import-more-rejects", &[("count", more.into())]));
    }
}

/// A starting width for preview column `c` that fits its header and sample cells, within
/// reason: a long free-text column is clipped (and can be widened by dragging).
fn preview_width(p: &Preview, c: usize) -> f32 {
    let chars = std::iter::once(p.headers.get(c))
        .chain(p.rows.iter().map(|r| r.get(c)))
        .flatten()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    (chars as f32 * 7.5 + 12.0).clamp(48.0, 260.0)
}
