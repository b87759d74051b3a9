//! Cue lexicons: phrases and patterns per language (TOML in `assets/lexicon/`), compiled into
//! one Aho-Corasick automaton per kind plus a few regexes, matched on accent-folded text with
//! spans mapped back to the original bytes.

use std::collections::HashSet;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Deserialize;

use super::Category;
use crate::i18n::Lang;
use crate::policy::Purpose;

/// The lexicon files built into the binary.
pub const EMBEDDED: [(&str, &str); 4] = [
    (
        "common.toml",
        include_str!("../../assets/lexicon/common.toml"),
    ),
    ("en.toml", include_str!("../../assets/lexicon/en.toml")),
    ("it.toml", include_str!("../../assets/lexicon/it.toml")),
    ("es.toml", include_str!("../../assets/lexicon/es.toml")),
];

/// A lexicon file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// Unreadable file.
    #[error("{path}: cannot read it ({source})")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// Invalid content.
    #[error("{file}, line {line}{}: {message}", field.as_deref().map(|f| format!(", field `{f}`")).unwrap_or_default())]
    Invalid {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The field at fault.
        field: Option<String>,
        /// What is wrong.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    language: Option<Lang>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    cue: Vec<RawCue>,
    #[serde(default)]
    topic: Vec<RawTopic>,
    #[serde(default)]
    pattern: Vec<toml::Spanned<RawPattern>>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCue {
    category: Category,
    #[serde(default)]
    weight: Option<f32>,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    topic: String,
    purpose: Purpose,
    #[serde(default = "one")]
    weight: f32,
    phrases: Vec<String>,
}

fn one() -> f32 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    id: String,
    category: Option<Category>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    purpose: Option<Purpose>,
    #[serde(default)]
    weight: Option<f32>,
    regex: String,
}

/// What a lexicon entry signals.
#[derive(Clone, Debug, PartialEq)]
pub enum Signal {
    /// A promotional (or other) cue, reported as a finding.
    Cue(Category),
    /// A topic of the message, for its purpose and tag.
    Topic {
        /// Topic name (`shipping`, `appointment`…).
        topic: String,
        /// The purpose it points to.
        purpose: Purpose,
    },
    /// A phrase that only exists to hide a shorter cue ("feel free" hides "free").
    Exclude,
}

/// One matchable entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id, e.g. `it.discount`.
    pub id: String,
    /// What it signals.
    pub signal: Signal,
    /// Weight of one match.
    pub weight: f32,
    /// Matches the rest of the word too (`offert*`).
    prefix: bool,
}

/// A match of an entry in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// Byte span in the original text.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
}

/// The compiled cues and topics of one language (plus the language-neutral ones).
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// The language, `None` for the language-neutral file.
    pub lang: Option<Lang>,
    /// Function words for language identification.
    pub stopwords: HashSet<String>,
    /// All entries; hits point into this.
    pub entries: Vec<Entry>,
    cues: Option<AhoCorasick>,
    cue_entry: Vec<usize>,
    topics: Option<AhoCorasick>,
    topic_entry: Vec<usize>,
    patterns: Vec<(Regex, usize)>,
}

