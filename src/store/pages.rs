//! Pages: the business accounts contacts write to, with the facts routes depend on — the
//! Page's country, its username for m.me links, its default time zone.

use rusqlite::params;

use super::{Store, StoreError};
use crate::policy::Country;

/// A Page as the Pages table keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct PageRow {
    /// The page id contacts carry.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Username, for `https://m.me/<username>` links.
    pub username: Option<String>,
    /// Where the Page (the business) is.
    pub country: Option<Country>,
    /// Its default time zone (IANA name).
    pub timezone: Option<String>,
    /// Contacts of the Page.
    pub contacts: u64,
}

/// A change to a Page: fields left `None` stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageEdit {
    /// New name.
    pub name: Option<String>,
    /// New username.
    pub username: Option<String>,
    /// New country.
    pub country: Option<Country>,
    /// New default time zone.
    pub timezone: Option<String>,
}

fn country_of(s: Option<String>) -> Option<Country> {
    s.and_then(|c| c.parse().ok())
}

impl Store {
    /// Every Page: those in the Pages table and those contacts refer to, by id.
    pub fn pages(&self) -> Result<Vec<PageRow>, StoreError> {
        let mut st = self.conn.prepare(
            "WITH ids AS (SELECT id FROM pages UNION SELECT DISTINCT page_id FROM contacts),
                  counts AS (SELECT page_id, COUNT(*) AS n FROM contacts GROUP BY page_id)
             SELECT ids.id, p.name, p.username, p.country, p.timezone, COALESCE(c.n, 0)
             FROM ids LEFT JOIN pages p ON p.id = ids.id
                      LEFT JOIN counts c ON c.page_id = ids.id
             ORDER BY ids.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(PageRow {
                id: r.get(0)?,
                name: r.get(1)?,
                username: r.get(2)?,
                country: country_of(r.get(3)?),
                timezone: r.get(4)?,
                contacts: r.get::<_, i64>(5)?.max(0) as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether any contact belongs to Page `id`.
    pub fn has_contacts_of(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE page_id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// The rows of the Pages table alone (no contact counts): cheap at any size.
    pub fn page_table(&self) -> Result<Vec<PageRow>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, name, username, country, timezone FROM pages ORDER BY id")?;
        let rows = st.query_map([], |r| {
            Ok(PageRow {
                id: r.get(0)?,
                name: r.get(1)?,
                username: r.get(2)?,
                country: country_of(r.get(3)?),
                timezone: r.get(4)?,
                contacts: 0,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One Page, if the table or a contact knows it.
    pub fn page(&self, id: &str) -> Result<Option<PageRow>, StoreError> {
        Ok(self.pages()?.into_iter().find(|p| p.id == id))
    }

    /// Creates or changes a Page; fields of `edit` left `None` keep their value.
    pub fn set_page(&self, id: &str, edit: &PageEdit) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO pages (id, name, username, country, timezone)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET
                 name = COALESCE(excluded.name, name),
                 username = COALESCE(excluded.username, username),
                 country = COALESCE(excluded.country, country),
                 timezone = COALESCE(excluded.timezone, timezone)",
            params![
                id,
                edit.name,
                edit.username,
                edit.country.map(|c| c.code().to_string()),
                edit.timezone,
            ],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_merge_the_table_and_the_contacts() {
        let s = Store::in_memory().unwrap();
        s.conn()
            .execute_batch(
                "INSERT INTO contacts (key_hash, channel, page_id, psid, content_hash, import_id)
                 VALUES (1, 'messenger', 'p1', 'a', 0, 1), (2, 'messenger', 'p1', 'b', 0, 1);",
            )
            .unwrap();
        let it: Country = "IT".parse().unwrap();
        s.set_page(
            "p2",
            &PageEdit {
                name: Some("Bottega".into()),
                ..PageEdit::default()
            },
        )
        .unwrap();
        s.set_page(
            "p1",
            &PageEdit {
                country: Some(it),
                ..PageEdit::default()
            },
        )
        .unwrap();
        s.set_page(
            "p1",
            &PageEdit {
                username: Some("bottega".into()),
                ..PageEdit::default()
            },
        )
        .unwrap();
        let pages = s.pages().unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].id, "p1");
        assert_eq!(pages[0].country, Some(it), "a later edit keeps the country");
        assert_eq!(pages[0].username.as_deref(), Some("bottega"));
        assert_eq!(pages[0].contacts, 2);
        assert_eq!(pages[1].name.as_deref(), Some("Bottega"));
        assert_eq!(pages[1].contacts, 0);
    }
}
