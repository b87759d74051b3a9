//! Finding contacts by name or ID as a person types: every contact's names and PSID folded
//! once (no accents, lower case) into one text, searched by substring.

use super::{Store, StoreError};
use crate::i18n::fold;

/// The folded names and PSIDs of every contact, in id order.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// One line per contact: name, first and last name, PSID, separated by tabs.
    text: String,
    /// Where each contact's line ends in `text`.
    ends: Vec<u32>,
    /// Contact ids, in the order of the lines.
    ids: Vec<i64>,
}

impl NameIndex {
    /// Adds a contact's line.
    pub fn push(&mut self, id: i64, fields: &[&str]) {
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                self.text.push('\t');
            }
            // Tabs and line ends inside a field would split it: they become spaces.
            self.text.extend(
                fold(f)
                    .chars()
                    .map(|c| if c == '\t' || c == '\n' { ' ' } else { c }),
            );
        }
        self.text.push('\n');
        self.ends.push(self.text.len() as u32);
        self.ids.push(id);
    }

    /// Ids of the contacts whose name, first and last name together, or PSID contains
    /// `needle`, accents and case aside ("garcia" finds García), in id order.
    pub fn find(&self, needle: &str) -> Vec<i64> {
        let needle = fold(needle.trim());
        if needle.is_empty() || needle.contains(['\t', '\n']) {
            return Vec::new();
        }
        let mut out: Vec<i64> = Vec::new();
        let mut last = usize::MAX;
        for (at, _) in self.text.match_indices(needle.as_str()) {
            let line = self.ends.partition_point(|&e| e as usize <= at);
            if line != last {
                out.extend(self.ids.get(line));
                last = line;
            }
        }
        out
    }

    /// How many contacts.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Store {
    /// The names and PSIDs of every contact, folded for searching.
    pub fn name_index(&self) -> Result<NameIndex, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, psid, name, first_name, last_name FROM contacts ORDER BY id")?;
        let mut rows = st.query([])?;
        let mut ix = NameIndex::default();
        while let Some(r) = rows.next()? {
            let text = |i: usize| -> Result<&str, rusqlite::Error> {
                Ok(r.get_ref(i)?.as_str_or_null()?.unwrap_or_default())
            };
            let (first, last) = (text(3)?, text(4)?);
            let full = format!("{first} {last}");
            ix.push(r.get(0)?, &[text(2)?, full.trim(), text(1)?]);
        }
        Ok(ix)
    }

    /// Ids of contacts whose name or ID contains `needle`, accents and case aside.
    pub fn search_ids(&self, needle: &str) -> Result<Vec<i64>, StoreError> {
        Ok(self.name_index()?.find(needle))
    }
}

#[cfg(test)]
mod tests {
    use super::NameIndex;
    use crate::i18n::fold;
    use proptest::prelude::*;

    fn index(people: &[(&str, &str)]) -> NameIndex {
        let mut ix = NameIndex::default();
        for (k, (name, psid)) in people.iter().enumerate() {
            ix.push(k as i64 + 1, &[name, psid]);
        }
        ix
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        let ix = index(&[
            ("Lucía García", "111"),
            ("Marco Garcia", "222"),
            ("Anna", "333"),
        ]);
        assert_eq!(ix.find("garcia"), vec![1, 2]);
        assert_eq!(ix.find("GARCÍA"), vec![1, 2]);
        assert_eq!(ix.find("lucia"), vec![1]);
        assert_eq!(ix.find(" 33 "), vec![3]);
        assert_eq!(ix.find("a g"), vec![1]);
        assert!(ix.find("").is_empty());
        assert!(ix.find("zzz").is_empty());
    }

    #[test]
    fn a_match_never_spans_two_contacts() {
        // "111\n" then "Marco…": "1m" would match across the line end.
        let ix = index(&[("Anna", "111"), ("Marco", "222")]);
        assert!(ix.find("1m").is_empty());
        assert!(ix.find("1\nm").is_empty());
    }

    proptest! {
        // The index against the rule written plainly: a contact matches when one of its
        // fields, folded, contains the folded needle.
        #[test]
        fn find_agrees_with_a_field_by_field_scan(
            people in prop::collection::vec(("[a-cáéñ A-C]{0,6}", "[0-9]{1,4}"), 0..30),
            needle in "[a-cáéñ A-C0-9]{1,3}",
        ) {
            let refs: Vec<(&str, &str)> =
                people.iter().map(|(n, p)| (n.as_str(), p.as_str())).collect();
            let ix = index(&refs);
            let n = fold(needle.trim());
            let expected: Vec<i64> = if n.is_empty() {
                Vec::new()
            } else {
                refs.iter()
                    .enumerate()
                    .filter(|(_, (name, psid))| fold(name).contains(&n) || fold(psid).contains(&n))
                    .map(|(k, _)| k as i64 + 1)
                    .collect()
            };
            prop_assert_eq!(ix.find(&needle), expected);
        }
    }
}
