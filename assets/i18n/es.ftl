# Ventana — catálogo español.

## Indicios promocionales.
cue-discount = «{ $excerpt }» ofrece un descuento: los descuentos son promocionales, así que ninguna etiqueta puede llevar este texto.
cue-price = «{ $excerpt }» es un precio: vale en un recibo, pero junto a una oferta parece promocional.
cue-coupon_code = «{ $excerpt }» es un cupón o código promocional: los cupones son contenido promocional.
cue-sale = «{ $excerpt }» anuncia rebajas, una oferta o una promoción: es contenido promocional.
cue-free_gift = «{ $excerpt }» regala algo: los regalos son promocionales.
cue-call_to_buy = «{ $excerpt }» invita a comprar o reservar: una llamada a la compra es promocional.
cue-urgency = «{ $excerpt }» mete prisa, algo típico de las promociones.
cue-re_engagement = «{ $excerpt }» intenta que la persona vuelva: los mensajes de reactivación son promocionales.
cue-upsell = «{ $excerpt }» sugiere otros productos o una mejora: la venta cruzada y adicional es promocional.
cue-survey_prompt = «{ $excerpt }» pide una encuesta o una reseña: las etiquetas no pueden llevar estas peticiones.
cue-cart_reminder = «{ $excerpt }» recuerda una compra sin terminar: los recordatorios de carrito abandonado son promocionales.
cue-new_product = «{ $excerpt }» anuncia productos nuevos, algo promocional.
cue-contest = «{ $excerpt }» promociona un concurso o sorteo, algo promocional.
cue-event_invite = «{ $excerpt }» invita a algo a lo que la persona no se ha apuntado.
cue-shop_link = «{ $excerpt }» enlaza a una tienda o a un producto: un empujón a comprar.
cue-link = «{ $excerpt }» es un enlace: no es promocional por sí mismo, pero revisa adónde lleva.

## Avisos sobre el mensaje entero.
finding-language = No revisado para este idioma ({ $name }): Ventana revisa inglés, italiano y español. Léelo tú antes de enviarlo fuera de la ventana.
finding-language-part = Una parte de este texto (alrededor del { $percent } %) está en { $name }, que Ventana no revisa: solo se juzgó la parte en { $checked }. Lee el resto antes de enviarlo fuera de la ventana.
finding-length-chars = El texto tiene { $count } caracteres; { $channel } acepta como máximo { $limit }: acórtalo a partir de aquí.
finding-length-bytes = El texto ocupa { $count } bytes; { $channel } acepta como máximo { $limit }: acórtalo a partir de aquí.
finding-unknown_tag = { $tag } no es una etiqueta de { $channel }. Etiquetas conocidas: { $known }.
finding-tag_not_yet = { $tag } aún no existía el { $at }: empieza el { $date }.
finding-tag_mismatch-promotional = { $tag } no puede llevar contenido promocional: quita las palabras resaltadas o envíalo dentro de la ventana.
finding-tag_mismatch-purpose = { $tag } sirve para { $allowed }; este texto parece { $purpose }.
finding-tag_mismatch-topic = { $tag } solo cubre { $topics }, y este texto no trata de ninguno.
finding-tag_mismatch-unchecked = Este texto no se revisó, así que Ventana no puede avalar { $tag }.
finding-human_only = { $tag } debe escribirlo una persona, dentro de las { $hours } horas siguientes al último mensaje de la persona.

## Consejo de ruta.
reason-fits-tag = Fuera de la ventana de { $hours } horas, { $tag } puede llevar { $purpose } (solo contenido no promocional).
reason-fits-route = Fuera de la ventana de { $hours } horas, envíalo como { $route }.
reason-retired = { $tag } se retiró el { $date }: envíalo como { $replacement } o dentro de la ventana.
reason-retired-inside = { $tag } se retiró el { $date }: envíalo dentro de la ventana.
reason-promotional = Contenido promocional: ninguna etiqueta puede llevarlo, así que envíalo solo dentro de la ventana de { $hours } horas.
reason-feedback = Una petición de encuesta, votación o reseña: las etiquetas de mensaje no pueden llevarla, así que envíalo dentro de la ventana de { $hours } horas, o por una vía pensada para opiniones si abajo figura alguna.
reason-alternatives = Rutas que hay que configurar antes: { $routes }.
reason-no-route = Ninguna ruta lleva { $purpose } fuera de la ventana: envíalo dentro de la ventana de { $hours } horas.
reason-unchecked = El texto no se revisó, así que Ventana no sugiere rutas fuera de la ventana de { $hours } horas.
reason-no-policy = No se conoce ninguna política de { $channel } en { $at }: elige un instante posterior.

## Rutas.
route-standard = un mensaje estándar dentro de la ventana
route-follow_up = el único mensaje de seguimiento (+1)
route-message_tag = la etiqueta { $tag }
route-utility_template = una plantilla Utility aprobada
route-one_time_notification = una One-Time Notification
route-subscription = un mensaje de suscripción
route-paid_marketing = un mensaje de marketing de pago
route-sponsored = un Mensaje Patrocinado
route-none = ninguna ruta
route-needs = { $route } (necesita { $requires })
route-legacy_template = una plantilla de recibo o de vuelo (normas de 2016)
route-authentication_template = una plantilla Authentication aprobada (código de un solo uso)
route-recurring_notification = una notificación recurrente
region-no-page = { $route }: no disponible para páginas de { $country }. { $reason }
region-no-recipient = { $route }: no disponible para personas de { $country }. { $reason }
region-uncertain-page = { $route }: dudoso para páginas de { $country }, así que Ventana no cuenta con ello. { $reason }
region-uncertain-recipient = { $route }: dudoso para personas de { $country }, así que Ventana no cuenta con ello. { $reason }
region-unknown-page = { $route }: no se conoce el país de la página, así que Ventana no cuenta con ello. { $reason }
region-unknown-page-fix = Define el país de la página en Páginas (o con --page-country), o planifica una página cada vez: los contactos de páginas en países distintos no tienen un único país de página.
region-unknown-recipient = { $route }: no se conoce el país de la persona, así que Ventana no cuenta con ello. { $reason }
region-confidence-reported = (Lo informan terceros; las páginas de Meta no lo confirman.)
region-confidence-conflicting = (Las páginas de Meta no coinciden en esto.)
region-feature = { $feature }: { $reason }

## Propósitos.
purpose-event_update = una actualización de un evento o reserva
purpose-post_purchase = una actualización del pedido
purpose-account_update = una actualización de la cuenta
purpose-human_support = una respuesta de soporte
purpose-feedback = una petición de opinión
purpose-news = noticias
purpose-promotional = una promoción
purpose-general = un mensaje general

