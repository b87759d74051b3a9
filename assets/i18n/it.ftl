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
finding-language-part = Una parte di questo testo (circa il { $percent } %) è in { $name }, che Ventana non controlla: è stata giudicata solo la parte in { $checked }. Rileggi il resto prima di inviarlo fuori dalla finestra.
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
reason-feedback = Una richiesta di sondaggio, voto o recensione: i tag dei messaggi non possono trasportarla, quindi invialo dentro la finestra di { $hours } ore, o con un percorso pensato per i feedback se ne è elencato uno qui sotto.
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
route-legacy_template = un modello di ricevuta o di volo (regole del 2016)
route-authentication_template = un modello Authentication approvato (codice monouso)
route-recurring_notification = una notifica ricorrente
region-no-page = { $route }: non disponibile per le Pagine in { $country }. { $reason }
region-no-recipient = { $route }: non disponibile per le persone in { $country }. { $reason }
region-uncertain-page = { $route }: incerto per le Pagine in { $country }, quindi Ventana non ci conta. { $reason }
region-uncertain-recipient = { $route }: incerto per le persone in { $country }, quindi Ventana non ci conta. { $reason }
region-unknown-page = { $route }: il paese della Pagina non è noto, quindi Ventana non ci conta. { $reason }
region-unknown-page-fix = Imposta il paese della Pagina in Pagine (o con --page-country), oppure pianifica una Pagina alla volta: i contatti di Pagine in paesi diversi non hanno un unico paese della Pagina.
region-unknown-recipient = { $route }: il paese della persona non è noto, quindi Ventana non ci conta. { $reason }
region-confidence-reported = (Riportato da terze parti; le pagine di Meta non lo confermano.)
region-confidence-conflicting = (Le pagine di Meta non concordano su questo punto.)
region-feature = { $feature }: { $reason }

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
cli-windows-maybe = forse aperte (avviate da un annuncio)
cli-windows-human = solo operatore umano
cli-windows-closed = chiuse
cli-windows-unknown = sconosciute
cli-windows-by-hour = chiusure in ciascuna delle prossime 24 ore
cli-pages-line = { $id }  { $name }  m.me: { $username }  paese: { $country }  fuso: { $tz }  contatti: { $contacts }
cli-pages-none = Ancora nessuna Pagina: importa prima dei contatti.
cli-pages-set-country = Le Pagine senza paese ricevono la risposta prudente (i canali limitati ad alcuni paesi non vengono usati): impostalo con `ventana pages set PAGE_ID --country IT`.
cli-pages-nothing-to-set = Niente da impostare: indica --country, --name, --username o --tz.
cli-plan-at = Piano al
cli-plan-best-route = il percorso migliore per ogni contatto
cli-plan-considered = Considerati
cli-plan-planned = Pianificati
cli-plan-excluded = Esclusi
cli-plan-sends = Invii
cli-plan-faster = { $missed ->
        [one] { $missed } contatto perde la finestra
       *[other] { $missed } contatti perdono la finestra
    } a questo ritmo; a { $rate } al minuto { $saved ->
        [one] ne partirebbe { $saved }
       *[other] ne partirebbero { $saved }
    }.
cli-plan-zones-defaulted = { $count ->
    [one] un contatto non ha un fuso orario leggibile: le ore di silenzio usano il fuso predefinito (--tz)
   *[other] { $count } contatti non hanno un fuso orario leggibile: le ore di silenzio usano il fuso predefinito (--tz)
}
cli-plan-other-channel = { $count ->
        [one] Un contatto di un altro canale è escluso.
       *[other] { $count } contatti di altri canali sono esclusi.
    }
cli-export-wrote = Scritto
cli-export-removed = Rimosso un file di pubblico precedente per una Pagina che questa esportazione non ha:
cli-export-rows = { $count ->
        [one] { $count } riga
       *[other] { $count } righe
    }
cli-export-approved = Approvata come campagna { $id }: { $name }
cli-export-need-template = { $count ->
        [one] Un invio richiede
       *[other] { $count } invii richiedono
    } un modello Utility approvato: sono nella lista CSV, non nelle righe JSON (un modello si invia per nome, non come testo).
cli-export-unfilled = Questi segnaposto restano come scritti (dai un valore con --fill): { $tokens }

## App desktop.
gui-import = Importa…
gui-tab-contacts = Contatti
gui-tab-timeline = Cronologia
gui-tab-composer = Messaggio
gui-theme-dark = Tema scuro
gui-theme-light = Tema chiaro
gui-language = Lingua
gui-planning-at = Pianifica al
gui-now = Adesso
gui-now-hint = Pianifica all'ora attuale e segui l'orologio
gui-zone = Orari in
gui-zone-machine = Fuso di questo computer ({ $zone })
gui-zone-search = Cerca fusi: rome, madrid, new york…
gui-planning-format = data e ora nel fuso accanto (22/11/2026 18:30); Invio per pianificare a quell'istante
gui-loading = Elaborazione…
gui-status-counts = { $shown } di { $total } { $total ->
        [one] contatto mostrato
       *[other] contatti mostrati
    }
gui-filters = Filtri
gui-all = Tutti
gui-none = — nessuna —
gui-no-page = (nessuna Pagina)
gui-filter-page = Pagina
gui-filter-channel = Canale
gui-filter-locale = Lingua del contatto
gui-filter-state = Finestra
gui-filter-from = Ultima azione dal
gui-date-hint = gg/mm/aaaa
gui-filter-to = Ultima azione al
gui-filter-search = Nome o ID
gui-filter-search-hint = cerca…
gui-horizon = In chiusura entro
gui-clear-filters = Azzera i filtri
gui-counts = All'istante di pianificazione
gui-state-open = Aperta
gui-state-closing = In chiusura
gui-state-maybe_open = Forse aperta (annuncio)
gui-state-human_agent_only = Solo operatore
gui-state-closed = Chiusa
gui-state-unknown = Sconosciuta
gui-dur-days = { $a } g { $b } h
gui-dur-hours = { $a } h { $b } min
gui-dur-minutes = { $a } min
gui-closes-in = chiude tra { $time }
gui-maybe-for = forse aperta per altri { $time } (avviata da un annuncio; non certo)
gui-agent-for = operatore per { $time }
gui-kind-message = messaggio
gui-kind-postback = pulsante
gui-kind-reaction = reazione
gui-kind-referral = link
gui-kind-ad_click = clic su annuncio
gui-kind-optin = consenso
gui-kind-comment = commento
gui-kind-call = chiamata
gui-kind-unknown = azione
gui-sort = Ordina
gui-sort-expiring = In scadenza prima
gui-sort-last = Interazione più recente
gui-sort-imported = Ordine di importazione
gui-sort-page = Pagina
gui-sort-locale = Lingua
gui-contacts-shown = { $count ->
        [one] { $count } contatto
       *[other] { $count } contatti
    }
