// The analysetool: from a gemeente's figures to the interventions that fit, with the reason
// shown. Pure: a function of the atlas snapshot, the menukaart content and the similar
// municipalities.
//
// 1. Which indicators are significantly worse than the benchmark? The same test as the atlas
//    (Fingertips: the benchmark value lies outside the gemeente's 95 % interval, judged by the
//    indicator's polarity). Benchmarks: Nederland, the gemeente's GGD-regio, or the pooled
//    value of its similar municipalities (sum of numerators / sum of denominators of those
//    whose figures are published).
// 2. Where does the excess concentrate? Per published wijk: excess cases = observed − expected
//    at the benchmark rate (for an indicator where high is good: the shortfall, expected −
//    observed). The published wijken plus the unpublished remainder add up to the gemeente.
// 3. Which action lines and risk factors does that point to (content/indicator-risk-factors.json)?
// 4. Which interventions address those risk factors? Ranked by fit: the number of worse
//    indicators behind the matched risk factors, then the recognition level, then the number
//    of matched risk factors, then the name. Each with a readable reason in Dutch and English.
// 5. Which of those the coalition plan already covers is not public: plan-coverage.ts, with the
//    plan read in the route for those who may read it.

import type { AtlasSnapshot } from '../atlas/atlas-store.ts';
import { areaView, findAreaIn, resolvePeriod, seriesSource } from '../atlas/atlas-views.ts';
import { COMPARISONS, comparisonCode, type DerivedSeries } from '../atlas/derive.ts';
import type { IndicatorDefinition, Text } from '../atlas/indicator-catalogue.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { MenukaartContent, StoredIntervention } from '../menukaart/menukaart-store.ts';
import type { StoredLink } from '../menukaart/content-loader.ts';
import {
  ACTION_LINE_LABELS,
  ACTION_LINES,
  RECOGNITION_LABELS,
  RECOGNITION_RANK,
  RISK_DOMAIN_LABELS,
  type ActionLine,
} from '../menukaart/vocabulary.ts';
import { formatList, formatValue, midSentence, type Lang } from './format.ts';
import type { Neighbour } from './similar.ts';

export const BENCHMARKS = ['nl', 'region', 'similar'] as const;
export type BenchmarkKind = (typeof BENCHMARKS)[number];

export interface AnalysisQuery {
  code: string;
  period?: number;
  benchmark?: BenchmarkKind;
}

/** What the analysis needs of the similar municipalities. */
export interface NeighbourSource {
  neighbours: ReadonlyMap<string, readonly Neighbour[]>;
}

const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
const LANGS: readonly Lang[] = ['nl', 'en'];

/** How many wijken a reason names as the place where the excess concentrates. */
const WIJKEN_IN_REASON = 2;
/** How many indicators a reason spells out; further ones are counted. */
const INDICATORS_IN_REASON = 2;
/** How many risk factors a reason names; further ones are counted. */
const RISK_FACTORS_IN_REASON = 4;

interface Benchmark {
  kind: BenchmarkKind;
  /** Area index of the benchmark area (-1 for the pooled similar municipalities). */
  index: number;
  code: string | null;
  name: Text;
  /** How the benchmark is referred to in a sentence: "than in …". */
  phrase: Text;
  members: readonly string[];
}

function resolveBenchmark(snapshot: AtlasSnapshot, area: number, kind: BenchmarkKind, similar: NeighbourSource): Benchmark {
  const { areas, index, netherlands } = snapshot.atlas.hierarchy;
  const gemeente = areas[area]!;
  if (kind === 'nl') {
    return { kind, index: netherlands, code: areas[netherlands]!.code, name: { nl: 'Nederland', en: 'the Netherlands' }, phrase: { nl: 'dan in Nederland', en: 'than in the Netherlands' }, members: [] };
  }
  if (kind === 'region') {
    const code = gemeente.parents.ggdregio;
    const region = code === undefined ? undefined : index.get(code);
    if (code === undefined || region === undefined) throw badRequest(`gemeente '${gemeente.code}' has no GGD-regio to compare with`, 'benchmark');
    const name = areas[region]!.name;
    return {
      kind,
      index: region,
      code,
      name: { nl: `GGD-regio ${name}`, en: `GGD region ${name}` },
      phrase: { nl: `dan in de eigen GGD-regio (${name})`, en: `than in its GGD region (${name})` },
      members: [],
    };
  }
  const neighbours = similar.neighbours.get(gemeente.code);
  if (!neighbours || neighbours.length === 0) throw notFound(`no similar municipalities known for '${gemeente.code}'`, 'code');
  return {
    kind,
    index: -1,
    code: null,
    name: { nl: `${neighbours.length} vergelijkbare gemeenten`, en: `${neighbours.length} similar municipalities` },
    phrase: { nl: 'dan in vergelijkbare gemeenten', en: 'than in similar municipalities' },
    members: neighbours.map((n) => n.code),
  };
}

