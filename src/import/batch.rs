//! Records travel from the parsing thread to the writing one in batches whose text lives in
//! one buffer: a million rows cost a few hundred allocations, not several million, and the
//! writer frees each batch at once.

use crate::policy::{Channel, InteractionKind};
use crate::store::ContactRecord;

const FIELDS: usize = 9;

/// One record, its texts as ranges of the batch's buffer.
#[derive(Clone, Copy, Debug)]
struct Packed {
    channel: Option<Channel>,
    kind: InteractionKind,
    last_at: Option<i64>,
    subscribed_at: Option<i64>,
    last_seen_at: Option<i64>,
    /// Start of each text field; the field ends where the next starts.
    starts: [u32; FIELDS + 1],
    /// Bit i set when field i is present.
    present: u16,
    /// Key and content hashes, computed on the parsing thread.
    hashes: (i64, i64),
}

/// A batch of records and rejected rows.
#[derive(Debug, Default)]
pub struct Batch {
    text: String,
    records: Vec<Packed>,
    /// Rejected rows: line, reason, raw text.
    pub rejects: Vec<(u64, super::record::RejectReason, String)>,
    /// Data rows read into this batch (records + rejects).
    pub rows: u64,
}

impl Batch {
    /// An empty batch with room for `n` records.
    pub fn with_capacity(n: usize) -> Batch {
        Batch {
            text: String::with_capacity(n * 96),
            records: Vec::with_capacity(n),
            rejects: Vec::new(),
            rows: 0,
        }
    }

    /// Records in the batch.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Copies a record in.
    pub fn push(&mut self, r: &ContactRecord<'_>) {
        let fields = [
            Some(r.page_id),
            Some(r.psid),
            r.name,
            r.first_name,
            r.last_name,
            r.locale,
            r.timezone,
            r.extra,
            r.country,
        ];
        let mut starts = [0u32; FIELDS + 1];
        let mut present = 0u16;
        for (i, f) in fields.iter().enumerate() {
            starts[i] = self.text.len() as u32;
            if let Some(s) = f {
                self.text.push_str(s);
                present |= 1 << i;
            }
        }
        starts[FIELDS] = self.text.len() as u32;
        self.records.push(Packed {
            channel: r.channel,
            kind: r.last_kind,
            last_at: r.last_at,
            subscribed_at: r.subscribed_at,
            last_seen_at: r.last_seen_at,
            starts,
            present,
            hashes: r.hashes(),
        });
    }

    /// The records, borrowed from the batch, with their key and content hashes.
    pub fn records(&self) -> impl Iterator<Item = (ContactRecord<'_>, (i64, i64))> {
        self.records.iter().map(|p| {
            let field = |i: usize| -> Option<&str> {
                if p.present & (1 << i) == 0 {
                    return None;
                }
                self.text
                    .get(p.starts[i] as usize..p.starts[i + 1] as usize)
            };
            let r = ContactRecord {
                channel: p.channel,
                page_id: field(0).unwrap_or_default(),
                psid: field(1).unwrap_or_default(),
                name: field(2),
                first_name: field(3),
                last_name: field(4),
                locale: field(5),
                timezone: field(6),
                extra: field(7),
                country: field(8),
                last_at: p.last_at,
                last_kind: p.kind,
                subscribed_at: p.subscribed_at,
                last_seen_at: p.last_seen_at,
            };
            (r, p.hashes)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_as_they_went_in() {
        let a = ContactRecord {
            channel: Some(Channel::Instagram),
            page_id: "p",
            psid: "1",
            name: Some("Zoë"),
            locale: Some(""),
            extra: Some("{\"a\":\"b\"}"),
            country: Some("IT"),
            last_at: Some(5),
            ..ContactRecord::default()
        };
        let b = ContactRecord {
            psid: "2",
            ..ContactRecord::default()
        };
        let mut batch = Batch::with_capacity(2);
        batch.push(&a);
        batch.push(&b);
        let back: Vec<ContactRecord<'_>> = batch.records().map(|(r, _)| r).collect();
        assert_eq!(back, [a, b]);
    }
}
