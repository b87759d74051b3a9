//! Time columns of contact exports: deciding how a column writes its times, then reading them.
//!
//! Bot platforms and spreadsheets write times as ISO 8601 with or without an offset, as dd/mm
//! or mm/dd dates, as epoch seconds, milliseconds or microseconds, or as spreadsheet serial days.
//! [`detect`] decides a column's [`TimeFormat`] once from sample values; [`parse`] then reads
//! every value with it as unix seconds (UTC, fractions of a second dropped). Naive formats are
//! read in the import's zone through [`local_to_utc`]. Nothing here reads the clock, and parsing
//! allocates only for an error.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::{TZ_VARIANTS, Tz};

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Lang, say};

/// Day-month or month-day order of slashed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateOrder {
    /// Day first: 31/12/2025.
    Dmy,
    /// Month first: 12/31/2025.
    Mdy,
}

impl FromStr for DateOrder {
    type Err = TimeError;

    /// Accepts "dmy", "mdy", "dd/mm", "mm/dd", "dd/mm/yyyy" and "mm/dd/yyyy", in any case.
    fn from_str(s: &str) -> Result<Self, TimeError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "dmy" | "dd/mm" | "dd/mm/yyyy" => Ok(Self::Dmy),
            "mdy" | "mm/dd" | "mm/dd/yyyy" => Ok(Self::Mdy),
            _ => Err(TimeError::UnknownDateOrder {
                value: s.trim().to_owned(),
            }),
        }
    }
}

impl fmt::Display for DateOrder {
    /// "dmy" or "mdy", which `from_str` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if *self == Self::Dmy { "dmy" } else { "mdy" })
    }
}

/// How one column writes its times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeFormat {
    /// ISO 8601 / RFC 3339 with `Z` or an offset: 2025-06-02T10:00:00+02:00, 2025-06-02 10:00:00Z,
    /// fractional seconds of any length, offsets as +02:00, +0200 or +02; also "UTC"/"GMT" for
    /// `Z` and one space before the offset ("2025-06-02 10:00:00 +0200").
    Offset,
    /// Naive ISO: YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM:SS, with optional .ffffff; read in a zone.
    NaiveIso,
    /// dd/mm/yyyy or mm/dd/yyyy with separator '/', '.' or '-', 4-digit (or 2-digit → 20yy) year,
    /// optional time `HH:MM[:SS]` after a space or ", " (24 h, or "h:mm AM/PM"); read in a zone.
    DayMonth {
        /// Which of the first two numbers is the day.
        order: DateOrder,
        /// The separator between day, month and year; every value must use it.
        sep: char,
    },
    /// Unix epoch seconds: 9 or 10 digits, decimals allowed.
    EpochSeconds,
    /// Unix epoch milliseconds: 12 or 13 digits.
    EpochMillis,
    /// Unix epoch microseconds: 15 or 16 digits.
    EpochMicros,
    /// Spreadsheet serial days since 1899-12-30 (e.g. 45810.4375), 20000 to 80000; read in a zone.
    SpreadsheetSerial,
}

impl TimeFormat {
    /// Whether values carry no zone and are read in the import's zone.
    pub fn is_naive(self) -> bool {
        matches!(
            self,
            Self::NaiveIso | Self::DayMonth { .. } | Self::SpreadsheetSerial
        )
    }

    /// A value in this format, for error sentences.
    fn example(self) -> String {
        match self {
            Self::Offset => "2025-06-02T10:00:00+02:00".into(),
            Self::NaiveIso => "2025-06-02 10:00".into(),
            Self::DayMonth { order, sep: s } => {
                let (a, b) = if order == DateOrder::Dmy {
                    (2, 6)
                } else {
                    (6, 2)
                };
                format!("{a:02}{s}{b:02}{s}2025 10:00")
            }
            Self::EpochSeconds => "1748851200".into(),
            Self::EpochMillis => "1748851200000".into(),
            Self::EpochMicros => "1748851200000000".into(),
            Self::SpreadsheetSerial => "45810.4375".into(),
        }
    }
}

impl fmt::Display for TimeFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Offset => f.write_str("ISO 8601 with offset"),
            Self::NaiveIso => f.write_str("YYYY-MM-DD hh:mm (local)"),
            Self::DayMonth { order, sep: s } => {
                let (a, b) = if *order == DateOrder::Dmy {
                    ("dd", "mm")
                } else {
                    ("mm", "dd")
                };
                write!(f, "{a}{s}{b}{s}yyyy")
            }
            Self::EpochSeconds => f.write_str("epoch seconds"),
            Self::EpochMillis => f.write_str("epoch milliseconds"),
            Self::EpochMicros => f.write_str("epoch microseconds"),
            Self::SpreadsheetSerial => f.write_str("spreadsheet serial days"),
        }
    }
}

/// Why a time, zone or date order could not be read; the messages are sentences for marketers,
/// in English by `Display` and in any language by [`TimeError::sentence`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeError {
    /// A value the column's format cannot read.
    BadValue {
        /// The value, trimmed, cut after 60 characters.
        value: String,
        /// The column's format.
        format: TimeFormat,
        /// What is wrong with it.
        problem: Problem,
    },
    /// A zone name that is not in the IANA list.
    UnknownZone {
        /// The name as given, trimmed.
        name: String,
        /// A zone whose city is the name given, if any.
        suggestion: Option<String>,
    },
    /// A date order other than dmy or mdy.
    UnknownDateOrder {
        /// The text as given, trimmed.
        value: String,
    },
}

impl std::error::Error for TimeError {}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence(Lang::En))
    }
}

