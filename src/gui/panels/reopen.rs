//! The Reopen tab: entry points that make people write first (a link or QR code with a ref,
//! an ad, a reply to a comment), each with its link, QR code and the sentence to print beside
//! it; who came back after it went out; who can still be asked and how; and when people write.

use egui::{Color32, RichText, Sense, Vec2};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints};

use crate::Engine;
use crate::compliance::channel_name;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::{AppState, EntryDraft, EntryEdit};
use crate::gui::widgets::legend::legend;
use crate::gui::widgets::pick_list::pick_list;
use crate::i18n::Lang;
use crate::policy::{Channel, WindowState};
use crate::reopen::qr::{Modules, QUIET};
use crate::reopen::returns::MatchedBy;
use crate::reopen::{EntryKind, Report, entries};
use crate::store::EntryPoint;

/// Draws the Reopen tab.
pub fn reopen_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let r = &state.reopen;
    if r.report.is_none() && !r.loading {
        commands.push(Command::RefreshReopen);
    }
    let lang = state.lang();
    let items = r.entries.iter().map(|e| {
        let text = format!(
            "{}\n{} · {}",
            e.name,
            e.kind.name(lang),
            e.ref_.as_deref().unwrap_or("—")
        );
        (e.id, text)
    });
    let selected = r
        .selected
        .filter(|id| r.entries.iter().any(|e| e.id == *id))
        .or_else(|| r.entries.first().map(|e| e.id));
    if !r.entries.is_empty()
        && let Some(id) = pick_list(ui, "entry-list", items, selected)
    {
        commands.push(Command::SelectEntry(id));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        // One form at a time: the new entry point's is away while one is edited.
        if r.edit.is_none() {
            form_ui(ui, state, engine, commands);
            ui.separator();
        }
        match r.entries.iter().find(|e| Some(e.id) == selected) {
            Some(e) => entry_ui(ui, state, engine, e, commands),
            None => {
                ui.label(RichText::new(engine.i18n.t(lang, "gui-reopen-none")).weak());
            }
        }
        ui.separator();
        report_ui(ui, state, engine);
    });
}

/// The form that records a new entry point.
fn form_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, commands: &mut Vec<Command>) {
    let lang = state.lang();
    let d = &state.reopen.draft;
    let mut next = d.clone();
    // Open while there is nothing else to show; folded away once entry points exist.
    egui::CollapsingHeader::new(RichText::new(engine.i18n.t(lang, "gui-reopen-new")).strong())
        .default_open(state.reopen.entries.is_empty())
        .show(ui, |ui| form_fields(ui, state, engine, &mut next, commands));
    if next != *d {
        commands.push(Command::EditEntryDraft(next));
    }
}

