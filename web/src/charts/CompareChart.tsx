// Compare areas: one horizontal bar per area with its 95 % interval, the benchmark line,
// bars coloured and marked by the comparison, the profile's own area highlighted; sortable
// by value or by name (buttons with aria-pressed) and repeated as a table.

import { useFormat, useMessages } from '../i18n/index.ts';
import { profile } from '../i18n/profile.ts';
import type { Text } from '../lib/api.ts';
import { barGeometry, sortBars, type BarInput, type BarSort } from './bars.ts';
import { COMPARISON_STYLES, comparisonsFor, markerPath, type Polarity } from './comparison.ts';
import { tickDecimals } from './scale.ts';
import { ComparisonMarker } from './SpineChart.tsx';
import { ScrollBox } from './ScrollBox.tsx';

export type CompareRow = BarInput & { numerator: number | null; denominator: number | null };

const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

function truncate(name: string, max = 28): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

export function CompareChart(props: {
  rows: CompareRow[];
  benchmark: { name: string; value: number | null };
  highlight: string;
  sort: BarSort;
  onSort: (sort: BarSort) => void;
  unit: Text;
  polarity: Polarity;
  indicator: string;
  scope: string;
}) {
  const { rows, benchmark, highlight, sort, onSort, unit, polarity, indicator, scope } = props;
  const t = useMessages(profile);
  const f = useFormat();
  const sorted = sortBars(rows, sort, LOCALE[f.lang]);
  const g = barGeometry(sorted, benchmark.value);
  const decimals = tickDecimals(g.ticks.map((k) => k.value));
  const v = (x: number | null) => f.value(x, unit);
  const byValue = sortBars(rows, 'value', LOCALE[f.lang]).filter((r) => !r.suppressed && r.value !== null);
  const own = byValue.findIndex((r) => r.area === highlight);
  const ownRow = rows.find((r) => r.area === highlight);
  const alt = t.compareAlt({
    indicator,
    count: rows.length,
    scope,
    area: ownRow?.name ?? '',
    rank: own >= 0 && ownRow ? t.compareRank(ownRow.name, own + 1, byValue.length) : '',
    benchmark: benchmark.name,
  });
  const caption = t.compareTableCaption(indicator, scope);
  const rowHeight = g.rows.length > 1 ? g.rows[1]!.y - g.rows[0]!.y : 28;

  return (
    <figure className="kansrijk-chart kansrijk-compare">
      <div className="kansrijk-sort" role="group" aria-label={t.sortLabel}>
        <span className="kansrijk-sort__label" aria-hidden="true">
          {t.sortLabel}:
        </span>
        {(['value', 'name'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-toggle${sort === s ? ' kansrijk-toggle--on' : ''}`}
            aria-pressed={sort === s}
            onClick={() => onSort(s)}
          >
            {s === 'value' ? t.sortValue : t.sortName}
          </button>
        ))}
      </div>
      <ScrollBox className="kansrijk-chart__scroll" label={t.chartScroll}>
        <svg className="kansrijk-chart__svg" role="img" aria-label={alt} viewBox={`0 0 ${g.width} ${g.height}`} width={g.width} height={g.height} focusable="false">
          {g.rows.map((r) =>
            r.area === highlight ? <rect key="hl" x={0} y={r.y - rowHeight / 2} width={g.width} height={rowHeight} fill="#e6f0f4" stroke="#0b4f6c" strokeWidth={1.5} /> : null,
          )}
          {g.ticks.map((k) => (
            <g key={k.value}>
              <line x1={k.x} x2={k.x} y1={g.plot.top} y2={g.plot.bottom} stroke={k.value === 0 ? '#595959' : '#d0d0d0'} />
              <text x={k.x} y={g.plot.bottom + 16} textAnchor="middle">
                {f.number(k.value, decimals)}
              </text>
            </g>
          ))}
          <text x={(g.plot.left + g.plot.right) / 2} y={g.height - 4} textAnchor="middle" className="kansrijk-chart__axis-label">
            {t.axisValue(unit[f.lang])}
          </text>
          {g.rows.map((r) => {
            const style = COMPARISON_STYLES[r.comparison];
            const mine = r.area === highlight;
            return (
              <g key={r.area} className="kansrijk-compare__row" data-area={r.area}>
                <text x={g.plot.left - 8} y={r.y} dy="0.35em" textAnchor="end" fontWeight={mine ? 700 : 400}>
                  {truncate(r.name)}
                </text>
                {r.barEnd !== null ? (
                  <>
                    <rect x={r.barStart} y={r.y - 8} width={Math.max(0.5, r.barEnd - r.barStart)} height={16} fill={style.fill} stroke="#1b1b1b" strokeWidth={mine ? 2 : 1} />
                    {r.whisker && (
                      <g stroke="#1b1b1b" strokeWidth={1.5}>
                        <line x1={r.whisker[0]} x2={r.whisker[1]} y1={r.y} y2={r.y} />
                        <line x1={r.whisker[0]} x2={r.whisker[0]} y1={r.y - 5} y2={r.y + 5} />
                        <line x1={r.whisker[1]} x2={r.whisker[1]} y1={r.y - 5} y2={r.y + 5} />
                      </g>
                    )}
                    <path d={markerPath(style.shape, g.plot.right + 12, r.y, 5)} fill={style.fill} stroke={style.stroke} strokeWidth={1.2} />
                    <text x={g.plot.right + 22} y={r.y} dy="0.35em" fontWeight={mine ? 700 : 400}>
                      {f.number(r.value)}
                    </text>
                  </>
                ) : (
                  <text x={g.plot.left + 6} y={r.y} dy="0.35em" className="kansrijk-chart__muted">
                    {r.suppressed ? t.suppressed : t.noValue}
                  </text>
                )}
              </g>
            );
          })}
          {g.benchmark !== null && <line x1={g.benchmark} x2={g.benchmark} y1={g.plot.top - 4} y2={g.plot.bottom + 4} stroke="#1b1b1b" strokeWidth={2} strokeDasharray="6 4" />}
        </svg>
      </ScrollBox>
      <figcaption className="kansrijk-chart__legend">
        <ul className="kansrijk-legend__items">
          {comparisonsFor(polarity)
            .filter((c) => rows.some((r) => r.comparison === c))
            .map((c) => (
              <li key={c}>
                <ComparisonMarker comparison={c} />
                {t.comparisonWith(c, benchmark.name)}
              </li>
            ))}
          <li>
            <svg width={28} height={14} aria-hidden="true" focusable="false">
              <line x1={14} x2={14} y1={0} y2={14} stroke="#1b1b1b" strokeWidth={2} strokeDasharray="4 3" />
            </svg>
            {t.compareLegendBenchmark(benchmark.name)}
            {benchmark.value !== null ? `: ${v(benchmark.value)}` : ''}
          </li>
          <li>
            <svg width={28} height={14} aria-hidden="true" focusable="false">
              <g stroke="#1b1b1b" strokeWidth={1.5}>
                <line x1={4} x2={24} y1={7} y2={7} />
                <line x1={4} x2={4} y1={2} y2={12} />
                <line x1={24} x2={24} y1={2} y2={12} />
              </g>
            </svg>
            {t.compareLegendWhisker}
          </li>
          {ownRow && (
            <li>
              <svg width={28} height={14} aria-hidden="true" focusable="false">
                <rect x={1} y={1} width={26} height={12} fill="#e6f0f4" stroke="#0b4f6c" strokeWidth={1.5} />
              </svg>
              {t.compareLegendHighlight}
            </li>
          )}
        </ul>
        {rows.some((r) => r.suppressed) && <p className="kansrijk-chart__note">{t.compareSuppressedNote}</p>}
      </figcaption>
      <details className="kansrijk-disclosure">
        <summary>{t.showTable}</summary>
        <ScrollBox className="kansrijk-table-scroll" role="region" label={t.scrollTable(caption)}>
          <table className="utrecht-table kansrijk-data-table">
            <caption className="utrecht-table__caption">{caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.colArea}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.colCount}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.colValue}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.colInterval}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.colComparison}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {sorted.map((r) => (
                <tr className={`utrecht-table__row${r.area === highlight ? ' kansrijk-row--own' : ''}`} key={r.area}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {r.name}
                    {r.area === highlight ? ` (${t.thisArea})` : ''}
                  </th>
                  <td className="utrecht-table__cell kansrijk-num">{r.suppressed ? '–' : `${f.count(r.numerator)} / ${f.count(r.denominator)}`}</td>
                  <td className="utrecht-table__cell kansrijk-num">{r.suppressed ? t.suppressed : v(r.value)}</td>
                  <td className="utrecht-table__cell kansrijk-num">{!r.suppressed && r.lower !== null && r.upper !== null ? `${f.number(r.lower)}–${f.number(r.upper)}` : '–'}</td>
                  <td className="utrecht-table__cell">
                    <span className="kansrijk-comparison">
                      <ComparisonMarker comparison={r.comparison} size={14} />
                      {t.comparison(r.comparison)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </figure>
  );
}
