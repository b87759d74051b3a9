//! How many of a set of contacts one message reaches at an instant, by which route, and why
//! the others cannot receive it — from the window counts, without a pass over the contacts.

use serde::Serialize;

use super::send::{PlanRequest, reach_of_counts};
use super::windows::WindowCounts;
use crate::policy::region::Place;
use crate::policy::{ChannelPolicy, Exclusion, Route};

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

    /// Adds the reach of the message of `req` over the counts of the contacts of one
    /// channel at one place, with the plan's route decisions (see `reach_of_counts`).
    pub fn add(
        &mut self,
        cp: &ChannelPolicy,
        req: &PlanRequest,
        place: &Place,
        counts: &WindowCounts,
    ) {
        self.total += counts.total;
        let (by_route, excluded) = (&mut self.by_route, &mut self.excluded);
        reach_of_counts(
            cp,
            req,
            place,
            counts,
            |route, n| match by_route.iter_mut().find(|(r, _)| *r == route) {
                Some((_, m)) => *m += n,
                None => by_route.push((route, n)),
            },
            |why, n| match excluded.iter_mut().find(|(e, _)| *e == why) {
                Some((_, m)) => *m += n,
                None => excluded.push((why, n)),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::schedule::Pace;
    use crate::plan::zone::Zone;
    use crate::policy::route::ContentFacts;
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

    fn reach_at(
        facts: &ContentFacts,
        chosen: Option<&Route>,
        at: &str,
        human_reply: bool,
        place: Place,
    ) -> Reach {
        let p = Policy::embedded().unwrap();
        let mut r = Reach::default();
        let req = PlanRequest {
            channel: Channel::Messenger,
            facts: facts.clone(),
            route: chosen.cloned(),
            human_reply,
            answers: Default::default(),
            at: at.parse().unwrap(),
            include_ad_windows: false,
            pace: Pace::default(),
            default_zone: Zone::Fixed(0),
        };
        r.add(
            p.channel(Channel::Messenger).unwrap(),
            &req,
            &place,
            &counts(),
        );
        r
    }

    fn us() -> Place {
        let us = "US".parse().ok();
        Place {
            page: us,
            recipient: us,
        }
    }

    fn reach(facts: &ContentFacts, chosen: Option<&Route>, at: &str) -> Reach {
        reach_at(facts, chosen, at, false, us())
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
        let r = reach_at(
            &facts(Purpose::HumanSupport, false),
            Some(&tag),
            "2026-11-22T10:00:00Z",
            true,
            us(),
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
        assert!(r.excluded.contains(&(Exclusion::RouteUnavailable, 90)));
    }

    #[test]
    fn an_order_update_for_an_italian_page_reaches_only_open_windows_after_april_2026() {
        let it = "IT".parse().ok();
        let place = Place {
            page: it,
            recipient: it,
        };
        let f = facts(Purpose::PostPurchase, false);
        let r = reach_at(&f, None, "2026-11-22T10:00:00Z", false, place);
        assert_eq!(r.by_route, [(Route::Standard, 20)]);
        assert!(r.excluded.contains(&(Exclusion::RegionUnavailable, 70)));
        // Before the retirement the tag, which has no regional limit, carried it.
        let r = reach_at(&f, None, "2025-11-22T10:00:00Z", false, place);
        let tag = Route::MessageTag("POST_PURCHASE_UPDATE".into());
        assert_eq!(r.by_route, [(Route::Standard, 20), (tag, 70)]);
        // A Page whose country is not known gets the conservative answer.
        let r = reach_at(&f, None, "2026-11-22T10:00:00Z", false, Place::default());
        assert_eq!(r.by_route, [(Route::Standard, 20)]);
    }
}
