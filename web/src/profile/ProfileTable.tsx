// One action line of the area profile as a table: every indicator with its counts, value,
// 95 % interval, benchmark value, spine chart, comparison in words, recent trend and a
// "definition and source" disclosure.

import { ComparisonMarker, SpineChart } from '../charts/SpineChart.tsx';
import { spineGeometry } from '../charts/spine.ts';
import { useFormat, useMessages, type Format } from '../i18n/index.ts';
import { profile } from '../i18n/profile.ts';
import type { Indicator, ProfileRow } from '../lib/api.ts';
import { href, onLinkClick } from '../router.ts';
import { ScrollBox } from '../charts/ScrollBox.tsx';

const ARROWS = { increasing: '↑', decreasing: '↓', 'no-significant-change': '→' } as const;

type T = (typeof profile)['nl'];

function suppressionText(row: ProfileRow, t: T): string {
  return row.suppressionReason === 'complementary' ? t.suppressedComplementary : t.suppressed;
}

/** The spine chart's text alternative: the same numbers as the picture. */
export function spineLabel(row: ProfileRow, ctx: { area: string; benchmark: string; levels: string; t: T; f: Format }): string {
  const { t, f } = ctx;
  const v = (x: number | null | undefined) => f.value(x ?? null, row.indicator.unit);
  if (row.suppressed || row.value === null || row.value === undefined) {
    return t.spineAltNoValue({ area: ctx.area, reason: row.suppressed ? suppressionText(row, t) : t.noValue, benchmark: ctx.benchmark, benchmarkValue: v(row.benchmarkValue) });
  }
  const g = spineGeometry({ value: row.value, benchmark: row.benchmarkValue, range: row.levelRange, polarity: row.indicator.polarity });
  const r = row.levelRange;
  return t.spineAlt({
    area: ctx.area,
    value: v(row.value),
    comparison: t.comparisonWith(row.comparison, ctx.benchmark),
    benchmark: ctx.benchmark,
    benchmarkValue: v(row.benchmarkValue),
    levels: ctx.levels,
    min: v(r?.min),
    q1: v(r?.q1),
    q3: v(r?.q3),
    max: v(r?.max),
    left: t.spineEnd(g.ends.left),
    right: t.spineEnd(g.ends.right),
  });
}

