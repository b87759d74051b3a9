//! Entry points as the database keeps them.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::policy::Channel;
use crate::reopen::EntryKind;

/// An entry point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryPoint {
    /// Id.
    pub id: i64,
    /// The marketer's name for it ("Winter poster, Via Roma shop").
    pub name: String,
    /// The Page people write to.
    pub page_id: String,
    /// Messenger or Instagram.
    pub channel: Channel,
    /// What it is.
    pub kind: EntryKind,
    /// The `ref` its link carries (none for an ad audience or a comment reply).
    #[serde(rename = "ref")]
    pub ref_: Option<String>,
    /// The campaign it belongs to.
    pub campaign_id: Option<i64>,
    /// When it was recorded, unix seconds (RFC 3339 in JSON).
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
    /// When it went out (posted, printed, ad started), unix seconds (RFC 3339 in JSON).
    #[serde(serialize_with = "rfc3339")]
    pub started_at: i64,
}

/// Unix seconds written as RFC 3339, as every instant the command line prints.
fn rfc3339<S: serde::Serializer>(t: &i64, s: S) -> Result<S::Ok, S::Error> {
    let at = chrono::DateTime::from_timestamp(*t, 0).unwrap_or_default();
    s.serialize_str(&at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// What a new entry point, or an edit of one, holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntryPoint {
    /// Name.
    pub name: String,
    /// Page.
    pub page_id: String,
    /// Channel.
    pub channel: Channel,
    /// Kind.
    pub kind: EntryKind,
    /// Ref.
    pub ref_: Option<String>,
    /// Campaign.
    pub campaign_id: Option<i64>,
    /// Start, unix seconds.
    pub started_at: i64,
}

const COLUMNS: &str =
    "id, name, page_id, channel, kind, ref, campaign_id, created_at, started_at FROM entry_points";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntryPoint> {
    let channel: String = r.get(3)?;
    let kind: String = r.get(4)?;
    Ok(EntryPoint {
        id: r.get(0)?,
        name: r.get(1)?,
        page_id: r.get(2)?,
        channel: channel.parse().unwrap_or(Channel::Messenger),
        kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Link),
        ref_: r.get(5)?,
        campaign_id: r.get(6)?,
        created_at: r.get(7)?,
        started_at: r.get(8)?,
    })
}

impl Store {
    /// Every entry point, newest start first.
    pub fn entry_points(&self) -> Result<Vec<EntryPoint>, StoreError> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {COLUMNS} ORDER BY started_at DESC, id DESC"
        ))?;
        let rows = st.query_map([], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The entry point with this id.
    pub fn entry_point(&self, id: i64) -> Result<Option<EntryPoint>, StoreError> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {COLUMNS} WHERE id = ?1"), [id], row)
            .optional()?)
    }

    /// The entry point of `page_id` whose link carries `ref_`.
    pub fn entry_point_by_ref(
        &self,
        page_id: &str,
        ref_: &str,
    ) -> Result<Option<EntryPoint>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} WHERE page_id = ?1 AND ref = ?2"),
                params![page_id, ref_],
                row,
            )
            .optional()?)
    }

    /// Records a new entry point at `created_at`; returns it.
    pub fn create_entry_point(
        &self,
        e: &NewEntryPoint,
        created_at: i64,
    ) -> Result<EntryPoint, StoreError> {
        self.conn.execute(
            "INSERT INTO entry_points
                 (name, page_id, channel, kind, ref, campaign_id, created_at, started_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                e.name,
                e.page_id,
                e.channel.to_string(),
                e.kind.as_str(),
                e.ref_,
                e.campaign_id,
                created_at,
                e.started_at
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.entry_point(id)?.ok_or(StoreError::Stale(0))
    }

    /// Changes an entry point's name, campaign and start (its Page, kind and ref stay: the
    /// link is already out there).
    pub fn update_entry_point(
        &self,
        id: i64,
        name: &str,
        campaign_id: Option<i64>,
        started_at: i64,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE entry_points SET name = ?2, campaign_id = ?3, started_at = ?4 WHERE id = ?1",
            params![id, name, campaign_id, started_at],
        )?;
        Ok(())
    }

    /// Deletes an entry point.
    pub fn delete_entry_point(&self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM entry_points WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Calls `f` with the id and `extra` JSON of every contact that has extra columns.
    pub fn each_extra(&self, mut f: impl FnMut(i64, &str)) -> Result<(), StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, extra FROM contacts WHERE extra IS NOT NULL")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let extra = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            f(r.get(0)?, extra);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_points_are_stored_edited_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("v.db")).unwrap();
        let new = NewEntryPoint {
            name: "Poster".into(),
            page_id: "104".into(),
            channel: Channel::Messenger,
            kind: EntryKind::Qr,
            ref_: Some("poster-1".into()),
            campaign_id: None,
            started_at: 1_700_000_000,
        };
        let e = store.create_entry_point(&new, 1_700_000_100).unwrap();
        assert_eq!(e.name, "Poster");
        assert_eq!(e.kind, EntryKind::Qr);
        assert_eq!(
            store.entry_point_by_ref("104", "poster-1").unwrap(),
            Some(e.clone())
        );
        // The same ref on the same Page is refused by the schema.
        assert!(store.create_entry_point(&new, 1).is_err());
        store
            .update_entry_point(e.id, "Poster, shop", None, 1_700_000_500)
            .unwrap();
        let e2 = store.entry_point(e.id).unwrap().unwrap();
        assert_eq!(
            (e2.name.as_str(), e2.started_at),
            ("Poster, shop", 1_700_000_500)
        );
        store.delete_entry_point(e.id).unwrap();
        assert!(store.entry_points().unwrap().is_empty());
    }
}