## Etiquetas de la línea de comandos.
cli-language = Idioma
cli-promotional = Promocional
cli-score = puntuación
cli-yes = sí
cli-no = no
cli-not-checked = no revisado
cli-purpose = Propósito
cli-suggested-tag = Etiqueta sugerida
cli-route = Ruta
cli-policy = Política
cli-chars = Caracteres
cli-findings = Avisos
cli-none = ninguno
lang-en = inglés
lang-it = italiano
lang-es = español
lang-und = indeterminado (revisado con los indicios ingleses, italianos y españoles)
cli-import-delimiter = separador
cli-import-times = horas
cli-import-no-times = ninguna columna de hora
cli-import-columns = columnas
cli-import-rows-read = filas leídas
cli-import-inserted = insertados
cli-import-updated = actualizados
cli-import-unchanged = sin cambios
cli-import-rejected = rechazadas
cli-import-repeated = { $count ->
    [one] una fila repite un contacto ya visto en el archivo
   *[other] { $count } filas repiten un contacto ya visto en el archivo
}
cli-import-line = línea
cli-import-more-rejects = el resto de filas rechazadas está guardado en la base de datos
cli-import-dry-run = prueba: no se escribió nada
cli-windows-at = Ventanas en
cli-windows-total = contactos
cli-windows-open = abiertas
cli-windows-closing = por cerrar
cli-windows-maybe = quizá abiertas (iniciadas por un anuncio)
cli-windows-human = solo agente humano
cli-windows-closed = cerradas
cli-windows-unknown = desconocidas
cli-windows-by-hour = cierres en cada una de las próximas 24 horas
cli-pages-line = { $id }  { $name }  m.me: { $username }  país: { $country }  zona: { $tz }  contactos: { $contacts }
cli-pages-none = Todavía no hay páginas: importa contactos primero.
cli-pages-set-country = Las páginas sin país reciben la respuesta prudente (no se usan las vías limitadas a algunos países): defínelo con `ventana pages set PAGE_ID --country IT`.
cli-pages-nothing-to-set = Nada que cambiar: indica --country, --name, --username o --tz.
cli-plan-at = Plan a las
cli-plan-best-route = la mejor ruta para cada contacto
cli-plan-considered = Considerados
cli-plan-planned = Planificados
cli-plan-excluded = Excluidos
cli-plan-sends = Envíos
cli-plan-faster = { $missed ->
        [one] { $missed } contacto pierde su ventana
       *[other] { $missed } contactos pierden su ventana
    } a este ritmo; a { $rate } por minuto { $saved ->
        [one] se enviaría { $saved }
       *[other] se enviarían { $saved }
    }.
cli-plan-zones-defaulted = { $count ->
    [one] un contacto no tiene una zona horaria legible: las horas de silencio usan la zona por defecto (--tz)
   *[other] { $count } contactos no tienen una zona horaria legible: las horas de silencio usan la zona por defecto (--tz)
}
cli-plan-other-channel = { $count ->
        [one] Un contacto de otro canal queda fuera.
       *[other] { $count } contactos de otros canales quedan fuera.
    }
cli-export-wrote = Escrito
cli-export-removed = Eliminado un archivo de público anterior de una página que esta exportación no tiene:
cli-export-rows = { $count ->
        [one] { $count } fila
       *[other] { $count } filas
    }
cli-export-approved = Aprobada como campaña { $id }: { $name }
cli-export-need-template = { $count ->
        [one] Un envío necesita
       *[other] { $count } envíos necesitan
    } una plantilla Utility aprobada: están en la lista CSV, no en las líneas JSON (una plantilla se envía por nombre, no como texto).
cli-export-unfilled = Estos marcadores quedan tal cual (da un valor con --fill): { $tokens }

## Aplicación de escritorio.
gui-import = Importar…
gui-tab-contacts = Contactos
gui-tab-timeline = Cronología
gui-tab-composer = Mensaje
gui-theme-dark = Tema oscuro
gui-theme-light = Tema claro
gui-language = Idioma
gui-planning-at = Planificar a las
gui-now = Ahora
gui-now-hint = Planificar a la hora actual y seguir el reloj
gui-zone = Horas en
gui-zone-machine = Zona de este ordenador ({ $zone })
gui-zone-search = Buscar zonas: rome, madrid, new york…
gui-planning-format = fecha y hora en la zona de al lado (22/11/2026 18:30); Intro para planificar en ese instante
gui-loading = Procesando…
gui-status-counts = { $shown } de { $total } { $total ->
        [one] contacto mostrado
       *[other] contactos mostrados
    }
gui-filters = Filtros
gui-all = Todos
gui-none = — ninguna —
gui-no-page = (sin Página)
gui-filter-page = Página
gui-filter-channel = Canal
gui-filter-locale = Idioma del contacto
gui-filter-state = Ventana
gui-filter-from = Última acción desde
gui-date-hint = dd/mm/aaaa
gui-filter-to = Última acción hasta
gui-filter-search = Nombre o ID
gui-filter-search-hint = buscar…
gui-horizon = Por cerrar en
gui-clear-filters = Quitar filtros
gui-counts = En el instante de planificación
gui-state-open = Abierta
gui-state-closing = Por cerrar
gui-state-maybe_open = Quizá abierta (anuncio)
gui-state-human_agent_only = Solo agente
gui-state-closed = Cerrada
gui-state-unknown = Desconocida
gui-dur-days = { $a } d { $b } h
gui-dur-hours = { $a } h { $b } min
gui-dur-minutes = { $a } min
gui-closes-in = cierra en { $time }
gui-maybe-for = quizá abierta { $time } más (iniciada por un anuncio; no es seguro)
gui-agent-for = agente durante { $time }
gui-kind-message = mensaje
gui-kind-postback = botón
gui-kind-reaction = reacción
gui-kind-referral = enlace
gui-kind-ad_click = clic en anuncio
gui-kind-optin = suscripción
gui-kind-comment = comentario
gui-kind-call = llamada
gui-kind-unknown = acción
gui-sort = Ordenar
gui-sort-expiring = Primero las que vencen
gui-sort-last = Interacción más reciente
gui-sort-imported = Orden de importación
gui-sort-page = Página
gui-sort-locale = Idioma
gui-contacts-shown = { $count ->
        [one] { $count } contacto
       *[other] { $count } contactos
    }
gui-remove-demo = Quitar los contactos de demostración
gui-last-import = Última importación: { $file } — { $inserted } { $inserted ->
        [one] nuevo
       *[other] nuevos
    }, { $updated } { $updated ->
        [one] actualizado
       *[other] actualizados
    }, { $rejected } { $rejected ->
        [one] rechazado
       *[other] rechazados
    }
gui-report-counts = { $read } { $read ->
        [one] fila leída
       *[other] filas leídas
    }: { $inserted } { $inserted ->
        [one] nuevo
       *[other] nuevos
    }, { $updated } { $updated ->
        [one] actualizado
       *[other] actualizados
    }, { $unchanged } sin cambios, { $rejected } { $rejected ->
        [one] rechazada
       *[other] rechazadas
    }.
