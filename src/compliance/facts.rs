//! The facts a text cannot show: whether a person is answering the customer's own question,
//! whether the message is about the person's own purchase, booking or account, whether the
//! person signed up for the event. The marketer answers them yes or no; until then Ventana
//! guesses from the text (the learned score, else the lexicon's purpose shares) and says how
//! sure it is. An answer overrides the guess, and the verdict names the answers it rests on.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::analysis::Analysis;
use super::model::Class;
use crate::i18n::{Lang, say};
use crate::policy::Purpose;

/// A fact only the marketer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// A person writes this reply to the customer's own question, within 7 days of it.
    HumanReply,
    /// It is about a purchase, booking or account the person made.
    OwnTransaction,
    /// The person signed up for the event it is about.
    EventSignup,
}

impl Fact {
    /// Every fact, in the order they are asked.
    pub const ALL: [Fact; 3] = [Fact::HumanReply, Fact::OwnTransaction, Fact::EventSignup];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Fact::HumanReply => "human_reply",
            Fact::OwnTransaction => "own_transaction",
            Fact::EventSignup => "event_signup",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Fact {
    type Err = ();

    fn from_str(s: &str) -> Result<Fact, ()> {
        Fact::ALL
            .into_iter()
            .find(|f| f.as_str() == s.trim().to_ascii_lowercase())
            .ok_or(())
    }
}

/// The marketer's answers (`None`: not answered, Ventana guesses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers([Option<bool>; 3]);

impl Answers {
    /// The answer to `fact`.
    pub fn get(&self, fact: Fact) -> Option<bool> {
        self.0[fact.index()]
    }

    /// Answers `fact` (`None` takes the answer back).
    pub fn set(&mut self, fact: Fact, answer: Option<bool>) {
        self.0[fact.index()] = answer;
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The facts answered, and how.
    pub fn answered(&self) -> impl Iterator<Item = (Fact, bool)> + '_ {
        Fact::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|a| (f, a)))
    }
}

/// Ventana's guess at a fact, from the text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Guess {
    /// Yes or no.
    pub yes: bool,
    /// How sure, 0.5 to 0.99.
    pub confidence: f32,
}

/// The answers as one clause each, in `lang` ("a person is answering the customer's own
/// question; …"), or `None` when nothing was answered.
pub fn said(answers: impl IntoIterator<Item = (Fact, bool)>, lang: Lang) -> Option<String> {
    let clauses: Vec<String> = answers
        .into_iter()
        .map(|(f, yes)| {
            say(
                lang,
                &format!("fact-{f}-{}", if yes { "yes" } else { "no" }),
                &[],
            )
        })
        .collect();
    (!clauses.is_empty()).then(|| clauses.join("; "))
}

/// Guesses every fact from the analysis: the blended class probabilities of the learned
/// score, or the lexicon's purpose shares without one.
pub fn guess(analysis: &Analysis, fact: Fact) -> Guess {
    let class = |c: Class| match &analysis.learned {
        Some(l) => l.class(c),
        None => analysis
            .purpose_scores
            .iter()
            .filter(|(p, _)| Class::of(*p) == c)
            .map(|(_, s)| s)
            .sum(),
    };
    let p = match fact {
        Fact::HumanReply => class(Class::HumanSupport),
        // A booking is a transaction of the person's too (the question names it).
        Fact::OwnTransaction => {
            class(Class::PostPurchase) + class(Class::AccountUpdate) + class(Class::EventUpdate)
        }
        Fact::EventSignup => class(Class::EventUpdate),
    }
    .clamp(0.0, 1.0);
    Guess {
        yes: p >= 0.5,
        // A guess from the text is never certain.
        confidence: p.max(1.0 - p).min(0.99),
    }
}

