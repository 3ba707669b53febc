import { describe, expect, it } from 'vitest';
import {
  TREND_CHI_SQUARE_CRITICAL,
  type TrendMarker,
  proportionTrend,
  qchisq,
  rateTrend,
  trendJudgement,
} from '../../../src/atlas/statistics/index.ts';
import { cell, readVectors, type Row } from './vectors.ts';

function series(rows: Row[], key: string, periodColumn: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(r[key]!, [...(out.get(r[key]!) ?? []), r]);
  for (const list of out.values()) list.sort((a, b) => (a[periodColumn]! < b[periodColumn]! ? -1 : 1));
  return out;
}

const proportionPoints = (rows: Row[]) => rows.map((r) => ({ numerator: Number(r.count), denominator: Number(r.denominator) }));
const valuePoints = (rows: Row[]) =>
  rows.map((r) => ({ value: cell(r.value), lower95: cell(r.lci95), upper95: cell(r.uci95) }));

// Expected χ² in these files is rounded to 2 decimals.
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

describe('Fingertips TrendMarkerCalculator (fingertips_recent_trend.csv)', () => {
  const sets = series(readVectors('fingertips_recent_trend.csv'), 'set_id', 'year');

  it('has 4 sets of 5 years', () => {
    expect([...sets.keys()]).toEqual(['set1_general', 'set2_general', 'set1_prop', 'set2_prop']);
    for (const rows of sets.values()) expect(rows).toHaveLength(5);
  });

  it('set1_general: weighted regression, χ² 46.77, significant and increasing', () => {
    const result = rateTrend(valuePoints(sets.get('set1_general')!));
    expect(round2(result.chisq)).toBe(46.77);
    expect(result.chisq!).toBeGreaterThan(TREND_CHI_SQUARE_CRITICAL);
    expect(result.slope!).toBeGreaterThan(0);
    expect(result.trend).toBe('increasing');
  });

  it('set2_general: weighted regression, not significant', () => {
    const result = rateTrend(valuePoints(sets.get('set2_general')!));
    expect(result.chisq!).toBeLessThan(TREND_CHI_SQUARE_CRITICAL);
    expect(result.trend).toBe('no-significant-change');
  });

  it('set1_prop: Cochran–Armitage χ² 47.90, significant and increasing', () => {
    const result = proportionTrend(proportionPoints(sets.get('set1_prop')!));
    expect(round2(result.chisq)).toBe(47.9);
    expect(result.trend).toBe('increasing');
  });

  it('set2_prop: count = denominator in a point → cannot be calculated', () => {
    // Fingertips reports χ² 0.0 with CannotBeCalculated; we report no χ² at all.
    const rows = sets.get('set2_prop')!;
    expect(rows.map((r) => r.expected_chi2_round2)).toEqual(['0', '0', '0', '0', '0']);
    expect(proportionTrend(proportionPoints(rows))).toEqual({ chisq: null, slope: null, trend: 'cannot-be-calculated' });
  });

  it('uses the χ²₁ 99.8 % critical value', () => {
    expect(qchisq(0.998, 1)).toBeCloseTo(TREND_CHI_SQUARE_CRITICAL, 10);
  });
});

