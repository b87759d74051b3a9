//! Importing contact exports: sniffing (encoding, delimiter, JSON), column mapping, time
//! parsing, and the streaming import into one transaction with a report that accounts for
//! every row.

mod batch;
pub mod decode;
pub mod json;
pub mod mapping;
pub mod record;
pub mod source;
pub mod time;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use chrono_tz::Tz;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::i18n::{Arg, Lang, say};
use crate::policy::Channel;
use crate::store::{
    ContactWriter, ImportCounts, ImportMeta, Outcome, RejectWriter, Store, StoreError,
};
use batch::Batch;
use decode::{DecodeReader, FileKind, SniffError, Sniffed};
use mapping::{Field, Mapping, MappingError};
use record::{RejectReason, RowReader};
use source::{RowEvent, Tap};
use time::{DateOrder, TimeFormat};

/// Rows sampled to decide time formats and to fill the preview.
const SAMPLE_ROWS: usize = 2000;
/// Records handed from the parsing thread to the writing one at a time; bounds memory
/// (three batches exist at most: being filled, queued, being written).
const BATCH: usize = 10_000;
/// Rejected rows listed in the report (all are stored in the database).
const REPORT_REJECTS: usize = 1000;
/// Raw text kept per rejected row.
const RAW_MAX: usize = 1 << 20;

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read.
    #[error("{path}: cannot read it ({source}); check the path and its permissions")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// Empty, binary or otherwise not an export.
    #[error("{path}: {source}")]
    Sniff {
        /// The file.
        path: String,
        /// What is wrong.
        source: SniffError,
    },
    /// The columns cannot be mapped.
    #[error("{path}: {source}")]
    Mapping {
        /// The file.
        path: String,
        /// What is wrong.
        source: MappingError,
    },
    /// A CSV structure error that stops reading.
    #[error("{0}")]
    Csv(String),
    /// A JSON error that stops reading.
    #[error("{0}")]
    Json(json::JsonError),
    /// A bad option.
    #[error("{0}")]
    Option(String),
    /// The user cancelled; nothing was written.
    #[error("the import was cancelled; nothing was written")]
    Cancelled,
    /// The database refused.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            ImportError::Io { path, source } => say(
                lang,
                "import-error-io",
                &[
                    ("path", path.as_str().into()),
                    ("detail", source.to_string().into()),
                ],
            ),
            ImportError::Sniff { path, source } => format!("{path}: {}", source.sentence(lang)),
            ImportError::Mapping { path, source } => format!("{path}: {}", source.sentence(lang)),
            ImportError::Csv(detail) => say(
                lang,
                "import-error-csv",
                &[("detail", detail.as_str().into())],
            ),
            ImportError::Json(e) => e.sentence(lang),
            ImportError::Option(sentence) => sentence.clone(),
            ImportError::Cancelled => say(lang, "import-error-cancelled", &[]),
            ImportError::Store(e) => e.sentence(lang),
        }
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(StoreError::Sqlite(e))
    }
}

/// How to import.
#[derive(Clone, Debug)]
pub struct Options {
    /// Channel of rows that do not name one.
    pub channel: Channel,
    /// Page of rows that do not name one.
    pub page_id: Option<String>,
    /// Zone of naive times.
    pub zone: Tz,
    /// Whether the user chose `zone` (`--tz`, the import dialog): it then holds for every
    /// column, even one an export is known to write in UTC.
    pub zone_given: bool,
    /// Day/month order of ambiguous slashed dates.
    pub date_order: Option<DateOrder>,
    /// `field=column` overrides.
    pub maps: Vec<String>,
    /// Report without writing.
    pub dry_run: bool,
    /// The language of warnings and reasons.
    pub lang: Lang,
    /// Warnings are read in the desktop app: they name its fields, not command-line flags.
    pub for_gui: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            channel: Channel::Messenger,
            page_id: None,
            zone: chrono_tz::UTC,
            zone_given: false,
            date_order: None,
            maps: Vec::new(),
            dry_run: false,
            lang: Lang::En,
            for_gui: false,
        }
    }
}

