//! The Send list: the composer's message planned over the filtered contacts — who gets it,
//! by which route, by when and at what time, who does not and why — with the pace (rate,
//! quiet hours), a chart of sends against deadlines, Approve, Export and the history of
//! approved campaigns.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Line, Plot, PlotPoints};

use crate::Engine;
use crate::compliance::{exclusion_phrase, route_phrase};
use crate::export::Format;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::{AppState, PlannedView, SendWork, Tab};
use crate::gui::widgets::legend::legend;
use crate::i18n::{Lang, format_count};

const ROW_HEIGHT: f32 = 22.0;

/// Draws the Send list tab.
pub fn send_list_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    if state.composer.text.trim().is_empty() {
        ui.add_space(24.0);
        ui.label(t("gui-send-no-text"));
        if ui.button(t("gui-send-to-composer")).clicked() {
            commands.push(Command::SetTab(Tab::Composer));
        }
        return;
    }
    pace_ui(ui, state, engine, commands);
    ui.separator();
    let Some(view) = &state.send.view else {
        ui.spinner();
        return;
    };
    planned_at_ui(ui, state, engine, view, commands);
    summary_ui(ui, state, engine, view);
    ui.separator();
    ui.columns(2, |cols| {
        list_ui(&mut cols[0], state, engine, view, commands);
        egui::ScrollArea::vertical()
            .id_salt("send-side")
            .show(&mut cols[1], |ui| {
                chart_ui(ui, state, engine, view);
                ui.separator();
                approve_ui(ui, state, engine, view, commands);
                ui.separator();
                history_ui(ui, state, engine, commands);
            });
    });
}

/// Rate, quiet hours and "a person writes each message".
fn pace_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    let mut pace = state.prefs.pace;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t("gui-send-message")).strong());
        let text: String = state.composer.text.chars().take(90).collect();
        ui.label(RichText::new(text).italics())
            .on_hover_text(state.composer.text.clone());
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut pace.limit_rate, t("gui-send-limit-rate"));
        let rate = ui.add_enabled(
            pace.limit_rate,
            egui::DragValue::new(&mut pace.rate_per_min)
                .range(crate::plan::schedule::RATE_RANGE)
                .speed(1.0),
        );
        ui.label(t("gui-send-per-minute")).labelled_by(rate.id);
        ui.separator();
        ui.checkbox(&mut pace.quiet, t("gui-send-quiet"));
        ui.add_enabled(
            pace.quiet,
            egui::DragValue::new(&mut pace.quiet_from)
                .range(0..=23)
                .suffix(":00"),
        );
        ui.label("–");
        ui.add_enabled(
            pace.quiet,
            egui::DragValue::new(&mut pace.quiet_to)
                .range(0..=23)
                .suffix(":00"),
        );
        ui.label(RichText::new(t("gui-send-quiet-zone")).weak());
        ui.separator();
        let mut human = state.send.human_reply;
        if ui
            .checkbox(&mut human, t("gui-send-human"))
            .on_hover_text(t("gui-send-human-hint"))
            .changed()
        {
            commands.push(Command::SetHumanReply(human));
        }
        let mut ads = state.send.include_ad_windows;
        if ui
            .checkbox(&mut ads, t("gui-send-ad-windows"))
            .on_hover_text(t("gui-send-ad-windows-hint"))
            .changed()
        {
            commands.push(Command::SetIncludeAdWindows(ads));
        }
    });
    if pace != state.prefs.pace {
        commands.push(Command::SetPace(pace));
    }
}

/// When the plan was made, and a way to make it again at the current instant.
fn planned_at_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    view: &PlannedView,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let at = view.summary.at;
    let minutes = (state.now() - at).num_minutes();
    ui.horizontal_wrapped(|ui| {
        let when = format::instant(lang, state.zone(), at.timestamp());
        ui.label(i18n.tr(
            lang,
            "gui-send-planned-at",
            &[("at", when.into()), ("minutes", minutes.max(0).into())],
        ));
        if minutes != 0
            && ui
                .button(i18n.t(lang, "gui-send-replan"))
                .on_hover_text(i18n.t(lang, "gui-send-replan-hint"))
                .clicked()
        {
            commands.push(Command::Replan);
        }
    });
}

