//! The record of each import (file, hash, mapping, counts) and of every row it rejected.

use rusqlite::{OptionalExtension, Statement, Transaction, params};
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
    /// When it was undone, if it was.
    pub undone_at: Option<i64>,
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
    /// Records the start of an import; returns its id. What older imports changed is
    /// dropped but for the latest [`UNDOABLE`] that stand: those alone can still be undone.
    pub fn begin(&self, tx: &Transaction<'_>) -> Result<i64, StoreError> {
        let oldest_kept: Option<i64> = tx
            .query_row(
                "SELECT id FROM imports WHERE finished_at IS NOT NULL AND undone_at IS NULL
                 ORDER BY id DESC LIMIT 1 OFFSET ?1",
                [UNDOABLE - 1],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(oldest) = oldest_kept {
            tx.execute("DELETE FROM import_changes WHERE import_id < ?1", [oldest])?;
            tx.execute(
                "UPDATE imports SET ids_before = NULL WHERE id < ?1",
                [oldest],
            )?;
        }
        tx.execute(
            "INSERT INTO imports (file, sha256, format, encoding, delimiter, time_format,
                 mapping, options, started_at, ids_before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                     (SELECT coalesce(max(id), 0) FROM contacts))",
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

/// How many of the latest imports keep what they changed, and so can be undone in turn.
pub const UNDOABLE: i64 = 3;

/// Why an import cannot be undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoRefusal {
    /// No such import.
    Unknown,
    /// It was undone already.
    AlreadyUndone,
    /// What it changed is no longer kept (it is older than the last [`UNDOABLE`] imports,
    /// or was made before Ventana kept it).
    NotKept,
    /// A later import (this id) still stands: undo that first.
    LaterImport(i64),
}

/// What undoing an import took back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UndoReport {
    /// Contacts the import had added, removed.
    pub removed: u64,
    /// Contacts it had changed, put back as they were.
    pub restored: u64,
    /// Actions it had recorded, removed.
    pub interactions: u64,
}

