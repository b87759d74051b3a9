//! Turning the bytes of a contact export into text: which encoding the file is in, whether it
//! is CSV (and with which delimiter) or JSON, and a streaming reader that hands UTF-8 to the CSV
//! and JSON readers.
//!
//! Exports come from bot platforms (UTF-8, sometimes UTF-16 from Windows tools) and from
//! spreadsheets (Excel in Italy, Spain or France saves `;`-separated Windows-1252). The importer
//! calls [`sniff`] on the first 64 KiB, shows [`Sniffed::sample`] as a preview, then reads the
//! whole file through [`DecodeReader`], which works in two fixed 64 KiB buffers whatever the
//! size of the file.

use std::io::{self, BufRead, BufReader, Read};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{CoderResult, Decoder, DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Size of each of the reader's two buffers (raw bytes in, UTF-8 out).
const BUFFER: usize = 64 * 1024;
/// Records looked at to choose a delimiter: enough to see the shape, cheap on wide files.
const DELIMITER_RECORDS: usize = 50;
/// Bytes looked at for the NUL pattern of UTF-16 without a byte-order mark.
const UTF16_WINDOW: usize = 4096;

/// How the file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Delimited text.
    Csv {
        /// The field separator: `,` `;` tab or `|`.
        delimiter: u8,
    },
    /// A JSON document. Either an array of contacts, or a top-level object that is not one
    /// contact per line (pretty-printed, or a one-line wrapper such as `{"data": [...]}`): the
    /// JSON reader must look for the array of contacts inside it.
    JsonArray,
    /// Newline-delimited JSON: every line of the sample is one `{...}` object, one contact each.
    JsonLines,
}

/// What the first bytes of a file tell.
#[derive(Debug, Clone)]
pub struct Sniffed {
    /// The encoding to pass to [`DecodeReader::new`].
    pub encoding: &'static Encoding,
    /// Bytes of byte-order mark at the start (0 if none).
    pub bom_len: usize,
    /// How sure the encoding guess is: "bom", "utf-8", "utf-16 (no bom)", "guessed".
    pub encoding_basis: &'static str,
    /// CSV or JSON, and how.
    pub kind: FileKind,
    /// The decoded head of the file (up to the last complete line of the sample), for previews.
    /// The whole head when it is the whole file, or when it holds no line break at all.
    pub sample: String,
}

/// Why a file cannot be read as a contact export, as a sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum SniffError {
    /// Nothing but blank space or a byte-order mark.
    #[error(
        "the file is empty: it holds no contacts, only blank space; export the contacts again and pick the new file"
    )]
    Empty,
    /// Binary data where text should be.
    #[error(
        "this file does not look like a CSV or JSON export: it holds binary data, not text (at byte {offset} from the start). {hint}"
    )]
    Binary {
        /// Where the first byte that is not text sits, counting from 0.
        offset: usize,
        /// What the file probably is and how to get a CSV out of it.
        hint: &'static str,
    },
}

impl SniffError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::say;
        match self {
            SniffError::Empty => say(lang, "sniff-empty", &[]),
            SniffError::Binary { offset, hint } => {
                let hint = HINTS
                    .iter()
                    .find(|(text, _)| text == hint)
                    .map_or_else(|| hint.to_string(), |(_, key)| say(lang, key, &[]));
                say(
                    lang,
                    "sniff-binary",
                    &[("offset", offset.to_string().into()), ("hint", hint.into())],
                )
            }
        }
    }
}

/// Each hint with its message key.
const HINTS: [(&str, &str); 7] = [
    (XLSX_HINT, "sniff-hint-xlsx"),
    (XLS_HINT, "sniff-hint-xls"),
    (PDF_HINT, "sniff-hint-pdf"),
    (GZIP_HINT, "sniff-hint-gzip"),
    (PICTURE_HINT, "sniff-hint-picture"),
    (DATABASE_HINT, "sniff-hint-database"),
    (GENERIC_HINT, "sniff-hint-generic"),
];

