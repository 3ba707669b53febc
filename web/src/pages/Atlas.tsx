// The atlas page: a choropleth of the Netherlands (gemeenten, provincies, GGD-regio's,
// jeugdregio's) with drill-down into the wijken of a gemeente, a legend, an info panel, the
// table alternative, the figure's metadata, downloads and a permanent link. The whole view
// lives in the URL (see atlas/view-state.ts).

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Layout, LoadError, Loading, SyntheticBanner } from '../components/Layout.tsx';
import { atlas } from '../i18n/atlas.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useLang, useMessages } from '../i18n/index.ts';
import { useApi, type Area, type Indicator, type ValueRow } from '../lib/api.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';
import { AtlasMap } from '../atlas/AtlasMap.tsx';
import { classBounds, classCount, classCounts, classOf, legendDecimals } from '../atlas/classify.ts';
import { benchmarkInText, classesLabel, Controls } from '../atlas/Controls.tsx';
import { useAtlasValues, useLoad, valuesPaths, type AtlasValues, type BenchmarkInfo } from '../atlas/data.ts';
import { DataTable } from '../atlas/DataTable.tsx';
import { projectFeatures, topologyFeatures, type GeoTopology, type MapGeometry } from '../atlas/geometry.ts';
import { Legend, specialSwatches, type LegendEntry } from '../atlas/Legend.tsx';
import { COMPARISON_FILL, MISSING_FILL, sequentialColours, SUPPRESSED_FILL } from '../atlas/palette.ts';
import { capitalise, presenter, type Presenter } from '../atlas/present.ts';
import { isCanonical, parseViewState, serialiseViewState, valuesQuery, withChanges, type ViewState } from '../atlas/view-state.ts';
import '../atlas/atlas.css';

type Messages = (typeof atlas)['nl'];

function geoPathOf(state: ViewState): string {
  return state.level === 'wijk' ? `/api/v1/geo/wijk?gemeente=${state.gemeente}` : `/api/v1/geo/${state.level}`;
}

/** What the figure shows: geometry and values that belong together (kept while the next loads). */
interface Snapshot {
  state: ViewState;
  geometry: MapGeometry;
  data: AtlasValues;
  gemeente: Area | null;
  attribution: string | undefined;
}

export default function AtlasPage({ route }: { route: Extract<Route, { page: 'atlas' }> }) {
  const t = useMessages(atlas);
  const indicators = useApi<Indicator[]>('/api/v1/indicators');

  if (indicators.state !== 'ready') {
    return (
      <Layout route={route} title={t.title}>
        <h1 className="utrecht-heading-1">{t.heading}</h1>
        {indicators.state === 'loading' ? <Loading /> : <LoadError what={t.whatIndicators} />}
      </Layout>
    );
  }
  return <AtlasView route={route} indicators={indicators.data} />;
}

