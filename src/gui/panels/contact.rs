//! The selected contact: who and where, what can reach them now and why, every recorded
//! action with the windows it opened on a small timeline, the imports behind them, and
//! deleting the contact.

use egui::{Pos2, Rect, RichText, Sense, Stroke, Vec2};

use crate::Engine;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::AppState;
use crate::plan::index::StateEval;
use crate::policy::WindowState;
use crate::policy::window::{Segment, Stretch, segments};

/// Draws the contact detail panel.
pub fn contact_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let (Some(i), Some(data)) = (state.selected, &state.data) else {
        return;
    };
    let ix = &data.index;
    ui.horizontal(|ui| {
        ui.heading(t("gui-contact-title"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t("gui-close")).clicked() {
                commands.push(Command::Select(None));
            }
        });
    });
    let file = match &state.detail {
        Some((id, Ok(f))) if ix.ids.get(i) == Some(id) => f,
        Some((_, Err(e))) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
        _ => {
            ui.spinner();
            return;
        }
    };
    let when = |at: i64| format::instant(lang, state.zone(), at);
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(&file.name).strong().size(18.0));
        egui::Grid::new("contact-facts")
            .num_columns(2)
            .spacing([12.0, 3.0])
            .show(ui, |ui| {
                let mut fact = |key: &str, value: String| {
                    ui.label(RichText::new(t(key)).weak());
                    ui.label(value);
                    ui.end_row();
                };
                fact("gui-col-psid", file.psid.clone());
                let page = state.page_name(&file.page_id);
                let page = if page == file.page_id {
                    page.to_string()
                } else {
                    format!("{page} ({})", file.page_id)
                };
                let channel = ix.channel.get(i).map_or("", |c| format::channel(*c));
                fact("gui-col-page", format!("{channel} · {page}"));
                let (country, source) = ix.recipient_country(i);
                let source = i18n.t(lang, &format!("gui-country-from-{}", source.as_str()));
                let place = country.map_or_else(
                    || source.clone(),
                    |c| format!("{} ({source})", c.name(lang)),
                );
                fact(
                    "gui-col-locale",
                    format!("{} · {place}", file.locale.as_deref().unwrap_or("—")),
                );
                fact(
                    "gui-contact-zone",
                    file.timezone.clone().unwrap_or_else(|| "—".into()),
                );
                if let Some(at) = file.subscribed_at {
                    fact("gui-contact-subscribed", when(at));
                }
            });
        ui.separator();
        now_ui(ui, state, engine, i);
        ui.separator();
        ui.label(RichText::new(t("gui-contact-history")).strong());
        mini_timeline(ui, state, engine, i);
        egui::Grid::new("contact-history")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                for (at, kind, import) in file.history.iter().rev() {
                    ui.label(when(*at));
                    ui.label(format::kind(i18n, lang, *kind));
                    let source = file
                        .imports
                        .iter()
                        .find(|x| x.0 == *import)
                        .map_or_else(String::new, |x| format::file_name(&x.1));
                    ui.label(RichText::new(source).weak());
                    ui.end_row();
                }
            });
        if file.history.is_empty() {
            ui.label(RichText::new(t("gui-unknown-time")).weak());
        }
        ui.separator();
        ui.label(RichText::new(t("gui-contact-imports")).strong());
        for (_, name, finished) in &file.imports {
            ui.label(format!(
                "{} — {}",
                format::file_name(name),
                finished.map_or_else(|| "—".into(), when)
            ))
            .on_hover_text(name);
        }
        ui.separator();
        if state.confirm_delete {
            ui.colored_label(ui.visuals().warn_fg_color, t("gui-contact-delete-sure"));
            ui.horizontal(|ui| {
                if ui.button(t("gui-contact-delete-yes")).clicked() {
                    commands.push(Command::DeleteContact(file.id));
                }
                if ui.button(t("gui-cancel")).clicked() {
                    commands.push(Command::AskDeleteContact(false));
                }
            });
        } else if ui.button(t("gui-contact-delete")).clicked() {
            commands.push(Command::AskDeleteContact(true));
        }
    });
}