impl TimeError {
    /// The error as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            TimeError::BadValue {
                value,
                format,
                problem,
            } => say(
                lang,
                if problem.is_about_date() {
                    "time-bad-date"
                } else {
                    "time-bad-time"
                },
                &[
                    ("value", value.as_str().into()),
                    ("format", format.to_string().into()),
                    ("reason", problem.reason(*format, lang).into()),
                ],
            ),
            TimeError::UnknownZone { name, suggestion } => {
                let key = if suggestion.is_some() {
                    "time-unknown-zone-like"
                } else {
                    "time-unknown-zone"
                };
                say(
                    lang,
                    key,
                    &[
                        ("name", name.as_str().into()),
                        (
                            "suggestion",
                            suggestion.as_deref().unwrap_or_default().into(),
                        ),
                    ],
                )
            }
            TimeError::UnknownDateOrder { value } => say(
                lang,
                "time-unknown-date-order",
                &[("value", value.as_str().into())],
            ),
        }
    }
}

/// What is wrong with one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Not shaped like the format at all.
    Shape,
    /// A month number past 12.
    Month(u32),
    /// A day the month does not have (year, month, day).
    Day(i32, u32, u32),
    /// An hour past 23.
    Hour(u32),
    /// A minute or second past 59.
    MinuteOrSecond,
    /// An hour past 12 with AM or PM.
    TwelveHour,
    /// An offset past ±23:59.
    OffsetRange,
    /// No offset where the column has them.
    MissingOffset,
    /// An offset where the column has none.
    UnexpectedOffset,
    /// A negative epoch or serial.
    Negative,
    /// The wrong number of digits for the epoch unit.
    Digits(u32),
    /// Scientific notation.
    Scientific,
}

impl Problem {
    fn into_error(self, value: &str, format: TimeFormat) -> TimeError {
        TimeError::BadValue {
            value: value.chars().take(60).collect(),
            format,
            problem: self,
        }
    }

    /// Whether the date itself does not exist (31/02) rather than the value being misshapen.
    fn is_about_date(self) -> bool {
        matches!(self, Self::Month(_) | Self::Day(..))
    }

    /// What is wrong and how to write it instead, in `lang`.
    fn reason(self, format: TimeFormat, lang: Lang) -> String {
        let format_name = || Arg::from(format.to_string());
        match self {
            Self::Shape => say(
                lang,
                "time-reason-shape",
                &[("example", format.example().into())],
            ),
            Self::Month(m) if matches!(format, TimeFormat::DayMonth { .. }) => {
                say(lang, "time-reason-month-order", &[("month", m.into())])
            }
            Self::Month(m) => say(lang, "time-reason-month", &[("month", m.into())]),
            Self::Day(_, _, 0) => say(lang, "time-reason-day-zero", &[]),
            Self::Day(year, 2, 29) => say(
                lang,
                "time-reason-leap",
                &[("year", year.to_string().into())],
            ),
            Self::Day(_, month, day) => {
                let months = say(lang, "month-names", &[]);
                let name = months
                    .split(' ')
                    .nth((month as usize).saturating_sub(1))
                    .unwrap_or_default()
                    .to_string();
                let ordinal = match (lang, day % 10, day % 100) {
                    (Lang::En, 1, n) if n != 11 => format!("{day}st"),
                    (Lang::En, 2, n) if n != 12 => format!("{day}nd"),
                    (Lang::En, 3, n) if n != 13 => format!("{day}rd"),
                    (Lang::En, ..) => format!("{day}th"),
                    _ => day.to_string(),
                };
                say(
                    lang,
                    "time-reason-day",
                    &[("month", name.into()), ("day", ordinal.into())],
                )
            }
            Self::Hour(24) => say(lang, "time-reason-hour-24", &[]),
            Self::Hour(_) => say(lang, "time-reason-hour", &[]),
            Self::MinuteOrSecond => say(lang, "time-reason-minute", &[]),
            Self::TwelveHour => say(lang, "time-reason-twelve-hour", &[]),
            Self::OffsetRange => say(lang, "time-reason-offset-range", &[]),
            Self::MissingOffset => say(lang, "time-reason-missing-offset", &[]),
            Self::UnexpectedOffset => say(lang, "time-reason-unexpected-offset", &[]),
            Self::Negative => say(lang, "time-reason-negative", &[("format", format_name())]),
            Self::Digits(_) if format == TimeFormat::SpreadsheetSerial => {
                say(lang, "time-reason-serial", &[])
            }
            Self::Digits(n) => {
                let low: u32 = match format {
                    TimeFormat::EpochSeconds => 9,
                    TimeFormat::EpochMillis => 12,
                    _ => 15,
                };
                say(
                    lang,
                    "time-reason-digits",
                    &[
                        ("digits", n.into()),
                        ("format", format_name()),
                        ("low", low.into()),
                        ("high", (low + 1).into()),
                    ],
                )
            }
            Self::Scientific => say(lang, "time-reason-scientific", &[]),
        }
    }
}

/// The verdict on one column's sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The format, if any value parsed; `None` when every sample value was unknown (empty), or
    /// none could be read (then `failures == seen`).
    pub format: Option<TimeFormat>,
    /// True when slashed dates could be either dd/mm or mm/dd (every day and month ≤ 12, or as
    /// many values fit only one order as only the other) and no order was given: the caller
    /// reports it; `format` then uses the `default_order` argument.
    pub ambiguous_order: bool,
    /// Non-empty sample values the chosen format cannot read (e.g. a stray word).
    pub failures: usize,
    /// Non-empty sample values looked at (those [`is_unknown`] calls unknown are skipped).
    pub seen: usize,
}

const SEPS: [char; 3] = ['/', '.', '-'];