interface BenchmarkValue {
  value: number;
  /** For the pooled benchmark: the sums and how many similar municipalities were published. */
  pooled?: { numerator: number; denominator: number; included: number; members: number };
}

function benchmarkValue(snapshot: AtlasSnapshot, s: DerivedSeries, indicator: IndicatorDefinition, b: Benchmark): BenchmarkValue {
  if (b.index >= 0) return { value: s.suppression[b.index] === 0 ? s.value[b.index]! : NaN };
  // Only published figures are pooled: pooling a suppressed gemeente could let its counts be
  // recovered by comparing the pooled values of different gemeenten.
  let numerator = 0;
  let denominator = 0;
  let included = 0;
  for (const code of b.members) {
    const i = snapshot.atlas.hierarchy.index.get(code);
    if (i === undefined || s.suppression[i] !== 0) continue;
    const d = s.denominator[i]!;
    if (Number.isNaN(d) || d <= 0) continue;
    numerator += s.numerator[i]!;
    denominator += d;
    included++;
  }
  const value = denominator > 0 ? (numerator / denominator) * indicator.multiplier : NaN;
  return { value, pooled: { numerator, denominator, included, members: b.members.length } };
}

export interface WijkExcess {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  comparison: string;
  observed: number;
  expected: number;
  /** Extra cases in the unfavourable direction: observed − expected (high-is-good: expected − observed). */
  excess: number;
  /** excess / the gemeente's excess. */
  share: number | null;
}

export interface ExcessSummary {
  observed: number;
  expected: number;
  excess: number;
  /** Published wijken with a positive excess, largest first: where the excess concentrates. */
  wijken: WijkExcess[];
  /** Published wijken at or below the benchmark rate. */
  otherWijken: { count: number; excess: number };
  /** The rest of the gemeente's excess: wijken whose figures are not published (small numbers). */
  notPublished: { count: number; excess: number };
}

function excessOf(snapshot: AtlasSnapshot, s: DerivedSeries, indicator: IndicatorDefinition, g: number, benchmark: number): ExcessSummary {
  const { areas, children } = snapshot.atlas.hierarchy;
  const rate = benchmark / indicator.multiplier;
  const sign = indicator.polarity === 'high-is-good' ? -1 : 1;
  const observed = s.numerator[g]!;
  const expected = s.denominator[g]! * rate;
  const excess = sign * (observed - expected);
  const published: WijkExcess[] = [];
  let hidden = 0;
  for (const w of children[g]!) {
    if (s.suppression[w] !== 0) {
      hidden++;
      continue;
    }
    const d = s.denominator[w]!;
    if (Number.isNaN(d)) continue;
    const o = s.numerator[w]!;
    const e = d * rate;
    const x = sign * (o - e);
    published.push({
      code: areas[w]!.code,
      name: areas[w]!.name,
      numerator: o,
      denominator: d,
      value: num(s.value[w]),
      comparison: COMPARISONS[comparisonCode(s, w, benchmark, indicator.polarity, -1)]!,
      observed: o,
      expected: e,
      excess: x,
      share: excess > 0 ? x / excess : null,
    });
  }
  published.sort((a, b) => b.excess - a.excess || a.code.localeCompare(b.code));
  const positive = published.filter((w) => w.excess > 0);
  const rest = published.filter((w) => w.excess <= 0);
  const publishedSum = published.reduce((t, w) => t + w.excess, 0);
  return {
    observed,
    expected,
    excess,
    wijken: positive,
    otherWijken: { count: rest.length, excess: rest.reduce((t, w) => t + w.excess, 0) },
    notPublished: { count: hidden, excess: excess - publishedSum },
  };
}

function indicatorSummary(i: IndicatorDefinition) {
  return { id: i.id, name: i.name, unit: i.unit, multiplier: i.multiplier, polarity: i.polarity, method: i.method, actionLine: i.actionLine };
}