gui-remove-demo = Rimuovi i contatti demo
gui-last-import = Ultima importazione: { $file } — { $inserted } { $inserted ->
        [one] nuovo
       *[other] nuovi
    }, { $updated } { $updated ->
        [one] aggiornato
       *[other] aggiornati
    }, { $rejected } { $rejected ->
        [one] scartato
       *[other] scartati
    }
gui-report-counts = { $read } { $read ->
        [one] riga letta
       *[other] righe lette
    }: { $inserted } { $inserted ->
        [one] nuovo
       *[other] nuovi
    }, { $updated } { $updated ->
        [one] aggiornato
       *[other] aggiornati
    }, { $unchanged } { $unchanged ->
        [one] invariato
       *[other] invariati
    }, { $rejected } { $rejected ->
        [one] scartato
       *[other] scartati
    }.
gui-report-rejects = Righe scartate
gui-import-demo-loaded = I contatti demo sono ancora caricati: i tuoi verrebbero contati e pianificati insieme a loro. Rimuovili prima, o importa accanto a loro.
gui-import-would = Se lo importi come impostato sopra:
gui-import-counts-later = Il file supera 8 MB: i conteggi arrivano con l'importazione.
gui-import-more-rejects = … { $count ->
        [one] e un'altra riga scartata
       *[other] e altre { $count } righe scartate
    } (sono tutte conservate con l'importazione).
gui-no-match = Nessun contatto corrisponde ai filtri.
gui-col-window = Finestra
gui-col-name = Nome
gui-col-psid = ID (PSID)
gui-col-page = Canale · Pagina
gui-col-locale = Lingua · paese
gui-country-from-column = colonna
gui-country-from-locale = lingua
gui-country-from-time_zone = fuso
gui-country-from-page = Pagina
gui-country-from-unknown = paese sconosciuto
gui-col-last = Ultima interazione
gui-unknown-time = sconosciuta
gui-timeline-hint = Trascina per spostarti, Ctrl + rotella per lo zoom; passa su una riga per i dettagli, clic per selezionare.
gui-timeline-reset = Torna ad adesso
gui-timeline-y = contatti
gui-series-open = Finestre aperte
gui-series-reachable = Raggiungibili (anche da operatore)
gui-series-closings-hour = Finestre che chiudono ogni ora
gui-series-closings = Finestre che chiudono per barra
gui-now-line = Adesso
gui-lanes = { $count ->
        [one] Un contatto
       *[other] { $count } contatti
    }: finestra (piena) e giorni dell'operatore (chiaro)
gui-lane-tip = { $kind } il { $at }, la finestra chiude il { $closes }
gui-channel = Canale
gui-route = Percorso
gui-route-suggest = Lascia suggerire a Ventana
gui-message = Messaggio
gui-message-hint = Scrivi il messaggio; ai segnaposto come {"{"}first_name{"}"} o {"{{"}1{"}}"} puoi dare valori di prova qui sotto.
gui-chars = { $used ->
        [one] { $used } carattere
       *[other] { $used } caratteri
    }
gui-chars-of = { $used } di al massimo { $limit } caratteri
gui-bytes = { $used } byte
gui-bytes-of = { $used } di al massimo { $limit } byte
gui-samples = Valori di prova dei segnaposto
gui-findings = Rilievi
gui-no-findings = Niente da segnalare.
gui-severity-info = info
gui-severity-warn = attenzione
gui-severity-block = blocca
gui-suggestion = Suggerimento
gui-suggestion-empty = Scrivi un messaggio per vedere a cosa serve e come può essere inviato.
gui-source = Fonte della regola
gui-place = Verdetto per il paese della Pagina: { $page } · delle persone: { $person }
gui-place-unknown-hint = Imposta il paese della Pagina in Pagine (o filtra una sola Pagina se i contatti sono di Pagine in paesi diversi): fino ad allora i canali che esistono solo in alcuni paesi non vengono considerati. La copertura qui sotto conta ogni contatto dove si trovano lui e la sua Pagina.
gui-country-unknown = non noto
gui-routes-outside = Percorsi fuori dalla finestra
gui-route-fits = adatto al testo
gui-route-does-not-fit = non adatto
gui-route-here = disponibile qui
gui-route-uncertain = incerto qui
gui-route-not-here = non disponibile qui
gui-reach = Chi raggiunge adesso
gui-reach-empty = Carica i contatti e scrivi un messaggio.
gui-reach-summary = { $reachable } di { $total } { $total ->
        [one] contatto filtrato
       *[other] contatti filtrati
    } al { $at }
excl-no_interaction = nessuna interazione nota
excl-window_closed = finestra chiusa, nessun percorso adatto
excl-promotional_outside_window = promozionale, finestra chiusa
excl-human_agent_only = può scrivere solo un operatore
excl-too_late = troppo tardi per questo percorso
excl-route_unavailable = il percorso scelto non può portare questo messaggio ora
excl-quiet_hours = ore di silenzio fino alla chiusura
excl-rate_too_low = ritmo troppo basso per raggiungerli in tempo
excl-region_unavailable = il canale non esiste dove si trovano la Pagina o la persona
excl-ad_window = finestra avviata da un annuncio: forse aperta, non certa (includi le finestre da annuncio per pianificarla)
gui-import-title = Importa contatti
gui-import-intro = Scegli un'esportazione CSV o JSON della tua piattaforma di bot o del foglio di calcolo.
gui-import-choose = Scegli un file…
gui-import-path = Percorso del file
gui-import-open = Apri
gui-import-drop = Puoi anche trascinare un file sulla finestra.
gui-import-no-dialog = Nessun file scelto (o questo desktop non ha una finestra di selezione): scrivi il percorso qui sopra.
gui-import-reading = Lettura di
gui-import-file = File
gui-import-encoding = Codifica
gui-import-delimiter = Separatore
gui-import-no-format = nessun orario trovato
gui-import-zone = Fuso orario degli orari senza fuso
gui-import-date-order = Date come 03/04
gui-date-order-detect = Rileva (giorno/mese se incerto)
gui-date-order-dmy = giorno/mese (31/12)
gui-date-order-mdy = mese/giorno (12/31)
gui-import-page = ID Pagina
gui-import-mapping = Colonne
gui-import-first-rows = Prime righe
gui-import-start = Importa
gui-import-progress = { $rows ->
        [one] { $rows } riga scritta
       *[other] { $rows } righe scritte
    }
gui-import-again = Scegli un altro file
gui-cancel = Annulla
gui-close = Chiudi
gui-field-psid = ID contatto
gui-field-page_id = ID Pagina
gui-field-channel = Canale
gui-field-name = Nome completo
gui-field-first_name = Nome
gui-field-last_name = Cognome
gui-field-locale = Lingua
gui-field-timezone = Fuso orario
gui-field-country = Paese
gui-job-failed = Qualcosa è andato storto dentro Ventana ({ $detail }); non è stato cambiato nulla. Riprova e, se succede di nuovo, segnalalo dicendo cosa stavi facendo.
gui-field-last_interaction = Ultima interazione
gui-field-interaction_kind = Tipo di interazione
gui-field-last_seen = Ultimo accesso
gui-field-subscribed = Iscrizione
gui-welcome-title = Chi puoi contattare adesso, e come?
gui-welcome-text = Importa l'esportazione dei tuoi contatti per vedere quali finestre di messaggistica sono aperte, in chiusura o chiuse, e controlla un messaggio con le regole di Meta prima di inviarlo.
gui-welcome-demo = Carica i contatti demo
gui-welcome-import = Importa la tua esportazione…
gui-welcome-drop = Oppure trascina un file CSV o JSON su questa finestra.
gui-demo-loaded = Contatti demo caricati.
gui-demo-removed = I contatti demo sono stati rimossi.
gui-pin-demo = La pianificazione è fissata al { $at }, l'istante dell'esportazione demo, così le sue finestre appaiono come allora. L'orologio segna { $clock }.
gui-pin-chosen = La pianificazione è fissata al { $at }: finestre, conteggi e piani valgono per quell'istante, non per l'orologio ({ $clock }).
gui-pin-follow = Segui l'orologio
gui-pin-newer = I contatti hanno azioni dopo l'istante fissato (la più recente il { $newest }).
gui-pin-move = Pianifica al { $newest }

gui-tab-sendlist = Lista di invio
gui-tab-pages = Pagine
gui-tab-imports = Importazioni
gui-imports-all = Tutte le importazioni…
gui-imports-none = Ancora nessuna importazione: usa Importa… qui sopra, o trascina un file sulla finestra.
gui-import-undone-tag = annullata
gui-import-undone-at = Annullata il { $at }: i contatti aggiunti sono stati rimossi e quelli cambiati riportati com'erano.
gui-import-facts = { $format }, { $encoding }, importato il { $at }
gui-import-undo = Annulla questa importazione
gui-import-undo-hint = Rimuove i contatti che ha aggiunto, riporta quelli che ha cambiato com'erano prima e rimuove le azioni che ha registrato.
gui-import-undo-sure = Annullare questa importazione? I contatti aggiunti spariscono, quelli cambiati tornano com'erano e le azioni registrate spariscono. Il resoconto e le righe scartate restano.
gui-import-undo-yes = Annulla importazione
gui-import-undone = Importazione annullata: { $removed ->
        [one] un contatto aggiunto rimosso
       *[other] { $removed } contatti aggiunti rimossi
    }, { $restored ->
        [one] un contatto cambiato riportato com'era
       *[other] { $restored } contatti cambiati riportati com'erano
    }, { $actions ->
        [one] un'azione registrata rimossa
       *[other] { $actions } azioni registrate rimosse
    }.
gui-rejects-save = Salva come CSV…
gui-rejects-none = Nessuna riga scartata.
gui-rejects-reason = Motivo
gui-rejects-row = Riga com'era
gui-rejects-saved = { $count ->
        [one] Una riga scartata salvata in { $path }.
       *[other] { $count } righe scartate salvate in { $path }.
    }
gui-contact-title = Contatto
gui-contact-zone = Fuso orario
gui-contact-subscribed = Iscritto il
gui-contact-history = Azioni e finestre che hanno aperto
gui-contact-imports = Importazioni di questo contatto
gui-contact-delete = Elimina questo contatto
gui-contact-delete-sure = Eliminare questo contatto e tutte le sue azioni registrate? Le campagne approvate conservano la propria copia di ciò che è stato inviato. Non si può annullare.
gui-contact-delete-yes = Elimina
gui-contact-deleted = Il contatto è stato eliminato.
gui-contact-gone = Il contatto { $id } non è più nel database.
gui-contact-now-open = Qualsiasi messaggio fino al { $until }: la finestra di 24 ore aperta dalla sua azione ({ $kind }) del { $at }. Una promozione solo dentro la finestra.
gui-contact-now-maybe = La finestra aperta da un annuncio potrebbe essere ancora aperta fino al { $until }; Ventana non ci conta.
gui-contact-now-agent = La finestra è chiusa; una persona che risponde (HUMAN_AGENT) può rispondere fino al { $until }.
gui-contact-now-closed = La finestra si è chiusa il { $until }: solo un modello Utility approvato (dove esiste) o un messaggio a pagamento può raggiungerlo; altrimenti deve scrivere prima lui.
gui-contact-now-unknown = Nessuna azione nota: Ventana non sa dire se una finestra è aperta e non gli pianifica messaggi.
gui-campaign-missing = La campagna { $id } non è in questo database.
gui-tab-campaigns = Campagne
gui-campaigns-none = Nessuna campagna approvata: pianifica un messaggio nella Lista di invio e approvalo.
gui-campaigns-pick = Scegli una campagna a sinistra.
gui-campaign-message = Messaggio
gui-campaign-route = Percorso
gui-campaign-best-route = il percorso migliore per ogni contatto
gui-campaign-policy = Versione delle regole
gui-campaign-planned-at = Pianificata il
gui-campaign-approved-at = Approvata il
gui-campaign-pace = Ritmo
gui-campaign-pace-none = nessun limite di ritmo, nessuna ora di silenzio
gui-campaign-pace-rate = { $rate } al minuto per Pagina
gui-campaign-pace-quiet = ore di silenzio { $hours } (nel fuso di ogni contatto)
gui-campaign-counts = Contatti
gui-campaign-counts-text = { $considered } { $considered ->
        [one] considerato
       *[other] considerati
    } · { $planned } { $planned ->
        [one] pianificato
       *[other] pianificati
    } · { $excluded } { $excluded ->
        [one] escluso
       *[other] esclusi
    }
gui-campaign-exports = Esportazioni
gui-campaign-exports-none = Non ancora esportata.
gui-campaign-export-line = { $file } — { $rows ->
        [one] { $rows } riga
       *[other] { $rows } righe
    }, { $format }, { $at }
gui-campaign-recipients = Destinatari
gui-campaign-search = Cerca destinatari
gui-campaign-loading = Lettura dei destinatari…
gui-campaign-no-match = Nessun destinatario corrisponde alla ricerca.
gui-pages-title = Pagine
gui-pages-intro = Il paese di ogni Pagina decide quali canali esistono per lei: i messaggi Utility, i messaggi di marketing a pagamento e le notifiche una tantum esistono solo in alcuni paesi. Una Pagina senza paese riceve la risposta prudente.
gui-pages-none = Ancora nessuna Pagina: importa prima dei contatti.
gui-pages-id = ID Pagina
gui-pages-name = Nome
gui-pages-username = Nome utente (m.me)
gui-pages-country = Paese
gui-pages-tz = Fuso orario
gui-pages-contacts = Contatti
gui-pages-save = Salva
gui-pages-saved = Pagina salvata: verdetti e conteggi ora usano il suo paese.
gui-pages-country-unset = non impostato
gui-pages-country-search = Cerca un paese…
gui-pages-bad-tz = «{ $zone }» non è un fuso orario: scrivi un nome IANA come Europe/Rome o America/New_York.
gui-pages-bad-username = Il nome utente di una Pagina ha almeno 5 tra lettere, cifre e punti: la parte dopo https://m.me/.
gui-send-no-text = Scrivi prima il messaggio nel Compositore: la lista di invio lo pianifica per i contatti filtrati.
gui-send-to-composer = Apri il Compositore
gui-send-plan = Pianifica la lista di invio
gui-send-message = Messaggio:
gui-send-limit-rate = Limita il ritmo a
gui-send-per-minute = messaggi al minuto per Pagina
gui-send-quiet = Ore di silenzio
gui-send-quiet-zone = nel fuso orario di ogni contatto
gui-send-human = Ogni messaggio lo scrive una persona
gui-send-human-hint = La risposta di un operatore: HUMAN_AGENT la porta fino a 7 giorni dopo l'ultimo messaggio della persona. Mai per messaggi automatici o promozionali.
gui-send-ad-windows = Includi le finestre da annuncio
gui-send-ad-windows-hint = Una finestra avviata da un annuncio Click-to-Messenger "può durare fino a 7 giorni" (Meta). Solo le prime 24 ore sono certe: dopo, Meta può rifiutare il messaggio. Disattivato: questi contatti restano esclusi.
gui-send-counts = { $planned } { $planned ->
        [one] pianificato
       *[other] pianificati
    } · { $excluded } { $excluded ->
        [one] escluso
       *[other] esclusi
    }
gui-send-window = invii da { $first } a { $last }
gui-send-planned-at = Pianificato il { $at }{ $minutes ->
        [0] {""}
        [one] , un minuto fa: il piano resta com'è finché non cambi qualcosa o pianifichi di nuovo.
       *[other] , { $minutes } minuti fa: il piano resta com'è finché non cambi qualcosa o pianifichi di nuovo.
    }
gui-send-replan = Pianifica di nuovo adesso
gui-send-replan-hint = Pianifica lo stesso messaggio all'ora attuale: le finestre chiuse nel frattempo escono, le nuove azioni entrano.
gui-send-choose-file = Scegli…
gui-send-choose-file-hint = Scegli cartella e nome del file in una finestra (o scrivi il percorso nel campo)
gui-send-overwrite = { $count ->
        [one] Questo file esiste già: { $files }. Sostituirlo?
       *[other] Questi { $count } file esistono già: { $files }. Sostituirli?
    }
gui-send-overwrite-yes = Sostituisci
gui-send-left-out = Esclusi: { $reasons }
gui-send-differs = Il Compositore conta { $reachable } raggiungibili in questo istante; il piano invia a { $planned }: la differenza sono le persone escluse da scadenze, ore di silenzio o ritmo (sopra), oppure il messaggio è cambiato nel frattempo.
gui-send-planned-tab = Pianificati ({ $count })
gui-send-excluded-tab = Esclusi ({ $count })
gui-send-none-planned = Nessuno può ricevere questo messaggio ora.
gui-send-none-excluded = Nessuno è escluso.
gui-send-col-route = Percorso
gui-send-col-by = Entro ({ $zone })
gui-send-col-at = Invio alle ({ $zone })
gui-send-col-reason = Perché no
gui-send-no-deadline = nessuna scadenza
gui-send-chart = Invii pianificati e scadenze
gui-send-chart-hours = ore dall'istante di pianificazione
gui-send-chart-count = contatti
gui-send-chart-sends = inviati entro allora
gui-send-chart-deadlines = percorsi chiusi entro allora
gui-send-name = Nome della campagna
gui-send-approve = Approva
gui-send-approve-disabled = Niente da approvare: nessun contatto può ricevere il messaggio, o c'è un rilievo bloccante.
gui-send-approving = Salvataggio della campagna…
gui-send-approved = Approvata come campagna { $id }: { $name }. Una modifica crea una nuova campagna.
gui-send-file = Esporta in
gui-send-format = Formato
gui-send-export = Esporta
gui-send-no-path = Indica il file in cui esportare.
gui-send-unfilled = Questi segnaposto restano come scritti nei messaggi: { $tokens }
gui-send-history = Campagne approvate
gui-send-history-empty = Ancora nessuna.
gui-send-export-again = Esporta di nuovo

## Import: warnings, reasons and errors
import-warn-ambiguous-order = colonna { $column }: date come 03/04 possono essere giorno/mese o mese/giorno; lette come giorno/mese; se sono mese/giorno, dillo (--date-order mdy)
import-error-no-time = { $file }: nessun valore della colonna { $column } si legge come un orario (il primo è { $first }); indica la colonna giusta con --map { $field }=COLONNA
import-warn-not-a-time = colonna { $column }: nessun valore si legge come un orario (il primo è { $first }); la colonna resta come testo
import-warn-misfits = colonna { $column }: { $failures } valori su { $seen } del campione non seguono il formato { $format }; quelle righe saranno scartate
import-warn-utc-by-habit = colonna { $column }: gli orari senza fuso sono letti in UTC, come li scrive ManyChat; indica il fuso (--tz) se questa esportazione li ha scritti in un altro
import-warn-unknown-country = colonna { $column }: { $unknown } dei primi { $rows } valori non indicano un paese che Ventana conosce (il primo è { $first }); restano come scritti, e quelle persone sono collocate in base a lingua, fuso orario o Pagina; scrivi codici ISO come IT o ES
import-warn-no-window = nessuna colonna dice quando ogni persona ha interagito l'ultima volta: i contatti sono salvati con una finestra sconosciuta; indica la colonna che lo dice (--map last_interaction=COLONNA)
import-warn-window-from = nessuna colonna dell'ultima interazione: la finestra è ricavata da { $field }; indica la colonna giusta con --map last_interaction=COLONNA se c'è
import-warn-page-from-name = nessuna colonna della Pagina: la Pagina { $page } è presa dal nome del file, come Ventana chiama i suoi file di pubblico; indica --page-id se è sbagliata
import-warn-no-page = nessuna colonna della Pagina: i contatti sono salvati senza Pagina; indica l'ID della Pagina (--page-id) se l'esportazione viene da una sola Pagina (i PSID sono unici solo dentro una Pagina)
import-warn-ambiguous-order-gui = colonna { $column }: date come 03/04 possono essere giorno/mese o mese/giorno; lette come giorno/mese; se sono mese/giorno, sceglilo in "Date come 03/04"
import-error-no-time-gui = { $file }: nessun valore della colonna { $column } si legge come un orario (il primo è { $first }); scegli la colonna giusta in Colonne
import-warn-utc-by-habit-gui = colonna { $column }: gli orari senza fuso sono letti in UTC, come li scrive ManyChat; scegli il fuso qui sopra se questa esportazione li ha scritti in un altro
import-warn-no-window-gui = nessuna colonna dice quando ogni persona ha interagito l'ultima volta: i contatti sono salvati con una finestra sconosciuta; scegli la colonna che lo dice per "Ultima interazione" in Colonne
import-warn-window-from-gui = nessuna colonna dell'ultima interazione: la finestra è ricavata da { $field }; scegli la colonna giusta per "Ultima interazione" in Colonne se c'è
import-warn-page-from-name-gui = nessuna colonna della Pagina: la Pagina { $page } è presa dal nome del file, come Ventana chiama i suoi file di pubblico; scrivi quella giusta in "ID Pagina" se è sbagliata
import-warn-no-page-gui = nessuna colonna della Pagina: i contatti sono salvati senza Pagina; scrivi l'ID in "ID Pagina" se l'esportazione viene da una sola Pagina (i PSID sono unici solo dentro una Pagina)
import-warn-journal = i contatti sono salvati, ma il database non è potuto tornare al suo registro write-ahead ({ $why }); finché Ventana non viene riavviato, leggerlo mentre è in corso un'altra importazione può richiedere attesa
import-warn-replaced = { $count ->
        [one] una sequenza di byte non era { $encoding } valido ed è stata sostituita
       *[other] { $count } sequenze di byte non erano { $encoding } valido e sono state sostituite
    } da �; controlla i nomi con accenti, o esporta di nuovo in UTF-8
time-bad-date = "{ $value }" non è una data nel formato della colonna ({ $format }): { $reason }
time-bad-time = "{ $value }" non è un orario nel formato della colonna ({ $format }): { $reason }
time-unknown-zone = "{ $name }" non è un fuso orario che conosciamo; scrivi un nome di fuso IANA come Area/Città, per esempio Europe/Rome, America/New_York o UTC
time-unknown-zone-like = "{ $name }" non è un fuso orario che conosciamo (forse { $suggestion }?); scrivi un nome di fuso IANA come Area/Città, per esempio Europe/Rome, America/New_York o UTC
time-unknown-date-order = "{ $value }" non è un ordine di data; scrivi dmy per le date con il giorno prima (31/12/2025) o mdy per quelle con il mese prima (12/31/2025)
time-reason-shape = scrivilo come { $example }
time-reason-month-order = non esiste il mese { $month }; se questa colonna mette prima l'altro numero, importala con l'altro ordine di data
time-reason-month = non esiste il mese { $month }
time-reason-day-zero = non esiste il giorno 0
time-reason-leap = febbraio { $year } non ha il 29
time-reason-day = { $month } non ha il giorno { $day }
time-reason-hour-24 = le ore vanno da 00 a 23; scrivi la mezzanotte come 00:00 del giorno dopo
time-reason-hour = le ore vanno da 00 a 23
time-reason-minute = minuti e secondi vanno da 00 a 59
time-reason-twelve-hour = con AM o PM l'ora va da 1 a 12
time-reason-offset-range = gli scostamenti di fuso vanno da -23:59 a +23:59
time-reason-missing-offset = non ha uno scostamento di fuso come Z o +02:00, a differenza del resto della colonna; aggiungilo
time-reason-unexpected-offset = ha uno scostamento di fuso, a differenza del resto della colonna (orari locali); toglilo
time-reason-negative = è negativo, e i valori in { $format } non lo sono mai
time-reason-serial = i giorni seriali dei fogli di calcolo vanno da 20000 a 80000 (anni dal 1954 al 2119)
time-reason-digits = ha { $digits } cifre prima della virgola, dove i valori in { $format } ne hanno { $low } o { $high }
time-reason-scientific = la notazione scientifica perde cifre; formatta la colonna come numero intero nel foglio di calcolo ed esporta di nuovo
month-names = gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
map-no-id = nessuna colonna sembra un ID contatto (le intestazioni sono: { $headers }); indicala con --map psid=COLONNA
map-no-id-gui = nessuna colonna sembra un ID di contatto (le intestazioni sono: { $headers }); sceglila per "ID contatto" in Colonne
map-bad-form = --map { $map } va scritto come CAMPO=COLONNA, per esempio { $example }
map-unknown-field = campo { $field } sconosciuto in --map; i campi sono { $fields }
map-no-such-column = --map indica la colonna { $column }, ma il file non ha questa colonna (colonne: { $headers }); scrivi un'intestazione così com'è o un numero di colonna da 1 a { $count }
sniff-empty = il file è vuoto: non contiene contatti, solo spazi; esporta di nuovo i contatti e scegli il nuovo file
sniff-binary = questo file non sembra un'esportazione CSV o JSON: contiene dati binari, non testo (al byte { $offset } dall'inizio). { $hint }
sniff-hint-xlsx = È una cartella di lavoro Excel (.xlsx) o un archivio ZIP con un altro nome: aprila nel foglio di calcolo, scegli Salva con nome > CSV UTF-8 e importa quel file (estrai prima lo .zip).
sniff-hint-xls = È una vecchia cartella di lavoro Excel (.xls): aprila nel foglio di calcolo, scegli Salva con nome > CSV UTF-8 e importa quel file.
sniff-hint-pdf = È un documento PDF: esporta invece i contatti dalla piattaforma in CSV o JSON.
sniff-hint-gzip = È un file compresso .gz: estrailo prima, poi importa il CSV o il JSON che contiene.
sniff-hint-picture = È un'immagine, non un elenco di contatti: scegli invece l'esportazione CSV o JSON dei tuoi contatti.
sniff-hint-database = È un file di database, non un'esportazione: esporta i contatti in CSV o JSON e importa quel file.
sniff-hint-generic = Esporta di nuovo i contatti in CSV o JSON; da un foglio di calcolo, scegli Salva con nome > CSV UTF-8 e importa quel file.
import-error-io = { $path }: non si riesce a leggerlo ({ $detail }); controlla il percorso e i permessi
import-error-csv = il CSV non si riesce a leggere ({ $detail }); aprilo in un foglio di calcolo e salvalo di nuovo come CSV
import-error-cancelled = l'importazione è stata annullata; non è stato scritto nulla
json-error-io = non si riesce a leggere il file: { $detail }
json-error-syntax = il JSON è danneggiato alla riga { $line }, colonna { $column } ({ $detail }); il file potrebbe essere troncato: esportalo di nuovo
json-error-no-records = il JSON non contiene un elenco di contatti: serve un array di oggetti, o un oggetto che ne contenga uno (come {"{"}"data": [...]{"}"})
reject-json-line-kind = la riga { $line } è un { $kind } JSON dove serviva un oggetto contatto
reject-json-element-kind = l'elemento { $line } è un { $kind } JSON dove serviva un oggetto contatto
reject-json-invalid = la riga { $line } non è JSON valido ({ $detail })
reject-not-text = la riga { $line } non è testo valido nella codifica del file
reject-too-few-fields = la riga { $line } ha { $found } campi ma l'intestazione ne ha { $width }: manca un campo, o un campo tra virgolette non è stato chiuso
reject-too-many-fields = la riga { $line } ha { $found } campi ma l'intestazione ne ha { $width }: probabilmente un campo contiene un '{ $delimiter }' senza virgolette; metti quel campo tra virgolette doppie
reject-no-id = nessun ID contatto nella colonna { $column }
reject-mangled-id = l'ID { $id } nella colonna { $column } è stato trasformato in numero da un foglio di calcolo e ha perso cifre; esporta di nuovo con quella colonna formattata come testo
reject-channel = il canale { $channel } non è uno che Ventana conosce; scrivi messenger, instagram o whatsapp
reject-field = { $field }: { $detail }
store-error-dir = non si riesce a creare la cartella { $path } per il database ({ $detail }); indica con --db un percorso scrivibile
store-error-not-db = { $path } non è un database di Ventana (SQLite non riesce a leggerlo: { $detail }); indica un altro file con --db
store-error-too-new = { $path } è stato scritto da un Ventana più recente (versione dello schema { $found }, questa versione arriva alla { $known }); aggiorna Ventana o indica un altro file con --db
store-error-migration = non si riesce ad aggiornare lo schema del database { $path }: { $detail }
store-error-stale = { $count ->
        [one] un contatto di questo piano non è più
       *[other] { $count } contatti di questo piano non sono più
    } nel database (rimossi dopo che è stato fatto); pianifica di nuovo prima di approvare o esportare
