//! The in-memory contact index: every contact's interactions, Page, locale, time zone and
//! country in compact columns, and the state of any contact's window at an instant. The
//! counts over many contacts live in `windows.rs`.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Serialize;

use crate::policy::region::{Country, Place};
use crate::policy::window::{
    human_agent_end, standard_window_end, state_from_ends, window_max_end,
};
use crate::policy::{
    Channel, Interaction, InteractionKind, Policy, WindowState, WindowStatus, window_over,
};
use crate::store::{Store, StoreError};

pub(crate) const NO_TIME: i64 = i64::MIN;

/// Where a person's country came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountrySource {
    /// A country column of the export.
    Column,
    /// The locale (`it_IT` → IT).
    Locale,
    /// The time zone (Europe/Rome → IT).
    TimeZone,
    /// The Page's country.
    Page,
    /// Not known.
    #[default]
    Unknown,
}

impl CountrySource {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            CountrySource::Column => "column",
            CountrySource::Locale => "locale",
            CountrySource::TimeZone => "time_zone",
            CountrySource::Page => "page",
            CountrySource::Unknown => "unknown",
        }
    }
}

/// Compact columns of every contact, in contact-id order.
#[derive(Clone, Debug, Default)]
pub struct ContactIndex {
    /// Contact ids.
    pub ids: Vec<i64>,
    /// Channel of each contact.
    pub channel: Vec<Channel>,
    /// Page of each contact, as an index into `pages`.
    pub page: Vec<u32>,
    /// Locale of each contact, as an index into `locales` (0 = none).
    pub locale: Vec<u32>,
    /// Latest interaction (unix seconds) or `i64::MIN`.
    pub last_at: Vec<i64>,
    /// Its kind.
    pub last_kind: Vec<InteractionKind>,
    /// Distinct page ids.
    pub pages: Vec<String>,
    /// Distinct locales; `locales[0]` is the empty "none".
    pub locales: Vec<String>,
    /// Time zone of each contact as the export wrote it, as an index into `zones` (0 = none).
    pub zone: Vec<u32>,
    /// Distinct time zones; `zones[0]` is the empty "none".
    pub zones: Vec<String>,
    /// The country column of each contact's export, if it had one.
    pub country: Vec<Option<Country>>,
    /// Each Page's country (by index into `pages`), from the Pages table.
    pub page_country: Vec<Option<Country>>,
    /// The country each distinct locale names.
    locale_country: Vec<Option<Country>>,
    /// The country each distinct time zone names.
    zone_country: Vec<Option<Country>>,
    /// Earlier interactions of contact `i` are `hist_at[hist_start[i]..hist_start[i + 1]]`.
    hist_start: Vec<u32>,
    hist_at: Vec<i64>,
    hist_kind: Vec<InteractionKind>,
}

/// Builds a [`ContactIndex`] contact by contact.
#[derive(Debug)]
pub struct IndexBuilder {
    ix: ContactIndex,
    pages: HashMap<String, u32>,
    locales: HashMap<String, u32>,
    zones: HashMap<String, u32>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder {
            ix: ContactIndex {
                locales: vec![String::new()],
                zones: vec![String::new()],
                locale_country: vec![None],
                zone_country: vec![None],
                hist_start: vec![0],
                ..ContactIndex::default()
            },
            pages: HashMap::new(),
            locales: HashMap::from([(String::new(), 0)]),
            zones: HashMap::from([(String::new(), 0)]),
        }
    }
}

fn intern(map: &mut HashMap<String, u32>, list: &mut Vec<String>, s: String) -> u32 {
    if let Some(i) = map.get(&s) {
        return *i;
    }
    let i = list.len() as u32;
    list.push(s.clone());
    map.insert(s, i);
    i
}