gui-report-rejects = Filas rechazadas
gui-import-demo-loaded = Los contactos de demostración siguen cargados: los tuyos se contarían y planificarían junto con ellos. Quítalos antes, o importa junto a ellos.
gui-import-would = Si lo importas como está arriba:
gui-import-counts-later = El archivo supera 8 MB: los recuentos llegan con la importación.
gui-import-more-rejects = … { $count ->
        [one] y otra fila rechazada
       *[other] y { $count } filas rechazadas más
    } (todas se guardan con la importación).
gui-no-match = Ningún contacto cumple los filtros.
gui-col-window = Ventana
gui-col-name = Nombre
gui-col-psid = ID (PSID)
gui-col-page = Canal · Página
gui-col-locale = Idioma · país
gui-country-from-column = columna
gui-country-from-locale = idioma
gui-country-from-time_zone = zona
gui-country-from-page = página
gui-country-from-unknown = país desconocido
gui-col-last = Última interacción
gui-unknown-time = desconocida
gui-timeline-hint = Arrastra para desplazarte, Ctrl + rueda para el zoom; pasa sobre una fila para ver detalles, clic para seleccionar.
gui-timeline-reset = Volver a ahora
gui-timeline-y = contactos
gui-series-open = Ventanas abiertas
gui-series-reachable = Alcanzables (incl. agente)
gui-series-closings-hour = Ventanas que cierran cada hora
gui-series-closings = Ventanas que cierran por barra
gui-now-line = Ahora
gui-lanes = { $count ->
        [one] Un contacto
       *[other] { $count } contactos
    }: ventana (sólida) y días del agente (clara)
gui-lane-tip = { $kind } el { $at }, la ventana cierra el { $closes }
gui-channel = Canal
gui-route = Ruta
gui-route-suggest = Que Ventana sugiera
gui-message = Mensaje
gui-message-hint = Escribe el mensaje; a los marcadores como {"{"}first_name{"}"} o {"{{"}1{"}}"} puedes darles valores de prueba abajo.
gui-chars = { $used ->
        [one] { $used } carácter
       *[other] { $used } caracteres
    }
gui-chars-of = { $used } de un máximo de { $limit } caracteres
gui-bytes = { $used } bytes
gui-bytes-of = { $used } de un máximo de { $limit } bytes
gui-samples = Valores de prueba de los marcadores
gui-findings = Avisos
gui-no-findings = Nada que señalar.
gui-severity-info = info
gui-severity-warn = atención
gui-severity-block = bloquea
gui-suggestion = Sugerencia
gui-suggestion-empty = Escribe un mensaje para ver para qué sirve y cómo puede enviarse.
gui-source = Fuente de la regla
gui-place = Veredicto para el país de la página: { $page } · de las personas: { $person }
gui-place-unknown-hint = Define el país de la página en Páginas (o filtra una sola página si los contactos son de páginas en países distintos): hasta entonces no se cuenta con las vías que solo existen en algunos países. El alcance de abajo cuenta cada contacto donde están él y su página.
gui-country-unknown = desconocido
gui-routes-outside = Vías fuera de la ventana
gui-route-fits = encaja con el texto
gui-route-does-not-fit = no encaja
gui-route-here = disponible aquí
gui-route-uncertain = dudoso aquí
gui-route-not-here = no disponible aquí
gui-reach = A quién llega ahora
gui-reach-empty = Carga contactos y escribe un mensaje.
gui-reach-summary = { $reachable } de { $total } { $total ->
        [one] contacto filtrado
       *[other] contactos filtrados
    } el { $at }
excl-no_interaction = ninguna interacción conocida
excl-window_closed = ventana cerrada, ninguna ruta sirve
excl-promotional_outside_window = promocional, ventana cerrada
excl-human_agent_only = solo puede escribir un agente
excl-too_late = demasiado tarde para esta ruta
excl-route_unavailable = la ruta elegida no puede llevar este mensaje ahora
excl-quiet_hours = horas de silencio hasta el cierre
excl-rate_too_low = ritmo demasiado bajo para llegar a tiempo
excl-region_unavailable = la vía no existe donde están la página o la persona
excl-ad_window = ventana iniciada por un anuncio: quizá abierta, no segura (incluye las ventanas de anuncio para planificarla)
gui-import-title = Importar contactos
gui-import-intro = Elige una exportación CSV o JSON de tu plataforma de bots o de tu hoja de cálculo.
gui-import-choose = Elegir un archivo…
gui-import-path = Ruta del archivo
gui-import-open = Abrir
gui-import-drop = También puedes soltar un archivo sobre la ventana.
gui-import-no-dialog = No se eligió ningún archivo (o este escritorio no tiene selector de archivos): escribe la ruta arriba.
gui-import-reading = Leyendo
gui-import-file = Archivo
gui-import-encoding = Codificación
gui-import-delimiter = Separador
gui-import-no-format = no se encontró ninguna hora
gui-import-zone = Zona horaria de las horas sin zona
gui-import-date-order = Fechas como 03/04
gui-date-order-detect = Detectar (día/mes si hay duda)
gui-date-order-dmy = día/mes (31/12)
gui-date-order-mdy = mes/día (12/31)
gui-import-page = ID de Página
gui-import-mapping = Columnas
gui-import-first-rows = Primeras filas
gui-import-start = Importar
gui-import-progress = { $rows ->
        [one] { $rows } fila escrita
       *[other] { $rows } filas escritas
    }
gui-import-again = Elegir otro archivo
gui-cancel = Cancelar
gui-close = Cerrar
gui-field-psid = ID de contacto
gui-field-page_id = ID de Página
gui-field-channel = Canal
gui-field-name = Nombre completo
gui-field-first_name = Nombre
gui-field-last_name = Apellidos
gui-field-locale = Idioma
gui-field-timezone = Zona horaria
gui-field-country = País
gui-job-failed = Algo ha fallado dentro de Ventana ({ $detail }); no se ha cambiado nada. Vuelve a intentarlo y, si vuelve a pasar, infórmalo contando qué hacías.
gui-field-last_interaction = Última interacción
gui-field-interaction_kind = Tipo de interacción
gui-field-last_seen = Última conexión
gui-field-subscribed = Suscripción
gui-welcome-title = ¿A quién puedes escribir ahora, y cómo?
gui-welcome-text = Importa la exportación de tus contactos para ver qué ventanas de mensajería están abiertas, por cerrar o cerradas, y revisa un mensaje con las reglas de Meta antes de enviarlo.
gui-welcome-demo = Cargar los contactos de demostración
gui-welcome-import = Importar tu exportación…
gui-welcome-drop = O suelta un archivo CSV o JSON sobre esta ventana.
gui-demo-loaded = Contactos de demostración cargados.
gui-demo-removed = Se quitaron los contactos de demostración.
gui-pin-demo = La planificación está fijada el { $at }, el instante de la exportación de demostración, así que sus ventanas se ven como entonces. El reloj marca { $clock }.
gui-pin-chosen = La planificación está fijada el { $at }: ventanas, recuentos y planes valen para ese instante, no para el reloj ({ $clock }).
gui-pin-follow = Seguir el reloj
gui-pin-newer = Los contactos tienen acciones después del instante fijado (la más reciente el { $newest }).
gui-pin-move = Planificar el { $newest }