store-error-undo-unknown = Non c'è un'importazione { $id } in questo database.
store-error-undo-done = L'importazione { $id } è già stata annullata.
store-error-undo-later = L'importazione { $id } non si può annullare finché resta un'importazione successiva ({ $later }): annulla prima quella.
store-error-undo-old = L'importazione { $id } non si può più annullare: Ventana conserva ciò che le importazioni hanno cambiato solo per le ultime tre. Elimina invece i suoi contatti dalla scheda Contatti.
store-error-sqlite = errore del database: { $detail }
export-error-write = non si riesce a scrivere { $path } ({ $detail }); controlla che la cartella esista e sia scrivibile
export-error-no-file-name = { $path } non indica un file; dai un nome di file come invii.csv
export-error-no-name = dai un nome alla campagna prima di approvarla, per esempio "Black Friday"
export-error-nothing = niente da approvare: nessun contatto può ricevere questo messaggio alle { $at }
cli-error-fill = --fill { $pair } va scritto come SEGNAPOSTO=VALORE, per esempio --fill '{ $example }'
cli-error-stdin = non si riesce a leggere il messaggio dallo standard input ({ $detail }); è testo UTF-8?
cli-error-message-file = non si riesce a leggere il messaggio da { $path } ({ $detail }); è un file di testo UTF-8?
cli-error-no-message = indica il messaggio: { $usage }
cli-error-empty-message = il messaggio è vuoto: scrivi il testo da inviare
cli-error-read = non si riesce a leggere { $path } ({ $detail })
cli-error-corpus = { $path }, { $detail }: ogni riga deve essere un oggetto JSON con lang, text e label
cli-error-no-folder = la cartella { $folder } non esiste; creala o indica un altro --out
cli-error-blocked = il messaggio non si può inviare così com'è: { $findings }. Cambia il testo o il percorso (vedi ventana check), poi esporta di nuovo
cli-error-tz = --tz: { $detail }
cli-error-rules = non si riescono a caricare le regole
cli-error-output = non si riesce a scrivere l'output: { $detail }
cli-import-no-rows = { $file }: niente da importare: il file ha un'intestazione ma nessuna riga
cli-import-all-rejected = { $file }: non si è potuto importare nulla: ogni riga è stata scartata (motivi sopra)

