//! The desktop app, driven headless with egui_kittest: widgets found by role and label, no
//! GPU, no display. Each test opens its own database with the demo contacts at the demo's
//! planning instant.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};

use ventana::Engine;
use ventana::gui::VentanaApp;
use ventana::gui::command::Command;
use ventana::gui::state::{Prefs, Tab};
use ventana::i18n::Lang;
use ventana::policy::WindowState;

struct Ui {
    _dir: tempfile::TempDir,
    harness: Harness<'static, VentanaApp>,
}

fn app_with(tab: Tab, demo: bool) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let engine = Arc::new(Engine::embedded().unwrap());
    let prefs = Prefs {
        tab,
        ..Prefs::default()
    };
    let now = "2026-11-22T10:00:00Z".parse().ok();
    let mut app = VentanaApp::new(engine, dir.path().join("ventana.db"), prefs, now, false);
    app.finish_jobs();
    if demo {
        app.apply(Command::LoadDemo);
        app.finish_jobs();
    }
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(
            |ui, app: &mut VentanaApp| {
                let commands = app.ui_body(ui);
                app.update(commands);
            },
            app,
        );
    let mut ui = Ui { _dir: dir, harness };
    ui.settle();
    ui
}

/// Opens the zone picker labelled `label`, searches for `search` and picks the zone `name`.
fn pick_zone(ui: &mut Ui, label: &str, search: &str, name: &str) {
    ui.harness
        .get_by_role_and_label(Role::ComboBox, label)
        .click();
    ui.harness.run_steps(2);
    ui.harness
        .get(by().role(Role::TextInput).predicate(|n| {
            n.placeholder()
                .is_some_and(|p| p.starts_with("Search zones"))
        }))
        .type_text(search);
    ui.harness.run_steps(2);
    ui.harness
        .get(by().role(Role::Button).label_contains(name))
        .click();
    ui.harness.run_steps(2);
}

/// Writes `csv` to `name` and imports it through the dialog as previewed, then closes it.
/// Picks a language in the top bar's combo box, labelled `label` in the current language.
fn pick_language(ui: &mut Ui, label: &str, name: &str) {
    ui.harness
        .get_by_role_and_label(Role::ComboBox, label)
        .click();
    ui.settle();
    ui.harness.get_by_role_and_label(Role::Button, name).click();
    ui.settle();
}

fn import_through_dialog(ui: &mut Ui, name: &str, csv: &str) {
    let file = ui._dir.path().join(name);
    std::fs::write(&file, csv).unwrap();
    ui.harness.state_mut().apply(Command::PreviewFile(file));
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    ui.settle();
    ui.harness.state_mut().apply(Command::CloseImport);
    ui.settle();
}

/// Types the campaign name in the Send list and approves the plan shown.
fn approve_as(ui: &mut Ui, name: &str) {
    let field = ui
        .harness
        .get_by_role_and_label(Role::TextInput, "Campaign name");
    field.focus();
    field.type_text(name);
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Approve")
        .click();
    ui.settle();
}

impl Ui {
    /// Runs frames until the app's jobs are done and the UI is still.
    fn settle(&mut self) {
        for _ in 0..50 {
            self.harness.run_steps(2);
            self.harness.state_mut().finish_jobs();
            let app = self.harness.state();
            if app.jobs.pending == 0 && !app.state.loading {
                break;
            }
        }
        self.harness.run_steps(2);
    }
}

#[test]
fn an_empty_database_offers_the_demo_and_loads_it() {
    let mut ui = app_with(Tab::Contacts, false);
    ui.harness.get_by_label("Load the demo contacts").click();
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(
        st.contact_total(),
        420,
        "status {:?} {:?}",
        st.status,
        st.status_key
    );
    assert!(
        ui.harness
            .query_all_by_value("420 contacts")
            .next()
            .is_some()
    );
    ui.harness.get_by_label("Remove the demo contacts");
}

#[test]
fn a_window_filter_changes_the_counts() {
    let mut ui = app_with(Tab::Contacts, true);
    let st = &ui.harness.state().state;
    assert!(
        ui.harness
            .query_by_label_contains("420 of 420 contacts shown")
            .is_some(),
        "loading {} data {} pending {}",
        st.loading,
        st.data.is_some(),
        ui.harness.state().jobs.pending
    );
    ui.harness
        .get_by_role_and_label(Role::ComboBox, "Window")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Human agent only")
        .click();
    ui.settle();
    let data = ui.harness.state().state.data.clone().unwrap();
    assert_eq!(data.rows.len(), 133);
    assert_eq!(data.counts.human_agent_only, 133);
    assert_eq!(
        data.counts.open + data.counts.closed + data.counts.unknown,
        0
    );
    ui.harness
        .get_by_label_contains("133 of 420 contacts shown");
    // Every row shown is in that state at the planning instant.
    let app = ui.harness.state();
    let ix = &data.index;
    let eval = ventana::plan::index::StateEval::new(
        ix,
        &app.engine.policy,
        app.state.now(),
        app.state.prefs.horizon(),
    );
    assert!(
        data.rows
            .iter()
            .all(|&p| eval.state(p as usize).state == WindowState::HumanAgentOnly)
    );
}