function AtlasView({ route, indicators }: { route: Extract<Route, { page: 'atlas' }>; indicators: Indicator[] }) {
  const t = useMessages(atlas);
  const tc = useMessages(common);
  const lang = useLang();
  const state = useMemo(() => parseViewState(route.query, indicators), [route.query.toString(), indicators]);
  const indicator = indicators.find((i) => i.id === state.indicator);

  // Write the cleaned-up view back, so the address bar always holds the exact permalink.
  useEffect(() => {
    if (!isCanonical(route.query, state)) navigate(href({ page: 'atlas', lang, query: serialiseViewState(state) }), { replace: true });
  }, [route.query.toString(), state, lang]);

  const linkTo = (changes: Partial<ViewState>) => href({ page: 'atlas', lang, query: serialiseViewState(withChanges(state, changes, indicators)) });
  const change = (changes: Partial<ViewState>) => navigate(linkTo(changes), { replace: true });

  // Context: the drilled-into gemeente, and for "own region" benchmarks the gemeenten's regions.
  const gemeente = useLoad<Area>(state.level === 'wijk' ? `/api/v1/areas/${state.gemeente}` : null);
  const needRegions = state.level === 'gemeente' && state.benchmark !== 'NL01';
  const gemeenten = useLoad<Area[]>(needRegions ? '/api/v1/areas?level=gemeente' : null);
  const gemeenteArea = state.level === 'wijk' && gemeente.data?.code === state.gemeente ? gemeente.data : null;
  const paths = valuesPaths(state, { gemeente: gemeenteArea, gemeenten: gemeenten.data });
  const values = useAtlasValues(paths);
  const geoPath = geoPathOf(state);
  const geo = useLoad<GeoTopology>(geoPath);
  const geometry = useMemo(() => (geo.data ? projectFeatures(topologyFeatures(geo.data, state.level)) : null), [geo.data]);

  const ready = !!paths && values.key === paths.join('\n') && !!values.data && geo.key === geoPath && !!geometry && (state.level !== 'wijk' || !!gemeenteArea);
  const snapshot = useRef<Snapshot | null>(null);
  if (ready) snapshot.current = { state, geometry: geometry!, data: values.data!, gemeente: gemeenteArea, attribution: geo.data?.attribution };
  const shown = snapshot.current;
  const error = values.error ?? geo.error ?? gemeente.error ?? gemeenten.error;

  // Keyboard focus to restore after a drill-down or the way back (once that map is shown).
  const [focusRequest, setFocusRequest] = useState<{ geo: string; code: string } | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  useEffect(() => {
    setPinned(null);
    setHovered(null);
  }, [shown ? geoPathOf(shown.state) : '']);

  const indicatorName = indicator?.name[lang] ?? state.indicator;
  const per = { gemeente: t.perGemeente, provincie: t.perProvincie, ggdregio: t.perGgdregio, jeugdregio: t.perJeugdregio, wijk: '' };
  const titleOf = (s: ViewState, g: Area | null) =>
    s.level === 'wijk' ? t.drillTitle(indicators.find((i) => i.id === s.indicator)?.name[lang] ?? s.indicator, g?.name ?? s.gemeente ?? '', s.period) : t.figureTitle(indicators.find((i) => i.id === s.indicator)?.name[lang] ?? s.indicator, per[s.level], s.period);

  const drillHref = (code: string) => linkTo({ level: 'wijk', gemeente: code });
  const nationalHref = linkTo({ level: 'gemeente', gemeente: null });
  const profileHref = (code: string) => href({ page: 'area', lang, code });

  const onActivate = (code: string, how: 'keyboard' | 'pointer') => {
    if (!shown) return;
    if (shown.state.level === 'gemeente') {
      if (how === 'keyboard') setFocusRequest({ geo: `/api/v1/geo/wijk?gemeente=${code}`, code: '*' });
      navigate(drillHref(code));
    } else {
      setPinned((p) => (p === code ? null : code));
    }
  };

  const goBack = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.detail === 0 && state.gemeente) setFocusRequest({ geo: '/api/v1/geo/gemeente', code: state.gemeente });
    onLinkClick(event);
  };

  const title = titleOf(state, gemeenteArea ?? (gemeente.data?.code === state.gemeente ? gemeente.data : null));
  const busy = !ready && !error;

  return (
    <Layout route={route} title={`${t.title}: ${indicatorName}`}>
      <h1 className="utrecht-heading-1">{t.heading}</h1>
      <p className="utrecht-paragraph atlas-intro">{t.intro}</p>
      {(shown?.data.values.synthetic ?? indicator?.synthetic) && <SyntheticBanner />}
      <Controls state={state} indicators={indicators} gemeenteName={gemeente.data?.name} onChange={change} />

      <section className="atlas-figure-section" aria-labelledby="atlas-figure-title">
        {state.level === 'wijk' && (
          <nav className="atlas-breadcrumb" aria-label={t.breadcrumb}>
            <ol>
              <li>
                <a className="utrecht-link" href={nationalHref} onClick={goBack}>
                  {t.netherlands}
                </a>
              </li>
              <li aria-current="page">{gemeente.data?.name ?? state.gemeente}</li>
            </ol>
          </nav>
        )}
        <div className="atlas-figure-header">
          <h2 className="utrecht-heading-2" id="atlas-figure-title">
            {title}
          </h2>
          <div className="atlas-views" role="group" aria-label={t.view}>
            {(['map', 'table'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={`utrecht-button ${state.view === v ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}`}
                aria-pressed={state.view === v}
                onClick={() => change({ view: v })}
                data-view-button={v}
              >
                {v === 'map' ? t.viewMap : t.viewTable}
              </button>
            ))}
          </div>
        </div>
        {state.level === 'wijk' && (
          <p className="atlas-drill-links">
            <a className="utrecht-link atlas-back" href={nationalHref} onClick={goBack} data-testid="atlas-back">
              <span aria-hidden="true">← </span>
              {t.backToNational}
            </a>
            {state.gemeente && (
              <a className="utrecht-link" href={profileHref(state.gemeente)} onClick={onLinkClick}>
                {t.openProfile(gemeente.data?.name ?? state.gemeente)}
              </a>
            )}
          </p>
        )}
        <p className="atlas-status" role="status">
          {busy ? t.loadingFigures : ''}
        </p>
        {error && !busy && <LoadError what={t.whatFigures} />}
        {shown && (
          <Figure
            snapshot={shown}
            t={t}
            title={titleOf(shown.state, shown.gemeente)}
            busy={busy}
            pinned={pinned}
            hovered={hovered}
            onShow={(code) => code && setHovered(code)}
            onActivate={onActivate}
            focusRequest={focusRequest && focusRequest.geo === geoPathOf(shown.state) ? focusRequest.code : null}
            onFocusHandled={() => setFocusRequest(null)}
            onSort={(sort) => change({ sort })}
            drillHref={drillHref}
            profileHref={profileHref}
            attribution={tc.geoAttribution}
          />
        )}
      </section>

      {shown && indicator && <Metadata snapshot={shown} indicator={indicator} t={t} />}

      <section className="atlas-section" aria-labelledby="atlas-downloads">
        <h2 className="utrecht-heading-2" id="atlas-downloads">
          {t.downloads}
        </h2>
        <Downloads state={state} gemeente={gemeenteArea} t={t} />
        <h3 className="utrecht-heading-3">{t.permalink}</h3>
        <Permalink t={t} />
      </section>
    </Layout>
  );
}