impl IndexBuilder {
    fn push_latest(
        &mut self,
        id: i64,
        channel: Channel,
        page_id: String,
        locale: Option<String>,
        last_at: Option<i64>,
        last_kind: InteractionKind,
    ) {
        let ix = &mut self.ix;
        ix.ids.push(id);
        ix.channel.push(channel);
        let pages_before = ix.pages.len();
        ix.page
            .push(intern(&mut self.pages, &mut ix.pages, page_id));
        if ix.pages.len() > pages_before {
            ix.page_country.push(None);
        }
        let locales_before = ix.locales.len();
        let l = intern(
            &mut self.locales,
            &mut ix.locales,
            locale.unwrap_or_default(),
        );
        if ix.locales.len() > locales_before {
            ix.locale_country
                .push(Country::of_locale(&ix.locales[l as usize]));
        }
        ix.locale.push(l);
        ix.last_at.push(last_at.unwrap_or(NO_TIME));
        ix.last_kind.push(last_kind);
        ix.zone.push(0);
        ix.country.push(None);
    }

    /// Sets the time zone (as the export wrote it) of the contact pushed last.
    pub fn set_zone(&mut self, zone: &str) {
        let before = self.ix.zones.len();
        let z = intern(&mut self.zones, &mut self.ix.zones, zone.trim().to_string());
        if self.ix.zones.len() > before {
            self.ix
                .zone_country
                .push(Country::of_zone(&self.ix.zones[z as usize]));
        }
        if let Some(last) = self.ix.zone.last_mut() {
            *last = z;
        }
    }

    /// Sets the country column of the contact pushed last.
    pub fn set_country(&mut self, country: Option<Country>) {
        if let Some(last) = self.ix.country.last_mut() {
            *last = country;
        }
    }

    /// Sets the country of a Page.
    pub fn set_page_country(&mut self, page_id: &str, country: Option<Country>) {
        self.ix.set_page_country(page_id, country);
    }

    /// Adds a contact with its interactions (any order; the latest becomes its last one).
    /// Ids must be pushed in increasing order.
    pub fn push(
        &mut self,
        id: i64,
        channel: Channel,
        page_id: &str,
        locale: Option<&str>,
        mut interactions: Vec<Interaction>,
    ) {
        interactions.sort_by_key(|x| x.at);
        let last = interactions.pop();
        self.push_latest(
            id,
            channel,
            page_id.to_string(),
            locale.map(str::to_string),
            last.map(|x| x.at.timestamp()),
            last.map_or(InteractionKind::Unknown, |x| x.kind),
        );
        for x in interactions {
            self.ix.hist_at.push(x.at.timestamp());
            self.ix.hist_kind.push(x.kind);
        }
        self.ix.hist_start.push(self.ix.hist_at.len() as u32);
    }

    /// The finished index.
    pub fn finish(self) -> ContactIndex {
        self.ix
    }
}

impl ContactIndex {
    /// Reads every contact and its history from the database.
    pub fn load(store: &Store) -> Result<ContactIndex, StoreError> {
        let mut b = IndexBuilder::default();
        b.ix.ids.reserve(store.contact_count()? as usize);
        store.each_index_row(|r| {
            b.push_latest(r.id, r.channel, r.page_id, r.locale, r.last_at, r.last_kind);
            if let Some(z) = &r.timezone {
                b.set_zone(z);
            }
            b.set_country(r.country);
        })?;
        for page in store.page_table()? {
            b.set_page_country(&page.id, page.country);
        }
        // History rows come sorted by contact id, like `ids`: one merge pass builds the offsets.
        let ix = &mut b.ix;
        let mut pos = 0usize;
        ix.hist_start.clear();
        ix.hist_start.push(0);
        let (ids, hist_start, hist_at, hist_kind) = (
            &ix.ids,
            &mut ix.hist_start,
            &mut ix.hist_at,
            &mut ix.hist_kind,
        );
        store.each_history(|cid, at, kind| {
            while pos < ids.len() && ids[pos] < cid {
                hist_start.push(hist_at.len() as u32);
                pos += 1;
            }
            if pos < ids.len() && ids[pos] == cid {
                hist_at.push(at);
                hist_kind.push(kind);
            }
        })?;
        while hist_start.len() <= ids.len() {
            hist_start.push(hist_at.len() as u32);
        }
        Ok(b.ix)
    }

