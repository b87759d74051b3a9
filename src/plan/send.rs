//! The send plan of one message over a contact list: for every contact the route it can go
//! by and until when, or why it cannot be sent; then a send time for each, paced per Page.
//! Every verdict names the rule it rests on; the plan names the policy version.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::index::{ContactIndex, StateEval};
use super::schedule::{self, Job, Missed, Pace};
use super::zone::Zone;
use crate::compliance::{Answers, Fact};
use crate::policy::region::{Available, Place, Scope};
use crate::policy::route::{self, ChosenVerdict, ContentFacts, Fit, RegionWhy};
use crate::policy::{
    Channel, ChannelPolicy, Exclusion, Policy, Purpose, Route, Rule, WindowNeed, WindowState,
};

/// What to plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRequest {
    /// The channel the message goes out on; contacts of other channels are left out.
    pub channel: Channel,
    /// What the checker found in the message.
    pub facts: ContentFacts,
    /// The route the marketer chose, or `None` for the best route per contact.
    pub route: Option<Route>,
    /// A person writes each message (a human agent's reply).
    pub human_reply: bool,
    /// What the marketer said of the facts the text cannot show (`facts` already reads them).
    pub answers: Answers,
    /// The planning instant: nothing is sent before it.
    pub at: DateTime<Utc>,
    /// Plan sends to people whose window was started by an ad and may still be open
    /// (between its certain 24 hours and Meta's "up to 7 days"): Meta may refuse them.
    pub include_ad_windows: bool,
    /// Sending rate and quiet hours.
    pub pace: Pace,
    /// The zone of contacts whose export gave none (or one that cannot be read).
    pub default_zone: Zone,
}

/// A rule a verdict rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleRef {
    /// Rule id, e.g. `messenger.tag.human_agent`; for a regional exclusion, the id of the
    /// restriction.
    pub id: String,
    /// The route it grants.
    pub route: Route,
    /// Its source.
    pub source: String,
    /// For a regional exclusion: the rule whose route does not exist here and why.
    #[serde(skip)]
    pub region: Option<RegionWhy>,
}

/// A contact the message goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Send {
    /// Position in the contact index.
    pub pos: u32,
    /// Index into [`Plan::rules`]: the rule (and so the route) it goes by.
    pub rule: u16,
    /// The route closes at this instant (unix seconds); `None` when it does not close.
    pub send_by: Option<i64>,
    /// When to send it (unix seconds).
    pub send_at: i64,
}

/// A contact the message does not go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skip {
    /// Position in the contact index.
    pub pos: u32,
    /// Why.
    pub why: Exclusion,
    /// Index into [`Plan::rules`] of the rule behind the verdict.
    pub rule: Option<u16>,
}

/// The plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// What was planned.
    pub request: PlanRequest,
    /// The policy version in force at the planning instant.
    pub policy_version: Option<String>,
    /// Rules referred to by sends and skips.
    pub rules: Vec<RuleRef>,
    /// Who gets the message, by send time.
    pub sends: Vec<Send>,
    /// Who does not, by position.
    pub skipped: Vec<Skip>,
    /// The chosen route cannot carry this message at the planning instant, and why.
    pub unavailable: Option<ChosenVerdict>,
    /// Contacts on other channels, left out.
    pub other_channel: u64,
    /// Contacts planned in the default zone because their own was missing or unreadable.
    pub zones_defaulted: u64,
    /// How many of those the rate leaves out would be sent at twice the rate.
    pub saved_at_double_rate: Option<u64>,
}

/// The plan in numbers (the CLI's and the campaign history's summary).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Planning instant.
    pub at: DateTime<Utc>,
    /// Channel.
    pub channel: String,
    /// The chosen route, or `None` for the best per contact.
    pub route: Option<Route>,
    /// Whether a person writes each message.
    pub human_reply: bool,
    /// The marketer's answers the plan rests on (`human_reply`, `own_transaction`,
    /// `event_signup`), only those answered.
    pub answers: BTreeMap<Fact, bool>,
    /// The policy version in force.
    pub policy_version: Option<String>,
    /// Contacts of the channel considered.
    pub considered: u64,
    /// Contacts planned.
    pub planned: u64,
    /// Contacts excluded.
    pub excluded: u64,
    /// Planned contacts by route.
    pub by_route: Vec<(Route, u64)>,
    /// Excluded contacts by reason.
    pub excluded_by_reason: Vec<(Exclusion, u64)>,
    /// First planned send.
    pub first_send_at: Option<DateTime<Utc>>,
    /// Last planned send.
    pub last_send_at: Option<DateTime<Utc>>,
    /// Messages per minute per Page.
    pub rate_per_min: Option<f64>,
    /// Quiet hours, as `HH:MM-HH:MM`.
    pub quiet_hours: Option<String>,
    /// Missed because of the rate.
    pub missed_by_rate: u64,
    /// Of those, how many twice the rate would send.
    pub saved_at_double_rate: Option<u64>,
    /// Contacts planned in the default zone.
    pub zones_defaulted: u64,
    /// Contacts on other channels, left out.
    pub other_channel: u64,
}

