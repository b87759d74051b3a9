//! The send list of a plan or of an approved campaign, and the files written from it.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat};
use serde::Serialize;

use super::{ExportError, FileSet, audience, neutralise};
use crate::compliance::{exclusion_phrase, placeholder, region_brief};
use crate::i18n::{I18n, Lang};
use crate::plan::{Plan, Send, Skip};
use crate::policy::route::RegionWhy;
use crate::policy::{Exclusion, Route};
use crate::store::{ContactDetail, NewRecipient, Recipient, Store, StoreError};

/// The file format of the send list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One row per send: `psid, page_id, name, route, messaging_type, tag, window_closes_at,
    /// send_at`.
    #[default]
    Csv,
    /// One Send API request body per line.
    Jsonl,
}

impl Format {
    /// `csv` or `jsonl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
            other => Err(format!("unknown format {other:?}: use csv or jsonl")),
        }
    }
}

/// A planned send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index into [`SendList::contacts`].
    pub contact: u32,
    /// Index into [`SendList::rules`].
    pub rule: u16,
    /// The route closes at (unix seconds).
    pub send_by: Option<i64>,
    /// Send at (unix seconds).
    pub send_at: i64,
}

/// The ids of the contacts a plan sends to or leaves out, sorted.
fn wanted_ids(plan: &Plan, ids: &[i64]) -> Vec<i64> {
    let mut wanted: Vec<i64> = plan
        .sends
        .iter()
        .map(|s| s.pos)
        .chain(plan.skipped.iter().map(|s| s.pos))
        .filter_map(|p| ids.get(p as usize).copied())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    wanted
}

/// A contact left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Left {
    /// Index into [`SendList::contacts`].
    pub contact: u32,
    /// Why.
    pub why: Exclusion,
    /// Index into [`SendList::rules`].
    pub rule: Option<u16>,
}

/// The contacts of a send list, packed: their text in one buffer and their Pages once each,
/// so that a million contacts take tens of megabytes rather than hundreds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contacts {
    ids: Vec<i64>,
    pages: Vec<String>,
    page_of: HashMap<String, u32>,
    page: Vec<u32>,
    text: String,
    /// Where each contact's PSID, name, first name and last name end in `text`.
    ends: Vec<u32>,
}

impl Contacts {
    /// Room for `n` contacts (of about 48 bytes of text each).
    pub fn with_capacity(n: usize) -> Contacts {
        Contacts {
            ids: Vec::with_capacity(n),
            page: Vec::with_capacity(n),
            ends: Vec::with_capacity(4 * n),
            text: String::with_capacity(48 * n),
            ..Contacts::default()
        }
    }

    /// Adds a contact at the end.
    pub fn push(&mut self, d: ContactDetail<'_>) {
        let page = match self.page_of.get(d.page_id) {
            Some(&p) => p,
            None => {
                let p = self.pages.len() as u32;
                self.pages.push(d.page_id.to_string());
                self.page_of.insert(d.page_id.to_string(), p);
                p
            }
        };
        self.ids.push(d.id);
        self.page.push(page);
        for field in [d.psid, d.name, d.first_name, d.last_name] {
            self.text.push_str(field);
            self.ends.push(self.text.len() as u32);
        }
    }

    /// The `k`-th contact.
    pub fn get(&self, k: usize) -> Option<ContactDetail<'_>> {
        let id = *self.ids.get(k)?;
        let start = if k == 0 { 0 } else { self.ends[4 * k - 1] };
        let [a, b, c, d] = *self.ends.get(4 * k..4 * k + 4)? else {
            return None;
        };
        let text = |from: u32, to: u32| self.text.get(from as usize..to as usize).unwrap_or("");
        Some(ContactDetail {
            id,
            page_id: &self.pages[self.page[k] as usize],
            psid: text(start, a),
            name: text(a, b),
            first_name: text(b, c),
            last_name: text(c, d),
        })
    }

    /// The Page of contact `k`, as a number shared by every contact of that Page.
    pub fn page_index(&self, k: usize) -> Option<u32> {
        self.page.get(k).copied()
    }

    /// The id of the Page numbered `p` by [`Contacts::page_index`].
    pub fn page_id(&self, p: u32) -> &str {
        self.pages.get(p as usize).map_or("", String::as_str)
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every contact, in order.
    pub fn iter(&self) -> impl Iterator<Item = ContactDetail<'_>> + '_ {
        (0..self.len()).filter_map(|k| self.get(k))
    }
}

