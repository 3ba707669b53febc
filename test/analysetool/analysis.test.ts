// The analysis core on a small hand-made atlas: which indicators are listed, excess cases per
// wijk that add up to the gemeente, the three benchmarks, and recommendations that each trace
// back to an indicator and a risk factor.

import { describe, expect, it } from 'vitest';
import { analyseGemeente, type NeighbourSource } from '../../src/analysetool/analysis.ts';
import type { AtlasSnapshot } from '../../src/atlas/atlas-store.ts';
import { buildHierarchy, COMPARISONS, comparisonCode, deriveAtlas, emptyCounts, type StoredCounts } from '../../src/atlas/derive.ts';
import type { Area } from '../../src/atlas/geography.ts';
import { INDICATORS, type IndicatorDefinition } from '../../src/atlas/indicator-catalogue.ts';
import { compareWithBenchmark } from '../../src/atlas/statistics/index.ts';
import { readContent, searchText } from '../../src/menukaart/content-loader.ts';
import { buildContent } from '../../src/menukaart/menukaart-store.ts';
import { HttpError } from '../../src/http/errors.ts';

const indicator = (id: string) => INDICATORS.find((i) => i.id === id)!;
const BREASTFEEDING: IndicatorDefinition = { ...indicator('big2'), id: 'breastfeeding_test', name: { nl: 'Borstvoeding (test)', en: 'Breastfeeding (test)' }, polarity: 'high-is-good' };
const TEST_INDICATORS = [indicator('big2'), indicator('preterm'), indicator('single_parent_households'), BREASTFEEDING];

const area = (code: string, name: string, level: Area['level'], parents: Area['parents']): Area => ({ code, name, level, parents, validFrom: null, validTo: null, inhabitants: 1000 });
const gemeente = (code: string, name: string, region: string) => area(code, name, 'gemeente', { ggdregio: region, land: 'NL01' });
const wijk = (code: string, name: string) => area(code, name, 'wijk', { gemeente: 'GM0001', ggdregio: 'GG0001', land: 'NL01' });
const AREAS: Area[] = [
  area('NL01', 'Nederland', 'land', {}),
  area('GG0001', 'GGD Noord', 'ggdregio', { land: 'NL01' }),
  area('GG0002', 'GGD Zuid', 'ggdregio', { land: 'NL01' }),
  gemeente('GM0001', 'Havenstad', 'GG0001'),
  gemeente('GM0002', 'Dijkdorp', 'GG0001'),
  gemeente('GM0003', 'Polderwaard', 'GG0001'),
  gemeente('GM0004', 'Heuvelrug', 'GG0002'),
  wijk('WK000101', 'Centrum'),
  wijk('WK000102', 'Haven'),
  wijk('WK000103', 'Dorp'),
  wijk('WK000104', 'Buitengebied'),
];

/** Counts per indicator: area code → [numerator, denominator]. */
const COUNTS: Record<string, Record<string, [number, number]>> = {
  big2: { WK000101: [60, 200], WK000102: [40, 200], WK000103: [3, 20], WK000104: [8, 30], GM0002: [100, 1000], GM0003: [120, 1000], GM0004: [90, 1000] },
  preterm: { WK000101: [30, 200], WK000102: [25, 200], WK000103: [6, 40], WK000104: [7, 40], GM0002: [50, 1000], GM0003: [2, 60], GM0004: [40, 1000] },
  single_parent_households: { WK000101: [90, 200], WK000102: [20, 200], WK000103: [10, 40], WK000104: [12, 40], GM0002: [150, 1000], GM0003: [160, 1000], GM0004: [170, 1000] },
  breastfeeding_test: { WK000101: [50, 200], WK000102: [60, 200], WK000103: [100, 200], WK000104: [150, 200], GM0002: [700, 1000], GM0003: [700, 1000], GM0004: [700, 1000] },
};

