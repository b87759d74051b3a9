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
finding-language-part = Part of this text (about { $percent } %) is in { $name }, which Ventana does not check: only the { $checked } part was judged. Read the rest yourself before sending it outside the window.
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
reason-feedback = A survey, poll or review request: message tags may not carry it, so send it inside the { $hours }-hour window, or through a route made for feedback where one is listed below.
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
route-legacy_template = a receipt or airline template (2016 rules)
route-authentication_template = an approved Authentication template (one-time passcode)
route-recurring_notification = a recurring notification
region-no-page = { $route }: not available to Pages in { $country }. { $reason }
region-no-recipient = { $route }: not available to people in { $country }. { $reason }
region-uncertain-page = { $route }: uncertain for Pages in { $country }, so Ventana does not count on it. { $reason }
region-uncertain-recipient = { $route }: uncertain for people in { $country }, so Ventana does not count on it. { $reason }
region-unknown-page = { $route }: the Page's country is not known, so Ventana does not count on it. { $reason }
region-unknown-page-fix = Set the Page's country under Pages (or with --page-country), or plan one Page at a time: contacts of Pages in different countries have no single Page country.
region-unknown-recipient = { $route }: the person's country is not known, so Ventana does not count on it. { $reason }
region-confidence-reported = (Reported by third parties; Meta's own pages do not confirm it.)
region-confidence-conflicting = (Meta's pages disagree on this.)
region-feature = { $feature }: { $reason }

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
cli-windows-maybe = may be open (started by an ad)
cli-windows-human = human agent only
cli-windows-closed = closed
cli-windows-unknown = unknown
cli-windows-by-hour = closing in each of the next 24 hours
cli-pages-line = { $id }  { $name }  m.me: { $username }  country: { $country }  zone: { $tz }  contacts: { $contacts }
cli-pages-none = No Pages yet: import contacts first.
cli-pages-set-country = Pages without a country get the conservative answer (routes limited to some countries are not used): set it with `ventana pages set PAGE_ID --country IT`.
cli-pages-nothing-to-set = Nothing to set: give --country, --name, --username or --tz.
cli-plan-at = Plan at
cli-plan-best-route = the best route for each contact
cli-plan-considered = Considered
cli-plan-planned = Planned
cli-plan-excluded = Excluded
cli-plan-sends = Sends
cli-plan-faster = { $missed ->
        [one] { $missed } contact misses its window
       *[other] { $missed } contacts miss their window
    } at this rate; at { $rate } a minute { $saved } of them would be sent.
cli-plan-zones-defaulted = { $count ->
    [one] one contact has no readable time zone: quiet hours use the default zone (--tz)
   *[other] { $count } contacts have no readable time zone: quiet hours use the default zone (--tz)
}
cli-plan-other-channel = { $count ->
        [one] One contact on another channel is left out.
       *[other] { $count } contacts on other channels are left out.
    }
cli-export-wrote = Wrote
cli-export-removed = Removed an earlier audience file for a Page this export has none for:
cli-export-rows = { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }
cli-export-approved = Approved as campaign { $id }: { $name }
cli-export-need-template = { $count ->
        [one] One send needs
       *[other] { $count } sends need
    } an approved Utility template: they are in the CSV list, not in the JSON lines (a template is sent by name, not as text).
cli-export-unfilled = These placeholders are left as written (give a value with --fill): { $tokens }

## Desktop app.
gui-import = Import…
gui-tab-contacts = Contacts
gui-tab-timeline = Timeline
gui-tab-composer = Composer
gui-theme-dark = Dark theme
gui-theme-light = Light theme
gui-language = Language
gui-planning-at = Planning at
gui-now = Now
gui-now-hint = Plan at the current time and follow the clock
gui-zone = Times in
gui-zone-machine = This computer's zone ({ $zone })
gui-zone-search = Search zones: rome, madrid, new york…
gui-planning-format = date and time in the zone beside it (2026-11-22 18:30 or 22/11/2026 18:30); Enter to plan at it
gui-loading = Working…
gui-status-counts = { $shown } of { $total } { $total ->
        [one] contact shown
       *[other] contacts shown
    }
gui-filters = Filters
gui-all = All
gui-none = — none —
gui-no-page = (no Page)
gui-filter-page = Page
gui-filter-channel = Channel
gui-filter-locale = Locale
gui-filter-state = Window
gui-filter-from = Last action from
gui-date-hint = YYYY-MM-DD
gui-filter-to = Last action to
gui-filter-search = Name or ID
gui-filter-search-hint = search…
gui-horizon = Closing soon within
gui-clear-filters = Clear filters
gui-counts = At the planning instant
gui-state-open = Open
gui-state-closing = Closing soon
gui-state-maybe_open = May be open (ad)
gui-state-human_agent_only = Human agent only
gui-state-closed = Closed
gui-state-unknown = Unknown
gui-dur-days = { $a } d { $b } h
gui-dur-hours = { $a } h { $b } min
gui-dur-minutes = { $a } min
gui-closes-in = closes in { $time }
gui-maybe-for = may be open for { $time } more (started by an ad; not certain)
gui-agent-for = agent for { $time }
gui-kind-message = message
gui-kind-postback = button
gui-kind-reaction = reaction
gui-kind-referral = link
gui-kind-ad_click = ad click
gui-kind-optin = opt-in
gui-kind-comment = comment
gui-kind-call = call
gui-kind-unknown = action
gui-sort = Sort
gui-sort-expiring = Expiring soonest
gui-sort-last = Latest interaction
gui-sort-imported = Import order
gui-sort-page = Page
gui-sort-locale = Locale
gui-contacts-shown = { $count ->
        [one] { $count } contact
       *[other] { $count } contacts
    }
gui-remove-demo = Remove the demo contacts
gui-last-import = Last import: { $file } — { $inserted } new, { $updated } updated, { $rejected } rejected
gui-report-counts = { $read } { $read ->
        [one] row read
       *[other] rows read
    }: { $inserted } new, { $updated } updated, { $unchanged } unchanged, { $rejected } rejected.
gui-report-rejects = Rejected rows
gui-import-demo-loaded = The demo contacts are still loaded: yours would be counted and planned together with them. Remove them first, or import beside them.
gui-import-would = If you import it as set above:
gui-import-counts-later = The file is over 8 MB: the counts come with the import.
gui-import-more-rejects = … and { $count ->
        [one] { $count } more rejected row
       *[other] { $count } more rejected rows
    } (all of them are kept with the import).
gui-no-match = No contact matches the filters.
gui-col-window = Window
gui-col-name = Name
gui-col-psid = ID (PSID)
gui-col-page = Channel · Page
gui-col-locale = Locale · country
gui-country-from-column = column
gui-country-from-locale = locale
gui-country-from-time_zone = time zone
gui-country-from-page = Page
gui-country-from-unknown = country unknown
gui-col-last = Last interaction
gui-unknown-time = unknown
gui-timeline-hint = Drag to pan, Ctrl + scroll or pinch to zoom; hover a lane for details, click to select.
gui-timeline-reset = Back to now
gui-timeline-y = contacts
gui-series-open = Open windows
gui-series-reachable = Reachable (incl. human agent)
gui-series-closings-hour = Windows closing per hour
gui-series-closings = Windows closing per bar
gui-now-line = Now
gui-lanes = { $count ->
        [one] One contact
       *[other] { $count } contacts
    }: window (solid) and human-agent days (light)
gui-lane-tip = { $kind } at { $at }, window closes { $closes }
gui-channel = Channel
gui-route = Route
gui-route-suggest = Let Ventana suggest
gui-message = Message
gui-message-hint = Write the message; placeholders such as {"{"}first_name{"}"} or {"{{"}1{"}}"} can get sample values below.
gui-chars = { $used ->
        [one] { $used } character
       *[other] { $used } characters
    }
gui-chars-of = { $used } of at most { $limit } characters
gui-bytes = { $used } bytes
gui-bytes-of = { $used } of at most { $limit } bytes
gui-samples = Sample values for placeholders
gui-findings = Findings
gui-no-findings = Nothing to flag.
gui-severity-info = info
gui-severity-warn = warn
gui-severity-block = blocks
gui-suggestion = Suggestion
gui-suggestion-empty = Write a message to see what it is for and how it may be sent.
gui-source = Source of the rule
gui-place = Verdict for the Page's country: { $page } · the people's: { $person }
gui-place-unknown-hint = Set the Page's country under Pages (or filter by one Page when the contacts belong to Pages in different countries): until then, routes that exist only in some countries are not counted on. The reach below counts each contact where its Page and it are.
gui-country-unknown = not known
gui-routes-outside = Routes outside the window
gui-route-fits = fits the text
gui-route-does-not-fit = does not fit
gui-route-here = available here
gui-route-uncertain = uncertain here
gui-route-not-here = not available here
gui-reach = Who it reaches now
gui-reach-empty = Load contacts and write a message.
gui-reach-summary = { $reachable } of { $total } filtered { $total ->
        [one] contact
       *[other] contacts
    } at { $at }
excl-no_interaction = no known interaction
excl-window_closed = window closed, no route fits
excl-promotional_outside_window = promotional, window closed
excl-human_agent_only = only a human agent may write
excl-too_late = too late for this route
excl-route_unavailable = the chosen route cannot carry this message now
excl-quiet_hours = quiet hours until the route closes
excl-rate_too_low = the rate is too low to reach them in time
excl-region_unavailable = the route does not exist where the Page or the person is
excl-ad_window = window started by an ad: may be open, not certain (include ad windows to plan it)
gui-import-title = Import contacts
gui-import-intro = Choose a CSV or JSON export from your bot platform or spreadsheet.
gui-import-choose = Choose a file…
gui-import-path = File path
gui-import-open = Open
gui-import-drop = You can also drop a file on the window.
gui-import-no-dialog = No file was chosen (or this desktop has no file dialog): type the path above.
gui-import-reading = Reading
gui-import-file = File
gui-import-encoding = Encoding
gui-import-delimiter = Delimiter
gui-import-no-format = no time found
gui-import-zone = Time zone of times without one
gui-import-date-order = Dates such as 03/04
gui-date-order-detect = Detect (day/month if unsure)
gui-date-order-dmy = day/month (31/12)
gui-date-order-mdy = month/day (12/31)
gui-import-page = Page ID
gui-import-mapping = Columns
gui-import-first-rows = First rows
gui-import-start = Import
gui-import-progress = { $rows ->
        [one] { $rows } row written
       *[other] { $rows } rows written
    }
gui-import-again = Choose another file
gui-cancel = Cancel
gui-close = Close
gui-field-psid = Contact ID
gui-field-page_id = Page ID
gui-field-channel = Channel
gui-field-name = Full name
gui-field-first_name = First name
gui-field-last_name = Last name
gui-field-locale = Locale
gui-field-timezone = Time zone
gui-field-country = Country
gui-job-failed = Something went wrong inside Ventana ({ $detail }); nothing was changed. Try again, and if it happens again, report it with what you did.
gui-field-last_interaction = Last interaction
gui-field-interaction_kind = Kind of interaction
gui-field-last_seen = Last seen
gui-field-subscribed = Subscribed
gui-welcome-title = Who can you message now, and how?
gui-welcome-text = Import your contact export to see whose messaging window is open, closing or closed, and check a message against Meta's rules before you send it.
gui-welcome-demo = Load the demo contacts
gui-welcome-import = Import your export…
gui-welcome-drop = Or drop a CSV or JSON file on this window.
gui-demo-loaded = Demo contacts loaded.
gui-demo-removed = The demo contacts were removed.
gui-pin-demo = Planning is pinned at { $at }, the instant the demo export was taken, so its windows look as they did then. The clock says { $clock }.
gui-pin-chosen = Planning is pinned at { $at }: windows, counts and plans are for that instant, not the clock's ({ $clock }).
gui-pin-follow = Follow the clock
gui-pin-newer = The contacts have actions after the pinned instant (the newest at { $newest }).
gui-pin-move = Plan at { $newest }

gui-tab-sendlist = Send list
gui-tab-pages = Pages
gui-tab-imports = Imports
gui-imports-all = All imports…
gui-imports-none = Nothing imported yet: use Import… above, or drop a file on the window.
gui-import-undone-tag = undone
gui-import-undone-at = Undone on { $at }: the contacts it added were removed and those it changed put back.
gui-import-facts = { $format }, { $encoding }, imported on { $at }
gui-import-undo = Undo this import
gui-import-undo-hint = Removes the contacts it added, puts back the ones it changed as they were before it, and removes the actions it recorded.
gui-import-undo-sure = Undo this import? The contacts it added go, those it changed go back to how they were, and the actions it recorded go. Its report and rejected rows stay.
gui-import-undo-yes = Undo
gui-import-undone = Import undone: { $removed ->
        [one] one added contact removed
       *[other] { $removed } added contacts removed
    }, { $restored ->
        [one] one changed contact put back
       *[other] { $restored } changed contacts put back
    }, { $actions ->
        [one] one recorded action removed
       *[other] { $actions } recorded actions removed
    }.
gui-rejects-save = Save as CSV…
gui-rejects-none = No row was rejected.
gui-rejects-reason = Reason
gui-rejects-row = Row as read
gui-rejects-saved = { $count ->
        [one] One rejected row saved to { $path }.
       *[other] { $count } rejected rows saved to { $path }.
    }
gui-contact-title = Contact
gui-contact-zone = Time zone
gui-contact-subscribed = Subscribed
gui-contact-history = Actions and the windows they opened
gui-contact-imports = Imports behind this contact
gui-contact-delete = Delete this contact
gui-contact-delete-sure = Delete this contact and every action recorded for it? Approved campaigns keep their own copy of what was sent. This cannot be undone.
gui-contact-delete-yes = Delete
gui-contact-deleted = The contact was deleted.
gui-contact-gone = Contact { $id } is no longer in the database.
gui-contact-now-open = Any message until { $until }: the 24-hour window their { $kind } of { $at } opened. A promotion only inside it.
gui-contact-now-maybe = The window an ad started may still be open until { $until }; Ventana does not count on it.
gui-contact-now-agent = The window is closed; a person replying (HUMAN_AGENT) may answer until { $until }.
gui-contact-now-closed = The window closed on { $until }: only an approved Utility template (where it exists) or a paid message can reach them; otherwise they have to write first.
gui-contact-now-unknown = No known action: Ventana cannot tell whether a window is open, and plans no message to them.
gui-campaign-missing = Campaign { $id } is not in this database.
gui-tab-campaigns = Campaigns
gui-campaigns-none = No campaign approved yet: plan a message in the Send list and approve it.
gui-campaigns-pick = Pick a campaign on the left.
gui-campaign-message = Message
gui-campaign-route = Route
gui-campaign-best-route = the best route for each contact
gui-campaign-policy = Policy version
gui-campaign-planned-at = Planned at
gui-campaign-approved-at = Approved at
gui-campaign-pace = Pace
gui-campaign-pace-none = no rate limit, no quiet hours
gui-campaign-pace-rate = { $rate } a minute per Page
gui-campaign-pace-quiet = quiet hours { $hours } (each contact's zone)
gui-campaign-counts = Contacts
gui-campaign-counts-text = { $considered } considered · { $planned } planned · { $excluded } excluded
gui-campaign-exports = Exports
gui-campaign-exports-none = Not exported yet.
gui-campaign-export-line = { $file } — { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }, { $format }, { $at }
gui-campaign-recipients = Recipients
gui-campaign-search = Search recipients
gui-campaign-loading = Reading the recipients…
gui-campaign-no-match = No recipient matches the search.
gui-pages-title = Pages
gui-pages-intro = Where each Page is decides which routes exist for it: Utility Messages, paid marketing messages and One-Time Notifications exist only in some countries. A Page without a country gets the conservative answer.
gui-pages-none = No Pages yet: import contacts first.
gui-pages-id = Page ID
gui-pages-name = Name
gui-pages-username = Username (m.me)
gui-pages-country = Country
gui-pages-tz = Time zone
gui-pages-contacts = Contacts
gui-pages-save = Save
gui-pages-saved = Page saved: verdicts and counts now use its country.
gui-pages-country-unset = not set
gui-pages-country-search = Search a country…
gui-pages-bad-tz = “{ $zone }” is not a time zone: write an IANA name such as Europe/Rome or America/New_York.
gui-pages-bad-username = A Page username has at least 5 letters, digits and dots: the part after https://m.me/.
gui-send-no-text = Write the message in the Composer first: the send list plans it for the filtered contacts.
gui-send-to-composer = Open the Composer
gui-send-plan = Plan the send list
gui-send-message = Message:
gui-send-limit-rate = Limit the rate to
gui-send-per-minute = messages a minute per Page
gui-send-quiet = Quiet hours
gui-send-quiet-zone = in each contact's own time zone
gui-send-human = A person writes each message
gui-send-human-hint = A human agent's reply: HUMAN_AGENT may carry it up to 7 days after the person's last message. Never for automated or promotional messages.
gui-send-ad-windows = Include ad windows
gui-send-ad-windows-hint = A window started by a Click-to-Messenger ad "may last up to 7 days" (Meta). Only its first 24 hours are certain: after them Meta may refuse the message. Off: such contacts are left out.
gui-send-counts = { $planned } planned · { $excluded } excluded
gui-send-window = sends from { $first } to { $last }
gui-send-planned-at = Planned at { $at }{ $minutes ->
        [0] {""}
        [one] , a minute ago: the plan stays as made until you change something or plan again.
       *[other] , { $minutes } minutes ago: the plan stays as made until you change something or plan again.
    }
gui-send-replan = Plan again now
gui-send-replan-hint = Plan the same message at the current time: windows that closed since drop out, new actions come in.
gui-send-choose-file = Choose…
gui-send-choose-file-hint = Pick the folder and file name in a dialog (or type the path in the field)
gui-send-overwrite = { $count ->
        [one] This file is already there: { $files }. Replace it?
       *[other] These { $count } files are already there: { $files }. Replace them?
    }
gui-send-overwrite-yes = Replace
gui-send-left-out = Left out: { $reasons }
gui-send-differs = The Composer counts { $reachable } reachable at this instant; the plan sends to { $planned }: the difference is who the deadlines, quiet hours or rate leave out (above), or the message changed since.
gui-send-planned-tab = Planned ({ $count })
gui-send-excluded-tab = Excluded ({ $count })
gui-send-none-planned = Nobody can receive this message now.
gui-send-none-excluded = Nobody is left out.
gui-send-col-route = Route
gui-send-col-by = Send by ({ $zone })
gui-send-col-at = Send at ({ $zone })
gui-send-col-reason = Why not
gui-send-no-deadline = no deadline
gui-send-chart = Planned sends against deadlines
gui-send-chart-hours = hours from the planning instant
gui-send-chart-count = contacts
gui-send-chart-sends = sent by then
gui-send-chart-deadlines = routes closed by then
gui-send-name = Campaign name
gui-send-approve = Approve
gui-send-approve-disabled = Nothing to approve: no contact can receive the message, or it has a blocking finding.
gui-send-approving = Saving the campaign…
gui-send-approved = Approved as campaign { $id }: { $name }. A change makes a new campaign.
gui-send-file = Export to
gui-send-format = Format
gui-send-export = Export
gui-send-no-path = Give the file to export to.
gui-send-unfilled = These placeholders stay as written in the messages: { $tokens }
gui-send-history = Approved campaigns
gui-send-history-empty = None yet.
gui-send-export-again = Export again

## Import: warnings, reasons and errors
import-warn-ambiguous-order = column { $column }: dates such as 03/04 could be day/month or month/day; read as day/month; if they are month/day, say so (--date-order mdy)
import-error-no-time = { $file }: no value of column { $column } reads as a time (the first is { $first }); map the right column with --map { $field }=COLUMN
import-warn-not-a-time = column { $column }: no value reads as a time (the first is { $first }); the column is kept as plain text
import-warn-misfits = column { $column }: { $failures } of { $seen } sample values do not fit the format { $format }; those rows will be rejected
import-warn-utc-by-habit = column { $column }: times without a zone read as UTC, as ManyChat writes them; give the zone (--tz) if this export wrote them in another
import-warn-unknown-country = column { $column }: { $unknown } of the first { $rows } values name no country Ventana knows (the first is { $first }); they are kept as written, and those people are placed by their locale, time zone or Page instead; write ISO codes such as IT or ES
import-warn-no-window = no column tells when each person last interacted: contacts are stored with an unknown window; map the column that does (--map last_interaction=COLUMN)
import-warn-window-from = no last-interaction column: the window is taken from { $field }; map the right column with --map last_interaction=COLUMN if there is one
import-warn-page-from-name = no Page column: the Page { $page } is taken from the file name, as Ventana names its audience files; give --page-id if that is wrong
import-warn-no-page = no Page column: contacts are stored without a Page; give the Page ID (--page-id) if the export comes from one Page (PSIDs are only unique within a Page)
import-warn-ambiguous-order-gui = column { $column }: dates such as 03/04 could be day/month or month/day; read as day/month; if they are month/day, choose so in "Dates such as 03/04"
import-error-no-time-gui = { $file }: no value of column { $column } reads as a time (the first is { $first }); choose the right column for it under Columns
import-warn-utc-by-habit-gui = column { $column }: times without a zone read as UTC, as ManyChat writes them; pick the zone above if this export wrote them in another
import-warn-no-window-gui = no column tells when each person last interacted: contacts are stored with an unknown window; choose the column that does for "Last interaction" under Columns
import-warn-window-from-gui = no last-interaction column: the window is taken from { $field }; choose the right column for "Last interaction" under Columns if there is one
import-warn-page-from-name-gui = no Page column: the Page { $page } is taken from the file name, as Ventana names its audience files; type the right one in "Page ID" if that is wrong
import-warn-no-page-gui = no Page column: contacts are stored without a Page; type the Page ID in "Page ID" if the export comes from one Page (PSIDs are only unique within a Page)
import-warn-journal = the contacts are stored, but the database could not go back to its write-ahead log ({ $why }); until Ventana is started again, reading it while another import runs may wait
import-warn-replaced = { $count ->
        [one] one byte sequence was not valid { $encoding } and was
       *[other] { $count } byte sequences were not valid { $encoding } and were
    } replaced by �; check names with accents, or export again as UTF-8
time-bad-date = "{ $value }" is not a date in the column's format ({ $format }): { $reason }
time-bad-time = "{ $value }" is not a time in the column's format ({ $format }): { $reason }
time-unknown-zone = "{ $name }" is not a time zone we know; write an IANA zone name as Area/City, such as Europe/Rome, America/New_York or UTC
time-unknown-zone-like = "{ $name }" is not a time zone we know (did you mean { $suggestion }?); write an IANA zone name as Area/City, such as Europe/Rome, America/New_York or UTC
time-unknown-date-order = "{ $value }" is not a date order; write dmy for day-first dates (31/12/2025) or mdy for month-first dates (12/31/2025)
time-reason-shape = write it like { $example }
time-reason-month-order = there is no month { $month }; if this column puts the other number first, import it with the other date order
time-reason-month = there is no month { $month }
time-reason-day-zero = there is no day 0
time-reason-leap = February { $year } has no 29th
time-reason-day = { $month } has no { $day }
time-reason-hour-24 = hours go from 00 to 23; write midnight as 00:00 of the next day
time-reason-hour = hours go from 00 to 23
time-reason-minute = minutes and seconds go from 00 to 59
time-reason-twelve-hour = with AM or PM the hour goes from 1 to 12
time-reason-offset-range = time-zone offsets go from -23:59 to +23:59
time-reason-missing-offset = it has no time-zone offset such as Z or +02:00, unlike the rest of the column; add one
time-reason-unexpected-offset = it has a time-zone offset, unlike the rest of the column (local times); remove it
time-reason-negative = it is negative, which { $format } never are
time-reason-serial = spreadsheet serial days go from 20000 to 80000 (years 1954 to 2119)
time-reason-digits = it has { $digits } digits before the decimal point, where { $format } have { $low } or { $high }
time-reason-scientific = scientific notation drops digits; format the column as a whole number in the spreadsheet and export again
month-names = January February March April May June July August September October November December
map-no-id = no column looks like a contact ID (the headers are: { $headers }); name it with --map psid=COLUMN
map-no-id-gui = no column looks like a contact ID (the headers are: { $headers }); choose it for "Contact ID" under Columns
map-bad-form = --map { $map } needs the form FIELD=COLUMN, e.g. { $example }
map-unknown-field = unknown field { $field } in --map; fields are { $fields }
map-no-such-column = --map names the column { $column }, but the file has no such column (columns: { $headers }); give a header as written or a column number from 1 to { $count }
sniff-empty = the file is empty: it holds no contacts, only blank space; export the contacts again and pick the new file
sniff-binary = this file does not look like a CSV or JSON export: it holds binary data, not text (at byte { $offset } from the start). { $hint }
sniff-hint-xlsx = It is an Excel workbook (.xlsx) or a ZIP archive with another name: open it in your spreadsheet, choose Save As > CSV UTF-8 and import that file (extract a .zip first).
sniff-hint-xls = It is an old Excel workbook (.xls): open it in your spreadsheet, choose Save As > CSV UTF-8 and import that file.
sniff-hint-pdf = It is a PDF document: export the contacts from the platform as CSV or JSON instead.
sniff-hint-gzip = It is a compressed .gz file: extract it first, then import the CSV or JSON inside.
sniff-hint-picture = It is a picture, not a contact list: pick the CSV or JSON export of your contacts instead.
sniff-hint-database = It is a database file, not an export: export the contacts as CSV or JSON and import that file.
sniff-hint-generic = Export the contacts again as CSV or JSON; from a spreadsheet, choose Save As > CSV UTF-8 and import that file.
import-error-io = { $path }: cannot read it ({ $detail }); check the path and its permissions
import-error-csv = the CSV cannot be read ({ $detail }); open it in a spreadsheet and save it again as CSV
import-error-cancelled = the import was cancelled; nothing was written
json-error-io = cannot read the file: { $detail }
json-error-syntax = the JSON is damaged at line { $line }, column { $column } ({ $detail }); the file may be cut short: export it again
json-error-no-records = the JSON holds no list of contacts: expected an array of objects, or an object with one (such as {"{"}"data": [...]{"}"})
reject-json-line-kind = line { $line } is a JSON { $kind } where a contact object was expected
reject-json-element-kind = element { $line } is a JSON { $kind } where a contact object was expected
reject-json-invalid = line { $line } is not valid JSON ({ $detail })
reject-not-text = line { $line } is not valid text in the file's encoding
reject-too-few-fields = line { $line } has { $found } fields but the header has { $width }: a field is missing, or a quoted field was not closed
reject-too-many-fields = line { $line } has { $found } fields but the header has { $width }: a field probably holds an unquoted '{ $delimiter }'; put that field in double quotes
reject-no-id = no contact ID in column { $column }
reject-mangled-id = the ID { $id } in column { $column } was turned into a number by a spreadsheet and has lost digits; export again with that column formatted as text
reject-channel = channel { $channel } is not one Ventana knows; write messenger, instagram or whatsapp
reject-field = { $field }: { $detail }
store-error-dir = cannot create the folder { $path } for the database ({ $detail }); pass --db with a writable path
store-error-not-db = { $path } is not a Ventana database (SQLite could not read it: { $detail }); pass --db with another file
store-error-too-new = { $path } was written by a newer Ventana (schema version { $found }, this build knows up to { $known }); update Ventana or pass --db with another file
store-error-migration = cannot update the database schema of { $path }: { $detail }
store-error-stale = { $count ->
        [one] one contact of this plan is
       *[other] { $count } contacts of this plan are
    } no longer in the database (removed since it was made); plan again before approving or exporting
store-error-undo-unknown = There is no import { $id } in this database.
store-error-undo-done = Import { $id } was undone already.
store-error-undo-later = Import { $id } cannot be undone while a later import ({ $later }) stands: undo that one first.
store-error-undo-old = Import { $id } can no longer be undone: Ventana keeps what imports changed for the latest three only. Delete its contacts from the Contacts tab instead.
store-error-sqlite = database error: { $detail }
export-error-write = cannot write { $path } ({ $detail }); check that the folder exists and is writable
export-error-no-file-name = { $path } names no file; give a file name such as sends.csv
export-error-no-name = give the campaign a name before approving it, e.g. "Black Friday"
export-error-nothing = nothing to approve: no contact can receive this message at { $at }
cli-error-fill = --fill { $pair } needs the form PLACEHOLDER=VALUE, e.g. --fill '{ $example }'
cli-error-stdin = cannot read the message from standard input ({ $detail }); is it UTF-8 text?
cli-error-message-file = cannot read the message from { $path } ({ $detail }); is it a UTF-8 text file?
cli-error-no-message = give the message: { $usage }
cli-error-empty-message = the message is empty: give the text to send
cli-error-read = cannot read { $path } ({ $detail })
cli-error-corpus = { $path }, { $detail }: each line must be a JSON object with lang, text and label
cli-error-no-folder = the folder { $folder } does not exist; create it or give another --out
cli-error-blocked = the message cannot be sent as it is: { $findings }. Change the text or the route (see ventana check), then export again
cli-error-tz = --tz: { $detail }
cli-error-rules = cannot load the rules
cli-error-output = cannot write the output: { $detail }
cli-import-no-rows = { $file }: nothing to import: the file has a header but no rows
cli-import-all-rejected = { $file }: nothing could be imported: every row was rejected (reasons above)

## Entry points and returns
entry-kind-link = m.me link
entry-kind-qr = QR code
entry-kind-ad = Click-to-Messenger ad
entry-kind-comment_reply = reply to a comment
entry-kind-plugin = chat plugin
ref-empty = the ref is empty: give 1 to 250 characters from a-z A-Z 0-9 + / = - . : _ (Meta's rule for m.me links and plugins)
ref-too-long = the ref has { $chars } characters; Meta's plugins take at most { $limit } (m.me links 2,083): shorten it so one ref works everywhere
ref-bad-char = the ref has { $char } at character { $at }; Meta allows only a-z A-Z 0-9 + / = - . : _ (no spaces or accents): replace it, e.g. with -
entry-error-page = Page { $page } is not known: import its contacts or set it with `ventana pages set { $page } --name …` (the Pages tab in the app)
entry-error-username = Page { $page } has no username, and a link needs one: set it with `ventana pages set { $page } --username NAME` (the Pages tab in the app)
entry-error-ref-needed = a { $kind } needs a ref, so that Ventana can tell who came back through it: give one (e.g. winter-poster)
entry-error-ref-taken = the ref { $ref } is already used by the entry point "{ $name }" of this Page: pick another, so that returns are not mixed
entry-error-campaign = there is no campaign { $id }: `ventana export --approve NAME` prints the id of an approved campaign
entry-error-not-found = there is no entry point { $id }: `ventana entry-points list` shows their ids and refs
entry-error-qr = the QR code could not be made ({ $detail })
entry-blurb-qr = Scan the code to write to us on { $app } ({ $link }): we answer here.
entry-blurb-link = Write to us on { $app }: { $link }
cli-entry-none = No entry points yet: `ventana entry-points create --page PAGE_ID --ref REF` records one.
cli-entry-bad-kind = { $kind } is not a kind of entry point: use link, qr, ad, comment-reply or plugin
cli-entry-no-qr = a { $kind } has no link, so it has no QR code: leave out --out
cli-entry-qr-written = QR code written to { $path }
cli-entry-line = #{ $id } { $name } · { $kind } · Page { $page } · ref { $ref } · from { $started } · campaign { $campaign }
cli-returns-entries = Who came back after each entry point:
cli-returns-by-ref = { $name }: { $count ->
        [one] { $count } contact
       *[other] { $count } contacts
    } came back through its ref since { $started } ({ $any } wrote to the Page in all)
cli-returns-by-any = { $name }: { $count ->
        [one] { $count } contact
       *[other] { $count } contacts
    } of the Page wrote since { $started } (the export carries no ref, so this counts every return, by this entry point or not)
cli-returns-campaign = of them, left out of its campaign: { $count }
cli-returns-weekly = Return rate per Page per week (weeks from Monday, { $zone }):
cli-returns-week = { $returned } of { $known } known { $known ->
        [one] contact
       *[other] contacts
    } wrote ({ $rate } %), { $new } new
cli-returns-hours = Actions by hour of the day:
cli-returns-ask = Not reachable now: { $closed }. A person may answer { $human } under HUMAN_AGENT (a reply to their question, within 7 days); { $reply } can get one private reply to their recent comment; for { $ad } only an ad or an entry point they see is left (the audience file of `ventana export`).
gui-tab-reopen = Reopen
gui-reopen-none = No entry points yet. A link or QR code with a ref brings people back into the conversation: when they write, a 24-hour window opens, and Ventana counts who came back.
gui-reopen-new = New entry point
gui-reopen-page = Page
gui-reopen-pick-page = Pick a Page
gui-reopen-kind = Kind
gui-reopen-ref = Ref
gui-reopen-ref-hint = e.g. winter-poster
gui-reopen-name = Name
gui-reopen-name-hint = e.g. Poster in the Via Roma shop
gui-reopen-campaign = Campaign
gui-reopen-no-campaign = — none —
gui-reopen-channel = Channel
gui-reopen-create = Create
gui-reopen-starts = It goes out at the planning instant, { $at }.
gui-reopen-facts = { $kind } · { $page } · ref { $ref } · out since { $started } · campaign { $campaign }
gui-reopen-copy = Copy link
gui-reopen-save-qr = Save QR code…
gui-reopen-text = To print or paste beside it
gui-reopen-ad-how = Aim a Click-to-Messenger ad at the audience file `ventana export` writes (the closed contacts of each Page): who taps it and writes opens a window.
gui-reopen-reply-how = Reply in private to the person's comment, once, within 7 days of it; their answer opens a 24-hour window.
gui-reopen-delete = Delete this entry point
gui-reopen-delete-sure = Delete this entry point? Its link keeps working, but Ventana no longer counts who came back through it.
gui-reopen-computing = Counting who came back…
gui-reopen-ask-all = all contacts
gui-reopen-ask-campaign = left out of "{ $name }"
gui-reopen-ask-title = Not reachable now ({ $scope }): { $count }. What can still reach them:
gui-reopen-ask-human = a person, under HUMAN_AGENT, if it is a reply to their own question, within 7 days of their last message
gui-reopen-ask-reply = one private reply to their recent comment (within 7 days of it)
gui-reopen-ask-ad = nothing: only an ad to the audience file, or an entry point they see, brings them back
gui-reopen-weekly = Who wrote again, per Page and week
gui-reopen-week-axis = week from Monday
gui-reopen-rate-axis = % of known contacts
gui-reopen-hours = When people write ({ $zone })
gui-reopen-hour-axis = hour of the day
gui-reopen-actions-axis = actions
gui-reopen-edit = Edit
gui-reopen-started = Out since
gui-reopen-save = Save
gui-reopen-bad-start = "{ $text }" is not an instant: write it like 2026-11-20 09:00 or 20/11/2026 09:00, in the zone the top bar shows.
cli-entry-deleted = Entry point "{ $name }" deleted: its link keeps working, but Ventana no longer counts who comes back through it.

eval-rules-only = lexicons alone:
eval-with-model = lexicons and learned score { $version }:
eval-col-lang = lang
eval-col-n = n
eval-col-precision = precision
eval-col-recall = recall
eval-col-f1 = F1
eval-col-f1-ci = F1 95% CI
eval-col-tag = tag acc
eval-col-tag-ci = tag 95% CI
eval-row-all = all
eval-sure = Verdicts not borderline: { $sure } of { $n } { $n ->
    [one] message
   *[other] messages
}, right for { $right }% (precision { $precision }, recall { $recall }).
eval-borderline = Borderline: { $borderline }, right for { $right_borderline }%.
eval-miss = expected { $expected }, got { $got }
eval-what-promotional = verdict
eval-what-tag = tag
eval-label-promotional = promotional
eval-label-non_promotional = not promotional

## Facts the text cannot show, asked of the marketer
fact-human_reply-question = Is a person writing this reply to the customer's own question, within 7 days of it?
fact-own_transaction-question = Is it about a purchase, booking or account this person made?
fact-event_signup-question = Did this person sign up for the event it is about?
fact-human_reply-yes = a person is answering the customer's own question
fact-human_reply-no = no person is answering a question of the customer
fact-own_transaction-yes = it is about the person's own purchase, booking or account
fact-own_transaction-no = it is not about a purchase, booking or account of the person
fact-event_signup-yes = the person signed up for the event
fact-event_signup-no = the person did not sign up for the event, so news of it is an invitation
reason-rests-on = { $count ->
    [one] This rests on your answer: { $answers }.
   *[other] This rests on your answers: { $answers }.
}
finding-learned = “{ $excerpt }” reads like a sales pitch (learned score).
finding-learned-decided = “{ $excerpt }” reads like a sales pitch: the learned score calls the text promotional ({ $score }; promotional from { $threshold }).
finding-borderline-without = Borderline: the learned score is { $score } (promotional from { $threshold }). Without “{ $excerpt }” it would not read as promotional.
finding-borderline-spread = Borderline: the learned score is { $score } (promotional from { $threshold }); no single phrase decides it.
finding-borderline-closer = Borderline: the learned score is { $score }, just under { $threshold }; a little more sales wording (an offer, a call to buy) would make it promotional.
gui-facts = What only you know
gui-fact-guess = Ventana's guess: { $answer } ({ $percent } % sure)
gui-fact-yes = Yes
gui-fact-no = No
gui-fact-unanswered = Guess
gui-fact-relied = The verdict rests on this answer.
cli-facts = Facts
cli-fact-answered = your answer
cli-fact-guessed = guessed, { $percent } % sure
cli-error-fact = { $value } is not a fact answer. Write NAME=yes or NAME=no, where NAME is human_reply, own_transaction or event_signup.
gui-borderline = borderline
model-error-missing = the file does not exist
model-error-read = { $path } cannot be read: { $detail }. A model directory holds model.toml and weights.bin, as the trainer writes them.
model-error-meta = { $path } is not a valid model description: { $detail }
model-error-digest = { $path } does not belong to { $meta }: its SHA-256 differs from the one written there. Copy both files of the same model, as the trainer writes them.
model-error-format = { $path } is not a model this version of Ventana reads ({ $expected } bytes expected, { $found } found). Train it again with this version.
cli-plan-answers = Your answers
gui-campaign-answers = Your answers
