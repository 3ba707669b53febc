import { LOCALES, messages, type Lang } from './index.ts';

// The API's field messages (English) in Dutch, for showing them next to the input. What is not
// listed here is shown as the API wrote it.
const API_MESSAGES_NL: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^must not be empty$/, 'Vul dit veld in.'],
  [/^a rejection needs its reason$/, 'Geef de reden van de afwijzing.'],
  [/^must be an amount in euros$/, 'Vul een bedrag in euro’s in.'],
  [/^must be more than 0$/, 'Het bedrag moet meer dan € 0 zijn.'],
  [/^must be at most 10,000,000$/, 'Het bedrag mag niet meer dan € 10.000.000 zijn.'],
  [/^must have at most two decimals$/, 'Gebruik hoogstens twee decimalen (centen).'],
  [/^must not be more than the amount applied for$/, 'U kunt niet meer toekennen dan is aangevraagd.'],
  [/^must not be before the start date$/, 'De einddatum mag niet vóór de begindatum liggen.'],
  [/^must be a date YYYY-MM-DD$/, 'Vul een datum in (dag, maand, jaar).'],
  [/^must be at most (\d+) characters$/, (m) => `Gebruik hoogstens ${m[1]} tekens.`],
  [/^must be a whole year$/, 'Kies een jaar.'],
  [/^budget line '(.+)' covers (\d+)–(\d+)$/, (m) => `Budgetlijn ‘${m[1]}’ loopt van ${m[2]} tot en met ${m[3]}; kies een jaar daarbinnen.`],
  [/^not part of this coalition: .*$/, 'Dit onderdeel hoort niet (meer) bij het plan van deze coalitie.'],
];

const API_MESSAGES_EN: [RegExp, string][] = [
  [/^must not be empty$/, 'Please fill in this field.'],
  [/^a rejection needs its reason$/, 'Give the reason for rejecting.'],
  [/^must not be before the start date$/, 'The end date must not be before the start date.'],
  [/^must not be more than the amount applied for$/, 'You cannot grant more than was applied for.'],
  [/^must be a date YYYY-MM-DD$/, 'Enter a date (day, month, year).'],
];