/// Formats users pick by mistake, recognised by their first bytes, with what to do instead.
const SIGNATURES: [(&[u8], &str); 8] = [
    (b"PK\x03\x04", XLSX_HINT),
    (b"PK\x05\x06", XLSX_HINT),
    (b"\xD0\xCF\x11\xE0", XLS_HINT),
    (b"%PDF", PDF_HINT),
    (b"\x1F\x8B", GZIP_HINT),
    (b"\x89PNG", PICTURE_HINT),
    (b"\xFF\xD8\xFF", PICTURE_HINT),
    (b"SQLite format 3\0", DATABASE_HINT),
];
const XLSX_HINT: &str = "It is an Excel workbook (.xlsx) or a ZIP archive with another name: open it in your spreadsheet, choose Save As > CSV UTF-8 and import that file (extract a .zip first).";
const XLS_HINT: &str = "It is an old Excel workbook (.xls): open it in your spreadsheet, choose Save As > CSV UTF-8 and import that file.";
const PDF_HINT: &str =
    "It is a PDF document: export the contacts from the platform as CSV or JSON instead.";
const GZIP_HINT: &str =
    "It is a compressed .gz file: extract it first, then import the CSV or JSON inside.";
const PICTURE_HINT: &str =
    "It is a picture, not a contact list: pick the CSV or JSON export of your contacts instead.";
const DATABASE_HINT: &str = "It is a database file, not an export: export the contacts as CSV or JSON and import that file.";
const GENERIC_HINT: &str = "Export the contacts again as CSV or JSON; from a spreadsheet, choose Save As > CSV UTF-8 and import that file.";

/// Looks at the first bytes of a file (the caller passes up to 64 KiB; may be shorter, may be
/// the whole file). `at_eof` tells whether `head` is the whole file.
///
/// The encoding comes from the byte-order mark, else from the bytes themselves (UTF-16 by its
/// NUL pattern, UTF-8 when the head is valid UTF-8, else chardetng's guess, which is
/// Windows-1252 for Western European spreadsheets). A head of only blank space is
/// [`SniffError::Empty`] even when `at_eof` is false: no real export starts with 64 KiB of it.
///
/// # Errors
/// [`SniffError::Binary`] for a workbook, archive, PDF, picture or other binary data, and
/// [`SniffError::Empty`] for a file with nothing in it.
pub fn sniff(head: &[u8], at_eof: bool) -> Result<Sniffed, SniffError> {
    if let Some((_, hint)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Err(SniffError::Binary { offset: 0, hint });
    }
    let (encoding, bom_len, encoding_basis) = detect_encoding(head, at_eof);
    let body = head.get(bom_len..).unwrap_or_default();
    let mut text = decode_head(body, encoding, at_eof);
    if let Some(index) = first_binary_char(&text) {
        let offset = bom_len.saturating_add(raw_offset(body, encoding, index));
        let hint = GENERIC_HINT;
        return Err(SniffError::Binary { offset, hint });
    }
    if text.trim_start_matches(is_blank).is_empty() {
        return Err(SniffError::Empty);
    }
    if !at_eof && let Some(end) = text.rfind('\n') {
        text.truncate(end + 1);
    }
    let kind = detect_kind(&text, at_eof);
    Ok(Sniffed {
        encoding,
        bom_len,
        encoding_basis,
        kind,
        sample: text,
    })
}

/// The encoding, the length of its byte-order mark and how it was found.
fn detect_encoding(head: &[u8], at_eof: bool) -> (&'static Encoding, usize, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(head) {
        return (encoding, bom_len, "bom");
    }
    // UTF-16 goes before UTF-8: ASCII text in UTF-16 is full of NULs, which are valid UTF-8.
    if let Some(encoding) = utf16_without_bom(head) {
        return (encoding, 0, "utf-16 (no bom)");
    }
    match std::str::from_utf8(head) {
        Ok(_) => return (UTF_8, 0, "utf-8"),
        // A head cut inside a multi-byte character is still UTF-8.
        Err(e) if !at_eof && e.error_len().is_none() => return (UTF_8, 0, "utf-8"),
        Err(_) => {}
    }
    // ISO-2022-JP is ruled out: it is never a contact export, and its escapes look like data.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(head, at_eof);
    (detector.guess(None, Utf8Detection::Deny), 0, "guessed")
}

