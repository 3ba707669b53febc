import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/atlas/import/index.ts';
import { brief, context, countsOf, fixtures } from './helpers.ts';

const { file } = fixtures();

const HEADER = 'area_code,year,stillbirth,gestational_age_days,birth_weight_g,sex,death_within_7_days,mother_age,sga,first_contact_day,smoking,maternity_care';

// Hand-made births. Columns: area, year, stillbirth, GA days, weight, sex, death ≤ 7 d,
// mother's age, sga, first contact day, smoking, maternity care. Empty = unknown.
const BIRTHS = [
  /* line  2 */ 'GM0001,2023,0,280,3500,f,0,30,0,60,0,1', // term, nothing special
  /* line  3 */ 'GM0001,2023,0,250,2400,m,0,19,0,80,1,1', // preterm, LBW, teen, late, smoking
  /* line  4 */ 'GM0001,2023,0,275,2450,f,0,25,1,70,0,0', // SGA, LBW, contact on day 70 (not late), no care
  /* line  5 */ 'GM0001,2023,1,200,600,m,,35,,90,,', //     stillbirth, preterm, sga unknown, late
  /* line  6 */ 'GM0001,2023,0,160,400,f,1,18,1,50,1,0', // 22+6 weeks: perinatal mortality only (died)
  /* line  7 */ 'GM0001,2023,0,150,300,m,1,17,1,40,1,0', // 21+3 weeks: counts nowhere
  /* line  8 */ 'GM0001,2023,0,285,,x,,,,,,', //            term, everything else unknown
  /* line  9 */ 'GM0001,2023,0,240,1800,,1,22,,100,0,1', // preterm, sga unknown, died, LBW, late
  /* line 10 */ 'GM0001,2023,1,168,500,f,,19,1,70,1,', //   exactly 24 weeks: included; stillbirth, SGA, teen, smoking
  /* line 11 */ 'GM0001,2023,0,259,2500,m,0,20,0,71,0,1', // exactly 37 weeks: term; 2500 g not LBW; 20 not teen; day 71 late
  /* line 12 */ 'GM0001,2023,0,154,350,m,0,24,0,65,0,1', // exactly 22 weeks: perinatal mortality only (survived)
  /* line 13 */ 'GM0002,2023,0,270,3000,m,0,28,0,60,0,1', // another area
  /* line 14 */ 'GM0001,2024,1,150,250,f,,31,,,,', //         another year, below 22 weeks
];

// GM0001, 2023 (lines 2–12). Births from 24 weeks (GA ≥ 168): lines 2, 3, 4, 5, 8, 9, 10, 11 = 8.
const GM0001_2023: Record<string, [number, number]> = {
  // preterm: den 8; num GA < 259: lines 3 (250), 5 (200), 9 (240), 10 (168) = 4.
  preterm: [4, 8],
  // sga: den = GA ≥ 168 with known sga: lines 2, 3, 4, 10, 11 = 5 (5, 8, 9 unknown); num sga = 1: lines 4, 10 = 2.
  sga: [2, 5],
  // big2: den = known sga (2, 3, 4, 10, 11) + preterm with unknown sga (5, 9) = 7; line 8 (term, unknown) left out.
  //       num = preterm or sga: lines 3, 4, 5, 9, 10 = 5.
  big2: [5, 7],
  // low_birth_weight: live births GA ≥ 168 with known weight: lines 2, 3, 4, 9, 11 = 5 (8 unknown; 5, 10 stillborn);
  //       num < 2500 g: lines 3 (2400), 4 (2450), 9 (1800) = 3.
  low_birth_weight: [3, 5],
  // perinatal_mortality: GA ≥ 154: lines 2, 3, 4, 5, 6, 8, 9, 10, 11, 12 (line 7 is 150 days).
  //       den = stillbirths 5, 10 (2) + live births with known 7-day outcome 2, 3, 4, 6, 9, 11, 12 (7) = 9; line 8 unknown.
  //       num = stillbirths 5, 10 + deaths 6, 9 = 4.
  perinatal_mortality: [4, 9],
  // teenage_mothers: GA ≥ 168 with known age: 2, 3, 4, 5, 9, 10, 11 = 7; num < 20: lines 3 (19), 10 (19) = 2.
  teenage_mothers: [2, 7],
  // late_antenatal_care: GA ≥ 168 with known first contact: 2, 3, 4, 5, 9, 10, 11 = 7;
  //       num > day 70: lines 3 (80), 5 (90), 9 (100), 11 (71) = 4.
  late_antenatal_care: [4, 7],
  // smoking_in_pregnancy: GA ≥ 168 with known smoking: 2, 3, 4, 9, 10, 11 = 6; num: lines 3, 10 = 2.
  smoking_in_pregnancy: [2, 6],
  // no_maternity_care: live births GA ≥ 168 with known care: 2, 3, 4, 9, 11 = 5; num care = 0: line 4 = 1.
  no_maternity_care: [1, 5],
};

