//! The messaging window of one person at one instant: a pure function of their last action,
//! the instant and the channel's policy.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::model::{ChannelPolicy, InteractionKind, Version};

/// The state of a person's window at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    /// The standard window is open and stays open past the horizon.
    Open,
    /// Open, but closes within the horizon.
    Closing,
    /// The certain part of a window started by an ad has passed, but Meta says such a window
    /// "may last up to" 7 days: it may still be open, and nobody can tell.
    MaybeOpen,
    /// The standard window has closed; a person may still answer under HUMAN_AGENT.
    HumanAgentOnly,
    /// Closed.
    Closed,
    /// No known action at or before the instant.
    Unknown,
}

impl WindowState {
    /// Every state, in display order.
    pub const ALL: [WindowState; 6] = [
        WindowState::Open,
        WindowState::Closing,
        WindowState::MaybeOpen,
        WindowState::HumanAgentOnly,
        WindowState::Closed,
        WindowState::Unknown,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            WindowState::Open => "open",
            WindowState::Closing => "closing",
            WindowState::MaybeOpen => "maybe_open",
            WindowState::HumanAgentOnly => "human_agent_only",
            WindowState::Closed => "closed",
            WindowState::Unknown => "unknown",
        }
    }

    /// Whether the standard window is surely open (closing included).
    pub fn is_open(self) -> bool {
        matches!(self, WindowState::Open | WindowState::Closing)
    }
}

/// A person's action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interaction {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub kind: InteractionKind,
}

/// The window of one person at one instant, and what it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindowStatus {
    /// The state.
    pub state: WindowState,
    /// When the standard window surely closes (or closed), as known at the instant; `None`
    /// if no known action opened one.
    pub closes_at: Option<DateTime<Utc>>,
    /// Until when a window started by an ad may still be open, when that is later than
    /// `closes_at`.
    pub maybe_until: Option<DateTime<Utc>>,
    /// Until when a person may still answer under HUMAN_AGENT, if that exists then.
    pub human_agent_until: Option<DateTime<Utc>>,
    /// The policy version whose window length applies (that of the latest known action).
    pub version: Option<String>,
}

/// The version that sets the length of a window opened at `opened`: the one in force then,
/// or the oldest known version for actions older than every version.
pub fn version_for_action(policy: &ChannelPolicy, opened: DateTime<Utc>) -> Option<&Version> {
    policy.version_at(opened).or(policy.versions.first())
}

/// When the standard window opened by `x` surely closes, if the action opens one.
pub fn standard_window_end(policy: &ChannelPolicy, x: Interaction) -> Option<DateTime<Utc>> {
    let secs = version_for_action(policy, x.at)?.window_secs(x.kind)?;
    Some(x.at + Duration::seconds(secs))
}

/// The longest the window opened by `x` may last (an ad-started window "up to 7 days").
pub fn window_max_end(policy: &ChannelPolicy, x: Interaction) -> Option<DateTime<Utc>> {
    let secs = version_for_action(policy, x.at)?.window_max_secs(x.kind)?;
    Some(x.at + Duration::seconds(secs))
}

/// Until when a person may answer under HUMAN_AGENT after `x`, given the extension in force
/// at the instant of evaluation (`None` when there is none, or the action does not count).
pub fn human_agent_end(x: Interaction, human_hours: Option<u32>) -> Option<DateTime<Utc>> {
    let h = human_hours?;
    (x.kind != InteractionKind::Comment).then(|| x.at + Duration::hours(i64::from(h)))
}

/// The window of a person whose last action is `last`, seen at `at`. `horizon` decides
/// when an open window counts as closing.
pub fn window_at(
    policy: &ChannelPolicy,
    last: Option<Interaction>,
    at: DateTime<Utc>,
    horizon: Duration,
) -> WindowStatus {
    window_over(policy, last.as_slice(), at, horizon)
}

