// The charts section of the area profile: an indicator chooser (also reached from each table
// row), the trend chart for the area and the compare-areas chart for its siblings.

import { CompareChart, type CompareRow } from '../charts/CompareChart.tsx';
import type { BarSort } from '../charts/bars.ts';
import { useFormat, useMessages } from '../i18n/index.ts';
import { profile } from '../i18n/profile.ts';
import { LoadError, Loading } from '../components/Layout.tsx';
import { useApi, type Area, type Level, type ProfileRow, type Values } from '../lib/api.ts';
import { TrendChart } from '../charts/TrendChart.tsx';
import { compareScope, placeName } from './data.ts';

export const CHARTS_HEADING_ID = 'charts-heading';

export function ProfileCharts(props: {
  area: Area;
  parents: Partial<Record<Level, Area>>;
  rows: ProfileRow[];
  groups: { heading: string; rows: ProfileRow[] }[];
  indicator: string | undefined;
  period: number;
  benchmark: { code: string; name: string };
  sort: BarSort;
  onIndicator: (id: string) => void;
  onSort: (sort: BarSort) => void;
}) {
  const { area, parents, rows, groups, indicator, period, benchmark, sort } = props;
  const t = useMessages(profile);
  const f = useFormat();
  const row = rows.find((r) => r.indicator.id === indicator);
  return (
    <section className="kansrijk-profile__charts" aria-labelledby={CHARTS_HEADING_ID} id="grafieken">
      <h2 id={CHARTS_HEADING_ID} className="utrecht-heading-2 utrecht-heading-2--distanced" tabIndex={-1}>
        {t.chartsHeading}
      </h2>
      <div className="utrecht-form-field kansrijk-no-print">
        <label className="utrecht-form-label" htmlFor="profile-indicator">
          {t.chooseIndicator}
        </label>
        <select id="profile-indicator" className="utrecht-select utrecht-select--html-select kansrijk-select-wide" value={row ? row.indicator.id : ''} onChange={(e) => props.onIndicator(e.currentTarget.value)}>
          <option value="">{t.choosePrompt}</option>
          {groups.map((g) => (
            <optgroup key={g.heading} label={g.heading}>
              {g.rows.map((r) => (
                <option key={r.indicator.id} value={r.indicator.id}>
                  {r.indicator.name[f.lang]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {!row ? (
        <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.chooseHint}</p>
      ) : (
        <>
          <section aria-labelledby="trend-heading" className="kansrijk-profile__chart">
            <h3 id="trend-heading" className="utrecht-heading-3 utrecht-heading-3--distanced">
              {t.trendHeading(row.indicator.name[f.lang], area.name)}
            </h3>
            <TrendChart
              series={row.series}
              polarity={row.indicator.polarity}
              unit={row.indicator.unit}
              indicator={row.indicator.name[f.lang]}
              area={area.name}
              benchmark={benchmark.name}
              trend={t.trend(row.suppressed ? undefined : (row.trend ?? null))}
            />
          </section>
          <CompareSection row={row} area={area} parents={parents} period={period} benchmark={benchmark} sort={sort} onSort={props.onSort} />
        </>
      )}
    </section>
  );
}

function CompareSection(props: { row: ProfileRow; area: Area; parents: Partial<Record<Level, Area>>; period: number; benchmark: { code: string; name: string }; sort: BarSort; onSort: (s: BarSort) => void }) {
  const { row, area, parents, period, benchmark } = props;
  const t = useMessages(profile);
  const f = useFormat();
  const scope = compareScope(area);
  const parent = scope.within ? Object.values(parents).find((p) => p?.code === scope.within) : undefined;
  const scopeText = scope.within ? t.compareScopeWithin(t.levels(scope.level), parent?.name ?? scope.within) : t.compareScopeAll(t.levels(scope.level));
  const query = new URLSearchParams({ level: scope.level, period: String(period) });
  if (benchmark.code !== 'NL01') query.set('benchmark', benchmark.code);
  if (scope.within) query.set('within', scope.within);
  const values = useApi<Values>(`/api/v1/indicators/${encodeURIComponent(row.indicator.id)}/values?${query}`);
  const name = row.indicator.name[f.lang];
  return (
    <section aria-labelledby="compare-heading" className="kansrijk-profile__chart">
      <h3 id="compare-heading" className="utrecht-heading-3 utrecht-heading-3--distanced">
        {t.compareHeading(name, scopeText)}
      </h3>
      {values.state === 'loading' && <Loading />}
      {values.state === 'error' && <LoadError what={scopeText} />}
      {values.state === 'ready' &&
        (values.data.values.length <= 1 && values.data.values[0]?.area === area.code ? (
          <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.compareNone}</p>
        ) : (
          <CompareChart
            rows={values.data.values.map(
              (v): CompareRow => ({
                area: v.area,
                name: v.name,
                value: v.value ?? null,
                lower: v.lowercl95 ?? null,
                upper: v.uppercl95 ?? null,
                numerator: v.numerator ?? null,
                denominator: v.denominator ?? null,
                comparison: v.comparison,
                suppressed: v.suppressed,
              }),
            )}
            benchmark={{ name: placeName(values.data.benchmark.code, values.data.benchmark.name, f.lang), value: values.data.benchmark.value }}
            highlight={area.code}
            sort={props.sort}
            onSort={props.onSort}
            unit={row.indicator.unit}
            polarity={row.indicator.polarity}
            indicator={name}
            scope={scopeText}
          />
        ))}
    </section>
  );
}
