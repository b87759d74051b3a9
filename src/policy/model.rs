//! The vocabulary of Meta's messaging rules: channels, purposes, interaction kinds, routes,
//! policy versions and the rules that grant a route. These are plain data types; loading
//! lives in `load.rs`, evaluation in `window.rs` and `route.rs`.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::region::Scope;
use crate::i18n::Lang;

/// A sentence of the policy data in English, Italian and Spanish. Written in a file either
/// as one string (English only) or as `{ en = "…", it = "…", es = "…" }`; a missing
/// translation falls back to English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    /// English.
    pub en: String,
    /// Italian (empty when the file gave none).
    pub it: String,
    /// Spanish (empty when the file gave none).
    pub es: String,
}

impl Text {
    /// The text in `lang`, else in English.
    pub fn get(&self, lang: Lang) -> &str {
        let t = match lang {
            Lang::En => &self.en,
            Lang::It => &self.it,
            Lang::Es => &self.es,
        };
        if t.trim().is_empty() { &self.en } else { t }
    }

    /// The languages that have no text of their own.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| {
                let t = match l {
                    Lang::En => &self.en,
                    Lang::It => &self.it,
                    Lang::Es => &self.es,
                };
                t.trim().is_empty()
            })
            .collect()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Each {
                en: String,
                #[serde(default)]
                it: String,
                #[serde(default)]
                es: String,
            },
        }
        Ok(match Raw::deserialize(d)? {
            Raw::One(en) => Text {
                en,
                ..Text::default()
            },
            Raw::Each { en, it, es } => Text { en, it, es },
        })
    }
}

/// A messaging channel with its own policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// Facebook Messenger (Pages).
    Messenger,
    /// Instagram Direct through the Messenger API or the Instagram API.
    Instagram,
    /// WhatsApp Business Platform.
    Whatsapp,
}

impl Channel {
    /// Every channel, in display order.
    pub const ALL: [Channel; 3] = [Channel::Messenger, Channel::Instagram, Channel::Whatsapp];

    /// The lowercase name used in files, the CLI and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Messenger => "messenger",
            Channel::Instagram => "instagram",
            Channel::Whatsapp => "whatsapp",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "messenger" | "facebook" | "fb" => Ok(Channel::Messenger),
            "instagram" | "ig" => Ok(Channel::Instagram),
            "whatsapp" | "wa" => Ok(Channel::Whatsapp),
            other => Err(format!(
                "unknown channel {other:?}: use messenger, instagram or whatsapp"
            )),
        }
    }
}

/// What a message is for, independent of any policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Reminder or change of an appointment, booking, class, event or trip the person has.
    EventUpdate,
    /// Order confirmation, receipt, shipment, delivery, refund, payment problem.
    PostPurchase,
    /// Password, login, security alert, account or application status.
    AccountUpdate,
    /// A person answering the customer's own question.
    HumanSupport,
    /// Survey, poll or review request.
    Feedback,
    /// News content.
    News,
    /// Selling: offers, discounts, calls to buy.
    Promotional,
    /// Anything else.
    General,
}

impl Purpose {
    /// Every purpose, in a stable order (used for score tables).
    pub const ALL: [Purpose; 8] = [
        Purpose::EventUpdate,
        Purpose::PostPurchase,
        Purpose::AccountUpdate,
        Purpose::HumanSupport,
        Purpose::Feedback,
        Purpose::News,
        Purpose::Promotional,
        Purpose::General,
    ];

    /// The snake_case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::EventUpdate => "event_update",
            Purpose::PostPurchase => "post_purchase",
            Purpose::AccountUpdate => "account_update",
            Purpose::HumanSupport => "human_support",
            Purpose::Feedback => "feedback",
            Purpose::News => "news",
            Purpose::Promotional => "promotional",
            Purpose::General => "general",
        }
    }

    /// Position in [`Purpose::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of user action behind an interaction time.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    /// The person sent a message (quick-reply taps arrive as messages).
    Message,
    /// A postback: Get Started, a button, a persistent-menu item.
    Postback,
    /// A reaction to a message.
    Reaction,
    /// The person arrived in the thread through an m.me / ig.me link with a ref.
    Referral,
    /// The person clicked a Click-to-Messenger / Click-to-Direct ad and then wrote.
    AdClick,
    /// The person opted in through a plugin (Send to Messenger, Checkbox).
    Optin,
    /// A comment on a post of the Page or account.
    Comment,
    /// A call (WhatsApp).
    Call,
    /// The export did not say what the action was.
    #[default]
    Unknown,
}

