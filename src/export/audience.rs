//! Audience files of the contacts a message cannot reach, in the shape ad tools take for a
//! Custom Audience of Page-scoped IDs: one column headed `pageuid`. PSIDs belong to one Page,
//! so each Page gets its own file.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::SendList;

/// The Pages of the excluded contacts (number and id), sorted by id.
pub fn pages(list: &SendList) -> Vec<(u32, &str)> {
    let numbers: BTreeSet<u32> = list
        .excluded
        .iter()
        .filter_map(|l| list.contacts.page_index(l.contact as usize))
        .collect();
    let mut pages: Vec<(u32, &str)> = numbers
        .into_iter()
        .map(|p| (p, list.contacts.page_id(p)))
        .collect();
    pages.sort_unstable_by_key(|&(_, id)| id);
    pages
}

/// Writes the audience file of the Page numbered `page` (see [`pages`]): the PSIDs of its
/// excluded contacts, in contact order; returns their number. Read straight from the list,
/// one Page at a time, so a million excluded contacts need no second copy of their IDs.
pub fn write(w: &mut dyn Write, list: &SendList, page: u32) -> io::Result<u64> {
    let mut csv = super::csv_writer(w);
    csv.write_record(["pageuid"])?;
    let mut n = 0;
    for l in &list.excluded {
        let k = l.contact as usize;
        if list.contacts.page_index(k) == Some(page)
            && let Some(d) = list.contacts.get(k)
            && !d.psid.is_empty()
        {
            csv.write_record([super::neutralise(d.psid).as_ref()])?;
            n += 1;
        }
    }
    csv.flush()?;
    Ok(n)
}

/// A Page id made safe for a file name.
pub fn file_safe(page: &str) -> String {
    let s: String = page
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() { "page".into() } else { s }
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_ids_become_safe_file_names() {
        assert_eq!(super::file_safe("104837261958374"), "104837261958374");
        assert_eq!(super::file_safe("../etc/x"), "___etc_x");
        assert_eq!(super::file_safe(""), "page");
    }
}
