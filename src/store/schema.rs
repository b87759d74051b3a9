//! The schema, as numbered migrations (rusqlite_migration keeps the number in
//! `PRAGMA user_version`). A database from a newer build is refused before anything runs.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::StoreError;

/// The schema version this build writes.
pub const VERSION: i64 = 5;

const V1: &str = "
-- One row per contact, unique by (channel, page_id, psid). IDs are text, never numbers:
-- 17-digit PSIDs must not lose digits. `key_hash` is a 62-bit hash of the key, probed
-- linearly on the rare collision; the importer, the only writer of contacts, keeps keys
-- unique through an in-memory map of it (see contacts.rs). Rows are appended in import
-- order: a million-row import costs what plain inserts cost, where a unique text index
-- made it twice as slow.
CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    key_hash      INTEGER NOT NULL,
    channel       TEXT    NOT NULL,
    page_id       TEXT    NOT NULL,
    psid          TEXT    NOT NULL,
    name          TEXT,
    first_name    TEXT,
    last_name     TEXT,
    locale        TEXT,
    timezone      TEXT,
    last_at       INTEGER,            -- the latest user interaction, unix seconds UTC
    last_kind     TEXT    NOT NULL DEFAULT 'unknown',
    subscribed_at INTEGER,
    last_seen_at  INTEGER,
    extra         TEXT,               -- the source's other columns, as a JSON object
    content_hash  INTEGER NOT NULL,   -- of the descriptive fields, to tell unchanged rows
    import_id     INTEGER NOT NULL    -- the import that last changed the row
);

-- Earlier interactions of a contact; the latest lives in contacts.last_at.
CREATE TABLE interactions (
    contact_id INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    import_id  INTEGER NOT NULL,
    PRIMARY KEY (contact_id, at)
) WITHOUT ROWID;

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    file        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    encoding    TEXT    NOT NULL,
    delimiter   TEXT,
    time_format TEXT,
    mapping     TEXT    NOT NULL,     -- JSON: field -> column
    options     TEXT    NOT NULL,     -- JSON: channel, page, zone, date order
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    rows_read   INTEGER NOT NULL DEFAULT 0,
    inserted    INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_rejects (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    line      INTEGER NOT NULL,
    reason    TEXT    NOT NULL,
    raw       TEXT    NOT NULL
);
CREATE INDEX import_rejects_by_import ON import_rejects(import_id, line);
";

/// The trigger that refuses recipients for a campaign already approved. An approval lifts
/// it inside its own transaction while it writes its recipients (a row trigger costs more than
/// the insert itself) and puts it back before committing, so no one else ever sees it gone.
macro_rules! recipients_guard {
    () => {
        "CREATE TRIGGER recipients_only_while_approving BEFORE INSERT ON campaign_recipients
WHEN EXISTS (SELECT 1 FROM campaigns WHERE id = NEW.campaign_id)
BEGIN SELECT RAISE(ABORT, 'recipients cannot be added to an approved campaign'); END"
    };
}

/// [`recipients_guard`] as SQL.
pub const RECIPIENTS_GUARD: &str = recipients_guard!();

