//! One export row → one contact record, or the reason why not.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::mapping::{Field, Mapping};
use super::source::{BadRow, Cells};
use super::time::{self, TimeError, TimeFormat};
use crate::i18n::{Arg, Lang, say};
use crate::policy::{Channel, InteractionKind};
use crate::store::ContactRecord;

/// Why a row was rejected. Stored as JSON with the row, so the Imports tab says it in the
/// language the user reads now rather than the one of the import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The ID cell is empty.
    NoId {
        /// The ID column's header.
        column: String,
    },
    /// An ID a spreadsheet turned into a rounded number.
    MangledId {
        /// The ID as read.
        id: String,
        /// The ID column's header.
        column: String,
    },
    /// A channel that is neither Messenger nor Instagram.
    Channel {
        /// The cell.
        channel: String,
    },
    /// A time cell its column's format cannot read.
    Time {
        /// The field.
        field: Field,
        /// What is wrong.
        error: TimeError,
    },
    /// A row that cannot be read as one.
    Row(BadRow),
}

impl RejectReason {
    /// The reason as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        let quoted = |s: &str| Arg::from(format!("{s:?}"));
        match self {
            RejectReason::NoId { column } => {
                say(lang, "reject-no-id", &[("column", quoted(column))])
            }
            RejectReason::MangledId { id, column } => say(
                lang,
                "reject-mangled-id",
                &[("id", quoted(id)), ("column", quoted(column))],
            ),
            RejectReason::Channel { channel } => {
                say(lang, "reject-channel", &[("channel", quoted(channel))])
            }
            RejectReason::Time { field, error } => say(
                lang,
                "reject-field",
                &[
                    ("field", field.as_str().into()),
                    ("detail", error.sentence(lang).into()),
                ],
            ),
            RejectReason::Row(bad) => bad.sentence(lang),
        }
    }

    /// The form kept in the database.
    pub fn stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.sentence(Lang::En))
    }

    /// A stored reason as a sentence in `lang`; a reason stored as a sentence (by an older
    /// version) is given as it is.
    pub fn read_stored(stored: &str, lang: Lang) -> String {
        serde_json::from_str::<RejectReason>(stored)
            .map_or_else(|_| stored.to_string(), |r| r.sentence(lang))
    }
}

/// How to read the rows of one file: the mapping, each time column's format and zone, and
/// the defaults for what the file does not say.
#[derive(Clone, Debug)]
pub struct RowReader {
    /// Headers of the file.
    pub headers: Vec<String>,
    /// Field → column.
    pub mapping: Mapping,
    /// Time format and zone of each mapped time field.
    pub times: Vec<(Field, TimeFormat, Tz)>,
    /// The field whose time opens the window.
    pub window_field: Option<Field>,
    /// Channel for rows that do not name one.
    pub channel: Channel,
    /// Page for rows that do not name one.
    pub page_id: String,
    /// Column of each field, by `Field as usize` (a row's hot path avoids map lookups).
    columns: [Option<usize>; Field::ALL.len()],
    /// Unmapped columns and their keys written as JSON strings, for the extras object.
    extra_keys: Vec<(usize, String)>,
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A cell as it was before an export made it safe for spreadsheets: `'=x` → `=x` (the
/// apostrophe Ventana and others put before a cell that would be a formula).
fn unneutralise(v: &str) -> &str {
    match v.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => &v[1..],
        _ => v,
    }
}

/// Spreadsheets turn long IDs into numbers and lose digits: 1.23457E+16, 1234567890123456.0.
fn mangled_id(id: &str) -> bool {
    let upper = id.to_ascii_uppercase();
    (upper.contains("E+") && id.chars().next().is_some_and(|c| c.is_ascii_digit()))
        || (id.ends_with(".0") && id[..id.len() - 2].chars().all(|c| c.is_ascii_digit()))
}

impl RowReader {
    /// A reader for `headers` mapped by `mapping`.
    pub fn new(
        headers: Vec<String>,
        mapping: Mapping,
        times: Vec<(Field, TimeFormat, Tz)>,
        channel: Channel,
        page_id: String,
    ) -> RowReader {
        let mut columns = [None; Field::ALL.len()];
        for (i, f) in Field::ALL.iter().enumerate() {
            columns[i] = mapping.get(*f);
        }
        let extra_keys = headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !mapping.is_mapped(*i))
            .map(|(i, h)| {
                let mut k = String::new();
                json_string(&mut k, h);
                (i, k)
            })
            .collect();
        RowReader {
            window_field: mapping.window_field(),
            headers,
            mapping,
            times,
            channel,
            page_id,
            columns,
            extra_keys,
        }
    }

