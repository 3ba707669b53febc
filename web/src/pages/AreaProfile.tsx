// Area profile (/nl/gebied/{code}, /en/area/{code}): every indicator for one area, grouped by
// action line, with a Fingertips-style spine chart per row; then the trend chart and the
// compare-areas chart for a chosen indicator. Year, benchmark, indicator and sort order live
// in the URL query, so a link restores the view.

import { useMemo } from 'react';
import { Layout, LoadError, Loading, SyntheticBanner } from '../components/Layout.tsx';
import { SpineLegend } from '../charts/SpineLegend.tsx';
import type { BarSort } from '../charts/bars.ts';
import { analysis } from '../i18n/analysis.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/index.ts';
import { profile } from '../i18n/profile.ts';
import { useApi, type Area, type Indicator, type Level, type Profile, type ProfileRow } from '../lib/api.ts';
import { BENCHMARK_LEVELS, BREADCRUMB_LEVELS, NETHERLANDS, localArea, placeName, useKeptApi, useParents } from '../profile/data.ts';
import { CHARTS_HEADING_ID, ProfileCharts } from '../profile/ProfileCharts.tsx';
import { ProfileTable } from '../profile/ProfileTable.tsx';
import '../charts/charts.css';
import '../profile/profile.css';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

type AreaRoute = Extract<Route, { page: 'area' }>;

export default function AreaProfilePage({ route }: { route: AreaRoute }) {
  const t = useMessages(profile);
  const area = useApi<Area>(`/api/v1/areas/${encodeURIComponent(route.code)}`);
  if (area.state === 'loading') {
    return (
      <Layout route={route} title={t.pageTitle(route.code)}>
        <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.heading(route.code)}</h1>
        <Loading />
      </Layout>
    );
  }
  if (area.state === 'error') {
    const missing = 'status' in area.error && (area.error as { status: number }).status === 404;
    return (
      <Layout route={route} title={missing ? t.areaNotFoundTitle : t.pageTitle(route.code)}>
        <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{missing ? t.areaNotFoundTitle : t.heading(route.code)}</h1>
        {missing ? (
          <p className="utrecht-paragraph utrecht-paragraph--distanced">
            {t.areaNotFound(route.code)}{' '}
            <a className="utrecht-link" href={href({ page: 'atlas', lang: route.lang })} onClick={onLinkClick}>
              {t.toAtlas}
            </a>
          </p>
        ) : (
          <LoadError what={t.areaWhat} />
        )}
      </Layout>
    );
  }
  return <AreaProfile route={route} area={localArea(area.data, route.lang)} />;
}

