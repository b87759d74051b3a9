# Ventana — English catalogue. Keys are shared by it.ftl and es.ftl; a test checks that all
# three have the same keys.

## Promotional cues: one sentence each, { $excerpt } is the words found.
cue-discount = “{ $excerpt }” offers a discount: discounts are promotional, so no message tag may carry this text.
cue-price = “{ $excerpt }” is a price: fine in a receipt, but beside an offer it reads as promotional.
cue-coupon_code = “{ $excerpt }” is a coupon or promo code: coupons are promotional content.
cue-sale = “{ $excerpt }” announces a sale, offer or deal, which is promotional content.
cue-free_gift = “{ $excerpt }” offers something for free: free gifts are promotional.
cue-call_to_buy = “{ $excerpt }” asks the person to buy or book: a call to buy is promotional.
cue-urgency = “{ $excerpt }” adds urgency, typical of promotions.
cue-re_engagement = “{ $excerpt }” tries to bring the person back: re-engagement messages are promotional.
cue-upsell = “{ $excerpt }” suggests other products or an upgrade: upselling and cross-selling are promotional.
cue-survey_prompt = “{ $excerpt }” asks for a survey, poll or review: message tags may not carry such prompts.
cue-cart_reminder = “{ $excerpt }” reminds the person of an unfinished purchase: abandoned-cart reminders are promotional.
cue-new_product = “{ $excerpt }” announces new products, which is promotional.
cue-contest = “{ $excerpt }” promotes a contest or giveaway, which is promotional.
cue-event_invite = “{ $excerpt }” invites the person to something they have not signed up for.
cue-shop_link = “{ $excerpt }” links to a shop or product page: a push to buy.
cue-link = “{ $excerpt }” is a link: not promotional by itself, but check where it leads.

## Findings about the message as a whole.
finding-language = Not checked for this language ({ $name }): Ventana checks English, Italian and Spanish. Read it yourself before sending it outside the window.
finding-length-chars = The text has { $count } characters; { $channel } accepts at most { $limit }: shorten it from here on.
finding-length-bytes = The text takes { $count } bytes; { $channel } accepts at most { $limit }: shorten it from here on.
finding-unknown_tag = { $tag } is not a { $channel } tag. Known tags: { $known }.
finding-tag_not_yet = { $tag } did not exist yet on { $at }: it starts on { $date }.
finding-tag_mismatch-promotional = { $tag } cannot carry promotional content: remove the highlighted words or send it inside the window.
finding-tag_mismatch-purpose = { $tag } is for { $allowed }; this text reads as { $purpose }.
finding-tag_mismatch-topic = { $tag } only covers { $topics }, and this text is about none of them.
finding-tag_mismatch-unchecked = This text was not checked, so Ventana cannot vouch for { $tag }.
finding-human_only = { $tag } must be written by a person, within { $hours } hours of the person's last message.

## Route advice.
reason-fits-tag = Outside the { $hours }-hour window, { $tag } can carry { $purpose } (non-promotional content only).
reason-fits-route = Outside the { $hours }-hour window, send it as { $route }.
reason-retired = { $tag } was retired on { $date }: send it as { $replacement } or inside the window.
reason-retired-inside = { $tag } was retired on { $date }: send it inside the window.
reason-promotional = Promotional content: no message tag may carry it, so send it only inside the { $hours }-hour window.
reason-alternatives = Routes that need setting up first: { $routes }.
reason-no-route = No route carries { $purpose } outside the window: send it inside the { $hours }-hour window.
reason-unchecked = The text was not checked, so Ventana suggests no route outside the { $hours }-hour window.
reason-no-policy = No { $channel } policy is known at { $at }: pick a later instant.

## Routes as phrases.
route-standard = a standard message inside the window
route-follow_up = the one follow-up message (+1)
route-message_tag = the { $tag } tag
route-utility_template = an approved Utility template
route-one_time_notification = a One-Time Notification
route-subscription = a subscription message
route-paid_marketing = a paid marketing message
route-sponsored = a Sponsored Message
route-none = no route
route-needs = { $route } (needs { $requires })

## Purposes as phrases.
purpose-event_update = an event or booking update
purpose-post_purchase = an order update
purpose-account_update = an account update
purpose-human_support = a support reply
purpose-feedback = a feedback request
purpose-news = news
purpose-promotional = a promotion
purpose-general = a general message

## Command line labels.
cli-language = Language
cli-promotional = Promotional
cli-score = score
cli-yes = yes
cli-no = no
cli-not-checked = not checked
cli-purpose = Purpose
cli-suggested-tag = Suggested tag
cli-route = Route
cli-policy = Policy
cli-chars = Characters
cli-findings = Findings
cli-none = none
lang-en = English
lang-it = Italian
lang-es = Spanish
lang-und = undetermined (checked against English, Italian and Spanish cues)
cli-import-delimiter = delimiter
cli-import-times = times
cli-import-no-times = no time column
cli-import-columns = columns
cli-import-rows-read = rows read
cli-import-inserted = inserted
cli-import-updated = updated
cli-import-unchanged = unchanged
cli-import-rejected = rejected
cli-import-repeated = { $count ->
    [one] one row repeats a contact seen earlier in the file
   *[other] { $count } rows repeat a contact seen earlier in the file
}
cli-import-line = line
cli-import-more-rejects = more rejected rows are stored in the database
cli-import-dry-run = dry run: nothing was written
cli-windows-at = Windows at
cli-windows-total = contacts
cli-windows-open = open
cli-windows-closing = closing soon
cli-windows-human = human agent only
cli-windows-closed = closed
cli-windows-unknown = unknown
cli-windows-by-hour = closing in each of the next 24 hours