/// UTF-16 without byte-order mark: ASCII-range text puts a NUL in every other byte, and almost
/// never on the other side.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let (mut pairs, mut even, mut odd) = (0usize, 0usize, 0usize);
    for pair in head.chunks_exact(2).take(UTF16_WINDOW / 2) {
        pairs += 1;
        even += usize::from(pair.first() == Some(&0));
        odd += usize::from(pair.get(1) == Some(&0));
    }
    // Two NULs at least: one stray NUL in a tiny file is binary, not UTF-16.
    let many = |n: usize| n >= 2 && n * 4 >= pairs;
    let few = |n: usize| n * 20 <= pairs;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes the head (after its byte-order mark). Unless the head is the whole file, a character
/// cut at its end is left out rather than replaced.
fn decode_head(bytes: &[u8], encoding: &'static Encoding, last: bool) -> String {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length(bytes.len());
    let mut text = String::with_capacity(capacity.unwrap_or(bytes.len()));
    let mut rest = bytes;
    loop {
        let (result, read, _) = decoder.decode_to_string(rest, &mut text, last);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            CoderResult::InputEmpty => return text,
            CoderResult::OutputFull => {
                text.reserve(rest.len().saturating_mul(3).saturating_add(16));
            }
        }
    }
}

/// The index (in chars) of the first character that makes the text binary: any NUL, or the
/// first control character when they are more than 1% of the text. Tab, CR, LF and form feed
/// are text.
fn first_binary_char(text: &str) -> Option<usize> {
    let is_control = |c: char| c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\x0C');
    if let Some(nul) = text.chars().position(|c| c == '\0') {
        return Some(nul);
    }
    let controls = text.chars().filter(|&c| is_control(c)).count();
    if controls == 0 || controls * 100 <= text.chars().count() {
        return None;
    }
    text.chars().position(is_control)
}

/// The byte offset in `bytes` where the `index`-th decoded character starts. Feeding one byte
/// at a time shows where each character ends, whatever the encoding; sniffing is rare, and
/// this only runs when a file is refused.
fn raw_offset(bytes: &[u8], encoding: &'static Encoding, index: usize) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let (mut produced, mut start) = (0usize, 0usize);
    let mut out = String::with_capacity(32);
    for (i, byte) in bytes.iter().enumerate() {
        out.clear();
        let _ = decoder.decode_to_string(std::slice::from_ref(byte), &mut out, false);
        let n = out.chars().count();
        if produced + n > index {
            return start;
        }
        if n > 0 {
            produced += n;
            start = i + 1;
        }
    }
    start
}

fn is_blank(c: char) -> bool {
    // A second byte-order mark after the first is blank too (some tools write two).
    c.is_whitespace() || c == '\u{FEFF}'
}

/// CSV or JSON, from the sample (see [`FileKind`]).
fn detect_kind(sample: &str, at_eof: bool) -> FileKind {
    let text = sample.trim_start_matches(is_blank);
    if text.starts_with('[') {
        return FileKind::JsonArray;
    }
    if !text.starts_with('{') {
        return FileKind::Csv {
            delimiter: detect_delimiter(sample),
        };
    }
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // Without a line break in a head that is not the whole file, the one line is cut short.
    if !at_eof && !text.ends_with('\n') {
        lines.pop();
    }
    let objects = lines.iter().all(|l| l.starts_with('{') && l.ends_with('}'));
    match lines.as_slice() {
        // One line holding an array of objects is a wrapper such as {"data":[...]}, not one
        // contact: API dumps look like that far more often than one-contact NDJSON files.
        [] => FileKind::JsonArray,
        [line] if wraps_array(line) => FileKind::JsonArray,
        _ if objects => FileKind::JsonLines,
        _ => FileKind::JsonArray,
    }
}

/// Whether a line holds `[` followed by `{`, blanks between.
fn wraps_array(line: &str) -> bool {
    line.match_indices('[').any(|(i, _)| {
        line.get(i + 1..)
            .is_some_and(|rest| rest.trim_start().starts_with('{'))
    })
}

