//! Files for the marketer's sending tool: the send list (CSV or Send API JSON lines), the
//! excluded contacts with their reasons beside it, and audience files of the unreachable for
//! a paid campaign. Every file is written atomically and every CSV text cell is neutralised
//! against formula injection.

pub mod audience;
pub mod send_list;

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use send_list::{ExportReport, FileWritten, Format, SendList, export};

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
    /// The output name cannot be used.
    #[error("{0}")]
    BadName(String),
    /// The campaign cannot be approved.
    #[error("{0}")]
    CannotApprove(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Saves `list` as an approved campaign called `name`; returns its id. Refuses an empty name
/// and a plan that reaches nobody.
pub fn approve(
    store: &mut Store,
    list: &SendList,
    summary: &Summary,
    name: &str,
    approved_at: i64,
) -> Result<i64, ExportError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ExportError::CannotApprove(
            "give the campaign a name before approving it, e.g. \"Black Friday\"".into(),
        ));
    }
    if list.sends.is_empty() {
        return Err(ExportError::CannotApprove(format!(
            "nothing to approve: no contact can receive this message at {}",
            summary.at.to_rfc3339()
        )));
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
    Ok(store.approve_campaign(&campaign, list.recipients())?)
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

/// Makes a text cell safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a
/// leading apostrophe (OWASP's advice for CSV injection).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Writes `path` through `write`, all or nothing: the bytes go to a temporary file in the same
/// folder, which is flushed to disk and then renamed over `path`. A failure removes the
/// temporary file and leaves any earlier `path` as it was.
pub fn write_atomic<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, ExportError> {
    let err = |detail: io::Error| ExportError::Write {
        path: path.display().to_string(),
        detail,
    };
    let name = path
        .file_name()
        .ok_or_else(|| ExportError::BadName(format!("{} names no file", path.display())))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
        let value = write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
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
    fn a_missing_folder_is_a_sentence() {
        let err = write_atomic(Path::new("/nonexistent-dir/x.csv"), |w| w.write_all(b"x"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot write /nonexistent-dir/x.csv"), "{err}");
    }
}
