//! The compliance checker: what a message says (language, promotional cues with their spans,
//! purpose) and what that means under the policy in force (suggested tag and route, blocking
//! findings for a chosen tag that does not fit or no longer exists).

mod analysis;
pub mod eval;
pub mod facts;
pub mod language;
mod learned;
pub mod lexicon;
pub mod model;
pub mod placeholder;
mod report;
pub mod train;

use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

pub use analysis::{Analysis, Cue, analyze, analyze_rules};
pub use facts::{Answers, Fact};
pub use language::Detected;
pub use learned::{Learned, Phrase, Tip};
pub use lexicon::{Lexicon, LexiconError};
pub use model::{Model, ModelError};
pub use report::{
    CheckInput, FactView, Finding, Report, RouteView, channel_name, check, check_analysed,
    exclusion_phrase, purpose_phrase, region_brief, region_explanation, route_phrase,
    score_rounded,
};

use crate::i18n::Lang;

/// Links in a text (http, https, www).
pub(crate) static LINK: LazyLock<Regex> = LazyLock::new(|| {
    crate::constant_regex(r"(?i)\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?'\x22]")
});

/// What kind of thing a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A discount or percentage off.
    Discount,
    /// A price.
    Price,
    /// A coupon or promo code.
    CouponCode,
    /// Sale, offer, deal words.
    Sale,
    /// Something free: gift, shipping, trial.
    FreeGift,
    /// A call to buy or book.
    CallToBuy,
    /// Urgency: last chance, today only.
    Urgency,
    /// Re-engagement: we miss you.
    ReEngagement,
    /// Upsell or cross-sell.
    Upsell,
    /// A survey, poll or review prompt.
    SurveyPrompt,
    /// An abandoned-cart reminder.
    CartReminder,
    /// A new product or collection.
    NewProduct,
    /// A contest or giveaway.
    Contest,
    /// An invitation to an event the person has not signed up for.
    EventInvite,
    /// A link to a shop or product page.
    ShopLink,
    /// Any other link.
    Link,
    /// The text is too long for the channel.
    LengthLimit,
    /// The chosen tag has been retired.
    RetiredTag,
    /// The chosen tag did not exist yet.
    TagNotYet,
    /// The channel has no such tag.
    UnknownTag,
    /// The chosen tag does not fit the content.
    TagMismatch,
    /// The route needs a person to write the message.
    HumanOnly,
    /// The chosen route does not exist where the Page or the person is.
    RegionUnavailable,
    /// The language is not one Ventana checks.
    Language,
    /// Words the learned score weighs towards promotional.
    Learned,
    /// The learned score is close to its threshold.
    Borderline,
}

impl Category {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Discount => "discount",
            Category::Price => "price",
            Category::CouponCode => "coupon_code",
            Category::Sale => "sale",
            Category::FreeGift => "free_gift",
            Category::CallToBuy => "call_to_buy",
            Category::Urgency => "urgency",
            Category::ReEngagement => "re_engagement",
            Category::Upsell => "upsell",
            Category::SurveyPrompt => "survey_prompt",
            Category::CartReminder => "cart_reminder",
            Category::NewProduct => "new_product",
            Category::Contest => "contest",
            Category::EventInvite => "event_invite",
            Category::ShopLink => "shop_link",
            Category::Link => "link",
            Category::LengthLimit => "length_limit",
            Category::RetiredTag => "retired_tag",
            Category::TagNotYet => "tag_not_yet",
            Category::UnknownTag => "unknown_tag",
            Category::TagMismatch => "tag_mismatch",
            Category::HumanOnly => "human_only",
            Category::RegionUnavailable => "region_unavailable",
            Category::Language => "language",
            Category::Learned => "learned",
            Category::Borderline => "borderline",
        }
    }

    /// Whether the category is a promotional cue found in the text.
    pub fn is_promotional_cue(self) -> bool {
        self.default_weight() > 0.0
    }

    /// How much one match adds to the promotional score, unless the lexicon says otherwise.
    pub fn default_weight(self) -> f32 {
        match self {
            Category::Discount | Category::CouponCode => 2.5,
            Category::ReEngagement
            | Category::CartReminder
            | Category::SurveyPrompt
            | Category::Upsell => 2.0,

            Category::Sale | Category::Contest => 1.6,
            Category::FreeGift => 1.5,
            Category::CallToBuy => 1.4,
            Category::NewProduct | Category::EventInvite | Category::ShopLink => 1.0,
            Category::Urgency => 0.8,
            Category::Price => 0.6,
            Category::Link => 0.3,
            _ => 0.0,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Limits how the message may be sent.
    Warn,
    /// The message cannot be sent this way.
    Block,
}

impl Severity {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }
}

/// The language-neutral lexicon and one per supported language.
#[derive(Clone, Debug)]
pub struct Lexicons {
    /// Language-neutral patterns (prices, percentages, codes, links).
    pub common: Lexicon,
    /// English, Italian, Spanish, in [`Lang::ALL`] order.
    pub langs: [Lexicon; 3],
}

impl Lexicons {
    /// The lexicons built into the binary.
    pub fn embedded() -> Result<Lexicons, LexiconError> {
        let [common, en, it, es] = lexicon::EMBEDDED;
        Ok(Lexicons {
            common: Lexicon::parse(common.0, common.1)?,
            langs: [
                Lexicon::parse(en.0, en.1)?,
                Lexicon::parse(it.0, it.1)?,
                Lexicon::parse(es.0, es.1)?,
            ],
        })
    }

    /// The embedded lexicons with any of `common.toml`, `en.toml`, `it.toml`, `es.toml`
    /// found in `dir` used instead.
    pub fn with_dir(dir: &Path) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons::embedded()?;
        if !dir.is_dir() {
            return Err(LexiconError::Io {
                path: dir.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
            });
        }
        let path = dir.join("common.toml");
        if path.exists() {
            lex.common = Lexicon::load(&path)?;
        }
        for lang in Lang::ALL {
            let path = dir.join(format!("{}.toml", lang.code()));
            if path.exists() {
                lex.langs[lang.index()] = Lexicon::load(&path)?;
            }
        }
        Ok(lex)
    }

    /// The lexicon of `lang`.
    pub fn lang(&self, lang: Lang) -> &Lexicon {
        &self.langs[lang.index()]
    }
}
