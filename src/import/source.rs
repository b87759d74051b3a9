//! Reading an export row by row, whatever its shape: CSV with any delimiter and encoding,
//! a JSON array or JSON lines. Rows come out as text cells aligned with the headers, plus
//! any JSON keys outside them; malformed rows come out with a reason instead.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::ImportError;
use super::decode::{DecodeReader, FileKind, Sniffed};
use super::json::{self, JsonError, JsonItem};

/// The cells of one row, in header order.
#[derive(Clone, Copy, Debug)]
pub enum Cells<'a> {
    /// A CSV record, read in place.
    Csv(&'a csv::StringRecord),
    /// JSON values as text.
    List(&'a [String]),
}

impl<'a> Cells<'a> {
    /// Cell `i`, if the row has it.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Cells::Csv(r) => r.get(i),
            Cells::List(v) => v.get(i).map(String::as_str),
        }
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        match self {
            Cells::Csv(r) => r.len(),
            Cells::List(v) => v.len(),
        }
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cells as owned text.
    pub fn to_vec(&self) -> Vec<String> {
        (0..self.len())
            .filter_map(|i| self.get(i).map(str::to_string))
            .collect()
    }
}

/// Why a row cannot be read as one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BadRow {
    /// Bytes that are not text in the file's encoding.
    NotText {
        /// Line.
        line: u64,
    },
    /// Fewer or more fields than the header.
    Ragged {
        /// Line.
        line: u64,
        /// Fields found.
        found: usize,
        /// Fields in the header.
        width: usize,
        /// The separator.
        delimiter: char,
    },
    /// A JSON item that is not a contact.
    Json(super::json::BadItem),
}

impl BadRow {
    /// Why the row was rejected, in `lang`.
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::say;
        match self {
            BadRow::NotText { line } => say(
                lang,
                "reject-not-text",
                &[("line", line.to_string().into())],
            ),
            BadRow::Ragged {
                line,
                found,
                width,
                delimiter,
            } => say(
                lang,
                if found < width {
                    "reject-too-few-fields"
                } else {
                    "reject-too-many-fields"
                },
                &[
                    ("line", line.to_string().into()),
                    ("found", found.to_string().into()),
                    ("width", width.to_string().into()),
                    ("delimiter", delimiter.to_string().into()),
                ],
            ),
            BadRow::Json(item) => item.sentence(lang),
        }
    }
}

/// One row of the file.
#[derive(Debug)]
pub enum RowEvent<'a> {
    /// A row: cells aligned with the headers, extra JSON keys outside them.
    Row {
        /// Line of the row's start (or JSON element number).
        line: u64,
        /// Cells in header order (missing JSON keys are empty).
        cells: Cells<'a>,
        /// JSON keys not among the headers.
        extra: &'a [(String, String)],
    },
    /// A row that cannot be read as one.
    Bad {
        /// Line.
        line: u64,
        /// Why.
        reason: BadRow,
        /// The row as text.
        raw: String,
    },
}

/// Reads the raw bytes of the file, hashing them and counting them for progress.
pub struct Tap {
    inner: File,
    hash: Arc<Mutex<Sha256>>,
    read: Arc<AtomicU64>,
}

impl Tap {
    /// Opens `path`; `read` counts the bytes read, `hash` digests them.
    pub fn open(
        path: &Path,
        read: Arc<AtomicU64>,
        hash: Arc<Mutex<Sha256>>,
    ) -> Result<Tap, ImportError> {
        let inner = File::open(path).map_err(|source| ImportError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Tap { inner, hash, read })
    }

    /// Opens `path` for reading only, without a digest anyone will look at.
    pub fn plain(path: &Path) -> Result<Tap, ImportError> {
        Tap::open(path, Arc::default(), Arc::default())
    }
}

