//! Who came back: for each entry point, the contacts who wrote after it went out — matched by
//! the `ref` an export carries when it carries one, else by any new action since the start
//! (the weaker measure: it counts everyone who came back, by this entry point or not); and,
//! from the interaction history, the return rate per Page per week and the hours people write.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::policy::{Channel, InteractionKind};
use crate::store::EntryPoint;

/// Export columns that carry the `ref` of the last m.me link, ad or plugin a person came
/// through, compared after folding case, accents, spaces and dashes to `_`. Bot platforms
/// write it only where the bot saves it (a custom field or user attribute), so the name is
/// the marketer's: `--ref-column` adds one.
pub const REF_COLUMNS: [&str; 8] = [
    "ref",
    "last_ref",
    "ref_param",
    "referral",
    "referral_ref",
    "last_referral",
    "m.me_ref",
    "mme_ref",
];

/// How a return was matched to an entry point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The export names the entry point's `ref` for the contact.
    Ref,
    /// Any action of a contact of the Page since the start (no ref in the export).
    AnyInteraction,
}

/// The returns of one entry point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntryReturn {
    /// Entry point id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its ref.
    #[serde(rename = "ref")]
    pub ref_: Option<String>,
    /// Its Page.
    pub page_id: String,
    /// When it went out, RFC 3339.
    pub started_at: String,
    /// Contacts who opened a window after the start, by `matched_by`.
    pub reopened: u64,
    /// How they were matched.
    pub matched_by: MatchedBy,
    /// Contacts of the Page with any action since the start, whatever brought them.
    pub any_interaction: u64,
    /// Its campaign, if any.
    pub campaign_id: Option<i64>,
    /// Of the campaign's left-out recipients, how many wrote since the start.
    pub campaign_reopened: Option<u64>,
}

/// One week of one Page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekReturn {
    /// The Page.
    pub page_id: String,
    /// The Monday the week starts on, in the report's zone.
    pub week: NaiveDate,
    /// Contacts whose first known action was before the week.
    pub known: u64,
    /// Of those, how many acted during the week.
    pub returned: u64,
    /// returned / known (0 when none were known).
    pub rate: f64,
    /// Contacts whose first known action falls in the week.
    pub new: u64,
}

/// Actions in one hour of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct HourCount {
    /// Hour, 0–23, in the report's zone.
    pub hour: u32,
    /// Actions.
    pub actions: u64,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Returns {
    /// Per entry point, newest start first.
    pub entry_points: Vec<EntryReturn>,
    /// Per Page and week, oldest week first.
    pub weekly: Vec<WeekReturn>,
    /// Actions by hour of the day over the same weeks.
    pub by_hour: Vec<HourCount>,
    /// The zone of weeks and hours.
    pub zone: String,
}

/// What the report reads: every contact's Page, channel, actions and the ref its export gave.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// The Pages, by index.
    pages: Vec<String>,
    /// Page id → index.
    page_ix: HashMap<String, u32>,
    /// Contacts by ascending id.
    contacts: Vec<ContactActions>,
}

/// One contact's actions.
#[derive(Clone, Debug)]
pub struct ContactActions {
    /// Contact id.
    pub id: i64,
    /// The Page, as an index into the history's Pages.
    pub page: u32,
    /// Channel.
    pub channel: Channel,
    /// The latest action, unix seconds.
    pub last: Option<i64>,
    /// Its kind.
    pub last_kind: InteractionKind,
    /// Earlier actions, unix seconds (empty for most contacts).
    pub earlier: Vec<i64>,
    /// The ref of the export's ref column, if it had one.
    pub ref_: Option<String>,
}

impl ContactActions {
    /// Every action time.
    pub fn times(&self) -> impl Iterator<Item = i64> + '_ {
        self.last.into_iter().chain(self.earlier.iter().copied())
    }
}

impl History {
    /// Adds a contact; ids must come in ascending order.
    pub fn push(
        &mut self,
        id: i64,
        page_id: &str,
        channel: Channel,
        last: Option<i64>,
        last_kind: InteractionKind,
    ) {
        let page = match self.page_ix.get(page_id) {
            Some(&i) => i,
            None => {
                let i = self.pages.len() as u32;
                self.pages.push(page_id.to_string());
                self.page_ix.insert(page_id.to_string(), i);
                i
            }
        };
        debug_assert!(self.contacts.last().is_none_or(|c| c.id < id));
        self.contacts.push(ContactActions {
            id,
            page,
            channel,
            last,
            last_kind,
            earlier: Vec::new(),
            ref_: None,
        });
    }

    /// The contact with this id.
    pub fn get(&self, id: i64) -> Option<&ContactActions> {
        let i = self.contacts.binary_search_by_key(&id, |c| c.id).ok()?;
        self.contacts.get(i)
    }