interface FigureProps {
  snapshot: Snapshot;
  t: Messages;
  title: string;
  busy: boolean;
  pinned: string | null;
  hovered: string | null;
  onShow: (code: string | null) => void;
  onActivate: (code: string, how: 'keyboard' | 'pointer') => void;
  focusRequest: string | null;
  onFocusHandled: () => void;
  onSort: (sort: ViewState['sort']) => void;
  drillHref: (code: string) => string;
  profileHref: (code: string) => string;
  attribution: string;
}

function Figure(props: FigureProps) {
  const { snapshot, t, title, busy, pinned, hovered } = props;
  const f = useFormat();
  const { state, geometry, data } = snapshot;
  const v = data.values;
  const rows = v.values;
  const byCode = useMemo(() => new Map(rows.map((r) => [r.area, r])), [rows]);
  const present = presenter(t, f, v.unit);

  // The benchmark's name per area ("Nederland", or the area's own region).
  // The API names Nederland in Dutch; in text it follows the page language.
  const nameOfBenchmark = (b: BenchmarkInfo) => (b.code === 'NL01' ? t.netherlandsInText : b.name);
  const single = data.benchmark ? { ...data.benchmark, name: nameOfBenchmark(data.benchmark) } : null;
  const benchmarkDisplay = single ? single.name : benchmarkInText(t, state.benchmark);
  const benchmarkNameOf = (code: string) => {
    const b = data.benchmarkOf.get(code);
    return b ? nameOfBenchmark(b) : benchmarkDisplay;
  };

  const published = rows.filter((r) => !r.suppressed && typeof r.value === 'number').map((r) => r.value as number);
  const bounds = useMemo(() => classBounds(published, state.classes), [rows, state.classes]);
  const colours = sequentialColours(classCount(bounds));

  const fillOf = (code: string) => {
    const row = byCode.get(code);
    if (row?.suppressed) return SUPPRESSED_FILL;
    if (!row || typeof row.value !== 'number') return MISSING_FILL;
    if (state.colour === 'comparison') return COMPARISON_FILL[row.comparison];
    const c = classOf(row.value, bounds);
    return c === null ? MISSING_FILL : colours[c]!;
  };

  // Legend entries, with the number of areas in each.
  const suppressedCount = rows.filter((r) => r.suppressed).length;
  const missingCount = geometry.shapes.filter((s) => {
    const r = byCode.get(s.code);
    return !r || (!r.suppressed && typeof r.value !== 'number');
  }).length;
  const special: LegendEntry[] = [
    { key: 'suppressed', label: t.legendSuppressed, count: suppressedCount, background: specialSwatches.suppressed },
    { key: 'missing', label: t.legendMissing, count: missingCount, background: specialSwatches.missing },
  ];
  let entries: LegendEntry[];
  let legendTitle: string;
  let legendSubtitle: string | undefined;
  let legendNote: string | undefined;
  if (state.colour === 'comparison') {
    const cats = v.polarity === 'none' ? (['lower', 'similar', 'higher'] as const) : (['better', 'similar', 'worse'] as const);
    const counted = (c: string) => rows.filter((r) => !r.suppressed && typeof r.value === 'number' && r.comparison === c).length;
    entries = cats.map((c) => ({ key: c, label: capitalise(t[c](benchmarkDisplay)), count: counted(c), background: COMPARISON_FILL[c] }));
    const notCompared = counted('not-compared');
    if (notCompared > 0) entries.push({ key: 'not-compared', label: capitalise(t.notCompared), count: notCompared, background: specialSwatches.notCompared });
    legendTitle = t.legendComparison(benchmarkDisplay);
    legendSubtitle = single && single.value !== null ? t.legendBenchmarkValue(capitalise(single.name), present.format(single.value)) : undefined;
  } else {
    const counts = classCounts(published, bounds);
    const d = legendDecimals(bounds);
    entries =
      bounds.length === 2 && bounds[0] === bounds[1]
        ? [{ key: 'class-0', label: present.format(bounds[0]), count: counts[0] ?? 0, background: colours[0]! }]
        : colours.map((colour, i) => ({
            key: `class-${i}`,
            label: bounds[i] === bounds[i + 1] ? f.value(bounds[i], v.unit, d) : `${f.number(bounds[i], d)} – ${f.value(bounds[i + 1], v.unit, d)}`,
            count: counts[i] ?? 0,
            background: colour,
          }));
    legendTitle = t.legendValue(v.unit[f.lang]);
    legendSubtitle = t.legendMethod(classesLabel(t, state.classes));
    if (bounds.length === 2 && bounds[0] === bounds[1]) legendNote = t.legendAllEqual;
  }
  entries = [...entries, ...special];

  const legend = <Legend heading={t.legend} title={legendTitle} subtitle={legendSubtitle} entries={entries} countLabel={t.areas} note={legendNote} />;
  const nameOf = (code: string) => byCode.get(code)?.name ?? geometry.shapes.find((s) => s.code === code)?.name ?? code;
  const fills = useMemo(() => new Map(geometry.shapes.map((s) => [s.code, fillOf(s.code)])), [geometry, byCode, state.colour, bounds]);
  const labels = useMemo(
    () => new Map(geometry.shapes.map((s) => [s.code, present.label(nameOf(s.code), byCode.get(s.code), benchmarkNameOf(s.code))])),
    [geometry, byCode, f.lang, data],
  );
  const panelCode = pinned ?? hovered;

  return (
    <div className="atlas-figure" aria-busy={busy} data-view={serialiseViewState(state).toString()} data-testid="atlas-figure">
      {rows.length === 0 && geometry.shapes.length === 0 ? (
        <p className="utrecht-paragraph">{t.noFigures}</p>
      ) : state.view === 'map' ? (
        <>
          <div className="atlas-figure__grid">
            <div className="atlas-figure__map">
              <p className="atlas-help" id="atlas-map-help">
                {state.level === 'gemeente' ? t.mapHelpDrill : t.mapHelpSelect}
              </p>
              <AtlasMap
                geometry={geometry}
                fills={fills}
                labels={labels}
                tooltipOf={(code) => <Tooltip name={nameOf(code)} row={byCode.get(code)} present={present} benchmark={benchmarkNameOf(code)} t={t} />}
                label={t.mapLabel(title)}
                describedBy="atlas-map-help"
                onActivate={props.onActivate}
                onShow={props.onShow}
                focusRequest={props.focusRequest}
                onFocusHandled={props.onFocusHandled}
                selected={pinned}
              />
              <p className="atlas-attribution">{props.attribution}</p>
            </div>
            <div className="atlas-figure__side">
              {legend}
              <InfoPanel
                code={panelCode}
                name={panelCode ? nameOf(panelCode) : null}
                row={panelCode ? byCode.get(panelCode) : undefined}
                present={present}
                benchmark={panelCode ? benchmarkNameOf(panelCode) : benchmarkDisplay}
                t={t}
                drillHref={state.level === 'gemeente' ? props.drillHref : undefined}
                profileHref={props.profileHref}
              />
            </div>
          </div>
        </>
      ) : (
        <DataTable
          rows={rows}
          caption={t.tableCaption(title, benchmarkDisplay)}
          sort={state.sort}
          onSort={props.onSort}
          present={present}
          benchmarkNameOf={benchmarkNameOf}
          benchmark={single ? single.name : null}
          profileHref={props.profileHref}
          drillHref={state.level === 'gemeente' ? props.drillHref : undefined}
        />
      )}
    </div>
  );
}

