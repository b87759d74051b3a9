//! Which language a message is written in: English, Italian, Spanish, another language, or
//! too little text to tell. Function-word counts from the lexicons decide among the three
//! supported languages; whatlang's trigram model tells them apart from every other language.

use std::collections::HashMap;
use std::sync::LazyLock;

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

/// Function words of the languages most often mistaken for Italian or Spanish, that are
/// not function words of English, Italian or Spanish: evidence that a text the trigram model
/// puts in one of them really is in it.
const DISTINCTIVE: [(WLang, &[&str]); 6] = [
    (
        WLang::Fra,
        &[
            "le",
            "les",
            "des",
            "du",
            "vous",
            "votre",
            "vos",
            "est",
            "avec",
            "pour",
            "sur",
            "dans",
            "une",
            "nous",
            "notre",
            "nos",
            "sont",
            "ce",
            "cette",
            "ces",
            "au",
            "aux",
            "et",
            "pas",
            "été",
            "à",
            "où",
            "mais",
            "leur",
            "toute",
            "tous",
            "chez",
            "très",
            "remise",
            "livraison",
            "offert",
            "offerte",
            "bonjour",
            "merci",
            "commande",
            "achat",
            "aujourd",
            "seulement",
            "gratuite",
            "rendez",
            "confirmé",
            "avis",
            "soldes",
            "jusqu",
            "sélection",
            "boutique",
        ],
    ),
    (
        WLang::Por,
        &[
            "você",
            "vocês",
            "não",
            "são",
            "uma",
            "seu",
            "sua",
            "seus",
            "suas",
            "foi",
            "ao",
            "aos",
            "pelo",
            "pela",
            "também",
            "já",
            "até",
            "obrigado",
            "obrigada",
            "em",
            "nossa",
            "nosso",
            "às",
            "grátis",
            "frete",
            "olá",
            "desconto",
            "descontos",
            "aproveite",
            "loja",
            "neste",
            "nesta",
            "fim",
            "hoje",
            "agora",
            "amanhã",
            "promoção",
            "obrigado",
        ],
    ),
    (
        WLang::Deu,
        &[
            "und", "der", "die", "das", "ist", "nicht", "mit", "für", "auf", "sie", "ihr", "ihre",
            "wir", "uns", "zu", "den", "dem", "ein", "eine", "bei", "von", "im", "sind", "auch",
            "oder", "nur", "jetzt", "heute", "hallo", "danke",
        ],
    ),
    (
        WLang::Nld,
        &[
            "het",
            "een",
            "van",
            "voor",
            "met",
            "op",
            "niet",
            "je",
            "jouw",
            "uw",
            "wij",
            "ons",
            "zijn",
            "bij",
            "naar",
            "nu",
            "alleen",
            "vandaag",
            "korting",
            "bedankt",
            "verzending",
            "alles",
            "bestelling",
            "verzonden",
            "komt",
            "aan",
            "afspraak",
            "bevestigd",
            "uur",
            "aankoop",
            "achter",
            "deze",
            "prijs",
        ],
    ),
    (
        WLang::Ron,
        &[
            "și",
            "în",
            "cu",
            "pe",
            "pentru",
            "este",
            "sunt",
            "vă",
            "să",
            "din",
            "ale",
            "azi",
            "doar",
            "toate",
            "reduceri",
            "mulțumim",
            "comanda",
            "fost",
            "ajunge",
            "joi",
            "până",
            "reducere",
            "articolele",
            "selectate",
            "mâine",
            "ora",
            "programarea",
            "părerea",
            "comenzile",
            "peste",
            "lei",
            "stoc",
        ],
    ),
    (
        WLang::Cat,
        &[
            "amb",
            "els",
            "és",
            "als",
            "només",
            "també",
            "teva",
            "teu",
            "aquest",
            "aquesta",
            "pel",
            "dels",
            "gràcies",
            "gratuït",
            "tota",
            "tots",
            "totes",
            "descompte",
            "enviament",
            "comanda",
            "avui",
            "teva",
            "cita",
            "demà",
            "està",
            "rebaixes",
            "hivern",
            "fins",
            "seleccionats",
            "dues",
            "preu",
            "botiga",
            "arribarà",
            "dijous",
            "sembla",
        ],
    ),
];

