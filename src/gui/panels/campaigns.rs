//! Approved campaigns: each with its message, route, policy version, planning instant,
//! counts, exports and recipients (searchable), and an export from there.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::Engine;
use std::collections::BTreeMap;

use crate::compliance::{Fact, exclusion_phrase, facts, route_phrase};
use crate::export::SendList;
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::AppState;
use crate::gui::widgets::pick_list::pick_list;
use crate::i18n::Arg;
use crate::policy::{Exclusion, Route};
use crate::store::CampaignSummary;

const ROW_HEIGHT: f32 = 22.0;

/// Draws the Campaigns tab.
pub fn campaigns_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let t = |k: &str| engine.i18n.t(lang, k);
    let history = &state.send.history;
    if history.is_empty() {
        ui.add_space(24.0);
        ui.label(t("gui-campaigns-none"));
        return;
    }
    // The newest campaign is shown until the user picks another.
    let selected = state.campaigns.selected.or_else(|| {
        let first = history.first().map(|h| h.id);
        commands.extend(first.map(Command::SelectCampaign));
        first
    });
    let items = history.iter().map(|h| {
        let c = &h.campaign;
        let text = format!(
            "{}\n{} · {}",
            c.name,
            format::instant(lang, state.zone(), c.approved_at),
            engine.i18n.tr(
                lang,
                "gui-send-counts",
                &[
                    ("planned", c.planned.into()),
                    ("excluded", c.excluded.into())
                ],
            )
        );
        (h.id, text)
    });
    if let Some(id) = pick_list(ui, "campaign-list", items, selected) {
        commands.push(Command::SelectCampaign(id));
    }
    let Some(h) = history.iter().find(|h| Some(h.id) == selected) else {
        ui.label(t("gui-campaigns-pick"));
        return;
    };
    facts_ui(ui, state, engine, h, commands);
    ui.separator();
    recipients_ui(ui, state, engine, commands);
}

/// What was approved, its exports, and an export of it.
fn facts_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    h: &CampaignSummary,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let c = &h.campaign;
    let when = |at: i64| format::instant(lang, state.zone(), at);
    ui.heading(&c.name);
    egui::Grid::new("campaign-facts")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(t("gui-campaign-message")).strong());
            ui.add(egui::Label::new(&c.text).wrap());
            ui.end_row();
            ui.label(RichText::new(t("gui-campaign-route")).strong());
            let route = c
                .route
                .as_deref()
                .and_then(|r| r.parse::<Route>().ok())
                .map_or_else(
                    || t("gui-campaign-best-route"),
                    |r| route_phrase(&r, lang, i18n),
                );
            let channel = c
                .channel
                .parse::<crate::policy::Channel>()
                .map_or_else(|_| c.channel.clone(), |ch| format::channel(ch).to_string());
            ui.label(format!("{route} · {channel}"));
            ui.end_row();
            ui.label(RichText::new(t("gui-campaign-policy")).strong());
            ui.label(c.policy_version.as_deref().unwrap_or("—"));
            ui.end_row();
            ui.label(RichText::new(t("gui-campaign-planned-at")).strong());
            ui.label(when(c.planned_at));
            ui.end_row();
            ui.label(RichText::new(t("gui-campaign-approved-at")).strong());
            ui.label(when(c.approved_at));
            ui.end_row();
            ui.label(RichText::new(t("gui-campaign-pace")).strong());
            let mut pace = Vec::new();
            if let Some(rate) = c.rate_per_min {
                pace.push(i18n.tr(lang, "gui-campaign-pace-rate", &[("rate", Arg::Num(rate))]));
            }
            if let Some(q) = &c.quiet_hours {
                pace.push(i18n.tr(
                    lang,
                    "gui-campaign-pace-quiet",
                    &[("hours", q.as_str().into())],
                ));
            }
            if pace.is_empty() {
                pace.push(t("gui-campaign-pace-none"));
            }
            ui.label(pace.join(" · "));
            ui.end_row();
            ui.label(RichText::new(t("gui-campaign-counts")).strong());
            ui.label(i18n.tr(
                lang,
                "gui-campaign-counts-text",
                &[
                    ("considered", c.considered.into()),
                    ("planned", c.planned.into()),
                    ("excluded", c.excluded.into()),
                ],
            ));
            ui.end_row();
            // The answers the plan rested on, from the summary kept with the campaign.
            let answers: Vec<(Fact, bool)> = serde_json::from_str::<serde_json::Value>(&c.summary)
                .ok()
                .and_then(|v| v.get("answers").cloned())
                .and_then(|a| serde_json::from_value::<BTreeMap<Fact, bool>>(a).ok())
                .map(|m| m.into_iter().collect())
                .unwrap_or_default();
            if let Some(said) = facts::said(answers, lang) {
                ui.label(RichText::new(t("gui-campaign-answers")).strong());
                ui.add(egui::Label::new(said).wrap());
                ui.end_row();
            }
            ui.label(RichText::new(t("gui-campaign-exports")).strong());
            ui.vertical(|ui| {
                if h.exports.is_empty() {
                    ui.label(RichText::new(t("gui-campaign-exports-none")).weak());
                }
                for e in &h.exports {
                    ui.label(i18n.tr(
                        lang,
                        "gui-campaign-export-line",
                        &[
                            ("file", e.file.as_str().into()),
                            ("rows", e.rows.into()),
                            ("format", e.format.as_str().into()),
                            ("at", when(e.exported_at).into()),
                        ],
                    ));
                }
            });
            ui.end_row();
        });
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t("gui-send-file"));
        let mut path = state.send.out_path.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut path).desired_width(320.0))
            .labelled_by(l.id)
            .changed()
        {
            commands.push(Command::SetExportPath(path));
        }
        if ui.button(t("gui-send-choose-file")).clicked() {
            commands.push(Command::PickExportPath);
        }
        let busy = state.send.work.is_busy();
        if ui
            .add_enabled(!busy, egui::Button::new(t("gui-send-export")))
            .clicked()
        {
            commands.push(Command::ExportCampaign(h.id));
        }
    });
    super::send_list::overwrite_and_work_ui(ui, state, engine, commands);
}

