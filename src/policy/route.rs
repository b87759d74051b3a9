//! Which routes may carry a message: a pure function of what the message is (its purpose,
//! whether it is promotional, its topics), the instant, and, for one person, their window.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::model::{ChannelPolicy, Purpose, Route, Rule, WindowNeed};
use super::region::{self, Available, Place, Scope};

/// What the checker found out about a message, as far as routes care.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContentFacts {
    /// Whether the text was analysed (a supported language).
    pub checked: bool,
    /// Whether it carries promotional content.
    pub promotional: bool,
    /// What it is for.
    pub purpose: Option<Purpose>,
    /// Topic scores from the lexicon (e.g. `shipping` → 2.0).
    pub topics: Vec<(String, f32)>,
}

impl ContentFacts {
    fn topic_score(&self, topics: &[String]) -> f32 {
        self.topics
            .iter()
            .filter(|(t, _)| topics.contains(t))
            .map(|(_, s)| s)
            .sum()
    }
}

/// Why a rule does or does not carry a message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fit {
    /// It carries it.
    Fits,
    /// The rule is not in force yet.
    NotYet {
        /// First day.
        from: NaiveDate,
    },
    /// The rule has ended.
    Retired {
        /// First day it no longer applied.
        on: NaiveDate,
    },
    /// The route cannot carry promotional content.
    Promotional,
    /// The route is for other purposes.
    WrongPurpose {
        /// What the route is for.
        allowed: Vec<Purpose>,
    },
    /// The route is for narrower topics than the text's.
    WrongTopic {
        /// The topics it covers.
        topics: Vec<String>,
    },
    /// The text was not analysed, so no restricted route can be vouched for.
    Unchecked,
}

/// Does `rule` carry content with these facts at `at`?
pub fn fit(rule: &Rule, facts: &ContentFacts, at: DateTime<Utc>) -> Fit {
    if rule.until.is_some() && rule.ended_by(at) {
        return Fit::Retired {
            on: rule.until.unwrap_or(rule.from),
        };
    }
    if !rule.in_force(at) {
        return Fit::NotYet { from: rule.from };
    }
    if rule.window == WindowNeed::Inside {
        return Fit::Fits;
    }
    if !facts.checked && !rule.promotional_allowed {
        return Fit::Unchecked;
    }
    if facts.promotional && !rule.promotional_allowed {
        return Fit::Promotional;
    }
    // A text whose purpose is not known fits only routes that carry promotions, which carry
    // anything a message may be.
    let purpose_ok = match facts.purpose {
        Some(p) => rule.purposes.contains(&p),
        None => rule.promotional_allowed && rule.purposes.contains(&Purpose::Promotional),
    };
    if !purpose_ok {
        return Fit::WrongPurpose {
            allowed: rule.purposes.clone(),
        };
    }
    if rule.topic_required && facts.topic_score(&rule.topics) <= 0.0 {
        return Fit::WrongTopic {
            topics: rule.topics.clone(),
        };
    }
    Fit::Fits
}

/// Whether `rule`'s route exists at `at` for a Page and a person at `place`, and the
/// restriction that decides it when it does not (or may not).
pub fn availability<'a>(
    rule: &'a Rule,
    place: &Place,
    at: DateTime<Utc>,
) -> (Available, Option<&'a Scope>) {
    match region::restriction(&rule.regions, place, at) {
        Some((a, scope)) => (a, Some(scope)),
        None => (Available::Yes, None),
    }
}

/// Whether the content of a text would fit `rule`, whatever the date: the purpose, the
/// promotional content and the topics the rule needs.
fn fits_content(rule: &Rule, facts: &ContentFacts) -> bool {
    facts.checked
        && (!facts.promotional || rule.promotional_allowed)
        && facts.purpose.is_some_and(|p| rule.purposes.contains(&p))
        && (!rule.topic_required || facts.topic_score(&rule.topics) > 0.0)
}

