//! Creating entry points with their checks, and what a marketer pastes or prints: the link,
//! its QR code and a sentence to put beside it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::i18n::{Lang, say};
use crate::policy::Channel;
use crate::store::{EntryPoint, NewEntryPoint, Store, StoreError};

use super::qr::{self, QrError};
use super::returns::{History, fold_column, ref_in_extra};
use super::{EntryKind, RefError, check_ref, link};

/// Why an entry point cannot be made or shown.
#[derive(Debug, thiserror::Error)]
pub enum EntryError {
    /// No contact and no Pages row has this Page.
    #[error("unknown page {0}")]
    UnknownPage(String),
    /// A link needs the Page's username.
    #[error("page {0} has no username")]
    NoUsername(String),
    /// The kind needs a ref and none was given.
    #[error("a ref is needed")]
    RefNeeded(EntryKind),
    /// The ref breaks Meta's rules.
    #[error("{0}")]
    Ref(#[from] RefError),
    /// Another entry point of the Page has this ref.
    #[error("ref {ref_} is taken by {name}")]
    RefTaken {
        /// The ref.
        ref_: String,
        /// The entry point that has it.
        name: String,
    },
    /// No such campaign.
    #[error("no campaign {0}")]
    UnknownCampaign(i64),
    /// No such entry point.
    #[error("no entry point {0}")]
    NotFound(String),
    /// The QR code could not be made.
    #[error("{0}")]
    Qr(#[from] QrError),
    /// A file could not be written.
    #[error("{path}: {detail}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        detail: String,
    },
    /// The database failed.
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl EntryError {
    /// The error as a sentence in `lang`: what is wrong and how to fix it.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            EntryError::UnknownPage(p) => {
                say(lang, "entry-error-page", &[("page", p.as_str().into())])
            }
            EntryError::NoUsername(p) => {
                say(lang, "entry-error-username", &[("page", p.as_str().into())])
            }
            EntryError::RefNeeded(k) => say(
                lang,
                "entry-error-ref-needed",
                &[("kind", k.name(lang).into())],
            ),
            EntryError::Ref(e) => e.sentence(lang),
            EntryError::RefTaken { ref_, name } => say(
                lang,
                "entry-error-ref-taken",
                &[
                    ("ref", ref_.as_str().into()),
                    ("name", name.as_str().into()),
                ],
            ),
            EntryError::UnknownCampaign(id) => {
                say(lang, "entry-error-campaign", &[("id", (*id).into())])
            }
            EntryError::NotFound(id) => {
                say(lang, "entry-error-not-found", &[("id", id.as_str().into())])
            }
            EntryError::Qr(e) => say(lang, "entry-error-qr", &[("detail", e.to_string().into())]),
            EntryError::Write { path, detail } => say(
                lang,
                "export-error-write",
                &[
                    ("path", path.as_str().into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
            EntryError::Store(e) => e.sentence(lang),
        }
    }
}

/// Whether entry points of this kind are a link a person opens, pasted or printed (and so
/// need the Page's username).
pub fn has_link(kind: EntryKind) -> bool {
    matches!(kind, EntryKind::Link | EntryKind::Qr)
}

/// Whether entry points of this kind must carry a ref (a plugin passes its ref too).
pub fn needs_ref(kind: EntryKind) -> bool {
    matches!(kind, EntryKind::Link | EntryKind::Qr | EntryKind::Plugin)
}

/// The link of `e` given its Page's username: for the kinds that carry a ref to m.me.
pub fn link_for(e: &EntryPoint, username: Option<&str>) -> Option<String> {
    let r = e.ref_.as_deref().filter(|_| needs_ref(e.kind))?;
    Some(link(e.channel, username.filter(|u| !u.is_empty())?, r))
}

/// Checks `new` against the database and Meta's rules, then records it at `now` (unix
/// seconds). An empty name becomes the ref, or the kind's name.
pub fn create(
    store: &Store,
    mut new: NewEntryPoint,
    now: i64,
    lang: Lang,
) -> Result<EntryPoint, EntryError> {
    // The Pages table alone (counting contacts by Page would read them all): a Page only
    // contacts name is known too, without a username.
    let page = store
        .page_table()?
        .into_iter()
        .find(|p| p.id == new.page_id);
    if page.is_none() && !store.has_contacts_of(&new.page_id)? {
        return Err(EntryError::UnknownPage(new.page_id.clone()));
    }
    new.ref_ = new
        .ref_
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    match &new.ref_ {
        Some(r) => check_ref(r)?,
        None if needs_ref(new.kind) => return Err(EntryError::RefNeeded(new.kind)),
        None => {}
    }
    let username = page.and_then(|p| p.username);
    if has_link(new.kind) && username.as_deref().is_none_or(str::is_empty) {
        return Err(EntryError::NoUsername(new.page_id.clone()));
    }
    if let Some(r) = &new.ref_
        && let Some(taken) = store.entry_point_by_ref(&new.page_id, r)?
    {
        return Err(EntryError::RefTaken {
            ref_: r.clone(),
            name: taken.name,
        });
    }
    if let Some(id) = new.campaign_id
        && store.campaign(id)?.is_none()
    {
        return Err(EntryError::UnknownCampaign(id));
    }
    if new.name.trim().is_empty() {
        new.name = new.ref_.clone().unwrap_or_else(|| new.kind.name(lang));
    }
    Ok(store.create_entry_point(&new, now)?)
}

/// The entry point named by `key`: its id, or its ref.
pub fn find(store: &Store, key: &str) -> Result<EntryPoint, EntryError> {
    let all = store.entry_points()?;
    let by_id = key.parse::<i64>().ok();
    all.into_iter()
        .find(|e| Some(e.id) == by_id || e.ref_.as_deref() == Some(key))
        .ok_or_else(|| EntryError::NotFound(key.to_string()))
}

/// The link of an entry point (for kinds people open), from its Page's username.
pub fn link_of(store: &Store, e: &EntryPoint) -> Result<Option<String>, EntryError> {
    let username = store
        .page_table()?
        .into_iter()
        .find(|p| p.id == e.page_id)
        .and_then(|p| p.username);
    Ok(link_for(e, username.as_deref()))
}

/// The sentence to print beside a link or a QR code, in `lang`.
pub fn blurb(lang: Lang, kind: EntryKind, channel: Channel, link: &str) -> String {
    let app = match channel {
        Channel::Instagram => "Instagram",
        _ => "Messenger",
    };
    let key = if kind == EntryKind::Qr {
        "entry-blurb-qr"
    } else {
        "entry-blurb-link"
    };
    say(lang, key, &[("app", app.into()), ("link", link.into())])
}

/// Writes the QR code of `link` to `path`: SVG when the name ends in `.svg`, else PNG.
pub fn write_qr(link: &str, path: &Path) -> Result<(), EntryError> {
    let svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let bytes = if svg {
        qr::svg(link, 10)?.into_bytes()
    } else {
        // 12 pixels a module: a version-3 code with its quiet zone is 444 px, 3.8 cm at 300 dpi.
        qr::png(link, 12)?
    };
    std::fs::write(path, bytes).map_err(|e| EntryError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    })
}

/// Every contact's Page, channel, actions and ref (from the export's ref column, under one of
/// [`super::returns::REF_COLUMNS`] or `more_columns`).
pub fn history(store: &Store, more_columns: &[String]) -> Result<History, StoreError> {
    let mut h = History::default();
    store.each_index_row(|r| h.push(r.id, &r.page_id, r.channel, r.last_at, r.last_kind))?;
    store.each_history(|id, at, _| {
        if let Some(c) = h.get_mut(id) {
            c.earlier.push(at);
        }
    })?;
    let mut columns: Vec<String> = super::returns::REF_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    columns.extend(more_columns.iter().map(|c| fold_column(c)));
    // Most contacts' extra columns name no ref at all: a case-blind search for "ref" (in every
    // built-in name) and the names given skips reading their JSON.
    let needles: Vec<String> = std::iter::once("ref".to_string())
        .chain(more_columns.iter().map(|c| c.trim().to_string()))
        .filter(|c| !c.is_empty())
        .collect();
    let maybe = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&needles)
        .ok();
    store.each_extra(|id, extra| {
        if maybe.as_ref().is_none_or(|m| m.is_match(extra))
            && let Some(r) = ref_in_extra(extra, &columns)
            && let Some(c) = h.get_mut(id)
        {
            c.ref_ = Some(r);
        }
    })?;
    Ok(h)
}

/// The left-out recipients of each campaign in `ids`.
pub fn left_out(
    store: &Store,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, HashSet<i64>>, StoreError> {
    let mut out = HashMap::new();
    for id in ids {
        let mut set = HashSet::new();
        store.each_recipient(id, |r| {
            if r.excluded.is_some() {
                set.insert(r.contact_id);
            }
        })?;
        out.insert(id, set);
    }
    Ok(out)
}
