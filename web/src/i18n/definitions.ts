// Messages of the definitions pages (list of indicators and one indicator's metadata).
// Dutch first; the English object mirrors every key.

import { messages } from './index.ts';

type Polarity = 'low-is-good' | 'high-is-good' | 'none';
type Method = 'proportion' | 'rate' | 'mean' | 'count';

export const definitions = messages(
  {
    listTitle: 'Definities van de indicatoren',
    listIntro:
      'Voor elke indicator in de atlas en de gebiedsprofielen: wat er precies geteld wordt, hoe de betrouwbaarheidsmarges, de vergelijking en de trend berekend zijn, wanneer cijfers niet getoond worden en waar ze vandaan komen.',
    listWhat: 'de indicatoren',
    indicatorCount: (n: number) => `${n} indicatoren`,
    backToList: 'Alle definities',
    notFoundTitle: 'Indicator niet gevonden',
    notFound: (id: string) => `Er is geen indicator met de code “${id}”.`,
    actionLine: (n: 1 | 2 | 3): string => ({ 1: 'Actielijn 1: voor de zwangerschap', 2: 'Actielijn 2: tijdens de zwangerschap', 3: 'Actielijn 3: na de geboorte' })[n],
    sectionDefinition: 'Wat wordt er gemeten',
    sectionMethod: 'Berekening',
    sectionSource: 'Bron en status',
    definition: 'Definitie',
    numerator: 'Teller',
    denominator: 'Noemer',
    unit: 'Eenheid',
    unitValue: (unit: string, multiplier: string) => `${unit} (teller gedeeld door noemer × ${multiplier})`,
    polarity: 'Richting',
    polarityText: (p: Polarity): string =>
      p === 'low-is-good' ? 'Lager is beter: een lagere waarde is gunstiger.' : p === 'high-is-good' ? 'Hoger is beter: een hogere waarde is gunstiger.' : 'Geen richting: een hogere of lagere waarde is niet op zichzelf beter of slechter.',
    method: 'Betrouwbaarheidsinterval',
    methodText: (m: Method): string =>
      m === 'proportion'
        ? 'Percentage. Het 95%-betrouwbaarheidsinterval is berekend met de Wilson-score-methode, die ook bij kleine aantallen en bij percentages dicht bij 0 of 100 betrouwbaar is.'
        : m === 'rate'
          ? 'Cijfer (aantal per noemer). De teller wordt als Poisson-verdeeld behandeld: bij een teller onder 10 een exact Poisson-interval, bij 10 of meer de benadering van Byar.'
          : m === 'mean'
            ? 'Gemiddelde. Het 95%-interval is berekend met de t-verdeling.'
            : 'Aantal. Het 95%-interval is een exact Poisson-interval.',
    comparison: 'Vergelijking',
    comparisonText: (p: Polarity): string =>
      `Het 95%-betrouwbaarheidsinterval van een gebied wordt vergeleken met de waarde van de vergelijkingsregio (standaard Nederland; in een gebiedsprofiel ook de provincie, GGD-regio of gemeente). Ligt die waarde binnen het interval, dan is het gebied ‘vergelijkbaar’. Ligt ze erbuiten, dan is het gebied ${p === 'none' ? '‘hoger’ of ‘lager’, omdat deze indicator geen richting heeft' : '‘beter’ of ‘slechter’, afhankelijk van de richting van de indicator'}. Zo werkt ook Fingertips van Public Health England.`,
    trend: 'Recente trend',
    trendText:
      'Chi-kwadraattoets voor trend over de laatste vijf jaren (voor percentages de Cochran–Armitage-toets, voor cijfers een gewogen regressie). Een stijging of daling heet significant als de toets boven de grens van 99,8% uitkomt en de richting gelijk blijft als één van de vijf jaren wordt weggelaten. Zonder vijf opeenvolgende gepubliceerde jaren wordt geen trend berekend.',
    suppression: 'Onderdrukking',
    suppressionText: (minNumerator: number, minDenominator: number): string =>
      `Niet gepubliceerd bij ${minNumerator > 2 ? `teller 1–${minNumerator - 1} of ` : minNumerator === 2 ? 'teller 1 of ' : ''}noemer < ${minDenominator}, plus aanvullende onderdrukking: als een verborgen waarde terug te rekenen zou zijn uit het totaal van een groter gebied min de andere gebieden, wordt ook een ander gebied verborgen. Zo zijn kleine aantallen niet te herleiden.`,
    source: 'Bron',
    periods: 'Jaren',
    synthetic: 'Status van de cijfers',
    syntheticYes: 'Synthetische demonstratiedata: de cijfers van deze indicator in Kansrijk zijn nu niet echt. Ze zijn gegenereerd uit echte CBS-bevolkingscijfers en gekalibreerd op landelijke cijfers. De bron hierboven is de bron waar echte cijfers vandaan komen.',
    syntheticNo: 'Echte cijfers uit de genoemde bron.',
    toAtlas: 'Bekijk deze indicator in de atlas',
    toProfile: 'Bekijk Nederland in het gebiedsprofiel',
    idLabel: 'Code',
  },
  {
    listTitle: 'Definitions of the indicators',
    listIntro:
      'For every indicator in the atlas and the area profiles: exactly what is counted, how the confidence intervals, the comparison and the trend are calculated, when figures are not shown and where they come from.',
    listWhat: 'the indicators',
    indicatorCount: (n: number) => `${n} indicators`,
    backToList: 'All definitions',
    notFoundTitle: 'Indicator not found',
    notFound: (id: string) => `There is no indicator with the code “${id}”.`,
    actionLine: (n: 1 | 2 | 3): string => ({ 1: 'Action line 1: before pregnancy', 2: 'Action line 2: during pregnancy', 3: 'Action line 3: after birth' })[n],
    sectionDefinition: 'What is measured',
    sectionMethod: 'Calculation',
    sectionSource: 'Source and status',
    definition: 'Definition',
    numerator: 'Numerator',
    denominator: 'Denominator',
    unit: 'Unit',
    unitValue: (unit: string, multiplier: string) => `${unit} (numerator divided by denominator × ${multiplier})`,
    polarity: 'Polarity',
    polarityText: (p: Polarity): string =>
      p === 'low-is-good' ? 'Lower is better: a lower value is more favourable.' : p === 'high-is-good' ? 'Higher is better: a higher value is more favourable.' : 'No polarity: a higher or lower value is not in itself better or worse.',
    method: 'Confidence interval',
    methodText: (m: Method): string =>
      m === 'proportion'
        ? 'Percentage. The 95% confidence interval uses the Wilson score method, which stays reliable for small numbers and for percentages close to 0 or 100.'
        : m === 'rate'
          ? 'Rate (count per denominator). The numerator is treated as Poisson-distributed: an exact Poisson interval for a numerator below 10, Byar’s approximation from 10 upwards.'
          : m === 'mean'
            ? 'Mean. The 95% interval uses the t distribution.'
            : 'Count. The 95% interval is an exact Poisson interval.',
    comparison: 'Comparison',
    comparisonText: (p: Polarity): string =>
      `An area’s 95% confidence interval is compared with the value of the benchmark (the Netherlands by default; in an area profile also the province, GGD region or municipality). If that value lies within the interval, the area is ‘similar’. If it lies outside, the area is ${p === 'none' ? '‘higher’ or ‘lower’, because this indicator has no polarity' : '‘better’ or ‘worse’, depending on the indicator’s polarity'}. This is how Public Health England’s Fingertips works too.`,
    trend: 'Recent trend',
    trendText:
      'Chi-square test for trend over the last five years (the Cochran–Armitage test for percentages, weighted regression for rates). An increase or decrease is called significant when the test exceeds the 99.8% threshold and the direction stays the same when any one of the five years is left out. Without five consecutive published years no trend is calculated.',
    suppression: 'Suppression',
    suppressionText: (minNumerator: number, minDenominator: number): string =>
      `Not published for ${minNumerator > 2 ? `a numerator of 1–${minNumerator - 1} or ` : minNumerator === 2 ? 'a numerator of 1 or ' : ''}a denominator < ${minDenominator}, plus secondary suppression: when a hidden value could be worked out from the total of a larger area minus the other areas, another area is hidden too. This way small numbers cannot be traced back.`,
    source: 'Source',
    periods: 'Years',
    synthetic: 'Status of the figures',
    syntheticYes: 'Synthetic demonstration data: this indicator’s figures in Kansrijk are currently not real. They were generated from real CBS population figures and calibrated to national figures. The source above is where real figures come from.',
    syntheticNo: 'Real figures from the source named.',
    toAtlas: 'View this indicator in the atlas',
    toProfile: 'View the Netherlands in the area profile',
    idLabel: 'Code',
  },
);