/// The route Ventana suggests for a text, with the reason behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A route outside the window fits.
    Fits {
        /// The route.
        route: Route,
    },
    /// The tag that used to carry this was retired; the replacement is suggested.
    TagRetired {
        /// The retired tag.
        tag: String,
        /// When.
        on: NaiveDate,
        /// What Meta points to instead, when it carries this text here.
        replacement: Option<Route>,
        /// The rule of the replacement.
        replacement_rule: Option<String>,
    },
    /// Promotional content: only inside the window (or on paid / opt-in routes).
    PromotionalOnlyInside,
    /// Nothing outside the window carries this purpose.
    NoRouteForPurpose {
        /// The purpose.
        purpose: Option<Purpose>,
    },
    /// The text was not analysed.
    Unchecked,
    /// No policy version is known at the instant.
    NoPolicy,
}

/// A route considered for a text, and whether it fits.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteOption {
    /// The route.
    pub route: Route,
    /// The rule it rests on.
    pub rule: String,
    /// Whether and why it fits.
    pub fit: Fit,
    /// Whether the route exists for this Page and person.
    pub available: Available,
    /// The regional restriction behind `available`, when it is not `Yes`.
    pub restriction: Option<Scope>,
    /// When it may be used relative to the window.
    pub window: WindowNeed,
    /// Latest send, in hours after the person's last action.
    pub max_hours: Option<u32>,
    /// Whether a person must write it.
    pub human_only: bool,
    /// Whether Ventana may suggest it (false for routes a Page sets up separately).
    pub suggest: bool,
}

impl RouteOption {
    /// Whether the route may carry the text here and now.
    pub fn usable(&self) -> bool {
        self.fit == Fit::Fits && self.available == Available::Yes
    }
}

/// Ventana's advice for one text at one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    /// The policy version in force.
    pub policy_version: Option<String>,
    /// The suggested tag, if the suggested route is a tag.
    pub suggested_tag: Option<String>,
    /// The suggested route to reach people outside the window (`standard` = only inside).
    pub suggested_route: Route,
    /// The rule the suggestion rests on.
    pub rule: Option<String>,
    /// The source URL of that rule (or of the version).
    pub source: Option<String>,
    /// Why.
    pub reason: Reason,
    /// Every route in force, fitting or not.
    pub options: Vec<RouteOption>,
}

impl Advice {
    /// Routes outside the window whose content rules fit the text but that do not exist
    /// (or may not exist) for this Page and person.
    pub fn region_blocked(&self) -> impl Iterator<Item = &RouteOption> {
        self.options.iter().filter(|o| {
            o.window != WindowNeed::Inside && o.fit == Fit::Fits && o.available != Available::Yes
        })
    }

    /// Routes that carry the text here but that a Page has to set up first (opt-in tokens,
    /// templates, paid programmes), so Ventana does not suggest them on its own.
    pub fn setup_routes(&self) -> impl Iterator<Item = &RouteOption> {
        self.options
            .iter()
            .filter(|o| o.window != WindowNeed::Inside && !o.suggest && o.usable())
    }
}

/// How two rules compare for the facts: closest topics, then rank (lower first), then newest.
fn preference(a: &Rule, b: &Rule, facts: &ContentFacts) -> std::cmp::Ordering {
    facts
        .topic_score(&a.topics)
        .total_cmp(&facts.topic_score(&b.topics))
        .then(b.rank.cmp(&a.rank))
        .then(a.from.cmp(&b.from))
}

/// The best rule among `rules` for the facts.
fn best<'a>(rules: impl Iterator<Item = &'a Rule>, facts: &ContentFacts) -> Option<&'a Rule> {
    rules.max_by(|a, b| preference(a, b, facts))
}

/// Sorts rules best first, as [`advise`] ranks them.
pub fn sort_by_preference(rules: &mut [&Rule], facts: &ContentFacts) {
    // Stable and reversed, so that among equals the later rule comes first, as `max_by` picks.
    rules.reverse();
    rules.sort_by(|a, b| preference(b, a, facts));
}

