//! One export row → one contact record, or a sentence saying why not.

use chrono_tz::Tz;

use super::mapping::{Field, Mapping};
use super::time::{self, TimeFormat};
use crate::policy::{Channel, InteractionKind};
use crate::store::ContactRecord;

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
}

fn cell<'a>(cells: &'a [String], m: &Mapping, f: Field) -> Option<&'a str> {
    let v = cells.get(m.get(f)?)?.trim();
    (!v.is_empty()).then_some(v)
}

/// Spreadsheets turn long IDs into numbers and lose digits: 1.23457E+16, 1234567890123456.0.
fn mangled_id(id: &str) -> bool {
    let upper = id.to_ascii_uppercase();
    (upper.contains("E+") && id.chars().next().is_some_and(|c| c.is_ascii_digit()))
        || (id.ends_with(".0") && id[..id.len() - 2].chars().all(|c| c.is_ascii_digit()))
}

impl RowReader {
    /// Turns one row into a contact record, or a reason to reject it.
    pub fn record(
        &self,
        cells: &[String],
        extra: &[(String, String)],
    ) -> Result<ContactRecord, String> {
        let m = &self.mapping;
        let id_header = m
            .get(Field::Psid)
            .and_then(|i| self.headers.get(i))
            .map_or("ID", String::as_str);
        let psid = cell(cells, m, Field::Psid)
            .ok_or_else(|| format!("no contact ID in column {id_header:?}"))?;
        if mangled_id(psid) {
            return Err(format!(
                "the ID {psid:?} in column {id_header:?} was turned into a number by a spreadsheet \
                 and has lost digits; export again with that column formatted as text"
            ));
        }
        let channel = match cell(cells, m, Field::Channel) {
            Some(c) => c.parse().map_err(|e: String| format!("channel: {e}"))?,
            None => self.channel,
        };
        let mut r = ContactRecord {
            channel: Some(channel),
            page_id: cell(cells, m, Field::PageId)
                .map_or_else(|| self.page_id.clone(), str::to_string),
            psid: psid.to_string(),
            name: cell(cells, m, Field::Name).map(str::to_string),
            first_name: cell(cells, m, Field::FirstName).map(str::to_string),
            last_name: cell(cells, m, Field::LastName).map(str::to_string),
            locale: cell(cells, m, Field::Locale).map(str::to_string),
            timezone: cell(cells, m, Field::Timezone).map(str::to_string),
            last_kind: cell(cells, m, Field::InteractionKind)
                .map_or(InteractionKind::Unknown, InteractionKind::parse_lenient),
            ..ContactRecord::default()
        };
        for (field, format, zone) in &self.times {
            let Some(value) = cell(cells, m, *field) else {
                continue;
            };
            let t = time::parse(value, *format, *zone).map_err(|e| format!("{field}: {e}"))?;
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
        r.extra = extras(&self.headers, m, cells, extra);
        Ok(r)
    }
}

/// The columns no field took, as a JSON object (empty values left out).
fn extras(
    headers: &[String],
    m: &Mapping,
    cells: &[String],
    extra: &[(String, String)],
) -> Option<String> {
    let mut out = String::new();
    let mut push = |k: &str, v: &str| {
        if v.trim().is_empty() {
            return;
        }
        out.push(if out.is_empty() { '{' } else { ',' });
        out.push_str(&serde_json::Value::from(k).to_string());
        out.push(':');
        out.push_str(&serde_json::Value::from(v).to_string());
    };
    for (i, (h, v)) in headers.iter().zip(cells).enumerate() {
        if !m.is_mapped(i) {
            push(h, v);
        }
    }
    for (k, v) in extra {
        push(k, v);
    }
    if out.is_empty() {
        None
    } else {
        out.push('}');
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(headers: &[&str]) -> RowReader {
        let headers: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        let mapping = Mapping::detect(&headers, &[]).unwrap();
        RowReader {
            times: vec![(Field::LastInteraction, TimeFormat::Offset, chrono_tz::UTC)],
            window_field: mapping.window_field(),
            headers,
            mapping,
            channel: Channel::Messenger,
            page_id: "p1".into(),
        }
    }

    fn row(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_row_becomes_a_record_with_extras() {
        let r = reader(&["id", "first_name", "last_interaction", "email", "tags"]);
        let c = r
            .record(
                &row(&[
                    "12345678901234567",
                    "Anna",
                    "2025-06-02T10:00:00Z",
                    "a@x.it",
                    "",
                ]),
                &[],
            )
            .unwrap();
        assert_eq!(c.psid, "12345678901234567");
        assert_eq!(c.page_id, "p1");
        assert_eq!(c.last_at, Some(1_748_858_400));
        assert_eq!(c.extra.as_deref(), Some(r#"{"email":"a@x.it"}"#));
    }

    #[test]
    fn bad_rows_get_a_reason() {
        let r = reader(&["id", "last_interaction"]);
        let e = r
            .record(&row(&["", "2025-06-02T10:00:00Z"]), &[])
            .unwrap_err();
        assert!(e.contains("no contact ID"), "{e}");
        let e = r.record(&row(&["1.23457E+16", ""]), &[]).unwrap_err();
        assert!(e.contains("lost digits"), "{e}");
        let e = r.record(&row(&["1", "yesterday"]), &[]).unwrap_err();
        assert!(e.starts_with("last_interaction: "), "{e}");
        assert!(
            r.record(&row(&["1", "false"]), &[])
                .unwrap()
                .last_at
                .is_none()
        );
    }
}
