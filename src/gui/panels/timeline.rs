//! The timeline: on a pannable, zoomable time axis with a now line, how many of the filtered
//! contacts have an open window and how many a human agent can still reach, the windows
//! closing each hour, policy changes, and one lane per contact (only the visible lanes are
//! drawn). Everything is computed from the window index: a frame costs the same at a
//! thousand contacts or a million.

use chrono::{Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Vec2};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints, Text, VLine};

use crate::Engine;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::{AppState, TimelineView};
use crate::gui::widgets::legend::legend;
use crate::policy::window::{Stretch, segments};
use crate::policy::{Channel, WindowState};

const LANE_HEIGHT: f32 = 18.0;
const NAME_WIDTH: f32 = 170.0;
/// Samples of the curves across the visible range.
const SAMPLES: usize = 300;

/// The visible range, or the default around the planning instant (3 days back, 2 ahead).
pub fn view_of(state: &AppState) -> TimelineView {
    state.timeline.unwrap_or_else(|| {
        let now = state.now().timestamp() as f64;
        TimelineView {
            start: now - 3.0 * 86_400.0,
            end: now + 2.0 * 86_400.0,
            first_lane: 0,
        }
    })
}

/// Maps times to screen x over a pixel span, and back.
#[derive(Clone, Copy, Debug)]
pub struct TimeAxis {
    /// Visible start and end, unix seconds.
    pub start: f64,
    /// End.
    pub end: f64,
    /// Screen x of `start`.
    pub left: f32,
    /// Screen x of `end`.
    pub right: f32,
}

impl TimeAxis {
    /// Screen x of a time.
    pub fn x_from_time(&self, t: f64) -> f32 {
        let f = (t - self.start) / (self.end - self.start).max(1.0);
        self.left + (f as f32) * (self.right - self.left)
    }

    /// Time at a screen x.
    pub fn time_from_x(&self, x: f32) -> f64 {
        let f = f64::from((x - self.left) / (self.right - self.left).max(1.0));
        self.start + f * (self.end - self.start)
    }
}

/// Width of histogram bins for a visible span: hourly up to 8 days, then coarser.
fn bin_secs(span: f64) -> i64 {
    match span {
        s if s <= 8.0 * 86_400.0 => 3_600,
        s if s <= 40.0 * 86_400.0 => 6 * 3_600,
        _ => 86_400,
    }
}

/// Grid lines on whole hours or days of the zone `tz`, at most eight across the view.
fn time_grid(input: egui_plot::GridInput, tz: Tz) -> Vec<egui_plot::GridMark> {
    const STEPS: [f64; 9] = [
        3_600.0,
        3.0 * 3_600.0,
        6.0 * 3_600.0,
        12.0 * 3_600.0,
        86_400.0,
        2.0 * 86_400.0,
        7.0 * 86_400.0,
        14.0 * 86_400.0,
        30.0 * 86_400.0,
    ];
    let (lo, hi) = input.bounds;
    let span = (hi - lo).max(1.0);
    let step = STEPS
        .iter()
        .copied()
        .find(|s| span / s <= 8.0)
        .unwrap_or(30.0 * 86_400.0);
    // Whole hours and days of the zone: the grid moves by its offset from UTC (read in the
    // middle of the view; a daylight-saving change inside it shifts later lines by an hour).
    let offset = Utc
        .timestamp_opt(((lo + hi) / 2.0) as i64, 0)
        .single()
        .map_or(0.0, |t| {
            f64::from(
                tz.offset_from_utc_datetime(&t.naive_utc())
                    .fix()
                    .local_minus_utc(),
            )
        });
    let mut marks = Vec::new();
    let mut x = ((lo + offset) / step).ceil() * step - offset;
    while x <= hi && marks.len() < 64 {
        marks.push(egui_plot::GridMark {
            value: x,
            step_size: step,
        });
        x += step;
    }
    marks
}

