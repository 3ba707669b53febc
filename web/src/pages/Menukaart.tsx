// Menukaart (/nl/menukaart, /en/menu): search and filters with the number of interventions per
// value, and the matching interventions. Every filter lives in the URL, so a link restores the
// search; the number found is announced politely to screen readers.

import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { useLang, useMessages } from '../i18n/index.ts';
import { menukaart } from '../i18n/menukaart.ts';
import { ApiError, useApi, type FacetCount, type Intervention, type InterventionList, type MenukaartFacet, type RiskFactors, type Text } from '../lib/api.ts';
import {
  activeFilters,
  FACETS,
  hasFilters,
  interventionsPath,
  MAX_QUERY,
  NO_FILTERS,
  parseFilters,
  rememberListQuery,
  serializeFilters,
  toggleFilter,
  type MenukaartFilters,
} from '../menukaart/filters.ts';
import { PrintButton, RecognitionBadge } from '../menukaart/parts.tsx';
import '../menukaart/menukaart.css';
import { useKeptApi } from '../profile/data.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

type MenukaartRoute = Extract<Route, { page: 'menukaart' }>;

const RESULTS_HEADING = 'menukaart-resultaten';

export default function MenukaartPage({ route }: { route: MenukaartRoute }) {
  const t = useMessages(menukaart);
  const lang = route.lang;
  const queryText = route.query.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(queryText)), [queryText]);
  useEffect(() => rememberListQuery(serializeFilters(filters).toString()), [filters]);

  const list = useKeptApi<InterventionList>(interventionsPath(filters));
  const riskFactors = useApi<RiskFactors>('/api/v1/risk-factors');
  const domains = useMemo(
    () => new Map(riskFactors.state === 'ready' ? riskFactors.data.riskFactors.map((r) => [r.id, r.domain] as const) : []),
    [riskFactors],
  );

  const setFilters = (next: MenukaartFilters) => navigate(href({ page: 'menukaart', lang, query: serializeFilters(next) }), { replace: true });
  const focusResults = () => document.getElementById(RESULTS_HEADING)?.focus();

  // The search box: typing searches after a short pause, Enter at once. The box keeps what is
  // typed; it follows the URL only when the URL changes from elsewhere (back, clear filters).
  const [text, setText] = useState(filters.q);
  const pushed = useRef(filters.q);
  useEffect(() => {
    if (filters.q !== pushed.current) {
      pushed.current = filters.q;
      setText(filters.q);
    }
  }, [filters.q]);
  const latest = useRef(filters);
  latest.current = filters;
  const search = (value: string) => {
    const q = value.trim().slice(0, MAX_QUERY);
    if (q === latest.current.q) return;
    pushed.current = q;
    setFilters({ ...latest.current, q });
  };
  useEffect(() => {
    const timer = setTimeout(() => search(text), 400);
    return () => clearTimeout(timer);
  }, [text]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(text);
  };

  const data = list.data;
  const labelOf = (facet: MenukaartFacet, value: string): string => {
    const option = data?.facets[facet].find((o) => String(o.value) === value);
    return option ? option.label[lang] : value;
  };
  const active = activeFilters(filters);
  const badFilter = list.error instanceof ApiError && list.error.status === 400;

  return (
    <Layout route={route} title={t.title}>
      <div className="kansrijk-menukaart__head">
        <h1 className="utrecht-heading-1">{t.title}</h1>
        <PrintButton />
      </div>
      <p className="utrecht-paragraph kansrijk-lead">{t.intro}</p>

      <form role="search" className="kansrijk-menukaart__search kansrijk-no-print" onSubmit={submit} aria-label={t.searchLabel}>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="menukaart-q">
            {t.searchLabel}
          </label>
          <p className="utrecht-form-field-description" id="menukaart-q-hint">
            {t.searchHint}
          </p>
          <div className="kansrijk-find__row">
            <input
              id="menukaart-q"
              type="search"
              className="utrecht-textbox utrecht-textbox--html-input"
              aria-describedby="menukaart-q-hint"
              maxLength={MAX_QUERY}
              autoComplete="off"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t.searchButton}
            </button>
          </div>
        </div>
      </form>

      <div className="kansrijk-menukaart">
        <form className="kansrijk-menukaart__filters kansrijk-no-print" aria-labelledby="menukaart-filters" onSubmit={(e) => e.preventDefault()}>
          <h2 id="menukaart-filters" className="utrecht-heading-2">
            {t.filtersHeading}
          </h2>
          <p className="kansrijk-menukaart__skip">
            <a className="utrecht-link" href={`#${RESULTS_HEADING}`}>
              {data ? t.toResultsCount(data.count) : t.toResults}
            </a>
          </p>
          {FACETS.map((facet) => (
            <FacetGroup
              key={facet}
              facet={facet}
              options={data?.facets[facet]}
              chosen={filters[facet]}
              domains={facet === 'riskFactor' ? domains : undefined}
              onToggle={(value, on) => setFilters(toggleFilter(filters, facet, value, on))}
            />
          ))}
        </form>

        <section className="kansrijk-menukaart__results" aria-labelledby={RESULTS_HEADING}>
          <h2 id={RESULTS_HEADING} className="utrecht-heading-2" tabIndex={-1}>
            {t.resultsHeading}
          </h2>
          <p className="kansrijk-menukaart__count" role="status" aria-live="polite" aria-atomic="true">
            {data && !badFilter ? t.resultCount(data.count, data.total) : ''}
            {list.loading && data ? <span className="kansrijk-menukaart__updating"> {t.updating}</span> : null}
          </p>

          {hasFilters(filters) && (
            <div className="kansrijk-menukaart__active">
              <p className="kansrijk-print-only">
                {t.printedFilters}: {[filters.q ? t.searchChip(filters.q) : null, ...active.map((a) => `${t.facet(a.facet)}: ${labelOf(a.facet, a.value)}`)].filter(Boolean).join('; ')}
              </p>
              <ul className="kansrijk-chips kansrijk-no-print" aria-label={t.activeFilters}>
                {filters.q && (
                  <li>
                    <button
                      type="button"
                      className="kansrijk-chip"
                      aria-label={t.removeFilter(t.searchChip(filters.q))}
                      onClick={() => {
                        pushed.current = '';
                        setText('');
                        setFilters({ ...filters, q: '' });
                        focusResults();
                      }}
                    >
                      {t.searchChip(filters.q)} <span aria-hidden="true">×</span>
                    </button>
                  </li>
                )}
                {active.map(({ facet, value }) => (
                  <li key={`${facet}=${value}`}>
                    <button
                      type="button"
                      className="kansrijk-chip"
                      aria-label={t.removeFilter(`${t.facet(facet)}: ${labelOf(facet, value)}`)}
                      onClick={() => {
                        setFilters(toggleFilter(filters, facet, value, false));
                        focusResults();
                      }}
                    >
                      {labelOf(facet, value)} <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-no-print"
                onClick={() => {
                  pushed.current = '';
                  setText('');
                  setFilters(NO_FILTERS);
                  focusResults();
                }}
              >
                {t.clearFilters}
              </button>
            </div>
          )}

          {badFilter ? (
            <p className="kansrijk-error" role="alert">
              {t.badFilter}
            </p>
          ) : list.error ? (
            <LoadError what={t.listWhat} />
          ) : !data ? (
            <Loading />
          ) : data.items.length === 0 ? (
            <p className="utrecht-paragraph">{t.noResults}</p>
          ) : (
            <ul className="kansrijk-results" aria-busy={list.loading}>
              {data.items.map((item) => (
                <ResultItem key={item.id} item={item} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </Layout>
  );
}

function FacetGroup({
  facet,
  options,
  chosen,
  domains,
  onToggle,
}: {
  facet: MenukaartFacet;
  options: FacetCount[] | undefined;
  chosen: readonly string[];
  domains?: ReadonlyMap<string, 'medical' | 'social'>;
  onToggle: (value: string, on: boolean) => void;
}) {
  const t = useMessages(menukaart);
  const hint = t.facetHint(facet);
  const id = `facet-${facet}`;
  if (!options) {
    return (
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kansrijk-facet">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kansrijk-facet__legend">{t.facet(facet)}</legend>
      </fieldset>
    );
  }
  // Risk factors in two groups (medical, social) once their domains are known.
  let groups: { key: string; legend?: string; options: FacetCount[] }[] = [{ key: 'all', options }];
  if (domains && domains.size > 0) {
    groups = [
      ...(['medical', 'social'] as const).map((d) => ({ key: d, legend: t.riskDomain(d), options: options.filter((o) => domains.get(String(o.value)) === d) })),
      { key: 'other', options: options.filter((o) => !domains.has(String(o.value))) },
    ].filter((g) => g.options.length > 0);
  }
  return (
    <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kansrijk-facet" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kansrijk-facet__legend">{t.facet(facet)}</legend>
      {hint && (
        <p className="kansrijk-facet__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {groups.map((g) =>
        g.legend ? (
          <fieldset key={g.key} className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kansrijk-facet__sub">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kansrijk-facet__sublegend">{g.legend}</legend>
            <Options facet={facet} options={g.options} chosen={chosen} onToggle={onToggle} />
          </fieldset>
        ) : (
          <Options key={g.key} facet={facet} options={g.options} chosen={chosen} onToggle={onToggle} />
        ),
      )}
    </fieldset>
  );
}

function Options({ facet, options, chosen, onToggle }: { facet: MenukaartFacet; options: FacetCount[]; chosen: readonly string[]; onToggle: (value: string, on: boolean) => void }) {
  const t = useMessages(menukaart);
  const lang = useLang();
  return (
    <ul className="kansrijk-facet__options">
      {options.map((o) => {
        const value = String(o.value);
        const id = `facet-${facet}-${value}`;
        const checked = chosen.includes(value);
        return (
          <li key={value} className={`kansrijk-choice kansrijk-facet__option${o.count === 0 && !checked ? ' kansrijk-facet__option--empty' : ''}`}>
            <input
              id={id}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input kansrijk-facet__checkbox"
              checked={checked}
              onChange={(e) => onToggle(value, e.currentTarget.checked)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox kansrijk-facet__label" htmlFor={id}>
              <span className="kansrijk-facet__name">{o.label[lang]}</span>{' '}
              <span className="kansrijk-facet__count" aria-hidden="true">
                {o.count}
              </span>
              <span className="kansrijk-visually-hidden">({t.optionCount(o.count)})</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

function joinLabels(labels: Text[], lang: 'nl' | 'en'): string {
  return labels.map((l) => l[lang]).join(', ');
}

function ResultItem({ item }: { item: Intervention }) {
  const t = useMessages(menukaart);
  const lang = useLang();
  const headingId = `result-${item.id}`;
  return (
    <li className="kansrijk-result">
      <article aria-labelledby={headingId}>
        <h3 className="utrecht-heading-3 kansrijk-result__name" id={headingId}>
          <a className="utrecht-link" href={href({ page: 'intervention', lang, id: item.id })} onClick={onLinkClick}>
            {item.name}
          </a>
        </h3>
        <p className="utrecht-paragraph kansrijk-result__summary">{item.summary[lang]}</p>
        <dl className="kansrijk-result__meta">
          <div>
            <dt>{t.phases}</dt>
            <dd>{joinLabels(item.labels.phases, lang)}</dd>
          </div>
          <div>
            <dt>{t.recognition}</dt>
            <dd>
              <RecognitionBadge level={item.recognition.level} label={item.labels.recognition} />
            </dd>
          </div>
          <div>
            <dt>{t.funding}</dt>
            <dd>{[...new Set(item.labels.funding.map((f) => f.route[lang]))].join('; ')}</dd>
          </div>
          {item.availability.scope === 'local' && (
            <div>
              <dt>{t.local}</dt>
              <dd>{item.availability.note[lang]}</dd>
            </div>
          )}
        </dl>
      </article>
    </li>
  );
}
