// The national overview of local coalitions (/nl/coalities, /en/coalitions), public: a map of
// gemeenten by coalition status with a legend and counts, the same as a table, counts per status
// and per partner type, and the coverage of the country in gemeenten and inhabitants.

import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { CoalitionMap } from '../coalities/CoalitionMap.tsx';
import { STATUS_ORDER, STATUS_SWATCH } from '../coalities/palette.ts';
import '../coalities/coalities.css';
import type { GeoTopology } from '../atlas/geometry.ts';
import { coalities } from '../i18n/coalities.ts';
import { common } from '../i18n/common.ts';
import { formatFor } from '../i18n/index.ts';
import { workspace } from '../i18n/workspace.ts';
import { sessionMay, useApi, useLiveApi, useSession, type CoalitionOverview, type CoalitionStatus, type CoalitionSummary } from '../lib/api.ts';
import { href, onLinkClick, type Route } from '../router.ts';
import '../coalities/workspace/workspace.css';
import { RegisterCoalition } from '../coalities/RegisterCoalition.tsx';

export default function CoalitionsPage({ route }: { route: Extract<Route, { page: 'coalitions' }> }) {
  const lang = route.lang;
  const t = coalities[lang];
  const c = common[lang];
  const f = formatFor(lang);
  const overview = useApi<CoalitionOverview>('/api/v1/coalitions/overview');
  const geo = useApi<GeoTopology>('/api/v1/geo/gemeente');

  const body = () => {
    if (overview.state === 'loading') return <Loading />;
    if (overview.state === 'error') return <LoadError what={t.overviewData} />;
    const data = overview.data;
    const statusLabel = (s: CoalitionStatus | null) => (s ? (data.statuses.find((x) => x.id === s)?.label[lang] ?? s) : t.noCoalition);
    const legend: { key: CoalitionStatus | 'geen'; label: string; count: number }[] = [
      ...STATUS_ORDER.map((s) => ({ key: s, label: statusLabel(s), count: data.gemeentenByStatus[s] ?? 0 })),
      { key: 'geen', label: t.noCoalition, count: data.gemeentenByStatus.geen ?? 0 },
    ];
    const mapLabel = t.mapLabel(legend.map((l) => `${l.label}: ${f.count(l.count)}`).join('; '));
    const rows = [...data.gemeenten].sort((a, b) => a.name.localeCompare(b.name, lang === 'nl' ? 'nl-NL' : 'en-GB'));
    const percent = (share: number) => `${f.number(share * 100, 1)}%`;
    return (
      <>
        <section aria-labelledby="coalition-map-heading">
          <h2 id="coalition-map-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.mapHeading}</h2>
          <div className="kansrijk-coalition-layout">
            <div>
              {geo.state === 'ready' ? <CoalitionMap topology={geo.data} overview={data} label={mapLabel} /> : geo.state === 'error' ? <LoadError what={t.mapHeading} /> : <Loading />}
              <p className="utrecht-paragraph kansrijk-attribution"><small>{c.geoAttribution}</small></p>
            </div>
            <div>
              <h3 className="utrecht-heading-3">{t.legendHeading}</h3>
              <ul className="kansrijk-coalition-legend" data-testid="coalition-legend">
                {legend.map((l) => (
                  <li key={l.key}>
                    <span className="kansrijk-coalition-swatch" style={{ background: STATUS_SWATCH[l.key] }} aria-hidden="true" />
                    <span>{l.label}</span>: <strong>{f.count(l.count)}</strong>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </section>

        <section aria-labelledby="coalition-counts-heading">
          <h2 id="coalition-counts-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.countsHeading}</h2>
          <table className="utrecht-table" data-testid="coalition-status-counts">
            <caption className="utrecht-table__caption">{t.coalitionsByStatus}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.statusCol}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.coalitionsCol}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.gemeentenCol}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {legend.map((l) => (
                <tr key={l.key} className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="row">{l.label}</th>
                  <td className="utrecht-table__cell kansrijk-num">{l.key === 'geen' ? t.none : f.count(data.coalitions.byStatus[l.key])}</td>
                  <td className="utrecht-table__cell kansrijk-num">{f.count(l.count)}</td>
                </tr>
              ))}
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">{t.total}</th>
                <td className="utrecht-table__cell kansrijk-num">{f.count(data.coalitions.total)}</td>
                <td className="utrecht-table__cell kansrijk-num">{f.count(data.gemeenten.length)}</td>
              </tr>
            </tbody>
          </table>

          <h3 className="utrecht-heading-3">{t.partnerTypesHeading}</h3>
          <table className="utrecht-table" data-testid="coalition-partner-types">
            <caption className="utrecht-table__caption kansrijk-visually-hidden">{t.partnerTypesHeading}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.partnerTypeCol}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.partnerTypeCount}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.partnerTypes.map((p) => (
                <tr key={p.type} className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="row">{p.label[lang]}</th>
                  <td className="utrecht-table__cell kansrijk-num">{f.count(p.coalitions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="utrecht-paragraph">{t.allEight(data.coalitions.withAllEightPartnerTypes, data.coalitions.running)}</p>
        </section>

        <section aria-labelledby="coalition-coverage-heading">
          <h2 id="coalition-coverage-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.coverageHeading}</h2>
          <table className="utrecht-table" data-testid="coalition-coverage">
            <caption className="utrecht-table__caption kansrijk-visually-hidden">{t.coverageHeading}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.coverageLevelCol}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.coverageGemeentenCol}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.coverageInhabitantsCol}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.coverage.map((level) => (
                <tr key={level.id} className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="row">{level.label[lang]}</th>
                  <td className="utrecht-table__cell kansrijk-num">
                    {percent(level.gemeenten.share)} ({t.coverageOf(f.count(level.gemeenten.covered), f.count(level.gemeenten.total))})
                  </td>
                  <td className="utrecht-table__cell kansrijk-num">
                    {percent(level.inhabitants.share)} ({t.coverageOf(f.count(level.inhabitants.covered), f.count(level.inhabitants.total))})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="coalition-table-heading">
          <h2 id="coalition-table-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.tableHeading}</h2>
          <div className="kansrijk-coalition-table-wrap" tabIndex={0} role="region" aria-labelledby="coalition-table-heading">
            <table className="utrecht-table" data-testid="coalition-table">
              <caption className="utrecht-table__caption kansrijk-visually-hidden">{t.tableCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t.gemeenteCol}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.coalitionCol}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.statusCol}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {rows.map((g) => (
                  <tr key={g.code} className="utrecht-table__row" data-status={g.status ?? 'geen'}>
                    <th className="utrecht-table__header-cell" scope="row">{g.name}</th>
                    <td className="utrecht-table__cell">{g.coalition?.name ?? t.none}</td>
                    <td className="utrecht-table__cell">
                      <span className="kansrijk-coalition-swatch" style={{ background: STATUS_SWATCH[g.status ?? 'geen'] }} aria-hidden="true" /> {statusLabel(g.status)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </>
    );
  };

  return (
    <Layout route={route} title={t.overviewTitle}>
      <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.overviewTitle}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.overviewIntro}</p>
      <MyCoalitions lang={lang} />
      {body()}
    </Layout>
  );
}

/** Signed in: the coalitions the user works in (the programme team: all), each with what it lacks. */
function MyCoalitions({ lang }: { lang: Route['lang'] }) {
  const session = useSession();
  const [mine] = useLiveApi<CoalitionSummary[]>(session ? '/api/v1/coalitions/mine' : null);
  const t = workspace[lang];
  const f = formatFor(lang);
  if (!session || mine.state !== 'ready') return null;
  // A gemeente registers a coalition when it is not in a running one yet; the programme team always may.
  const ownArea = session.organisation.area;
  const mayRegister =
    sessionMay(session, 'coalition', 'create') && (session.user.role === 'programma' || (!!ownArea && !mine.data.some((c) => c.status !== 'gestopt' && c.gemeenten.some((g) => g.code === ownArea))));
  return (
    <section aria-labelledby="my-coalitions-heading" data-testid="my-coalitions">
      <h2 id="my-coalitions-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">
        {session.user.role === 'programma' ? t.myCoalitionsProgramme : t.myCoalitions}
      </h2>
      {mine.data.length === 0 ? (
        <p className="utrecht-paragraph">{t.myCoalitionsNone}</p>
      ) : (
        <ul className="kansrijk-mine">
          {mine.data.map((c) => (
            <li key={c.id} className="kansrijk-ws-card" data-testid="my-coalition">
              <h3 className="utrecht-heading-3">
                <a className="utrecht-link" href={href({ page: 'coalition', lang, id: c.id })} onClick={onLinkClick}>
                  {c.name}
                </a>
              </h3>
              <p className="utrecht-paragraph">
                <span className={`kansrijk-ws-pill kansrijk-ws-pill--${c.status}`}>{c.statusLabel[lang]}</span> · {c.gemeenten.map((g) => g.name).join(', ')}
              </p>
              <p className="utrecht-paragraph">
                <strong>{t.missingCount(c.partnerTypes.missing.length)}</strong>
                {c.partnerTypes.missing.length > 0 && <>: {c.partnerTypes.missing.map((m) => m.label[lang]).join(', ')}</>}
              </p>
              <p className="utrecht-paragraph kansrijk-ws-muted">
                {t.countsLine(c.counts.agreements, c.counts.goals, c.counts.plan, c.counts.updates)}
                {c.counts.lastUpdate && (
                  <>
                    <br />
                    {t.lastUpdate(f.date(c.counts.lastUpdate))}
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayRegister && <RegisterCoalition session={session} lang={lang} />}
    </section>
  );
}
