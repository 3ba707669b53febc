import { describe, expect, it } from 'vitest';
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { Rng, hashKeys, hashString, logFactorial, normalCdf, normalQuantile } from '../../src/platform/random.ts';

/** Exact binomial pmf via log-factorials computed by plain summation (independent of the sampler's table). */
function binomialPmf(n: number, p: number): number[] {
  const lf = [0];
  for (let k = 1; k <= n; k++) lf.push(lf[k - 1]! + Math.log(k));
  return Array.from({ length: n + 1 }, (_, k) => Math.exp(lf[n]! - lf[k]! - lf[n - k]! + k * Math.log(p) + (n - k) * Math.log1p(-p)));
}

/** Pearson chi-square of draws against the pmf, pooling cells with expectation < 5; returns [statistic, degrees of freedom]. */
function chiSquare(counts: Map<number, number>, pmf: number[], draws: number): [number, number] {
  let stat = 0;
  let df = -1;
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let k = 0; k < pmf.length; k++) {
    pooledObserved += counts.get(k) ?? 0;
    pooledExpected += pmf[k]! * draws;
    if (pooledExpected >= 5) {
      stat += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      df++;
      pooledObserved = 0;
      pooledExpected = 0;
    }
  }
  if (pooledExpected > 0) stat += (pooledObserved - pooledExpected) ** 2 / Math.max(pooledExpected, 1e-9);
  return [stat, df];
}

describe('seeded PRNG', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 100 }, () => a.nextUint32());
    const xb = Array.from({ length: 100 }, () => b.nextUint32());
    const xc = Array.from({ length: 100 }, () => c.nextUint32());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('gives uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(1);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      sq += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // SE of the mean = sqrt(1/12 / n) ≈ 0.00065; 5 SE
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('gives standard normals', () => {
    const rng = new Rng(2);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sq += z * z;
      if (z < -1.96) below++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(below / n - 0.025)).toBeLessThan(5 * Math.sqrt((0.025 * 0.975) / n));
  });

  it('hashes keys and strings deterministically and order-sensitively', () => {
    expect(hashKeys(1, 2, 3)).toBe(hashKeys(1, 2, 3));
    expect(hashKeys(1, 2, 3)).not.toBe(hashKeys(3, 2, 1));
    expect(hashString('WK036300')).toBe(hashString('WK036300'));
    expect(hashString('WK036300')).not.toBe(hashString('WK036301'));
  });
});

describe('binomial sampler', () => {
  // Both algorithms: inversion (n·p < 10) and BTRS (n·p ≥ 10), and the p > 0.5 mirror.
  const cases: [number, number][] = [
    [20, 0.05],
    [60, 0.15],
    [5_000, 0.001],
    [200, 0.148],
    [1_000, 0.5],
    [5_000, 0.066],
    [40_000, 0.075],
    [300, 0.97],
  ];
  for (const [n, p] of cases) {
    it(`matches Binomial(${n}, ${p}) (chi-square goodness of fit)`, () => {
      const rng = new Rng(n * 31 + Math.round(p * 1000));
      const draws = 100_000;
      const counts = new Map<number, number>();
      let invalid = 0;
      for (let i = 0; i < draws; i++) {
        const k = rng.binomial(n, p);
        if (!(Number.isInteger(k) && k >= 0 && k <= n)) invalid++;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      expect(invalid).toBe(0);
      const pmf = n <= 5_000 ? binomialPmf(n, p) : null;
      if (pmf) {
        const [stat, df] = chiSquare(counts, pmf, draws);
        // 99.99th percentile of chi-square(df) is below df + 6·sqrt(2·df) + 10 for these df
        expect(stat).toBeLessThan(df + 6 * Math.sqrt(2 * df) + 10);
      }
      let mean = 0;
      for (const [k, c] of counts) mean += k * c;
      mean /= draws;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws));
    });
  }

  it('handles the edges', () => {
    const rng = new Rng(3);
    expect(rng.binomial(0, 0.5)).toBe(0);
    expect(rng.binomial(10, 0)).toBe(0);
    expect(rng.binomial(10, 1)).toBe(10);
    expect(rng.binomial(10, Number.NaN)).toBe(0);
  });

  it('is fast for the sizes the generator uses', () => {
    const rng = new Rng(4);
    const started = performance.now();
    let total = 0;
    for (let i = 0; i < 200_000; i++) total += rng.binomial(1 + (i % 5_000), 0.148);
    expect(total).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('normal distribution helpers', () => {
  it('normalQuantile agrees with @stdlib', () => {
    for (const p of [1e-9, 1e-4, 0.01, 0.02425, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999, 1 - 1e-7]) {
      expect(normalQuantile(p)).toBeCloseTo(quantile(p, 0, 1), 7);
    }
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });

  it('normalCdf inverts normalQuantile', () => {
    for (const p of [1e-6, 0.001, 0.1, 0.5, 0.9, 0.999]) expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-7 + 1e-6 * p);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
  });

  it('logFactorial is exact against summed logs, across the table boundary', () => {
    let sum = 0;
    for (let k = 1; k <= 2_000; k++) {
      sum += Math.log(k);
      expect(Math.abs(logFactorial(k) - sum)).toBeLessThan(1e-9 * Math.max(1, sum));
    }
  });
});
