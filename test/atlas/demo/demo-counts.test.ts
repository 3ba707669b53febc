import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreas, loadGemeenteCharacteristics } from '../../../src/atlas/geography.ts';
import { INDICATORS } from '../../../src/atlas/indicator-catalogue.ts';
import { DEFAULT_DEMO_SEED, generateDemoCounts, type DemoCount } from '../../../src/atlas/demo/demo-counts.ts';
import { pool, spearman } from './helpers.ts';

const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
let rows: DemoCount[];
let generationMs = 0;
const wijkToGemeente = new Map<string, string>();
const wijkCodes: string[] = [];

beforeAll(() => {
  for (const a of loadAreas()) {
    if (a.level !== 'wijk') continue;
    wijkCodes.push(a.code);
    wijkToGemeente.set(a.code, a.parents.gemeente!);
  }
  const started = performance.now();
  rows = generateDemoCounts();
  generationMs = performance.now() - started;
});

/** The calibration target of an indicator in a year, as a probability (from the catalogue, not from the generator). */
function target(indicatorId: string, year: number): number {
  const ind = INDICATORS.find((i) => i.id === indicatorId)!;
  return (ind.demo.value + ind.demo.yearlyChange * (year - ind.demo.year)) / ind.multiplier;
}

function byIndicator(id: string, years: readonly number[] = YEARS): DemoCount[] {
  return rows.filter((r) => r.indicatorId === id && years.includes(r.period));
}

describe('generateDemoCounts: shape', () => {
  it('gives one row per wijk × catalogue indicator × year 2015–2024', () => {
    expect(rows.length).toBe(wijkCodes.length * INDICATORS.length * YEARS.length);
    const keys = new Set(rows.map((r) => `${r.areaCode}|${r.indicatorId}|${r.period}`));
    expect(keys.size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.areaCode))).toEqual(new Set(wijkCodes));
    expect(new Set(rows.map((r) => r.indicatorId))).toEqual(new Set(INDICATORS.map((i) => i.id)));
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(YEARS));
  });

  it('has non-negative integer counts with numerator ≤ denominator (proportions and per-1000 rates alike)', () => {
    const bad = rows.filter(
      (r) => !Number.isInteger(r.numerator) || !Number.isInteger(r.denominator) || r.numerator < 0 || r.denominator < 0 || r.numerator > r.denominator,
    );
    expect(bad).toEqual([]);
  });

  it('runs well within the start-up budget', () => {
    // The target is < 2 s; the bound is loose so a busy test machine does not fail it.
    expect(generationMs).toBeLessThan(6_000);
  });
});

describe('generateDemoCounts: reproducibility', () => {
  it('gives identical output for the same seed and different output for another seed', () => {
    const a = generateDemoCounts({ seed: 7, years: [2021] });
    const b = generateDemoCounts({ seed: 7, years: [2021] });
    const c = generateDemoCounts({ seed: 8, years: [2021] });
    expect(a).toEqual(b);
    expect(c.length).toBe(a.length);
    const differing = a.filter((r, i) => r.numerator !== c[i]!.numerator || r.denominator !== c[i]!.denominator).length;
    expect(differing / a.length).toBeGreaterThan(0.3);
  });

  it('uses the fixed default seed, and a year does not depend on which other years are generated', () => {
    const only2021 = generateDemoCounts({ seed: DEFAULT_DEMO_SEED, years: [2021] });
    expect(only2021).toEqual(rows.filter((r) => r.period === 2021));
  });
});

