//! A chart legend as a row of coloured swatches and names, drawn above the chart so that it
//! covers no curve.

use egui::{Color32, Sense, Vec2};

/// Draws one swatch and name per entry, left to right, wrapping when the row is full.
pub fn legend(ui: &mut egui::Ui, entries: &[(&str, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, color) in entries {
            let (swatch, _) = ui.allocate_exact_size(Vec2::new(12.0, 12.0), Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, *color);
            ui.label(*name);
            ui.add_space(8.0);
        }
    });
}
