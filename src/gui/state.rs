//! What the panels read: preferences, the planning instant, filters, the loaded contact data
//! and the state of the composer, the timeline and the import dialog. Panels never change it;
//! they send commands (see `command.rs`).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::compliance::{Analysis, Answers, Report};
use crate::export::{ExportReport, Format};
use crate::i18n::Lang;
use crate::import::time::DateOrder;
use crate::import::{ImportReport, Preview, Progress};
use crate::plan::schedule::Pace;
use crate::plan::zone::QuietHours;
use crate::plan::{ContactIndex, Plan, Reach, Summary, WindowCounts, Windows};
use crate::policy::{Channel, Route, WindowState};
use crate::store::{CampaignSummary, ContactRow, ImportSummary, PageRow};

/// The tabs of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// The contacts table.
    #[default]
    Contacts,
    /// The timeline of windows.
    Timeline,
    /// The message composer.
    Composer,
    /// The plan: who gets the message, when, by which route; approve and export.
    SendList,
    /// The Pages: where each is, its name, username and time zone.
    Pages,
    /// Approved campaigns: what went to whom, and their exports.
    Campaigns,
    /// Past imports: their reports, rejected rows, and undo.
    Imports,
    /// Entry points that make people write first, who came back, who can still be asked.
    Reopen,
}

impl Tab {
    /// The tab named as on the command line (`send-list`), if any.
    pub fn from_name(name: &str) -> Option<Tab> {
        Some(match name {
            "contacts" => Tab::Contacts,
            "timeline" => Tab::Timeline,
            "composer" => Tab::Composer,
            "send-list" => Tab::SendList,
            "campaigns" => Tab::Campaigns,
            "imports" => Tab::Imports,
            "pages" => Tab::Pages,
            "reopen" => Tab::Reopen,
            _ => return None,
        })
    }
}

/// Preferences kept between runs (eframe storage).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// UI language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The open tab.
    pub tab: Tab,
    /// What counts as closing soon, in hours.
    pub horizon_hours: u32,
    /// Channel of the composer.
    pub channel: Channel,
    /// How sends are paced.
    pub pace: PacePrefs,
    /// Format of exported send lists.
    pub export_format: Format,
    /// The zone times are shown in (IANA name); `None` for the machine's.
    pub display_zone: Option<String>,
}

/// Sending rate and quiet hours, as the Send list tab sets them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PacePrefs {
    /// Whether the rate is limited.
    pub limit_rate: bool,
    /// Messages per minute per Page.
    pub rate_per_min: f64,
    /// Whether quiet hours apply.
    pub quiet: bool,
    /// First quiet hour, in each contact's zone.
    pub quiet_from: u32,
    /// First hour after the quiet ones.
    pub quiet_to: u32,
}

impl Default for PacePrefs {
    fn default() -> Self {
        PacePrefs {
            limit_rate: false,
            rate_per_min: 60.0,
            quiet: true,
            quiet_from: 21,
            quiet_to: 8,
        }
    }
}

impl PacePrefs {
    /// The pace the planner takes.
    pub fn pace(&self) -> Pace {
        Pace {
            rate_per_min: self.limit_rate.then_some(self.rate_per_min.max(0.1)),
            quiet: (self.quiet && self.quiet_from % 24 != self.quiet_to % 24).then(|| QuietHours {
                start_secs: self.quiet_from % 24 * 3600,
                end_secs: self.quiet_to % 24 * 3600,
            }),
        }
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::En,
            dark: false,
            tab: Tab::Contacts,
            horizon_hours: 2,
            channel: Channel::Messenger,
            pace: PacePrefs::default(),
            export_format: Format::Csv,
            display_zone: None,
        }
    }
}

impl Prefs {
    /// The closing-soon horizon.
    pub fn horizon(&self) -> Duration {
        Duration::hours(i64::from(self.horizon_hours.max(1)))
    }
}

/// How the contacts table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Open windows closing soonest first, then human-agent-only, closed, unknown.
    #[default]
    ExpiringSoonest,
    /// Latest interaction first.
    LastInteraction,
    /// Contact id (import order).
    Imported,
    /// Page (by name, else ID), then soonest closing within it.
    Page,
    /// Locale, then soonest closing within it.
    Locale,
}

