//! The in-memory window index: every contact's interactions in compact columns, and for any
//! subset of contacts the windows as sorted start and end times, so that "how many are open
//! at t" is two binary searches — about a millisecond at a million contacts.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Serialize;

use crate::policy::window::standard_window_end;
use crate::policy::{
    Channel, ChannelPolicy, Interaction, InteractionKind, Policy, WindowState, WindowStatus,
    window_over,
};
use crate::store::{Store, StoreError};

const NO_TIME: i64 = i64::MIN;

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
        ix.page
            .push(intern(&mut self.pages, &mut ix.pages, page_id));
        ix.locale.push(intern(
            &mut self.locales,
            &mut ix.locales,
            locale.unwrap_or_default(),
        ));
        ix.last_at.push(last_at.unwrap_or(NO_TIME));
        ix.last_kind.push(last_kind);
        ix.zone.push(0);
    }

    /// Sets the time zone (as the export wrote it) of the contact pushed last.
    pub fn set_zone(&mut self, zone: &str) {
        let z = intern(&mut self.zones, &mut self.ix.zones, zone.trim().to_string());
        if let Some(last) = self.ix.zone.last_mut() {
            *last = z;
        }
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
        })?;
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

/// Sorted starts and ends of disjoint-per-contact intervals.
#[derive(Clone, Debug, Default)]
struct Intervals {
    starts: Vec<i64>,
    ends: Vec<i64>,
    /// The shortest interval, for the exactness of closing counts.
    min_len: i64,
}

impl Intervals {
    fn from_pairs(mut pairs: Vec<(i64, i64)>) -> Intervals {
        let min_len = pairs.iter().map(|(s, e)| e - s).min().unwrap_or(i64::MAX);
        let mut starts: Vec<i64> = pairs.iter().map(|p| p.0).collect();
        pairs.sort_unstable_by_key(|p| p.1);
        let ends = pairs.into_iter().map(|p| p.1).collect();
        starts.sort_unstable();
        Intervals {
            starts,
            ends,
            min_len,
        }
    }

    /// Intervals containing `t`.
    fn count_at(&self, t: i64) -> u64 {
        (self.starts.partition_point(|&s| s <= t) - self.ends.partition_point(|&e| e <= t)) as u64
    }

    /// Intervals containing `t` that end within `(t, t + span]`, exact when every interval is
    /// at least `span` long (an interval starting after `t` cannot end by `t + span`).
    fn ending_within(&self, t: i64, from: i64, to: i64) -> u64 {
        let a = self.ends.partition_point(|&e| e <= from);
        let b = self.ends.partition_point(|&e| e <= to);
        let n = (b - a) as u64;
        if to - t <= self.min_len {
            return n;
        }
        // Rare (a user's policy with short windows): subtract intervals that start after t.
        let late = self
            .starts
            .iter()
            .zip(&self.ends)
            .filter(|(s, e)| **s > t && **e > from && **e <= to)
            .count();
        n.saturating_sub(late as u64)
    }
}

/// Counts of window states at one instant (`ventana windows`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WindowCounts {
    /// The instant.
    pub at: DateTime<Utc>,
    /// Contacts considered.
    pub total: u64,
    /// Standard window open (closing included).
    pub open: u64,
    /// Open, closing within the horizon.
    pub closing: u64,
    /// Standard window closed, HUMAN_AGENT still possible.
    pub human_agent_only: u64,
    /// Closed.
    pub closed: u64,
    /// No known interaction at or before the instant.
    pub unknown: u64,
    /// Windows closing in each of the next 24 hours.
    pub closing_by_hour: Vec<u64>,
}

/// Windows of a set of contacts of one channel.
#[derive(Clone, Debug, Default)]
struct ChannelWindows {
    total: u64,
    open: Intervals,
    /// Human-agent extensions by their length in hours.
    human: Vec<(u32, Intervals)>,
    first_at: Vec<i64>,
}

/// The windows of a set of contacts, ready for counting at any instant.
#[derive(Clone, Debug, Default)]
pub struct Windows {
    channels: Vec<(Channel, ChannelWindows)>,
}

