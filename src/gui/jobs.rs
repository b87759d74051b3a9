//! Long work on worker threads — loading the index, filtering a million contacts, previewing
//! and importing files, asking the desktop for a file — with results sent back to the UI
//! thread, which polls them every frame. The window never waits on any of it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

use super::state::{Data, Filters, PlanKey, PlannedView, SortBy};
use crate::Engine;
use crate::export::{self, ExportReport, Format, SendList};
use crate::i18n::Lang;
use crate::import::{self, ImportReport, Options, Preview, Progress};
use crate::plan::index::StateEval;
use crate::plan::{self, ContactIndex, Plan, PlanRequest, Windows};
use crate::policy::WindowState;
use crate::store::{CampaignSummary, ImportSummary, NameIndex, Store};

/// The demo export, shipped in the binary.
pub const DEMO_CSV: &[u8] = include_bytes!("../../assets/samples/demo.csv");
/// When the demo export was taken: the app plans at this instant after loading it.
pub const DEMO_NOW: &str = "2026-11-22T10:00:00Z";
/// The Pages of the demo contacts (for removing them).
pub const DEMO_PAGES: [&str; 2] = ["104837261958374", "209384756102938"];
/// The demo Pages' facts: id, name, username, country, time zone.
const DEMO_PAGE_FACTS: [(&str, &str, &str, &str, &str); 2] = [
    (
        "104837261958374",
        "Bottega Rossi",
        "bottegarossi",
        "IT",
        "Europe/Rome",
    ),
    (
        "209384756102938",
        "Tienda Sol",
        "tiendasol",
        "ES",
        "Europe/Madrid",
    ),
];

/// What a Reopen report is counted for: the planning instant, the zone of weeks and hours,
/// the campaign whose left-out recipients are split.
pub type ReopenKey = (DateTime<Utc>, chrono_tz::Tz, Option<i64>);

/// Which job a result belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// Reading the contacts.
    Load,
    /// Filtering and sorting them.
    View,
    /// A name search.
    Search,
    /// The desktop's file dialog.
    Pick,
    /// Reading the first rows of a file.
    Preview,
    /// An import.
    Import,
    /// Loading or removing the demo.
    Demo,
    /// A plan.
    Plan,
    /// An approval.
    Approve,
    /// An export.
    Export,
    /// The past campaigns.
    History,
    /// The Reopen tab's report.
    Reopen,
}

/// What a job reports back.
pub enum JobResult {
    /// A job stopped on an internal error (a panic) instead of giving its result.
    Failed(JobKind, String),
    /// The contacts were read from the database, with the windows of all of them.
    Loaded(Result<Box<Loaded>, String>),
    /// A filtered view is ready (with the generation it was asked for).
    View(u64, Box<Data>),
    /// The ids matching a name search.
    Searched(u64, Result<(Vec<i64>, Arc<NameIndex>), String>),
    /// The desktop's file dialog answered.
    Picked(Option<PathBuf>),
    /// What is stored of a contact (`None`: it is gone).
    ContactFile(i64, Result<Option<crate::store::ContactFile>, String>),
    /// A contact was deleted (or why not).
    Deleted(Result<(), String>),
    /// An import's rejected rows, read.
    Rejects(i64, Result<Vec<crate::store::RejectRow>, String>),
    /// An import was undone (what it took back), or why not.
    Undone(Result<crate::store::UndoReport, String>),
    /// Rejected rows were saved (where; `None` when no file was picked), or why not.
    RejectsSaved(Result<Option<(String, u64)>, String>),
    /// A campaign's send list, read.
    CampaignList(i64, Result<Arc<SendList>, String>),
    /// The rows of a campaign's list matching a search (search, excluded, rows).
    CampaignRows(String, bool, Vec<u32>),
    /// Where the user chose to export (`None`: cancelled, or no file dialog).
    SavePicked(Option<PathBuf>),
    /// A file was previewed (with the number the preview was asked under).
    Previewed(
        u64,
        Result<(Box<Preview>, Option<Box<ImportReport>>), String>,
    ),
    /// An import advanced.
    Progress(Progress),
    /// An import finished (or failed, or was cancelled).
    Imported(Result<Box<ImportReport>, String>),
    /// The demo contacts were loaded or removed.
    Demo(Result<Option<DateTime<Utc>>, String>),
    /// A plan for the Send list tab.
    Planned(Box<PlannedView>),
    /// The shown plan was approved as a campaign (id, name), or why not.
    Approved(Result<(i64, String), String>),
    /// An approval or an export advanced (the fraction stored or written).
    ExportProgress(f32),
    /// An export finished.
    Exported(Result<Box<ExportReport>, String>),
    /// The past campaigns.
    History(Result<Vec<CampaignSummary>, String>),
    /// The Reopen tab's report, and what it was counted for.
    Reopen(ReopenKey, Result<Arc<crate::reopen::Report>, String>),
    /// Where a QR code was saved (`None`: the dialog was cancelled).
    QrSaved(Result<Option<String>, String>),
}