#[test]
fn typing_a_promotion_blocks_a_tag_and_changes_the_suggestion() {
    let mut ui = app_with(Tab::Composer, true);
    let editor = ui
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, "Message");
    editor.focus();
    editor.type_text("Il tuo ordine #4521 è stato spedito!");
    ui.settle();
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert_eq!(report.promotional, Some(false));
    // The demo's Pages are in Italy and Spain, where Utility Messages do not exist.
    assert_eq!(report.suggested_route.to_string(), "standard");
    ui.harness
        .get_by_label_contains("POST_PURCHASE_UPDATE was retired on 2026-04-27");

    let editor = ui
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, "Message");
    editor.focus();
    editor.type_text(" Usa il codice SCONTO10 per il 10% sul prossimo acquisto");
    ui.settle();
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert_eq!(report.promotional, Some(true));
    ui.harness
        .get_by_label_contains("no message tag may carry it");
    ui.harness
        .get_by_label_contains("“Usa il codice SCONTO10” is a coupon");

    // Picking a tag that cannot carry it: the cues and the tag block.
    ui.harness
        .get_by_role_and_label(Role::ComboBox, "Route")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "HUMAN_AGENT")
        .click();
    ui.settle();
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert!(report.blocked);
    assert!(
        !ui.harness
            .get_all_by_label("blocks")
            .collect::<Vec<_>>()
            .is_empty()
    );
    // The reach follows the pick: nobody can get a promotion as HUMAN_AGENT.
    let reach = ui.harness.state().state.composer.reach.clone().unwrap();
    assert_eq!(reach.reachable(), 0);
}

#[test]
fn switching_the_language_translates_the_app() {
    let mut ui = app_with(Tab::Contacts, true);
    pick_language(&mut ui, "Language", "Italiano");
    assert_eq!(ui.harness.state().state.prefs.lang, Lang::It);
    ui.harness.get_by_label("Contatti");
    ui.harness.get_by_label("Cronologia");
    ui.harness
        .get_by_label_contains("420 di 420 contatti mostrati");
    pick_language(&mut ui, "Lingua", "Español");
    ui.harness.get_by_label("Contactos");
    ui.harness
        .get_by_label("Quitar los contactos de demostración");
}

#[test]
fn the_import_dialog_previews_maps_and_imports_a_file() {
    let mut ui = app_with(Tab::Contacts, true);
    let file = ui._dir.path().join("clienti.csv");
    let text = "Cliente;Telefono;Quando\r\nNiccolò;+39333111;21/11/2026 09:00\r\nLucía;+39333222;20/11/2026 18:30\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    std::fs::write(&file, &bytes).unwrap();

    ui.harness.get_by_label("Import…").click();
    ui.settle();
    let path = ui
        .harness
        .get_by_role_and_label(Role::TextInput, "File path");
    path.focus();
    path.type_text(file.to_str().unwrap());
    ui.harness.run_steps(2);
    ui.harness
        .get_by_role_and_label(Role::Button, "Open")
        .click();
    ui.settle();
    // No ID column: the preview says which headers it saw and how to map one.
    ui.harness
        .get_by_label_contains("no column looks like a contact ID");
    ui.harness
        .get_by_label_contains("\"Cliente\", \"Telefono\", \"Quando\"");
    ui.harness.get_by_label_contains("windows-1252");
    // Map the columns with the combo boxes, as a user would.
    for (field, column) in [
        ("Contact ID", "Telefono"),
        ("Last interaction", "Quando"),
        ("First name", "Cliente"),
    ] {
        ui.harness
            .get_by_role_and_label(Role::ComboBox, field)
            .click();
        ui.settle();
        ui.harness
            .get_by_role_and_label(Role::Button, column)
            .click();
        ui.settle();
    }
    let mapped = match &ui.harness.state().state.import {
        ventana::gui::state::ImportStage::Preview(s) => {
            assert_eq!(s.preview.blocker, None);
            s.mapping.get("first_name").cloned()
        }
        other => panic!("not in preview: {other:?}"),
    };
    assert_eq!(mapped.as_deref(), Some("Cliente"));
    assert!(ui.harness.query_all_by_value("dd/mm/yyyy").next().is_some());
    ui.harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    ui.settle();
    ui.harness.get_by_label_contains("2 rows read: 2 new");
    ui.harness
        .get_by_role_and_label(Role::Button, "Close")
        .click();
    ui.settle();
    assert_eq!(ui.harness.state().state.contact_total(), 422);
}

#[test]
fn every_tab_renders_with_the_demo() {
    for tab in [Tab::Contacts, Tab::Timeline, Tab::Composer, Tab::SendList] {
        let mut ui = app_with(tab, true);
        ui.harness.run_steps(3);
        ui.harness.get_by_role_and_label(Role::Button, "Now");
    }
}

#[test]
fn the_import_dialog_reads_month_first_dates_and_a_typed_page_when_told() {
    let mut ui = app_with(Tab::Contacts, false);
    let file = ui._dir.path().join("us.csv");
    std::fs::write(
        &file,
        "psid,first_name,last_interaction\n1001,Ann,03/04/2026 09:00\n1002,Bob,05/06/2026 18:30\n",
    )
    .unwrap();
    ui.harness.state_mut().apply(Command::PreviewFile(file));
    ui.settle();
    ui.harness
        .get_by_label_contains("could be day/month or month/day");
    ui.harness.get_by_label_contains("no Page column");

    ui.harness
        .get_by_role_and_label(Role::ComboBox, "Dates such as 03/04")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "month/day (12/31)")
        .click();
    ui.settle();
    let page = ui.harness.get_by_role_and_label(Role::TextInput, "Page ID");
    page.focus();
    page.type_text("104837261958374");
    ui.settle();

    assert!(ui.harness.query_all_by_value("mm/dd/yyyy").next().is_some());
    assert!(
        ui.harness
            .query_by_label_contains("could be day/month")
            .is_none()
    );
    assert!(
        ui.harness
            .query_by_label_contains("no Page column")
            .is_none()
    );
    ui.harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    ui.settle();
    ui.harness.get_by_label_contains("2 rows read: 2 new");
}