/// The fields of the form, the Create button and why the last creation failed.
fn form_fields(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    next: &mut EntryDraft,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    let d = &state.reopen.draft;
    egui::Grid::new("entry-form")
        .num_columns(4)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label(t("gui-reopen-page"));
            let page_name = |id: &str| state.page_name(id).to_string();
            egui::ComboBox::from_id_salt("entry-page")
                .selected_text(if d.page_id.is_empty() {
                    t("gui-reopen-pick-page")
                } else {
                    page_name(&d.page_id)
                })
                .width(220.0)
                .show_ui(ui, |ui| {
                    for p in state.pages.iter().filter(|p| !p.id.is_empty()) {
                        ui.selectable_value(&mut next.page_id, p.id.clone(), page_name(&p.id));
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(t("gui-reopen-kind"));
            egui::ComboBox::from_id_salt("entry-kind")
                .selected_text(d.kind.name(lang))
                .width(220.0)
                .show_ui(ui, |ui| {
                    for k in EntryKind::ALL {
                        ui.selectable_value(&mut next.kind, k, k.name(lang));
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t("gui-reopen-ref"));
            ui.add(
                egui::TextEdit::singleline(&mut next.ref_)
                    .hint_text(t("gui-reopen-ref-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
            let l = ui.label(t("gui-reopen-name"));
            ui.add(
                egui::TextEdit::singleline(&mut next.name)
                    .hint_text(t("gui-reopen-name-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t("gui-reopen-campaign"));
            campaign_combo(ui, state, engine, "entry-campaign", &mut next.campaign_id)
                .labelled_by(l.id);
            let l = ui.label(t("gui-reopen-channel"));
            egui::ComboBox::from_id_salt("entry-channel")
                .selected_text(channel_name(d.channel))
                .width(220.0)
                .show_ui(ui, |ui| {
                    for c in [Channel::Messenger, Channel::Instagram] {
                        ui.selectable_value(&mut next.channel, c, channel_name(c));
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
        });
    ui.horizontal_wrapped(|ui| {
        let ready = !d.page_id.is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(t("gui-reopen-create")))
            .clicked()
        {
            commands.push(Command::CreateEntry);
        }
        ui.label(
            RichText::new(engine.i18n.tr(
                lang,
                "gui-reopen-starts",
                &[(
                    "at",
                    format::instant(lang, state.zone(), state.now().timestamp()).into(),
                )],
            ))
            .weak(),
        );
    });
    if let Some(e) = &state.reopen.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

/// One entry point: what it is, its link, QR code and text, and who came back.
fn entry_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    e: &EntryPoint,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let campaign_name = |id: Option<i64>| {
        id.and_then(|id| state.send.history.iter().find(|h| h.id == id))
            .map(|h| h.campaign.name.clone())
    };
    ui.horizontal(|ui| {
        ui.heading(&e.name);
        if state.reopen.edit.is_none() && ui.button(t("gui-reopen-edit")).clicked() {
            let local = format::instant(lang, state.zone(), e.started_at);
            // The instant as the field reads it back: without the zone's abbreviation.
            let started = local
                .rsplit_once(' ')
                .map_or(local.clone(), |(s, _)| s.to_string());
            commands.push(Command::EditEntry(Some(EntryEdit {
                id: e.id,
                name: e.name.clone(),
                campaign_id: e.campaign_id,
                started,
            })));
        }
    });
    if let Some(edit) = state.reopen.edit.as_ref().filter(|x| x.id == e.id) {
        edit_ui(ui, state, engine, edit, commands);
    }
    let campaign = campaign_name(e.campaign_id).unwrap_or_else(|| "—".to_string());
    ui.label(i18n.tr(
        lang,
        "gui-reopen-facts",
        &[
            ("kind", e.kind.name(lang).into()),
            ("page", state.page_name(&e.page_id).into()),
            ("ref", e.ref_.as_deref().unwrap_or("—").into()),
            (
                "started",
                format::instant(lang, state.zone(), e.started_at).into(),
            ),
            ("campaign", campaign.into()),
        ],
    ));
    let url = entries::link_for(e, state.page_username(&e.page_id));
    match &url {
        Some(url) => {
            ui.horizontal(|ui| {
                if e.kind == EntryKind::Qr || e.kind == EntryKind::Link {
                    qr_ui(ui, url);
                }
                ui.vertical(|ui| {
                    ui.label(RichText::new(url).monospace());
                    ui.horizontal(|ui| {
                        if ui.button(t("gui-reopen-copy")).clicked() {
                            ui.ctx().copy_text(url.clone());
                        }
                        if ui.button(t("gui-reopen-save-qr")).clicked() {
                            commands.push(Command::SaveQr(e.id));
                        }
                    });
                    ui.add_space(6.0);
                    ui.label(RichText::new(t("gui-reopen-text")).strong());
                    ui.add(
                        egui::Label::new(entries::blurb(lang, e.kind, e.channel, url))
                            .selectable(true),
                    );
                    match &state.reopen.message {
                        Some(Ok(m)) => {
                            ui.label(m);
                        }
                        Some(Err(m)) => {
                            ui.colored_label(ui.visuals().error_fg_color, m);
                        }
                        None => {}
                    }
                });
            });
        }
        None if entries::has_link(e.kind) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                crate::reopen::entries::EntryError::NoUsername(e.page_id.clone()).sentence(lang),
            );
        }
        None => {
            ui.label(
                RichText::new(t(match e.kind {
                    EntryKind::Ad => "gui-reopen-ad-how",
                    _ => "gui-reopen-reply-how",
                }))
                .weak(),
            );
        }
    }
    if let Some(Ok(report)) = &state.reopen.report
        && let Some(ret) = report.returns.entry_points.iter().find(|x| x.id == e.id)
    {
        let key = match ret.matched_by {
            MatchedBy::Ref => "cli-returns-by-ref",
            MatchedBy::AnyInteraction => "cli-returns-by-any",
        };
        ui.add_space(6.0);
        ui.label(
            RichText::new(i18n.tr(
                lang,
                key,
                &[
                    ("name", e.name.as_str().into()),
                    ("count", ret.reopened.into()),
                    ("any", ret.any_interaction.into()),
                    (
                        "started",
                        format::instant(lang, state.zone(), e.started_at).into(),
                    ),
                ],
            ))
            .strong(),
        );
        if let Some(n) = ret.campaign_reopened {
            ui.label(i18n.tr(lang, "cli-returns-campaign", &[("count", n.into())]));
        }
    }
    ui.horizontal(|ui| {
        if state.reopen.confirm_delete {
            ui.label(t("gui-reopen-delete-sure"));
            if ui.button(t("gui-contact-delete-yes")).clicked() {
                commands.push(Command::DeleteEntry(e.id));
            }
            if ui.button(t("gui-cancel")).clicked() {
                commands.push(Command::AskDeleteEntry(false));
            }
        } else if ui.button(t("gui-reopen-delete")).clicked() {
            commands.push(Command::AskDeleteEntry(true));
        }
    });
}

/// The fields that change an entry point's name, campaign and start (its Page, kind and ref
/// stay: the link is already out there).
fn edit_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    edit: &EntryEdit,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    let mut next = edit.clone();
    egui::Grid::new("entry-edit")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label(t("gui-reopen-name"));
            ui.add(egui::TextEdit::singleline(&mut next.name).desired_width(260.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t("gui-reopen-campaign"));
            campaign_combo(
                ui,
                state,
                engine,
                "entry-edit-campaign",
                &mut next.campaign_id,
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t("gui-reopen-started"));
            ui.add(egui::TextEdit::singleline(&mut next.started).desired_width(160.0))
                .labelled_by(l.id)
                .on_hover_text(t("gui-planning-format"));
            ui.end_row();
        });
    ui.horizontal(|ui| {
        if ui.button(t("gui-reopen-save")).clicked() {
            commands.push(Command::SaveEntry);
        }
        if ui.button(t("gui-cancel")).clicked() {
            commands.push(Command::EditEntry(None));
        }
    });
    if let Some(e) = &state.reopen.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if next != *edit {
        commands.push(Command::EditEntry(Some(next)));
    }
}

/// A combo box of the approved campaigns, or none.
fn campaign_combo(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    salt: &str,
    value: &mut Option<i64>,
) -> egui::Response {
    let none = engine.i18n.t(state.lang(), "gui-reopen-no-campaign");
    let shown = value
        .and_then(|id| state.send.history.iter().find(|h| h.id == id))
        .map_or_else(|| none.clone(), |h| h.campaign.name.clone());
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none.as_str());
            for h in &state.send.history {
                ui.selectable_value(value, Some(h.id), &h.campaign.name);
            }
        })
        .response
}

/// The QR code of `url`, drawn module by module.
fn qr_ui(ui: &mut egui::Ui, url: &str) {
    let Ok(m) = Modules::of(url) else {
        return;
    };
    let side = m.width + 2 * QUIET;
    let px = (180.0 / side as f32).floor().max(2.0);
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(px * side as f32), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    for y in 0..m.width {
        for x in 0..m.width {
            if m.is_dark(x, y) {
                let min = rect.min + Vec2::new((x + QUIET) as f32, (y + QUIET) as f32) * px;
                painter.rect_filled(
                    egui::Rect::from_min_size(min, Vec2::splat(px)),
                    0.0,
                    Color32::BLACK,
                );
            }
        }
    }
}

/// Who can still be asked, and when people come back.
fn report_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let report = match &state.reopen.report {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t("gui-reopen-computing"));
            });
            return;
        }
    };
    let scope = match report
        .ask_campaign
        .and_then(|id| state.send.history.iter().find(|h| h.id == id))
    {
        Some(h) => i18n.tr(
            lang,
            "gui-reopen-ask-campaign",
            &[("name", h.campaign.name.as_str().into())],
        ),
        None => t("gui-reopen-ask-all"),
    };
    ui.label(
        RichText::new(i18n.tr(
            lang,
            "gui-reopen-ask-title",
            &[("scope", scope.into()), ("count", report.ask.closed.into())],
        ))
        .strong(),
    );
    let a = &report.ask;
    egui::Grid::new("ask-split")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (n, key, color) in [
                (
                    a.human_agent,
                    "gui-reopen-ask-human",
                    WindowState::HumanAgentOnly,
                ),
                (
                    a.private_reply,
                    "gui-reopen-ask-reply",
                    WindowState::MaybeOpen,
                ),
                (a.ad_audience, "gui-reopen-ask-ad", WindowState::Closed),
            ] {
                ui.label(
                    RichText::new(crate::i18n::format_count(lang, n))
                        .strong()
                        .color(format::state_color(color)),
                );
                ui.label(t(key));
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        weekly_ui(&mut cols[0], state, engine, report);
        hours_ui(&mut cols[1], engine, lang, report);
    });
}