fn merge(mut v: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    v.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

impl Windows {
    /// Builds the windows of the contacts at `positions` (all when `None`).
    pub fn build(ix: &ContactIndex, positions: Option<&[u32]>, policy: &Policy) -> Windows {
        let positions = ix.positions_or_all(positions);
        let mut out = Windows::default();
        for channel in Channel::ALL {
            let Some(cp) = policy.channel(channel) else {
                continue;
            };
            let mine: Vec<usize> = positions
                .iter()
                .map(|&p| p as usize)
                .filter(|&p| ix.channel.get(p) == Some(&channel))
                .collect();
            if mine.is_empty() {
                continue;
            }
            out.channels
                .push((channel, ChannelWindows::build(ix, &mine, cp)));
        }
        out
    }

    /// Counts of states at `at`; `horizon` decides what is closing.
    pub fn counts(&self, at: DateTime<Utc>, horizon: Duration, policy: &Policy) -> WindowCounts {
        let mut c = WindowCounts {
            at,
            closing_by_hour: vec![0; 24],
            ..WindowCounts::default()
        };
        for (_, one) in self.counts_by_channel(at, horizon, policy) {
            c.total += one.total;
            c.open += one.open;
            c.closing += one.closing;
            c.human_agent_only += one.human_agent_only;
            c.unknown += one.unknown;
            c.closed += one.closed;
            for (a, b) in c.closing_by_hour.iter_mut().zip(&one.closing_by_hour) {
                *a += b;
            }
        }
        c
    }

    /// [`Windows::counts`] for each channel present.
    pub fn counts_by_channel(
        &self,
        at: DateTime<Utc>,
        horizon: Duration,
        policy: &Policy,
    ) -> Vec<(Channel, WindowCounts)> {
        let t = at.timestamp();
        let mut out = Vec::with_capacity(self.channels.len());
        for (channel, w) in &self.channels {
            let mut c = WindowCounts {
                at,
                closing_by_hour: vec![0; 24],
                ..WindowCounts::default()
            };
            let known = w.first_at.partition_point(|&f| f <= t) as u64;
            let open = w.open.count_at(t);
            let human_hours = policy
                .channel(*channel)
                .and_then(|cp| cp.human_agent_hours_at(at));
            let in_human = human_hours
                .and_then(|h| w.human.iter().find(|(hh, _)| *hh == h))
                .map_or(open, |(_, iv)| iv.count_at(t));
            let human_only = in_human.saturating_sub(open);
            c.total += w.total;
            c.open += open;
            c.closing += w.open.ending_within(t, t, t + horizon.num_seconds());
            c.human_agent_only += human_only;
            c.unknown += w.total - known;
            c.closed += known.saturating_sub(open + human_only);
            for (k, slot) in c.closing_by_hour.iter_mut().enumerate() {
                let from = t + 3600 * k as i64;
                *slot += w.open.ending_within(t, from, from + 3600);
            }
            out.push((*channel, c));
        }
        out
    }

    /// Open windows at each instant of `times` (for the timeline's curve).
    pub fn open_series(&self, times: &[i64]) -> Vec<u64> {
        times
            .iter()
            .map(|&t| self.channels.iter().map(|(_, w)| w.open.count_at(t)).sum())
            .collect()
    }

    /// Contacts within a human-agent extension (or an open window) at each instant.
    pub fn reachable_series(&self, times: &[i64], policy: &Policy) -> Vec<u64> {
        times
            .iter()
            .map(|&t| {
                let at = Utc.timestamp_opt(t, 0).single().unwrap_or_default();
                self.channels
                    .iter()
                    .map(|(ch, w)| {
                        let h = policy
                            .channel(*ch)
                            .and_then(|cp| cp.human_agent_hours_at(at));
                        h.and_then(|h| w.human.iter().find(|(hh, _)| *hh == h))
                            .map_or_else(|| w.open.count_at(t), |(_, iv)| iv.count_at(t))
                    })
                    .sum()
            })
            .collect()
    }

    /// Windows closing in each bin `[edges[i], edges[i + 1])`.
    pub fn closings_histogram(&self, edges: &[i64]) -> Vec<u64> {
        edges
            .windows(2)
            .map(|e| {
                self.channels
                    .iter()
                    .map(|(_, w)| {
                        (w.open.ends.partition_point(|&x| x < e[1])
                            - w.open.ends.partition_point(|&x| x < e[0]))
                            as u64
                    })
                    .sum()
            })
            .collect()
    }
}

impl ChannelWindows {
    fn build(ix: &ContactIndex, positions: &[usize], cp: &ChannelPolicy) -> ChannelWindows {
        let mut human_hours: Vec<u32> = cp
            .rules
            .iter()
            .filter(|r| r.human_only)
            .filter_map(|r| r.max_hours)
            .collect();
        human_hours.sort_unstable();
        human_hours.dedup();
        let mut open = Vec::with_capacity(positions.len());
        let mut human: Vec<Vec<(i64, i64)>> =
            vec![Vec::with_capacity(positions.len()); human_hours.len()];
        let mut first_at = Vec::with_capacity(positions.len());
        let mut mine_open = Vec::new();
        let mut mine_human: Vec<Vec<(i64, i64)>> = vec![Vec::new(); human_hours.len()];
        for &p in positions {
            mine_open.clear();
            for m in &mut mine_human {
                m.clear();
            }
            let mut first = None;
            for x in ix.interactions(p) {
                let s = x.at.timestamp();
                first = Some(first.map_or(s, |f: i64| f.min(s)));
                if let Some(end) = standard_window_end(cp, x) {
                    mine_open.push((s, end.timestamp()));
                }
                if x.kind != InteractionKind::Comment {
                    for (m, h) in mine_human.iter_mut().zip(&human_hours) {
                        m.push((s, s + 3600 * i64::from(*h)));
                    }
                }
            }
            if let Some(f) = first {
                first_at.push(f);
            }
            // One contact's windows may overlap: merge them so each contact counts once.
            if mine_open.len() == 1 {
                open.push(mine_open[0]);
            } else {
                open.extend(merge(mine_open.clone()));
            }
            for (all, m) in human.iter_mut().zip(&mine_human) {
                if m.len() == 1 {
                    all.push(m[0]);
                } else {
                    all.extend(merge(m.clone()));
                }
            }
        }
        first_at.sort_unstable();
        ChannelWindows {
            total: positions.len() as u64,
            open: Intervals::from_pairs(open),
            human: human_hours
                .into_iter()
                .zip(human)
                .map(|(h, v)| (h, Intervals::from_pairs(v)))
                .collect(),
            first_at,
        }
    }
}

/// The state of contact `i` at `at`, from its interactions.
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
    /// When the standard window closes (or closed).
    pub closes_at: Option<i64>,
    /// Until when a human agent may answer.
    pub human_until: Option<i64>,
}