/// Decides a column's format from sample values (typically the first 1–2,000 non-empty ones).
/// `order` is the user's --date-order if given; `default_order` is used when ambiguous.
/// The format that reads the most values wins; on a tie, the earlier [`TimeFormat`] variant.
pub fn detect<'a>(
    values: impl IntoIterator<Item = &'a str>,
    order: Option<DateOrder>,
    default_order: DateOrder,
) -> Detection {
    use TimeFormat::{EpochMicros, EpochMillis, EpochSeconds, NaiveIso, SpreadsheetSerial};
    // Values each format reads: offset, naive ISO, epoch s/ms/µs/serial, then per separator
    // three slots: only day-first fits, only month-first fits, both fit.
    let mut counts = [0usize; 15];
    let mut seen = 0;
    for v in values.into_iter().filter(|v| !is_unknown(v)) {
        seen += 1;
        let b = v.trim().as_bytes();
        let slot = if let Ok((dt, offset)) = scan_iso(b) {
            dt.check().ok().map(|_| usize::from(offset.is_none()))
        } else if let Ok(s) = scan_slashed(b) {
            let (dmy, mdy) = (s.written(DateOrder::Dmy), s.written(DateOrder::Mdy));
            let col = match (dmy.is_ok(), mdy.is_ok()) {
                (false, false) => None,
                (dmy, mdy) => Some(usize::from(!dmy) + 2 * usize::from(dmy && mdy)),
            };
            col.map(|col| 6 + 3 * s.sep + col)
        } else {
            scan_number(b)
                .ok()
                .and_then(|n| epoch_kind(&n))
                .map(|k| 2 + k)
        };
        if let Some(n) = slot.and_then(|i| counts.get_mut(i)) {
            *n += 1;
        }
    }
    let at = |i: usize| counts.get(i).copied().unwrap_or(0);
    let mut best = (None, 0, false);
    let mut consider = |format, n, ambiguous| {
        if n > best.1 {
            best = (Some(format), n, ambiguous);
        }
    };
    consider(TimeFormat::Offset, at(0), false);
    consider(NaiveIso, at(1), false);
    for (i, sep) in SEPS.into_iter().enumerate() {
        let (dmy, mdy, both) = (at(6 + 3 * i), at(7 + 3 * i), at(8 + 3 * i));
        // The majority of the values that tell decides; the others become failures.
        let by_data = if dmy > mdy {
            DateOrder::Dmy
        } else {
            DateOrder::Mdy
        };
        let (order, ambiguous) = match order {
            Some(o) => (o, false),
            None if dmy != mdy => (by_data, false),
            None => (default_order, true),
        };
        let n = both + if order == DateOrder::Dmy { dmy } else { mdy };
        consider(TimeFormat::DayMonth { order, sep }, n, ambiguous);
    }
    for (i, f) in [EpochSeconds, EpochMillis, EpochMicros, SpreadsheetSerial]
        .into_iter()
        .enumerate()
    {
        consider(f, at(2 + i), false);
    }
    let (format, read, ambiguous_order) = best;
    Detection {
        format,
        ambiguous_order,
        failures: seen - read,
        seen,
    }
}

/// Values that mean "no time": "", whitespace, "false", "null", "none", "nil", "n/a", "-", "0"
/// (case-insensitive). JSON `false`/`null` arrive as these strings.
pub fn is_unknown(value: &str) -> bool {
    const UNKNOWN: [&str; 8] = ["", "false", "null", "none", "nil", "n/a", "-", "0"];
    let v = value.trim();
    v.len() <= 5 && UNKNOWN.iter().any(|u| v.eq_ignore_ascii_case(u))
}

/// Parses one value: Ok(None) when unknown, Ok(Some(unix seconds UTC)) when it parses,
/// Err(TimeError) with a sentence otherwise. `zone` is used for naive formats only.
/// Fractions of a second are dropped (rounded down); spreadsheet serials round to the second.
pub fn parse(value: &str, format: TimeFormat, zone: Tz) -> Result<Option<i64>, TimeError> {
    let v = value.trim();
    if is_unknown(v) {
        return Ok(None);
    }
    read(v.as_bytes(), format, zone)
        .map(Some)
        .map_err(|p| p.into_error(v, format))
}

fn read(b: &[u8], format: TimeFormat, zone: Tz) -> Result<i64, Problem> {
    match format {
        TimeFormat::Offset => {
            let (dt, offset) = scan_iso(b)?;
            Ok(dt.check()?.unix() - offset.ok_or(Problem::MissingOffset)?)
        }
        TimeFormat::NaiveIso => match scan_iso(b)? {
            (_, Some(_)) => Err(Problem::UnexpectedOffset),
            (dt, None) => Ok(local_to_utc(dt.check()?.naive()?, zone)),
        },
        TimeFormat::DayMonth { order, sep } => match scan_slashed(b)? {
            s if SEPS.get(s.sep) != Some(&sep) => Err(Problem::Shape),
            s => Ok(local_to_utc(s.written(order)?.naive()?, zone)),
        },
        TimeFormat::SpreadsheetSerial => {
            let n = scan_number(b)?;
            if epoch_kind(&n) != Some(3) {
                return Err(Problem::Digits(n.digits));
            }
            // Serials are binary fractions of a day (10:31 is 0.43819444…): round, don't cut.
            let scale = 10u128.pow(n.frac_digits);
            let secs = (u128::from(n.frac) * 86_400 * 2 + scale) / (scale * 2);
            let secs = -2_209_161_600 + n.int as i64 * 86_400 + secs as i64;
            let naive = DateTime::from_timestamp(secs, 0)
                .ok_or(Problem::Shape)?
                .naive_utc();
            Ok(local_to_utc(naive, zone))
        }
        _ => {
            let n = scan_number(b)?;
            let (digits, per_second) = match format {
                TimeFormat::EpochSeconds => ([9, 10], 1),
                TimeFormat::EpochMillis => ([12, 13], 1_000),
                _ => ([15, 16], 1_000_000),
            };
            if !digits.contains(&n.digits) {
                return Err(Problem::Digits(n.digits));
            }
            // 16 digits at most, so the quotient fits.
            Ok((n.int / per_second) as i64)
        }
    }
}

/// A date and clock time as written, not yet checked: year, month, day, [h, m, s].
#[derive(Debug, Clone, Copy)]
struct Written(i32, u32, u32, [u32; 3]);

