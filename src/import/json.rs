//! JSON exports, streamed object by object: an array of subscriber objects, the same array
//! wrapped in an object (`{"data": [...]}`, as APIs answer), a single wrapped object, or
//! JSON lines. Values become the text cells the column mapping reads.

use std::io::{BufRead, BufReader, Read};

use crate::i18n::{Lang, say};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One object of the file, or why an element is not one.
#[derive(Debug)]
pub struct JsonItem {
    /// The line (JSON lines) or the element number (arrays), 1-based.
    pub line: u64,
    /// The object, or a sentence saying what is wrong with the element.
    pub object: Result<Map<String, Value>, BadItem>,
    /// The element as text, for rejects.
    pub raw: String,
}

/// A JSON line or array element that is not a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BadItem {
    /// Valid JSON, but not an object.
    NotObject {
        /// Line (JSON lines) or element number (arrays).
        line: u64,
        /// What it is: `null`, `array`…
        kind: String,
        /// Whether `line` counts array elements.
        element: bool,
    },
    /// A line that is not valid JSON.
    Invalid {
        /// Line.
        line: u64,
        /// serde_json's words.
        detail: String,
    },
}

impl BadItem {
    /// Why the item was rejected, in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            BadItem::NotObject {
                line,
                kind,
                element,
            } => say(
                lang,
                if *element {
                    "reject-json-element-kind"
                } else {
                    "reject-json-line-kind"
                },
                &[
                    ("line", line.to_string().into()),
                    ("kind", kind.as_str().into()),
                ],
            ),
            BadItem::Invalid { line, detail } => say(
                lang,
                "reject-json-invalid",
                &[
                    ("line", line.to_string().into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
        }
    }
}

impl JsonError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            JsonError::Io(e) => say(lang, "json-error-io", &[("detail", e.to_string().into())]),
            JsonError::Syntax {
                line,
                column,
                detail,
            } => say(
                lang,
                "json-error-syntax",
                &[
                    ("line", line.to_string().into()),
                    ("column", column.to_string().into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
            JsonError::NoRecords => say(lang, "json-error-no-records", &[]),
            JsonError::Stopped => say(lang, "import-error-cancelled", &[]),
        }
    }
}

/// A file that is not JSON where JSON was expected.
#[derive(Debug, thiserror::Error)]
pub enum JsonError {
    /// The file cannot be read.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// A syntax error in a JSON array: the rest of the file cannot be read.
    #[error(
        "the JSON is damaged at line {line}, column {column} ({detail}); the file may be cut short: export it again"
    )]
    Syntax {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// serde_json's words.
        detail: String,
    },
    /// The JSON holds no array of objects.
    #[error(
        "the JSON holds no list of contacts: expected an array of objects, or an object with one (such as {{\"data\": [...]}})"
    )]
    NoRecords,
    /// Stopped by the caller.
    #[error("stopped")]
    Stopped,
}

/// A JSON value as a cell: strings as they are, numbers in full (17-digit IDs keep every
/// digit), `false` and `null` as the words time parsing treats as unknown, lists and
/// objects as compact JSON.
pub fn cell(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Streams the objects of JSON lines; `f` returns false to stop.
pub fn stream_lines<R: Read>(
    reader: R,
    f: &mut dyn FnMut(JsonItem) -> bool,
) -> Result<(), JsonError> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = String::new();
    let mut n = 0u64;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        n += 1;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(other) => Err(BadItem::NotObject {
                line: n,
                kind: kind_name(&other).to_owned(),
                element: false,
            }),
            Err(e) => Err(BadItem::Invalid {
                line: n,
                detail: e.to_string(),
            }),
        };
        if !f(JsonItem {
            line: n,
            object,
            raw: text.to_string(),
        }) {
            return Err(JsonError::Stopped);
        }
    }
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// Streams the objects of a JSON array (bare or wrapped in an object); `f` returns false to
/// stop. Memory stays at one element, whatever the file size.
pub fn stream_array<R: Read>(
    reader: R,
    f: &mut dyn FnMut(JsonItem) -> bool,
) -> Result<(), JsonError> {
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, reader));
    let mut state = Stream {
        f,
        n: 0,
        stopped: false,
    };
    let found = match (&mut de).deserialize_any(Top(&mut state)) {
        Ok(found) => found,
        Err(_) if state.stopped => return Err(JsonError::Stopped),
        Err(e) if e.is_io() => return Err(JsonError::Io(e.into())),
        Err(e) => {
            return Err(JsonError::Syntax {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            });
        }
    };
    if !found {
        return Err(JsonError::NoRecords);
    }
    de.end().map_err(|e| JsonError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })
}

struct Stream<'a> {
    f: &'a mut dyn FnMut(JsonItem) -> bool,
    n: u64,
    stopped: bool,
}