gui-tab-sendlist = Lista de envío
gui-tab-pages = Páginas
gui-tab-imports = Importaciones
gui-imports-all = Todas las importaciones…
gui-imports-none = Aún no hay importaciones: usa Importar… arriba, o suelta un archivo en la ventana.
gui-import-undone-tag = deshecha
gui-import-undone-at = Deshecha el { $at }: se quitaron los contactos que añadió y se devolvieron los que cambió a como estaban.
gui-import-facts = { $format }, { $encoding }, importado el { $at }
gui-import-undo = Deshacer esta importación
gui-import-undo-hint = Quita los contactos que añadió, devuelve los que cambió a como estaban antes y quita las acciones que registró.
gui-import-undo-sure = ¿Deshacer esta importación? Los contactos añadidos se van, los cambiados vuelven a como estaban y las acciones registradas se van. Su informe y sus filas rechazadas se quedan.
gui-import-undo-yes = Deshacer
gui-import-undone = Importación deshecha: { $removed ->
        [one] un contacto añadido quitado
       *[other] { $removed } contactos añadidos quitados
    }, { $restored ->
        [one] un contacto cambiado devuelto
       *[other] { $restored } contactos cambiados devueltos
    }, { $actions ->
        [one] una acción registrada quitada
       *[other] { $actions } acciones registradas quitadas
    }.
gui-rejects-save = Guardar como CSV…
gui-rejects-none = No se rechazó ninguna fila.
gui-rejects-reason = Motivo
gui-rejects-row = Fila tal como se leyó
gui-rejects-saved = { $count ->
        [one] Una fila rechazada guardada en { $path }.
       *[other] { $count } filas rechazadas guardadas en { $path }.
    }
gui-contact-title = Contacto
gui-contact-zone = Zona horaria
gui-contact-subscribed = Suscrito el
gui-contact-history = Acciones y las ventanas que abrieron
gui-contact-imports = Importaciones de este contacto
gui-contact-delete = Eliminar este contacto
gui-contact-delete-sure = ¿Eliminar este contacto y todas sus acciones registradas? Las campañas aprobadas conservan su propia copia de lo enviado. No se puede deshacer.
gui-contact-delete-yes = Eliminar
gui-contact-deleted = Se eliminó el contacto.
gui-contact-gone = El contacto { $id } ya no está en la base de datos.
gui-contact-now-open = Cualquier mensaje hasta el { $until }: la ventana de 24 horas que abrió su acción ({ $kind }) del { $at }. Una promoción solo dentro de ella.
gui-contact-now-maybe = La ventana que abrió un anuncio puede seguir abierta hasta el { $until }; Ventana no cuenta con ello.
gui-contact-now-agent = La ventana está cerrada; una persona que responde (HUMAN_AGENT) puede contestar hasta el { $until }.
gui-contact-now-closed = La ventana se cerró el { $until }: solo una plantilla Utility aprobada (donde exista) o un mensaje de pago pueden llegarle; si no, tiene que escribir primero.
gui-contact-now-unknown = Ninguna acción conocida: Ventana no puede saber si hay una ventana abierta y no le planifica mensajes.
gui-campaign-missing = La campaña { $id } no está en esta base de datos.
gui-tab-campaigns = Campañas
gui-campaigns-none = Aún no hay campañas aprobadas: planifica un mensaje en la Lista de envío y apruébalo.
gui-campaigns-pick = Elige una campaña a la izquierda.
gui-campaign-message = Mensaje
gui-campaign-route = Ruta
gui-campaign-best-route = la mejor ruta para cada contacto
gui-campaign-policy = Versión de las reglas
gui-campaign-planned-at = Planificada el
gui-campaign-approved-at = Aprobada el
gui-campaign-pace = Ritmo
gui-campaign-pace-none = sin límite de ritmo, sin horas de silencio
gui-campaign-pace-rate = { $rate } por minuto y página
gui-campaign-pace-quiet = horas de silencio { $hours } (en la zona de cada contacto)
gui-campaign-counts = Contactos
gui-campaign-counts-text = { $considered } { $considered ->
        [one] considerado
       *[other] considerados
    } · { $planned } { $planned ->
        [one] planificado
       *[other] planificados
    } · { $excluded } { $excluded ->
        [one] excluido
       *[other] excluidos
    }
gui-campaign-exports = Exportaciones
gui-campaign-exports-none = Aún no exportada.
gui-campaign-export-line = { $file } — { $rows ->
        [one] { $rows } fila
       *[other] { $rows } filas
    }, { $format }, { $at }
gui-campaign-recipients = Destinatarios
gui-campaign-search = Buscar destinatarios
gui-campaign-loading = Leyendo los destinatarios…
gui-campaign-no-match = Ningún destinatario coincide con la búsqueda.
gui-pages-title = Páginas
gui-pages-intro = El país de cada página decide qué vías existen para ella: los mensajes Utility, los mensajes de marketing de pago y las notificaciones únicas solo existen en algunos países. Una página sin país recibe la respuesta prudente.
gui-pages-none = Todavía no hay páginas: importa contactos primero.
gui-pages-id = ID de página
gui-pages-name = Nombre
gui-pages-username = Usuario (m.me)
gui-pages-country = País
gui-pages-tz = Zona horaria
gui-pages-contacts = Contactos
gui-pages-save = Guardar
gui-pages-saved = Página guardada: los veredictos y recuentos usan ya su país.
gui-pages-country-unset = sin definir
gui-pages-country-search = Busca un país…
gui-pages-bad-tz = «{ $zone }» no es una zona horaria: escribe un nombre IANA como Europe/Madrid o America/New_York.
gui-pages-bad-username = El usuario de una página tiene al menos 5 letras, cifras y puntos: la parte tras https://m.me/.
gui-send-no-text = Escribe primero el mensaje en el Compositor: la lista de envío lo planifica para los contactos filtrados.
gui-send-to-composer = Abrir el Compositor
gui-send-plan = Planificar la lista de envío
gui-send-message = Mensaje:
gui-send-limit-rate = Limitar el ritmo a
gui-send-per-minute = mensajes por minuto por Página
gui-send-quiet = Horas de silencio
gui-send-quiet-zone = en la zona horaria de cada contacto
gui-send-human = Cada mensaje lo escribe una persona
gui-send-human-hint = La respuesta de un agente: HUMAN_AGENT la lleva hasta 7 días después del último mensaje de la persona. Nunca para mensajes automáticos o promocionales.
gui-send-ad-windows = Incluir ventanas de anuncio
gui-send-ad-windows-hint = Una ventana iniciada por un anuncio Click-to-Messenger "puede durar hasta 7 días" (Meta). Solo sus primeras 24 horas son seguras: después, Meta puede rechazar el mensaje. Desactivado: esos contactos quedan fuera.
gui-send-counts = { $planned } { $planned ->
        [one] planificado
       *[other] planificados
    } · { $excluded } { $excluded ->
        [one] excluido
       *[other] excluidos
    }