impl Lexicon {
    /// Parses one lexicon file.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let raw: RawLexicon = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            LexiconError::Invalid {
                file: file.to_string(),
                line: line_of(text, offset),
                field: None,
                message: e.message().trim_end().to_string(),
            }
        })?;
        let prefix = raw.language.map_or("common", Lang::code);
        let mut entries = Vec::new();
        let mut cue_phrases = Vec::new();
        let mut cue_entry = Vec::new();
        let mut topic_phrases = Vec::new();
        let mut topic_entry = Vec::new();

        let mut add_phrases = |signal: Signal,
                               id: String,
                               weight: f32,
                               phrases: &[String],
                               target: &mut Vec<String>,
                               map: &mut Vec<usize>| {
            for phrase in phrases {
                let (body, is_prefix) = match phrase.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (phrase.as_str(), false),
                };
                let folded = fold(body);
                if folded.trim().is_empty() {
                    continue;
                }
                map.push(entries.len());
                target.push(folded.trim().to_string());
                entries.push(Entry {
                    id: id.clone(),
                    signal: signal.clone(),
                    weight,
                    prefix: is_prefix,
                });
            }
        };
        for cue in &raw.cue {
            let id = format!("{prefix}.{}", cue.category.as_str());
            let weight = cue.weight.unwrap_or(cue.category.default_weight());
            add_phrases(
                Signal::Cue(cue.category),
                id,
                weight,
                &cue.phrases,
                &mut cue_phrases,
                &mut cue_entry,
            );
        }
        add_phrases(
            Signal::Exclude,
            format!("{prefix}.exclude"),
            0.0,
            &raw.exclude,
            &mut cue_phrases,
            &mut cue_entry,
        );
        for topic in &raw.topic {
            add_phrases(
                Signal::Topic {
                    topic: topic.topic.clone(),
                    purpose: topic.purpose,
                },
                format!("{prefix}.topic.{}", topic.topic),
                topic.weight,
                &topic.phrases,
                &mut topic_phrases,
                &mut topic_entry,
            );
        }

        let mut patterns = Vec::new();
        for p in raw.pattern {
            let span = p.span();
            let p = p.into_inner();
            let invalid = |field: &str, message: String| LexiconError::Invalid {
                file: file.to_string(),
                line: line_of(text, span.start),
                field: Some(field.to_string()),
                message,
            };
            let re = Regex::new(&ascii_word_boundaries(&p.regex))
                .map_err(|e| invalid("regex", e.to_string()))?;
            let signal = match (p.category, p.topic, p.purpose) {
                (Some(c), None, None) => Signal::Cue(c),
                (None, Some(topic), Some(purpose)) => Signal::Topic { topic, purpose },
                _ => {
                    return Err(invalid(
                        "category",
                        "give either `category`, or `topic` with `purpose`".into(),
                    ));
                }
            };
            let weight = p.weight.unwrap_or(match &signal {
                Signal::Cue(c) => c.default_weight(),
                _ => 1.0,
            });
            patterns.push((re, entries.len()));
            entries.push(Entry {
                id: format!("{prefix}.{}", p.id),
                signal,
                weight,
                prefix: false,
            });
        }

        let build = |phrases: &[String]| -> Result<Option<AhoCorasick>, LexiconError> {
            if phrases.is_empty() {
                return Ok(None);
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(phrases)
                .map(Some)
                .map_err(|e| LexiconError::Invalid {
                    file: file.to_string(),
                    line: 1,
                    field: Some("phrases".into()),
                    message: e.to_string(),
                })
        };
        Ok(Lexicon {
            lang: raw.language,
            stopwords: raw.stopwords.iter().map(|w| fold(w)).collect(),
            cues: build(&cue_phrases)?,
            topics: build(&topic_phrases)?,
            entries,
            cue_entry,
            topic_entry,
            patterns,
        })
    }

    /// Loads a lexicon file from disk.
    pub fn load(path: &Path) -> Result<Lexicon, LexiconError> {
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Lexicon::parse(&path.display().to_string(), &text)
    }

    /// Every cue and topic hit in `text` (whose folded form is `folded`).
    pub fn hits(&self, text: &str, folded: &Folded) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (ac, map) in [
            (&self.cues, &self.cue_entry),
            (&self.topics, &self.topic_entry),
        ] {
            let Some(ac) = ac else { continue };
            for m in ac.find_iter(folded.text.as_str()) {
                let entry = map[m.pattern().as_usize()];
                let Some((s, e)) = folded.word_span(m.start(), m.end(), self.entries[entry].prefix)
                else {
                    continue;
                };
                if self.entries[entry].signal == Signal::Exclude {
                    continue;
                }
                hits.push(Hit {
                    entry,
                    start: folded.orig_start(s),
                    end: folded.orig_end(e),
                });
            }
        }
        for (re, entry) in &self.patterns {
            // A group named `cue` narrows the span to the words that matter (the context
            // around them only decides whether they match).
            let narrowed = re.capture_names().any(|n| n == Some("cue"));
            if narrowed {
                for c in re.captures_iter(text) {
                    if let Some(m) = c.name("cue").filter(|m| m.start() < m.end()) {
                        hits.push(Hit {
                            entry: *entry,
                            start: m.start(),
                            end: m.end(),
                        });
                    }
                }
                continue;
            }
            for m in re.find_iter(text) {
                if m.start() < m.end() {
                    hits.push(Hit {
                        entry: *entry,
                        start: m.start(),
                        end: m.end(),
                    });
                }
            }
        }
        hits
    }

    /// How many words of `words` (already folded) are function words of this language.
    pub fn stopword_hits<'a>(&self, words: impl Iterator<Item = &'a str>) -> usize {
        words.filter(|w| self.stopwords.contains(*w)).count()
    }
}