/// The campaign's recipients, planned or excluded, searchable, virtual-scrolled.
fn recipients_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let c = &state.campaigns;
    ui.label(RichText::new(t("gui-campaign-recipients")).strong());
    if let Some(e) = &c.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
        return;
    }
    let Some((_, list)) = &c.list else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t("gui-campaign-loading"));
        });
        return;
    };
    ui.horizontal(|ui| {
        if let Some(show) = super::send_list::planned_or_excluded_ui(
            ui,
            engine,
            lang,
            (list.sends.len(), list.excluded.len()),
            c.show_excluded,
        ) {
            commands.push(Command::ShowCampaignExcluded(show));
        }
        let l = ui.label(t("gui-campaign-search"));
        let mut search = c.search.clone();
        if ui
            .add(
                egui::TextEdit::singleline(&mut search)
                    .hint_text(t("gui-filter-search-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(l.id)
            .changed()
        {
            commands.push(Command::SetCampaignSearch(search));
        }
    });
    let all = if c.show_excluded {
        list.excluded.len()
    } else {
        list.sends.len()
    };
    let rows = match &c.rows {
        Some((_, excluded, rows)) if *excluded == c.show_excluded => Some(rows.clone()),
        _ => None,
    };
    let count = rows.as_ref().map_or(all, |r| r.len());
    if count == 0 {
        ui.label(t("gui-campaign-no-match"));
        return;
    }
    let zone = state
        .now()
        .with_timezone(&state.zone())
        .format("%Z")
        .to_string();
    let headers: Vec<String> = if c.show_excluded {
        ["gui-col-name", "gui-col-psid", "gui-send-col-reason"]
            .iter()
            .map(|k| t(k))
            .collect()
    } else {
        [
            "gui-col-name",
            "gui-send-col-route",
            "gui-send-col-by",
            "gui-send-col-at",
        ]
        .iter()
        .map(|k| i18n.tr(lang, k, &[("zone", zone.as_str().into())]))
        .collect()
    };
    let mut table = TableBuilder::new(ui)
        .id_salt(("campaign-recipients", c.show_excluded))
        .striped(true)
        .sense(Sense::hover());
    for _ in 1..headers.len() {
        table = table.column(Column::initial(200.0).at_least(80.0).clip(true));
    }
    table
        .column(Column::remainder().clip(true))
        .header(24.0, |mut h| {
            for head in &headers {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, count, |mut row| {
                let k = rows
                    .as_ref()
                    .map_or(row.index(), |r| r[row.index()] as usize);
                recipient_row(&mut row, state, engine, list, k, c.show_excluded);
            });
        });
}

/// One row of the recipients table: the `k`-th send, or the `k`-th excluded contact.
fn recipient_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    state: &AppState,
    engine: &Engine,
    list: &SendList,
    k: usize,
    excluded: bool,
) {
    let lang = state.lang();
    let i18n = &engine.i18n;
    if excluded {
        let Some(l) = list.excluded.get(k) else {
            return;
        };
        let d = list.contacts.get(l.contact as usize).unwrap_or_default();
        row.col(|ui| {
            ui.label(d.name);
        });
        row.col(|ui| {
            ui.label(RichText::new(d.psid).monospace());
        });
        row.col(|ui| {
            let why = match l.why {
                Exclusion::RegionUnavailable => list
                    .regions
                    .iter()
                    .find(|(r, _)| Some(*r) == l.rule)
                    .map(|(_, why)| crate::compliance::region_explanation(why, lang, i18n)),
                _ => None,
            };
            let phrase = exclusion_phrase(l.why, lang, i18n);
            let shown = ui.label(&phrase);
            shown.on_hover_text(why.unwrap_or(phrase));
        });
    } else {
        let Some(e) = list.sends.get(k) else { return };
        let d = list.contacts.get(e.contact as usize).unwrap_or_default();
        row.col(|ui| {
            ui.label(d.name).on_hover_text(d.psid);
        });
        row.col(|ui| {
            if let Some((route, rule)) = list.rules.get(usize::from(e.rule)) {
                ui.label(
                    route
                        .tag()
                        .map_or_else(|| route.to_string(), str::to_string),
                )
                .on_hover_text(format!("{} — {rule}", route_phrase(route, lang, i18n)));
            }
        });
        row.col(|ui| {
            ui.label(e.send_by.map_or_else(
                || i18n.t(lang, "gui-send-no-deadline"),
                |b| format::instant_cell(lang, state.zone(), b),
            ));
        });
        row.col(|ui| {
            ui.label(format::instant_cell(lang, state.zone(), e.send_at));
        });
    }
}