impl Written {
    /// Checks the fields, naming the first wrong one.
    fn check(self) -> Result<Self, Problem> {
        let Self(year, month, day, [hour, minute, second]) = self;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 => 28 + u32::from(leap),
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        match () {
            _ if !(1..=12).contains(&month) => Err(Problem::Month(month)),
            _ if day == 0 || day > days => Err(Problem::Day(year, month, day)),
            _ if hour > 23 => Err(Problem::Hour(hour)),
            _ if minute > 59 || second > 59 => Err(Problem::MinuteOrSecond),
            _ => Ok(self),
        }
    }

    /// Seconds since 1970 of checked fields read as UTC (H. Hinnant's days from civil).
    fn unix(self) -> i64 {
        let Self(year, month, day, clock) = self;
        let (m, d) = (i64::from(month), i64::from(day));
        let y = i64::from(year) - i64::from(m <= 2);
        let (era, doy) = (y.div_euclid(400), (153 * ((m + 9) % 12) + 2) / 5 + d - 1);
        let yoe = y - era * 400;
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
        let [h, mi, s] = clock.map(i64::from);
        days * 86_400 + h * 3_600 + mi * 60 + s
    }

    fn naive(self) -> Result<NaiveDateTime, Problem> {
        let Self(year, month, day, [h, m, s]) = self;
        let date = NaiveDate::from_ymd_opt(year, month, day);
        date.and_then(|d| d.and_hms_opt(h, m, s))
            .ok_or(Problem::Shape)
    }
}

/// Reads `min..=max` (at most 9) ASCII digits.
fn num(b: &[u8], min: usize, max: usize) -> Result<(u32, &[u8]), Problem> {
    let n = b
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count();
    match b.split_at_checked(n) {
        Some((digits, rest)) if n >= min => Ok((
            digits.iter().fold(0, |v, &c| v * 10 + u32::from(c - b'0')),
            rest,
        )),
        _ => Err(Problem::Shape),
    }
}

/// Splits off leading ASCII digits.
fn digits(b: &[u8]) -> (&[u8], &[u8]) {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    b.split_at_checked(n).unwrap_or_default()
}

/// Reads `H[H]:MM[:SS][.fff…]`.
fn scan_clock(b: &[u8]) -> Result<([u32; 3], &[u8]), Problem> {
    let (h, b) = num(b, 1, 2)?;
    let (m, mut b) = num(b.strip_prefix(b":").ok_or(Problem::Shape)?, 2, 2)?;
    let mut s = 0;
    if let Some(rest) = b.strip_prefix(b":") {
        (s, b) = num(rest, 2, 2)?;
    }
    if let [b'.' | b',', rest @ ..] = b {
        let (fraction, rest) = digits(rest);
        b = if fraction.is_empty() {
            return Err(Problem::Shape);
        } else {
            rest
        };
    }
    Ok(([h, m, s], b))
}

/// Reads `YYYY-MM-DD[(T| )clock][ ][offset]`, with the offset in seconds east if there is one.
fn scan_iso(b: &[u8]) -> Result<(Written, Option<i64>), Problem> {
    let (year, b) = num(b, 4, 4)?;
    let (month, b) = num(b.strip_prefix(b"-").ok_or(Problem::Shape)?, 1, 2)?;
    let (day, b) = num(b.strip_prefix(b"-").ok_or(Problem::Shape)?, 1, 2)?;
    let b = match b {
        [] => return Ok((Written(year as i32, month, day, [0; 3]), None)),
        [b'T' | b't' | b' ', rest @ ..] => rest,
        _ => return Err(Problem::Shape),
    };
    let (clock, b) = scan_clock(b)?;
    let offset = match b.strip_prefix(b" ").unwrap_or(b) {
        [] => None,
        [b'Z' | b'z'] => Some(0),
        z if z.eq_ignore_ascii_case(b"UTC") || z.eq_ignore_ascii_case(b"GMT") => Some(0),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, rest) = num(rest, 2, 2)?;
            let (m, rest) = match rest.strip_prefix(b":").unwrap_or(rest) {
                [] => (0, rest),
                rest => num(rest, 2, 2)?,
            };
            match () {
                _ if !rest.is_empty() => return Err(Problem::Shape),
                _ if h > 23 || m > 59 => return Err(Problem::OffsetRange),
                _ => Some(i64::from(h * 3_600 + m * 60) * if *sign == b'-' { -1 } else { 1 }),
            }
        }
        _ => return Err(Problem::Shape),
    };
    Ok((Written(year as i32, month, day, clock), offset))
}

/// A slashed date as written: the two leading numbers in written order, year, clock, separator.
struct Slashed {
    first: u32,
    second: u32,
    year: u32,
    clock: [u32; 3],
    /// Index in [`SEPS`].
    sep: usize,
}

impl Slashed {
    fn written(&self, order: DateOrder) -> Result<Written, Problem> {
        let (day, month) = match order {
            DateOrder::Dmy => (self.first, self.second),
            DateOrder::Mdy => (self.second, self.first),
        };
        Written(self.year as i32, month, day, self.clock).check()
    }
}

/// Reads `D[D]<sep>M[M]<sep>YY[YY][[,] clock[ AM|PM]]`, or month first.
fn scan_slashed(b: &[u8]) -> Result<Slashed, Problem> {
    let (first, b) = num(b, 1, 2)?;
    let (sep, b) = match b {
        [sep @ (b'/' | b'.' | b'-'), rest @ ..] => (*sep, rest),
        _ => return Err(Problem::Shape),
    };
    let (second, b) = num(b, 1, 2)?;
    let b = b.strip_prefix(&[sep]).ok_or(Problem::Shape)?;
    let (year, b) = match digits(b).0.len() {
        2 => num(b, 2, 2).map(|(y, b)| (2000 + y, b))?,
        4 => num(b, 4, 4)?,
        _ => return Err(Problem::Shape),
    };
    let (clock, rest) = match b.strip_prefix(b",").unwrap_or(b) {
        [] => ([0; 3], &[][..]),
        [b' ', rest @ ..] => scan_clock(rest.trim_ascii_start())?,
        _ => return Err(Problem::Shape),
    };
    let clock = match (rest.trim_ascii_start(), clock) {
        ([], clock) => clock,
        ([_, b'm' | b'M'], [h, ..]) if !(1..=12).contains(&h) => return Err(Problem::TwelveHour),
        ([b'a' | b'A', b'm' | b'M'], [h, m, s]) => [h % 12, m, s],
        ([b'p' | b'P', b'm' | b'M'], [h, m, s]) => [h % 12 + 12, m, s],
        _ => return Err(Problem::Shape),
    };
    let sep = SEPS.iter().position(|&c| c == char::from(sep)).unwrap_or(0);
    Ok(Slashed {
        first,
        second,
        year,
        clock,
        sep,
    })
}

