// One intervention (/nl/menukaart/{id}, /en/menu/{id}): every field of the content model.
// A fact the sources do not confirm is shown as "Onbekend" with its note, never left out.
// Printable: the print button and print CSS give a clean page with the source links written out.

import { useMemo } from 'react';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { useLang, useMessages } from '../i18n/index.ts';
import { menukaart } from '../i18n/menukaart.ts';
import { useApi, type Indicator, type InterventionDetail } from '../lib/api.ts';
import { formatSourceDate, lastMenukaartQuery } from '../menukaart/filters.ts';
import { KnownValue, PrintButton, RecognitionBadge, Row } from '../menukaart/parts.tsx';
import '../menukaart/menukaart.css';
import { href, onLinkClick, type Route } from '../router.ts';

type InterventionRoute = Extract<Route, { page: 'intervention' }>;

export default function InterventionPage({ route }: { route: InterventionRoute }) {
  const t = useMessages(menukaart);
  const detail = useApi<InterventionDetail>(`/api/v1/interventions/${encodeURIComponent(route.id)}`);
  if (detail.state === 'ready') return <InterventionView route={route} i={detail.data} />;
  const missing = detail.state === 'error' && 'status' in detail.error && (detail.error as { status: number }).status === 404;
  return (
    <Layout route={route} title={missing ? t.notFoundTitle : t.title}>
      <BackLink lang={route.lang} />
      {detail.state === 'loading' ? (
        <Loading />
      ) : missing ? (
        <>
          <h1 className="utrecht-heading-1">{t.notFoundTitle}</h1>
          <p className="utrecht-paragraph">{t.notFound(route.id)}</p>
        </>
      ) : (
        <>
          <h1 className="utrecht-heading-1">{t.title}</h1>
          <LoadError what={t.detailWhat} />
        </>
      )}
    </Layout>
  );
}