/// The left panel's filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Page (index into the index's pages).
    pub page: Option<u32>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Locale (index into the index's locales).
    pub locale: Option<u32>,
    /// Window state at the planning instant (`Open` includes closing).
    pub state: Option<WindowState>,
    /// Last interaction on or after this day.
    pub last_from: Option<NaiveDate>,
    /// Last interaction on or before this day.
    pub last_to: Option<NaiveDate>,
    /// Name or ID contains.
    pub search: String,
}

/// The contacts, their windows and the filtered view of them.
#[derive(Clone, Debug)]
pub struct Data {
    /// Every contact.
    pub index: Arc<ContactIndex>,
    /// Positions (into `index`) of the filtered contacts, in table order.
    pub rows: Arc<Vec<u32>>,
    /// Windows of the filtered contacts.
    pub windows: Arc<Windows>,
    /// Counts of the filtered contacts at the instant the view was built for.
    pub counts: WindowCounts,
    /// The filters, instant, sort and "closing soon" horizon the view was built for.
    pub built_for: (Filters, DateTime<Utc>, SortBy, chrono::Duration),
}

/// The composer's text and what the checker said.
#[derive(Clone, Debug, Default)]
pub struct Composer {
    /// The message.
    pub text: String,
    /// The route picked by the marketer (`None` = let Ventana suggest).
    pub route: Option<Route>,
    /// Sample values of placeholders.
    pub samples: BTreeMap<String, String>,
    /// The analysis of the filled text, and the text it was made for.
    pub analysis: Option<(String, Analysis)>,
    /// The full report of the filled text.
    pub report: Option<Report>,
    /// Who the message reaches among the filtered contacts.
    pub reach: Option<Reach>,
    /// What `report` and `reach` were computed for.
    pub checked_for: Option<CheckKey>,
    /// The marketer's answers to the facts the text cannot show.
    pub answers: Answers,
}

/// Everything the composer's report and reach depend on: when none of it changed, the
/// frame reuses them.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckKey {
    /// The filled text.
    pub text: String,
    /// The channel.
    pub channel: Channel,
    /// The chosen route.
    pub route: Option<Route>,
    /// The planning instant, to the minute (the view is rebuilt at the same pace).
    pub minute: i64,
    /// The language of the explanations.
    pub lang: Lang,
    /// Which filtered view the reach counts.
    pub view: u64,
    /// The "closing soon" horizon of the reach counts, in hours.
    pub horizon_hours: u32,
    /// The marketer's answers.
    pub answers: Answers,
}

impl Composer {
    /// The text with the sample values filled in.
    pub fn filled(&self) -> String {
        crate::compliance::placeholder::fill(&self.text, &self.samples)
    }
}

/// Everything a plan depends on: when none of it changed, the shown plan stays.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanKey {
    /// The message as written.
    pub text: String,
    /// The channel.
    pub channel: Channel,
    /// The chosen route.
    pub route: Option<Route>,
    /// A person writes each message.
    pub human_reply: bool,
    /// The marketer's answers to the facts the text cannot show.
    pub answers: Answers,
    /// Plan sends to windows started by an ad that may still be open.
    pub include_ad_windows: bool,
    /// Rate and quiet hours.
    pub pace: PacePrefs,
    /// The planning instant, to the minute.
    pub minute: i64,
    /// Which filtered view is planned.
    pub view: u64,
}

/// A plan as the Send list tab shows it.
#[derive(Debug)]
pub struct PlannedView {
    /// What it was made for.
    pub key: PlanKey,
    /// The contacts it was made over (its positions point into these).
    pub index: Arc<ContactIndex>,
    /// The plan.
    pub plan: Plan,
    /// Its numbers.
    pub summary: Summary,
    /// Planned sends over time, and the deadlines of the same sends: cumulative counts at
    /// instants (unix seconds).
    pub sends_curve: Vec<[f64; 2]>,
    /// Routes closing over time (cumulative).
    pub deadline_curve: Vec<[f64; 2]>,
}