/// An unsigned decimal number as written.
struct Number {
    int: u64,
    /// Digits before the point, leading zeros not counted.
    digits: u32,
    /// The first 15 digits after the point, and how many those are.
    frac: u64,
    frac_digits: u32,
}

fn scan_number(b: &[u8]) -> Result<Number, Problem> {
    let (negative, b) = b.strip_prefix(b"-").map_or((false, b), |rest| (true, rest));
    let (int, rest) = digits(b);
    let significant = int.iter().skip_while(|&&c| c == b'0');
    // Past 19 digits the value no longer matters: the digit count already fails it.
    let mut n = Number {
        int: 0,
        digits: significant.count() as u32,
        frac: 0,
        frac_digits: 0,
    };
    n.int = int.iter().fold(0u64, |v, &c| {
        v.saturating_mul(10).saturating_add(u64::from(c - b'0'))
    });
    let rest = match rest {
        [b'.', rest @ ..] if rest.first().is_some_and(u8::is_ascii_digit) => {
            let (frac, rest) = digits(rest);
            for &c in frac.iter().take(15) {
                (n.frac, n.frac_digits) = (n.frac * 10 + u64::from(c - b'0'), n.frac_digits + 1);
            }
            rest
        }
        rest => rest,
    };
    match rest {
        _ if int.is_empty() => Err(Problem::Shape),
        [] if negative => Err(Problem::Negative),
        [] => Ok(n),
        [b'e' | b'E', ..] => Err(Problem::Scientific),
        _ => Err(Problem::Shape),
    }
}

/// Which epoch format a number's magnitude suggests: 0 s, 1 ms, 2 µs, 3 serial days.
fn epoch_kind(n: &Number) -> Option<usize> {
    match n.digits {
        9 | 10 => Some(0),
        12 | 13 => Some(1),
        15 | 16 => Some(2),
        5 if (20_000..=80_000).contains(&n.int) => Some(3),
        _ => None,
    }
}

/// A naive local time in `zone` as unix seconds. DST gaps (a local time that does not exist, e.g.
/// 2025-03-30 02:30 in Europe/Rome) resolve to the instant the clocks jumped to plus the offset into
/// the gap (02:30 → 03:30 CEST, i.e. the same elapsed time after 02:00 CET); overlaps (a local time that
/// happens twice) resolve to the EARLIER instant (conservative: a window computed from it closes sooner).
/// Never panics, for any NaiveDateTime and any zone.
pub fn local_to_utc(naive: NaiveDateTime, zone: Tz) -> i64 {
    match zone.from_local_datetime(&naive) {
        MappedLocalTime::Single(t) => t.timestamp(),
        MappedLocalTime::Ambiguous(a, b) => a.timestamp().min(b.timestamp()),
        MappedLocalTime::None => {
            // Read with the offset in force before the jump. Walk back to a local time that
            // exists to learn it; hour steps cross any gap (Samoa skipped a whole day in 2011).
            let as_utc = naive.and_utc().timestamp();
            (1..=48)
                .filter_map(|h| naive.checked_sub_signed(TimeDelta::try_hours(h)?))
                .find_map(|t| zone.from_local_datetime(&t).latest())
                .map_or(as_utc, |t| {
                    as_utc - i64::from(t.offset().fix().local_minus_utc())
                })
        }
    }
}

/// Reads an IANA zone name ("Europe/Rome", also "UTC"); a case-insensitive match is accepted.
/// The error sentence says how to write one and suggests the zone of a bare city ("Rome").
pub fn parse_zone(name: &str) -> Result<Tz, TimeError> {
    let name = name.trim();
    let found = name.parse::<Tz>().ok();
    let found = found.or_else(|| {
        TZ_VARIANTS
            .iter()
            .find(|z| z.name().eq_ignore_ascii_case(name))
            .copied()
    });
    found.ok_or_else(|| {
        let city = name.replace(' ', "_");
        let suggestion = TZ_VARIANTS.iter().map(|z| z.name()).find(|z| {
            z.split_once('/').is_some()
                && z.rsplit('/')
                    .next()
                    .is_some_and(|c| c.eq_ignore_ascii_case(&city))
        });
        TimeError::UnknownZone {
            name: name.to_owned(),
            suggestion: suggestion.map(str::to_owned),
        }
    })
}

