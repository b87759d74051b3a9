//! Audience files of the contacts a message cannot reach, in the shape ad tools take for a
//! Custom Audience of Page-scoped IDs: one column headed `pageuid`. PSIDs belong to one Page,
//! so each Page gets its own file.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::SendList;

/// The excluded contacts' PSIDs, by Page (sorted, each list in contact order).
pub fn by_page(list: &SendList) -> BTreeMap<String, Vec<&str>> {
    let mut out: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for l in &list.excluded {
        if let Some(d) = list.contacts.get(l.contact as usize)
            && !d.psid.is_empty()
        {
            out.entry(d.page_id.to_string()).or_default().push(d.psid);
        }
    }
    out
}

/// Writes one audience file; returns the number of IDs.
pub fn write(w: &mut dyn Write, psids: &[&str]) -> io::Result<u64> {
    let mut csv = super::csv_writer(w);
    csv.write_record(["pageuid"])?;
    for p in psids {
        csv.write_record([super::neutralise(p).as_ref()])?;
    }
    csv.flush()?;
    Ok(psids.len() as u64)
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
