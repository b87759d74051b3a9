//! Every sentence Ventana shows a person, in English, Italian and Spanish, through Fluent
//! catalogues in `assets/i18n/`; dates and numbers in each language's style.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language Ventana speaks and checks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Italian.
    It,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in display order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::It, Lang::Es];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
            Lang::Es => "es",
        }
    }

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::It => "Italiano",
            Lang::Es => "Español",
        }
    }

    /// Position in [`Lang::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        match s.split(['-', '_']).next().unwrap_or_default() {
            "en" => Ok(Lang::En),
            "it" => Ok(Lang::It),
            "es" => Ok(Lang::Es),
            _ => Err(format!("unknown language {s:?}: use en, it or es")),
        }
    }
}

const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../assets/i18n/en.ftl")),
    (Lang::It, include_str!("../assets/i18n/it.ftl")),
    (Lang::Es, include_str!("../assets/i18n/es.ftl")),
];

/// A catalogue file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("assets/i18n/{lang}.ftl, line {line}: {message}; fix the Fluent syntax there")]
pub struct I18nError {
    lang: Lang,
    line: usize,
    message: String,
}

/// The loaded catalogues.
pub struct I18n {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("I18n")
    }
}

/// Arguments of a message.
pub type Args<'a> = [(&'a str, Arg)];

/// One argument value.
#[derive(Clone, Debug)]
pub enum Arg {
    /// Text.
    Str(String),
    /// A number (selects plural forms).
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as f64)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n as f64)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Num(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Num(f64::from(n))
    }
}

impl I18n {
    /// Loads the embedded catalogues.
    pub fn new() -> Result<I18n, I18nError> {
        let mut bundles = Vec::with_capacity(SOURCES.len());
        for (lang, text) in SOURCES {
            let resource = FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
                let first = errors.first();
                let offset = first.map_or(0, |e| e.pos.start);
                I18nError {
                    lang,
                    line: text[..offset.min(text.len())].matches('\n').count() + 1,
                    message: first.map_or_else(|| "parse error".into(), |e| e.kind.to_string()),
                }
            })?;
            let id: unic_langid::LanguageIdentifier =
                lang.code().parse().map_err(|_| I18nError {
                    lang,
                    line: 1,
                    message: "bad language identifier".into(),
                })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            // Whole numbers show with the language's thousands separator ("1.234 contatti")
            // and still select plural forms.
            bundle.set_formatter(Some(match lang {
                Lang::En => |v, _| grouped(v, Lang::En),
                Lang::It => |v, _| grouped(v, Lang::It),
                Lang::Es => |v, _| grouped(v, Lang::Es),
            }));
            bundle.add_resource(resource).map_err(|errors| I18nError {
                lang,
                line: 1,
                message: format!("{} duplicate or bad entries", errors.len()),
            })?;
            bundles.push(bundle);
        }
        Ok(I18n { bundles })
    }

    /// The message `key` in `lang` with `args`; falls back to English, then to the key itself.
    pub fn tr(&self, lang: Lang, key: &str, args: &Args<'_>) -> String {
        self.lookup(lang, key, args)
            .or_else(|| self.lookup(Lang::En, key, args))
            .unwrap_or_else(|| key.to_string())
    }

    /// A message without arguments.
    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.tr(lang, key, &[])
    }

    /// Whether `lang` has `key`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles
            .get(lang.index())
            .is_some_and(|b| b.has_message(key))
    }

    /// Every message id of a language's catalogue.
    pub fn keys(lang: Lang) -> Vec<String> {
        let text = SOURCES[lang.index()].1;
        text.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t', '.', '[', '*', '}']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .map(|k| k.trim().to_string())
            .collect()
    }

    fn lookup(&self, lang: Lang, key: &str, args: &Args<'_>) -> Option<String> {
        let bundle = self.bundles.get(lang.index())?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_str())),
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(out.into_owned())
    }
}

/// A whole number as [`format_count`] writes it; `None` (Fluent's own formatting) for the
/// rest.
fn grouped(v: &FluentValue<'_>, lang: Lang) -> Option<String> {
    match v {
        FluentValue::Number(n)
            if n.value.fract() == 0.0
                && n.value.abs() < 1e15
                && n.options.minimum_fraction_digits.is_none() =>
        {
            let sign = if n.value < 0.0 { "-" } else { "" };
            Some(format!(
                "{sign}{}",
                format_count(lang, n.value.abs() as u64)
            ))
        }
        _ => None,
    }
}

