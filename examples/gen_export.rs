//! Writes large synthetic contact exports in the shapes Ventana reads, for the import
//! benchmark: `cargo run --release --example gen_export -- SHAPE ROWS OUT`.
//!
//! Shapes: `manychat` (comma, UTF-8, ISO 8601 with offset), `excel-eu` (semicolon,
//! Windows-1252, dd/mm/yyyy hh:mm local time, Italian headers), `chatfuel` (comma, UTF-8,
//! millisecond epoch strings). IDs come in random order, as real exports do.

use std::fs::File;
use std::io::{BufWriter, Write};

const FIRST: [&str; 12] = [
    "Giulia",
    "Niccolò",
    "María",
    "José",
    "Anna",
    "Lucía",
    "Francesco",
    "Chiara",
    "Iñigo",
    "Sofía",
    "Emma",
    "Oliver",
];
const LAST: [&str; 12] = [
    "Rossi",
    "Bianchi",
    "García",
    "Fernández",
    "Smith",
    "Müller",
    "Colombo",
    "Peña",
    "Ricci",
    "Martínez",
    "Brown",
    "Esposito",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn civil(days: i64) -> (i64, u32, u32) {
    // Days since 1970-01-01 to (year, month, day), Howard Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(shape), Some(rows), Some(out)) = (args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: gen_export manychat|excel-eu|chatfuel ROWS OUT");
        std::process::exit(2);
    };
    let rows: u64 = rows.parse().unwrap_or(1_000_000);
    let mut w = BufWriter::with_capacity(1 << 20, File::create(out)?);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // Interactions spread over the 30 days before 2026-11-22.
    let end = 1_795_305_600i64;
    let latin1 = |s: &str| -> Vec<u8> { s.chars().map(|c| u32::from(c).min(255) as u8).collect() };
    match shape.as_str() {
        "manychat" => writeln!(w, "id,page_id,first_name,last_name,locale,timezone,subscribed,last_interaction,last_seen,email,tags")?,
        "excel-eu" => w.write_all(&latin1("ID contatto;Nome;Cognome;Lingua;Città;Iscritto il;Ultima interazione;Ultimo accesso;Note\r\n"))?,
        "chatfuel" => writeln!(w, "messenger user id,first name,last name,gender,locale,signed up,last seen,last visited block name")?,
        other => {
            eprintln!("unknown shape {other}");
            std::process::exit(2);
        }
    }
    for i in 0..rows {
        let psid = 1_000_000_000_000_000 + rng.next() % 9_000_000_000_000_000;
        let page = 100_000_000_000_000 + rng.next() % 3;
        let first = FIRST[(rng.next() % 12) as usize];
        let last = LAST[(rng.next() % 12) as usize];
        let t = end - (rng.next() % (30 * 86_400)) as i64;
        let sub = t - (rng.next() % (400 * 86_400)) as i64;
        let seen = t + (rng.next() % 3600) as i64;
        let iso = |t: i64| {
            let local = t + 3600;
            let (y, m, d) = civil(local.div_euclid(86_400));
            let s = local.rem_euclid(86_400);
            format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+01:00",
                s / 3600,
                s / 60 % 60,
                s % 60
            )
        };
        let eu = |t: i64| {
            let local = t + 3600;
            let (y, m, d) = civil(local.div_euclid(86_400));
            let s = local.rem_euclid(86_400);
            format!("{d:02}/{m:02}/{y:04} {:02}:{:02}", s / 3600, s / 60 % 60)
        };
        match shape.as_str() {
            "manychat" => writeln!(
                w,
                "{psid},{page},{first},{last},it_IT,+1,{},{},{},user{i}@example.com,\"vip,promo\"",
                iso(sub),
                iso(t),
                iso(seen)
            )?,
            "excel-eu" => w.write_all(&latin1(&format!(
                "{psid};{first};{last};it;Città di Castello;{};{};{};\"Cliente; fedele\"\r\n",
                eu(sub),
                eu(t),
                eu(seen)
            )))?,
            _ => writeln!(
                w,
                "\"{psid}\",{first},{last},female,es_ES,\"{}\",\"{}\",Welcome",
                sub * 1000,
                t * 1000
            )?,
        }
    }
    w.flush()
}