/// A grid label: the day at midnight in `tz`, the time of day otherwise.
fn grid_label(lang: crate::i18n::Lang, tz: Tz, t: f64) -> String {
    let Some(at) = Utc.timestamp_opt(t as i64, 0).single() else {
        return String::new();
    };
    let local = at.with_timezone(&tz);
    if local.hour() == 0 && local.minute() == 0 {
        format::day(lang, tz, at)
    } else {
        local.format("%H:%M").to_string()
    }
}

/// Draws the timeline tab.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let tz = state.zone();
    let t = |k: &str| i18n.t(lang, k);
    let Some(data) = &state.data else {
        ui.spinner();
        return;
    };
    let view = view_of(state);
    let now = state.now().timestamp();
    ui.horizontal(|ui| {
        ui.label(t("gui-timeline-hint"));
        if ui.button(t("gui-timeline-reset")).clicked() {
            let n = now as f64;
            commands.push(Command::SetTimelineView(
                n - 3.0 * 86_400.0,
                n + 2.0 * 86_400.0,
            ));
        }
    });

    // The curves and the histogram, for the visible range.
    let span = (view.end - view.start).max(60.0);
    let times: Vec<i64> = (0..=SAMPLES)
        .map(|k| (view.start + span * k as f64 / SAMPLES as f64) as i64)
        .collect();
    let open = data.windows.open_series(&times);
    let reachable = data.windows.reachable_series(&times, &engine.policy);
    let bin = bin_secs(span);
    let first_edge = (view.start as i64).div_euclid(bin) * bin;
    let edges: Vec<i64> = (0..)
        .map(|k| first_edge + k * bin)
        .take_while(|e| (*e as f64) <= view.end + bin as f64)
        .collect();
    let closings = data.windows.closings_histogram(&edges);
    let bars: Vec<Bar> = edges
        .iter()
        .zip(&closings)
        .filter(|(_, n)| **n > 0)
        .map(|(e, n)| {
            Bar::new(*e as f64 + bin as f64 / 2.0, *n as f64)
                .width(bin as f64 * 0.9)
                .fill(format::state_color(WindowState::Closing).gamma_multiply(0.6))
        })
        .collect();
    let to_points = |ys: &[u64]| -> PlotPoints<'static> {
        times
            .iter()
            .zip(ys)
            .map(|(t, y)| [*t as f64, *y as f64])
            .collect::<Vec<_>>()
            .into()
    };
    let open_name = t("gui-series-open");
    let reach_name = t("gui-series-reachable");
    let closing_name = if bin == 3_600 {
        t("gui-series-closings-hour")
    } else {
        t("gui-series-closings")
    };
    let policy_marks = policy_changes(state, engine, view);
    // The legend sits above the chart, where it covers no curve.
    let reach_color = format::state_color(WindowState::HumanAgentOnly).gamma_multiply(0.7);
    let closing_color = format::state_color(WindowState::Closing);
    let now_color = Color32::from_rgb(0xd0, 0x30, 0x30);
    legend(
        ui,
        &[
            (&open_name, format::state_color(WindowState::Open)),
            (&reach_name, reach_color),
            (&closing_name, closing_color),
            (&t("gui-now-line"), now_color),
        ],
    );
    let plot_height = (ui.available_height() * 0.42).max(180.0);
    let windows = &data.windows;
    let policy = &engine.policy;
    let names = (open_name.clone(), reach_name.clone(), closing_name.clone());
    let zone_name = format!(
        "{} ({})",
        tz.name(),
        state.now().with_timezone(&tz).format("%Z")
    );
    let response = Plot::new("timeline-plot")
        .height(plot_height)
        .allow_scroll(false)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_boxed_zoom(false)
        .default_x_bounds(view.start, view.end)
        .include_y(0.0)
        .x_axis_label(zone_name)
        .y_axis_label(t("gui-timeline-y"))
        .x_grid_spacer(move |input| time_grid(input, tz))
        .x_axis_formatter(move |mark, _range| grid_label(lang, tz, mark.value))
        // The values under the pointer are read from the curves, not from its height.
        .label_formatter(move |hover| {
            let p = match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position } => *position,
            };
            let at = p.x as i64;
            let open = windows.open_series(&[at]).first().copied().unwrap_or(0);
            let reach = windows
                .reachable_series(&[at], policy)
                .first()
                .copied()
                .unwrap_or(0);
            let start = at.div_euclid(bin) * bin;
            let closing = windows
                .closings_histogram(&[start, start + bin])
                .first()
                .copied()
                .unwrap_or(0);
            let n = |x: u64| crate::i18n::format_count(lang, x);
            Some(format!(
                "{}\n{}: {}\n{}: {}\n{}: {}",
                format::instant(lang, tz, at),
                names.0,
                n(open),
                names.1,
                n(reach),
                names.2,
                n(closing)
            ))
        })
        .show(ui, |plot| {
            plot.set_plot_bounds_x(view.start..=view.end);
            plot.bar_chart(BarChart::new(closing_name.clone(), bars).color(closing_color));
            plot.line(Line::new(reach_name.clone(), to_points(&reachable)).color(reach_color));
            plot.line(
                Line::new(open_name.clone(), to_points(&open))
                    .color(format::state_color(WindowState::Open))
                    .width(2.0),
            );
            plot.vline(
                VLine::new(t("gui-now-line"), now as f64)
                    .color(now_color)
                    .width(1.5),
            );
            let top = plot.plot_bounds().max()[1];
            for (x, label) in &policy_marks {
                plot.vline(
                    VLine::new(label.clone(), *x)
                        .color(Color32::GRAY)
                        .style(egui_plot::LineStyle::Dashed { length: 6.0 }),
                );
                plot.text(
                    Text::new(
                        label.clone(),
                        [*x, top * 0.95].into(),
                        RichText::new(label).small(),
                    )
                    .anchor(egui::Align2::LEFT_TOP),
                );
            }
        });
    // The bounds as drawn this frame, after any drag or zoom: the lanes use the same axis.
    let bounds = *response.transform.bounds();
    let (start, end) = (bounds.min()[0], bounds.max()[0]);
    if (start - view.start).abs() > 1.0 || (end - view.end).abs() > 1.0 {
        commands.push(Command::SetTimelineView(start, end));
    }
    let frame = response.transform.frame();
    let axis = TimeAxis {
        start,
        end,
        left: frame.left(),
        right: frame.right(),
    };
    ui.add_space(4.0);
    ui.label(
        RichText::new(i18n.tr(lang, "gui-lanes", &[("count", data.rows.len().into())])).strong(),
    );
    lanes_ui(ui, state, engine, axis, commands);
}

