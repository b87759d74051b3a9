//! The composer: write a message and see, as you type, its findings underlined in place,
//! the character count against the channel's limit, the suggested tag or route and why,
//! a route picker that warns when the choice does not fit, sample values for placeholders,
//! and how many of the filtered contacts the message reaches by each route.

use egui::{RichText, TextBuffer};

use crate::Engine;
use crate::compliance::{Severity, exclusion_phrase, placeholder, purpose_phrase, route_phrase};
use crate::gui::command::Command;
use crate::gui::format;
use crate::gui::state::AppState;
use crate::gui::widgets::highlight::{finding_at, highlight, severity_color};
use crate::i18n::{Lang, format_count, format_decimal};
use crate::policy::{Channel, Route};

/// Draws the composer tab.
pub fn composer_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    ui.columns(2, |cols| {
        editor_ui(&mut cols[0], state, engine, commands);
        egui::ScrollArea::vertical()
            .id_salt("composer-advice")
            .show(&mut cols[1], |ui| {
                advice_ui(ui, state, engine);
                facts_ui(ui, state, engine, commands);
                ui.separator();
                reach_ui(ui, state, engine, lang);
                if state.composer.reach.is_some()
                    && ui.button(engine.i18n.t(lang, "gui-send-plan")).clicked()
                {
                    commands.push(Command::SetTab(crate::gui::state::Tab::SendList));
                }
                if let Some(r) = &state.composer.report {
                    ui.separator();
                    routes_ui(ui, r, engine, lang);
                }
            });
    });
}

