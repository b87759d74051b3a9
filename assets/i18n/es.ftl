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
cli-windows-human = solo agente humano
cli-windows-closed = cerradas
cli-windows-unknown = desconocidas
cli-windows-by-hour = cierres en cada una de las próximas 24 horas
