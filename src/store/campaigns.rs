//! Approved campaigns: written once, in one transaction, then only read (the schema's
//! triggers refuse any change). Also the contact details a send list needs.

use rusqlite::params;
use serde::Serialize;

use super::{Store, StoreError};

/// A campaign to approve.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewCampaign {
    /// The marketer's name for it.
    pub name: String,
    /// The message as written (placeholders unfilled).
    pub text: String,
    /// Channel.
    pub channel: String,
    /// The chosen route; `None` = the best per contact.
    pub route: Option<String>,
    /// A person writes each message.
    pub human_reply: bool,
    /// The policy version in force at the planning instant.
    pub policy_version: Option<String>,
    /// The planning instant, unix seconds.
    pub planned_at: i64,
    /// Messages per minute per Page.
    pub rate_per_min: Option<f64>,
    /// Quiet hours, `HH:MM-HH:MM`.
    pub quiet_hours: Option<String>,
    /// Approval instant, unix seconds.
    pub approved_at: i64,
    /// Contacts considered.
    pub considered: u64,
    /// Contacts planned.
    pub planned: u64,
    /// Contacts excluded.
    pub excluded: u64,
    /// The plan summary, as JSON.
    pub summary: String,
}

/// One contact of a campaign: planned (with route and times) or excluded (with a reason).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Recipient {
    /// Contact id.
    pub contact_id: i64,
    /// Page.
    pub page_id: String,
    /// Page-scoped ID.
    pub psid: String,
    /// Route, when planned.
    pub route: Option<String>,
    /// The rule behind the verdict.
    pub rule: Option<String>,
    /// The route closes at, unix seconds.
    pub send_by: Option<i64>,
    /// Send at, unix seconds.
    pub send_at: Option<i64>,
    /// Why not, when excluded.
    pub excluded: Option<String>,
}

/// A past campaign, for the history.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CampaignSummary {
    /// Id.
    pub id: i64,
    /// What was approved.
    pub campaign: NewCampaign,
    /// Files exported from it, newest first.
    pub exports: Vec<ExportRecord>,
}

/// A file a campaign was exported to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExportRecord {
    /// Its path.
    pub file: String,
    /// `csv` or `jsonl`.
    pub format: String,
    /// Rows written.
    pub rows: u64,
    /// When, unix seconds.
    pub exported_at: i64,
}

/// What a send list shows of a contact, borrowed from where it is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ContactDetail<'a> {
    /// Contact id.
    pub id: i64,
    /// Page.
    pub page_id: &'a str,
    /// Page-scoped ID.
    pub psid: &'a str,
    /// Display name (the name column, else first and last name).
    pub name: &'a str,
    /// First name, for `{first_name}`.
    pub first_name: &'a str,
    /// Last name, for `{last_name}`.
    pub last_name: &'a str,
}

/// One recipient of a campaign being approved, borrowed from its send list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewRecipient<'a> {
    /// Contact id.
    pub contact_id: i64,
    /// Page.
    pub page_id: &'a str,
    /// Page-scoped ID.
    pub psid: &'a str,
    /// Route, when planned.
    pub route: Option<&'a str>,
    /// The rule behind the verdict.
    pub rule: Option<&'a str>,
    /// The route closes at, unix seconds.
    pub send_by: Option<i64>,
    /// Send at, unix seconds.
    pub send_at: Option<i64>,
    /// Why not, when excluded.
    pub excluded: Option<&'a str>,
}