/// Galician words that English, Italian, Spanish, Portuguese and Catalan do not use. The
/// trigram model has no Galician and reads it as Spanish or Portuguese; none of these words
/// occurs in the 3,393 labelled English, Italian and Spanish messages.
const GALICIAN: &[&str] = &[
    "grazas",
    "vostede",
    "vostedes",
    "xa",
    "unha",
    "unhas",
    "tamén",
    "hoxe",
    "mañá",
    "máis",
    "coa",
    "coas",
    "pola",
    "polas",
    "moi",
    "moito",
    "moita",
    "moitos",
    "moitas",
    "súa",
    "túa",
    "noso",
    "nosa",
    "nosos",
    "nosas",
    "xoves",
    "venres",
    "mércores",
    "luns",
    "algunha",
    "ningunha",
    "calquera",
    "dende",
    "agardamos",
    "lle",
    "lles",
    "ola",
    "ás",
    "xaneiro",
    "xuño",
    "xullo",
    "dúbida",
    "contrasinal",
    "novidades",
];

/// Galician's ISO 639-3 code and English name.
const GALICIAN_CODE: &str = "glg";
const GALICIAN_NAME: &str = "Galician";

/// Whether `words` are Galician: at least two of its own words, and at least half as many as
/// the checked languages' function words (Galician shares "de", "que", "en", "se" with
/// Spanish: Galician texts written for the tests have 0.75–3 times as many of its words as of
/// Spanish function words, a Spanish text with a Galician sentence 0.36 times).
fn galician(counts: &Counts, best_hits: impl FnOnce() -> usize) -> bool {
    let hits = counts[GALICIAN_INDEX];
    hits >= 2 && hits * 2 >= best_hits()
}

/// Galician's position among [`Counts`], after the languages of [`DISTINCTIVE`].
const GALICIAN_INDEX: usize = DISTINCTIVE.len();

/// How many words of a text are distinctive words of each language of [`DISTINCTIVE`], then
/// of Galician.
type Counts = [usize; DISTINCTIVE.len() + 1];

/// Each distinctive word, with the positions in [`Counts`] of the languages it marks.
static DISTINCTIVE_WORDS: LazyLock<HashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let lists = DISTINCTIVE
        .iter()
        .map(|(_, words)| *words)
        .chain([GALICIAN]);
    for (k, words) in lists.enumerate() {
        for w in words {
            map.entry(*w).or_default().push(k);
        }
    }
    map
});

/// How many of `words` are distinctive words of each language.
fn distinctive_counts(words: &[String]) -> Counts {
    let mut counts = [0; DISTINCTIVE.len() + 1];
    for w in words {
        for k in DISTINCTIVE_WORDS.get(w.as_str()).into_iter().flatten() {
            counts[*k] += 1;
        }
    }
    counts
}

/// Words among the distinctive function words of `lang` (0 when there is no list).
fn distinctive_hits(lang: WLang, counts: &Counts) -> usize {
    DISTINCTIVE
        .iter()
        .position(|(l, _)| *l == lang)
        .map_or(0, |k| counts[k])
}

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// Another language, when the evidence for it beats the evidence for the checked ones: the
/// trigram model names it, and either it has a list of distinctive function words and the
/// text has more of them (at least two) than of the checked languages' own function words,
/// or it has none (another script, say) and the model is confident while the checked
/// languages' function words are fewer than a third of the words. `counts` are the text's
/// distinctive words, `words` how many words the lexicons count.
fn confident_other(text: &str, counts: &Counts, words: usize, best_hits: usize) -> Option<WLang> {
    if words < 3 {
        return None;
    }
    // The listed language with the most of its distinctive words in the text.
    let (listed, hits) = DISTINCTIVE
        .iter()
        .zip(counts)
        .map(|((l, _), h)| (*l, *h))
        .max_by_key(|(_, h)| *h)?;
    // The trigram model is the costly part (0.1 ms, whatever the length): ask it only when the
    // words leave room for another language. A listed one needs at least two of its
    // distinctive words and no fewer than the checked languages' own; an unlisted one needs
    // the checked languages' function words to be few: under a third of the words (they are
    // more in 85 % of the labelled messages; a quarter would let Esperanto through as Spanish).
    let listed_possible = hits >= 2 && hits >= best_hits;
    let unlisted_possible = best_hits * 3 < words;
    if !listed_possible && !unlisted_possible {
        return None;
    }
    let info = whatlang::detect(text);
    let model_says = |c: f64| {
        info.as_ref()
            .is_some_and(|i| i.lang() == listed && i.confidence() >= c)
    };
    // Shared words ("de", "la") count for the checked languages too, so a tie goes to the
    // other language when the model is sure of it.
    let more = hits > best_hits || (hits == best_hits && model_says(0.5));
    if hits >= 2 && more && (model_says(0.3) || hits >= 3) {
        return Some(listed);
    }
    let info = info?;
    let lang = info.lang();
    let unlisted = to_supported(lang).is_none() && DISTINCTIVE.iter().all(|(l, _)| *l != lang);
    (unlisted && unlisted_possible && info.confidence() >= 0.5).then_some(lang)
}

