//! Contacts: the integer key, the import writer (insert, update, keep the latest interaction,
//! record earlier ones in the history) and the reads the window index and the GUI need.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::{OptionalExtension, Statement, Transaction, params};

use super::StoreError;
use crate::policy::{Channel, InteractionKind};

/// What identifies a contact: PSIDs are page-scoped.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContactKey {
    /// The channel.
    pub channel: Channel,
    /// The Page (or account, or number) the person talks to.
    pub page_id: String,
    /// The person's page-scoped ID.
    pub psid: String,
}

/// Folds bytes into a 64-bit state, eight at a time. Stable across builds and platforms
/// (little-endian words, fixed constants), because key hashes are stored on disk.
fn fold_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    let mut w = [0u8; 8];
    w[..rest.len()].copy_from_slice(rest);
    // The length keeps "ab" + "c" apart from "a" + "bc".
    (h ^ u64::from_le_bytes(w) ^ ((bytes.len() as u64) << 56))
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(29)
}

/// splitmix64's finaliser: every input bit reaches every output bit.
fn finish(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The first probe position of a key: 62 bits of a hash of channel, page and PSID.
pub fn key_hash(channel: Channel, page_id: &str, psid: &str) -> i64 {
    let mut h = 0x243f_6a88_85a3_08d3;
    for part in [channel.as_str(), page_id, psid] {
        h = fold_bytes(h, part.as_bytes());
    }
    let id = (finish(h) & ((1 << 62) - 1)) as i64;
    id.max(1)
}

/// The next probe position after a collision.
fn next_probe(id: i64) -> i64 {
    if id >= (1 << 62) - 1 { 1 } else { id + 1 }
}

/// One contact as an import delivers it, borrowed from the row it was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ContactRecord<'a> {
    /// The channel.
    pub channel: Option<Channel>,
    /// The Page.
    pub page_id: &'a str,
    /// The person's ID.
    pub psid: &'a str,
    /// Full name, when the export has one column for it.
    pub name: Option<&'a str>,
    /// First name.
    pub first_name: Option<&'a str>,
    /// Last name.
    pub last_name: Option<&'a str>,
    /// Locale, e.g. `it_IT`.
    pub locale: Option<&'a str>,
    /// The person's time zone (IANA name or offset as the export writes it).
    pub timezone: Option<&'a str>,
    /// The person's country: its ISO code when the export's cell named one, else the cell.
    pub country: Option<&'a str>,
    /// The latest user interaction, unix seconds.
    pub last_at: Option<i64>,
    /// What it was.
    pub last_kind: InteractionKind,
    /// When the person subscribed.
    pub subscribed_at: Option<i64>,
    /// When the person was last seen.
    pub last_seen_at: Option<i64>,
    /// Other columns, as a JSON object.
    pub extra: Option<&'a str>,
}

impl ContactRecord<'_> {
    /// The key hash and the content hash of the record.
    pub fn hashes(&self) -> (i64, i64) {
        (
            key_hash(
                self.channel.unwrap_or(Channel::Messenger),
                self.page_id,
                self.psid,
            ),
            self.content_hash(),
        )
    }

    fn content_hash(&self) -> i64 {
        let mut h = 0x1319_8a2e_0370_7344;
        for s in [
            self.name,
            self.first_name,
            self.last_name,
            self.locale,
            self.timezone,
            self.country,
            self.extra,
        ] {
            h = match s {
                Some(s) => fold_bytes(h, s.as_bytes()),
                None => fold_bytes(h, &[0xff]),
            };
        }
        for t in [self.subscribed_at, self.last_seen_at] {
            h = fold_bytes(h, &t.unwrap_or(i64::MIN).to_le_bytes());
        }
        finish(h) as i64
    }
}

/// The descriptive fields of a stored contact.
struct Details {
    /// Name, first name, last name, locale, time zone, country.
    text: [Option<String>; 6],
    subscribed_at: Option<i64>,
    last_seen_at: Option<i64>,
    extra: Option<String>,
}

