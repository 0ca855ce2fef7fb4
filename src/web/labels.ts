import { type Html, html } from './html';

/**
 * The Danish words the pages use for the domain's codes. The domain names things in English (its
 * codes and its timeline summaries); a caseworker reads Danish. A code without a Danish word here is
 * shown as it is, marked as English (lang="en") so a screen reader pronounces it right (WCAG 3.1.2).
 */
export const kindLabels: Record<string, string> = {
  ressourceforloeb: 'Ressourceforløb',
  fleksjob: 'Fleksjob',
  'cash-benefit': 'Kontanthjælp',
};

/** Phases by kind of case, in the order a case passes through them: the worklist's phase filter. */
export const phasesByKind: Record<string, Record<string, string>> = {
  ressourceforloeb: {
    referred: 'Venter på rehabiliteringsteamet',
    'awaiting-decision': 'Venter på kommunens afgørelse',
    'in-course': 'I forløb',
    refused: 'Afslag (klagefristen løber)',
    closing: 'Forløbet er afsluttet (klagefristen løber)',
    concluded: 'Afsluttet',
  },
  fleksjob: {
    'awaiting-start': 'Fleksjobbet er ikke startet',
    employed: 'I fleksjob',
    reassessment: 'Til fornyet vurdering i rehabiliteringsteamet',
    ended: 'Fleksjobbet er ophørt',
  },
  'cash-benefit': {
    'on-benefit': 'Modtager kontanthjælp',
    'right-given': 'Har fået ret til vurdering',
    'sent-to-team': 'Forelagt rehabiliteringsteamet',
    interrupted: 'Perioden er afbrudt',
  },
};

export const phaseLabels: Record<string, string> = Object.assign({}, ...Object.values(phasesByKind));

export const deadlineLabels: Record<string, string> = {
  'coordinating-caseworker': 'Koordinerende sagsbehandler',
  'team-meeting': 'Møde i rehabiliteringsteamet',
  'team-reassessment': 'Fornyet vurdering i rehabiliteringsteamet',
  decision: 'Kommunens afgørelse',
  'real-offer': 'Reelt tilbud i gang',
  'first-measure': 'Første indsats i gang',
  'maximum-duration': 'Forløbets længste varighed',
  'what-follows': 'Beslutning om, hvad der følger efter den bevilgede periode',
  'existing-evidence-decision': 'Afgørelse på det foreliggende grundlag',
  'complaint-reconsideration': 'Genvurdering af klage',
  'health-advice': 'Sundhedskoordinatorens vurdering',
  'progression-review': 'Vurdering af udviklingen i arbejdsevnen',
  'yearly-check': 'Årlig opfølgning på udviklingen',
  reassessment: 'Fornyet vurdering i rehabiliteringsteamet',
  'fleksjob-status': 'Status på midlertidigt fleksjob',
  'temporary-period-end': 'Afgørelse om permanent fleksjob',
  'follow-up-conversation': 'Opfølgningssamtale',
  'assessment-right': 'Ret til vurdering efter et år på kontanthjælp',
  'team-referral': 'Sagen forelægges rehabiliteringsteamet',
  'municipal-assessment': 'Afklaring efter 2 år på kontanthjælp (LAB § 36 a)',
};

export const deadlineStatusLabels: Record<string, string> = {
  pending: 'Løber',
  met: 'Overholdt',
  breached: 'Overskredet',
  reached: 'Nået',
};

/** What happened, by the timeline entry's type: the case's events and what the system did. */
export const timelineLabels: Record<string, string> = {
  caseOpened: 'Sagen er oprettet',
  caseClosed: 'Sagen er afsluttet',
  deadlineReminder: 'Påmindelse om frist',
  deadlineBreached: 'Frist overskredet',
  escalationRaised: 'Eskaleret',
  caseworkerAssigned: 'Koordinerende sagsbehandler tildelt',
  relativeRegistered: 'Pårørende registreret',
  relativeConsent: 'Borgerens samtykke om pårørende',
  escalationAcknowledged: 'Eskalering kvitteret',
  teamRecommendation: 'Rehabiliteringsteamets indstilling',
  municipalDecision: 'Kommunens afgørelse',
  offerRegistered: 'Tilbud registreret',
  offerStarted: 'Tilbud startet',
  offerEnded: 'Tilbud afsluttet',
  specialReasonsRecorded: 'Særlige grunde registreret (ingen tilbagevisning til teamet)',
  specialReasonsApplied: 'Særlige grunde: sagen går ikke tilbage til teamet',
  specialistAdvisedAgainst: 'Speciallæge har frarådet tilbud',
  healthCoordinatorRequested: 'Borgeren har bedt om sundhedskoordinatorens vurdering',
  healthCoordinatorAdvice: 'Sundhedskoordinatorens vurdering',
  healthAdviceDecided: 'Kommunens beslutning efter sundhedskoordinatorens vurdering',
  earlierCourseRegistered: 'Tidligere ressourceforløb registreret',
  complaintReceived: 'Klage modtaget',
  complaintReconsidered: 'Klage genvurderet',
  appealDecided: 'Ankestyrelsens afgørelse',
  decisionOnExistingEvidenceDemanded: 'Borgeren kræver afgørelse på det foreliggende grundlag',
  workCapacityCannotDevelop: 'Arbejdsevnen kan ikke udvikles (mod førtidspension)',
  courseConcluded: 'Forløbet er afsluttet',
  fleksjobStarted: 'Fleksjob startet',
  hoursChanged: 'Ugentlige timer ændret',
  fewHoursChosen: 'Borgerens valg af få timer',
  progressionReviewRecorded: 'Vurdering af udviklingen registreret',
  yearlyCheckRecorded: 'Årlig opfølgning registreret',
  reassessmentRequested: 'Borgeren ønsker en fornyet vurdering',
  teamReassessment: 'Rehabiliteringsteamets fornyede vurdering',
  reassessmentDecided: 'Kommunens afgørelse efter den fornyede vurdering',
  fleksjobStatusRecorded: 'Status på midlertidigt fleksjob',
  permanentFleksjobDecided: 'Afgørelse om permanent fleksjob',
  followUpConversationHeld: 'Opfølgningssamtale holdt',
  jobChanged: 'Skift af job i fleksjob',
  fleksjobEnded: 'Fleksjob ophørt',
  cashBenefitInterrupted: 'Kontanthjælpsperioden afbrudt',
  caseSentToTeam: 'Sagen forelagt rehabiliteringsteamet',
  afklaringRecorded: 'Afklaring efter 2 år på kontanthjælp (LAB § 36 a)',
  categoryChanged: 'Kategori ændret (aktivitetsparat/jobparat)',
};

