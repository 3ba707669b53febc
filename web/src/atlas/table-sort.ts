// Sorting of the table rows. Rows without a figure (suppressed or missing) always go last,
// whatever the direction, and ties fall back to the name. Pure functions, no DOM.

import type { Sort, SortKey } from './view-state.ts';
import { nameKey } from './navigation.ts';

export interface SortableRow {
  name: string;
  value?: number | null;
  lowercl95?: number | null;
  uppercl95?: number | null;
  denominator?: number | null;
  comparison: string;
  quintile?: number | null;
  smoothed?: number | null;
  trend?: string | null;
  suppressed: boolean;
}

const COMPARISON_RANK: Record<string, number> = { better: 0, lower: 1, similar: 2, higher: 3, worse: 4 };
const TREND_RANK: Record<string, number> = { decreasing: 0, 'no-significant-change': 1, increasing: 2 };

/** The sort key of a row for a column, or null when the row has nothing to sort on there. */
export function sortValue(row: SortableRow, key: SortKey): number | string | null {
  const num = (v: number | null | undefined) => (row.suppressed || typeof v !== 'number' || !Number.isFinite(v) ? null : v);
  switch (key) {
    case 'name':
      return nameKey(row.name);
    case 'value':
      return num(row.value);
    case 'interval': {
      // By the width of the interval: how precise the figure is.
      const lo = num(row.lowercl95);
      const hi = num(row.uppercl95);
      return lo === null || hi === null ? null : hi - lo;
    }
    case 'count':
      return num(row.denominator);
    case 'comparison':
      return row.suppressed ? null : (COMPARISON_RANK[row.comparison] ?? null);
    case 'quintile':
      return num(row.quintile);
    case 'smoothed':
      return num(row.smoothed);
    case 'trend':
      return row.suppressed || !row.trend ? null : (TREND_RANK[row.trend] ?? null);
  }
}

export function sortRows<R extends SortableRow>(rows: readonly R[], sort: Sort): R[] {
  const sign = sort.dir === 'desc' ? -1 : 1;
  const byName = (a: R, b: R) => nameKey(a.name).localeCompare(nameKey(b.name), 'nl');
  return rows
    .map((row) => ({ row, key: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? byName(a.row, b.row) : a.key === null ? 1 : -1;
      const c = typeof a.key === 'string' ? a.key.localeCompare(b.key as string, 'nl') : a.key - (b.key as number);
      return c !== 0 ? sign * c : byName(a.row, b.row);
    })
    .map((e) => e.row);
}
