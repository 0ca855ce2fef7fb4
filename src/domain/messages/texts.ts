/**
 * Every text the system writes for staff and developers — refusal reasons, timeline entries,
 * deadline labels, escalation reasons, API problems — once, in Danish (the default) and English
 * (`Accept-Language: en`). A key is `area.what`; a text names its parameters as `{name}`, the same in
 * both languages (test/unit/messages.test.ts checks that, that no Danish text has English words in
 * it, and that every key the code uses is here). Pure data: the workflows bundle it, without zod.
 *
 * To add a text: add a key here with `da` and `en`, and write `msg('the.key', { name })` where the
 * text is made; the edge renders it (`render(text, language)`).
 */
export const texts = {
  // The engine: every kind of case.
  'event.unknown': { da: 'ukendt hændelse "{type}"', en: 'unknown event type "{type}"' },
  'event.refused': { da: '{type} afvist', en: '{type} refused' },
  'caseworker.already-assigned': {
    da: '{caseworkerId} er allerede koordinerende sagsbehandler',
    en: '{caseworkerId} is already the coordinating caseworker',
  },
  'caseworker.over-caseload': {
    da: 'sagsbehandler {caseworkerId} har allerede {open} åbne sager; grænsen er {limit}',
    en: 'caseworker {caseworkerId} already has {open} open cases; the limit is {limit}',
  },
  'caseworker.changed': {
    da: 'koordinerende sagsbehandler skiftet fra {previous} til {caseworkerId}',
    en: 'coordinating caseworker changed from {previous} to {caseworkerId}',
  },
  'caseworker.assigned': {
    da: 'koordinerende sagsbehandler tildelt: {caseworkerId}',
    en: 'coordinating caseworker assigned: {caseworkerId}',
  },
  'relative.exists': {
    da: 'der findes allerede en pårørende med ID "{relativeId}"',
    en: 'a relative with ID "{relativeId}" already exists',
  },
  'relative.registered': {
    da: 'pårørende {relativeId} ({relation}) registreret',
    en: 'relative {relativeId} ({relation}) registered',
  },
  'relative.not-found': {
    da: 'der er ingen pårørende "{relativeId}" i sagen',
    en: 'there is no relative "{relativeId}" in this case',
  },
  'relative.consent-given': {
    da: 'borgeren giver samtykke til, at pårørende {relativeId} orienteres om {covers}',
    en: 'the citizen consents to inform relative {relativeId} about {covers}',
  },
  'relative.consent-withdrawn': {
    da: 'borgeren trækker samtykket til at orientere pårørende {relativeId} tilbage',
    en: 'the citizen withdraws consent to inform relative {relativeId}',
  },
  'escalation.supervisors-only': {
    da: 'kun en leder kan kvittere for en eskalering',
    en: 'only a supervisor can acknowledge an escalation',
  },
  'escalation.not-found': {
    da: 'der er ingen eskalering "{escalationId}" i sagen',
    en: 'there is no escalation "{escalationId}" in this case',
  },
  'escalation.not-open': {
    da: 'eskalering {escalationId} er allerede {status}',
    en: 'escalation {escalationId} is already {status}',
  },
  'escalation.status.acknowledged': { da: 'kvitteret', en: 'acknowledged' },
  'escalation.status.resolved': { da: 'løst', en: 'resolved' },
  'escalation.status.open': { da: 'åben', en: 'open' },
  'escalation.acknowledged': {
    da: 'eskalering {escalationId} kvitteret',
    en: 'escalation {escalationId} acknowledged',
  },
  'escalation.raised': {
    da: 'eskaleret til {level}: {reason}',
    en: 'escalated to {level}: {reason}',
  },
  'escalation.level-raised': {
    da: 'eskalering {escalationId} ikke kvitteret: sendt videre til {level}',
    en: 'escalation {escalationId} not acknowledged: raised to {level}',
  },
  // One numbering of escalation levels everywhere (API, mail, pages): counted from 1, with who receives it.
  'escalation.level': { da: 'niveau {n} ({role})', en: 'level {n} ({role})' },
  'role.supervisor': { da: 'leder', en: 'supervisor' },
  'role.head-of-department': { da: 'afdelingschef', en: 'head of department' },
  'deadline.not-met': { da: '{label}: ikke inden for fristen', en: '{label}: not within the limit' },
  'deadline.breached': {
    da: 'frist overskredet: {label} (frist {dueOn})',
    en: 'deadline breached: {label} (due {dueOn})',
  },
  'deadline.reached': { da: 'nået: {label} ({on})', en: 'reached: {label} ({on})' },
  'deadline.reminder': { da: 'påmindelse: {label} senest {dueOn}', en: 'reminder: {label} by {dueOn}' },
  'deadline.label.coordinating-caseworker': {
    da: 'en koordinerende sagsbehandler er tildelt',
    en: 'a coordinating caseworker is assigned',
  },
  'delivery.undeliverable': {
    da: 'et brev ({topic}) kunne ikke leveres: {error}',
    en: 'a {topic} message could not be delivered: {error}',
  },
  // Complaints (ressourceforløb)
  'deadline.label.complaint-reconsideration': {
    da: 'klagen er genvurderet',
    en: 'the complaint is reconsidered',
  },
  'complaint.kept-not-sent': {
    da: 'klage {complaintId} blev fastholdt, men ikke sendt til Ankestyrelsen inden for fristen: den skal sendes nu',
    en: 'complaint {complaintId} was kept but not sent to Ankestyrelsen within the limit: it must be sent now',
  },
  'complaint.not-reconsidered': {
    da: 'klage {complaintId} blev ikke genvurderet inden for fristen: genvurdér den nu, og send den til Ankestyrelsen, hvis afgørelsen fastholdes',
    en: 'complaint {complaintId} was not reconsidered within the limit: reconsider it now, and send it to Ankestyrelsen if the decision is kept',
  },
  'complaint.overdue-forwarded': {
    da: 'klage {complaintId} blev ikke genvurderet i tide og er gået til Ankestyrelsen',
    en: 'complaint {complaintId} was not reconsidered in time and went to Ankestyrelsen',
  },
  'deadline.label.complaint-answer': {
    da: 'borgerens svar: fastholdes klagen',
    en: "the citizen's answer: is the complaint maintained",
  },
  'complaint.settled-unanswered': {
    da: 'klage {complaintId}: borgeren har ikke inden for fristen sagt, at den fastholdes; den er afsluttet',
    en: 'complaint {complaintId}: the citizen did not say within the time that it is maintained; it is settled',
  },
  'deadline.label.complaint-forwarding': {
    da: 'klagen er sendt til Ankestyrelsen',
    en: 'the complaint is sent to Ankestyrelsen',
  },
  'complaint.not-sent': {
    da: 'klage {complaintId} blev ikke sendt til Ankestyrelsen inden for fristen: den skal sendes nu',
    en: 'complaint {complaintId} was not sent to Ankestyrelsen within the limit: it must be sent now',
  },
  'case.refusal-stands': {
    da: 'afslaget står ved magt: ingen verserende klage efter klagefristen',
    en: 'refusal stands: no complaint pending after the complaint window',
  },
  'case.ending-stands': {
    da: 'afslutningen står ved magt: ingen verserende klage efter klagefristen',
    en: 'the ending stands: no complaint pending after the complaint window',
  },
  // Deadlines of a ressourceforløb
  'deadline.label.team-meeting': {
    da: 'rehabiliteringsteamet behandler sagen',
    en: 'the rehabilitation team reviews the case',
  },
  'deadline.label.team-reassessment': {
    da: 'teamet vurderer forløbet igen',
    en: 'the team reassesses the course',
  },
  'deadline.label.decision': { da: 'kommunen træffer afgørelse', en: 'the municipality decides' },
  'deadline.label.real-offer': { da: 'et reelt tilbud er gået i gang', en: 'a real offer has started' },
  'course.no-real-offer': {
    da: 'intet reelt tilbud er gået i gang inden for fristen',
    en: 'no real offer has started within the limit',
  },
  'deadline.label.first-measure': {
    da: 'en første indsats er gået i gang',
    en: 'a first measure has started',
  },
  'course.special-reasons-applied': {
    da: 'ingen indsats, der tæller, er gået i gang, men særlige grunde blev registreret {on}: sagen går ikke tilbage til teamet',
    en: 'no counting measure has started, but særlige grunde were recorded on {on}: the case does not go back to the team',
  },
  'course.no-measure': {
    da: 'ingen indsats er gået i gang inden for fristen',
    en: 'no measure has started within the limit',
  },
  'deadline.label.maximum-duration': {
    da: 'forløbet er afsluttet (længste varighed)',
    en: 'the course is concluded (maximum duration)',
  },
  'deadline.label.what-follows': {
    da: 'kommunen beslutter, hvad der følger efter den bevilgede periode',
    en: 'the municipality decides what follows the granted period',
  },
  'course.what-follows-undecided': {
    da: 'der er ikke besluttet, hvad der følger efter den bevilgede periode: forløbet og ydelsen fortsætter, indtil det er besluttet',
    en: 'nothing is decided about what follows the granted period: the course and its benefit continue until it is',
  },
  'deadline.label.existing-evidence-decision': {
    da: 'der er truffet afgørelse på det foreliggende grundlag',
    en: 'a decision on the existing evidence is made',
  },
  'deadline.label.health-advice': {
    da: 'den regionale sundhedskoordinator har vurderet tilbuddet',
    en: 'the regional health coordinator advises on the offer',
  },
  // The case service (client)
  'case.wrong-kind': {
    da: 'sag {caseId} er en {kind}, ikke en {wanted}',
    en: 'case {caseId} is a {kind}, not a {wanted}',
  },
  'case.no-answer': {
    da: 'sag {caseId} svarede ikke i tide; prøv igen',
    en: 'case {caseId} did not answer in time; try again',
  },
  'case.does-not-take': {
    da: 'sag {caseId} er en {kind}: den modtager ikke {type}',
    en: 'case {caseId} is a {kind}: it does not take {type}',
  },
  'case.closed': {
    da: 'sag {caseId} er lukket ({phase}); den modtager ikke flere hændelser',
    en: 'case {caseId} is closed ({phase}); it accepts no further events',
  },
  'case.other-municipality': {
    da: 'sag {caseId} hører til en anden kommune',
    en: 'case {caseId} belongs to another municipality',
  },
  'case.not-found': { da: 'der er ingen sag med ID {caseId}', en: 'no case with ID {caseId}' },
  'case.exists': {
    da: 'der findes allerede en sag med ID {caseId}',
    en: 'a case with ID {caseId} already exists',
  },
  'idempotency.key-reused': {
    da: 'denne Idempotency-Key er brugt til en anden forespørgsel på sagen: brug en ny nøgle til en ny forespørgsel',
    en: 'this Idempotency-Key was used for another request on this case: use a new key for a new request',
  },
  'page-token.invalid': {
    da: 'ikke en sidenøgle fra denne liste: begynd forfra fra første side',
    en: 'not a page token of this list: start again from the first page',
  },
  // API problems (src/api)
  'problem.stopping': { da: 'Tjenesten lukker ned', en: 'Stopping' },
  'problem.temporal-unreachable': { da: 'Temporal kan ikke nås', en: 'Temporal is not reachable' },
  'problem.try-again': { da: 'prøv igen om lidt', en: 'try again shortly' },
  'problem.not-found': { da: 'Findes ikke', en: 'Not Found' },
  'problem.forbidden': { da: 'Ingen adgang', en: 'Forbidden' },
  'problem.role-cannot': { da: 'en {role} har ikke adgang til {route}', en: 'a {role} cannot use {route}' },
  'role.caseworker': { da: 'sagsbehandler', en: 'caseworker' },
  'role.admin': { da: 'administrator', en: 'administrator' },
  'role.integration': { da: 'integration', en: 'integration' },
  'role.system': { da: 'systemet', en: 'the system' },
  'problem.invalid-request': { da: 'Ugyldig forespørgsel', en: 'Invalid request' },
  'problem.idempotency-key-shape': {
    da: '8–100 bogstaver, cifre, . _ : - (på POST-ruter)',
    en: '8–100 letters, digits, . _ : - (on POST routes)',
  },
  'problem.invalid-path': { da: 'stien er ikke gyldig', en: 'the path is not valid' },
  'problem.invalid-query': { da: 'forespørgslens parametre er ikke gyldige', en: 'the query is not valid' },
  'problem.invalid-body': { da: 'indholdet er ikke gyldigt', en: 'the body is not valid' },
  'problem.unsupported-media-type': { da: 'Medietypen understøttes ikke', en: 'Unsupported Media Type' },
  'problem.send-json': { da: 'send indholdet som application/json', en: 'send the body as application/json' },
  'problem.unauthorized': { da: 'Ikke logget ind', en: 'Unauthorized' },
  'problem.bearer-token-required': {
    da: 'der kræves en gyldig adgangsnøgle (bearer token)',
    en: 'a valid bearer token is required',
  },
  'problem.case-not-found': { da: 'Sagen findes ikke', en: 'Case not found' },
  'problem.case-exists': { da: 'Sagen findes allerede', en: 'Case exists' },
  'problem.event-refused': { da: 'Hændelsen er afvist', en: 'Event refused' },
  'problem.caseload-limit': { da: 'Grænsen for antal sager er nået', en: 'Caseload limit reached' },
  'problem.idempotency-key-reused': { da: 'Idempotency-Key er genbrugt', en: 'Idempotency-Key reused' },
  'problem.wrong-kind': { da: 'Forkert sagstype', en: 'Wrong kind of case' },
  'problem.case-unavailable': { da: 'Sagen svarer ikke', en: 'Case unavailable' },
  'problem.invalid-json': { da: 'indholdet er ikke gyldig JSON', en: 'the body is not valid JSON' },
  'problem.too-large': { da: 'Indholdet er for stort', en: 'Content Too Large' },
  'problem.body-limit': { da: 'indholdet må højst fylde 64 kB', en: 'the body may be at most 64 kB' },
  'problem.bad-request': {
    da: 'Forespørgslen kan ikke behandles ({status})',
    en: 'The request cannot be handled ({status})',
  },
  'problem.internal': { da: 'Intern fejl', en: 'Internal Server Error' },
  'problem.outside-municipality': {
    da: '{what} i kommune {municipality} ligger uden for din kommune ({yours})',
    en: '{what} of municipality {municipality} is outside your municipality ({yours})',
  },
  'problem.your-municipality': {
    da: 'du handler for kommune {municipality}',
    en: 'you act for municipality {municipality}',
  },
  'problem.subject-case': { da: 'sag {caseId}', en: 'case {caseId}' },
  'problem.subject-new-case': { da: 'en ny sag', en: 'a case' },
  // Age rules (course/age.ts)
  'age.pension-age': {
    da: 'borgeren (født {born}) når folkepensionsalderen ({age}) den {pensionDay}, mindre end {years} år herfra: der sættes ikke et ressourceforløb i gang, medmindre borgeren ønsker det (LAB § 112, stk. 3)',
    en: 'the citizen (born {born}) reaches folkepension age ({age}) on {pensionDay}, less than {years} years away: no ressourceforløb is started then unless the citizen wishes it (LAB § 112, stk. 3)',
  },
  'age.total-from-40-to-50': {
    da: 'borgeren er {age} år og har tidligere været i ressourceforløb i {used} dage: mellem {from} og {to} år må forløbene tilsammen ikke vare mere end {limit}, medmindre borgeren ønsker det, og {course} (LAB § 114, stk. 1 og 3)',
    en: 'the citizen is {age} and has been in ressourceforløb for {used} days before: between {from} and {to} the courses may not total more than {limit} unless the citizen wishes it, and {course} (LAB § 114, stk. 1 and 3)',
  },
  'age.granted-until': {
    da: 'dette forløb er bevilget frem til {grantedUntil}',
    en: 'this course is granted until {grantedUntil}',
  },
  'age.course-minimum': { da: 'et forløb varer mindst {minimum}', en: 'a course lasts at least {minimum}' },
  'age.one-course-over-50': {
    da: 'borgeren er {age} år og har tidligere været i ressourceforløb ({earlier}): over {from} år gives et nyt forløb kun, hvis borgeren ønsker det (LAB § 114, stk. 4)',
    en: 'the citizen is {age} and had a ressourceforløb before ({earlier}): over {from} a further course is given only if the citizen wishes it (LAB § 114, stk. 4)',
  },
  // Phases of a ressourceforløb
  'phase.not-possible': {
    da: '{what} er ikke muligt, mens sagen {phase}',
    en: '{what} is not possible while the case {phase}',
  },
  'phase.course.referred': {
    da: 'venter på rehabiliteringsteamet',
    en: 'is waiting for the rehabilitation team',
  },
  'phase.course.awaiting-decision': {
    da: 'venter på kommunens afgørelse',
    en: "is waiting for the municipality's decision",
  },
  'phase.course.in-course': { da: 'er i gang med sit forløb', en: 'is in its course' },
  'phase.course.refused': { da: 'har fået afslag', en: 'is refused' },
  'phase.course.closing': {
    da: 'er afsluttet ved en afgørelse (åben for klager, til klagefristen er udløbet)',
    en: 'is ended by a decision (open for complaints until the window has passed)',
  },
  'phase.course.concluded': { da: 'er afsluttet', en: 'is concluded' },
  // A ressourceforløb
  'case.concluded-no-events': {
    da: 'sagen blev afsluttet ({outcome}) den {on}; den modtager ikke flere hændelser',
    en: 'the case was concluded ({outcome}) on {on}; it accepts no further events',
  },
  // The rules of a ressourceforløb (course/rules.ts)
  'course.grant-needs-until': {
    da: 'en bevilling siger, frem til hvornår forløbet er bevilget (grantedUntil){source}',
    en: 'a grant says until when the course is granted (grantedUntil){source}',
  },
  'course.grant-too-short': {
    da: 'et forløb bevilges for mindst {minimum}: {grantedUntil} er for tidligt',
    en: 'a course is granted for at least {minimum}: {grantedUntil} is too soon',
  },
  'course.grant-too-long': {
    da: 'et forløb bevilges for højst {maximum}: {grantedUntil} er for sent',
    en: 'a course is granted for at most {maximum}: {grantedUntil} is too late',
  },
  'course.no-refusal-during': {
    da: 'under et forløb afslutter kommunen det ved at afslutte forløbet (courseConcluded) eller ved at gå mod førtidspension, ikke ved et afslag',
    en: 'during a course the municipality ends it by concluding it (courseConcluded) or routing it to pension, not by a refusal',
  },
  'course.new-grant-needs-review': {
    da: 'et nyt forløb kræver først en ny behandling i rehabiliteringsteamet',
    en: 'a new course needs a new review by the rehabilitation team first',
  },
  'course.review-recommends-other': {
    da: 'teamets nye behandling indstiller til {recommends}, ikke til et nyt forløb',
    en: "the team's new review recommends {recommends}, not a new course",
  },
  'course.new-grant-needs-until': {
    da: 'en ny bevilling siger, frem til hvornår forløbet er bevilget (grantedUntil)',
    en: 'a new grant says until when the course is granted (grantedUntil)',
  },
  'course.what.recommendation': {
    da: 'en indstilling (kommunen har givet afslag på et forløb; en klage eller en ny visitation kommer først)',
    en: 'a recommendation (the municipality has refused a course; a complaint or a new referral comes first)',
  },
  'team.unanimously': { da: 'enstemmigt', en: 'unanimously' },
  'team.with-dissent': { da: 'med dissens fra {members}', en: 'with dissent from {members}' },
  'team.recommends': {
    da: 'teamet indstiller til {recommends} {how} ({context})',
    en: 'the team recommends {recommends} {how} ({context})',
  },
  'team.recommends-citizen-absent': {
    da: 'teamet indstiller til {recommends} {how}; borgeren deltog ikke i hele mødet ({context})',
    en: 'the team recommends {recommends} {how}; the citizen did not attend the whole meeting ({context})',
  },
  'course.no-recommendation-yet': {
    da: 'kommunen træffer afgørelse på grundlag af teamets indstilling: teamet har ikke givet sin indstilling endnu',
    en: 'the municipality decides on the basis of the team’s recommendation: the team has not recommended yet',
  },
  'course.what.decision': { da: 'en afgørelse', en: 'a decision' },
  'course.age-rules-against': {
    da: 'et forløb kan ikke bevilges: {rules} (registrér, at borgeren ønsker forløbet, hvis det er tilfældet)',
    en: 'a course cannot be granted: {rules} (record that the citizen wishes the course, if so)',
  },
  'course.new-period-granted-on-basis': {
    da: 'kommunen bevilger en ny forløbsperiode frem til {grantedUntil} på grundlag af den samlede beskrivelse og sundhedskoordinatorens rådgivning (uden team)',
    en: 'the municipality grants a new course period until {grantedUntil}, on the samlet beskrivelse and the health coordinator’s advice (no team)',
  },
  'course.new-period-granted': {
    da: 'kommunen bevilger en ny forløbsperiode frem til {grantedUntil} i tråd med teamets indstilling',
    en: 'the municipality grants a new course period until {grantedUntil}, following the team',
  },
  'decision.wish-waives': {
    da: ' — borgeren ønsker forløbet, selv om aldersreglerne ({rules}) står i vejen (LAB § 112, stk. 3; § 114, stk. 3–4)',
    en: ' — the citizen wishes the course although the age rules ({rules}) stand in the way (LAB § 112, stk. 3; § 114, stk. 3–4)',
  },
  'decision.wish': { da: ' — borgeren ønsker forløbet', en: ' — the citizen wishes the course' },
  'decision.what': { da: '{decision}{wish}', en: '{decision}{wish}' },
  'decision.grant-until': {
    da: 'bevilge et forløb frem til {grantedUntil}',
    en: 'grant a course until {grantedUntil}',
  },
  'decision.grant': { da: 'bevilge et forløb', en: 'grant a course' },
  'decision.refuse': {
    da: 'give afslag på et forløb ({alternative})',
    en: 'refuse a course ({alternative})',
  },
  'decision.against-team': {
    da: 'kommunen vil {what} imod teamets indstilling ({recommends}): sagen går tilbage til teamet, før afgørelsen kan stå ved magt',
    en: "the municipality would {what}, against the team's recommendation ({recommends}): the case goes back to the team before the decision can stand",
  },
  'decision.following-team': {
    da: 'kommunen beslutter at {what} i tråd med teamets indstilling',
    en: 'the municipality decides to {what}, following the team',
  },
  // Law over time (Lov nr. 1750/2025): intake closed, the team optional, moving running cases.
  'intake.opening': {
    da: 'der kan ikke oprettes nye sager af typen {kind} efter {until}: tilgangen er lukket ({source}); sager, der allerede kører, fortsætter',
    en: 'no new {kind} can be opened after {until}: intake has closed ({source}); cases already running continue',
  },
  'intake.granting': {
    da: 'der kan ikke bevilges nye ressourceforløb efter {until}: tilgangen er lukket ({source}); et forløb, der allerede kører, fortsætter',
    en: 'no new ressourceforløb can be granted after {until}: intake has closed ({source}); a course already running continues',
  },
  'intake.directing': {
    da: 'borgeren kan ikke henvises til {to} efter {until}: det er lukket for nye borgere ({source})',
    en: 'the citizen cannot be directed to {to} after {until}: it is closed to new citizens ({source})',
  },
  'decision-basis.team-required': {
    da: '{what} registreres kun i stedet for rehabiliteringsteamet under et regelsæt, hvor teamet ikke er et krav (Lov nr. 1750 af 29. december 2025); denne sags regelsæt kræver teamet',
    en: "{what} is recorded instead of a team review only under a ruleset where the rehabilitation team is optional (Lov nr. 1750 af 29. december 2025); this case's ruleset requires the team",
  },
  'decision-basis.already-recorded': {
    da: '{what} er allerede registreret den {on} til den næste afgørelse',
    en: '{what} was already recorded on {on} toward the next decision',
  },
  'decision-basis.recorded': {
    da: '{what} er registreret (uden rehabiliteringsteam, Lov nr. 1750/2025)',
    en: '{what} is recorded (no team review, Lov nr. 1750/2025)',
  },
  'decision-basis.recorded-new-period': {
    da: '{what} er registreret (uden rehabiliteringsteam, Lov nr. 1750/2025): kommunen kan træffe afgørelse om en ny periode uden teamet',
    en: '{what} is recorded (no team review, Lov nr. 1750/2025): the municipality can decide on a new period without the team',
  },
  'decision-basis.recorded-decide': {
    da: '{what} er registreret (uden rehabiliteringsteam, Lov nr. 1750/2025): kommunen kan nu træffe afgørelse uden en indstilling fra teamet',
    en: '{what} is recorded (no team review, Lov nr. 1750/2025): the municipality can now decide without a team recommendation',
  },
  'decision-basis.description': {
    da: 'en samlet beskrivelse af borgerens forudsætninger',
    en: 'a samlet beskrivelse af borgerens forudsætninger',
  },
  'decision-basis.health-advice': {
    da: 'sundhedskoordinatorens rådgivning i sagen',
    en: "the health coordinator's advice on the case",
  },
  'move.closed': {
    da: 'sagen er afsluttet: en afsluttet sag beholder de regler, den sluttede under',
    en: 'the case is closed: a closed case keeps the rules it ended under',
  },
  'move.same': { da: 'sagen er allerede under {version}', en: 'the case is already under {version}' },
  'move.passed': {
    da: 'fristen "{label}" ville allerede være overskredet den {due} under den nye version',
    en: 'the deadline "{label}" would already have passed on {due} under the new version',
  },
  'move.voids': {
    da: 'borgeren har en ret ({right}), som {version} ikke har og ikke bevarer (keepsRights)',
    en: 'the citizen has a right ({right}) that {version} does not have and does not keep (keepsRights)',
  },
  'move.recorded': {
    da: 'flyttet fra regelsæt {from} til {to} (flytning {moveId}): {moved} frister flyttes, {appear} kommer til, {fallAway} bortfalder; bevarede rettigheder: {kept}',
    en: 'moved from ruleset {from} to {to} (move {moveId}): {moved} deadline(s) move, {appear} appear, {fallAway} fall away; rights kept: {kept}',
  },
  'move.none': { da: 'ingen', en: 'none' },
  'move.not-this-release': {
    da: 'sagen kan ikke flyttes af denne version af systemet',
    en: 'this case cannot be moved by this release',
  },
  'move.admin-only': {
    da: 'kun en administrator kan flytte en sag til et andet regelsæt',
    en: 'only an administrator moves a case to another ruleset',
  },
  'move.needs-id-version-reason': {
    da: 'en flytning skal angive et id, en regelsætsversion og en begrundelse',
    en: 'a move names its ID, the ruleset version and why',
  },
  'move.no-grant': {
    da: 'efter flytningen kan der ikke bevilges ressourceforløb i sagen: tilgangen lukkede efter {until} ({source})',
    en: 'after the move no ressourceforløb can be granted in this case: intake closed after {until} ({source})',
  },
  'decision.on-basis': {
    da: 'kommunen beslutter at {what} på grundlag af den samlede beskrivelse og sundhedskoordinatorens rådgivning (uden team)',
    en: 'the municipality decides to {what}, on the samlet beskrivelse and the health coordinator’s advice (no team)',
  },
  'decision.after-team-again': {
    da: 'kommunen beslutter at {what}, efter at teamet har set sagen igen',
    en: 'the municipality decides to {what}, after the team has seen the case again',
  },
  'course.what.special-reasons': { da: 'at registrere særlige grunde', en: 'recording særlige grunde' },
  'course.special-reasons-not-applicable': {
    da: 'efter dette regelsæt eskaleres en sen første indsats; sagen går ikke tilbage til teamet',
    en: 'under this ruleset a late first measure escalates; it does not send the case back to the team',
  },
  'course.special-reasons-exist': {
    da: 'særlige grunde blev allerede registreret den {on}',
    en: 'særlige grunde were already recorded on {on}',
  },
  'course.first-measure-started': {
    da: 'en første indsats er allerede gået i gang',
    en: 'a first measure has already started',
  },
  'course.first-measure-passed': {
    da: 'fristen for første indsats udløb den {on}: sagen er gået tilbage til teamet',
    en: 'the first-measure limit passed on {on}: the case has gone back to the team',
  },
  'course.special-reasons-recorded': {
    da: 'særlige grunde registreret (LAB § 113, stk. 2): er ingen indsats gået i gang inden for fristen, går sagen ikke tilbage til teamet',
    en: 'særlige grunde recorded (LAB § 113, stk. 2): if no measure has started within the limit, the case does not go back to the team',
  },
  'course.what.earlier-course': {
    da: 'at registrere et tidligere forløb',
    en: 'registering an earlier course',
  },
  'course.earlier-course-future': {
    da: 'et tidligere forløb er slut: dets slutdato ligger ikke i fremtiden',
    en: 'an earlier course has ended: its end date is not in the future',
  },
  'course.earlier-course-overlaps': {
    da: 'perioden {from} til {to} overlapper et tidligere forløb, der allerede er registreret',
    en: 'the period {from} to {to} overlaps an earlier course already registered',
  },
  'course.earlier-course-registered': {
    da: 'et tidligere ressourceforløb registreret: {from} til {to}',
    en: 'an earlier ressourceforløb registered: {from} to {to}',
  },
  'course.what.existing-evidence-demand': {
    da: 'et krav om afgørelse på det foreliggende grundlag',
    en: 'a demand for a decision on the existing evidence',
  },
  'course.existing-evidence-not-yet': {
    da: 'borgeren har kun denne ret, hvis intet reelt tilbud er gået i gang senest {by}',
    en: 'the citizen has this right only if no real offer has started by {by}',
  },
  'course.existing-evidence-none': {
    da: 'dette regelsæt giver ingen ret til afgørelse på det foreliggende grundlag',
    en: 'this ruleset gives no right to a decision on the existing evidence',
  },
  'course.existing-evidence-demanded': {
    da: 'borgeren krævede allerede en afgørelse den {on}',
    en: 'the citizen already demanded a decision on {on}',
  },
  'course.existing-evidence-demand': {
    da: 'borgeren kræver afgørelse på det foreliggende grundlag',
    en: 'the citizen demands a decision on the existing evidence',
  },
  'course.what.toward-pension': {
    da: 'at lede sagen mod førtidspension',
    en: 'routing the case toward førtidspension',
  },
  'course.toward-pension': {
    da: 'arbejdsevnen kan ikke udvikles ({basis}): intet forløb; sagen går mod førtidspension',
    en: 'work capacity cannot develop ({basis}): no course; the case goes toward førtidspension',
  },
  'course.not-started-only-ended-other': {
    da: 'forløbet er ikke begyndt: kun "ended-other" (flyttet, død, folkepensionsalder) kan lukke sagen, mens den {phase}',
    en: 'the course has not started: only "ended-other" (moved, died, pension age) can close the case while it {phase}',
  },
  'course.concluded': { da: 'forløbet er afsluttet: {outcome}', en: 'the course is concluded: {outcome}' },
  // Shared pieces
  'team.context.referral': { da: 'første behandling', en: 'referral' },
  'team.context.deviation': { da: 'kommunen ville ikke følge teamet', en: 'deviation' },
  'team.context.reassessment': { da: 'ny vurdering under forløbet', en: 'reassessment' },
  'team.context.follow-up': { da: 'opfølgning', en: 'follow-up' },
  'list.pair': { da: '{first}; {second}', en: '{first}; {second}' },
  /** A text kept from before the message table (or an operator's), shown as it is. */
  'text.as-is': { da: '{text}', en: '{text}' },
  // Offers (course/offers.ts)
  'offer.not-found': {
    da: 'der er intet tilbud "{offerId}" i sagen',
    en: 'there is no offer "{offerId}" in this case',
  },
  'offer.what.register': { da: 'at registrere et tilbud', en: 'registering an offer' },
  'offer.exists': {
    da: 'der findes allerede et tilbud med ID "{offerId}"',
    en: 'an offer with ID "{offerId}" already exists',
  },
  'offer.real': { da: 'reelt tilbud {offerId}', en: 'real offer {offerId}' },
  'offer.plain': { da: 'tilbud {offerId}', en: 'offer {offerId}' },
  'offer.registered': {
    da: '{offer} ({kind}) registreret, planlagt til start {plannedStart}',
    en: '{offer} ({kind}) registered, planned to start {plannedStart}',
  },
  'offer.registered-not-counting': {
    da: '{offer} ({kind}) registreret, planlagt til start {plannedStart}; det tæller ikke som første indsats (LAB § 113, stk. 2)',
    en: '{offer} ({kind}) registered, planned to start {plannedStart}; it does not count as the first measure (LAB § 113, stk. 2)',
  },
  'offer.what.start': { da: 'at sætte et tilbud i gang', en: 'starting an offer' },
  'offer.vetoed': {
    da: 'en lægelig specialist ({specialty}) frarådede tilbud {offerId} den {on}: det må ikke sættes i gang',
    en: 'a medical specialist ({specialty}) advised against offer {offerId} on {on}: it must not start',
  },
  'offer.waits-municipality': {
    da: 'tilbud {offerId} venter på kommunens beslutning om sundhedskoordinatorens vurdering af {on} (LAB § 113, stk. 3)',
    en: "offer {offerId} waits for the municipality's decision on the health coordinator's advice of {on} (LAB § 113, stk. 3)",
  },
  'offer.waits-advice': {
    da: 'tilbud {offerId} venter på den regionale sundhedskoordinators vurdering, anmodet {on}',
    en: "offer {offerId} waits for the regional health coordinator's advice, requested {on}",
  },
  'offer.paused': {
    da: 'tilbud {offerId} er sat i bero, til kommunen har besluttet sig om sundhedskoordinatorens vurdering (LAB § 113, stk. 3)',
    en: "offer {offerId} is paused until the municipality has decided on the health coordinator's advice (LAB § 113, stk. 3)",
  },
  'offer.started': { da: '{offer} ({kind}) er gået i gang', en: '{offer} ({kind}) started' },
  'offer.started-not-withdrawn': {
    da: 'tilbud {offerId} er gået i gang: det slutter som gennemført eller afbrudt, ikke som trukket tilbage',
    en: 'offer {offerId} has started: it ends as completed or discontinued, not withdrawn',
  },
  'offer.not-started-withdraw': {
    da: 'tilbud {offerId} er ikke gået i gang: det kan kun trækkes tilbage',
    en: 'offer {offerId} has not started: it can only be withdrawn',
  },
  'offer.ended': { da: 'tilbud {offerId} {how}', en: 'offer {offerId} {how}' },
  'offer.end.completed': { da: 'er gennemført', en: 'completed' },
  'offer.end.discontinued': { da: 'er afbrudt', en: 'discontinued' },
  'offer.end.withdrawn': { da: 'er trukket tilbage', en: 'withdrawn' },
  'offer.vetoed-already': {
    da: 'en specialist har allerede frarådet tilbud {offerId}',
    en: 'a specialist has already advised against offer {offerId}',
  },
  'offer.ended-already': {
    da: 'tilbud {offerId} er allerede afsluttet',
    en: 'offer {offerId} has already ended',
  },
  'offer.vetoed-running': {
    da: 'en specialist ({specialty}) frarådede tilbud {offerId}, som er i gang: sagsbehandleren får besked',
    en: 'a specialist ({specialty}) advised against offer {offerId}, which is running: the caseworker is told',
  },
  'offer.vetoed-never': {
    da: 'en specialist ({specialty}) frarådede tilbud {offerId}: det kan aldrig sættes i gang',
    en: 'a specialist ({specialty}) advised against offer {offerId}: it can never start',
  },
  'offer.vetoed-advice': {
    da: 'en specialist ({specialty}) frarådede tilbud {offerId}: registreret som rådgivning; kommunen beslutter',
    en: 'a specialist ({specialty}) advised against offer {offerId}: recorded as advice; the municipality decides',
  },
  'offer.advice-asked-already': {
    da: 'sundhedskoordinatoren er allerede blevet spurgt om tilbud {offerId}',
    en: 'the health coordinator has already been asked about offer {offerId}',
  },
  'offer.vetoed-will-not-start': {
    da: 'en specialist har frarådet tilbud {offerId}: det sættes alligevel ikke i gang',
    en: 'a specialist has advised against offer {offerId}: it will not start anyway',
  },
  'offer.advice-planned-or-running': {
    da: 'tilbud {offerId} {status}: der kan spørges om vurdering af et planlagt tilbud eller et tilbud i gang',
    en: 'offer {offerId} is {status}: advice can be asked for on a planned or running offer',
  },
  'offer.advice-before-start': {
    da: 'tilbud {offerId} {status}: der kan spørges om vurdering, før et tilbud går i gang',
    en: 'offer {offerId} is {status}: advice can be asked for before an offer starts',
  },
  'offer.advice-requested-running': {
    da: 'borgeren bad om den regionale sundhedskoordinators vurdering af tilbud {offerId}, som er i gang: det sættes i bero, til kommunen har besluttet sig (LAB § 113, stk. 3)',
    en: "the citizen asked for the regional health coordinator's advice on offer {offerId}, which is running: it pauses until the municipality has decided (LAB § 113, stk. 3)",
  },
  'offer.advice-requested-municipality': {
    da: 'borgeren bad om den regionale sundhedskoordinators vurdering af tilbud {offerId}; det venter, til kommunen har besluttet sig (LAB § 113, stk. 3)',
    en: "the citizen asked for the regional health coordinator's advice on offer {offerId}; it waits until the municipality has decided (LAB § 113, stk. 3)",
  },
  'offer.advice-requested': {
    da: 'borgeren bad om den regionale sundhedskoordinators vurdering af tilbud {offerId}; det venter',
    en: "the citizen asked for the regional health coordinator's advice on offer {offerId}; it waits",
  },
  'offer.advice-recorded-already': {
    da: 'sundhedskoordinatorens vurdering af tilbud {offerId} blev registreret den {on}',
    en: "the health coordinator's advice on offer {offerId} was recorded on {on}",
  },
  'offer.no-advice-asked': {
    da: 'der er ikke spurgt om en vurdering af tilbud {offerId}',
    en: 'no advice on offer {offerId} has been asked for',
  },
  'offer.advice-municipality-decides': {
    da: 'sundhedskoordinatoren råder til at {advice} tilbud {offerId}: registreret som rådgivning; kommunen beslutter (LAB § 113, stk. 3)',
    en: 'the health coordinator advises to {advice} offer {offerId}: recorded as advice; the municipality decides (LAB § 113, stk. 3)',
  },
  'offer.advice.proceed': { da: 'gå videre med', en: 'go ahead with' },
  'offer.advice.adjust': { da: 'tilpasse', en: 'adjust' },
  'offer.advice.replace': { da: 'erstatte', en: 'replace' },
  'offer.advice-replace': {
    da: 'sundhedskoordinatoren råder til at erstatte tilbud {offerId}: det trækkes tilbage',
    en: 'the health coordinator advises replacing offer {offerId}: it is withdrawn',
  },
  'offer.advice-may-start': {
    da: 'sundhedskoordinatoren råder til at {advice} tilbud {offerId}: det må gå i gang',
    en: 'the health coordinator advises to {advice} offer {offerId}: it may start',
  },
  'offer.advice-decides': {
    da: 'efter dette regelsæt afgør sundhedskoordinatorens vurdering selv tilbuddet',
    en: "under this ruleset the health coordinator's advice itself decides the offer",
  },
  'offer.no-coordinator-advice-asked': {
    da: 'der er ikke spurgt om sundhedskoordinatorens vurdering af tilbud {offerId}',
    en: "no health coordinator's advice on offer {offerId} has been asked for",
  },
  'offer.decided-already': {
    da: 'kommunen besluttede sig allerede om tilbud {offerId} den {on}',
    en: 'the municipality already decided on offer {offerId} on {on}',
  },
  'offer.advice-not-yet': {
    da: 'sundhedskoordinatorens vurdering af tilbud {offerId} er ikke registreret endnu: kommunen beslutter efter den',
    en: "the health coordinator's advice on offer {offerId} has not been recorded yet: the municipality decides after it",
  },
  'offer.replaced-after-advice': {
    da: 'efter sundhedskoordinatorens vurdering beslutter kommunen at erstatte tilbud {offerId}: det {how}',
    en: "after the health coordinator's advice the municipality decides to replace offer {offerId}: it is {how}",
  },
  'offer.resumes-after-advice': {
    da: 'efter sundhedskoordinatorens vurdering beslutter kommunen at {how} tilbud {offerId}: det genoptages',
    en: "after the health coordinator's advice the municipality decides to {how} offer {offerId}: it resumes",
  },
  'offer.may-start-after-advice': {
    da: 'efter sundhedskoordinatorens vurdering beslutter kommunen at {how} tilbud {offerId}: det må gå i gang',
    en: "after the health coordinator's advice the municipality decides to {how} offer {offerId}: it may start",
  },
  'offer.decision.keep': { da: 'fastholde', en: 'keep' },
  'offer.status.planned': { da: 'er planlagt', en: 'planned' },
  'offer.status.started': { da: 'er i gang', en: 'started' },
  'offer.status.paused': { da: 'er sat i bero', en: 'paused' },
  'offer.status.awaiting-health-advice': {
    da: 'venter på sundhedskoordinatorens vurdering',
    en: 'awaiting-health-advice',
  },
  'offer.status.ended': { da: 'er afsluttet', en: 'ended' },
  'offer.status.withdrawn': { da: 'er trukket tilbage', en: 'withdrawn' },
  // Complaints (course/complaints.ts)
  'complaint.not-found': {
    da: 'der er ingen klage "{complaintId}" i sagen',
    en: 'there is no complaint "{complaintId}" in this case',
  },
  'complaint.exists': {
    da: 'der findes allerede en klage med ID "{complaintId}"',
    en: 'a complaint with ID "{complaintId}" already exists',
  },
  'complaint.no-refusal': {
    da: 'der er intet afslag på et forløb at klage over',
    en: 'there is no refusal of a course to complain about',
  },
  'complaint.no-grant': {
    da: 'der er intet bevilget forløb at klage over',
    en: 'there is no granted course to complain about',
  },
  'complaint.no-ending': {
    da: 'der er ingen afgørelse om at afslutte forløbet, som stadig kan påklages',
    en: 'there is no decision ending the course that is still open for complaints',
  },
  'offer.withdrawn': { da: 'tilbud {offerId} er trukket tilbage', en: 'offer {offerId} has been withdrawn' },
  'complaint.no-receipt-date': {
    da: 'sagens regelsæt regner klagefristen fra selve afgørelsen: det tager ikke imod en modtagelsesdato eller en grund til at klagen er for sen',
    en: "this case's ruleset counts the complaint window from the decision itself: it takes no receipt date or reason for lateness",
  },
  'complaint.received-before-sent': {
    da: 'afgørelsen blev sendt den {sentOn}: den kan ikke være modtaget den {receivedOn}',
    en: 'the decision was sent on {sentOn}: it cannot have been received on {receivedOn}',
  },
  'complaint.about.refusal': { da: 'afslaget', en: 'refusal' },
  'complaint.about.grant': { da: 'bevillingen', en: 'grant' },
  'complaint.about.conclusion': { da: 'afslutningen', en: 'conclusion' },
  'complaint.received-late': {
    da: 'klage {complaintId} over {what} modtaget efter klagefristen: den genvurderes ikke, men skal straks sendes til Ankestyrelsen',
    en: 'complaint {complaintId} about the {what} received after the complaint window: it is not reconsidered but must be sent to Ankestyrelsen at once',
  },
  'complaint.received': {
    da: 'klage {complaintId} over {what} modtaget',
    en: 'complaint {complaintId} about the {what} received',
  },
  'complaint.late-not-reconsidered': {
    da: 'klage {complaintId} kom efter klagefristen: den genvurderes ikke, men sendes til Ankestyrelsen',
    en: 'complaint {complaintId} came after the complaint window: it is not reconsidered but sent to Ankestyrelsen',
  },
  'complaint.overdue-went': {
    da: 'klage {complaintId} blev ikke genvurderet i tide og gik til Ankestyrelsen den {on}',
    en: 'complaint {complaintId} was not reconsidered in time and went to Ankestyrelsen on {on}',
  },
  'complaint.reconsidered-already': {
    da: 'klage {complaintId} er allerede genvurderet',
    en: 'complaint {complaintId} has already been reconsidered',
  },
  'complaint.no-partial': {
    da: 'sagens regelsæt kender ikke delvis medhold: registrér klagen som imødekommet eller fastholdt',
    en: "this case's ruleset knows no partial medhold: record the complaint as upheld or kept",
  },
  'complaint.kept-must-send': {
    da: 'klage {complaintId}: kommunen fastholder sin afgørelse; klagen skal sendes til Ankestyrelsen',
    en: 'complaint {complaintId}: the municipality keeps its decision; the complaint must be sent to Ankestyrelsen',
  },
  'complaint.kept-goes': {
    da: 'klage {complaintId}: kommunen fastholder sin afgørelse; klagen går til Ankestyrelsen',
    en: 'complaint {complaintId}: the municipality keeps its decision; the complaint goes to Ankestyrelsen',
  },
  'complaint.partly-upheld': {
    da: 'klage {complaintId} delvis imødekommet: en ny afgørelse; borgeren siger, om klagen fastholdes',
    en: 'complaint {complaintId} partly upheld: a new decision; the citizen says whether the complaint is maintained',
  },
  'complaint.upheld': {
    da: 'klage {complaintId} imødekommet: kommunen ændrer sin afgørelse',
    en: 'complaint {complaintId} upheld: the municipality changes its decision',
  },
  'complaint.not-awaiting-citizen': {
    da: 'klage {complaintId} venter ikke på borgerens svar efter delvis medhold',
    en: "complaint {complaintId} is not waiting for the citizen's answer after partial medhold",
  },
  'complaint.maintained': {
    da: 'borgeren fastholder klage {complaintId}: den skal sendes til Ankestyrelsen',
    en: 'the citizen maintains complaint {complaintId}: it must be sent to Ankestyrelsen',
  },
  'complaint.not-maintained': {
    da: 'borgeren fastholder ikke klage {complaintId}: den er afsluttet',
    en: 'the citizen does not maintain complaint {complaintId}: it is settled',
  },
  'complaint.forwarded-by-case': {
    da: 'efter sagens regelsæt markerer sagen selv en fastholdt klage som videresendt',
    en: "under this case's ruleset the case marks a kept complaint as forwarded itself",
  },
  'complaint.sent-already': {
    da: 'klage {complaintId} blev allerede sendt til Ankestyrelsen den {on}',
    en: 'complaint {complaintId} was already sent to Ankestyrelsen on {on}',
  },
  'complaint.not-to-send': {
    da: 'klage {complaintId} skal ikke sendes: kun en fastholdt eller for sen klage går til Ankestyrelsen',
    en: 'complaint {complaintId} is not to be sent: only a kept, maintained or late complaint goes to Ankestyrelsen',
  },
  'complaint.sent-on-window': {
    da: 'dagen, den blev sendt, skal ligge mellem modtagelsen af klagen ({receivedOn}) og i dag',
    en: "the day it was sent must lie between the complaint's receipt ({receivedOn}) and today",
  },
  'complaint.sent': {
    da: 'klage {complaintId} blev sendt til Ankestyrelsen den {on}',
    en: 'complaint {complaintId} was sent to Ankestyrelsen on {on}',
  },
  'complaint.not-with-ankestyrelsen': {
    da: 'klage {complaintId} ligger ikke hos Ankestyrelsen',
    en: 'complaint {complaintId} is not with Ankestyrelsen',
  },
  'complaint.appeal-decided': {
    da: 'Ankestyrelsen om klage {complaintId}: {result}',
    en: 'Ankestyrelsen on complaint {complaintId}: {result}',
  },
  // A fleksjob follow-up (fleksjob/*)
  'fleksjob.before-start': {
    da: '{what} er ikke muligt, før fleksjobbet er begyndt',
    en: '{what} is not possible before the fleksjob has started',
  },
  'fleksjob.during-reassessment': {
    da: '{what} er ikke muligt, mens teamet vurderer fleksjobbet igen',
    en: '{what} is not possible while the team reassesses the fleksjob',
  },
  'fleksjob.closed': {
    da: 'opfølgningen på fleksjobbet sluttede ({reason}) den {on}; den modtager ikke flere hændelser',
    en: 'the fleksjob follow-up ended ({reason}) on {on}; it accepts no further events',
  },
  'fleksjob.started': {
    da: 'fleksjob begyndt: {hours} timer om ugen',
    en: 'fleksjob started: {hours} hours a week',
  },
  'fleksjob.what.hours': { da: 'at ændre timetallet', en: 'changing the hours' },
  'fleksjob.hours-same': {
    da: 'fleksjobbet har allerede {hours} timer om ugen',
    en: 'the fleksjob already has {hours} hours a week',
  },
  'fleksjob.yearly-check-starts': { da: '; den årlige opfølgning begynder', en: '; the yearly check starts' },
  'fleksjob.yearly-check-ends': { da: '; den årlige opfølgning ophører', en: '; the yearly check ends' },
  'fleksjob.hours-changed': {
    da: 'timetallet ændret fra {before} til {hours} om ugen{check}',
    en: 'hours changed from {before} to {hours} a week{check}',
  },
  'fleksjob.what.choice': { da: 'at registrere borgerens valg', en: "recording the citizen's choice" },
  'fleksjob.choice-recorded': {
    da: 'borgerens valg af få timer er allerede registreret',
    en: 'the citizen’s choice of few hours is already recorded',
  },
  'fleksjob.no-choice': {
    da: 'der er ikke registreret et valg af få timer',
    en: 'no choice of few hours is recorded',
  },
  'fleksjob.choice-made': {
    da: 'borgeren har valgt få timer: det respekteres, ingen årlig opfølgning på udviklingen',
    en: 'the citizen has chosen few hours: respected, no yearly progression check',
  },
  'fleksjob.choice-withdrawn': {
    da: 'borgeren vælger ikke længere få timer',
    en: 'the citizen no longer chooses few hours',
  },
  'fleksjob.no-progression-review': {
    da: 'dette regelsæt har ingen opfølgning på arbejdsevnen',
    en: 'this ruleset has no progression review',
  },
  'fleksjob.progression-review-recorded': {
    da: 'opfølgningen på arbejdsevnen blev registreret den {on}',
    en: 'the progression review was recorded on {on}',
  },
  'fleksjob.what.progression-review': { da: 'en opfølgning på arbejdsevnen', en: 'a progression review' },
  'fleksjob.progression-review': {
    da: 'opfølgning på arbejdsevnen: arbejdsevne {workCapacity}, {hours} timer om ugen',
    en: 'progression review: work capacity {workCapacity}, {hours} hours a week',
  },
  'fleksjob.what.yearly-check': { da: 'en årlig opfølgning', en: 'a yearly check' },
  'fleksjob.no-yearly-check': {
    da: 'dette regelsæt har ingen årlig opfølgning på fleksjob med få timer',
    en: 'this ruleset has no yearly check of short-hour fleksjobs',
  },
  'fleksjob.choice-no-check': {
    da: 'borgeren har valgt få timer: der er ingen årlig opfølgning',
    en: 'the citizen has chosen few hours: there is no yearly check',
  },
  'fleksjob.check-under-threshold': {
    da: 'fleksjobbet har {hours} timer om ugen: den årlige opfølgning gælder under {threshold}',
    en: 'the fleksjob has {hours} hours a week: the yearly check applies under {threshold}',
  },
  'fleksjob.what.next-yearly-check': { da: 'den næste årlige opfølgning', en: 'the next yearly check' },
  'fleksjob.check.progression': { da: 'udvikling', en: 'progression' },
  'fleksjob.check.reassessment-offered': {
    da: 'ingen udvikling, borgeren er tilbudt en ny vurdering',
    en: 'no progression, a reassessment offered to the citizen',
  },
  'fleksjob.check.back-to-team': {
    da: 'ingen udvikling, tilbage til teamet',
    en: 'no progression, back to the team',
  },
  'fleksjob.yearly-check': {
    da: 'årlig opfølgning: {outcome}, {hours} timer om ugen',
    en: 'yearly check: {outcome}, {hours} hours a week',
  },
  'fleksjob.yearly-check-plan-not-followed': {
    da: 'årlig opfølgning: {outcome}, {hours} timer om ugen, planen er ikke fulgt',
    en: 'yearly check: {outcome}, {hours} hours a week, plan not followed',
  },
  'fleksjob.what.reassessment': { da: 'en ny vurdering', en: 'a reassessment' },
  'fleksjob.no-reassessment-offered': {
    da: 'borgeren er ikke tilbudt en ny vurdering',
    en: 'no reassessment has been offered to the citizen',
  },
  'fleksjob.reassessment-asked': {
    da: 'borgeren bad om teamets nye vurdering af fleksjobbet',
    en: 'the citizen asked for the team’s reassessment of the fleksjob',
  },
  'fleksjob.no-team-reassessment': {
    da: 'der venter ingen ny vurdering i teamet',
    en: 'no reassessment by the team is pending',
  },
  'fleksjob.team-recommends': {
    da: 'teamet indstiller: {recommends}; kommunen træffer afgørelse',
    en: 'the team recommends: {recommends}; the municipality decides',
  },
  'fleksjob.team-continues': {
    da: 'teamet har vurderet fleksjobbet igen: det fortsætter',
    en: 'the team reassessed the fleksjob: it continues',
  },
  'fleksjob.team-reassessed': {
    da: 'teamet har vurderet fleksjobbet igen: {recommends}',
    en: 'the team reassessed the fleksjob: {recommends}',
  },
  'fleksjob.team-decides': {
    da: 'efter dette regelsæt afgør teamets nye vurdering sagen',
    en: "under this ruleset the team's reassessment decides",
  },
  'fleksjob.no-reassessment': { da: 'der venter ingen ny vurdering', en: 'no reassessment is pending' },
  'fleksjob.team-not-yet': {
    da: 'teamet har ikke givet sin indstilling endnu: kommunen træffer afgørelse efter den',
    en: 'the team has not recommended yet: the municipality decides after it',
  },
  'fleksjob.on-basis': {
    da: 'på grundlag af den samlede beskrivelse og sundhedskoordinatorens rådgivning (uden team), i stedet for',
    en: 'on the samlet beskrivelse and the health coordinator’s advice (no team), instead of',
  },
  'fleksjob.basis-already': {
    da: '{what} er allerede registreret til denne vurdering af fleksjobbet',
    en: '{what} was already recorded for this reassessment of the fleksjob',
  },
  'fleksjob.basis-complete': {
    da: '{what} er registreret (uden rehabiliteringsteam, Lov nr. 1750/2025): kommunen kan nu træffe afgørelse om fleksjobbet',
    en: '{what} is recorded (no team review, Lov nr. 1750/2025): the municipality can now decide on the fleksjob',
  },
  'fleksjob.following': { da: 'i tråd med', en: 'following' },
  'fleksjob.against': { da: 'imod', en: 'against' },
  'fleksjob.decided-continues': {
    da: 'kommunen beslutter, {follows} teamets indstilling: fleksjobbet fortsætter',
    en: "the municipality decides, {follows} the team's recommendation: the fleksjob continues",
  },
  'fleksjob.decided': {
    da: 'kommunen beslutter, {follows} teamets indstilling: {decision}',
    en: "the municipality decides, {follows} the team's recommendation: {decision}",
  },
  'fleksjob.no-temporary': {
    da: 'dette regelsæt har intet midlertidigt første fleksjob',
    en: 'this ruleset has no temporary first fleksjob',
  },
  'fleksjob.status-recorded-already': {
    da: 'status blev registreret den {on}',
    en: 'the status was recorded on {on}',
  },
  'fleksjob.what.status': {
    da: 'en status for det midlertidige fleksjob',
    en: 'a status of the temporary fleksjob',
  },
  'fleksjob.status-recorded': {
    da: 'status for det midlertidige fleksjob registreret',
    en: 'status of the temporary fleksjob recorded',
  },
  'fleksjob.decided-already': { da: 'der blev truffet afgørelse den {on}', en: 'it was decided on {on}' },
  'fleksjob.what.permanent': {
    da: 'en afgørelse om permanent fleksjob',
    en: 'a decision on a permanent fleksjob',
  },
  'fleksjob.no-new-period': {
    da: 'dette regelsæt har ingen ny midlertidig periode: afgørelsen er permanent eller ophør',
    en: 'this ruleset has no new temporary period: the decision is permanent or end',
  },
  'fleksjob.no-age': {
    da: 'borgerens alder kan ikke udledes af CPR-nummeret',
    en: "the citizen's age cannot be derived from the CPR number",
  },
  'fleksjob.too-young-permanent': {
    da: 'borgeren er {age} år: under {fromAge} år følges et midlertidigt fleksjob af en ny midlertidig periode, ikke af et permanent fleksjob',
    en: 'the citizen is {age}: under {fromAge} a temporary fleksjob is followed by a new temporary period, not a permanent one',
  },
  'fleksjob.old-enough-permanent': {
    da: 'borgeren er {age} år: fra {fromAge} år bliver et midlertidigt fleksjob, der fortsætter, permanent',
    en: 'the citizen is {age}: from {fromAge} a temporary fleksjob that continues becomes permanent',
  },
  'fleksjob.new-period': {
    da: 'en ny midlertidig periode af fleksjobbet fra {from}',
    en: 'a new temporary period of the fleksjob from {from}',
  },
  'fleksjob.becomes-permanent': { da: 'fleksjobbet bliver permanent', en: 'the fleksjob becomes permanent' },
  'fleksjob.temporary-ends': { da: 'det midlertidige fleksjob ophører', en: 'the temporary fleksjob ends' },
  'fleksjob.what.job-change': { da: 'et jobskifte', en: 'a change of job' },
  'fleksjob.job-change-needs': {
    da: 'et jobskifte angiver den nye arbejdsgiver eller timetallet',
    en: 'a change of job names the new employer or the hours',
  },
  'fleksjob.job-changed-to': { da: 'job skiftet til {employer}', en: 'job changed to {employer}' },
  'fleksjob.job-changed': { da: 'job skiftet', en: 'job changed' },
  'fleksjob.job-changed-to-anew': {
    da: 'job skiftet til {employer}: den midlertidige periode begynder forfra',
    en: 'job changed to {employer}: the temporary period starts anew',
  },
  'fleksjob.job-changed-anew': {
    da: 'job skiftet: den midlertidige periode begynder forfra',
    en: 'job changed: the temporary period starts anew',
  },
  'fleksjob.what.conversation': { da: 'en opfølgningssamtale', en: 'a follow-up conversation' },
  'fleksjob.no-conversations': {
    da: 'dette regelsæt har ingen opfølgningssamtaler',
    en: 'this ruleset has no follow-up conversations',
  },
  'fleksjob.what.conversation-n': { da: 'opfølgningssamtale {n}', en: 'follow-up conversation {n}' },
  'fleksjob.conversation-held': { da: 'opfølgningssamtale {n} holdt', en: 'follow-up conversation {n} held' },
  'fleksjob.ended': { da: 'fleksjobbet er ophørt: {reason}', en: 'the fleksjob ended: {reason}' },
  'fleksjob.too-early': {
    da: '{what} skal ske senest {due}; den kan registreres fra {from}',
    en: '{what} is due {due}; it can be recorded from {from}',
  },
  // Deadlines of a fleksjob follow-up
  'deadline.label.progression-review': {
    da: 'opfølgningen på arbejdsevnen er registreret',
    en: 'the progression review (work capacity) is recorded',
  },
  'deadline.label.yearly-check': {
    da: 'årlig opfølgning på udviklingen i fleksjob med få timer',
    en: 'yearly check of progression in the short-hour fleksjob',
  },
  'deadline.label.yearly-check-n': {
    da: 'årlig opfølgning nr. {n} på udviklingen i fleksjob med få timer',
    en: 'yearly check {n} of progression in the short-hour fleksjob',
  },
  'deadline.label.reassessment': {
    da: 'teamet vurderer fleksjobbet igen',
    en: 'the team reassesses the fleksjob',
  },
  'deadline.label.fleksjob-status': {
    da: 'status for det midlertidige fleksjob er registreret',
    en: 'the status of the temporary fleksjob is recorded',
  },
  'deadline.label.fleksjob-status-n': {
    da: 'status for fleksjobbets midlertidige periode nr. {n} er registreret',
    en: 'the status of temporary period {n} of the fleksjob is recorded',
  },
  'deadline.label.temporary-period-end': {
    da: 'der er truffet afgørelse om, hvorvidt det midlertidige fleksjob bliver permanent',
    en: 'it is decided whether the temporary fleksjob becomes permanent',
  },
  'deadline.label.temporary-period-end-n': {
    da: 'der er truffet afgørelse om, hvad der følger efter fleksjobbets midlertidige periode nr. {n}',
    en: 'it is decided what follows temporary period {n} of the fleksjob',
  },
  'deadline.label.follow-up-conversation': { da: 'opfølgningssamtale', en: 'follow-up conversation' },
  'deadline.label.follow-up-conversation-n': {
    da: 'opfølgningssamtale nr. {n}',
    en: 'follow-up conversation {n}',
  },
  'fleksjob.opened': { da: 'opfølgning på fleksjob oprettet', en: 'fleksjob follow-up opened' },
  'fleksjob.opened-from-course': {
    da: 'opfølgning på fleksjob oprettet: forløbet sluttede med et fleksjob den {on}',
    en: 'fleksjob follow-up opened: the course concluded with a fleksjob on {on}',
  },
  'course.opened-application': {
    da: 'oprettet på borgerens egen ansøgning',
    en: "opened on the citizen's own application",
  },
  'course.opened-referral': { da: 'oprettet ved visitation', en: 'opened on referral' },
  // A kontanthjælp spell (cash-benefit/*)
  'deadline.label.assessment-right': {
    da: 'et sammenhængende år på kontanthjælp: retten til at blive vurderet til et ressourceforløb',
    en: 'one continuous year on kontanthjælp: the right to be assessed for a ressourceforløb',
  },
  'deadline.label.team-referral': {
    da: 'sagen er forelagt rehabiliteringsteamet (retten til vurdering blev givet)',
    en: 'the case is put to the rehabilitation team (the right to assessment was given)',
  },
  'deadline.label.municipal-assessment': {
    da: 'kommunens afklaring efter 2 sammenhængende år på kontanthjælp (LAB § 36 a)',
    en: 'the municipality’s afklaring after 2 continuous years on kontanthjælp (LAB § 36 a)',
  },
  'deadline.label.municipal-assessment-n': {
    da: 'afklaring nr. {n} efter sammenhængende kontanthjælp (LAB § 36 a)',
    en: 'afklaring {n} after continuous kontanthjælp (LAB § 36 a)',
  },
  'cash-benefit.closed-interrupted': {
    da: 'forløbet på kontanthjælp er afbrudt; det modtager ikke flere hændelser',
    en: 'the spell has been interrupted; it accepts no further events',
  },
  'cash-benefit.closed-team': {
    da: 'sagen er forelagt rehabiliteringsteamet; den modtager ikke flere hændelser',
    en: 'the case has been put to the rehabilitation team; it accepts no further events',
  },
  'cash-benefit.closed-right': {
    da: 'forløbet har givet ret til vurdering; det modtager ikke flere hændelser',
    en: 'the spell has given the right to assessment; it accepts no further events',
  },
  'cash-benefit.opened': {
    da: 'forløb på kontanthjælp registreret, sammenhængende siden {since}',
    en: 'kontanthjælp spell registered, continuous since {since}',
  },
  'cash-benefit.future-start': {
    da: 'spellStartedOn: et forløb kan ikke begynde i fremtiden',
    en: 'spellStartedOn: a spell cannot start in the future',
  },
  'cash-benefit.interrupted': {
    da: 'forløbet på kontanthjælp blev afbrudt: {reason}',
    en: 'the spell on kontanthjælp was interrupted: {reason}',
  },
  'cash-benefit.no-right': {
    da: 'dette regelsæt giver ingen ret til vurdering, der sender sagen til teamet',
    en: 'this ruleset gives no right to assessment that sends the case to the team',
  },
  'cash-benefit.right-not-yet': {
    da: 'retten til vurdering er ikke givet endnu',
    en: 'the right to assessment has not been given yet',
  },
  'cash-benefit.put-to-team': {
    da: 'sagen blev forelagt rehabiliteringsteamet',
    en: 'the case was put to the rehabilitation team',
  },
  'cash-benefit.no-afklaring': {
    da: 'dette regelsæt har ingen afklaring efter sammenhængende kontanthjælp',
    en: 'this ruleset has no afklaring after continuous kontanthjælp',
  },
  'cash-benefit.interrupted-already': {
    da: 'forløbet på kontanthjælp er afbrudt',
    en: 'the spell has been interrupted',
  },
  'cash-benefit.no-afklaring-due': {
    da: 'der skal ikke ske en afklaring for denne modtager',
    en: 'no afklaring is due for this recipient',
  },
  'cash-benefit.afklaring-too-early': {
    da: 'afklaring nr. {n} skal ske senest {due}; den kan registreres fra {from}',
    en: 'afklaring {n} is due {due}; it can be recorded from {from}',
  },
  'cash-benefit.afklaring-team': {
    da: 'afklaring nr. {n}: sagen går til rehabiliteringsteamet',
    en: 'afklaring {n}: the case goes to the rehabilitation team',
  },
  'cash-benefit.afklaring-measure': {
    da: 'afklaring nr. {n}: en indsats følger',
    en: 'afklaring {n}: a measure follows',
  },
  'cash-benefit.category-same': {
    da: 'modtageren er allerede {category}',
    en: 'the recipient is already {category}',
  },
  'cash-benefit.category-changed': {
    da: 'modtageren er nu {category}',
    en: 'the recipient is now {category}',
  },
  'offer.started-already': {
    da: 'tilbud {offerId} er allerede gået i gang',
    en: 'offer {offerId} has already started',
  },
  // The Temporal Web UI (workflows/ui-summaries.ts): timers, activities, current details
  'ui.deadline.coordinating-caseworker': {
    da: 'frist for koordinerende sagsbehandler',
    en: 'deadline for a coordinating caseworker',
  },
  'ui.deadline.team-meeting': {
    da: 'frist for møde i rehabiliteringsteamet',
    en: 'deadline for the rehabilitation team meeting',
  },
  'ui.deadline.team-reassessment': {
    da: 'frist for teamets nye vurdering',
    en: "deadline for the team's reassessment",
  },
  'ui.deadline.decision': { da: 'frist for afgørelse', en: 'deadline for the decision' },
  'ui.deadline.real-offer': { da: '1-årsfrist for reelt tilbud', en: '1-year deadline for a real offer' },
  'ui.deadline.first-measure': { da: 'frist for første indsats', en: 'deadline for the first measure' },
  'ui.deadline.maximum-duration': { da: '3-årsfrist', en: '3-year deadline' },
  'ui.deadline.what-follows': {
    da: 'frist for beslutning om, hvad der følger efter forløbet',
    en: 'deadline to decide what follows the course',
  },
  'ui.deadline.existing-evidence-decision': {
    da: 'frist for afgørelse på det foreliggende grundlag',
    en: 'deadline for a decision on the existing evidence',
  },
  'ui.deadline.complaint-reconsideration': {
    da: 'frist for genvurdering af klage',
    en: 'deadline to reconsider a complaint',
  },
  'ui.deadline.complaint-answer': {
    da: 'borgerens svar: fastholdes klagen',
    en: "the citizen's answer: is the complaint maintained",
  },
  'ui.deadline.complaint-forwarding': {
    da: 'frist for at sende klagen til Ankestyrelsen',
    en: 'deadline to send the complaint to Ankestyrelsen',
  },
  'ui.deadline.health-advice': {
    da: 'frist for sundhedskoordinatorens vurdering',
    en: "deadline for the health coordinator's advice",
  },
  'ui.deadline.progression-review': {
    da: 'opfølgning på arbejdsevnen i fleksjob',
    en: 'progression review of the fleksjob',
  },
  'ui.deadline.yearly-check': { da: 'årlig opfølgning på fleksjob', en: 'yearly check of the fleksjob' },
  'ui.deadline.reassessment': {
    da: 'teamets nye vurdering af fleksjob',
    en: "the team's reassessment of the fleksjob",
  },
  'ui.deadline.fleksjob-status': {
    da: 'status for midlertidigt fleksjob',
    en: 'status of the temporary fleksjob',
  },
  'ui.deadline.temporary-period-end': {
    da: 'udløb af midlertidigt fleksjob',
    en: 'end of the temporary fleksjob',
  },
  'ui.deadline.follow-up-conversation': {
    da: 'opfølgningssamtale om fleksjob',
    en: 'follow-up conversation about the fleksjob',
  },
  'ui.deadline.assessment-right': {
    da: 'ret til vurdering efter et år',
    en: 'right to assessment after a year',
  },
  'ui.deadline.team-referral': {
    da: 'frist for at forelægge sagen for teamet',
    en: 'deadline to put the case to the team',
  },
  'ui.deadline.municipal-assessment': {
    da: 'afklaring efter 2 år (LAB § 36 a)',
    en: 'afklaring after 2 years (LAB § 36 a)',
  },
  'ui.phase.referred': {
    da: 'visiteret, venter på rehabiliteringsteamet',
    en: 'referred, waiting for the rehabilitation team',
  },
  'ui.phase.awaiting-decision': {
    da: 'venter på kommunens afgørelse',
    en: "waiting for the municipality's decision",
  },
  'ui.phase.in-course': { da: 'i ressourceforløb', en: 'in ressourceforløb' },
  'ui.phase.refused': { da: 'afslag, klagefrist løber', en: 'refused, complaint window running' },
  'ui.phase.concluded': { da: 'afsluttet', en: 'concluded' },
  'ui.phase.awaiting-start': { da: 'fleksjob, venter på start', en: 'fleksjob, waiting to start' },
  'ui.phase.employed': { da: 'i fleksjob', en: 'in fleksjob' },
  'ui.phase.reassessment': { da: 'fleksjob til ny vurdering', en: 'fleksjob being reassessed' },
  'ui.phase.ended': { da: 'afsluttet', en: 'ended' },
  'ui.phase.on-benefit': { da: 'på kontanthjælp', en: 'on kontanthjælp' },
  'ui.phase.right-given': { da: 'ret til vurdering givet', en: 'right to assessment given' },
  'ui.phase.interrupted': { da: 'afbrudt', en: 'interrupted' },
  'ui.recipient.citizen': { da: 'borger', en: 'citizen' },
  'ui.recipient.relatives': { da: 'pårørende', en: 'relatives' },
  'ui.recipient.caseworker': { da: 'sagsbehandler', en: 'caseworker' },
  'ui.recipient.supervisor': { da: 'leder', en: 'supervisor' },
  'ui.recipient.head-of-department': { da: 'afdelingschef', en: 'head of department' },
  'ui.delivery-retry': { da: 'nyt forsøg på at sende brev', en: 'another attempt to send a letter' },
  'ui.reminder': { da: 'påmindelse: {name}', en: 'reminder: {name}' },
  'ui.escalation-next': { da: 'eskalering til næste niveau', en: 'escalation to the next level' },
  'ui.next-step': { da: 'næste skridt i sagen', en: 'the next step of the case' },
  'ui.letter-to': { da: 'brev til {names}', en: 'letter to {names}' },
  'ui.nobody': { da: 'ingen', en: 'nobody' },
  'ui.details.phase': { da: '**Fase:** {phase}', en: '**Phase:** {phase}' },
  'ui.details.next-deadline': { da: '**Næste frist:** {deadline}', en: '**Next deadline:** {deadline}' },
  'ui.details.deadline-on': { da: '{name}, {on}', en: '{name}, {on}' },
  'ui.details.open-escalations': {
    da: '**Åbne eskaleringer:** {count}',
    en: '**Open escalations:** {count}',
  },
  'fleksjob.reassessment.no-progression': {
    da: 'ingen udvikling ved den årlige opfølgning',
    en: 'no progression at the yearly check',
  },
  'fleksjob.reassessment.citizen-asked': {
    da: 'borgeren bad om en ny vurdering efter et år uden udvikling',
    en: 'the citizen asked for a reassessment after a year without progression',
  },
  'event.invalid': { da: 'hændelsen er ikke gyldig: {issues}', en: 'the event is not valid: {issues}' },
  'event.issue': { da: '{path}: {rule}', en: '{path}: {rule}' },

  'problem.waiting-times-supervisors': {
    da: 'ventetider er for ledere',
    en: 'waiting times are for supervisors',
  },
  // Values the texts name: in Danish words; in English the API's own value, as developers know it.
  'value.kind.ressourceforloeb': { da: 'ressourceforløb', en: 'ressourceforloeb' },
  'value.kind.fleksjob': { da: 'fleksjob', en: 'fleksjob' },
  'value.kind.cash-benefit': { da: 'kontanthjælp', en: 'cash-benefit' },
  'value.recommends.ressourceforloeb': { da: 'et ressourceforløb', en: 'ressourceforloeb' },
  'value.recommends.fleksjob': { da: 'fleksjob', en: 'fleksjob' },
  'value.recommends.foertidspension': { da: 'førtidspension', en: 'foertidspension' },
  'value.recommends.revalidering': { da: 'revalidering', en: 'revalidering' },
  'value.recommends.other-measures': { da: 'andre indsatser', en: 'other-measures' },
  'value.outcome.job': { da: 'ordinært arbejde', en: 'job' },
  'value.outcome.education': { da: 'uddannelse', en: 'education' },
  'value.outcome.revalidering': { da: 'revalidering', en: 'revalidering' },
  'value.outcome.fleksjob': { da: 'fleksjob', en: 'fleksjob' },
  'value.outcome.foertidspension': { da: 'videre mod førtidspension', en: 'foertidspension' },
  'value.outcome.new-course': { da: 'et nyt ressourceforløb', en: 'new-course' },
  'value.outcome.ended-other': { da: 'afsluttet af en anden grund', en: 'ended-other' },
  'value.outcome.refused': { da: 'afslag', en: 'refused' },
  'value.basis.terminal-illness': { da: 'livstruende sygdom', en: 'terminal-illness' },
  'value.basis.no-prospect-of-development': {
    da: 'ingen udsigt til udvikling af arbejdsevnen',
    en: 'no prospect of development',
  },
  'value.offer-kind.job-training': { da: 'virksomhedspraktik med oplæring', en: 'job-training' },
  'value.offer-kind.internship': { da: 'praktik', en: 'internship' },
  'value.offer-kind.treatment': { da: 'behandling', en: 'treatment' },
  'value.offer-kind.education': { da: 'uddannelse', en: 'education' },
  'value.offer-kind.mentor': { da: 'mentor', en: 'mentor' },
  'value.offer-kind.social-support': { da: 'social støtte', en: 'social-support' },
  'value.offer-kind.other': { da: 'andet', en: 'other' },
  'value.appeal.decision-upheld': { da: 'afgørelsen stadfæstet', en: 'decision-upheld' },
  'value.appeal.decision-changed': { da: 'afgørelsen ændret', en: 'decision-changed' },
  'value.appeal.remitted': { da: 'hjemvist', en: 'remitted' },
  'value.fleksjob-recommends.continue': { da: 'fleksjobbet fortsætter', en: 'continue' },
  'value.fleksjob-recommends.foertidspension': { da: 'førtidspension', en: 'foertidspension' },
  'value.fleksjob-recommends.end-fleksjob': { da: 'fleksjobbet ophører', en: 'end-fleksjob' },
  'value.ending.foertidspension': { da: 'videre mod førtidspension', en: 'foertidspension' },
  'value.ending.ordinary-job': { da: 'ordinært arbejde', en: 'ordinary-job' },
  'value.ending.resigned': { da: 'sagt op', en: 'resigned' },
  'value.ending.other': { da: 'en anden grund', en: 'other' },
  'value.ending.end-fleksjob': { da: 'teamet vurderede, at fleksjobbet skal ophøre', en: 'end-fleksjob' },
  'value.ending.temporary-period-ended': {
    da: 'det midlertidige fleksjob er udløbet',
    en: 'temporary-period-ended',
  },
  'value.interruption.employment': { da: 'beskæftigelse', en: 'employment' },
  'value.interruption.education': { da: 'uddannelse', en: 'education' },
  'value.interruption.other-benefit': { da: 'anden ydelse', en: 'other-benefit' },
  'value.interruption.moved': { da: 'flyttet', en: 'moved' },
  'value.interruption.other': { da: 'en anden grund', en: 'other' },
  'value.work-capacity.as-expected': { da: 'som forventet', en: 'as-expected' },
  'value.work-capacity.higher': { da: 'højere', en: 'higher' },
  'value.work-capacity.lower': { da: 'lavere', en: 'lower' },
  'offer.kind-basis': { da: '{kind}, {basis}', en: '{kind}, {basis}' },
  'fleksjob.started-already': {
    da: 'fleksjobbet er allerede begyndt',
    en: 'the fleksjob has already started',
  },
  // The schemas' own field rules, as the schemas write them in English (src/domain/**/events.ts, engine/fields.ts): the API finds them by their English text
  'field.id-shape': {
    da: '{min}–{max} bogstaver, cifre, punktummer, bindestreger eller understreger',
    en: '{min}–{max} letters, digits, dots, dashes or underscores',
  },
  'field.cpr-like': {
    da: 'ligner et CPR-nummer; {what} må ikke indeholde personoplysninger',
    en: 'looks like a CPR number; {what} must not contain personal data',
  },
  'field.multiline': { da: 'må ikke indeholde kontroltegn', en: 'must not contain control characters' },
  'field.line': { da: 'én linje, uden kontroltegn', en: 'one line, without control characters' },
  'field.date-window': {
    da: 'skal være en dato fra {from} til {to}',
    en: 'must be a date from {from} to {to}',
  },
  'field.refusal-alternative': {
    da: 'et afslag siger, hvad borgeren henvises til i stedet ("none", hvis intet); en bevilling gør ikke',
    en: 'a refusal says what the citizen is directed to instead ("none" if nothing); a grant does not',
  },
  'field.granted-until-grant': {
    da: 'kun en bevilling angiver perioden, forløbet er bevilget for (grantedUntil)',
    en: 'only a grant gives the period the course is granted for (grantedUntil)',
  },
  'field.period-order': {
    da: 'et forløb slutter, efter det er begyndt',
    en: 'a course ends after it starts',
  },
  'field.complaint-offer': {
    da: 'en klage over et tilbud angiver tilbuddet (offerId); andre klager gør ikke',
    en: 'a complaint about an offer names the offer (offerId); other complaints do not',
  },
  'field.consent-covers': {
    da: 'et samtykke angiver, hvad det dækker (decisions, deadlines, meetings); en tilbagetrækning dækker intet',
    en: 'consent names what it covers (decisions, deadlines, meetings); a withdrawal covers nothing',
  },
  'field.hours-min': { da: 'mindst et kvarter', en: 'at least a quarter of an hour' },
  'field.hours-max': { da: 'højst 37 timer', en: 'at most 37 hours' },
  'value.id.any': { da: 'et ID', en: 'an ID' },
  'value.id.case': { da: 'et sags-ID', en: 'a case ID' },
  'value.id.caseworker': { da: 'et sagsbehandler-ID', en: 'a caseworker ID' },
  'field.dissent': {
    da: 'en indstilling, der ikke er enstemmig, skal angive, hvem der var uenig og hvorfor (og en enstemmig ingen)',
    en: 'a recommendation that is not unanimous must name who dissented and why (and a unanimous one none)',
  },
} as const satisfies Record<string, { da: string; en: string }>;

export type MessageKey = keyof typeof texts;