/// Evaluates many contacts' windows at one instant: the common case (one known
/// interaction) without allocating, the rest through [`state_of`].
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
        let t = self.at.timestamp();
        let has_history = ix.hist_start.get(i) != ix.hist_start.get(i + 1);
        let channel = ix.channel[i];
        let cp = self.policy.channel(channel);
        if has_history || cp.is_none() {
            let s = state_of(ix, i, self.policy, self.at, self.horizon);
            return StateAt {
                state: s.state,
                closes_at: s.closes_at.map(|c| c.timestamp()),
                human_until: s.human_agent_until.map(|c| c.timestamp()),
            };
        }
        let last = ix.last_at[i];
        let Some(cp) = cp.filter(|_| last != NO_TIME && last <= t) else {
            return StateAt {
                state: WindowState::Unknown,
                closes_at: None,
                human_until: None,
            };
        };
        let kind = ix.last_kind[i];
        let closes_at = crate::policy::window::version_for_action(
            cp,
            Utc.timestamp_opt(last, 0).single().unwrap_or_default(),
        )
        .and_then(|v| v.window_secs(kind))
        .map(|secs| last + secs);
        let human_until = self.human_hours[channel as usize]
            .filter(|_| kind != InteractionKind::Comment)
            .map(|h| last + 3600 * i64::from(h));
        let state = match closes_at {
            Some(end) if t < end => {
                if end - t <= self.horizon.num_seconds() {
                    WindowState::Closing
                } else {
                    WindowState::Open
                }
            }
            _ if human_until.is_some_and(|u| t < u) => WindowState::HumanAgentOnly,
            _ => WindowState::Closed,
        };
        StateAt {
            state,
            closes_at,
            human_until,
        }
    }
}
