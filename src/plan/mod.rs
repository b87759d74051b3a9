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

/// Reads a duration such as `2h`, `90m`, `1h30m`, `1d`, `45s` or a bare number of hours.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim().to_ascii_lowercase();
    let err = || format!("{s:?} is not a duration; write it like 2h, 90m, 1h30m or 1d");
    if t.is_empty() {
        return Err(err());
    }
    if let Ok(h) = t.parse::<i64>() {
        return Ok(Duration::hours(h));
    }
    let mut total = 0i64;
    let mut num = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: i64 = num.parse().map_err(|_| err())?;
        num.clear();
        total += n * match c {
            'd' => 86_400,
            'h' => 3_600,
            'm' => 60,
            's' => 1,
            _ => return Err(err()),
        };
    }
    if !num.is_empty() {
        return Err(err());
    }
    Ok(Duration::seconds(total))
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
    }
}