impl Plan {
    /// The plan in numbers.
    pub fn summary(&self) -> Summary {
        let mut by_route: Vec<(Route, u64)> = Vec::new();
        for s in &self.sends {
            let route = &self.rules[usize::from(s.rule)].route;
            match by_route.iter_mut().find(|(r, _)| r == route) {
                Some((_, n)) => *n += 1,
                None => by_route.push((route.clone(), 1)),
            }
        }
        let mut reasons: HashMap<Exclusion, u64> = HashMap::new();
        for s in &self.skipped {
            *reasons.entry(s.why).or_default() += 1;
        }
        let mut excluded_by_reason: Vec<(Exclusion, u64)> = reasons.into_iter().collect();
        excluded_by_reason.sort_unstable();
        let time = |t: i64| DateTime::from_timestamp(t, 0);
        Summary {
            at: self.request.at,
            channel: self.request.channel.to_string(),
            route: self.request.route.clone(),
            human_reply: self.request.human_reply,
            answers: self.request.answers.answered().collect(),
            policy_version: self.policy_version.clone(),
            considered: (self.sends.len() + self.skipped.len()) as u64,
            planned: self.sends.len() as u64,
            excluded: self.skipped.len() as u64,
            by_route,
            missed_by_rate: self
                .skipped
                .iter()
                .filter(|s| s.why == Exclusion::RateTooLow)
                .count() as u64,
            excluded_by_reason,
            first_send_at: self.sends.iter().map(|s| s.send_at).min().and_then(time),
            last_send_at: self.sends.iter().map(|s| s.send_at).max().and_then(time),
            rate_per_min: self.request.pace.rate_per_min,
            quiet_hours: self.request.pace.quiet.map(|q| q.to_string()),
            saved_at_double_rate: self.saved_at_double_rate,
            zones_defaulted: self.zones_defaulted,
            other_channel: self.other_channel,
        }
    }

    /// Why routes were missing where the Page or the person is, with how many contacts each
    /// reason left out, most first.
    pub fn excluded_by_region(&self) -> Vec<(&RegionWhy, u64)> {
        let mut counts: HashMap<u16, u64> = HashMap::new();
        for s in &self.skipped {
            if let (Exclusion::RegionUnavailable, Some(r)) = (s.why, s.rule) {
                *counts.entry(r).or_default() += 1;
            }
        }
        let mut out: Vec<(u16, &RegionWhy, u64)> = counts
            .into_iter()
            .filter_map(|(r, n)| Some((r, self.rule(r)?.region.as_ref()?, n)))
            .collect();
        out.sort_unstable_by_key(|&(r, _, n)| (std::cmp::Reverse(n), r));
        out.into_iter().map(|(_, why, n)| (why, n)).collect()
    }

    /// The rule a send or skip refers to.
    pub fn rule(&self, i: u16) -> Option<&RuleRef> {
        self.rules.get(usize::from(i))
    }
}

/// A route outside the window that the message may take, with what limits it.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    rule: u16,
    /// Usable while the standard window is open, too.
    any_window: bool,
    /// Latest send after the last action, in seconds.
    max_secs: Option<i64>,
    /// Closes with the person's human-agent extension.
    human: bool,
}

/// The route decision for one message at one place, prepared once and applied to every
/// contact there.
struct Router {
    /// The rule used while the standard window is open.
    inside: Option<u16>,
    /// Routes outside the window, best first.
    outside: Vec<Candidate>,
    /// Everyone with a known action is excluded for this reason.
    blocked: Option<(Exclusion, Option<u16>)>,
    standard: Option<u16>,
    human_rule: Option<u16>,
    /// A route the text fits that does not exist at this place: the reason for those no
    /// other route reaches.
    region_block: Option<u16>,
    promotional: bool,
    human_reply: bool,
    include_ad_windows: bool,
    unavailable: Option<ChosenVerdict>,
}

/// The rules verdicts refer to, shared by the routers of every place.
#[derive(Default)]
struct RuleRefs(Vec<RuleRef>);