export const outcomeLabels: Record<string, string> = {
  accepted: 'Gennemført',
  rejected: 'Afvist',
  recorded: 'Noteret',
};

export const roleLabels: Record<string, string> = {
  caseworker: 'Sagsbehandler',
  supervisor: 'Leder',
  admin: 'Administrator',
  system: 'Systemet',
  integration: 'Integration',
};

/** The Danish word for a code, or the code itself marked as English. */
export function label(table: Record<string, string>, code: string | null | undefined): Html {
  if (code === null || code === undefined || code === '') return html`–`;
  const danish = table[code];
  return danish ? html`${danish}` : html`<span lang="en">${code}</span>`;
}

/** The municipalities' codes (Danmarks Statistik) and names, for the header. */
const municipalityNames: Record<string, string> = {
  '101': 'København',
  '147': 'Frederiksberg',
  '151': 'Ballerup',
  '153': 'Brøndby',
  '155': 'Dragør',
  '157': 'Gentofte',
  '159': 'Gladsaxe',
  '161': 'Glostrup',
  '163': 'Herlev',
  '165': 'Albertslund',
  '167': 'Hvidovre',
  '169': 'Høje-Taastrup',
  '173': 'Lyngby-Taarbæk',
  '175': 'Rødovre',
  '183': 'Ishøj',
  '185': 'Tårnby',
  '187': 'Vallensbæk',
  '190': 'Furesø',
  '201': 'Allerød',
  '210': 'Fredensborg',
  '217': 'Helsingør',
  '219': 'Hillerød',
  '223': 'Hørsholm',
  '230': 'Rudersdal',
  '240': 'Egedal',
  '250': 'Frederikssund',
  '253': 'Greve',
  '259': 'Køge',
  '260': 'Halsnæs',
  '265': 'Roskilde',
  '269': 'Solrød',
  '270': 'Gribskov',
  '306': 'Odsherred',
  '316': 'Holbæk',
  '320': 'Faxe',
  '326': 'Kalundborg',
  '329': 'Ringsted',
  '330': 'Slagelse',
  '336': 'Stevns',
  '340': 'Sorø',
  '350': 'Lejre',
  '360': 'Lolland',
  '370': 'Næstved',
  '376': 'Guldborgsund',
  '390': 'Vordingborg',
  '400': 'Bornholm',
  '410': 'Middelfart',
  '420': 'Assens',
  '430': 'Faaborg-Midtfyn',
  '440': 'Kerteminde',
  '450': 'Nyborg',
  '461': 'Odense',
  '479': 'Svendborg',
  '480': 'Nordfyns',
  '482': 'Langeland',
  '492': 'Ærø',
  '510': 'Haderslev',
  '530': 'Billund',
  '540': 'Sønderborg',
  '550': 'Tønder',
  '561': 'Esbjerg',
  '563': 'Fanø',
  '573': 'Varde',
  '575': 'Vejen',
  '580': 'Aabenraa',
  '607': 'Fredericia',
  '615': 'Horsens',
  '621': 'Kolding',
  '630': 'Vejle',
  '657': 'Herning',
  '661': 'Holstebro',
  '665': 'Lemvig',
  '671': 'Struer',
  '706': 'Syddjurs',
  '707': 'Norddjurs',
  '710': 'Favrskov',
  '727': 'Odder',
  '730': 'Randers',
  '740': 'Silkeborg',
  '741': 'Samsø',
  '746': 'Skanderborg',
  '751': 'Aarhus',
  '756': 'Ikast-Brande',
  '760': 'Ringkøbing-Skjern',
  '766': 'Hedensted',
  '773': 'Morsø',
  '779': 'Skive',
  '787': 'Thisted',
  '791': 'Viborg',
  '810': 'Brønderslev',
  '813': 'Frederikshavn',
  '820': 'Vesthimmerland',
  '825': 'Læsø',
  '840': 'Rebild',
  '846': 'Mariagerfjord',
  '849': 'Jammerbugt',
  '851': 'Aalborg',
  '860': 'Hjørring',
};

/** "København (101)"; an administrator of every municipality reads "Alle kommuner". */
export function municipalityName(code: string): string {
  if (code === '*') return 'Alle kommuner';
  const name = municipalityNames[code];
  return name ? `${name} (${code})` : `Kommune ${code}`;
}

export const MUNICIPALITY_COUNT = Object.keys(municipalityNames).length;

const dateFormat = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});
const dateTimeFormat = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Copenhagen',
});

/** A date as a Danish reader reads it ("3. feb. 2027"), in a <time> element with the exact instant. */
export function date(instant: string | null | undefined, withTime = false): Html {
  if (!instant) return html`–`;
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return html`${instant}`;
  const text = (withTime ? dateTimeFormat : dateFormat).format(at);
  return html`<time datetime="${at.toISOString()}">${text}</time>`;
}