impl Store {
    /// Takes back what import `id` did: the contacts it added go, the contacts it changed
    /// are put back as they were, the actions it recorded go. Only the latest import that
    /// stands can be undone (a later one may have built on it); its report and rejected rows
    /// stay, marked undone at `now`.
    pub fn undo_import(&mut self, id: i64, now: i64) -> Result<UndoReport, StoreError> {
        let refuse = |why| StoreError::CannotUndo { id, why };
        let tx = self.conn.transaction()?;
        let found: Option<(Option<i64>, Option<i64>)> = tx
            .query_row(
                "SELECT ids_before, undone_at FROM imports
                 WHERE id = ?1 AND finished_at IS NOT NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let ids_before = match found {
            None => return Err(refuse(UndoRefusal::Unknown)),
            Some((_, Some(_))) => return Err(refuse(UndoRefusal::AlreadyUndone)),
            Some((None, None)) => return Err(refuse(UndoRefusal::NotKept)),
            Some((Some(before), None)) => before,
        };
        let later: Option<i64> = tx
            .query_row(
                "SELECT max(id) FROM imports
                 WHERE id > ?1 AND finished_at IS NOT NULL AND undone_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if let Some(later) = later {
            return Err(refuse(UndoRefusal::LaterImport(later)));
        }
        let mut report = UndoReport {
            interactions: tx.execute("DELETE FROM interactions WHERE import_id = ?1", [id])? as u64,
            ..UndoReport::default()
        };
        // Every contact above the highest id before the import is one it added.
        tx.execute(
            "DELETE FROM interactions WHERE contact_id > ?1",
            [ids_before],
        )?;
        report.removed = tx.execute("DELETE FROM contacts WHERE id > ?1", [ids_before])? as u64;
        // The rows as they were (a full image or the five columns a same-details update
        // changes); a contact met twice keeps the first image, applied last.
        let set = |columns: &[&str]| {
            columns
                .iter()
                .enumerate()
                .map(|(k, c)| format!("{c} = json_extract(?2, '$[{k}]')"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        {
            let mut full = tx.prepare(&format!(
                "UPDATE contacts SET {} WHERE id = ?1",
                set(&super::contacts::KEPT_COLUMNS)
            ))?;
            let mut short = tx.prepare(&format!(
                "UPDATE contacts SET {} WHERE id = ?1",
                set(&super::contacts::SHORT_KEPT_COLUMNS)
            ))?;
            let mut st = tx.prepare(
                "SELECT contact_id, before, json_array_length(before) FROM import_changes
                 WHERE import_id = ?1 ORDER BY rowid DESC",
            )?;
            let mut rows = st.query([id])?;
            let mut seen = std::collections::HashSet::new();
            while let Some(r) = rows.next()? {
                let (contact, before, len): (i64, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
                if len == super::contacts::SHORT_KEPT_COLUMNS.len() as i64 {
                    short.execute(params![contact, before])?;
                } else {
                    full.execute(params![contact, before])?;
                }
                seen.insert(contact);
            }
            report.restored = seen.len() as u64;
        }
        tx.execute("DELETE FROM import_changes WHERE import_id = ?1", [id])?;
        tx.execute("UPDATE imports SET undone_at = ?2 WHERE id = ?1", [id, now])?;
        tx.commit()?;
        Ok(report)
    }

    /// Past imports, newest first.
    pub fn imports(&self, limit: usize) -> Result<Vec<ImportSummary>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT id, file, sha256, format, encoding, delimiter, time_format, mapping, options,
                    started_at, finished_at, rows_read, inserted, updated, unchanged, rejected,
                    duplicates, undone_at
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
                undone_at: r.get(17)?,
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

#[cfg(test)]
mod tests {
    use super::{Store, StoreError, UndoRefusal};

    /// Every contact row and every recorded action, as plain text: what an undo must give
    /// back exactly.
    fn snapshot(s: &Store) -> (Vec<String>, Vec<String>) {
        let rows = |sql: &str| -> Vec<String> {
            let mut st = s.conn().prepare(sql).unwrap();
            let n = st.column_count();
            st.query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        (
            rows("SELECT * FROM contacts ORDER BY id"),
            rows("SELECT * FROM interactions ORDER BY contact_id, at"),
        )
    }

    fn import(s: &mut Store, dir: &std::path::Path, name: &str, csv: &str) -> i64 {
        let file = dir.join(name);
        std::fs::write(&file, csv).unwrap();
        let opts = crate::import::Options::default();
        let p = crate::import::preview(&file, &opts).unwrap();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        crate::import::run(s, &p, &opts, 1_795_000_000, &cancel, &mut |_| {})
            .unwrap()
            .import_id
            .unwrap()
    }

    #[test]
    fn undoing_the_latest_import_gives_back_the_database_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("v.db")).unwrap();
        let empty = snapshot(&s);
        let a = import(
            &mut s,
            dir.path(),
            "a.csv",
            "psid,first_name,locale,last_interaction\n\
             1,Anna,it_IT,2026-11-20T10:00:00Z\n\
             2,Bruno,it_IT,2026-11-20T11:00:00Z\n\
             3,Carla,es_ES,2026-11-20T12:00:00Z\n",
        );
        let after_a = snapshot(&s);
        // A newer action (the old one goes to the history), an older one (history only), a
        // contact unchanged by its first row and renamed by its second, two new contacts.
        let b = import(
            &mut s,
            dir.path(),
            "b.csv",
            "psid,first_name,locale,last_interaction\n\
             1,Anna,it_IT,2026-11-22T09:00:00Z\n\
             2,Bruno,it_IT,2026-11-19T08:00:00Z\n\
             3,Carla,es_ES,2026-11-20T12:00:00Z\n\
             3,Carlota,es_ES,2026-11-20T12:00:00Z\n\
             4,Dario,it_IT,2026-11-21T10:00:00Z\n\
             5,Elena,es_ES,\n",
        );
        assert_ne!(snapshot(&s), after_a);
        // A is under B: it cannot go first.
        match s.undo_import(a, 1_795_100_000) {
            Err(StoreError::CannotUndo { why, .. }) => {
                assert_eq!(why, UndoRefusal::LaterImport(b))
            }
            other => panic!("{other:?}"),
        }
        let r = s.undo_import(b, 1_795_100_000).unwrap();
        assert_eq!((r.removed, r.restored), (2, 2));
        assert_eq!(snapshot(&s), after_a);
        assert!(matches!(
            s.undo_import(b, 1_795_100_001),
            Err(StoreError::CannotUndo {
                why: UndoRefusal::AlreadyUndone,
                ..
            })
        ));
        // With B undone, A is the latest that stands.
        s.undo_import(a, 1_795_100_002).unwrap();
        assert_eq!(snapshot(&s), empty);
        assert!(matches!(
            s.undo_import(99, 1),
            Err(StoreError::CannotUndo {
                why: UndoRefusal::Unknown,
                ..
            })
        ));
    }

    #[test]
    fn only_the_latest_imports_keep_what_they_changed() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("v.db")).unwrap();
        let ids: Vec<i64> = (0..5)
            .map(|k| {
                import(
                    &mut s,
                    dir.path(),
                    &format!("{k}.csv"),
                    &format!("psid,first_name,last_interaction\n{k},N{k},2026-11-2{k}T10:00:00Z\n"),
                )
            })
            .collect();
        for &id in ids[1..].iter().rev() {
            s.undo_import(id, 1_795_100_000).unwrap();
        }
        assert!(matches!(
            s.undo_import(ids[0], 1_795_100_000),
            Err(StoreError::CannotUndo {
                why: UndoRefusal::NotKept,
                ..
            })
        ));
        assert_eq!(s.contact_count().unwrap(), 1);
    }
}
