//! Window counts over many contacts at any instant. Each contact's window over time is cut
//! into segments by [`crate::policy::window::segments`] — what a plan made at each instant
//! would know — and the segments of all contacts are kept as sorted start and end times, so
//! that "how many are open at t" is two binary searches: about a microsecond at a million
//! contacts.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Serialize;

use super::index::ContactIndex;
use crate::policy::region::Place;
use crate::policy::window::{Segment, Stretch, segments};
use crate::policy::{Channel, ChannelPolicy, Policy};

/// Sorted starts and ends of intervals that are disjoint for each contact.
#[derive(Clone, Debug, Default)]
struct Intervals {
    starts: Vec<i64>,
    ends: Vec<i64>,
}

impl Intervals {
    fn from_pairs(pairs: &[(i64, i64)]) -> Intervals {
        let mut starts: Vec<i64> = pairs.iter().map(|p| p.0).collect();
        let mut ends: Vec<i64> = pairs.iter().map(|p| p.1).collect();
        starts.sort_unstable();
        ends.sort_unstable();
        Intervals { starts, ends }
    }

    /// Intervals containing `t`. An interval that ended by `t` also started by then, and a
    /// contact is in at most one, so the difference counts contacts.
    fn count_at(&self, t: i64) -> u64 {
        (self.starts.partition_point(|&s| s <= t) - self.ends.partition_point(|&e| e <= t)) as u64
    }
}

/// Open segments by the instant the window would close, for "closing within" counts.
#[derive(Clone, Debug, Default)]
struct Closings {
    /// Segments that end when the window closes: `(closes_at, from, expires)`, by
    /// `closes_at`; `expires` when no action renews the window at that instant.
    natural: Vec<(i64, i64, bool)>,
    /// `expired_before[k]`: how many of `natural[..k]` expire.
    expired_before: Vec<u32>,
    /// The shortest natural segment: below it no segment starting after `t` can close by
    /// `t + span`, so no correction is needed.
    min_len: i64,
    /// Segments cut short by a later action that extended the window:
    /// `(closes_at as known then, from, to)`, by `closes_at`.
    cut: Vec<(i64, i64, i64)>,
}

impl Closings {
    fn build(open: &[Segment]) -> Closings {
        let mut natural: Vec<(i64, i64, bool)> = Vec::with_capacity(open.len());
        let mut cut = Vec::new();
        for s in open {
            if s.to == s.ends_at {
                natural.push((s.ends_at, s.from, s.expires));
            } else {
                cut.push((s.ends_at, s.from, s.to));
            }
        }
        natural.sort_unstable_by_key(|n| n.0);
        cut.sort_unstable_by_key(|c| c.0);
        let mut expired_before = Vec::with_capacity(natural.len() + 1);
        let mut n = 0u32;
        expired_before.push(0);
        for (_, _, expires) in &natural {
            n += u32::from(*expires);
            expired_before.push(n);
        }
        Closings {
            min_len: natural
                .iter()
                .map(|(e, f, _)| e - f)
                .min()
                .unwrap_or(i64::MAX),
            natural,
            expired_before,
            cut,
        }
    }

    /// The ends of every open segment, sorted: the natural ones are already in order, and
    /// only the few cut short need sorting before the merge.
    fn sorted_ends(&self) -> Vec<i64> {
        let mut cut: Vec<i64> = self.cut.iter().map(|(_, _, to)| *to).collect();
        cut.sort_unstable();
        let mut out = Vec::with_capacity(self.natural.len() + cut.len());
        let (mut i, mut j) = (0, 0);
        while i < self.natural.len() || j < cut.len() {
            let take_natural =
                j >= cut.len() || (i < self.natural.len() && self.natural[i].0 <= cut[j]);
            if take_natural {
                out.push(self.natural[i].0);
                i += 1;
            } else {
                out.push(cut[j]);
                j += 1;
            }
        }
        out
    }

    /// Contacts whose window is open at `t` and, as known at `t`, closes in `(lo, hi]`
    /// (with `t <= lo`).
    fn closing_in(&self, t: i64, lo: i64, hi: i64) -> u64 {
        let a = self.natural.partition_point(|&(e, _, _)| e <= lo);
        let b = self.natural.partition_point(|&(e, _, _)| e <= hi);
        let mut n = (b - a) as u64;
        if hi - t > self.min_len {
            // A segment that starts after `t` is not open at `t`.
            n -= self.natural[a..b].iter().filter(|(_, f, _)| *f > t).count() as u64;
        }
        let a = self.cut.partition_point(|&(e, _, _)| e <= lo);
        let b = self.cut.partition_point(|&(e, _, _)| e <= hi);
        n + self.cut[a..b]
            .iter()
            .filter(|(_, f, to)| *f <= t && t < *to)
            .count() as u64
    }

