// Analysetool (/nl/analyse/{code}, /en/analysis/{code}): for one gemeente and year, the
// indicators significantly worse than the benchmark, the wijken where the excess concentrates,
// the action lines and risk factors they point to, the recommended interventions with their
// reason, what the coalition plan covers, and the similar municipalities with the method.
// Year and benchmark live in the URL. Printable for the council (print button, print CSS).
// The analysis is loaded with the session cookie and never from the shared response cache: for
// partners of the gemeente's coalition and the programme team it includes the coalition plan.

import { useEffect, useMemo, useRef, useState } from 'react';
import { Layout, LoadError, Loading, SyntheticBanner } from '../components/Layout.tsx';
import { analysis as messagesAnalysis } from '../i18n/analysis.ts';
import { useFormat, useLang, useMessages, type Format } from '../i18n/index.ts';
import {
  useApi,
  useLiveApi,
  type Analysis,
  type Area,
  type Indicator,
  type InterventionList,
  type SimilarMunicipalities,
  type Text,
  type WorseIndicator,
} from '../lib/api.ts';
import { analysisPath, BENCHMARK_KINDS, formatWeight, parseAnalysisState, serializeAnalysisState, shareWidth, type AnalysisState } from '../menukaart/filters.ts';
import { ScrollBox } from '../charts/ScrollBox.tsx';
import { PrintButton, RecognitionBadge } from '../menukaart/parts.tsx';
import '../menukaart/menukaart.css';
import { localArea } from '../profile/data.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

type AnalysisRoute = Extract<Route, { page: 'analysis' }>;

/** Wijken listed per indicator before "show all". */
const TOP_WIJKEN = 5;

const SECTIONS = ['slechter', 'wijken', 'richting', 'aanbevolen', 'coalitieplan', 'vergelijkbaar', 'methode'] as const;

export default function AnalysisPage({ route }: { route: AnalysisRoute }) {
  const t = useMessages(messagesAnalysis);
  const area = useApi<Area>(`/api/v1/areas/${encodeURIComponent(route.code)}`);
  if (area.state === 'ready' && area.data.level === 'gemeente') return <AnalysisView route={route} area={area.data} />;
  const missing = area.state === 'error' && 'status' in area.error && (area.error as { status: number }).status === 404;
  return (
    <Layout route={route} title={missing ? t.areaNotFoundTitle : t.pageTitle(route.code)}>
      <h1 className="utrecht-heading-1">{missing ? t.areaNotFoundTitle : t.heading(area.state === 'ready' ? localArea(area.data, route.lang).name : route.code)}</h1>
      {area.state === 'loading' && <Loading />}
      {missing && <p className="utrecht-paragraph">{t.areaNotFound(route.code)}</p>}
      {area.state === 'error' && !missing && <LoadError what={t.whatArea} />}
      {area.state === 'ready' && (
        <p className="utrecht-paragraph">
          {t.notGemeente(localArea(area.data, route.lang).name)}{' '}
          <a className="utrecht-link" href={href({ page: 'area', lang: route.lang, code: area.data.code })} onClick={onLinkClick}>
            {t.toProfile(localArea(area.data, route.lang).name)}
          </a>
        </p>
      )}
    </Layout>
  );
}