/** The API's own words, as a sentence: "Must be more than 0." */
function apiMessageEn(message: string): string {
  for (const [pattern, text] of API_MESSAGES_EN) if (pattern.test(message)) return text;
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function apiMessageNl(message: string): string {
  for (const [pattern, text] of API_MESSAGES_NL) {
    const m = message.match(pattern);
    if (m) return typeof text === 'string' ? text : text(m);
  }
  return message;
}

/** Messages of the funding (impuls) screens: the programme team's review and the coalition's applications. */
export const funding = messages(
  {
    // Review page
    pageTitle: 'Impuls voor lokale coalities',
    pageIntro: 'Aanvragen van lokale coalities voor de impuls van Kansrijke Start, en wat daarvan is toegekend tegen het budget van het programma.',
    what: 'de aanvragen voor de impuls',
    signedOutTitle: 'Log in om de aanvragen te zien',
    signedOutText: 'Dit overzicht is voor het programmateam. Log in met uw Kansrijk-account.',
    signInLink: 'Naar inloggen',
    forbiddenTitle: 'Geen toegang tot dit overzicht',
    forbiddenText: 'Alleen het programmateam van Kansrijke Start beoordeelt de aanvragen voor de impuls. Uw account heeft die rol niet. De aanvragen van uw eigen coalitie staan in de werkruimte van de coalitie.',
    coalitionsLink: 'Naar de coalities',
    budgetHeading: 'Budget en toekenningen',
    totalsLabel: 'Totalen',
    totalBudget: 'Budget',
    granted: 'Toegekend',
    grantedToDate: 'Toegekend t/m dit jaar',
    grantedInYear: 'Toegekend in dit jaar',
    pending: 'In behandeling',
    remaining: 'Resterend',
    requested: 'Aangevraagd',
    overspent: 'Meer toegekend dan het budget',
    chartLinesHeading: 'Per budgetlijn',
    chartYearsHeading: 'Per jaar',
    chartCaption: 'Toegekend en in behandeling tegen het budget. De balk is het budget; gevuld is wat is toegekend, gestreept wat nog in behandeling is.',
    chartYearsNote:
      'Een budgetlijn loopt over meerdere jaren. Per jaar is het budget dat van de lijnen die dat jaar dekken; resterend is dat budget min wat tot en met dat jaar is toegekend. Aanvragen in behandeling tellen in het eerste jaar van hun periode.',
    legendGranted: 'Toegekend',
    legendPending: 'In behandeling (nog niet toegekend)',
    legendRemaining: 'Resterend budget',
    allLines: 'Alle budgetlijnen samen',
    lineYears: (from: number, to: number) => `${from}–${to}`,
    noBudgetLine: 'geen budgetlijn',
    tablesToggle: 'Toon de cijfers als tabel',
    linesTableCaption: 'Budget, toegekend en resterend per budgetlijn',
    yearsTableCaption: 'Aanvragen, toegekend, in behandeling en resterend per jaar',
    lineCol: 'Budgetlijn',
    yearsCol: 'Jaren',
    yearCol: 'Jaar',
    budgetCol: 'Budget',
    budgetYearCol: 'Budget (lijnen in dit jaar)',
    applicationsCol: 'Aanvragen',
    countOf: (n: number, status: string) => `${n} ${status}`,
    noneCount: 'geen',
    // Applications list
    listHeading: 'Aanvragen',
    filterLegend: 'Aanvragen filteren',
    filterStatus: 'Status',
    filterYear: 'Jaar',
    filterAllStatuses: 'Alle statussen',
    filterAllYears: 'Alle jaren',
    filterYearHint: 'Jaar: het budgetjaar van een goedgekeurde aanvraag, anders het eerste jaar van de periode.',
    filterSubmit: 'Toon aanvragen',
    filterClear: 'Filter wissen',
    listCount: (n: number) => (n === 1 ? '1 aanvraag' : `${n} aanvragen`),
    listCountFiltered: (n: number, filter: string) => `${n === 1 ? '1 aanvraag' : `${n} aanvragen`} (${filter})`,
    noApplications: 'Geen aanvragen die bij dit filter passen.',
    loadingList: 'Aanvragen laden…',
    coalition: 'Coalitie',
    // One application
    status: 'Status',
    amount: 'Aangevraagd bedrag',
    period: 'Periode',
    periodText: (start: string, end: string) => `${start} t/m ${end}`,
    purpose: 'Doel',
    planItems: 'Betaalt voor',
    planItemsNone: 'Geen onderdelen van het plan genoemd',
    planItemsCount: (n: number) => (n === 1 ? '1 onderdeel van het plan' : `${n} onderdelen van het plan`),
    submitted: 'Ingediend',
    submittedText: (by: string, at: string) => `${at} door ${by}`,
    decision: 'Besluit',
    decisionText: (status: string, by: string, at: string) => `${status} op ${at} door ${by}`,
    decisionReason: 'Reden',
    grantedAmount: 'Toegekend bedrag',
    budgetLine: 'Budgetlijn en jaar',
    budgetLineText: (line: string, year: string) => `${line}, budgetjaar ${year}`,
    unknownPerson: 'onbekend',
    statusLabels: (status: string) =>
      ({ ingediend: 'Ingediend', goedgekeurd: 'Goedgekeurd', afgewezen: 'Afgewezen', ingetrokken: 'Ingetrokken' })[status] ?? status,
    budgetLineLabels: (id: string) =>
      ({ 'actieprogramma-2018-2021': 'Actieprogramma Kansrijke Start 2018–2021', 'extra-coalities-2020': 'Extra middelen lokale coalities (vanaf 2020)' })[id] ?? id,
    // Decision form
    decideOpen: 'Besluit nemen',
    decideClose: 'Besluit nemen sluiten',
    decideLegend: (coalition: string, amount: string) => `Besluit over de aanvraag van ${coalition} (${amount})`,
    decideChoice: 'Besluit',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    grantedAmountLabel: 'Toe te kennen bedrag (euro)',
    grantedAmountHint: (amount: string) => `Aangevraagd: ${amount}. U kunt minder toekennen, niet meer.`,
    budgetYearLabel: 'Budgetjaar',
    budgetYearHint: 'Standaard het eerste jaar van de periode.',
    budgetLineLabel: 'Budgetlijn',
    budgetLineAuto: 'Automatisch: de eerste lijn die het jaar dekt en nog ruimte heeft',
    budgetLineOption: (label: string, remaining: string) => `${label} (resterend ${remaining})`,
    reasonLabelApprove: 'Toelichting (niet verplicht)',
    reasonLabelReject: 'Reden van de afwijzing',
    reasonHintReject: 'Verplicht bij afwijzen. De coalitie ziet deze reden.',
    saveApprove: 'Aanvraag goedkeuren',
    saveReject: 'Aanvraag afwijzen',
    saving: 'Bezig met opslaan…',
    cancel: 'Annuleren',
    approvedNotice: (coalition: string, amount: string) => `De aanvraag van ${coalition} is goedgekeurd: ${amount} toegekend.`,
    rejectedNotice: (coalition: string) => `De aanvraag van ${coalition} is afgewezen.`,
    checkField: 'Controleer het gemarkeerde veld.',
    amountInvalid: 'Vul een bedrag in euro’s in, bijvoorbeeld 25000 of 25.000,50.',
    apiMessage: (message: string) => apiMessageNl(message),
    // Coalition section
    sectionHeading: 'Impuls (financiering)',
    sectionIntro: 'Aanvragen van deze coalitie voor de impuls van Kansrijke Start. Het programmateam beoordeelt ze; tot dat besluit kan de gemeente een aanvraag intrekken.',
    sectionNone: 'Deze coalitie heeft nog geen aanvragen gedaan.',
    applicationHeading: (amount: string, period: string) => `${amount} voor ${period}`,
    withdraw: 'Aanvraag intrekken',
    withdrawConfirm: 'Weet u zeker dat u deze aanvraag wilt intrekken? Dat kan niet ongedaan worden gemaakt.',
    withdrawYes: 'Ja, intrekken',
    withdrawNo: 'Nee, niet intrekken',
    withdrawing: 'Bezig met intrekken…',
    withdrawnNotice: 'De aanvraag is ingetrokken.',
    applyOpen: 'Impuls aanvragen',
    applyHeading: 'Nieuwe aanvraag',
    applyAmount: 'Bedrag (euro)',
    applyAmountHint: 'Bijvoorbeeld 25000 of 25.000,50.',
    applyStart: 'Begin van de periode',
    applyEnd: 'Einde van de periode',
    applyPurpose: 'Doel',
    applyPurposeHint: 'Waarvoor is het geld, en wat wil de coalitie ermee bereiken?',
    applyPlanItems: 'Onderdelen van het plan die de impuls betaalt',
    applyPlanItemsHint: 'Niet verplicht. Kies de onderdelen waarvoor het geld is.',
    applyNoPlanItems: 'Het plan van deze coalitie heeft nog geen onderdelen.',
    applySubmit: 'Aanvraag indienen',
    applySubmitting: 'Bezig met indienen…',
    appliedNotice: (amount: string) => `De aanvraag van ${amount} is ingediend. Het programmateam beoordeelt haar.`,
    planItemUntitled: 'Onderdeel zonder naam',
  },
  {
    pageTitle: 'Funding (impuls) for local coalitions',
    pageIntro: 'Applications from local coalitions for the Kansrijke Start impuls (funding), and what has been granted against the programme’s budget.',
    what: 'the funding applications',
    signedOutTitle: 'Sign in to see the applications',
    signedOutText: 'This overview is for the programme team. Sign in with your Kansrijk account.',
    signInLink: 'Go to sign in',
    forbiddenTitle: 'No access to this overview',
    forbiddenText: 'Only the Kansrijke Start programme team reviews funding applications. Your account does not have that role. Your own coalition’s applications are in the coalition’s workspace.',
    coalitionsLink: 'Go to the coalitions',
    budgetHeading: 'Budget and grants',
    totalsLabel: 'Totals',
    totalBudget: 'Budget',
    granted: 'Granted',
    grantedToDate: 'Granted up to this year',
    grantedInYear: 'Granted in this year',
    pending: 'Pending',
    remaining: 'Remaining',
    requested: 'Requested',
    overspent: 'More granted than the budget',
    chartLinesHeading: 'Per budget line',
    chartYearsHeading: 'Per year',
    chartCaption: 'Granted and pending against the budget. The bar is the budget; filled is what has been granted, striped what is still pending.',
    chartYearsNote:
      'A budget line spans several years. Per year the budget is that of the lines covering the year; remaining is that budget minus what has been granted up to and including the year. Pending applications count in the first year of their period.',
    legendGranted: 'Granted',
    legendPending: 'Pending (not granted yet)',
    legendRemaining: 'Remaining budget',
    allLines: 'All budget lines together',
    lineYears: (from: number, to: number) => `${from}–${to}`,
    noBudgetLine: 'no budget line',
    tablesToggle: 'Show the figures as a table',
    linesTableCaption: 'Budget, granted and remaining per budget line',
    yearsTableCaption: 'Applications, granted, pending and remaining per year',
    lineCol: 'Budget line',
    yearsCol: 'Years',
    yearCol: 'Year',
    budgetCol: 'Budget',
    budgetYearCol: 'Budget (lines in this year)',
    applicationsCol: 'Applications',
    countOf: (n: number, status: string) => `${n} ${status}`,
    noneCount: 'none',
    listHeading: 'Applications',
    filterLegend: 'Filter the applications',
    filterStatus: 'Status',
    filterYear: 'Year',
    filterAllStatuses: 'All statuses',
    filterAllYears: 'All years',
    filterYearHint: 'Year: the budget year of an approved application, otherwise the first year of the period.',
    filterSubmit: 'Show applications',
    filterClear: 'Clear filter',
    listCount: (n: number) => (n === 1 ? '1 application' : `${n} applications`),
    listCountFiltered: (n: number, filter: string) => `${n === 1 ? '1 application' : `${n} applications`} (${filter})`,
    noApplications: 'No applications match this filter.',
    loadingList: 'Loading the applications…',
    coalition: 'Coalition',
    status: 'Status',
    amount: 'Amount applied for',
    period: 'Period',
    periodText: (start: string, end: string) => `${start} to ${end}`,
    purpose: 'Purpose',
    planItems: 'Pays for',
    planItemsNone: 'No plan items named',
    planItemsCount: (n: number) => (n === 1 ? '1 plan item' : `${n} plan items`),
    submitted: 'Submitted',
    submittedText: (by: string, at: string) => `${at} by ${by}`,
    decision: 'Decision',
    decisionText: (status: string, by: string, at: string) => `${status} on ${at} by ${by}`,
    decisionReason: 'Reason',
    grantedAmount: 'Amount granted',
    budgetLine: 'Budget line and year',
    budgetLineText: (line: string, year: string) => `${line}, budget year ${year}`,
    unknownPerson: 'unknown',
    statusLabels: (status: string) => ({ ingediend: 'Submitted', goedgekeurd: 'Approved', afgewezen: 'Rejected', ingetrokken: 'Withdrawn' })[status] ?? status,
    budgetLineLabels: (id: string) =>
      ({ 'actieprogramma-2018-2021': 'Action programme Kansrijke Start 2018–2021', 'extra-coalities-2020': 'Additional funds for local coalitions (from 2020)' })[id] ?? id,
    decideOpen: 'Decide',
    decideClose: 'Close the decision',
    decideLegend: (coalition: string, amount: string) => `Decision on the application of ${coalition} (${amount})`,
    decideChoice: 'Decision',
    approve: 'Approve',
    reject: 'Reject',
    grantedAmountLabel: 'Amount to grant (euros)',
    grantedAmountHint: (amount: string) => `Applied for: ${amount}. You can grant less, not more.`,
    budgetYearLabel: 'Budget year',
    budgetYearHint: 'By default the first year of the period.',
    budgetLineLabel: 'Budget line',
    budgetLineAuto: 'Automatic: the first line that covers the year and has room left',
    budgetLineOption: (label: string, remaining: string) => `${label} (${remaining} remaining)`,
    reasonLabelApprove: 'Explanation (optional)',
    reasonLabelReject: 'Reason for rejecting',
    reasonHintReject: 'Required when rejecting. The coalition sees this reason.',
    saveApprove: 'Approve the application',
    saveReject: 'Reject the application',
    saving: 'Saving…',
    cancel: 'Cancel',
    approvedNotice: (coalition: string, amount: string) => `The application of ${coalition} has been approved: ${amount} granted.`,
    rejectedNotice: (coalition: string) => `The application of ${coalition} has been rejected.`,
    checkField: 'Please check the marked field.',
    amountInvalid: 'Enter an amount in euros, for example 25000 or 25,000.50.',
    apiMessage: (message: string) => apiMessageEn(message),
    sectionHeading: 'Funding (impuls)',
    sectionIntro: 'This coalition’s applications for the Kansrijke Start impuls (funding). The programme team reviews them; until it decides, the municipality can withdraw an application.',
    sectionNone: 'This coalition has not applied yet.',
    applicationHeading: (amount: string, period: string) => `${amount} for ${period}`,
    withdraw: 'Withdraw the application',
    withdrawConfirm: 'Are you sure you want to withdraw this application? This cannot be undone.',
    withdrawYes: 'Yes, withdraw',
    withdrawNo: 'No, keep it',
    withdrawing: 'Withdrawing…',
    withdrawnNotice: 'The application has been withdrawn.',
    applyOpen: 'Apply for funding',
    applyHeading: 'New application',
    applyAmount: 'Amount (euros)',
    applyAmountHint: 'For example 25000 or 25,000.50.',
    applyStart: 'Start of the period',
    applyEnd: 'End of the period',
    applyPurpose: 'Purpose',
    applyPurposeHint: 'What is the money for, and what does the coalition want to achieve with it?',
    applyPlanItems: 'Plan items the funding pays for',
    applyPlanItemsHint: 'Optional. Choose the items the money is for.',
    applyNoPlanItems: 'This coalition’s plan has no items yet.',
    applySubmit: 'Submit the application',
    applySubmitting: 'Submitting…',
    appliedNotice: (amount: string) => `The application for ${amount} has been submitted. The programme team will review it.`,
    planItemUntitled: 'Untitled item',
  },
);

export type FundingMessages = (typeof funding)['nl'];

const euroFormats = new Map<string, Intl.NumberFormat>();

/** An amount in euros: "€ 41.000.000" / "€41,000,000"; cents only when there are any. */
export function formatEuro(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const cents = Math.round(value * 100) % 100 !== 0;
  const key = `${lang}|${cents}`;
  let format = euroFormats.get(key);
  if (!format) euroFormats.set(key, (format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 })));
  return format.format(value);
}

/** An amount for an input field, without thousands separators: "1234,5" / "1234.5". */
export function euroInput(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { useGrouping: false, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
}

/**
 * An amount as typed, in either language's habit: "25000", "25.000", "25.000,50", "25,000.50",
 * "€ 1.234,5". With both separators the last is the decimal one; with one kind, it is decimal
 * when it occurs once and is followed by one or two digits. NaN when it is no amount.
 */
export function parseEuro(text: string): number {
  const s = text.replace(/[€\s\u00a0]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return NaN;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (s.indexOf(decimal) !== s.lastIndexOf(decimal)) return NaN;
    normal = s.split(group).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const decimal = parts.length === 2 && parts[1]!.length >= 1 && parts[1]!.length <= 2;
    if (!decimal && parts.slice(1).some((p) => p.length !== 3)) return NaN;
    normal = decimal ? parts.join('.') : parts.join('');
  } else normal = s;
  const value = Number(normal);
  return Number.isFinite(value) ? value : NaN;
}

/** A calendar day (YYYY-MM-DD) in words, read as that day wherever the browser is: "1 januari 2020". */
export function formatDay(lang: Lang, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