describe('FingertipsNext trend calculator (fingertipsnext_recent_trend.csv)', () => {
  const all = series(readVectors('fingertipsnext_recent_trend.csv'), 'series', 'to_date');
  const MARKER: Record<string, TrendMarker> = {
    Increasing: 'increasing',
    Decreasing: 'decreasing',
    NoChange: 'no-significant-change',
    CannotBeCalculated: 'cannot-be-calculated',
  };
  const POLARITY = { 'No judgement': 'none', 'High is good': 'high-is-good', 'Low is good': 'low-is-good' } as const;

  function expectedOf(rows: Row[]): { marker: TrendMarker; judgement: 'better' | 'worse' | null } {
    const wording = rows[0]!.expected_trend!;
    const [, base, judgement] = /^(Increasing|Decreasing|NoChange|CannotBeCalculated)(?:AndGetting(Better|Worse))?$/.exec(wording)!;
    return { marker: MARKER[base!]!, judgement: judgement ? (judgement.toLowerCase() as 'better' | 'worse') : null };
  }

  it('has 6 series of 5 points', () => {
    expect(all.size).toBe(6);
    for (const rows of all.values()) expect(rows).toHaveLength(5);
  });

  // Which method applies is indicator metadata not carried in the CSV: in
  // IndicatorTestData.cs only DiabetesPrevalence has UseProportionsForTrend = true
  // (Cochran–Armitage on count/denominator); the other series use the weighted regression
  // on value and 95 % limits.
  const reproduced = ['DiabetesPrevalence', 'YorkshireMmrCoverage', 'DiabeticEyeDisease', 'Under75CancerMortality'];

  it.each(reproduced)('%s', (name) => {
    const rows = all.get(name)!;
    const result = name === 'DiabetesPrevalence' ? proportionTrend(proportionPoints(rows)) : rateTrend(valuePoints(rows));
    const expected = expectedOf(rows);
    expect(result.trend).toBe(expected.marker);
    expect(trendJudgement(result.trend, POLARITY[rows[0]!.polarity as keyof typeof POLARITY])).toBe(expected.judgement);
  });

  it('GpRegisteredPopulationOver65 (no confidence limits): no trend is claimed', () => {
    // Upstream answers NoChange only because its regression runs on zero points and the
    // NaN χ² fails the significance test (the quirk noted in methods.md §7). We say
    // openly that the trend cannot be calculated; both report no trend.
    const rows = all.get('GpRegisteredPopulationOver65')!;
    expect(expectedOf(rows).marker).toBe('no-significant-change');
    expect(rateTrend(valuePoints(rows)).trend).toBe('cannot-be-calculated');
  });

  it('EmergencyReadmissions: cannot be calculated', () => {
    // Upstream refuses the value type (indirectly standardised proportion). Its limits also
    // have zero width in two years (14.8–14.8), so the weighted regression has no finite
    // weights and cannot be calculated either.
    const rows = all.get('EmergencyReadmissions')!;
    expect(expectedOf(rows).marker).toBe('cannot-be-calculated');
    expect(rateTrend(valuePoints(rows)).trend).toBe('cannot-be-calculated');
  });
});

describe('trend rules', () => {
  const rising = [1000, 1100, 1200, 1300, 1400].map((x) => ({ numerator: x, denominator: 10000 }));

  it('uses only the last five points', () => {
    const noisyStart = [{ numerator: 9000, denominator: 10000 }, ...rising];
    expect(proportionTrend(noisyStart)).toEqual(proportionTrend(rising));
  });

  it('needs five points', () => {
    expect(proportionTrend(rising.slice(1)).trend).toBe('cannot-be-calculated');
    expect(rateTrend([]).trend).toBe('cannot-be-calculated');
  });

  it('detects a clear rise and fall, and needs enough events for it', () => {
    expect(proportionTrend(rising).trend).toBe('increasing');
    // The same proportions out of 1000 instead of 10000: χ² 9.47, just below 9.55.
    const small = proportionTrend(rising.map((p) => ({ numerator: p.numerator / 10, denominator: 1000 })));
    expect(small.chisq!).toBeCloseTo(9.4697, 4);
    expect(small.trend).toBe('no-significant-change');
    expect(proportionTrend([...rising].reverse()).trend).toBe('decreasing');
  });

  it('requires all six slopes to agree (robustness rule)', () => {
    // A big jump in the last year only: the overall slope is positive and significant,
    // but leaving out the last point gives a negative slope.
    const jump = [120, 119, 118, 117, 200].map((x) => ({ numerator: x, denominator: 1000 }));
    const result = proportionTrend(jump);
    expect(result.chisq!).toBeGreaterThan(TREND_CHI_SQUARE_CRITICAL);
    expect(result.trend).toBe('no-significant-change');
  });

  it('cannot calculate with 0 or n events in a point, or a missing point', () => {
    expect(proportionTrend([{ numerator: 0, denominator: 10000 }, ...rising.slice(1)]).trend).toBe('cannot-be-calculated');
    const values = [1, 2, 3, 4, 5].map((v) => ({ value: v, lower95: v - 0.1, upper95: v + 0.1 }));
    expect(rateTrend(values).trend).toBe('increasing');
    expect(rateTrend([...values.slice(0, 4), { value: null, lower95: null, upper95: null }]).trend).toBe(
      'cannot-be-calculated',
    );
  });

  it('words the judgement by polarity', () => {
    expect(trendJudgement('increasing', 'low-is-good')).toBe('worse');
    expect(trendJudgement('decreasing', 'low-is-good')).toBe('better');
    expect(trendJudgement('increasing', 'none')).toBeNull();
    expect(trendJudgement('no-significant-change', 'high-is-good')).toBeNull();
  });
});