impl<'a> FromIterator<ContactDetail<'a>> for Contacts {
    fn from_iter<I: IntoIterator<Item = ContactDetail<'a>>>(iter: I) -> Self {
        let mut c = Contacts::default();
        for d in iter {
            c.push(d);
        }
        c
    }
}

/// Everything the files are written from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SendList {
    /// The message as written.
    pub text: String,
    /// Every contact of the list, in id order.
    pub contacts: Contacts,
    /// Routes and the rules behind them.
    pub rules: Vec<(Route, String)>,
    /// For rules of regional exclusions (by index into `rules`): which route does not exist
    /// where, and why.
    pub regions: Vec<(u16, RegionWhy)>,
    /// Sends, by send time.
    pub sends: Vec<Entry>,
    /// Contacts left out, in id order.
    pub excluded: Vec<Left>,
}

impl SendList {
    /// The send list of a plan over an index whose contact ids are `ids` (by position), with
    /// the contacts' details read from `store`.
    pub fn from_plan(
        plan: &Plan,
        ids: &[i64],
        store: &Store,
        text: &str,
    ) -> Result<SendList, StoreError> {
        let wanted = wanted_ids(plan, ids);
        let (sends, skipped) = (plan.sends.iter().copied(), plan.skipped.iter().copied());
        SendList::build(plan, wanted, sends, skipped, ids, store, text)
    }

    /// [`SendList::from_plan`] taking the plan's sends and skips out of it: their memory is
    /// reused for the list's, so a million sends are not held twice.
    pub fn from_plan_taking(
        plan: &mut Plan,
        ids: &[i64],
        store: &Store,
        text: &str,
    ) -> Result<SendList, StoreError> {
        let wanted = wanted_ids(plan, ids);
        let sends = std::mem::take(&mut plan.sends);
        let skipped = std::mem::take(&mut plan.skipped);
        SendList::build(
            plan,
            wanted,
            sends.into_iter(),
            skipped.into_iter(),
            ids,
            store,
            text,
        )
    }

    /// The list of the plan's `sends` and `skipped`, whose contacts' ids are `wanted`.
    fn build(
        plan: &Plan,
        wanted: Vec<i64>,
        sends: impl Iterator<Item = Send>,
        skipped: impl Iterator<Item = Skip>,
        ids: &[i64],
        store: &Store,
        text: &str,
    ) -> Result<SendList, StoreError> {
        let mut contacts = Contacts::with_capacity(wanted.len());
        store.each_contact_detail(|id| wanted.binary_search(&id).is_ok(), |d| contacts.push(d))?;
        // A contact removed after the plan was made (the demo, a Page) has no PSID to send to.
        if contacts.len() != wanted.len() {
            return Err(StoreError::Stale(wanted.len() - contacts.len()));
        }
        // The contacts' ids are `wanted`, in the same order.
        drop(wanted);
        let contact_of = |pos: u32| {
            ids.get(pos as usize)
                .and_then(|id| contacts.ids.binary_search(id).ok())
                .unwrap_or(0) as u32
        };
        Ok(SendList {
            text: text.to_string(),
            regions: plan
                .rules
                .iter()
                .enumerate()
                .filter_map(|(k, r)| Some((k as u16, r.region.clone()?)))
                .collect(),
            rules: plan
                .rules
                .iter()
                .map(|r| (r.route.clone(), r.id.clone()))
                .collect(),
            sends: sends
                .map(|s| Entry {
                    contact: contact_of(s.pos),
                    rule: s.rule,
                    send_by: s.send_by,
                    send_at: s.send_at,
                })
                .collect(),
            excluded: skipped
                .map(|s| Left {
                    contact: contact_of(s.pos),
                    why: s.why,
                    rule: s.rule,
                })
                .collect(),
            contacts,
        })
    }

