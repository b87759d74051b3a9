//! The SQLite database: where it lives, its schema and migrations, and the queries the rest
//! of Ventana needs. One file, WAL journal, bundled SQLite (nothing to install).

mod campaigns;
mod contact_file;
mod contacts;
mod entry_points;
mod imports;
mod pages;
mod schema;
mod search;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use campaigns::{
    CampaignSummary, ContactDetail, ExportRecord, NewCampaign, NewRecipient, Recipient,
};
pub use contact_file::ContactFile;
pub use contacts::{
    ContactKey, ContactRecord, ContactRow, ContactWriter, IndexRow, Outcome, display_name, key_hash,
};
pub use entry_points::{EntryPoint, NewEntryPoint};
pub use imports::{
    ImportCounts, ImportMeta, ImportSummary, RejectRow, RejectWriter, UndoReport, finish,
};
pub use pages::{PageEdit, PageRow};
pub use search::NameIndex;

/// A database problem, as a sentence.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The directory for the database could not be made.
    #[error(
        "cannot create the folder {path} for the database ({source}); pass --db with a writable path"
    )]
    Dir {
        /// The folder.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not an SQLite database.
    #[error(
        "{path} is not a Ventana database (SQLite could not read it: {detail}); pass --db with another file"
    )]
    NotADatabase {
        /// The file.
        path: String,
        /// SQLite's words.
        detail: String,
    },
    /// The database was written by a newer Ventana.
    #[error(
        "{path} was written by a newer Ventana (schema version {found}, this build knows up to {known}); update Ventana or pass --db with another file"
    )]
    TooNew {
        /// The file.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
    /// Migrating the schema failed.
    #[error("cannot update the database schema of {path}: {detail}")]
    Migration {
        /// The file.
        path: String,
        /// What went wrong.
        detail: String,
    },
    /// Contacts a plan was made over are no longer in the database.
    #[error(
        "{0} contacts of this plan are no longer in the database (removed since it was made); plan again before approving or exporting"
    )]
    Stale(usize),
    /// An import that cannot be undone, and why.
    #[error("import {id} cannot be undone: {why:?}")]
    CannotUndo {
        /// The import.
        id: i64,
        /// Why.
        why: imports::UndoRefusal,
    },
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::say;
        match self {
            StoreError::Dir { path, source } => say(
                lang,
                "store-error-dir",
                &[
                    ("path", path.as_str().into()),
                    ("detail", source.to_string().into()),
                ],
            ),
            StoreError::NotADatabase { path, detail } => say(
                lang,
                "store-error-not-db",
                &[
                    ("path", path.as_str().into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
            StoreError::TooNew { path, found, known } => say(
                lang,
                "store-error-too-new",
                &[
                    ("path", path.as_str().into()),
                    ("found", found.to_string().into()),
                    ("known", known.to_string().into()),
                ],
            ),
            StoreError::Migration { path, detail } => say(
                lang,
                "store-error-migration",
                &[
                    ("path", path.as_str().into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
            StoreError::Stale(n) => say(lang, "store-error-stale", &[("count", (*n).into())]),
            StoreError::CannotUndo { id, why } => {
                let (key, later) = match why {
                    imports::UndoRefusal::Unknown => ("store-error-undo-unknown", 0),
                    imports::UndoRefusal::AlreadyUndone => ("store-error-undo-done", 0),
                    imports::UndoRefusal::NotKept => ("store-error-undo-old", 0),
                    imports::UndoRefusal::LaterImport(later) => ("store-error-undo-later", *later),
                };
                say(
                    lang,
                    key,
                    &[
                        ("id", id.to_string().into()),
                        ("later", later.to_string().into()),
                    ],
                )
            }
            StoreError::Sqlite(e) => say(
                lang,
                "store-error-sqlite",
                &[("detail", e.to_string().into())],
            ),
        }
    }
}

/// An open Ventana database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Where the database lives when `--db` and `VENTANA_DB` are not given: the platform data
/// directory (`~/.local/share/ventana/ventana.db` on Linux).
pub fn default_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "ventana")
        .map(|d| d.data_dir().join("ventana.db"))
        .unwrap_or_else(|| PathBuf::from("ventana.db"))
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Dir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Store::init(conn, path)
    }

    /// A private in-memory database (tests, previews).
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    fn init(mut conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let not_db = |e: rusqlite::Error| StoreError::NotADatabase {
            path: shown.clone(),
            detail: e.to_string(),
        };
        // Large pages make bulk imports cheaper; only takes effect on a new file.
        conn.execute_batch("PRAGMA page_size = 16384;")
            .map_err(not_db)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(not_db)?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -16000;",
        )
        .map_err(not_db)?;
        schema::migrate(&mut conn, &shown)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Switches the journal mode (`wal` or `delete`); says why not when SQLite refuses, e.g.
    /// because another connection is reading the database.
    pub fn set_journal_mode(&mut self, mode: &str) -> Result<(), String> {
        match self
            .conn
            .query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| {
                r.get::<_, String>(0)
            }) {
            Ok(m) if m.eq_ignore_ascii_case(mode) => Ok(()),
            Ok(m) => Err(format!("SQLite kept the journal mode {m}")),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The file this database lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for the store's own query modules and tests.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, mutably (transactions).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_migrates_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/ventana.db");
        let s = Store::open(&path).unwrap();
        let v: i64 = s
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema::VERSION);
        let mode: String = s
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(s);
        Store::open(&path).unwrap();
    }

    #[test]
    fn a_refused_journal_switch_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.db");
        let mut s = Store::open(&path).unwrap();
        s.set_journal_mode("delete").unwrap();
        s.conn().execute_batch("PRAGMA busy_timeout = 10").unwrap();
        // Another connection in the middle of a read holds the file.
        let reader = Connection::open(&path).unwrap();
        reader
            .execute_batch("BEGIN; SELECT count(*) FROM contacts;")
            .unwrap();
        let err = s.set_journal_mode("wal").unwrap_err();
        assert!(err.contains("locked"), "{err}");
        reader.execute_batch("COMMIT").unwrap();
        drop(reader);
        s.set_journal_mode("wal").unwrap();
    }

    #[test]
    fn a_newer_schema_is_refused_with_a_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        let s = Store::open(&path).unwrap();
        s.conn().execute_batch("PRAGMA user_version = 99").unwrap();
        drop(s);
        let err = Store::open(&path).unwrap_err().to_string();
        assert!(err.contains("newer Ventana"), "{err}");
        assert!(err.contains("99"), "{err}");
    }

    #[test]
    fn a_file_that_is_not_sqlite_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        std::fs::write(&path, b"name;id\nAnna;1\n".repeat(200)).unwrap();
        let err = Store::open(&path).unwrap_err().to_string();
        assert!(err.contains("is not a Ventana database"), "{err}");
    }
}