/// What the Send list tab is doing.
#[derive(Debug, Default)]
pub enum SendWork {
    /// Nothing.
    #[default]
    Idle,
    /// Saving the campaign; the fraction of its recipients stored.
    Approving(f32),
    /// Writing files; the fraction done.
    Exporting(f32),
    /// Finished exporting.
    Exported(ExportReport),
    /// Approve or export failed.
    Failed(String),
}

impl SendWork {
    /// Whether an approval or an export is under way.
    pub fn is_busy(&self) -> bool {
        matches!(self, SendWork::Approving(_) | SendWork::Exporting(_))
    }
}

/// The Send list tab's state.
#[derive(Debug, Default)]
pub struct SendState {
    /// A person writes each message.
    pub human_reply: bool,
    /// Plan sends to windows started by an ad that may still be open (up to 7 days).
    pub include_ad_windows: bool,
    /// The current plan.
    pub view: Option<Arc<PlannedView>>,
    /// A plan is being made.
    pub planning: bool,
    /// A plan that stopped on an internal error: not asked for again until something changes.
    pub failed: Option<PlanKey>,
    /// Show the excluded contacts instead of the planned ones.
    pub show_excluded: bool,
    /// The campaign name typed.
    pub name: String,
    /// The export file: named after the campaign until the user types or picks one.
    pub out_path: String,
    /// The user typed or picked `out_path`.
    pub out_path_chosen: bool,
    /// An export waits for the user to say it may replace these files.
    pub confirm_overwrite: Option<Vec<String>>,
    /// The campaign the shown plan was approved as (id, name).
    pub approved: Option<(i64, String)>,
    /// Approve or export under way, or their outcome.
    pub work: SendWork,
    /// Past campaigns, newest first.
    pub history: Vec<CampaignSummary>,
}

/// The Imports tab.
#[derive(Debug, Default)]
pub struct ImportsState {
    /// The import shown.
    pub selected: Option<i64>,
    /// Its rejected rows, once read (import id, rows or why not).
    pub rejects: Option<(i64, Result<Vec<crate::store::RejectRow>, String>)>,
    /// The user asked to undo the shown import and has not confirmed yet.
    pub confirm_undo: bool,
    /// The outcome of the last undo or save of rejected rows.
    pub message: Option<Result<String, String>>,
}

/// A new entry point as the Reopen tab's form holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDraft {
    /// Name.
    pub name: String,
    /// Page id.
    pub page_id: String,
    /// Kind.
    pub kind: crate::reopen::EntryKind,
    /// Ref.
    pub ref_: String,
    /// Campaign.
    pub campaign_id: Option<i64>,
    /// Messenger or Instagram.
    pub channel: Channel,
}

impl Default for EntryDraft {
    fn default() -> EntryDraft {
        EntryDraft {
            name: String::new(),
            page_id: String::new(),
            kind: crate::reopen::EntryKind::Qr,
            ref_: String::new(),
            campaign_id: None,
            channel: Channel::Messenger,
        }
    }
}

/// An entry point being edited: its name, campaign and when it went out (as typed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryEdit {
    /// The entry point.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Campaign.
    pub campaign_id: Option<i64>,
    /// When it went out, as typed in the display zone.
    pub started: String,
}

/// The Reopen tab.
#[derive(Debug, Default)]
pub struct ReopenState {
    /// Every entry point, newest start first.
    pub entries: Vec<crate::store::EntryPoint>,
    /// The entry point shown.
    pub selected: Option<i64>,
    /// The form for a new one.
    pub draft: EntryDraft,
    /// Why the last creation failed.
    pub error: Option<String>,
    /// The report, once computed, or why not.
    pub report: Option<Result<Arc<crate::reopen::Report>, String>>,
    /// Computing it.
    pub loading: bool,
    /// The outcome of the last save of a QR code.
    pub message: Option<Result<String, String>>,
    /// The user asked to delete the shown entry point and has not confirmed yet.
    pub confirm_delete: bool,
    /// The entry point being edited.
    pub edit: Option<EntryEdit>,
}

