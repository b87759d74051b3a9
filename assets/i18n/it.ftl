# Ventana — catalogo italiano.

## Indizi promozionali.
cue-discount = “{ $excerpt }” offre uno sconto: gli sconti sono promozionali, quindi nessun tag può trasportare questo testo.
cue-price = “{ $excerpt }” è un prezzo: va bene in una ricevuta, ma accanto a un'offerta sembra promozionale.
cue-coupon_code = “{ $excerpt }” è un codice sconto o coupon: i coupon sono contenuto promozionale.
cue-sale = “{ $excerpt }” annuncia saldi, un'offerta o una promozione: è contenuto promozionale.
cue-free_gift = “{ $excerpt }” offre qualcosa in omaggio: i regali sono promozionali.
cue-call_to_buy = “{ $excerpt }” invita ad acquistare o prenotare: un invito all'acquisto è promozionale.
cue-urgency = “{ $excerpt }” mette fretta, tipico delle promozioni.
cue-re_engagement = “{ $excerpt }” cerca di far tornare la persona: i messaggi di riattivazione sono promozionali.
cue-upsell = “{ $excerpt }” propone altri prodotti o un upgrade: upselling e cross-selling sono promozionali.
cue-survey_prompt = “{ $excerpt }” chiede di compilare un sondaggio o lasciare una recensione: i tag non possono trasportare queste richieste.
cue-cart_reminder = “{ $excerpt }” ricorda un acquisto non concluso: i promemoria del carrello abbandonato sono promozionali.
cue-new_product = “{ $excerpt }” annuncia nuovi prodotti: è promozionale.
cue-contest = “{ $excerpt }” promuove un concorso o un giveaway: è promozionale.
cue-event_invite = “{ $excerpt }” invita a qualcosa a cui la persona non si è iscritta.
cue-shop_link = “{ $excerpt }” rimanda a un negozio o a una pagina prodotto: una spinta all'acquisto.
cue-link = “{ $excerpt }” è un link: non è promozionale di per sé, ma controlla dove porta.

## Rilievi sull'intero messaggio.
finding-language = Non controllato per questa lingua ({ $name }): Ventana controlla inglese, italiano e spagnolo. Rileggilo tu prima di inviarlo fuori dalla finestra.
finding-length-chars = Il testo ha { $count } caratteri; { $channel } ne accetta al massimo { $limit }: accorcialo da qui in poi.
finding-length-bytes = Il testo occupa { $count } byte; { $channel } ne accetta al massimo { $limit }: accorcialo da qui in poi.
finding-unknown_tag = { $tag } non è un tag di { $channel }. Tag noti: { $known }.
finding-tag_not_yet = { $tag } non esisteva ancora il { $at }: parte dal { $date }.
finding-tag_mismatch-promotional = { $tag } non può trasportare contenuto promozionale: togli le parole evidenziate o invialo dentro la finestra.
finding-tag_mismatch-purpose = { $tag } serve per { $allowed }; questo testo sembra { $purpose }.
finding-tag_mismatch-topic = { $tag } copre solo { $topics }, e questo testo non parla di nessuno di questi.
finding-tag_mismatch-unchecked = Questo testo non è stato controllato, quindi Ventana non può garantire { $tag }.
finding-human_only = { $tag } deve essere scritto da una persona, entro { $hours } ore dall'ultimo messaggio della persona.

## Consiglio sul percorso.
reason-fits-tag = Fuori dalla finestra di { $hours } ore, { $tag } può trasportare { $purpose } (solo contenuto non promozionale).
reason-fits-route = Fuori dalla finestra di { $hours } ore, invialo come { $route }.
reason-retired = { $tag } è stato ritirato il { $date }: invialo come { $replacement } o dentro la finestra.
reason-retired-inside = { $tag } è stato ritirato il { $date }: invialo dentro la finestra.
reason-promotional = Contenuto promozionale: nessun tag può trasportarlo, quindi invialo solo dentro la finestra di { $hours } ore.
reason-alternatives = Percorsi da attivare prima: { $routes }.
reason-no-route = Nessun percorso trasporta { $purpose } fuori dalla finestra: invialo dentro la finestra di { $hours } ore.
reason-unchecked = Il testo non è stato controllato, quindi Ventana non suggerisce percorsi fuori dalla finestra di { $hours } ore.
reason-no-policy = Nessuna policy di { $channel } è nota al { $at }: scegli un istante successivo.

## Percorsi.
route-standard = un messaggio standard dentro la finestra
route-follow_up = l'unico messaggio di follow-up (+1)
route-message_tag = il tag { $tag }
route-utility_template = un modello Utility approvato
route-one_time_notification = una One-Time Notification
route-subscription = un messaggio in abbonamento
route-paid_marketing = un messaggio di marketing a pagamento
route-sponsored = un Messaggio Sponsorizzato
route-none = nessun percorso
route-needs = { $route } (serve { $requires })

## Scopi.
purpose-event_update = un aggiornamento su un evento o una prenotazione
purpose-post_purchase = un aggiornamento sull'ordine
purpose-account_update = un aggiornamento sull'account
purpose-human_support = una risposta dell'assistenza
purpose-feedback = una richiesta di feedback
purpose-news = notizie
purpose-promotional = una promozione
purpose-general = un messaggio generico

## Etichette della riga di comando.
cli-language = Lingua
cli-promotional = Promozionale
cli-score = punteggio
cli-yes = sì
cli-no = no
cli-not-checked = non controllato
cli-purpose = Scopo
cli-suggested-tag = Tag suggerito
cli-route = Percorso
cli-policy = Policy
cli-chars = Caratteri
cli-findings = Rilievi
cli-none = nessuno
lang-en = inglese
lang-it = italiano
lang-es = spagnolo
lang-und = non determinata (controllata con gli indizi inglesi, italiani e spagnoli)
cli-import-delimiter = separatore
cli-import-times = orari
cli-import-no-times = nessuna colonna di orario
cli-import-columns = colonne
cli-import-rows-read = righe lette
cli-import-inserted = inseriti
cli-import-updated = aggiornati
cli-import-unchanged = invariati
cli-import-rejected = scartate
cli-import-repeated = { $count ->
    [one] una riga ripete un contatto già visto nel file
   *[other] { $count } righe ripetono un contatto già visto nel file
}
cli-import-line = riga
cli-import-more-rejects = le altre righe scartate sono salvate nel database
cli-import-dry-run = prova: non è stato scritto nulla
cli-windows-at = Finestre al
cli-windows-total = contatti
cli-windows-open = aperte
cli-windows-closing = in chiusura
cli-windows-human = solo operatore umano
cli-windows-closed = chiuse
cli-windows-unknown = sconosciute
cli-windows-by-hour = chiusure in ciascuna delle prossime 24 ore