/// Picks the CSV delimiter among , ; \t | from a decoded sample (quoted fields with embedded
/// delimiters and newlines handled): the one that gives the most consistent field count > 1
/// over the first records; ',' when nothing else is better.
///
/// Each candidate parses the first 50 records as real CSV; its score is the share of records
/// with its most common field count, then that count (more fields wins a tie). A
/// `;`-separated file with decimal commas scores lower on ',' because its header has none.
pub fn detect_delimiter(sample: &str) -> u8 {
    let mut best = (b',', 0usize, 1usize, 0usize); // delimiter, hits, records, fields
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample.as_bytes());
        let mut counts = Vec::with_capacity(DELIMITER_RECORDS);
        let mut record = csv::ByteRecord::new();
        while counts.len() < DELIMITER_RECORDS
            && matches!(reader.read_byte_record(&mut record), Ok(true))
        {
            counts.push(record.len());
        }
        let mode = counts
            .iter()
            .map(|&c| (counts.iter().filter(|&&x| x == c).count(), c))
            .max();
        let Some((hits, fields)) = mode else { continue };
        let (_, best_hits, best_records, best_fields) = best;
        // Compare hits/records as fractions without floating point.
        let share = (hits * best_records).cmp(&(best_hits * counts.len()));
        if fields > 1 && share.then(fields.cmp(&best_fields)).is_gt() {
            best = (delimiter, hits, counts.len(), fields);
        }
    }
    best.0
}

/// A human name: "comma", "semicolon", "tab", "pipe" ("other" for any other byte).
pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "other",
    }
}

/// A reader that turns any supported encoding into UTF-8, chunk by chunk (`encoding_rs::Decoder`),
/// dropping the BOM, replacing malformed sequences with U+FFFD and counting them.
///
/// It decodes with exactly the encoding given (a byte-order mark of that encoding is dropped,
/// any other is kept as text) and holds two 64 KiB buffers, however large the file. It buffers
/// its input itself: wrapping `inner` in a `BufReader` only adds a copy.
pub struct DecodeReader<R: Read> {
    inner: BufReader<R>,
    decoder: Decoder,
    /// Decoded text not yet handed out: `out[out_pos..out_len]`.
    out: Box<[u8]>,
    out_pos: usize,
    out_len: usize,
    finished: bool,
    replaced: u64,
    bytes_read: u64,
}

impl<R: Read> DecodeReader<R> {
    /// A reader of `inner`, decoding from `encoding` (usually [`Sniffed::encoding`]).
    pub fn new(inner: R, encoding: &'static Encoding) -> Self {
        DecodeReader {
            inner: BufReader::with_capacity(BUFFER, inner),
            decoder: encoding.new_decoder_with_bom_removal(),
            out: vec![0; BUFFER].into_boxed_slice(),
            out_pos: 0,
            out_len: 0,
            finished: false,
            replaced: 0,
            bytes_read: 0,
        }
    }

    /// Malformed sequences replaced so far.
    pub fn replaced(&self) -> u64 {
        self.replaced
    }

    /// Raw bytes consumed from `inner` so far (for progress bars): the bytes decoded, which
    /// run up to 64 KiB ahead of the text handed out.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Decodes the next stretch into `out`, which must have been drained. Leaves `out` empty
    /// only at the end of the text.
    fn fill(&mut self) -> io::Result<()> {
        self.out_pos = 0;
        self.out_len = 0;
        // Three bytes stay free for a U+FFFD after a malformed sequence, and the decoder always
        // gets room for a whole character (encoding_rs asks for at least 4 bytes).
        let limit = self.out.len().saturating_sub(3);
        while !self.finished && self.out_len + 8 <= limit {
            let src = match self.inner.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => other?,
            };
            let last = src.is_empty();
            let dst = self.out.get_mut(self.out_len..limit).unwrap_or_default();
            let (result, read, written) = self
                .decoder
                .decode_to_utf8_without_replacement(src, dst, last);
            self.inner.consume(read);
            self.bytes_read += read as u64;
            self.out_len += written;
            match result {
                DecoderResult::InputEmpty if last => self.finished = true,
                // Hand out what is decoded rather than wait on the next read.
                DecoderResult::InputEmpty if self.out_len > 0 => break,
                DecoderResult::InputEmpty => {}
                DecoderResult::OutputFull => break,
                DecoderResult::Malformed(..) => {
                    self.replaced += 1;
                    let end = self.out_len + 3;
                    if let Some(slot) = self.out.get_mut(self.out_len..end) {
                        slot.copy_from_slice("\u{FFFD}".as_bytes());
                        self.out_len = end;
                    }
                }
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.out_pos >= self.out_len {
            self.fill()?;
        }
        let pending = self.out.get(self.out_pos..self.out_len).unwrap_or_default();
        let n = pending.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), pending.get(..n)) {
            to.copy_from_slice(from);
        }
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;
    use proptest::prelude::*;

