// The table alternative of the map: the same rows, sortable by every column (buttons in the
// headers, aria-sort on the sorted one).

import { atlas } from '../i18n/atlas.ts';
import { useMessages } from '../i18n/index.ts';
import type { ValueRow } from '../lib/api.ts';
import { onLinkClick } from '../router.ts';
import { COMPARISON_FILL } from './palette.ts';
import type { Presenter } from './present.ts';
import { specialSwatches } from './Legend.tsx';
import { sortRows } from './table-sort.ts';
import type { Sort, SortKey } from './view-state.ts';

export interface DataTableProps {
  rows: ValueRow[];
  caption: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  present: Presenter;
  benchmarkNameOf: (area: string) => string;
  /** The one benchmark of every row, or null when each row has its own region. */
  benchmark: string | null;
  profileHref: (code: string) => string;
  /** For gemeenten: the link to their wijken. */
  drillHref?: (code: string) => string;
}

export function DataTable({ rows, caption, sort, onSort, present, benchmarkNameOf, benchmark, profileHref, drillHref }: DataTableProps) {
  const t = useMessages(atlas);
  const sorted = sortRows(rows, sort);
  const columns: { key: SortKey; label: string; numeric: boolean }[] = [
    { key: 'name', label: t.area, numeric: false },
    { key: 'value', label: t.value, numeric: true },
    { key: 'interval', label: t.interval, numeric: true },
    { key: 'count', label: t.count, numeric: true },
    { key: 'comparison', label: benchmark ? t.comparedWith(benchmark) : t.comparison, numeric: false },
    { key: 'quintile', label: t.quintile, numeric: true },
    { key: 'smoothed', label: t.smoothed, numeric: true },
    { key: 'trend', label: t.trend, numeric: false },
  ];
  const toggle = (key: SortKey) => onSort({ key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' });

  return (
    <div className="utrecht-table-container atlas-table" data-testid="atlas-table">
      <p className="atlas-table__help" id="atlas-table-help">
        {t.tableSortHelp}
      </p>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color" aria-describedby="atlas-table-help">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="atlas-sort" data-sort={c.key} onClick={() => toggle(c.key)}>
                  {c.label}
                  <span className="atlas-sort__icon" aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
            {drillHref && (
              <th scope="col" className="utrecht-table__header-cell">
                {t.wijken}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((row) => {
            const hasValue = !row.suppressed && typeof row.value === 'number';
            return (
              <tr key={row.area} className="utrecht-table__row" data-area={row.area}>
                <th scope="row" className="utrecht-table__cell atlas-table__name">
                  <a className="utrecht-link" href={profileHref(row.area)} onClick={onLinkClick}>
                    {row.name}
                  </a>
                </th>
                {row.suppressed ? (
                  <td className="utrecht-table__cell atlas-table__suppressed" colSpan={3}>
                    <span className="atlas-swatch atlas-swatch--inline" style={{ background: specialSwatches.suppressed }} aria-hidden="true" />
                    {present.value(row)}
                  </td>
                ) : (
                  <>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{present.value(row)}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{present.interval(row)}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{present.count(row)}</td>
                  </>
                )}
                <td className="utrecht-table__cell atlas-table__comparison">
                  {hasValue && (
                    <span
                      className="atlas-swatch atlas-swatch--inline"
                      style={{ background: row.comparison === 'not-compared' ? specialSwatches.notCompared : COMPARISON_FILL[row.comparison] }}
                      aria-hidden="true"
                    />
                  )}
                  {benchmark ? present.comparisonShort(row) : present.comparison(row, benchmarkNameOf(row.area))}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{present.quintile(row)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{present.smoothed(row)}</td>
                <td className="utrecht-table__cell atlas-table__trend">{hasValue ? present.trend(row.trend) : '–'}</td>
                {drillHref && (
                  <td className="utrecht-table__cell">
                    <a className="utrecht-link" href={drillHref(row.area)} onClick={onLinkClick}>
                      {t.wijken}
                      <span className="kansrijk-visually-hidden"> {t.wijkenOf(row.name)}</span>
                    </a>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
