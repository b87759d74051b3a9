//! Which routes may carry a message: a pure function of what the message is (its purpose,
//! whether it is promotional, its topics), the instant, and, for one person, their window.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::model::{ChannelPolicy, Purpose, Route, Rule, WindowNeed};

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
    let purpose_ok = match facts.purpose {
        Some(p) => rule.purposes.contains(&p),
        None => rule.promotional_allowed,
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
        /// What Meta points to instead.
        replacement: Option<Route>,
        /// What the replacement needs.
        requires: Option<String>,
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteOption {
    /// The route.
    pub route: Route,
    /// The rule it rests on.
    pub rule: String,
    /// Whether and why it fits.
    pub fit: Fit,
    /// What the Page needs first.
    pub requires: Option<String>,
    /// When it may be used relative to the window.
    pub window: WindowNeed,
    /// Latest send, in hours after the person's last action.
    pub max_hours: Option<u32>,
    /// Whether a person must write it.
    pub human_only: bool,
}

/// Ventana's advice for one text at one instant.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Advises a route for a text at `at`, for people outside their standard window.
pub fn advise(policy: &ChannelPolicy, facts: &ContentFacts, at: DateTime<Utc>) -> Advice {
    let version = policy.version_at(at);
    let options: Vec<RouteOption> = policy
        .rules_at(at)
        .map(|r| RouteOption {
            route: r.route.clone(),
            rule: r.id.clone(),
            fit: fit(r, facts, at),
            requires: r.requires.clone(),
            window: r.window,
            max_hours: r.max_hours,
            human_only: r.human_only,
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
    let outside = policy
        .rules_at(at)
        .filter(|r| r.window != WindowNeed::Inside && r.suggest && fit(r, facts, at) == Fit::Fits);
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
            advice.reason = retired_reason(policy, retired, at);
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
        advice.reason = retired_reason(policy, retired, at);
    } else {
        advice.reason = Reason::NoRouteForPurpose {
            purpose: facts.purpose,
        };
    }
    advice
}

/// The most recently retired tag rule that would have carried the content.
fn retired_tag_for<'a>(
    policy: &'a ChannelPolicy,
    facts: &ContentFacts,
    at: DateTime<Utc>,
) -> Option<&'a Rule> {
    let candidates = policy.rules.iter().filter(|r| {
        r.route.tag().is_some()
            && r.ended_by(at)
            && facts.checked
            && !facts.promotional
            && facts.purpose.is_some_and(|p| r.purposes.contains(&p))
    });
    let latest_end = candidates.clone().filter_map(|r| r.until).max()?;
    best(candidates.filter(|r| r.until == Some(latest_end)), facts)
}

fn retired_reason(policy: &ChannelPolicy, retired: &Rule, at: DateTime<Utc>) -> Reason {
    let replacement = retired
        .replaced_by
        .iter()
        .find(|route| policy.rules_at(at).any(|r| &r.route == *route))
        .cloned();
    let requires = replacement.as_ref().and_then(|route| {
        policy
            .rules_at(at)
            .find(|r| &r.route == route)
            .and_then(|r| r.requires.clone())
    });
    Reason::TagRetired {
        tag: retired.route.tag().unwrap_or_default().to_string(),
        on: retired.until.unwrap_or(retired.from),
        replacement,
        requires,
    }
}

/// What a chosen route means for a text at `at`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
        /// First day it no longer applied.
        on: NaiveDate,
        /// What Meta points to instead, if it exists at that instant.
        replacement: Option<Route>,
        /// What the replacement needs.
        requires: Option<String>,
    },
    /// It exists but cannot carry this text.
    Mismatch {
        /// The rule consulted.
        rule: String,
        /// Why not.
        fit: Fit,
    },
}

/// Judges a route the marketer picked for a text at `at`.
pub fn judge_chosen(
    policy: &ChannelPolicy,
    chosen: &Route,
    facts: &ContentFacts,
    at: DateTime<Utc>,
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
            return match retired_reason(policy, ended, at) {
                Reason::TagRetired {
                    on,
                    replacement,
                    requires,
                    ..
                } => ChosenVerdict::Retired {
                    on,
                    replacement,
                    requires,
                },
                _ => ChosenVerdict::Retired {
                    on: ended.until.unwrap_or(ended.from),
                    replacement: None,
                    requires: None,
                },
            };
        }
        let from = rules.iter().map(|r| r.from).min().unwrap_or_default();
        return ChosenVerdict::NotYet { from };
    }
    if let Some(ok) = in_force.iter().find(|r| fit(r, facts, at) == Fit::Fits) {
        return ChosenVerdict::Fits {
            rule: ok.id.clone(),
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
    /// The person's quiet hours last until their route closes.
    QuietHours,
    /// At the sending rate their turn comes after their route closes.
    RateTooLow,
}

impl Exclusion {
    /// Every reason, in display order.
    pub const ALL: [Exclusion; 8] = [
        Exclusion::NoInteraction,
        Exclusion::WindowClosed,
        Exclusion::PromotionalOutsideWindow,
        Exclusion::HumanAgentOnly,
        Exclusion::TooLate,
        Exclusion::RouteUnavailable,
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