/// What a time column looks like.
#[derive(Clone, Debug, Serialize)]
pub struct TimeColumn {
    /// The field.
    pub field: Field,
    /// The header.
    pub column: String,
    /// The format, if any value parsed.
    pub format: Option<String>,
    /// The zone naive values are read in (`UTC` for values with an offset).
    pub zone: String,
    /// Sample values the format cannot read.
    pub failures: usize,
    /// Sample values looked at.
    pub seen: usize,
    /// Whether day/month order could not be told from the data.
    pub ambiguous_order: bool,
}

/// A file before its import: how it will be read.
#[derive(Clone, Debug, Serialize)]
pub struct Preview {
    /// The file.
    pub file: String,
    /// Its size in bytes.
    pub size: u64,
    /// `csv`, `json` or `jsonl`.
    pub format: String,
    /// Encoding name.
    pub encoding: String,
    /// How the encoding was told.
    pub encoding_basis: String,
    /// CSV delimiter.
    pub delimiter: Option<String>,
    /// Column headers (JSON: keys).
    pub headers: Vec<String>,
    /// The first rows.
    pub rows: Vec<Vec<String>>,
    /// Field → header.
    pub columns: BTreeMap<String, String>,
    /// Time columns.
    pub times: Vec<TimeColumn>,
    /// Things the user should know.
    pub warnings: Vec<String>,
    /// Why the file cannot be imported as mapped (no ID column), if so.
    pub blocker: Option<String>,
    #[serde(skip)]
    sniffed: Option<Sniffed>,
    #[serde(skip)]
    reader: Option<RowReader>,
}

impl Preview {
    /// The mapping in use.
    pub fn mapping(&self) -> Option<&Mapping> {
        self.reader.as_ref().map(|r| &r.mapping)
    }
}

/// A finished import (the JSON of `ventana import --json`).
#[derive(Clone, Debug, Serialize)]
pub struct ImportReport {
    /// The file.
    pub file: String,
    /// Encoding.
    pub encoding: String,
    /// Delimiter (CSV).
    pub delimiter: Option<String>,
    /// `csv`, `json` or `jsonl`.
    pub format: String,
    /// Field → header.
    pub columns: BTreeMap<String, String>,
    /// Format of the column that opens the window.
    pub time_format: Option<String>,
    /// Zone of naive times.
    pub zone: String,
    /// Data rows read.
    pub rows_read: u64,
    /// New contacts.
    pub inserted: u64,
    /// Changed contacts.
    pub updated: u64,
    /// Rows that changed nothing.
    pub unchanged: u64,
    /// Rejected rows.
    pub rejected: u64,
    /// Rows repeating a contact seen earlier in the file (counted in updated/unchanged).
    pub duplicates: u64,
    /// The first rejected rows, with line and reason.
    pub rejects: Vec<RejectLine>,
    /// Whether every rejected row is listed.
    pub rejects_complete: bool,
    /// Things the user should know.
    pub warnings: Vec<String>,
    /// Whether nothing was written.
    pub dry_run: bool,
    /// The import's id in the database.
    pub import_id: Option<i64>,
    /// The Pages the accepted rows belong to.
    pub pages: Vec<String>,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// A rejected row in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectLine {
    /// Line.
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// Progress of a running import.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Bytes of the file read.
    pub bytes: u64,
    /// Size of the file.
    pub total: u64,
    /// Rows written so far.
    pub rows: u64,
}

fn format_name(kind: &FileKind) -> &'static str {
    match kind {
        FileKind::Csv { .. } => "csv",
        FileKind::JsonArray => "json",
        FileKind::JsonLines => "jsonl",
    }
}

/// A cell or header as quoted in a sentence.
fn quoted(s: &str) -> Arg {
    Arg::Str(format!("{s:?}"))
}

/// The Page of an audience file Ventana wrote (`<name>.audience-<page id>.csv`).
fn audience_page(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let page = name.strip_suffix(".csv")?.rsplit_once(".audience-")?.1;
    (!page.is_empty() && page.bytes().all(|b| b.is_ascii_digit())).then(|| page.to_string())
}