/// Return rate per Page per week, one line per Page.
fn weekly_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, report: &Report) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    ui.label(RichText::new(t("gui-reopen-weekly")).strong());
    let mut weeks: Vec<chrono::NaiveDate> = report.returns.weekly.iter().map(|w| w.week).collect();
    weeks.dedup();
    let mut pages: Vec<&str> = report
        .returns
        .weekly
        .iter()
        .map(|w| w.page_id.as_str())
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let palette = [
        format::state_color(WindowState::Open),
        format::state_color(WindowState::HumanAgentOnly),
        format::state_color(WindowState::Closing),
        format::state_color(WindowState::Unknown),
    ];
    let names: Vec<String> = pages
        .iter()
        .map(|p| {
            if p.is_empty() {
                t("gui-no-page")
            } else {
                state.page_name(p).to_string()
            }
        })
        .collect();
    let entries: Vec<(&str, Color32)> = names
        .iter()
        .zip(palette.iter().cycle())
        .map(|(n, c)| (n.as_str(), *c))
        .collect();
    legend(ui, &entries);
    let labels = weeks.clone();
    Plot::new("reopen-weekly")
        .height(160.0)
        .include_y(0.0)
        .include_y(10.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_label(t("gui-reopen-week-axis"))
        .y_axis_label(t("gui-reopen-rate-axis"))
        // A mark per week; egui_plot keeps the labels of every other or fourth when narrow.
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 2.0, 4.0]))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            labels
                .get(i as usize)
                .map(|d| short_day(lang, *d))
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            for (page, (name, color)) in pages.iter().zip(names.iter().zip(palette.iter().cycle()))
            {
                let points: Vec<[f64; 2]> = report
                    .returns
                    .weekly
                    .iter()
                    .filter(|w| w.page_id == *page)
                    .filter_map(|w| {
                        let i = weeks.iter().position(|d| *d == w.week)?;
                        Some([i as f64, w.rate * 100.0])
                    })
                    .collect();
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(points))
                        .color(*color)
                        .width(2.0),
                );
            }
        });
}

/// A day without its year, as the language writes it: 11-23, 23/11.
fn short_day(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%m-%d").to_string(),
        Lang::It | Lang::Es => d.format("%d/%m").to_string(),
    }
}

/// Actions by hour of the day: when people write, so when a campaign that needs an open
/// window should go out.
fn hours_ui(ui: &mut egui::Ui, engine: &Engine, lang: Lang, report: &Report) {
    let t = |k: &str| engine.i18n.t(lang, k);
    ui.label(
        RichText::new(engine.i18n.tr(
            lang,
            "gui-reopen-hours",
            &[("zone", report.returns.zone.as_str().into())],
        ))
        .strong(),
    );
    let color = format::state_color(WindowState::Open);
    let bars: Vec<Bar> = report
        .returns
        .by_hour
        .iter()
        .map(|h| {
            Bar::new(f64::from(h.hour), h.actions as f64)
                .width(0.8)
                .fill(color)
        })
        .collect();
    Plot::new("reopen-hours")
        .height(160.0)
        .include_y(0.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_label(t("gui-reopen-hour-axis"))
        .y_axis_label(t("gui-reopen-actions-axis"))
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(t("gui-reopen-actions-axis"), bars));
        });
}