describe('generateDemoCounts: national calibration', () => {
  // The model is calibrated exactly in expectation (rate-model.test.ts). The generated counts
  // add sampling noise: the national numerator is a sum of binomials whose variance is at most
  // that of one Binomial(Σ denominator, target), so SE ≤ sqrt(t(1 − t) / Σ denominator). A
  // tolerance of 4.5 SE makes a false alarm for a correct generator about 7 in a million per
  // check (140 checks: < 0.1 %), while a bias of a few SE — e.g. 2–3 % relative for Big2 — fails.
  for (const ind of INDICATORS) {
    it(`${ind.id}: every year within 4.5 SE of ${ind.demo.value} ${ind.unit.en} (${ind.demo.year}) + ${ind.demo.yearlyChange}/year`, () => {
      for (const year of YEARS) {
        let num = 0;
        let den = 0;
        for (const r of byIndicator(ind.id, [year])) {
          num += r.numerator;
          den += r.denominator;
        }
        const t = target(ind.id, year);
        const se = Math.sqrt((t * (1 - t)) / den);
        expect(Math.abs(num / den - t), `${ind.id} ${year}: ${((num / den) * ind.multiplier).toFixed(3)} vs ${(t * ind.multiplier).toFixed(3)}`).toBeLessThan(4.5 * se);
      }
    });
  }

  it('Big2 is within 2 % (relative) of its target in every year', () => {
    for (const year of YEARS) {
      const [[num, den]] = [...pool(byIndicator('big2', [year]), () => 'nl', (r) => r.numerator, (r) => r.denominator).values()] as [[number, number]];
      expect(Math.abs(num / den / target('big2', year) - 1)).toBeLessThan(0.02);
    }
  });

  it('has about 168,000 births a year (mild year-to-year variation, 2021 highest)', () => {
    const births = YEARS.map((y) => byIndicator('perinatal_mortality', [y]).reduce((s, r) => s + r.denominator, 0));
    for (const b of births) expect(b > 155_000 && b < 185_000).toBe(true);
    const mean = births.reduce((s, b) => s + b, 0) / births.length;
    expect(Math.abs(mean / 168_000 - 1)).toBeLessThan(0.01);
    expect(Math.max(...births)).toBe(births[YEARS.indexOf(2021)]);
  });
});

