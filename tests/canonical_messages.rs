//! The everyday messages a marketer sends, in each language: the plain transactional ones must
//! not come out promotional (their route would be wrongly closed) and the plain promotions must
//! not come out as not promotional (their route would put the Page at risk). Written by hand
//! for this test. They are everyday templates, so synthetic training lines resemble several of
//! them (`difflib` ratio up to 0.85): the test guards the obvious verdicts, it does not
//! measure how the checker does on new text (`ventana eval` on the test split does).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ventana::Engine;

/// Booking and appointment confirmations and reminders, order and payment updates, account
/// notices and a person's reply, each in English, Italian and Spanish.
const NOT_PROMOTIONAL: [&str; 24] = [
    "Hi Anna, your booking is confirmed for Friday at 8pm. See you then!",
    "Your order #4521 has shipped and should arrive on Thursday.",
    "Your appointment with Dr. Rossi is tomorrow at 10:00. Reply C to cancel.",
    "We received your payment of $45.00. Thank you!",
    "Your password was changed. If this wasn't you, contact us right away.",
    "Sorry for the wait, Mark. I checked with the warehouse: your refund went out today.",
    "Your table for 4 on Saturday is confirmed. We look forward to welcoming you!",
    "Reminder: your class starts Monday at 6pm in room 2.",
    "Ciao Anna, la tua prenotazione è confermata per venerdì alle 20. A presto!",
    "Il tuo ordine #4521 è stato spedito e arriverà giovedì.",
    "Ti ricordiamo l'appuntamento di domani alle 10:00 con la dott.ssa Rossi.",
    "Abbiamo ricevuto il tuo pagamento di 45,00 €. Grazie!",
    "La password del tuo account è stata modificata. Se non sei stato tu, contattaci.",
    "Scusa l'attesa, Marco: ho verificato con il magazzino, il rimborso è partito oggi.",
    "Il tuo tavolo per 4 di sabato è confermato. Ti aspettiamo!",
    "Promemoria: il tuo corso inizia lunedì alle 18 in aula 2.",
    "Hola Ana, tu reserva está confirmada para el viernes a las 20:00. ¡Te esperamos!",
    "Tu pedido #4521 ha sido enviado y llegará el jueves.",
    "Te recordamos tu cita de mañana a las 10:00 con la Dra. Rossi.",
    "Hemos recibido tu pago de 45,00 €. ¡Gracias!",
    "La contraseña de tu cuenta ha cambiado. Si no fuiste tú, contáctanos.",
    "Perdona la espera, Marcos: he revisado con el almacén y tu reembolso salió hoy.",
    "Tu mesa para 4 el sábado está confirmada. ¡Te esperamos!",
    "Recordatorio: tu clase empieza el lunes a las 18:00 en el aula 2.",
];

/// A sale with a code, a new collection, a win-back and an abandoned cart, in each language.
const PROMOTIONAL: [&str; 12] = [
    "Only this weekend: 20% off everything with code WEEKEND20.",
    "Our new autumn collection is here. Come and see it in store!",
    "We miss you! Come back and see what's new.",
    "You left something in your cart. Complete your order today.",
    "Solo questo weekend: 20% di sconto su tutto con il codice WEEKEND20.",
    "È arrivata la nuova collezione autunno. Vieni a scoprirla in negozio!",
    "Ci manchi! Torna a trovarci e scopri le novità.",
    "Hai dimenticato qualcosa nel carrello. Completa l'ordine oggi.",
    "Solo este fin de semana: 20% de descuento en todo con el código FINDE20.",
    "Ya llegó la nueva colección de otoño. ¡Ven a verla a la tienda!",
    "¡Te echamos de menos! Vuelve y descubre las novedades.",
    "Olvidaste algo en tu carrito. Completa tu pedido hoy.",
];

/// Everyday messages the shipped checker gets wrong, to be removed from here when a model gets
/// them right: a confirmed booking closed with "we're expecting you", which promotional
/// invitations also say. The learned score 2026.12-3 reads both as promotional.
const KNOWN_MISSES: [&str; 2] = [
    "Il tuo tavolo per 4 di sabato è confermato. Ti aspettiamo!",
    "Hola Ana, tu reserva está confirmada para el viernes a las 20:00. ¡Te esperamos!",
];

#[test]
fn everyday_messages_get_the_obvious_verdict() {
    let engine = Engine::embedded().unwrap();
    let mut wrong = Vec::new();
    let mut fixed = Vec::new();
    for (texts, expected) in [(&NOT_PROMOTIONAL[..], false), (&PROMOTIONAL[..], true)] {
        for text in texts {
            let a = engine.analyze(text);
            let right = a.promotional == Some(expected);
            let known = KNOWN_MISSES.contains(text);
            if known && right {
                fixed.push(*text);
            } else if !known && !right {
                wrong.push(format!(
                    "{text:?}: promotional {:?} (score {:.2}, learned {:?})",
                    a.promotional,
                    a.promo_score,
                    a.learned.as_ref().map(|l| l.probability)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        fixed.is_empty(),
        "now right, remove from KNOWN_MISSES: {fixed:?}"
    );
}