impl RuleRefs {
    fn push(&mut self, r: RuleRef) -> u16 {
        if let Some(i) = self.0.iter().position(|x| *x == r) {
            return i as u16;
        }
        self.0.push(r);
        (self.0.len() - 1) as u16
    }

    fn rule(&mut self, rule: &Rule) -> u16 {
        self.push(RuleRef {
            id: rule.id.clone(),
            route: rule.route.clone(),
            source: rule.source.clone(),
            region: None,
        })
    }

    fn region(&mut self, rule: &Rule, available: Available, scope: &Scope, place: &Place) -> u16 {
        self.push(RuleRef {
            id: scope.id.clone(),
            route: rule.route.clone(),
            source: scope.source.clone(),
            region: Some(RegionWhy {
                rule: rule.id.clone(),
                title: rule.title.clone(),
                available,
                scope: scope.clone(),
                place: *place,
            }),
        })
    }

    fn candidate(&mut self, rule: &Rule) -> Candidate {
        Candidate {
            rule: self.rule(rule),
            any_window: rule.window == WindowNeed::Any,
            max_secs: rule.max_hours.map(|h| i64::from(h) * 3600),
            human: rule.human_only,
        }
    }
}

impl Router {
    fn new(cp: &ChannelPolicy, req: &PlanRequest, place: &Place, refs: &mut RuleRefs) -> Router {
        let at = req.at;
        let chosen_human = req.route.as_ref().is_some_and(|r| {
            cp.rules
                .iter()
                .any(|rule| &rule.route == r && rule.human_only)
        });
        let human_reply = req.human_reply || chosen_human;
        let mut facts = req.facts.clone();
        if human_reply && !facts.promotional {
            // A person answering the customer: what HUMAN_AGENT is for, whatever the topic.
            facts.purpose = Some(Purpose::HumanSupport);
        }
        let mut router = Router {
            inside: None,
            outside: Vec::new(),
            blocked: None,
            standard: None,
            human_rule: None,
            region_block: None,
            promotional: facts.promotional,
            human_reply,
            include_ad_windows: req.include_ad_windows,
            unavailable: None,
        };
        if cp.version_at(at).is_none() {
            router.blocked = Some((Exclusion::RouteUnavailable, None));
            return router;
        }
        let in_force: Vec<&Rule> = cp.rules_at(at).collect();
        if let Some(std) = in_force.iter().find(|r| r.route == Route::Standard) {
            router.standard = Some(refs.rule(std));
        }
        if let Some(h) = in_force
            .iter()
            .find(|r| r.human_only && r.window != WindowNeed::Inside)
        {
            router.human_rule = Some(refs.rule(h));
        }
        match &req.route {
            None | Some(Route::Standard) => {
                router.inside = router.standard;
                if req.route.is_some() {
                    return router;
                }
                let mut fitting: Vec<&Rule> = in_force
                    .iter()
                    .copied()
                    .filter(|r| {
                        r.window != WindowNeed::Inside
                            && r.suggest
                            && (!r.human_only || human_reply)
                            && route::fit(r, &facts, at) == Fit::Fits
                    })
                    .collect();
                route::sort_by_preference(&mut fitting, &facts);
                for r in fitting {
                    match route::availability(r, place, at) {
                        (Available::Yes, _) => {
                            let c = refs.candidate(r);
                            router.outside.push(c);
                        }
                        (a, Some(scope)) if router.region_block.is_none() => {
                            router.region_block = Some(refs.region(r, a, scope, place));
                        }
                        _ => {}
                    }
                }
            }
            Some(chosen) => match route::judge_chosen(cp, chosen, &facts, at, place) {
                ChosenVerdict::Fits { rule } => {
                    let Some(r) = in_force.iter().find(|r| r.id == rule) else {
                        return router;
                    };
                    // A route usable in any window goes through `outside`, which knows its
                    // own deadline (HUMAN_AGENT's 7 days, not the standard window's end).
                    let c = refs.candidate(r);
                    match r.window {
                        WindowNeed::Outside => {
                            router.inside = router.standard;
                            router.outside.push(c);
                        }
                        WindowNeed::Any => router.outside.push(c),
                        WindowNeed::Inside => router.inside = Some(c.rule),
                    }
                }
                ChosenVerdict::Unavailable {
                    rule,
                    available,
                    restriction,
                } => {
                    let r = in_force.iter().find(|r| r.id == rule);
                    let id = r.map(|r| refs.region(r, available, &restriction, place));
                    router.blocked = Some((Exclusion::RegionUnavailable, id));
                    router.unavailable = Some(ChosenVerdict::Unavailable {
                        rule,
                        available,
                        restriction,
                    });
                }
                verdict => {
                    let rule = cp
                        .rules
                        .iter()
                        .filter(|r| &r.route == chosen)
                        .max_by_key(|r| r.until)
                        .map(|r| refs.rule(r));
                    router.blocked = Some((Exclusion::RouteUnavailable, rule));
                    router.unavailable = Some(verdict);
                }
            },
        }
        router
    }
}

