//! Planning over the whole contact list: the in-memory window index and its counts.

pub mod index;
pub mod reach;
pub mod schedule;
pub mod send;
pub mod windows;
pub mod zone;

pub use index::{ContactIndex, CountrySource, IndexBuilder, state_of};
pub use reach::Reach;
pub use send::{Plan, PlanRequest, RuleRef, Send, Skip, Summary, plan};
pub use windows::{WindowCounts, Windows};

use chrono::Duration;

/// The longest duration a horizon or window query may span: a bit over a year.
pub const MAX_DURATION_DAYS: i64 = 400;

/// Reads a duration such as `2h`, `90m`, `1h30m`, `1d`, `45s` or a bare number of hours,
/// from zero up to [`MAX_DURATION_DAYS`].
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let err = || format!("{s:?} is not a duration; write it like 2h, 90m, 1h30m or 1d");
    let secs = match t.parse::<u64>() {
        Ok(hours) => hours.checked_mul(3_600),
        Err(_) if t.starts_with(|c: char| c.is_ascii_digit()) => {
            Some(humantime::parse_duration(t).map_err(|_| err())?.as_secs())
        }
        Err(_) => return Err(err()),
    };
    let max = MAX_DURATION_DAYS as u64 * 86_400;
    match secs {
        Some(secs) if secs <= max => Ok(Duration::seconds(secs as i64)),
        _ => Err(format!(
            "{s:?} is too long; give at most {MAX_DURATION_DAYS} days (e.g. 7d)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("2h").unwrap(), Duration::hours(2));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::minutes(90));
        assert_eq!(parse_duration("1d").unwrap(), Duration::days(1));
        assert_eq!(parse_duration("3").unwrap(), Duration::hours(3));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("2x").is_err());
        assert!(parse_duration("").is_err());
        assert_eq!(parse_duration("45s").unwrap(), Duration::seconds(45));
        assert_eq!(parse_duration("400d").unwrap(), Duration::days(400));
        for bad in [
            "-3",
            "=-3",
            "-1h",
            "9999999999999",
            "401d",
            "99999999999999999999h",
            "1h-5m",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
