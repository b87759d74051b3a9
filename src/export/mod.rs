//! Files for the marketer's sending tool: the send list (CSV or Send API JSON lines), the
//! excluded contacts with their reasons beside it, and audience files of the unreachable for
//! a paid campaign. Every file is written atomically and every CSV text cell is neutralised
//! against formula injection.

pub mod audience;
pub mod send_list;

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use send_list::{ExportReport, FileWritten, Format, SendList, existing_files, export};

use crate::i18n::{Lang, say};
use crate::import::record::RejectReason;
use crate::plan::Summary;
use crate::store::{NewCampaign, Store, StoreError};

/// Why an export failed, as a sentence.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file could not be written.
    #[error("cannot write {path} ({detail}); check that the folder exists and is writable")]
    Write {
        /// The file.
        path: String,
        /// The OS error.
        detail: io::Error,
    },
    /// The output path names no file (a folder, `..`).
    #[error("{0} names no file; give a file name such as sends.csv")]
    NoFileName(String),
    /// A campaign without a name.
    #[error("give the campaign a name before approving it, e.g. \"Black Friday\"")]
    NoName,
    /// A plan that reaches nobody.
    #[error("nothing to approve: no contact can receive this message at {0}")]
    NothingToApprove(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ExportError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            ExportError::Write { path, detail } => say(
                lang,
                "export-error-write",
                &[
                    ("path", path.as_str().into()),
                    ("detail", detail.to_string().into()),
                ],
            ),
            ExportError::NoFileName(path) => say(
                lang,
                "export-error-no-file-name",
                &[("path", path.as_str().into())],
            ),
            ExportError::NoName => say(lang, "export-error-no-name", &[]),
            ExportError::NothingToApprove(at) => {
                say(lang, "export-error-nothing", &[("at", at.as_str().into())])
            }
            ExportError::Store(e) => e.sentence(lang),
        }
    }
}

/// Saves `list` as an approved campaign called `name`; returns its id. Refuses an empty name
/// and a plan that reaches nobody. `progress` hears the fraction of recipients stored now and
/// then.
pub fn approve(
    store: &mut Store,
    list: &SendList,
    summary: &Summary,
    name: &str,
    approved_at: i64,
    progress: &mut dyn FnMut(f32),
) -> Result<i64, ExportError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ExportError::NoName);
    }
    if list.sends.is_empty() {
        return Err(ExportError::NothingToApprove(summary.at.to_rfc3339()));
    }
    let campaign = NewCampaign {
        name: name.to_string(),
        text: list.text.clone(),
        channel: summary.channel.clone(),
        route: summary.route.as_ref().map(ToString::to_string),
        human_reply: summary.human_reply,
        policy_version: summary.policy_version.clone(),
        planned_at: summary.at.timestamp(),
        rate_per_min: summary.rate_per_min,
        quiet_hours: summary.quiet_hours.clone(),
        approved_at,
        considered: summary.considered,
        planned: summary.planned,
        excluded: summary.excluded,
        summary: serde_json::to_string(summary).unwrap_or_default(),
    };
    let routes: Vec<String> = list.rules.iter().map(|(r, _)| r.to_string()).collect();
    let total = list.contacts.len().max(1) as f32;
    let mut stored = 0usize;
    let recipients = list.recipients(&routes).inspect(|_| {
        stored += 1;
        if stored.is_multiple_of(16_384) {
            progress(stored as f32 / total);
        }
    });
    let id = store.approve_campaign(&campaign, recipients)?;
    progress(1.0);
    Ok(id)
}

/// Notes in the campaign's history the files an export wrote.
pub fn record(
    store: &Store,
    campaign_id: i64,
    report: &ExportReport,
    format: Format,
    at: i64,
) -> Result<(), StoreError> {
    for f in &report.files {
        let kind = if f.kind == "sends" {
            format.as_str()
        } else {
            "csv"
        };
        store.record_export(campaign_id, &f.path, kind, f.rows, at)?;
    }
    Ok(())
}