/// Advises a route for a text at `at`, for people outside their standard window, for a
/// Page and a person at `place`. The suggested route is always one that fits the text and
/// exists there: a route whose region is uncertain is not suggested.
pub fn advise(
    policy: &ChannelPolicy,
    facts: &ContentFacts,
    at: DateTime<Utc>,
    place: &Place,
) -> Advice {
    let version = policy.version_at(at);
    let options: Vec<RouteOption> = policy
        .rules_at(at)
        .map(|r| {
            let (available, restriction) = availability(r, place, at);
            RouteOption {
                route: r.route.clone(),
                rule: r.id.clone(),
                fit: fit(r, facts, at),
                available,
                restriction: restriction.cloned(),
                window: r.window,
                max_hours: r.max_hours,
                human_only: r.human_only,
                suggest: r.suggest,
            }
        })
        .collect();
    let mut advice = Advice {
        policy_version: version.map(|v| v.id.clone()),
        suggested_tag: None,
        suggested_route: Route::Standard,
        rule: None,
        source: version.map(|v| v.source.clone()),
        reason: Reason::NoPolicy,
        options,
    };
    if version.is_none() {
        return advice;
    }
    let usable =
        |r: &Rule| fit(r, facts, at) == Fit::Fits && availability(r, place, at).0 == Available::Yes;
    let outside = policy
        .rules_at(at)
        .filter(|r| r.window != WindowNeed::Inside && r.suggest && usable(r));
    if let Some(rule) = best(outside, facts) {
        advice.suggested_tag = rule.route.tag().map(str::to_string);
        advice.suggested_route = rule.route.clone();
        advice.rule = Some(rule.id.clone());
        advice.source = Some(rule.source.clone());
        advice.reason = Reason::Fits {
            route: rule.route.clone(),
        };
        // When a template or other non-tag route took over from a retired tag, name the tag.
        if rule.route.tag().is_none()
            && let Some(retired) = retired_tag_for(policy, facts, at)
            && retired.replaced_by.contains(&rule.route)
        {
            advice.reason = retired_reason(policy, retired, facts, at, place);
        }
        return advice;
    }
    if !facts.checked {
        advice.reason = Reason::Unchecked;
    } else if facts.promotional {
        advice.reason = Reason::PromotionalOnlyInside;
    } else if let Some(retired) = retired_tag_for(policy, facts, at) {
        advice.rule = Some(retired.id.clone());
        advice.source = Some(retired.source.clone());
        advice.reason = retired_reason(policy, retired, facts, at, place);
    } else {
        advice.reason = Reason::NoRouteForPurpose {
            purpose: facts.purpose,
        };
    }
    advice
}

/// The most recently retired tag that would have carried the content: its purpose, topics
/// and content rules fit, and no rule still grants the same tag at `at`.
fn retired_tag_for<'a>(
    policy: &'a ChannelPolicy,
    facts: &ContentFacts,
    at: DateTime<Utc>,
) -> Option<&'a Rule> {
    let candidates = policy.rules.iter().filter(|r| {
        r.route.tag().is_some()
            && r.ended_by(at)
            && fits_content(r, facts)
            && !policy.rules_at(at).any(|live| live.route == r.route)
    });
    let latest_end = candidates.clone().filter_map(|r| r.until).max()?;
    best(candidates.filter(|r| r.until == Some(latest_end)), facts)
}

/// The replacement Meta points to for a retired rule, when it carries this text and exists
/// for this Page and person.
fn replacement_for<'a>(
    policy: &'a ChannelPolicy,
    retired: &Rule,
    facts: &ContentFacts,
    at: DateTime<Utc>,
    place: &Place,
) -> Option<&'a Rule> {
    retired.replaced_by.iter().find_map(|route| {
        policy.rules_at(at).find(|r| {
            &r.route == route
                && fit(r, facts, at) == Fit::Fits
                && availability(r, place, at).0 == Available::Yes
        })
    })
}

