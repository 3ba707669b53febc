// Trend chart: the area's value per year with its 95 % interval (band and whiskers), the
// benchmark line and markers coloured and shaped by the comparison in each year; the same
// figures as a table in a disclosure below.

import { useFormat, useMessages } from '../i18n/index.ts';
import { profile } from '../i18n/profile.ts';
import type { Text } from '../lib/api.ts';
import { COMPARISON_STYLES, markerPath, type Polarity } from './comparison.ts';
import { tickDecimals } from './scale.ts';
import { ComparisonMarker } from './SpineChart.tsx';
import { trendGeometry, type TrendInput } from './trend.ts';
import { ScrollBox } from './ScrollBox.tsx';

const AREA_COLOUR = '#0b4f6c';

export function TrendChart(props: { series: TrendInput[]; polarity: Polarity; unit: Text; indicator: string; area: string; benchmark: string; trend: string }) {
  const { series, polarity, unit, indicator, area, benchmark, trend } = props;
  const t = useMessages(profile);
  const f = useFormat();
  const g = trendGeometry(series, polarity);
  const { width, height } = g.layout;
  const decimals = tickDecimals(g.yTicks.map((k) => k.value));
  const v = (x: number | null) => f.value(x, unit);
  const shown = series.filter((p) => !p.suppressed && p.value !== null);
  const firstP = shown[0];
  const lastP = shown[shown.length - 1];
  const benchmarks = series.filter((p) => p.benchmarkValue !== null);
  const first = series[0]?.period ?? 0;
  const last = series[series.length - 1]?.period ?? 0;
  const bFrom = v(benchmarks[0]?.benchmarkValue ?? null);
  const bTo = v(benchmarks[benchmarks.length - 1]?.benchmarkValue ?? null);
  const alt =
    firstP && lastP
      ? t.trendAlt({ indicator, area, first: firstP.period, last: lastP.period, from: v(firstP.value), to: v(lastP.value), benchmark, bFrom, bTo, trend })
      : t.trendAltEmpty({ indicator, area, first, last, benchmark, bFrom, bTo });
  const hasGap = series.some((p) => p.suppressed || p.value === null);
  const caption = t.trendTableCaption(indicator, area);

  return (
    <figure className="kansrijk-chart kansrijk-trend">
      <ScrollBox className="kansrijk-chart__scroll" label={t.chartScroll}>
        <svg className="kansrijk-chart__svg" role="img" aria-label={alt} viewBox={`0 0 ${width} ${height}`} width={width} height={height} focusable="false">
          <g className="kansrijk-chart__grid">
            {g.yTicks.map((k) => (
              <g key={k.value}>
                <line x1={g.plot.left} x2={g.plot.right} y1={k.y} y2={k.y} stroke={k.value === 0 ? '#595959' : '#d0d0d0'} />
                <text x={g.plot.left - 8} y={k.y} dy="0.35em" textAnchor="end">
                  {f.number(k.value, decimals)}
                </text>
              </g>
            ))}
            {g.xTicks.map((k) => (
              <text key={k.period} x={k.x} y={g.plot.bottom + 18} textAnchor="middle">
                {k.period}
              </text>
            ))}
            <text x={(g.plot.left + g.plot.right) / 2} y={height - 6} textAnchor="middle" className="kansrijk-chart__axis-label">
              {t.axisYear}
            </text>
            <text transform={`translate(16 ${(g.plot.top + g.plot.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="kansrijk-chart__axis-label">
              {t.axisValue(unit[f.lang])}
            </text>
          </g>
          {g.bandRuns.map((points, i) => (
            <polygon key={`band${i}`} points={points} fill={AREA_COLOUR} fillOpacity={0.15} stroke="none" />
          ))}
          {g.points.map((p) =>
            p.yLower !== null && p.yUpper !== null ? (
              <g key={`ci${p.period}`} stroke={AREA_COLOUR} strokeWidth={1.5}>
                <line x1={p.x} x2={p.x} y1={p.yLower} y2={p.yUpper} />
                <line x1={p.x - 5} x2={p.x + 5} y1={p.yLower} y2={p.yLower} />
                <line x1={p.x - 5} x2={p.x + 5} y1={p.yUpper} y2={p.yUpper} />
              </g>
            ) : null,
          )}
          {g.benchmarkRuns.map((points, i) => (
            <polyline key={`bm${i}`} points={points} fill="none" stroke="#1b1b1b" strokeWidth={2} strokeDasharray="6 4" />
          ))}
          {g.valueRuns.map((points, i) => (
            <polyline key={`v${i}`} points={points} fill="none" stroke={AREA_COLOUR} strokeWidth={2.5} />
          ))}
          {g.points.map((p) => {
            if (p.y === null) return null;
            const style = COMPARISON_STYLES[p.comparison];
            return <path key={`m${p.period}`} className="kansrijk-trend__marker" data-comparison={p.comparison} d={markerPath(style.shape, p.x, p.y, 6)} fill={style.fill} stroke={style.stroke} strokeWidth={1.5} />;
          })}
        </svg>
      </ScrollBox>
      <figcaption className="kansrijk-chart__legend">
        <ul className="kansrijk-legend__items">
          <li>
            <svg width={28} height={14} aria-hidden="true" focusable="false">
              <line x1={0} x2={28} y1={7} y2={7} stroke={AREA_COLOUR} strokeWidth={2.5} />
            </svg>
            {t.trendLegendArea(area)}
          </li>
          <li>
            <svg width={28} height={14} aria-hidden="true" focusable="false">
              <rect x={0} y={1} width={28} height={12} fill={AREA_COLOUR} fillOpacity={0.15} />
              <line x1={14} x2={14} y1={1} y2={13} stroke={AREA_COLOUR} strokeWidth={1.5} />
            </svg>
            {t.trendLegendBand}
          </li>
          <li>
            <svg width={28} height={14} aria-hidden="true" focusable="false">
              <line x1={0} x2={28} y1={7} y2={7} stroke="#1b1b1b" strokeWidth={2} strokeDasharray="6 4" />
            </svg>
            {t.trendLegendBenchmark(benchmark)}
          </li>
        </ul>
        <p className="kansrijk-chart__note">
          {t.trendMarkerNote} {hasGap ? t.trendGapNote : ''}
        </p>
        <p className="kansrijk-chart__note">
          <strong>{t.recentTrend(trend)}</strong>
        </p>
      </figcaption>
      <details className="kansrijk-disclosure">
        <summary>{t.showTable}</summary>
        <ScrollBox className="kansrijk-table-scroll" role="region" label={t.scrollTable(caption)}>
          <table className="utrecht-table kansrijk-data-table">
            <caption className="utrecht-table__caption">{caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.colYear}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.colValue}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.colInterval}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.colBenchmark(benchmark)}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.colComparison}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {g.points.map((p) => {
                const s = series.find((x) => x.period === p.period)!;
                const has = p.y !== null;
                return (
                  <tr className="utrecht-table__row" key={p.period}>
                    <th className="utrecht-table__header-cell" scope="row">{p.period}</th>
                    <td className="utrecht-table__cell kansrijk-num">{has ? v(s.value) : s.suppressed ? t.suppressed : t.noValue}</td>
                    <td className="utrecht-table__cell kansrijk-num">{has && s.lowercl95 !== null && s.uppercl95 !== null ? `${f.number(s.lowercl95)}–${f.number(s.uppercl95)}` : '–'}</td>
                    <td className="utrecht-table__cell kansrijk-num">{v(s.benchmarkValue)}</td>
                    <td className="utrecht-table__cell">
                      {has ? (
                        <span className="kansrijk-comparison">
                          <ComparisonMarker comparison={p.comparison} size={14} />
                          {t.comparison(p.comparison)}
                        </span>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </figure>
  );
}
