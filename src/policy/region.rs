//! Where a Page and a person are, and what that means for a route: ISO 3166 countries with
//! their names, region groups defined as data (the EEA, the EU, …), and the dated regional
//! restrictions a rule carries. A restriction that cannot be decided (the country is not
//! known, or the sources disagree) gives `uncertain`, which Ventana treats as unavailable.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::model::{Text, start_of_day};
use crate::i18n::Lang;

/// The countries Ventana knows, with their names (ISO codes, CLDR names).
const COUNTRIES: &str = include_str!("../../assets/regions/countries.tsv");
/// Time zone → country, from the tz database's zone.tab.
const ZONES: &str = include_str!("../../assets/regions/zones.tsv");

struct CountryTable {
    /// Code → [code, English, Italian, Spanish name].
    names: HashMap<[u8; 2], [&'static str; 4]>,
    /// A folded name in any of the three languages → country.
    by_name: HashMap<String, Country>,
    zones: HashMap<&'static str, Country>,
}

/// A country name as people type it: lower case, accents and punctuation dropped.
fn fold_name(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' => Some('i'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

static TABLE: LazyLock<CountryTable> = LazyLock::new(|| {
    let rows = |text: &'static str| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').collect::<Vec<_>>())
    };
    let mut names = HashMap::new();
    let mut by_name = HashMap::new();
    for cols in rows(COUNTRIES) {
        if let [code, en, it, es] = cols[..]
            && let [a, b] = *code.as_bytes()
        {
            names.insert([a, b], [code, en, it, es]);
            for name in [en, it, es] {
                by_name.insert(fold_name(name), Country([a, b]));
            }
        }
    }
    let mut zones = HashMap::new();
    for cols in rows(ZONES) {
        if let [zone, code] = cols[..]
            && let [a, b] = *code.as_bytes()
        {
            zones.insert(zone, Country([a, b]));
        }
    }
    CountryTable {
        names,
        by_name,
        zones,
    }
});

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

/// Every country Ventana knows, by code.
pub fn all_countries() -> Vec<Country> {
    let mut all: Vec<Country> = TABLE.names.keys().map(|k| Country(*k)).collect();
    all.sort();
    all
}

impl Country {
    /// The two-letter code.
    pub fn code(&self) -> &'static str {
        TABLE.names.get(&self.0).map_or("??", |n| n[0])
    }

    /// The country's name in `lang` (Unicode CLDR).
    pub fn name(&self, lang: Lang) -> &'static str {
        TABLE
            .names
            .get(&self.0)
            .map_or("?", |n| n[lang.index() + 1])
    }

    /// A country as an export's cell gives it: an ISO code (`IT`, `es`, `UK`) or the
    /// country's name in English, Italian or Spanish (`Italy`, `España`, `Regno Unito`).
    pub fn of_cell(cell: &str) -> Option<Country> {
        cell.parse()
            .ok()
            .or_else(|| TABLE.by_name.get(&fold_name(cell)).copied())
    }

    /// The country of an IANA time zone (`Europe/Rome` → IT), when the zone names one.
    pub fn of_zone(zone: &str) -> Option<Country> {
        TABLE.zones.get(zone.trim()).copied()
    }

    /// The country of a locale (`it_IT`, `es-ES`, `en_GB`); a bare language gives none.
    pub fn of_locale(locale: &str) -> Option<Country> {
        let mut parts = locale.trim().split(['_', '-', '.', '@']);
        let _language = parts.next()?;
        parts.find_map(|p| (p.len() == 2).then(|| p.parse().ok()).flatten())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Country {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let up = s.trim().to_ascii_uppercase();
        // The United Kingdom's ISO code is GB; "UK" is what people write.
        let up = if up == "UK" { "GB".to_string() } else { up };
        match *up.as_bytes() {
            [a, b] if TABLE.names.contains_key(&[a, b]) => Ok(Country([a, b])),
            _ => Err(format!(
                "{s:?} is not an ISO 3166 country code; write two letters, e.g. IT, ES, US"
            )),
        }
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// Whose country a restriction looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    /// The Page (the business) sending the message.
    Page,
    /// The person receiving it.
    Recipient,
    /// Either: the restriction holds when the Page or the person is in the countries.
    Either,
}

/// How sure the sources are of a fact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Meta's own pages say so.
    #[default]
    Confirmed,
    /// Only third parties (vendors, press) report it.
    Reported,
    /// Sources disagree.
    Conflicting,
}

/// A set of countries, written in the data as codes and group names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CountrySet {
    /// The countries.
    pub countries: BTreeSet<Country>,
    /// How the data wrote it (`EU, JP, KR, AU, UK`), for sentences.
    pub label: String,
}

impl CountrySet {
    /// Whether `c` is in the set.
    pub fn contains(&self, c: Country) -> bool {
        self.countries.contains(&c)
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }
}

/// Region groups: names for sets of countries (`EEA`, `EU`, `UK`, …), defined as data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Regions {
    groups: BTreeMap<String, BTreeSet<Country>>,
    /// Each group's source and display names.
    pub info: BTreeMap<String, GroupInfo>,
}