/// A CSV writer that quotes every field. Italian and Spanish spreadsheets split on `;` as
/// well as on `,`, so an unquoted name such as `x;=cmd|'/C calc'!A0` would become a formula
/// cell there; quoted, every field stays one text cell whatever the separator.
pub fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(w)
}

/// Makes a text cell safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a
/// leading apostrophe (OWASP's advice for CSV injection).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Files written together, replaced together: each is written in full to a temporary file
/// beside its final name and flushed to disk; only when every one is written are they renamed
/// over their final names. A failure before that removes the temporary files and leaves every
/// earlier file as it was.
#[derive(Default)]
pub struct FileSet {
    staged: Vec<(tempfile::TempPath, PathBuf)>,
}

impl FileSet {
    /// Writes what will become `path` through `write`.
    pub fn write<T>(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
    ) -> Result<T, ExportError> {
        let err = |detail: io::Error| ExportError::Write {
            path: path.display().to_string(),
            detail,
        };
        if path.file_name().is_none() {
            return Err(ExportError::NoFileName(path.display().to_string()));
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".ventana-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(err)?;
        let (file, tmp) = tmp.into_parts();
        // A temporary file is private to its owner; what replaces an export is read by others
        // as any file the user writes.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
            file.set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(err)?;
        }
        let mut out = BufWriter::with_capacity(1 << 20, file);
        let value = write(&mut out).map_err(err)?;
        let file = out.into_inner().map_err(|e| err(e.into_error()))?;
        file.sync_all().map_err(err)?;
        self.staged.push((tmp, path.to_path_buf()));
        Ok(value)
    }

    /// Puts every file written in place.
    pub fn commit(self) -> Result<(), ExportError> {
        for (tmp, path) in self.staged {
            tmp.persist(&path).map_err(|e| ExportError::Write {
                path: path.display().to_string(),
                detail: e.error,
            })?;
        }
        Ok(())
    }
}

/// Writes `path` through `write`, all or nothing (a [`FileSet`] of one file).
pub fn write_atomic<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, ExportError> {
    let mut set = FileSet::default();
    let value = set.write(path, write)?;
    set.commit()?;
    Ok(value)
}

/// Writes an import's rejected rows to `path` as CSV (`line, reason, row`, the reason in
/// `lang`), all or nothing; returns how many.
pub fn write_rejects(
    path: &Path,
    rows: &[crate::store::RejectRow],
    lang: Lang,
) -> Result<u64, ExportError> {
    write_atomic(path, |w| {
        let mut csv = csv_writer(w);
        csv.write_record(["line", "reason", "row"])?;
        for r in rows {
            csv.write_record([
                r.line.to_string().as_str(),
                neutralise(&RejectReason::read_stored(&r.reason, lang)).as_ref(),
                neutralise(&r.raw).as_ref(),
            ])?;
        }
        csv.flush()?;
        Ok(rows.len() as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for ok in ["Anna", "1234567890123456", "", "'quoted", " =x"] {
            assert_eq!(neutralise(ok), ok);
        }
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sends.csv");
        std::fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half a fi")?;
            Err::<(), _>(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temporary file left behind");
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn a_set_is_replaced_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
        std::fs::write(&a, "old a").unwrap();
        std::fs::write(&b, "old b").unwrap();
        let mut set = FileSet::default();
        set.write(&a, |w| w.write_all(b"new a")).unwrap();
        let err = set.write(&b, |_| Err::<(), _>(io::Error::other("disk full")));
        assert!(err.is_err());
        drop(set);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old b");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        let mut set = FileSet::default();
        set.write(&a, |w| w.write_all(b"new a")).unwrap();
        set.write(&b, |w| w.write_all(b"new b")).unwrap();
        set.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&b).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "{mode:o}");
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_missing_folder_is_a_sentence() {
        let err = write_atomic(Path::new("/nonexistent-dir/x.csv"), |w| w.write_all(b"x"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot write /nonexistent-dir/x.csv"), "{err}");
    }
}
