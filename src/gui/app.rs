//! The eframe app: applies the panels' commands, runs long work through `jobs`, keeps the
//! derived state (filtered view, composer analysis, reach) up to date, and lays out the
//! panels.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};

use super::command::Command;
use super::jobs::{ExportSource, JobKind, JobResult, Jobs};
use super::panels;
use super::state::{
    AppState, CheckKey, Data, ImportSetup, ImportStage, PlanKey, PlannedView, Prefs, SendWork, Tab,
};
use crate::Engine;
use crate::compliance::{self, CheckInput, Fact, facts};
use crate::import::Options;
use crate::import::mapping::Field;
use crate::import::time::{machine_zone, parse_zone};
use crate::plan::zone::Zone;
use crate::plan::{PlanRequest, Reach};
use crate::store::{NameIndex, Store};

const PREFS_KEY: &str = "ventana-prefs";

/// The desktop app.
pub struct VentanaApp {
    /// What the panels read.
    pub state: AppState,
    /// Policy, lexicons, catalogues.
    pub engine: Arc<Engine>,
    /// Background work.
    pub jobs: Jobs,
    /// Reads of visible rows (the UI thread's own connection).
    store: Option<Store>,
    /// Bumped whenever filters change; stale job results are dropped.
    generation: u64,
    /// A view rebuild was asked for while another ran.
    view_wanted: bool,
    /// Bumped whenever `state.data` is replaced.
    views: u64,
    /// The number of the latest file preview asked for; older ones are dropped.
    previews: u64,
    /// The plan being made, if any.
    planning: Option<PlanKey>,
    /// An export waiting for the user's word to replace files (its campaign, if any).
    pending_export: Option<Option<i64>>,
    /// The clock (tests move it by hand).
    pub clock: fn() -> DateTime<Utc>,
    /// The view being built was asked for only because the clock moved.
    view_by_clock: bool,
    /// Views built for a reason other than the clock (what a shown plan depends on).
    plan_views: u64,
    /// The user asked to plan again at the current instant.
    replan_wanted: bool,
    /// The contacts' names folded for search, read once per load.
    names: Option<Arc<NameIndex>>,
    /// Loads of the contacts so far; `names_of` is the one the last search read names in.
    loads: u64,
    names_of: u64,
}