export interface WorseIndicator {
  indicator: ReturnType<typeof indicatorSummary>;
  numerator: number;
  denominator: number;
  value: number;
  lowercl95: number | null;
  uppercl95: number | null;
  lowercl998: number | null;
  uppercl998: number | null;
  benchmarkValue: number;
  pooled?: BenchmarkValue['pooled'];
  comparison: 'worse';
  synthetic: boolean;
  source: Text;
  excess: ExcessSummary;
  actionLines: ActionLine[];
  riskFactors: string[];
  rationale: Text | null;
  /** The worse-than-benchmark sentence used in the reasons. */
  finding: Text;
}

function finding(indicator: IndicatorDefinition, value: number, benchmark: number, b: Benchmark, excess: ExcessSummary): Text {
  const higher = value > benchmark;
  const where = excess.wijken.slice(0, WIJKEN_IN_REASON).map((w) => w.name);
  const out = {} as Text;
  for (const lang of LANGS) {
    const direction = lang === 'nl' ? (higher ? 'hoger' : 'lager') : higher ? 'higher' : 'lower';
    const vs = lang === 'nl' ? 'tegen' : 'vs';
    const figures = `(${formatValue(value, indicator.unit, lang)} ${vs} ${formatValue(benchmark, indicator.unit, lang)})`;
    const concentrated = where.length ? (lang === 'nl' ? `, vooral in ${formatList(where, lang)}` : `, concentrated in ${formatList(where, lang)}`) : '';
    out[lang] = lang === 'nl'
      ? `${indicator.name.nl} is significant ${direction} ${b.phrase.nl} ${figures}${concentrated}`
      : `${indicator.name.en} is significantly ${direction} ${b.phrase.en} ${figures}${concentrated}`;
  }
  return out;
}

export interface Recommendation {
  rank: number;
  intervention: {
    id: string;
    name: string;
    summary: Text;
    phases: readonly string[];
    actionLines: readonly number[];
    recognition: { level: string; label: Text };
    funding: string[];
    availability: StoredIntervention['content']['availability'];
  };
  /** The risk factors of the analysis this intervention addresses. */
  riskFactors: string[];
  /** The worse indicators those risk factors come from. */
  indicators: string[];
  trace: { indicator: string; riskFactors: string[] }[];
  fit: { score: number; recognitionRank: number; matchedRiskFactors: number; actionLines: number[] };
  reason: Text;
}

function reasonFor(
  intervention: StoredIntervention['content'],
  trace: { indicator: string; riskFactors: string[] }[],
  matched: readonly string[],
  worse: ReadonlyMap<string, WorseIndicator>,
  riskNames: (id: string) => Text,
): Text {
  const out = {} as Text;
  for (const lang of LANGS) {
    const parts = trace.slice(0, INDICATORS_IN_REASON).map((t) => `${worse.get(t.indicator)!.finding[lang]}.`);
    const more = trace.length - INDICATORS_IN_REASON;
    if (more > 0) {
      parts.push(lang === 'nl'
        ? `Nog ${more} ${more === 1 ? 'andere indicator wijst' : 'andere indicatoren wijzen'} op dezelfde risicofactoren.`
        : `${more} other indicator${more === 1 ? ' points' : 's point'} to the same risk factors.`);
    }
    const names = matched.slice(0, RISK_FACTORS_IN_REASON).map((id) => midSentence(riskNames(id)[lang]));
    const extra = matched.length - names.length;
    if (extra > 0) names.push(lang === 'nl' ? `${extra} andere risicofactor${extra === 1 ? '' : 'en'}` : `${extra} other risk factor${extra === 1 ? '' : 's'}`);
    const label = RECOGNITION_LABELS[intervention.recognition.level][lang];
    parts.push(lang === 'nl' ? `${intervention.name} richt zich op ${formatList(names, lang)}.` : `${intervention.name} addresses ${formatList(names, lang)}.`);
    parts.push(lang === 'nl' ? `Erkenning: ${midSentence(label)}.` : `Recognition: ${midSentence(label)}.`);
    out[lang] = parts.join(' ');
  }
  return out;
}

