//! Which language a message is written in: English, Italian, Spanish, another language, or
//! too little text to tell. Function-word counts from the lexicons decide among the three
//! supported languages; whatlang's trigram model tells them apart from every other language.

use serde::Serialize;
use whatlang::Lang as WLang;

use super::lexicon::Folded;
use crate::i18n::Lang;

/// The outcome of language identification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detected {
    /// A language Ventana checks.
    Supported {
        /// The language.
        lang: Lang,
    },
    /// Another language, by ISO 639-3 code and English name.
    Other {
        /// ISO 639-3 code.
        code: String,
        /// English name.
        name: String,
    },
    /// Too little text to tell.
    Undetermined,
}

impl Detected {
    /// The supported language, if it is one.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Detected::Supported { lang } => Some(*lang),
            _ => None,
        }
    }

    /// A short code for reports: `en`, `it`, `es`, the ISO 639-3 code, or `und`.
    pub fn code(&self) -> &str {
        match self {
            Detected::Supported { lang } => lang.code(),
            Detected::Other { code, .. } => code,
            Detected::Undetermined => "und",
        }
    }
}

/// At most `max` bytes of `text`, cut on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn to_supported(l: WLang) -> Option<Lang> {
    match l {
        WLang::Eng => Some(Lang::En),
        WLang::Ita => Some(Lang::It),
        WLang::Spa => Some(Lang::Es),
        _ => None,
    }
}

/// Identifies the language of `text` (already stripped of placeholders and links), given
/// the number of function words of each supported language among its words.
pub fn detect(text: &str, folded: &Folded, stopword_hits: [usize; 3]) -> Detected {
    let words = folded
        .words()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let (best_i, best_hits) = stopword_hits
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|&(i, n)| (n, usize::MAX - i))
        .unwrap_or((0, 0));
    let second = stopword_hits
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best_i)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);

    // Plenty of one language's function words settles it without the trigram model.
    if best_hits >= 4 && best_hits >= 2 * second && best_hits as f64 >= 0.12 * words as f64 {
        return Detected::Supported {
            lang: Lang::ALL[best_i],
        };
    }
    // The trigram model needs a few hundred characters, not the whole message.
    let text = prefix(text, 600);
    let info = whatlang::detect(text);
    // A reliable verdict for a language we do not check, with few of our function words,
    // means the text is in that other language.
    if let Some(info) = &info
        && to_supported(info.lang()).is_none()
        && info.confidence() > 0.5
        && words >= 3
        && (best_hits as f64) < 0.2 * words as f64
    {
        return Detected::Other {
            code: info.lang().code().to_string(),
            name: info.lang().eng_name().to_string(),
        };
    }
    if best_hits >= 2 && best_hits > second {
        return Detected::Supported {
            lang: Lang::ALL[best_i],
        };
    }
    // Few or tied function words: let the trigram model choose among the three.
    let among = whatlang::Detector::with_allowlist(vec![WLang::Eng, WLang::Ita, WLang::Spa]);
    match among.detect(text) {
        Some(i) if words >= 2 && (i.confidence() > 0.2 || best_hits > 0) => {
            let lang = to_supported(i.lang()).unwrap_or(Lang::En);
            // A tie in function words is broken by the model only among the tied ones.
            if best_hits > 0 && stopword_hits[lang.index()] < best_hits {
                return Detected::Supported {
                    lang: Lang::ALL[best_i],
                };
            }
            Detected::Supported { lang }
        }
        _ if best_hits > 0 && best_hits > second => Detected::Supported {
            lang: Lang::ALL[best_i],
        },
        _ => Detected::Undetermined,
    }
}