gui-send-window = envíos de { $first } a { $last }
gui-send-planned-at = Planificado el { $at }{ $minutes ->
        [0] {""}
        [one] , hace un minuto: el plan queda como se hizo hasta que cambies algo o planifiques de nuevo.
       *[other] , hace { $minutes } minutos: el plan queda como se hizo hasta que cambies algo o planifiques de nuevo.
    }
gui-send-replan = Planificar de nuevo ahora
gui-send-replan-hint = Planifica el mismo mensaje a la hora actual: las ventanas cerradas desde entonces salen, las acciones nuevas entran.
gui-send-choose-file = Elegir…
gui-send-choose-file-hint = Elige la carpeta y el nombre del archivo en un diálogo (o escribe la ruta en el campo)
gui-send-overwrite = { $count ->
        [one] Este archivo ya existe: { $files }. ¿Sustituirlo?
       *[other] Estos { $count } archivos ya existen: { $files }. ¿Sustituirlos?
    }
gui-send-overwrite-yes = Sustituir
gui-send-left-out = Fuera: { $reasons }
gui-send-differs = El Compositor cuenta { $reachable } alcanzables en este instante; el plan envía a { $planned }: la diferencia son las personas que los plazos, las horas de silencio o el ritmo dejan fuera (arriba), o el mensaje cambió desde entonces.
gui-send-planned-tab = Planificados ({ $count })
gui-send-excluded-tab = Excluidos ({ $count })
gui-send-none-planned = Nadie puede recibir este mensaje ahora.
gui-send-none-excluded = Nadie queda fuera.
gui-send-col-route = Ruta
gui-send-col-by = Antes de ({ $zone })
gui-send-col-at = Envío a las ({ $zone })
gui-send-col-reason = Por qué no
gui-send-no-deadline = sin plazo
gui-send-chart = Envíos planificados frente a plazos
gui-send-chart-hours = horas desde el instante de planificación
gui-send-chart-count = contactos
gui-send-chart-sends = enviados para entonces
gui-send-chart-deadlines = rutas cerradas para entonces
gui-send-name = Nombre de la campaña
gui-send-approve = Aprobar
gui-send-approve-disabled = Nada que aprobar: ningún contacto puede recibir el mensaje, o hay un hallazgo que bloquea.
gui-send-approving = Guardando la campaña…
gui-send-approved = Aprobada como campaña { $id }: { $name }. Un cambio crea una campaña nueva.
gui-send-file = Exportar a
gui-send-format = Formato
gui-send-export = Exportar
gui-send-no-path = Indica el archivo al que exportar.
gui-send-unfilled = Estos marcadores quedan tal cual en los mensajes: { $tokens }
gui-send-history = Campañas aprobadas
gui-send-history-empty = Todavía ninguna.
gui-send-export-again = Exportar de nuevo

## Import: warnings, reasons and errors
import-warn-ambiguous-order = columna { $column }: fechas como 03/04 pueden ser día/mes o mes/día; se leen como día/mes; si son mes/día, indícalo (--date-order mdy)
import-error-no-time = { $file }: ningún valor de la columna { $column } se lee como una hora (el primero es { $first }); indica la columna correcta con --map { $field }=COLUMNA
import-warn-not-a-time = columna { $column }: ningún valor se lee como una hora (el primero es { $first }); la columna se guarda como texto
import-warn-misfits = columna { $column }: { $failures } de { $seen } valores de la muestra no siguen el formato { $format }; esas filas se rechazarán
import-warn-utc-by-habit = columna { $column }: las horas sin zona se leen en UTC, como las escribe ManyChat; indica la zona (--tz) si esta exportación las escribió en otra
import-warn-unknown-country = columna { $column }: { $unknown } de los primeros { $rows } valores no nombran un país que Ventana conozca (el primero es { $first }); se guardan tal cual, y esas personas se sitúan por su idioma, zona horaria o página; escribe códigos ISO como IT o ES
import-warn-no-window = ninguna columna dice cuándo interactuó cada persona por última vez: los contactos se guardan con una ventana desconocida; indica la columna que lo dice (--map last_interaction=COLUMNA)
import-warn-window-from = no hay columna de última interacción: la ventana se toma de { $field }; indica la columna correcta con --map last_interaction=COLUMNA si la hay
import-warn-page-from-name = no hay columna de página: la página { $page } se toma del nombre del archivo, como Ventana nombra sus archivos de público; indica --page-id si no es correcta
import-warn-no-page = no hay columna de página: los contactos se guardan sin página; indica el ID de la página (--page-id) si la exportación viene de una sola página (los PSID solo son únicos dentro de una página)
import-warn-ambiguous-order-gui = columna { $column }: fechas como 03/04 pueden ser día/mes o mes/día; se leen como día/mes; si son mes/día, elígelo en "Fechas como 03/04"
import-error-no-time-gui = { $file }: ningún valor de la columna { $column } se lee como una hora (el primero es { $first }); elige la columna correcta en Columnas
import-warn-utc-by-habit-gui = columna { $column }: las horas sin zona se leen en UTC, como las escribe ManyChat; elige la zona arriba si esta exportación las escribió en otra
import-warn-no-window-gui = ninguna columna dice cuándo interactuó cada persona por última vez: los contactos se guardan con una ventana desconocida; elige la columna que lo dice para "Última interacción" en Columnas
import-warn-window-from-gui = no hay columna de última interacción: la ventana se toma de { $field }; elige la columna correcta para "Última interacción" en Columnas si la hay
import-warn-page-from-name-gui = no hay columna de página: la página { $page } se toma del nombre del archivo, como Ventana nombra sus archivos de público; escribe la correcta en "ID de Página" si no lo es
import-warn-no-page-gui = no hay columna de página: los contactos se guardan sin página; escribe el ID en "ID de Página" si la exportación viene de una sola página (los PSID solo son únicos dentro de una página)
import-warn-journal = los contactos están guardados, pero la base de datos no pudo volver a su registro write-ahead ({ $why }); hasta que Ventana se reinicie, leerla mientras corre otra importación puede tener que esperar
import-warn-replaced = { $count ->
        [one] una secuencia de bytes no era { $encoding } válido y se sustituyó
       *[other] { $count } secuencias de bytes no eran { $encoding } válido y se sustituyeron
    } por �; revisa los nombres con acentos, o exporta de nuevo en UTF-8
