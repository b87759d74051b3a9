//! What the panels ask the app to do. Panels push commands while drawing; the app applies
//! them after the frame (and runs long work on worker threads).

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::state::{Filters, PacePrefs, SortBy, Tab};
use crate::export::Format;
use crate::i18n::Lang;
use crate::import::time::DateOrder;
use crate::policy::{Channel, Route};

/// A request from a panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch the UI language.
    SetLang(Lang),
    /// Dark or light theme.
    SetDark(bool),
    /// Open a tab.
    SetTab(Tab),
    /// Plan at a fixed instant.
    SetNow(DateTime<Utc>),
    /// Plan at the clock's instant.
    FollowClock,
    /// Plan the shown message again at the current instant.
    Replan,
    /// Show times in this zone (IANA name), or in the machine's.
    SetDisplayZone(Option<String>),
    /// Closing-soon horizon in hours.
    SetHorizon(u32),
    /// New filters.
    SetFilters(Filters),
    /// New sort order.
    SetSort(SortBy),
    /// Select a contact (position in the index).
    Select(Option<usize>),
    /// Ask to delete a contact (the panel then asks to confirm).
    AskDeleteContact(bool),
    /// Delete a contact and its history.
    DeleteContact(i64),
    /// Load the demo export.
    LoadDemo,
    /// Remove the demo contacts.
    RemoveDemo,
    /// Open the import dialog.
    OpenImport,
    /// Close the import dialog.
    CloseImport,
    /// Ask the desktop for a file (on a worker thread).
    PickFile,
    /// Edit the typed path.
    SetImportPath(String),
    /// Preview this file.
    PreviewFile(PathBuf),
    /// Map a field to a column (header; empty = none) in the preview.
    SetMapping(String, String),
    /// Time zone of naive times in the preview.
    SetImportZone(String),
    /// Channel of rows without one.
    SetImportChannel(Channel),
    /// Page of rows without one.
    SetImportPage(String),
    /// Day/month order of slashed dates (`None`: detect).
    SetImportDateOrder(Option<DateOrder>),
    /// Read the preview again with the current options.
    RefreshPreview,
    /// Start the import.
    StartImport,
    /// Stop the import (nothing is written).
    CancelImport,
    /// The composer's text.
    SetText(String),
    /// The route picked in the composer (`None` = suggest).
    SetRoute(Option<Route>),
    /// The composer's channel.
    SetChannel(Channel),
    /// A placeholder's sample value.
    SetSample(String, String),
    /// Move the timeline's view (unix seconds).
    SetTimelineView(f64, f64),
    /// Scroll the timeline's lanes.
    SetFirstLane(usize),
    /// The table shows these contacts (positions) and needs their details.
    FetchRows(Vec<u32>),
    /// A person writes each message of the campaign.
    SetHumanReply(bool),
    /// Answer a fact the text cannot show (`None` = let Ventana guess).
    SetFact(crate::compliance::Fact, Option<bool>),
    /// Plan sends to windows started by an ad that may still be open.
    SetIncludeAdWindows(bool),
    /// Rate and quiet hours.
    SetPace(PacePrefs),
    /// Show the excluded contacts (or the planned ones).
    ShowExcluded(bool),
    /// The campaign name.
    SetCampaignName(String),
    /// The export file.
    SetExportPath(String),
    /// The export format.
    SetExportFormat(Format),
    /// Approve the shown plan as a campaign.
    Approve,
    /// Export the shown plan (or, once approved, its campaign).
    Export,
    /// Export a past campaign again.
    ExportCampaign(i64),
    /// Show an import in the Imports tab.
    SelectImport(i64),
    /// Ask to undo the shown import (the tab then asks to confirm).
    AskUndoImport(bool),
    /// Undo an import.
    UndoImport(i64),
    /// Save an import's rejected rows as CSV, where the user picks.
    SaveRejects(i64),
    /// Show a campaign in the Campaigns tab.
    SelectCampaign(i64),
    /// Search the shown campaign's recipients.
    SetCampaignSearch(String),
    /// Show the shown campaign's excluded recipients (or its planned ones).
    ShowCampaignExcluded(bool),
    /// Ask the desktop where to export.
    PickExportPath,
    /// Replace the files the waiting export would overwrite.
    ConfirmExport,
    /// Drop the waiting export.
    CancelExport,
    /// Change the Reopen tab's form for a new entry point.
    EditEntryDraft(super::state::EntryDraft),
    /// Record the entry point of the form.
    CreateEntry,
    /// Show an entry point.
    SelectEntry(i64),
    /// Ask (true) or stop asking (false) to confirm deleting the shown entry point.
    AskDeleteEntry(bool),
    /// Delete an entry point.
    DeleteEntry(i64),
    /// Start, change or stop (None) editing an entry point.
    EditEntry(Option<super::state::EntryEdit>),
    /// Save the edit of an entry point.
    SaveEntry,
    /// Save the QR code of an entry point's link (asks where).
    SaveQr(i64),
    /// Compute the Reopen tab's report again.
    RefreshReopen,
    /// Edit a Page in the Pages tab (not saved yet).
    EditPage(String, super::state::PageDraft),
    /// Save the edits of a Page.
    SavePage(String),
}