const ALL_BIRTH_INDICATORS = [
  'big2',
  'preterm',
  'sga',
  'low_birth_weight',
  'perinatal_mortality',
  'teenage_mothers',
  'late_antenatal_care',
  'smoking_in_pregnancy',
  'no_maternity_care',
];

/** The days of BIRTHS written as weeks (+ days), for the gestational_age_weeks variant. */
const WEEKS: Record<string, string> = {
  '280': '40',
  '250': '35+5',
  '275': '39+2',
  '200': '28+4',
  '160': '22+6',
  '150': '21+3',
  '285': '40+5',
  '240': '34+2',
  '168': '24',
  '259': '37+0',
  '154': '22',
  '270': '38+4',
};

function inWeeks(line: string): string {
  const cells = line.split(',');
  cells[3] = WEEKS[cells[3]!]!;
  return cells.join(',');
}

/** Keeps only the named columns of HEADER and BIRTHS. */
function withColumns(columns: string[]): string {
  const names = HEADER.split(',');
  const keep = columns.map((c) => names.indexOf(c));
  const pick = (line: string) => keep.map((i) => line.split(',')[i]).join(',');
  return [pick(HEADER), ...BIRTHS.map(pick)].join('\n') + '\n';
}

describe('birth-level file: aggregation', () => {
  it('aggregates births into counts per area, year and indicator (worked out by hand)', async () => {
    const r = await readImportFile(file(`${HEADER}\n${BIRTHS.join('\n')}\n`), context);
    expect(r.issues).toEqual([]);
    expect(r.kind).toBe('births');
    expect(r.recordsRead).toBe(13);
    expect(r.indicatorsProduced).toEqual(ALL_BIRTH_INDICATORS);
    for (const [indicator, counts] of Object.entries(GM0001_2023)) {
      expect(countsOf(r.rows, 'GM0001', 2023, indicator), indicator).toEqual(counts);
    }
    // GM0002, 2023: one live, term, normal-weight birth with everything known and nothing counted.
    for (const indicator of ALL_BIRTH_INDICATORS) expect(countsOf(r.rows, 'GM0002', 2023, indicator), indicator).toEqual([0, 1]);
    // GM0001, 2024: only a birth below 22 weeks, which counts nowhere; the area-year still gets 0 / 0 rows.
    for (const indicator of ALL_BIRTH_INDICATORS) expect(countsOf(r.rows, 'GM0001', 2024, indicator), indicator).toEqual([0, 0]);
    expect(r.rows).toHaveLength(3 * 9);
  });

  it('gives the same counts with gestational_age_weeks (37, 36.5, 37+2 forms)', async () => {
    const days = await readImportFile(file(`${HEADER}\n${BIRTHS.join('\n')}\n`), context);
    const weeksText = `${HEADER.replace('gestational_age_days', 'gestational_age_weeks')}\n${BIRTHS.map(inWeeks).join('\n')}\n`;
    const weeks = await readImportFile(file(weeksText), context);
    expect(weeks.issues).toEqual([]);
    expect(weeks.rows).toEqual(days.rows);
  });

  it('reads decimal weeks: 36.9 weeks is preterm, 37.0 is not; a decimal comma in a semicolon file', async () => {
    const comma = await readImportFile(file('area_code,year,stillbirth,gestational_age_weeks\nGM0001,2023,0,36.9\nGM0001,2023,0,37.0\nGM0001,2023,0,23.9\n'), context);
    // 36.9 weeks = 258.3 days < 259: preterm; 37.0 = 259 days: term; 23.9 weeks = 167.3 days: below 24 weeks.
    expect(comma.issues).toEqual([]);
    expect(countsOf(comma.rows, 'GM0001', 2023, 'preterm')).toEqual([1, 2]);
    const semicolon = await readImportFile(file('area_code;year;stillbirth;gestational_age_weeks\nGM0001;2023;0;36,9\nGM0001;2023;0;37\nGM0001;2023;0;23,9\n'), context);
    expect(semicolon.issues).toEqual([]);
    expect(semicolon.rows).toEqual(comma.rows);
  });

  it('produces only preterm when no optional column is present (no zeros for the rest)', async () => {
    const r = await readImportFile(file(withColumns(['area_code', 'year', 'stillbirth', 'gestational_age_days'])), context);
    expect(r.issues).toEqual([]);
    expect(r.indicatorsProduced).toEqual(['preterm']);
    expect(new Set(r.rows.map((row) => row.indicatorId))).toEqual(new Set(['preterm']));
    expect(countsOf(r.rows, 'GM0001', 2023, 'preterm')).toEqual([4, 8]);
  });

  it('produces an indicator only when its column is present', async () => {
    const r = await readImportFile(file(withColumns(['sga', 'gestational_age_days', 'area_code', 'stillbirth', 'year', 'smoking'])), context);
    expect(r.issues).toEqual([]);
    expect(r.indicatorsProduced).toEqual(['big2', 'preterm', 'sga', 'smoking_in_pregnancy']);
    expect(new Set(r.rows.map((row) => row.indicatorId))).toEqual(new Set(r.indicatorsProduced));
    expect(countsOf(r.rows, 'GM0001', 2023, 'big2')).toEqual([5, 7]);
    expect(countsOf(r.rows, 'GM0001', 2023, 'smoking_in_pregnancy')).toEqual([2, 6]);
    expect(countsOf(r.rows, 'GM0001', 2023, 'perinatal_mortality')).toBeUndefined();

    const mortality = await readImportFile(file(withColumns(['area_code', 'year', 'stillbirth', 'gestational_age_days', 'death_within_7_days'])), context);
    expect(mortality.indicatorsProduced).toEqual(['preterm', 'perinatal_mortality']);
    expect(countsOf(mortality.rows, 'GM0001', 2023, 'perinatal_mortality')).toEqual([4, 9]);
  });

  it('does not produce an indicator the atlas does not know', async () => {
    const ids = new Set([...context.indicatorIds].filter((id) => id !== 'smoking_in_pregnancy'));
    const r = await readImportFile(file(withColumns(['area_code', 'year', 'stillbirth', 'gestational_age_days', 'smoking'])), { ...context, indicatorIds: ids });
    expect(brief(r.issues)).toEqual([[1, 'smoking', "this file gives the indicator 'smoking_in_pregnancy', which this atlas does not know"]]);
    expect(r.indicatorsProduced).toEqual(['preterm']);
  });

  it('reads quoted cells, CRLF, a BOM and upper-case header names', async () => {
    const text = `\uFEFF${HEADER.toUpperCase()}\r\n${BIRTHS.map((l) => l.replace(/^GM0001/, '"GM0001"')).join('\r\n')}\r\n`;
    const r = await readImportFile(file(text), context);
    expect(r.issues).toEqual([]);
    expect(countsOf(r.rows, 'GM0001', 2023, 'big2')).toEqual([5, 7]);
    expect(countsOf(r.rows, 'GM0001', 2023, 'perinatal_mortality')).toEqual([4, 9]);
  });
});