time-bad-date = "{ $value }" no es una fecha en el formato de la columna ({ $format }): { $reason }
time-bad-time = "{ $value }" no es una hora en el formato de la columna ({ $format }): { $reason }
time-unknown-zone = "{ $name }" no es una zona horaria que conozcamos; escribe un nombre de zona IANA como Área/Ciudad, por ejemplo Europe/Madrid, America/New_York o UTC
time-unknown-zone-like = "{ $name }" no es una zona horaria que conozcamos (¿querías decir { $suggestion }?); escribe un nombre de zona IANA como Área/Ciudad, por ejemplo Europe/Madrid, America/New_York o UTC
time-unknown-date-order = "{ $value }" no es un orden de fecha; escribe dmy para fechas con el día primero (31/12/2025) o mdy para las que llevan el mes primero (12/31/2025)
time-reason-shape = escríbelo como { $example }
time-reason-month-order = no existe el mes { $month }; si esta columna pone primero el otro número, impórtala con el otro orden de fecha
time-reason-month = no existe el mes { $month }
time-reason-day-zero = no existe el día 0
time-reason-leap = febrero de { $year } no tiene día 29
time-reason-day = { $month } no tiene día { $day }
time-reason-hour-24 = las horas van de 00 a 23; escribe la medianoche como 00:00 del día siguiente
time-reason-hour = las horas van de 00 a 23
time-reason-minute = los minutos y segundos van de 00 a 59
time-reason-twelve-hour = con AM o PM la hora va de 1 a 12
time-reason-offset-range = los desfases horarios van de -23:59 a +23:59
time-reason-missing-offset = no tiene desfase horario como Z o +02:00, a diferencia del resto de la columna; añádelo
time-reason-unexpected-offset = tiene desfase horario, a diferencia del resto de la columna (horas locales); quítalo
time-reason-negative = es negativo, y los valores en { $format } nunca lo son
time-reason-serial = los días seriales de hoja de cálculo van de 20000 a 80000 (años 1954 a 2119)
time-reason-digits = tiene { $digits } cifras antes del decimal, donde los valores en { $format } tienen { $low } o { $high }
time-reason-scientific = la notación científica pierde cifras; da formato de número entero a la columna en la hoja de cálculo y exporta de nuevo
month-names = enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
map-no-id = ninguna columna parece un ID de contacto (los encabezados son: { $headers }); indícala con --map psid=COLUMNA
map-no-id-gui = ninguna columna parece un ID de contacto (los encabezados son: { $headers }); elígela para "ID de contacto" en Columnas
map-bad-form = --map { $map } se escribe como CAMPO=COLUMNA, por ejemplo { $example }
map-unknown-field = campo { $field } desconocido en --map; los campos son { $fields }
map-no-such-column = --map nombra la columna { $column }, pero el archivo no tiene esa columna (columnas: { $headers }); escribe un encabezado tal cual o un número de columna de 1 a { $count }
sniff-empty = el archivo está vacío: no contiene contactos, solo espacios; exporta de nuevo los contactos y elige el archivo nuevo
sniff-binary = este archivo no parece una exportación CSV o JSON: contiene datos binarios, no texto (en el byte { $offset } desde el inicio). { $hint }
sniff-hint-xlsx = Es un libro de Excel (.xlsx) o un archivo ZIP con otro nombre: ábrelo en tu hoja de cálculo, elige Guardar como > CSV UTF-8 e importa ese archivo (descomprime antes el .zip).
sniff-hint-xls = Es un libro antiguo de Excel (.xls): ábrelo en tu hoja de cálculo, elige Guardar como > CSV UTF-8 e importa ese archivo.
sniff-hint-pdf = Es un documento PDF: exporta en su lugar los contactos desde la plataforma como CSV o JSON.
sniff-hint-gzip = Es un archivo comprimido .gz: descomprímelo primero y después importa el CSV o JSON que contiene.
sniff-hint-picture = Es una imagen, no una lista de contactos: elige en su lugar la exportación CSV o JSON de tus contactos.
sniff-hint-database = Es un archivo de base de datos, no una exportación: exporta los contactos como CSV o JSON e importa ese archivo.
sniff-hint-generic = Exporta de nuevo los contactos como CSV o JSON; desde una hoja de cálculo, elige Guardar como > CSV UTF-8 e importa ese archivo.
import-error-io = { $path }: no se puede leer ({ $detail }); revisa la ruta y los permisos
import-error-csv = el CSV no se puede leer ({ $detail }); ábrelo en una hoja de cálculo y guárdalo de nuevo como CSV
import-error-cancelled = la importación se canceló; no se escribió nada
json-error-io = no se puede leer el archivo: { $detail }
json-error-syntax = el JSON está dañado en la línea { $line }, columna { $column } ({ $detail }); puede que el archivo esté cortado: expórtalo de nuevo
json-error-no-records = el JSON no contiene una lista de contactos: se esperaba un array de objetos, o un objeto que contenga uno (como {"{"}"data": [...]{"}"})
reject-json-line-kind = la línea { $line } es un { $kind } JSON donde se esperaba un objeto de contacto
reject-json-element-kind = el elemento { $line } es un { $kind } JSON donde se esperaba un objeto de contacto
reject-json-invalid = la línea { $line } no es JSON válido ({ $detail })
reject-not-text = la línea { $line } no es texto válido en la codificación del archivo
reject-too-few-fields = la línea { $line } tiene { $found } campos pero el encabezado tiene { $width }: falta un campo, o un campo entre comillas no se cerró
reject-too-many-fields = la línea { $line } tiene { $found } campos pero el encabezado tiene { $width }: probablemente un campo contiene un '{ $delimiter }' sin comillas; pon ese campo entre comillas dobles
reject-no-id = no hay ID de contacto en la columna { $column }
reject-mangled-id = el ID { $id } de la columna { $column } lo convirtió en número una hoja de cálculo y ha perdido cifras; exporta de nuevo con esa columna con formato de texto
reject-channel = el canal { $channel } no es uno que Ventana conozca; escribe messenger, instagram o whatsapp
reject-field = { $field }: { $detail }
store-error-dir = no se puede crear la carpeta { $path } para la base de datos ({ $detail }); indica con --db una ruta en la que se pueda escribir
store-error-not-db = { $path } no es una base de datos de Ventana (SQLite no puede leerla: { $detail }); indica otro archivo con --db
store-error-too-new = { $path } lo escribió un Ventana más reciente (versión de esquema { $found }, esta versión llega hasta la { $known }); actualiza Ventana o indica otro archivo con --db
store-error-migration = no se puede actualizar el esquema de la base de datos { $path }: { $detail }
store-error-stale = { $count ->
        [one] un contacto de este plan ya no está
       *[other] { $count } contactos de este plan ya no están
    } en la base de datos (eliminados después de hacerlo); planifica de nuevo antes de aprobar o exportar