/// The analysis as the answers make it (borrowed when nothing was answered), and the facts
/// whose answers changed it.
pub fn apply<'a>(analysis: &'a Analysis, answers: &Answers) -> (Cow<'a, Analysis>, Vec<Fact>) {
    if !analysis.checked || answers.is_empty() {
        return (Cow::Borrowed(analysis), Vec::new());
    }
    let mut a = analysis.clone();
    let mut relied = Vec::new();
    let score = |p: Purpose| {
        a.purpose_scores
            .iter()
            .find(|(q, _)| *q == p)
            .map_or(0.0, |(_, s)| *s)
    };
    let scores: Vec<(Purpose, f32)> = Purpose::ALL.iter().map(|p| (*p, score(*p))).collect();
    // Purposes the answers rule out, and the answer that does. No purchase, booking or account
    // of the person leaves an event update only for an event they signed up for.
    let mut ruled_out: Vec<(Purpose, Fact)> = Vec::new();
    if answers.get(Fact::HumanReply) == Some(false) {
        ruled_out.push((Purpose::HumanSupport, Fact::HumanReply));
    }
    if answers.get(Fact::OwnTransaction) == Some(false) {
        ruled_out.extend([
            (Purpose::PostPurchase, Fact::OwnTransaction),
            (Purpose::AccountUpdate, Fact::OwnTransaction),
        ]);
        if answers.get(Fact::EventSignup).is_none() {
            ruled_out.push((Purpose::EventUpdate, Fact::OwnTransaction));
        }
    }
    if answers.get(Fact::EventSignup) == Some(false) {
        ruled_out.push((Purpose::EventUpdate, Fact::EventSignup));
    }
    let out = |p: &Purpose| ruled_out.iter().any(|(q, _)| q == p);
    let before = a.purpose;
    let best_of = |candidates: &[Purpose]| {
        candidates
            .iter()
            .filter(|p| !out(p))
            .map(|p| (*p, scores.iter().find(|(q, _)| q == p).map_or(0.0, |x| x.1)))
            .fold(None, |best: Option<(Purpose, f32)>, x| match best {
                Some(b) if b.1 >= x.1 => Some(b),
                _ => Some(x),
            })
            .map(|(p, _)| p)
    };
    // A yes names the purpose: a person's reply first, then the event, then the purchase or
    // account.
    if answers.get(Fact::HumanReply) == Some(true) {
        a.purpose = Some(Purpose::HumanSupport);
        relied.push(Fact::HumanReply);
    } else if answers.get(Fact::EventSignup) == Some(true) {
        a.purpose = Some(Purpose::EventUpdate);
        relied.push(Fact::EventSignup);
    } else if answers.get(Fact::OwnTransaction) == Some(true) {
        a.purpose = best_of(&[
            Purpose::PostPurchase,
            Purpose::AccountUpdate,
            Purpose::EventUpdate,
        ]);
        relied.push(Fact::OwnTransaction);
    } else if let Some((_, fact)) = a
        .purpose
        .and_then(|p| ruled_out.iter().find(|(q, _)| *q == p))
    {
        // A no rules the purpose out: the next one that fits, else nothing a tag carries.
        relied.push(*fact);
        let next = best_of(&[
            Purpose::EventUpdate,
            Purpose::PostPurchase,
            Purpose::AccountUpdate,
            Purpose::HumanSupport,
        ])
        .filter(|q| score(*q) >= 0.25);
        a.purpose = Some(next.unwrap_or(if a.promotional == Some(true) {
            Purpose::Promotional
        } else {
            Purpose::General
        }));
    }
    // News of an event the person did not sign up for is an invitation: promotional.
    if answers.get(Fact::EventSignup) == Some(false)
        && (before == Some(Purpose::EventUpdate) || has_topic(&a, "event"))
        && a.promotional != Some(true)
    {
        a.promotional = Some(true);
        // The score keeps "promotional from 0.5".
        a.promo_score = a.promo_score.max(0.5);
        if !relied.contains(&Fact::EventSignup) {
            relied.push(Fact::EventSignup);
        }
    }
    (Cow::Owned(a), relied)
}