impl JobResult {
    /// Whether this is news of a job still running rather than its end.
    fn is_progress(&self) -> bool {
        matches!(self, JobResult::Progress(_) | JobResult::ExportProgress(_))
    }
}

/// What to export: the shown plan, or a stored campaign.
pub enum ExportSource {
    /// The plan.
    Plan(Arc<PlannedView>),
    /// An approved campaign.
    Campaign(i64),
}

/// The contacts as read from the database.
pub struct Loaded {
    /// Every contact.
    pub index: Arc<ContactIndex>,
    /// The windows of every contact.
    pub windows: Arc<Windows>,
    /// Past imports, newest first.
    pub imports: Vec<ImportSummary>,
    /// The Pages, with their contact counts.
    pub pages: Vec<crate::store::PageRow>,
    /// The entry points, newest start first.
    pub entry_points: Vec<crate::store::EntryPoint>,
}

/// Sends `result` to the UI and wakes it to draw it.
fn tell(tx: &Sender<JobResult>, wake: &Mutex<Option<egui::Context>>, result: JobResult) {
    let _ = tx.send(result);
    if let Ok(w) = wake.lock()
        && let Some(ctx) = w.as_ref()
    {
        ctx.request_repaint();
    }
}

/// The channel jobs report on, and a way to wake the UI.
pub struct Jobs {
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    wake: Arc<Mutex<Option<egui::Context>>>,
    /// The latest preview asked for: an older one skips its dry run.
    latest_preview: Arc<AtomicU64>,
    /// Jobs started and not yet reported.
    pub pending: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Jobs {
            tx,
            rx,
            wake: Arc::default(),
            latest_preview: Arc::default(),
            pending: 0,
        }
    }
}

impl Jobs {
    /// Lets finished jobs request a repaint of `ctx`.
    pub fn set_context(&self, ctx: &egui::Context) {
        if let Ok(mut w) = self.wake.lock()
            && w.is_none()
        {
            *w = Some(ctx.clone());
        }
    }

    /// Results that have arrived.
    pub fn poll(&mut self) -> Vec<JobResult> {
        let mut out = Vec::new();
        while let Ok(r) = self.rx.try_recv() {
            if !r.is_progress() {
                self.pending = self.pending.saturating_sub(1);
            }
            out.push(r);
        }
        out
    }

    /// Waits for the next result (tests, and nothing else: the UI polls).
    pub fn wait(&mut self) -> Option<JobResult> {
        let r = self.rx.recv().ok()?;
        if !r.is_progress() {
            self.pending = self.pending.saturating_sub(1);
        }
        Some(r)
    }