#[test]
fn a_promotion_is_planned_approved_and_exported_from_the_send_list() {
    let mut ui = app_with(Tab::Composer, true);
    let editor = ui
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, "Message");
    editor.focus();
    editor.type_text("Ciao {first_name}, Black Friday: -30% su tutto con il codice BF30!");
    ui.settle();
    // Below the fact questions: scrolled to, as a user would.
    ui.harness.get_by_label("Plan the send list").scroll_to_me();
    ui.settle();
    ui.harness.get_by_label("Plan the send list").click();
    ui.settle();
    let app = ui.harness.state();
    assert_eq!(app.state.prefs.tab, Tab::SendList);
    let view = app.state.send.view.clone().unwrap();
    // A promotion reaches exactly the open windows; everyone else is excluded with a reason.
    let open = app.state.data.as_ref().unwrap().counts.open;
    assert_eq!(view.summary.planned, open);
    assert_eq!(view.summary.planned + view.summary.excluded, 420);
    ui.harness.get_by_label_contains("planned ·");
    // Windows started by an ad beyond their certain 24 hours are not planned by default.
    assert!(
        view.summary
            .excluded_by_reason
            .contains(&(ventana::policy::Exclusion::AdWindow, 11))
    );
    ui.harness.get_by_label("Excluded (288)").click();
    ui.settle();
    ui.harness
        .get_all_by_label("promotional, window closed")
        .next()
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bf.csv");
    ui.harness
        .state_mut()
        .apply(Command::SetExportPath(out.display().to_string()));
    approve_as(&mut ui, "Black Friday");
    let send = &ui.harness.state().state.send;
    assert_eq!(send.approved, Some((1, "Black Friday".to_string())));
    assert_eq!(send.history.len(), 1);
    ui.harness
        .get_by_label_contains("Approved as campaign 1: Black Friday");

    ui.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    ui.settle();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with(concat!(
        r#""psid","page_id","name","route","messaging_type","tag","window_closes_at","#,
        r#""send_at","text""#,
        "\n"
    )));
    assert_eq!(csv.lines().count() as u64, open + 1);
    assert!(dir.path().join("bf.excluded.csv").exists());
    ui.harness
        .get_by_label_contains("bf.excluded.csv (288 rows)");
    // The campaign's history lists the files it was exported to.
    let history = &ui.harness.state().state.send.history;
    assert_eq!(history[0].exports.len(), 4, "{:?}", history[0].exports);
}

#[test]
fn a_page_set_to_the_united_states_reaches_closed_windows_by_utility_template() {
    let mut ui = app_with(Tab::Pages, true);
    let pages = ui.harness.state().state.pages.clone();
    let countries: Vec<Option<String>> = pages
        .iter()
        .map(|p| p.country.map(|c| c.code().to_string()))
        .collect();
    assert_eq!(countries, [Some("IT".into()), Some("ES".into())]);
    ui.harness
        .get_by_label_contains("decides which routes exist");

    // The composer, for both demo Pages (Italy and Spain): no Utility template anywhere.
    let order = "Your order #4521 has shipped and arrives on Tuesday.";
    ui.harness.state_mut().apply(Command::SetText(order.into()));
    ui.harness.state_mut().apply(Command::SetTab(Tab::Composer));
    ui.settle();
    let reach = ui.harness.state().state.composer.reach.clone().unwrap();
    assert!(
        reach
            .by_route
            .iter()
            .all(|(r, _)| r.to_string() == "standard")
    );
    assert!(
        reach
            .excluded
            .iter()
            .any(|(e, n)| *e == ventana::policy::Exclusion::RegionUnavailable && *n > 0)
    );
    // Two Pages in two countries: one verdict cannot name either, so it is the conservative one.
    assert!(ui.harness.get_all_by_label("uncertain here").count() >= 3);

    // Tienda Sol moves to the United States.
    let id = pages[1].id.clone();
    let mut draft = ventana::gui::state::PageDraft::of(&pages[1]);
    draft.country = "US".parse().ok();
    ui.harness.state_mut().apply(Command::SetTab(Tab::Pages));
    ui.harness
        .state_mut()
        .apply(Command::EditPage(id.clone(), draft));
    ui.settle();
    let save = ui
        .harness
        .get_all_by_role_and_label(Role::Button, "Save")
        .find(|n| !egui_kittest::kittest::NodeT::accesskit_node(n).is_disabled())
        .unwrap();
    save.click();
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(
        st.pages.iter().find(|p| p.id == id).unwrap().country,
        "US".parse().ok()
    );
    ui.harness.state_mut().apply(Command::SetTab(Tab::Composer));
    ui.settle();
    let reach = ui.harness.state().state.composer.reach.clone().unwrap();
    let utility = reach
        .by_route
        .iter()
        .find(|(r, _)| r.to_string() == "utility_template")
        .map(|(_, n)| *n);
    assert!(utility.is_some_and(|n| n > 0), "{reach:?}");
}

