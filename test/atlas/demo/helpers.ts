// Small statistics helpers for the demo-data tests (kept independent of the generator).

/** Average ranks (ties share their mean rank). */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(ranks(a), ranks(b));
}

/** Sums numerator and denominator per key. */
export function pool<T>(rows: Iterable<T>, key: (row: T) => string | null, num: (row: T) => number, den: (row: T) => number): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    let acc = out.get(k);
    if (!acc) out.set(k, (acc = [0, 0]));
    acc[0] += num(row);
    acc[1] += den(row);
  }
  return out;
}