describe('generateDemoCounts: consistency', () => {
  const key = (r: DemoCount) => `${r.areaCode}|${r.period}`;
  let byKey: Map<string, Record<string, DemoCount>>;
  beforeAll(() => {
    byKey = new Map();
    for (const r of rows) {
      let rec = byKey.get(key(r));
      if (!rec) byKey.set(key(r), (rec = {}));
      rec[r.indicatorId] = r;
    }
  });

  it('Big2 = preterm ∪ SGA in every wijk-year: max(preterm, SGA) ≤ Big2 ≤ preterm + SGA, same denominator', () => {
    const bad: string[] = [];
    for (const [k, rec] of byKey) {
      const big2 = rec.big2!;
      const pre = rec.preterm!;
      const sga = rec.sga!;
      if (big2.denominator !== pre.denominator || big2.denominator !== sga.denominator) bad.push(`${k} denominators`);
      if (big2.numerator < Math.max(pre.numerator, sga.numerator) || big2.numerator > pre.numerator + sga.numerator) bad.push(k);
    }
    expect(bad).toEqual([]);
  });

  it('SGA is over-represented among preterm births nationally (preterm ∧ SGA > preterm × SGA)', () => {
    let both = 0;
    let pre = 0;
    let sga = 0;
    let den = 0;
    for (const rec of byKey.values()) {
      both += rec.preterm!.numerator + rec.sga!.numerator - rec.big2!.numerator;
      pre += rec.preterm!.numerator;
      sga += rec.sga!.numerator;
      den += rec.big2!.denominator;
    }
    expect(both / den).toBeGreaterThan(1.5 * (pre / den) * (sga / den));
  });

  it('perinatal denominators nest: births ≥ 22 w ≥ births ≥ 24 w ≥ live births ≥ 24 w; pregnancies with known status ≤ births ≥ 24 w', () => {
    const bad: string[] = [];
    for (const [k, rec] of byKey) {
      const b22 = rec.perinatal_mortality!.denominator;
      const b24 = rec.big2!.denominator;
      if (b24 > b22) bad.push(`${k} b24`);
      if (rec.low_birth_weight!.denominator > b24 || rec.no_maternity_care!.denominator !== rec.low_birth_weight!.denominator) bad.push(`${k} live`);
      if (rec.late_antenatal_care!.denominator > b24 || rec.smoking_in_pregnancy!.denominator > b24) bad.push(`${k} known`);
      for (const id of ['teenage_mothers', 'problem_debts', 'preterm', 'sga']) if (rec[id]!.denominator !== b24) bad.push(`${k} ${id}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps wijken without inhabitants, with zero births', () => {
    const empty = loadAreas().filter((a) => a.level === 'wijk' && a.inhabitants === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const a of empty) {
      const b = rows.filter((r) => r.areaCode === a.code && r.indicatorId === 'perinatal_mortality');
      expect(b.length).toBe(YEARS.length);
      for (const r of b) expect(r.denominator).toBe(0);
    }
  });

  it('takes household denominators from real gemeente households (KWB), spread over wijken by dwellings', () => {
    const gemeenten = loadGemeenteCharacteristics();
    const households = pool(byIndicator('low_income_households', [2024]), (r) => wijkToGemeente.get(r.areaCode)!, () => 0, (r) => r.denominator);
    const withChildren = pool(byIndicator('single_parent_households', [2024]), (r) => wijkToGemeente.get(r.areaCode)!, () => 0, (r) => r.denominator);
    for (const g of gemeenten) {
      const h = households.get(g.code)![1];
      expect(Math.abs(h - g.households), g.code).toBeLessThanOrEqual(0.005 * g.households + 30);
      const c = withChildren.get(g.code)![1];
      expect(Math.abs(c - (g.households * g.pctHouseholdsWithChildren) / 100), g.code).toBeLessThanOrEqual(0.005 * g.households + 30);
    }
  });
});

describe('generateDemoCounts: variation follows real area characteristics', () => {
  const gemeenteRates = (id: string) => {
    const pooled = pool(byIndicator(id), (r) => wijkToGemeente.get(r.areaCode)!, (r) => r.numerator, (r) => r.denominator);
    const gemeenten = loadGemeenteCharacteristics();
    return { gemeenten, rates: gemeenten.map((g) => pooled.get(g.code)![0] / pooled.get(g.code)![1]) };
  };

  it('gemeente Big2 rises with the share of origin outside Europe and with urbanity (Spearman)', () => {
    const { gemeenten, rates } = gemeenteRates('big2');
    expect(spearman(rates, gemeenten.map((g) => g.pctOriginOutsideEurope))).toBeGreaterThan(0.3);
    expect(spearman(rates, gemeenten.map((g) => g.urbanity))).toBeLessThan(-0.3); // 1 = very strongly urban
  });

  it('gemeente vulnerability indicators follow the same characteristics', () => {
    for (const id of ['low_income_households', 'social_assistance', 'problem_debts', 'perinatal_mortality']) {
      const { gemeenten, rates } = gemeenteRates(id);
      expect(spearman(rates, gemeenten.map((g) => g.pctOriginOutsideEurope)), id).toBeGreaterThan(0.3);
    }
  });

  it('Big2, low income and debts are high in the same wijken', () => {
    const big2 = pool(byIndicator('big2'), (r) => r.areaCode, (r) => r.numerator, (r) => r.denominator);
    const income = pool(byIndicator('low_income_households'), (r) => r.areaCode, (r) => r.numerator, (r) => r.denominator);
    const debts = pool(byIndicator('problem_debts'), (r) => r.areaCode, (r) => r.numerator, (r) => r.denominator);
    const codes = [...big2.keys()].filter((c) => big2.get(c)![1] >= 200);
    expect(codes.length).toBeGreaterThan(1_000);
    const rate = (m: Map<string, [number, number]>) => codes.map((c) => m.get(c)![0] / m.get(c)![1]);
    expect(spearman(rate(big2), rate(income))).toBeGreaterThan(0.3);
    expect(spearman(rate(big2), rate(debts))).toBeGreaterThan(0.3);
  });

  it('the most deprived wijken reach about 2–3× the national Big2, and keep their rank over the years', () => {
    // Rank wijken (≥ 100 births in each half) on 2015–2019 and measure the top decile on
    // 2020–2024: out of sample, so chance highs in the ranking years do not inflate the result.
    const first = pool(byIndicator('big2', [2015, 2016, 2017, 2018, 2019]), (r) => r.areaCode, (r) => r.numerator, (r) => r.denominator);
    const second = pool(byIndicator('big2', [2020, 2021, 2022, 2023, 2024]), (r) => r.areaCode, (r) => r.numerator, (r) => r.denominator);
    const codes = [...first.keys()].filter((c) => first.get(c)![1] >= 100 && second.get(c)![1] >= 100);
    const rate = (m: Map<string, [number, number]>, c: string) => m.get(c)![0] / m.get(c)![1];
    codes.sort((a, b) => rate(first, b) - rate(first, a));
    const top = codes.slice(0, Math.ceil(codes.length / 10));
    let num = 0;
    let den = 0;
    for (const c of top) {
      num += second.get(c)![0];
      den += second.get(c)![1];
    }
    let nNum = 0;
    let nDen = 0;
    for (const [n, d] of second.values()) {
      nNum += n;
      nDen += d;
    }
    const ratio = num / den / (nNum / nDen);
    expect(ratio).toBeGreaterThanOrEqual(1.8);
    expect(ratio).toBeLessThan(3);
    const maxRatio = Math.max(...codes.map((c) => rate(second, c))) / (nNum / nDen);
    expect(maxRatio).toBeLessThan(4);
    expect(spearman(codes.map((c) => rate(first, c)), codes.map((c) => rate(second, c)))).toBeGreaterThan(0.5);
  });
});