/// Counts, the send window, what the rate costs, why the others are left out, and any block.
fn summary_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, view: &PlannedView) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let s = &view.summary;
    let n = |x: u64| format_count(lang, x);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(i18n.tr(
                lang,
                "gui-send-counts",
                &[
                    ("planned", s.planned.into()),
                    ("excluded", s.excluded.into()),
                ],
            ))
            .strong(),
        );
        if let (Some(a), Some(b)) = (s.first_send_at, s.last_send_at) {
            ui.label(i18n.tr(
                lang,
                "gui-send-window",
                &[
                    (
                        "first",
                        format::instant(lang, state.zone(), a.timestamp()).into(),
                    ),
                    (
                        "last",
                        format::instant(lang, state.zone(), b.timestamp()).into(),
                    ),
                ],
            ));
        }
        if let Some(v) = &s.policy_version {
            ui.label(RichText::new(v).weak());
        }
        if state.send.planning {
            ui.spinner();
        }
    });
    if let Some(saved) = s.saved_at_double_rate {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            i18n.tr(
                lang,
                "cli-plan-faster",
                &[
                    ("missed", s.missed_by_rate.into()),
                    ("saved", saved.into()),
                    (
                        "rate",
                        crate::i18n::Arg::Num(s.rate_per_min.unwrap_or_default() * 2.0),
                    ),
                ],
            ),
        );
    }
    // Who is left out and why, most first: what sets the plan apart from the Composer's count
    // of who can be reached right now.
    if !s.excluded_by_reason.is_empty() {
        let mut reasons = s.excluded_by_reason.clone();
        reasons.sort_by_key(|&(_, k)| std::cmp::Reverse(k));
        let parts: Vec<String> = reasons
            .iter()
            .map(|&(why, k)| format!("{} {}", exclusion_phrase(why, lang, i18n), n(k)))
            .collect();
        ui.label(i18n.tr(
            lang,
            "gui-send-left-out",
            &[("reasons", parts.join(" · ").into())],
        ));
    }
    if let Some(reach) = &state.composer.reach
        && reach.reachable() != s.planned
    {
        ui.label(
            RichText::new(i18n.tr(
                lang,
                "gui-send-differs",
                &[
                    ("reachable", reach.reachable().into()),
                    ("planned", s.planned.into()),
                ],
            ))
            .weak(),
        );
    }
    if let Some(report) = &state.composer.report
        && report.blocked
    {
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == crate::compliance::Severity::Block)
        {
            ui.colored_label(ui.visuals().error_fg_color, &f.explanation);
        }
    }
}

/// "Planned (n)" and "Excluded (m)" as two tabs; `Some(show excluded)` when one is clicked.
pub fn planned_or_excluded_ui(
    ui: &mut egui::Ui,
    engine: &Engine,
    lang: Lang,
    (planned, excluded): (usize, usize),
    showing_excluded: bool,
) -> Option<bool> {
    let i18n = &engine.i18n;
    let planned = i18n.tr(lang, "gui-send-planned-tab", &[("count", planned.into())]);
    let excluded = i18n.tr(lang, "gui-send-excluded-tab", &[("count", excluded.into())]);
    if ui.selectable_label(!showing_excluded, planned).clicked() {
        return Some(false);
    }
    if ui.selectable_label(showing_excluded, excluded).clicked() {
        return Some(true);
    }
    None
}