    /// The send list of an approved campaign; `None` when there is no such campaign.
    pub fn from_campaign(store: &Store, id: i64) -> Result<Option<SendList>, StoreError> {
        let Some(c) = store.campaign(id)? else {
            return Ok(None);
        };
        let mut list = SendList {
            text: c.campaign.text,
            ..SendList::default()
        };
        let mut rules: HashMap<(String, String), u16> = HashMap::new();
        let mut rows: Vec<Recipient> = Vec::new();
        store.each_recipient(id, |r| rows.push(r))?;
        rows.sort_by_key(|r| r.contact_id);
        // Names as the contacts table has them now, found by Page and PSID: a contact id
        // may have been given to someone else since (a contact removed keeps its IDs and
        // goes without a name).
        let by_key: HashMap<(&str, &str), usize> = rows
            .iter()
            .enumerate()
            .map(|(k, r)| ((r.page_id.as_str(), r.psid.as_str()), k))
            .collect();
        let mut names: Vec<Option<[String; 3]>> = vec![None; rows.len()];
        store.each_contact_detail(
            |_| true,
            |d| {
                if let Some(&k) = by_key.get(&(d.page_id, d.psid)) {
                    names[k] = Some([d.name, d.first_name, d.last_name].map(str::to_string));
                }
            },
        )?;
        list.contacts = rows
            .iter()
            .zip(&names)
            .map(|(r, n)| {
                let [name, first_name, last_name] = n
                    .as_ref()
                    .map_or(["", "", ""], |n| [&n[0], &n[1], &n[2]].map(String::as_str));
                ContactDetail {
                    id: r.contact_id,
                    page_id: &r.page_id,
                    psid: &r.psid,
                    name,
                    first_name,
                    last_name,
                }
            })
            .collect();
        for (k, r) in rows.iter().enumerate() {
            let mut rule_of = |route: &str, rule: &str| -> Option<u16> {
                let key = (route.to_string(), rule.to_string());
                if let Some(i) = rules.get(&key) {
                    return Some(*i);
                }
                let parsed = route.parse::<Route>().ok()?;
                list.rules.push((parsed, rule.to_string()));
                let i = (list.rules.len() - 1) as u16;
                rules.insert(key, i);
                Some(i)
            };
            match (&r.excluded, &r.route, r.send_at) {
                (None, Some(route), Some(send_at)) => {
                    if let Some(rule) = rule_of(route, r.rule.as_deref().unwrap_or_default()) {
                        list.sends.push(Entry {
                            contact: k as u32,
                            rule,
                            send_by: r.send_by,
                            send_at,
                        });
                    }
                }
                (Some(why), _, _) => {
                    let why = Exclusion::ALL
                        .into_iter()
                        .find(|e| e.as_str() == why)
                        .unwrap_or(Exclusion::WindowClosed);
                    let rule = r.rule.as_deref().and_then(|rule| {
                        let route = r.route.as_deref().unwrap_or("none");
                        rule_of(route, rule)
                    });
                    list.excluded.push(Left {
                        contact: k as u32,
                        why,
                        rule,
                    });
                }
                _ => {}
            }
        }
        list.sends
            .sort_by_key(|e| (e.send_at, e.send_by.unwrap_or(i64::MAX), e.contact));
        Ok(Some(list))
    }

    /// Each send with its contact and its route (rule), in send order.
    /// Positions in `sends` (or in `excluded`) of the contacts whose name or PSID contains
    /// `needle`, accents and case aside.
    pub fn matching(&self, needle: &str, excluded: bool) -> Vec<u32> {
        let needle = crate::i18n::fold(needle.trim());
        let hit = |contact: u32| {
            self.contacts.get(contact as usize).is_some_and(|d| {
                crate::i18n::fold(d.name).contains(&needle) || d.psid.contains(needle.as_str())
            })
        };
        let contacts: Vec<u32> = if excluded {
            self.excluded.iter().map(|l| l.contact).collect()
        } else {
            self.sends.iter().map(|e| e.contact).collect()
        };
        contacts
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| hit(c))
            .map(|(k, _)| k as u32)
            .collect()
    }

    fn planned(&self) -> impl Iterator<Item = (&Entry, ContactDetail<'_>, &Route)> + '_ {
        self.sends.iter().filter_map(|e| {
            let d = self.contacts.get(e.contact as usize)?;
            let (route, _) = self.rules.get(usize::from(e.rule))?;
            Some((e, d, route))
        })
    }

    /// The rows to store when the list is approved, in contact order (so the table's key
    /// grows as rows go in: appends rather than inserts all over the B-tree). `routes` holds
    /// the name of each rule's route.
    pub fn recipients<'a>(
        &'a self,
        routes: &'a [String],
    ) -> impl Iterator<Item = NewRecipient<'a>> + 'a {
        const EXCLUDED: u32 = 1 << 31;
        let mut slot = vec![u32::MAX; self.contacts.len()];
        for (k, e) in self.sends.iter().enumerate() {
            if let Some(s) = slot.get_mut(e.contact as usize) {
                *s = k as u32;
            }
        }
        for (k, l) in self.excluded.iter().enumerate() {
            if let Some(s) = slot.get_mut(l.contact as usize) {
                *s = k as u32 | EXCLUDED;
            }
        }
        let rule = move |r: Option<u16>| {
            let r = usize::from(r?);
            Some((routes.get(r)?.as_str(), self.rules.get(r)?.1.as_str()))
        };
        self.contacts
            .iter()
            .zip(slot)
            .filter(|(_, s)| *s != u32::MAX)
            .map(move |(d, s)| {
                let (r, send_by, send_at, excluded) = if s & EXCLUDED == 0 {
                    let e = self.sends[s as usize];
                    (rule(Some(e.rule)), e.send_by, Some(e.send_at), None)
                } else {
                    let l = self.excluded[(s & !EXCLUDED) as usize];
                    (rule(l.rule), None, None, Some(l.why.as_str()))
                };
                NewRecipient {
                    contact_id: d.id,
                    page_id: d.page_id,
                    psid: d.psid,
                    route: r.map(|(route, _)| route),
                    rule: r.map(|(_, id)| id),
                    send_by,
                    send_at,
                    excluded,
                }
            })
    }
}

