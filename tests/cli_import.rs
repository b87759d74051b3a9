//! `ventana import` and `ventana windows` as a user runs them, on the export shapes of bot
//! platforms and spreadsheets, and on files that are wrong in every way we could think of.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Output;

use common::{json, stderr, stdout, ventana};
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }
    fn run(&self, args: &[&str]) -> Output {
        ventana(self.dir.path()).args(args).output().unwrap()
    }
    fn import(&self, file: &str, extra: &[&str]) -> (Output, Value) {
        let mut args = vec!["import", file, "--json", "--tz", "Europe/Rome"];
        args.extend_from_slice(extra);
        let o = self.run(&args);
        let v = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        (o, v)
    }
    fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.dir.path().join("ventana.db")).unwrap()
    }
    fn contact(&self, psid: &str) -> (Option<i64>, String, Option<String>) {
        self.db()
            .query_row(
                "SELECT last_at, coalesce(name, first_name || ' ' || last_name, first_name), extra
                 FROM contacts WHERE psid = ?1",
                [psid],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                        r.get(2)?,
                    ))
                },
            )
            .unwrap()
    }
}

fn n(v: &Value, k: &str) -> u64 {
    v[k].as_u64()
        .unwrap_or_else(|| panic!("{k} missing in {v}"))
}

fn accounted(v: &Value) {
    assert_eq!(
        n(v, "rows_read"),
        n(v, "inserted") + n(v, "updated") + n(v, "unchanged") + n(v, "rejected"),
        "{v}"
    );
}

const MANYCHAT: &str = "id,page_id,first_name,last_name,locale,timezone,subscribed,last_interaction,last_seen,email
1234567890123456,100,Anna,Rossi,it_IT,+1,2025-01-01T10:00:00+01:00,2026-11-21T20:00:00+01:00,2026-11-21T21:00:00+01:00,anna@example.com
2234567890123456,100,Luis,Peña,es_ES,+1,2025-01-01T10:00:00+01:00,2026-11-22T09:00:00+01:00,false,
,100,NoId,X,,,,,,
2234567890123456,100,Luis,Peña,es_ES,+1,2025-01-01T10:00:00+01:00,2026-11-22T09:30:00+01:00,false,
3234567890123456,100,Old,Man,en_US,,2025-01-01T10:00:00+01:00,2026-11-10T09:00:00+01:00,,
4234567890123456,100,Bad,Date,en_US,,,yesterday,,
";