/// The Campaigns tab.
#[derive(Debug, Default)]
pub struct CampaignsState {
    /// The campaign shown.
    pub selected: Option<i64>,
    /// Its send list, once read (campaign id, list).
    pub list: Option<(i64, Arc<crate::export::SendList>)>,
    /// Reading it.
    pub loading: bool,
    /// Why reading it failed.
    pub error: Option<String>,
    /// The search over its recipients.
    pub search: String,
    /// Show the excluded recipients instead of the planned ones.
    pub show_excluded: bool,
    /// The rows matching the search (positions in the sends or the excluded), and what they
    /// were found for (search, excluded); `None` shows every row.
    pub rows: Option<(String, bool, Arc<Vec<u32>>)>,
}

/// The visible part of the timeline, in unix seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineView {
    /// Left edge.
    pub start: f64,
    /// Right edge.
    pub end: f64,
    /// First lane shown.
    pub first_lane: usize,
}

/// Where the import dialog is.
#[derive(Debug, Default)]
pub enum ImportStage {
    /// Closed.
    #[default]
    Closed,
    /// Choosing a file: the path field, and why the last attempt failed.
    Choose {
        /// The typed path.
        path: String,
        /// A message for the user.
        message: Option<String>,
    },
    /// Reading the file's head.
    Previewing {
        /// The file.
        path: PathBuf,
    },
    /// The preview, with the options that can still change.
    Preview(Box<ImportSetup>),
    /// Importing.
    Running {
        /// The file.
        file: String,
        /// How far.
        progress: Progress,
        /// Set to stop.
        cancel: Arc<AtomicBool>,
    },
    /// Finished.
    Done(Box<ImportReport>),
    /// Failed or cancelled.
    Failed(String),
}

/// A previewed file and the options the user set.
#[derive(Debug)]
pub struct ImportSetup {
    /// What the file looks like.
    pub preview: Preview,
    /// Field → column chosen in the combo boxes (header name; empty = none).
    pub mapping: BTreeMap<String, String>,
    /// Time zone of naive times.
    pub zone: String,
    /// Channel of rows without one.
    pub channel: Channel,
    /// Page of rows without one.
    pub page_id: String,
    /// Day/month order of ambiguous slashed dates; `None` detects it.
    pub date_order: Option<DateOrder>,
    /// An option that cannot be used.
    pub error: Option<String>,
    /// What the import would do, from a run that wrote nothing (small files only).
    pub dry: Option<Box<ImportReport>>,
}

/// Everything the panels read.
#[derive(Debug)]
pub struct AppState {
    /// Preferences.
    pub prefs: Prefs,
    /// The database file.
    pub db_path: PathBuf,
    /// A fixed planning instant, or `None` for the clock.
    pub fixed_now: Option<DateTime<Utc>>,
    /// The fixed instant is the demo export's (removing the demo returns to the clock).
    pub pinned_for_demo: bool,
    /// The latest action of any contact, as loaded.
    pub newest_action: Option<DateTime<Utc>>,
    /// The clock's reading this frame.
    pub clock_now: DateTime<Utc>,
    /// The machine's time zone, read at start.
    pub machine_zone: Tz,
    /// Filters.
    pub filters: Filters,
    /// Sort order of the contacts table.
    pub sort: SortBy,
    /// Every contact and their windows, as loaded.
    pub all: Option<(Arc<ContactIndex>, Arc<Windows>)>,
    /// The filtered view.
    pub data: Option<Data>,
    /// A job is rebuilding the data.
    pub loading: bool,
    /// The selected contact (position in the index).
    pub selected: Option<usize>,
    /// What is stored of the selected contact, once read (its id, the file or why not).
    pub detail: Option<(i64, Result<crate::store::ContactFile, String>)>,
    /// The user asked to delete the selected contact and has not confirmed yet.
    pub confirm_delete: bool,
    /// Contact rows fetched for display, by id.
    pub rows_cache: HashMap<i64, ContactRow>,
    /// The composer.
    pub composer: Composer,
    /// The timeline's view.
    pub timeline: Option<TimelineView>,
    /// The import dialog.
    pub import: ImportStage,
    /// Past imports, newest first.
    pub imports: Vec<ImportSummary>,
    /// The Imports tab.
    pub imports_tab: ImportsState,
    /// A message for the status line, as a catalogue key.
    pub status_key: Option<&'static str>,
    /// An error for the status line, as the core wrote it.
    pub status: Option<String>,
    /// The contacts table goes back to its first row (a new search).
    pub scroll_to_top: bool,
    /// Ids of contacts matching the name search (None = no search).
    pub search_ids: Option<Arc<Vec<i64>>>,
    /// The Send list tab.
    pub send: SendState,
    /// The Campaigns tab.
    pub campaigns: CampaignsState,
    /// The Reopen tab.
    pub reopen: ReopenState,
    /// The Pages, as saved, with their contact counts.
    pub pages: Vec<PageRow>,
    /// Edits of Pages not saved yet, by Page id.
    pub page_drafts: BTreeMap<String, PageDraft>,
}

