package dev.verbatim.app.demo;

/**
 * The phrase grammar the demo corpus speaks, as data: one section per theme plus shared sections
 * (openers, closers, connectors, agent and bot lines).
 *
 * <p>Syntax of a template: {@code {a|b|c}} picks one alternative (they nest), {@code [x]} keeps
 * {@code x} half of the time, {@code $name} is a slot filled by {@link Slots} (bank, amount, month,
 * device...). A theme section starts with {@code == id | name | keywords | neg/sarc/pos/req
 * weights}; each line after it is {@code kind: template} where kind is {@code sub} (ticket
 * subject), {@code neg}, {@code sarc} (sarcastic, reads negative), {@code pos}, {@code req}
 * (request or question), {@code agent} (an agent's answer), or a language tag with a polarity
 * ({@code es-}, {@code fr+}...). Theme keywords are the words a test may count in raw text; no other
 * theme uses them in customer text.
 */
final class PhraseBank {
  private PhraseBank() {}

  static final String SOURCE =
      """
== billing_double_charge | Billing: charged twice | twice, double, duplicate | 70/15/5/10
sub: Charged twice | Double charge on my card | Duplicate payment for $month | billed twice?? | Duplicate charge on invoice $invoice | {Double|Duplicate} billing
neg: {I was|I got|We were|We got|We have been} {charged|billed} twice {this month|for $month|on the same day|for the same invoice}[, $amount each time].
neg: {There are|I see|I can see} two {identical|duplicate} charges of $amount on {my credit card|my card statement|our company card}{.| from you.| dated $date.}
neg: {Why|How} {was I|were we} {charged|billed} twice{?|??|?!} {Nobody|No one} {ordered|asked for} a second subscription.
neg: {Double|Duplicate} charge {again|this month|on invoice $invoice}{.|!|, seriously.}
neg: {You|Your system} billed us twice for {the $plan plan|our subscription|the annual renewal}{.| and nobody has explained why.| and our finance team is not happy.}
neg: {My|Our} card {shows|has} a duplicate payment of $amount{.|, please look into it.| from $date.}
neg: {This is the|That is the} {second|third|fourth} time {I've|we've|ive} been {double charged|charged twice}{.| in $n months.| this year.}
neg: {Got|Just got} {two|2} receipts for one {payment|month}, and {yes|indeed}, {both|two} charges went through.
neg: {The duplicate charge|Being charged twice} pushed {my|our} account into overdraft{.|, thanks to the $amount you took twice.}
sarc: {Great|Wonderful|Fantastic}, charged twice {again|this month}, {love that|thanks a lot|just what I needed}.
sarc: Nothing says {premium service|we value you} like {paying twice for the same month|a double charge on my card}.
sarc: {Love|Loving} how {my card|the company card} {gets|got} charged twice {every month now|for one subscription}. {Really great.|Super.|🙃}
sarc: Oh cool, a {double|duplicate} charge. {Was one not enough?|Very generous of me.}
pos: {Thanks for|Appreciate} {refunding|reversing} the {duplicate|double} charge {so quickly|within a day}.
pos: {The|That} double charge {got|was} sorted {fast|the same day}, {thank you|good job}.
req: Please {refund|reverse} the {duplicate|second} charge {of $amount|on invoice $invoice|from $date}.
req: Can you {refund|reverse} the {duplicate|second} charge{ of $amount| on invoice $invoice|}?
req: Can {someone|you} {check|confirm} why {I|we} {got|were} charged twice{?| for $month?}
agent: Sorry about the duplicate charge! I've {issued|started} a refund of $amount, it {should|will} show up in {3-5|5-7} business days.
agent: {I can confirm|I checked and} the second payment was a duplicate; it has been {voided|refunded}.
es-: Me {cobraron|han cobrado} dos veces {este mes|la suscripción}.
es-: Cobro doble otra vez, {qué desastre|muy mal}.
fr-: J'ai été {prélevé|facturé} deux fois {ce mois-ci|pour le même abonnement}.
de-: Ich wurde {diesen Monat|für dasselbe Abo} doppelt {belastet|abgebucht}.

== refunds | Refunds | refund | 60/10/10/20
sub: Refund request | Where is my refund? | Refund still pending | Refund for cancelled plan | refund??
neg: {I'm|I am|Im} still waiting for {my|the} refund{ from $date|, it's been $n weeks|}.
neg: {You|Your team} promised a refund {$n weeks ago|last month|on $date} and {nothing has arrived|I still don't see it|its still not there}.
neg: The refund {process|policy} is {a joke|way too slow|confusing}{.|, $n emails and counting.}
neg: {I cancelled|We cancelled} {within the trial|on day $n|before the renewal} and {still got|were still} charged{,| -} {where is my refund|no refund yet}{?|.}
neg: {Nobody|No one} {can tell me|knows} {when|if} the refund {was sent|will arrive}.
sarc: {Three|Four|Six} weeks for a refund. {Impressive.|Truly world-class.|Amazing speed.}
sarc: {Apparently|I guess} refunds travel by {pigeon|horse}. Still waiting.
pos: {Got|Received} my refund {quickly|within two days|the same day}, {thanks|much appreciated}.
req: Please {process|send} {a|the} refund for {the $plan plan|my last payment|order $invoice}.
req: Can you {process|send} the refund for {my last payment|order $invoice} {today|this week}?
req: How long does a refund {usually take|take to show up}?
agent: I've {checked|confirmed} with finance and the refund {was sent on $date|is being processed}; {it can take up to 10 days to appear|you'll get an email confirmation}.
es-: Sigo esperando el reembolso{.| desde hace semanas.}
fr-: J'attends toujours mon remboursement{.| depuis $n semaines.}
de-: Ich warte immer noch auf meine Rückerstattung{.| seit $n Wochen.}

== bank_sync | Bank connection and sync | bank | 70/12/6/12
sub: Bank not syncing | Cannot connect $bank | Bank feed broken again | Missing transactions from $bank | Bank connection error | bank sync down
neg: {I can't|I cant|We can't|Unable to} connect {my|our} $bank {account|bank account}{.|, it just spins forever.| - keeps timing out.}
neg: {My|Our} $bank bank {feed|sync|connection} {stopped syncing|hasn't synced|keeps disconnecting} {since $date|for $n days|again}.
neg: {Transactions|Bank transactions} from $bank {are missing|don't show up|stopped importing} {since $date|after the last update|for the last week}.
neg: Bank sync {fails|breaks|errors out} with "{connection error|something went wrong|error 503}" {every time|every morning|whenever I reconnect}.
neg: The bank popup says <b>Error 503: provider unavailable</b> {every time|again}.
neg: {I have to|We have to} reconnect the bank {every|almost every} {day|other day|week}{.|, its exhausting.}
neg: {Half|Most} of {our|my} bank transactions are {imported two times|missing} after {the sync|reconnecting $bank}.
neg: {Our|The} bank balance {is wrong|doesn't match $bank|is off by $amount} because the {feed|bank sync} {skipped|missed} $n days.
sarc: {Oh good|Great|Wonderful}, the bank {disconnected|feed broke} again. {Third time this week.|Love that for me.|So reliable.}
sarc: {Another|One more} {day|morning}, another "reconnect your bank" {email|popup}. {Fantastic.|Brilliant.}
pos: Bank sync {with $bank |}{has been|is} {rock solid|working perfectly|flawless} {since the fix|lately}.
req: Please add {support for|a bank connection for} $bank{.|, its the only bank we use.}
req: Is there a way to {import|upload} bank statements {manually|as a file} while the bank feed is down?
agent: {Sorry about that|Thanks for flagging this}, our $bank connector {had an outage|was updated}; please {reconnect from Settings > Banks|try again now} and let me know.
es-: No puedo conectar mi cuenta del banco{.|, siempre da error.}
fr-: Impossible de connecter mon compte bancaire{.|, ça tourne dans le vide.}
de-: Die Bankverbindung {bricht ständig ab|funktioniert nicht mehr}{.| seit dem Update.}

== onboarding | Onboarding and setup | onboarding, setup | 55/8/25/12
sub: How do I get started? | Setup help | Stuck on onboarding | Import step not working | New account setup
neg: {The onboarding|Onboarding|The setup} {was|is} {confusing|a nightmare|way too long|really confusing}{.|, took me $n minutes to figure out.| and I almost gave up.}
neg: {I don't|I dont|We don't} understand {how to|where to} {set up|add} {categories|our team|the first project|my accounts}{.| after signing up.}
neg: {It took|Took} {me|us} {an hour|$n hours|two days} to {get set up|finish the setup|import our data}{.|, the wizard kept going back to step one.}
neg: The setup wizard {skips|doesn't explain|hides} {the import step|how to invite people|what the categories mean}.
neg: {No idea|Not sure} what {to do|I'm supposed to do} after {signing up|the welcome screen}{.|, there's no guidance.}
sarc: {Loved|Really enjoyed} spending {my whole afternoon|two hours} on the setup wizard. {Very intuitive.|Such fun.}
pos: {Setup|Onboarding|Getting started} was {super easy|painless|quick}{.|, up and running in $n minutes.}
pos: The onboarding {checklist|videos|tour} {really helped|were great}.
req: {A short|Some kind of} {tutorial|walkthrough|getting started guide} would {help|be nice} for new {users|team members}.
req: {How do I|Where can I} {invite my team|import last year's data|change the setup} after onboarding?
agent: {Happy to help you get set up!|Welcome aboard!} {Here is our getting started guide|I've booked you a short onboarding call}{.|; let me know what works for you.}
es-: La configuración inicial es muy confusa{.|, no entiendo los pasos.}
fr-: L'inscription est {trop compliquée|confuse}{.|, je ne sais pas par où commencer.}
de-: Die Einrichtung ist {total verwirrend|viel zu kompliziert}.

== app_crash | App crashes | crash | 75/10/5/10
sub: App keeps crashing | Crash on startup | App closes when I pay | Crash after update $version
neg: The app {crashes|keeps crashing} {every time I|whenever I|when I try to} {open a receipt|pay|upload a photo|switch accounts}{.|!|!!}
neg: {Crashes|Crashed} on {startup|launch|login} {since|after} {the update|version $version|the last update}{.| on my $device.}
neg: {App|It} {freezes and then crashes|crashes to the home screen|crashes} {randomly|constantly|several times a day}.
neg: {Can't|Cant} use the app at all, it crashes {immediately|within seconds} on $os.
neg: {Since|After} $version the app crashes {as soon as|when} I {scan a receipt|open the camera|tap save}.
sarc: {Love|Great} that the app crashes {every time I open it|right when I need it}. {Very useful.|Five stars for consistency.|Keep it up.}
pos: {No more crashes|Crashes are gone} {since|after} {the update|$version}{, thank you|.}
req: Please fix the crash {on $os|on $device|when uploading receipts}.
agent: {Thanks for letting us know.|Sorry for the trouble!} {Could you send us your app version and device model?|A fix is in $version, rolling out this week.}
es-: La app se cierra cada vez que {intento pagar|la abro}{.|. Muy mal.}
fr-: L'application plante {à chaque ouverture|quand je veux payer}.
de-: Die App stürzt {ständig|bei jedem Start} ab.

== performance | Slow performance | slow, loading | 70/12/8/10
sub: Very slow | Dashboard takes forever to load | Performance issues | Timeouts on transactions page | so slow
neg: {Everything|The web app|The app|Search} is {so|really|painfully|incredibly} slow {lately|since $month|this week}{.|!|, pages take $n seconds to load.}
neg: {Loading|Opening} {the transactions page|an invoice|the invoice list} takes {forever|$n seconds|over a minute}.
neg: {It's|Its} {getting|become} slower and slower{.| with every update.| as we add more data.}
neg: The {web app|website} {lags|hangs} {constantly|every few clicks} on {Chrome|Firefox|Safari}.
neg: The page just shows "<html><body><h1>502 Bad Gateway</h1></body></html>" and {nothing else|then reloads}.
neg: {Pages|Screens} {time out|keep loading} {when we have|with} more than {a few hundred|$n thousand} transactions.
sarc: {Great time to make a coffee|Perfect time for a coffee break} while the transactions page loads. {Every time.|Again.}
sarc: {Blazing|Lightning} fast, {only|just} $n seconds to open one page. 🙄
pos: {The app|Everything} {feels|is} {much faster|snappy|really fast} {now|since the update}.
req: Please {do something about|improve} the {loading times|speed} on {big accounts|the transactions page}.
agent: Thanks, we {are looking into|have identified} the slowdown on {large accounts|the transactions page}{.|, a fix is being deployed.}
es-: La app va {muy lenta|lentísima} últimamente.
fr-: Tout est {très lent|super lent} depuis la mise à jour.
de-: Die App ist seit dem Update {extrem langsam|sehr langsam}.

== pricing | Pricing unclear or too expensive | pricing, price, expensive | 55/10/15/20
sub: Question about pricing | Price increase? | Which plan do we need? | Pricing unclear | Too expensive
neg: {The pricing|Your pricing} {is|page is} {unclear|confusing|hard to understand}{.|, what does "seat" even mean?}
neg: {The price|The $plan plan} went up {$n%|again} {without warning|and nobody told us}.
neg: {Way|Much} too expensive for {what it does|a small business|a team of $n}.
neg: {I|We} {don't|dont} understand {what we are paying for|the difference between $plan and the other plans}.
neg: {Hidden fees|Extra charges for every user} {are|feel} {not okay|like a deal breaker}.
sarc: {Love|Great} how the price goes up {every year|every renewal} {while nothing changes|and the app gets slower}.
pos: {Fair|Reasonable|Good} price for {what you get|all the features}.
req: {Please|Could you} {add|offer} a {cheaper plan|nonprofit discount|monthly option} for {small teams|freelancers}?
req: Which plan {do we need|should we pick} if we {have $n users|only need invoicing}?
agent: {Good question!|Thanks for asking.} The $plan plan includes {unlimited users|all the features you mentioned}; {here's a comparison|I've attached a comparison of the plans}.
es-: El precio es {demasiado alto|poco claro}.
fr-: Les tarifs ne sont pas clairs{.|, trop cher pour ce que c'est.}
de-: Die Preise sind {unklar|viel zu hoch}.

== support | Support experience | support | 15/5/80/0
sub: Thank you! | Great support | Still no answer from support | Waiting for a reply | Thanks $agent
pos: {Your support|Support|The support team|Customer service} {is|was} {amazing|great|fantastic|super helpful}{.|!|!!}
pos: $agent from support {was|has been} {incredibly|really|so} {helpful|patient|quick}{.|, solved it in $n minutes.| and explained everything.}
pos: {Best|Honestly the best} support {I've|ive} {had|dealt with} from a {software company|SaaS vendor}.
pos: {Quick|Fast|Friendly} {answer|reply|response} from support{, thanks|, much appreciated|.}
pos: {Whenever|Every time} {I|we} {write to|contact} support {someone|a real person} {answers|replies} within {minutes|the hour}.
neg: {Support|Your support team} {takes|took} {days|$n days|forever} to {reply|answer}{.|, not acceptable.}
neg: {I|We} only get {canned|copy-paste|bot} answers from support.
sarc: {Wow|Great}, another {canned|copy-pasted} answer from support. {So helpful.|Thanks.}
agent: {Thanks so much for the kind words!|That's great to hear, I'll pass it on to the team.}
es+: El soporte fue {muy rápido|excelente}{.|, gracias.}
fr+: Le support est {génial|très réactif}{.|, merci.}
de+: Der Support war {super|sehr hilfsbereit}{.|, danke!}

== feature_export | Feature request: export | export | 20/0/10/70
sub: Export to Excel? | CSV export broken | Feature request: export | Bulk export
req: {Please|Pls} add {an|} export to {Excel|CSV|PDF}{.|!}
req: Can you add {an|} export to {Excel|CSV|PDF}?
req: {We|I} need to export {transactions|invoices|expenses} {to Excel|as CSV} for {our accountant|the auditors|tax season}.
req: {Is there|Is there any} way to export {all|my} data{?| in bulk?}
req: {Would love|It would be great to have} {scheduled exports|an API export|a one-click export}.
neg: The export {is broken|cuts off after $n rows|messes up the dates|gives an empty file}.
neg: {The CSV export|Exported CSV} {has the wrong encoding|breaks accents|is missing columns}.
pos: The new {CSV|Excel} export {is great|saves me hours|works perfectly}.
agent: {Thanks for the suggestion!|Good news:} {I've added your vote to the export request|you can export from Settings > Data > Export}.
es-: ¿Se puede exportar a Excel? Lo necesito para mi contable.
fr-: Il faudrait pouvoir exporter en CSV.
de-: Bitte einen Export nach Excel einbauen.

== dark_mode | Feature request: dark mode | dark mode | 10/0/10/80
sub: Dark mode? | Feature request: dark theme | Dark mode please
req: {Please|pls|PLEASE} add {a |}dark mode{.|!|!!|, my eyes hurt.}
req: {Any news on|When are you adding|Still waiting for} dark mode{?|??}
req: Dark mode {would be nice|is a must} for {late night|evening} {work|use}.
pos: {Finally|Thank you for} dark mode{!|!!|, love it.}
neg: {It's|Its} $year and {still|} no dark mode{.|?}
agent: Dark mode is on our roadmap{.|; I've added your vote.}
es-: Por favor, añadan modo oscuro.
fr-: Un mode sombre serait top.
de-: Bitte einen Dark Mode!

== login_2fa | Login and 2FA | log in, login, 2fa, password | 70/10/5/15
sub: Can't log in | 2FA code not arriving | Locked out | Password reset not working | login issue
neg: {I can't|I cant|Can't} log in{.|!|, it says my password is wrong.| since yesterday.}
neg: {The|My} {2FA|two-factor|verification} code {never arrives|arrives after it expired|is always invalid}.
neg: {Locked out|Got locked out} of {my|our} account {again|after the password reset}{.|!}
neg: {Password reset|The reset link} {doesn't work|expired immediately|sends me back to the login page}.
neg: {Every|Each} time I {switch phones|get a new phone} the 2FA breaks and I lose access.
sarc: {Love|Nice} getting logged out {every 10 minutes|in the middle of work}. {Very secure.|Totally normal.}
pos: {Login|Signing in} with {Face ID|the authenticator app} {works great|is smooth}.
req: {Please|Can you} support {authenticator apps|passkeys|Face ID} {instead of SMS|for login}.
agent: {I've reset your 2FA|I've unlocked your account}; please {log in again|try again} and {set up the authenticator app|let me know if it works}.
es-: No puedo iniciar sesión{.|, el código no llega.}
fr-: Je n'arrive pas à me connecter, le code n'arrive jamais.
de-: Ich kann mich nicht einloggen, der Code kommt nicht an.

== notifications | Notifications | notification | 60/10/10/20
sub: Too many notifications | Not getting notifications | Notification settings
neg: {Way too many|So many|Too many} {notifications|push notifications}{.|, I turned them all off.}
neg: {I don't|I dont|We don't} get {any|the} notifications {for|about} {new invoices|due payments|approvals} {anymore|since the update}.
neg: {Notifications|Reminder notifications} arrive {hours late|in one big batch|at 3am}.
sarc: {Thanks for|Love} the {5|7|12} notifications a day {telling me nothing|about nothing}.
req: {Let me|Please let us} {choose|pick} which notifications {I get|we get}{.|, all or nothing is not great.}
pos: The {payment|due date} notifications are {really useful|great}.
agent: You can {choose|adjust} them under Settings > Notifications{.|; I've also reported the delay to the team.}
es-: Recibo demasiadas notificaciones.
fr-: Trop de notifications, c'est pénible.
de-: Viel zu viele Benachrichtigungen.

== mobile_ux | Mobile app usability | mobile | 45/8/35/12
sub: Mobile app feedback | Can't find settings in new design | Mobile layout issue
neg: {The mobile app|The mobile version|The iOS mobile app|The Android mobile app} is {clunky|confusing|hard to use}{.| compared to the web version.}
neg: {Buttons are|The save button is|Text is} {too small|cut off|hidden} in the mobile app on {my phone|my $device|small screens}.
neg: {Can't|Cannot} {find|see} {the settings|the receipts tab|where to add a category} in the {new|} mobile {layout|design}.
neg: The {new|latest} mobile redesign moved everything around{.|, I can't find anything.}
pos: {Love|Really like} the new {budgeting screen|mobile design|home screen} on mobile{!|!!|.}
pos: The mobile app is {clean|intuitive|easy to use}{.|, great job.}
req: {Please|Could you} add {a widget|landscape mode|tablet support} to the mobile app.
sarc: {Nice|Great} mobile redesign, now it takes {four|five} taps to {do one thing|add an expense}.
agent: Thanks for the feedback on the mobile app{.|, I've passed it to our design team.}
es-: La nueva versión móvil es {confusa|difícil de usar}.
fr-: La nouvelle interface mobile est {confuse|moins pratique}.
de-: Das neue mobile Design ist unübersichtlich.

== reporting | Reporting and dashboards | report, dashboard | 10/0/75/15
sub: Reports question | Love the new dashboard | Report totals wrong? | Custom report request
pos: {The|Your} {reports|reporting|dashboards} {are|is} {fantastic|exactly what we needed|a game changer}{.|!|, our CFO loves them.}
pos: {We|I} {use|love} the {cash flow|profit and loss|monthly} report {every week|in every board meeting|daily}.
pos: The new dashboard {saves us|saved me} {hours|$n hours a week}{.| at month-end.}
pos: {Custom reports|The report builder} {is|are} the {main|best} reason we {stay|are upgrading|added more seats}.
pos: {Our|The} {board|finance team|management} {loves|now lives in} the {dashboards|monthly reports}.
neg: The {P&L|cash flow} report {shows wrong totals|doesn't match our numbers}{.|, please check.}
req: {Could you|Please} add {more filters|a quarterly view|custom date ranges} to the reports.
agent: {Glad the reports help!|Thanks!} {You can also schedule them under Reports > Schedule.|I've shared this with the reporting team.}
es+: Los informes son {muy útiles|geniales}.
fr+: Les rapports sont {super utiles|excellents}.
de+: Die Berichte sind {super|sehr hilfreich}.

== sso_admin | SSO, permissions and audit | sso, saml, permissions, audit | 35/0/10/55
sub: SSO setup | SAML configuration | Permissions question | Audit log request | SCIM provisioning
req: {We need|Please add} {SAML SSO|SSO with Okta|SCIM provisioning} {before we can roll out to|for} {the whole company|$n more users|our other departments}.
req: {Our|The} {security team|IT team|auditors} {needs|need} {an audit log|audit logs} {of who changed what|for SOC 2}.
req: Can we {set|get} {granular|per-team} permissions so {only managers can approve payments|interns can't see payroll}?
neg: {User permissions|Role permissions} {are too coarse|don't let us restrict} {who can approve payments|access to payroll data}.
neg: {SSO login|Okta SSO} {fails|broke} for {some|half of our} users {after the update|this morning}.
pos: {SSO|The Okta SSO} setup {was|is} {straightforward|smooth}{.|, thanks.}
agent: {I've looped in our enterprise team|Our solutions engineer will reach out} {about SSO|to help with the SAML setup}.

== integrations | Integrations | integration, quickbooks, xero | 45/8/20/27
sub: QuickBooks integration | Integration broken | Xero sync issue | Integration request
neg: {The|Our} {QuickBooks|Xero|Slack|Shopify} integration {stopped working|keeps failing|posts every entry two times}{.| since $date.}
neg: {The sync with|Syncing to} {QuickBooks|Xero} {creates|created} extra copies of our {entries|invoices} through the integration.
req: {Please|Any plans to} {integrate with|build an integration for} {HubSpot|Salesforce|Shopify|Gusto}{?|.}
pos: The {Xero|QuickBooks|Slack} integration {works great|is a lifesaver}.
pos: {Connecting|Hooking up} {Xero|QuickBooks|Slack} took {two minutes|no time}, {nice|love the integration}.
neg: {Since|After} the {last|latest} update the {Xero|QuickBooks} integration {asks me to log in again every day|lost our category mapping}.
req: {We'd love|We need} a {Zapier|webhook|API} integration so we can {automate approvals|push invoices to our CRM}.
sarc: {Cool|Great}, the {QuickBooks|Xero} integration {broke|disconnected} again{.| right before month-end.} {Very handy.|Love it.}
agent: Thanks, {I've reconnected the integration on our side|our integrations team is on it}.

== ease_of_use | Ease of use (praise) | easy | 10/0/90/0
sub: Thank you | Love it | Feedback
pos: {Love|Really love|Loving} {this app|the app|it}{!|!!|.| 👍}
pos: {So|Really|Super} easy to {use|track expenses|keep on top of our finances}{.|!}
pos: {Finally|At last} I can see where {my|our} money goes{.|!}
pos: {Does|Does exactly} what it {says|promises}{.|, no fuss.}
pos: {Great|Solid|Excellent} app{, recommended|, would recommend|.}
pos: {We've|I've|Ive} been using it for {$n years|$n months|years} and {it just works|never looked back}.
neg: {Used to be|It used to be} {simple|easy to use}{, now it's bloated|, not anymore}.
agent: Thank you, that made our day!
es+: Muy fácil de usar, me encanta.
fr+: Très facile à utiliser, je recommande.
de+: Super einfach zu bedienen, klare Empfehlung.

== _opener
x: Hi, | Hello, | Hi team, | Hey, | hey | Hi there, | Good morning, | Hello support, | Dear support team, | Hi guys, | Hiya,
== _context
x: {We've been customers|I've been a customer} for {$n years|a while|about a year}.
x: I'm the {office manager|bookkeeper|finance lead|owner} at $company.
x: This is {urgent|time sensitive}, we {have payroll on Friday|close the books this week}.
x: I already tried {logging out and back in|reinstalling|clearing the cache}.
x: Not sure if this is the right place to ask.
x: Following up on my {previous email|ticket from last week}.
x: {Quick question.|Sorry if this was asked before.}
== _tried
x: reinstalled the app | cleared the cache | tried another browser | logged out and in again | restarted my phone | waited a day | asked my colleague to try
== _escalate
x: {We're|We are} evaluating alternatives.
x: If this isn't fixed {soon|this week} we will cancel.
x: Seriously considering {switching to $competitor|going back to spreadsheets}.
x: {Very|Really} disappointed.
x: {Please|Pls} fix {asap|this}.
== _closer
x: Thanks | Thanks! | Thank you | Any help appreciated. | Cheers | Regards | Let me know. | ty | Please advise. | Thanks in advance
== _connect_contrast
x: But | That said, | On the other hand, | However, | Still,
== _connect_same
x: Also, | And | On top of that, | Plus | Another thing:
== _followup_neg
x: {Still|It's still|Its still} {not working|broken}{.|, same as before.}
x: That didn't help{.|, what else can I try?}
x: {This is|That's} the {second|third} time {I|we} ask about this.
== _followup_pos
x: {That worked|It works now|All good now}, thanks{!|.}
x: {Got it|Ok|Okay}, thanks.
x: {Perfect|Great}, {thank you|appreciate it}.
== _agent_open
x: Hi $first, | Hello $first, | Hi $first, thanks for reaching out! | Hey $first,
== _agent_thanks
x: {Thanks|Thank you} for the {kind words|feedback}, {I'll share it with the team|it really made our day}!
x: Great to hear that, {thanks for letting us know|enjoy}!
== _agent_sorry
x: {Sorry to hear that|I'm sorry about this experience}. I've passed your feedback to {the team|our support lead}.
x: {Apologies|Sorry} for the {slow reply|wait}; we were short-staffed this week. How can I help now?
== _agent_close
x: Is there anything else I can help with? | Let me know if that helps. | Have a great day! | Best, $agent | Cheers, $agent
== _note
x: Internal: customer is on $plan, escalating to tier 2.
x: Internal: linked to incident $incident.
x: Internal: {VIP|key} account, handle with care.
x: Internal: checked the logs, {nothing obvious|same error as last week}.
x: Internal: duplicate of ticket $invoice, merging.
== _bot
x: Hi! I'm Fin, a bot. {How can I help?|What can I help you with today?}
x: {Have you checked|You might find an answer in} our help center: Settings > Help.
x: I've passed this to the team. They usually reply {within a few hours|in under 10 minutes}.
x: Did that answer your question?
== _devreply
x: Hi, sorry to hear that! {Please write to us at support so we can help.|Could you contact support with your app version?}
x: Thanks for the review! {We're glad you like it.|We appreciate the feedback.}
x: Hi, this is fixed in $version. Please update and let us know.
""";
}
