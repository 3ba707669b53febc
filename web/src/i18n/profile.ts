// Messages of the area profile page and its charts (spine chart, trend chart, compare areas).
// Dutch first; the English object mirrors every key.

import { messages } from './index.ts';

type Level = 'land' | 'provincie' | 'ggdregio' | 'jeugdregio' | 'gemeente' | 'wijk';
type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';
type Trend = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated' | null | undefined;
type ActionLine = 1 | 2 | 3;

const nlLevel: Record<Level, string> = { land: 'Land', provincie: 'Provincie', ggdregio: 'GGD-regio', jeugdregio: 'Jeugdregio', gemeente: 'Gemeente', wijk: 'Wijk' };
const nlLevels: Record<Level, string> = { land: 'landen', provincie: 'provincies', ggdregio: "GGD-regio's", jeugdregio: "jeugdregio's", gemeente: 'gemeenten', wijk: 'wijken' };
const nlLevelInline: Record<Level, string> = { land: 'land', provincie: 'provincie', ggdregio: 'GGD-regio', jeugdregio: 'jeugdregio', gemeente: 'gemeente', wijk: 'wijk' };
const enLevelInline: Record<Level, string> = { land: 'country', provincie: 'province', ggdregio: 'GGD region', jeugdregio: 'youth care region', gemeente: 'municipality', wijk: 'district' };
const enLevel: Record<Level, string> = { land: 'Country', provincie: 'Province', ggdregio: 'GGD region', jeugdregio: 'Youth care region', gemeente: 'Municipality', wijk: 'District' };
const enLevels: Record<Level, string> = { land: 'countries', provincie: 'provinces', ggdregio: 'GGD regions', jeugdregio: 'youth care regions', gemeente: 'municipalities', wijk: 'districts' };

const nlActionLine: Record<ActionLine, string> = { 1: 'Actielijn 1: voor de zwangerschap', 2: 'Actielijn 2: tijdens de zwangerschap', 3: 'Actielijn 3: na de geboorte' };
const enActionLine: Record<ActionLine, string> = { 1: 'Action line 1: before pregnancy', 2: 'Action line 2: during pregnancy', 3: 'Action line 3: after birth' };

const nlComparison: Record<Comparison, string> = { better: 'beter', similar: 'vergelijkbaar', worse: 'slechter', higher: 'hoger', lower: 'lager', 'not-compared': 'niet vergeleken' };
const enComparison: Record<Comparison, string> = { better: 'better', similar: 'similar', worse: 'worse', higher: 'higher', lower: 'lower', 'not-compared': 'not compared' };

function nlComparisonWith(c: Comparison, benchmark: string): string {
  switch (c) {
    case 'better': return `Beter dan ${benchmark}`;
    case 'worse': return `Slechter dan ${benchmark}`;
    case 'similar': return `Vergelijkbaar met ${benchmark}`;
    case 'higher': return `Hoger dan ${benchmark}`;
    case 'lower': return `Lager dan ${benchmark}`;
    case 'not-compared': return 'Niet vergeleken';
  }
}
function enComparisonWith(c: Comparison, benchmark: string): string {
  switch (c) {
    case 'better': return `Better than ${benchmark}`;
    case 'worse': return `Worse than ${benchmark}`;
    case 'similar': return `Similar to ${benchmark}`;
    case 'higher': return `Higher than ${benchmark}`;
    case 'lower': return `Lower than ${benchmark}`;
    case 'not-compared': return 'Not compared';
  }
}