#[test]
fn an_import_runs_with_the_zone_channel_and_page_chosen_in_the_dialog() {
    let mut ui = app_with(Tab::Contacts, false);
    let file = ui._dir.path().join("rome.csv");
    // Naive times, as an Italian spreadsheet writes them.
    std::fs::write(
        &file,
        "psid;first_name;last_interaction\n2001;Anna;22/11/2026 10:00\n",
    )
    .unwrap();
    ui.harness.state_mut().apply(Command::PreviewFile(file));
    ui.settle();
    pick_zone(
        &mut ui,
        "Time zone of times without one",
        "rome",
        "Europe/Rome",
    );
    ui.settle();
    // The dialog's own channel box (the top bar has one too).
    let boxes = ui
        .harness
        .query_all_by_role_and_label(Role::ComboBox, "Channel")
        .count();
    assert_eq!(boxes, 2);
    ui.harness
        .query_all_by_role_and_label(Role::ComboBox, "Channel")
        .find(|n| n.rect().min.y > 60.0)
        .unwrap()
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Instagram")
        .click();
    ui.settle();
    // Typed one key at a time: every keystroke reads the file again, the last one counts.
    let page = ui.harness.get_by_role_and_label(Role::TextInput, "Page ID");
    page.focus();
    page.type_text("1234");
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    ui.settle();
    ui.harness.get_by_label_contains("1 row read: 1 new");
    let db = rusqlite::Connection::open(ui._dir.path().join("ventana.db")).unwrap();
    let (page, channel, last_at): (String, String, i64) = db
        .query_row(
            "SELECT page_id, channel, last_at FROM contacts WHERE psid = '2001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(page, "1234");
    assert_eq!(channel, "instagram");
    // 10:00 in Rome on 22 November is 09:00 UTC.
    assert_eq!(last_at, 1_795_338_000);
}

#[test]
fn a_late_preview_never_replaces_a_running_import() {
    use ventana::gui::jobs::{JobKind, JobResult};
    use ventana::gui::state::ImportStage;
    let mut ui = app_with(Tab::Contacts, false);
    let file = ui._dir.path().join("a.csv");
    std::fs::write(&file, "psid,last_interaction\n1,2026-11-22T09:00:00Z\n").unwrap();
    let stale = ventana::import::preview(&file, &Default::default()).unwrap();
    let app = ui.harness.state_mut();
    app.apply(Command::PreviewFile(file));
    app.finish_jobs();
    app.apply(Command::StartImport);
    assert!(matches!(app.state.import, ImportStage::Running { .. }));
    // A preview asked for before the import started arrives now.
    app.jobs.spawn(JobKind::Preview, move |_| {
        JobResult::Previewed(0, Ok((Box::new(stale), None)))
    });
    for _ in 0..100 {
        let Some(r) = app.jobs.wait() else { break };
        let previewed = matches!(r, JobResult::Previewed(..));
        app.on_result(r);
        if previewed {
            break;
        }
    }
    assert!(
        !matches!(app.state.import, ImportStage::Preview(_)),
        "{:?}",
        app.state.import
    );
    app.finish_jobs();
    assert!(
        matches!(app.state.import, ImportStage::Done(_)),
        "{:?}",
        app.state.import
    );
}

#[test]
fn a_job_that_panics_is_an_error_on_screen_not_a_spinner_for_ever() {
    use ventana::gui::jobs::JobKind;
    use ventana::gui::state::SendWork;
    let mut ui = app_with(Tab::SendList, true);
    let app = ui.harness.state_mut();
    app.state.send.planning = true;
    app.jobs
        .spawn(JobKind::Plan, |_| panic!("index out of bounds"));
    app.state.loading = true;
    app.jobs.spawn(JobKind::View, |_| panic!("boom"));
    app.finish_jobs();
    assert!(!app.state.send.planning);
    assert!(!app.state.loading);
    match &app.state.send.work {
        SendWork::Failed(e) => assert!(e.contains("index out of bounds"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(app.state.status.as_deref().unwrap_or("").contains("boom"));
}

#[test]
fn a_new_horizon_recounts_at_a_fixed_instant() {
    let mut ui = app_with(Tab::Contacts, true);
    let before = ui
        .harness
        .state()
        .state
        .data
        .as_ref()
        .unwrap()
        .counts
        .closing;
    ui.harness.state_mut().apply(Command::SetHorizon(23));
    ui.settle();
    let app = ui.harness.state();
    let data = app.state.data.as_ref().unwrap();
    assert_eq!(data.built_for.3, chrono::Duration::hours(23));
    let want = data.windows.counts(
        app.state.now(),
        chrono::Duration::hours(23),
        &Engine::embedded().unwrap().policy,
    );
    assert_eq!(data.counts, want);
    assert!(
        data.counts.closing > before,
        "{} → {}",
        before,
        data.counts.closing
    );
}

#[test]
fn a_database_that_cannot_be_read_is_not_taken_for_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ventana.db");
    let store = ventana::store::Store::open(&path).unwrap();
    store.conn().execute_batch("DROP TABLE contacts").unwrap();
    drop(store);
    let engine = Arc::new(Engine::embedded().unwrap());
    let mut app = VentanaApp::new(engine, path, Prefs::default(), None, true);
    app.finish_jobs();
    assert!(app.state.status.is_some());
    assert_eq!(app.state.status_key, None, "the demo was loaded");
}

#[test]
fn the_demo_pins_the_planning_instant_in_a_banner_with_one_click_back_to_the_clock() {
    let mut ui = app_with(Tab::Contacts, true);
    ui.harness
        .get_by_label_contains("the instant the demo export was taken");
    ui.harness
        .get_by_role_and_label(Role::Button, "Follow the clock")
        .click();
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(st.fixed_now, None);
    assert!(st.now().to_rfc3339().as_str() > "2026-12-01");
    assert!(
        ui.harness
            .query_by_label_contains("the instant the demo export was taken")
            .is_none()
    );
}

#[test]
fn removing_the_demo_returns_planning_to_the_clock() {
    let mut ui = app_with(Tab::Contacts, true);
    ui.harness.state_mut().apply(Command::RemoveDemo);
    ui.settle();
    assert_eq!(ui.harness.state().state.fixed_now, None);
}

#[test]
fn an_import_of_newer_actions_offers_to_plan_at_them() {
    let mut ui = app_with(Tab::Contacts, true);
    import_through_dialog(
        &mut ui,
        "newer.csv",
        "psid,first_name,last_interaction\n3001,Anna,2026-11-30T18:30:00Z\n",
    );
    ui.harness
        .get_by_label_contains("actions after the pinned instant");
    ui.harness
        .get(by().role(Role::Button).label_contains("Plan at"))
        .click();
    ui.settle();
    assert_eq!(
        ui.harness.state().state.fixed_now,
        "2026-11-30T18:30:00Z".parse().ok()
    );
}

#[test]
fn times_show_in_the_zone_picked_in_the_top_bar() {
    let mut ui = app_with(Tab::Contacts, true);
    ui.harness.state_mut().state.machine_zone = chrono_tz::UTC;
    ui.settle();
    assert!(
        ui.harness
            .query_all_by_label_contains("2026-11-22 10:00 UTC")
            .count()
            > 0
    );
    pick_zone(&mut ui, "Times in", "madrid", "Europe/Madrid");
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(st.prefs.display_zone.as_deref(), Some("Europe/Madrid"));
    // The pinned instant, 10:00 UTC, is 11:00 in Madrid in November.
    assert!(ui.harness.query_all_by_label_contains("11:00 CET").count() > 0);
    assert_eq!(
        ui.harness.query_all_by_label_contains("10:00 UTC").count(),
        0
    );
}

/// The names in the contacts table, top to bottom, as far as they are drawn.
fn names_shown(ui: &Ui) -> Vec<String> {
    let st = &ui.harness.state().state;
    let data = st.data.as_ref().unwrap();
    data.rows
        .iter()
        .filter_map(|&pos| st.rows_cache.get(&data.index.ids[pos as usize]))
        .map(|r| r.name.clone())
        .collect()
}

#[test]
fn a_search_finds_names_whatever_their_accents_and_case() {
    let mut ui = app_with(Tab::Contacts, true);
    let field = ui
        .harness
        .get_by_role_and_label(Role::TextInput, "Name or ID");
    field.focus();
    field.type_text("GARCIA");
    ui.settle();
    let st = &ui.harness.state().state;
    let shown = st.data.as_ref().unwrap().rows.len();
    assert!(shown >= 5, "{shown} rows");
    let names = names_shown(&ui);
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n.contains("García")), "{names:?}");
}

#[test]
fn clicking_a_header_sorts_the_table_by_it() {
    let mut ui = app_with(Tab::Contacts, true);
    ui.harness
        .get_by_role_and_label(Role::Button, "Locale · country")
        .click();
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(st.sort, ventana::gui::state::SortBy::Locale);
    let data = st.data.as_ref().unwrap();
    let locales: Vec<&str> = data
        .rows
        .iter()
        .map(|&p| data.index.locales[data.index.locale[p as usize] as usize].as_str())
        .collect();
    let mut sorted = locales.clone();
    sorted.sort_by_key(|l| l.to_lowercase());
    assert_eq!(locales, sorted);
}

static CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1_795_341_600);