    /// Windows that closed in `[lo, hi)`.
    fn ends_in(&self, lo: i64, hi: i64) -> u64 {
        let a = self.natural.partition_point(|&(e, _, _)| e < lo);
        let b = self.natural.partition_point(|&(e, _, _)| e < hi);
        u64::from(self.expired_before[b] - self.expired_before[a])
    }
}

/// Counts of window states at one instant (`ventana windows`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WindowCounts {
    /// The instant.
    pub at: DateTime<Utc>,
    /// Contacts considered.
    pub total: u64,
    /// Standard window surely open (closing included).
    pub open: u64,
    /// Open, closing within the horizon.
    pub closing: u64,
    /// A window started by an ad that may still be open (beyond its certain 24 hours).
    pub maybe_open: u64,
    /// Standard window closed, HUMAN_AGENT still possible.
    pub human_agent_only: u64,
    /// Closed.
    pub closed: u64,
    /// No known interaction at or before the instant.
    pub unknown: u64,
    /// Windows closing in each of the next 24 hours.
    pub closing_by_hour: Vec<u64>,
}

impl WindowCounts {
    fn empty(at: DateTime<Utc>) -> WindowCounts {
        WindowCounts {
            at,
            closing_by_hour: vec![0; 24],
            ..WindowCounts::default()
        }
    }

    fn add(&mut self, other: &WindowCounts) {
        self.total += other.total;
        self.open += other.open;
        self.closing += other.closing;
        self.maybe_open += other.maybe_open;
        self.human_agent_only += other.human_agent_only;
        self.closed += other.closed;
        self.unknown += other.unknown;
        for (a, b) in self.closing_by_hour.iter_mut().zip(&other.closing_by_hour) {
            *a += b;
        }
    }
}

/// The windows of the contacts of one channel whose Page and person are at one place.
#[derive(Clone, Debug, Default)]
struct GroupWindows {
    total: u64,
    open: Intervals,
    closings: Closings,
    maybe: Intervals,
    /// Human-agent stretches for each HUMAN_AGENT length the channel has had, in hours.
    human: Vec<(u32, Intervals)>,
    first_at: Vec<i64>,
}

/// The windows of a set of contacts, ready for counting at any instant.
#[derive(Clone, Debug, Default)]
pub struct Windows {
    groups: Vec<(Channel, Place, GroupWindows)>,
}

impl Windows {
    /// Builds the windows of the contacts at `positions` (all when `None`).
    pub fn build(ix: &ContactIndex, positions: Option<&[u32]>, policy: &Policy) -> Windows {
        let positions = ix.positions_or_all(positions);
        let mut by_group: Vec<(Channel, Place, Vec<usize>)> = Vec::new();
        for &p in positions.iter() {
            let p = p as usize;
            let Some(&channel) = ix.channel.get(p) else {
                continue;
            };
            let place = ix.place(p);
            match by_group
                .iter_mut()
                .find(|(c, pl, _)| *c == channel && *pl == place)
            {
                Some((_, _, v)) => v.push(p),
                None => by_group.push((channel, place, vec![p])),
            }
        }
        let mut out = Windows::default();
        for (channel, place, members) in by_group {
            if let Some(cp) = policy.channel(channel) {
                out.groups
                    .push((channel, place, GroupWindows::build(ix, &members, cp)));
            }
        }
        out
    }

