//! The top bar (database, Import, tabs, language, theme, planning instant) and the status
//! line at the bottom.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use egui::{Id, RichText};

use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::panels::zone_picker::{Pick, zone_picker_ui};
use crate::gui::state::{AppState, ImportStage, Tab};
use crate::i18n::{I18n, Lang};
use crate::policy::parse_instant;

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    ui.horizontal(|ui| {
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
            (Tab::Campaigns, "gui-tab-campaigns"),
            (Tab::Imports, "gui-tab-imports"),
            (Tab::Reopen, "gui-tab-reopen"),
            (Tab::Pages, "gui-tab-pages"),
        ] {
            if ui
                .selectable_label(state.prefs.tab == tab, t(key))
                .clicked()
            {
                commands.push(Command::SetTab(tab));
            }
        }
    });
    // The planning instant and the zone on the left, language and theme on the right: the
    // tabs above keep the whole width (the window may be as narrow as 1024 px).
    ui.horizontal(|ui| {
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
            // Right to left: the box first, so that its label reads before it.
            let combo = egui::ComboBox::from_id_salt("language")
                .selected_text(lang.native_name())
                .show_ui(ui, |ui| {
                    for l in Lang::ALL {
                        if ui.selectable_label(l == lang, l.native_name()).clicked() {
                            commands.push(Command::SetLang(l));
                        }
                    }
                })
                .response;
            let lang_label = ui.label(t("gui-language"));
            combo.labelled_by(lang_label.id);
        });
    });
}

/// The planning instant: an editable field in the display zone, the zone, and "now".
fn instant_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let tz = state.zone();
    let label = ui.label(i18n.t(lang, "gui-planning-at"));
    let local = state.now().with_timezone(&tz);
    let shown = format!(
        "{} {}",
        crate::i18n::format_date(lang, local.date_naive()),
        local.format("%H:%M")
    );
    let id = Id::unique("planning-instant");
    // The field keeps what is typed until Enter or focus loss; then it shows the instant.
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(136.0))
        .labelled_by(label.id)
        .on_hover_text(i18n.t(lang, "gui-planning-format"));
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    if response.lost_focus() {
        if text.trim() != shown
            && let Some(t) = typed_instant(&text, tz)
        {
            commands.push(Command::SetNow(t));
        }
        ui.data_mut(|d| d.remove::<String>(id));
    }
    let zone_label = ui.label(i18n.t(lang, "gui-zone"));
    let machine = i18n.tr(
        lang,
        "gui-zone-machine",
        &[("zone", state.machine_zone.name().into())],
    );
    match zone_picker_ui(
        ui,
        "display",
        zone_label.id,
        tz,
        state.now(),
        Some(&machine),
        &i18n.t(lang, "gui-zone-search"),
    ) {
        Some(Pick::Zone(z)) => commands.push(Command::SetDisplayZone(Some(z.name().into()))),
        Some(Pick::Default) => commands.push(Command::SetDisplayZone(None)),
        None => {}
    }
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

/// An instant typed as `YYYY-MM-DD HH:MM` or `DD/MM/YYYY HH:MM` in the zone `tz` (a repeated
/// hour is taken the first time; a skipped hour is not a time), or in RFC 3339.
pub fn typed_instant(text: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let text = text.trim();
    for format in ["%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"] {
        if let Ok(naive) = chrono::NaiveDateTime::parse_from_str(text, format) {
            return tz
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    parse_instant(&text.replace(' ', "T")).ok()
}

/// The banner over a pinned planning instant: what it is pinned to, one click back to the
/// clock, and a move to the newest data when an import brought actions after the pin.
pub fn pinned_ui(ui: &mut egui::Ui, state: &AppState, i18n: &I18n, commands: &mut Vec<Command>) {
    let Some(at) = state.fixed_now else { return };
    let lang = state.lang();
    let when = |t: DateTime<Utc>| format::instant(lang, state.zone(), t.timestamp());
    let key = if state.pinned_for_demo {
        "gui-pin-demo"
    } else {
        "gui-pin-chosen"
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(i18n.tr(
                lang,
                key,
                &[("at", when(at).into()), ("clock", when(Utc::now()).into())],
            ))
            .color(ui.visuals().warn_fg_color),
        );
        if ui.button(i18n.t(lang, "gui-pin-follow")).clicked() {
            commands.push(Command::FollowClock);
        }
        if let Some(newest) = state.newest_action.filter(|&n| n > at) {
            let newest_text = when(newest);
            ui.label(i18n.tr(
                lang,
                "gui-pin-newer",
                &[("newest", newest_text.clone().into())],
            ));
            if ui
                .button(i18n.tr(lang, "gui-pin-move", &[("newest", newest_text.into())]))
                .clicked()
            {
                commands.push(Command::SetNow(newest));
            }
        }
    });
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
                        ("shown", d.rows.len().into()),
                        ("total", state.contact_total().into()),
                    ],
                ));
            }
            ui.label(format!(
                "{} {}",
                i18n.t(lang, "gui-planning-at"),
                format::instant(lang, state.zone(), state.now().timestamp())
            ));
        });
    });
}

#[cfg(test)]
mod tests {
    use super::typed_instant;
    use chrono_tz::Europe::Rome;

    #[test]
    fn a_typed_instant_is_read_in_the_display_zone() {
        let t = |s: &str| typed_instant(s, Rome).map(|t| t.to_rfc3339());
        assert_eq!(
            t("2026-11-22 11:00").as_deref(),
            Some("2026-11-22T10:00:00+00:00")
        );
        assert_eq!(
            t("2026-07-01 11:00").as_deref(),
            Some("2026-07-01T09:00:00+00:00")
        );
        assert_eq!(
            t("01/07/2026 11:00").as_deref(),
            Some("2026-07-01T09:00:00+00:00")
        );
        // RFC 3339 keeps its own offset.
        assert_eq!(
            t("2026-11-22T11:00:00Z").as_deref(),
            Some("2026-11-22T11:00:00+00:00")
        );
        // 02:30 does not exist in Rome on 2026-03-29.
        assert_eq!(t("2026-03-29 02:30"), None);
        assert_eq!(t("tomorrow"), None);
    }
}
