// Definitions (/nl/definities, /nl/definities/{id}): every indicator grouped by action line,
// and per indicator its full metadata and the statistical methods in words.

import { Layout, LoadError, Loading, SyntheticBanner } from '../components/Layout.tsx';
import { common } from '../i18n/common.ts';
import { definitions } from '../i18n/definitions.ts';
import { useFormat, useMessages } from '../i18n/index.ts';
import { useApi, type Indicator } from '../lib/api.ts';
import '../profile/definitions.css';
import { href, onLinkClick, type Route } from '../router.ts';

type DefinitionsRoute = Extract<Route, { page: 'definitions' }>;

export default function DefinitionsPage({ route }: { route: DefinitionsRoute }) {
  const t = useMessages(definitions);
  const list = useApi<Indicator[]>('/api/v1/indicators');
  if (!route.indicator) return <IndicatorList route={route} list={list.state === 'ready' ? list.data : undefined} failed={list.state === 'error'} />;
  if (list.state !== 'ready') {
    return (
      <Layout route={route} title={t.listTitle}>
        <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.listTitle}</h1>
        {list.state === 'loading' ? <Loading /> : <LoadError what={t.listWhat} />}
      </Layout>
    );
  }
  const indicator = list.data.find((i) => i.id === route.indicator);
  if (!indicator) {
    return (
      <Layout route={route} title={t.notFoundTitle}>
        <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.notFoundTitle}</h1>
        <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.notFound(route.indicator)}</p>
        <BackLink lang={route.lang} />
      </Layout>
    );
  }
  return <IndicatorDefinition route={route} indicator={indicator} />;
}

function BackLink({ lang }: { lang: DefinitionsRoute['lang'] }) {
  const t = useMessages(definitions);
  return (
    <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-no-print">
      <a className="utrecht-link" href={href({ page: 'definitions', lang })} onClick={onLinkClick}>
        ← {t.backToList}
      </a>
    </p>
  );
}

function PrintButton() {
  const c = useMessages(common);
  return (
    <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-no-print" onClick={() => window.print()}>
      {c.print}
    </button>
  );
}

function IndicatorList({ route, list, failed }: { route: DefinitionsRoute; list: Indicator[] | undefined; failed: boolean }) {
  const t = useMessages(definitions);
  const lang = route.lang;
  return (
    <Layout route={route} title={t.listTitle}>
      <div className="kansrijk-definitions__head">
        <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.listTitle}</h1>
        <PrintButton />
      </div>
      <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.listIntro}</p>
      {failed && <LoadError what={t.listWhat} />}
      {!list && !failed && <Loading />}
      {list && (
        <>
          {list.some((i) => i.synthetic) && <SyntheticBanner />}
          {([1, 2, 3] as const).map((line) => {
            const items = list.filter((i) => i.actionLine === line);
            if (items.length === 0) return null;
            return (
              <section key={line} aria-labelledby={`definities-actielijn-${line}`}>
                <h2 id={`definities-actielijn-${line}`} className="utrecht-heading-2 utrecht-heading-2--distanced">
                  {t.actionLine(line)}
                </h2>
                <ul className="utrecht-unordered-list kansrijk-definitions__list">
                  {items.map((i) => (
                    <li key={i.id}>
                      <a className="utrecht-link" href={href({ page: 'definitions', lang, indicator: i.id })} onClick={onLinkClick}>
                        {i.name[lang]}
                      </a>
                      <span className="kansrijk-definitions__summary">{i.definition[lang]}</span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </Layout>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

function IndicatorDefinition({ route, indicator: i }: { route: DefinitionsRoute; indicator: Indicator }) {
  const t = useMessages(definitions);
  const f = useFormat();
  const lang = route.lang;
  const name = i.name[lang];
  const periods = [...i.periods].sort((a, b) => a - b);
  return (
    <Layout route={route} title={name}>
      <BackLink lang={lang} />
      <div className="kansrijk-definitions__head">
        <div>
          <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{name}</h1>
          <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-definitions__meta">
            {t.actionLine(i.actionLine)} · {t.idLabel}: <code>{i.id}</code>
          </p>
        </div>
        <PrintButton />
      </div>
      {i.synthetic && <SyntheticBanner />}

      <section aria-labelledby="def-what">
        <h2 id="def-what" className="utrecht-heading-2 utrecht-heading-2--distanced">
          {t.sectionDefinition}
        </h2>
        <dl className="utrecht-data-list utrecht-data-list--rows kansrijk-definitions__dl">
          <Item label={t.definition}>{i.definition[lang]}</Item>
          <Item label={t.numerator}>{i.numerator[lang]}</Item>
          <Item label={t.denominator}>{i.denominator[lang]}</Item>
          <Item label={t.unit}>{t.unitValue(i.unit[lang], f.count(i.multiplier))}</Item>
          <Item label={t.polarity}>{t.polarityText(i.polarity)}</Item>
          <Item label={t.periods}>{periods.length ? `${periods[0]}–${periods[periods.length - 1]}` : '–'}</Item>
        </dl>
      </section>

      <section aria-labelledby="def-method">
        <h2 id="def-method" className="utrecht-heading-2 utrecht-heading-2--distanced">
          {t.sectionMethod}
        </h2>
        <dl className="utrecht-data-list utrecht-data-list--rows kansrijk-definitions__dl">
          <Item label={t.method}>{t.methodText(i.method)}</Item>
          <Item label={t.comparison}>{t.comparisonText(i.polarity)}</Item>
          <Item label={t.trend}>{t.trendText}</Item>
          <Item label={t.suppression}>{t.suppressionText(i.suppression.minNumerator, i.suppression.minDenominator)}</Item>
        </dl>
      </section>

      <section aria-labelledby="def-source">
        <h2 id="def-source" className="utrecht-heading-2 utrecht-heading-2--distanced">
          {t.sectionSource}
        </h2>
        <dl className="utrecht-data-list utrecht-data-list--rows kansrijk-definitions__dl">
          <Item label={t.source}>{i.source[lang]}</Item>
          <Item label={t.synthetic}>{i.synthetic ? t.syntheticYes : t.syntheticNo}</Item>
        </dl>
      </section>

      <ul className="utrecht-unordered-list kansrijk-no-print">
        <li>
          <a className="utrecht-link" href={href({ page: 'atlas', lang, query: { indicator: i.id } })} onClick={onLinkClick}>
            {t.toAtlas}
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={href({ page: 'area', lang, code: 'NL01', query: { indicator: i.id } })} onClick={onLinkClick}>
            {t.toProfile}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