/// The window of a person with these interactions (any order), seen at `at`, the way a plan
/// made at `at` sees it: only actions at or before `at` count. Each action opens its own
/// window; the person's window closes at the end of the latest of them.
///
/// This is Ventana's one definition of a window: the index, the counts, the plan and the
/// timeline use it or are tested against an independent simulation that agrees with it.
pub fn window_over(
    policy: &ChannelPolicy,
    interactions: &[Interaction],
    at: DateTime<Utc>,
    horizon: Duration,
) -> WindowStatus {
    let known = || interactions.iter().filter(|x| x.at <= at);
    let Some(latest) = known().max_by_key(|x| x.at) else {
        return WindowStatus {
            state: WindowState::Unknown,
            closes_at: None,
            maybe_until: None,
            human_agent_until: None,
            version: None,
        };
    };
    let human_hours = policy.human_agent_hours_at(at);
    let closes_at = known()
        .filter_map(|x| standard_window_end(policy, *x))
        .max();
    let max_end = known().filter_map(|x| window_max_end(policy, *x)).max();
    let human_agent_until = known()
        .filter_map(|x| human_agent_end(*x, human_hours))
        .max();
    let maybe_until = max_end.filter(|m| closes_at.is_none_or(|c| *m > c));
    WindowStatus {
        state: state_from_ends(at, horizon, closes_at, maybe_until, human_agent_until),
        closes_at,
        maybe_until,
        human_agent_until,
        version: version_for_action(policy, latest.at).map(|v| v.id.clone()),
    }
}

/// The state at `at` of a person whose known windows end at these instants.
pub fn state_from_ends(
    at: DateTime<Utc>,
    horizon: Duration,
    closes_at: Option<DateTime<Utc>>,
    maybe_until: Option<DateTime<Utc>>,
    human_agent_until: Option<DateTime<Utc>>,
) -> WindowState {
    match closes_at {
        Some(end) if at < end && end - at <= horizon => WindowState::Closing,
        Some(end) if at < end => WindowState::Open,
        _ if maybe_until.is_some_and(|m| at < m) => WindowState::MaybeOpen,
        _ if human_agent_until.is_some_and(|u| at < u) => WindowState::HumanAgentOnly,
        _ => WindowState::Closed,
    }
}

/// What is known of a person's window during a [`Segment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stretch {
    /// The standard window is surely open.
    Open,
    /// A window started by an ad may still be open.
    MaybeOpen,
    /// Only a human agent may answer.
    HumanAgent,
}

/// A stretch of time `[from, to)` (unix seconds) during which what is known of a person's
/// window does not change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// What is known.
    pub stretch: Stretch,
    /// First second.
    pub from: i64,
    /// First second after.
    pub to: i64,
    /// When this stretch ends as known during it: for `Open`, when the standard window
    /// closes unless the person acts again (then `to == ends_at` unless a later action
    /// extended it first).
    pub ends_at: i64,
    /// Whether the stretch runs out at `to` with no action then: the window really closes.
    pub expires: bool,
}