    /// Runs `work` on a worker thread; its result, or the panic that stopped it as
    /// [`JobResult::Failed`], comes back through [`Jobs::poll`].
    pub fn spawn(
        &mut self,
        kind: JobKind,
        work: impl FnOnce(&Sender<JobResult>) -> JobResult + Send + 'static,
    ) {
        self.pending += 1;
        let tx = self.tx.clone();
        let wake = self.wake.clone();
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&tx)))
                .unwrap_or_else(|panic| {
                    let detail = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    JobResult::Failed(kind, detail)
                });
            tell(&tx, &wake, result);
        });
    }

    /// Reads the contacts of `db`.
    pub fn load(&mut self, db: PathBuf, engine: Arc<Engine>) {
        self.spawn(JobKind::Load, move |_| {
            JobResult::Loaded((|| {
                let store = Store::open(&db).map_err(|e| e.to_string())?;
                let ix = ContactIndex::load(&store).map_err(|e| e.to_string())?;
                let windows = Windows::build(&ix, None, &engine.policy);
                let imports = store.imports(500).map_err(|e| e.to_string())?;
                let pages = pages_with_counts(&ix, store.page_table().map_err(|e| e.to_string())?);
                let entry_points = store.entry_points().map_err(|e| e.to_string())?;
                Ok(Box::new(Loaded {
                    index: Arc::new(ix),
                    windows: Arc::new(windows),
                    imports,
                    pages,
                    entry_points,
                }))
            })())
        });
    }

    /// Filters and sorts the contacts for the table and builds their windows.
    #[allow(clippy::too_many_arguments)]
    pub fn view(
        &mut self,
        generation: u64,
        engine: Arc<Engine>,
        (index, all_windows): (Arc<ContactIndex>, Arc<Windows>),
        filters: Filters,
        search: Option<Arc<Vec<i64>>>,
        sort: SortBy,
        at: DateTime<Utc>,
        horizon: Duration,
    ) {
        self.spawn(JobKind::View, move |_| {
            let data = build_view_over(
                &engine,
                index,
                Some(all_windows),
                filters,
                search.as_deref(),
                sort,
                at,
                horizon,
            );
            JobResult::View(generation, Box::new(data))
        });
    }

    /// Finds the contacts whose name or ID contains `needle`.
    pub fn search(
        &mut self,
        generation: u64,
        db: PathBuf,
        needle: String,
        names: Option<Arc<NameIndex>>,
    ) {
        self.spawn(JobKind::Search, move |_| {
            // The names are read once per load of the contacts, then searched in memory.
            let names = match names {
                Some(n) => Ok(n),
                None => Store::open(&db)
                    .and_then(|s| s.name_index())
                    .map(Arc::new)
                    .map_err(|e| e.to_string()),
            };
            JobResult::Searched(generation, names.map(|n| (n.find(&needle), n)))
        });
    }

    /// Asks the desktop for a file. `None` when the user cancels — or when no file dialog
    /// is available, which the two cannot be told apart (the dialog offers a path field).
    pub fn pick_file(&mut self) {
        self.spawn(JobKind::Pick, |_| {
            JobResult::Picked(
                rfd::FileDialog::new()
                    .add_filter(
                        "CSV, JSON",
                        &["csv", "tsv", "txt", "json", "jsonl", "ndjson"],
                    )
                    .pick_file(),
            )
        });
    }

    /// Reads what is stored of contact `id`.
    pub fn contact_file(&mut self, db: PathBuf, id: i64) {
        self.spawn(JobKind::Search, move |_| {
            let file = Store::open(&db)
                .and_then(|s| s.contact_file(id))
                .map_err(|e| e.to_string());
            JobResult::ContactFile(id, file)
        });
    }

    /// Deletes contact `id` and its history.
    pub fn delete_contact(&mut self, db: PathBuf, id: i64) {
        self.spawn(JobKind::Load, move |_| {
            let done = Store::open(&db)
                .and_then(|s| s.delete_contact(id))
                .map(|_| ())
                .map_err(|e| e.to_string());
            JobResult::Deleted(done)
        });
    }

    /// Reads the rejected rows of import `id`.
    pub fn rejects(&mut self, db: PathBuf, id: i64) {
        self.spawn(JobKind::History, move |_| {
            let rows = Store::open(&db)
                .and_then(|s| s.rejects(id, usize::MAX >> 1))
                .map_err(|e| e.to_string());
            JobResult::Rejects(id, rows)
        });
    }

    /// Undoes import `id`.
    pub fn undo_import(&mut self, db: PathBuf, id: i64, now: i64, lang: crate::i18n::Lang) {
        self.spawn(JobKind::Load, move |_| {
            let done = Store::open(&db)
                .and_then(|mut s| s.undo_import(id, now))
                .map_err(|e| e.sentence(lang));
            JobResult::Undone(done)
        });
    }

    /// Asks where to save the rejected rows of import `id`, then writes them there.
    pub fn save_rejects(
        &mut self,
        db: PathBuf,
        id: i64,
        default: PathBuf,
        lang: crate::i18n::Lang,
    ) {
        self.spawn(JobKind::Pick, move |_| {
            let mut dialog = rfd::FileDialog::new().add_filter("CSV", &["csv"]);
            if let Some(dir) = default.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = default.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            let Some(path) = dialog.save_file() else {
                return JobResult::RejectsSaved(Ok(None));
            };
            let saved = Store::open(&db)
                .and_then(|s| s.rejects(id, usize::MAX >> 1))
                .map_err(|e| e.sentence(lang))
                .and_then(|rows| {
                    export::write_rejects(&path, &rows, lang).map_err(|e| e.sentence(lang))
                })
                .map(|n| Some((path.display().to_string(), n)));
            JobResult::RejectsSaved(saved)
        });
    }

    /// Computes the Reopen tab's report at `now`: returns per entry point, weeks and hours in
    /// `tz`, and who can be asked among the left-out recipients of `campaign` (else everyone).
    pub fn reopen_report(
        &mut self,
        db: PathBuf,
        engine: Arc<Engine>,
        key: ReopenKey,
        lang: crate::i18n::Lang,
    ) {
        self.spawn(JobKind::Reopen, move |_| {
            let (now, tz, campaign) = key;
            let report = Store::open(&db)
                .and_then(|s| crate::reopen::report(&s, &engine.policy, now, 8, tz, &[], campaign))
                .map(Arc::new)
                .map_err(|e| e.sentence(lang));
            JobResult::Reopen(key, report)
        });
    }

    /// Asks where to save the QR code of `link`, then writes it there (PNG, or SVG when the
    /// name ends in .svg).
    pub fn save_qr(&mut self, link: String, default: PathBuf, lang: crate::i18n::Lang) {
        self.spawn(JobKind::Pick, move |_| {
            let mut dialog = rfd::FileDialog::new()
                .add_filter("PNG", &["png"])
                .add_filter("SVG", &["svg"]);
            if let Some(dir) = default.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = default.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            let Some(path) = dialog.save_file() else {
                return JobResult::QrSaved(Ok(None));
            };
            let saved = crate::reopen::entries::write_qr(&link, &path)
                .map(|()| Some(path.display().to_string()))
                .map_err(|e| e.sentence(lang));
            JobResult::QrSaved(saved)
        });
    }

    /// Reads the send list of campaign `id`.
    pub fn campaign_list(&mut self, db: PathBuf, id: i64, lang: crate::i18n::Lang) {
        self.spawn(JobKind::History, move |_| {
            let list = Store::open(&db)
                .and_then(|s| SendList::from_campaign(&s, id))
                .map_err(|e| e.sentence(lang))
                .and_then(|l| {
                    l.map(Arc::new).ok_or_else(|| {
                        crate::i18n::say(lang, "gui-campaign-missing", &[("id", id.into())])
                    })
                });
            JobResult::CampaignList(id, list)
        });
    }

    /// Finds the rows of `list` whose contact matches `needle`.
    pub fn campaign_rows(&mut self, list: Arc<SendList>, needle: String, excluded: bool) {
        self.spawn(JobKind::Search, move |_| {
            let rows = list.matching(&needle, excluded);
            JobResult::CampaignRows(needle, excluded, rows)
        });
    }

    /// Asks the desktop where to save an export, starting at `default`.
    pub fn pick_save(&mut self, default: PathBuf) {
        self.spawn(JobKind::Pick, move |_| {
            let mut dialog =
                rfd::FileDialog::new().add_filter("CSV, JSON lines", &["csv", "jsonl"]);
            if let Some(dir) = default.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = default.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            JobResult::SavePicked(dialog.save_file())
        });
    }

    /// Previews a file; the result carries `id`, so that only the latest preview asked
    /// for is shown.
    pub fn preview(&mut self, id: u64, db: PathBuf, path: PathBuf, opts: Options) {
        self.latest_preview.store(id, Ordering::Relaxed);
        let latest = self.latest_preview.clone();
        self.spawn(JobKind::Preview, move |_| {
            let preview = match import::preview(&path, &opts) {
                Ok(p) => p,
                Err(e) => return JobResult::Previewed(id, Err(e.sentence(opts.lang))),
            };
            // Typing in the dialog asks for a preview per keystroke: only the latest one reads
            // the whole file again.
            let dry = (latest.load(Ordering::Relaxed) == id)
                .then(|| dry_run(&db, &preview, &opts))
                .flatten();
            JobResult::Previewed(id, Ok((Box::new(preview), dry)))
        });
    }

    /// Imports a file with `opts`, reporting progress; `cancel` stops it with nothing
    /// written. The file is read with the options the import runs with, whatever preview
    /// was on screen.
    pub fn import(
        &mut self,
        db: PathBuf,
        path: PathBuf,
        opts: Options,
        now: DateTime<Utc>,
        cancel: Arc<AtomicBool>,
    ) {
        let wake = self.wake.clone();
        self.spawn(JobKind::Import, move |tx| {
            let result = (|| {
                let preview = import::preview(&path, &opts).map_err(|e| e.sentence(opts.lang))?;
                let mut store = Store::open(&db).map_err(|e| e.sentence(opts.lang))?;
                let mut progress = |p: Progress| tell(tx, &wake, JobResult::Progress(p));
                import::run(
                    &mut store,
                    &preview,
                    &opts,
                    now.timestamp(),
                    &cancel,
                    &mut progress,
                )
                .map(Box::new)
                .map_err(|e| e.sentence(opts.lang))
            })();
            JobResult::Imported(result)
        });
    }

    /// Imports the demo export (or removes its contacts).
    pub fn demo(&mut self, db: PathBuf, load: bool) {
        self.spawn(JobKind::Demo, move |_| {
            JobResult::Demo(if load {
                load_demo(&db)
            } else {
                remove_demo(&db)
            })
        });
    }
}

