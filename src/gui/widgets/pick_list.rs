//! A list of past items (campaigns, imports) down the left side of a tab.

/// A list down the left side, one selectable entry per item; the id of the one clicked.
pub fn pick_list(
    ui: &mut egui::Ui,
    salt: &str,
    items: impl Iterator<Item = (i64, String)>,
    selected: Option<i64>,
) -> Option<i64> {
    let mut picked = None;
    egui::Panel::left(salt.to_string())
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (id, text) in items {
                    if ui.selectable_label(selected == Some(id), text).clicked() {
                        picked = Some(id);
                    }
                }
            });
        });
    picked
}