function BackLink({ lang }: { lang: InterventionRoute['lang'] }) {
  const t = useMessages(menukaart);
  const query = lastMenukaartQuery();
  return (
    <p className="utrecht-paragraph kansrijk-no-print">
      <a className="utrecht-link" href={href({ page: 'menukaart', lang, query: new URLSearchParams(query) })} onClick={onLinkClick}>
        ← {t.backToList}
      </a>
    </p>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function ExternalLink({ url, children }: { url: string; children?: React.ReactNode }) {
  return (
    <a className="utrecht-link kansrijk-external" href={url} data-url={url}>
      {children ?? hostOf(url)}
    </a>
  );
}

function InterventionView({ route, i }: { route: InterventionRoute; i: InterventionDetail }) {
  const t = useMessages(menukaart);
  const lang = useLang();
  const indicatorList = useApi<Indicator[]>('/api/v1/indicators');
  const indicatorNames = useMemo(() => new Map(indicatorList.state === 'ready' ? indicatorList.data.map((x) => [x.id, x.name[lang]] as const) : []), [indicatorList, lang]);
  const riskNames = new Map(i.riskFactorDetails.map((r) => [r.id, r.name[lang]] as const));
  const r = i.recognition;

  return (
    <Layout route={route} title={i.name}>
      <BackLink lang={lang} />
      <article className="kansrijk-intervention" aria-labelledby="intervention-name">
        <div className="kansrijk-menukaart__head">
          <div>
            <h1 className="utrecht-heading-1" id="intervention-name">
              {i.name}
            </h1>
            {i.aliases.length > 0 && (
              <p className="utrecht-paragraph kansrijk-intervention__aliases">
                {t.aliases}: {i.aliases.join(', ')}
              </p>
            )}
          </div>
          <PrintButton />
        </div>
        <p className="utrecht-paragraph kansrijk-lead">{i.summary[lang]}</p>
        <p className="kansrijk-intervention__badges">
          <RecognitionBadge level={r.level} label={i.labels.recognition} />
          {i.labels.phases.map((p) => (
            <span className="kansrijk-tag" key={p.nl}>
              {p[lang]}
            </span>
          ))}
        </p>

        <section aria-labelledby="sec-for-whom">
          <h2 className="utrecht-heading-2" id="sec-for-whom">
            {t.sectionForWhom}
          </h2>
          <dl className="utrecht-data-list kansrijk-facts">
            <Row label={t.targetGroup}>
              <KnownValue value={i.targetGroup} />
            </Row>
            <Row label={t.goals}>
              <ul className="kansrijk-facts__list">
                {i.goals.map((g) => (
                  <li key={g.nl}>{g[lang]}</li>
                ))}
              </ul>
            </Row>
            <Row label={t.phases}>{i.labels.phases.map((p) => p[lang]).join(', ')}</Row>
            <Row label={t.actionLines}>
              <ul className="kansrijk-facts__list">
                {i.labels.actionLines.map((a) => (
                  <li key={a.nl}>{a[lang]}</li>
                ))}
              </ul>
            </Row>
            <Row label={t.availability}>{i.availability.scope === 'national' ? t.national : `${t.local}. ${i.availability.note[lang]}`}</Row>
          </dl>
        </section>

        <section aria-labelledby="sec-risk">
          <h2 className="utrecht-heading-2" id="sec-risk">
            {t.sectionRiskFactors}
          </h2>
          <p className="utrecht-paragraph">{t.riskFactorsIntro}</p>
          <ul className="kansrijk-facts__list kansrijk-risk-links">
            {i.riskFactorDetails.map((rf) => (
              <li key={rf.id}>
                <a
                  className="utrecht-link"
                  href={href({ page: 'menukaart', lang, query: { riskFactor: rf.id } })}
                  onClick={onLinkClick}
                  aria-label={t.riskFactorLink(rf.name[lang])}
                >
                  {rf.name[lang]}
                </a>
              </li>
            ))}
          </ul>
          {i.indicators.length > 0 && (
            <>
              <h3 className="utrecht-heading-3">{t.indicatorsHeading}</h3>
              <p className="utrecht-paragraph">{t.indicatorsIntro}</p>
              <ul className="kansrijk-facts__list">
                {i.indicators.map((ind) => (
                  <li key={ind.indicator}>
                    <a className="utrecht-link" href={href({ page: 'definitions', lang, indicator: ind.indicator })} onClick={onLinkClick}>
                      {indicatorNames.get(ind.indicator) ?? ind.indicator}
                    </a>{' '}
                    <span className="kansrijk-muted">
                      ({t.via} {ind.riskFactors.map((id) => riskNames.get(id) ?? id).join(', ')})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="sec-delivery">
          <h2 className="utrecht-heading-2" id="sec-delivery">
            {t.sectionDelivery}
          </h2>
          <dl className="utrecht-data-list kansrijk-facts">
            <Row label={t.intensity}>
              <KnownValue value={i.intensity} />
            </Row>
            <Row label={t.duration}>
              <KnownValue value={i.duration} />
            </Row>
            <Row label={t.deliveredBy}>
              <KnownValue value={i.deliveredBy} />
            </Row>
            <Row label={t.owner}>
              <KnownValue value={i.owner} />
            </Row>
          </dl>
        </section>

        <section aria-labelledby="sec-recognition">
          <h2 className="utrecht-heading-2" id="sec-recognition">
            {t.sectionRecognition}
          </h2>
          <dl className="utrecht-data-list kansrijk-facts">
            <Row label={t.level}>
              <RecognitionBadge level={r.level} label={i.labels.recognition} />
            </Row>
            <Row label={t.dates}>{r.dates.length ? r.dates.map((d) => formatSourceDate(d, lang)).join(', ') : <span className="kansrijk-muted">{t.noDate}</span>}</Row>
            <Row label={t.assessedBy}>{r.system[lang]}</Row>
            <Row label={t.source}>{r.source ? <ExternalLink url={r.source} /> : <span className="kansrijk-muted">{t.noSource}</span>}</Row>
            <Row label={t.confidence}>{i.labels.recognitionConfidence[lang]}</Row>
            {r.note && <Row label={t.note}>{r.note[lang]}</Row>}
          </dl>
        </section>

        <section aria-labelledby="sec-funding">
          <h2 className="utrecht-heading-2" id="sec-funding">
            {t.sectionFunding}
          </h2>
          <p className="utrecht-paragraph">{t.fundingIntro}</p>
          <ul className="kansrijk-funding">
            {i.funding.map((fu, k) => (
              <li key={`${fu.route}-${k}`}>
                <p className="kansrijk-funding__route">
                  <strong>{i.labels.funding[k]?.route[lang] ?? fu.route}</strong>{' '}
                  <span className={`kansrijk-confidence kansrijk-confidence--${fu.confidence}`}>{i.labels.funding[k]?.confidence[lang] ?? fu.confidence}</span>
                </p>
                <p className="utrecht-paragraph">{fu.note[lang]}</p>
                {fu.source && (
                  <p className="kansrijk-funding__source">
                    {t.source}: <ExternalLink url={fu.source} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>

        {i.caveats.length > 0 && (
          <section aria-labelledby="sec-caveats">
            <h2 className="utrecht-heading-2" id="sec-caveats">
              {t.sectionCaveats}
            </h2>
            <ul className="kansrijk-facts__list">
              {i.caveats.map((c) => (
                <li key={c.nl}>{c[lang]}</li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="sec-sources">
          <h2 className="utrecht-heading-2" id="sec-sources">
            {t.sectionSources}
          </h2>
          <p className="utrecht-paragraph">{t.sourcesIntro}</p>
          <ol className="kansrijk-sources">
            {i.sources.map((s) => (
              <li key={s.url}>
                <ExternalLink url={s.url}>{s.title}</ExternalLink> <span className="kansrijk-muted kansrijk-no-print">({hostOf(s.url)})</span>
              </li>
            ))}
          </ol>
        </section>
        <p className="kansrijk-muted kansrijk-intervention__version">{t.version(i.version)}</p>
      </article>
    </Layout>
  );
}