impl Jobs {
    /// Plans the message for the contacts at `rows`.
    pub fn plan(
        &mut self,
        engine: Arc<Engine>,
        index: Arc<ContactIndex>,
        rows: Arc<Vec<u32>>,
        request: PlanRequest,
        key: PlanKey,
    ) {
        self.spawn(JobKind::Plan, move |_| {
            let plan = plan::plan(&index, Some(&rows), &engine.policy, &request);
            JobResult::Planned(Box::new(planned_view(key, index, plan)))
        });
    }

    /// Saves the shown plan as an approved campaign.
    pub fn approve(
        &mut self,
        db: PathBuf,
        view: Arc<PlannedView>,
        name: String,
        approved_at: i64,
        lang: Lang,
    ) {
        let wake = self.wake.clone();
        self.spawn(JobKind::Approve, move |tx| {
            JobResult::Approved((|| {
                let mut store = Store::open(&db).map_err(|e| e.sentence(lang))?;
                let list = SendList::from_plan(&view.plan, &view.index.ids, &store, &view.key.text)
                    .map_err(|e| e.sentence(lang))?;
                let mut progress = |f: f32| tell(tx, &wake, JobResult::ExportProgress(f));
                let id = export::approve(
                    &mut store,
                    &list,
                    &view.summary,
                    &name,
                    approved_at,
                    &mut progress,
                )
                .map_err(|e| e.sentence(lang))?;
                Ok((id, name.trim().to_string()))
            })())
        });
    }

