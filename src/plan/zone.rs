//! A contact's own time zone, as exports write it ("Europe/Rome", "+01:00", "UTC+1", or
//! Facebook's bare hour offset "2", "-5", "5.5"), and quiet hours in that zone.

use chrono::{Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use crate::import::time::parse_zone;

const DAY_SECS: i64 = 86_400;

/// A time zone: a named one with its daylight-saving rules, or a fixed offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone.
    Named(Tz),
    /// Seconds east of UTC.
    Fixed(i32),
}

impl Zone {
    /// Reads a zone as contact exports write it; `None` when it is none of the known forms.
    pub fn parse(s: &str) -> Option<Zone> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        if let Some(secs) = parse_offset(s) {
            return Some(Zone::Fixed(secs));
        }
        parse_zone(s).ok().map(Zone::Named)
    }

    /// Seconds east of UTC at the instant `t` (unix seconds).
    pub fn offset_secs_at(self, t: i64) -> i32 {
        match self {
            Zone::Fixed(secs) => secs,
            Zone::Named(tz) => Utc
                .timestamp_opt(t, 0)
                .single()
                .map_or(0, |u| u.with_timezone(&tz).offset().fix().local_minus_utc()),
        }
    }

    /// Seconds since local midnight at the instant `t`.
    pub fn second_of_day(self, t: i64) -> i64 {
        match self {
            Zone::Fixed(secs) => (t + i64::from(secs)).rem_euclid(DAY_SECS),
            Zone::Named(tz) => Utc.timestamp_opt(t, 0).single().map_or(0, |u| {
                i64::from(u.with_timezone(&tz).num_seconds_from_midnight())
            }),
        }
    }
}

