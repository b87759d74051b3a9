//! The record of each import (file, hash, mapping, counts) and of every row it rejected.

use rusqlite::{Statement, Transaction, params};
use serde::Serialize;

use super::{Store, StoreError};

/// What is known about an import before its rows are read.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImportMeta {
    /// The file as the user named it.
    pub file: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// `csv`, `json` or `jsonl`.
    pub format: String,
    /// Encoding name.
    pub encoding: String,
    /// Delimiter, for CSV.
    pub delimiter: Option<String>,
    /// Time format of the interaction column.
    pub time_format: Option<String>,
    /// Field → column, as JSON.
    pub mapping: String,
    /// Channel, page, zone, date order, as JSON.
    pub options: String,
    /// Start, unix seconds.
    pub started_at: i64,
}

/// The counts of an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    /// Data rows read.
    pub rows_read: u64,
    /// New contacts.
    pub inserted: u64,
    /// Contacts changed.
    pub updated: u64,
    /// Rows that changed nothing.
    pub unchanged: u64,
    /// Rows rejected (stored with line and reason).
    pub rejected: u64,
    /// Rows repeating a contact seen earlier in the same file (within updated + unchanged).
    pub duplicates: u64,
}

/// A past import, for lists and reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportSummary {
    /// Id.
    pub id: i64,
    /// What it was.
    pub meta: ImportMeta,
    /// End, unix seconds.
    pub finished_at: Option<i64>,
    /// Counts.
    pub counts: ImportCounts,
}

/// A rejected row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectRow {
    /// Line (or element number for JSON arrays).
    pub line: u64,
    /// Why.
    pub reason: String,
    /// The row as read.
    pub raw: String,
}

impl ImportMeta {
    /// Records the start of an import; returns its id.
    pub fn begin(&self, tx: &Transaction<'_>) -> Result<i64, StoreError> {
        tx.execute(
            "INSERT INTO imports (file, sha256, format, encoding, delimiter, time_format,
                 mapping, options, started_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                self.file,
                self.sha256,
                self.format,
                self.encoding,
                self.delimiter,
                self.time_format,
                self.mapping,
                self.options,
                self.started_at
            ],
        )?;
        Ok(tx.last_insert_rowid())
    }

    /// An import row for tests.
    #[cfg(test)]
    pub fn test(tx: &Transaction<'_>) -> i64 {
        ImportMeta {
            file: "test.csv".into(),
            format: "csv".into(),
            encoding: "UTF-8".into(),
            mapping: "{}".into(),
            options: "{}".into(),
            ..ImportMeta::default()
        }
        .begin(tx)
        .unwrap_or_default()
    }
}

/// Records the counts and end of an import.
pub fn finish(
    tx: &Transaction<'_>,
    import_id: i64,
    counts: &ImportCounts,
    time_format: Option<&str>,
    finished_at: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE imports SET finished_at = ?2, rows_read = ?3, inserted = ?4, updated = ?5,
             unchanged = ?6, rejected = ?7, duplicates = ?8, time_format = coalesce(?9, time_format)
         WHERE id = ?1",
        params![
            import_id,
            finished_at,
            counts.rows_read as i64,
            counts.inserted as i64,
            counts.updated as i64,
            counts.unchanged as i64,
            counts.rejected as i64,
            counts.duplicates as i64,
            time_format,
        ],
    )?;
    Ok(())
}

/// Stores rejected rows of one import.
pub struct RejectWriter<'t> {
    import_id: i64,
    insert: Statement<'t>,
}

impl<'t> RejectWriter<'t> {
    /// Prepares the statement.
    pub fn new(tx: &'t Transaction<'t>, import_id: i64) -> Result<Self, StoreError> {
        Ok(RejectWriter {
            import_id,
            insert: tx.prepare(
                "INSERT INTO import_rejects (import_id, line, reason, raw) VALUES (?1, ?2, ?3, ?4)",
            )?,
        })
    }

    /// Stores one rejected row.
    pub fn reject(&mut self, line: u64, reason: &str, raw: &str) -> Result<(), StoreError> {
        self.insert
            .execute(params![self.import_id, line as i64, reason, raw])?;
        Ok(())
    }
}

impl Store {
    /// Past imports, newest first.
    pub fn imports(&self, limit: usize) -> Result<Vec<ImportSummary>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT id, file, sha256, format, encoding, delimiter, time_format, mapping, options,
                    started_at, finished_at, rows_read, inserted, updated, unchanged, rejected,
                    duplicates
             FROM imports WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], |r| {
            let n = |i: usize| r.get::<_, i64>(i).map(|v| v.max(0) as u64);
            Ok(ImportSummary {
                id: r.get(0)?,
                meta: ImportMeta {
                    file: r.get(1)?,
                    sha256: r.get(2)?,
                    format: r.get(3)?,
                    encoding: r.get(4)?,
                    delimiter: r.get(5)?,
                    time_format: r.get(6)?,
                    mapping: r.get(7)?,
                    options: r.get(8)?,
                    started_at: r.get(9)?,
                },
                finished_at: r.get(10)?,
                counts: ImportCounts {
                    rows_read: n(11)?,
                    inserted: n(12)?,
                    updated: n(13)?,
                    unchanged: n(14)?,
                    rejected: n(15)?,
                    duplicates: n(16)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The rejected rows of an import, by line.
    pub fn rejects(&self, import_id: i64, limit: usize) -> Result<Vec<RejectRow>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT line, reason, raw FROM import_rejects WHERE import_id = ?1
             ORDER BY line LIMIT ?2",
        )?;
        let rows = st.query_map(params![import_id, limit as i64], |r| {
            Ok(RejectRow {
                line: r.get::<_, i64>(0)?.max(0) as u64,
                reason: r.get(1)?,
                raw: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