fn test_clock() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(CLOCK.load(std::sync::atomic::Ordering::Relaxed), 0).unwrap()
}

#[test]
fn a_plan_on_screen_stays_as_made_while_the_clock_moves_until_planned_again() {
    let mut ui = app_with(Tab::SendList, true);
    ui.harness.state_mut().clock = test_clock;
    ui.harness.state_mut().apply(Command::FollowClock);
    ui.harness
        .state_mut()
        .apply(Command::SetText("Your order #4521 has shipped".into()));
    ui.settle();
    let planned_at = |ui: &Ui| {
        let v = ui.harness.state().state.send.view.clone().unwrap();
        v.summary.at.timestamp()
    };
    assert_eq!(planned_at(&ui), 1_795_341_600);
    // Five minutes later the view of the contacts follows the clock; the plan does not.
    CLOCK.fetch_add(300, std::sync::atomic::Ordering::Relaxed);
    ui.settle();
    assert_eq!(ui.harness.state().state.now().timestamp(), 1_795_341_900);
    assert_eq!(planned_at(&ui), 1_795_341_600);
    ui.harness.get_by_label_contains("5 minutes ago");
    ui.harness
        .get_by_role_and_label(Role::Button, "Plan again now")
        .click();
    ui.settle();
    assert_eq!(planned_at(&ui), 1_795_341_900);
    // A change of the message plans again by itself.
    CLOCK.fetch_add(120, std::sync::atomic::Ordering::Relaxed);
    ui.harness
        .state_mut()
        .apply(Command::SetText("Your order #4522 has shipped".into()));
    ui.settle();
    assert_eq!(planned_at(&ui), 1_795_342_020);
}

#[test]
fn an_export_is_named_after_its_campaign_and_never_replaces_files_unasked() {
    let mut ui = app_with(Tab::SendList, true);
    ui.harness
        .state_mut()
        .apply(Command::SetText("Your order #4521 has shipped".into()));
    ui.settle();
    approve_as(&mut ui, "Ordini di Novembre!");
    let send = &ui.harness.state().state.send;
    assert!(
        send.out_path.ends_with("ordini-di-novembre-2026-11-22.csv"),
        "{}",
        send.out_path
    );
    // The next campaign starts with an empty name.
    assert_eq!(send.name, "");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("novembre.csv");
    std::fs::write(&out, "old").unwrap();
    ui.harness
        .state_mut()
        .apply(Command::SetExportPath(out.display().to_string()));
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    ui.settle();
    ui.harness
        .get_by_label_contains("This file is already there");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    ui.harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    ui.settle();
    assert!(
        ui.harness
            .query_by_label_contains("already there")
            .is_none()
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    ui.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Replace")
        .click();
    ui.settle();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("\"psid\"")
    );
}