function nlTrend(t: Trend): string {
  switch (t) {
    case 'increasing': return 'stijgt (significant)';
    case 'decreasing': return 'daalt (significant)';
    case 'no-significant-change': return 'geen significante verandering';
    case 'cannot-be-calculated': return 'trend niet te berekenen';
    case null: return 'geen trend (te weinig jaren)';
    default: return 'geen trend (waarde onderdrukt)';
  }
}
function enTrend(t: Trend): string {
  switch (t) {
    case 'increasing': return 'increasing (significant)';
    case 'decreasing': return 'decreasing (significant)';
    case 'no-significant-change': return 'no significant change';
    case 'cannot-be-calculated': return 'trend cannot be calculated';
    case null: return 'no trend (too few years)';
    default: return 'no trend (value suppressed)';
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export const profile = messages(
  {
    pageTitle: (name: string) => `Gebiedsprofiel ${name}`,
    heading: (name: string) => `Gebiedsprofiel ${name}`,
    loadingWhat: 'het gebiedsprofiel',
    areaWhat: 'het gebied',
    areaNotFoundTitle: 'Gebied niet gevonden',
    areaNotFound: (code: string) => `Er is geen gebied met code ${code}. Kies een gebied in de atlas.`,
    toAtlas: 'Naar de atlas',
    level: (l: Level) => nlLevel[l],
    levelInline: (l: Level) => nlLevelInline[l],
    levels: (l: Level) => nlLevels[l],
    areaMeta: (level: string, code: string) => `${level} · CBS-code ${code}`,
    breadcrumb: 'Kruimelpad',
    partOf: 'Ligt in:',
    summaryLine: (period: number, benchmark: string) => `Cijfers over ${period}, vergeleken met ${benchmark}.`,
    settings: 'Instellingen van het profiel',
    period: 'Jaar',
    benchmark: 'Vergelijken met',
    benchmarkOption: (level: string, name: string) => `${name} (${level})`,
    updating: 'Het profiel wordt bijgewerkt…',
    actionLine: (n: ActionLine) => nlActionLine[n],
    tableCaption: (actionLine: string, area: string, period: number) => `${actionLine} — ${area}, ${period}`,
    colIndicator: 'Indicator',
    colCount: 'Teller / noemer',
    colValue: 'Waarde',
    colInterval: '95%-interval',
    colBenchmark: (name: string) => name,
    colSpine: (levels: string) => `Spreiding ${levels} en vergelijking`,
    colComparison: 'Vergelijking',
    colTrend: 'Recente trend',
    suppressed: 'onderdrukt (kleine aantallen)',
    suppressedComplementary: 'onderdrukt (aanvullend, beschermt kleine aantallen)',
    noValue: 'geen waarde',
    definitionAndSource: 'Definitie en bron',
    definitionOf: (name: string) => `van ${name}`,
    definition: 'Definitie',
    numerator: 'Teller',
    denominator: 'Noemer',
    sourceOfFigures: 'Bron van deze cijfers',
    sourceIntended: 'Bron (echte cijfers)',
    method: 'Methode',
    methodText: (method: 'proportion' | 'rate' | 'mean' | 'count'): string =>
      method === 'proportion'
        ? 'Percentage met 95%-betrouwbaarheidsinterval volgens Wilson.'
        : method === 'rate'
          ? 'Cijfer (aantal per noemer) met exact Poisson-interval bij een teller onder 10, of volgens Byar bij 10 of meer.'
          : method === 'mean'
            ? 'Gemiddelde met interval volgens de t-verdeling.'
            : 'Aantal met Poisson-interval.',
    fullDefinition: 'Volledige definitie',
    comparison: (c: Comparison) => nlComparison[c],
    comparisonWith: nlComparisonWith,
    trend: nlTrend,
    showCharts: 'Trend en vergelijking',
    showChartsFor: (name: string) => `voor ${name}`,
    // Spine chart
    spineAlt: (p: { area: string; value: string; comparison: string; benchmark: string; benchmarkValue: string; levels: string; min: string; q1: string; q3: string; max: string; left: string; right: string }) =>
      `${p.area}: ${p.value}, ${lowerFirst(p.comparison)}. ${p.benchmark}: ${p.benchmarkValue}. Spreiding van alle ${p.levels} in Nederland: laagste ${p.min}, 25e percentiel ${p.q1}, 75e percentiel ${p.q3}, hoogste ${p.max}. Links ${p.left}, rechts ${p.right}.`,
    spineAltNoValue: (p: { area: string; reason: string; benchmark: string; benchmarkValue: string }) => `${p.area}: ${p.reason}. ${p.benchmark}: ${p.benchmarkValue}.`,
    spineEnd: (e: 'worse' | 'better' | 'lower' | 'higher'): string => ({ worse: 'slechter', better: 'beter', lower: 'lager', higher: 'hoger' })[e],
    noSpineForCountry: 'Nederland is zelf de standaard vergelijkingswaarde. Kies een provincie, regio of gemeente voor een gebiedsprofiel met spreidingsgrafieken; de vergelijking van de provincies staat onder de tabellen.',
    legendHeading: 'Zo leest u de spreidingsgrafiek',
    legendIntro: (levels: string, benchmark: string) =>
      `Elke rij vergelijkt het gebied met ${benchmark} en met alle ${levels} in Nederland. De zwarte lijn in het midden is ${benchmark}. De lichte balk loopt van de laagste tot de hoogste waarde van de ${levels}, het donkere deel is de middelste helft (25e tot 75e percentiel). Het symbool is dit gebied.`,
    legendOrientation: 'Beter staat altijd rechts en slechter links; daarom loopt de as bij indicatoren waar een lage waarde gunstig is van hoog naar laag. Bij indicatoren zonder goed of slecht staat lager links en hoger rechts.',
    legendRange: 'Laagste tot hoogste waarde',
    legendMiddle: 'Middelste helft (25e–75e percentiel)',
    legendBenchmark: (benchmark: string) => `${benchmark} (midden)`,
    legendMarkers: 'Symbool van het gebied, vergeleken met de vergelijkingswaarde (95%-interval):',
    legendWorseLeft: '← slechter',
    legendBetterRight: 'beter →',
    // Charts section
    chartsHeading: 'Trend en vergelijking met andere gebieden',
    chooseIndicator: 'Indicator',
    choosePrompt: '— Kies een indicator —',
    chooseHint: 'Kies een indicator hierboven, of kies “Trend en vergelijking” in een rij van de tabel.',
    // Trend chart
    trendHeading: (indicator: string, area: string) => `Trend: ${indicator} in ${area}`,
    trendAlt: (p: { indicator: string; area: string; from: string; to: string; benchmark: string; bFrom: string; bTo: string; trend: string; first: number; last: number }) =>
      `Lijngrafiek ${p.indicator} in ${p.area}, ${p.first}–${p.last}: van ${p.from} in ${p.first} naar ${p.to} in ${p.last}; ${p.benchmark} van ${p.bFrom} naar ${p.bTo}. Recente trend: ${p.trend}. De cijfers staan in de tabel onder de grafiek.`,
    trendAltEmpty: (p: { indicator: string; area: string; benchmark: string; bFrom: string; bTo: string; first: number; last: number }) =>
      `Lijngrafiek ${p.indicator}, ${p.first}–${p.last}: voor ${p.area} zijn geen waarden gepubliceerd (kleine aantallen); ${p.benchmark} van ${p.bFrom} naar ${p.bTo}.`,
    trendLegendArea: (area: string) => `${area} (waarde per jaar)`,
    trendLegendBand: '95%-betrouwbaarheidsinterval',
    trendLegendBenchmark: (benchmark: string) => `${benchmark}`,
    trendMarkerNote: 'De kleur en vorm van elk punt geven de vergelijking met de vergelijkingswaarde in dat jaar.',
    trendGapNote: 'Jaren zonder waarde (onderdrukt of geen gegevens) zijn open gelaten.',
    axisYear: 'Jaar',
    axisValue: (unit: string) => `Waarde (${unit})`,
    showTable: 'Toon de cijfers als tabel',
    trendTableCaption: (indicator: string, area: string) => `${indicator} in ${area} per jaar`,
    colYear: 'Jaar',
    recentTrend: (trend: string) => `Recente trend (laatste 5 jaar): ${trend}`,
    // Compare chart
    compareHeading: (indicator: string, scope: string) => `Vergelijking: ${indicator}, ${scope}`,
    compareScopeWithin: (levels: string, parent: string) => `${levels} in ${parent}`,
    compareScopeAll: (levels: string) => `alle ${levels}`,
    compareNone: 'Voor dit gebied zijn er geen gebieden van hetzelfde niveau om mee te vergelijken.',
    sortLabel: 'Sorteren',
    sortValue: 'Op waarde',
    sortName: 'Op naam',
    thisArea: 'dit gebied',
    compareAlt: (p: { indicator: string; count: number; scope: string; area: string; rank: string; benchmark: string }) =>
      `Staafdiagram ${p.indicator}: ${p.count} gebieden (${p.scope}), met 95%-intervallen en de lijn van ${p.benchmark}. ${p.rank} De cijfers staan in de tabel onder de grafiek.`,
    compareRank: (area: string, rank: number, of: number) => `${area} staat op plaats ${rank} van ${of} (hoogste waarde eerst).`,
    compareTableCaption: (indicator: string, scope: string) => `${indicator}: ${scope}`,
    colArea: 'Gebied',
    compareLegendBenchmark: (benchmark: string) => `${benchmark}`,
    compareLegendWhisker: '95%-betrouwbaarheidsinterval',
    compareLegendHighlight: 'Dit gebied: vetgedrukt en omlijnd',
    compareSuppressedNote: 'Gebieden met onderdrukte waarden staan onderaan zonder balk.',
    scrollTable: (caption: string) => `Tabel: ${caption} (horizontaal scrollbaar)`,
    chartScroll: 'Grafiek (op een smal scherm horizontaal scrollbaar)',
  },
  {
    pageTitle: (name: string) => `Area profile ${name}`,
    heading: (name: string) => `Area profile ${name}`,
    loadingWhat: 'the area profile',
    areaWhat: 'the area',
    areaNotFoundTitle: 'Area not found',
    areaNotFound: (code: string) => `There is no area with code ${code}. Choose an area in the atlas.`,
    toAtlas: 'Go to the atlas',
    level: (l: Level) => enLevel[l],
    levelInline: (l: Level) => enLevelInline[l],
    levels: (l: Level) => enLevels[l],
    areaMeta: (level: string, code: string) => `${level} · CBS code ${code}`,
    breadcrumb: 'Breadcrumb',
    partOf: 'Part of:',
    summaryLine: (period: number, benchmark: string) => `Figures for ${period}, compared with ${benchmark}.`,
    settings: 'Profile settings',
    period: 'Year',
    benchmark: 'Compare with',
    benchmarkOption: (level: string, name: string) => `${name} (${level})`,
    updating: 'Updating the profile…',
    actionLine: (n: ActionLine) => enActionLine[n],
    tableCaption: (actionLine: string, area: string, period: number) => `${actionLine} — ${area}, ${period}`,
    colIndicator: 'Indicator',
    colCount: 'Numerator / denominator',
    colValue: 'Value',
    colInterval: '95% interval',
    colBenchmark: (name: string) => name,
    colSpine: (levels: string) => `Spread of ${levels} and comparison`,
    colComparison: 'Comparison',
    colTrend: 'Recent trend',
    suppressed: 'suppressed (small numbers)',
    suppressedComplementary: 'suppressed (secondary, protects small numbers)',
    noValue: 'no value',
    definitionAndSource: 'Definition and source',
    definitionOf: (name: string) => `of ${name}`,
    definition: 'Definition',
    numerator: 'Numerator',
    denominator: 'Denominator',
    sourceOfFigures: 'Source of these figures',
    sourceIntended: 'Source (real figures)',
    method: 'Method',
    methodText: (method: 'proportion' | 'rate' | 'mean' | 'count'): string =>
      method === 'proportion'
        ? 'Percentage with a 95% Wilson score confidence interval.'
        : method === 'rate'
          ? 'Rate (count per denominator) with an exact Poisson interval for a numerator below 10, or Byar’s method from 10 upwards.'
          : method === 'mean'
            ? 'Mean with a t-distribution interval.'
            : 'Count with a Poisson interval.',
    fullDefinition: 'Full definition',
    comparison: (c: Comparison) => enComparison[c],
    comparisonWith: enComparisonWith,
    trend: enTrend,
    showCharts: 'Trend and comparison',
    showChartsFor: (name: string) => `for ${name}`,
    spineAlt: (p: { area: string; value: string; comparison: string; benchmark: string; benchmarkValue: string; levels: string; min: string; q1: string; q3: string; max: string; left: string; right: string }) =>
      `${p.area}: ${p.value}, ${lowerFirst(p.comparison)}. ${p.benchmark}: ${p.benchmarkValue}. Spread of all ${p.levels} in the Netherlands: lowest ${p.min}, 25th percentile ${p.q1}, 75th percentile ${p.q3}, highest ${p.max}. Left ${p.left}, right ${p.right}.`,
    spineAltNoValue: (p: { area: string; reason: string; benchmark: string; benchmarkValue: string }) => `${p.area}: ${p.reason}. ${p.benchmark}: ${p.benchmarkValue}.`,
    spineEnd: (e: 'worse' | 'better' | 'lower' | 'higher'): string => ({ worse: 'worse', better: 'better', lower: 'lower', higher: 'higher' })[e],
    noSpineForCountry: 'The Netherlands is itself the default benchmark. Choose a province, region or municipality for an area profile with spine charts; the comparison of the provinces is below the tables.',
    legendHeading: 'How to read the spine chart',
    legendIntro: (levels: string, benchmark: string) =>
      `Each row compares the area with ${benchmark} and with all ${levels} in the Netherlands. The black line in the centre is ${benchmark}. The light bar runs from the lowest to the highest value among the ${levels}; the dark part is the middle half (25th to 75th percentile). The symbol is this area.`,
    legendOrientation: 'Better is always on the right and worse on the left, so for indicators where a low value is good the axis runs from high to low. For indicators without better or worse, lower is on the left and higher on the right.',
    legendRange: 'Lowest to highest value',
    legendMiddle: 'Middle half (25th–75th percentile)',
    legendBenchmark: (benchmark: string) => `${benchmark} (centre)`,
    legendMarkers: 'Symbol of the area, compared with the benchmark (95% interval):',
    legendWorseLeft: '← worse',
    legendBetterRight: 'better →',
    chartsHeading: 'Trend and comparison with other areas',
    chooseIndicator: 'Indicator',
    choosePrompt: '— Choose an indicator —',
    chooseHint: 'Choose an indicator above, or choose “Trend and comparison” in a row of the table.',
    trendHeading: (indicator: string, area: string) => `Trend: ${indicator} in ${area}`,
    trendAlt: (p: { indicator: string; area: string; from: string; to: string; benchmark: string; bFrom: string; bTo: string; trend: string; first: number; last: number }) =>
      `Line chart of ${p.indicator} in ${p.area}, ${p.first}–${p.last}: from ${p.from} in ${p.first} to ${p.to} in ${p.last}; ${p.benchmark} from ${p.bFrom} to ${p.bTo}. Recent trend: ${p.trend}. The figures are in the table below the chart.`,
    trendAltEmpty: (p: { indicator: string; area: string; benchmark: string; bFrom: string; bTo: string; first: number; last: number }) =>
      `Line chart of ${p.indicator}, ${p.first}–${p.last}: no values are published for ${p.area} (small numbers); ${p.benchmark} from ${p.bFrom} to ${p.bTo}.`,
    trendLegendArea: (area: string) => `${area} (value per year)`,
    trendLegendBand: '95% confidence interval',
    trendLegendBenchmark: (benchmark: string) => `${benchmark}`,
    trendMarkerNote: 'The colour and shape of each point give the comparison with the benchmark in that year.',
    trendGapNote: 'Years without a value (suppressed or no data) are left open.',
    axisYear: 'Year',
    axisValue: (unit: string) => `Value (${unit})`,
    showTable: 'Show the figures as a table',
    trendTableCaption: (indicator: string, area: string) => `${indicator} in ${area} by year`,
    colYear: 'Year',
    recentTrend: (trend: string) => `Recent trend (last 5 years): ${trend}`,
    compareHeading: (indicator: string, scope: string) => `Comparison: ${indicator}, ${scope}`,
    compareScopeWithin: (levels: string, parent: string) => `${levels} in ${parent}`,
    compareScopeAll: (levels: string) => `all ${levels}`,
    compareNone: 'There are no areas of the same level to compare this area with.',
    sortLabel: 'Sort',
    sortValue: 'By value',
    sortName: 'By name',
    thisArea: 'this area',
    compareAlt: (p: { indicator: string; count: number; scope: string; area: string; rank: string; benchmark: string }) =>
      `Bar chart of ${p.indicator}: ${p.count} areas (${p.scope}), with 95% intervals and the line of ${p.benchmark}. ${p.rank} The figures are in the table below the chart.`,
    compareRank: (area: string, rank: number, of: number) => `${area} is number ${rank} of ${of} (highest value first).`,
    compareTableCaption: (indicator: string, scope: string) => `${indicator}: ${scope}`,
    colArea: 'Area',
    compareLegendBenchmark: (benchmark: string) => `${benchmark}`,
    compareLegendWhisker: '95% confidence interval',
    compareLegendHighlight: 'This area: bold and outlined',
    compareSuppressedNote: 'Areas with suppressed values are listed at the bottom without a bar.',
    scrollTable: (caption: string) => `Table: ${caption} (scrolls horizontally)`,
    chartScroll: 'Chart (scrolls horizontally on a narrow screen)',
  },
);