store-error-undo-unknown = No hay ninguna importación { $id } en esta base de datos.
store-error-undo-done = La importación { $id } ya se deshizo.
store-error-undo-later = La importación { $id } no se puede deshacer mientras quede una importación posterior ({ $later }): deshaz primero esa.
store-error-undo-old = La importación { $id } ya no se puede deshacer: Ventana guarda lo que cambiaron las importaciones solo de las tres últimas. Elimina sus contactos desde la pestaña Contactos.
store-error-sqlite = error de la base de datos: { $detail }
export-error-write = no se puede escribir { $path } ({ $detail }); comprueba que la carpeta existe y que se puede escribir en ella
export-error-no-file-name = { $path } no nombra un archivo; da un nombre de archivo como envios.csv
export-error-no-name = ponle un nombre a la campaña antes de aprobarla, por ejemplo "Black Friday"
export-error-nothing = nada que aprobar: ningún contacto puede recibir este mensaje a las { $at }
cli-error-fill = --fill { $pair } se escribe como MARCADOR=VALOR, por ejemplo --fill '{ $example }'
cli-error-stdin = no se puede leer el mensaje de la entrada estándar ({ $detail }); ¿es texto UTF-8?
cli-error-message-file = no se puede leer el mensaje de { $path } ({ $detail }); ¿es un archivo de texto UTF-8?
cli-error-no-message = indica el mensaje: { $usage }
cli-error-empty-message = el mensaje está vacío: escribe el texto que se enviará
cli-error-read = no se puede leer { $path } ({ $detail })
cli-error-corpus = { $path }, { $detail }: cada línea debe ser un objeto JSON con lang, text y label
cli-error-no-folder = la carpeta { $folder } no existe; créala o indica otro --out
cli-error-blocked = el mensaje no se puede enviar tal cual: { $findings }. Cambia el texto o la ruta (ver ventana check) y exporta de nuevo
cli-error-tz = --tz: { $detail }
cli-error-rules = no se pueden cargar las reglas
cli-error-output = no se puede escribir la salida: { $detail }
cli-import-no-rows = { $file }: nada que importar: el archivo tiene encabezado pero ninguna fila
cli-import-all-rejected = { $file }: no se pudo importar nada: se rechazaron todas las filas (motivos arriba)

## Entry points and returns
entry-kind-link = enlace m.me
entry-kind-qr = código QR
entry-kind-ad = anuncio Click-to-Messenger
entry-kind-comment_reply = respuesta a un comentario
entry-kind-plugin = plugin de chat
ref-empty = el ref está vacío: usa de 1 a 250 caracteres entre a-z A-Z 0-9 + / = - . : _ (la regla de Meta para enlaces m.me y plugins)
ref-too-long = el ref tiene { $chars } caracteres; los plugins de Meta aceptan como máximo { $limit } (los enlaces m.me 2083): acórtalo, así el mismo ref sirve en todas partes
ref-bad-char = el ref tiene { $char } en el carácter { $at }; Meta solo admite a-z A-Z 0-9 + / = - . : _ (sin espacios ni acentos): cámbialo, p. ej. por -
entry-error-page = La página { $page } no se conoce: importa sus contactos o configúrala con `ventana pages set { $page } --name …` (la pestaña Páginas en la app)
entry-error-username = La página { $page } no tiene nombre de usuario, y un enlace lo necesita: ponlo con `ventana pages set { $page } --username NOMBRE` (la pestaña Páginas en la app)
entry-error-ref-needed = un { $kind } necesita un ref, para que Ventana sepa quién volvió por él: indica uno (p. ej. cartel-invierno)
entry-error-ref-taken = el ref { $ref } ya lo usa el punto de entrada "{ $name }" de esta página: elige otro, para que los regresos no se mezclen
entry-error-campaign = no existe la campaña { $id }: `ventana export --approve NOMBRE` imprime el id de una campaña aprobada
entry-error-not-found = no existe el punto de entrada { $id }: `ventana entry-points list` muestra ids y refs
entry-error-qr = no se pudo crear el código QR ({ $detail })
entry-blurb-qr = Escanea el código para escribirnos por { $app } ({ $link }): te respondemos aquí.
entry-blurb-link = Escríbenos por { $app }: { $link }
cli-entry-none = Aún no hay puntos de entrada: `ventana entry-points create --page ID_PAGINA --ref REF` registra uno.
cli-entry-bad-kind = { $kind } no es un tipo de punto de entrada: usa link, qr, ad, comment-reply o plugin
cli-entry-no-qr = un { $kind } no tiene enlace, así que no tiene código QR: quita --out
cli-entry-qr-written = Código QR escrito en { $path }
cli-entry-line = #{ $id } { $name } · { $kind } · página { $page } · ref { $ref } · desde { $started } · campaña { $campaign }
cli-returns-entries = Quién volvió tras cada punto de entrada:
cli-returns-by-ref = { $name }: { $count ->
        [one] { $count } contacto volvió
       *[other] { $count } contactos volvieron
    } por su ref desde { $started } ({ $any } escribieron a la página en total)
cli-returns-by-any = { $name }: { $count ->
        [one] { $count } contacto de la página escribió
       *[other] { $count } contactos de la página escribieron
    } desde { $started } (la exportación no trae el ref, así que cuenta cada regreso, por este punto de entrada o no)
cli-returns-campaign = de ellos, excluidos de su campaña: { $count }
cli-returns-weekly = Tasa de regreso por página y semana (semanas desde el lunes, { $zone }):
cli-returns-week = { $known ->
        [one] { $returned } de { $known } contacto conocido escribió
       *[other] { $returned } de { $known } contactos conocidos escribieron
    } ({ $rate } %), { $new ->
        [one] { $new } nuevo
       *[other] { $new } nuevos
    }