impl Store {
    /// Saves an approved campaign with its recipients, all or nothing; returns its id.
    /// Recipients in contact order go in fastest (appends to the table's key).
    pub fn approve_campaign<'a>(
        &mut self,
        c: &NewCampaign,
        recipients: impl IntoIterator<Item = NewRecipient<'a>>,
    ) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM campaigns", [], |r| {
            r.get(0)
        })?;
        // The guard against recipients of approved campaigns costs more per row than the
        // row itself; this transaction lifts it and puts it back before anyone can see.
        tx.execute_batch("DROP TRIGGER recipients_only_while_approving")?;
        {
            // Recipients first: once the campaign row exists, the schema refuses new ones.
            // Parameters are bound one by one: `execute` would check them all again per row.
            let mut st = tx.prepare(
                "INSERT INTO campaign_recipients (campaign_id, contact_id, page_id, psid, route,
                     rule, send_by, send_at, excluded)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            st.raw_bind_parameter(1, id)?;
            for r in recipients {
                st.raw_bind_parameter(2, r.contact_id)?;
                st.raw_bind_parameter(3, r.page_id)?;
                st.raw_bind_parameter(4, r.psid)?;
                st.raw_bind_parameter(5, r.route)?;
                st.raw_bind_parameter(6, r.rule)?;
                st.raw_bind_parameter(7, r.send_by)?;
                st.raw_bind_parameter(8, r.send_at)?;
                st.raw_bind_parameter(9, r.excluded)?;
                st.raw_execute()?;
            }
        }
        tx.execute_batch(super::schema::RECIPIENTS_GUARD)?;
        tx.execute(
            "INSERT INTO campaigns (id, name, text, channel, route, human_reply, policy_version,
                 planned_at, rate_per_min, quiet_hours, approved_at, considered, planned,
                 excluded, summary)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                id,
                c.name,
                c.text,
                c.channel,
                c.route,
                c.human_reply,
                c.policy_version,
                c.planned_at,
                c.rate_per_min,
                c.quiet_hours,
                c.approved_at,
                c.considered as i64,
                c.planned as i64,
                c.excluded as i64,
                c.summary
            ],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Notes that a campaign was exported to `file`.
    pub fn record_export(
        &self,
        campaign_id: i64,
        file: &str,
        format: &str,
        rows: u64,
        at: i64,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO campaign_exports (campaign_id, file, format, rows, exported_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![campaign_id, file, format, rows as i64, at],
        )?;
        Ok(())
    }

    /// The latest `limit` campaigns, newest first.
    pub fn campaigns(&self, limit: usize) -> Result<Vec<CampaignSummary>, StoreError> {
        self.query_campaigns(
            "ORDER BY id DESC LIMIT ?1",
            limit.min(i64::MAX as usize) as i64,
        )
    }

    /// One campaign.
    pub fn campaign(&self, id: i64) -> Result<Option<CampaignSummary>, StoreError> {
        Ok(self.query_campaigns("WHERE id = ?1", id)?.pop())
    }

    fn query_campaigns(&self, tail: &str, param: i64) -> Result<Vec<CampaignSummary>, StoreError> {
        let mut st = self.conn.prepare(&format!(
            "SELECT id, name, text, channel, route, human_reply, policy_version, planned_at,
                    rate_per_min, quiet_hours, approved_at, considered, planned, excluded, summary
             FROM campaigns {tail}"
        ))?;
        let count = |v: i64| v.max(0) as u64;
        let mut out = st
            .query_map([param], |r| {
                Ok(CampaignSummary {
                    id: r.get(0)?,
                    campaign: NewCampaign {
                        name: r.get(1)?,
                        text: r.get(2)?,
                        channel: r.get(3)?,
                        route: r.get(4)?,
                        human_reply: r.get(5)?,
                        policy_version: r.get(6)?,
                        planned_at: r.get(7)?,
                        rate_per_min: r.get(8)?,
                        quiet_hours: r.get(9)?,
                        approved_at: r.get(10)?,
                        considered: count(r.get(11)?),
                        planned: count(r.get(12)?),
                        excluded: count(r.get(13)?),
                        summary: r.get(14)?,
                    },
                    exports: Vec::new(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut files = self.conn.prepare_cached(
            "SELECT file, format, rows, exported_at FROM campaign_exports
             WHERE campaign_id = ?1 ORDER BY rowid DESC",
        )?;
        for c in &mut out {
            c.exports = files
                .query_map([c.id], |r| {
                    Ok(ExportRecord {
                        file: r.get(0)?,
                        format: r.get(1)?,
                        rows: count(r.get(2)?),
                        exported_at: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
        }
        Ok(out)
    }

    /// Calls `f` for every recipient of a campaign: planned ones by send time, then the
    /// excluded by contact id.
    pub fn each_recipient(
        &self,
        campaign_id: i64,
        mut f: impl FnMut(Recipient),
    ) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(
            "SELECT contact_id, page_id, psid, route, rule, send_by, send_at, excluded
             FROM campaign_recipients WHERE campaign_id = ?1
             ORDER BY excluded IS NOT NULL, send_at, contact_id",
        )?;
        let mut rows = st.query([campaign_id])?;
        while let Some(r) = rows.next()? {
            f(Recipient {
                contact_id: r.get(0)?,
                page_id: r.get(1)?,
                psid: r.get(2)?,
                route: r.get(3)?,
                rule: r.get(4)?,
                send_by: r.get(5)?,
                send_at: r.get(6)?,
                excluded: r.get(7)?,
            });
        }
        Ok(())
    }

    /// Calls `f` with the details of every contact whose id `wanted` accepts, in id order.
    pub fn each_contact_detail(
        &self,
        mut wanted: impl FnMut(i64) -> bool,
        mut f: impl FnMut(ContactDetail<'_>),
    ) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(
            "SELECT id, page_id, psid, name, first_name, last_name FROM contacts ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if !wanted(id) {
                continue;
            }
            let text = |i: usize| -> Result<&str, rusqlite::Error> {
                Ok(r.get_ref(i)?.as_str_or_null()?.unwrap_or_default())
            };
            let (first_name, last_name) = (text(4)?, text(5)?);
            let joined;
            let name = match text(3)?.trim() {
                "" => {
                    joined = super::contacts::display_name(None, Some(first_name), Some(last_name));
                    joined.as_str()
                }
                _ => text(3)?,
            };
            f(ContactDetail {
                id,
                page_id: text(1)?,
                psid: text(2)?,
                name,
                first_name,
                last_name,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> NewCampaign {
        NewCampaign {
            name: "Black Friday".into(),
            text: "Hi {first_name}".into(),
            channel: "messenger".into(),
            planned_at: 1_795_860_000,
            approved_at: 1_795_860_100,
            considered: 2,
            planned: 1,
            excluded: 1,
            summary: "{}".into(),
            ..NewCampaign::default()
        }
    }

    fn recipients(n: i64) -> Vec<Recipient> {
        (1..=n)
            .map(|i| Recipient {
                contact_id: i,
                page_id: "p".into(),
                psid: format!("{i}"),
                route: (i == 1).then(|| "standard".into()),
                send_at: (i == 1).then_some(1_795_860_000),
                excluded: (i != 1).then(|| "window_closed".into()),
                ..Recipient::default()
            })
            .collect()
    }

    fn new(rs: &[Recipient]) -> impl Iterator<Item = NewRecipient<'_>> {
        rs.iter().map(|r| NewRecipient {
            contact_id: r.contact_id,
            page_id: &r.page_id,
            psid: &r.psid,
            route: r.route.as_deref(),
            rule: r.rule.as_deref(),
            send_by: r.send_by,
            send_at: r.send_at,
            excluded: r.excluded.as_deref(),
        })
    }

    #[test]
    fn an_approved_campaign_is_kept_and_never_changes() {
        let mut s = Store::in_memory().unwrap();
        let id = s
            .approve_campaign(&campaign(), new(&recipients(2)))
            .unwrap();
        let second = s
            .approve_campaign(&campaign(), new(&recipients(1)))
            .unwrap();
        assert_eq!((id, second), (1, 2));
        let all = s.campaigns(10).unwrap();
        assert_eq!(all.iter().map(|c| c.id).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(all[1].campaign, campaign());
        let mut got = Vec::new();
        s.each_recipient(id, |r| got.push(r)).unwrap();
        assert_eq!(got, recipients(2));
        for sql in [
            "UPDATE campaigns SET text = 'changed' WHERE id = 1",
            "DELETE FROM campaigns WHERE id = 1",
            "UPDATE campaign_recipients SET route = 'x' WHERE campaign_id = 1",
            "DELETE FROM campaign_recipients WHERE campaign_id = 1",
            "INSERT INTO campaign_recipients (campaign_id, contact_id, page_id, psid)
             VALUES (1, 99, 'p', '99')",
        ] {
            let err = s.conn().execute(sql, []).unwrap_err().to_string();
            assert!(err.contains("approved campaign"), "{sql}: {err}");
        }
        s.record_export(id, "/tmp/x.csv", "csv", 1, 1_795_860_200)
            .unwrap();
        assert_eq!(
            s.campaign(id).unwrap().unwrap().exports,
            [ExportRecord {
                file: "/tmp/x.csv".into(),
                format: "csv".into(),
                rows: 1,
                exported_at: 1_795_860_200
            }]
        );
        assert!(s.campaign(42).unwrap().is_none());
    }

    #[test]
    fn a_failed_approval_leaves_nothing() {
        let mut s = Store::in_memory().unwrap();
        let mut twice = recipients(2);
        twice.push(twice[0].clone());
        assert!(s.approve_campaign(&campaign(), new(&twice)).is_err());
        assert!(s.campaigns(10).unwrap().is_empty());
        let n: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM campaign_recipients", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }
}