    /// Number of contacts.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// `positions`, or every position when `None`.
    pub fn positions_or_all<'a>(&self, positions: Option<&'a [u32]>) -> Cow<'a, [u32]> {
        match positions {
            Some(p) => Cow::Borrowed(p),
            None => Cow::Owned((0..self.len() as u32).collect()),
        }
    }

    /// Every interaction of contact `i`, oldest first (the latest last).
    pub fn interactions(&self, i: usize) -> impl Iterator<Item = Interaction> + '_ {
        let (a, b) = (
            self.hist_start.get(i).copied().unwrap_or(0) as usize,
            self.hist_start.get(i + 1).copied().unwrap_or(0) as usize,
        );
        let history = (a..b).filter_map(move |j| {
            Some(Interaction {
                at: Utc.timestamp_opt(*self.hist_at.get(j)?, 0).single()?,
                kind: *self.hist_kind.get(j)?,
            })
        });
        let last = (self.last_at[i] != NO_TIME)
            .then(|| Utc.timestamp_opt(self.last_at[i], 0).single())
            .flatten()
            .map(|at| Interaction {
                at,
                kind: self.last_kind[i],
            });
        history.chain(last)
    }

    /// The latest interaction of contact `i` at or before `t`.
    pub fn interaction_at(&self, i: usize, t: DateTime<Utc>) -> Option<Interaction> {
        self.interactions(i).filter(|x| x.at <= t).last()
    }

    /// Sets the country of a Page, when the index has that Page.
    pub fn set_page_country(&mut self, page_id: &str, country: Option<Country>) {
        if let Some(p) = self.pages.iter().position(|p| p == page_id)
            && let Some(slot) = self.page_country.get_mut(p)
        {
            *slot = country;
        }
    }

    /// The country of contact `i` and where it came from: the export's country column,
    /// else the locale, else the time zone, else the Page's country.
    pub fn recipient_country(&self, i: usize) -> (Option<Country>, CountrySource) {
        let from_zone = || {
            self.zone
                .get(i)
                .and_then(|z| self.zone_country.get(*z as usize).copied().flatten())
        };
        let from_locale = || {
            self.locale
                .get(i)
                .and_then(|l| self.locale_country.get(*l as usize).copied().flatten())
        };
        if let Some(c) = self.country.get(i).copied().flatten() {
            (Some(c), CountrySource::Column)
        } else if let Some(c) = from_locale() {
            (Some(c), CountrySource::Locale)
        } else if let Some(c) = from_zone() {
            (Some(c), CountrySource::TimeZone)
        } else if let Some(c) = self.page_country_of(i) {
            (Some(c), CountrySource::Page)
        } else {
            (None, CountrySource::Unknown)
        }
    }

    /// The country of contact `i`'s Page.
    pub fn page_country_of(&self, i: usize) -> Option<Country> {
        self.page
            .get(i)
            .and_then(|p| self.page_country.get(*p as usize).copied().flatten())
    }

    /// Where contact `i` and their Page are.
    pub fn place(&self, i: usize) -> Place {
        Place {
            page: self.page_country_of(i),
            recipient: self.recipient_country(i).0,
        }
    }

    /// Every interaction of contact `i`, in time order.
    pub fn sorted_interactions(&self, i: usize) -> Vec<Interaction> {
        let mut xs = Vec::new();
        self.sorted_interactions_into(i, &mut xs);
        xs
    }

    /// [`ContactIndex::sorted_interactions`] into a buffer the caller reuses.
    pub fn sorted_interactions_into(&self, i: usize, xs: &mut Vec<Interaction>) {
        xs.clear();
        xs.extend(self.interactions(i));
        if xs.len() > 1 {
            xs.sort_by_key(|x| x.at);
        }
    }

    /// The latest interaction of contact `i`, if any.
    pub fn latest(&self, i: usize) -> Option<Interaction> {
        (self.last_at[i] != NO_TIME)
            .then(|| Utc.timestamp_opt(self.last_at[i], 0).single())
            .flatten()
            .map(|at| Interaction {
                at,
                kind: self.last_kind[i],
            })
    }
}

