//! A time zone picker: a combo box of every IANA zone with a search field, each zone shown
//! with its abbreviation and offset at the planning instant.

use chrono::{DateTime, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};
use egui::Id;

use crate::gui::format;
use crate::i18n::fold;

/// Most zones listed at once (a search narrows the rest).
const MAX_LISTED: usize = 80;

/// What the picker can be set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A zone by name.
    Zone(Tz),
    /// The default the picker was given (the machine's zone, say).
    Default,
}

/// Draws the picker labelled by `label`; returns what the user picked this frame.
/// `default` is an entry above the zones ("This computer's zone (Europe/Rome)") when given.
pub fn zone_picker_ui(
    ui: &mut egui::Ui,
    salt: &str,
    label: egui::Id,
    current: Tz,
    at: DateTime<Utc>,
    default: Option<&str>,
    search_hint: &str,
) -> Option<Pick> {
    let search_id = Id::unique(("zone-search", salt));
    let mut search: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
    let mut picked = None;
    egui::ComboBox::from_id_salt(("zone", salt))
        .selected_text(format::zone_label(current, at))
        .width(250.0)
        .height(360.0)
        .show_ui(ui, |ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut search)
                    .hint_text(search_hint)
                    .desired_width(230.0),
            );
            // Typing goes to the search as soon as the list opens.
            if !field.has_focus() {
                field.request_focus();
            }
            if let Some(d) = default
                && ui.selectable_label(false, d).clicked()
            {
                picked = Some(Pick::Default);
            }
            for tz in matching(&search).take(MAX_LISTED) {
                if ui
                    .selectable_label(tz == current, format::zone_label(tz, at))
                    .clicked()
                {
                    picked = Some(Pick::Zone(tz));
                }
            }
        })
        .response
        .labelled_by(label);
    if picked.is_some() {
        search.clear();
    }
    ui.data_mut(|d| d.insert_temp(search_id, search));
    picked
}

/// The zones whose name contains every word of `search` (accents, case and `_` aside).
pub fn matching(search: &str) -> impl Iterator<Item = Tz> + '_ {
    let words: Vec<String> = fold(search)
        .split([' ', '/', '_'])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    TZ_VARIANTS.iter().copied().filter(move |tz| {
        let name = fold(tz.name()).replace('_', " ");
        words.iter().all(|w| name.contains(w.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::matching;

    #[test]
    fn a_search_finds_zones_by_any_part_of_their_name() {
        let names = |s: &str| matching(s).map(|z| z.name()).collect::<Vec<_>>();
        assert!(names("rome").contains(&"Europe/Rome"));
        assert!(names("new york").contains(&"America/New_York"));
        assert!(names("america new_york").contains(&"America/New_York"));
        assert!(names("MADRID").contains(&"Europe/Madrid"));
        assert!(names("").len() > 300);
        assert!(names("nowhere at all").is_empty());
    }
}