/// Why a retired tag cannot carry the text, with its replacement where there is one.
fn retired_reason(
    policy: &ChannelPolicy,
    retired: &Rule,
    facts: &ContentFacts,
    at: DateTime<Utc>,
    place: &Place,
) -> Reason {
    let replacement = replacement_for(policy, retired, facts, at, place);
    Reason::TagRetired {
        tag: retired.route.tag().unwrap_or_default().to_string(),
        on: retired.until.unwrap_or(retired.from),
        replacement: replacement.map(|r| r.route.clone()),
        replacement_rule: replacement.map(|r| r.id.clone()),
    }
}

/// Why a route does not exist for a Page and a person: what a regional exclusion rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionWhy {
    /// The rule whose route does not exist there.
    pub rule: String,
    /// Its title.
    pub title: super::model::Text,
    /// `No` or `Uncertain`.
    pub available: Available,
    /// The restriction.
    pub scope: Scope,
    /// Where the Page and the person are.
    pub place: Place,
}

/// What a chosen route means for a text at `at`.
#[derive(Clone, Debug, PartialEq)]
pub enum ChosenVerdict {
    /// The route fits.
    Fits {
        /// The rule it rests on.
        rule: String,
    },
    /// The channel never had this route.
    Unknown {
        /// The tags the channel has had.
        known: Vec<String>,
    },
    /// The route did not exist yet.
    NotYet {
        /// First day.
        from: NaiveDate,
    },
    /// The route was retired.
    Retired {
        /// The rule that ended.
        rule: String,
        /// First day it no longer applied.
        on: NaiveDate,
        /// What Meta points to instead, when it carries this text here.
        replacement: Option<Route>,
        /// The rule of the replacement.
        replacement_rule: Option<String>,
    },
    /// It exists but cannot carry this text.
    Mismatch {
        /// The rule consulted.
        rule: String,
        /// Why not.
        fit: Fit,
    },
    /// It would carry this text, but not for this Page or person (or that is uncertain).
    Unavailable {
        /// The rule consulted.
        rule: String,
        /// `No` or `Uncertain`.
        available: Available,
        /// The restriction that decides it.
        restriction: Box<Scope>,
    },
}

/// Judges a route the marketer picked for a text at `at`, for a Page and a person at
/// `place`.
pub fn judge_chosen(
    policy: &ChannelPolicy,
    chosen: &Route,
    facts: &ContentFacts,
    at: DateTime<Utc>,
    place: &Place,
) -> ChosenVerdict {
    let rules: Vec<&Rule> = policy.rules.iter().filter(|r| &r.route == chosen).collect();
    if rules.is_empty() {
        return ChosenVerdict::Unknown {
            known: policy.known_tags().into_iter().map(String::from).collect(),
        };
    }
    let in_force: Vec<&Rule> = rules.iter().copied().filter(|r| r.in_force(at)).collect();
    if in_force.is_empty() {
        if let Some(ended) = rules
            .iter()
            .filter(|r| r.ended_by(at))
            .max_by_key(|r| r.until)
        {
            let replacement = replacement_for(policy, ended, facts, at, place);
            return ChosenVerdict::Retired {
                rule: ended.id.clone(),
                on: ended.until.unwrap_or(ended.from),
                replacement: replacement.map(|r| r.route.clone()),
                replacement_rule: replacement.map(|r| r.id.clone()),
            };
        }
        let from = rules.iter().map(|r| r.from).min().unwrap_or_default();
        return ChosenVerdict::NotYet { from };
    }
    let fitting: Vec<&Rule> = in_force
        .iter()
        .copied()
        .filter(|r| fit(r, facts, at) == Fit::Fits)
        .collect();
    if let Some(ok) = fitting
        .iter()
        .find(|r| availability(r, place, at).0 == Available::Yes)
    {
        return ChosenVerdict::Fits {
            rule: ok.id.clone(),
        };
    }
    if let Some((r, (available, Some(scope)))) = fitting
        .iter()
        .map(|r| (r, availability(r, place, at)))
        .max_by_key(|(_, (a, _))| std::cmp::Reverse(*a))
    {
        return ChosenVerdict::Unavailable {
            rule: r.id.clone(),
            available,
            restriction: Box::new(scope.clone()),
        };
    }
    let first = in_force[0];
    ChosenVerdict::Mismatch {
        rule: first.id.clone(),
        fit: fit(first, facts, at),
    }
}

