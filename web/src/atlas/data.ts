// Loading the atlas data. Unlike useApi, these hooks keep showing the previous data while the
// next loads, so changing the year recolours the map instead of blanking it.

import { useEffect, useMemo, useRef, useState } from 'react';
import { getJson, type Area, type ValueRow, type Values } from '../lib/api.ts';
import { valuesQuery, type ViewState } from './view-state.ts';

export interface Loaded<T> {
  /** The latest complete data (possibly of the previous request while `loading`). */
  data: T | null;
  /** The paths `data` belongs to, joined. */
  key: string | null;
  loading: boolean;
  error: Error | null;
}

/** Loads every path (in parallel); the result is all-or-nothing. null = nothing to load. */
export function useLoadAll<T>(paths: readonly string[] | null): Loaded<T[]> {
  const key = paths ? paths.join('\n') : null;
  const [state, setState] = useState<Loaded<T[]>>({ data: null, key: null, loading: paths !== null, error: null });
  const current = useRef(key);
  current.current = key;
  useEffect(() => {
    if (key === null) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.all(key.split('\n').map((p) => getJson<T>(p))).then(
      (data) => current.current === key && setState({ data, key, loading: false, error: null }),
      (error: Error) => current.current === key && setState((s) => ({ ...s, loading: false, error })),
    );
  }, [key]);
  return state;
}

export function useLoad<T>(path: string | null): Loaded<T> {
  const all = useLoadAll<T>(path === null ? null : [path]);
  return { ...all, data: all.data ? all.data[0]! : null };
}

/** The benchmark each area was compared with. */
export interface BenchmarkInfo {
  code: string;
  name: string;
  value: number | null;
}

export interface AtlasValues {
  values: Values;
  /** Benchmark per area code (differs per area with a "own region" benchmark). */
  benchmarkOf: Map<string, BenchmarkInfo>;
  /** The single benchmark of the view, or null when each area has its own region. */
  benchmark: BenchmarkInfo | null;
}

/**
 * The API paths of the values a view shows. With an "own region" benchmark at the gemeente
 * level, one request per region (the gemeenten within it, compared with it); `parents` are then
 * the gemeenten with their regions. For a drill-down, `gemeente` is the gemeente's area.
 */
export function valuesPaths(state: ViewState, context: { gemeente?: Area | null; gemeenten?: Area[] | null }): string[] | null {
  const base = `/api/v1/indicators/${encodeURIComponent(state.indicator)}/values`;
  const one = (benchmark?: string) => [`${base}?${valuesQuery(state, benchmark).toString()}`];
  if (state.benchmark === 'NL01') return one();
  if (state.level === 'wijk') {
    const g = context.gemeente;
    if (!g) return null;
    const code = state.benchmark === 'gemeente' ? g.code : g.parents[state.benchmark as 'provincie' | 'ggdregio' | 'jeugdregio'];
    return one(code);
  }
  if (state.level === 'gemeente') {
    if (!context.gemeenten) return null;
    const kind = state.benchmark as 'provincie' | 'ggdregio' | 'jeugdregio';
    const regions = [...new Set(context.gemeenten.map((a) => a.parents[kind]).filter((c): c is string => !!c))].sort();
    return regions.map((code) => {
      const q = valuesQuery(state, code);
      q.set('within', code);
      return `${base}?${q.toString()}`;
    });
  }
  return one();
}

/** One view's values from one or more responses (merged by area, sorted by name). */
export function mergeValues(responses: readonly Values[]): AtlasValues | null {
  const first = responses[0];
  if (!first) return null;
  const benchmarkOf = new Map<string, BenchmarkInfo>();
  const seen = new Set<string>();
  const rows: ValueRow[] = [];
  for (const r of responses) {
    for (const row of r.values) {
      if (seen.has(row.area)) continue;
      seen.add(row.area);
      rows.push(row);
      benchmarkOf.set(row.area, r.benchmark);
    }
  }
  return {
    values: { ...first, synthetic: responses.some((r) => r.synthetic), values: rows },
    benchmarkOf,
    benchmark: responses.length === 1 ? first.benchmark : null,
  };
}

export function useAtlasValues(paths: string[] | null): Loaded<AtlasValues> {
  const loaded = useLoadAll<Values>(paths);
  const merged = useMemo(() => (loaded.data ? mergeValues(loaded.data) : null), [loaded.data]);
  return { ...loaded, data: merged };
}