/// Plans `req` for the contacts at `positions` of `ix` (every contact when `None`).
pub fn plan(
    ix: &ContactIndex,
    positions: Option<&[u32]>,
    policy: &Policy,
    req: &PlanRequest,
) -> Plan {
    let mut out = Plan {
        request: req.clone(),
        policy_version: None,
        rules: Vec::new(),
        sends: Vec::new(),
        skipped: Vec::new(),
        unavailable: None,
        other_channel: 0,
        zones_defaulted: 0,
        saved_at_double_rate: None,
    };
    let Some(cp) = policy.channel(req.channel) else {
        return out;
    };
    out.policy_version = cp.version_at(req.at).map(|v| v.id.clone());
    let mut refs = RuleRefs::default();
    // One router per place: routes depend on where the Page and the person are.
    let mut routers: Vec<(Place, Router)> = Vec::new();
    let at = req.at.timestamp();
    // The horizon only splits open from closing, which routing does not need.
    let eval = StateEval::new(ix, policy, req.at, chrono::Duration::zero());
    let positions = ix.positions_or_all(positions);
    let mut routed: Vec<(u32, u16, Option<i64>)> = Vec::with_capacity(positions.len());
    for &pos in positions.iter() {
        let i = pos as usize;
        if ix.channel.get(i) != Some(&req.channel) {
            out.other_channel += 1;
            continue;
        }
        let place = ix.place(i);
        let k = match routers.iter().position(|(p, _)| *p == place) {
            Some(k) => k,
            None => {
                routers.push((place, Router::new(cp, req, &place, &mut refs)));
                routers.len() - 1
            }
        };
        let state = eval.state(i);
        match route_one(&routers[k].1, ix, i, &state, at) {
            Ok((rule, send_by)) => routed.push((pos, rule, send_by)),
            Err((why, rule)) => out.skipped.push(Skip { pos, why, rule }),
        }
    }
    out.rules = refs.0;
    out.unavailable = routers.into_iter().find_map(|(_, r)| r.unavailable);
    let (zone_of, zones, defaulted) = resolve_zones(ix, &routed, req.default_zone);
    out.zones_defaulted = defaulted;
    let pages = by_page(ix, &routed);
    let times = schedule_by_page(&routed, &pages, &zone_of, &zones, req.pace, at);
    if let Some(rate) = req.pace.rate_per_min
        && times.contains(&Err(Missed::RateTooLow))
    {
        let pace = Pace {
            rate_per_min: Some(rate * 2.0),
            ..req.pace
        };
        let faster = schedule_by_page(&routed, &pages, &zone_of, &zones, pace, at);
        let missed = |v: &[Result<i64, Missed>]| {
            v.iter().filter(|t| **t == Err(Missed::RateTooLow)).count() as u64
        };
        out.saved_at_double_rate = Some(missed(&times).saturating_sub(missed(&faster)));
    }
    for ((pos, rule, send_by), time) in routed.into_iter().zip(times) {
        match time {
            Ok(send_at) => out.sends.push(Send {
                pos,
                rule,
                send_by,
                send_at,
            }),
            Err(m) => out.skipped.push(Skip {
                pos,
                why: match m {
                    Missed::QuietHours => Exclusion::QuietHours,
                    Missed::RateTooLow => Exclusion::RateTooLow,
                },
                rule: Some(rule),
            }),
        }
    }
    out.sends
        .sort_unstable_by_key(|s| (s.send_at, s.send_by.unwrap_or(i64::MAX), s.pos));
    out.skipped.sort_unstable_by_key(|s| s.pos);
    out
}

/// The route of one contact and the instant it closes, or why there is none.
fn route_one(
    router: &Router,
    ix: &ContactIndex,
    i: usize,
    state: &super::index::StateAt,
    at: i64,
) -> Result<(u16, Option<i64>), (Exclusion, Option<u16>)> {
    let inside_until = if state.state == WindowState::MaybeOpen {
        state.maybe_until
    } else {
        state.closes_at
    };
    let last = || {
        if ix.last_at[i] <= at {
            Some(ix.last_at[i])
        } else {
            ix.interaction_at(i, DateTime::from_timestamp(at, 0).unwrap_or_default())
                .map(|x| x.at.timestamp())
        }
    };
    router.decide(state.state, inside_until, at, |c| {
        if c.human {
            state.human_until
        } else {
            c.max_secs.and_then(|s| last().map(|l| l + s))
        }
    })
}