describe('birth-level file: validation', () => {
  it('rejects bad values, naming line and field', async () => {
    const lines = [
      /*  2 */ 'GM9999,2023,0,280,3500,f,0,30,0,60,0,1',
      /*  3 */ 'GM0001,20x3,0,280,3500,f,0,30,0,60,0,1',
      /*  4 */ 'GM0001,2014,0,280,3500,f,0,30,0,60,0,1',
      /*  5 */ 'GM0001,2023,2,280,3500,f,0,30,0,60,0,1',
      /*  6 */ 'GM0001,2023,,280,3500,f,0,30,0,60,0,1',
      /*  7 */ 'GM0001,2023,0,321,3500,f,0,30,0,60,0,1',
      /*  8 */ 'GM0001,2023,0,,3500,f,0,30,0,60,0,1',
      /*  9 */ 'GM0001,2023,0,255.5,3500,f,0,30,0,60,0,1',
      /* 10 */ 'GM0001,2023,0,280,99,f,0,30,0,60,0,1',
      /* 11 */ 'GM0001,2023,0,280,7001,f,0,30,0,60,0,1',
      /* 12 */ 'GM0001,2023,0,280,abc,f,0,30,0,60,0,1',
      /* 13 */ 'GM0001,2023,0,280,3500,q,0,30,0,60,0,1',
      /* 14 */ 'GM0001,2023,0,280,3500,f,2,30,0,60,0,1',
      /* 15 */ 'GM0001,2023,0,280,3500,f,0,9,0,60,0,1',
      /* 16 */ 'GM0001,2023,0,280,3500,f,0,61,0,60,0,1',
      /* 17 */ 'GM0001,2023,0,280,3500,f,0,30,yes,60,0,1',
      /* 18 */ 'GM0001,2023,0,280,3500,f,0,30,0,400,0,1',
      /* 19 */ 'GM0001,2023,0,280,3500,f,0,30,0,60,2,1',
      /* 20 */ 'GM0001,2023,0,280,3500,f,0,30,0,60,0,3',
      /* 21 */ 'GM0001,2023,0,280,3500,f,0,30,0,60,0',
      /* 22 */ 'GM0001,2023,0,-1,-5,F,0,30.5,0,60,0,1',
    ];
    const r = await readImportFile(file(`${HEADER}\n${lines.join('\n')}\n`), context);
    expect(brief(r.issues)).toEqual([
      [2, 'area_code', "'GM9999' is not a known area code"],
      [3, 'year', "'20x3' is not a year (expected a year from 2000 to 2100, such as 2023 or 2023JJ00)"],
      [4, 'year', "'2014' is outside the years of this atlas (2015–2024)"],
      [5, 'stillbirth', "'2' is not 0 or 1"],
      [6, 'stillbirth', 'is empty; 0 or 1 is required'],
      [7, 'gestational_age_days', "'321' is out of range: the gestational age must be 0–320 days"],
      [8, 'gestational_age_days', 'is empty; the gestational age is required'],
      [9, 'gestational_age_days', "'255.5' is not a whole number of days"],
      [10, 'birth_weight_g', "'99' is out of range: birth weight must be 100–7000 g"],
      [11, 'birth_weight_g', "'7001' is out of range: birth weight must be 100–7000 g"],
      [12, 'birth_weight_g', "'abc' is not a birth weight in grams"],
      [13, 'sex', "'q' is not a sex code (m, f, x, or empty for unknown)"],
      [14, 'death_within_7_days', "'2' is not 0 or 1 (leave the cell empty when unknown)"],
      [15, 'mother_age', "'9' is out of range: mother's age must be 10–60 years"],
      [16, 'mother_age', "'61' is out of range: mother's age must be 10–60 years"],
      [17, 'sga', "'yes' is not 0 or 1 (leave the cell empty when unknown)"],
      [18, 'first_contact_day', "'400' is out of range: first contact must be gestational day 0–320"],
      [19, 'smoking', "'2' is not 0 or 1 (leave the cell empty when unknown)"],
      [20, 'maternity_care', "'3' is not 0 or 1 (leave the cell empty when unknown)"],
      [21, null, `expected 12 fields (${HEADER}), found 11`],
      [22, 'gestational_age_days', "'-1' is negative"],
      [22, 'birth_weight_g', "'-5' is negative"],
    ]);
    // A line with an issue is not counted; here no line is valid, so there are no rows.
    expect(r.rows).toEqual([]);
  });

  it('rejects bad gestational ages in weeks', async () => {
    const text = 'area_code,year,stillbirth,gestational_age_weeks\nGM0001,2023,0,37+9\nGM0001,2023,0,46\nGM0001,2023,0,abc\nGM0001,2023,0,"36,5"\nGM0001,2023,0,37+2\n';
    const r = await readImportFile(file(text), context);
    expect(brief(r.issues)).toEqual([
      [2, 'gestational_age_weeks', "'37+9' is not a gestational age in weeks (such as 37, 36.5 or 37+2)"],
      [3, 'gestational_age_weeks', "'46' is out of range: the gestational age must be 0–320 days (0–45+5 weeks)"],
      [4, 'gestational_age_weeks', "'abc' is not a gestational age in weeks (such as 37, 36.5 or 37+2)"],
      [5, 'gestational_age_weeks', "'36,5': a decimal comma is only allowed in semicolon-separated files; use a decimal point"],
    ]);
  });

  it('reports a missing required column, a missing gestational age, both gestational ages, an unknown column', async () => {
    const noStillbirth = await readImportFile(file('area_code,year,gestational_age_days\nGM0001,2023,280\n'), context);
    expect(brief(noStillbirth.issues)).toEqual([[1, 'stillbirth', "required column 'stillbirth' is missing"]]);
    expect(noStillbirth.kind).toBe('births');

    const noGa = await readImportFile(file('area_code,year,stillbirth,sga\nGM0001,2023,0,1\n'), context);
    expect(brief(noGa.issues)).toEqual([[1, 'gestational_age_days', "required column 'gestational_age_days' (or 'gestational_age_weeks') is missing"]]);

    const both = await readImportFile(file('area_code,year,stillbirth,gestational_age_days,gestational_age_weeks\nGM0001,2023,0,280,40\n'), context);
    expect(brief(both.issues)).toEqual([[1, 'gestational_age_weeks', 'give the gestational age in one column only: gestational_age_days or gestational_age_weeks, not both']]);

    const unknown = await readImportFile(file('area_code,year,stillbirth,gestational_age_days,weight\nGM0001,2023,0,280,3000\n'), context);
    expect(unknown.issues).toHaveLength(1);
    expect(unknown.issues[0]).toMatchObject({ line: 1, field: 'weight', message: expect.stringMatching(/^unknown column 'weight'; a birth-level file has the columns area_code, year, /) });
  });
});