/// Reads "+01:00", "-0530", "UTC+1", "GMT-03:00", "2", "-5", "5.5" as seconds east of UTC.
fn parse_offset(s: &str) -> Option<i32> {
    let upper = s.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper)
        .trim();
    if rest.is_empty() {
        return (upper == "UTC" || upper == "GMT").then_some(0);
    }
    let (sign, body) = match rest.as_bytes()[0] {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        b'0'..=b'9' => (1, rest),
        _ => return None,
    };
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
    {
        return None;
    }
    let (hours, minutes) = if let Some((h, m)) = body.split_once(':') {
        (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
    } else if body.contains('.') {
        let hours: f64 = body.parse().ok()?;
        let whole = hours.trunc();
        (whole as i32, ((hours - whole) * 60.0).round() as i32)
    } else if body.len() == 4 {
        (body[..2].parse().ok()?, body[2..].parse().ok()?)
    } else {
        (body.parse().ok()?, 0)
    };
    if !(0..=14).contains(&hours) || !(0..60).contains(&minutes) {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

/// Hours in which nobody is messaged, in each person's own zone: `[start, end)` seconds after
/// local midnight, wrapping past midnight when `start > end` (21:00–08:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuietHours {
    /// First quiet second of the day.
    pub start_secs: u32,
    /// First awake second after the quiet span.
    pub end_secs: u32,
}

impl QuietHours {
    /// Reads `HH-HH` or `HH:MM-HH:MM` ("21-08", "22:30-07:00").
    pub fn parse(s: &str) -> Result<QuietHours, String> {
        let err = || {
            format!(
                "{s:?} is not a span of quiet hours; write it like 21-08 or 22:30-07:00 (from-to, 24-hour clock)"
            )
        };
        let (a, b) = s.trim().split_once('-').ok_or_else(err)?;
        let clock = |x: &str| -> Option<u32> {
            let x = x.trim();
            let (h, m) = x.split_once(':').unwrap_or((x, "0"));
            let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some((h * 60 + m) * 60 % 86_400)
        };
        let (start_secs, end_secs) = (clock(a).ok_or_else(err)?, clock(b).ok_or_else(err)?);
        if start_secs == end_secs {
            return Err(format!(
                "{s:?} starts and ends at the same time; give a span such as 21-08"
            ));
        }
        Ok(QuietHours {
            start_secs,
            end_secs,
        })
    }

    /// Whether the second of the day `sod` is quiet.
    fn quiet_at_second(self, sod: i64) -> bool {
        let (s, e) = (i64::from(self.start_secs), i64::from(self.end_secs));
        if s < e {
            (s..e).contains(&sod)
        } else {
            sod >= s || sod < e
        }
    }

    /// Whether the instant `t` is quiet in `zone`.
    pub fn is_quiet(self, zone: Zone, t: i64) -> bool {
        self.quiet_at_second(zone.second_of_day(t))
    }

    /// The first instant at or after `t` at which `zone` is awake (`quiet == false`) or quiet
    /// (`quiet == true`).
    pub fn next_change(self, zone: Zone, t: i64, quiet: bool) -> i64 {
        if self.is_quiet(zone, t) == quiet {
            return t;
        }
        let target = i64::from(if quiet {
            self.start_secs
        } else {
            self.end_secs
        });
        let ahead = (target - zone.second_of_day(t)).rem_euclid(DAY_SECS);
        // A daylight-saving change on the way moves the boundary by the size of the jump.
        let guess = t + ahead - i64::from(zone.offset_secs_at(t + ahead) - zone.offset_secs_at(t));
        let first = |x: i64| {
            x > t && self.is_quiet(zone, x) == quiet && self.is_quiet(zone, x - 60) != quiet
        };
        if first(guess) {
            return guess;
        }
        // The boundary falls inside a clock jump: boundaries and jumps are on whole minutes,
        // so walk the minutes (at most a day and a bit; only on the nights clocks change).
        let mut x = t - t.rem_euclid(60) + 60;
        while x < t + 2 * DAY_SECS {
            if self.is_quiet(zone, x) == quiet {
                return x;
            }
            x += 60;
        }
        t + DAY_SECS
    }
}

impl std::fmt::Display for QuietHours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hm = |s: u32| format!("{:02}:{:02}", s / 3600, s % 3600 / 60);
        write!(f, "{}-{}", hm(self.start_secs), hm(self.end_secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(s: &str) -> i64 {
        s.parse::<chrono::DateTime<Utc>>().unwrap().timestamp()
    }

    #[test]
    fn zones_read_as_exports_write_them() {
        assert_eq!(Zone::parse("+01:00"), Some(Zone::Fixed(3600)));
        assert_eq!(Zone::parse("UTC-3"), Some(Zone::Fixed(-3 * 3600)));
        assert_eq!(Zone::parse("GMT+05:30"), Some(Zone::Fixed(19_800)));
        assert_eq!(Zone::parse("2"), Some(Zone::Fixed(7200)));
        assert_eq!(Zone::parse("-5"), Some(Zone::Fixed(-18_000)));
        assert_eq!(Zone::parse("5.5"), Some(Zone::Fixed(19_800)));
        assert_eq!(Zone::parse("+0100"), Some(Zone::Fixed(3600)));
        assert_eq!(Zone::parse("UTC"), Some(Zone::Fixed(0)));
        assert_eq!(
            Zone::parse("Europe/Rome"),
            Some(Zone::Named(chrono_tz::Europe::Rome))
        );
        assert_eq!(Zone::parse("europe/madrid").map(|_| ()), Some(()));
        assert_eq!(Zone::parse("Mars/Olympus"), None);
        assert_eq!(Zone::parse("+25"), None);
        assert_eq!(Zone::parse(""), None);
        // Cells that are not ASCII are refused, not sliced through a character.
        for bad in ["+1€", "1€", "+1€1", "GMT+１", "−5", "+1:€"] {
            assert_eq!(Zone::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn quiet_hours_parse_and_refuse() {
        let q = QuietHours::parse("21-08").unwrap();
        assert_eq!((q.start_secs, q.end_secs), (21 * 3600, 8 * 3600));
        let q = QuietHours::parse("22:30-07:15").unwrap();
        assert_eq!((q.start_secs, q.end_secs), (81_000, 26_100));
        assert_eq!(QuietHours::parse("22-24").unwrap().end_secs, 0);
        for bad in ["21", "25-08", "21-08:61", "8-8", "evening"] {
            let e = QuietHours::parse(bad).unwrap_err();
            assert!(e.contains("21-08"), "{e}");
        }
    }

    #[test]
    fn quiet_hours_follow_each_zone_and_daylight_saving() {
        let q = QuietHours::parse("21-08").unwrap();
        let rome = Zone::Named(chrono_tz::Europe::Rome);
        // 19:30 UTC is 20:30 in Rome in winter, 21:30 in summer.
        assert!(!q.is_quiet(rome, t("2026-01-10T19:30:00Z")));
        assert!(q.is_quiet(rome, t("2026-07-10T19:30:00Z")));
        // Awake again at 08:00 Rome time: 07:00 UTC in winter.
        assert_eq!(
            q.next_change(rome, t("2026-01-10T22:00:00Z"), false),
            t("2026-01-11T07:00:00Z")
        );
        // The night the clocks go forward (2026-03-29, 02:00 → 03:00).
        assert_eq!(
            q.next_change(rome, t("2026-03-28T22:00:00Z"), false),
            t("2026-03-29T06:00:00Z")
        );
        let ny = Zone::Fixed(-5 * 3600);
        assert_eq!(
            q.next_change(ny, t("2026-01-10T14:00:00Z"), true),
            t("2026-01-11T02:00:00Z")
        );
    }

    proptest! {
        #[test]
        fn next_change_lands_on_the_first_instant_of_the_other_state(
            start in 0u32..24, end in 0u32..24, offset in -12i32..14,
            named in any::<bool>(), t in 1_700_000_000i64..1_800_000_000,
        ) {
            prop_assume!(start != end);
            let q = QuietHours { start_secs: start * 3600, end_secs: end * 3600 };
            let zone = if named { Zone::Named(chrono_tz::America::New_York) } else { Zone::Fixed(offset * 3600) };
            let want = !q.is_quiet(zone, t);
            let next = q.next_change(zone, t, want);
            prop_assert!(next > t);
            prop_assert_eq!(q.is_quiet(zone, next), want);
            // Nothing earlier, checked every 10 minutes and just before.
            let mut probe = t;
            while probe < next {
                prop_assert_ne!(q.is_quiet(zone, probe), want, "at {}", probe);
                probe += 600;
            }
            prop_assert_ne!(q.is_quiet(zone, next - 1), want);
        }
    }
}