impl InteractionKind {
    /// Every kind, in a stable order.
    pub const ALL: [InteractionKind; 9] = [
        InteractionKind::Message,
        InteractionKind::Postback,
        InteractionKind::Reaction,
        InteractionKind::Referral,
        InteractionKind::AdClick,
        InteractionKind::Optin,
        InteractionKind::Comment,
        InteractionKind::Call,
        InteractionKind::Unknown,
    ];

    /// The snake_case name used in files, JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            InteractionKind::Message => "message",
            InteractionKind::Postback => "postback",
            InteractionKind::Reaction => "reaction",
            InteractionKind::Referral => "referral",
            InteractionKind::AdClick => "ad_click",
            InteractionKind::Optin => "optin",
            InteractionKind::Comment => "comment",
            InteractionKind::Call => "call",
            InteractionKind::Unknown => "unknown",
        }
    }

    /// Reads the names exports use for a kind of action; anything else is `Unknown`.
    pub fn parse_lenient(s: &str) -> InteractionKind {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        match s.as_str() {
            "message" | "messages" | "text" | "quick_reply" | "user_message" | "messaggio"
            | "mensaje" => InteractionKind::Message,
            "postback" | "button" | "get_started" | "menu" => InteractionKind::Postback,
            "reaction" | "react" => InteractionKind::Reaction,
            "referral" | "ref" | "m.me" | "link" => InteractionKind::Referral,
            "ad_click" | "ad" | "ctm" | "click_to_messenger" | "click_to_direct" | "ads" => {
                InteractionKind::AdClick
            }
            "optin" | "opt_in" | "plugin" | "checkbox" => InteractionKind::Optin,
            "comment" | "commento" | "comentario" => InteractionKind::Comment,
            "call" => InteractionKind::Call,
            _ => InteractionKind::Unknown,
        }
    }
}

impl fmt::Display for InteractionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A way a message can reach a person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    /// Inside the standard window (`RESPONSE` / `UPDATE`); promotional content allowed.
    Standard,
    /// The pre-2020 "+1": one message after the window closed.
    FollowUp,
    /// A message tag (`MESSAGE_TAG` with `tag`).
    MessageTag(String),
    /// An approved Utility template.
    UtilityTemplate,
    /// A receipt or airline template beyond the window (2016).
    LegacyTemplate,
    /// An approved WhatsApp Authentication template (one-time passcode).
    AuthenticationTemplate,
    /// A One-Time Notification token.
    OneTimeNotification,
    /// Subscription messaging (2016–2020) or News Messaging.
    Subscription,
    /// Recurring notifications (the free "Marketing Messages" of 2022–2026), on opt-in.
    RecurringNotification,
    /// Paid marketing messages.
    PaidMarketing,
    /// Sponsored messages (ads).
    Sponsored,
    /// No route.
    None,
}

impl Route {
    /// The tag, for a message-tag route.
    pub fn tag(&self) -> Option<&str> {
        match self {
            Route::MessageTag(t) => Some(t),
            _ => None,
        }
    }