#[test]
fn an_approved_campaign_can_be_found_again_with_its_message_recipients_and_exports() {
    let mut ui = app_with(Tab::SendList, true);
    let text = "Your order #4521 has shipped";
    ui.harness.state_mut().apply(Command::SetText(text.into()));
    ui.settle();
    approve_as(&mut ui, "Spedizioni");
    let planned = ui
        .harness
        .state()
        .state
        .send
        .view
        .clone()
        .unwrap()
        .summary
        .planned;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("spedizioni.csv");
    ui.harness
        .state_mut()
        .apply(Command::SetExportPath(out.display().to_string()));
    ui.harness
        .get_by_role_and_label(Role::Button, "Campaigns")
        .click();
    ui.settle();
    ui.harness.get_by_label(text);
    ui.harness.get_by_label_contains("messenger-2026-09-28");
    ui.harness
        .get_by_label_contains(&format!("Planned ({planned})"));
    // The recipients, searched by name without accents.
    let search = ui
        .harness
        .get_by_role_and_label(Role::TextInput, "Search recipients");
    search.focus();
    search.type_text("garcia");
    ui.settle();
    let c = &ui.harness.state().state.campaigns;
    let (_, list) = c.list.clone().unwrap();
    let rows = c.rows.clone().unwrap().2;
    assert!(!rows.is_empty() && rows.len() < list.sends.len());
    for &k in rows.iter() {
        let d = list
            .contacts
            .get(list.sends[k as usize].contact as usize)
            .unwrap();
        assert!(d.name.contains("García"), "{}", d.name);
    }
    // Exported from here, the export is listed with the campaign.
    ui.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    ui.settle();
    assert!(out.exists());
    let history = &ui.harness.state().state.send.history;
    let sends = history[0]
        .exports
        .iter()
        .find(|e| e.file == out.display().to_string())
        .unwrap();
    assert_eq!(sends.rows, planned);
    assert_eq!(sends.format, "csv");
}

#[test]
fn clicking_a_contact_shows_its_detail_and_it_can_be_deleted() {
    let mut ui = app_with(Tab::Contacts, true);
    let first = names_shown(&ui)[0].clone();
    ui.harness.get_by_label(&first).click();
    ui.settle();
    // Its name (in the table and the panel), the window now and its history.
    assert_eq!(ui.harness.query_all_by_label(&first).count(), 2);
    ui.harness.get_by_label_contains("Any message until");
    ui.harness
        .get_by_label("Actions and the windows they opened");
    assert!(ui.harness.query_all_by_label_contains("demo.csv").count() > 1);
    ui.harness
        .get_by_role_and_label(Role::Button, "Delete this contact")
        .click();
    ui.settle();
    ui.harness.get_by_label_contains("cannot be undone");
    ui.harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(st.contact_total(), 419);
    assert_eq!(st.selected, None);
    assert!(!names_shown(&ui).contains(&first));
}

#[test]
fn the_timeline_follows_a_new_planning_instant_and_keeps_its_legend_off_the_chart() {
    let mut ui = app_with(Tab::Timeline, true);
    ui.harness
        .state_mut()
        .apply(Command::SetTimelineView(1_700_000_000.0, 1_700_400_000.0));
    ui.settle();
    let later: chrono::DateTime<chrono::Utc> = "2026-11-30T12:00:00Z".parse().unwrap();
    ui.harness.state_mut().apply(Command::SetNow(later));
    ui.settle();
    let st = &ui.harness.state().state;
    let t = later.timestamp() as f64;
    // No view of its own means the default one around the planning instant.
    if let Some(view) = st.timeline {
        assert!(view.start < t && t < view.end, "{view:?}");
    }
    // The legend is a row of labels above the plot.
    ui.harness.get_by_label("Open windows");
    ui.harness.get_by_label("Windows closing per hour");
}

#[test]
fn the_import_preview_gives_the_counts_and_rejects_the_import_would_give_without_writing() {
    let mut ui = app_with(Tab::Contacts, false);
    let file = ui._dir.path().join("mixed.csv");
    std::fs::write(
        &file,
        "psid,first_name,last_interaction\n\
         5001,Anna,2026-11-21T10:00:00Z\n\
         ,Bruno,2026-11-21T10:00:00Z\n\
         5003,Carla,not a time\n",
    )
    .unwrap();
    ui.harness.state_mut().apply(Command::PreviewFile(file));
    ui.settle();
    ui.harness.get_by_label("If you import it as set above:");
    ui.harness
        .get_by_label_contains("3 rows read: 1 new, 0 updated, 0 unchanged, 2 rejected");
    ui.harness.get_by_label("Rejected rows");
    // Warnings name the dialog's fields, not command-line flags.
    ui.harness
        .get_by_label_contains("type the Page ID in \"Page ID\"");
    assert_eq!(
        ui.harness.query_all_by_label_contains("--page-id").count(),
        0
    );
    let db = rusqlite::Connection::open(ui._dir.path().join("ventana.db")).unwrap();
    let stored: i64 = db
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0, "a preview writes nothing");
    let imports: i64 = db
        .query_row("SELECT count(*) FROM imports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(imports, 0);
}

