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
    /// The standard window has closed; a person may still answer under HUMAN_AGENT.
    HumanAgentOnly,
    /// Closed.
    Closed,
    /// No known action at or before the instant.
    Unknown,
}

impl WindowState {
    /// Every state, in display order.
    pub const ALL: [WindowState; 5] = [
        WindowState::Open,
        WindowState::Closing,
        WindowState::HumanAgentOnly,
        WindowState::Closed,
        WindowState::Unknown,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            WindowState::Open => "open",
            WindowState::Closing => "closing",
            WindowState::HumanAgentOnly => "human_agent_only",
            WindowState::Closed => "closed",
            WindowState::Unknown => "unknown",
        }
    }

    /// Whether the standard window is open (closing included).
    pub fn is_open(self) -> bool {
        matches!(self, WindowState::Open | WindowState::Closing)
    }
}

/// A person's last action.
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
    /// When the standard window closes (or closed); `None` if it never opened.
    pub closes_at: Option<DateTime<Utc>>,
    /// Until when a person may still answer under HUMAN_AGENT, if that exists then.
    pub human_agent_until: Option<DateTime<Utc>>,
    /// The policy version whose window length applies.
    pub version: Option<String>,
}

/// The version that sets the length of a window opened at `opened`: the one in force then,
/// or the oldest known version for actions older than every version.
pub fn version_for_action(policy: &ChannelPolicy, opened: DateTime<Utc>) -> Option<&Version> {
    policy.version_at(opened).or(policy.versions.first())
}

/// When the standard window opened by `last` closes, if the action opens one.
pub fn standard_window_end(policy: &ChannelPolicy, last: Interaction) -> Option<DateTime<Utc>> {
    let secs = version_for_action(policy, last.at)?.window_secs(last.kind)?;
    Some(last.at + Duration::seconds(secs))
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

/// Sorted, merged `[start, end)` intervals.
fn merged(mut v: Vec<(DateTime<Utc>, DateTime<Utc>)>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    v.sort_unstable();
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The window of a person with these interactions (any order), seen at `at`. Each action
/// opens its own window; windows that overlap join into one, so a window closes at the end
/// of the last overlapping one — what the person's history shows happened.
pub fn window_over(
    policy: &ChannelPolicy,
    interactions: &[Interaction],
    at: DateTime<Utc>,
    horizon: Duration,
) -> WindowStatus {
    let Some(latest) = interactions
        .iter()
        .filter(|x| x.at <= at)
        .max_by_key(|x| x.at)
    else {
        return WindowStatus {
            state: WindowState::Unknown,
            closes_at: None,
            human_agent_until: None,
            version: None,
        };
    };
    let version = version_for_action(policy, latest.at).map(|v| v.id.clone());
    let open = merged(
        interactions
            .iter()
            .filter_map(|x| Some((x.at, standard_window_end(policy, *x)?)))
            .collect(),
    );
    let human = policy.human_agent_hours_at(at).map(|h| {
        merged(
            interactions
                .iter()
                .filter(|x| x.kind != InteractionKind::Comment)
                .map(|x| (x.at, x.at + Duration::hours(i64::from(h))))
                .collect(),
        )
    });
    // The interval containing `at`, else the last one that ended by then.
    let around = |v: &[(DateTime<Utc>, DateTime<Utc>)]| {
        v.iter()
            .find(|(s, e)| *s <= at && at < *e)
            .or_else(|| v.iter().rfind(|(s, _)| *s <= at))
            .map(|(_, e)| *e)
    };
    let closes_at = around(&open);
    let human_agent_until = human.as_deref().and_then(around);
    let state = match closes_at {
        Some(end) if at < end => {
            if end - at <= horizon {
                WindowState::Closing
            } else {
                WindowState::Open
            }
        }
        _ if human_agent_until.is_some_and(|u| at < u) => WindowState::HumanAgentOnly,
        _ => WindowState::Closed,
    };
    WindowStatus {
        state,
        closes_at,
        human_agent_until,
        version,
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