    /// The Send API `messaging_type` for this route, where the Send API is used.
    pub fn messaging_type(&self) -> Option<&'static str> {
        match self {
            Route::Standard => Some("UPDATE"),
            Route::FollowUp | Route::LegacyTemplate => Some("UPDATE"),
            Route::MessageTag(_) | Route::Subscription => Some("MESSAGE_TAG"),
            _ => None,
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::Standard => f.write_str("standard"),
            Route::FollowUp => f.write_str("follow_up"),
            Route::MessageTag(t) => write!(f, "message_tag:{t}"),
            Route::UtilityTemplate => f.write_str("utility_template"),
            Route::LegacyTemplate => f.write_str("legacy_template"),
            Route::AuthenticationTemplate => f.write_str("authentication_template"),
            Route::OneTimeNotification => f.write_str("one_time_notification"),
            Route::Subscription => f.write_str("subscription"),
            Route::RecurringNotification => f.write_str("recurring_notification"),
            Route::PaidMarketing => f.write_str("paid_marketing"),
            Route::Sponsored => f.write_str("sponsored"),
            Route::None => f.write_str("none"),
        }
    }
}

impl FromStr for Route {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Some(tag) = s.strip_prefix("message_tag:") {
            let tag = tag.trim().to_ascii_uppercase();
            if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!("{s:?} has no valid tag after \"message_tag:\""));
            }
            return Ok(Route::MessageTag(tag));
        }
        match s {
            "standard" => Ok(Route::Standard),
            "follow_up" => Ok(Route::FollowUp),
            "utility_template" => Ok(Route::UtilityTemplate),
            "legacy_template" => Ok(Route::LegacyTemplate),
            "authentication_template" => Ok(Route::AuthenticationTemplate),
            "one_time_notification" => Ok(Route::OneTimeNotification),
            "subscription" => Ok(Route::Subscription),
            "recurring_notification" => Ok(Route::RecurringNotification),
            "paid_marketing" => Ok(Route::PaidMarketing),
            "sponsored" => Ok(Route::Sponsored),
            "none" => Ok(Route::None),
            other => Err(format!(
                "unknown route {other:?}: use standard, follow_up, message_tag:<TAG>, \
                 utility_template, legacy_template, authentication_template, one_time_notification, \
                 subscription, recurring_notification, paid_marketing, sponsored or none"
            )),
        }
    }
}

impl Serialize for Route {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Route {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// When a route may be used relative to the person's standard window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowNeed {
    /// Only while the standard window is open.
    Inside,
    /// Only after the standard window has closed.
    Outside,
    /// Whether the window is open or not.
    Any,
}

/// A dated policy version of one channel: how long windows last.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// Stable id, e.g. `messenger-2020-03-04`.
    pub id: String,
    /// Short title.
    pub title: Text,
    /// First day (UTC) the version is in force.
    pub effective: NaiveDate,
    /// Source URL.
    pub source: String,
    /// Remarks, including how conflicting sources were read.
    pub note: String,
    /// Length of the standard window opened by an ordinary action.
    pub window_hours: u32,
    /// Actions that open or refresh the window.
    pub openers: Vec<InteractionKind>,
    /// Actions that open a longer (or shorter) window than `window_hours`.
    pub window_overrides: Vec<WindowOverride>,
}

/// A window length for one kind of action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowOverride {
    /// The action.
    pub kind: InteractionKind,
    /// The window it opens, in hours.
    pub hours: u32,
    /// Meta says the window "may last up to" this long: only the version's ordinary window
    /// is certain, the rest is a window that may be open.
    #[serde(default)]
    pub up_to: bool,
    /// Why, and how sure.
    #[serde(default)]
    pub note: String,
}

impl Version {
    /// The standard window that an action of `kind` surely opens, in seconds; `None` when
    /// the action does not open a window under this version.
    pub fn window_secs(&self, kind: InteractionKind) -> Option<i64> {
        let ordinary = (kind == InteractionKind::Unknown || self.openers.contains(&kind))
            .then_some(i64::from(self.window_hours) * 3600);
        match self.window_overrides.iter().find(|o| o.kind == kind) {
            Some(o) if o.up_to => ordinary,
            Some(o) => Some(i64::from(o.hours) * 3600),
            None => ordinary,
        }
    }