/// Looks at a file: encoding, layout, headers, mapping, time formats and the first rows.
pub fn preview(path: &Path, opts: &Options) -> Result<Preview, ImportError> {
    // The desktop app's words for what the command line does with a flag.
    let hint = |key: &str| {
        if opts.for_gui {
            format!("{key}-gui")
        } else {
            key.to_string()
        }
    };
    let lang = opts.lang;
    let shown = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|source| ImportError::Io {
            path: shown.clone(),
            source,
        })?
        .len();
    let (head, at_eof) = source::head(path, 1 << 16)?;
    let mut sniffed = decode::sniff(&head, at_eof).map_err(|source| ImportError::Sniff {
        path: shown.clone(),
        source,
    })?;
    sniffed.kind = refine_kind(&sniffed);
    let headers = source::headers(path, &sniffed, SAMPLE_ROWS)?;
    let mut warnings = Vec::new();
    let mapping = Mapping::detect(&headers, &opts.maps).map_err(|source| ImportError::Mapping {
        path: shown.clone(),
        source,
    })?;

    // Sample rows: the preview table, and the values each time column's format is decided on.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let time_fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| f.is_time() && mapping.get(*f).is_some())
        .collect();
    let mut samples: Vec<Vec<String>> = vec![Vec::new(); time_fields.len()];
    let decoded = DecodeReader::new(Tap::plain(path)?, sniffed.encoding);
    let mut n = 0usize;
    source::rows(decoded, &sniffed.kind, &headers, &mut |ev| {
        if let RowEvent::Row { cells, .. } = ev {
            if rows.len() < 20 {
                rows.push(cells.to_vec().iter().map(|c| clip(c, 200)).collect());
            }
            for (f, s) in time_fields.iter().zip(samples.iter_mut()) {
                if let Some(v) = mapping.get(*f).and_then(|i| cells.get(i))
                    && !time::is_unknown(v)
                {
                    s.push(v.trim().to_string());
                }
            }
        }
        n += 1;
        n < SAMPLE_ROWS
    })?;

    let mut mapping = mapping;
    let window_field = mapping.window_field();
    let mut unmapped = Vec::new();
    let mut times = Vec::new();
    let mut reader_times = Vec::new();
    for (field, values) in time_fields.iter().zip(&samples) {
        let column = mapping
            .get(*field)
            .and_then(|i| headers.get(i))
            .cloned()
            .unwrap_or_default();
        let d = time::detect(
            values.iter().map(String::as_str),
            opts.date_order,
            DateOrder::Dmy,
        );
        // ManyChat's web dumps write last_user_interaction as a naive time in UTC, unless
        // the user says otherwise.
        let utc_by_habit =
            !opts.zone_given && mapping::normalize_header(&column) == "last_user_interaction";
        let zone = if utc_by_habit {
            chrono_tz::UTC
        } else {
            opts.zone
        };
        if d.ambiguous_order {
            warnings.push(say(
                lang,
                &hint("import-warn-ambiguous-order"),
                &[("column", quoted(&column))],
            ));
        }
        if d.format.is_none() && d.seen > 0 {
            let first = values.first().map_or("", String::as_str);
            if Some(*field) == window_field {
                return Err(ImportError::Option(say(
                    lang,
                    &hint("import-error-no-time"),
                    &[
                        ("file", shown.as_str().into()),
                        ("column", quoted(&column)),
                        ("first", quoted(first)),
                        ("field", field.as_str().into()),
                    ],
                )));
            }
            warnings.push(say(
                lang,
                "import-warn-not-a-time",
                &[("column", quoted(&column)), ("first", quoted(first))],
            ));
            unmapped.push(*field);
            continue;
        }
        if d.failures > 0 {
            warnings.push(say(
                lang,
                "import-warn-misfits",
                &[
                    ("column", quoted(&column)),
                    ("failures", d.failures.into()),
                    ("seen", d.seen.into()),
                    (
                        "format",
                        d.format.map_or_else(String::new, |f| f.to_string()).into(),
                    ),
                ],
            ));
        }
        if utc_by_habit && d.format.is_some_and(TimeFormat::is_naive) {
            warnings.push(say(
                lang,
                &hint("import-warn-utc-by-habit"),
                &[("column", quoted(&column))],
            ));
        }
        if let Some(f) = d.format {
            reader_times.push((*field, f, zone));
        }
        times.push(TimeColumn {
            field: *field,
            column,
            format: d.format.map(|f| f.to_string()),
            zone: if d.format.is_some_and(TimeFormat::is_naive) {
                zone.name().to_string()
            } else {
                "UTC".to_string()
            },
            failures: d.failures,
            seen: d.seen,
            ambiguous_order: d.ambiguous_order,
        });
    }
    // A time column that never parses stays as text among the extras, not lost.
    mapping.columns.retain(|f, _| !unmapped.contains(f));
    if let Some(i) = mapping.get(Field::Country) {
        let unknown: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get(i).map(|c| c.trim()))
            .filter(|c| !c.is_empty() && crate::policy::Country::of_cell(c).is_none())
            .collect();
        if let Some(first) = unknown.first() {
            let column = headers.get(i).map_or("", String::as_str);
            warnings.push(say(
                lang,
                "import-warn-unknown-country",
                &[
                    ("column", quoted(column)),
                    ("unknown", unknown.len().into()),
                    ("rows", rows.len().into()),
                    ("first", quoted(first)),
                ],
            ));
        }
    }
    match window_field {
        None => warnings.push(say(lang, &hint("import-warn-no-window"), &[])),
        Some(Field::LastSeen) | Some(Field::Subscribed) => {
            let f = window_field.map_or("", |f| f.as_str());
            warnings.push(say(
                lang,
                &hint("import-warn-window-from"),
                &[("field", f.into())],
            ));
        }
        _ => {}
    }
    let mut page_id = opts.page_id.clone().unwrap_or_default();
    if mapping.get(Field::PageId).is_none()
        && page_id.is_empty()
        && let Some(page) = audience_page(path)
    {
        warnings.push(say(
            lang,
            &hint("import-warn-page-from-name"),
            &[("page", page.as_str().into())],
        ));
        page_id = page;
    }
    if mapping.get(Field::PageId).is_none() && page_id.is_empty() {
        warnings.push(say(lang, &hint("import-warn-no-page"), &[]));
    }
    let columns = mapping.named(&headers);
    let blocker = mapping.require_id(&headers).err().map(|e| {
        let sentence = match &e {
            // In the desktop app the ID column is picked in the dialog, not with --map.
            mapping::MappingError::NoId { headers } if opts.for_gui => say(
                lang,
                "map-no-id-gui",
                &[("headers", headers.as_str().into())],
            ),
            _ => e.sentence(lang),
        };
        format!("{shown}: {sentence}")
    });
    Ok(Preview {
        file: shown,
        size,
        format: format_name(&sniffed.kind).to_string(),
        encoding: sniffed.encoding.name().to_string(),
        encoding_basis: sniffed.encoding_basis.to_string(),
        delimiter: match sniffed.kind {
            FileKind::Csv { delimiter } => Some(char::from(delimiter).to_string()),
            _ => None,
        },
        reader: Some(RowReader::new(
            headers.clone(),
            mapping,
            reader_times,
            opts.channel,
            page_id,
        )),
        headers,
        rows,
        columns,
        times,
        warnings,
        blocker,
        sniffed: Some(sniffed),
    })
}