export const ANALYSIS_METHOD = {
  significance: {
    nl: 'Een indicator is significant slechter als de waarde van de benchmark buiten het 95%-betrouwbaarheidsinterval van de gemeente ligt, in de ongunstige richting (dezelfde toets als in de atlas). Indicatoren zonder goede of slechte richting worden niet beoordeeld.',
    en: "An indicator is significantly worse when the benchmark value lies outside the gemeente's 95 % confidence interval, in the unfavourable direction (the same test as in the atlas). Indicators without a good or bad direction are not judged.",
  },
  benchmarks: {
    nl: "Nederland; de eigen GGD-regio; of de samengevoegde waarde van de vergelijkbare gemeenten (som van de tellers gedeeld door de som van de noemers van die gemeenten waarvan de cijfers gepubliceerd zijn).",
    en: 'The Netherlands; its own GGD region; or the pooled value of its similar municipalities (sum of numerators over sum of denominators of those whose figures are published).',
  },
  excess: {
    nl: 'Extra gevallen per wijk: waargenomen min verwacht bij het niveau van de benchmark (teller − noemer × benchmark). Alleen gepubliceerde wijken worden genoemd; wat overblijft (wijken met kleine aantallen) staat als rest apart, zodat alles optelt tot de gemeente.',
    en: 'Excess cases per wijk: observed minus expected at the benchmark rate (numerator − denominator × benchmark). Only published wijken are named; the remainder (wijken with small numbers) is shown separately, so that everything adds up to the gemeente.',
  },
  recommendations: {
    nl: 'Via de koppeling van indicatoren aan risicofactoren komen interventies in beeld die zich op die risicofactoren richten. Volgorde: eerst het aantal slechtere indicatoren achter de gedekte risicofactoren, dan het erkenningsniveau, dan het aantal gedekte risicofactoren. Lokale programma\'s van een andere gemeente worden niet aanbevolen.',
    en: 'Through the links from indicators to risk factors, the interventions addressing those risk factors come into view. Order: first the number of worse indicators behind the matched risk factors, then the recognition level, then the number of matched risk factors. Local programmes of another municipality are not recommended.',
  },
} as const;