#[test]
fn a_manychat_export_lands_and_every_row_is_accounted_for() {
    let env = Env::new();
    let f = env.file("manychat.csv", MANYCHAT.as_bytes());
    let (o, v) = env.import(&f, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["delimiter"], ",");
    assert_eq!(v["columns"]["psid"], "id");
    assert_eq!(v["columns"]["last_interaction"], "last_interaction");
    assert_eq!(v["time_format"], "ISO 8601 with offset");
    assert_eq!(
        (
            n(&v, "rows_read"),
            n(&v, "inserted"),
            n(&v, "updated"),
            n(&v, "rejected")
        ),
        (6, 3, 1, 2)
    );
    assert_eq!(n(&v, "duplicates"), 1);
    accounted(&v);
    let rejects = v["rejects"].as_array().unwrap();
    assert_eq!(rejects[0]["line"], 4);
    assert!(
        rejects[0]["reason"]
            .as_str()
            .unwrap()
            .contains("no contact ID")
    );
    assert_eq!(rejects[1]["line"], 7);
    assert!(rejects[1]["reason"].as_str().unwrap().contains("yesterday"));
    // 17-digit IDs stay text; the latest interaction wins; other columns are kept.
    let (at, name, extra) = env.contact("2234567890123456");
    assert_eq!(at, Some(1_795_336_200)); // 2026-11-22T09:30+01:00
    assert_eq!(name, "Luis Peña");
    let (_, _, extra_anna) = env.contact("1234567890123456");
    assert_eq!(extra, None);
    assert_eq!(
        extra_anna.as_deref(),
        Some(r#"{"email":"anna@example.com"}"#)
    );
    // Rejected rows are stored with their line, reason and raw text.
    let raw: String = env
        .db()
        .query_row("SELECT raw FROM import_rejects WHERE line = 7", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(raw.contains("yesterday"), "{raw}");

    let w = json(&env.run(&["windows", "--at", "2026-11-22T10:00:00Z", "--json"]));
    assert_eq!(
        (
            n(&w, "total"),
            n(&w, "open"),
            n(&w, "closed"),
            n(&w, "unknown")
        ),
        (3, 2, 1, 0)
    );
    assert_eq!(
        n(&w, "open") + n(&w, "human_agent_only") + n(&w, "closed") + n(&w, "unknown"),
        n(&w, "total")
    );
    assert_eq!(w["closing_by_hour"].as_array().unwrap().len(), 24);
    let w = json(&env.run(&[
        "windows",
        "--at",
        "2026-11-22T17:30:00Z",
        "--horizon",
        "3h",
        "--json",
    ]));
    assert_eq!(n(&w, "closing"), 1, "{w}"); // Anna's window closes at 19:00 UTC
}

#[test]
fn reimporting_keeps_the_latest_interaction_and_records_the_history() {
    let env = Env::new();
    let f = env.file("a.csv", MANYCHAT.as_bytes());
    env.import(&f, &[]);
    let (_, v) = env.import(&f, &[]);
    assert_eq!(
        (n(&v, "inserted"), n(&v, "updated"), n(&v, "unchanged")),
        (0, 0, 4),
        "{v}"
    );
    // An older export: history grows, the contact keeps its newer interaction.
    let older = MANYCHAT.replace("2026-11-21T20:00:00+01:00", "2026-11-01T08:00:00+01:00");
    let f2 = env.file("older.csv", older.as_bytes());
    let (_, v) = env.import(&f2, &[]);
    accounted(&v);
    let (at, _, _) = env.contact("1234567890123456");
    assert_eq!(at, Some(1_795_287_600));
    let hist: i64 = env
        .db()
        .query_row("SELECT count(*) FROM interactions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(hist, 2, "Luis's earlier 09:00 and Anna's 1 November");
    let imports: i64 = env
        .db()
        .query_row("SELECT count(*) FROM imports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(imports, 3);
}

#[test]
fn dry_run_writes_nothing() {
    let env = Env::new();
    let f = env.file("a.csv", MANYCHAT.as_bytes());
    let (o, v) = env.import(&f, &["--dry-run"]);
    assert!(o.status.success());
    assert_eq!(n(&v, "inserted"), 3);
    assert_eq!(v["dry_run"], true);
    let c: i64 = env
        .db()
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(c, 0);
}

#[test]
fn an_excel_eu_export_in_windows_1252_with_local_day_month_times() {
    let env = Env::new();
    let text = "ID contatto;Nome;Cognome;Città;Ultima interazione\r\n\
                1000000000000001;Niccolò;Peña;Città di Castello;30/03/2025 02:30\r\n\
                1000000000000002;Chiara;\"Rossi; jr\";Roma;21/11/2026 23:15\r\n\
                1000000000000003;Irene;Bianchi;Roma;13/01/2026 09:00\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let f = env.file("contatti.csv", &bytes);
    let (o, v) = env.import(&f, &["--page-id", "555"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(v["encoding"], "windows-1252");
    assert_eq!(v["delimiter"], ";");
    assert_eq!(v["time_format"], "dd/mm/yyyy");
    assert_eq!(n(&v, "inserted"), 3);
    let (at, name, extra) = env.contact("1000000000000001");
    assert_eq!(name, "Niccolò Peña");
    assert_eq!(extra.as_deref(), Some(r#"{"Città":"Città di Castello"}"#));
    // 02:30 on 30 March 2025 does not exist in Rome (clocks jump 02:00 → 03:00): 01:30 UTC.
    assert_eq!(at, Some(1_743_298_200));
    let (at, name, _) = env.contact("1000000000000002");
    assert_eq!(name, "Chiara Rossi; jr");
    assert_eq!(at, Some(1_795_299_300)); // 22:15 UTC
}

#[test]
fn utf16_with_tabs_and_quoted_newlines() {
    let env = Env::new();
    let text = "\u{feff}messenger user id\tfirst name\tlast seen\tnote\n\
                \"9000000000000001\"\tAna\t1795305600000\t\"two\nlines\"\n\
                \"9000000000000002\"\tBea\t1795305600123\t\"tab\there\"\n";
    let mut bytes = Vec::new();
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let f = env.file("chatfuel.tsv", &bytes);
    let (o, v) = env.import(&f, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(v["encoding"], "UTF-16LE");
    assert_eq!(v["delimiter"], "\t");
    assert_eq!(v["time_format"], "epoch milliseconds");
    assert_eq!(n(&v, "inserted"), 2);
    assert!(v["warnings"].to_string().contains("last_seen"), "{v}");
    let (at, _, extra) = env.contact("9000000000000001");
    assert_eq!(at, Some(1_795_305_600));
    assert_eq!(extra.as_deref(), Some(r#"{"note":"two\nlines"}"#));
}

#[test]
fn manychat_api_json_and_web_dump_json() {
    let env = Env::new();
    let api = r#"{"status": "success", "data": [
      {"id": "5000000000000001", "page_id": 777, "first_name": "Sara", "last_name": "Neri",
       "locale": "it_IT", "timezone": "UTC+01", "subscribed": "2025-03-01T10:00:00+01:00",
       "last_interaction": "2026-11-22T08:00:00+01:00", "last_seen": "2026-11-22T08:05:00+01:00",
       "custom_fields": [{"id": 1, "name": "city", "value": "Bari"}], "tags": [{"id": 3, "name": "vip"}]},
      {"id": 5000000000000002, "page_id": 777, "first_name": "Teo", "last_interaction": null}
    ]}"#;
    let f = env.file("api.json", api.as_bytes());
    let (o, v) = env.import(&f, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(v["format"], "json");
    assert_eq!(n(&v, "inserted"), 2);
    let (at, _, extra) = env.contact("5000000000000001");
    assert_eq!(at, Some(1_795_330_800));
    assert!(extra.unwrap().contains("Bari"));
    let (at, _, _) = env.contact("5000000000000002");
    assert_eq!(at, None);

    let dump = "{\"fb_psid\": \"6000000000000001\", \"page_id\": \"777\", \"first_name\": \"Ugo\", \"last_user_interaction\": \"2026-11-22 07:00:00.123456\", \"last_seen\": false}\n\
                {\"fb_psid\": \"6000000000000002\", \"page_id\": \"777\", \"first_name\": \"Vea\", \"last_user_interaction\": false, \"last_seen\": null}\n\
                [1, 2]\n";
    let f = env.file("dump.jsonl", dump.as_bytes());
    let (o, v) = env.import(&f, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(v["format"], "jsonl");
    assert_eq!((n(&v, "inserted"), n(&v, "rejected")), (2, 1));
    accounted(&v);
    // Naive times of ManyChat's web dumps are read as UTC unless a zone is given; this
    // import gives --tz Europe/Rome, so 07:00 is 06:00 UTC.
    let (at, _, _) = env.contact("6000000000000001");
    assert_eq!(at, Some(1_795_330_800 - 3600));

    let epochs = r#"[{"fb_psid": "6000000000000003", "page_id": "777", "last_user_interaction": "2026-11-22 07:00:00", "ts_last_user_interaction": 1795334400}]"#;
    let f = env.file("dump2.json", epochs.as_bytes());
    let (_, v) = env.import(&f, &[]);
    assert_eq!(v["columns"]["last_interaction"], "ts_last_user_interaction");
    assert_eq!(env.contact("6000000000000003").0, Some(1_795_334_400));
}

#[test]
fn a_file_without_an_id_column_names_its_headers_and_the_map_to_use() {
    let env = Env::new();
    let f = env.file(
        "x.csv",
        b"Cliente,Telefono,Quando\nAnna,+39333,2026-11-22 10:00\n",
    );
    let (o, _) = env.import(&f, &[]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("\"Cliente\", \"Telefono\", \"Quando\"") && e.contains("--map psid="),
        "{e}"
    );
    let (o, v) = env.import(
        &f,
        &["--map", "psid=Telefono", "--map", "last_interaction=Quando"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(n(&v, "inserted"), 1);
    assert_eq!(v["time_format"], "YYYY-MM-DD hh:mm (local)");
    assert_eq!(env.contact("+39333").0, Some(1_795_338_000)); // 10:00 in Rome = 09:00 UTC
}

#[test]
fn ambiguous_day_month_dates_are_reported_and_follow_date_order() {
    let env = Env::new();
    let f = env.file(
        "d.csv",
        b"id,last_interaction\n1,03/04/2026 10:00\n2,05/06/2026 10:00\n",
    );
    let (_, v) = env.import(&f, &[]);
    assert!(v["warnings"].to_string().contains("--date-order"), "{v}");
    assert_eq!(env.contact("1").0, Some(1_775_203_200)); // 3 April, 10:00 CEST
    let env = Env::new();
    let f = env.file(
        "d.csv",
        b"id,last_interaction\n1,03/04/2026 10:00\n2,05/06/2026 10:00\n",
    );
    let (_, v) = env.import(&f, &["--date-order", "mdy"]);
    assert_eq!(v["time_format"], "mm/dd/yyyy");
    accounted(&v);
    assert_eq!(env.contact("1").0, Some(1_772_614_800)); // 4 March, 10:00 CET
}

#[test]
fn ragged_rows_are_rejected_per_line_and_the_rest_lands() {
    let env = Env::new();
    let f = env.file(
        "r.csv",
        b"id;name;last_interaction\n1;Anna;2026-11-22T10:00:00Z\n2;Bea;x;2026-11-22T10:00:00Z\n3;Cid\n4;Dora;2026-11-22T10:00:00Z;;\n",
    );
    let (o, v) = env.import(&f, &[]);
    assert!(o.status.success());
    assert_eq!((n(&v, "inserted"), n(&v, "rejected")), (2, 2), "{v}");
    let reasons = v["rejects"].to_string();
    assert!(
        reasons.contains("line 3 has 4 fields but the header has 3"),
        "{reasons}"
    );
    assert!(reasons.contains("line 4 has 2 fields"), "{reasons}");
}

#[test]
fn broken_files_get_a_sentence_and_exit_1() {
    let env = Env::new();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("empty.csv", Vec::new(), "empty"),
        ("blank.csv", b"\xef\xbb\xbf \n\n".to_vec(), "empty"),
        ("header.csv", b"id,last_interaction\n".to_vec(), "no rows"),
        (
            "sheet.csv",
            b"PK\x03\x04\x14\x00\x06\x00garbage".to_vec(),
            "CSV",
        ),
        (
            "bad.csv",
            b"id,last_interaction\n,2026-11-22T10:00:00Z\n,2026-11-22T10:00:00Z\n".to_vec(),
            "every row was rejected",
        ),
    ];
    for (name, bytes, expect) in cases {
        let f = env.file(name, &bytes);
        let o = env.run(&["import", &f]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(expect), "{name}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{name}");
    }
    let mut garbage = Vec::new();
    let mut x: u32 = 7;
    for _ in 0..200_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        garbage.push((x >> 16) as u8);
    }
    let f = env.file("garbage.bin", &garbage);
    let o = env.run(&["import", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("does not look like a CSV or JSON export"),
        "{}",
        stderr(&o)
    );
    let o = env.run(&["import", "/nonexistent/file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read it"), "{}", stderr(&o));
    let o = env.run(&["import", "x.csv", "--tz", "Mars/Olympus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("time zone"), "{}", stderr(&o));
}

#[test]
fn a_50_mb_single_line_is_reported_not_a_crash() {
    let env = Env::new();
    let mut bytes = b"id,name,last_interaction\n1,".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 50 << 20));
    bytes.extend_from_slice(b",2026-11-22T10:00:00Z\n2,Bea,2026-11-22T10:00:00Z\n");
    let f = env.file("long.csv", &bytes);
    let (o, v) = env.import(&f, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(n(&v, "inserted"), 2);
    let one_line = env.file("one.csv", &vec![b'x'; 50 << 20]);
    let o = env.run(&["import", &one_line]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn a_database_from_a_newer_ventana_is_refused() {
    let env = Env::new();
    let f = env.file("a.csv", MANYCHAT.as_bytes());
    env.import(&f, &[]);
    env.db().execute_batch("PRAGMA user_version = 42").unwrap();
    let o = env.run(&["windows"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("newer Ventana"), "{}", stderr(&o));
}

/// Writes `rows` contacts quickly (for the kill test).
fn big_export(path: &Path, rows: u64) {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(w, "id,page_id,first_name,last_interaction").unwrap();
    for i in 0..rows {
        let id = (i * 2_654_435_761) % 9_000_000_000_000_000 + 1_000_000_000_000_000;
        writeln!(w, "{id},1,Name{i},2026-11-{:02}T10:00:00Z", 1 + i % 20).unwrap();
    }
}

#[test]
fn a_killed_import_leaves_the_database_exactly_as_before() {
    let env = Env::new();
    let small = env.file("a.csv", MANYCHAT.as_bytes());
    env.import(&small, &[]);
    let snapshot = |env: &Env| -> (i64, i64, i64) {
        let db = env.db();
        let ok: String = db
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        (
            db.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
                .unwrap(),
            db.query_row(
                "SELECT coalesce(sum(last_at % 1000003), 0) FROM contacts",
                [],
                |r| r.get(0),
            )
            .unwrap(),
            db.query_row("SELECT count(*) FROM imports", [], |r| r.get(0))
                .unwrap(),
        )
    };
    let before = snapshot(&env);
    let big = env.dir.path().join("big.csv");
    big_export(&big, 600_000);
    let mut child = ventana(env.dir.path())
        .args(["import", big.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has written part of the transaction (big imports write the database
    // file under a rollback journal; smaller ones the WAL).
    let size = |name: &str| {
        std::fs::metadata(env.dir.path().join(name))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    let initial = size("ventana.db") + size("ventana.db-wal");
    let start = std::time::Instant::now();
    while size("ventana.db") + size("ventana.db-wal") < initial + (4 << 20)
        && start.elapsed() < std::time::Duration::from_secs(60)
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        start.elapsed() < std::time::Duration::from_secs(60),
        "the WAL never grew"
    );
    assert_eq!(snapshot(&env), before);
    // And the database is still usable.
    let (o, v) = env.import(&small, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(n(&v, "inserted"), 0);
    let _ = stdout(&o);
}