impl VentanaApp {
    /// The app on the database at `db`, planning at `now` (or the clock), with `prefs`.
    /// `first_run` loads the demo contacts into an empty database.
    pub fn new(
        engine: Arc<Engine>,
        db: PathBuf,
        prefs: Prefs,
        now: Option<DateTime<Utc>>,
        first_run: bool,
    ) -> VentanaApp {
        let (store, status) = match Store::open(&db) {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let mut app = VentanaApp {
            state: AppState::new(db.clone(), prefs, now),
            engine,
            jobs: Jobs::default(),
            store,
            generation: 0,
            view_wanted: false,
            views: 0,
            previews: 0,
            planning: None,
            clock: Utc::now,
            pending_export: None,
            view_by_clock: false,
            plan_views: 0,
            replan_wanted: false,
            names: None,
            loads: 0,
            names_of: 0,
        };
        app.state.status = status;
        app.default_export_path(None);
        app.jobs.history(db.clone());
        // Only a database that reads as empty gets the demo; one that cannot be read says so.
        let count = app.store.as_ref().map(Store::contact_count);
        if let Some(Err(e)) = &count {
            app.state.status = Some(e.to_string());
        }
        if first_run && matches!(count, Some(Ok(0))) {
            app.state.loading = true;
            app.jobs.demo(db, true);
        } else {
            app.reload();
        }
        app
    }

    /// Creates the app for eframe from `launch`, restoring preferences; `first_run` loads the
    /// demo into an empty database.
    pub fn from_creation(
        cc: &eframe::CreationContext<'_>,
        launch: super::Launch,
        first_run: bool,
    ) -> VentanaApp {
        // Saved preferences, else the desktop's language (LANG) on the very first start.
        let mut prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_else(|| Prefs {
                lang: launch.system_lang,
                ..Prefs::default()
            });
        if let Some(l) = launch.lang {
            prefs.lang = l;
        }
        if let Some(t) = launch.tab {
            prefs.tab = t;
        }
        let app = VentanaApp::new(launch.engine, launch.db, prefs, launch.now, first_run);
        app.jobs.set_context(&cc.egui_ctx);
        app
    }

    /// Saves a Page's edits; a bad time zone or username stays in the draft with a sentence.
    fn save_page(&mut self, id: &str) {
        let Some(draft) = self.state.page_drafts.get(id).cloned() else {
            return;
        };
        let lang = self.state.lang();
        let i18n = &self.engine.i18n;
        let blank = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let tz = match blank(&draft.tz) {
            Some(z) => match crate::import::time::parse_zone(&z) {
                Ok(zone) => Some(zone.name().to_string()),
                Err(_) => {
                    let msg = i18n.tr(lang, "gui-pages-bad-tz", &[("zone", z.into())]);
                    self.page_error(id, msg);
                    return;
                }
            },
            None => None,
        };
        let username = match blank(&draft.username) {
            Some(u) => match crate::reopen::clean_username(&u) {
                Some(u) => Some(u),
                None => {
                    let msg = i18n.t(lang, "gui-pages-bad-username");
                    self.page_error(id, msg);
                    return;
                }
            },
            None => None,
        };
        let edit = crate::store::PageEdit {
            name: blank(&draft.name),
            username,
            country: draft.country,
            timezone: tz,
        };
        let Some(store) = &self.store else {
            return;
        };
        match store.set_page(id, &edit) {
            Ok(()) => {
                self.state.page_drafts.remove(id);
                self.state.status_key = Some("gui-pages-saved");
                self.reload();
            }
            Err(e) => self.page_error(id, e.to_string()),
        }
    }

    /// Records the entry point of the Reopen tab's form; a refused one keeps the form with
    /// the sentence saying why.
    fn create_entry(&mut self) {
        let lang = self.state.lang();
        let d = self.state.reopen.draft.clone();
        let Some(store) = &self.store else {
            return;
        };
        let new = crate::store::NewEntryPoint {
            name: d.name.trim().to_string(),
            page_id: d.page_id.clone(),
            channel: d.channel,
            kind: d.kind,
            ref_: Some(d.ref_.clone()),
            campaign_id: d.campaign_id,
            started_at: self.state.now().timestamp(),
        };
        let now = (self.clock)().timestamp();
        match crate::reopen::entries::create(store, new, now, lang) {
            Ok(e) => {
                self.state.reopen.selected = Some(e.id);
                self.state.reopen.draft = crate::gui::state::EntryDraft {
                    page_id: d.page_id,
                    kind: d.kind,
                    channel: d.channel,
                    ..Default::default()
                };
                self.state.reopen.error = None;
                self.refresh_entries();
            }
            Err(e) => self.state.reopen.error = Some(e.sentence(lang)),
        }
    }

    /// Saves the edited name, campaign and start of an entry point; a start that cannot be
    /// read keeps the edit open with a sentence.
    fn save_entry(&mut self) {
        let lang = self.state.lang();
        let Some(edit) = self.state.reopen.edit.clone() else {
            return;
        };
        let Some(started) = panels::top_bar::typed_instant(&edit.started, self.state.zone()) else {
            self.state.reopen.error = Some(self.engine.i18n.tr(
                lang,
                "gui-reopen-bad-start",
                &[("text", edit.started.as_str().into())],
            ));
            return;
        };
        let Some(store) = &self.store else {
            return;
        };
        // An emptied name keeps the one it had.
        let old = self.state.reopen.entries.iter().find(|e| e.id == edit.id);
        let name = match edit.name.trim() {
            "" => old.map_or_else(String::new, |e| e.name.clone()),
            n => n.to_string(),
        };
        match store.update_entry_point(edit.id, &name, edit.campaign_id, started.timestamp()) {
            Ok(()) => {
                self.state.reopen.edit = None;
                self.state.reopen.error = None;
                self.refresh_entries();
            }
            Err(e) => self.state.reopen.error = Some(e.sentence(lang)),
        }
    }

    /// What the Reopen tab's report is to be counted for: the planning instant, the display
    /// zone, and the campaign of the entry point shown (the newest until the user picks one).
    fn reopen_key(&self) -> super::jobs::ReopenKey {
        let r = &self.state.reopen;
        let campaign = r
            .entries
            .iter()
            .find(|e| Some(e.id) == r.selected)
            .or(r.entries.first())
            .and_then(|e| e.campaign_id);
        (self.state.now(), self.state.zone(), campaign)
    }

    /// Reads the entry points again and drops the report made before the change.
    fn refresh_entries(&mut self) {
        if let Some(store) = &self.store {
            match store.entry_points() {
                Ok(all) => self.state.reopen.entries = all,
                Err(e) => self.state.reopen.error = Some(e.sentence(self.state.lang())),
            }
        }
        self.state.reopen.report = None;
        self.state.reopen.message = None;
    }

    fn page_error(&mut self, id: &str, msg: String) {
        if let Some(d) = self.state.page_drafts.get_mut(id) {
            d.error = Some(msg);
        }
    }

    fn reload(&mut self) {
        self.state.loading = true;
        self.jobs
            .load(self.state.db_path.clone(), self.engine.clone());
    }

    /// Asks for a new filtered view (now, or when the running one ends).
    fn request_view(&mut self) {
        let Some(all) = self.state.all.clone() else {
            return;
        };
        if self.state.loading {
            self.view_wanted = true;
            return;
        }
        self.state.loading = true;
        self.view_wanted = false;
        self.view_by_clock = false;
        self.jobs.view(
            self.generation,
            self.engine.clone(),
            all,
            self.state.filters.clone(),
            self.state.search_ids.clone(),
            self.state.sort,
            self.state.now(),
            self.state.prefs.horizon(),
        );
    }

    /// Applies finished jobs, commands and derived state; call once per frame.
    pub fn update(&mut self, commands: Vec<Command>) {
        // Drawn once since it was asked for.
        self.state.scroll_to_top = false;
        if self.state.fixed_now.is_none() {
            self.state.clock_now = (self.clock)();
        }
        for r in self.jobs.poll() {
            self.on_result(r);
        }
        for c in commands {
            self.apply(c);
        }
        self.refresh_view_if_stale();
        self.refresh_composer();
        self.refresh_plan();
    }

    /// Runs jobs to completion (tests and benchmarks: the UI never blocks).
    pub fn finish_jobs(&mut self) {
        self.drain_jobs();
        self.refresh_view_if_stale();
        self.drain_jobs();
        self.refresh_composer();
        self.refresh_plan();
        self.drain_jobs();
    }

    fn drain_jobs(&mut self) {
        while self.jobs.pending > 0 {
            let Some(r) = self.jobs.wait() else { break };
            self.on_result(r);
        }
    }

    fn refresh_view_if_stale(&mut self) {
        if self.state.all.is_none() || self.state.loading {
            return;
        }
        let (other, clock) = match &self.state.data {
            None => (true, false),
            Some(d) => (
                d.built_for.0 != self.state.filters
                    || d.built_for.2 != self.state.sort
                    || d.built_for.3 != self.state.prefs.horizon(),
                (d.built_for.1 - self.state.now()).num_seconds().abs() >= 60,
            ),
        };
        if other || clock || self.view_wanted {
            let by_clock = !other && !self.view_wanted;
            self.request_view();
            self.view_by_clock = by_clock;
        }
    }

    /// A job that stopped on an internal error: whatever waited for it stops waiting, and
    /// the user reads what happened where the result would have been.
    fn on_failure(&mut self, kind: JobKind, detail: String) {
        let msg = self.engine.i18n.tr(
            self.state.lang(),
            "gui-job-failed",
            &[("detail", detail.into())],
        );
        match kind {
            JobKind::Load | JobKind::View | JobKind::Demo => {
                self.state.loading = false;
                self.view_wanted = false;
                // Without contacts nothing asks for a view again, so a failing one is not
                // retried every frame; Now or an import loads them afresh.
                self.state.all = None;
                self.state.status = Some(msg);
            }
            JobKind::Search | JobKind::History => self.state.status = Some(msg),
            JobKind::Reopen => {
                self.state.reopen.loading = false;
                self.state.reopen.report = Some(Err(msg));
            }
            JobKind::Pick | JobKind::Preview => match &mut self.state.import {
                ImportStage::Preview(s) => s.error = Some(msg),
                stage @ (ImportStage::Choose { .. } | ImportStage::Previewing { .. }) => {
                    *stage = ImportStage::Choose {
                        path: String::new(),
                        message: Some(msg),
                    };
                }
                _ => {}
            },
            JobKind::Import => {
                if matches!(self.state.import, ImportStage::Running { .. }) {
                    self.state.import = ImportStage::Failed(msg);
                }
                self.reload();
            }
            JobKind::Plan => {
                self.state.send.planning = false;
                self.state.send.failed = self.planning.take();
                self.state.send.work = SendWork::Failed(msg);
            }
            JobKind::Approve | JobKind::Export => self.state.send.work = SendWork::Failed(msg),
        }
    }

    /// Applies one job result, as [`VentanaApp::update`] does with every result it polls.
    pub fn on_result(&mut self, r: JobResult) {
        match r {
            JobResult::Failed(kind, detail) => self.on_failure(kind, detail),
            JobResult::Loaded(Ok(l)) => {
                self.state.loading = false;
                // New contacts: names read before are stale, and so is a search made in them.
                self.names = None;
                self.loads += 1;
                let needle = self.state.filters.search.trim().to_string();
                if !needle.is_empty() {
                    self.names_of = self.loads;
                    self.jobs
                        .search(self.generation, self.state.db_path.clone(), needle, None);
                }
                self.state.newest_action = l
                    .index
                    .last_at
                    .iter()
                    .copied()
                    .filter(|&t| t != i64::MIN)
                    .max()
                    .and_then(|t| DateTime::from_timestamp(t, 0));
                // The selected contact keeps its place by id in the new index (or goes).
                let selected_id = self.state.detail.as_ref().map(|d| d.0);
                self.state.selected =
                    selected_id.and_then(|id| l.index.ids.binary_search(&id).ok());
                if self.state.selected.is_none() {
                    self.state.detail = None;
                }
                self.state.all = Some((l.index, l.windows));
                self.state.imports = l.imports;
                self.state.pages = l.pages;
                self.state.reopen.entries = l.entry_points;
                self.state.reopen.report = None;
                self.state.rows_cache.clear();
                self.state.data = None;
                self.views += 1;
                self.plan_views += 1;
                self.request_view();
            }
            JobResult::Loaded(Err(e)) => {
                self.state.loading = false;
                self.state.status = Some(e);
            }
            JobResult::View(generation, data) => {
                self.state.loading = false;
                if generation == self.generation {
                    if self.state.data.is_none()
                        && self.views <= 1
                        && std::env::var_os("VENTANA_TIMINGS").is_some()
                    {
                        // For benches/gui_start.sh: when the contacts first show.
                        eprintln!("ventana: first view of {} contacts", data.index.ids.len());
                    }
                    self.state.data = Some(*data);
                    self.views += 1;
                    if !self.view_by_clock {
                        self.plan_views += 1;
                    }
                }
                if self.view_wanted {
                    self.request_view();
                }
            }
            JobResult::Searched(generation, Ok((ids, names))) => {
                if self.names_of == self.loads {
                    self.names = Some(names);
                }
                if generation == self.generation {
                    self.state.search_ids = Some(Arc::new(ids));
                    self.state.scroll_to_top = true;
                    self.request_view();
                }
            }
            JobResult::Searched(_, Err(e)) => self.state.status = Some(e),
            JobResult::Picked(Some(path)) => self.apply(Command::PreviewFile(path)),
            JobResult::SavePicked(Some(path)) => {
                self.apply(Command::SetExportPath(path.display().to_string()))
            }
            JobResult::SavePicked(None) => {}
            JobResult::ContactFile(id, file) => {
                let wanted = self
                    .state
                    .selected
                    .zip(self.state.all.as_ref())
                    .and_then(|(i, (ix, _))| ix.ids.get(i).copied());
                if wanted == Some(id) {
                    let lang = self.state.lang();
                    let file = file.and_then(|f| {
                        f.ok_or_else(|| {
                            crate::i18n::say(lang, "gui-contact-gone", &[("id", id.into())])
                        })
                    });
                    self.state.detail = Some((id, file));
                }
            }
            JobResult::Deleted(done) => {
                self.state.loading = false;
                match done {
                    Ok(()) => {
                        self.state.selected = None;
                        self.state.detail = None;
                        self.state.status_key = Some("gui-contact-deleted");
                        self.reload();
                    }
                    Err(e) => self.state.status = Some(e),
                }
            }
            JobResult::Rejects(id, rows) => {
                if self.state.imports_tab.selected == Some(id) {
                    self.state.imports_tab.rejects = Some((id, rows));
                }
            }
            JobResult::Undone(done) => {
                self.state.loading = false;
                let lang = self.state.lang();
                self.state.imports_tab.message = Some(done.map(|r| {
                    crate::i18n::say(
                        lang,
                        "gui-import-undone",
                        &[
                            ("removed", r.removed.into()),
                            ("restored", r.restored.into()),
                            ("actions", r.interactions.into()),
                        ],
                    )
                }));
                self.reload();
            }
            JobResult::RejectsSaved(saved) => {
                let lang = self.state.lang();
                self.state.imports_tab.message = match saved {
                    Ok(Some((path, n))) => Some(Ok(crate::i18n::say(
                        lang,
                        "gui-rejects-saved",
                        &[("path", path.into()), ("count", n.into())],
                    ))),
                    Ok(None) => None,
                    Err(e) => Some(Err(e)),
                };
            }
            JobResult::CampaignList(id, list) => {
                let c = &mut self.state.campaigns;
                if c.selected == Some(id) {
                    c.loading = false;
                    match list {
                        Ok(list) => {
                            c.list = Some((id, list));
                            self.refresh_campaign_rows();
                        }
                        Err(e) => c.error = Some(e),
                    }
                }
            }
            JobResult::CampaignRows(needle, excluded, rows) => {
                let c = &mut self.state.campaigns;
                if needle == c.search.trim() && excluded == c.show_excluded {
                    c.rows = Some((needle, excluded, Arc::new(rows)));
                }
            }
            JobResult::Picked(None) => {
                let t = self
                    .engine
                    .i18n
                    .t(self.state.lang(), "gui-import-no-dialog");
                if let ImportStage::Choose { message, .. } = &mut self.state.import {
                    *message = Some(t);
                }
            }
            // Only the latest preview asked for, and only while the dialog waits for one: a
            // late preview never replaces a running import or a newer preview.
            JobResult::Previewed(id, _)
                if id != self.previews
                    || !matches!(
                        self.state.import,
                        ImportStage::Previewing { .. } | ImportStage::Preview(_)
                    ) => {}
            JobResult::Previewed(_, Ok((preview, dry))) => self.show_preview(*preview, dry),
            JobResult::Previewed(_, Err(e)) => match &mut self.state.import {
                ImportStage::Preview(s) => s.error = Some(e),
                stage => {
                    let path = match stage {
                        ImportStage::Previewing { path } => path.display().to_string(),
                        _ => String::new(),
                    };
                    *stage = ImportStage::Choose {
                        path,
                        message: Some(e),
                    };
                }
            },
            JobResult::Progress(p) => {
                if let ImportStage::Running { progress, .. } = &mut self.state.import {
                    *progress = p;
                }
            }
            JobResult::Imported(Ok(report)) => {
                self.state.import = ImportStage::Done(report);
                self.reload();
            }
            JobResult::Imported(Err(e)) => {
                self.state.import = ImportStage::Failed(e);
            }
            JobResult::Demo(Ok(now)) => {
                self.state.loading = false;
                match now {
                    Some(now) => {
                        self.state.fixed_now = Some(now);
                        self.state.pinned_for_demo = true;
                        self.state.status_key = Some("gui-demo-loaded");
                    }
                    None => {
                        // The demo's instant goes with the demo; a user's own pin stays.
                        if std::mem::take(&mut self.state.pinned_for_demo) {
                            self.state.fixed_now = None;
                            self.state.clock_now = (self.clock)();
                        }
                        self.state.status_key = Some("gui-demo-removed");
                    }
                }
                self.reload();
            }
            JobResult::Demo(Err(e)) => {
                self.state.loading = false;
                self.state.status = Some(e);
            }
            JobResult::Planned(view) => {
                self.planning = None;
                let send = &mut self.state.send;
                send.planning = false;
                let same = send.view.as_ref().is_some_and(|v| v.key == view.key);
                if !same {
                    // A different plan is not the one approved.
                    send.approved = None;
                    if !send.work.is_busy() {
                        send.work = SendWork::Idle;
                    }
                }
                send.view = Some(Arc::new(*view));
            }
            JobResult::Approved(Ok(campaign)) => {
                self.state.send.approved = Some(campaign);
                // The export is named after it; the next campaign gets its own name.
                self.default_export_path(None);
                self.state.send.name.clear();
                self.state.send.work = SendWork::Idle;
                self.jobs.history(self.state.db_path.clone());
            }
            JobResult::Approved(Err(e)) | JobResult::Exported(Err(e)) => {
                self.state.send.work = SendWork::Failed(e);
            }
            JobResult::ExportProgress(f) => {
                if let SendWork::Exporting(done) | SendWork::Approving(done) =
                    &mut self.state.send.work
                {
                    *done = f;
                }
            }
            JobResult::Exported(Ok(report)) => {
                self.state.send.work = SendWork::Exported(*report);
                self.jobs.history(self.state.db_path.clone());
            }
            JobResult::Reopen(key, report) => {
                self.state.reopen.loading = false;
                // A report counted for an instant, zone or campaign no longer shown is
                // dropped, and the tab asks for the right one.
                self.state.reopen.report = (key == self.reopen_key()).then_some(report);
            }
            JobResult::QrSaved(saved) => {
                let lang = self.state.lang();
                self.state.reopen.message = match saved {
                    Ok(Some(path)) => Some(Ok(crate::i18n::say(
                        lang,
                        "cli-entry-qr-written",
                        &[("path", path.into())],
                    ))),
                    Ok(None) => None,
                    Err(e) => Some(Err(e)),
                };
            }
            JobResult::History(Ok(h)) => self.state.send.history = h,
            JobResult::History(Err(e)) => self.state.status = Some(e),
        }
    }

    /// The key of the plan the Send list should show now, if there is a message.
    fn plan_key(&self) -> Option<PlanKey> {
        let c = &self.state.composer;
        if c.text.trim().is_empty() {
            return None;
        }
        Some(PlanKey {
            text: c.text.clone(),
            channel: self.state.prefs.channel,
            route: c.route.clone(),
            human_reply: self.state.send.human_reply,
            answers: c.answers,
            include_ad_windows: self.state.send.include_ad_windows,
            pace: self.state.prefs.pace,
            minute: self.state.now().timestamp().div_euclid(60),
            view: self.plan_views,
        })
    }

    /// Plans the composer's message for the filtered contacts when the Send list tab is open
    /// and something the plan depends on changed.
    fn refresh_plan(&mut self) {
        if self.state.prefs.tab != Tab::SendList || self.state.send.planning {
            return;
        }
        let Some(key) = self.plan_key() else {
            self.state.send.view = None;
            return;
        };
        // While the instant follows the clock, a plan on screen stays what it was (it may be
        // approved as shown) until the user changes something or asks to plan again.
        let only_clock_moved = |v: &PlannedView| {
            self.state.fixed_now.is_none()
                && !self.replan_wanted
                && v.key
                    == PlanKey {
                        minute: v.key.minute,
                        ..key.clone()
                    }
        };
        if self
            .state
            .send
            .view
            .as_ref()
            .is_some_and(|v| v.key == key || only_clock_moved(v))
            || self.state.send.failed.as_ref() == Some(&key)
        {
            return;
        }
        self.replan_wanted = false;
        let (Some(data), Some((_, analysis))) = (&self.state.data, &self.state.composer.analysis)
        else {
            return;
        };
        let request = PlanRequest {
            channel: key.channel,
            facts: facts::apply(analysis, &key.answers).0.facts(),
            route: key.route.clone(),
            human_reply: key.human_reply,
            answers: key.answers,
            at: self.state.now(),
            include_ad_windows: key.include_ad_windows,
            pace: key.pace.pace(),
            default_zone: Zone::Named(machine_zone()),
        };
        self.state.send.planning = true;
        self.planning = Some(key.clone());
        self.jobs.plan(
            self.engine.clone(),
            data.index.clone(),
            data.rows.clone(),
            request,
            key,
        );
    }

    /// Finds the shown campaign's recipients matching the search (all of them without one).
    fn refresh_campaign_rows(&mut self) {
        let c = &mut self.state.campaigns;
        let needle = c.search.trim().to_string();
        if needle.is_empty() {
            c.rows = None;
            return;
        }
        if let Some((_, list)) = &c.list {
            self.jobs
                .campaign_rows(list.clone(), needle, c.show_excluded);
        }
    }

    /// Names the export after the approved campaign `id` (unless the user chose a path).
    fn name_export_after(&mut self, id: i64) {
        let name = self
            .state
            .send
            .history
            .iter()
            .find(|h| h.id == id)
            .map(|h| h.campaign.name.clone());
        self.default_export_path(name.as_deref());
    }

    /// Names the export after `campaign` (or the name typed, or "ventana-sends") and today,
    /// in the folder of the path shown, unless the user typed or picked a path.
    fn default_export_path(&mut self, campaign: Option<&str>) {
        if self.state.send.out_path_chosen {
            return;
        }
        let day = self
            .state
            .now()
            .with_timezone(&self.state.zone())
            .format("%Y-%m-%d")
            .to_string();
        let ext = self.state.prefs.export_format.as_str();
        let send = &mut self.state.send;
        let folder = std::path::Path::new(&send.out_path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(std::path::Path::to_path_buf)
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
            .unwrap_or_default();
        let name = campaign
            .map(str::to_string)
            .or_else(|| send.approved.as_ref().map(|(_, n)| n.clone()))
            .unwrap_or_else(|| send.name.clone());
        send.out_path = folder
            .join(format!("{}-{day}.{ext}", file_stem_of(&name)))
            .display()
            .to_string();
    }

    fn start_export(&mut self, source: Option<i64>) {
        self.state.send.confirm_overwrite = None;
        if let Some(id) = source {
            self.name_export_after(id);
        }
        let path = self.state.send.out_path.trim().to_string();
        if path.is_empty() {
            let t = self.engine.i18n.t(self.state.lang(), "gui-send-no-path");
            self.state.send.work = SendWork::Failed(t);
            return;
        }
        // Never over earlier files without the user's word.
        if self.pending_export.is_none() {
            let existing = crate::export::existing_files(std::path::Path::new(&path));
            if !existing.is_empty() {
                self.pending_export = Some(source);
                self.state.send.confirm_overwrite =
                    Some(existing.iter().map(|p| p.display().to_string()).collect());
                return;
            }
        }
        self.pending_export = None;
        let path = path.as_str();
        let (source, campaign) = match (source, &self.state.send.view) {
            (Some(id), _) => (ExportSource::Campaign(id), Some(id)),
            (None, Some(view)) => (
                ExportSource::Plan(view.clone()),
                self.state.send.approved.as_ref().map(|(id, _)| *id),
            ),
            (None, None) => return,
        };
        self.state.send.work = SendWork::Exporting(0.0);
        self.jobs.export(
            self.state.db_path.clone(),
            source,
            campaign,
            PathBuf::from(path),
            self.state.prefs.export_format,
            self.state.lang(),
            self.engine.clone(),
            (self.clock)().timestamp(),
        );
    }

    fn show_preview(
        &mut self,
        preview: crate::import::Preview,
        dry: Option<Box<crate::import::ImportReport>>,
    ) {
        let mapping = Field::ALL
            .iter()
            .map(|f| {
                let header = preview.columns.get(f.as_str()).cloned().unwrap_or_default();
                (f.as_str().to_string(), header)
            })
            .collect();
        let (zone, channel, page_id, date_order) = match &self.state.import {
            ImportStage::Preview(old) => (
                old.zone.clone(),
                old.channel,
                old.page_id.clone(),
                old.date_order,
            ),
            _ => {
                let (zone, channel) = self.import_defaults();
                (zone, channel, String::new(), None)
            }
        };
        self.state.import = ImportStage::Preview(Box::new(ImportSetup {
            preview,
            mapping,
            zone,
            channel,
            page_id,
            date_order,
            error: None,
            dry,
        }));
    }

    /// The import dialog's zone and channel before the user changes them: the zone of the
    /// Page the filters show when it has one, else the zone times are shown in.
    fn import_defaults(&self) -> (String, crate::policy::Channel) {
        let page_zone = self
            .state
            .filters
            .page
            .zip(self.state.all.as_ref())
            .and_then(|(p, (ix, _))| ix.pages.get(p as usize))
            .and_then(|id| self.state.pages.iter().find(|row| &row.id == id))
            .and_then(|row| row.timezone.as_deref())
            .and_then(|z| parse_zone(z).ok());
        let zone = page_zone.unwrap_or_else(|| self.state.zone());
        (zone.name().to_string(), self.state.prefs.channel)
    }

    fn import_options(setup: &ImportSetup, lang: crate::i18n::Lang) -> Result<Options, String> {
        let zone = parse_zone(&setup.zone).map_err(|e| e.sentence(lang))?;
        Ok(Options {
            channel: setup.channel,
            page_id: (!setup.page_id.trim().is_empty()).then(|| setup.page_id.trim().to_string()),
            zone,
            // The dialog shows the zone it reads times in: what it shows is what holds.
            zone_given: true,
            date_order: setup.date_order,
            maps: setup
                .mapping
                .iter()
                .map(|(f, col)| format!("{f}={col}"))
                .collect(),
            dry_run: false,
            lang,
            for_gui: true,
        })
    }

    /// Applies one command.
    pub fn apply(&mut self, c: Command) {
        let lang = self.state.lang();
        match c {
            Command::SetLang(l) => self.state.prefs.lang = l,
            Command::SetDark(d) => self.state.prefs.dark = d,
            Command::SetTab(t) => self.state.prefs.tab = t,
            Command::SetNow(t) => {
                self.state.fixed_now = Some(t);
                self.state.pinned_for_demo = false;
                // The timeline moves to the new instant; who came back is counted at it.
                self.state.timeline = None;
                self.state.reopen.report = None;
            }
            Command::FollowClock => {
                self.state.timeline = None;
                self.state.reopen.report = None;
                self.state.fixed_now = None;
                self.state.pinned_for_demo = false;
                self.state.clock_now = (self.clock)();
            }
            Command::SetDisplayZone(z) => {
                self.state.prefs.display_zone = z;
                // Weeks and hours are counted in the display zone.
                self.state.reopen.report = None;
            }
            Command::SetHorizon(h) => self.state.prefs.horizon_hours = h.clamp(1, 72),
            Command::SetFilters(f) => {
                let search_changed = f.search != self.state.filters.search;
                self.state.filters = f;
                self.generation += 1;
                if search_changed {
                    let needle = self.state.filters.search.trim().to_string();
                    if needle.is_empty() {
                        self.state.search_ids = None;
                    } else {
                        self.names_of = self.loads;
                        self.jobs.search(
                            self.generation,
                            self.state.db_path.clone(),
                            needle,
                            self.names.clone(),
                        );
                    }
                }
            }
            Command::SetSort(s) => self.state.sort = s,
            Command::Select(i) => {
                self.state.selected = i;
                self.state.confirm_delete = false;
                let id = i.and_then(|i| {
                    let (ix, _) = self.state.all.as_ref()?;
                    ix.ids.get(i).copied()
                });
                match id {
                    Some(id) if self.state.detail.as_ref().map(|d| d.0) != Some(id) => {
                        self.state.detail = None;
                        self.jobs.contact_file(self.state.db_path.clone(), id);
                    }
                    Some(_) => {}
                    None => self.state.detail = None,
                }
            }
            Command::AskDeleteContact(ask) => self.state.confirm_delete = ask,
            Command::DeleteContact(id) => {
                self.state.confirm_delete = false;
                self.state.loading = true;
                self.jobs.delete_contact(self.state.db_path.clone(), id);
            }
            Command::LoadDemo => {
                self.state.loading = true;
                self.jobs.demo(self.state.db_path.clone(), true);
            }
            Command::RemoveDemo => {
                self.state.loading = true;
                self.jobs.demo(self.state.db_path.clone(), false);
            }
            Command::OpenImport => {
                self.state.import = ImportStage::Choose {
                    path: String::new(),
                    message: None,
                }
            }
            Command::CloseImport => {
                if let ImportStage::Running { cancel, .. } = &self.state.import {
                    cancel.store(true, Ordering::Relaxed);
                }
                self.state.import = ImportStage::Closed;
            }
            Command::PickFile => self.jobs.pick_file(),
            Command::SetImportPath(p) => {
                if let ImportStage::Choose { path, .. } = &mut self.state.import {
                    *path = p;
                }
            }
            Command::PreviewFile(path) => {
                self.state.import = ImportStage::Previewing { path: path.clone() };
                let (zone, channel) = self.import_defaults();
                let opts = Options {
                    channel,
                    zone: parse_zone(&zone).unwrap_or_else(|_| machine_zone()),
                    zone_given: true,
                    lang: self.state.lang(),
                    for_gui: true,
                    ..Options::default()
                };
                self.previews += 1;
                self.jobs
                    .preview(self.previews, self.state.db_path.clone(), path, opts);
            }
            Command::SetMapping(field, column) => {
                if let ImportStage::Preview(s) = &mut self.state.import {
                    s.mapping.insert(field, column);
                    self.apply(Command::RefreshPreview);
                }
            }
            // Every option the import runs with is read into the preview again.
            Command::SetImportZone(z) => {
                if let ImportStage::Preview(s) = &mut self.state.import {
                    s.error = parse_zone(&z).err().map(|e| e.sentence(lang));
                    s.zone = z;
                    if s.error.is_none() {
                        self.apply(Command::RefreshPreview);
                    }
                }
            }
            Command::SetImportChannel(c) => {
                if let ImportStage::Preview(s) = &mut self.state.import {
                    s.channel = c;
                    self.apply(Command::RefreshPreview);
                }
            }
            Command::SetImportPage(p) => {
                if let ImportStage::Preview(s) = &mut self.state.import {
                    s.page_id = p;
                    self.apply(Command::RefreshPreview);
                }
            }
            Command::SetImportDateOrder(order) => {
                if let ImportStage::Preview(s) = &mut self.state.import {
                    s.date_order = order;
                    self.apply(Command::RefreshPreview);
                }
            }
            Command::RefreshPreview => {
                if let ImportStage::Preview(s) = &mut self.state.import {
                    match Self::import_options(s, lang) {
                        Ok(opts) => {
                            let path = PathBuf::from(&s.preview.file);
                            self.previews += 1;
                            self.jobs.preview(
                                self.previews,
                                self.state.db_path.clone(),
                                path,
                                opts,
                            );
                        }
                        Err(e) => s.error = Some(e),
                    }
                }
            }
            Command::StartImport => self.start_import(),
            Command::CancelImport => {
                if let ImportStage::Running { cancel, .. } = &self.state.import {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
            Command::SetText(t) => self.state.composer.text = t,
            Command::SetRoute(r) => self.state.composer.route = r,
            Command::SetChannel(c) => self.state.prefs.channel = c,
            Command::SetSample(k, v) => {
                self.state.composer.samples.insert(k, v);
            }
            Command::SetTimelineView(start, end) => {
                let first = self.state.timeline.map_or(0, |t| t.first_lane);
                self.state.timeline = Some(super::state::TimelineView {
                    start,
                    end,
                    first_lane: first,
                });
            }
            Command::FetchRows(positions) => self.fetch_rows(&positions),
            Command::SetFirstLane(n) => {
                if let Some(t) = &mut self.state.timeline {
                    t.first_lane = n;
                }
            }
            Command::SetHumanReply(h) => {
                self.state.send.human_reply = h;
                self.state
                    .composer
                    .answers
                    .set(Fact::HumanReply, h.then_some(true));
            }
            Command::SetFact(fact, answer) => {
                self.state.composer.answers.set(fact, answer);
                // The Send list's "a person writes each message" is the same answer.
                if fact == Fact::HumanReply {
                    self.state.send.human_reply = answer == Some(true);
                }
            }
            Command::SetIncludeAdWindows(on) => self.state.send.include_ad_windows = on,
            Command::EditPage(id, draft) => {
                self.state.page_drafts.insert(id, draft);
            }
            Command::SavePage(id) => self.save_page(&id),
            Command::EditEntryDraft(d) => {
                self.state.reopen.draft = d;
                self.state.reopen.error = None;
            }
            Command::CreateEntry => self.create_entry(),
            Command::SelectEntry(id) => {
                let before = self.reopen_key();
                let r = &mut self.state.reopen;
                if r.selected != Some(id) {
                    r.selected = Some(id);
                    r.confirm_delete = false;
                    r.message = None;
                    // An edit of another entry point is dropped with it.
                    r.edit = None;
                }
                // The split follows the campaign of the entry point shown.
                if self.reopen_key() != before {
                    self.state.reopen.report = None;
                }
            }
            Command::AskDeleteEntry(ask) => self.state.reopen.confirm_delete = ask,
            Command::EditEntry(edit) => {
                self.state.reopen.edit = edit;
                self.state.reopen.error = None;
            }
            Command::SaveEntry => self.save_entry(),
            Command::DeleteEntry(id) => {
                self.state.reopen.confirm_delete = false;
                if let Some(store) = &self.store {
                    match store.delete_entry_point(id) {
                        Ok(()) => {
                            self.state.reopen.selected = None;
                            self.refresh_entries();
                        }
                        Err(e) => self.state.reopen.error = Some(e.sentence(self.state.lang())),
                    }
                }
            }
            Command::SaveQr(id) => {
                let entry = self.state.reopen.entries.iter().find(|e| e.id == id);
                let link = entry.and_then(|e| {
                    crate::reopen::entries::link_for(e, self.state.page_username(&e.page_id))
                });
                if let (Some(e), Some(link)) = (entry, link) {
                    let folder = std::path::Path::new(&self.state.send.out_path)
                        .parent()
                        .map(std::path::Path::to_path_buf)
                        .unwrap_or_default();
                    let stem = e
                        .ref_
                        .as_deref()
                        .unwrap_or("entry")
                        .replace(['/', ':'], "-");
                    let default = folder.join(format!("qr-{stem}.png"));
                    self.jobs.save_qr(link, default, self.state.lang());
                }
            }
            Command::RefreshReopen => {
                if !self.state.reopen.loading {
                    self.state.reopen.loading = true;
                    let key = self.reopen_key();
                    self.jobs.reopen_report(
                        self.state.db_path.clone(),
                        self.engine.clone(),
                        key,
                        self.state.lang(),
                    );
                }
            }
            Command::SetPace(p) => self.state.prefs.pace = p,
            Command::ShowExcluded(x) => self.state.send.show_excluded = x,
            Command::SetCampaignName(n) => {
                self.state.send.name = n;
                self.default_export_path(None);
            }
            Command::Replan => self.replan_wanted = true,
            Command::SetExportPath(p) => {
                self.state.send.out_path = p;
                self.state.send.out_path_chosen = true;
                self.state.send.confirm_overwrite = None;
                self.pending_export = None;
            }
            Command::SelectImport(id) => {
                let tab = &mut self.state.imports_tab;
                if tab.selected != Some(id) {
                    tab.selected = Some(id);
                    tab.rejects = None;
                    tab.confirm_undo = false;
                    tab.message = None;
                    self.jobs.rejects(self.state.db_path.clone(), id);
                }
            }
            Command::AskUndoImport(ask) => self.state.imports_tab.confirm_undo = ask,
            Command::UndoImport(id) => {
                self.state.imports_tab.confirm_undo = false;
                self.state.loading = true;
                self.jobs.undo_import(
                    self.state.db_path.clone(),
                    id,
                    (self.clock)().timestamp(),
                    self.state.lang(),
                );
            }
            Command::SaveRejects(id) => {
                let folder = std::path::Path::new(&self.state.send.out_path)
                    .parent()
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or_default();
                let default = folder.join(format!("import-{id}-rejected.csv"));
                self.jobs
                    .save_rejects(self.state.db_path.clone(), id, default, self.state.lang());
            }
            Command::SelectCampaign(id) => {
                let c = &mut self.state.campaigns;
                if c.selected != Some(id) {
                    c.selected = Some(id);
                    c.list = None;
                    c.rows = None;
                    c.error = None;
                    c.search.clear();
                    c.loading = true;
                    self.jobs
                        .campaign_list(self.state.db_path.clone(), id, self.state.lang());
                    self.name_export_after(id);
                }
            }
            Command::SetCampaignSearch(needle) => {
                self.state.campaigns.search = needle;
                self.refresh_campaign_rows();
            }
            Command::ShowCampaignExcluded(excluded) => {
                self.state.campaigns.show_excluded = excluded;
                self.refresh_campaign_rows();
            }
            Command::PickExportPath => self
                .jobs
                .pick_save(PathBuf::from(self.state.send.out_path.trim())),
            Command::ConfirmExport => {
                if let Some(source) = self.pending_export {
                    self.start_export(source);
                }
            }
            Command::CancelExport => {
                self.pending_export = None;
                self.state.send.confirm_overwrite = None;
            }
            Command::SetExportFormat(f) => {
                self.state.prefs.export_format = f;
                self.default_export_path(None);
            }
            Command::Approve => {
                if let (false, Some(view)) = (self.state.send.work.is_busy(), &self.state.send.view)
                {
                    self.jobs.approve(
                        self.state.db_path.clone(),
                        view.clone(),
                        self.state.send.name.clone(),
                        (self.clock)().timestamp(),
                        lang,
                    );
                    self.state.send.work = SendWork::Approving(0.0);
                }
            }
            Command::Export => self.start_export(None),
            Command::ExportCampaign(id) => self.start_export(Some(id)),
        }
    }

    fn start_import(&mut self) {
        let stage = std::mem::take(&mut self.state.import);
        let ImportStage::Preview(setup) = stage else {
            self.state.import = stage;
            return;
        };
        match Self::import_options(&setup, self.state.lang()) {
            Ok(opts) => {
                let cancel = Arc::new(AtomicBool::new(false));
                let file = setup.preview.file.clone();
                self.state.import = ImportStage::Running {
                    file,
                    progress: crate::import::Progress {
                        total: setup.preview.size,
                        ..Default::default()
                    },
                    cancel: cancel.clone(),
                };
                self.jobs.import(
                    self.state.db_path.clone(),
                    PathBuf::from(&setup.preview.file),
                    opts,
                    self.state.clock_now,
                    cancel,
                );
            }
            Err(e) => {
                let mut setup = setup;
                setup.error = Some(e);
                self.state.import = ImportStage::Preview(setup);
            }
        }
    }

    /// Re-checks the composer's text when it, the route, the channel or the instant changed.
    fn refresh_composer(&mut self) {
        let filled = self.state.composer.filled();
        let c = &mut self.state.composer;
        if c.text.trim().is_empty() {
            c.analysis = None;
            c.report = None;
            c.reach = None;
            c.checked_for = None;
            return;
        }
        let at = self.state.fixed_now.unwrap_or(self.state.clock_now);
        let key = CheckKey {
            text: filled.clone(),
            channel: self.state.prefs.channel,
            route: c.route.clone(),
            minute: at.timestamp().div_euclid(60),
            lang: self.state.prefs.lang,
            view: self.views,
            horizon_hours: self.state.prefs.horizon_hours,
            answers: c.answers,
        };
        if c.checked_for.as_ref() == Some(&key) {
            return;
        }
        let fresh = c.analysis.as_ref().is_some_and(|(t, _)| *t == filled);
        if !fresh {
            c.analysis = Some((filled.clone(), self.engine.analyze(&filled)));
        }
        let Some((_, analysis)) = &c.analysis else {
            return;
        };
        let place = self
            .state
            .data
            .as_ref()
            .map(|d| d.windows.common_place())
            .unwrap_or_default();
        let input = CheckInput {
            text: &filled,
            channel: self.state.prefs.channel,
            chosen: c.route.clone(),
            at,
            place,
            ui_lang: self.state.prefs.lang,
            answers: c.answers,
        };
        c.report = Some(compliance::check_analysed(
            &input,
            analysis,
            &self.engine.policy,
            &self.engine.i18n,
        ));
        let request = PlanRequest {
            channel: self.state.prefs.channel,
            facts: facts::apply(analysis, &c.answers).0.facts(),
            route: c.route.clone(),
            human_reply: self.state.send.human_reply,
            answers: c.answers,
            at,
            include_ad_windows: self.state.send.include_ad_windows,
            pace: Default::default(),
            default_zone: Zone::Named(machine_zone()),
        };
        c.reach = self
            .state
            .data
            .as_ref()
            .map(|d| reach_of(d, &self.engine, &request, self.state.prefs.horizon()));
        c.checked_for = Some(key);
    }

    /// Reads the rows shown in the table that are not cached yet.
    pub fn fetch_rows(&mut self, positions: &[u32]) {
        let (Some(store), Some(data)) = (&self.store, &self.state.data) else {
            return;
        };
        let ids: Vec<i64> = positions
            .iter()
            .filter_map(|p| data.index.ids.get(*p as usize).copied())
            .filter(|id| !self.state.rows_cache.contains_key(id))
            .collect();
        if ids.is_empty() {
            return;
        }
        if self.state.rows_cache.len() > 5_000 {
            self.state.rows_cache.clear();
        }
        match store.contacts_by_id(&ids) {
            Ok(rows) => {
                for r in rows {
                    self.state.rows_cache.insert(r.id, r);
                }
            }
            Err(e) => self.state.status = Some(e.to_string()),
        }
    }

    /// Draws the whole window and returns the commands the panels asked for.
    pub fn ui_body(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.ctx().set_visuals(if self.state.prefs.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        readable_text(ui.ctx());
        let i18n = &self.engine.i18n;
        egui::Panel::top("top_bar").show(ui, |ui| {
            panels::top_bar::top_bar_ui(ui, &self.state, i18n, &mut commands);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::top_bar::status_ui(ui, &self.state, i18n);
        });
        let empty = self.state.all.as_ref().is_some_and(|(ix, _)| ix.is_empty());
        if !empty && self.state.fixed_now.is_some() {
            egui::Panel::top("pinned").show(ui, |ui| {
                panels::top_bar::pinned_ui(ui, &self.state, i18n, &mut commands);
            });
        }
        let detail_tab = matches!(self.state.prefs.tab, Tab::Contacts | Tab::Timeline);
        if !empty && detail_tab && self.state.selected.is_some() {
            egui::Panel::right("contact-detail")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    panels::contact::contact_ui(ui, &self.state, &self.engine, &mut commands);
                });
        }
        // The filters choose the contacts of the tabs that show or plan over them; the
        // campaigns, imports, entry points and Pages are the whole database's.
        let filtered = matches!(
            self.state.prefs.tab,
            Tab::Contacts | Tab::Timeline | Tab::Composer | Tab::SendList
        );
        if !empty && filtered {
            egui::Panel::left("filters")
                .default_size(230.0)
                .show(ui, |ui| {
                    panels::filters::filters_ui(ui, &self.state, &self.engine, &mut commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if empty || self.state.all.is_none() {
                panels::welcome::welcome_ui(ui, &self.state, i18n, &mut commands);
                return;
            }
            match self.state.prefs.tab {
                Tab::Contacts => {
                    panels::contacts::contacts_ui(ui, &self.state, &self.engine, &mut commands)
                }
                Tab::Timeline => {
                    panels::timeline::timeline_ui(ui, &self.state, &self.engine, &mut commands)
                }
                Tab::Composer => {
                    panels::composer::composer_ui(ui, &self.state, &self.engine, &mut commands)
                }
                Tab::SendList => {
                    panels::send_list::send_list_ui(ui, &self.state, &self.engine, &mut commands)
                }
                Tab::Pages => panels::pages::pages_ui(ui, &self.state, &self.engine, &mut commands),
                Tab::Campaigns => {
                    panels::campaigns::campaigns_ui(ui, &self.state, &self.engine, &mut commands)
                }
                Tab::Imports => {
                    panels::imports::imports_ui(ui, &self.state, &self.engine, &mut commands)
                }
                Tab::Reopen => {
                    panels::reopen::reopen_ui(ui, &self.state, &self.engine, &mut commands)
                }
            }
        });
        panels::import::import_ui(ui, &self.state, i18n, &mut commands);
        // Files dropped anywhere on the window are imported.
        if let Some(path) = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .next()
        }) {
            commands.push(Command::PreviewFile(path));
        }
        commands
    }
}

/// A campaign name made into a file name: "Black Friday!" → "black-friday".
fn file_stem_of(name: &str) -> String {
    let mut stem = String::new();
    for c in crate::i18n::fold(name).chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "ventana-sends".into()
    } else {
        stem.chars().take(60).collect()
    }
}

/// Who the message of `req` reaches among the view's contacts, by channel and place.
pub fn reach_of(
    data: &Data,
    engine: &Engine,
    req: &PlanRequest,
    horizon: chrono::Duration,
) -> Reach {
    let mut reach = Reach::default();
    for (channel, place, counts) in data
        .windows
        .counts_by_group(req.at, horizon, &engine.policy)
    {
        if channel != req.channel {
            continue;
        }
        if let Some(cp) = engine.policy.channel(channel) {
            reach.add(cp, req, &place, &counts);
        }
    }
    reach
}

impl eframe::App for VentanaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.jobs.set_context(ui.ctx());
        let commands = self.ui_body(ui);
        self.update(commands);
        let busy = self.state.loading
            || self.jobs.pending > 0
            || matches!(self.state.import, ImportStage::Running { .. });
        // The clock moves: repaint now and then to keep "closes in" current.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(if busy {
                100
            } else {
                30_000
            }));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }
}

/// Text a step larger than egui's defaults (12.5 pt body, 9 pt small), which read as tiny
/// on a laptop screen at a desk all day; Ctrl + and Ctrl − zoom further.
fn readable_text(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    const BODY: f32 = 14.0;
    if ctx
        .global_style()
        .text_styles
        .get(&TextStyle::Body)
        .map(|f| f.size)
        == Some(BODY)
    {
        return;
    }
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(11.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
    });
}