impl Read for Tap {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut h) = self.hash.lock() {
            h.update(&buf[..n]);
        }
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The SHA-256 of the whole file, given the digest of its first `done` bytes.
pub fn finish_hash(path: &Path, hash: &Mutex<Sha256>, done: u64) -> std::io::Result<String> {
    let mut h = hash.lock().map_or_else(|_| Sha256::new(), |h| h.clone());
    let mut f = File::open(path)?;
    std::io::Seek::seek(&mut f, std::io::SeekFrom::Start(done))?;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// The headers of the file: the CSV header row, or for JSON the keys of the first objects in
/// order of appearance.
pub fn headers(path: &Path, sniffed: &Sniffed, sample: usize) -> Result<Vec<String>, ImportError> {
    let decoded = DecodeReader::new(Tap::plain(path)?, sniffed.encoding);
    match sniffed.kind {
        FileKind::Csv { delimiter } => {
            let mut rdr = csv_reader(decoded, delimiter);
            let h = rdr.headers().map_err(|e| csv_error(path, &e))?;
            Ok(h.iter().map(|s| s.trim().to_string()).collect())
        }
        FileKind::JsonArray | FileKind::JsonLines => {
            let mut keys: Vec<String> = Vec::new();
            let mut n = 0usize;
            let mut f = |item: JsonItem| {
                if let Ok(obj) = item.object {
                    flatten(String::new(), obj, &mut |k, _| {
                        if !keys.contains(&k) {
                            keys.push(k);
                        }
                    });
                }
                n += 1;
                n < sample
            };
            let r = if matches!(sniffed.kind, FileKind::JsonLines) {
                json::stream_lines(decoded, &mut f)
            } else {
                json::stream_array(decoded, &mut f)
            };
            match r {
                Ok(()) | Err(JsonError::Stopped) => Ok(keys),
                Err(e) => Err(ImportError::Json(e)),
            }
        }
    }
}

fn csv_reader<R: Read>(r: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .buffer_capacity(1 << 16)
        .from_reader(r)
}

fn csv_error(path: &Path, e: &csv::Error) -> ImportError {
    match e.kind() {
        csv::ErrorKind::Io(io) => ImportError::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(io.kind(), io.to_string()),
        },
        _ => ImportError::Csv(e.to_string()),
    }
}

/// Calls `f` for every row after the header; `f` returns false to stop early.
/// Returns what was read through the tap (for the hash).
pub fn rows<R: Read>(
    decoded: DecodeReader<R>,
    kind: &FileKind,
    headers: &[String],
    f: &mut dyn FnMut(RowEvent<'_>) -> bool,
) -> Result<DecodeReader<R>, ImportError> {
    match *kind {
        FileKind::Csv { delimiter } => csv_rows(decoded, delimiter, headers.len(), f),
        FileKind::JsonArray | FileKind::JsonLines => {
            let mut cells = vec![String::new(); headers.len()];
            let mut extra: Vec<(String, String)> = Vec::new();
            let mut on_item = |item: JsonItem| match item.object {
                Ok(obj) => {
                    spread(obj, headers, &mut cells, &mut extra);
                    f(RowEvent::Row {
                        line: item.line,
                        cells: Cells::List(&cells),
                        extra: &extra,
                    })
                }
                Err(reason) => f(RowEvent::Bad {
                    line: item.line,
                    reason: BadRow::Json(reason),
                    raw: item.raw,
                }),
            };
            // The JSON readers take the decoder by value; a shared counter keeps its totals.
            let mut holder = Some(decoded);
            let mut r = Holder(&mut holder);
            let res = if matches!(kind, FileKind::JsonLines) {
                json::stream_lines(&mut r, &mut on_item)
            } else {
                json::stream_array(&mut r, &mut on_item)
            };
            match res {
                Ok(()) | Err(JsonError::Stopped) => {}
                Err(e) => return Err(ImportError::Json(e)),
            }
            holder.ok_or(ImportError::Json(JsonError::Stopped))
        }
    }
}

/// Lends a reader out by `&mut`, so it can be taken back after streaming.
struct Holder<'a, R: Read>(&'a mut Option<DecodeReader<R>>);

