//! The first screen of an empty database: what Ventana is for, and two ways to start — the
//! demo export, or the user's own file.

use egui::RichText;

use crate::gui::command::Command;
use crate::gui::state::AppState;
use crate::i18n::I18n;

/// Draws the welcome screen.
pub fn welcome_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        ui.heading(RichText::new(t("gui-welcome-title")).size(26.0));
        ui.add_space(12.0);
        ui.label(t("gui-welcome-text"));
        ui.add_space(24.0);
        if state.loading {
            ui.spinner();
            return;
        }
        if ui
            .button(RichText::new(t("gui-welcome-demo")).size(16.0))
            .clicked()
        {
            commands.push(Command::LoadDemo);
        }
        ui.add_space(8.0);
        if ui
            .button(RichText::new(t("gui-welcome-import")).size(16.0))
            .clicked()
        {
            commands.push(Command::OpenImport);
        }
        ui.add_space(16.0);
        ui.label(RichText::new(t("gui-welcome-drop")).small());
    });
}