/// A file written by an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileWritten {
    /// `sends`, `excluded` or `audience`.
    pub kind: &'static str,
    /// Where.
    pub path: String,
    /// Data rows.
    pub rows: u64,
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// The files, send list first.
    pub files: Vec<FileWritten>,
    /// Sends in the list.
    pub planned: u64,
    /// Contacts left out.
    pub excluded: u64,
    /// Sends that need an approved template, so have no text body in a JSONL file.
    pub need_template: u64,
    /// Placeholders no contact field fills, left as written.
    pub unfilled: Vec<String>,
    /// Audience files of an earlier export to the same name, for Pages this one has none
    /// for, removed so that what sits beside the send list is this export's.
    pub removed: Vec<String>,
}

/// Reads one field of a contact.
type FieldOf = for<'a> fn(&ContactDetail<'a>) -> &'a str;

/// A contact field a placeholder names, if any.
fn field_of(token: &str) -> Option<FieldOf> {
    let name: String = token
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .collect::<String>()
        .to_ascii_lowercase();
    let name = name.rsplit('.').next().unwrap_or_default();
    match name {
        "first_name" | "firstname" | "first" | "nome" | "nombre" => Some(|d| d.first_name),
        "last_name" | "lastname" | "last" | "cognome" | "apellido" | "apellidos" => {
            Some(|d| d.last_name)
        }
        "name" | "full_name" | "fullname" | "nome_completo" | "nombre_completo" => Some(|d| d.name),
        _ => None,
    }
}

/// The message for one contact, with its name fields filled in.
struct Personaliser<'a> {
    text: &'a str,
    spans: Vec<(usize, usize, FieldOf)>,
}

impl<'a> Personaliser<'a> {
    fn new(text: &'a str) -> (Personaliser<'a>, Vec<String>) {
        let mut spans = Vec::new();
        let mut unfilled = Vec::new();
        for p in placeholder::find(text) {
            match field_of(&p.token) {
                Some(f) => spans.push((p.start, p.end, f)),
                None => unfilled.push(p.token),
            }
        }
        unfilled.sort();
        unfilled.dedup();
        (Personaliser { text, spans }, unfilled)
    }

    fn text_for(&self, d: &ContactDetail<'_>) -> std::borrow::Cow<'a, str> {
        if self.spans.is_empty() {
            return std::borrow::Cow::Borrowed(self.text);
        }
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut last = 0;
        for (start, end, field) in &self.spans {
            out.push_str(&self.text[last..*start]);
            out.push_str(field(d).trim());
            last = *end;
        }
        out.push_str(&self.text[last..]);
        std::borrow::Cow::Owned(out)
    }
}

fn rfc3339(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// Rows written so far out of all an export writes, reported now and then.
struct Progress<'a> {
    done: u64,
    total: u64,
    report: &'a mut dyn FnMut(f32),
}

impl Progress<'_> {
    fn row(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(65_536) {
            (self.report)(self.done as f32 / self.total.max(1) as f32);
        }
    }
}

/// `sends.csv` → `sends.<suffix>`.
fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "sends".into(), |s| s.to_string_lossy());
    out.with_file_name(format!("{stem}.{suffix}"))
}