cli-returns-hours = Acciones por hora del día:
cli-returns-ask = No alcanzables ahora: { $closed }. Una persona puede responder a { $human } con HUMAN_AGENT (una respuesta a su pregunta, dentro de 7 días); { $reply } pueden recibir una respuesta privada a su comentario reciente; para { $ad } solo queda un anuncio o un punto de entrada que vean (el archivo de público de `ventana export`).
gui-tab-reopen = Reabrir
gui-reopen-none = Aún no hay puntos de entrada. Un enlace o un código QR con un ref trae a las personas de vuelta a la conversación: cuando escriben se abre una ventana de 24 horas, y Ventana cuenta quién volvió.
gui-reopen-new = Nuevo punto de entrada
gui-reopen-page = Página
gui-reopen-pick-page = Elige una página
gui-reopen-kind = Tipo
gui-reopen-ref = Ref
gui-reopen-ref-hint = p. ej. cartel-invierno
gui-reopen-name = Nombre
gui-reopen-name-hint = p. ej. Cartel en la tienda de la calle Mayor
gui-reopen-campaign = Campaña
gui-reopen-no-campaign = — ninguna —
gui-reopen-channel = Canal
gui-reopen-create = Crear
gui-reopen-starts = Sale en el instante de planificación, { $at }.
gui-reopen-facts = { $kind } · { $page } · ref { $ref } · activo desde { $started } · campaña { $campaign }
gui-reopen-copy = Copiar el enlace
gui-reopen-save-qr = Guardar el código QR…
gui-reopen-text = Para imprimir o pegar al lado
gui-reopen-ad-how = Dirige un anuncio Click-to-Messenger al archivo de público que escribe `ventana export` (los contactos cerrados de cada página): quien lo toca y escribe abre una ventana.
gui-reopen-reply-how = Responde en privado al comentario de la persona, una vez, dentro de los 7 días siguientes; su respuesta abre una ventana de 24 horas.
gui-reopen-delete = Eliminar este punto de entrada
gui-reopen-delete-sure = ¿Eliminar este punto de entrada? Su enlace sigue funcionando, pero Ventana ya no cuenta quién vuelve por él.
gui-reopen-computing = Contando quién volvió…
gui-reopen-ask-all = todos los contactos
gui-reopen-ask-campaign = excluidos de "{ $name }"
gui-reopen-ask-title = No alcanzables ahora ({ $scope }): { $count }. Qué puede alcanzarlos todavía:
gui-reopen-ask-human = una persona, con HUMAN_AGENT, si responde a una pregunta suya, dentro de 7 días desde su último mensaje
gui-reopen-ask-reply = una sola respuesta privada a su comentario reciente (dentro de 7 días)
gui-reopen-ask-ad = nada: solo un anuncio al archivo de público, o un punto de entrada que vean, los trae de vuelta
gui-reopen-weekly = Quién volvió a escribir, por página y semana
gui-reopen-week-axis = semana desde el lunes
gui-reopen-rate-axis = % de los contactos conocidos
gui-reopen-hours = Cuándo escriben las personas ({ $zone })
gui-reopen-hour-axis = hora del día
gui-reopen-actions-axis = acciones
gui-reopen-edit = Editar
gui-reopen-started = Activo desde
gui-reopen-save = Guardar
gui-reopen-bad-start = "{ $text }" no es un instante: escríbelo como 20/11/2026 09:00 o 2026-11-20 09:00, en la zona que muestra la barra superior.
cli-entry-deleted = Punto de entrada "{ $name }" eliminado: su enlace sigue funcionando, pero Ventana ya no cuenta quién vuelve por él.

eval-rules-only = solo léxicos:
eval-with-model = léxicos y puntuación aprendida { $version }:
eval-col-lang = idioma
eval-col-n = n
eval-col-precision = precisión
eval-col-recall = exhaustividad
eval-col-f1 = F1
eval-col-f1-ci = F1 IC 95 %
eval-col-tag = etiqueta ok
eval-col-tag-ci = etiqueta IC 95 %
eval-row-all = todas
eval-sure = Veredictos no en el límite: { $sure } de { $n } { $n ->
    [one] mensaje
   *[other] mensajes
}, correctos en el { $right } % (precisión { $precision }, exhaustividad { $recall }).
eval-borderline = En el límite: { $borderline }, correctos en el { $right_borderline } %.
eval-miss = esperado { $expected }, obtenido { $got }
eval-what-promotional = veredicto
eval-what-tag = etiqueta
eval-label-promotional = promocional
eval-label-non_promotional = no promocional

## Hechos que el texto no muestra, preguntados a quien escribe
fact-human_reply-question = ¿Es una persona quien escribe esta respuesta a una pregunta del cliente, en un plazo de 7 días?
fact-own_transaction-question = ¿Trata de una compra, una reserva o una cuenta de esta persona?
fact-event_signup-question = ¿Se inscribió esta persona en el evento del que se habla?
fact-human_reply-yes = una persona responde a una pregunta del cliente
fact-human_reply-no = ninguna persona responde a una pregunta del cliente
fact-own_transaction-yes = trata de una compra, una reserva o la cuenta de la persona
fact-own_transaction-no = no trata de una compra, una reserva o una cuenta de la persona
fact-event_signup-yes = la persona se inscribió en el evento
fact-event_signup-no = la persona no se inscribió en el evento, así que hablarle de él es una invitación
reason-rests-on = { $count ->
    [one] Esto se basa en tu respuesta: { $answers }.
   *[other] Esto se basa en tus respuestas: { $answers }.
}
finding-learned = «{ $excerpt }» suena a propuesta comercial (puntuación aprendida).
finding-learned-decided = «{ $excerpt }» suena a propuesta comercial: la puntuación aprendida considera el texto promocional ({ $score }; promocional desde { $threshold }).
finding-borderline-without = En el límite: la puntuación aprendida es { $score } (promocional desde { $threshold }). Sin «{ $excerpt }» no se leería como promocional.
finding-borderline-spread = En el límite: la puntuación aprendida es { $score } (promocional desde { $threshold }); ninguna frase por sí sola lo decide.
finding-borderline-closer = En el límite: la puntuación aprendida es { $score }, justo por debajo de { $threshold }; algo más de lenguaje comercial (una oferta, una invitación a comprar) lo haría promocional.
gui-facts = Lo que solo tú sabes
gui-fact-guess = Suposición de Ventana: { $answer } (segura al { $percent } %)
gui-fact-yes = Sí
gui-fact-no = No
gui-fact-unanswered = Suposición
gui-fact-relied = El veredicto se basa en esta respuesta.
cli-facts = Hechos
cli-fact-answered = tu respuesta
cli-fact-guessed = suposición, segura al { $percent } %
cli-error-fact = { $value } no es una respuesta válida. Escribe NOMBRE=yes o NOMBRE=no, donde NOMBRE es human_reply, own_transaction o event_signup.
gui-borderline = en el límite
model-error-missing = el archivo no existe
model-error-read = No se puede leer { $path }: { $detail }. Una carpeta de modelo contiene model.toml y weights.bin, tal como los escribe el entrenamiento.
model-error-meta = { $path } no es una descripción de modelo válida: { $detail }
model-error-digest = { $path } no corresponde a { $meta }: su SHA-256 es distinto del que figura allí. Copia los dos archivos del mismo modelo, tal como los escribe el entrenamiento.
model-error-format = { $path } no es un modelo que esta versión de Ventana sepa leer ({ $expected } bytes esperados, { $found } encontrados). Vuelve a entrenarlo con esta versión.
cli-plan-answers = Tus respuestas
gui-campaign-answers = Tus respuestas