/// A person's window over all time, as a plan made at each instant would see it: the
/// stretches in which [`window_over`] gives `Open`/`Closing`, `MaybeOpen` or
/// `HumanAgentOnly`, given the HUMAN_AGENT extension `human_hours` (the one in force at the
/// instants of interest). `sorted` must be in time order. Outside every segment the person
/// is closed (after their first action) or unknown (before it).
pub fn segments(
    policy: &ChannelPolicy,
    sorted: &[Interaction],
    human_hours: Option<u32>,
    out: &mut Vec<Segment>,
) {
    let secs = |t: Option<DateTime<Utc>>| t.map_or(i64::MIN, |t| t.timestamp());
    // The sure and the longest end of the window `x` opens, from one version lookup.
    let ends = |x: &Interaction| {
        let a = x.at.timestamp();
        version_for_action(policy, x.at).map_or((i64::MIN, i64::MIN), |v| {
            let sure = v.window_secs(x.kind).map_or(i64::MIN, |s| a + s);
            (sure, v.window_max_secs(x.kind).map_or(sure, |s| a + s))
        })
    };
    let (mut sure, mut maybe, mut human) = (i64::MIN, i64::MIN, i64::MIN);
    for (i, x) in sorted.iter().enumerate() {
        let a = x.at.timestamp();
        let next = sorted.get(i + 1).map_or(i64::MAX, |n| n.at.timestamp());
        let (s, m) = ends(x);
        sure = sure.max(s);
        maybe = maybe.max(m).max(sure);
        human = human.max(secs(human_agent_end(*x, human_hours))).max(maybe);
        if next <= a {
            continue;
        }
        let clamp = |t: i64| t.clamp(a, next);
        // The window runs out at `to` unless an action at that very instant renews it.
        let renewed_at = |to: i64| {
            sorted[i + 1..]
                .iter()
                .take_while(|y| y.at.timestamp() == to)
                .any(|y| ends(y).0 > to)
        };
        let bounds = [
            (Stretch::Open, a, clamp(sure), sure),
            (Stretch::MaybeOpen, clamp(sure), clamp(maybe), maybe),
            (Stretch::HumanAgent, clamp(maybe), clamp(human), human),
        ];
        for (stretch, from, to, ends_at) in bounds {
            if to > from {
                out.push(Segment {
                    stretch,
                    from,
                    to,
                    ends_at,
                    expires: stretch == Stretch::Open && to == ends_at && !renewed_at(to),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn every_window_example_of_every_version_holds() {
        let policy = Policy::embedded().unwrap();
        let mut n = 0;
        for cp in policy.channels() {
            for (version, ex) in &cp.window_examples {
                let last = Interaction {
                    at: ex.last_interaction,
                    kind: ex.kind,
                };
                let got = window_at(cp, Some(last), ex.at, Duration::hours(2));
                assert_eq!(
                    got.state.as_str(),
                    ex.state,
                    "{}: version {version}, example {ex:?}",
                    cp.channel
                );
                n += 1;
            }
        }
        assert!(n >= 10, "only {n} window examples");
    }

    #[test]
    fn messenger_window_walks_through_its_states() {
        let policy = Policy::embedded().unwrap();
        let cp = policy.channel(crate::policy::Channel::Messenger).unwrap();
        let last = Some(Interaction {
            at: t("2025-06-01T10:00:00Z"),
            kind: InteractionKind::Message,
        });
        let h = Duration::hours(2);
        let state = |at: &str| window_at(cp, last, t(at), h).state;
        assert_eq!(state("2025-06-01T09:00:00Z"), WindowState::Unknown);
        assert_eq!(state("2025-06-01T10:00:00Z"), WindowState::Open);
        assert_eq!(state("2025-06-02T07:59:59Z"), WindowState::Open);
        assert_eq!(state("2025-06-02T08:00:00Z"), WindowState::Closing);
        assert_eq!(state("2025-06-02T10:00:00Z"), WindowState::HumanAgentOnly);
        assert_eq!(state("2025-06-08T09:59:59Z"), WindowState::HumanAgentOnly);
        assert_eq!(state("2025-06-08T10:00:00Z"), WindowState::Closed);
        assert_eq!(
            window_at(cp, None, t("2025-06-01T10:00:00Z"), h).state,
            WindowState::Unknown
        );
    }

    #[test]
    fn before_2020_there_is_no_human_agent_extension() {
        let policy = Policy::embedded().unwrap();
        let cp = policy.channel(crate::policy::Channel::Messenger).unwrap();
        let last = Some(Interaction {
            at: t("2018-06-01T10:00:00Z"),
            kind: InteractionKind::Message,
        });
        let w = window_at(cp, last, t("2018-06-03T10:00:00Z"), Duration::hours(2));
        assert_eq!(w.state, WindowState::Closed);
        assert_eq!(w.human_agent_until, None);
    }
}