/// Policy versions that take effect inside the view, for the channels of the contacts.
fn policy_changes(state: &AppState, engine: &Engine, view: TimelineView) -> Vec<(f64, String)> {
    let Some(data) = &state.data else {
        return Vec::new();
    };
    let mut channels: Vec<Channel> = Channel::ALL
        .into_iter()
        .filter(|c| data.index.channel.contains(c))
        .collect();
    channels.dedup();
    let mut out = Vec::new();
    for c in channels {
        let Some(cp) = engine.policy.channel(c) else {
            continue;
        };
        for v in &cp.versions {
            let x = v.effective_at().timestamp() as f64;
            if x >= view.start && x <= view.end {
                out.push((
                    x,
                    format!("{} · {}", format::channel(c), v.title.get(state.lang())),
                ));
            }
        }
    }
    out
}

/// One lane per filtered contact, in table order; only the visible lanes are drawn.
fn lanes_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    axis: TimeAxis,
    commands: &mut Vec<Command>,
) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let Some(data) = &state.data else {
        return;
    };
    let ix = &data.index;
    let now = state.now().timestamp();
    let horizon = state.prefs.horizon().num_seconds();
    let mut missing = Vec::new();
    let mut segs = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("lanes")
        .auto_shrink([false, false])
        .show_rows(ui, LANE_HEIGHT, data.rows.len(), |ui, range| {
            for row in range {
                let Some(&pos) = data.rows.get(row) else {
                    continue;
                };
                let i = pos as usize;
                let (rect, response) = ui.allocate_exact_size(
                    Vec2::new(ui.available_width(), LANE_HEIGHT),
                    Sense::click(),
                );
                let painter = ui.painter_at(rect);
                if state.selected == Some(i) {
                    painter.rect_filled(rect, 0.0, ui.visuals().selection.bg_fill);
                } else if row % 2 == 1 {
                    painter.rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
                }
                let name = state.rows_cache.get(&ix.ids[i]).map(|r| r.name.clone());
                if name.is_none() {
                    missing.push(pos);
                }
                painter.text(
                    Pos2::new(rect.left() + 4.0, rect.center().y),
                    egui::Align2::LEFT_CENTER,
                    name.as_deref().unwrap_or("…"),
                    egui::FontId::proportional(12.0),
                    ui.visuals().text_color(),
                );
                let lane = Rect::from_x_y_ranges(
                    axis.left.max(rect.left() + NAME_WIDTH)..=axis.right,
                    rect.top() + 3.0..=rect.bottom() - 3.0,
                );
                let cp = engine.policy.channel(ix.channel[i]);
                let xs = ix.sorted_interactions(i);
                // The contact's window over time as the policy defines it: what a plan made
                // at each instant would know (the same segments the counts are built from).
                if let Some(cp) = cp {
                    segs.clear();
                    let human = cp.human_agent_hours_at(state.now());
                    segments(cp, &xs, human, &mut segs);
                    for s in &segs {
                        let color = match s.stretch {
                            Stretch::Open if s.to > now && s.to - now <= horizon => {
                                format::state_color(WindowState::Closing)
                            }
                            Stretch::Open => format::state_color(WindowState::Open),
                            Stretch::MaybeOpen => {
                                format::state_color(WindowState::MaybeOpen).gamma_multiply(0.6)
                            }
                            Stretch::HumanAgent => format::state_color(WindowState::HumanAgentOnly)
                                .gamma_multiply(0.35),
                        };
                        bar(&painter, lane, axis, s.from, s.to, color);
                    }
                }
                let mut tip = Vec::new();
                for x in &xs {
                    let s = x.at.timestamp();
                    let end = cp
                        .and_then(|cp| crate::policy::window::standard_window_end(cp, *x))
                        .map(|e| e.timestamp());
                    let dot = axis.x_from_time(s as f64);
                    if lane.x_range().contains(dot) {
                        painter.circle_filled(
                            Pos2::new(dot, lane.center().y),
                            2.5,
                            ui.visuals().strong_text_color(),
                        );
                    }
                    tip.push(
                        i18n.tr(
                            lang,
                            "gui-lane-tip",
                            &[
                                ("at", format::instant(lang, state.zone(), s).into()),
                                ("kind", format::kind(i18n, lang, x.kind).into()),
                                (
                                    "closes",
                                    end.map_or_else(
                                        || "—".to_string(),
                                        |e| format::instant(lang, state.zone(), e),
                                    )
                                    .into(),
                                ),
                            ],
                        ),
                    );
                }
                let x_now = axis.x_from_time(now as f64);
                if lane.x_range().contains(x_now) {
                    painter.line_segment(
                        [
                            Pos2::new(x_now, rect.top()),
                            Pos2::new(x_now, rect.bottom()),
                        ],
                        Stroke::new(1.0, Color32::from_rgb(0xd0, 0x30, 0x30)),
                    );
                }
                let response = response.on_hover_text(format!(
                    "{}\n{}",
                    name.unwrap_or_default(),
                    tip.join("\n")
                ));
                if response.clicked() {
                    commands.push(Command::Select(Some(i)));
                }
            }
        });
    if !missing.is_empty() {
        commands.push(Command::FetchRows(missing));
    }
}

/// A bar from `from` to `to` in a lane, clipped to it.
fn bar(painter: &egui::Painter, lane: Rect, axis: TimeAxis, from: i64, to: i64, color: Color32) {
    let (a, b) = (axis.x_from_time(from as f64), axis.x_from_time(to as f64));
    let (a, b) = (a.max(lane.left()), b.min(lane.right()));
    if b <= a {
        return;
    }
    painter.rect_filled(Rect::from_x_y_ranges(a..=b, lane.y_range()), 2.0, color);
}