    const ITALIAN: &str = "nome;città;prezzo\nNiño;Città;€ 29,99\n";
    const SEMI: FileKind = FileKind::Csv { delimiter: b';' };

    /// A reader that hands out its bytes a few at a time, cycling through `steps`.
    struct Trickle<'a>(&'a [u8], &'a [usize], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let want = self.1[self.2 % self.1.len()];
            let n = want.min(buf.len()).min(self.0.len());
            self.2 += 1;
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// Decodes `data` through inner reads of `steps` bytes and outer reads of `out` bytes.
    fn decode(data: &[u8], enc: &'static Encoding, steps: &[usize], out: usize) -> (String, u64) {
        let mut reader = DecodeReader::new(Trickle(data, steps, 0), enc);
        let (mut text, mut buf) = (Vec::new(), vec![0; out]);
        while let n @ 1.. = reader.read(&mut buf).unwrap() {
            text.extend_from_slice(&buf[..n]);
        }
        assert_eq!(reader.bytes_read(), data.len() as u64);
        (String::from_utf8(text).unwrap(), reader.replaced())
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        let swap = |u: u16| if big_endian { u.swap_bytes() } else { u };
        units.map(swap).flat_map(u16::to_le_bytes).collect()
    }

    fn cp1252(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    type Summary = (&'static Encoding, usize, &'static str, FileKind, String);

    /// Sniffs a whole file and checks encoding, BOM length, basis, kind and sample.
    fn check_whole(bytes: &[u8], expected: Summary) {
        let s = sniff(bytes, true).unwrap();
        assert_eq!(
            (s.encoding, s.bom_len, s.encoding_basis, s.kind, s.sample),
            expected
        );
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = "name,city\nAnna,Città\n";
        let comma = FileKind::Csv { delimiter: b',' };
        check_whole(plain.as_bytes(), (UTF_8, 0, "utf-8", comma, plain.into()));
        let with_bom = [b"\xEF\xBB\xBF", plain.as_bytes()].concat();
        check_whole(&with_bom, (UTF_8, 3, "bom", comma, plain.into()));
        assert_eq!(decode(&with_bom, UTF_8, &[BUFFER], 4096), (plain.into(), 0));
    }

    #[test]
    fn utf16_round_trips_with_and_without_bom() {
        for (big_endian, enc) in [(false, UTF_16LE), (true, UTF_16BE)] {
            let bytes = utf16(ITALIAN, big_endian, true);
            check_whole(&bytes, (enc, 2, "bom", SEMI, ITALIAN.into()));
            assert_eq!(decode(&bytes, enc, &[7], 5), (ITALIAN.into(), 0));
            let bare = utf16(ITALIAN, big_endian, false);
            check_whole(&bare, (enc, 0, "utf-16 (no bom)", SEMI, ITALIAN.into()));
        }
    }

    #[test]
    fn windows_1252_is_guessed() {
        let text = "Città;Peña;€ 29,99\n";
        check_whole(
            &cp1252(text),
            (WINDOWS_1252, 0, "guessed", SEMI, text.into()),
        );
    }

    #[test]
    fn utf8_cut_inside_a_character_is_still_utf8() {
        let bytes = "nome;città\nAnna;Città".as_bytes();
        let cut = &bytes[..bytes.len() - 1]; // half of the final 'à'
        let s = sniff(cut, false).unwrap();
        assert_eq!((s.encoding, s.encoding_basis), (UTF_8, "utf-8"));
        assert_eq!(s.sample, "nome;città\n");
        assert_ne!(sniff(cut, true).unwrap().encoding_basis, "utf-8");
    }

    #[test]
    fn tiny_reads_give_exactly_the_text() {
        let files = [
            ([b"\xEF\xBB\xBF", ITALIAN.as_bytes()].concat(), UTF_8),
            (utf16(ITALIAN, false, true), UTF_16LE),
            (utf16(ITALIAN, true, true), UTF_16BE),
            (utf16("emoji 😀 ok", false, true), UTF_16LE),
            (cp1252(ITALIAN), WINDOWS_1252),
        ];
        for (bytes, enc) in &files {
            let expected = enc.decode_with_bom_removal(bytes).0.into_owned();
            for (step, out) in (1..=3).flat_map(|step| (1..=3).map(move |out| (step, out))) {
                assert_eq!(decode(bytes, enc, &[step], out), (expected.clone(), 0));
            }
        }
    }

    #[test]
    fn malformed_bytes_are_replaced_and_counted() {
        let bytes = b"ok \xFF x \xE2\x82 y \xC3";
        let (text, replaced) = decode(bytes, UTF_8, &[1], 2);
        assert_eq!(text, "ok \u{FFFD} x \u{FFFD} y \u{FFFD}");
        assert_eq!(replaced, 3);
        assert_eq!(text, UTF_8.decode_without_bom_handling(bytes).0);
        // A lone surrogate and an odd trailing byte in UTF-16.
        let (text, replaced) = decode(b"\xFF\xFEa\0\0\xD8b\0c", UTF_16LE, &[3], 1);
        assert_eq!((text.as_str(), replaced), ("a\u{FFFD}b\u{FFFD}", 2));
    }

    #[test]
    fn delimiters_are_detected() {
        let cases = [
            (
                b',',
                "name,note\n\"Rossi; M\",\"a|b\tc\"\nAnna,\"1\n2; x\"\n",
            ),
            (
                b';',
                "nome;città;euro\n\"Rossi, M\";\"a\nb\";29,99\nBo;X;\"1,00\"\n",
            ),
            (b'\t', "name\tnote\nAnna\t\"x, y; z\"\nBob\t\"a\tb\nc\"\n"),
            (
                b'|',
                "id|name|tags\n1|Anna|\"a,b;c\"\n2|\"Bob\nJr, Sr\"|x\n",
            ),
            (b';', "nome;cognome;telefono\n"),
            (b',', "first_name,last_name"),
            (b',', "email\na@b.it\nc@d.es\n"),
            (b',', ""),
        ];
        for (expected, sample) in cases {
            assert_eq!(detect_delimiter(sample), expected, "{sample:?}");
        }
        let names = [b',', b';', b'\t', b'|', b'#'].map(delimiter_name);
        assert_eq!(names, ["comma", "semicolon", "tab", "pipe", "other"]);
    }

    #[test]
    fn json_kinds() {
        let (array, lines) = (FileKind::JsonArray, FileKind::JsonLines);
        let cases = [
            ("[{\"a\":1}]", true, array),
            (" \r\n[\n  {\"a\": 1},\n", false, array),
            ("{\"a\":1}\n{\"a\":2}\r\n\n{\"a\":", false, lines),
            ("{\"a\":1,\"tags\":[\"x\"]}", true, lines),
            ("{\"data\":[{\"a\":1}]}", true, array),
            ("{\n \"data\": [\n  {\"a\": 1}\n ]\n}\n", true, array),
            ("{\"data\":[{\"a\":1},{\"a\":", false, array),
        ];
        for (text, at_eof, kind) in cases {
            assert_eq!(sniff(text.as_bytes(), at_eof).unwrap().kind, kind, "{text}");
        }
    }

    #[test]
    fn blank_files_are_empty() {
        let files: [&[u8]; 6] = [
            b"",
            b" \r\n\t ",
            b"\xEF\xBB\xBF",
            b"\xEF\xBB\xBF\n",
            b"\xFF\xFE",
            b"\xFE\xFF\0 ",
        ];
        for bytes in files {
            let result = sniff(bytes, true);
            assert!(matches!(result, Err(SniffError::Empty)), "{bytes:?}");
        }
        let message = SniffError::Empty.to_string();
        assert!(message.contains("export the contacts again"));
    }

    #[test]
    fn binary_files_are_refused_with_a_hint() {
        let lcg = |x: &u64| Some(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        let random: Vec<u8> = std::iter::successors(Some(7), lcg)
            .map(|x| (x >> 56) as u8)
            .take(4096)
            .collect();
        let first_nul = random.iter().position(|&b| b == 0).unwrap();
        let utf16_nul = [utf16("Città;€\n", false, true), vec![0, 0]].concat();
        let cp1252_nul = [cp1252("Città;€\n"), vec![0]].concat();
        let controls = "name,city\x07\nAnna,Roma\x07\n".repeat(5);
        let files: [(&[u8], usize, &str); 11] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 0, "picture"),
            (b"PK\x03\x04\x14\0[Content_Types].xml", 0, "CSV UTF-8"),
            (b"PK\x05\x06\0\0", 0, ".zip"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0, ".xls"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 0, "PDF"),
            (b"\x1F\x8B\x08\0", 0, ".gz"),
            // Otherwise the offset names the first offending byte, whatever the encoding.
            (b"\xEF\xBB\xBFname\0,x", 7, GENERIC_HINT),
            (&cp1252_nul, 8, GENERIC_HINT),
            (&utf16_nul, 18, GENERIC_HINT),
            (controls.as_bytes(), 9, GENERIC_HINT),
            (&random, first_nul, GENERIC_HINT),
        ];
        for (bytes, at, hint) in files {
            let message = sniff(bytes, false).unwrap_err().to_string();
            assert!(message.contains(&format!("at byte {at} ")), "{message}");
            assert!(message.contains(hint), "{message}");
        }
    }

