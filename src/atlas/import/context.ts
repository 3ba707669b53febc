// An ImportContext from the shipped geography and the indicator catalogue.

import { loadAreas, type AreaLevel } from '../geography.ts';
import { INDICATORS } from '../indicator-catalogue.ts';
import type { ImportContext } from './types.ts';

/**
 * The context for importing into this atlas: the area codes of the given levels (default
 * gemeente and wijk), every catalogue indicator, and the catalogue's rate indicators as the
 * ones whose numerator may exceed the denominator.
 */
export function importContextFromAtlas(options: { firstPeriod: number; lastPeriod: number; levels?: readonly AreaLevel[] }): ImportContext {
  const levels = new Set<AreaLevel>(options.levels ?? ['gemeente', 'wijk']);
  return {
    areaCodes: new Set(loadAreas().filter((a) => levels.has(a.level)).map((a) => a.code)),
    indicatorIds: new Set(INDICATORS.map((i) => i.id)),
    firstPeriod: options.firstPeriod,
    lastPeriod: options.lastPeriod,
    ratioIndicators: new Set(INDICATORS.filter((i) => i.method === 'rate').map((i) => i.id)),
  };
}