/// The machine's zone via iana-time-zone, UTC if it cannot be told.
pub fn machine_zone() -> Tz {
    // `TZ` (as in `TZ=Europe/Rome`, or `:Europe/Rome`) wins over the system setting, as it
    // does for every other program.
    std::env::var("TZ")
        .ok()
        .and_then(|n| parse_zone(n.trim_start_matches(':')).ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|n| parse_zone(&n).ok())
        })
        .unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::{Dmy, Mdy};
    use TimeFormat::{EpochMicros, EpochMillis, EpochSeconds, NaiveIso, SpreadsheetSerial};
    use chrono::{FixedOffset, SecondsFormat};
    use proptest::prelude::*;

    const fn dm(order: DateOrder, sep: char) -> TimeFormat {
        TimeFormat::DayMonth { order, sep }
    }
    const DMY: TimeFormat = dm(Dmy, '/');
    const MDY: TimeFormat = dm(Mdy, '/');
    const ALL: [TimeFormat; 9] = [
        TimeFormat::Offset,
        NaiveIso,
        DMY,
        MDY,
        dm(Dmy, '.'),
        EpochSeconds,
        EpochMillis,
        EpochMicros,
        SpreadsheetSerial,
    ];
    /// 2025-06-02T08:00:00Z, 10:00 in Rome; and that day's UTC midnight.
    const T: i64 = 1_748_851_200;
    const MIDNIGHT: i64 = 1_748_822_400;
    const ROME: Tz = Tz::Europe__Rome;

    fn at(value: &str, format: TimeFormat, zone: Tz) -> i64 {
        parse(value, format, zone).unwrap().unwrap()
    }

    fn err(value: &str, format: TimeFormat) -> String {
        parse(value, format, ROME).unwrap_err().to_string()
    }

    fn det(values: &[&str], order: Option<DateOrder>, default: DateOrder) -> Detection {
        detect(values.iter().copied(), order, default)
    }

    #[test]
    fn offsets_in_every_spelling() {
        for v in [
            "2025-06-02T10:00:00+02:00",
            "2025-06-02 10:00:00+0200",
            "2025-06-02T10:00+02",
            "2025-06-02T08:00:00Z",
            "2025-06-02 08:00:00z",
            "2025-06-02T08:00:00.123456789012Z",
            "2025-06-02T08:00:00,5Z",
            "2025-06-02t03:30:00.5-04:30",
            "2025-06-02 10:00:00 +0200",
            " 2025-06-02 08:00:00 UTC ",
        ] {
            assert_eq!(at(v, TimeFormat::Offset, ROME), T, "{v}");
        }
        let e = err("2025-06-02 10:00:00", TimeFormat::Offset);
        assert!(e.contains("no time-zone offset such as Z"), "{e}");
        assert!(err("2025-06-02T10:00+24:00", TimeFormat::Offset).contains("-23:59 to +23:59"));
        assert!(err("2025-06-02T10:00+2", TimeFormat::Offset).contains("write it like 2025"));
    }

    #[test]
    fn naive_iso_is_read_in_the_zone() {
        for v in [
            "2025-06-02 10:00",
            "2025-06-02T10:00:00",
            "2025-06-02 10:00:00.999999",
        ] {
            assert_eq!(at(v, NaiveIso, ROME), T, "{v}");
        }
        assert_eq!(at("2025-06-02", NaiveIso, Tz::UTC), MIDNIGHT);
        assert!(err("2025-06-02T10:00:00Z", NaiveIso).contains("remove it"));
    }

    #[test]
    fn day_month_in_both_orders() {
        assert_eq!(at("02/06/2025 10:00", DMY, ROME), T);
        assert_eq!(at("06/02/2025 10:00:00", MDY, ROME), T);
        assert_eq!(at("2/6/2025", DMY, Tz::UTC), MIDNIGHT);
        let dotted = TimeFormat::DayMonth {
            order: Dmy,
            sep: '.',
        };
        assert_eq!(at("02.06.2025, 10:00", dotted, ROME), T);
        let dashed = TimeFormat::DayMonth {
            order: Dmy,
            sep: '-',
        };
        assert_eq!(
            at("02-06-25 10:00", dashed, ROME),
            T,
            "2-digit year is 20yy"
        );
        assert_eq!(at("6/2/25, 8:00 AM", MDY, Tz::UTC), T);
        assert_eq!(at("6/2/2025 12:30 am", MDY, Tz::UTC), MIDNIGHT + 1_800);
        assert_eq!(at("6/2/2025 12:00 PM", MDY, Tz::UTC), MIDNIGHT + 12 * 3_600);
        assert_eq!(
            at("6/2/2025 1:05:09 PM", MDY, Tz::UTC),
            MIDNIGHT + 13 * 3_600 + 309
        );
        assert!(err("6/2/2025 13:00 PM", MDY).contains("hour goes from 1 to 12"));
        assert!(err("02.06.2025", DMY).contains("write it like 02/06/2025 10:00"));
        assert!(err("02/06/202", DMY).contains("write it like"));
    }

    #[test]
    fn invalid_dates_and_times_are_named() {
        assert_eq!(
            err("31/02/2025", DMY),
            "\"31/02/2025\" is not a date in the column's format (dd/mm/yyyy): February has no 31st"
        );
        assert!(err("29/02/2025", DMY).ends_with("February 2025 has no 29th"));
        assert_eq!(at("29/02/2024", DMY, Tz::UTC), 1_709_164_800);
        assert!(err("31/04/2025", DMY).ends_with("April has no 31st"));
        assert!(err("13/13/2025", DMY).contains("there is no month 13; if this column"));
        assert!(err("2025-02-30T10:00:00Z", TimeFormat::Offset).ends_with("February has no 30th"));
        assert!(err("0/06/2025", DMY).ends_with("there is no day 0"));
        assert!(err("02/06/2025 24:00", DMY).contains("is not a time in the column's format"));
        assert!(err("2025-06-02 24:00", NaiveIso).contains("write midnight as 00:00"));
        assert!(err("2025-06-02 10:60", NaiveIso).contains("minutes and seconds"));
        let long = "x".repeat(500);
        assert!(
            err(&long, NaiveIso).len() < 200,
            "a huge cell is cut in the message"
        );
    }

    #[test]
    fn epochs_and_serials() {
        for v in [
            "1748851200",
            "1748851200.5",
            " 1748851200 ",
            "1748851200.999999999999999999",
        ] {
            assert_eq!(at(v, EpochSeconds, ROME), T, "{v}");
        }
        assert_eq!(
            at("999999999", EpochSeconds, ROME),
            999_999_999,
            "9 digits are seconds"
        );
        for v in ["1748851200000", "1748851200999.9", "946684800000"] {
            assert_eq!(
                at(v, EpochMillis, ROME),
                v[..v.len().min(13) - 3].parse::<i64>().unwrap()
            );
        }
        assert_eq!(at("1748851200123456", EpochMicros, ROME), T);
        assert_eq!(at("45810.4375", SpreadsheetSerial, Tz::UTC), T + 9_000);
        assert_eq!(at("45810.4375", SpreadsheetSerial, ROME), T + 1_800);
        assert_eq!(at("45810", SpreadsheetSerial, Tz::UTC), MIDNIGHT);
        // 10:31 is not a finite decimal fraction of a day: round to the second.
        assert_eq!(
            at("45810.438194444", SpreadsheetSerial, Tz::UTC),
            MIDNIGHT + 37_860
        );
        assert_eq!(
            at("45810.99999999", SpreadsheetSerial, Tz::UTC),
            MIDNIGHT + 86_400
        );
        assert!(err("17488512000", EpochSeconds).contains("11 digits before the decimal point"));
        assert!(err("1748851200", EpochMillis).contains("epoch milliseconds have 12 or 13"));
        assert!(err("-1748851200", EpochSeconds).contains("negative"));
        assert!(err("1.7488512E+12", EpochMillis).contains("scientific notation"));
        assert!(err("soon", EpochSeconds).ends_with("write it like 1748851200"));
        assert!(err("99999", SpreadsheetSerial).contains("from 20000 to 80000"));
    }

    #[test]
    fn unknown_values() {
        for v in [
            "", "  ", "false", "NULL", "None", "nil", "N/A", "-", "0", " null ",
        ] {
            assert!(is_unknown(v), "{v}");
            for f in ALL {
                assert_eq!(parse(v, f, ROME), Ok(None));
            }
        }
        for v in ["1", "nul", "no", "--", "00", "unknown"] {
            assert!(!is_unknown(v), "{v}");
        }
    }

    #[test]
    fn detection_picks_the_format_that_reads_most() {
        let d = det(
            &["2025-06-02T10:00:00+02:00", "asap", "", "2025-06-02 08:00Z"],
            None,
            Dmy,
        );
        let offset = Detection {
            format: Some(TimeFormat::Offset),
            ..d
        };
        assert_eq!(
            d,
            Detection {
                ambiguous_order: false,
                failures: 1,
                seen: 3,
                ..offset
            }
        );
        let d = det(
            &["2025-06-02 10:00", "2025-06-03", "2025-06-02T10:00Z"],
            None,
            Dmy,
        );
        assert_eq!((d.format, d.failures), (Some(NaiveIso), 1));
        for (values, want) in [
            (["1748851200", "1748851200.5"], EpochSeconds),
            (["1748851200000", "946684800000"], EpochMillis),
            (["1748851200000000", "1748851200000001"], EpochMicros),
            (["45810.4375", "45811"], SpreadsheetSerial),
        ] {
            assert_eq!(det(&values, None, Dmy).format, Some(want));
        }
        assert_eq!(det(&["", "null", "false"], None, Dmy).format, None);
        let d = det(&["soon", "17488512000"], None, Dmy);
        assert_eq!((d.format, d.failures, d.seen), (None, 2, 2));
    }

    #[test]
    fn detection_decides_the_date_order() {
        let d = det(&["02/06/2025", "13/06/2025 10:00"], None, Mdy);
        assert_eq!((d.format, d.ambiguous_order), (Some(DMY), false));
        let d = det(&["06/02/2025", "6/13/2025 1:00 PM"], None, Dmy);
        assert_eq!((d.format, d.ambiguous_order), (Some(MDY), false));
        let d = det(&["02/06/2025", "03/04/25"], None, Mdy);
        assert_eq!((d.format, d.ambiguous_order), (Some(MDY), true));
        let d = det(&["02/06/2025", "03/04/25"], Some(Dmy), Mdy);
        assert_eq!((d.format, d.ambiguous_order), (Some(DMY), false));
        let d = det(
            &["13/06/2025", "14/06/2025", "06/13/2025", "01/01/2025"],
            None,
            Mdy,
        );
        assert_eq!(
            (d.format, d.ambiguous_order, d.failures),
            (Some(DMY), false, 1)
        );
        let d = det(&["13/06/2025", "06/13/2025"], Some(Mdy), Dmy);
        assert_eq!((d.format, d.failures), (Some(MDY), 1));
        let d = det(&["02.06.2025 10:00", "31.12.2025"], None, Mdy);
        assert_eq!(
            d.format,
            Some(TimeFormat::DayMonth {
                order: Dmy,
                sep: '.'
            })
        );
    }

    #[test]
    fn dst_gaps_move_forward_and_overlaps_take_the_earlier_instant() {
        let (madrid, new_york) = (Tz::Europe__Madrid, Tz::America__New_York);
        for (zone, local, want) in [
            (ROME, "2025-03-30 02:30", 1_743_298_200), // 01:30Z = 03:30 CEST
            (ROME, "2025-10-26 02:30", 1_761_438_600), // 00:30Z, still CEST
            (madrid, "2025-03-30 02:15", 1_743_297_300),
            (madrid, "2025-10-26 02:45", 1_761_439_500),
            (new_york, "2025-03-09 02:30", 1_741_505_400), // 07:30Z = 03:30 EDT
            (new_york, "2025-11-02 01:30", 1_762_061_400), // 05:30Z, still EDT
            (new_york, "2025-11-02 02:30", 1_762_068_600), // after the overlap: EST
        ] {
            assert_eq!(at(local, NaiveIso, zone), want, "{local} in {zone}");
        }
        for zone in TZ_VARIANTS {
            local_to_utc(NaiveDateTime::MIN, zone);
            local_to_utc(NaiveDateTime::MAX, zone);
        }
    }

    #[test]
    fn zones_orders_and_names() {
        assert_eq!(parse_zone("Europe/Rome"), Ok(ROME));
        assert_eq!(parse_zone(" europe/ROME "), Ok(ROME));
        assert_eq!(parse_zone("utc"), Ok(Tz::UTC));
        let e = parse_zone("new york").unwrap_err().to_string();
        assert!(e.starts_with(
            "\"new york\" is not a time zone we know (did you mean America/New_York?)"
        ));
        let e = parse_zone("Mars/Olympus").unwrap_err().to_string();
        assert!(
            e.contains("know; write an IANA zone name as Area/City, such as Europe/Rome"),
            "{e}"
        );
        assert!(!machine_zone().name().is_empty());
        for (text, order) in [("dmy", Dmy), ("DD/MM", Dmy), ("mm/dd", Mdy), (" MDY", Mdy)] {
            assert_eq!(text.parse(), Ok(order));
            assert_eq!(order.to_string().parse(), Ok(order));
        }
        let e = "ymd".parse::<DateOrder>().unwrap_err();
        assert!(e.to_string().contains("write dmy"));
        let names = ALL.map(|f| f.to_string()).join(", ");
        let want = "ISO 8601 with offset, YYYY-MM-DD hh:mm (local), dd/mm/yyyy, mm/dd/yyyy, \
            dd.mm.yyyy, epoch seconds, epoch milliseconds, epoch microseconds, spreadsheet serial days";
        assert_eq!(names, want);
        let naive = ALL.map(TimeFormat::is_naive);
        assert_eq!(
            naive,
            [false, true, true, true, true, false, false, false, true]
        );
    }

    #[test]
    fn timing_per_value() {
        let n = 200_000;
        for format in [TimeFormat::Offset, NaiveIso, EpochMillis, DMY] {
            let make = |i: i64| match format {
                TimeFormat::Offset => {
                    format!("2025-06-02T10:{:02}:{:02}.123+02:00", i % 60, i % 59)
                }
                NaiveIso => format!("2025-06-02 10:{:02}:{:02}", i % 60, i % 59),
                EpochMillis => (1_748_851_200_000 + i * 7).to_string(),
                _ => format!("{:02}/06/2025 10:{:02}", 1 + i % 28, i % 60),
            };
            let values: Vec<String> = (0..n).map(make).collect();
            for zone in [Tz::UTC, ROME] {
                let start = std::time::Instant::now();
                let sum: i64 = values.iter().map(|v| at(v, format, zone)).sum();
                let ns = start.elapsed().as_nanos() / n as u128;
                println!("timing: {format} in {zone}: {ns} ns per value ({sum})");
            }
        }
    }

    proptest! {
        #[test]
        fn parse_and_detect_never_panic(
            any in any::<String>(),
            timey in "[0-9:/.,+TZ aApPmM-]{0,30}",
        ) {
            for v in [&any, &timey] {
                for f in ALL {
                    let _ = parse(v, f, ROME);
                }
            }
            let _ = detect([any.as_str(), timey.as_str()], None, Dmy);
        }

        #[test]
        fn local_to_utc_is_total(
            y in 1900i32..=2200,
            day in 1u32..=366,
            s in 0u32..86_400,
            z in 0..TZ_VARIANTS.len(),
        ) {
            let naive = NaiveDate::from_yo_opt(y, day);
            let naive = naive.and_then(|d| d.and_hms_opt(s / 3600, s / 60 % 60, s % 60));
            if let Some(naive) = naive {
                let got = local_to_utc(naive, TZ_VARIANTS[z]);
                prop_assert!((got - naive.and_utc().timestamp()).abs() <= 2 * 86_400);
            }
        }

        #[test]
        fn offset_round_trip(
            secs in -2_208_988_800i64..7_258_118_400,
            nanos in 0u32..1_000_000_000,
            minutes in -1439i32..=1439,
            style in 0..4u8,
        ) {
            let offset = FixedOffset::east_opt(minutes * 60).unwrap();
            let t = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
            let text = match style {
                0 => t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
                1 => t.format("%Y-%m-%dT%H:%M:%S%.f%z").to_string(),
                2 => t.format("%Y-%m-%d %H:%M:%S%.3f %:z").to_string(),
                _ if minutes % 60 == 0 => {
                    format!("{}{:+03}", t.format("%Y-%m-%dT%H:%M:%S%.9f"), minutes / 60)
                }
                _ => t.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            };
            prop_assert_eq!(parse(&text, TimeFormat::Offset, ROME), Ok(Some(secs)), "{}", text);
        }

        #[test]
        fn epoch_round_trip(
            ms in 100_000_000_000i64..10_000_000_000_000,
            us in 0i64..1000,
            frac in 0u32..1000,
        ) {
            let micros = ms * 1000 + us;
            let (secs, text) = (Ok(Some(ms / 1000)), format!("{ms}.{frac}"));
            prop_assert_eq!(parse(&ms.to_string(), EpochMillis, ROME), secs.clone());
            prop_assert_eq!(parse(&text, EpochMillis, ROME), secs.clone());
            prop_assert_eq!(parse(&micros.to_string(), EpochMicros, ROME), secs);
            let d = detect([ms.to_string().as_str()], None, Dmy);
            prop_assert_eq!(d.format, Some(EpochMillis));
        }

        #[test]
        fn naive_iso_round_trip_in_utc(secs in -2_208_988_800i64..7_258_118_400, style in 0..3u8) {
            let t = DateTime::from_timestamp(secs, 0).unwrap().naive_utc();
            let (text, want) = match style {
                0 => (t.format("%Y-%m-%d %H:%M:%S").to_string(), secs),
                1 => (t.format("%Y-%m-%dT%H:%M:%S.%6f").to_string(), secs),
                _ => (t.format("%Y-%m-%d %H:%M").to_string(), secs - secs.rem_euclid(60)),
            };
            prop_assert_eq!(parse(&text, NaiveIso, Tz::UTC), Ok(Some(want)), "{}", text);
        }
    }
}
