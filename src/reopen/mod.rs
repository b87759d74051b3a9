//! Reopening closed windows: the entry points that make a person write first (an m.me link
//! with a `ref`, its QR code, a Click-to-Messenger ad, a reply to a comment, a chat plugin),
//! who can still be asked and how, and who came back after a push.

pub mod ask;
pub mod entries;
pub mod qr;
pub mod returns;

use std::fmt;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, say};
use crate::policy::{Channel, Policy};
use crate::store::{Store, StoreError};

/// The longest `ref` Ventana accepts: Meta allows 2,083 characters on an m.me link (M-ME) but
/// 250 on its plugins (PLUGIN); the stricter rule lets one ref serve every entry point.
pub const REF_MAX_CHARS: usize = 250;

/// Where Meta states the rules for `ref`.
pub const REF_SOURCES: [&str; 2] = [
    // M-ME: "The referral parameter must be a string that may be up to 2,083 characters".
    "https://developers.facebook.com/docs/messenger-platform/discovery/m-me-links/",
    // PLUGIN: "String of max 250 characters. Valid characters are a-z A-Z 0-9 +/=-.:_".
    "https://developers.facebook.com/docs/messenger-platform/plugin-reference/send-to-messenger",
];

/// How an entry point brings a person into the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An m.me (ig.me) link with a `ref`, pasted in a newsletter, a post or an SMS.
    Link,
    /// The same link as a QR code, printed on a receipt, a table card or a poster.
    Qr,
    /// A Click-to-Messenger ad aimed at an audience file of closed contacts.
    Ad,
    /// A private reply to a comment or visitor post (one message within the policy's time).
    CommentReply,
    /// A chat plugin or Message Us button on a website.
    Plugin,
}

impl EntryKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [EntryKind; 5] = [
        EntryKind::Link,
        EntryKind::Qr,
        EntryKind::Ad,
        EntryKind::CommentReply,
        EntryKind::Plugin,
    ];

    /// The name in files, the database and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Link => "link",
            EntryKind::Qr => "qr",
            EntryKind::Ad => "ad",
            EntryKind::CommentReply => "comment_reply",
            EntryKind::Plugin => "plugin",
        }
    }

    /// The kind named `s` (`comment-reply` and `Comment reply` read as `comment_reply`).
    pub fn parse(s: &str) -> Option<EntryKind> {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        EntryKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's name in `lang`.
    pub fn name(self, lang: Lang) -> String {
        say(lang, &format!("entry-kind-{}", self.as_str()), &[])
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong with a `ref`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefError {
    /// Empty.
    Empty,
    /// Longer than [`REF_MAX_CHARS`].
    TooLong {
        /// Characters given.
        chars: usize,
    },
    /// A character outside a-z A-Z 0-9 + / = - . : _.
    BadChar {
        /// The first one.
        c: char,
        /// Its 1-based position.
        at: usize,
    },
}

impl RefError {
    /// The error as a sentence in `lang`, naming Meta's rule.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            RefError::Empty => say(lang, "ref-empty", &[]),
            RefError::TooLong { chars } => say(
                lang,
                "ref-too-long",
                &[("chars", (*chars).into()), ("limit", REF_MAX_CHARS.into())],
            ),
            RefError::BadChar { c, at } => say(
                lang,
                "ref-bad-char",
                &[("char", format!("{c:?}").into()), ("at", (*at).into())],
            ),
        }
    }
}

impl fmt::Display for RefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence(Lang::En))
    }
}

impl std::error::Error for RefError {}

/// Everything the Reopen view and `ventana returns` show: who came back after each entry
/// point, weekly return rates, the hours people write, and who can still be asked and how.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Returns, weeks and hours.
    #[serde(flatten)]
    pub returns: returns::Returns,
    /// Who can still be asked: among the left-out recipients of `ask_campaign`, else among
    /// every contact.
    pub ask: ask::AskSplit,
    /// The campaign the split is about.
    pub ask_campaign: Option<i64>,
}