fn other(lang: WLang) -> Detected {
    Detected::Other {
        code: lang.code().to_string(),
        name: lang.eng_name().to_string(),
    }
}

/// A part of a text written in a language Ventana does not check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignPart {
    /// ISO 639-3 code.
    pub code: String,
    /// English name.
    pub name: String,
    /// Its share of the text's characters, 0..1.
    pub share: f32,
}

/// The largest part of `text` (sentences and lines of at least four words) in a language
/// Ventana does not check, if any; `our_hits` counts a part's function words of the checked
/// languages (the best of the three).
pub fn foreign_part(text: &str, our_hits: impl Fn(&str) -> usize) -> Option<ForeignPart> {
    let total = text.chars().count().max(1) as f32;
    // By (code, English name): characters.
    let mut by_lang: Vec<((&str, &str), usize)> = Vec::new();
    for segment in text.split_inclusive(['.', '!', '?', '\n', ';']) {
        let lower = lower_words(segment);
        if lower.len() < 4 {
            continue;
        }
        let counts = distinctive_counts(&lower);
        let lang = if galician(&counts, || our_hits(segment)) {
            (GALICIAN_CODE, GALICIAN_NAME)
        } else if counts[..GALICIAN_INDEX].iter().any(|h| *h >= 2)
            && let Some(l) = confident_other(segment, &counts, lower.len(), our_hits(segment))
        {
            // Only a part with distinctive words of another language is worth the model.
            (l.code(), l.eng_name())
        } else {
            continue;
        };
        let n = segment.chars().count();
        match by_lang.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, m)) => *m += n,
            None => by_lang.push((lang, n)),
        }
    }
    let ((code, name), chars) = by_lang.into_iter().max_by_key(|(_, n)| *n)?;
    Some(ForeignPart {
        code: code.to_string(),
        name: name.to_string(),
        share: chars as f32 / total,
    })
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

    // The trigram model needs a few hundred characters, not the whole message.
    let text = prefix(text, 600);
    // Another script (Cyrillic, Han, Arabic…) is not a language Ventana checks.
    if let Some(script) = whatlang::detect_script(text)
        && script != whatlang::Script::Latin
    {
        return match whatlang::detect(text) {
            Some(i) if to_supported(i.lang()).is_none() => other(i.lang()),
            _ => Detected::Other {
                code: "und".into(),
                name: script.name().to_string(),
            },
        };
    }
    let counts = distinctive_counts(&lower_words(text));
    if galician(&counts, || best_hits) {
        return Detected::Other {
            code: GALICIAN_CODE.into(),
            name: GALICIAN_NAME.into(),
        };
    }
    // A confident verdict for a language Ventana does not check wins over shared function
    // words ("de", "la", "con" are French and Portuguese too), when a choice between it
    // and the three checked languages agrees and the checked languages' own words are few.
    if let Some(lang) = confident_other(text, &counts, words, best_hits) {
        return other(lang);
    }
    // Plenty of one language's function words settles it without the trigram model.
    if best_hits >= 4 && best_hits >= 2 * second && best_hits as f64 >= 0.12 * words as f64 {
        return Detected::Supported {
            lang: Lang::ALL[best_i],
        };
    }
    if best_hits >= 2 && best_hits > second {
        return Detected::Supported {
            lang: Lang::ALL[best_i],
        };
    }
    // Not one function word of the checked languages, and the model names another language
    // with some of its distinctive words: nothing says the text is in a checked language.
    if best_hits == 0
        && words >= 3
        && let Some(i) = whatlang::detect(text)
        && to_supported(i.lang()).is_none()
        && distinctive_hits(i.lang(), &counts) >= 1
    {
        return other(i.lang());
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