/// A Page being edited in the Pages tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageDraft {
    /// Name.
    pub name: String,
    /// Username for m.me links.
    pub username: String,
    /// Country.
    pub country: Option<crate::policy::Country>,
    /// Time zone (IANA name).
    pub tz: String,
    /// The text typed in the country search.
    pub search: String,
    /// Why the last save was refused.
    pub error: Option<String>,
}

impl PageDraft {
    /// Whether two drafts say the same of the Page (the search text aside).
    pub fn same_facts(&self, other: &PageDraft) -> bool {
        (&self.name, &self.username, self.country, &self.tz)
            == (&other.name, &other.username, other.country, &other.tz)
    }

    /// The draft of a Page as saved.
    pub fn of(p: &PageRow) -> PageDraft {
        PageDraft {
            name: p.name.clone().unwrap_or_default(),
            username: p.username.clone().unwrap_or_default(),
            country: p.country,
            tz: p.timezone.clone().unwrap_or_default(),
            search: String::new(),
            error: None,
        }
    }
}

impl AppState {
    /// A state for the database at `db_path`.
    pub fn new(db_path: PathBuf, prefs: Prefs, fixed_now: Option<DateTime<Utc>>) -> AppState {
        AppState {
            prefs,
            db_path,
            fixed_now,
            pinned_for_demo: false,
            newest_action: None,
            clock_now: fixed_now.unwrap_or_else(Utc::now),
            machine_zone: crate::import::time::machine_zone(),
            filters: Filters::default(),
            sort: SortBy::default(),
            all: None,
            data: None,
            loading: false,
            selected: None,
            detail: None,
            confirm_delete: false,
            rows_cache: HashMap::new(),
            composer: Composer::default(),
            timeline: None,
            import: ImportStage::Closed,
            imports: Vec::new(),
            imports_tab: ImportsState::default(),
            status_key: None,
            status: None,
            search_ids: None,
            scroll_to_top: false,
            send: SendState::default(),
            campaigns: CampaignsState::default(),
            reopen: ReopenState::default(),
            pages: Vec::new(),
            page_drafts: BTreeMap::new(),
        }
    }

    /// The planning instant: the fixed one, or the clock's.
    pub fn now(&self) -> DateTime<Utc> {
        self.fixed_now.unwrap_or(self.clock_now)
    }

    /// A Page's username for m.me links, when it has one.
    pub fn page_username(&self, id: &str) -> Option<&str> {
        self.pages
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.username.as_deref())
    }

    /// A Page as people know it: its name when it has one, else its ID.
    pub fn page_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.pages
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.name.as_deref())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(id)
    }

    /// The zone every time on screen is shown in: the one chosen, else the machine's.
    pub fn zone(&self) -> Tz {
        self.prefs
            .display_zone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or(self.machine_zone)
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    /// Number of contacts in the database (as loaded).
    pub fn contact_total(&self) -> usize {
        self.all.as_ref().map_or(0, |(ix, _)| ix.len())
    }
}