function snapshot(): AtlasSnapshot {
  const hierarchy = buildHierarchy(AREAS);
  const counts = (id: string): StoredCounts => {
    const c = emptyCounts(AREAS.length);
    for (const [code, [n, d]] of Object.entries(COUNTS[id] ?? {})) {
      const i = hierarchy.index.get(code)!;
      c.numerator[i] = n;
      c.denominator[i] = d;
      c.synthetic[i] = 1;
    }
    c.datasetIds.add(1);
    return c;
  };
  const atlas = deriveAtlas(hierarchy, TEST_INDICATORS, [2024], (id) => counts(id));
  return {
    version: 1,
    atlas,
    areas: AREAS,
    indicators: TEST_INDICATORS,
    datasets: [{ id: 1, kind: 'demo', synthetic: true, source: { nl: 'Synthetische demonstratiedata (test)', en: 'Synthetic demonstration data (test)' } }],
    computedAt: new Date(),
    computeMs: 0,
  };
}

const shipped = readContent();
const CONTENT = buildContent(1, shipped.interventions.map((c) => ({ content: c, version: c.version, searchText: searchText(c) })), shipped.riskFactors, shipped.links);
const SIMILAR: NeighbourSource = { neighbours: new Map([['GM0001', [{ code: 'GM0002', distance: 1 }, { code: 'GM0003', distance: 2 }]]]) };
const snap = snapshot();
const series = (id: string) => snap.atlas.series.get(id)![0]!;
const at = (code: string) => snap.atlas.hierarchy.index.get(code)!;