/// The planned contacts or the excluded ones, virtual-scrolled.
fn list_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    view: &PlannedView,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let plan = &view.plan;
    let excluded = state.send.show_excluded;
    ui.horizontal(|ui| {
        if let Some(show) = planned_or_excluded_ui(
            ui,
            engine,
            lang,
            (plan.sends.len(), plan.skipped.len()),
            excluded,
        ) {
            commands.push(Command::ShowExcluded(show));
        }
    });
    let Some(data) = &state.data else {
        return;
    };
    let rows = if excluded {
        plan.skipped.len()
    } else {
        plan.sends.len()
    };
    if rows == 0 {
        ui.label(t(if excluded {
            "gui-send-none-excluded"
        } else {
            "gui-send-none-planned"
        }));
        return;
    }
    let name_of = |pos: u32| {
        data.index
            .ids
            .get(pos as usize)
            .and_then(|id| state.rows_cache.get(id))
            .map(|r| (r.name.clone(), r.key.psid.clone()))
    };
    let mut missing = Vec::new();
    let headers: &[&str] = if excluded {
        &["gui-col-name", "gui-col-psid", "gui-send-col-reason"]
    } else {
        &[
            "gui-col-name",
            "gui-send-col-route",
            "gui-send-col-by",
            "gui-send-col-at",
        ]
    };
    // Columns share the width of the half the table lives in.
    let width = ui.available_width();
    let share: &[f32] = if excluded {
        &[0.34, 0.3]
    } else {
        &[0.3, 0.2, 0.25]
    };
    let mut table = TableBuilder::new(ui)
        .id_salt(if excluded {
            "excluded-table"
        } else {
            "send-table"
        })
        .striped(true)
        .sense(Sense::hover());
    for f in share {
        table = table.column(Column::exact(width * f - 8.0).clip(true));
    }
    table
        .column(Column::remainder().clip(true))
        .header(24.0, |mut h| {
            let zone = state.now().with_timezone(&state.zone()).format("%Z");
            for key in headers {
                h.col(|ui| {
                    ui.strong(i18n.tr(lang, key, &[("zone", zone.to_string().into())]));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows, |mut row| {
                let k = row.index();
                if excluded {
                    let s = plan.skipped[k];
                    let who = name_of(s.pos);
                    if who.is_none() {
                        missing.push(s.pos);
                    }
                    let (name, psid) = who.unwrap_or_default();
                    row.col(|ui| {
                        ui.label(name);
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(psid).monospace());
                    });
                    row.col(|ui| {
                        // The whole reason on hover: where a route is missing, why.
                        let rule = s.rule.and_then(|r| plan.rule(r));
                        let phrase = exclusion_phrase(s.why, lang, i18n);
                        let full = match rule {
                            Some(r) => match &r.region {
                                Some(why) => crate::compliance::region_explanation(why, lang, i18n),
                                None => format!("{phrase} — {}", r.id),
                            },
                            None => phrase.clone(),
                        };
                        ui.label(phrase).on_hover_text(full);
                    });
                } else {
                    let s = plan.sends[k];
                    let who = name_of(s.pos);
                    if who.is_none() {
                        missing.push(s.pos);
                    }
                    let (name, psid) = who.unwrap_or_default();
                    row.col(|ui| {
                        ui.label(name).on_hover_text(psid);
                    });
                    row.col(|ui| {
                        if let Some(r) = plan.rule(s.rule) {
                            route_cell(ui, r, lang, engine);
                        }
                    });
                    row.col(|ui| {
                        ui.label(s.send_by.map_or_else(
                            || t("gui-send-no-deadline"),
                            |b| format::instant_cell(lang, state.zone(), b),
                        ));
                    });
                    row.col(|ui| {
                        ui.label(format::instant_cell(lang, state.zone(), s.send_at));
                    });
                }
            });
        });
    if !missing.is_empty() {
        commands.push(Command::FetchRows(missing));
    }
}

/// A route in a table cell: the tag name for tags, else the route's short name; the phrase
/// shows on hover.
fn route_cell(ui: &mut egui::Ui, r: &crate::plan::RuleRef, lang: Lang, engine: &Engine) {
    let short = r
        .route
        .tag()
        .map_or_else(|| r.route.to_string(), str::to_string);
    ui.label(short).on_hover_text(format!(
        "{} — {}",
        route_phrase(&r.route, lang, &engine.i18n),
        r.id
    ));
}