export function analyseGemeente(snapshot: AtlasSnapshot, content: MenukaartContent, similar: NeighbourSource, query: AnalysisQuery) {
  const g = findAreaIn(snapshot, query.code);
  const { areas } = snapshot.atlas.hierarchy;
  const area = areas[g]!;
  if (area.level !== 'gemeente') throw badRequest(`the analysis is made for gemeenten only; '${area.code}' is a ${area.level}`, 'code');
  const period = resolvePeriod(snapshot, query.period);
  const k = snapshot.atlas.periods.indexOf(period);
  const b = resolveBenchmark(snapshot, g, query.benchmark ?? 'nl', similar);

  const overview: {
    indicator: string;
    name: Text;
    comparison: string;
    value: number | null;
    benchmarkValue: number | null;
    suppressed: boolean;
    judged: boolean;
  }[] = [];
  const worse = new Map<string, WorseIndicator>();
  const sources: Text[] = [];
  let synthetic = false;

  for (const indicator of snapshot.indicators) {
    const s = snapshot.atlas.series.get(indicator.id)?.[k];
    if (!s) continue;
    const bv = benchmarkValue(snapshot, s, indicator, b);
    const comparison = COMPARISONS[comparisonCode(s, g, bv.value, indicator.polarity, b.index)]!;
    const suppressed = s.suppression[g] !== 0;
    if (s.synthetic[g] === 1) synthetic = true;
    const source = seriesSource(snapshot, s);
    sources.push(source);
    overview.push({
      indicator: indicator.id,
      name: indicator.name,
      comparison,
      value: suppressed ? null : num(s.value[g]),
      benchmarkValue: num(bv.value),
      suppressed,
      judged: indicator.polarity !== 'none',
    });
    if (comparison !== 'worse') continue;
    const link: StoredLink | undefined = content.linkByIndicator.get(indicator.id);
    const excess = excessOf(snapshot, s, indicator, g, bv.value);
    worse.set(indicator.id, {
      indicator: indicatorSummary(indicator),
      numerator: s.numerator[g]!,
      denominator: s.denominator[g]!,
      value: s.value[g]!,
      lowercl95: num(s.lower95[g]),
      uppercl95: num(s.upper95[g]),
      lowercl998: num(s.lower998[g]),
      uppercl998: num(s.upper998[g]),
      benchmarkValue: bv.value,
      ...(bv.pooled ? { pooled: bv.pooled } : {}),
      comparison: 'worse',
      synthetic: s.synthetic[g] === 1,
      source,
      excess,
      actionLines: link ? [...link.actionLines].sort() : [indicator.actionLine],
      riskFactors: link ? [...link.riskFactors] : [],
      rationale: link?.rationale ?? null,
      finding: finding(indicator, s.value[g]!, bv.value, b, excess),
    });
  }

  // Action lines and risk factors the worse indicators point to.
  const actionLines = ACTION_LINES.map((line) => ({
    actionLine: line,
    label: ACTION_LINE_LABELS[line],
    indicators: [...worse.values()].filter((w) => w.actionLines.includes(line)).map((w) => w.indicator.id),
  })).filter((a) => a.indicators.length > 0);
  const riskIndicators = new Map<string, string[]>();
  for (const w of worse.values()) for (const rf of w.riskFactors) riskIndicators.set(rf, [...(riskIndicators.get(rf) ?? []), w.indicator.id]);
  const riskOrder = content.riskFactors.map((r) => r.id);
  const riskFactors = [...riskIndicators.entries()]
    .sort((a, b) => b[1].length - a[1].length || riskOrder.indexOf(a[0]) - riskOrder.indexOf(b[0]))
    .map(([id, indicators]) => {
      const r = content.riskFactorById.get(id);
      return { id, name: r?.name ?? { nl: id, en: id }, domain: r?.domain ?? null, domainLabel: r ? RISK_DOMAIN_LABELS[r.domain] : null, indicators };
    });
  const riskNames = (id: string): Text => content.riskFactorById.get(id)?.name ?? { nl: id, en: id };

  // Interventions addressing those risk factors.
  const candidates: Omit<Recommendation, 'rank'>[] = [];
  for (const stored of content.interventions) {
    const i = stored.content;
    if (i.availability.scope === 'local' && !i.availability.gemeenten.includes(area.code)) continue;
    // Matched risk factors, those behind the most worse indicators first.
    const matched = riskFactors.map((r) => r.id).filter((rf) => i.riskFactors.includes(rf));
    if (matched.length === 0) continue;
    const trace = [...worse.values()]
      .map((w) => ({ indicator: w.indicator.id, riskFactors: w.riskFactors.filter((rf) => matched.includes(rf)) }))
      .filter((t) => t.riskFactors.length > 0)
      .sort((a, b) => b.riskFactors.length - a.riskFactors.length);
    const score = matched.reduce((t, rf) => t + riskIndicators.get(rf)!.length, 0);
    candidates.push({
      intervention: {
        id: i.id,
        name: i.name,
        summary: i.summary,
        phases: i.phases,
        actionLines: i.actionLines,
        recognition: { level: i.recognition.level, label: RECOGNITION_LABELS[i.recognition.level] },
        funding: [...new Set(i.funding.map((f) => f.route))],
        availability: i.availability,
      },
      riskFactors: matched,
      indicators: trace.map((t) => t.indicator),
      trace,
      fit: {
        score,
        recognitionRank: RECOGNITION_RANK[i.recognition.level],
        matchedRiskFactors: matched.length,
        actionLines: i.actionLines.filter((line) => actionLines.some((a) => a.actionLine === line)),
      },
      reason: reasonFor(i, trace, matched, worse, riskNames),
    });
  }
  candidates.sort(
    (a, b) =>
      b.fit.score - a.fit.score ||
      b.fit.recognitionRank - a.fit.recognitionRank ||
      b.fit.matchedRiskFactors - a.fit.matchedRiskFactors ||
      a.intervention.name.localeCompare(b.intervention.name, 'nl'),
  );
  const recommendations: Recommendation[] = candidates.map((c, n) => ({ rank: n + 1, ...c }));

  const uniqueSource = (lang: Lang) => [...new Set(sources.map((t) => t[lang]))].join(' ');
  return {
    area: areaView(area),
    period,
    benchmark: {
      kind: b.kind,
      code: b.code,
      name: b.name,
      ...(b.kind === 'similar' ? { members: b.members.map((code) => ({ code, name: areas[snapshot.atlas.hierarchy.index.get(code)!]?.name ?? code })) } : {}),
    },
    synthetic,
    source: { nl: uniqueSource('nl'), en: uniqueSource('en') },
    method: ANALYSIS_METHOD,
    overview,
    worse: [...worse.values()],
    actionLines,
    riskFactors,
    recommendations,
    contentVersion: content.version,
  };
}

export type Analysis = ReturnType<typeof analyseGemeente>;