/// What can reach the contact at the planning instant, until when, and why.
fn now_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, i: usize) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let Some(data) = &state.data else { return };
    let eval = StateEval::new(
        &data.index,
        &engine.policy,
        state.now(),
        state.prefs.horizon(),
    );
    let s = eval.state(i);
    let when =
        |at: Option<i64>| at.map_or_else(String::new, |a| format::instant(lang, state.zone(), a));
    let latest = data.index.latest(i);
    let (key, until) = match s.state {
        WindowState::Open | WindowState::Closing => ("gui-contact-now-open", s.closes_at),
        WindowState::MaybeOpen => ("gui-contact-now-maybe", s.maybe_until),
        WindowState::HumanAgentOnly => ("gui-contact-now-agent", s.human_until),
        WindowState::Closed => ("gui-contact-now-closed", s.closes_at),
        WindowState::Unknown => ("gui-contact-now-unknown", None),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format::state_name(i18n, lang, s.state))
                .color(egui::Color32::WHITE)
                .background_color(format::state_color(s.state)),
        );
        ui.label(
            i18n.tr(
                lang,
                key,
                &[
                    ("until", when(until).into()),
                    (
                        "kind",
                        latest
                            .map_or_else(String::new, |x| format::kind(i18n, lang, x.kind))
                            .into(),
                    ),
                    ("at", when(latest.map(|x| x.at.timestamp())).into()),
                ],
            ),
        );
    });
}

/// The contact's windows over time, as the policy defines them, with each action as a dot
/// and the planning instant as a red line.
fn mini_timeline(ui: &mut egui::Ui, state: &AppState, engine: &Engine, i: usize) {
    let Some(data) = &state.data else { return };
    let ix = &data.index;
    let Some(cp) = ix.channel.get(i).and_then(|c| engine.policy.channel(*c)) else {
        return;
    };
    let xs = ix.sorted_interactions(i);
    let mut segs: Vec<Segment> = Vec::new();
    segments(cp, &xs, cp.human_agent_hours_at(state.now()), &mut segs);
    let now = state.now().timestamp();
    let first = xs.first().map_or(now, |x| x.at.timestamp()).min(now);
    let last = segs.iter().map(|s| s.to).max().unwrap_or(now).max(now);
    let (from, to) = (first - 86_400, last + 86_400);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), 26.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let x_of = |t: i64| rect.left() + (t - from) as f32 / (to - from).max(1) as f32 * rect.width();
    for s in &segs {
        let color = match s.stretch {
            Stretch::Open => format::state_color(WindowState::Open),
            Stretch::MaybeOpen => format::state_color(WindowState::MaybeOpen).gamma_multiply(0.6),
            Stretch::HumanAgent => {
                format::state_color(WindowState::HumanAgentOnly).gamma_multiply(0.35)
            }
        };
        let (a, b) = (x_of(s.from.max(from)), x_of(s.to.min(to)));
        painter.rect_filled(
            Rect::from_x_y_ranges(a..=b.max(a + 1.0), rect.top() + 6.0..=rect.bottom() - 6.0),
            1.0,
            color,
        );
    }
    for x in &xs {
        painter.circle_filled(
            Pos2::new(x_of(x.at.timestamp()), rect.center().y),
            3.0,
            ui.visuals().strong_text_color(),
        );
    }
    let x_now = x_of(now);
    painter.line_segment(
        [
            Pos2::new(x_now, rect.top()),
            Pos2::new(x_now, rect.bottom()),
        ],
        Stroke::new(1.5, egui::Color32::from_rgb(0xd0, 0x30, 0x30)),
    );
    let lang = state.lang();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format::day(lang, state.zone(), ts(from)))
                .small()
                .weak(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(format::day(lang, state.zone(), ts(to)))
                    .small()
                    .weak(),
            );
        });
    });
}

fn ts(t: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t, 0).unwrap_or_default()
}