    /// Writes the files of a plan or a campaign; a campaign's history notes them.
    #[allow(clippy::too_many_arguments)]
    pub fn export(
        &mut self,
        db: PathBuf,
        source: ExportSource,
        campaign: Option<i64>,
        out: PathBuf,
        format: Format,
        lang: Lang,
        engine: Arc<Engine>,
        at: i64,
    ) {
        let wake = self.wake.clone();
        self.spawn(JobKind::Export, move |tx| {
            JobResult::Exported((|| {
                let store = Store::open(&db).map_err(|e| e.sentence(lang))?;
                let list = match source {
                    ExportSource::Plan(view) => {
                        SendList::from_plan(&view.plan, &view.index.ids, &store, &view.key.text)
                    }
                    ExportSource::Campaign(id) => {
                        SendList::from_campaign(&store, id).map(Option::unwrap_or_default)
                    }
                }
                .map_err(|e| e.sentence(lang))?;
                let mut progress = |f: f32| tell(tx, &wake, JobResult::ExportProgress(f));
                let report = export::export(&list, &out, format, lang, &engine.i18n, &mut progress)
                    .map_err(|e| e.sentence(lang))?;
                if let Some(id) = campaign {
                    export::record(&store, id, &report, format, at)
                        .map_err(|e| e.sentence(lang))?;
                }
                Ok(Box::new(report))
            })())
        });
    }

    /// Reads the past campaigns.
    pub fn history(&mut self, db: PathBuf) {
        self.spawn(JobKind::History, move |_| {
            JobResult::History(
                Store::open(&db)
                    .and_then(|s| s.campaigns(50))
                    .map_err(|e| e.to_string()),
            )
        });
    }
}

/// At most this many points per curve of the Send list chart.
const CURVE_POINTS: usize = 400;