    /// The contact with this id, to add to.
    pub fn get_mut(&mut self, id: i64) -> Option<&mut ContactActions> {
        let i = self.contacts.binary_search_by_key(&id, |c| c.id).ok()?;
        self.contacts.get_mut(i)
    }

    /// Every contact, by id.
    pub fn contacts(&self) -> &[ContactActions] {
        &self.contacts
    }
}

/// Folds a column name for comparison with [`REF_COLUMNS`].
pub fn fold_column(name: &str) -> String {
    crate::i18n::fold(name.trim())
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The ref in a contact's extra columns (a JSON object), under one of `columns` (folded).
pub fn ref_in_extra(extra: &str, columns: &[String]) -> Option<String> {
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(extra).ok()?;
    map.iter().find_map(|(k, v)| {
        let v = v.as_str()?.trim();
        (!v.is_empty() && columns.contains(&fold_column(k))).then(|| v.to_string())
    })
}

/// The Monday 00:00 (in `tz`) of the week holding `t`.
fn week_start(t: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    let local = t.with_timezone(&tz);
    let day =
        local.date_naive() - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    midnight(day, tz)
}

fn midnight(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    // A zone that skips midnight (some DST changes) starts the day at the first valid time.
    (0..24)
        .find_map(|h| {
            tz.from_local_datetime(&day.and_hms_opt(h, 0, 0)?)
                .earliest()
        })
        .map_or_else(
            || day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
            |t| t.with_timezone(&Utc),
        )
}

/// The report at `now` over the last `weeks` weeks (the current one included), in `tz`.
/// `left_out` gives each campaign's left-out recipients.
pub fn report(
    history: &History,
    entries: &[EntryPoint],
    left_out: &HashMap<i64, HashSet<i64>>,
    now: DateTime<Utc>,
    weeks: u32,
    tz: Tz,
) -> Returns {
    let now_s = now.timestamp();
    let latest = |c: &ContactActions| c.times().filter(|&t| t <= now_s).max();
    let mut pages_with_refs = vec![false; history.pages.len()];
    for c in history.contacts.iter().filter(|c| c.ref_.is_some()) {
        pages_with_refs[c.page as usize] = true;
    }

    let entry_points = entries
        .iter()
        .map(|e| {
            let since = |c: &ContactActions| latest(c).is_some_and(|t| t >= e.started_at);
            let page = history.page_ix.get(&e.page_id).copied();
            let of_page = || history.contacts.iter().filter(|c| Some(c.page) == page);
            let any_interaction = of_page().filter(|c| since(c)).count() as u64;
            let by_ref = e.ref_.is_some() && page.is_some_and(|p| pages_with_refs[p as usize]);
            let reopened = if by_ref {
                of_page().filter(|c| c.ref_ == e.ref_ && since(c)).count() as u64
            } else {
                any_interaction
            };
            let campaign_reopened = e.campaign_id.map(|id| {
                left_out.get(&id).map_or(0, |ids| {
                    ids.iter()
                        .filter(|i| history.get(**i).is_some_and(since))
                        .count() as u64
                })
            });
            EntryReturn {
                id: e.id,
                name: e.name.clone(),
                ref_: e.ref_.clone(),
                page_id: e.page_id.clone(),
                started_at: DateTime::from_timestamp(e.started_at, 0)
                    .unwrap_or_default()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                reopened,
                matched_by: if by_ref {
                    MatchedBy::Ref
                } else {
                    MatchedBy::AnyInteraction
                },
                any_interaction,
                campaign_id: e.campaign_id,
                campaign_reopened,
            }
        })
        .collect();

    // Week starts, oldest first; the last one holds `now`.
    let current = week_start(now, tz);
    let starts: Vec<DateTime<Utc>> = (0..weeks.max(1))
        .rev()
        .map(|k| {
            let local = current.with_timezone(&tz).date_naive() - Duration::weeks(i64::from(k));
            midnight(local, tz)
        })
        .collect();
    let first_start = starts[0].timestamp();
    let ends: Vec<i64> = starts
        .iter()
        .skip(1)
        .map(DateTime::timestamp)
        .chain([now_s + 1])
        .collect();

    // (known, returned, new) per Page and week.
    let n_weeks = starts.len();
    let mut weekly = vec![(0u64, 0u64, 0u64); history.pages.len() * n_weeks];
    let mut hours = [0u64; 24];
    let mut times = Vec::new();
    for c in &history.contacts {
        times.clear();
        times.extend(c.times().filter(|&t| t <= now_s));
        let Some(&first) = times.iter().min() else {
            continue;
        };
        for (w, (start, end)) in starts
            .iter()
            .map(DateTime::timestamp)
            .zip(&ends)
            .enumerate()
        {
            let slot = &mut weekly[c.page as usize * n_weeks + w];
            if first < start {
                slot.0 += 1;
                slot.1 += u64::from(times.iter().any(|&t| t >= start && t < *end));
            } else if first < *end {
                slot.2 += 1;
            }
        }
        for &t in times.iter().filter(|&&t| t >= first_start) {
            if let Some(local) = DateTime::from_timestamp(t, 0) {
                hours[local.with_timezone(&tz).hour() as usize] += 1;
            }
        }
    }
    let mut weekly: Vec<WeekReturn> = weekly
        .into_iter()
        .enumerate()
        .map(|(i, (known, returned, new))| WeekReturn {
            page_id: history.pages[i / n_weeks].clone(),
            week: starts[i % n_weeks].with_timezone(&tz).date_naive(),
            known,
            returned,
            rate: if known == 0 {
                0.0
            } else {
                returned as f64 / known as f64
            },
            new,
        })
        .collect();
    weekly.sort_by(|a, b| (a.week, &a.page_id).cmp(&(b.week, &b.page_id)));
    Returns {
        entry_points,
        weekly,
        by_hour: (0u32..)
            .zip(hours)
            .map(|(hour, actions)| HourCount { hour, actions })
            .collect(),
        zone: tz.name().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reopen::EntryKind;

    fn t(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp()
    }

    #[test]
    fn ref_columns_are_found_whatever_their_spelling() {
        let cols: Vec<String> = REF_COLUMNS.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            ref_in_extra(r#"{"City":"Roma","Last Ref":"poster-1"}"#, &cols).as_deref(),
            Some("poster-1")
        );
        assert_eq!(ref_in_extra(r#"{"Ref":""}"#, &cols), None);
        assert_eq!(ref_in_extra(r#"{"referrer":"x"}"#, &cols), None);
    }

    #[test]
    fn returns_count_by_ref_or_by_any_action_and_weeks_count_returning_people() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut history = History::default();
        let mut add = |id, page: &str, times: &[&str], r: Option<&str>| {
            let mut times: Vec<i64> = times.iter().map(|s| t(s)).collect();
            let last = times.pop();
            history.push(id, page, Channel::Messenger, last, InteractionKind::Message);
            let c = history.get_mut(id).unwrap();
            c.earlier = times;
            c.ref_ = r.map(str::to_string);
        };
        // Page A carries refs: two came back through poster-1, one through another ref.
        add(
            1,
            "A",
            &["2026-11-10T09:00:00Z", "2026-11-24T09:00:00Z"],
            Some("poster-1"),
        );
        add(
            2,
            "A",
            &["2026-11-11T09:00:00Z", "2026-11-24T10:00:00Z"],
            Some("poster-1"),
        );
        add(
            3,
            "A",
            &["2026-11-12T09:00:00Z", "2026-11-24T11:00:00Z"],
            Some("mail"),
        );
        // Came back through poster-1 before it started: not counted.
        add(4, "A", &["2026-11-12T09:00:00Z"], Some("poster-1"));
        // Page B has no refs at all: any action since the start counts.
        add(
            5,
            "B",
            &["2026-11-03T09:00:00Z", "2026-11-24T09:00:00Z"],
            None,
        );
        add(6, "B", &["2026-11-03T09:00:00Z"], None);
        let entry = |id, page: &str, r: &str| EntryPoint {
            id,
            name: format!("e{id}"),
            page_id: page.into(),
            channel: Channel::Messenger,
            kind: EntryKind::Qr,
            ref_: Some(r.into()),
            campaign_id: (id == 2).then_some(9),
            created_at: 0,
            started_at: t("2026-11-20T00:00:00Z"),
        };
        let left_out = HashMap::from([(9, HashSet::from([5, 6]))]);
        let r = report(
            &history,
            &[entry(1, "A", "poster-1"), entry(2, "B", "flyer")],
            &left_out,
            now,
            3,
            chrono_tz::Europe::Rome,
        );
        let a = &r.entry_points[0];
        assert_eq!(
            (a.reopened, a.matched_by, a.any_interaction),
            (2, MatchedBy::Ref, 3)
        );
        let b = &r.entry_points[1];
        assert_eq!(
            (b.reopened, b.matched_by, b.campaign_reopened),
            (1, MatchedBy::AnyInteraction, Some(1))
        );
        // Weeks start on Mondays in Rome: 9, 16 and 23 November.
        let weeks: Vec<(String, NaiveDate, u64, u64, u64)> = r
            .weekly
            .iter()
            .map(|w| (w.page_id.clone(), w.week, w.known, w.returned, w.new))
            .collect();
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        assert_eq!(
            weeks,
            vec![
                ("A".into(), d(9), 0, 0, 4),
                ("B".into(), d(9), 2, 0, 0),
                ("A".into(), d(16), 4, 0, 0),
                ("B".into(), d(16), 2, 0, 0),
                ("A".into(), d(23), 4, 3, 0),
                ("B".into(), d(23), 2, 1, 0),
            ]
        );
        // Actions since 9 November by hour in Rome (UTC+1).
        let at = |h: u32| r.by_hour[h as usize].actions;
        assert_eq!((at(9), at(10), at(11), at(12)), (0, 6, 1, 1));
    }
}
