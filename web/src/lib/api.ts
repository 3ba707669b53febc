// Typed access to the Kansrijk API (/api/v1); the types mirror the OpenAPI document.

import { useEffect, useState } from 'react';

export type Text = { nl: string; en: string };
export type Level = 'land' | 'provincie' | 'ggdregio' | 'jeugdregio' | 'gemeente' | 'wijk';
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';
export type Trend = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated' | null;

export interface Area { code: string; name: string; level: Level; parents: Partial<Record<Exclude<Level, 'wijk'>, string>>; validFrom: number | null; validTo: number | null }

export interface Indicator {
  id: string;
  name: Text;
  definition: Text;
  numerator: Text;
  denominator: Text;
  unit: Text;
  multiplier: number;
  polarity: 'low-is-good' | 'high-is-good' | 'none';
  method: 'proportion' | 'rate' | 'mean' | 'count';
  actionLine: 1 | 2 | 3;
  source: Text;
  suppression: { minNumerator: number; minDenominator: number };
  synthetic: boolean;
  periods: number[];
}

export interface ValueRow {
  area: string;
  name: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  lowercl95?: number | null;
  uppercl95?: number | null;
  lowercl998?: number | null;
  uppercl998?: number | null;
  comparison: Comparison;
  quintile?: number | null;
  smoothed?: number | null;
  trend?: Trend;
  suppressed: boolean;
  suppressionReason?: 'small-numbers' | 'complementary';
  synthetic: boolean;
}

export interface Values {
  indicator: string;
  period: number;
  level: Level;
  unit: Text;
  multiplier: number;
  method: Indicator['method'];
  polarity: Indicator['polarity'];
  synthetic: boolean;
  source: Text;
  benchmark: { code: string; name: string; value: number | null };
  values: ValueRow[];
}

export interface ProfileRow extends Omit<ValueRow, 'area' | 'name'> {
  indicator: Pick<Indicator, 'id' | 'name' | 'unit' | 'multiplier' | 'polarity' | 'method' | 'actionLine'>;
  source: Text;
  trendChisq: number | null;
  benchmarkValue: number | null;
  levelRange: { min: number; q1: number; median: number; q3: number; max: number } | null;
  series: { period: number; value: number | null; lowercl95: number | null; uppercl95: number | null; benchmarkValue: number | null; suppressed: boolean }[];
}

export interface Profile {
  area: Area;
  period: number;
  benchmark: { code: string; name: string };
  indicators: ProfileRow[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) {
    super(message);
  }
}

const responses = new Map<string, Promise<unknown>>();

/** GET a JSON resource; identical requests share one response (the data only change on import). */
export function getJson<T>(path: string): Promise<T> {
  let pending = responses.get(path);
  if (!pending) {
    pending = fetch(path, { headers: { accept: 'application/json' } }).then(async (response) => {
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        responses.delete(path);
        throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.field);
      }
      return body;
    });
    responses.set(path, pending);
  }
  return pending as Promise<T>;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T };

/** Load a resource for a component; null path = nothing to load yet. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult({ state: 'loading' });
    getJson<T>(path).then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: Error) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return result;
}
