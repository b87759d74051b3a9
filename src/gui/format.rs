//! Words, colours and times as the panels show them, in the reader's language.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use egui::Color32;

use crate::i18n::{Arg, I18n, Lang, format_date, format_instant_in};
use crate::policy::{Channel, InteractionKind, WindowState};

/// The state's name.
pub fn state_name(i18n: &I18n, lang: Lang, s: WindowState) -> String {
    i18n.t(lang, &format!("gui-state-{}", s.as_str()))
}

/// The state's badge colour (readable on light and dark backgrounds).
pub fn state_color(s: WindowState) -> Color32 {
    match s {
        WindowState::Open => Color32::from_rgb(0x2e, 0x9d, 0x4f),
        WindowState::Closing => Color32::from_rgb(0xe0, 0x8a, 0x00),
        WindowState::MaybeOpen => Color32::from_rgb(0x8f, 0x9a, 0x2c),
        WindowState::HumanAgentOnly => Color32::from_rgb(0x3f, 0x7c, 0xd6),
        WindowState::Closed => Color32::from_rgb(0x8a, 0x8f, 0x98),
        WindowState::Unknown => Color32::from_rgb(0xb0, 0x62, 0xc9),
    }
}

/// "3 h 12 min", "2 days 4 h", "45 min".
pub fn duration(i18n: &I18n, lang: Lang, secs: i64) -> String {
    let secs = secs.max(0);
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    let args = |a: i64, b: i64| [("a", Arg::from(a)), ("b", Arg::from(b))];
    if d > 0 {
        i18n.tr(lang, "gui-dur-days", &args(d, h))
    } else if h > 0 {
        i18n.tr(lang, "gui-dur-hours", &args(h, m))
    } else {
        i18n.tr(lang, "gui-dur-minutes", &[("a", Arg::from(m.max(1)))])
    }
}

/// An instant as the reader writes it, in the zone `tz` with its abbreviation.
pub fn instant(lang: Lang, tz: Tz, t: i64) -> String {
    Utc.timestamp_opt(t, 0)
        .single()
        .map_or_else(String::new, |t| format_instant_in(lang, t, tz))
}

/// An instant in a table cell: date and time in `tz`, without the zone (the header says it).
pub fn instant_cell(lang: Lang, tz: Tz, t: i64) -> String {
    Utc.timestamp_opt(t, 0)
        .single()
        .map_or_else(String::new, |t| {
            let local = t.with_timezone(&tz);
            format!(
                "{} {}",
                format_date(lang, local.date_naive()),
                local.format("%H:%M")
            )
        })
}

/// The day of `t` in `tz`, as the reader writes it.
pub fn day(lang: Lang, tz: Tz, t: DateTime<Utc>) -> String {
    format_date(lang, t.with_timezone(&tz).date_naive())
}

/// A zone as a person picks it: "Europe/Rome (CET, UTC+01:00)" at the instant `at`.
pub fn zone_label(tz: Tz, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&tz);
    format!(
        "{} ({}, UTC{})",
        tz.name(),
        local.format("%Z"),
        local.format("%:z")
    )
}

/// A channel's product name.
pub fn channel(c: Channel) -> &'static str {
    crate::compliance::channel_name(c)
}

/// The kind of action, as words.
pub fn kind(i18n: &I18n, lang: Lang, k: InteractionKind) -> String {
    i18n.t(lang, &format!("gui-kind-{}", k.as_str()))
}

/// The file name of a path, for a short label.
pub fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |f| f.to_string_lossy().into_owned())
}