impl Details {
    /// `r` merged into the stored contact the way an update stores it: a field the record
    /// leaves empty keeps its stored value.
    fn merge<'a>(&'a self, r: &ContactRecord<'a>) -> ContactRecord<'a> {
        let [name, first_name, last_name, locale, timezone, country] = &self.text;
        let first_name = r.first_name.or(first_name.as_deref());
        let last_name = r.last_name.or(last_name.as_deref());
        let name = match (r.name, name.as_deref()) {
            // A full name that only joins the stored first and last name adds nothing.
            (Some(n), None) if n == display_name(None, first_name, last_name) => None,
            (new, old) => new.or(old),
        };
        ContactRecord {
            name,
            first_name,
            last_name,
            locale: r.locale.or(locale.as_deref()),
            timezone: r.timezone.or(timezone.as_deref()),
            country: r.country.or(country.as_deref()),
            subscribed_at: r.subscribed_at.or(self.subscribed_at),
            last_seen_at: r.last_seen_at.max(self.last_seen_at),
            extra: r.extra.or(self.extra.as_deref()),
            ..*r
        }
    }
}

/// What an import did with one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new contact.
    Inserted,
    /// An existing contact changed (newer interaction or new details).
    Updated,
    /// Nothing changed (an older interaction only goes to the history).
    Unchanged,
}

/// Passes already-hashed keys through unchanged.
#[derive(Clone, Copy, Default)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = n as u64;
    }
}

/// Sets bit `id` of a bitmap of contact ids (ids are dense); true if it was set already.
fn mark(bits: &mut Vec<u64>, id: i64) -> bool {
    let (word, bit) = ((id.max(0) as u64 / 64) as usize, id.max(0) as u64 % 64);
    if bits.len() <= word {
        bits.resize(word + 1, 0);
    }
    let was = bits[word] & (1 << bit) != 0;
    bits[word] |= 1 << bit;
    was
}

/// What an import reads of a stored contact before merging a record into it.
struct Stored {
    last_at: Option<i64>,
    last_kind: String,
    content_hash: i64,
    last_seen_at: Option<i64>,
    import_id: i64,
}

impl Stored {
    /// The row before an update, as kept for undoing the import: every [`KEPT_COLUMNS`]
    /// value when the descriptive fields were read (they may change), else only the five an
    /// update changes when they stay the same ([`SHORT_KEPT_COLUMNS`]).
    fn image(&self, details: Option<&Details>) -> String {
        let v = match details {
            None => serde_json::json!([
                self.last_at,
                self.last_kind,
                self.last_seen_at,
                self.content_hash,
                self.import_id
            ]),
            Some(d) => {
                let [name, first, last, locale, zone, country] = &d.text;
                serde_json::json!([
                    name,
                    first,
                    last,
                    locale,
                    zone,
                    self.last_at,
                    self.last_kind,
                    d.subscribed_at,
                    self.last_seen_at,
                    d.extra,
                    self.content_hash,
                    self.import_id,
                    country
                ])
            }
        };
        v.to_string()
    }
}

/// The columns an update changes when a record's descriptive fields are those stored, in
/// the order of a short image (see [`Stored::image`]).
pub const SHORT_KEPT_COLUMNS: [&str; 5] = [
    "last_at",
    "last_kind",
    "last_seen_at",
    "content_hash",
    "import_id",
];

/// The columns an import may change, kept before it does so that it can be undone.
pub const KEPT_COLUMNS: [&str; 13] = [
    "name",
    "first_name",
    "last_name",
    "locale",
    "timezone",
    "last_at",
    "last_kind",
    "subscribed_at",
    "last_seen_at",
    "extra",
    "content_hash",
    "import_id",
    "country",
];

/// Writes contacts inside one import transaction. Keys are looked up in an in-memory map
/// of `key_hash → id` (16 bytes a contact), read once when the writer starts; new contacts
/// get the next ids and are appended, so the table grows in order and no index has to be
/// kept up to date row by row.
pub struct ContactWriter<'t> {
    import_id: i64,
    keys: HashMap<i64, i64, BuildHasherDefault<Passthrough>>,
    next_id: i64,
    /// Contacts this import has already seen, by id (ids are dense).
    seen: Vec<u64>,
    insert: Statement<'t>,
    select: Statement<'t>,
    update: Statement<'t>,
    details: Statement<'t>,
    history: Statement<'t>,
    keep: Statement<'t>,
    /// Contacts whose row before this import is kept already, by id.
    kept: Vec<u64>,
    /// Records that repeated a contact already seen in this import.
    pub repeated: u64,
}

