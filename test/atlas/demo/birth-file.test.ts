import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadAreas } from '../../../src/atlas/geography.ts';
import { INDICATORS } from '../../../src/atlas/indicator-catalogue.ts';
import { BIRTH_FILE_HEADER, writeBirthFile } from '../../../src/atlas/demo/birth-file.ts';
import { generateDemoCounts } from '../../../src/atlas/demo/demo-counts.ts';
import { birthWeightP10 } from '../../../src/atlas/demo/perinatal.ts';
import { EXTRA_CALIBRATION, buildRateModel, nationalExpectedRate } from '../../../src/atlas/demo/rate-model.ts';
import { pool, spearman } from './helpers.ts';

const HEADER = [
  'area_code',
  'year',
  'gestational_age_days',
  'birth_weight_g',
  'sex',
  'stillbirth',
  'death_within_7_days',
  'mother_age',
  'sga',
  'first_contact_day',
  'smoking',
  'maternity_care',
];
const YEARS = [2019, 2021];

let dir: string;
let path: string;
let written: { rows: number };
let progress: number[] = [];
let seconds = 0;
let records: Record<string, string>[];
let text: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kansrijk-births-'));
  path = join(dir, 'births.csv');
  const started = performance.now();
  written = await writeBirthFile(path, { years: YEARS, onProgress: (n) => progress.push(n) });
  seconds = (performance.now() - started) / 1000;
  text = readFileSync(path, 'utf8');
  records = parse(text, { columns: true, skip_empty_lines: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What the indicator definitions give when this file is aggregated (as the importer does). */
function aggregate(rows: Record<string, string>[]) {
  const acc = { b22: 0, b24: 0, pm: 0, sb: 0, preterm: 0, sga: 0, big2: 0, lt26: 0, live24: 0, lbw: 0, noCare: 0, teen: 0, contactKnown: 0, late: 0, smokingKnown: 0, smoking: 0 };
  for (const r of rows) {
    const ga = Number(r.gestational_age_days);
    const still = r.stillbirth === '1';
    acc.b22++;
    if (still || r.death_within_7_days === '1') acc.pm++;
    if (still) acc.sb++;
    if (ga < 168) continue;
    acc.b24++;
    const preterm = ga < 259;
    if (preterm) acc.preterm++;
    if (r.sga === '1') acc.sga++;
    if (preterm || r.sga === '1') acc.big2++;
    if (ga < 182) acc.lt26++;
    if (!still) {
      acc.live24++;
      if (Number(r.birth_weight_g) < 2500) acc.lbw++;
      if (r.maternity_care === '0') acc.noCare++;
    }
    if (Number(r.mother_age) < 20) acc.teen++;
    if (r.first_contact_day !== '') {
      acc.contactKnown++;
      if (Number(r.first_contact_day) > 70) acc.late++;
    }
    if (r.smoking !== '') {
      acc.smokingKnown++;
      if (r.smoking === '1') acc.smoking++;
    }
  }
  return acc;
}

function catalogueTarget(id: string, year: number): number {
  const ind = INDICATORS.find((i) => i.id === id)!;
  return (ind.demo.value + ind.demo.yearlyChange * (year - ind.demo.year)) / ind.multiplier;
}

/** |observed − expected| within 4.5 binomial SE (see demo-counts.test.ts for the reasoning). */
function expectNear(num: number, den: number, expected: number, what: string) {
  const se = Math.sqrt((expected * (1 - expected)) / den);
  expect(Math.abs(num / den - expected), `${what}: ${(num / den).toFixed(5)} vs ${expected.toFixed(5)}`).toBeLessThan(4.5 * se);
}

describe('writeBirthFile', () => {
  it('writes exactly the documented header', () => {
    expect(text.slice(0, text.indexOf('\n'))).toBe(HEADER.join(','));
    expect(BIRTH_FILE_HEADER).toBe(HEADER.join(','));
  });

  it('writes one row per birth, as many as it reports, ~168,000 a year, with progress reports', () => {
    expect(records.length).toBe(written.rows);
    expect(written.rows / YEARS.length).toBeGreaterThan(155_000);
    expect(written.rows / YEARS.length).toBeLessThan(185_000);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(progress.at(-1)).toBe(written.rows);
  });

  it('has valid values in every column', () => {
    const wijken = new Set(loadAreas().filter((a) => a.level === 'wijk').map((a) => a.code));
    const problems: string[] = [];
    const isInt = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
    for (const r of records) {
      const ga = Number(r.gestational_age_days);
      const weight = Number(r.birth_weight_g);
      const age = Number(r.mother_age);
      if (!wijken.has(r.area_code!) || !r.area_code!.startsWith('WK')) problems.push(`area ${r.area_code}`);
      if (!YEARS.includes(Number(r.year))) problems.push(`year ${r.year}`);
      if (!isInt(r.gestational_age_days) || ga < 154 || ga > 300) problems.push(`ga ${r.gestational_age_days}`);
      if (!isInt(r.birth_weight_g) || weight < 300 || weight > 6500) problems.push(`weight ${r.birth_weight_g}`);
      if (r.sex !== 'm' && r.sex !== 'f') problems.push(`sex ${r.sex}`);
      if (r.stillbirth !== '0' && r.stillbirth !== '1') problems.push(`stillbirth ${r.stillbirth}`);
      if (r.death_within_7_days !== '0' && r.death_within_7_days !== '1') problems.push(`death ${r.death_within_7_days}`);
      if (r.stillbirth === '1' && r.death_within_7_days !== '0') problems.push('stillbirth with death_within_7_days');
      if (!isInt(r.mother_age) || age < 15 || age > 50) problems.push(`age ${r.mother_age}`);
      if (r.sga !== '0' && r.sga !== '1') problems.push(`sga ${r.sga}`);
      if (r.first_contact_day !== '' && (!isInt(r.first_contact_day) || Number(r.first_contact_day) >= ga)) problems.push(`contact ${r.first_contact_day} at ga ${ga}`);
      if (!['', '0', '1'].includes(r.smoking!)) problems.push(`smoking ${r.smoking}`);
      if (r.stillbirth === '1' ? r.maternity_care !== '' : r.maternity_care !== '0' && r.maternity_care !== '1') problems.push(`care ${r.maternity_care}`);
      if (problems.length > 10) break;
    }
    expect(problems).toEqual([]);
  });

  it('chooses birth weights consistent with the sga flag (internal p10) and plausible for gestation', () => {
    let inconsistent = 0;
    let termWeights = 0;
    let termSum = 0;
    for (const r of records) {
      const ga = Number(r.gestational_age_days);
      const w = Number(r.birth_weight_g);
      const below = w < birthWeightP10(ga, r.sex === 'm');
      if (below !== (r.sga === '1')) inconsistent++;
      if (ga >= 273 && ga < 287) {
        termWeights++;
        termSum += w;
      }
    }
    expect(inconsistent).toBe(0);
    // mean birth weight at 39–40 weeks in the Netherlands is about 3.4–3.6 kg
    expect(termSum / termWeights).toBeGreaterThan(3_300);
    expect(termSum / termWeights).toBeLessThan(3_700);
  });

  it('has the births of the demo counts: the same number per wijk-year', () => {
    const counts = generateDemoCounts({ years: YEARS }).filter((r) => r.indicatorId === 'perinatal_mortality');
    const perWijkYear = new Map<string, number>();
    for (const r of records) {
      const k = `${r.area_code}|${r.year}`;
      perWijkYear.set(k, (perWijkYear.get(k) ?? 0) + 1);
    }
    const mismatched = counts.filter((c) => (perWijkYear.get(`${c.areaCode}|${c.period}`) ?? 0) !== c.denominator);
    expect(mismatched).toEqual([]);
  });

  it('reproduces the national calibration targets when aggregated with the indicator definitions', () => {
    for (const year of YEARS) {
      const a = aggregate(records.filter((r) => Number(r.year) === year));
      expectNear(a.big2, a.b24, catalogueTarget('big2', year), `big2 ${year}`);
      expectNear(a.preterm, a.b24, catalogueTarget('preterm', year), `preterm ${year}`);
      expectNear(a.sga, a.b24, catalogueTarget('sga', year), `sga ${year}`);
      expectNear(a.lbw, a.live24, catalogueTarget('low_birth_weight', year), `low birth weight ${year}`);
      expectNear(a.pm, a.b22, catalogueTarget('perinatal_mortality', year), `perinatal mortality ${year}`);
      const sbTarget = (EXTRA_CALIBRATION.stillbirth.value + EXTRA_CALIBRATION.stillbirth.yearlyChange * (year - EXTRA_CALIBRATION.stillbirth.year)) / 1000;
      expectNear(a.sb, a.b22, sbTarget, `stillbirth ${year}`);
      expectNear(a.teen, a.b24, catalogueTarget('teenage_mothers', year), `teenage mothers ${year}`);
      expectNear(a.late, a.contactKnown, catalogueTarget('late_antenatal_care', year), `late care ${year}`);
      expectNear(a.smoking, a.smokingKnown, catalogueTarget('smoking_in_pregnancy', year), `smoking ${year}`);
      expectNear(a.noCare, a.live24, catalogueTarget('no_maternity_care', year), `no maternity care ${year}`);
      // the real < 26 weeks share (0.15 % of births, 2021)
      expectNear(a.lt26, a.b24, 0.0015, `< 26 weeks ${year}`);
      // unknowns are a small share
      expect(1 - a.contactKnown / a.b24).toBeLessThan(0.03);
      expect(1 - a.smokingKnown / a.b24).toBeLessThan(0.05);
    }
    const a2021 = aggregate(records.filter((r) => r.year === '2021'));
    expect(Math.abs(a2021.big2 / a2021.b24 / 0.148 - 1)).toBeLessThan(0.02);
  });

  it('keeps the areas of the rate model: gemeente Big2 from the file tracks the model', () => {
    const model = buildRateModel({ years: YEARS });
    const gemeenteOf = new Map(model.wijken.map((w) => [w.code, w.gemeenteCode]));
    const file = pool(
      records.filter((r) => Number(r.gestational_age_days) >= 168),
      (r) => gemeenteOf.get(r.area_code!)!,
      (r) => (Number(r.gestational_age_days) < 259 || r.sga === '1' ? 1 : 0),
      () => 1,
    );
    const counts = pool(
      generateDemoCounts({ years: YEARS }).filter((r) => r.indicatorId === 'big2'),
      (r) => gemeenteOf.get(r.areaCode)!,
      (r) => r.numerator,
      (r) => r.denominator,
    );
    const codes = [...file.keys()].filter((g) => file.get(g)![1] >= 500);
    expect(codes.length).toBeGreaterThan(150);
    const rate = (m: Map<string, [number, number]>) => codes.map((g) => m.get(g)![0] / m.get(g)![1]);
    expect(spearman(rate(file), rate(counts))).toBeGreaterThan(0.6);
    expect(nationalExpectedRate(model, 'big2', 2021)).toBeCloseTo(0.148, 9);
  });

  it('is reproducible for a seed and differs for another seed', async () => {
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    await writeBirthFile(a, { seed: 5, years: [2024] });
    await writeBirthFile(b, { seed: 5, years: [2024] });
    await writeBirthFile(c, { seed: 6, years: [2024] });
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash(c));
  });

  it('can be sized for a benchmark (targetRows) without changing the rates', async () => {
    const p = join(dir, 'sized.csv');
    const { rows } = await writeBirthFile(p, { years: [2021], targetRows: 20_000 });
    expect(Math.abs(rows / 20_000 - 1)).toBeLessThan(0.03);
    const sized: Record<string, string>[] = parse(readFileSync(p, 'utf8'), { columns: true });
    expect(sized.length).toBe(rows);
    const a = aggregate(sized);
    expectNear(a.big2, a.b24, 0.148, 'big2 in a sized file');
  });

  it('is fast (target ≥ 300k rows/s; loose bound for a busy test machine)', () => {
    expect(written.rows / seconds).toBeGreaterThan(100_000);
  });

  it('removes a half-written file and rejects when it cannot write', async () => {
    await expect(writeBirthFile(join(dir, 'no-such-dir', 'x.csv'), { years: [2024] })).rejects.toThrow();
  });
});