/// The embedded catalogues, loaded once, for code that has no [`I18n`] at hand (the
/// importer's warnings and reasons, error sentences).
static CATALOGUE: std::sync::LazyLock<Result<I18n, I18nError>> =
    std::sync::LazyLock::new(I18n::new);

/// The message `key` in `lang` with `args`, from the embedded catalogues (the key itself if
/// they could not be read, which a test rules out).
pub fn say(lang: Lang, key: &str, args: &Args<'_>) -> String {
    match &*CATALOGUE {
        Ok(i18n) => i18n.tr(lang, key, args),
        Err(_) => key.to_string(),
    }
}

/// Names of the languages the detector can name, by ISO 639-3 code: English, Italian,
/// Spanish (Unicode CLDR).
const LANGUAGE_NAMES: &str = include_str!("../assets/i18n/languages.tsv");

/// The name of the language with ISO 639-3 `code` in `lang` ("francese"); the code itself
/// when it is not known.
pub fn language_name(code: &str, lang: Lang) -> String {
    LANGUAGE_NAMES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|cols| cols.first() == Some(&code))
        .and_then(|cols| cols.get(1 + lang.index()).map(|s| s.to_string()))
        .unwrap_or_else(|| code.to_string())
}

/// A calendar day in the language's usual style: 2026-04-27, 27/04/2026, 27/04/2026.
pub fn format_date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::En => day.format("%Y-%m-%d").to_string(),
        Lang::It | Lang::Es => format!("{:02}/{:02}/{}", day.day(), day.month(), day.year()),
    }
}

/// An instant, shown in UTC, in the language's usual style.
pub fn format_instant(lang: Lang, t: DateTime<Utc>) -> String {
    format_instant_in(lang, t, chrono_tz::Tz::UTC)
}

/// An instant in the zone `tz`, in the language's usual style, with the zone's abbreviation:
/// "2026-11-22 11:00 CET", "22/11/2026 11:00 CET".
pub fn format_instant_in(lang: Lang, t: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    let local = t.with_timezone(&tz);
    format!(
        "{} {:02}:{:02} {}",
        format_date(lang, local.date_naive()),
        local.hour(),
        local.minute(),
        local.format("%Z")
    )
}

/// `s` for matching a search: compatibility-decomposed (NFKD), without combining marks, in
/// lower case — "García" and "garcia", "Ｒｏｍａ" and "roma" fold the same.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// An integer with the language's thousands separator: 1,234,567 or 1.234.567.
pub fn format_count(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::It | Lang::Es => '.',
    };
    let digits = n.to_string();
    // Spanish groups from five digits on (CLDR's minimum grouping digits: "1000", "10.000").
    if lang == Lang::Es && n < 10_000 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A decimal with the language's decimal mark: 0.93 or 0,93.