impl Router {
    /// The route of a person in `state` and the instant it closes, or why there is none.
    /// `inside_until` is when their window closes; `closes` gives, for a route outside the
    /// window, the instant it stops being usable for them (`None` when it has no limit or
    /// the limit does not apply).
    fn decide(
        &self,
        state: WindowState,
        inside_until: Option<i64>,
        at: i64,
        closes: impl Fn(&Candidate) -> Option<i64>,
    ) -> Result<(u16, Option<i64>), (Exclusion, Option<u16>)> {
        if state == WindowState::Unknown {
            return Err((Exclusion::NoInteraction, self.standard));
        }
        if let Some(blocked) = self.blocked {
            return Err(blocked);
        }
        let maybe = state == WindowState::MaybeOpen;
        let open = state.is_open() || (maybe && self.include_ad_windows);
        if open && let Some(rule) = self.inside {
            return Ok((rule, inside_until));
        }
        let mut too_late = None;
        for c in &self.outside {
            if open && !c.any_window {
                continue;
            }
            let closes = closes(c);
            let limited = c.human || c.max_secs.is_some();
            match closes {
                Some(end) if end <= at => too_late = too_late.or(Some(c.rule)),
                None if limited => too_late = too_late.or(Some(c.rule)),
                _ => return Ok((c.rule, closes)),
            }
        }
        Err(if let Some(rule) = too_late {
            (Exclusion::TooLate, Some(rule))
        } else if maybe && self.inside.is_some() {
            (Exclusion::AdWindow, self.standard)
        } else if let Some(rule) = self.region_block {
            (Exclusion::RegionUnavailable, Some(rule))
        } else if self.promotional {
            (Exclusion::PromotionalOutsideWindow, self.standard)
        } else if state == WindowState::HumanAgentOnly && !self.human_reply {
            (Exclusion::HumanAgentOnly, self.human_rule)
        } else {
            (Exclusion::WindowClosed, self.standard)
        })
    }
}

/// How many of each window state a message reaches by each route, and why the others
/// cannot receive it, from counts rather than contacts: the composer's live reach. It takes
/// the same decisions as the plan, with the one approximation that a route limited in time
/// after the person's last action (HUMAN_AGENT's 7 days) reaches everyone still within the
/// human-agent extension or a window, and no one closed.
pub(super) fn reach_of_counts(
    cp: &ChannelPolicy,
    req: &PlanRequest,
    place: &Place,
    counts: &super::windows::WindowCounts,
    mut route: impl FnMut(Route, u64),
    mut exclude: impl FnMut(Exclusion, u64),
) {
    let mut refs = RuleRefs::default();
    let router = Router::new(cp, req, place, &mut refs);
    let at = req.at.timestamp();
    let states = [
        (WindowState::Open, counts.open),
        (WindowState::MaybeOpen, counts.maybe_open),
        (WindowState::HumanAgentOnly, counts.human_agent_only),
        (WindowState::Closed, counts.closed),
        (WindowState::Unknown, counts.unknown),
    ];
    for (state, n) in states {
        if n == 0 {
            continue;
        }
        let in_time = !matches!(state, WindowState::Closed);
        match router.decide(state, None, at, |_| in_time.then_some(i64::MAX)) {
            Ok((rule, _)) => route(refs.0[usize::from(rule)].route.clone(), n),
            Err((why, _)) => exclude(why, n),
        }
    }
}

/// Each routed contact's zone (an index into the returned list of distinct zones), and how
/// many fell back to `default`.
fn resolve_zones(
    ix: &ContactIndex,
    routed: &[(u32, u16, Option<i64>)],
    default: Zone,
) -> (Vec<u16>, Vec<Zone>, u64) {
    let mut zones: Vec<Zone> = vec![default];
    let by_name: Vec<Option<u16>> = ix
        .zones
        .iter()
        .map(|name| {
            let z = Zone::parse(name)?;
            Some(match zones.iter().position(|x| *x == z) {
                Some(k) => k as u16,
                None => {
                    zones.push(z);
                    (zones.len() - 1) as u16
                }
            })
        })
        .collect();
    let mut defaulted = 0;
    let zone_of = routed
        .iter()
        .map(|(pos, _, _)| {
            let name = ix.zone.get(*pos as usize).copied().unwrap_or(0) as usize;
            by_name.get(name).copied().flatten().unwrap_or_else(|| {
                defaulted += 1;
                0
            })
        })
        .collect();
    (zone_of, zones, defaulted)
}