impl<'t> ContactWriter<'t> {
    /// Prepares the statements for import `import_id` and reads the keys of every contact.
    /// `expected` new contacts are made room for up front (growing the map mid-import would
    /// briefly need twice its memory).
    pub fn new(
        tx: &'t Transaction<'t>,
        import_id: i64,
        expected: usize,
    ) -> Result<Self, StoreError> {
        let (n, max_id): (i64, i64) = tx.query_row(
            "SELECT count(*), coalesce(max(id), 0) FROM contacts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut keys =
            HashMap::with_capacity_and_hasher(n.max(0) as usize + expected, Default::default());
        {
            let mut st = tx.prepare("SELECT key_hash, id FROM contacts")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                keys.insert(r.get(0)?, r.get(1)?);
            }
        }
        Ok(ContactWriter {
            import_id,
            keys,
            next_id: max_id + 1,
            seen: Vec::with_capacity((max_id.max(0) as usize + expected) / 64 + 1),
            insert: tx.prepare(
                "INSERT INTO contacts (id, key_hash, channel, page_id, psid, name, first_name,
                     last_name, locale, timezone, last_at, last_kind, subscribed_at, last_seen_at,
                     extra, content_hash, import_id, country)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                         ?18)",
            )?,
            select: tx.prepare(
                "SELECT channel, page_id, psid, last_at, last_kind, content_hash, last_seen_at,
                     import_id
                 FROM contacts WHERE id = ?1",
            )?,
            update: tx.prepare(
                "UPDATE contacts SET
                     name = coalesce(?2, name), first_name = coalesce(?3, first_name),
                     last_name = coalesce(?4, last_name), locale = coalesce(?5, locale),
                     timezone = coalesce(?6, timezone), last_at = ?7, last_kind = ?8,
                     subscribed_at = coalesce(?9, subscribed_at),
                     last_seen_at = max(coalesce(?10, last_seen_at), coalesce(last_seen_at, ?10)),
                     extra = coalesce(?11, extra), content_hash = ?12, import_id = ?13,
                     country = coalesce(?14, country)
                 WHERE id = ?1",
            )?,
            details: tx.prepare(
                "SELECT name, first_name, last_name, locale, timezone, country, subscribed_at,
                     last_seen_at, extra
                 FROM contacts WHERE id = ?1",
            )?,
            history: tx.prepare(
                "INSERT OR IGNORE INTO interactions (contact_id, at, kind, import_id)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            // The row as it was before this import first changed it (for undoing it).
            keep: tx.prepare(
                "INSERT INTO import_changes (import_id, contact_id, before) VALUES (?1, ?2, ?3)",
            )?,
            kept: Vec::new(),
            repeated: 0,
        })
    }

    /// Marks contact `id` as seen by this import; true if it already was.
    fn mark_seen(&mut self, id: i64) -> bool {
        mark(&mut self.seen, id)
    }

    /// Inserts or updates one contact, keeping its latest interaction and recording older
    /// ones in the history.
    pub fn upsert(&mut self, r: &ContactRecord<'_>) -> Result<Outcome, StoreError> {
        self.upsert_hashed(r, r.hashes())
    }

    /// [`ContactWriter::upsert`] with the record's hashes already computed (an import
    /// computes them on its parsing thread).
    pub fn upsert_hashed(
        &mut self,
        r: &ContactRecord<'_>,
        (key, hash): (i64, i64),
    ) -> Result<Outcome, StoreError> {
        let channel = r.channel.unwrap_or(Channel::Messenger);
        let mut probe = key;
        loop {
            let Some(&id) = self.keys.get(&probe) else {
                let id = self.next_id;
                self.append(id, probe, channel, r, hash)?;
                self.next_id += 1;
                self.keys.insert(probe, id);
                self.mark_seen(id);
                return Ok(Outcome::Inserted);
            };
            let (same, stored) = self.select.query_row([id], |row| {
                let same = row.get_ref(0)?.as_str()? == channel.as_str()
                    && row.get_ref(1)?.as_str()? == r.page_id
                    && row.get_ref(2)?.as_str()? == r.psid;
                Ok((
                    same,
                    Stored {
                        last_at: row.get(3)?,
                        last_kind: row.get(4)?,
                        content_hash: row.get(5)?,
                        last_seen_at: row.get(6)?,
                        import_id: row.get(7)?,
                    },
                ))
            })?;
            if !same {
                probe = next_probe(probe);
                continue;
            }
            if self.mark_seen(id) {
                self.repeated += 1;
            }
            return self.merge(id, r, hash, &stored);
        }
    }

    /// Appends a new contact. Binding parameters one by one skips the checks `execute`
    /// repeats for every row; it is the hot path of a million-row import.
    fn append(
        &mut self,
        id: i64,
        probe: i64,
        channel: Channel,
        r: &ContactRecord<'_>,
        hash: i64,
    ) -> Result<(), StoreError> {
        let st = &mut self.insert;
        st.raw_bind_parameter(1, id)?;
        st.raw_bind_parameter(2, probe)?;
        st.raw_bind_parameter(3, channel.as_str())?;
        st.raw_bind_parameter(4, r.page_id)?;
        st.raw_bind_parameter(5, r.psid)?;
        st.raw_bind_parameter(6, r.name)?;
        st.raw_bind_parameter(7, r.first_name)?;
        st.raw_bind_parameter(8, r.last_name)?;
        st.raw_bind_parameter(9, r.locale)?;
        st.raw_bind_parameter(10, r.timezone)?;
        st.raw_bind_parameter(11, r.last_at)?;
        st.raw_bind_parameter(12, r.last_kind.as_str())?;
        st.raw_bind_parameter(13, r.subscribed_at)?;
        st.raw_bind_parameter(14, r.last_seen_at)?;
        st.raw_bind_parameter(15, r.extra)?;
        st.raw_bind_parameter(16, hash)?;
        st.raw_bind_parameter(17, self.import_id)?;
        st.raw_bind_parameter(18, r.country)?;
        st.raw_execute()?;
        Ok(())
    }

    /// What is stored of contact `id` besides its key and interaction.
    fn details(&mut self, id: i64) -> Result<Details, StoreError> {
        Ok(self.details.query_row([id], |row| {
            Ok(Details {
                text: [
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ],
                subscribed_at: row.get(6)?,
                last_seen_at: row.get(7)?,
                extra: row.get(8)?,
            })
        })?)
    }

    fn merge(
        &mut self,
        id: i64,
        r: &ContactRecord<'_>,
        hash: i64,
        stored: &Stored,
    ) -> Result<Outcome, StoreError> {
        let (old_at, old_kind, old_hash) = (
            stored.last_at,
            stored.last_kind.as_str(),
            stored.content_hash,
        );
        if let (Some(new), Some(old)) = (r.last_at, old_at)
            && new < old
        {
            // An older interaction: history only; the contact keeps its newer details.
            self.history
                .execute(params![id, new, r.last_kind.as_str(), self.import_id])?;
            return Ok(Outcome::Unchanged);
        }
        let newer = match (r.last_at, old_at) {
            (Some(new), Some(old)) => new > old,
            (Some(_), None) => true,
            _ => false,
        };
        // A record that leaves fields empty which the contact has, or repeats its name as
        // first and last name joined (Ventana's own send lists), changes nothing.
        let old = if hash == old_hash {
            None
        } else {
            Some(self.details(id)?)
        };
        // Before the import's first change to the contact, its row as it was.
        if (newer || old.is_some()) && !mark(&mut self.kept, id) {
            let before = stored.image(old.as_ref());
            self.keep.execute(params![self.import_id, id, before])?;
        }
        let merged = old.as_ref().map(|o| o.merge(r));
        let (r, hash) = match &merged {
            Some(m) => (m, m.content_hash()),
            None => (r, hash),
        };
        if newer {
            if let Some(old) = old_at {
                self.history
                    .execute(params![id, old, old_kind, self.import_id])?;
            }
            self.update_row(id, r, r.last_at, r.last_kind.as_str(), hash)?;
            return Ok(Outcome::Updated);
        }
        if hash != old_hash {
            self.update_row(id, r, old_at, old_kind, hash)?;
            return Ok(Outcome::Updated);
        }
        Ok(Outcome::Unchanged)
    }

    fn update_row(
        &mut self,
        id: i64,
        r: &ContactRecord<'_>,
        at: Option<i64>,
        kind: &str,
        hash: i64,
    ) -> Result<(), StoreError> {
        self.update.execute(params![
            id,
            r.name,
            r.first_name,
            r.last_name,
            r.locale,
            r.timezone,
            at,
            kind,
            r.subscribed_at,
            r.last_seen_at,
            r.extra,
            hash,
            self.import_id,
            r.country,
        ])?;
        Ok(())
    }
}