    /// The longest the window opened by `kind` may last, in seconds: [`Version::window_secs`],
    /// or longer where Meta says the window "may last up to" more.
    pub fn window_max_secs(&self, kind: InteractionKind) -> Option<i64> {
        let sure = self.window_secs(kind);
        match self.window_overrides.iter().find(|o| o.kind == kind) {
            Some(o) if o.up_to => Some(sure.unwrap_or(0).max(i64::from(o.hours) * 3600)),
            _ => sure,
        }
    }

    /// The first instant of this version.
    pub fn effective_at(&self) -> DateTime<Utc> {
        start_of_day(self.effective)
    }
}

/// A rule: a route, for some purposes, between two dates, under conditions.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Stable id, e.g. `messenger.tag.post_purchase_update`.
    pub id: String,
    /// The route this rule grants.
    pub route: Route,
    /// Short title.
    pub title: Text,
    /// First day the rule is in force.
    pub from: NaiveDate,
    /// First day it is no longer in force.
    pub until: Option<NaiveDate>,
    /// Source URL.
    pub source: String,
    /// Purposes the route may carry.
    pub purposes: Vec<Purpose>,
    /// Lexicon topics that make this rule a closer fit than a broader one.
    pub topics: Vec<String>,
    /// Whether promotional content is allowed on this route.
    pub promotional_allowed: bool,
    /// When it may be used relative to the standard window.
    pub window: WindowNeed,
    /// Latest send time after the person's last action, in hours.
    pub max_hours: Option<u32>,
    /// What the Page needs first (permission, template approval, opt-in token…).
    pub requires: Option<Text>,
    /// Whether a person (not automation) must write the message.
    pub human_only: bool,
    /// What the route is for, in Meta's terms.
    pub allowed: String,
    /// What it may not carry.
    pub forbidden: String,
    /// Remarks.
    pub note: String,
    /// Routes Meta points to once this rule has ended.
    pub replaced_by: Vec<Route>,
    /// Whether the rule only fits when one of its topics is in the text (narrow tags).
    pub topic_required: bool,
    /// Whether Ventana may suggest the route on its own (false for paid or opt-in routes a
    /// Page has to set up separately).
    pub suggest: bool,
    /// Preference among rules that fit equally well (lower first).
    pub rank: i32,
    /// Where the route exists: dated restrictions by the Page's or the person's country.
    pub regions: Vec<Scope>,
    /// Pass/fail examples.
    pub examples: Vec<RuleExample>,
}

impl Rule {
    /// Whether the rule is in force at `at`.
    pub fn in_force(&self, at: DateTime<Utc>) -> bool {
        at >= start_of_day(self.from) && self.until.is_none_or(|u| at < start_of_day(u))
    }

    /// Whether the rule has ended by `at`.
    pub fn ended_by(&self, at: DateTime<Utc>) -> bool {
        self.until.is_some_and(|u| at >= start_of_day(u))
    }
}

/// Whether an example must fit its rule or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// The rule carries the message.
    Pass,
    /// The rule does not carry it.
    Fail,
}

/// A message that a rule must carry or refuse at a given instant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleExample {
    /// The message text.
    pub text: String,
    /// Send instant (RFC 3339).
    pub at: DateTime<Utc>,
    /// Hours between the person's last action and the send; absent = just outside the window.
    #[serde(default)]
    pub hours_since_interaction: Option<f64>,
    /// Where the Page is (ISO 3166 code); absent = the example does not depend on it.
    #[serde(default)]
    pub page_country: Option<super::region::Country>,
    /// Where the person is; absent = where the Page is.
    #[serde(default)]
    pub recipient_country: Option<super::region::Country>,
    /// Pass or fail.
    pub expect: Expect,
    /// Why.
    pub why: String,
}

/// A window example of a version: a state the evaluation must give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowExample {
    /// The person's last action.
    pub last_interaction: DateTime<Utc>,
    /// What it was.
    #[serde(default)]
    pub kind: InteractionKind,
    /// Evaluation instant.
    pub at: DateTime<Utc>,
    /// Expected state name (`open`, `closing`, `human_agent_only`, `closed`).
    pub state: String,
}