impl<R: Read> Read for Holder<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.0 {
            Some(r) => r.read(buf),
            None => Ok(0),
        }
    }
}

fn spread(
    obj: Map<String, Value>,
    headers: &[String],
    cells: &mut [String],
    extra: &mut Vec<(String, String)>,
) {
    for c in cells.iter_mut() {
        c.clear();
    }
    extra.clear();
    flatten(String::new(), obj, &mut |k, v| {
        let text = json::cell(&v);
        match headers.iter().position(|h| *h == k) {
            Some(i) => cells[i] = text,
            None => extra.push((k, text)),
        }
    });
}

/// Calls `f` with every key of `obj` and its value, the keys of nested objects joined to
/// their parent's with a dot: `{"recipient": {"id": "1"}}` gives `recipient.id`.
fn flatten(prefix: String, obj: Map<String, Value>, f: &mut dyn FnMut(String, Value)) {
    for (k, v) in obj {
        let key = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            Value::Object(inner) if !inner.is_empty() => flatten(key, inner, f),
            other => f(key, other),
        }
    }
}

fn csv_rows<R: Read>(
    decoded: DecodeReader<R>,
    delimiter: u8,
    width: usize,
    f: &mut dyn FnMut(RowEvent<'_>) -> bool,
) -> Result<DecodeReader<R>, ImportError> {
    let mut rdr = csv_reader(decoded, delimiter);
    let mut record = csv::StringRecord::new();
    // Headers were read separately; skip them here.
    rdr.headers().map_err(|e| ImportError::Csv(e.to_string()))?;
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        if !f(RowEvent::Bad {
                            line,
                            reason: BadRow::NotText { line },
                            raw: String::new(),
                        }) {
                            break;
                        }
                        continue;
                    }
                    csv::ErrorKind::Io(io) => {
                        return Err(ImportError::Csv(format!("cannot read line {line}: {io}")));
                    }
                    _ => return Err(ImportError::Csv(e.to_string())),
                }
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() == 1 && record.get(0).is_some_and(|c| c.trim().is_empty()) {
            continue; // a blank line
        }
        let extra_empty = record.iter().skip(width).all(|c| c.trim().is_empty());
        if record.len() != width && !(record.len() > width && extra_empty) {
            let reason = BadRow::Ragged {
                line,
                found: record.len(),
                width,
                delimiter: char::from(delimiter),
            };
            if !f(RowEvent::Bad {
                line,
                reason,
                raw: raw_row(&record, delimiter),
            }) {
                break;
            }
            continue;
        }
        if !f(RowEvent::Row {
            line,
            cells: Cells::Csv(&record),
            extra: &[],
        }) {
            break;
        }
    }
    Ok(rdr.into_inner())
}

/// A CSV record written back as one line of text (quoted where needed), for rejects.
pub fn raw_row(record: &csv::StringRecord, delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    if w.write_record(record).is_err() {
        return record
            .iter()
            .collect::<Vec<_>>()
            .join(&char::from(delimiter).to_string());
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .trim_end_matches('\n')
        .to_string()
}

/// Reads up to `max` bytes of the start of a file, and whether that is the whole file.
pub fn head(path: &Path, max: usize) -> Result<(Vec<u8>, bool), ImportError> {
    let file = File::open(path).map_err(|source| ImportError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut r = BufReader::new(file);
    let mut buf = Vec::with_capacity(max);
    (&mut r)
        .take(max as u64)
        .read_to_end(&mut buf)
        .map_err(|source| ImportError::Io {
            path: path.display().to_string(),
            source,
        })?;
    let at_eof = buf.len() < max || r.fill_buf().map(|b| b.is_empty()).unwrap_or(true);
    Ok((buf, at_eof))
}