const V2: &str = concat!("
-- An approved campaign: what was sent, to whom, by which route, under which policy.
-- Approved campaigns never change (a change is a new campaign): the triggers refuse updates
-- and deletes, and recipients may only be written before their campaign row exists, that is
-- inside the transaction that approves it (the foreign key is checked at commit).
CREATE TABLE campaigns (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    channel        TEXT    NOT NULL,
    route          TEXT,              -- the chosen route; NULL = the best per contact
    human_reply    INTEGER NOT NULL,
    policy_version TEXT,
    planned_at     INTEGER NOT NULL,  -- the planning instant, unix seconds
    rate_per_min   REAL,
    quiet_hours    TEXT,
    status         TEXT    NOT NULL DEFAULT 'approved' CHECK (status = 'approved'),
    approved_at    INTEGER NOT NULL,
    considered     INTEGER NOT NULL,
    planned        INTEGER NOT NULL,
    excluded       INTEGER NOT NULL,
    summary        TEXT    NOT NULL   -- the plan summary, as JSON
);

CREATE TABLE campaign_recipients (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
    contact_id  INTEGER NOT NULL,
    page_id     TEXT    NOT NULL,
    psid        TEXT    NOT NULL,
    route       TEXT,                 -- NULL when excluded
    rule        TEXT,
    send_by     INTEGER,
    send_at     INTEGER,
    excluded    TEXT,                 -- the reason, when not sent
    PRIMARY KEY (campaign_id, contact_id)
) WITHOUT ROWID;

CREATE TABLE campaign_exports (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    file        TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    rows        INTEGER NOT NULL,
    exported_at INTEGER NOT NULL
);

CREATE TRIGGER campaigns_are_immutable BEFORE UPDATE ON campaigns
BEGIN SELECT RAISE(ABORT, 'an approved campaign cannot be changed; plan and approve a new one'); END;
CREATE TRIGGER campaigns_are_kept BEFORE DELETE ON campaigns
BEGIN SELECT RAISE(ABORT, 'an approved campaign cannot be deleted'); END;
CREATE TRIGGER recipients_are_immutable BEFORE UPDATE ON campaign_recipients
BEGIN SELECT RAISE(ABORT, 'the recipients of an approved campaign cannot be changed'); END;
CREATE TRIGGER recipients_are_kept BEFORE DELETE ON campaign_recipients
BEGIN SELECT RAISE(ABORT, 'the recipients of an approved campaign cannot be deleted'); END;
",
    recipients_guard!(),
    ";"
);

const V3: &str = "
-- Where a Page is: routes such as Utility Messages or paid marketing messages exist only in
-- some countries. `username` makes m.me links; `timezone` is the Page's default zone.
CREATE TABLE pages (
    id       TEXT PRIMARY KEY,      -- the page_id contacts carry
    name     TEXT,
    username TEXT,
    country  TEXT,                  -- ISO 3166-1 alpha-2, upper case
    timezone TEXT                   -- IANA name
) WITHOUT ROWID;

-- A country column of the export (ISO 3166-1 alpha-2), when it had one.
ALTER TABLE contacts ADD COLUMN country TEXT;
";

const V4: &str = "
-- What an import changed, so that the latest ones can be undone: the highest contact id
-- before it (every contact above it is one the import added) and, for each contact it
-- updated, the row as it was before (the kept columns as a JSON array), appended in the order
-- they were written. Only the last few imports keep theirs.
ALTER TABLE imports ADD COLUMN ids_before INTEGER;
ALTER TABLE imports ADD COLUMN undone_at INTEGER;
CREATE TABLE import_changes (
    import_id  INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    before     TEXT    NOT NULL
);
CREATE INDEX import_changes_by_import ON import_changes (import_id);
";

const V5: &str = "
-- Entry points: what makes a person write first and so reopens the window (an m.me link
-- with a ref, its QR code, a Click-to-Messenger ad, a reply to a comment, a chat plugin).
-- `started_at` is when it went out (posted, printed, the ad started): who wrote after it
-- counts as come back. A ref is unique within its Page.
CREATE TABLE entry_points (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    page_id     TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    ref         TEXT,
    campaign_id INTEGER REFERENCES campaigns(id),
    created_at  INTEGER NOT NULL,
    started_at  INTEGER NOT NULL,
    UNIQUE (page_id, ref)
);
";

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1), M::up(V2), M::up(V3), M::up(V4), M::up(V5)])
}

/// Brings the schema of `conn` to [`VERSION`], refusing a newer one.
pub fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::NotADatabase {
            path: path.to_string(),
            detail: e.to_string(),
        })?;
    if found > VERSION {
        return Err(StoreError::TooNew {
            path: path.to_string(),
            found,
            known: VERSION,
        });
    }
    migrations()
        .to_latest(conn)
        .map_err(|e| StoreError::Migration {
            path: path.to_string(),
            detail: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