function AnalysisView({ route, area }: { route: AnalysisRoute; area: Area }) {
  const t = useMessages(messagesAnalysis);
  const lang = route.lang;
  const f = useFormat();
  const state = useMemo(() => parseAnalysisState(route.query), [route.query]);
  const data = useKeptLiveApi<Analysis>(analysisPath(area.code, state));
  const similar = useApi<SimilarMunicipalities>(`/api/v1/areas/${encodeURIComponent(area.code)}/similar`);
  const region = useApi<Area>(area.parents.ggdregio ? `/api/v1/areas/${encodeURIComponent(area.parents.ggdregio)}` : null);
  const indicators = useApi<Indicator[]>('/api/v1/indicators');
  const interventions = useApi<InterventionList>('/api/v1/interventions');
  const periods = useMemo(
    () => (indicators.state === 'ready' ? [...new Set(indicators.data.flatMap((i) => i.periods))].sort((a, b) => b - a) : []),
    [indicators],
  );
  const fundingLabels = useMemo(() => {
    const map = new Map<string, string[]>();
    if (interventions.state === 'ready') for (const i of interventions.data.items) map.set(i.id, [...new Set(i.labels.funding.map((x) => x.route[lang]))]);
    return map;
  }, [interventions, lang]);

  // Details (the full comparison) open for print, so the printed analysis is complete.
  useEffect(() => {
    const open = () => document.querySelectorAll('details.kansrijk-print-open').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  const setState = (next: AnalysisState) => navigate(href({ page: 'analysis', lang, code: area.code, query: serializeAnalysisState(next) }), { replace: true });
  const a = data.data;
  const benchmarkName = a ? localName(a.benchmark.name, lang) : '';
  const k = similar.state === 'ready' ? similar.data.k : 15;
  const regionName = region.state === 'ready' ? region.data.name : undefined;
  const name = area.name;

  return (
    <Layout route={route} title={t.pageTitle(name)}>
      <div className="kansrijk-analysis">
        <p className="utrecht-paragraph kansrijk-no-print">
          <a className="utrecht-link" href={href({ page: 'area', lang, code: area.code, query: state.period ? { period: String(state.period) } : undefined })} onClick={onLinkClick}>
            ← {t.toProfile(name)}
          </a>
        </p>
        <div className="kansrijk-menukaart__head">
          <div>
            <h1 className="utrecht-heading-1">{t.heading(name)}</h1>
            <p className="utrecht-paragraph kansrijk-muted">{t.meta(area.code, a?.period ?? state.period ?? '…', benchmarkName || '…')}</p>
          </div>
          <PrintButton />
        </div>
        {a?.synthetic && <SyntheticBanner />}
        <p className="utrecht-paragraph kansrijk-lead">{t.intro}</p>

        <form className="kansrijk-analysis__controls kansrijk-no-print" aria-label={t.settings} onSubmit={(e) => e.preventDefault()}>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="analysis-period">
              {t.period}
            </label>
            <select
              id="analysis-period"
              className="utrecht-select utrecht-select--html-select"
              value={String(state.period ?? a?.period ?? periods[0] ?? '')}
              onChange={(e) => setState({ ...state, period: Number(e.currentTarget.value) === periods[0] ? undefined : Number(e.currentTarget.value) })}
            >
              {state.period !== undefined && !periods.includes(state.period) && <option value={state.period}>{state.period}</option>}
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kansrijk-analysis__benchmark">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend utrecht-form-label">{t.benchmark}</legend>
            <div className="kansrijk-analysis__radios">
              {BENCHMARK_KINDS.map((kind) => (
                <div className="kansrijk-choice" key={kind}>
                  <input
                    type="radio"
                    id={`analysis-benchmark-${kind}`}
                    name="benchmark"
                    className="kansrijk-radio"
                    value={kind}
                    checked={state.benchmark === kind}
                    onChange={() => setState({ ...state, benchmark: kind })}
                  />
                  <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`analysis-benchmark-${kind}`}>
                    {t.benchmarkOption(kind, regionName, k)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </form>
        <p className="kansrijk-analysis__status" role="status">
          {data.loading && a ? t.updating : ''}
        </p>

        {data.error ? (
          <LoadError what={t.whatAnalysis} />
        ) : !a ? (
          <Loading />
        ) : (
          <div className="kansrijk-analysis__body" aria-busy={data.loading}>
            <nav className="kansrijk-toc kansrijk-no-print" aria-labelledby="analysis-toc">
              <h2 className="kansrijk-toc__heading" id="analysis-toc">
                {t.contents}
              </h2>
              <ol>
                {SECTIONS.map((id) => (
                  <li key={id}>
                    <a className="utrecht-link" href={`#${id}`}>
                      {sectionTitle(id, t, benchmarkName)}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
            <WorseSection a={a} benchmarkName={benchmarkName} f={f} />
            <WijkenSection a={a} f={f} />
            <DirectionSection a={a} />
            <RecommendationsSection a={a} fundingLabels={fundingLabels} />
            <PlanCoverageSection a={a} f={f} />
            <SimilarSection area={area} similar={similar.state === 'ready' ? similar.data : undefined} failed={similar.state === 'error'} state={state} f={f} />
            <section aria-labelledby="methode" className="kansrijk-analysis__section">
              <h2 className="utrecht-heading-2" id="methode">
                {t.methodSectionHeading}
              </h2>
              <dl className="utrecht-data-list kansrijk-facts">
                <Item label={t.significance}>{a.method.significance[lang]}</Item>
                <Item label={t.benchmarks}>{a.method.benchmarks[lang]}</Item>
                <Item label={t.excessMethod}>{a.method.excess[lang]}</Item>
                <Item label={t.recommendationsMethod}>{a.method.recommendations[lang]}</Item>
                <Item label={t.source}>{a.source[lang]}</Item>
              </dl>
              <p className="utrecht-paragraph kansrijk-no-print">
                <a className="utrecht-link" href={analysisPath(area.code, state)}>
                  {t.analysisApi}
                </a>
              </p>
            </section>
          </div>
        )}
      </div>
    </Layout>
  );
}

type T = (typeof messagesAnalysis)['nl'];

/**
 * The analysis as it stands for this session (useLiveApi: with the cookie, not shared, not from
 * the browser cache), keeping the last answer on screen while the next year or benchmark loads.
 */
function useKeptLiveApi<T>(path: string): { data: T | undefined; loading: boolean; error: Error | undefined } {
  const [result] = useLiveApi<T>(path);
  const last = useRef<T | undefined>(undefined);
  if (result.state === 'ready') last.current = result.data;
  return {
    data: result.state === 'ready' ? result.data : last.current,
    loading: result.state === 'loading',
    error: result.state === 'error' ? result.error : undefined,
  };
}

function sectionTitle(id: (typeof SECTIONS)[number], t: T, benchmark: string): string {
  switch (id) {
    case 'slechter':
      return t.worseHeading(benchmark);
    case 'wijken':
      return t.wijkenHeading;
    case 'richting':
      return t.directionHeading;
    case 'aanbevolen':
      return t.recommendationsHeading;
    case 'coalitieplan':
      return t.planHeading;
    case 'vergelijkbaar':
      return t.similarHeading;
    case 'methode':
      return t.methodSectionHeading;
  }
}

/** "Nederland" in Dutch, "the Netherlands" in English: the API's name of the benchmark. */
function localName(name: Text, lang: 'nl' | 'en'): string {
  return name[lang];
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

function interval(w: { lowercl95: number | null; uppercl95: number | null }, f: Format): string {
  if (w.lowercl95 === null || w.uppercl95 === null) return '–';
  return `${f.number(w.lowercl95)} – ${f.number(w.uppercl95)}`;
}

function WorseSection({ a, benchmarkName, f }: { a: Analysis; benchmarkName: string; f: Format }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  const judged = a.overview.filter((o) => o.judged && !o.suppressed && o.value !== null).length;
  return (
    <section aria-labelledby="slechter" className="kansrijk-analysis__section">
      <h2 className="utrecht-heading-2" id="slechter">
        {t.worseHeading(benchmarkName)}
      </h2>
      <p className="utrecht-paragraph">{t.worseSummary(a.worse.length, judged, benchmarkName)}</p>
      {a.benchmark.kind === 'similar' && <p className="utrecht-paragraph">{t.pooledExplained}</p>}
      {a.worse.length > 0 && (
        <ScrollBox className="kansrijk-table-wrap" role="region" label={t.worseCaption(benchmarkName)}>
          <table className="utrecht-table kansrijk-table">
            <caption className="utrecht-table__caption kansrijk-table__caption">{t.worseCaption(benchmarkName)}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.indicator}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.value}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.interval}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.benchmarkValue(benchmarkName)}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.cases}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.excess}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {a.worse.map((w) => (
                <tr className="utrecht-table__row" key={w.indicator.id}>
                  <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">
                    <a className="utrecht-link" href={`#wijken-${w.indicator.id}`}>
                      {w.indicator.name[lang]}
                    </a>
                  </th>
                  <td className="utrecht-table__cell kansrijk-num">{f.value(w.value, w.indicator.unit)}</td>
                  <td className="utrecht-table__cell kansrijk-num">{interval(w, f)}</td>
                  <td className="utrecht-table__cell kansrijk-num">
                    {f.value(w.benchmarkValue, w.indicator.unit)}
                    {w.pooled && w.pooled.included < w.pooled.members && <span className="kansrijk-cell-note">{t.pooled(w.pooled.included, w.pooled.members)}</span>}
                  </td>
                  <td className="utrecht-table__cell kansrijk-num">{t.casesOf(f.count(w.numerator), f.count(w.denominator))}</td>
                  <td className="utrecht-table__cell kansrijk-num">
                    {f.count(Math.round(w.excess.excess))}
                    {w.indicator.polarity === 'high-is-good' && <span className="kansrijk-cell-note">{t.shortfall}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <details className="kansrijk-details kansrijk-print-open">
        <summary>{t.overviewSummary}</summary>
        <ScrollBox className="kansrijk-table-wrap" role="region" label={t.overviewCaption(benchmarkName)}>
          <table className="utrecht-table kansrijk-table">
            <caption className="utrecht-table__caption kansrijk-table__caption">{t.overviewCaption(benchmarkName)}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.indicator}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.value}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.benchmarkValue(benchmarkName)}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.comparison}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {a.overview.map((o) => (
                <tr className="utrecht-table__row" key={o.indicator}>
                  <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">{o.name[lang]}</th>
                  <td className="utrecht-table__cell kansrijk-num">{o.suppressed ? '–' : f.number(o.value)}</td>
                  <td className="utrecht-table__cell kansrijk-num">{f.number(o.benchmarkValue)}</td>
                  <td className="utrecht-table__cell">
                    <span className={`kansrijk-comparison-word kansrijk-comparison-word--${o.comparison}`}>
                      {o.suppressed ? t.suppressed : !o.judged ? `${t.comparisonWord(o.comparison)} (${t.notJudged})` : t.comparisonWord(o.comparison)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </section>
  );
}

function WijkenSection({ a, f }: { a: Analysis; f: Format }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  return (
    <section aria-labelledby="wijken" className="kansrijk-analysis__section">
      <h2 className="utrecht-heading-2" id="wijken">
        {t.wijkenHeading}
      </h2>
      <p className="utrecht-paragraph">{a.method.excess[lang]}</p>
      {a.worse.length === 0 && <p className="utrecht-paragraph">{t.noneWorse}</p>}
      {a.worse.map((w) => (
        <WijkTable key={w.indicator.id} w={w} f={f} />
      ))}
    </section>
  );
}

function WijkTable({ w, f }: { w: WorseIndicator; f: Format }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  const [all, setAll] = useState(false);
  const e = w.excess;
  const name = w.indicator.name[lang];
  const excessLabel = w.indicator.polarity === 'high-is-good' ? t.shortfall : t.excess;
  const whole = (x: number) => f.count(Math.round(x));
  const pct = (share: number | null) => (share === null ? '–' : `${f.number(share * 100, 0)}%`);
  const shareOf = (x: number) => (e.excess > 0 ? x / e.excess : null);
  const shown = all ? e.wijken : e.wijken.slice(0, TOP_WIJKEN);
  const more = e.wijken.slice(shown.length);
  const moreExcess = more.reduce((sum, wk) => sum + wk.excess, 0);
  const tableId = `wijken-tabel-${w.indicator.id}`;
  const restRow = (key: string, label: string, excess: number) => (
    <tr className="utrecht-table__row kansrijk-table__rest" key={key}>
      <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">{label}</th>
      <td className="utrecht-table__cell kansrijk-num">–</td>
      <td className="utrecht-table__cell kansrijk-num">–</td>
      <td className="utrecht-table__cell kansrijk-num">–</td>
      <td className="utrecht-table__cell kansrijk-num">{whole(excess)}</td>
      <td className="utrecht-table__cell kansrijk-share-col">{pct(shareOf(excess))}</td>
    </tr>
  );
  return (
    <div className="kansrijk-analysis__indicator">
      <h3 className="utrecht-heading-3" id={`wijken-${w.indicator.id}`}>
        {name}
      </h3>
      <p className="utrecht-paragraph">{w.finding[lang]}.</p>
      {e.wijken.length === 0 && <p className="utrecht-paragraph">{t.noWijken}</p>}
      <ScrollBox className="kansrijk-table-wrap" role="region" label={t.wijkenCaption(name)}>
        <table className="utrecht-table kansrijk-table kansrijk-wijk-table" id={tableId}>
          <caption className="utrecht-table__caption kansrijk-table__caption">{t.wijkenCaption(name)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t.wijk}</th>
              <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.value}</th>
              <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.observed}</th>
              <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.expected}</th>
              <th className="utrecht-table__header-cell kansrijk-num" scope="col">{excessLabel}</th>
              <th className="utrecht-table__header-cell kansrijk-share-col" scope="col">{t.share}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((wk) => (
              <tr className="utrecht-table__row" key={wk.code}>
                <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">{wk.name}</th>
                <td className="utrecht-table__cell kansrijk-num">{f.value(wk.value, w.indicator.unit)}</td>
                <td className="utrecht-table__cell kansrijk-num">{f.count(wk.observed)}</td>
                <td className="utrecht-table__cell kansrijk-num">{whole(wk.expected)}</td>
                <td className="utrecht-table__cell kansrijk-num">{whole(wk.excess)}</td>
                <td className="utrecht-table__cell kansrijk-share-col">
                  <ShareBar share={wk.share} text={pct(wk.share)} />
                </td>
              </tr>
            ))}
            {more.length > 0 && restRow('more', t.moreWijken(more.length), moreExcess)}
            {e.otherWijken.count > 0 && restRow('other', t.otherWijken(e.otherWijken.count), e.otherWijken.excess)}
            {e.notPublished.count > 0 && restRow('hidden', t.notPublished(e.notPublished.count), e.notPublished.excess)}
          </tbody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row kansrijk-table__total">
              <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">{t.gemeenteTotal}</th>
              <td className="utrecht-table__cell kansrijk-num">{f.value(w.value, w.indicator.unit)}</td>
              <td className="utrecht-table__cell kansrijk-num">{f.count(e.observed)}</td>
              <td className="utrecht-table__cell kansrijk-num">{whole(e.expected)}</td>
              <td className="utrecht-table__cell kansrijk-num">{whole(e.excess)}</td>
              <td className="utrecht-table__cell kansrijk-share-col">{pct(e.excess > 0 ? 1 : null)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      {e.wijken.length > TOP_WIJKEN && (
        <button type="button" className="kansrijk-link-button kansrijk-no-print" aria-expanded={all} aria-controls={tableId} onClick={() => setAll(!all)}>
          {all ? t.showTopWijken(TOP_WIJKEN) : t.showAllWijken(e.wijken.length, name)}
        </button>
      )}
    </div>
  );
}

/** The share as a bar with its number; the bar is decoration (the number says it). */
function ShareBar({ share, text }: { share: number | null; text: string }) {
  const width = shareWidth(share);
  return (
    <span className="kansrijk-share">
      <span className="kansrijk-share__track" aria-hidden="true">
        <span className="kansrijk-share__bar" style={{ width: `${width}%` }} />
      </span>
      <span className="kansrijk-share__text">{text}</span>
    </span>
  );
}

function DirectionSection({ a }: { a: Analysis }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  const names = new Map(a.worse.map((w) => [w.indicator.id, w.indicator.name[lang]] as const));
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  return (
    <section aria-labelledby="richting" className="kansrijk-analysis__section">
      <h2 className="utrecht-heading-2" id="richting">
        {t.directionHeading}
      </h2>
      <p className="utrecht-paragraph">{t.directionIntro}</p>
      {a.worse.length === 0 ? (
        <p className="utrecht-paragraph">{t.noneWorse}</p>
      ) : (
        <>
          <h3 className="utrecht-heading-3">{t.actionLinesHeading}</h3>
          <ul className="kansrijk-facts__list kansrijk-action-lines">
            {a.actionLines.map((l) => (
              <li key={l.actionLine}>
                <strong>{l.label[lang]}</strong>: {t.indicatorCount(l.indicators.length)} ({list(l.indicators)})
              </li>
            ))}
          </ul>
          <h3 className="utrecht-heading-3">{t.riskFactorsHeading}</h3>
          <ScrollBox className="kansrijk-table-wrap" role="region" label={t.riskFactorsHeading}>
            <table className="utrecht-table kansrijk-table">
              <caption className="kansrijk-visually-hidden">{t.riskFactorsHeading}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t.riskFactor}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.domain}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.behind}</th>
                  <th className="utrecht-table__header-cell kansrijk-no-print" scope="col">{t.inMenukaart}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {a.riskFactors.map((r) => (
                  <tr className="utrecht-table__row" key={r.id}>
                    <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">{r.name[lang]}</th>
                    <td className="utrecht-table__cell">{r.domainLabel?.[lang] ?? '–'}</td>
                    <td className="utrecht-table__cell">
                      {t.indicatorCount(r.indicators.length)}: {list(r.indicators)}
                    </td>
                    <td className="utrecht-table__cell kansrijk-no-print">
                      <a className="utrecht-link" href={href({ page: 'menukaart', lang, query: { riskFactor: r.id } })} onClick={onLinkClick}>
                        {t.showInterventions(r.name[lang])}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </section>
  );
}

function RecommendationsSection({ a, fundingLabels }: { a: Analysis; fundingLabels: ReadonlyMap<string, string[]> }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  const indicatorNames = new Map(a.worse.map((w) => [w.indicator.id, w.indicator.name[lang]] as const));
  const riskNames = new Map(a.riskFactors.map((r) => [r.id, r.name[lang]] as const));
  return (
    <section aria-labelledby="aanbevolen" className="kansrijk-analysis__section">
      <h2 className="utrecht-heading-2" id="aanbevolen">
        {t.recommendationsHeading}
      </h2>
      {a.recommendations.length === 0 ? (
        <p className="utrecht-paragraph">{a.worse.length === 0 ? t.noneWorse : t.noRecommendations}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t.recommendationsIntro(a.recommendations.length)}</p>
          <ol className="kansrijk-recommendations">
            {a.recommendations.map((r) => {
              const i = r.intervention;
              const headingId = `aanbeveling-${i.id}`;
              const funding = fundingLabels.get(i.id);
              return (
                <li key={i.id} className="kansrijk-recommendation">
                  <article aria-labelledby={headingId}>
                    <h3 className="utrecht-heading-3 kansrijk-recommendation__name" id={headingId}>
                      <a className="utrecht-link" href={href({ page: 'intervention', lang, id: i.id })} onClick={onLinkClick}>
                        {i.name}
                      </a>
                    </h3>
                    <p className="kansrijk-intervention__badges">
                      <RecognitionBadge level={i.recognition.level} label={i.recognition.label} />
                      {i.availability.scope === 'local' && <span className="kansrijk-tag">{t.localProgramme}</span>}
                    </p>
                    <p className="utrecht-paragraph kansrijk-recommendation__reason">
                      <strong>{t.reason}:</strong> {r.reason[lang]}
                    </p>
                    <dl className="kansrijk-result__meta">
                      <div>
                        <dt>{t.trace}</dt>
                        <dd>
                          <ul className="kansrijk-trace">
                            {r.trace.map((tr) => (
                              <li key={tr.indicator}>{t.traceLine(indicatorNames.get(tr.indicator) ?? tr.indicator, tr.riskFactors.map((id) => riskNames.get(id) ?? id).join(', '))}</li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                      {funding && funding.length > 0 && (
                        <div>
                          <dt>{t.funding}</dt>
                          <dd>{funding.join('; ')}</dd>
                        </div>
                      )}
                    </dl>
                  </article>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

type PlanRow = Analysis['coveredByPlan'][number];
type PlanItem = PlanRow['planItems'][number];

/** Recommended and in the plan, recommended and not yet in it, in the plan and not recommended:
 * for partners of the coalition and the programme team; for others the note says why not. */
function PlanCoverageSection({ a, f }: { a: Analysis; f: Format }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  const note = a.coveredByPlanNote;
  const shown = note.reason === 'shown';
  const rows = (kind: PlanRow['coverage']) => a.coveredByPlan.filter((r) => r.coverage === kind);
  const planned = rows('planned');
  const notPlanned = rows('not-planned');
  const other = rows('not-recommended');
  const reach = (item: PlanItem) => (item.targetReach === null ? t.planUnknown : f.count(item.targetReach));
  const cells = (item: PlanItem) => (
    <>
      <td className="utrecht-table__cell">{item.statusLabel[lang]}</td>
      <td className="utrecht-table__cell kansrijk-num">{reach(item)}</td>
      <td className="utrecht-table__cell">{item.fundingRouteLabel?.[lang] ?? t.planUnknown}</td>
    </>
  );
  const interventionLink = (i: { id: string; name: string | null }) => (
    <a className="utrecht-link" href={href({ page: 'intervention', lang, id: i.id })} onClick={onLinkClick}>
      {i.name ?? i.id}
    </a>
  );
  const head = (first: string) => (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        <th className="utrecht-table__header-cell" scope="col">{first}</th>
        <th className="utrecht-table__header-cell" scope="col">{t.planColStatus}</th>
        <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.planColReach}</th>
        <th className="utrecht-table__header-cell" scope="col">{t.planColFunding}</th>
      </tr>
    </thead>
  );
  return (
    <section aria-labelledby="coalitieplan" className="kansrijk-analysis__section" data-plan-coverage={note.reason}>
      <h2 className="utrecht-heading-2" id="coalitieplan">
        {t.planHeading}
      </h2>
      <p className="utrecht-paragraph kansrijk-plan-note">{note[lang]}</p>
      {note.coalition && shown && (
        <p className="utrecht-paragraph kansrijk-no-print">
          <a className="utrecht-link" href={href({ page: 'coalition', lang, id: note.coalition.id })} onClick={onLinkClick}>
            {t.planToWorkspace(note.coalition.name)}
          </a>
        </p>
      )}
      {note.reason === 'signed-out' && (
        <p className="utrecht-paragraph kansrijk-no-print">
          <a className="utrecht-link" href={href({ page: 'signin', lang })} onClick={onLinkClick}>
            {t.planSignIn}
          </a>
        </p>
      )}
      {shown && (
        <>
          <h3 className="utrecht-heading-3" id="plan-gepland">
            {t.planPlannedHeading(planned.length)}
          </h3>
          {planned.length === 0 ? (
            <p className="utrecht-paragraph">{t.planNone}</p>
          ) : (
            <ScrollBox className="kansrijk-table-wrap" role="region" label={t.planPlannedCaption}>
              <table className="utrecht-table kansrijk-table" data-testid="plan-planned">
                <caption className="utrecht-table__caption kansrijk-table__caption">{t.planPlannedCaption}</caption>
                {head(t.planColIntervention)}
                <tbody className="utrecht-table__body">
                  {planned.flatMap((r) =>
                    r.planItems.map((item) => (
                      <tr className="utrecht-table__row" key={item.id} data-intervention={r.intervention?.id}>
                        <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">
                          {t.planRank(r.rank ?? 0)} {r.intervention && interventionLink(r.intervention)}
                          {item.matchedBy === 'title' && item.title && <span className="kansrijk-cell-note">{t.planViaTitle(item.title)}</span>}
                        </th>
                        {cells(item)}
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </ScrollBox>
          )}
          <h3 className="utrecht-heading-3" id="plan-niet-gepland">
            {t.planNotPlannedHeading(notPlanned.length)}
          </h3>
          {notPlanned.length === 0 ? (
            <p className="utrecht-paragraph">{t.planNone}</p>
          ) : (
            <ol className="kansrijk-facts__list" style={{ paddingLeft: '2rem' }} data-testid="plan-not-planned">
              {notPlanned.map((r) => (
                <li key={r.intervention?.id} value={r.rank ?? undefined} data-intervention={r.intervention?.id}>
                  {r.intervention && interventionLink(r.intervention)}
                  {r.planItems.length > 0 && <span className="kansrijk-muted"> ({t.planStopped(r.planItems.length)})</span>}
                </li>
              ))}
            </ol>
          )}
          <h3 className="utrecht-heading-3" id="plan-niet-aanbevolen">
            {t.planOtherHeading(other.reduce((n, r) => n + r.planItems.length, 0))}
          </h3>
          {other.length === 0 ? (
            <p className="utrecht-paragraph">{t.planNone}</p>
          ) : (
            <ScrollBox className="kansrijk-table-wrap" role="region" label={t.planOtherCaption}>
              <table className="utrecht-table kansrijk-table" data-testid="plan-not-recommended">
                <caption className="utrecht-table__caption kansrijk-table__caption">{t.planOtherCaption}</caption>
                {head(t.planColItem)}
                <tbody className="utrecht-table__body">
                  {other.flatMap((r) =>
                    r.planItems.map((item) => (
                      <tr className="utrecht-table__row" key={item.id}>
                        <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">
                          {r.intervention ? interventionLink(r.intervention) : item.title}
                          {r.intervention && r.intervention.name === null && <span className="kansrijk-cell-note">{t.planWithdrawn}</span>}
                          {r.intervention && item.title && <span className="kansrijk-cell-note">{item.title}</span>}
                        </th>
                        {cells(item)}
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </section>
  );
}

function formatCharacteristic(id: string, value: number | null, f: Format): string {
  if (value === null) return '–';
  if (id === 'inhabitants' || id === 'density') return f.count(value);
  if (id === 'urbanity') return f.count(value);
  return `${f.count(value)}%`;
}

function SimilarSection({ area, similar, failed, state, f }: { area: Area; similar: SimilarMunicipalities | undefined; failed: boolean; state: AnalysisState; f: Format }) {
  const t = useMessages(messagesAnalysis);
  const lang = useLang();
  return (
    <section aria-labelledby="vergelijkbaar" className="kansrijk-analysis__section">
      <h2 className="utrecht-heading-2" id="vergelijkbaar">
        {t.similarHeading}
      </h2>
      {failed ? (
        <LoadError what={t.similarWhat} />
      ) : !similar ? (
        <Loading />
      ) : (
        <>
          <p className="utrecht-paragraph">{similar.method.summary[lang]}</p>
          <ScrollBox className="kansrijk-table-wrap" role="region" label={t.similarCaption(area.name, similar.k)}>
            <table className="utrecht-table kansrijk-table kansrijk-similar-table">
              <caption className="utrecht-table__caption kansrijk-table__caption">
                {t.similarCaption(area.name, similar.k)}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.rank}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.gemeente}</th>
                  <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.distance}</th>
                  {similar.method.variables.map((v) => (
                    <th className="utrecht-table__header-cell kansrijk-num" scope="col" key={v.id}>
                      {t.characteristic(v.id, v.name[lang])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                <tr className="utrecht-table__row kansrijk-table__self">
                  <td className="utrecht-table__cell kansrijk-num">–</td>
                  <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">
                    {area.name} <span className="kansrijk-muted">({t.self})</span>
                  </th>
                  <td className="utrecht-table__cell kansrijk-num">–</td>
                  {similar.method.variables.map((v) => (
                    <td className="utrecht-table__cell kansrijk-num" key={v.id}>
                      {formatCharacteristic(v.id, similar.characteristics[v.id] ?? null, f)}
                    </td>
                  ))}
                </tr>
                {similar.neighbours.map((n) => (
                  <tr className="utrecht-table__row" key={n.code}>
                    <td className="utrecht-table__cell kansrijk-num">{n.rank}</td>
                    <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">
                      <a className="utrecht-link" href={href({ page: 'analysis', lang, code: n.code, query: serializeAnalysisState(state) })} onClick={onLinkClick}>
                        {n.name}
                      </a>
                    </th>
                    <td className="utrecht-table__cell kansrijk-num">{f.number(n.distance, 2)}</td>
                    {similar.method.variables.map((v) => (
                      <td className="utrecht-table__cell kansrijk-num" key={v.id}>
                        {formatCharacteristic(v.id, n.characteristics[v.id] ?? null, f)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="utrecht-paragraph kansrijk-muted">{t.percentNote}</p>

          <h3 className="utrecht-heading-3">{t.methodHeading}</h3>
          <p className="utrecht-paragraph">{t.population(similar.method.population)}</p>
          <ScrollBox className="kansrijk-table-wrap" role="region" label={t.variablesCaption}>
            <table className="utrecht-table kansrijk-table">
              <caption className="utrecht-table__caption kansrijk-table__caption">{t.variablesCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t.variable}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.theme}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.transform}</th>
                  <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.weight}</th>
                  <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.mean}</th>
                  <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.sd}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {similar.method.variables.map((v) => (
                  <tr className="utrecht-table__row" key={v.id}>
                    <th className="utrecht-table__header-cell kansrijk-table__rowhead" scope="row">{v.name[lang]}</th>
                    <td className="utrecht-table__cell">{t.themeName(v.theme)}</td>
                    <td className="utrecht-table__cell">{t.transformName(v.transform)}</td>
                    <td className="utrecht-table__cell kansrijk-num">{formatWeight(v.weight, lang)}</td>
                    <td className="utrecht-table__cell kansrijk-num">{f.number(v.mean, 2)}</td>
                    <td className="utrecht-table__cell kansrijk-num">{f.number(v.sd, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <dl className="utrecht-data-list kansrijk-facts">
            <Item label={t.standardization}>{similar.method.standardization[lang]}</Item>
            <Item label={t.weights}>{similar.method.weights[lang]}</Item>
            <Item label={t.distanceMethod}>{similar.method.distance[lang]}</Item>
            <Item label={t.tieBreak}>{similar.method.tieBreak[lang]}</Item>
            <Item label={t.limitations}>{similar.method.limitations[lang]}</Item>
          </dl>
          <p className="utrecht-paragraph kansrijk-no-print">
            <a className="utrecht-link" href={`/api/v1/areas/${encodeURIComponent(area.code)}/similar`}>
              {t.similarApi}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
