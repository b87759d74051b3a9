//! The top bar (database, Import, tabs, language, theme, planning instant) and the status
//! line at the bottom.

use egui::{Id, RichText};

use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::{AppState, ImportStage, Tab};
use crate::i18n::{I18n, Lang, format_count};
use crate::policy::parse_instant;

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new("Ventana").strong());
        let file = state
            .db_path
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        ui.label(RichText::new(file).weak())
            .on_hover_text(state.db_path.display().to_string());
        let importing = !matches!(state.import, ImportStage::Closed);
        if ui
            .add_enabled(!importing, egui::Button::new(t("gui-import")))
            .clicked()
        {
            commands.push(Command::OpenImport);
        }
        ui.separator();
        for (tab, key) in [
            (Tab::Contacts, "gui-tab-contacts"),
            (Tab::Timeline, "gui-tab-timeline"),
            (Tab::Composer, "gui-tab-composer"),
            (Tab::SendList, "gui-tab-sendlist"),
            (Tab::Pages, "gui-tab-pages"),
        ] {
            if ui
                .selectable_label(state.prefs.tab == tab, t(key))
                .clicked()
            {
                commands.push(Command::SetTab(tab));
            }
        }
        ui.separator();
        instant_ui(ui, state, i18n, commands);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dark = state.prefs.dark;
            let label = if dark {
                t("gui-theme-light")
            } else {
                t("gui-theme-dark")
            };
            if ui.button(label).clicked() {
                commands.push(Command::SetDark(!dark));
            }
            let lang_label = ui.label(t("gui-language"));
            egui::ComboBox::from_id_salt("language")
                .selected_text(lang.native_name())
                .show_ui(ui, |ui| {
                    for l in Lang::ALL {
                        if ui.selectable_label(l == lang, l.native_name()).clicked() {
                            commands.push(Command::SetLang(l));
                        }
                    }
                })
                .response
                .labelled_by(lang_label.id);
        });
    });
}

/// The planning instant: an editable field, and "now".
fn instant_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let label = ui.label(i18n.t(lang, "gui-planning-at"));
    let shown = state.now().format("%Y-%m-%d %H:%M").to_string();
    let id = Id::unique("planning-instant");
    // The field keeps what is typed until Enter or focus loss; then it shows the instant.
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(130.0))
        .labelled_by(label.id);
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    if response.lost_focus() {
        let typed = text.trim().replace(' ', "T");
        let typed = if typed.len() == 16 {
            format!("{typed}:00Z")
        } else {
            typed
        };
        match parse_instant(&typed) {
            Ok(t) if text.trim() != shown => commands.push(Command::SetNow(t)),
            Ok(_) => {}
            Err(_) => {
                ui.data_mut(|d| d.remove::<String>(id));
            }
        }
        ui.data_mut(|d| d.remove::<String>(id));
    }
    ui.label("UTC");
    let following = state.fixed_now.is_none();
    if ui
        .add_enabled(!following, egui::Button::new(i18n.t(lang, "gui-now")))
        .on_hover_text(i18n.t(lang, "gui-now-hint"))
        .clicked()
    {
        commands.push(Command::FollowClock);
        ui.data_mut(|d| d.remove::<String>(id));
    }
}

/// The status line: what is loading, the last message, the totals.
pub fn status_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        if state.loading {
            ui.spinner();
            ui.label(i18n.t(lang, "gui-loading"));
        }
        if let Some(k) = state.status_key {
            ui.label(i18n.t(lang, k));
        }
        if let Some(s) = &state.status {
            ui.label(RichText::new(s).color(ui.visuals().error_fg_color));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(d) = &state.data {
                ui.label(i18n.tr(
                    lang,
                    "gui-status-counts",
                    &[
                        ("shown", format_count(lang, d.rows.len() as u64).into()),
                        (
                            "total",
                            format_count(lang, state.contact_total() as u64).into(),
                        ),
                    ],
                ));
            }
            ui.label(format!(
                "{} {}",
                i18n.t(lang, "gui-planning-at"),
                format::instant(lang, state.now().timestamp())
            ));
        });
    });
}
