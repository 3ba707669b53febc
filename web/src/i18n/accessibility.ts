// The accessibility statement (toegankelijkheidsverklaring), in the usual form of Dutch
// government statements but in our own words. Dutch first; the English text has the same
// structure (the AccessibilityStatement type makes the compiler check both).

import type { Lang } from './index.ts';

export interface StatementItem {
  title: string;
  text: string;
}

export interface AccessibilityStatement {
  title: string;
  intro: string;
  aimHeading: string;
  aim: string[];
  statusHeading: string;
  status: string[];
  doneHeading: string;
  done: string[];
  knownHeading: string;
  knownIntro: string;
  known: StatementItem[];
  reportHeading: string;
  report: string[];
  contactPlaceholderLabel: string;
  contactPlaceholder: string;
  escalation: string;
  dateHeading: string;
  date: (formatted: string) => string;
  reviewed: string;
}

/** The date this statement was drawn up (ISO); shown formatted for the language. */
export const STATEMENT_DATE = '2026-11-23';

export const accessibility: Record<Lang, AccessibilityStatement> = {
  nl: {
    title: 'Toegankelijkheidsverklaring',
    intro:
      'Iedereen moet Kansrijk kunnen gebruiken: ook wie slecht ziet, kleuren anders ziet, alleen een toetsenbord gebruikt of een schermlezer of vergroting nodig heeft. In deze verklaring staat hoe ver we daarmee zijn, wat nog niet goed werkt en hoe u een probleem meldt.',
    aimHeading: 'Ons doel',
    aim: [
      'Kansrijk moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals vastgelegd in de Europese norm EN 301 549. Dat is de eis die in Nederland geldt voor websites en apps van de overheid.',
      'Dit geldt voor alle pagina’s van het platform, in het Nederlands en in het Engels: de atlas, de gebiedsprofielen, de definities en deze verklaring.',
    ],
    statusHeading: 'Stand van zaken',
    status: [
      'Deze verklaring is gebaseerd op een eigen beoordeling door het team dat Kansrijk bouwt. Kansrijk is nog niet onderzocht door een externe, onafhankelijke partij. Daarom kunnen we nog niet verklaren dat Kansrijk volledig of gedeeltelijk aan de eisen voldoet: we hebben de eerste maatregelen genomen.',
      'Voordat Kansrijk buiten de demonstratiefase wordt gebruikt, moet een onafhankelijke deskundige het onderzoeken op basis van WCAG 2.1 AA. De uitkomst komt dan in deze verklaring.',
    ],
    doneHeading: 'Wat we al doen',
    done: [
      'Bij elke wijziging controleren we elk type pagina, in beide talen, automatisch met axe-core op de WCAG 2.1 A- en AA-regels. Een nieuwe fout houdt de wijziging tegen.',
      'We testen automatisch of de belangrijkste handelingen met alleen het toetsenbord werken, zoals een jaar of vergelijkingsgebied kiezen, een grafiek openen en een grafiek sorteren.',
      'Elke kaart en grafiek heeft een tekstalternatief en een tabel met dezelfde cijfers.',
      'Kleur is nooit de enige aanwijzing: de vergelijking met Nederland staat er ook in woorden bij en elk symbool heeft een eigen vorm. We gebruiken kleuren die ook met een kleurzienstoornis te onderscheiden zijn.',
      'Tekst en bedieningselementen hebben voldoende contrast, de focus is altijd zichtbaar, elke pagina heeft een logische kopstructuur, herkenningspunten (landmarks) en een link om direct naar de inhoud te gaan.',
      'De pagina’s werken bij 200% vergroting en op een smal scherm; getallen staan in de Nederlandse notatie.',
    ],
    knownHeading: 'Wat nog niet (helemaal) toegankelijk is',
    knownIntro: 'Deze onderdelen voldoen naar onze inschatting nog niet volledig. We werken eraan.',
    known: [
      {
        title: 'Kaarten en grafieken zijn complexe afbeeldingen',
        text: 'Een kaart of grafiek laat patronen zien die een tekstalternatief niet helemaal kan overbrengen. Daarom heeft elke kaart en grafiek een tabel met dezelfde cijfers, die u met toetsenbord en schermlezer kunt lezen. Het tekstalternatief van de grafiek zelf geeft een samenvatting.',
      },
      {
        title: 'Brede tabellen',
        text: 'Het gebiedsprofiel is een brede tabel. Op een smal scherm of bij sterke vergroting moet u die horizontaal scrollen; de tabel kan met het toetsenbord worden gescrold.',
      },
      {
        title: 'Nog niet getest met gebruikers',
        text: 'Automatische controles vinden maar een deel van de mogelijke problemen. Kansrijk is nog niet getest door mensen die een schermlezer, spraakbediening of vergroting gebruiken.',
      },
      {
        title: 'Downloads',
        text: 'Van downloads (CSV en Excel) is nog niet beoordeeld of ze goed werken met hulpsoftware.',
      },
    ],
    reportHeading: 'Een probleem melden',
    report: [
      'Loopt u tegen een probleem aan, of kunt u informatie niet vinden of gebruiken? Laat het ons weten. Vertel ons om welke pagina het gaat, wat er mis ging en welke hulpmiddelen u gebruikt. U krijgt binnen 5 werkdagen een reactie en uiterlijk binnen 3 weken een oplossing of een alternatief.',
    ],
    contactPlaceholderLabel: 'Contact',
    contactPlaceholder:
      '[Nog in te vullen door de organisatie die Kansrijk in gebruik neemt: naam van de organisatie, e-mailadres, telefoonnummer en eventueel een webformulier voor meldingen over toegankelijkheid.]',
    escalation:
      'Bent u niet tevreden met ons antwoord? Dan kunt u terecht bij de ombudsman die voor deze organisatie geldt, bijvoorbeeld de Nationale ombudsman of de ombudsman van uw gemeente.',
    dateHeading: 'Datum',
    date: (formatted: string) => `Deze verklaring is opgesteld op ${formatted}.`,
    reviewed: 'We werken de verklaring bij na elk toegankelijkheidsonderzoek en ten minste eenmaal per jaar.',
  },
  en: {
    title: 'Accessibility statement',
    intro:
      'Everyone should be able to use Kansrijk, including people with low vision or colour vision deficiency, people who use only a keyboard, and people who need a screen reader or magnification. This statement says how far we have got, what does not work well yet and how to report a problem.',
    aimHeading: 'Our aim',
    aim: [
      'Kansrijk must meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, as laid down in the European standard EN 301 549. This is the requirement for government websites and apps in the Netherlands.',
      'This applies to every page of the platform, in Dutch and in English: the atlas, the area profiles, the definitions and this statement.',
    ],
    statusHeading: 'Current status',
    status: [
      'This statement is based on a self-assessment by the team building Kansrijk. Kansrijk has not yet been audited by an external, independent party. We therefore cannot yet state that Kansrijk fully or partly meets the requirements: we have taken the first measures.',
      'Before Kansrijk is used beyond its demonstration phase, an independent expert must audit it against WCAG 2.1 AA. The results will then be added to this statement.',
    ],
    doneHeading: 'What we already do',
    done: [
      'With every change, every page type is checked in both languages with axe-core against the WCAG 2.1 A and AA rules. A new error stops the change.',
      'We test automatically that the main tasks work with a keyboard only, such as choosing a year or a benchmark, opening a chart and sorting a chart.',
      'Every map and chart has a text alternative and a table with the same figures.',
      'Colour is never the only cue: the comparison with the Netherlands is also given in words and every symbol has its own shape. We use colours that can be told apart with colour vision deficiency.',
      'Text and controls have enough contrast, focus is always visible, every page has a logical heading structure, landmarks and a link to skip to the content.',
      'The pages work at 200% zoom and on a narrow screen; numbers use Dutch notation in Dutch and British notation in English.',
    ],
    knownHeading: 'What is not (fully) accessible yet',
    knownIntro: 'In our own assessment these parts do not fully comply yet. We are working on them.',
    known: [
      {
        title: 'Maps and charts are complex images',
        text: 'A map or chart shows patterns that a text alternative cannot fully convey. That is why every map and chart has a table with the same figures, which you can read with a keyboard and a screen reader. The chart’s own text alternative gives a summary.',
      },
      {
        title: 'Wide tables',
        text: 'The area profile is a wide table. On a narrow screen or at high magnification you need to scroll it horizontally; the table can be scrolled with the keyboard.',
      },
      {
        title: 'Not yet tested with users',
        text: 'Automated checks find only some of the possible problems. Kansrijk has not yet been tested by people who use a screen reader, voice control or magnification.',
      },
      {
        title: 'Downloads',
        text: 'Downloads (CSV and Excel) have not yet been assessed for use with assistive technology.',
      },
    ],
    reportHeading: 'Reporting a problem',
    report: [
      'Do you run into a problem, or can you not find or use some information? Please let us know. Tell us which page it is about, what went wrong and which assistive technology you use. You will get a response within 5 working days and a solution or an alternative within 3 weeks at the latest.',
    ],
    contactPlaceholderLabel: 'Contact',
    contactPlaceholder:
      '[To be filled in by the organisation that deploys Kansrijk: name of the organisation, email address, telephone number and, if available, a web form for accessibility reports.]',
    escalation:
      'Not satisfied with our answer? You can turn to the ombudsman for this organisation, for example the National Ombudsman or your municipality’s ombudsman.',
    dateHeading: 'Date',
    date: (formatted: string) => `This statement was drawn up on ${formatted}.`,
    reviewed: 'We update the statement after every accessibility audit and at least once a year.',
  },
};