/// What the window index needs of a contact.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexRow {
    /// Contact id.
    pub id: i64,
    /// Channel.
    pub channel: Channel,
    /// Page.
    pub page_id: String,
    /// Locale.
    pub locale: Option<String>,
    /// Time zone, as the export wrote it.
    pub timezone: Option<String>,
    /// Latest interaction.
    pub last_at: Option<i64>,
    /// Its kind.
    pub last_kind: InteractionKind,
    /// The export's country column, when it had a valid one.
    pub country: Option<crate::policy::Country>,
}

/// A contact as the contacts table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactRow {
    /// Contact id.
    pub id: i64,
    /// The key.
    pub key: ContactKey,
    /// Display name.
    pub name: String,
    /// Locale.
    pub locale: Option<String>,
    /// Time zone.
    pub timezone: Option<String>,
    /// Latest interaction.
    pub last_at: Option<i64>,
    /// Its kind.
    pub last_kind: InteractionKind,
}

/// The name to show: the export's full name, else first and last name joined.
pub fn display_name(name: Option<&str>, first: Option<&str>, last: Option<&str>) -> String {
    match name.filter(|n| !n.trim().is_empty()) {
        Some(n) => n.to_string(),
        None => [first, last]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn channel_of(s: &str) -> Channel {
    s.parse().unwrap_or(Channel::Messenger)
}

impl super::Store {
    /// Number of contacts.
    pub fn contact_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get::<_, i64>(0))?
            .max(0) as u64)
    }

    /// Calls `f` for every contact, in id order (the window index is built from this).
    pub fn each_index_row(&self, mut f: impl FnMut(IndexRow)) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(
            "SELECT id, channel, page_id, locale, last_at, last_kind, timezone, country
             FROM contacts ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            f(IndexRow {
                id: r.get(0)?,
                channel: channel_of(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?),
                page_id: r.get(2)?,
                locale: r.get(3)?,
                last_at: r.get(4)?,
                last_kind: InteractionKind::parse_lenient(
                    r.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?,
                ),
                timezone: r.get(6)?,
                country: r.get::<_, Option<String>>(7)?.and_then(|c| c.parse().ok()),
            });
        }
        Ok(())
    }

    /// Calls `f` for every earlier interaction (contact id, time, kind), by contact.
    pub fn each_history(
        &self,
        mut f: impl FnMut(i64, i64, InteractionKind),
    ) -> Result<(), StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT contact_id, at, kind FROM interactions ORDER BY contact_id, at")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            f(
                r.get(0)?,
                r.get(1)?,
                InteractionKind::parse_lenient(
                    r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?,
                ),
            );
        }
        Ok(())
    }

    /// The contacts with these ids (for the visible rows of a table), in the given order.
    pub fn contacts_by_id(&self, ids: &[i64]) -> Result<Vec<ContactRow>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, channel, page_id, psid, name, first_name, last_name, locale, timezone,
                    last_at, last_kind
             FROM contacts WHERE id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row = st
                .query_row([id], |r| {
                    let name = display_name(
                        r.get::<_, Option<String>>(4)?.as_deref(),
                        r.get::<_, Option<String>>(5)?.as_deref(),
                        r.get::<_, Option<String>>(6)?.as_deref(),
                    );
                    Ok(ContactRow {
                        id: r.get(0)?,
                        key: ContactKey {
                            channel: channel_of(r.get_ref(1)?.as_str()?),
                            page_id: r.get(2)?,
                            psid: r.get(3)?,
                        },
                        name,
                        locale: r.get(7)?,
                        timezone: r.get(8)?,
                        last_at: r.get(9)?,
                        last_kind: InteractionKind::parse_lenient(r.get_ref(10)?.as_str()?),
                    })
                })
                .optional()?;
            out.extend(row);
        }
        Ok(out)
    }

    /// Deletes the contacts of these Pages and their history; returns how many went.
    pub fn remove_pages(&self, pages: &[&str]) -> Result<u64, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let mut n = 0;
        for page in pages {
            tx.execute(
                "DELETE FROM interactions WHERE contact_id IN
                     (SELECT id FROM contacts WHERE page_id = ?1)",
                [page],
            )?;
            n += tx.execute("DELETE FROM contacts WHERE page_id = ?1", [page])? as u64;
            tx.execute("DELETE FROM pages WHERE id = ?1", [page])?;
        }
        tx.commit()?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ImportMeta, Store};

    fn record<'a>(psid: &'a str, at: Option<i64>, name: &'a str) -> ContactRecord<'a> {
        ContactRecord {
            channel: Some(Channel::Messenger),
            page_id: "100",
            psid,
            name: Some(name),
            last_at: at,
            last_kind: InteractionKind::Message,
            ..ContactRecord::default()
        }
    }

    #[test]
    fn key_hash_is_stable_and_positive() {
        // Stored on disk: this value must never change.
        assert_eq!(
            key_hash(Channel::Messenger, "100", "123"),
            key_hash(Channel::Messenger, "100", "123")
        );
        assert_ne!(
            key_hash(Channel::Messenger, "100", "123"),
            key_hash(Channel::Messenger, "1001", "23")
        );
        assert_eq!(
            key_hash(Channel::Messenger, "1", "2"),
            2_188_435_565_840_871_663
        );
        assert!(key_hash(Channel::Whatsapp, "", "") > 0);
        assert_eq!(next_probe((1 << 62) - 1), 1);
    }

    #[test]
    fn upserts_keep_the_latest_interaction_and_the_history() {
        let mut store = Store::in_memory().unwrap();
        let tx = store.conn_mut().transaction().unwrap();
        let import = ImportMeta::test(&tx);
        let mut w = ContactWriter::new(&tx, import, 10).unwrap();
        assert_eq!(
            w.upsert(&record("1", Some(100), "Anna")).unwrap(),
            Outcome::Inserted
        );
        assert_eq!(
            w.upsert(&record("1", Some(100), "Anna")).unwrap(),
            Outcome::Unchanged
        );
        assert_eq!(w.repeated, 1);
        assert_eq!(
            w.upsert(&record("1", Some(200), "Anna")).unwrap(),
            Outcome::Updated
        );
        assert_eq!(
            w.upsert(&record("1", Some(50), "Anna B")).unwrap(),
            Outcome::Unchanged
        );
        assert_eq!(
            w.upsert(&record("1", None, "Anna B")).unwrap(),
            Outcome::Updated
        );
        // A file that lacks the name column (an audience file) changes nothing.
        let no_name = ContactRecord {
            name: None,
            ..record("1", None, "")
        };
        assert_eq!(w.upsert(&no_name).unwrap(), Outcome::Unchanged);
        assert_eq!(
            w.upsert(&record("1", Some(200), "Anna B")).unwrap(),
            Outcome::Unchanged
        );
        drop(w);
        tx.commit().unwrap();
        let (at, name): (i64, String) = store
            .conn()
            .query_row("SELECT last_at, name FROM contacts", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((at, name.as_str()), (200, "Anna B"));
        let mut history = Vec::new();
        store.each_history(|_, at, _| history.push(at)).unwrap();
        assert_eq!(history, [50, 100]);
    }

    #[test]
    fn a_hash_collision_probes_to_the_next_id() {
        let mut store = Store::in_memory().unwrap();
        let tx = store.conn_mut().transaction().unwrap();
        let import = ImportMeta::test(&tx);
        // Occupy the slot of ("100", "2") with a different contact.
        let slot = key_hash(Channel::Messenger, "100", "2");
        tx.execute(
            "INSERT INTO contacts (key_hash, channel, page_id, psid, content_hash, import_id)
             VALUES (?1, 'messenger', 'other', 'x', 0, 0)",
            [slot],
        )
        .unwrap();
        let mut w = ContactWriter::new(&tx, import, 10).unwrap();
        assert_eq!(
            w.upsert(&record("2", Some(1), "B")).unwrap(),
            Outcome::Inserted
        );
        assert_eq!(
            w.upsert(&record("2", Some(2), "B")).unwrap(),
            Outcome::Updated
        );
        drop(w);
        let ids: Vec<i64> = tx
            .prepare("SELECT key_hash FROM contacts ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(ids, [slot, slot + 1]);
    }
}