export function ProfileTable(props: {
  id: string;
  heading: string;
  rows: ProfileRow[];
  indicators: Map<string, Indicator>;
  area: string;
  period: number;
  benchmark: string;
  levels: string;
  /** False for Nederland itself: there is no spread of its level to draw. */
  spine: boolean;
  chartsHref: (indicator: string) => string;
  onShowCharts: (indicator: string, event: React.MouseEvent<HTMLAnchorElement>) => void;
}) {
  const { id, heading, rows, indicators, area, period, benchmark, levels } = props;
  const t = useMessages(profile);
  const f = useFormat();
  const lang = f.lang;
  return (
    <section className="kansrijk-profile__group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="utrecht-heading-2 utrecht-heading-2--distanced">
        {heading}
      </h2>
      <ScrollBox className="kansrijk-table-scroll" role="region" label={t.scrollTable(heading)}>
        <table className="utrecht-table kansrijk-profile-table" data-action-line={id}>
          <caption className="utrecht-table__caption kansrijk-visually-hidden">{t.tableCaption(heading, area, period)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell kansrijk-col-indicator" scope="col">{t.colIndicator}</th>
              <th className="utrecht-table__header-cell kansrijk-num kansrijk-col-count" scope="col">{t.colCount}</th>
              <th className="utrecht-table__header-cell kansrijk-num kansrijk-col-value" scope="col">{t.colValue}</th>
              <th className="utrecht-table__header-cell kansrijk-num kansrijk-col-interval" scope="col">{t.colInterval}</th>
              <th className="utrecht-table__header-cell kansrijk-num kansrijk-col-benchmark" scope="col">{t.colBenchmark(benchmark)}</th>
              <th className="utrecht-table__header-cell kansrijk-col-spine" scope="col">{props.spine ? t.colSpine(levels) : t.colComparison}</th>
              <th className="utrecht-table__header-cell kansrijk-col-trend" scope="col">{t.colTrend}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((row) => {
              const ind = row.indicator;
              const meta = indicators.get(ind.id);
              const name = ind.name[lang];
              const v = (x: number | null | undefined) => f.value(x ?? null, ind.unit);
              const hidden = row.suppressed;
              const arrow = row.trend ? ARROWS[row.trend as keyof typeof ARROWS] : undefined;
              return (
                <tr className="utrecht-table__row kansrijk-profile-row" key={ind.id} data-indicator={ind.id}>
                  <th className="utrecht-table__header-cell kansrijk-col-indicator" scope="row">
                    <a className="utrecht-link" href={href({ page: 'definitions', lang, indicator: ind.id })} onClick={onLinkClick}>
                      {name}
                    </a>
                    <details className="kansrijk-disclosure kansrijk-disclosure--small">
                      <summary>
                        {t.definitionAndSource}
                        <span className="kansrijk-visually-hidden"> {t.definitionOf(name)}</span>
                      </summary>
                      <dl className="kansrijk-meta">
                        {meta && (
                          <>
                            <dt>{t.definition}</dt>
                            <dd>{meta.definition[lang]}</dd>
                            <dt>{t.numerator}</dt>
                            <dd>{meta.numerator[lang]}</dd>
                            <dt>{t.denominator}</dt>
                            <dd>{meta.denominator[lang]}</dd>
                          </>
                        )}
                        <dt>{t.method}</dt>
                        <dd>{t.methodText(ind.method)}</dd>
                        {meta && (
                          <>
                            <dt>{t.sourceIntended}</dt>
                            <dd>{meta.source[lang]}</dd>
                          </>
                        )}
                        <dt>{t.sourceOfFigures}</dt>
                        <dd>{row.source[lang]}</dd>
                      </dl>
                    </details>
                  </th>
                  <td className="utrecht-table__cell kansrijk-num">{hidden ? '–' : `${f.count(row.numerator)} / ${f.count(row.denominator)}`}</td>
                  <td className="utrecht-table__cell kansrijk-num kansrijk-value">{hidden ? <span className="kansrijk-suppressed">{suppressionText(row, t)}</span> : v(row.value)}</td>
                  <td className="utrecht-table__cell kansrijk-num">{!hidden && row.lowercl95 != null && row.uppercl95 != null ? `${f.number(row.lowercl95)}–${f.number(row.uppercl95)}` : '–'}</td>
                  <td className="utrecht-table__cell kansrijk-num">{v(row.benchmarkValue)}</td>
                  <td className="utrecht-table__cell kansrijk-col-spine">
                    {props.spine && (
                      <SpineChart
                        input={{ value: hidden ? null : row.value, benchmark: row.benchmarkValue, range: row.levelRange, polarity: ind.polarity }}
                        comparison={row.comparison}
                        label={spineLabel(row, { area, benchmark, levels, t, f })}
                      />
                    )}
                    <span className="kansrijk-comparison" data-comparison={row.comparison}>
                      <ComparisonMarker comparison={row.comparison} size={14} />
                      {hidden ? t.comparison('not-compared') : t.comparisonWith(row.comparison, benchmark)}
                    </span>
                  </td>
                  <td className="utrecht-table__cell kansrijk-trend-cell">
                    <span className="kansrijk-trend-word" data-trend={row.trend ?? 'none'}>
                      {arrow && (
                        <span className="kansrijk-trend-arrow" aria-hidden="true">
                          {arrow}{' '}
                        </span>
                      )}
                      {t.trend(hidden ? undefined : (row.trend ?? null))}
                    </span>
                    <a className="utrecht-link kansrijk-charts-link kansrijk-no-print" href={props.chartsHref(ind.id)} onClick={(e) => props.onShowCharts(ind.id, e)}>
                      {t.showCharts}
                      <span className="kansrijk-visually-hidden"> {t.showChartsFor(name)}</span>
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