/// The routed contacts (indices into `routed`) of each Page.
fn by_page(ix: &ContactIndex, routed: &[(u32, u16, Option<i64>)]) -> Vec<Vec<usize>> {
    let mut pages: HashMap<u32, Vec<usize>> = HashMap::new();
    for (k, (pos, _, _)) in routed.iter().enumerate() {
        let page = ix.page.get(*pos as usize).copied().unwrap_or(0);
        pages.entry(page).or_default().push(k);
    }
    pages.into_values().collect()
}

/// Send times of the routed contacts, each Page paced on its own.
fn schedule_by_page(
    routed: &[(u32, u16, Option<i64>)],
    pages: &[Vec<usize>],
    zone_of: &[u16],
    zones: &[Zone],
    pace: Pace,
    at: i64,
) -> Vec<Result<i64, Missed>> {
    let mut out = vec![Err(Missed::QuietHours); routed.len()];
    for members in pages {
        let jobs: Vec<Job> = members
            .iter()
            .map(|&k| Job {
                deadline: routed[k].2.unwrap_or(i64::MAX),
                zone: zone_of[k],
            })
            .collect();
        for (&k, t) in members
            .iter()
            .zip(schedule::schedule(&jobs, zones, pace, at))
        {
            out[k] = t;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::zone::QuietHours;
    use crate::plan::{IndexBuilder, Reach, Windows};
    use crate::policy::{Interaction, InteractionKind};
    use proptest::prelude::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn facts(purpose: Purpose, promotional: bool, topics: &[&str]) -> ContentFacts {
        ContentFacts {
            checked: true,
            promotional,
            purpose: Some(purpose),
            topics: topics.iter().map(|t| (t.to_string(), 2.0)).collect(),
        }
    }

    fn request(facts: ContentFacts, at: &str) -> PlanRequest {
        PlanRequest {
            channel: Channel::Messenger,
            facts,
            route: None,
            human_reply: false,
            answers: Default::default(),
            at: t(at),
            include_ad_windows: false,
            pace: Pace::default(),
            default_zone: Zone::Fixed(0),
        }
    }

    /// One contact per "hours since the last message".
    fn index(hours_ago: &[Option<i64>], at: &str) -> ContactIndex {
        let mut b = IndexBuilder::default();
        for (i, h) in hours_ago.iter().enumerate() {
            let xs = h
                .map(|h| Interaction {
                    at: t(at) - chrono::Duration::hours(h),
                    kind: InteractionKind::Message,
                })
                .into_iter()
                .collect();
            b.push(i as i64 + 1, Channel::Messenger, "p1", None, xs);
        }
        b.finish()
    }

    type Verdict = Result<(String, Option<i64>), Exclusion>;

    /// The route (or exclusion) of each contact, by position.
    fn verdicts(p: &Plan) -> Vec<Verdict> {
        let mut v: Vec<(u32, Verdict)> = p
            .sends
            .iter()
            .map(|s| {
                (
                    s.pos,
                    Ok((p.rules[s.rule as usize].route.to_string(), s.send_by)),
                )
            })
            .chain(p.skipped.iter().map(|s| (s.pos, Err(s.why))))
            .collect();
        v.sort_by_key(|(pos, _)| *pos);
        v.into_iter().map(|(_, r)| r).collect()
    }

    fn plan_at(f: ContentFacts, hours: &[Option<i64>], at: &str) -> Plan {
        let policy = Policy::embedded().unwrap();
        plan(&index(hours, at), None, &policy, &request(f, at))
    }

    #[test]
    fn in_2019_the_plus_one_and_the_legacy_tags_carry_messages() {
        let at = "2019-06-03T10:00:00Z";
        let promo = plan_at(
            facts(Purpose::Promotional, true, &[]),
            &[Some(2), Some(30), None],
            at,
        );
        assert_eq!(
            promo.policy_version.as_deref(),
            Some("messenger-2018-09-27")
        );
        let closes = t(at).timestamp() + 22 * 3600;
        assert_eq!(
            verdicts(&promo),
            [
                Ok(("standard".into(), Some(closes))),
                Ok(("follow_up".into(), None)),
                Err(Exclusion::NoInteraction)
            ]
        );
        let order = plan_at(
            facts(Purpose::PostPurchase, false, &["shipping"]),
            &[Some(30)],
            at,
        );
        assert_eq!(
            verdicts(&order),
            [Ok(("message_tag:SHIPPING_UPDATE".into(), None))]
        );
    }

    #[test]
    fn in_2025_four_tags_and_human_agent_for_seven_days() {
        let at = "2025-06-02T10:00:00Z";
        let order = plan_at(
            facts(Purpose::PostPurchase, false, &["order"]),
            &[Some(30)],
            at,
        );
        assert_eq!(
            verdicts(&order),
            [Ok(("message_tag:POST_PURCHASE_UPDATE".into(), None))]
        );
        let promo = plan_at(facts(Purpose::Promotional, true, &[]), &[Some(30)], at);
        assert_eq!(verdicts(&promo), [Err(Exclusion::PromotionalOutsideWindow)]);
        // A support answer goes by HUMAN_AGENT only when a person writes it.
        let policy = Policy::embedded().unwrap();
        let ix = index(&[Some(72), Some(200)], at);
        let mut req = request(facts(Purpose::HumanSupport, false, &["support"]), at);
        let bot = plan(&ix, None, &policy, &req);
        assert_eq!(
            verdicts(&bot),
            [Err(Exclusion::HumanAgentOnly), Err(Exclusion::WindowClosed)]
        );
        req.human_reply = true;
        let human = plan(&ix, None, &policy, &req);
        let until = t(at).timestamp() + (168 - 72) * 3600;
        assert_eq!(
            verdicts(&human),
            [
                Ok(("message_tag:HUMAN_AGENT".into(), Some(until))),
                Err(Exclusion::TooLate)
            ]
        );
        assert_eq!(
            human.rules[human.skipped[0].rule.unwrap() as usize].id,
            "messenger.tag.human_agent"
        );
    }

    #[test]
    fn a_chosen_human_agent_reply_inside_the_window_keeps_its_seven_days() {
        let at = "2026-11-22T10:00:00Z";
        let policy = Policy::embedded().unwrap();
        let mut req = request(facts(Purpose::HumanSupport, false, &["support"]), at);
        req.route = Some(Route::MessageTag("HUMAN_AGENT".into()));
        let p = plan(&index(&[Some(2)], at), None, &policy, &req);
        let until = t(at).timestamp() + (168 - 2) * 3600;
        assert_eq!(
            verdicts(&p),
            [Ok(("message_tag:HUMAN_AGENT".into(), Some(until)))]
        );
    }

    /// `index` with the Page `p1` in `country`.
    fn index_in(hours_ago: &[Option<i64>], at: &str, country: &str) -> ContactIndex {
        let mut ix = index(hours_ago, at);
        ix.set_page_country("p1", country.parse().ok());
        ix
    }

    #[test]
    fn after_the_2026_retirement_templates_replace_the_tags_where_they_exist() {
        let at = "2026-11-22T10:00:00Z";
        let f = facts(Purpose::PostPurchase, false, &["order"]);
        let policy = Policy::embedded().unwrap();
        let hours = [Some(2), Some(30), Some(200)];
        let us = plan(
            &index_in(&hours, at, "US"),
            None,
            &policy,
            &request(f.clone(), at),
        );
        assert_eq!(us.policy_version.as_deref(), Some("messenger-2026-09-28"));
        assert_eq!(verdicts(&us)[1], Ok(("utility_template".into(), None)));
        // Utility Messages exist only for Pages in US, VN, TH, PH: an Italian Page reaches
        // only open windows, and the others are told why.
        let it = plan(
            &index_in(&hours, at, "IT"),
            None,
            &policy,
            &request(f.clone(), at),
        );
        assert_eq!(
            verdicts(&it)[1..],
            [
                Err(Exclusion::RegionUnavailable),
                Err(Exclusion::RegionUnavailable)
            ]
        );
        let why = it.skipped[0]
            .rule
            .map(|r| it.rules[r as usize].clone())
            .unwrap();
        assert_eq!(why.id, "messenger.utility_template.region1");
        assert!(why.region.is_some());
        // A Page whose country is not known gets the same conservative answer.
        let unknown = plan_at(f.clone(), &hours, at);
        assert_eq!(verdicts(&unknown)[1], Err(Exclusion::RegionUnavailable));
        let mut req = request(f, at);
        req.route = Some(Route::MessageTag("POST_PURCHASE_UPDATE".into()));
        let p = plan(&index(&[Some(2), Some(30), None], at), None, &policy, &req);
        assert_eq!(
            verdicts(&p),
            [
                Err(Exclusion::RouteUnavailable),
                Err(Exclusion::RouteUnavailable),
                Err(Exclusion::NoInteraction)
            ]
        );
        assert!(matches!(p.unavailable, Some(ChosenVerdict::Retired { .. })));
        let rule = p.skipped[0].rule.map(|r| p.rules[r as usize].id.clone());
        assert_eq!(rule.as_deref(), Some("messenger.tag.post_purchase_update"));
    }

    #[test]
    fn the_rate_and_quiet_hours_decide_who_misses_and_a_faster_rate_saves_them() {
        let at = "2026-11-22T10:00:00Z";
        // Windows closing in 1, 2, 3 … 10 minutes (opened 24 h minus that ago).
        let policy = Policy::embedded().unwrap();
        let mut b = IndexBuilder::default();
        for m in 1..=10i64 {
            let last = t(at) - chrono::Duration::hours(24) + chrono::Duration::minutes(m);
            let x = Interaction {
                at: last,
                kind: InteractionKind::Message,
            };
            b.push(m, Channel::Messenger, "p1", None, vec![x]);
        }
        let ix = b.finish();
        let mut req = request(facts(Purpose::Promotional, true, &[]), at);
        req.pace.rate_per_min = Some(0.5);
        let p = plan(&ix, None, &policy, &req);
        let s = p.summary();
        assert_eq!((s.planned, s.missed_by_rate), (5, 5));
        assert_eq!(s.saved_at_double_rate, Some(5));
        // Earliest deadline first, two minutes apart: every other window closes just as its
        // turn comes.
        let order: Vec<u32> = p.sends.iter().map(|s| s.pos).collect();
        assert_eq!(order, [0, 2, 4, 6, 8]);
        // Quiet from 10:00 to 11:00 UTC for everyone: all windows close before anyone wakes.
        req.pace = Pace {
            rate_per_min: None,
            quiet: Some(QuietHours::parse("10-11").unwrap()),
        };
        let p = plan(&ix, None, &policy, &req);
        assert_eq!(
            p.summary().excluded_by_reason,
            [(Exclusion::QuietHours, 10)]
        );
    }

    #[test]
    fn each_contact_is_paced_in_its_own_zone() {
        let at = "2026-11-22T06:00:00Z";
        let policy = Policy::embedded().unwrap();
        let mut b = IndexBuilder::default();
        for (id, zone) in [
            (1, "Europe/Rome"),
            (2, "America/New_York"),
            (3, "not a zone"),
        ] {
            let x = Interaction {
                at: t(at) - chrono::Duration::hours(1),
                kind: InteractionKind::Message,
            };
            b.push(id, Channel::Messenger, "p1", None, vec![x]);
            b.set_zone(zone);
        }
        let ix = b.finish();
        let mut req = request(facts(Purpose::Promotional, true, &[]), at);
        req.pace.quiet = Some(QuietHours::parse("21-08").unwrap());
        let p = plan(&ix, None, &policy, &req);
        let at_of = |pos: u32| p.sends.iter().find(|s| s.pos == pos).map(|s| s.send_at);
        // 08:00 in Rome is 07:00 UTC; in New York 13:00 UTC; the default zone (UTC) 08:00.
        assert_eq!(at_of(0), Some(t("2026-11-22T07:00:00Z").timestamp()));
        assert_eq!(at_of(1), Some(t("2026-11-22T13:00:00Z").timestamp()));
        assert_eq!(at_of(2), Some(t("2026-11-22T08:00:00Z").timestamp()));
        assert_eq!(p.zones_defaulted, 1);
    }

    proptest! {
        /// Per-contact routing agrees with the reach the composer computes from window counts.
        #[test]
        fn routes_per_contact_add_up_to_the_reach_from_counts(
            hours in proptest::collection::vec(proptest::option::of(0i64..400), 1..60),
            purpose in 0usize..6,
            promotional in any::<bool>(),
            era in 0usize..3,
        ) {
            let at = ["2019-06-03T10:00:00Z", "2025-06-02T10:00:00Z", "2026-11-22T10:00:00Z"][era];
            let purpose = [Purpose::EventUpdate, Purpose::PostPurchase, Purpose::AccountUpdate,
                Purpose::Feedback, Purpose::News, Purpose::General][purpose];
            let f = facts(purpose, promotional, &["order", "event", "account"]);
            let policy = Policy::embedded().unwrap();
            let ix = index(&hours, at);
            let req = request(f.clone(), at);
            let p = plan(&ix, None, &policy, &req);
            let counts = Windows::build(&ix, None, &policy).counts(t(at), chrono::Duration::hours(2), &policy);
            let mut reach = Reach::default();
            reach.add(policy.channel(Channel::Messenger).unwrap(), &req, &Place::default(), &counts);
            let mut want = reach.by_route.clone();
            want.sort();
            let mut got = p.summary().by_route;
            got.sort();
            prop_assert_eq!(got, want);
            prop_assert_eq!(p.sends.len() + p.skipped.len(), hours.len());
        }
    }
}