    /// Counts of states at `at`; `horizon` decides what is closing.
    pub fn counts(&self, at: DateTime<Utc>, horizon: Duration, policy: &Policy) -> WindowCounts {
        let mut c = WindowCounts::empty(at);
        for (_, _, one) in self.counts_by_group(at, horizon, policy) {
            c.add(&one);
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
        let mut out: Vec<(Channel, WindowCounts)> = Vec::new();
        for (channel, _, one) in self.counts_by_group(at, horizon, policy) {
            match out.iter_mut().find(|(c, _)| *c == channel) {
                Some((_, c)) => c.add(&one),
                None => out.push((channel, one)),
            }
        }
        out
    }

    /// [`Windows::counts`] for each channel and place (the Page's and the person's
    /// country) present: what reach counts need, since routes depend on both.
    pub fn counts_by_group(
        &self,
        at: DateTime<Utc>,
        horizon: Duration,
        policy: &Policy,
    ) -> Vec<(Channel, Place, WindowCounts)> {
        let t = at.timestamp();
        self.groups
            .iter()
            .map(|(channel, place, w)| {
                let hours = policy
                    .channel(*channel)
                    .and_then(|cp| cp.human_agent_hours_at(at));
                (*channel, *place, w.counts(at, t, horizon, hours))
            })
            .collect()
    }

    /// Where the Page and the person are, when every contact shares it (else unknown): the
    /// place a single verdict for all of them can assume.
    pub fn common_place(&self) -> Place {
        Place::common(self.groups.iter().map(|(_, p, _)| *p))
    }

    /// Surely open windows at each instant of `times` (for the timeline's curve).
    pub fn open_series(&self, times: &[i64]) -> Vec<u64> {
        times
            .iter()
            .map(|&t| self.groups.iter().map(|(_, _, w)| w.open.count_at(t)).sum())
            .collect()
    }

    /// Contacts that some route may still reach without a new action at each instant: open
    /// windows, windows started by an ad that may be open, and human-agent extensions.
    pub fn reachable_series(&self, times: &[i64], policy: &Policy) -> Vec<u64> {
        times
            .iter()
            .map(|&t| {
                let at = Utc.timestamp_opt(t, 0).single().unwrap_or_default();
                self.groups
                    .iter()
                    .map(|(ch, _, w)| {
                        let hours = policy
                            .channel(*ch)
                            .and_then(|cp| cp.human_agent_hours_at(at));
                        w.open.count_at(t) + w.maybe.count_at(t) + w.human_at(t, hours)
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
                self.groups
                    .iter()
                    .map(|(_, _, w)| w.closings.ends_in(e[0], e[1]))
                    .sum()
            })
            .collect()
    }
}

impl GroupWindows {
    fn build(ix: &ContactIndex, members: &[usize], cp: &ChannelPolicy) -> GroupWindows {
        let mut human_hours: Vec<u32> = cp
            .rules
            .iter()
            .filter(|r| r.human_only)
            .filter_map(|r| r.max_hours)
            .collect();
        human_hours.sort_unstable();
        human_hours.dedup();
        let mut open: Vec<Segment> = Vec::with_capacity(members.len());
        let mut maybe: Vec<(i64, i64)> = Vec::new();
        let mut human: Vec<Vec<(i64, i64)>> = vec![Vec::new(); human_hours.len()];
        let mut first_at = Vec::with_capacity(members.len());
        let mut segs = Vec::new();
        let mut xs = Vec::new();
        for &p in members {
            ix.sorted_interactions_into(p, &mut xs);
            if let Some(first) = xs.first() {
                first_at.push(first.at.timestamp());
            }
            // The open and may-be-open stretches do not depend on the human-agent length, so
            // the first length's segments give them too.
            for (k, h) in human_hours.iter().map(Some).chain([None]).enumerate() {
                if k > 0 && h.is_none() {
                    break;
                }
                segs.clear();
                segments(cp, &xs, h.copied(), &mut segs);
                for s in &segs {
                    match s.stretch {
                        Stretch::Open if k == 0 => open.push(*s),
                        Stretch::MaybeOpen if k == 0 => maybe.push((s.from, s.to)),
                        Stretch::HumanAgent => {
                            if let Some(v) = human.get_mut(k) {
                                v.push((s.from, s.to));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        first_at.sort_unstable();
        let closings = Closings::build(&open);
        let mut starts: Vec<i64> = open.iter().map(|s| s.from).collect();
        starts.sort_unstable();
        GroupWindows {
            total: members.len() as u64,
            open: Intervals {
                starts,
                ends: closings.sorted_ends(),
            },
            closings,
            maybe: Intervals::from_pairs(&maybe),
            human: human_hours
                .into_iter()
                .zip(human)
                .map(|(h, v)| (h, Intervals::from_pairs(&v)))
                .collect(),
            first_at,
        }
    }

    /// Contacts only a human agent may answer at `t`, under the extension of `hours`.
    fn human_at(&self, t: i64, hours: Option<u32>) -> u64 {
        hours
            .and_then(|h| self.human.iter().find(|(hh, _)| *hh == h))
            .map_or(0, |(_, iv)| iv.count_at(t))
    }

    fn counts(
        &self,
        at: DateTime<Utc>,
        t: i64,
        horizon: Duration,
        human_hours: Option<u32>,
    ) -> WindowCounts {
        let mut c = WindowCounts::empty(at);
        let known = self.first_at.partition_point(|&f| f <= t) as u64;
        c.total = self.total;
        c.open = self.open.count_at(t);
        c.maybe_open = self.maybe.count_at(t);
        c.human_agent_only = self.human_at(t, human_hours);
        c.closing = self
            .closings
            .closing_in(t, t, t.saturating_add(horizon.num_seconds().max(0)));
        c.unknown = self.total - known;
        c.closed = known.saturating_sub(c.open + c.maybe_open + c.human_agent_only);
        for (k, slot) in c.closing_by_hour.iter_mut().enumerate() {
            let lo = t + 3600 * k as i64;
            *slot = self.closings.closing_in(t, lo, lo + 3600);
        }
        c
    }
}