/// Writes the send list to `out` in `format`, the excluded contacts beside it
/// (`<name>.excluded.csv`) and, for the unreachable, one audience file per Page
/// (`<name>.audience-<page>.csv`). Explanations are in `lang`; `progress` hears the fraction
/// of rows written now and then.
pub fn export(
    list: &SendList,
    out: &Path,
    format: Format,
    lang: Lang,
    i18n: &I18n,
    progress: &mut dyn FnMut(f32),
) -> Result<ExportReport, ExportError> {
    let mut progress = Progress {
        done: 0,
        total: (list.sends.len() + 2 * list.excluded.len()) as u64,
        report: progress,
    };
    let (personal, unfilled) = Personaliser::new(&list.text);
    let mut report = ExportReport {
        planned: list.sends.len() as u64,
        excluded: list.excluded.len() as u64,
        unfilled,
        ..ExportReport::default()
    };
    let detail = |k: u32| list.contacts.get(k as usize);
    let mut files = FileSet::default();
    let (rows, need_template) = files.write(out, |w| match format {
        Format::Csv => write_csv(w, list, &personal, &mut progress).map(|n| (n, 0)),
        Format::Jsonl => write_jsonl(w, list, &personal, &mut progress),
    })?;
    report.need_template = need_template;
    report.files.push(FileWritten {
        kind: "sends",
        path: out.display().to_string(),
        rows,
    });
    let excluded_path = sibling(out, "excluded.csv");
    let rows = files.write(&excluded_path, |w| {
        let mut csv = super::csv_writer(w);
        csv.write_record(["psid", "page_id", "name", "reason", "explanation", "rule"])?;
        let mut n = 0u64;
        // A handful of (reason, rule) pairs: found by a scan, worded once each.
        let mut phrases: Vec<((Exclusion, Option<u16>), String)> = Vec::new();
        for l in &list.excluded {
            let Some(d) = detail(l.contact) else { continue };
            let key = (l.why, l.rule);
            let k = match phrases.iter().position(|(k, _)| *k == key) {
                Some(k) => k,
                None => {
                    // A regional exclusion says which route does not exist where.
                    let region = list
                        .regions
                        .iter()
                        .find(|(k, _)| Some(*k) == l.rule)
                        .filter(|_| l.why == Exclusion::RegionUnavailable);
                    let phrase = match region {
                        Some((_, why)) => region_brief(why, lang, i18n),
                        None => exclusion_phrase(l.why, lang, i18n),
                    };
                    phrases.push((key, phrase));
                    phrases.len() - 1
                }
            };
            let phrase = &phrases[k].1;
            let rule = l
                .rule
                .and_then(|r| list.rules.get(usize::from(r)))
                .map_or("", |(_, id)| id.as_str());
            csv.write_record([
                neutralise(d.psid).as_ref(),
                neutralise(d.page_id).as_ref(),
                neutralise(d.name).as_ref(),
                l.why.as_str(),
                phrase.as_str(),
                rule,
            ])?;
            n += 1;
            progress.row();
        }
        csv.flush()?;
        Ok(n)
    })?;
    report.files.push(FileWritten {
        kind: "excluded",
        path: excluded_path.display().to_string(),
        rows,
    });
    for (page, page_id) in audience::pages(list) {
        let path = sibling(
            out,
            &format!("audience-{}.csv", audience::file_safe(page_id)),
        );
        let rows = files.write(&path, |w| audience::write(w, list, page))?;
        progress.done += rows;
        report.files.push(FileWritten {
            kind: "audience",
            path: path.display().to_string(),
            rows,
        });
    }
    files.commit()?;
    report.removed = remove_stale_audiences(out, &report.files);
    (progress.report)(1.0);
    Ok(report)
}

/// The `<name>.audience-*.csv` files beside `out`, sorted.
fn audience_files(out: &Path) -> Vec<PathBuf> {
    let prefix = sibling(out, "audience-");
    let (Some(dir), Some(prefix)) = (prefix.parent(), prefix.file_name().and_then(|n| n.to_str()))
    else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            (name.starts_with(prefix) && name.ends_with(".csv")).then(|| dir.join(name))
        })
        .collect();
    found.sort();
    found
}

/// The files an export to `out` would replace: the send list, the excluded list and the
/// audience files already there.
pub fn existing_files(out: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = [out.to_path_buf(), sibling(out, "excluded.csv")]
        .into_iter()
        .filter(|p| p.exists())
        .collect();
    found.extend(audience_files(out));
    found
}

/// Removes `<name>.audience-*.csv` files beside `out` that this export did not write;
/// returns their paths. A file that cannot be removed is left (and not listed).
fn remove_stale_audiences(out: &Path, written: &[FileWritten]) -> Vec<String> {
    let mut removed = Vec::new();
    for path in audience_files(out) {
        let kept = written
            .iter()
            .any(|f| Path::new(&f.path).file_name() == path.file_name());
        if !kept && std::fs::remove_file(&path).is_ok() {
            removed.push(path.display().to_string());
        }
    }
    removed
}