fn has_topic(a: &Analysis, prefix: &str) -> bool {
    a.topics
        .iter()
        .any(|(t, s)| t.starts_with(prefix) && *s > 0.0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::compliance::{Lexicons, analyze_rules};

    fn answers(pairs: &[(Fact, bool)]) -> Answers {
        let mut a = Answers::default();
        for (f, v) in pairs {
            a.set(*f, Some(*v));
        }
        a
    }

    #[test]
    fn names_parse_both_ways() {
        for f in Fact::ALL {
            assert_eq!(f.as_str().parse::<Fact>(), Ok(f));
        }
        assert_eq!(" Human_Reply ".parse::<Fact>(), Ok(Fact::HumanReply));
        assert!("human".parse::<Fact>().is_err());
    }

    #[test]
    fn a_yes_names_the_purpose_and_a_no_rules_it_out() {
        let lex = Lexicons::embedded().unwrap();
        let a = analyze_rules("Il tuo ordine #4521 è stato spedito.", &lex);
        assert_eq!(a.purpose, Some(Purpose::PostPurchase));

        let (b, relied) = apply(&a, &answers(&[(Fact::HumanReply, true)]));
        assert_eq!(b.purpose, Some(Purpose::HumanSupport));
        assert_eq!(relied, [Fact::HumanReply]);

        let (b, relied) = apply(&a, &answers(&[(Fact::OwnTransaction, false)]));
        assert_ne!(b.purpose, Some(Purpose::PostPurchase));
        assert_ne!(b.purpose, Some(Purpose::AccountUpdate));
        assert_eq!(relied, [Fact::OwnTransaction]);

        // An answer that agrees with the text changes nothing it rests on.
        let (b, relied) = apply(&a, &answers(&[(Fact::HumanReply, false)]));
        assert_eq!(b.purpose, a.purpose);
        assert!(relied.is_empty());
    }

    #[test]
    fn an_event_the_person_did_not_sign_up_for_is_an_invitation() {
        let lex = Lexicons::embedded().unwrap();
        let a = analyze_rules(
            "Reminder: the workshop starts tomorrow at 10:00 in Hall B. Bring your ticket.",
            &lex,
        );
        assert_eq!(a.purpose, Some(Purpose::EventUpdate), "{a:?}");
        let (b, relied) = apply(&a, &answers(&[(Fact::EventSignup, false)]));
        assert_eq!(b.promotional, Some(true));
        assert_ne!(b.purpose, Some(Purpose::EventUpdate));
        assert_eq!(relied, [Fact::EventSignup]);
    }

    #[test]
    fn a_booking_is_the_persons_own_transaction() {
        let lex = Lexicons::embedded().unwrap();
        let model = crate::compliance::Model::embedded().unwrap();
        for text in [
            "Hi Anna, your booking is confirmed for Friday at 8pm. See you then!",
            "Ciao Anna, la tua prenotazione è confermata per venerdì alle 20. A presto!",
            "Hola Ana, tu reserva está confirmada para el viernes a las 20:00.",
        ] {
            let a = crate::compliance::analyze(text, &lex, Some(&model));
            assert_eq!(a.purpose, Some(Purpose::EventUpdate), "{text}");
            assert!(guess(&a, Fact::OwnTransaction).yes, "{text}");
            // "Not a purchase, booking or account of the person" leaves no event update…
            let (b, relied) = apply(&a, &answers(&[(Fact::OwnTransaction, false)]));
            assert_ne!(b.purpose, Some(Purpose::EventUpdate), "{text}");
            assert_eq!(relied, [Fact::OwnTransaction]);
            // …unless the person signed up for the event.
            let both = answers(&[(Fact::OwnTransaction, false), (Fact::EventSignup, true)]);
            assert_eq!(apply(&a, &both).0.purpose, Some(Purpose::EventUpdate));
        }
    }

    #[test]
    fn nothing_answered_changes_nothing() {
        let lex = Lexicons::embedded().unwrap();
        let a = analyze_rules("Your password was changed.", &lex);
        let (b, relied) = apply(&a, &Answers::default());
        assert_eq!(a, *b);
        assert!(relied.is_empty());
    }
}