/// The state of contact `i` at `at`, from the interactions known then.
pub fn state_of(
    ix: &ContactIndex,
    i: usize,
    policy: &Policy,
    at: DateTime<Utc>,
    horizon: Duration,
) -> WindowStatus {
    let Some(cp) = ix.channel.get(i).and_then(|c| policy.channel(*c)) else {
        return WindowStatus {
            state: WindowState::Unknown,
            closes_at: None,
            maybe_until: None,
            human_agent_until: None,
            version: None,
        };
    };
    let xs: Vec<Interaction> = ix.interactions(i).collect();
    window_over(cp, &xs, at, horizon)
}

/// A contact's window at one instant, in numbers (unix seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateAt {
    /// The state.
    pub state: WindowState,
    /// When the standard window surely closes (or closed).
    pub closes_at: Option<i64>,
    /// Until when a window started by an ad may be open, when later than `closes_at`.
    pub maybe_until: Option<i64>,
    /// Until when a human agent may answer.
    pub human_until: Option<i64>,
}

/// Evaluates many contacts' windows at one instant: the common case (one interaction)
/// without allocating, the rest through [`state_of`]; both through the policy's window
/// functions.
pub struct StateEval<'a> {
    ix: &'a ContactIndex,
    policy: &'a Policy,
    at: DateTime<Utc>,
    horizon: Duration,
    human_hours: [Option<u32>; 3],
}

impl<'a> StateEval<'a> {
    /// Prepares the evaluation at `at`.
    pub fn new(
        ix: &'a ContactIndex,
        policy: &'a Policy,
        at: DateTime<Utc>,
        horizon: Duration,
    ) -> Self {
        let mut human_hours = [None; 3];
        for (i, c) in Channel::ALL.iter().enumerate() {
            human_hours[i] = policy
                .channel(*c)
                .and_then(|cp| cp.human_agent_hours_at(at));
        }
        StateEval {
            ix,
            policy,
            at,
            horizon,
            human_hours,
        }
    }

    /// The window of contact `i`.
    pub fn state(&self, i: usize) -> StateAt {
        let ix = self.ix;
        let has_history = ix.hist_start.get(i) != ix.hist_start.get(i + 1);
        let channel = ix.channel[i];
        let cp = self.policy.channel(channel);
        let last = ix.latest(i);
        let (Some(cp), false) = (cp, has_history) else {
            let s = state_of(ix, i, self.policy, self.at, self.horizon);
            return StateAt {
                state: s.state,
                closes_at: s.closes_at.map(|c| c.timestamp()),
                maybe_until: s.maybe_until.map(|c| c.timestamp()),
                human_until: s.human_agent_until.map(|c| c.timestamp()),
            };
        };
        let Some(x) = last.filter(|x| x.at <= self.at) else {
            return StateAt {
                state: WindowState::Unknown,
                closes_at: None,
                maybe_until: None,
                human_until: None,
            };
        };
        let closes_at = standard_window_end(cp, x);
        let maybe_until = window_max_end(cp, x).filter(|m| closes_at.is_none_or(|c| *m > c));
        let human_until = human_agent_end(x, self.human_hours[channel as usize]);
        StateAt {
            state: state_from_ends(self.at, self.horizon, closes_at, maybe_until, human_until),
            closes_at: closes_at.map(|c| c.timestamp()),
            maybe_until: maybe_until.map(|c| c.timestamp()),
            human_until: human_until.map(|c| c.timestamp()),
        }
    }
}