## Entry points and returns
entry-kind-link = link m.me
entry-kind-qr = codice QR
entry-kind-ad = inserzione Click-to-Messenger
entry-kind-comment_reply = risposta a un commento
entry-kind-plugin = plugin di chat
ref-empty = il ref è vuoto: usa da 1 a 250 caratteri tra a-z A-Z 0-9 + / = - . : _ (la regola di Meta per i link m.me e i plugin)
ref-too-long = il ref ha { $chars } caratteri; i plugin di Meta ne accettano al massimo { $limit } (i link m.me 2.083): accorcialo, così lo stesso ref vale ovunque
ref-bad-char = il ref ha { $char } al carattere { $at }; Meta ammette solo a-z A-Z 0-9 + / = - . : _ (niente spazi né accenti): sostituiscilo, ad es. con -
entry-error-page = La Pagina { $page } non è nota: importa i suoi contatti o impostala con `ventana pages set { $page } --name …` (la scheda Pagine nell'app)
entry-error-username = La Pagina { $page } non ha un nome utente, e un link ne ha bisogno: impostalo con `ventana pages set { $page } --username NOME` (la scheda Pagine nell'app)
entry-error-ref-needed = un { $kind } ha bisogno di un ref, perché Ventana possa sapere chi è tornato da lì: indicane uno (ad es. poster-inverno)
entry-error-ref-taken = il ref { $ref } è già usato dal punto di ingresso "{ $name }" di questa Pagina: scegline un altro, così i ritorni non si mescolano
entry-error-campaign = non esiste la campagna { $id }: `ventana export --approve NOME` stampa l'id di una campagna approvata
entry-error-not-found = non esiste il punto di ingresso { $id }: `ventana entry-points list` mostra id e ref
entry-error-qr = impossibile creare il codice QR ({ $detail })
entry-blurb-qr = Inquadra il codice per scriverci su { $app } ({ $link }): ti rispondiamo qui.
entry-blurb-link = Scrivici su { $app }: { $link }
cli-entry-none = Ancora nessun punto di ingresso: `ventana entry-points create --page ID_PAGINA --ref REF` ne registra uno.
cli-entry-bad-kind = { $kind } non è un tipo di punto di ingresso: usa link, qr, ad, comment-reply o plugin
cli-entry-no-qr = un { $kind } non ha un link, quindi non ha un codice QR: togli --out
cli-entry-qr-written = Codice QR scritto in { $path }
cli-entry-line = #{ $id } { $name } · { $kind } · Pagina { $page } · ref { $ref } · dal { $started } · campagna { $campaign }
cli-returns-entries = Chi è tornato dopo ogni punto di ingresso:
cli-returns-by-ref = { $name }: { $count ->
        [one] { $count } contatto è tornato
       *[other] { $count } contatti sono tornati
    } dal suo ref dal { $started } ({ $any } hanno scritto alla Pagina in tutto)
cli-returns-by-any = { $name }: { $count ->
        [one] { $count } contatto della Pagina ha scritto
       *[other] { $count } contatti della Pagina hanno scritto
    } dal { $started } (l'export non ha il ref, quindi conta ogni ritorno, da questo punto di ingresso o no)
cli-returns-campaign = di questi, esclusi dalla sua campagna: { $count }
cli-returns-weekly = Tasso di ritorno per Pagina e settimana (settimane dal lunedì, { $zone }):
cli-returns-week = { $known ->
        [one] { $returned } di { $known } contatto noto ha scritto
       *[other] { $returned } di { $known } contatti noti hanno scritto
    } ({ $rate } %), { $new ->
        [one] { $new } nuovo
       *[other] { $new } nuovi
    }
cli-returns-hours = Azioni per ora del giorno:
cli-returns-ask = Non raggiungibili ora: { $closed }. Una persona può rispondere a { $human } con HUMAN_AGENT (una risposta alla loro domanda, entro 7 giorni); { $reply } possono ricevere una risposta privata al loro commento recente; per { $ad } resta solo un'inserzione o un punto di ingresso che vedano (il file di pubblico di `ventana export`).
gui-tab-reopen = Riapri
gui-reopen-none = Ancora nessun punto di ingresso. Un link o un codice QR con un ref riporta le persone nella conversazione: quando scrivono si apre una finestra di 24 ore, e Ventana conta chi è tornato.
gui-reopen-new = Nuovo punto di ingresso
gui-reopen-page = Pagina
gui-reopen-pick-page = Scegli una Pagina
gui-reopen-kind = Tipo
gui-reopen-ref = Ref
gui-reopen-ref-hint = ad es. poster-inverno
gui-reopen-name = Nome
gui-reopen-name-hint = ad es. Poster nel negozio di Via Roma
gui-reopen-campaign = Campagna
gui-reopen-no-campaign = — nessuna —
gui-reopen-channel = Canale
gui-reopen-create = Crea
gui-reopen-starts = Parte all'istante di pianificazione, { $at }.
gui-reopen-facts = { $kind } · { $page } · ref { $ref } · attivo dal { $started } · campagna { $campaign }
gui-reopen-copy = Copia il link
gui-reopen-save-qr = Salva il codice QR…
gui-reopen-text = Da stampare o incollare accanto
gui-reopen-ad-how = Indirizza un'inserzione Click-to-Messenger al file di pubblico che scrive `ventana export` (i contatti chiusi di ogni Pagina): chi la tocca e scrive apre una finestra.
gui-reopen-reply-how = Rispondi in privato al commento della persona, una volta, entro 7 giorni; la sua risposta apre una finestra di 24 ore.
gui-reopen-delete = Elimina questo punto di ingresso
gui-reopen-delete-sure = Eliminare questo punto di ingresso? Il link continua a funzionare, ma Ventana non conta più chi torna da lì.
gui-reopen-computing = Conto chi è tornato…
gui-reopen-ask-all = tutti i contatti
gui-reopen-ask-campaign = esclusi da "{ $name }"
gui-reopen-ask-title = Non raggiungibili ora ({ $scope }): { $count }. Cosa può ancora raggiungerli:
gui-reopen-ask-human = una persona, con HUMAN_AGENT, se risponde a una loro domanda, entro 7 giorni dal loro ultimo messaggio
gui-reopen-ask-reply = una sola risposta privata al loro commento recente (entro 7 giorni)
gui-reopen-ask-ad = niente: solo un'inserzione al file di pubblico, o un punto di ingresso che vedano, li riporta qui
gui-reopen-weekly = Chi ha riscritto, per Pagina e settimana
gui-reopen-week-axis = settimana dal lunedì
gui-reopen-rate-axis = % dei contatti noti
gui-reopen-hours = Quando scrivono le persone ({ $zone })
gui-reopen-hour-axis = ora del giorno
gui-reopen-actions-axis = azioni
gui-reopen-edit = Modifica
gui-reopen-started = Attivo dal
gui-reopen-save = Salva
gui-reopen-bad-start = "{ $text }" non è un istante: scrivilo come 20/11/2026 09:00 o 2026-11-20 09:00, nel fuso mostrato in alto.
cli-entry-deleted = Punto di ingresso "{ $name }" eliminato: il link continua a funzionare, ma Ventana non conta più chi torna da lì.

eval-rules-only = solo lessici:
eval-with-model = lessici e punteggio appreso { $version }:
eval-col-lang = lingua
eval-col-n = n
eval-col-precision = precisione
eval-col-recall = richiamo
eval-col-f1 = F1
eval-col-f1-ci = F1 IC 95%
eval-col-tag = tag esatti
eval-col-tag-ci = tag IC 95%
eval-row-all = tutte
eval-sure = Verdetti non al limite: { $sure } { $sure ->
    [one] messaggio
   *[other] messaggi
} su { $n }; giusti: { $right } % (precisione { $precision }, richiamo { $recall }).
eval-borderline = Al limite: { $borderline }; giusti: { $right_borderline } %.
eval-miss = atteso { $expected }, ottenuto { $got }
eval-what-promotional = verdetto
eval-what-tag = tag
eval-label-promotional = promozionale
eval-label-non_promotional = non promozionale

## Fatti che il testo non mostra, chiesti a chi scrive
fact-human_reply-question = È una persona a scrivere questa risposta a una domanda del cliente, entro 7 giorni?
fact-own_transaction-question = Riguarda un acquisto, una prenotazione o un account di questa persona?
fact-event_signup-question = Questa persona si è iscritta all'evento di cui si parla?
fact-human_reply-yes = una persona risponde a una domanda del cliente
fact-human_reply-no = nessuna persona risponde a una domanda del cliente
fact-own_transaction-yes = riguarda un acquisto, una prenotazione o l'account della persona
fact-own_transaction-no = non riguarda un acquisto, una prenotazione o un account della persona
fact-event_signup-yes = la persona si è iscritta all'evento
fact-event_signup-no = la persona non si è iscritta all'evento, quindi parlarne è un invito
reason-rests-on = { $count ->
    [one] Questo si basa sulla tua risposta: { $answers }.
   *[other] Questo si basa sulle tue risposte: { $answers }.
}
finding-learned = «{ $excerpt }» suona come una proposta commerciale (punteggio appreso).
finding-learned-decided = «{ $excerpt }» suona come una proposta commerciale: il punteggio appreso giudica il testo promozionale ({ $score }; promozionale da { $threshold }).
finding-borderline-without = Al limite: il punteggio appreso è { $score } (promozionale da { $threshold }). Senza «{ $excerpt }» non risulterebbe promozionale.
finding-borderline-spread = Al limite: il punteggio appreso è { $score } (promozionale da { $threshold }); nessuna frase da sola lo decide.
finding-borderline-closer = Al limite: il punteggio appreso è { $score }, appena sotto { $threshold }; un po' più di linguaggio commerciale (un'offerta, un invito all'acquisto) lo renderebbe promozionale.
gui-facts = Quello che sai solo tu
gui-fact-guess = Ipotesi di Ventana: { $answer } (sicura al { $percent } %)
gui-fact-yes = Sì
gui-fact-no = No
gui-fact-unanswered = Ipotesi
gui-fact-relied = Il verdetto si basa su questa risposta.
cli-facts = Fatti
cli-fact-answered = tua risposta
cli-fact-guessed = ipotesi, sicura al { $percent } %
cli-error-fact = { $value } non è una risposta valida. Scrivi NOME=yes o NOME=no, dove NOME è human_reply, own_transaction o event_signup.
gui-borderline = al limite
model-error-missing = il file non esiste
model-error-read = Impossibile leggere { $path }: { $detail }. Una cartella di modello contiene model.toml e weights.bin, come li scrive l'addestramento.
model-error-meta = { $path } non è una descrizione di modello valida: { $detail }
model-error-digest = { $path } non appartiene a { $meta }: il suo SHA-256 è diverso da quello scritto lì. Copia entrambi i file dello stesso modello, come li scrive l'addestramento.
model-error-format = { $path } non è un modello che questa versione di Ventana sa leggere ({ $expected } byte attesi, { $found } trovati). Addestralo di nuovo con questa versione.
cli-plan-answers = Le tue risposte
gui-campaign-answers = Le tue risposte