/// Planned sends over time against the routes closing over time.
fn chart_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, view: &PlannedView) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    ui.label(RichText::new(t("gui-send-chart")).strong());
    if view.sends_curve.is_empty() {
        ui.label(t("gui-send-none-planned"));
        return;
    }
    // The sends and the first day of deadlines; later deadlines are a drag away. The legend
    // sits above, where it covers no curve.
    let sends_name = t("gui-send-chart-sends");
    let deadlines_name = t("gui-send-chart-deadlines");
    let sends_color = format::state_color(crate::policy::WindowState::Open);
    let deadlines_color = format::state_color(crate::policy::WindowState::Closing);
    legend(
        ui,
        &[
            (&sends_name, sends_color),
            (&deadlines_name, deadlines_color),
        ],
    );
    let last_send = view.sends_curve.last().map_or(0.0, |p| p[0]);
    let most = view
        .sends_curve
        .last()
        .map_or(1.0, |p| p[1])
        .max(view.deadline_curve.last().map_or(1.0, |p| p[1]));
    Plot::new("send-chart")
        .height(190.0)
        .default_x_bounds(-0.5, last_send.max(24.0) * 1.05)
        .include_y(0.0)
        .include_y(most * 1.05)
        .allow_scroll(false)
        .x_axis_label(t("gui-send-chart-hours"))
        .y_axis_label(t("gui-send-chart-count"))
        .show(ui, |plot| {
            plot.line(
                Line::new(
                    sends_name.clone(),
                    PlotPoints::from(view.sends_curve.clone()),
                )
                .color(sends_color)
                .width(2.0),
            );
            if !view.deadline_curve.is_empty() {
                plot.line(
                    Line::new(
                        deadlines_name.clone(),
                        PlotPoints::from(view.deadline_curve.clone()),
                    )
                    .color(deadlines_color),
                );
            }
        });
}

/// Naming, approving and exporting the shown plan.
fn approve_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    view: &PlannedView,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    let send = &state.send;
    let blocked = state.composer.report.as_ref().is_some_and(|r| r.blocked);
    let can_send = !send.work.is_busy() && !blocked && !view.plan.sends.is_empty();
    match &send.approved {
        Some((id, name)) => {
            ui.label(
                RichText::new(engine.i18n.tr(
                    lang,
                    "gui-send-approved",
                    &[("id", (*id).into()), ("name", name.as_str().into())],
                ))
                .color(format::state_color(crate::policy::WindowState::Open)),
            );
        }
        None => {
            ui.horizontal(|ui| {
                if let Some(name) = text_field(ui, &t("gui-send-name"), &send.name, 200.0) {
                    commands.push(Command::SetCampaignName(name));
                }
                if ui
                    .add_enabled(can_send, egui::Button::new(t("gui-send-approve")))
                    .on_disabled_hover_text(t("gui-send-approve-disabled"))
                    .clicked()
                {
                    commands.push(Command::Approve);
                }
            });
        }
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(path) = text_field(ui, &t("gui-send-file"), &send.out_path, 260.0) {
            commands.push(Command::SetExportPath(path));
        }
        if ui
            .button(t("gui-send-choose-file"))
            .on_hover_text(t("gui-send-choose-file-hint"))
            .clicked()
        {
            commands.push(Command::PickExportPath);
        }
        let format = state.prefs.export_format;
        let fl = ui.label(t("gui-send-format"));
        egui::ComboBox::from_id_salt("export-format")
            .selected_text(format.as_str())
            .show_ui(ui, |ui| {
                for f in [Format::Csv, Format::Jsonl] {
                    if ui.selectable_label(f == format, f.as_str()).clicked() {
                        commands.push(Command::SetExportFormat(f));
                    }
                }
            })
            .response
            .labelled_by(fl.id);
        if ui
            .add_enabled(can_send, egui::Button::new(t("gui-send-export")))
            .clicked()
        {
            commands.push(Command::Export);
        }
    });
    overwrite_and_work_ui(ui, state, engine, commands);
}