/// What a region group is.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupInfo {
    /// Its name in each language.
    pub name: Text,
    /// Where its membership comes from.
    pub source: String,
}

impl Regions {
    /// Builds the groups from their members (codes or other groups' names), resolving
    /// groups that include groups. Errors name the group and the member at fault.
    pub fn build(raw: &BTreeMap<String, Vec<String>>) -> Result<Regions, String> {
        let mut groups = BTreeMap::new();
        fn resolve(
            name: &str,
            raw: &BTreeMap<String, Vec<String>>,
            done: &mut BTreeMap<String, BTreeSet<Country>>,
            stack: &mut Vec<String>,
        ) -> Result<BTreeSet<Country>, String> {
            if let Some(set) = done.get(name) {
                return Ok(set.clone());
            }
            if stack.iter().any(|s| s == name) {
                return Err(format!(
                    "group {name} includes itself ({} → {name})",
                    stack.join(" → ")
                ));
            }
            let members = raw
                .get(name)
                .ok_or_else(|| format!("{name:?} is neither a country code nor a group"))?;
            stack.push(name.to_string());
            let mut set = BTreeSet::new();
            for m in members {
                if raw.contains_key(m) {
                    set.extend(resolve(m, raw, done, stack)?);
                } else {
                    set.insert(
                        m.parse::<Country>()
                            .map_err(|e| format!("group {name}: {e}"))?,
                    );
                }
            }
            stack.pop();
            done.insert(name.to_string(), set.clone());
            Ok(set)
        }
        for name in raw.keys() {
            resolve(name, raw, &mut groups, &mut Vec::new())?;
        }
        Ok(Regions {
            groups,
            info: BTreeMap::new(),
        })
    }

    /// The countries of a group.
    pub fn group(&self, name: &str) -> Option<&BTreeSet<Country>> {
        self.groups.get(name)
    }

    /// Resolves a list of codes and group names into a set.
    pub fn set(&self, members: &[String]) -> Result<CountrySet, String> {
        let mut countries = BTreeSet::new();
        for m in members {
            match self.groups.get(m.trim()) {
                Some(g) => countries.extend(g.iter().copied()),
                None => {
                    countries.insert(m.parse::<Country>()?);
                }
            }
        }
        Ok(CountrySet {
            countries,
            label: members.join(", "),
        })
    }
}

/// A dated regional restriction of a rule (or of a platform feature): between `from` and
/// `until` the route exists only for the countries in `only` (when given), never for those
/// in `except`, and is unclear for those in `uncertain`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// Stable id, e.g. `messenger.utility_template.region1`.
    pub id: String,
    /// Whose country counts.
    pub party: Party,
    /// When set, only these countries have the route.
    pub only: Option<CountrySet>,
    /// These countries do not have it.
    pub except: CountrySet,
    /// For these countries the sources leave it unclear.
    pub uncertain: CountrySet,
    /// First day the restriction applies.
    pub from: NaiveDate,
    /// First day it no longer applies (a documented restoration).
    pub until: Option<NaiveDate>,
    /// Source URL.
    pub source: String,
    /// How sure the sources are.
    pub confidence: Confidence,
    /// One sentence saying what the restriction is, in each language.
    pub reason: Text,
}

impl Scope {
    /// Whether the restriction applies at `at`.
    pub fn in_force(&self, at: DateTime<Utc>) -> bool {
        at >= start_of_day(self.from) && self.until.is_none_or(|u| at < start_of_day(u))
    }

    /// What the restriction says for a Page and a person at `place`, ignoring dates, and
    /// whose country decides it (the Page's when both do equally).
    pub fn decide(&self, place: &Place) -> (Available, Party) {
        match self.party {
            Party::Page => (self.verdict(place.page), Party::Page),
            Party::Recipient => (self.verdict(place.recipient), Party::Recipient),
            Party::Either => {
                let page = self.verdict(place.page);
                let person = self.verdict(place.recipient);
                if person > page {
                    (person, Party::Recipient)
                } else {
                    (page, Party::Page)
                }
            }
        }
    }

    /// What the restriction says for a country (`None` = not known), ignoring dates.
    pub fn verdict(&self, country: Option<Country>) -> Available {
        let Some(c) = country else {
            return Available::Uncertain;
        };
        if self.only.as_ref().is_some_and(|o| !o.contains(c)) || self.except.contains(c) {
            return Available::No;
        }
        if self.uncertain.contains(c) {
            return Available::Uncertain;
        }
        Available::Yes
    }
}

/// Whether a route exists for a Page and a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Available {
    /// It does.
    #[default]
    Yes,
    /// The sources or the missing country leave it open: treated as unavailable.
    Uncertain,
    /// It does not.
    No,
}

impl Serialize for Available {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Available::Yes => s.serialize_bool(true),
            Available::No => s.serialize_bool(false),
            Available::Uncertain => s.serialize_str("uncertain"),
        }
    }
}

/// Where the Page and the person are; `None` when not known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    /// The Page's country.
    pub page: Option<Country>,
    /// The person's country.
    pub recipient: Option<Country>,
}