/// Channel-wide limits on a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Text must have at most this many characters.
    #[serde(default)]
    pub text_max_chars: Option<usize>,
    /// Text must have at most this many UTF-8 bytes.
    #[serde(default)]
    pub text_max_bytes: Option<usize>,
    /// Source URL of the limits.
    #[serde(default)]
    pub source: String,
}

/// A private reply: one message to a person who commented on the Page's post (or wrote a
/// visitor post), sent in reply to that comment within a time after it, outside the standard
/// window.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivateReply {
    /// The actions it answers.
    pub after: Vec<InteractionKind>,
    /// How long after the action it may be sent, in hours.
    pub max_hours: u32,
    /// How many messages it allows.
    pub messages: u32,
    /// Source URL (a key of `[sources]` in the file).
    pub source: String,
    /// What it allows and what it does not, for the marketer.
    pub note: Text,
}

/// Everything known about one channel's policy over time.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelPolicy {
    /// The channel.
    pub channel: Channel,
    /// Message limits.
    pub limits: Limits,
    /// Versions, oldest first.
    pub versions: Vec<Version>,
    /// Window examples, checked by the test suite.
    pub window_examples: Vec<(String, WindowExample)>,
    /// Rules, in file order.
    pub rules: Vec<Rule>,
    /// Platform features that Meta restricted by region (the EEA changes of 2020-12-16).
    pub features: Vec<Feature>,
    /// The private reply to a comment, where Meta documents one.
    pub private_reply: Option<PrivateReply>,
}

/// A platform feature restricted by region for a time, e.g. the persistent menu for Pages in
/// the EEA from 2020-12-16 until its restoration.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// Stable id, e.g. `messenger.eea.persistent_menu`.
    pub id: String,
    /// The feature's name.
    pub title: Text,
    /// Who lost it, when, and until when.
    pub scope: Scope,
}

impl ChannelPolicy {
    /// The version in force at `at`, if the channel had one yet.
    pub fn version_at(&self, at: DateTime<Utc>) -> Option<&Version> {
        self.versions.iter().rev().find(|v| v.effective_at() <= at)
    }

    /// The rules in force at `at`.
    pub fn rules_at(&self, at: DateTime<Utc>) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.in_force(at))
    }

    /// The HUMAN_AGENT-style extension in force at `at`: the longest `max_hours` of a
    /// human-only rule usable outside the window.
    pub fn human_agent_hours_at(&self, at: DateTime<Utc>) -> Option<u32> {
        self.rules_at(at)
            .filter(|r| r.human_only && r.window != WindowNeed::Inside)
            .filter_map(|r| r.max_hours)
            .max()
    }

    /// Every tag the channel has ever had, sorted.
    pub fn known_tags(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = self.rules.iter().filter_map(|r| r.route.tag()).collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }
}

/// Midnight UTC at the start of `day`.
pub fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_round_trips_through_text() {
        for s in [
            "standard",
            "follow_up",
            "message_tag:HUMAN_AGENT",
            "utility_template",
            "legacy_template",
            "authentication_template",
            "one_time_notification",
            "subscription",
            "recurring_notification",
            "paid_marketing",
            "sponsored",
            "none",
        ] {
            let r: Route = s.parse().unwrap();
            assert_eq!(r.to_string(), s);
        }
        assert_eq!(
            "message_tag:human_agent".parse::<Route>().unwrap(),
            Route::MessageTag("HUMAN_AGENT".into())
        );
        assert!("message_tag:".parse::<Route>().is_err());
        assert!("tag".parse::<Route>().is_err());
    }

    #[test]
    fn interaction_kinds_read_leniently() {
        assert_eq!(
            InteractionKind::parse_lenient("Quick Reply"),
            InteractionKind::Message
        );
        assert_eq!(
            InteractionKind::parse_lenient("ad-click"),
            InteractionKind::AdClick
        );
        assert_eq!(
            InteractionKind::parse_lenient("??"),
            InteractionKind::Unknown
        );
        for k in InteractionKind::ALL {
            assert_eq!(InteractionKind::parse_lenient(k.as_str()), k);
        }
    }
}
