// Derived figures on a small hand-made hierarchy: sums, suppression and its complement.

import { describe, expect, it } from 'vitest';
import { buildHierarchy, deriveAtlas, emptyCounts, type DerivableIndicator } from '../../src/atlas/derive.ts';
import type { Area } from '../../src/atlas/geography.ts';

const regionParents = { provincie: 'PV01', ggdregio: 'GG01', jeugdregio: 'JZ01', land: 'NL01' };
const area = (code: string, level: Area['level'], parents: Area['parents'] = {}): Area => ({ code, name: code, level, parents, validFrom: null, validTo: null, inhabitants: 0 });
const areas: Area[] = [
  area('NL01', 'land'),
  area('PV01', 'provincie', { land: 'NL01' }),
  area('GG01', 'ggdregio', { land: 'NL01' }),
  area('JZ01', 'jeugdregio', { land: 'NL01' }),
  area('GM01', 'gemeente', regionParents),
  area('GM02', 'gemeente', regionParents),
  area('GM03', 'gemeente', regionParents),
  area('WK0101', 'wijk', { gemeente: 'GM01', ...regionParents }),
  area('WK0102', 'wijk', { gemeente: 'GM01', ...regionParents }),
  area('WK0103', 'wijk', { gemeente: 'GM01', ...regionParents }),
  area('WK0201', 'wijk', { gemeente: 'GM02', ...regionParents }),
  area('WK0202', 'wijk', { gemeente: 'GM02', ...regionParents }),
  area('WK0301', 'wijk', { gemeente: 'GM03', ...regionParents }),
  area('WK0302', 'wijk', { gemeente: 'GM03', ...regionParents }),
];
const indicator: DerivableIndicator = { id: 'x', method: 'proportion', polarity: 'low-is-good', multiplier: 100, suppression: { minNumerator: 5, minDenominator: 10 } };

function derive(wijkCounts: Record<string, [number, number]>) {
  const h = buildHierarchy(areas);
  const counts = emptyCounts(areas.length);
  for (const [code, [num, den]] of Object.entries(wijkCounts)) {
    counts.numerator[h.index.get(code)!] = num;
    counts.denominator[h.index.get(code)!] = den;
  }
  const atlas = deriveAtlas(h, [indicator], [2024], () => counts);
  const s = atlas.series.get('x')![0]!;
  const at = (code: string) => {
    const i = h.index.get(code)!;
    return { num: s.numerator[i], den: s.denominator[i], value: s.value[i], suppression: s.suppression[i] };
  };
  return { at, h };
}

describe('derived figures', () => {
  it('sums counts up the hierarchy and computes the value from the sums', () => {
    const { at } = derive({ WK0101: [10, 100], WK0102: [20, 400], WK0103: [30, 500], WK0201: [5, 50], WK0202: [7, 50], WK0301: [6, 60], WK0302: [8, 40] });
    expect(at('GM01')).toMatchObject({ num: 60, den: 1000, value: 6 });
    expect(at('NL01')).toMatchObject({ num: 86, den: 1200 });
    // never the mean of percentages (which would be 7.67 % here for the three gemeenten)
    expect(at('NL01').value).toBeCloseTo((86 / 1200) * 100, 12);
    expect(at('GG01')).toMatchObject({ num: 86, den: 1200 });
  });

  it('suppresses numerators 1–4 and denominators below 10, but not a zero numerator', () => {
    const { at } = derive({ WK0101: [0, 100], WK0102: [4, 400], WK0103: [30, 9], WK0201: [5, 50], WK0202: [7, 50], WK0301: [6, 60], WK0302: [8, 40] });
    expect(at('WK0101').suppression).toBe(0);
    expect(at('WK0102').suppression).toBe(1);
    expect(at('WK0103').suppression).toBe(1);
    expect(at('WK0102').num).toBeNaN();
    expect(at('WK0102').value).toBeNaN();
  });

  it('hides a second wijk so that a single hidden wijk cannot be recovered from its gemeente', () => {
    const { at } = derive({ WK0101: [3, 100], WK0102: [20, 400], WK0103: [30, 300], WK0201: [5, 50], WK0202: [7, 50], WK0301: [6, 60], WK0302: [8, 40] });
    expect(at('WK0101').suppression).toBe(1);
    expect(at('WK0103').suppression).toBe(2); // the smaller denominator of the two others
    expect(at('WK0102').suppression).toBe(0);
    expect(at('GM01').suppression).toBe(0);
  });

  it('cascades: a hidden gemeente hides a second gemeente in its regions, and a wijk below that one', () => {
    // GM02 = 3/100: hidden (numerator 3). Its wijk 3/60 is hidden too, its wijk 0/40 is not.
    // In Nederland and the regions GM02 would then be the only hidden gemeente: GM03 (den 100 <
    // GM01's 1000) is hidden as well; and then GM03 would be the only hidden cell of its own
    // wijk equation, so one of its wijken (the smaller) is hidden.
    const { at } = derive({ WK0101: [10, 100], WK0102: [20, 400], WK0103: [30, 500], WK0201: [3, 60], WK0202: [0, 40], WK0301: [6, 60], WK0302: [8, 40] });
    expect(at('GM02').suppression).toBe(1);
    expect(at('GM03').suppression).toBe(2);
    expect(at('GM01').suppression).toBe(0);
    expect(at('WK0302').suppression).toBe(2);
    expect(at('WK0301').suppression).toBe(0);
    expect(at('NL01').suppression).toBe(0);
  });
});