/// The report at `now`: `weeks` weeks of history in `tz`; refs also read from the export
/// columns `ref_columns`; the split among the left-out recipients of `campaign` if given.
pub fn report(
    store: &Store,
    policy: &Policy,
    now: DateTime<Utc>,
    weeks: u32,
    tz: Tz,
    ref_columns: &[String],
    campaign: Option<i64>,
) -> Result<Report, StoreError> {
    let points = store.entry_points()?;
    let history = entries::history(store, ref_columns)?;
    let campaigns = points.iter().filter_map(|e| e.campaign_id).chain(campaign);
    let left_out = entries::left_out(store, campaigns)?;
    let returns = returns::report(&history, &points, &left_out, now, weeks, tz);
    let wanted =
        |id: i64| campaign.is_none_or(|c| left_out.get(&c).is_some_and(|ids| ids.contains(&id)));
    let people = history
        .contacts()
        .iter()
        .filter(|c| wanted(c.id))
        .map(|c| ask::Person {
            channel: c.channel,
            last_at: c.last,
            last_kind: c.last_kind,
        });
    Ok(Report {
        returns,
        ask: ask::split(people, policy, now),
        ask_campaign: campaign,
    })
}

/// Checks a `ref` against Meta's rules (see [`REF_SOURCES`]): 1 to 250 characters from
/// a-z A-Z 0-9 + / = - . : _.
pub fn check_ref(r: &str) -> Result<(), RefError> {
    if r.is_empty() {
        return Err(RefError::Empty);
    }
    if let Some((i, c)) = r
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || "+/=-.:_".contains(*c)))
    {
        return Err(RefError::BadChar { c, at: i + 1 });
    }
    let chars = r.chars().count();
    if chars > REF_MAX_CHARS {
        return Err(RefError::TooLong { chars });
    }
    Ok(())
}

/// The link a person opens to write to the Page: `https://m.me/<username>?ref=<ref>`, or
/// `https://ig.me/m/<username>?ref=<ref>` on Instagram. `+` is written `%2B` (a query reads a
/// bare `+` as a space); the other allowed characters stand as they are.
pub fn link(channel: Channel, username: &str, r: &str) -> String {
    let base = match channel {
        Channel::Instagram => "https://ig.me/m/",
        _ => "https://m.me/",
    };
    format!("{base}{username}?ref={}", r.replace('+', "%2B"))
}

/// A Page username as m.me takes it: letters, digits and dots, at least 5 characters
/// (Meta's rule for Page usernames); the `@` or an m.me prefix a user pastes is dropped.
pub fn clean_username(u: &str) -> Option<String> {
    let u = u.trim().trim_start_matches('@');
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let u = u.strip_prefix("m.me/").unwrap_or(u).trim_end_matches('/');
    (u.len() >= 5 && u.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
        .then(|| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_follow_metas_rules() {
        for ok in [
            "spring-poster",
            "a",
            "utm=qr.table:12_b/2+x",
            &"x".repeat(250),
        ] {
            assert_eq!(check_ref(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_ref(""), Err(RefError::Empty));
        assert_eq!(
            check_ref(&"x".repeat(251)),
            Err(RefError::TooLong { chars: 251 })
        );
        assert_eq!(
            check_ref("saldi inverno"),
            Err(RefError::BadChar { c: ' ', at: 6 })
        );
        assert_eq!(
            check_ref("promo-ñ"),
            Err(RefError::BadChar { c: 'ñ', at: 7 })
        );
        let it = RefError::BadChar { c: ' ', at: 6 }.sentence(Lang::It);
        assert!(it.contains("6"), "{it}");
    }

    #[test]
    fn links_carry_the_ref_as_written() {
        assert_eq!(
            link(Channel::Messenger, "bottegarossi", "poster-1"),
            "https://m.me/bottegarossi?ref=poster-1"
        );
        assert_eq!(
            link(Channel::Instagram, "tiendasol", "a+b"),
            "https://ig.me/m/tiendasol?ref=a%2Bb"
        );
        assert_eq!(
            clean_username("https://m.me/bottega.rossi/").as_deref(),
            Some("bottega.rossi")
        );
        assert_eq!(clean_username("@abc"), None);
    }

    #[test]
    fn kinds_parse_from_their_names() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(
            EntryKind::parse("comment-reply"),
            Some(EntryKind::CommentReply)
        );
        assert_eq!(EntryKind::parse("poster"), None);
    }
}