/// The question before an export replaces files, then the export's progress or outcome.
pub fn overwrite_and_work_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    if let Some(files) = &state.send.confirm_overwrite {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            engine.i18n.tr(
                lang,
                "gui-send-overwrite",
                &[
                    ("count", files.len().into()),
                    ("files", files.join(", ").into()),
                ],
            ),
        );
        ui.horizontal(|ui| {
            if ui.button(t("gui-send-overwrite-yes")).clicked() {
                commands.push(Command::ConfirmExport);
            }
            if ui.button(t("gui-cancel")).clicked() {
                commands.push(Command::CancelExport);
            }
        });
    }
    work_ui(ui, state, engine);
}

/// A labelled one-line field; the new text when it was edited this frame.
fn text_field(ui: &mut egui::Ui, label: &str, value: &str, width: f32) -> Option<String> {
    let l = ui.label(label);
    let mut text = value.to_string();
    ui.add(egui::TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(l.id)
        .changed()
        .then_some(text)
}

/// Progress or outcome of approving and exporting.
fn work_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    match &state.send.work {
        SendWork::Idle => {}
        SendWork::Approving(f) => {
            ui.label(i18n.t(lang, "gui-send-approving"));
            ui.add(egui::ProgressBar::new(*f).show_percentage());
        }
        SendWork::Exporting(f) => {
            ui.add(egui::ProgressBar::new(*f).show_percentage());
        }
        SendWork::Exported(r) => {
            for f in &r.files {
                ui.label(format!(
                    "{} {} ({})",
                    i18n.t(lang, "cli-export-wrote"),
                    f.path,
                    i18n.tr(lang, "cli-export-rows", &[("count", f.rows.into())])
                ));
            }
            if r.need_template > 0 && state.prefs.export_format == Format::Jsonl {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    i18n.tr(
                        lang,
                        "cli-export-need-template",
                        &[("count", r.need_template.into())],
                    ),
                );
            }
            if !r.unfilled.is_empty() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    i18n.tr(
                        lang,
                        "gui-send-unfilled",
                        &[("tokens", r.unfilled.join(", ").into())],
                    ),
                );
            }
        }
        SendWork::Failed(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    }
}

/// Approved campaigns, newest first, each with its numbers and an export button.
fn history_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    ui.label(RichText::new(t("gui-send-history")).strong());
    if state.send.history.is_empty() {
        ui.label(RichText::new(t("gui-send-history-empty")).weak());
        return;
    }
    let busy = state.send.work.is_busy();
    // One wrapped line per campaign: the panel beside the list is narrow, and a long name or
    // the Italian labels must not push the button out of sight.
    for h in &state.send.history {
        let c = &h.campaign;
        ui.horizontal_wrapped(|ui| {
            // The name opens the campaign in the Campaigns tab.
            if ui
                .link(RichText::new(&c.name).strong())
                .on_hover_text(&c.text)
                .clicked()
            {
                commands.push(Command::SelectCampaign(h.id));
                commands.push(Command::SetTab(Tab::Campaigns));
            }
            ui.label(format::instant(lang, state.zone(), c.approved_at));
            ui.label(i18n.tr(
                lang,
                "gui-send-counts",
                &[
                    ("planned", c.planned.into()),
                    ("excluded", c.excluded.into()),
                ],
            ))
            .on_hover_text(
                h.exports
                    .iter()
                    .map(|e| e.file.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            if ui
                .add_enabled(!busy, egui::Button::new(t("gui-send-export-again")))
                .clicked()
            {
                commands.push(Command::ExportCampaign(h.id));
            }
        });
    }
}