/// JSON lines with a bad line among them still are JSON lines: a first line that is a whole
/// object, followed by more lines, means one object per line.
fn refine_kind(sniffed: &Sniffed) -> FileKind {
    if !matches!(sniffed.kind, FileKind::JsonArray) {
        return sniffed.kind;
    }
    let mut lines = sniffed
        .sample
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let first_is_object = lines.next().is_some_and(|l| {
        l.starts_with('{') && serde_json::from_str::<serde_json::Value>(l).is_ok()
    });
    if first_is_object && lines.next().is_some() {
        FileKind::JsonLines
    } else {
        sniffed.kind
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Imports a previewed file into `store` in one transaction: it lands whole or not at all.
/// `progress` is called after each batch; setting `cancel` stops the import and writes nothing.
pub fn run(
    store: &mut Store,
    preview: &Preview,
    opts: &Options,
    started_at: i64,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ImportError> {
    let clock = std::time::Instant::now();
    // A big import writes every page twice in WAL mode (log, then checkpoint). With no
    // other connection open, the rollback journal writes them once and a killed import is
    // still undone on the next open; WAL comes back right after.
    let bulk =
        !opts.dry_run && preview.size > (8 << 20) && store.set_journal_mode("delete").is_ok();
    let mut result = run_in_transaction(store, preview, opts, started_at, cancel, progress, clock);
    if bulk && let Err(why) = store.set_journal_mode("wal") {
        let sentence = say(opts.lang, "import-warn-journal", &[("why", why.into())]);
        // A failed import says so already; the next open switches the log back on.
        if let Ok(report) = &mut result {
            report.warnings.push(sentence);
        }
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn run_in_transaction(
    store: &mut Store,
    preview: &Preview,
    opts: &Options,
    started_at: i64,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
    clock: std::time::Instant,
) -> Result<ImportReport, ImportError> {
    let path = Path::new(&preview.file);
    let (Some(sniffed), Some(reader)) = (&preview.sniffed, &preview.reader) else {
        return Err(ImportError::Option(
            "preview the file before importing it".into(),
        ));
    };
    reader
        .mapping
        .require_id(&reader.headers)
        .map_err(|source| ImportError::Mapping {
            path: preview.file.clone(),
            source,
        })?;
    let read = Arc::new(AtomicU64::new(0));
    let digest = Arc::new(Mutex::new(Sha256::new()));
    let tap = Tap::open(path, read.clone(), digest.clone())?;
    let total = preview.size;
    let window_format = reader
        .times
        .iter()
        .find(|(f, _, _)| Some(*f) == reader.window_field)
        .map(|(_, f, _)| f.to_string());
    let meta = import_meta(preview, opts, started_at, window_format.clone());
    let tx = store.conn_mut().transaction()?;
    let import_id = meta.begin(&tx)?;
    let mut counts = ImportCounts::default();
    let mut rejects = Vec::new();
    let mut pages: BTreeSet<String> = BTreeSet::new();
    let (sender, receiver) = mpsc::sync_channel::<Batch>(1);

    let replaced = std::thread::scope(|scope| -> Result<u64, ImportError> {
        let parser = scope.spawn(move || -> Result<u64, ImportError> {
            let decoded = DecodeReader::new(tap, sniffed.encoding);
            let mut batch = Batch::with_capacity(BATCH);
            let mut scratch = String::new();
            let mut failed_send = false;
            let flush = |batch: &mut Batch| {
                let full = std::mem::replace(batch, Batch::with_capacity(BATCH));
                sender.send(full).is_ok()
            };
            let decoded = source::rows(decoded, &sniffed.kind, &reader.headers, &mut |ev| {
                batch.rows += 1;
                match ev {
                    RowEvent::Row { line, cells, extra } => {
                        match reader.record(cells, extra, &mut scratch) {
                            Ok(r) => batch.push(&r),
                            Err(reason) => {
                                batch
                                    .rejects
                                    .push((line, reason, raw_cells(&cells.to_vec())));
                            }
                        }
                    }
                    RowEvent::Bad { line, reason, raw } => {
                        batch.rejects.push((line, RejectReason::Row(reason), raw))
                    }
                }
                if batch.len() + batch.rejects.len() >= BATCH
                    && (cancel.load(Ordering::Relaxed) || !flush(&mut batch))
                {
                    failed_send = true;
                    return false;
                }
                true
            })?;
            if failed_send || cancel.load(Ordering::Relaxed) {
                return Err(ImportError::Cancelled);
            }
            if batch.rows > 0 {
                flush(&mut batch);
            }
            drop(sender);
            Ok(decoded.replaced())
        });

        // Room for as many contacts as the file can hold, judged from its first lines.
        let lines = sniffed.sample.lines().count().max(1);
        let per_row = (sniffed.sample.len() / lines).max(24) as u64;
        let expected = (preview.size / per_row).min(50_000_000) as usize;
        let mut writer = ContactWriter::new(&tx, import_id, expected)?;
        let mut reject_writer = RejectWriter::new(&tx, import_id)?;
        let write = |batch: Batch,
                     counts: &mut ImportCounts,
                     pages: &mut BTreeSet<String>,
                     rejects: &mut Vec<RejectLine>,
                     writer: &mut ContactWriter<'_>,
                     reject_writer: &mut RejectWriter<'_>|
         -> Result<(), ImportError> {
            counts.rows_read += batch.rows;
            for (r, hashes) in batch.records() {
                if !pages.contains(r.page_id) {
                    pages.insert(r.page_id.to_string());
                }
                match writer.upsert_hashed(&r, hashes)? {
                    Outcome::Inserted => counts.inserted += 1,
                    Outcome::Updated => counts.updated += 1,
                    Outcome::Unchanged => counts.unchanged += 1,
                }
            }
            for (line, reason, raw) in batch.rejects {
                counts.rejected += 1;
                reject_writer.reject(line, &reason.stored(), clip_bytes(&raw, RAW_MAX))?;
                if rejects.len() < REPORT_REJECTS {
                    rejects.push(RejectLine {
                        line,
                        reason: reason.sentence(opts.lang),
                    });
                }
            }
            Ok(())
        };
        let mut result = Ok(());
        for batch in receiver.iter() {
            if cancel.load(Ordering::Relaxed) {
                result = Err(ImportError::Cancelled);
                break;
            }
            if let Err(e) = write(
                batch,
                &mut counts,
                &mut pages,
                &mut rejects,
                &mut writer,
                &mut reject_writer,
            ) {
                result = Err(e);
                break;
            }
            progress(Progress {
                bytes: read.load(Ordering::Relaxed),
                total,
                rows: counts.rows_read,
            });
        }
        counts.duplicates = writer.repeated;
        drop(receiver);
        let parsed = parser
            .join()
            .map_err(|_| ImportError::Csv("the file reader stopped unexpectedly".into()))?;
        result?;
        parsed
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(ImportError::Cancelled);
    }

    let sha256 =
        source::finish_hash(path, &digest, read.load(Ordering::Relaxed)).map_err(|source| {
            ImportError::Io {
                path: preview.file.clone(),
                source,
            }
        })?;
    let mut warnings = preview.warnings.clone();
    if replaced > 0 {
        warnings.push(say(
            opts.lang,
            "import-warn-replaced",
            &[
                ("count", replaced.into()),
                ("encoding", preview.encoding.as_str().into()),
            ],
        ));
    }
    tx.execute(
        "UPDATE imports SET sha256 = ?2 WHERE id = ?1",
        rusqlite::params![import_id, sha256],
    )?;
    crate::store::finish(
        &tx,
        import_id,
        &counts,
        window_format.as_deref(),
        started_at + clock.elapsed().as_secs() as i64,
    )?;
    if opts.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    progress(Progress {
        bytes: total,
        total,
        rows: counts.rows_read,
    });
    Ok(ImportReport {
        file: preview.file.clone(),
        encoding: preview.encoding.clone(),
        delimiter: preview.delimiter.clone(),
        format: preview.format.clone(),
        columns: preview.columns.clone(),
        time_format: window_format,
        zone: opts.zone.name().to_string(),
        rows_read: counts.rows_read,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected: counts.rejected,
        duplicates: counts.duplicates,
        rejects_complete: counts.rejected as usize == rejects.len(),
        rejects,
        warnings,
        dry_run: opts.dry_run,
        import_id: (!opts.dry_run).then_some(import_id),
        pages: pages.into_iter().collect(),
        sha256,
        seconds: clock.elapsed().as_secs_f64(),
    })
}

fn import_meta(
    preview: &Preview,
    opts: &Options,
    started_at: i64,
    window_format: Option<String>,
) -> ImportMeta {
    ImportMeta {
        file: preview.file.clone(),
        sha256: String::new(),
        format: preview.format.clone(),
        encoding: preview.encoding.clone(),
        delimiter: preview.delimiter.clone(),
        time_format: window_format,
        mapping: serde_json::to_string(&preview.columns).unwrap_or_default(),
        options: serde_json::json!({
            "channel": opts.channel.as_str(),
            "page_id": opts.page_id,
            "zone": opts.zone.name(),
            "date_order": opts.date_order.map(|d| d.to_string()),
            "dry_run": opts.dry_run,
        })
        .to_string(),
        started_at,
    }
}

fn raw_cells(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    if w.write_record(cells).is_err() {
        return cells.join(",");
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).trim_end().to_string()
}

fn clip_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