impl Stream<'_> {
    fn emit(&mut self, v: Value) -> bool {
        self.n += 1;
        let raw = v.to_string();
        let object = match v {
            Value::Object(m) => Ok(m),
            other => Err(BadItem::NotObject {
                line: self.n,
                kind: kind_name(&other).to_owned(),
                element: true,
            }),
        };
        let go_on = (self.f)(JsonItem {
            line: self.n,
            object,
            raw,
        });
        self.stopped = !go_on;
        go_on
    }
}

/// The top level: an array of records, or an object holding one.
struct Top<'s, 'a>(&'s mut Stream<'a>);

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of contact objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while let Some(v) = seq.next_element::<Value>()? {
            if !self.0.emit(v) {
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(true)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if found {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            found = map.next_value_seed(Inner {
                stream: &mut *self.0,
                wrapper_key: key == "data" || key == "subscribers" || key == "contacts",
            })?;
        }
        Ok(found)
    }
}

/// A value inside the top-level object: an array is streamed; under `data`, a single
/// object is one record; anything else is skipped.
struct Inner<'s, 'a> {
    stream: &'s mut Stream<'a>,
    wrapper_key: bool,
}

impl<'de> DeserializeSeed<'de> for Inner<'_, '_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Inner<'_, '_> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut any = false;
        while let Some(v) = seq.next_element::<Value>()? {
            if !v.is_object() && !any {
                // A list of plain values (tags, say) is not the contact list.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(false);
            }
            any = true;
            if !self.stream.emit(v) {
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(any)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<bool, A::Error> {
        let v = Value::deserialize_from_map(map)?;
        if !self.wrapper_key {
            return Ok(false);
        }
        if !self.stream.emit(v) {
            return Err(serde::de::Error::custom("stopped"));
        }
        Ok(true)
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

trait FromMap: Sized {
    fn deserialize_from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

impl FromMap for Value {
    fn deserialize_from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            m.insert(k, v);
        }
        Ok(Value::Object(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str, lines: bool) -> (Vec<JsonItem>, Result<(), JsonError>) {
        let mut items = Vec::new();
        let mut f = |i: JsonItem| {
            items.push(i);
            true
        };
        let r = if lines {
            stream_lines(text.as_bytes(), &mut f)
        } else {
            stream_array(text.as_bytes(), &mut f)
        };
        (items, r)
    }

    #[test]
    fn arrays_wrapped_arrays_and_single_objects() {
        let (items, r) = collect(
            r#"[{"id": 12345678901234567, "first_name": "Anna"}, 3, {"id": "2"}]"#,
            false,
        );
        r.unwrap();
        assert_eq!(items.len(), 3);
        let first = items[0].object.as_ref().unwrap();
        assert_eq!(cell(&first["id"]), "12345678901234567");
        assert!(
            items[1]
                .object
                .as_ref()
                .unwrap_err()
                .sentence(Lang::En)
                .contains("element 2 is a JSON number")
        );

        let (items, r) = collect(
            r#"{"status": "success", "tags": ["a"], "data": [{"id": "1"}, {"id": "2"}]}"#,
            false,
        );
        r.unwrap();
        assert_eq!(items.len(), 2);
        let (items, r) = collect(
            r#"{"status": "success", "data": {"id": "9", "last_seen": false}}"#,
            false,
        );
        r.unwrap();
        assert_eq!(
            cell(&items[0].object.as_ref().unwrap()["last_seen"]),
            "false"
        );
        let (_, r) = collect(r#"{"status": "success"}"#, false);
        assert!(matches!(r, Err(JsonError::NoRecords)));
    }

    #[test]
    fn damaged_arrays_name_line_and_column() {
        let (items, r) = collect("[{\"id\": \"1\"},\n{\"id\": ", false);
        assert_eq!(items.len(), 1);
        let err = r.unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn json_lines_report_bad_lines_and_go_on() {
        let (items, r) = collect("{\"id\": \"1\"}\n\nnot json\n[1]\n{\"id\": \"2\"}\n", true);
        r.unwrap();
        assert_eq!(items.len(), 4);
        assert!(
            items[1]
                .object
                .as_ref()
                .unwrap_err()
                .sentence(Lang::En)
                .contains("line 3 is not valid JSON")
        );
        assert!(
            items[2]
                .object
                .as_ref()
                .unwrap_err()
                .sentence(Lang::En)
                .contains("line 4 is a JSON list")
        );
        assert_eq!(items[3].line, 5);
    }

    #[test]
    fn stopping_stops() {
        let mut n = 0;
        let r = stream_array(&b"[{}, {}, {}]"[..], &mut |_| {
            n += 1;
            n < 2
        });
        assert!(matches!(r, Err(JsonError::Stopped)));
        assert_eq!(n, 2);
    }
}