function Tooltip({ name, row, present, benchmark, t }: { name: string; row: ValueRow | undefined; present: Presenter; benchmark: string; t: Messages }) {
  const hasValue = !!row && !row.suppressed && typeof row.value === 'number';
  return (
    <>
      <strong className="atlas-tooltip__name">{name}</strong>
      <span className="atlas-tooltip__value">{present.value(row)}</span>
      {hasValue && (
        <>
          <span>
            {t.interval} {present.interval(row)}
          </span>
          <span>{capitalise(present.comparison(row, benchmark))}</span>
        </>
      )}
    </>
  );
}

function InfoPanel(props: { code: string | null; name: string | null; row: ValueRow | undefined; present: Presenter; benchmark: string; t: Messages; drillHref?: (code: string) => string; profileHref: (code: string) => string }) {
  const { code, name, row, present, benchmark, t } = props;
  const items: [string, ReactNode][] = row && !row.suppressed && typeof row.value === 'number'
    ? [
        [t.value, present.value(row)],
        [t.interval, present.interval(row)],
        [t.count, present.count(row)],
        [t.comparison, capitalise(present.comparison(row, benchmark))],
        [t.quintile, row.quintile ? t.quintileOf(row.quintile) : '–'],
        [t.smoothed, present.smoothed(row)],
        [t.trend, present.trend(row.trend)],
      ]
    : [[t.value, present.value(row)]];
  return (
    <div className="atlas-panel" data-testid="atlas-panel">
      <h3 className="utrecht-heading-3 atlas-panel__heading">{name ?? t.panelHeading}</h3>
      {code ? (
        <>
          <dl className="atlas-panel__list">
            {items.map(([k, v]) => (
              <div key={k} className="atlas-panel__item">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <ul className="atlas-panel__links">
            {props.drillHref && (
              <li>
                <a className="utrecht-link" href={props.drillHref(code)} onClick={onLinkClick}>
                  {t.showWijken(name ?? code)}
                </a>
              </li>
            )}
            <li>
              <a className="utrecht-link" href={props.profileHref(code)} onClick={onLinkClick}>
                {t.openProfile(name ?? code)}
              </a>
            </li>
          </ul>
        </>
      ) : (
        <p className="atlas-panel__hint">{t.panelHint}</p>
      )}
    </div>
  );
}

function Metadata({ snapshot, indicator, t }: { snapshot: Snapshot; indicator: Indicator; t: Messages }) {
  const lang = useLang();
  const { state, data } = snapshot;
  const benchmark = data.benchmark ? (data.benchmark.code === 'NL01' ? t.netherlandsInText : data.benchmark.name) : benchmarkInText(t, state.benchmark);
  const method = { proportion: t.methodProportion, rate: t.methodRate, mean: t.methodMean, count: t.methodCount }[indicator.method];
  const items: [string, ReactNode][] = [
    [t.indicator, indicator.name[lang]],
    [t.definition, indicator.definition[lang]],
    [t.numerator, indicator.numerator[lang]],
    [t.denominator, indicator.denominator[lang]],
    [t.period, String(state.period)],
    [t.source, data.values.source[lang]],
    [t.method, method],
    [t.comparison, indicator.polarity === 'none' ? t.comparisonMethodNone(benchmark) : t.comparisonMethod(benchmark)],
  ];
  if (state.colour === 'value') items.push([t.classesMethod, t.classesMethodText(classesLabel(t, state.classes))]);
  items.push([t.privacy, t.privacyText(indicator.suppression.minNumerator, indicator.suppression.minDenominator)]);
  items.push([t.smoothing, t.smoothingText]);
  return (
    <section className="atlas-section" aria-labelledby="atlas-meta">
      <h2 className="utrecht-heading-2" id="atlas-meta">
        {t.meta}
      </h2>
      <dl className="atlas-meta">
        {items.map(([k, v]) => (
          <div key={k} className="atlas-meta__item">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={href({ page: 'definitions', lang, indicator: indicator.id })} onClick={onLinkClick}>
          {t.definitionsLink(indicator.name[lang])}
        </a>
      </p>
    </section>
  );
}

function Downloads({ state, gemeente, t }: { state: ViewState; gemeente: Area | null; t: Messages }) {
  // The same query as the view; an "own region" benchmark of gemeenten has no single request.
  let benchmark: string | undefined;
  if (state.level === 'wijk' && state.benchmark !== 'NL01' && gemeente) {
    benchmark = state.benchmark === 'gemeente' ? gemeente.code : gemeente.parents[state.benchmark as 'provincie' | 'ggdregio' | 'jeugdregio'];
  }
  const downloadLang = useLang();
  const perRegion = state.level === 'gemeente' && state.benchmark !== 'NL01';
  const base = `/api/v1/indicators/${encodeURIComponent(state.indicator)}/values?${valuesQuery(state, benchmark).toString()}&lang=${downloadLang}`;
  return (
    <>
      <p className="utrecht-paragraph">{t.downloadText}</p>
      <ul className="atlas-downloads">
        <li>
          <a className="utrecht-link" href={`${base}&format=csv`} download data-download="csv">
            {t.downloadCsv}
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={`${base}&format=xlsx`} download data-download="xlsx">
            {t.downloadXlsx}
          </a>
        </li>
      </ul>
      {perRegion && <p className="utrecht-paragraph atlas-note">{t.downloadRegionNote}</p>}
    </>
  );
}

function Permalink({ t }: { t: Messages }) {
  const [copied, setCopied] = useState(false);
  const url = typeof location === 'undefined' ? '' : location.href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 4000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <p className="utrecht-paragraph">{t.permalinkText}</p>
      <p className="atlas-permalink">
        <a className="utrecht-link atlas-permalink__url" href={url}>
          {url}
        </a>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={copy}>
          {t.copyLink}
        </button>
        <span role="status" className="atlas-permalink__status">
          {copied ? t.copied : ''}
        </span>
      </p>
    </>
  );
}