/// Turns `\b` into an ASCII word boundary. A Unicode `\b` makes the regex engine fall back
/// to its slowest mode on accented text; cue patterns anchor on ASCII letters, digits and
/// symbols, so the ASCII boundary finds the same matches.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Text folded for matching (lowercase, accents removed, whitespace runs collapsed), with a
/// map back to the original byte offsets.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the original byte offset of the char it came from; one extra
    /// entry holds the original length.
    orig: Vec<u32>,
    /// For each byte of `text`, the original offset just after its char.
    orig_after: Vec<u32>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(text.len()),
            orig: Vec::with_capacity(text.len() + 1),
            orig_after: Vec::with_capacity(text.len() + 1),
        };
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            let after = (i + c.len_utf8()) as u32;
            if c.is_whitespace() {
                if in_space {
                    if let Some(last) = out.orig_after.last_mut() {
                        *last = after;
                    }
                    continue;
                }
                in_space = true;
                out.push(' ', i as u32, after);
                continue;
            }
            in_space = false;
            out.push(fold_char(c), i as u32, after);
        }
        out.orig.push(text.len() as u32);
        out.orig_after.push(text.len() as u32);
        out
    }

    fn push(&mut self, c: char, from: u32, after: u32) {
        let before = self.text.len();
        self.text.push(c);
        for _ in before..self.text.len() {
            self.orig.push(from);
            self.orig_after.push(after);
        }
    }

    fn orig_start(&self, i: usize) -> usize {
        self.orig.get(i).copied().unwrap_or_default() as usize
    }

    fn orig_end(&self, end: usize) -> usize {
        // `end` is exclusive: the original end is the end of the char before it.
        match end.checked_sub(1) {
            Some(last) => self.orig_after.get(last).copied().unwrap_or_default() as usize,
            None => 0,
        }
    }

    /// Checks word boundaries around a match and, for prefix entries, extends it to the end
    /// of the word. `None` when the match sits inside a longer word.
    fn word_span(&self, start: usize, end: usize, prefix: bool) -> Option<(usize, usize)> {
        let before = self.text[..start].chars().next_back();
        let first_is_word = self.text[start..end]
            .chars()
            .next()
            .is_some_and(is_word_char);
        if first_is_word && before.is_some_and(is_word_char) {
            return None;
        }
        let rest = &self.text[end..];
        if prefix {
            let extra: usize = rest
                .chars()
                .take_while(|c| is_word_char(*c))
                .map(char::len_utf8)
                .sum();
            return Some((start, end + extra));
        }
        let last_edge = self.text[start..end]
            .chars()
            .next_back()
            .is_some_and(is_word_char);
        if last_edge && rest.chars().next().is_some_and(is_word_char) {
            return None;
        }
        Some((start, end))
    }

    /// The folded words of the text.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.text
            .split(|c: char| !is_word_char(c) && c != '\'')
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Lowercase, accents removed, typographic quotes made plain.
pub(crate) fn fold_char(c: char) -> char {
    let lower = if c.is_uppercase() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(one), None) => one,
            _ => c,
        }
    } else {
        c
    };
    match lower {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' => '-',
        other => other,
    }
}

/// Folds a phrase or word the same way text is folded.
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_a_map_to_the_original() {
        let text = "Sólo  HOY: ¡Última   oportunidad!";
        let f = Folded::new(text);
        assert_eq!(f.text, "solo hoy: ¡ultima oportunidad!");
        let i = f.text.find("ultima").unwrap();
        let (s, e) = (f.orig_start(i), f.orig_end(i + "ultima oportunidad".len()));
        assert_eq!(&text[s..e], "Última   oportunidad");
    }

    #[test]
    fn phrases_match_whole_words_and_prefixes() {
        let lex = Lexicon::parse(
            "t.toml",
            r#"
language = "it"
exclude = ["offerta di lavoro"]
[[cue]]
category = "sale"
phrases = ["offert*", "saldi"]
"#,
        )
        .unwrap();
        let text = "Le OFFERTE e i saldi, ma non i saldini. Un'offerta di lavoro.";
        let f = Folded::new(text);
        let got: Vec<&str> = lex
            .hits(text, &f)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(got, ["OFFERTE", "saldi"]);
    }

    #[test]
    fn bad_regex_names_line_and_field() {
        let err = Lexicon::parse(
            "x.toml",
            "language = \"en\"\n\n[[pattern]]\nid = \"p\"\ncategory = \"price\"\nregex = \"(\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("x.toml, line 3, field `regex`"), "{err}");
    }

    #[test]
    fn embedded_lexicons_load() {
        for (name, text) in EMBEDDED {
            Lexicon::parse(name, text).unwrap();
        }
    }
}
