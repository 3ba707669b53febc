// Data helpers of the area profile: the area's parents by name, the benchmark choices, the
// compare-areas scope, and a loader that keeps showing the last figures while new ones load
// (so changing the year or benchmark never unmounts the controls that have focus).

import { useEffect, useRef, useState } from 'react';
import { getJson, useApi, type Area, type Level, type Loadable } from '../lib/api.ts';

/** Parents from the top down, as the breadcrumb shows them. */
export const BREADCRUMB_LEVELS: readonly Level[] = ['land', 'provincie', 'gemeente'];
/** Benchmark choices besides the area itself, broadest first. */
export const BENCHMARK_LEVELS: readonly Level[] = ['land', 'provincie', 'ggdregio', 'jeugdregio', 'gemeente'];
export const NETHERLANDS = 'NL01';

/** The area's parents as full areas (names), keyed by level; empty until loaded. */
export function useParents(area: Area | undefined): Partial<Record<Level, Area>> {
  const [parents, setParents] = useState<Partial<Record<Level, Area>>>({});
  const key = area ? Object.values(area.parents).join(',') : '';
  useEffect(() => {
    if (!area) return;
    let live = true;
    const entries = Object.entries(area.parents) as [Level, string][];
    Promise.all(entries.map(([level, code]) => getJson<Area>(`/api/v1/areas/${encodeURIComponent(code)}`).then((a) => [level, a] as const, () => null))).then((list) => {
      if (!live) return;
      const out: Partial<Record<Level, Area>> = {};
      for (const item of list) if (item) out[item[0]] = item[1];
      setParents(out);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return parents;
}

export interface CompareScope {
  level: Level;
  /** The area the compared areas lie in; undefined = all areas of the level. */
  within?: string;
}

/** Which areas the compare chart shows for an area: its siblings in the nearest sensible parent. */
export function compareScope(area: Area): CompareScope {
  switch (area.level) {
    case 'wijk':
      return area.parents.gemeente ? { level: 'wijk', within: area.parents.gemeente } : { level: 'wijk' };
    case 'gemeente':
      return area.parents.ggdregio ? { level: 'gemeente', within: area.parents.ggdregio } : { level: 'gemeente' };
    case 'land':
      return { level: 'provincie' };
    default:
      return { level: area.level };
  }
}

/** Like useApi, but the last loaded data stay available while a new path loads. */
export function useKeptApi<T>(path: string | null): { data: T | undefined; loading: boolean; error: Error | undefined } {
  const result: Loadable<T> = useApi<T>(path);
  const last = useRef<T | undefined>(undefined);
  if (result.state === 'ready') last.current = result.data;
  return {
    data: result.state === 'ready' ? result.data : last.current,
    loading: result.state === 'loading',
    error: result.state === 'error' ? result.error : undefined,
  };
}

/** An area's name as shown: CBS names are Dutch; only the country has an English name. */
export function placeName(code: string, name: string, lang: 'nl' | 'en'): string {
  return code === NETHERLANDS && lang === 'en' ? 'Netherlands' : name;
}

/** The same area with its display name. */
export function localArea<A extends { code: string; name: string }>(area: A, lang: 'nl' | 'en'): A {
  const name = placeName(area.code, area.name, lang);
  return name === area.name ? area : { ...area, name };
}