fn editor_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, commands: &mut Vec<Command>) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    let c = &state.composer;
    ui.horizontal(|ui| {
        let l = ui.label(t("gui-channel"));
        egui::ComboBox::from_id_salt("composer-channel")
            .selected_text(format::channel(state.prefs.channel))
            .show_ui(ui, |ui| {
                for ch in Channel::ALL {
                    if ui
                        .selectable_label(ch == state.prefs.channel, format::channel(ch))
                        .clicked()
                    {
                        commands.push(Command::SetChannel(ch));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(t("gui-route"));
        let chosen = c
            .route
            .as_ref()
            .map_or_else(|| t("gui-route-suggest"), |r| route_label(r, lang, engine));
        egui::ComboBox::from_id_salt("composer-route")
            .selected_text(chosen)
            .width(260.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(c.route.is_none(), t("gui-route-suggest"))
                    .clicked()
                {
                    commands.push(Command::SetRoute(None));
                }
                for r in routes_of(state, engine) {
                    let selected = c.route.as_ref() == Some(&r);
                    if ui
                        .selectable_label(selected, route_label(&r, lang, engine))
                        .clicked()
                    {
                        commands.push(Command::SetRoute(Some(r)));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    let label = ui.label(RichText::new(t("gui-message")).strong());
    // The checked text has the sample values filled in: its spans are moved back onto the
    // typed text, so the underlines stay where the user wrote the words.
    let findings: Vec<crate::compliance::Finding> = c
        .report
        .as_ref()
        .map(|r| r.findings.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|mut f| {
            (f.start, f.end) = placeholder::unfill_span(&c.text, &c.samples, f.start, f.end);
            f
        })
        .collect();
    // Only while the report is of the text on screen (a new one is on its way otherwise).
    let underline = c.checked_for.as_ref().map(|k| k.text.as_str()) == Some(c.filled().as_str());
    let mut layouter = |ui: &egui::Ui, buf: &dyn TextBuffer, wrap: f32| {
        let shown: &[crate::compliance::Finding] = if underline { &findings } else { &[] };
        let mut job = highlight(
            buf.as_str(),
            shown,
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        );
        job.wrap.max_width = wrap;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut text = c.text.clone();
    let output = egui::TextEdit::multiline(&mut text)
        .desired_rows(10)
        .desired_width(f32::INFINITY)
        .hint_text(t("gui-message-hint"))
        .layouter(&mut layouter)
        .show(ui);
    let response = output.response.response.clone().labelled_by(label.id);
    if response.changed() {
        commands.push(Command::SetText(text.clone()));
    }
    // The explanation of the finding under the pointer.
    if underline && let Some(pos) = response.hover_pos() {
        let cursor = output.galley.cursor_from_pos(pos - output.galley_pos);
        let byte = text
            .char_indices()
            .nth(cursor.index.0)
            .map_or(text.len(), |(b, _)| b);
        if let Some(f) = finding_at(&findings, byte) {
            response.clone().on_hover_text(f.explanation.clone());
        }
    }
    counter_ui(ui, state, engine);
    placeholders_ui(ui, state, engine, commands);
    findings_ui(ui, state, engine);
}

fn counter_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine) {
    let lang = state.lang();
    let text = state.composer.filled();
    let Some(cp) = engine.policy.channel(state.prefs.channel) else {
        return;
    };
    let (used, limit, unit) = match (cp.limits.text_max_chars, cp.limits.text_max_bytes) {
        (Some(max), _) => (text.chars().count(), max, "gui-chars"),
        (None, Some(max)) => (text.len(), max, "gui-bytes"),
        (None, None) => (text.chars().count(), usize::MAX, "gui-chars"),
    };
    let over = used > limit;
    let msg = if limit == usize::MAX {
        engine.i18n.tr(lang, unit, &[("used", used.into())])
    } else {
        engine.i18n.tr(
            lang,
            &format!("{unit}-of"),
            &[("used", used.into()), ("limit", limit.into())],
        )
    };
    let color = if over {
        severity_color(Severity::Block)
    } else {
        ui.visuals().weak_text_color()
    };
    ui.label(RichText::new(msg).color(color));
}

fn placeholders_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    engine: &Engine,
    commands: &mut Vec<Command>,
) {
    let lang = state.lang();
    let tokens = placeholder::tokens(&state.composer.text);
    if tokens.is_empty() {
        return;
    }
    ui.label(RichText::new(engine.i18n.t(lang, "gui-samples")).strong());
    egui::Grid::new("samples").num_columns(2).show(ui, |ui| {
        for token in tokens {
            let l = ui.monospace(&token);
            let mut value = state
                .composer
                .samples
                .get(&token)
                .cloned()
                .unwrap_or_default();
            if ui
                .add(egui::TextEdit::singleline(&mut value).desired_width(200.0))
                .labelled_by(l.id)
                .changed()
            {
                commands.push(Command::SetSample(token, value));
            }
            ui.end_row();
        }
    });
}

fn findings_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine) {
    let lang = state.lang();
    let Some(report) = &state.composer.report else {
        return;
    };
    ui.label(RichText::new(engine.i18n.t(lang, "gui-findings")).strong());
    if report.findings.is_empty() {
        ui.label(engine.i18n.t(lang, "gui-no-findings"));
    }
    for f in &report.findings {
        ui.horizontal_wrapped(|ui| {
            let sev = engine
                .i18n
                .t(lang, &format!("gui-severity-{}", f.severity.as_str()));
            ui.label(
                RichText::new(sev)
                    .color(egui::Color32::WHITE)
                    .background_color(severity_color(f.severity)),
            );
            ui.label(&f.explanation);
        });
    }
}

fn advice_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    ui.heading(t("gui-suggestion"));
    let Some(r) = &state.composer.report else {
        ui.label(t("gui-suggestion-empty"));
        return;
    };
    egui::Grid::new("advice")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label(t("cli-language"));
            ui.label(match r.language.as_str() {
                "en" | "it" | "es" => t(&format!("lang-{}", r.language)),
                "und" => t("lang-und"),
                other => crate::i18n::language_name(other, lang),
            });
            ui.end_row();
            ui.label(t("cli-promotional"));
            let promo = match r.promotional {
                Some(true) => t("cli-yes"),
                Some(false) => t("cli-no"),
                None => t("cli-not-checked"),
            };
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{promo} ({} {})",
                    t("cli-score"),
                    format_decimal(lang, r.score_shown(), 2)
                ));
                if r.learned.as_ref().is_some_and(|l| l.borderline) {
                    ui.label(
                        RichText::new(t("gui-borderline"))
                            .color(egui::Color32::WHITE)
                            .background_color(severity_color(Severity::Warn)),
                    );
                }
            });
            ui.end_row();
            ui.label(t("cli-purpose"));
            ui.label(purpose_phrase(r.purpose, lang, i18n));
            ui.end_row();
            ui.label(t("cli-suggested-tag"));
            ui.label(r.suggested_tag.clone().unwrap_or_else(|| t("cli-none")));
            ui.end_row();
            ui.label(t("cli-route"));
            ui.label(route_phrase(&r.suggested_route, lang, i18n));
            ui.end_row();
        });
    let blocked = r.blocked;
    ui.label(RichText::new(&r.route_reason).color(if blocked {
        severity_color(Severity::Block)
    } else {
        ui.visuals().text_color()
    }));
    if let Some(v) = &r.policy_version {
        let rule = r.rule.clone().unwrap_or_default();
        ui.label(RichText::new(format!("{} {v} {rule}", t("cli-policy"))).small());
    }
    if let Some(src) = &r.source {
        ui.hyperlink_to(RichText::new(t("gui-source")).small(), src);
    }
}

/// The facts only the marketer knows, as yes/no questions: each pre-filled with Ventana's
/// guess and how sure it is, until answered.
fn facts_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, commands: &mut Vec<Command>) {
    let i18n = &engine.i18n;
    let lang = state.lang();
    let t = |k: &str| i18n.t(lang, k);
    let Some(r) = &state.composer.report else {
        return;
    };
    if r.facts.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(t("gui-facts")).strong());
    for f in &r.facts {
        ui.label(&f.question);
        ui.horizontal_wrapped(|ui| {
            let answer = state.composer.answers.get(f.fact);
            let guess = i18n.tr(
                lang,
                "gui-fact-guess",
                &[
                    (
                        "answer",
                        t(if f.guess.yes {
                            "gui-fact-yes"
                        } else {
                            "gui-fact-no"
                        })
                        .into(),
                    ),
                    (
                        "percent",
                        ((f.guess.confidence * 100.0).round() as u64).into(),
                    ),
                ],
            );
            for (value, label) in [
                (Some(true), t("gui-fact-yes")),
                (Some(false), t("gui-fact-no")),
                (None, guess),
            ] {
                if ui.radio(answer == value, label).clicked() && answer != value {
                    commands.push(Command::SetFact(f.fact, value));
                }
            }
            if f.relied_on {
                ui.label(RichText::new(t("gui-fact-relied")).small().weak());
            }
        });
    }
}

