//! The Pages tab: each Page the contacts belong to, with where it is (its country decides
//! which routes exist for it), its name, its username for m.me links and its time zone.

use egui::RichText;

use crate::Engine;
use crate::gui::command::Command;
use crate::gui::state::{AppState, PageDraft};
use crate::i18n::{Lang, fold, format_count};
use crate::policy::region::all_countries;

/// Draws the Pages tab.
pub fn pages_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, commands: &mut Vec<Command>) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    ui.heading(t("gui-pages-title"));
    ui.label(RichText::new(t("gui-pages-intro")).weak());
    ui.add_space(6.0);
    if state.pages.is_empty() {
        ui.label(t("gui-pages-none"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("pages")
        .show(ui, |ui| {
            egui::Grid::new("pages-grid")
                .num_columns(7)
                .striped(true)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    // Each field is named by its column's header, for screen readers and tests.
                    let headers: Vec<egui::Id> = [
                        "gui-pages-id",
                        "gui-pages-name",
                        "gui-pages-username",
                        "gui-pages-country",
                        "gui-pages-tz",
                        "gui-pages-contacts",
                    ]
                    .iter()
                    .map(|k| ui.label(RichText::new(t(k)).strong()).id)
                    .collect();
                    ui.label("");
                    ui.end_row();
                    for page in &state.pages {
                        let saved = PageDraft::of(page);
                        let draft = state.page_drafts.get(&page.id).unwrap_or(&saved);
                        let mut edit = draft.clone();
                        ui.monospace(&page.id);
                        ui.add_sized(
                            [170.0, 20.0],
                            egui::TextEdit::singleline(&mut edit.name)
                                .hint_text(t("gui-pages-name")),
                        )
                        .labelled_by(headers[1]);
                        ui.add_sized(
                            [130.0, 20.0],
                            egui::TextEdit::singleline(&mut edit.username).hint_text("m.me/…"),
                        )
                        .labelled_by(headers[2]);
                        country_picker_ui(ui, &page.id, &mut edit, lang, &t)
                            .labelled_by(headers[3]);
                        ui.add_sized(
                            [140.0, 20.0],
                            egui::TextEdit::singleline(&mut edit.tz).hint_text("Europe/Rome"),
                        )
                        .labelled_by(headers[4]);
                        ui.label(format_count(lang, page.contacts));
                        let changed = !edit.same_facts(&saved);
                        if ui
                            .add_enabled(changed, egui::Button::new(t("gui-pages-save")))
                            .clicked()
                        {
                            commands.push(Command::SavePage(page.id.clone()));
                        }
                        ui.end_row();
                        if let Some(err) = &draft.error {
                            ui.label("");
                            ui.colored_label(ui.visuals().error_fg_color, err);
                            ui.end_row();
                        }
                        if &edit != draft {
                            commands.push(Command::EditPage(page.id.clone(), edit));
                        }
                    }
                });
        });
}

/// A combo box of every country, with a search field, labelled in the user's language.
fn country_picker_ui(
    ui: &mut egui::Ui,
    id: &str,
    edit: &mut PageDraft,
    lang: Lang,
    t: &dyn Fn(&str) -> String,
) -> egui::Response {
    let shown = edit.country.map_or_else(
        || t("gui-pages-country-unset"),
        |c| format!("{} ({c})", c.name(lang)),
    );
    egui::ComboBox::from_id_salt(("page-country", id))
        .selected_text(shown)
        .width(170.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let search = ui.add(
                egui::TextEdit::singleline(&mut edit.search)
                    .hint_text(t("gui-pages-country-search"))
                    .desired_width(150.0),
            );
            // Typing goes to the search as soon as the list opens.
            if !search.has_focus() {
                search.request_focus();
            }
            let needle = fold(&edit.search);
            if ui
                .selectable_label(edit.country.is_none(), t("gui-pages-country-unset"))
                .clicked()
            {
                edit.country = None;
            }
            let mut countries = all_countries();
            countries.sort_by_key(|c| fold(c.name(lang)));
            for c in countries {
                let name = c.name(lang);
                if !needle.is_empty()
                    && !fold(name).contains(&needle)
                    && !c.code().eq_ignore_ascii_case(&needle)
                {
                    continue;
                }
                if ui
                    .selectable_label(edit.country == Some(c), format!("{name} ({c})"))
                    .clicked()
                {
                    edit.country = Some(c);
                    edit.search.clear();
                }
            }
        })
        .response
}