describe('analysis of a gemeente', () => {
  const nl = analyseGemeente(snap, CONTENT, SIMILAR, { code: 'GM0001' });

  it('lists exactly the indicators whose comparison with the benchmark is worse', () => {
    for (const entry of nl.overview) {
      const s = series(entry.indicator);
      const expected = COMPARISONS[s.comparison[at('GM0001')]!];
      expect(entry.comparison, entry.indicator).toBe(expected);
    }
    expect(nl.worse.map((w) => w.indicator.id)).toEqual(nl.overview.filter((o) => o.comparison === 'worse').map((o) => o.indicator));
    expect(nl.worse.map((w) => w.indicator.id)).toEqual(expect.arrayContaining(['big2', 'breastfeeding_test']));
    // No direction, no judgement: single-parent households is 'higher', never 'worse'.
    expect(nl.overview.find((o) => o.indicator === 'single_parent_households')).toMatchObject({ comparison: 'higher', judged: false });
    for (const w of nl.worse) {
      expect(w.lowercl95! > w.benchmarkValue || w.uppercl95! < w.benchmarkValue).toBe(true);
      expect(w.synthetic).toBe(true);
    }
    expect(nl.synthetic).toBe(true);
    expect(nl.source.nl).toMatch(/Synthetische demonstratiedata/);
  });

  it('counts excess cases per published wijk at the benchmark rate, adding up to the gemeente', () => {
    for (const w of nl.worse) {
      const s = series(w.indicator.id);
      const rate = w.benchmarkValue / w.indicator.multiplier;
      const sign = w.indicator.polarity === 'high-is-good' ? -1 : 1;
      expect(w.excess.observed).toBe(s.numerator[at('GM0001')]);
      expect(w.excess.expected).toBeCloseTo(s.denominator[at('GM0001')]! * rate, 9);
      expect(w.excess.excess).toBeGreaterThan(0);
      const total = w.excess.wijken.reduce((t, x) => t + x.excess, 0) + w.excess.otherWijken.excess + w.excess.notPublished.excess;
      expect(total).toBeCloseTo(w.excess.excess, 9);
      for (const x of w.excess.wijken) {
        expect(s.suppression[at(x.code)], `${x.code} is published`).toBe(0);
        expect(x.excess).toBeCloseTo(sign * (x.numerator - x.denominator * rate), 9);
        expect(x.excess).toBeGreaterThan(0);
        expect(x.share).toBeCloseTo(x.excess / w.excess.excess, 12);
      }
      const excesses = w.excess.wijken.map((x) => x.excess);
      expect([...excesses].sort((a, b) => b - a)).toEqual(excesses);
    }
    const big2 = nl.worse.find((w) => w.indicator.id === 'big2')!;
    // Dorp (3 of 20) is suppressed for small numbers, Buitengebied complementarily: neither is named.
    expect(big2.excess.wijken.map((w) => w.name)).toEqual(['Centrum', 'Haven']);
    expect(big2.excess.notPublished.count).toBe(2);
    // For an indicator where high is good, the excess is the shortfall.
    const bf = nl.worse.find((w) => w.indicator.id === 'breastfeeding_test')!;
    expect(bf.excess.excess).toBeCloseTo(bf.excess.expected - bf.excess.observed, 9);
    expect(bf.excess.wijken[0]!.name).toBe('Centrum');
  });

  it('says where the excess concentrates in the finding, with figures in both languages', () => {
    const big2 = nl.worse.find((w) => w.indicator.id === 'big2')!;
    expect(big2.finding.nl).toMatch(/^Big2 \(valse start\) is significant hoger dan in Nederland \(24,7 % tegen \d+,\d %\), vooral in Centrum en Haven$/);
    expect(big2.finding.en).toMatch(/^Big2 \(false start\) is significantly higher than in the Netherlands \(24\.7 % vs \d+\.\d %\), concentrated in Centrum and Haven$/);
    const bf = nl.worse.find((w) => w.indicator.id === 'breastfeeding_test')!;
    expect(bf.finding.nl).toMatch(/significant lager dan in Nederland/);
  });

  it('derives action lines and risk factors from the worse indicators', () => {
    const big2Link = CONTENT.linkByIndicator.get('big2')!;
    for (const rf of big2Link.riskFactors) expect(nl.riskFactors.find((r) => r.id === rf)?.indicators).toContain('big2');
    expect(nl.actionLines.map((a) => a.actionLine)).toEqual([1, 2, 3]);
    for (const r of nl.riskFactors) expect(r.name.nl && r.name.en).toBeTruthy();
  });

  it('recommends only interventions traceable to a worse indicator and a risk factor, ranked by fit', () => {
    expect(nl.recommendations.length).toBeGreaterThan(0);
    const worse = new Set(nl.worse.map((w) => w.indicator.id));
    const implied = new Set(nl.riskFactors.map((r) => r.id));
    for (const rec of nl.recommendations) {
      const intervention = CONTENT.interventionById.get(rec.intervention.id)!.content;
      expect(rec.riskFactors.length).toBeGreaterThan(0);
      expect(rec.indicators.length).toBeGreaterThan(0);
      for (const rf of rec.riskFactors) {
        expect(implied.has(rf)).toBe(true);
        expect(intervention.riskFactors).toContain(rf);
      }
      for (const t of rec.trace) {
        expect(worse.has(t.indicator)).toBe(true);
        for (const rf of t.riskFactors) expect(CONTENT.linkByIndicator.get(t.indicator)!.riskFactors).toContain(rf);
      }
      expect(rec.reason.nl).toContain(intervention.name);
      expect(rec.reason.en).toContain(intervention.name);
      expect(rec.reason.nl).toMatch(/significant (hoger|lager)/);
    }
    expect(nl.recommendations.map((r) => r.rank)).toEqual(nl.recommendations.map((_, k) => k + 1));
    for (let k = 1; k < nl.recommendations.length; k++) {
      const a = nl.recommendations[k - 1]!.fit;
      const b = nl.recommendations[k]!.fit;
      expect(a.score > b.score || (a.score === b.score && a.recognitionRank >= b.recognitionRank)).toBe(true);
    }
    // A local programme of another municipality is not recommended.
    expect(nl.recommendations.map((r) => r.intervention.id)).not.toContain('moeders-van-rotterdam');
    // What the coalition plan covers is not part of the public analysis: the route adds it, for
    // those who may read the plan (plan-coverage.test.ts).
    expect(nl).not.toHaveProperty('coveredByPlan');
  });

  it('compares with the GGD-regio when asked', () => {
    const region = analyseGemeente(snap, CONTENT, SIMILAR, { code: 'GM0001', benchmark: 'region' });
    expect(region.benchmark).toMatchObject({ kind: 'region', code: 'GG0001' });
    for (const entry of region.overview) {
      const s = series(entry.indicator);
      const ind = TEST_INDICATORS.find((i) => i.id === entry.indicator)!;
      expect(entry.benchmarkValue).toBe(s.value[at('GG0001')]);
      expect(entry.comparison).toBe(COMPARISONS[comparisonCode(s, at('GM0001'), s.value[at('GG0001')]!, ind.polarity, at('GG0001'))]);
    }
    expect(region.worse.find((w) => w.indicator.id === 'big2')!.finding.nl).toMatch(/dan in de eigen GGD-regio \(GGD Noord\)/);
  });

  it('compares with the pooled value of the published similar municipalities', () => {
    const similar = analyseGemeente(snap, CONTENT, SIMILAR, { code: 'GM0001', benchmark: 'similar' });
    expect(similar.benchmark.kind).toBe('similar');
    expect(similar.benchmark.members!.map((m) => m.code)).toEqual(['GM0002', 'GM0003']);
    for (const entry of similar.overview) {
      const s = series(entry.indicator);
      const ind = TEST_INDICATORS.find((i) => i.id === entry.indicator)!;
      const members = ['GM0002', 'GM0003'].map(at).filter((i) => s.suppression[i] === 0);
      const pooled = (members.reduce((t, i) => t + s.numerator[i]!, 0) / members.reduce((t, i) => t + s.denominator[i]!, 0)) * ind.multiplier;
      expect(entry.benchmarkValue).toBeCloseTo(pooled, 12);
      const g = at('GM0001');
      const expected = ind.polarity === 'none' ? (s.value[g]! > pooled ? 'higher' : 'lower') : undefined;
      const judged = compareWithBenchmark({ value: s.value[g]!, lower: s.lower95[g]!, upper: s.upper95[g]! }, pooled, ind.polarity);
      expect(entry.comparison).toBe(judged);
      if (expected && judged !== 'similar') expect(judged).toBe(expected);
    }
    // Polderwaard's preterm figure is suppressed (2 of 60): it is left out of the pool.
    const preterm = series('preterm');
    expect(preterm.suppression[at('GM0003')]).not.toBe(0);
    const w = similar.worse.find((x) => x.indicator.id === 'preterm');
    const entry = similar.overview.find((o) => o.indicator === 'preterm')!;
    expect(entry.benchmarkValue).toBeCloseTo((50 / 1000) * 100, 12); // Dijkdorp alone
    if (w) expect(w.pooled).toMatchObject({ included: 1, members: 2 });
  });

  it('refuses areas that are not gemeenten, unknown areas and periods without figures', () => {
    const fail = (query: Parameters<typeof analyseGemeente>[3]) => {
      try {
        analyseGemeente(snap, CONTENT, SIMILAR, query);
      } catch (error) {
        expect(error).toBeInstanceOf(HttpError);
        return error as HttpError;
      }
      throw new Error('accepted');
    };
    expect(fail({ code: 'GG0001' })).toMatchObject({ status: 400, field: 'code' });
    expect(fail({ code: 'WK000101' })).toMatchObject({ status: 400, field: 'code' });
    expect(fail({ code: 'GM9999' })).toMatchObject({ status: 404, field: 'code' });
    expect(fail({ code: 'GM0001', period: 2030 })).toMatchObject({ status: 400, field: 'period' });
    expect(fail({ code: 'GM0004', benchmark: 'similar' })).toMatchObject({ status: 404, field: 'code' });
  });
});