#[test]
fn the_latest_import_can_be_undone_from_the_imports_tab() {
    let mut ui = app_with(Tab::Contacts, true);
    import_through_dialog(
        &mut ui,
        "more.csv",
        "psid,first_name,last_interaction\n6001,Nuova,2026-11-22T09:00:00Z\n6002,Altra,x\n",
    );
    assert_eq!(ui.harness.state().state.contact_total(), 421);
    ui.harness
        .get_by_role_and_label(Role::Button, "Imports")
        .click();
    ui.settle();
    // The newest import is shown, with its rejected row and reason.
    ui.harness.get_by_label("more.csv");
    ui.harness.get_by_label_contains("\"x\"");
    ui.harness
        .get_by_role_and_label(Role::Button, "Undo this import")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Undo")
        .click();
    ui.settle();
    let st = &ui.harness.state().state;
    assert_eq!(st.contact_total(), 420);
    ui.harness
        .get_by_label_contains("Import undone: one added contact removed");
    // The demo's import is now the latest that stands, and can be undone in turn.
    assert!(st.imports[0].undone_at.is_some());
    assert!(st.imports[1].undone_at.is_none());
}

#[test]
fn rejected_rows_speak_the_language_chosen_after_the_import() {
    let mut ui = app_with(Tab::Contacts, true);
    import_through_dialog(
        &mut ui,
        "later.csv",
        "psid,first_name,last_interaction\n6101,Nuova,2026-11-22T09:00:00Z\n6102,Altra,x\n",
    );
    pick_language(&mut ui, "Language", "Italiano");
    ui.harness
        .get_by_role_and_label(Role::Button, "Importazioni")
        .click();
    ui.settle();
    ui.harness.get_by_label("later.csv");
    ui.harness
        .get_by_label_contains("\"x\" non è un orario nel formato della colonna");
    assert!(
        ui.harness
            .query_by_label_contains("is not a time in the column's format")
            .is_none()
    );
}

#[test]
fn an_import_over_the_demo_says_the_two_would_mix() {
    for demo in [true, false] {
        let mut ui = app_with(Tab::Contacts, demo);
        let file = ui._dir.path().join("mine.csv");
        std::fs::write(&file, "psid,first_name\n7001,Anna\n").unwrap();
        ui.harness.state_mut().apply(Command::PreviewFile(file));
        ui.settle();
        let said = ui
            .harness
            .query_by_label_contains("demo contacts are still loaded")
            .is_some();
        assert_eq!(said, demo);
    }
}

#[test]
fn a_file_without_an_id_column_says_where_to_pick_one() {
    let mut ui = app_with(Tab::Contacts, false);
    let file = ui._dir.path().join("noid.csv");
    std::fs::write(&file, "colour,size\nred,2\n").unwrap();
    ui.harness.state_mut().apply(Command::PreviewFile(file));
    ui.settle();
    ui.harness
        .get_by_label_contains("choose it for \"Contact ID\" under Columns");
    assert_eq!(ui.harness.query_all_by_label_contains("--map").count(), 0);
}

#[test]
fn the_unfiltered_view_counts_as_its_own_windows_would() {
    let ui = app_with(Tab::Contacts, true);
    let st = &ui.harness.state().state;
    let data = st.data.as_ref().unwrap();
    assert_eq!(data.rows.len(), 420);
    let engine = Engine::embedded().unwrap();
    let own = ventana::plan::Windows::build(&data.index, Some(&data.rows), &engine.policy);
    for at in [st.now(), st.now() + chrono::Duration::hours(5)] {
        assert_eq!(
            data.windows.counts(at, st.prefs.horizon(), &engine.policy),
            own.counts(at, st.prefs.horizon(), &engine.policy)
        );
    }
}

#[test]
fn an_entry_point_is_created_with_its_link_and_qr_and_a_bad_ref_is_refused() {
    let mut ui = app_with(Tab::Reopen, true);
    ui.harness.get_by_label_contains("No entry points yet");
    // Who can still be asked, among every contact, once the report is counted.
    ui.harness
        .get_by_label_contains("Not reachable now (all contacts): 277");
    ui.harness
        .get_by_role_and_label(Role::ComboBox, "Page")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Bottega Rossi")
        .click();
    ui.settle();
    let field = ui.harness.get_by_role_and_label(Role::TextInput, "Ref");
    field.focus();
    field.type_text("saldi inverno");
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Create")
        .click();
    ui.settle();
    let r = &ui.harness.state().state.reopen;
    assert!(r.error.is_some(), "draft {:?}", r.draft);
    ui.harness
        .get_by_label_contains("the ref has ' ' at character 6");
    assert!(ui.harness.state().state.reopen.entries.is_empty());

    // The ref is typed again, over the refused one.
    ui.harness
        .get_by_role_and_label(Role::TextInput, "Ref")
        .focus();
    ui.harness.run_steps(1);
    ui.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    ui.harness.run_steps(1);
    ui.harness
        .get_by_role_and_label(Role::TextInput, "Ref")
        .type_text("poster-inverno");
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Create")
        .click();
    ui.settle();
    let entries = &ui.harness.state().state.reopen.entries;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].ref_.as_deref(), Some("poster-inverno"));
    ui.harness
        .get_by_label("https://m.me/bottegarossi?ref=poster-inverno");
    ui.harness
        .get_by_label_contains("Scan the code to write to us on Messenger");
    ui.harness.get_by_role_and_label(Role::Button, "Copy link");
    ui.harness
        .get_by_role_and_label(Role::Button, "Save QR code…");
    // Renamed, tied to no campaign, moved to go out on the 20th.
    ui.harness
        .get_by_role_and_label(Role::Button, "Edit")
        .click();
    ui.settle();
    let name = ui.harness.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    ui.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    ui.harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Poster, Via Roma");
    let started = ui
        .harness
        .get_by_role_and_label(Role::TextInput, "Out since");
    started.focus();
    ui.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    ui.harness
        .get_by_role_and_label(Role::TextInput, "Out since")
        .type_text("2026-11-20 09:00");
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Save")
        .click();
    ui.settle();
    let e = &ui.harness.state().state.reopen.entries[0];
    assert_eq!(e.name, "Poster, Via Roma");
    // 09:00 in the display zone.
    let tz = ui.harness.state().state.zone();
    let local = chrono::DateTime::from_timestamp(e.started_at, 0)
        .unwrap()
        .with_timezone(&tz);
    assert_eq!(
        local.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-20 09:00"
    );
    // Its returns: without a ref in the export, every action since it went out counts.
    ui.harness
        .get_by_label_contains("Poster, Via Roma: 82 contacts of the Page wrote since");
    ui.harness
        .get_by_role_and_label(Role::Button, "Delete this entry point")
        .click();
    ui.settle();
    ui.harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    ui.settle();
    assert!(ui.harness.state().state.reopen.entries.is_empty());
}