pub fn format_decimal(lang: Lang, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::En => s,
        Lang::It | Lang::Es => s.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_every_language() {
        let en = I18n::keys(Lang::En);
        assert!(en.len() > 20);
        for lang in [Lang::It, Lang::Es] {
            let other = I18n::keys(lang);
            let missing: Vec<_> = en.iter().filter(|k| !other.contains(k)).collect();
            let extra: Vec<_> = other.iter().filter(|k| !en.contains(k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn catalogues_load_and_format() {
        let i = I18n::new().unwrap();
        for lang in Lang::ALL {
            for key in I18n::keys(lang) {
                assert!(i.has(lang, &key), "{lang}: {key}");
            }
        }
        assert_eq!(i.t(Lang::En, "no-such-key"), "no-such-key");
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(format_count(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(format_count(Lang::It, 1_234_567), "1.234.567");
        assert_eq!(format_count(Lang::Es, 999), "999");
        assert_eq!(format_count(Lang::Es, 1_234), "1234");
        assert_eq!(format_count(Lang::Es, 12_345), "12.345");
        assert_eq!(format_count(Lang::It, 1_234), "1.234");
        assert_eq!(format_decimal(Lang::Es, 0.925, 2), "0,93");
        let d = NaiveDate::from_ymd_opt(2026, 4, 27).unwrap();
        assert_eq!(format_date(Lang::En, d), "2026-04-27");
        assert_eq!(format_date(Lang::It, d), "27/04/2026");
    }

    #[test]
    fn counts_take_the_plural_form_and_the_thousands_separator() {
        let i = I18n::new().unwrap();
        let n = |lang, count: u64| i.tr(lang, "gui-contacts-shown", &[("count", count.into())]);
        assert_eq!(n(Lang::En, 1), "1 contact");
        assert_eq!(n(Lang::En, 1_234), "1,234 contacts");
        assert_eq!(n(Lang::It, 1), "1 contatto");
        assert_eq!(n(Lang::It, 250_000), "250.000 contatti");
        assert_eq!(n(Lang::Es, 1), "1 contacto");
        assert_eq!(n(Lang::Es, 0), "0 contactos");
        let sends = |lang, planned: u64| {
            i.tr(
                lang,
                "gui-send-counts",
                &[("planned", planned.into()), ("excluded", 1u64.into())],
            )
        };
        assert_eq!(sends(Lang::It, 1), "1 pianificato · 1 escluso");
        assert_eq!(sends(Lang::Es, 12_000), "12.000 planificados · 1 excluido");
        let last = |lang| {
            i.tr(
                lang,
                "gui-last-import",
                &[
                    ("file", "a.csv".into()),
                    ("inserted", 1u64.into()),
                    ("updated", 2u64.into()),
                    ("rejected", 1u64.into()),
                ],
            )
        };
        assert_eq!(
            last(Lang::Es),
            "Última importación: a.csv — 1 nuevo, 2 actualizados, 1 rechazado"
        );
        assert_eq!(
            last(Lang::It),
            "Ultima importazione: a.csv — 1 nuovo, 2 aggiornati, 1 scartato"
        );
    }

    #[test]
    fn no_message_says_one_with_a_plural_noun() {
        // Every message rendered with each of its variables set to 1: "1 contacts",
        // "1 righe", "1 nuevos" would mean a missing plural selector.
        let i = I18n::new().unwrap();
        let plural = [
            (
                Lang::En,
                "contacts|rows|files|characters|minutes|hours|days|recipients|messages|warnings|imports|pages|people|sends",
            ),
            (
                Lang::It,
                "contatti|righe|caratteri|minuti|ore|giorni|destinatari|messaggi|avvisi|importazioni|pagine|persone|invii|nuovi|aggiornati|scartati|invariati|modificati",
            ),
            (
                Lang::Es,
                "contactos|filas|archivos|caracteres|minutos|horas|días|destinatarios|mensajes|avisos|importaciones|páginas|personas|envíos|nuevos|actualizados|rechazados|cambiados",
            ),
        ];
        // Numbers that are never 1: the window's hours (24, 168), a length over the limit,
        // the limit itself.
        let never_one = ["$hours", "$limit"];
        let vars = regex::Regex::new(r"\$([a-z_]+)").unwrap();
        let mut found = Vec::new();
        for (lang, nouns) in plural {
            let wrong = regex::Regex::new(&format!(r"(^|[^0-9.,]) ?\b1 ({nouns})\b")).unwrap();
            let source = SOURCES[lang.index()].1;
            let mut bodies: Vec<(String, String)> = Vec::new();
            for line in source.lines() {
                match line.split_once(" = ") {
                    Some((key, body)) if !line.starts_with([' ', '#']) => {
                        bodies.push((key.to_string(), body.to_string()))
                    }
                    _ => {
                        if let Some(last) = bodies.last_mut() {
                            last.1.push_str(line);
                        }
                    }
                }
            }
            for (key, body) in bodies {
                let names: Vec<String> = vars
                    .captures_iter(&body)
                    .map(|c| c[1].to_string())
                    .collect();
                if never_one.iter().any(|n| body.contains(n)) {
                    continue;
                }
                let args: Vec<(&str, Arg)> =
                    names.iter().map(|n| (n.as_str(), Arg::Num(1.0))).collect();
                let text = i.tr(lang, &key, &args);
                if wrong.is_match(&text) {
                    found.push(format!("{key} ({lang:?}): {text}"));
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn languages_parse() {
        assert_eq!("it-IT".parse::<Lang>().unwrap(), Lang::It);
        assert_eq!("es_ES".parse::<Lang>().unwrap(), Lang::Es);
        assert!("de".parse::<Lang>().is_err());
    }
}
