//! Placeholders in message templates (`{{1}}`, `{first_name}`, `%COUPON%`, `:order_id`…):
//! finding them, and filling them with sample values so the filled text can be checked.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII classes and a literal first byte in every branch keep this fast on long texts.
    crate::constant_regex(concat!(
        r"\{\{[^{}\n]+\}\}", // {{1}}, {{ object.name }}, {{var order.id}}
        r"|\$?\{ ?\$?[A-Za-z_][A-Za-z0-9_.]{0,40} ?\}", // {first_name}, ${name}, {$Title}
        r"|%\([A-Za-z_][A-Za-z0-9_]{0,40}\)[sd]", // %(site_name)s
        r"|%[A-Z][A-Z0-9_]{1,40}%", // %COUPON%
        r"|#[A-Z][A-Z0-9_]{1,40}#", // #NAME#
        r"|:[a-z][a-z0-9]*_[a-z0-9_]+", // :order_id (snake case only)
    ))
});

/// A placeholder found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    /// Byte span in the text.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// The placeholder as written, e.g. `{first_name}`.
    pub token: String,
}

/// Every placeholder in `text`, in order.
pub fn find(text: &str) -> Vec<Placeholder> {
    PLACEHOLDER
        .find_iter(text)
        .filter(|m| {
            let token = m.as_str();
            if token.starts_with(':') {
                // `:name` only at the start of a word, not in "10:30" or "https://x".
                let before = text[..m.start()].chars().next_back();
                return before.is_none_or(|c| c.is_whitespace() || c == '(');
            }
            token.len() <= 84
        })
        .map(|m| Placeholder {
            start: m.start(),
            end: m.end(),
            token: m.as_str().to_string(),
        })
        .collect()
}

/// The distinct placeholder tokens of `text`, sorted.
pub fn tokens(text: &str) -> Vec<String> {
    let mut t: Vec<String> = find(text).into_iter().map(|p| p.token).collect();
    t.sort();
    t.dedup();
    t
}

/// `text` with every placeholder that has a non-empty sample value replaced by it.
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for p in find(text) {
        if let Some(v) = values.get(&p.token).filter(|v| !v.is_empty()) {
            out.push_str(&text[last..p.start]);
            out.push_str(v);
            last = p.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Where the byte span `start..end` of `fill(text, values)` lies in `text`: outside filled
/// values it moves by the length the values changed before it; an end inside a value (or a
/// start) takes in the whole placeholder it replaced.
pub fn unfill_span(
    text: &str,
    values: &BTreeMap<String, String>,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let map = |pos: usize, is_end: bool| -> usize {
        // Bytes the filled text has more (or fewer) than the typed one before `pos`.
        let mut delta: isize = 0;
        for p in find(text) {
            let Some(v) = values.get(&p.token).filter(|v| !v.is_empty()) else {
                continue;
            };
            let value_start = p.start.saturating_add_signed(delta);
            let value_end = value_start + v.len();
            if pos < value_start || (is_end && pos == value_start) {
                break;
            }
            if pos < value_end || (is_end && pos == value_end) {
                return if is_end { p.end } else { p.start };
            }
            delta += v.len() as isize - (p.end - p.start) as isize;
        }
        pos.saturating_add_signed(-delta).min(text.len())
    };
    (map(start, false), map(end, true))
}

/// `text` with placeholders and links blanked out (same length, same offsets), for language
/// identification: `{{ object.name }}` says nothing about the language.
pub fn blank_for_language(text: &str) -> String {
    let mut bytes: Vec<u8> = text.as_bytes().to_vec();
    let mut blank = |s: usize, e: usize| {
        for b in &mut bytes[s..e] {
            *b = b' ';
        }
    };
    for p in find(text) {
        blank(p.start, p.end);
    }
    for m in super::LINK.find_iter(text) {
        blank(m.start(), m.end());
    }
    // Spans lie on char boundaries and are replaced by ASCII spaces, so this stays UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_common_styles() {
        let text = "Hi {first_name}, order :order_id {{1}} %COUPON% #NAME# %(site)s {{ object.name }} {$Title}";
        assert_eq!(
            tokens(text),
            [
                "#NAME#",
                "%(site)s",
                "%COUPON%",
                ":order_id",
                "{$Title}",
                "{first_name}",
                "{{ object.name }}",
                "{{1}}"
            ]
        );
        assert!(find("Ore 10:30, prezzo: 5 euro").is_empty());
    }

    #[test]
    fn spans_of_the_filled_text_map_back_onto_the_typed_one() {
        let mut v = BTreeMap::new();
        v.insert("{first_name}".to_string(), "Anna".to_string());
        let typed = "Hi {first_name}, SAVE10 now";
        let filled = fill(typed, &v);
        let at = filled.find("SAVE10").unwrap();
        let (s, e) = unfill_span(typed, &v, at, at + 6);
        assert_eq!(&typed[s..e], "SAVE10");
        // A span inside a value, or across it, covers the placeholder.
        assert_eq!(unfill_span(typed, &v, 4, 6), (3, 15));
        assert_eq!(unfill_span(typed, &v, 0, 9), (0, 17));
    }

    proptest::proptest! {
        // Any span of the filled text that leaves the values alone reads the same in the
        // typed text; any span maps to one on character boundaries.
        #[test]
        fn unfilled_spans_read_the_same(
            parts in proptest::collection::vec(("[a-zé ,!]{0,6}", proptest::option::of("[A-Zñ]{0,5}")), 1..6),
            a in 0usize..80,
            b in 0usize..80,
        ) {
            let mut typed = String::new();
            let mut v = BTreeMap::new();
            for (k, (plain, value)) in parts.iter().enumerate() {
                typed.push_str(plain);
                typed.push_str(&format!(" {{p{k}}} "));
                if let Some(value) = value {
                    v.insert(format!("{{p{k}}}"), value.clone());
                }
            }
            let filled = fill(&typed, &v);
            let (mut a, mut b) = (a.min(filled.len()), b.min(filled.len()));
            if a > b { std::mem::swap(&mut a, &mut b); }
            while !filled.is_char_boundary(a) { a -= 1; }
            while !filled.is_char_boundary(b) { b += 1; }
            let (s, e) = unfill_span(&typed, &v, a, b);
            proptest::prop_assert!(s <= e && e <= typed.len());
            proptest::prop_assert!(typed.is_char_boundary(s) && typed.is_char_boundary(e));
            let inside_value = find(&typed).iter().any(|p| v.get(&p.token).is_some_and(|x| !x.is_empty()) && {
                let (fs, fe) = {
                    let before = fill(&typed[..p.start], &v).len();
                    (before, before + v[&p.token].len())
                };
                a < fe && b > fs || (a == b && a > fs && a < fe)
            });
            if !inside_value {
                proptest::prop_assert_eq!(&typed[s..e], &filled[a..b]);
            }
        }
    }

    #[test]
    fn fills_only_given_values() {
        let mut v = BTreeMap::new();
        v.insert("{{1}}".to_string(), "Anna".to_string());
        v.insert("{code}".to_string(), String::new());
        assert_eq!(fill("Ciao {{1}}, usa {code}", &v), "Ciao Anna, usa {code}");
    }

    #[test]
    fn blanking_keeps_offsets() {
        let text = "Ciao {{ object.name }}, vedi https://x.it/a è tutto";
        let b = blank_for_language(text);
        assert_eq!(b.len(), text.len());
        assert!(!b.contains("object"));
        assert!(!b.contains("https"));
        assert!(b.ends_with("è tutto"));
    }
}