fn write_csv(
    w: &mut dyn Write,
    list: &SendList,
    personal: &Personaliser<'_>,
    progress: &mut Progress<'_>,
) -> io::Result<u64> {
    let mut csv = super::csv_writer(w);
    csv.write_record([
        "psid",
        "page_id",
        "name",
        "route",
        "messaging_type",
        "tag",
        "window_closes_at",
        "send_at",
        "text",
    ])?;
    let routes: Vec<String> = list.rules.iter().map(|(r, _)| r.to_string()).collect();
    let mut n = 0u64;
    for (e, d, route) in list.planned() {
        csv.write_record([
            neutralise(d.psid).as_ref(),
            neutralise(d.page_id).as_ref(),
            neutralise(d.name).as_ref(),
            routes[usize::from(e.rule)].as_str(),
            route.messaging_type().unwrap_or_default(),
            route.tag().unwrap_or_default(),
            e.send_by.map(rfc3339).unwrap_or_default().as_str(),
            rfc3339(e.send_at).as_str(),
            neutralise(&personal.text_for(&d)).as_ref(),
        ])?;
        n += 1;
        progress.row();
    }
    csv.flush()?;
    Ok(n)
}

/// One Send API body per line; sends by a template route have no text body and are counted.
fn write_jsonl(
    w: &mut dyn Write,
    list: &SendList,
    personal: &Personaliser<'_>,
    progress: &mut Progress<'_>,
) -> io::Result<(u64, u64)> {
    #[derive(Serialize)]
    struct Recipient<'a> {
        id: &'a str,
    }
    #[derive(Serialize)]
    struct Message<'a> {
        text: &'a str,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        recipient: Recipient<'a>,
        messaging_type: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        tag: Option<&'a str>,
        message: Message<'a>,
    }
    let (mut n, mut templates) = (0u64, 0u64);
    for (_, d, route) in list.planned() {
        progress.row();
        let Some(messaging_type) = route.messaging_type() else {
            templates += 1;
            continue;
        };
        let text = personal.text_for(&d);
        let body = Body {
            recipient: Recipient { id: d.psid },
            messaging_type,
            tag: route.tag(),
            message: Message { text: &text },
        };
        serde_json::to_writer(&mut *w, &body)?;
        w.write_all(b"\n")?;
        n += 1;
    }
    Ok((n, templates))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail<'a>(id: i64, psid: &'a str, name: &'a str) -> ContactDetail<'a> {
        ContactDetail {
            id,
            page_id: "104837261958374",
            psid,
            name,
            first_name: name.split(' ').next().unwrap_or_default(),
            last_name: "",
        }
    }

    fn list() -> SendList {
        SendList {
            text: "Ciao {first_name}, il tuo ordine è partito".into(),
            contacts: [
                detail(1, "24000000000000001", "Anna x;=cmd|'/C calc'!A0"),
                detail(2, "24000000000000002", "=HYPERLINK(\"http://x\")"),
                detail(3, "24000000000000003", "@Luca"),
                detail(4, "24000000000000004", "-Marco"),
            ]
            .into_iter()
            .collect(),
            regions: Vec::new(),
            rules: vec![
                (Route::Standard, "messenger.standard".into()),
                (Route::UtilityTemplate, "messenger.utility_template".into()),
                (
                    Route::MessageTag("HUMAN_AGENT".into()),
                    "messenger.tag.human_agent".into(),
                ),
            ],
            sends: vec![
                Entry {
                    contact: 0,
                    rule: 0,
                    send_by: Some(1_795_863_600),
                    send_at: 1_795_860_000,
                },
                Entry {
                    contact: 1,
                    rule: 1,
                    send_by: None,
                    send_at: 1_795_860_060,
                },
                Entry {
                    contact: 2,
                    rule: 2,
                    send_by: Some(1_796_400_000),
                    send_at: 1_795_860_120,
                },
            ],
            excluded: vec![Left {
                contact: 3,
                why: Exclusion::PromotionalOutsideWindow,
                rule: Some(0),
            }],
        }
    }

    #[test]
    fn the_csv_has_the_design_columns_and_no_formula_cells() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sends.csv");
        let i18n = I18n::new().unwrap();
        let r = export(&list(), &out, Format::Csv, Lang::It, &i18n, &mut |_| {}).unwrap();
        let csv = std::fs::read_to_string(&out).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            r#""psid","page_id","name","route","messaging_type","tag","window_closes_at","send_at","text""#
        );
        assert_eq!(
            lines[1],
            r#""24000000000000001","104837261958374","Anna x;=cmd|'/C calc'!A0","standard","UPDATE","","2026-11-28T11:00:00Z","2026-11-28T10:00:00Z","Ciao Anna, il tuo ordine è partito""#
        );
        assert!(lines[2].contains(r#","'=HYPERLINK"#), "{}", lines[2]);
        assert!(
            lines[3]
                .contains(r#","'@Luca","message_tag:HUMAN_AGENT","MESSAGE_TAG","HUMAN_AGENT","#)
        );
        let excluded = std::fs::read_to_string(dir.path().join("sends.excluded.csv")).unwrap();
        assert!(excluded.starts_with(r#""psid","page_id","name","reason","explanation","rule""#));
        assert!(
            excluded.contains(r#""'-Marco","promotional_outside_window","promozionale"#),
            "{excluded}"
        );
        let audience = dir.path().join("sends.audience-104837261958374.csv");
        assert_eq!(
            std::fs::read_to_string(audience).unwrap(),
            "\"pageuid\"\n\"24000000000000004\"\n"
        );
        // Read as Italian Excel reads it, splitting on `;` as well as `,`: no cell is a formula.
        for line in csv.lines().chain(excluded.lines()) {
            let mut quoted = false;
            let mut cell_start = true;
            for c in line.chars() {
                if cell_start {
                    assert!(!"=+-@".contains(c), "a formula cell in {line}");
                }
                // The first character inside an opening quote still starts the cell.
                cell_start = c == '"' && cell_start && !quoted;
                match c {
                    '"' => quoted = !quoted,
                    ',' | ';' if !quoted => cell_start = true,
                    _ => {}
                }
            }
        }
        assert_eq!(r.files.len(), 3);
        assert_eq!((r.planned, r.excluded), (3, 1));
    }

    #[test]
    fn an_approved_campaign_reads_back_as_the_list_it_was_approved_from() {
        let mut store = Store::in_memory().unwrap();
        let l = list();
        let summary = crate::plan::Summary {
            channel: "messenger".into(),
            planned: 3,
            excluded: 1,
            ..crate::plan::Summary::default()
        };
        let id = crate::export::approve(&mut store, &l, &summary, " BF ", 1, &mut |_| {}).unwrap();
        let back = SendList::from_campaign(&store, id).unwrap().unwrap();
        let psids = |x: &SendList| -> Vec<String> {
            x.sends
                .iter()
                .map(|e| x.contacts.get(e.contact as usize).unwrap().psid.to_string())
                .collect()
        };
        assert_eq!(psids(&back), psids(&l));
        assert_eq!(back.text, l.text);
        assert_eq!(back.excluded.len(), 1);
        assert_eq!(back.excluded[0].why, Exclusion::PromotionalOutsideWindow);
        let routes: Vec<&Route> = back
            .sends
            .iter()
            .map(|e| &back.rules[e.rule as usize].0)
            .collect();
        assert_eq!(routes[2], &Route::MessageTag("HUMAN_AGENT".into()));
        assert!(SendList::from_campaign(&store, 99).unwrap().is_none());
        let err =
            crate::export::approve(&mut store, &l, &summary, "  ", 1, &mut |_| {}).unwrap_err();
        assert!(
            err.to_string().contains("give the campaign a name"),
            "{err}"
        );
    }

    #[test]
    fn audience_files_of_an_earlier_export_do_not_stay_beside_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sends.csv");
        let i18n = I18n::new().unwrap();
        let old = dir.path().join("sends.audience-999.csv");
        std::fs::write(&old, "pageuid\n1\n").unwrap();
        let other = dir.path().join("others.audience-999.csv");
        std::fs::write(&other, "pageuid\n1\n").unwrap();
        let r = export(&list(), &out, Format::Csv, Lang::En, &i18n, &mut |_| {}).unwrap();
        assert_eq!(r.removed, [old.display().to_string()]);
        assert!(!old.exists());
        assert!(other.exists(), "another export's file is left alone");
        assert!(
            dir.path()
                .join("sends.audience-104837261958374.csv")
                .exists()
        );
        let mut none_left = list();
        none_left.excluded.clear();
        let r = export(&none_left, &out, Format::Csv, Lang::En, &i18n, &mut |_| {}).unwrap();
        assert_eq!(r.removed.len(), 1);
        assert!(
            !dir.path()
                .join("sends.audience-104837261958374.csv")
                .exists()
        );
    }

    fn add_contact(store: &Store, id: i64, psid: &str, name: &str) {
        store
            .conn()
            .execute(
                "INSERT INTO contacts (id, key_hash, channel, page_id, psid, name, content_hash,
                     import_id)
                 VALUES (?1, ?1, 'messenger', '104837261958374', ?2, ?3, 0, 0)",
                rusqlite::params![id, psid, name],
            )
            .unwrap();
    }

    #[test]
    fn a_recipient_is_named_by_page_and_psid_not_by_a_reused_id() {
        let mut store = Store::in_memory().unwrap();
        for d in list().contacts.iter() {
            add_contact(&store, d.id, d.psid, d.name);
        }
        let summary = crate::plan::Summary {
            channel: "messenger".into(),
            ..crate::plan::Summary::default()
        };
        let id = {
            let mut heard = Vec::new();
            let id = crate::export::approve(&mut store, &list(), &summary, "BF", 1, &mut |f| {
                heard.push(f)
            });
            // The approval says when it is done.
            assert_eq!(heard.last(), Some(&1.0));
            assert!(heard.windows(2).all(|w| w[0] <= w[1]));
            id
        }
        .unwrap();
        // Everyone is removed; a stranger gets Anna's old id, Luca comes back with a new one.
        store.conn().execute("DELETE FROM contacts", []).unwrap();
        add_contact(&store, 1, "99", "Stranger");
        add_contact(&store, 7, "24000000000000003", "Luca Bianchi");
        let back = SendList::from_campaign(&store, id).unwrap().unwrap();
        let name_of = |psid: &str| {
            back.contacts
                .iter()
                .find(|c| c.psid == psid)
                .map(|c| c.name.to_string())
                .unwrap()
        };
        assert_eq!(name_of("24000000000000001"), "");
        assert_eq!(name_of("24000000000000003"), "Luca Bianchi");
        assert!(back.contacts.iter().all(|c| c.name != "Stranger"));
    }

    #[test]
    fn a_plan_over_contacts_removed_since_is_refused() {
        use crate::plan::{IndexBuilder, PlanRequest, plan};
        use crate::policy::{Channel, Interaction, InteractionKind, Policy};
        let store = Store::in_memory().unwrap();
        add_contact(&store, 1, "24000000000000001", "Anna");
        let at: chrono::DateTime<chrono::Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut b = IndexBuilder::default();
        for id in [1, 2] {
            let x = Interaction {
                at: at - chrono::Duration::hours(1),
                kind: InteractionKind::Message,
            };
            b.push(id, Channel::Messenger, "104837261958374", None, vec![x]);
        }
        let ix = b.finish();
        let req = PlanRequest {
            channel: Channel::Messenger,
            facts: crate::policy::ContentFacts {
                checked: true,
                ..Default::default()
            },
            route: None,
            human_reply: false,
            answers: Default::default(),
            at,
            include_ad_windows: false,
            pace: crate::plan::schedule::Pace::default(),
            default_zone: crate::plan::zone::Zone::Fixed(0),
        };
        let p = plan(&ix, None, &Policy::embedded().unwrap(), &req);
        assert_eq!(p.sends.len(), 2);
        let err = SendList::from_plan(&p, &ix.ids, &store, "Ciao").unwrap_err();
        assert!(
            err.to_string()
                .contains("1 contacts of this plan are no longer"),
            "{err}"
        );
    }

    #[test]
    fn jsonl_lines_are_send_api_bodies_with_names_filled() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sends.jsonl");
        let i18n = I18n::new().unwrap();
        let mut l = list();
        l.text.push_str(" {order_id}");
        let r = export(&l, &out, Format::Jsonl, Lang::En, &i18n, &mut |_| {}).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["recipient"]["id"], "24000000000000001");
        assert_eq!(lines[0]["messaging_type"], "UPDATE");
        assert!(lines[0].get("tag").is_none());
        assert_eq!(
            lines[0]["message"]["text"],
            "Ciao Anna, il tuo ordine è partito {order_id}"
        );
        assert_eq!(lines[1]["tag"], "HUMAN_AGENT");
        assert_eq!(r.need_template, 1);
        assert_eq!(r.unfilled, ["{order_id}"]);
        assert!(dir.path().join("sends.excluded.csv").exists());
    }
}
