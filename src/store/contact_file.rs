//! Everything kept about one contact (for the contact detail panel), and deleting one.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{Store, StoreError};
use crate::policy::InteractionKind;

/// One contact as stored: identity, place, every recorded action and the imports behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ContactFile {
    /// Contact id.
    pub id: i64,
    /// Channel, as stored.
    pub channel: String,
    /// Page id.
    pub page_id: String,
    /// Page-scoped ID.
    pub psid: String,
    /// Display name.
    pub name: String,
    /// Locale, as the export wrote it.
    pub locale: Option<String>,
    /// Time zone, as the export wrote it.
    pub timezone: Option<String>,
    /// Country column of the export.
    pub country: Option<String>,
    /// Subscribed at, unix seconds.
    pub subscribed_at: Option<i64>,
    /// Every recorded action: when, what, and the import that brought it, oldest first.
    pub history: Vec<(i64, InteractionKind, i64)>,
    /// The imports that brought its actions or last changed it: id, file, finished at.
    pub imports: Vec<(i64, String, Option<i64>)>,
}

impl Store {
    /// The contact with this id, with its history; `None` when there is none.
    pub fn contact_file(&self, id: i64) -> Result<Option<ContactFile>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT id, channel, page_id, psid, name, first_name, last_name, locale,
                        timezone, country, subscribed_at, import_id, last_at, last_kind
                 FROM contacts WHERE id = ?1",
                [id],
                |r| {
                    let name = super::contacts::display_name(
                        r.get::<_, Option<String>>(4)?.as_deref(),
                        r.get::<_, Option<String>>(5)?.as_deref(),
                        r.get::<_, Option<String>>(6)?.as_deref(),
                    );
                    let latest = r.get::<_, Option<i64>>(12)?.map(|at| {
                        (
                            at,
                            r.get_ref(13)
                                .ok()
                                .and_then(|k| k.as_str().ok())
                                .map(InteractionKind::parse_lenient),
                        )
                    });
                    Ok((
                        ContactFile {
                            id: r.get(0)?,
                            channel: r.get(1)?,
                            page_id: r.get(2)?,
                            psid: r.get(3)?,
                            name,
                            locale: r.get(7)?,
                            timezone: r.get(8)?,
                            country: r.get(9)?,
                            subscribed_at: r.get(10)?,
                            ..ContactFile::default()
                        },
                        r.get::<_, i64>(11)?,
                        latest,
                    ))
                },
            )
            .optional()?;
        let Some((mut file, last_import, latest)) = row else {
            return Ok(None);
        };
        let mut st = self.conn.prepare(
            "SELECT at, kind, import_id FROM interactions WHERE contact_id = ?1 ORDER BY at",
        )?;
        file.history = st
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    InteractionKind::parse_lenient(r.get_ref(1)?.as_str()?),
                    r.get(2)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        // The latest action lives on the contact's row; earlier ones in `interactions`.
        if let Some((at, kind)) = latest
            && !file.history.iter().any(|h| h.0 == at)
        {
            file.history
                .push((at, kind.unwrap_or(InteractionKind::Unknown), last_import));
            file.history.sort_by_key(|h| h.0);
        }
        let mut ids: Vec<i64> = file.history.iter().map(|h| h.2).collect();
        ids.push(last_import);
        ids.sort_unstable();
        ids.dedup();
        let mut st = self
            .conn
            .prepare_cached("SELECT id, file, finished_at FROM imports WHERE id = ?1")?;
        for import in ids {
            file.imports.extend(
                st.query_row([import], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?,
            );
        }
        Ok(Some(file))
    }

    /// Deletes a contact and its history; approved campaigns keep their own copy of what was
    /// sent to it. Returns whether there was such a contact.
    pub fn delete_contact(&self, id: i64) -> Result<bool, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM interactions WHERE contact_id = ?1", [id])?;
        let n = tx.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[test]
    fn a_contact_file_holds_its_history_and_goes_whole() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("a.csv");
        std::fs::write(
            &csv,
            "psid,first_name,last_interaction\n1,Anna,2026-11-20T10:00:00Z\n2,Bruno,2026-11-21T10:00:00Z\n",
        )
        .unwrap();
        let mut s = Store::open(&dir.path().join("v.db")).unwrap();
        let opts = crate::import::Options::default();
        let import = |s: &mut Store| {
            let p = crate::import::preview(&csv, &opts).unwrap();
            let cancel = std::sync::atomic::AtomicBool::new(false);
            crate::import::run(s, &p, &opts, 1_795_000_000, &cancel, &mut |_| {}).unwrap();
        };
        import(&mut s);
        std::fs::write(
            &csv,
            "psid,first_name,last_interaction\n1,Anna,2026-11-22T09:00:00Z\n",
        )
        .unwrap();
        import(&mut s);
        let id: i64 = s
            .conn()
            .query_row("SELECT id FROM contacts WHERE psid = '1'", [], |r| r.get(0))
            .unwrap();
        let f = s.contact_file(id).unwrap().unwrap();
        assert_eq!(f.name, "Anna");
        assert_eq!(f.history.len(), 2);
        assert!(f.history[0].0 < f.history[1].0);
        assert!(f.imports.iter().any(|i| i.1.ends_with("a.csv")));
        assert!(s.delete_contact(id).unwrap());
        assert!(s.contact_file(id).unwrap().is_none());
        let left: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM interactions WHERE contact_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        assert_eq!(s.contact_count().unwrap(), 1);
        assert!(!s.delete_contact(id).unwrap());
    }
}