    fn cell<'a>(&self, cells: Cells<'a>, f: Field) -> Option<&'a str> {
        let i = self.columns.get(f as usize).copied().flatten()?;
        let v = unneutralise(cells.get(i)?.trim());
        (!v.is_empty()).then_some(v)
    }

    /// Turns one row into a contact record, or a reason to reject it. The record borrows
    /// from the row, from `self`, and from `scratch`, which holds the extras' JSON.
    pub fn record<'r>(
        &'r self,
        cells: Cells<'r>,
        extra: &[(String, String)],
        scratch: &'r mut String,
    ) -> Result<ContactRecord<'r>, RejectReason> {
        let column = || self.header_of(Field::Psid).to_string();
        let psid = self
            .cell(cells, Field::Psid)
            .ok_or_else(|| RejectReason::NoId { column: column() })?;
        if mangled_id(psid) {
            return Err(RejectReason::MangledId {
                id: psid.to_string(),
                column: column(),
            });
        }
        let channel = match self.cell(cells, Field::Channel) {
            Some(c) => c.parse().map_err(|_: String| RejectReason::Channel {
                channel: c.to_string(),
            })?,
            None => self.channel,
        };
        let text = |f: Field| self.cell(cells, f);
        let mut r = ContactRecord {
            channel: Some(channel),
            page_id: text(Field::PageId).unwrap_or(&self.page_id),
            psid,
            name: text(Field::Name),
            first_name: text(Field::FirstName),
            last_name: text(Field::LastName),
            locale: text(Field::Locale),
            timezone: text(Field::Timezone),
            country: text(Field::Country)
                .map(|c| crate::policy::Country::of_cell(c).map_or(c, |k| k.code())),
            last_kind: self
                .cell(cells, Field::InteractionKind)
                .map_or(InteractionKind::Unknown, InteractionKind::parse_lenient),
            ..ContactRecord::default()
        };
        for (field, format, zone) in &self.times {
            let Some(value) = self.cell(cells, *field) else {
                continue;
            };
            let t = time::parse(value, *format, *zone).map_err(|error| RejectReason::Time {
                field: *field,
                error,
            })?;
            match field {
                Field::LastInteraction => r.last_at = t,
                Field::LastSeen => r.last_seen_at = t,
                Field::Subscribed => r.subscribed_at = t,
                _ => {}
            }
        }
        r.last_at = match self.window_field {
            Some(Field::LastSeen) => r.last_seen_at,
            Some(Field::Subscribed) => r.subscribed_at,
            _ => r.last_at,
        };
        self.extras(cells, extra, scratch);
        r.extra = (!scratch.is_empty()).then_some(scratch.as_str());
        Ok(r)
    }

    fn header_of(&self, f: Field) -> &str {
        self.mapping
            .get(f)
            .and_then(|i| self.headers.get(i))
            .map_or("ID", String::as_str)
    }

    /// The columns no field took, as a JSON object in `out` (empty values left out; `out`
    /// stays empty when there are none).
    fn extras(&self, cells: Cells<'_>, extra: &[(String, String)], out: &mut String) {
        out.clear();
        let mut push = |key: &str, v: &str, quoted: bool| {
            if v.trim().is_empty() {
                return;
            }
            out.push(if out.is_empty() { '{' } else { ',' });
            if quoted {
                out.push_str(key);
            } else {
                json_string(out, key);
            }
            out.push(':');
            json_string(out, v);
        };
        for (i, key) in &self.extra_keys {
            if let Some(v) = cells.get(*i) {
                push(key, v, true);
            }
        }
        for (k, v) in extra {
            push(k, v, false);
        }
        if !out.is_empty() {
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(headers: &[&str]) -> RowReader {
        let headers: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        let mapping = Mapping::detect(&headers, &[]).unwrap();
        RowReader::new(
            headers,
            mapping,
            vec![(Field::LastInteraction, TimeFormat::Offset, chrono_tz::UTC)],
            Channel::Messenger,
            "p1".into(),
        )
    }

    fn row(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_row_becomes_a_record_with_extras() {
        let r = reader(&["id", "first_name", "last_interaction", "email", "tags"]);
        let mut scratch = String::new();
        let cells = row(&[
            "12345678901234567",
            "Anna",
            "2025-06-02T10:00:00Z",
            "a@x.it",
            "",
        ]);
        let c = r.record(Cells::List(&cells), &[], &mut scratch).unwrap();
        assert_eq!(c.psid, "12345678901234567");
        assert_eq!(c.page_id, "p1");
        assert_eq!(c.last_at, Some(1_748_858_400));
        assert_eq!(c.extra, Some(r#"{"email":"a@x.it"}"#));
    }

    #[test]
    fn cells_an_export_made_safe_read_as_they_were() {
        let r = reader(&["id", "first_name", "last_name", "country"]);
        let mut scratch = String::new();
        let cells = row(&["'-1", "'=HYPERLINK(1)", "'O'Brien", "Italia"]);
        let c = r.record(Cells::List(&cells), &[], &mut scratch).unwrap();
        assert_eq!(c.psid, "-1");
        assert_eq!(c.first_name, Some("=HYPERLINK(1)"));
        assert_eq!(c.last_name, Some("'O'Brien"));
        assert_eq!(c.country, Some("IT"));
    }

    #[test]
    fn bad_rows_get_a_reason() {
        let r = reader(&["id", "last_interaction"]);
        let mut s = String::new();
        let mut reason = |cells: &[&str]| {
            r.record(Cells::List(&row(cells)), &[], &mut s)
                .unwrap_err()
                .sentence(Lang::En)
        };
        let e = reason(&["", "2025-06-02T10:00:00Z"]);
        assert!(e.contains("no contact ID"), "{e}");
        let e = reason(&["1.23457E+16", ""]);
        assert!(e.contains("lost digits"), "{e}");
        let e = reason(&["1", "yesterday"]);
        assert!(e.starts_with("last_interaction: "), "{e}");
        assert!(
            r.record(Cells::List(&row(&["1", "false"])), &[], &mut s)
                .unwrap()
                .last_at
                .is_none()
        );
    }

    #[test]
    fn a_stored_reason_is_read_in_the_language_of_the_moment() {
        let r = reader(&["id", "last_interaction"]);
        let mut s = String::new();
        for cells in [["", "2025-06-02T10:00:00Z"], ["1", "31/02/2025"]] {
            let reason = r
                .record(Cells::List(&row(&cells)), &[], &mut s)
                .unwrap_err();
            let stored = reason.stored();
            for lang in Lang::ALL {
                assert_eq!(
                    RejectReason::read_stored(&stored, lang),
                    reason.sentence(lang)
                );
            }
            assert_ne!(reason.sentence(Lang::It), reason.sentence(Lang::En));
        }
        let bad = RejectReason::Row(BadRow::Ragged {
            line: 4,
            found: 2,
            width: 3,
            delimiter: ';',
        });
        assert_eq!(
            RejectReason::read_stored(&bad.stored(), Lang::Es),
            bad.sentence(Lang::Es)
        );
        // A reason an older version stored as a sentence is shown as it is.
        let old = "Line 3: the ID cell is empty.";
        assert_eq!(RejectReason::read_stored(old, Lang::It), old);
    }
}
