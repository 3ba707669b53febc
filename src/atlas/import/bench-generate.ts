// Simple synthetic import files for the reader's benchmark (not the atlas's demo generator):
// a birth-level file with the full header and rough Dutch proportions, and a long file.

import { closeSync, openSync, writeSync } from 'node:fs';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_BIRTH_HEADER =
  'area_code,year,stillbirth,gestational_age_days,birth_weight_g,sex,death_within_7_days,mother_age,sga,first_contact_day,smoking,maternity_care';

class BufferedWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly fd: number;
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  line(text: string): void {
    this.parts.push(text);
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('\n') + '\n';
    this.bytes += writeSync(this.fd, chunk);
    this.parts = [];
    this.size = 0;
  }

  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.bytes;
  }
}

/**
 * Writes `rows` births in random area order. About 7 % preterm, 0.4 % stillborn, 10 % SGA;
 * a few percent of the optional cells empty; one area code in a thousand quoted (the slow
 * path of the reader). Returns the file size in bytes.
 */
export function writeBirthFile(path: string, rows: number, areaCodes: readonly string[], years: readonly number[], seed = 1): number {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out = new BufferedWriter(path);
  out.line(BENCH_BIRTH_HEADER);
  for (let i = 0; i < rows; i++) {
    const area = pick(areaCodes);
    const year = pick(years);
    const u = random();
    const ga =
      u < 0.003 ? 120 + Math.floor(random() * 34) : u < 0.008 ? 154 + Math.floor(random() * 14) : u < 0.075 ? 168 + Math.floor(random() * 91) : 259 + Math.floor(random() * 36);
    const still = random() < (ga < 196 ? 0.15 : 0.003) ? 1 : 0;
    const weight = Math.max(300, Math.round(3450 - (280 - ga) * 38 + (random() - 0.5) * 900));
    const s = random();
    const sex = s < 0.005 ? '' : s < 0.006 ? 'x' : s < 0.5 ? 'm' : 'f';
    const death = still === 1 ? '' : random() < (ga < 196 ? 0.08 : 0.0015) ? '1' : '0';
    const age = random() < 0.02 ? '' : String(16 + Math.floor(random() * 28));
    const sgaCell = random() < 0.02 ? '' : random() < 0.1 ? '1' : '0';
    const contact = random() < 0.05 ? '' : String(40 + Math.floor(random() * 80));
    const smoking = random() < 0.03 ? '' : random() < 0.05 ? '1' : '0';
    const care = random() < 0.02 ? '' : random() < 0.035 ? '0' : '1';
    const areaCell = i % 1000 === 999 ? `"${area}"` : area;
    out.line(`${areaCell},${year},${still},${ga},${weight},${sex},${death},${age},${sgaCell},${contact},${smoking},${care}`);
  }
  return out.close();
}

/**
 * Writes a long file: every area × indicator × year once, with random counts. `cbs` writes it
 * the way CBS exports do: semicolons, every field quoted, codes padded, periods as 2023JJ00.
 */
export function writeLongFile(
  path: string,
  areaCodes: readonly string[],
  indicatorIds: readonly string[],
  years: readonly number[],
  options: { seed?: number; cbs?: boolean } = {},
): { rows: number; bytes: number } {
  const random = rng(options.seed ?? 2);
  const out = new BufferedWriter(path);
  const cbs = options.cbs === true;
  out.line(cbs ? '"area_code";"period";"indicator";"numerator";"denominator"' : 'area_code,period,indicator,numerator,denominator');
  let rows = 0;
  for (const area of areaCodes) {
    for (const year of years) {
      for (const indicator of indicatorIds) {
        const denominator = 20 + Math.floor(random() * 2000);
        const numerator = Math.floor(random() * denominator * 0.2);
        out.line(
          cbs
            ? `"${area.padEnd(10)}";"${year}JJ00";"${indicator}";"${numerator}";"${denominator}"`
            : `${area},${year},${indicator},${numerator},${denominator}`,
        );
        rows++;
      }
    }
  }
  return { rows, bytes: out.close() };
}
