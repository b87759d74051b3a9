//! How many of a set of contacts one message reaches at an instant, by which route, and why
//! the others cannot receive it — from the window counts, without a pass over the contacts.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::index::WindowCounts;
use crate::policy::route::{self, ChosenVerdict, ContentFacts};
use crate::policy::{ChannelPolicy, Exclusion, Route, WindowNeed};

/// Who a message reaches.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reach {
    /// Contacts considered.
    pub total: u64,
    /// Contacts reachable by each route.
    pub by_route: Vec<(Route, u64)>,
    /// Contacts not reachable, by reason.
    pub excluded: Vec<(Exclusion, u64)>,
}

impl Reach {
    /// Contacts reachable by any route.
    pub fn reachable(&self) -> u64 {
        self.by_route.iter().map(|(_, n)| n).sum()
    }

    fn add_route(&mut self, route: Route, n: u64) {
        if n == 0 {
            return;
        }
        match self.by_route.iter_mut().find(|(r, _)| *r == route) {
            Some((_, m)) => *m += n,
            None => self.by_route.push((route, n)),
        }
    }

    fn exclude(&mut self, why: Exclusion, n: u64) {
        if n == 0 {
            return;
        }
        match self.excluded.iter_mut().find(|(e, _)| *e == why) {
            Some((_, m)) => *m += n,
            None => self.excluded.push((why, n)),
        }
    }

    /// Adds the reach of a message over one channel's counts. `chosen` is the route the
    /// marketer picked, or `None` to let Ventana pick per contact (standard inside the
    /// window, the suggested route outside it).
    ///
    /// Time-limited routes (HUMAN_AGENT's 7 days) reach the contacts within the human-agent
    /// extension, which is how the window counts measure it.
    pub fn add(
        &mut self,
        cp: &ChannelPolicy,
        facts: &ContentFacts,
        chosen: Option<&Route>,
        counts: &WindowCounts,
        at: DateTime<Utc>,
    ) {
        self.total += counts.total;
        self.exclude(Exclusion::NoInteraction, counts.unknown);
        let outside_why = if facts.promotional {
            Exclusion::PromotionalOutsideWindow
        } else {
            Exclusion::WindowClosed
        };
        let outside_route = match chosen {
            None | Some(Route::Standard) => {
                self.add_route(Route::Standard, counts.open);
                if chosen.is_some() {
                    self.exclude(outside_why, counts.human_agent_only + counts.closed);
                    return;
                }
                let advice = route::advise(cp, facts, at);
                (advice.suggested_route != Route::Standard).then_some(advice.suggested_route)
            }
            Some(r) => match route::judge_chosen(cp, r, facts, at) {
                ChosenVerdict::Fits { .. } => Some(r.clone()),
                _ => {
                    // The chosen route cannot carry this text at all.
                    self.exclude(outside_why, counts.total - counts.unknown);
                    return;
                }
            },
        };
        let Some(route) = outside_route else {
            self.exclude(outside_why, counts.human_agent_only + counts.closed);
            return;
        };
        let rule = cp.rules_at(at).find(|r| r.route == route);
        let limited = rule.is_some_and(|r| r.max_hours.is_some());
        let inside_ok = rule.is_some_and(|r| r.window != WindowNeed::Outside);
        if chosen.is_some() {
            if inside_ok {
                self.add_route(route.clone(), counts.open);
            } else {
                self.add_route(Route::Standard, counts.open);
            }
        }
        self.add_route(route.clone(), counts.human_agent_only);
        if limited {
            self.exclude(Exclusion::TooLate, counts.closed);
        } else {
            self.add_route(route, counts.closed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Channel, Policy, Purpose};

    fn counts() -> WindowCounts {
        WindowCounts {
            total: 100,
            open: 20,
            closing: 5,
            human_agent_only: 30,
            closed: 40,
            unknown: 10,
            ..WindowCounts::default()
        }
    }

    fn facts(purpose: Purpose, promotional: bool) -> ContentFacts {
        ContentFacts {
            checked: true,
            promotional,
            purpose: Some(purpose),
            topics: vec![],
        }
    }

    fn reach(facts: &ContentFacts, chosen: Option<&Route>, at: &str) -> Reach {
        let p = Policy::embedded().unwrap();
        let mut r = Reach::default();
        r.add(
            p.channel(Channel::Messenger).unwrap(),
            facts,
            chosen,
            &counts(),
            at.parse().unwrap(),
        );
        r
    }

    #[test]
    fn promotions_reach_only_open_windows() {
        let r = reach(
            &facts(Purpose::Promotional, true),
            None,
            "2025-06-02T10:00:00Z",
        );
        assert_eq!(r.by_route, [(Route::Standard, 20)]);
        assert!(
            r.excluded
                .contains(&(Exclusion::PromotionalOutsideWindow, 70))
        );
        assert!(r.excluded.contains(&(Exclusion::NoInteraction, 10)));
        assert_eq!(
            r.reachable() + r.excluded.iter().map(|e| e.1).sum::<u64>(),
            r.total
        );
    }

    #[test]
    fn an_order_update_reaches_everyone_known_by_tag_then_by_template() {
        let r = reach(
            &facts(Purpose::PostPurchase, false),
            None,
            "2025-06-02T10:00:00Z",
        );
        let tag = Route::MessageTag("POST_PURCHASE_UPDATE".into());
        assert_eq!(r.by_route, [(Route::Standard, 20), (tag, 70)]);
        let r = reach(
            &facts(Purpose::PostPurchase, false),
            None,
            "2026-11-22T10:00:00Z",
        );
        assert_eq!(
            r.by_route,
            [(Route::Standard, 20), (Route::UtilityTemplate, 70)]
        );
    }

    #[test]
    fn human_agent_replies_stop_after_seven_days() {
        let tag = Route::MessageTag("HUMAN_AGENT".into());
        let r = reach(
            &facts(Purpose::HumanSupport, false),
            Some(&tag),
            "2026-11-22T10:00:00Z",
        );
        assert_eq!(r.by_route, [(tag, 50)]);
        assert!(r.excluded.contains(&(Exclusion::TooLate, 40)));
    }

    #[test]
    fn a_retired_tag_reaches_nobody() {
        let tag = Route::MessageTag("POST_PURCHASE_UPDATE".into());
        let r = reach(
            &facts(Purpose::PostPurchase, false),
            Some(&tag),
            "2026-11-22T10:00:00Z",
        );
        assert_eq!(r.reachable(), 0);
        assert!(r.excluded.contains(&(Exclusion::WindowClosed, 90)));
    }
}