/// Why a person cannot receive a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// No known interaction.
    NoInteraction,
    /// The window is closed and no route outside it carries this text.
    WindowClosed,
    /// The text is promotional and the window is closed.
    PromotionalOutsideWindow,
    /// Only a human agent may write now, and this text is not a human reply.
    HumanAgentOnly,
    /// The route's time limit after the last action has passed.
    TooLate,
    /// The chosen route cannot carry this text at this date (retired, not yet, or wrong
    /// purpose), or no policy is known then.
    RouteUnavailable,
    /// The route that fits this message does not exist where the Page or the person is
    /// (or that is uncertain).
    RegionUnavailable,
    /// The window was started by an ad and may still be open (up to 7 days), but only its
    /// first 24 hours are certain; planned only when the marketer opts in.
    AdWindow,
    /// The person's quiet hours last until their route closes.
    QuietHours,
    /// At the sending rate their turn comes after their route closes.
    RateTooLow,
}

impl Exclusion {
    /// Every reason, in display order.
    pub const ALL: [Exclusion; 10] = [
        Exclusion::NoInteraction,
        Exclusion::WindowClosed,
        Exclusion::PromotionalOutsideWindow,
        Exclusion::HumanAgentOnly,
        Exclusion::TooLate,
        Exclusion::RouteUnavailable,
        Exclusion::RegionUnavailable,
        Exclusion::AdWindow,
        Exclusion::QuietHours,
        Exclusion::RateTooLow,
    ];

    /// The snake_case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Exclusion::NoInteraction => "no_interaction",
            Exclusion::WindowClosed => "window_closed",
            Exclusion::PromotionalOutsideWindow => "promotional_outside_window",
            Exclusion::HumanAgentOnly => "human_agent_only",
            Exclusion::TooLate => "too_late",
            Exclusion::RouteUnavailable => "route_unavailable",
            Exclusion::RegionUnavailable => "region_unavailable",
            Exclusion::AdWindow => "ad_window",
            Exclusion::QuietHours => "quiet_hours",
            Exclusion::RateTooLow => "rate_too_low",
        }
    }
}

/// Whether `rule` carries an example's message, given the facts the checker found in it:
/// the rule must fit the content at the example's instant, and the time since the person's
/// last action must suit the rule's window and time limit.
pub fn example_outcome(
    policy: &ChannelPolicy,
    rule: &Rule,
    facts: &ContentFacts,
    example: &super::model::RuleExample,
) -> super::model::Expect {
    use super::model::Expect;
    if fit(rule, facts, example.at) != Fit::Fits {
        return Expect::Fail;
    }
    // Examples that name no country are about content and dates, not regions.
    if example.page_country.is_some() || example.recipient_country.is_some() {
        let place = Place {
            page: example.page_country,
            recipient: example.recipient_country.or(example.page_country),
        };
        if availability(rule, &place, example.at).0 != Available::Yes {
            return Expect::Fail;
        }
    }
    if let Some(hours) = example.hours_since_interaction {
        let window = policy
            .version_at(example.at)
            .map_or(24.0, |v| f64::from(v.window_hours));
        let inside = hours < window;
        let in_time = rule.max_hours.is_none_or(|m| hours < f64::from(m));
        let window_ok = match rule.window {
            WindowNeed::Inside => inside,
            WindowNeed::Outside => !inside,
            WindowNeed::Any => true,
        };
        if !(window_ok && in_time) {
            return Expect::Fail;
        }
    }
    Expect::Pass
}