#[test]
fn who_can_still_be_asked_is_counted_again_at_a_new_planning_instant() {
    let mut ui = app_with(Tab::Reopen, true);
    ui.harness
        .get_by_label_contains("Not reachable now (all contacts): 277");
    // A week later every window of the demo has closed, and HUMAN_AGENT's 7 days with them.
    let later = "2026-11-30T10:00:00Z".parse().unwrap();
    ui.harness.state_mut().apply(Command::SetNow(later));
    ui.settle();
    ui.harness
        .get_by_label_contains("Not reachable now (all contacts): 420");
    let report = ui.harness.state().state.reopen.report.clone();
    let ask = report.unwrap().unwrap().ask.clone();
    assert_eq!((ask.open, ask.human_agent), (0, 0), "{ask:?}");
}

#[test]
fn the_composer_asks_what_the_text_cannot_show_and_the_answer_changes_the_route() {
    let mut ui = app_with(Tab::Composer, true);
    let editor = ui
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, "Message");
    editor.focus();
    editor.type_text("Your order #4521 has shipped and will arrive on Tuesday.");
    ui.settle();
    ui.harness.get_by_label("What only you know");
    ui.harness.get_by_label(
        "Is a person writing this reply to the customer's own question, within 7 days of it?",
    );
    // Each question starts on Ventana's guess, with how sure it is.
    let guesses: Vec<String> = ui
        .harness
        .get_all_by_role(Role::RadioButton)
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .filter(|l| l.starts_with("Ventana's guess"))
        .collect();
    assert_eq!(guesses.len(), 3, "{guesses:?}");
    assert!(
        guesses[1].starts_with("Ventana's guess: Yes ("),
        "{guesses:?}"
    );
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert_ne!(report.suggested_tag.as_deref(), Some("HUMAN_AGENT"));

    // "Yes, a person is answering": HUMAN_AGENT, and the verdict says what it rests on.
    ui.harness
        .get_all_by_role_and_label(Role::RadioButton, "Yes")
        .next()
        .unwrap()
        .click();
    ui.settle();
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert_eq!(report.suggested_tag.as_deref(), Some("HUMAN_AGENT"));
    assert!(report.route_reason.contains("This rests on your answer"));
    ui.harness.get_by_label("The verdict rests on this answer.");
    // The Send list plans with the same answer.
    assert!(ui.harness.state().state.send.human_reply);

    // Back to the guess.
    ui.harness
        .get_all_by_role(Role::RadioButton)
        .find(|n| {
            egui_kittest::kittest::NodeT::accesskit_node(n)
                .label()
                .is_some_and(|l| l.starts_with("Ventana's guess"))
        })
        .unwrap()
        .click();
    ui.settle();
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert_ne!(report.suggested_tag.as_deref(), Some("HUMAN_AGENT"));
    assert!(!ui.harness.state().state.send.human_reply);
}

#[test]
fn a_sales_pitch_without_offer_words_is_underlined_by_the_learned_score() {
    let mut ui = app_with(Tab::Composer, true);
    let editor = ui
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, "Message");
    editor.focus();
    editor.type_text(
        "Just checking in: did you get a chance to look at our proposal? Happy to walk you \
         through the plans that fit your team.",
    );
    ui.settle();
    let report = ui.harness.state().state.composer.report.clone().unwrap();
    assert_eq!(report.promotional, Some(true));
    let learned: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.category.as_str() == "learned")
        .collect();
    assert!(!learned.is_empty());
    ui.harness.get_by_label_contains(&format!(
        "“{}” reads like a sales pitch",
        learned[0].excerpt
    ));
}

#[test]
fn a_campaign_keeps_the_answers_it_was_planned_on() {
    let mut ui = app_with(Tab::SendList, true);
    let text = "Your order #4521 has shipped";
    ui.harness.state_mut().apply(Command::SetText(text.into()));
    ui.harness.state_mut().apply(Command::SetFact(
        ventana::compliance::Fact::OwnTransaction,
        Some(true),
    ));
    ui.settle();
    // The Send list's checkbox is the human_reply answer.
    ui.harness
        .get_by_role_and_label(Role::CheckBox, "A person writes each message")
        .click();
    ui.settle();
    let view = ui.harness.state().state.send.view.clone().unwrap();
    assert!(view.summary.human_reply);
    assert_eq!(view.summary.answers.len(), 2);
    approve_as(&mut ui, "Answered");
    ui.harness
        .get_by_role_and_label(Role::Button, "Campaigns")
        .click();
    ui.settle();
    ui.harness.get_by_label("Your answers");
    ui.harness.get_by_label(
        "a person is answering the customer's own question; it is about the person's own \
         purchase, booking or account",
    );
}