function AreaProfile({ route, area }: { route: AreaRoute; area: Area }) {
  const t = useMessages(profile);
  const c = useMessages(common);
  const an = useMessages(analysis);
  const lang = route.lang;
  const loadedParents = useParents(area);
  const parents = useMemo(() => Object.fromEntries(Object.entries(loadedParents).map(([level, p]) => [level, localArea(p, lang)])) as typeof loadedParents, [loadedParents, lang]);
  const indicatorList = useApi<Indicator[]>('/api/v1/indicators');
  const indicators = useMemo(() => new Map(indicatorList.state === 'ready' ? indicatorList.data.map((i) => [i.id, i]) : []), [indicatorList]);
  const periods = indicatorList.state === 'ready' ? [...(indicatorList.data[0]?.periods ?? [])].sort((a, b) => b - a) : [];

  const q = route.query;
  const periodParam = q.get('period') ?? '';
  const benchmarkParam = q.get('benchmark') ?? '';
  const indicatorParam = q.get('indicator') ?? undefined;
  const sort: BarSort = q.get('sort') === 'name' ? 'name' : 'value';

  const apiQuery = new URLSearchParams();
  if (periodParam) apiQuery.set('period', periodParam);
  if (benchmarkParam) apiQuery.set('benchmark', benchmarkParam);
  const profilePath = `/api/v1/areas/${encodeURIComponent(area.code)}/profile${apiQuery.size ? `?${apiQuery}` : ''}`;
  const data = useKeptApi<Profile>(profilePath);

  /** Change query parameters of this view (state changes replace the history entry). */
  const setQuery = (updates: Record<string, string | undefined>, options: { replace?: boolean } = { replace: true }) => {
    const next = new URLSearchParams(route.query);
    for (const [key, value] of Object.entries(updates)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    navigate(href({ page: 'area', lang, code: area.code, query: next }), options);
  };
  const chartsHref = (indicator: string) => `${href({ page: 'area', lang, code: area.code, query: withParam(route.query, 'indicator', indicator) })}#grafieken`;
  const showCharts = (indicator: string, event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setQuery({ indicator });
    const heading = document.getElementById(CHARTS_HEADING_ID);
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  };

  const benchmarkChoices: Area[] = [];
  for (const level of BENCHMARK_LEVELS) {
    const p = parents[level];
    if (p && p.code !== area.code) benchmarkChoices.push(p);
  }
  if (!benchmarkChoices.some((b) => b.code === NETHERLANDS) && area.code !== NETHERLANDS) {
    benchmarkChoices.unshift({ code: NETHERLANDS, name: placeName(NETHERLANDS, 'Nederland', lang), level: 'land', parents: {}, validFrom: null, validTo: null });
  }
  const profileData = data.data;
  const currentPeriod = profileData?.period;
  const benchmark = profileData ? localArea(profileData.benchmark, lang) : { code: benchmarkParam || NETHERLANDS, name: placeName(NETHERLANDS, 'Nederland', lang) };
  const levels = t.levels(area.level);

  const groups = useMemo(() => {
    const rows = profileData?.indicators ?? [];
    return ([1, 2, 3] as const)
      .map((line) => ({ line, heading: t.actionLine(line), rows: rows.filter((r) => r.indicator.actionLine === line) }))
      .filter((g) => g.rows.length > 0);
  }, [profileData, t]);
  const synthetic = profileData?.indicators.some((r: ProfileRow) => r.synthetic) ?? false;

  // Breadcrumb: Nederland › provincie › gemeente › this area; other parents are listed beside it.
  const keep = periodParam ? { period: periodParam } : undefined;
  const crumbs = BREADCRUMB_LEVELS.map((l) => parents[l]).filter((p): p is Area => !!p && p.code !== area.code);
  const otherParents = (['ggdregio', 'jeugdregio'] as Level[]).map((l) => parents[l]).filter((p): p is Area => !!p && p.code !== area.code);

  return (
    <Layout route={route} title={t.pageTitle(area.name)}>
      <div className="kansrijk-profile">
        <nav className="utrecht-breadcrumb-nav kansrijk-breadcrumb" aria-label={t.breadcrumb}>
          <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
            {crumbs.map((p) => (
              <li className="utrecht-breadcrumb-nav__item" key={p.code}>
                <a className="utrecht-breadcrumb-nav__link utrecht-link" href={href({ page: 'area', lang, code: p.code, query: keep })} onClick={onLinkClick}>
                  {p.name}
                </a>
              </li>
            ))}
            <li className="utrecht-breadcrumb-nav__item">
              <a className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current utrecht-link" href={href({ page: 'area', lang, code: area.code, query: keep })} aria-current="page" onClick={onLinkClick}>
                {area.name}
              </a>
            </li>
          </ol>
        </nav>

        <div className="kansrijk-profile__head">
          <div>
            <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.heading(area.name)}</h1>
            <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-profile__meta">
              {t.areaMeta(t.level(area.level), area.code)}
              {currentPeriod !== undefined && <> · {t.summaryLine(currentPeriod, benchmark.name)}</>}
            </p>
            {otherParents.length > 0 && (
              <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-profile__meta">
                {t.partOf}{' '}
                {otherParents.map((p, i) => (
                  <span key={p.code}>
                    {i > 0 && ', '}
                    <a className="utrecht-link" href={href({ page: 'area', lang, code: p.code, query: keep })} onClick={onLinkClick}>
                      {p.name}
                    </a>{' '}
                    ({t.levelInline(p.level)})
                  </span>
                ))}
              </p>
            )}
            {area.level === 'gemeente' && (
              <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-no-print">
                <a className="utrecht-link" href={href({ page: 'analysis', lang, code: area.code, query: keep })} onClick={onLinkClick}>
                  {an.profileLink}
                </a>
              </p>
            )}
          </div>
          <div className="kansrijk-no-print kansrijk-profile__actions">
            <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={() => window.print()}>
              {c.print}
            </button>
            {currentPeriod !== undefined && (
              <ul className="kansrijk-downloads" aria-label={c.downloads}>
                {(['csv', 'xlsx'] as const).map((format) => (
                  <li key={format}>
                    <a
                      className="utrecht-link"
                      download
                      data-download={format}
                      href={`/api/v1/areas/${encodeURIComponent(area.code)}/profile?${new URLSearchParams({ period: String(currentPeriod), ...(benchmarkParam ? { benchmark: benchmarkParam } : {}), format, lang })}`}
                    >
                      {format === 'csv' ? c.downloadCsv : c.downloadXlsx}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>

        {synthetic && <SyntheticBanner />}

        <form className="kansrijk-controls kansrijk-no-print" aria-label={t.settings} onSubmit={(e) => e.preventDefault()}>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="profile-period">
              {t.period}
            </label>
            <select
              id="profile-period"
              className="utrecht-select utrecht-select--html-select"
              value={periodParam || String(currentPeriod ?? '')}
              onChange={(e) => setQuery({ period: e.currentTarget.value })}
            >
              {periodParam && !periods.includes(Number(periodParam)) && <option value={periodParam}>{periodParam}</option>}
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="profile-benchmark">
              {t.benchmark}
            </label>
            <select
              id="profile-benchmark"
              className="utrecht-select utrecht-select--html-select"
              value={benchmarkParam || NETHERLANDS}
              onChange={(e) => setQuery({ benchmark: e.currentTarget.value === NETHERLANDS ? undefined : e.currentTarget.value })}
            >
              {area.code === NETHERLANDS && <option value={NETHERLANDS}>{area.name}</option>}
              {benchmarkParam && !benchmarkChoices.some((b) => b.code === benchmarkParam) && <option value={benchmarkParam}>{benchmarkParam}</option>}
              {benchmarkChoices.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.level === 'land' ? b.name : t.benchmarkOption(t.levelInline(b.level), b.name)}
                </option>
              ))}
            </select>
          </div>
          <p className="kansrijk-controls__status" role="status">
            {data.loading && profileData ? t.updating : ''}
          </p>
        </form>

        {data.error ? (
          <LoadError what={t.loadingWhat} />
        ) : !profileData ? (
          <Loading />
        ) : (
          <div className="kansrijk-profile__body" aria-busy={data.loading}>
            {area.level === 'land' ? <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.noSpineForCountry}</p> : <SpineLegend levels={levels} benchmark={benchmark.name} />}
            {groups.map((g) => (
              <ProfileTable
                key={g.line}
                id={`actielijn-${g.line}`}
                heading={g.heading}
                rows={g.rows}
                indicators={indicators}
                area={area.name}
                period={profileData.period}
                benchmark={benchmark.name}
                levels={levels}
                spine={area.level !== 'land'}
                chartsHref={chartsHref}
                onShowCharts={showCharts}
              />
            ))}
            <ProfileCharts
              area={area}
              parents={parents}
              rows={profileData.indicators}
              groups={groups}
              indicator={indicatorParam}
              period={profileData.period}
              benchmark={benchmark}
              sort={sort}
              onIndicator={(id) => setQuery({ indicator: id || undefined })}
              onSort={(s) => setQuery({ sort: s === 'value' ? undefined : s })}
            />
          </div>
        )}
      </div>
    </Layout>
  );
}

function withParam(query: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(query);
  next.set(key, value);
  return next;
}
