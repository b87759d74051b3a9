//! Who can still be asked to come back, and how: the contacts whose window is not open, split
//! by what can still reach them — a person answering under HUMAN_AGENT, one private reply to
//! a recent comment, or nothing (then only an ad, or an entry point they see, brings them
//! back: the audience file of a Click-to-Messenger ad).

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::policy::{Channel, Interaction, InteractionKind, Policy, WindowState, window_at};

/// The split of the contacts whose window is not open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AskSplit {
    /// Contacts looked at.
    pub considered: u64,
    /// Whose window is open (nothing to ask).
    pub open: u64,
    /// Whose ad-started window may still be open: nobody can tell, so neither side counts
    /// on them.
    pub maybe_open: u64,
    /// Whose window is closed or never known: the sum of the three below.
    pub closed: u64,
    /// A person may answer them under HUMAN_AGENT (their last action is recent enough), if it
    /// is a reply to something they asked.
    pub human_agent: u64,
    /// Their last action is a comment recent enough for one private reply to it.
    pub private_reply: u64,
    /// Nothing reaches them: an ad to the audience file, or an entry point they see.
    pub ad_audience: u64,
}

/// One contact as the split needs it.
#[derive(Clone, Copy, Debug)]
pub struct Person {
    /// Channel.
    pub channel: Channel,
    /// The latest action, unix seconds.
    pub last_at: Option<i64>,
    /// Its kind.
    pub last_kind: InteractionKind,
}

/// What can still reach one person at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The window is open.
    Open,
    /// An ad-started window that may still be open.
    MaybeOpen,
    /// A person, under HUMAN_AGENT.
    HumanAgent,
    /// One private reply to their comment.
    PrivateReply,
    /// Nothing: an ad or an entry point.
    AdAudience,
}

/// What can still reach `p` at `now` under `policy`.
pub fn reach(p: Person, policy: &Policy, now: DateTime<Utc>) -> Reach {
    let Some(cp) = policy.channel(p.channel) else {
        return Reach::AdAudience;
    };
    let last = p
        .last_at
        .and_then(|t| DateTime::from_timestamp(t, 0))
        .map(|at| Interaction {
            at,
            kind: p.last_kind,
        });
    let state = window_at(cp, last, now, Duration::zero()).state;
    match state {
        WindowState::Open | WindowState::Closing => return Reach::Open,
        WindowState::MaybeOpen => return Reach::MaybeOpen,
        _ => {}
    }
    if let (Some(pr), Some(x)) = (&cp.private_reply, last)
        && pr.after.contains(&x.kind)
        && x.at <= now
        && now - x.at <= Duration::hours(i64::from(pr.max_hours))
    {
        return Reach::PrivateReply;
    }
    if state == WindowState::HumanAgentOnly {
        Reach::HumanAgent
    } else {
        Reach::AdAudience
    }
}

/// The split of `people` at `now`.
pub fn split(
    people: impl IntoIterator<Item = Person>,
    policy: &Policy,
    now: DateTime<Utc>,
) -> AskSplit {
    let mut s = AskSplit::default();
    for p in people {
        s.considered += 1;
        match reach(p, policy, now) {
            Reach::Open => s.open += 1,
            Reach::MaybeOpen => s.maybe_open += 1,
            Reach::HumanAgent => s.human_agent += 1,
            Reach::PrivateReply => s.private_reply += 1,
            Reach::AdAudience => s.ad_audience += 1,
        }
    }
    s.closed = s.human_agent + s.private_reply + s.ad_audience;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours_ago: i64, now: DateTime<Utc>) -> Option<i64> {
        Some((now - Duration::hours(hours_ago)).timestamp())
    }

    #[test]
    fn each_closed_contact_gets_what_still_reaches_it() {
        let policy = Policy::embedded().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let p = |hours: Option<i64>, kind| Person {
            channel: Channel::Messenger,
            last_at: hours.and_then(|h| at(h, now)),
            last_kind: kind,
        };
        let cases = [
            (p(Some(2), InteractionKind::Message), Reach::Open),
            (p(Some(30), InteractionKind::Message), Reach::HumanAgent),
            (p(Some(30), InteractionKind::Comment), Reach::PrivateReply),
            // Seven days are 168 hours: a comment 167 hours ago still gets its reply.
            (p(Some(167), InteractionKind::Comment), Reach::PrivateReply),
            (p(Some(169), InteractionKind::Comment), Reach::AdAudience),
            (p(Some(200), InteractionKind::Message), Reach::AdAudience),
            (p(None, InteractionKind::Unknown), Reach::AdAudience),
        ];
        for (person, want) in cases {
            assert_eq!(reach(person, &policy, now), want, "{person:?}");
        }
        let s = split(cases.iter().map(|c| c.0), &policy, now);
        assert_eq!(
            (
                s.considered,
                s.open,
                s.closed,
                s.human_agent,
                s.private_reply,
                s.ad_audience
            ),
            (7, 1, 6, 1, 2, 3)
        );
    }
}
