//! The send list of a plan or of an approved campaign, and the files written from it.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat};
use serde::Serialize;

use super::{ExportError, audience, neutralise, write_atomic};
use crate::compliance::{exclusion_phrase, placeholder, region_explanation};
use crate::i18n::{I18n, Lang};
use crate::plan::{ContactIndex, Plan};
use crate::policy::route::RegionWhy;
use crate::policy::{Exclusion, Route};
use crate::store::{ContactDetail, Recipient, Store, StoreError};

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

/// Everything the files are written from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SendList {
    /// The message as written.
    pub text: String,
    /// Every contact of the list, in id order.
    pub contacts: Vec<ContactDetail>,
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
    /// The send list of a plan over `ix`, with the contacts' details read from `store`.
    pub fn from_plan(
        plan: &Plan,
        ix: &ContactIndex,
        store: &Store,
        text: &str,
    ) -> Result<SendList, StoreError> {
        let mut ids: Vec<i64> = plan
            .sends
            .iter()
            .map(|s| s.pos)
            .chain(plan.skipped.iter().map(|s| s.pos))
            .filter_map(|p| ix.ids.get(p as usize).copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut contacts: Vec<ContactDetail> = ids
            .iter()
            .map(|&id| ContactDetail {
                id,
                ..ContactDetail::default()
            })
            .collect();
        store.each_contact_detail(
            |id| ids.binary_search(&id).is_ok(),
            |d| {
                if let Ok(k) = ids.binary_search(&d.id) {
                    contacts[k] = d;
                }
            },
        )?;
        let contact_of = |pos: u32| {
            ix.ids
                .get(pos as usize)
                .and_then(|id| ids.binary_search(id).ok())
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
            sends: plan
                .sends
                .iter()
                .map(|s| Entry {
                    contact: contact_of(s.pos),
                    rule: s.rule,
                    send_by: s.send_by,
                    send_at: s.send_at,
                })
                .collect(),
            excluded: plan
                .skipped
                .iter()
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
        list.contacts = rows
            .iter()
            .map(|r| ContactDetail {
                id: r.contact_id,
                page_id: r.page_id.clone(),
                psid: r.psid.clone(),
                ..ContactDetail::default()
            })
            .collect();
        // Names as the contacts table has them now (a contact removed since keeps its IDs).
        let ids: Vec<i64> = list.contacts.iter().map(|c| c.id).collect();
        store.each_contact_detail(
            |id| ids.binary_search(&id).is_ok(),
            |d| {
                if let Ok(k) = ids.binary_search(&d.id) {
                    let c = &mut list.contacts[k];
                    (c.name, c.first_name, c.last_name) = (d.name, d.first_name, d.last_name);
                }
            },
        )?;
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
    fn planned(&self) -> impl Iterator<Item = (&Entry, &ContactDetail, &Route)> + '_ {
        self.sends.iter().filter_map(|e| {
            let d = self.contacts.get(e.contact as usize)?;
            let (route, _) = self.rules.get(usize::from(e.rule))?;
            Some((e, d, route))
        })
    }

    /// The rows to store when the list is approved, in contact order (so the table's key
    /// grows as rows go in: appends rather than inserts all over the B-tree).
    pub fn recipients(&self) -> impl Iterator<Item = Recipient> + '_ {
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
        let rule = |r: Option<u16>| r.and_then(|r| self.rules.get(usize::from(r)));
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
                    (rule(l.rule), None, None, Some(l.why.as_str().to_string()))
                };
                Recipient {
                    contact_id: d.id,
                    page_id: d.page_id.clone(),
                    psid: d.psid.clone(),
                    route: r.map(|(route, _)| route.to_string()),
                    rule: r.map(|(_, id)| id.clone()),
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
}

/// Reads one field of a contact.
type FieldOf = fn(&ContactDetail) -> &str;

/// A contact field a placeholder names, if any.
fn field_of(token: &str) -> Option<FieldOf> {
    let name: String = token
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .collect::<String>()
        .to_ascii_lowercase();
    let name = name.rsplit('.').next().unwrap_or_default();
    match name {
        "first_name" | "firstname" | "first" | "nome" | "nombre" => Some(|d| &d.first_name),
        "last_name" | "lastname" | "last" | "cognome" | "apellido" | "apellidos" => {
            Some(|d| &d.last_name)
        }
        "name" | "full_name" | "fullname" | "nome_completo" | "nombre_completo" => {
            Some(|d| &d.name)
        }
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

    fn text_for(&self, d: &ContactDetail) -> std::borrow::Cow<'a, str> {
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
    let (rows, need_template) = write_atomic(out, |w| match format {
        Format::Csv => write_csv(w, list, &mut progress).map(|n| (n, 0)),
        Format::Jsonl => write_jsonl(w, list, &personal, &mut progress),
    })?;
    report.need_template = need_template;
    report.files.push(FileWritten {
        kind: "sends",
        path: out.display().to_string(),
        rows,
    });
    let excluded_path = sibling(out, "excluded.csv");
    let rows = write_atomic(&excluded_path, |w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(["psid", "page_id", "name", "reason", "explanation", "rule"])?;
        let mut n = 0u64;
        let mut phrases: HashMap<(Exclusion, Option<u16>), String> = HashMap::new();
        for l in &list.excluded {
            let Some(d) = detail(l.contact) else { continue };
            let phrase = phrases.entry((l.why, l.rule)).or_insert_with(|| {
                // A regional exclusion says which route does not exist where, and why.
                let region = list
                    .regions
                    .iter()
                    .find(|(k, _)| Some(*k) == l.rule)
                    .filter(|_| l.why == Exclusion::RegionUnavailable);
                match region {
                    Some((_, why)) => region_explanation(why, lang, i18n),
                    None => exclusion_phrase(l.why, lang, i18n),
                }
            });
            let rule = l
                .rule
                .and_then(|r| list.rules.get(usize::from(r)))
                .map_or("", |(_, id)| id.as_str());
            csv.write_record([
                neutralise(&d.psid).as_ref(),
                neutralise(&d.page_id).as_ref(),
                neutralise(&d.name).as_ref(),
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
    for (page, psids) in audience::by_page(list) {
        let path = sibling(out, &format!("audience-{}.csv", audience::file_safe(&page)));
        let rows = write_atomic(&path, |w| audience::write(w, &psids))?;
        progress.done += rows;
        report.files.push(FileWritten {
            kind: "audience",
            path: path.display().to_string(),
            rows,
        });
    }
    (progress.report)(1.0);
    Ok(report)
}

fn write_csv(w: &mut dyn Write, list: &SendList, progress: &mut Progress<'_>) -> io::Result<u64> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record([
        "psid",
        "page_id",
        "name",
        "route",
        "messaging_type",
        "tag",
        "window_closes_at",
        "send_at",
    ])?;
    let routes: Vec<String> = list.rules.iter().map(|(r, _)| r.to_string()).collect();
    let mut n = 0u64;
    for (e, d, route) in list.planned() {
        csv.write_record([
            neutralise(&d.psid).as_ref(),
            neutralise(&d.page_id).as_ref(),
            neutralise(&d.name).as_ref(),
            routes[usize::from(e.rule)].as_str(),
            route.messaging_type().unwrap_or_default(),
            route.tag().unwrap_or_default(),
            e.send_by.map(rfc3339).unwrap_or_default().as_str(),
            rfc3339(e.send_at).as_str(),
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
        let text = personal.text_for(d);
        let body = Body {
            recipient: Recipient { id: &d.psid },
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

    fn detail(id: i64, psid: &str, name: &str) -> ContactDetail {
        ContactDetail {
            id,
            page_id: "104837261958374".into(),
            psid: psid.into(),
            name: name.into(),
            first_name: name.split(' ').next().unwrap_or_default().into(),
            last_name: String::new(),
        }
    }

    fn list() -> SendList {
        SendList {
            text: "Ciao {first_name}, il tuo ordine è partito".into(),
            contacts: vec![
                detail(1, "24000000000000001", "Anna Rossi"),
                detail(2, "24000000000000002", "=HYPERLINK(\"http://x\")"),
                detail(3, "24000000000000003", "@Luca"),
                detail(4, "24000000000000004", "-Marco"),
            ],
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
            "psid,page_id,name,route,messaging_type,tag,window_closes_at,send_at"
        );
        assert_eq!(
            lines[1],
            "24000000000000001,104837261958374,Anna Rossi,standard,UPDATE,,2026-11-28T11:00:00Z,2026-11-28T10:00:00Z"
        );
        assert!(lines[2].contains(",\"'=HYPERLINK"), "{}", lines[2]);
        assert!(lines[3].contains(",'@Luca,message_tag:HUMAN_AGENT,MESSAGE_TAG,HUMAN_AGENT,"));
        let excluded = std::fs::read_to_string(dir.path().join("sends.excluded.csv")).unwrap();
        assert!(excluded.starts_with("psid,page_id,name,reason,explanation,rule\n"));
        assert!(
            excluded.contains("'-Marco,promotional_outside_window,\"promozionale"),
            "{excluded}"
        );
        let audience = dir.path().join("sends.audience-104837261958374.csv");
        assert_eq!(
            std::fs::read_to_string(audience).unwrap(),
            "pageuid\n24000000000000004\n"
        );
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
        let id = crate::export::approve(&mut store, &l, &summary, " BF ", 1).unwrap();
        let back = SendList::from_campaign(&store, id).unwrap().unwrap();
        let psids = |x: &SendList| -> Vec<String> {
            x.sends
                .iter()
                .map(|e| x.contacts[e.contact as usize].psid.clone())
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
        let err = crate::export::approve(&mut store, &l, &summary, "  ", 1).unwrap_err();
        assert!(
            err.to_string().contains("give the campaign a name"),
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