    #[test]
    fn throughput_on_100_mb() {
        let line = "1234567890123456;Anna;Città;€ 29,99;anna@example.it;2024-05-01\n";
        let data = line.repeat(100 * 1024 * 1024 / line.len());
        let start = std::time::Instant::now();
        let mut reader = DecodeReader::new(data.as_bytes(), UTF_8);
        let total = io::copy(&mut reader, &mut io::sink()).unwrap();
        let speed = total as f64 / 1e6 / start.elapsed().as_secs_f64();
        assert_eq!(total, data.len() as u64);
        let mb = total / 1_000_000;
        println!("DecodeReader: {speed:.0} MB/s on {mb} MB of UTF-8");
    }

    proptest! {
        #[test]
        fn sniff_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048), at_eof: bool) {
            let _ = sniff(&bytes, at_eof);
        }

        #[test]
        fn detect_delimiter_never_panics(sample in "[ -~àé€\t\r\n\"]{0,400}") {
            prop_assert!([b',', b';', b'\t', b'|'].contains(&detect_delimiter(&sample)));
        }

        #[test]
        fn utf16_round_trips(text in any::<String>(), big_endian: bool,
                             steps in prop::collection::vec(1usize..40, 1..8), out in 1usize..64) {
            let enc = if big_endian { UTF_16BE } else { UTF_16LE };
            let bytes = utf16(&text, big_endian, true);
            prop_assert_eq!(decode(&bytes, enc, &steps, out), (text, 0));
        }

        #[test]
        fn windows_1252_round_trips(text in "[ -~àèéìòùÀÈÉÒÙñÑçÇüÜ€£¿¡“”‘’…–—\t\r\n]{0,300}",
                                    steps in prop::collection::vec(1usize..40, 1..8), out in 1usize..64) {
            let bytes = cp1252(&text);
            prop_assert_eq!(decode(&bytes, WINDOWS_1252, &steps, out), (text, 0));
        }
    }
}