impl Place {
    /// The country of `party` (for `Either`, the Page's).
    pub fn of(&self, party: Party) -> Option<Country> {
        match party {
            Party::Page | Party::Either => self.page,
            Party::Recipient => self.recipient,
        }
    }
}

impl Place {
    /// The place every one of `places` shares, field by field (unknown where they differ).
    pub fn common(mut places: impl Iterator<Item = Place>) -> Place {
        let Some(first) = places.next() else {
            return Place::default();
        };
        places.fold(first, |acc, p| Place {
            page: acc.page.filter(|c| p.page == Some(*c)),
            recipient: acc.recipient.filter(|c| p.recipient == Some(*c)),
        })
    }
}

/// The first of `scopes` in force at `at` that makes the route unavailable for `place`, else
/// the first that makes it uncertain; `None` when every restriction lets it through.
pub fn restriction<'a>(
    scopes: &'a [Scope],
    place: &Place,
    at: DateTime<Utc>,
) -> Option<(Available, &'a Scope)> {
    scopes
        .iter()
        .filter(|s| s.in_force(at))
        .map(|s| (s.decide(place).0, s))
        .filter(|(v, _)| *v != Available::Yes)
        .max_by_key(|(v, _)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Country {
        s.parse().unwrap()
    }

    #[test]
    fn countries_parse_and_have_names() {
        assert_eq!(c("it").code(), "IT");
        assert_eq!(c("UK"), c("GB"));
        assert_eq!(c("ES").name(Lang::It), "Spagna");
        assert_eq!(c("IT").name(Lang::Es), "Italia");
        assert!("XX".parse::<Country>().is_err());
        assert!("ITA".parse::<Country>().is_err());
        assert!("€".parse::<Country>().is_err());
    }

    #[test]
    fn export_cells_give_countries_by_code_or_name() {
        for (cell, code) in [
            ("it", "IT"),
            ("Italy", "IT"),
            ("ITALIA", "IT"),
            ("España", "ES"),
            ("espana", "ES"),
            ("Spagna", "ES"),
            ("Regno Unito", "GB"),
            (" united states ", "US"),
        ] {
            assert_eq!(
                Country::of_cell(cell).map(|c| c.code()),
                Some(code),
                "{cell}"
            );
        }
        for cell in ["Narnia", "", "I", "€"] {
            assert_eq!(Country::of_cell(cell), None, "{cell}");
        }
    }

    #[test]
    fn zones_and_locales_give_countries() {
        assert_eq!(Country::of_zone("Europe/Rome"), Some(c("IT")));
        assert_eq!(Country::of_zone("Atlantic/Canary"), Some(c("ES")));
        assert_eq!(Country::of_zone("+01:00"), None);
        assert_eq!(Country::of_locale("it_IT"), Some(c("IT")));
        assert_eq!(Country::of_locale("es-MX"), Some(c("MX")));
        assert_eq!(Country::of_locale("en_GB.UTF-8"), Some(c("GB")));
        assert_eq!(Country::of_locale("it"), None);
        assert_eq!(Country::of_locale(""), None);
    }

    #[test]
    fn groups_resolve_through_groups_and_refuse_cycles() {
        let raw: BTreeMap<String, Vec<String>> = [
            ("EU".to_string(), vec!["IT".to_string(), "ES".to_string()]),
            ("EEA".to_string(), vec!["EU".to_string(), "NO".to_string()]),
        ]
        .into();
        let r = Regions::build(&raw).unwrap();
        assert_eq!(r.group("EEA").unwrap().len(), 3);
        let set = r.set(&["EEA".into(), "JP".into()]).unwrap();
        assert!(set.contains(c("NO")) && set.contains(c("JP")) && !set.contains(c("US")));
        let cyclic: BTreeMap<String, Vec<String>> = [
            ("A".to_string(), vec!["B".to_string()]),
            ("B".to_string(), vec!["A".to_string()]),
        ]
        .into();
        assert!(Regions::build(&cyclic).unwrap_err().contains("itself"));
    }

    #[test]
    fn a_scope_decides_by_country_and_unknown_is_uncertain() {
        let r = Regions::default();
        let scope = Scope {
            id: "r".into(),
            party: Party::Page,
            only: Some(r.set(&["US".into(), "VN".into()]).unwrap()),
            except: CountrySet::default(),
            uncertain: r.set(&["VN".into()]).unwrap(),
            from: "2025-07-29".parse().unwrap(),
            until: None,
            source: String::new(),
            confidence: Confidence::Reported,
            reason: Text::default(),
        };
        assert_eq!(scope.verdict(Some(c("US"))), Available::Yes);
        assert_eq!(scope.verdict(Some(c("IT"))), Available::No);
        assert_eq!(scope.verdict(Some(c("VN"))), Available::Uncertain);
        assert_eq!(scope.verdict(None), Available::Uncertain);
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let place = Place {
            page: Some(c("IT")),
            recipient: None,
        };
        let scopes = [scope];
        assert!(restriction(&scopes, &place, at("2025-07-28T23:00:00Z")).is_none());
        assert_eq!(
            restriction(&scopes, &place, at("2025-07-29T00:00:00Z")).map(|r| r.0),
            Some(Available::No)
        );
    }
}
