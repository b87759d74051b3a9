//! Files Ventana writes come back in: every exported file imports, without `--map`, and
//! importing them changes nothing that was already known. Also the import's own columns
//! that decide where a person is and when they last wrote.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{json, stderr, ventana};
use serde_json::Value;
use ventana::store::Store;

const NOW: &str = "2026-11-22T10:00:00Z";

/// Four contacts of Page 555; Anna's name would be a formula in a `;`-splitting spreadsheet.
const CONTACTS: &str = "\
psid,page_id,first_name,last_name,timezone,country,last_interaction
1001,555,Anna,\"x;=cmd|'/C calc'!A0\",Europe/Rome,Italia,2026-11-22T09:00:00Z
1002,555,Bea,Ruiz,Europe/Madrid,ES,2026-11-22T08:00:00Z
1003,555,Luca,Bianchi,,it,2026-11-20T10:00:00Z
1005,555,Pablo,Ruiz,,,
";

fn import(dir: &Path, file: &Path, args: &[&str]) -> Value {
    let o = ventana(dir)
        .args(["import", "--json", file.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}: {}", file.display(), stderr(&o));
    json(&o)
}

fn n(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("{key} in {v}"))
}

type Facts = (
    String,
    String,
    Option<String>,
    Option<i64>,
    String,
    Option<String>,
);

/// (psid, page, country, last_at, display name, time zone) of every contact, by psid and page.
fn contacts(dir: &Path) -> Vec<Facts> {
    let store = Store::open(&dir.join("ventana.db")).unwrap();
    let mut st = store
        .conn()
        .prepare(
            "SELECT psid, page_id, country, last_at, name, first_name, last_name, timezone
             FROM contacts ORDER BY psid, page_id",
        )
        .unwrap();
    st.query_map([], |r| {
        let name = ventana::store::display_name(
            r.get::<_, Option<String>>(4)?.as_deref(),
            r.get::<_, Option<String>>(5)?.as_deref(),
            r.get::<_, Option<String>>(6)?.as_deref(),
        );
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, name, r.get(7)?))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn every_exported_file_imports_back_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.csv");
    std::fs::write(&file, CONTACTS).unwrap();
    let v = import(dir.path(), &file, &["--tz", "UTC"]);
    assert_eq!(n(&v, "inserted"), 4);
    let before = contacts(dir.path());
    assert_eq!(before[0].2.as_deref(), Some("IT"), "Italia is stored as IT");
    assert_eq!(before[1].2.as_deref(), Some("ES"));
    // The same file again changes nothing and says so.
    let v = import(dir.path(), &file, &["--tz", "UTC"]);
    assert_eq!((n(&v, "unchanged"), n(&v, "updated")), (4, 0), "{v}");

    let mut written = Vec::new();
    for (out, format) in [("sends.csv", "csv"), ("sends.jsonl", "jsonl")] {
        let out = dir.path().join(out);
        let o = ventana(dir.path())
            .args(["--now", NOW, "export", "--json", "--text", "Ciao, novità!"])
            .args(["--format", format, "--out", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        for f in json(&o)["export"]["files"].as_array().unwrap() {
            written.push((
                f["kind"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
            ));
        }
    }
    let kinds: Vec<&str> = written.iter().map(|(k, _)| k.as_str()).collect();
    for kind in ["sends", "excluded", "audience"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }

    for (kind, path) in &written {
        // Send API bodies do not name their Page (it is in the URL they are posted to).
        let page: &[&str] = if path.ends_with(".jsonl") {
            &["--page-id", "555"]
        } else {
            &[]
        };
        let v = import(dir.path(), Path::new(path), page);
        assert_eq!(n(&v, "rejected"), 0, "{kind} {path}: {v}");
        assert_eq!(n(&v, "inserted"), 0, "{kind} {path} made new contacts: {v}");
        assert!(n(&v, "rows_read") > 0, "{kind} {path}: {v}");
        // Names, Pages, countries, zones and windows are as they were; the plan's own
        // columns (route, send time…) are kept beside each contact like any other column.
        assert_eq!(contacts(dir.path()), before, "after {kind} {path}");
    }
}

#[test]
fn an_audience_file_names_its_contacts_by_pageuid() {
    let dir = tempfile::tempdir().unwrap();
    // ManyChat's custom-audience export: one `pageuid` column.
    let file = dir.path().join("audience.csv");
    std::fs::write(&file, "pageuid\n24000000000000001\n24000000000000002\n").unwrap();
    let v = import(dir.path(), &file, &["--page-id", "777"]);
    assert_eq!(n(&v, "inserted"), 2, "{v}");
    let c = contacts(dir.path());
    assert_eq!(c[0].0, "24000000000000001");
    assert_eq!(c[0].1, "777");
}

#[test]
fn a_zone_the_user_gives_holds_for_every_column() {
    let manychat = "psid,page_id,last_user_interaction\n1,5,2026-11-22 10:00:00\n";
    let last_at = |tz: &[&str]| {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("manychat.csv");
        std::fs::write(&file, manychat).unwrap();
        let v = import(dir.path(), &file, tz);
        (v["warnings"].to_string(), contacts(dir.path())[0].3)
    };
    // Without --tz: ManyChat writes this column in UTC, and the import says so.
    let (warnings, at) = last_at(&[]);
    assert!(warnings.contains("read as UTC"), "{warnings}");
    assert_eq!(at, Some(1_795_341_600));
    // With --tz: 10:00 in Rome is 09:00 UTC.
    let (warnings, at) = last_at(&["--tz", "Europe/Rome"]);
    assert!(!warnings.contains("read as UTC"), "{warnings}");
    assert_eq!(at, Some(1_795_341_600 - 3600));
}

#[test]
fn a_country_column_is_read_in_any_of_the_three_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paesi.csv");
    std::fs::write(
        &file,
        "psid;page_id;país;ultimo\n1;5;España;x\n2;5;Regno Unito;x\n3;5;Narnia;x\n",
    )
    .unwrap();
    let v = import(dir.path(), &file, &[]);
    assert_eq!(n(&v, "inserted"), 3, "{v}");
    let warnings = v["warnings"].to_string();
    assert!(warnings.contains("Narnia"), "{warnings}");
    let c: Vec<Option<String>> = contacts(dir.path()).into_iter().map(|c| c.2).collect();
    // An unknown name is kept as written, not dropped.
    assert_eq!(
        c,
        [Some("ES".into()), Some("GB".into()), Some("Narnia".into())]
    );
}