/// Where the verdict holds, and every route outside the window: whether it fits the text
/// and whether it exists for the Page and the person (with why not, on hover).
fn routes_ui(ui: &mut egui::Ui, r: &crate::compliance::Report, engine: &Engine, lang: Lang) {
    use crate::policy::{Available, Fit, WindowNeed};
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    let country = |c: Option<crate::policy::Country>| {
        c.map_or_else(|| t("gui-country-unknown"), |c| c.name(lang).to_string())
    };
    ui.add_space(6.0);
    ui.label(
        RichText::new(i18n.tr(
            lang,
            "gui-place",
            &[
                ("page", country(r.page_country).into()),
                ("person", country(r.recipient_country).into()),
            ],
        ))
        .strong(),
    );
    if r.page_country.is_none() {
        ui.label(RichText::new(t("gui-place-unknown-hint")).small().weak());
    }
    egui::CollapsingHeader::new(t("gui-routes-outside"))
        .id_salt("composer-routes")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("composer-routes-grid")
                .num_columns(3)
                .spacing([8.0, 3.0])
                .show(ui, |ui| {
                    let mut seen: Vec<&Route> = Vec::new();
                    for o in r.routes.iter().filter(|o| o.window != WindowNeed::Inside) {
                        if seen.contains(&&o.route) {
                            continue;
                        }
                        seen.push(&o.route);
                        ui.label(route_label(&o.route, lang, engine));
                        let fits = o.fit == Fit::Fits;
                        ui.label(if fits {
                            t("gui-route-fits")
                        } else {
                            t("gui-route-does-not-fit")
                        });
                        let (key, color) = match o.available {
                            Available::Yes => (
                                "gui-route-here",
                                format::state_color(crate::policy::WindowState::Open),
                            ),
                            Available::Uncertain => {
                                ("gui-route-uncertain", severity_color(Severity::Warn))
                            }
                            Available::No => {
                                ("gui-route-not-here", severity_color(Severity::Block))
                            }
                        };
                        let badge = ui.label(
                            RichText::new(t(key))
                                .color(egui::Color32::WHITE)
                                .background_color(color),
                        );
                        if let Some(why) = &o.unavailable_reason {
                            badge.on_hover_text(&why.explanation);
                        }
                        ui.end_row();
                    }
                });
        });
}

fn reach_ui(ui: &mut egui::Ui, state: &AppState, engine: &Engine, lang: Lang) {
    let i18n = &engine.i18n;
    let t = |k: &str| i18n.t(lang, k);
    ui.heading(t("gui-reach"));
    let Some(reach) = &state.composer.reach else {
        ui.label(t("gui-reach-empty"));
        return;
    };
    ui.label(i18n.tr(
        lang,
        "gui-reach-summary",
        &[
            ("reachable", reach.reachable().into()),
            ("total", reach.total.into()),
            (
                "at",
                format::instant(lang, state.zone(), state.now().timestamp()).into(),
            ),
        ],
    ));
    egui::Grid::new("reach")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (route, n) in &reach.by_route {
                ui.label(route_phrase(route, lang, i18n));
                ui.label(RichText::new(format_count(lang, *n)).strong());
                ui.end_row();
            }
            for (why, n) in &reach.excluded {
                ui.label(
                    RichText::new(exclusion_phrase(*why, lang, i18n))
                        .color(ui.visuals().weak_text_color()),
                );
                ui.label(format_count(lang, *n));
                ui.end_row();
            }
        });
}

/// A route as the picker shows it: its phrase, and the tag name for tags.
fn route_label(r: &Route, lang: Lang, engine: &Engine) -> String {
    match r {
        Route::MessageTag(tag) => tag.clone(),
        other => route_phrase(other, lang, &engine.i18n),
    }
}

/// Every route the channel has ever had (in force ones first), for the picker.
fn routes_of(state: &AppState, engine: &Engine) -> Vec<Route> {
    let Some(cp) = engine.policy.channel(state.prefs.channel) else {
        return Vec::new();
    };
    let at = state.now();
    let mut routes: Vec<(bool, Route)> = Vec::new();
    for r in &cp.rules {
        let live = r.in_force(at);
        match routes.iter_mut().find(|(_, x)| *x == r.route) {
            Some((l, _)) => *l |= live,
            None => routes.push((live, r.route.clone())),
        }
    }
    routes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    routes.into_iter().map(|(_, r)| r).collect()
}