/// A cumulative count over sorted instants, thinned to [`CURVE_POINTS`] points, with x in
/// hours after `at`.
fn cumulative(mut times: Vec<i64>, at: i64) -> Vec<[f64; 2]> {
    times.sort_unstable();
    let n = times.len();
    let step = n.div_ceil(CURVE_POINTS).max(1);
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(CURVE_POINTS + 2);
    for (k, t) in times.iter().enumerate() {
        if k % step == 0 || k + 1 == n {
            out.push([(t - at) as f64 / 3600.0, (k + 1) as f64]);
        }
    }
    out
}

/// Files up to this size are imported once without writing while the preview is shown, so
/// that the dialog gives the counts the import would (a few seconds at most).
pub const DRY_RUN_MAX_BYTES: u64 = 8 << 20;

/// The import of `preview` run without writing anything: what it would insert, update and
/// reject. `None` for a large file, a file that cannot be imported as mapped, or a database
/// that cannot be opened (the import itself will say why).
fn dry_run(db: &Path, preview: &Preview, opts: &Options) -> Option<Box<ImportReport>> {
    if preview.size > DRY_RUN_MAX_BYTES || preview.blocker.is_some() {
        return None;
    }
    let mut store = Store::open(db).ok()?;
    let opts = Options {
        dry_run: true,
        ..opts.clone()
    };
    import::run(
        &mut store,
        preview,
        &opts,
        Utc::now().timestamp(),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .ok()
    .map(Box::new)
}

/// The plan with its summary and chart curves.
pub fn planned_view(key: PlanKey, index: Arc<ContactIndex>, plan: Plan) -> PlannedView {
    let at = plan.request.at.timestamp();
    let sends_curve = cumulative(plan.sends.iter().map(|s| s.send_at).collect(), at);
    let deadline_curve = cumulative(plan.sends.iter().filter_map(|s| s.send_by).collect(), at);
    PlannedView {
        key,
        index,
        summary: plan.summary(),
        plan,
        sends_curve,
        deadline_curve,
    }
}

fn load_demo(db: &Path) -> Result<Option<DateTime<Utc>>, String> {
    // One folder per load: two loads at once must not share (or delete) each other's file.
    static LOADS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = LOADS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("ventana-demo-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("demo.csv");
    std::fs::write(&file, DEMO_CSV).map_err(|e| e.to_string())?;
    let opts = Options {
        zone: chrono_tz::Europe::Rome,
        zone_given: true,
        ..Options::default()
    };
    let result = (|| -> Result<(), String> {
        let mut store = Store::open(db).map_err(|e| e.to_string())?;
        let p = import::preview(&file, &opts).map_err(|e| e.to_string())?;
        import::run(
            &mut store,
            &p,
            &opts,
            Utc::now().timestamp(),
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .map_err(|e| e.to_string())?;
        for (id, name, username, country, tz) in DEMO_PAGE_FACTS {
            let edit = crate::store::PageEdit {
                name: Some(name.into()),
                username: Some(username.into()),
                country: country.parse().ok(),
                timezone: Some(tz.into()),
            };
            store.set_page(id, &edit).map_err(|e| e.to_string())?;
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result?;
    Ok(DEMO_NOW.parse().ok())
}

/// The Pages table's rows and every Page the contacts refer to, with their contact counts
/// (from the index, without a pass over the database).
fn pages_with_counts(
    ix: &ContactIndex,
    table: Vec<crate::store::PageRow>,
) -> Vec<crate::store::PageRow> {
    let mut counts = vec![0u64; ix.pages.len()];
    for p in &ix.page {
        if let Some(n) = counts.get_mut(*p as usize) {
            *n += 1;
        }
    }
    let mut out = table;
    for (id, n) in ix.pages.iter().zip(counts) {
        match out.iter_mut().find(|p| &p.id == id) {
            Some(p) => p.contacts = n,
            None => out.push(crate::store::PageRow {
                id: id.clone(),
                contacts: n,
                ..Default::default()
            }),
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn remove_demo(db: &Path) -> Result<Option<DateTime<Utc>>, String> {
    let store = Store::open(db).map_err(|e| e.to_string())?;
    store.remove_pages(&DEMO_PAGES).map_err(|e| e.to_string())?;
    Ok(None)
}

/// The place of each string in sorted order.
fn ranks(names: &[String]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&k| crate::i18n::fold(&names[k]));
    let mut rank = vec![0; names.len()];
    for (r, k) in order.into_iter().enumerate() {
        rank[k] = r as u32;
    }
    rank
}

/// Within a group, open windows closing soonest first, then the rest by latest action, then
/// contacts without one.
fn soonest(s: &crate::plan::index::StateAt, last: i64) -> i64 {
    // Past every closing instant a window can have (year 2286).
    const AFTER_OPEN: i64 = 10_000_000_000;
    match s.state {
        WindowState::Open | WindowState::Closing => s.closes_at.unwrap_or(0),
        _ if last == i64::MIN => i64::MAX,
        _ => AFTER_OPEN.saturating_sub(last),
    }
}

/// Filters, sorts and builds windows for the contacts table and the timeline.
pub fn build_view(
    engine: &Engine,
    index: Arc<ContactIndex>,
    filters: Filters,
    search: Option<&Vec<i64>>,
    sort: SortBy,
    at: DateTime<Utc>,
    horizon: Duration,
) -> Data {
    build_view_over(engine, index, None, filters, search, sort, at, horizon)
}

/// [`build_view`] with the windows of every contact at hand: a view that keeps every contact
/// (no filter) takes them as they are instead of building them again.
#[allow(clippy::too_many_arguments)]
pub fn build_view_over(
    engine: &Engine,
    index: Arc<ContactIndex>,
    all_windows: Option<Arc<Windows>>,
    filters: Filters,
    search: Option<&Vec<i64>>,
    sort: SortBy,
    at: DateTime<Utc>,
    horizon: Duration,
) -> Data {
    let ix = &*index;
    let eval = StateEval::new(ix, &engine.policy, at, horizon);
    let day = |d: chrono::NaiveDate| crate::policy::start_of_day(d).timestamp();
    let from = filters.last_from.map(day);
    let to = filters.last_to.map(|d| day(d) + 86_400);
    let mut keyed: Vec<(u32, (u32, i64))> = Vec::with_capacity(ix.len());
    let page_rank = ranks(&ix.pages);
    let locale_rank = ranks(&ix.locales);
    let mut next_match = 0usize;
    for i in 0..ix.len() {
        if filters.page.is_some_and(|p| ix.page[i] != p)
            || filters.channel.is_some_and(|c| ix.channel[i] != c)
            || filters.locale.is_some_and(|l| ix.locale[i] != l)
        {
            continue;
        }
        let last = ix.last_at[i];
        if from.is_some_and(|f| last == i64::MIN || last < f)
            || to.is_some_and(|t| last == i64::MIN || last >= t)
        {
            continue;
        }
        // Both lists run in id order: one walk along the matches.
        if let Some(ids) = search {
            while next_match < ids.len() && ids[next_match] < ix.ids[i] {
                next_match += 1;
            }
            if ids.get(next_match) != Some(&ix.ids[i]) {
                continue;
            }
        }
        let s = eval.state(i);
        let wanted = match filters.state {
            None => true,
            Some(WindowState::Open) => s.state.is_open(),
            Some(w) => s.state == w,
        };
        if !wanted {
            continue;
        }
        let key = match sort {
            SortBy::ExpiringSoonest => match s.state {
                WindowState::Open | WindowState::Closing => (0, s.closes_at.unwrap_or(0)),
                WindowState::MaybeOpen => (1, s.maybe_until.unwrap_or(0)),
                WindowState::HumanAgentOnly => (1, s.human_until.unwrap_or(0)),
                WindowState::Closed => (2, -last),
                WindowState::Unknown => (3, 0),
            },
            SortBy::LastInteraction => (0, if last == i64::MIN { i64::MAX } else { -last }),
            SortBy::Imported => (0, ix.ids[i]),
            SortBy::Page => (page_rank[ix.page[i] as usize], soonest(&s, last)),
            SortBy::Locale => (locale_rank[ix.locale[i] as usize], soonest(&s, last)),
        };
        keyed.push((i as u32, key));
    }
    keyed.sort_by_key(|(_, k)| *k);
    let rows: Vec<u32> = keyed.into_iter().map(|(i, _)| i).collect();
    let windows = match all_windows {
        // Windows count contacts, not their order: all of them are the windows of all.
        Some(all) if rows.len() == ix.len() => all,
        _ => Arc::new(Windows::build(ix, Some(&rows), &engine.policy)),
    };
    let counts = windows.counts(at, horizon, &engine.policy);
    Data {
        index,
        rows: Arc::new(rows),
        windows,
        counts,
        built_for: (filters, at, sort, horizon),
    }
}
