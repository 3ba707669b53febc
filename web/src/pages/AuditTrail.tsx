// The audit trail (/nl/audittrail, /en/audit-trail), for the programme team: who did what to
// which data, when, on behalf of which organisation, with what outcome. The filters live in the
// URL (a link restores the view); the table pages backwards with `nextBefore`; the export link
// downloads the same selection as CSV. Reading and exporting are themselves recorded.

import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { SelectField, TextField } from '../components/Form.tsx';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { Icon, NotAllowed, SignedOutNotice, dateTime, failureKind } from '../admin/parts.tsx';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_RESOURCE_TYPES, type AuditEvent, type AuditPage, type Organisation } from '../admin/types.ts';
import { admin } from '../i18n/admin.ts';
import { formatFor, type Lang } from '../i18n/index.ts';
import { ApiError, useApi, useLiveApi, type CoalitionOverview } from '../lib/api.ts';
import { href, navigate, type Route } from '../router.ts';

const PAGE_SIZE = 50;

/** The filters a user sets in the form, and those that arrive through a link (a name in the table, a permalink). */
const FORM_KEYS = ['from', 'to', 'action', 'resourceType', 'outcome'] as const;
const LINK_KEYS = ['actor', 'organisation', 'coalition', 'resourceId'] as const;
type FilterKey = (typeof FORM_KEYS)[number] | (typeof LINK_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;

function filtersOf(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of [...FORM_KEYS, ...LINK_KEYS]) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** Midnight at the start of a calendar day (YYYY-MM-DD) in the reader's time zone, as an instant; other text goes to the API as it is (and gets its error). */
function startOfDay(date: string, plusDays = 0): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  return Number.isNaN(day.getTime()) ? date : day.toISOString();
}

/** The API's query for the filters: "up to and including" a day is "before the next day". */
function apiQuery(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (!value) continue;
    params.set(key, key === 'from' ? startOfDay(value) : key === 'to' ? startOfDay(value, 1) : value);
  }
  return params.toString();
}

const auditHref = (lang: Lang, filters: Filters) => href({ page: 'audit', lang, query: filters });

/** A filter change replaces the URL (the permalink) rather than adding a history step. */
function replaceTo(url: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(url, { replace: true });
  };
}

/** `detail` as short text: "fields: name, status; count: 3". */
function detailText(detail: Record<string, unknown> | null | undefined): string {
  const parts = Object.entries(detail ?? {}).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  const text = parts.join('; ');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export default function AuditTrailPage({ route }: { route: Extract<Route, { page: 'audit' }> }) {
  const lang = route.lang;
  const t = admin[lang];
  const f = formatFor(lang);
  const filters = filtersOf(route.query);
  const query = apiQuery(filters);
  const [first] = useLiveApi<AuditPage>(`/api/v1/audit-events?${query}${query ? '&' : ''}limit=${PAGE_SIZE}`);
  const overview = useApi<CoalitionOverview>('/api/v1/coalitions/overview');
  const [organisations] = useLiveApi<Organisation[]>(filters.organisation ? '/api/v1/organisations' : null);

  // Older pages, for the current filters only.
  const [older, setOlder] = useState<{ query: string; events: AuditEvent[]; next: number | null } | null>(null);
  const [olderState, setOlderState] = useState<'idle' | 'loading' | 'error'>('idle');
  const countRef = useRef<HTMLParagraphElement>(null);
  const more = older?.query === query ? older : null;

  // Once the trail has answered, the filters stay on screen while a new selection loads.
  const allowed = useRef(false);
  if (first.state === 'ready') allowed.current = true;

  const failure = first.state === 'error' ? failureKind(first.error) : null;
  const title = t.auditTitle;
  if (failure === 'signed-out' || failure === 'forbidden') {
    return (
      <Layout route={route} title={title}>
        <h1 className="utrecht-heading-1">{title}</h1>
        {failure === 'signed-out' ? <SignedOutNotice lang={lang} /> : <NotAllowed text={t.auditNotAllowed} />}
      </Layout>
    );
  }

  const coalitionNames = new Map<string, string>();
  if (overview.state === 'ready') for (const g of overview.data.gemeenten) if (g.coalition) coalitionNames.set(g.coalition.id, g.coalition.name);

  const events = first.state === 'ready' ? [...first.data.events, ...(more?.events ?? [])] : [];
  const next = first.state === 'ready' ? (more ? more.next : first.data.nextBefore) : null;

  async function loadOlder() {
    if (next === null) return;
    setOlderState('loading');
    try {
      const response = await fetch(`/api/v1/audit-events?${query}${query ? '&' : ''}limit=${PAGE_SIZE}&before=${next}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
      const body = await response.json().catch(() => null);
      if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? response.statusText);
      const page = body as AuditPage;
      setOlder({ query, events: [...(more?.events ?? []), ...page.events], next: page.nextBefore });
      setOlderState('idle');
      // With nothing older left, the button goes: keep the reader's place on the count.
      if (page.nextBefore === null) setTimeout(() => countRef.current?.focus(), 0);
    } catch {
      setOlderState('error');
    }
  }

  // Names for the filters that came through a link.
  const actorName = filters.actor ? (events.find((e) => e.actor?.id === filters.actor)?.actor?.name ?? filters.actor) : '';
  const organisationName = filters.organisation
    ? ((organisations.state === 'ready' ? organisations.data.find((o) => o.id === filters.organisation)?.name : undefined) ?? events.find((e) => e.onBehalfOf?.id === filters.organisation)?.onBehalfOf?.name ?? filters.organisation)
    : '';
  const linkFilters: { key: FilterKey; label: string }[] = [
    ...(filters.actor ? [{ key: 'actor' as const, label: t.filterActor(actorName) }] : []),
    ...(filters.organisation ? [{ key: 'organisation' as const, label: t.filterOrganisation(organisationName) }] : []),
    ...(filters.coalition ? [{ key: 'coalition' as const, label: t.filterCoalition(coalitionNames.get(filters.coalition) ?? filters.coalition) }] : []),
    ...(filters.resourceId ? [{ key: 'resourceId' as const, label: t.filterResourceId(filters.resourceId) }] : []),
  ];
  const without = (key: FilterKey): Filters => Object.fromEntries(Object.entries(filters).filter(([k]) => k !== key));
  const exportHref = `/api/v1/audit-events/export${query ? `?${query}` : ''}`;

  const results = () => {
    if (first.state === 'loading') return <Loading />;
    if (first.state === 'error') {
      return failure === 'invalid' ? (
        <p className="kansrijk-error" role="alert" data-testid="audit-bad-filter">
          {t.auditBadFilter(first.error.message)}
        </p>
      ) : (
        <LoadError what={t.auditData} />
      );
    }
    return (
      <>
        <p ref={countRef} tabIndex={-1} className="utrecht-paragraph kansrijk-admin-count" role="status" data-testid="audit-count">
          {events.length === 0 ? t.noEvents : `${t.shownCount(events.length, f.count(events.length))}${next === null ? ` ${t.allShown}` : ''}`}
        </p>
        {events.length > 0 && (
          <div className="kansrijk-admin-table-wrap" tabIndex={0} role="region" aria-labelledby="audit-caption">
            <table className="utrecht-table kansrijk-admin-table" data-testid="audit-table">
              <caption id="audit-caption" className="utrecht-table__caption">
                {t.eventsCaption(f.count(events.length))}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t.colWhen}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colWho}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colOnBehalfOf}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colAction}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colResource}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colCoalition}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colOutcome}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t.colDetail}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {events.map((e) => (
                  <tr key={e.id} className={`utrecht-table__row kansrijk-admin-event--${e.outcome}`} data-id={e.id} data-outcome={e.outcome} data-actor={e.actor?.id ?? ''} data-action={e.action} data-resource-type={e.resource.type}>
                    <th className="utrecht-table__header-cell kansrijk-admin-nowrap" scope="row">
                      <time dateTime={e.at}>{dateTime(lang, e.at)}</time>
                    </th>
                    <td className="utrecht-table__cell">
                      {e.actor ? (
                        <>
                          <a className="utrecht-link" href={auditHref(lang, { ...filters, actor: e.actor.id })} onClick={replaceTo(auditHref(lang, { ...filters, actor: e.actor.id }))}>
                            {e.actor.name ?? e.actor.email ?? e.actor.id}
                            <span className="kansrijk-visually-hidden">{t.onlyThisActor}</span>
                          </a>
                          <span className="kansrijk-admin-sub">{t.roleLabel(e.actor.role)}</span>
                        </>
                      ) : (
                        <span className="kansrijk-admin-sub">{t.unknownActor}</span>
                      )}
                    </td>
                    <td className="utrecht-table__cell">
                      {e.onBehalfOf ? (
                        <a className="utrecht-link" href={auditHref(lang, { ...filters, organisation: e.onBehalfOf.id })} onClick={replaceTo(auditHref(lang, { ...filters, organisation: e.onBehalfOf.id }))}>
                          {e.onBehalfOf.name ?? e.onBehalfOf.id}
                          <span className="kansrijk-visually-hidden">{t.onlyThisOrganisation}</span>
                        </a>
                      ) : (
                        t.none
                      )}
                    </td>
                    <td className="utrecht-table__cell">{t.actionLabel(e.action)}</td>
                    <td className="utrecht-table__cell">
                      {t.resourceTypeLabel(e.resource.type)}
                      {e.resource.id && <code className="kansrijk-admin-id">{e.resource.id}</code>}
                    </td>
                    <td className="utrecht-table__cell">
                      {e.coalitionId ? (
                        <a className="utrecht-link" href={auditHref(lang, { ...filters, coalition: e.coalitionId })} onClick={replaceTo(auditHref(lang, { ...filters, coalition: e.coalitionId }))}>
                          {coalitionNames.get(e.coalitionId) ?? e.coalitionId}
                          <span className="kansrijk-visually-hidden">{t.onlyThisCoalition}</span>
                        </a>
                      ) : (
                        t.none
                      )}
                    </td>
                    <td className="utrecht-table__cell">
                      <OutcomeMark lang={lang} outcome={e.outcome} />
                    </td>
                    <td className="utrecht-table__cell kansrijk-admin-detail">{detailText(e.detail) || t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next !== null && (
          <p className="utrecht-paragraph">
            <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={() => void loadOlder()} disabled={olderState === 'loading'} aria-disabled={olderState === 'loading' || undefined} data-testid="audit-older">
              {olderState === 'loading' ? t.loadingOlder : t.olderEvents}
            </button>
          </p>
        )}
        {olderState === 'error' && <LoadError what={t.auditData} />}
      </>
    );
  };

  return (
    <Layout route={route} title={title}>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph kansrijk-lead">{t.auditIntro}</p>
      <p className="utrecht-paragraph kansrijk-admin-recorded" data-testid="audit-recorded">
        {t.auditRecorded}
      </p>
      {allowed.current || first.state !== 'loading' ? (
        <>
          <section aria-labelledby="audit-filters-heading" className="kansrijk-admin-filters">
            <h2 id="audit-filters-heading" className="utrecht-heading-2">
              {t.filtersHeading}
            </h2>
            <AuditFilterForm lang={lang} filters={filters} />
            {linkFilters.length > 0 && (
              <div className="kansrijk-admin-chips" data-testid="audit-link-filters">
                <span className="kansrijk-admin-chips__label">{t.alsoFilteredBy}:</span>
                <ul>
                  {linkFilters.map((lf) => (
                    <li key={lf.key}>
                      {lf.label}{' '}
                      <a className="utrecht-link" href={auditHref(lang, without(lf.key))} onClick={replaceTo(auditHref(lang, without(lf.key)))}>
                        {t.removeFilter}
                        <span className="kansrijk-visually-hidden"> ({lf.label})</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="utrecht-paragraph kansrijk-admin-export">
              <a className="utrecht-link" href={exportHref} download data-testid="audit-export">
                {t.exportCsv}
              </a>{' '}
              <span className="kansrijk-admin-sub kansrijk-admin-sub--inline">{t.exportHint}</span>
            </p>
          </section>
          <section aria-labelledby="audit-events-heading">
            <h2 id="audit-events-heading" className="utrecht-heading-2">
              {t.eventsHeading}
            </h2>
            {results()}
          </section>
        </>
      ) : (
        <Loading />
      )}
    </Layout>
  );
}

function OutcomeMark({ lang, outcome }: { lang: Lang; outcome: AuditEvent['outcome'] }) {
  return (
    <span className={`kansrijk-admin-outcome kansrijk-admin-outcome--${outcome}`}>
      <Icon kind={outcome} /> {admin[lang].outcomeLabel(outcome)}
    </span>
  );
}

/** The form filters; applying them replaces the URL, keeping the filters that came through a link. */
function AuditFilterForm({ lang, filters }: { lang: Lang; filters: Filters }) {
  const t = admin[lang];
  const [values, setValues] = useState<Filters>(() => Object.fromEntries(FORM_KEYS.map((k) => [k, filters[k] ?? ''])));
  const set = (key: FilterKey) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  useEffect(() => setValues(Object.fromEntries(FORM_KEYS.map((k) => [k, filters[k] ?? '']))), [filters.from, filters.to, filters.action, filters.resourceType, filters.outcome]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const kept = Object.fromEntries(LINK_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]]));
    navigate(auditHref(lang, { ...values, ...kept }), { replace: true });
  }

  return (
    <form className="utrecht-form kansrijk-admin-filter-form" onSubmit={apply} data-testid="audit-filters">
      <div className="kansrijk-admin-grid">
        <TextField label={t.fromLabel} name="from" type="date" value={values.from ?? ''} onChange={set('from')} />
        <TextField label={t.toLabel} name="to" type="date" value={values.to ?? ''} onChange={set('to')} />
        <SelectField label={t.actionFilter} name="action" value={values.action ?? ''} onChange={set('action')} placeholder={t.allActions} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t.actionLabel(a) }))} />
        <SelectField
          label={t.resourceTypeFilter}
          name="resourceType"
          value={values.resourceType ?? ''}
          onChange={set('resourceType')}
          placeholder={t.allResourceTypes}
          options={AUDIT_RESOURCE_TYPES.map((r) => ({ value: r, label: t.resourceTypeLabel(r) }))}
        />
        <SelectField label={t.outcomeFilter} name="outcome" value={values.outcome ?? ''} onChange={set('outcome')} placeholder={t.allOutcomes} options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t.outcomeLabel(o) }))} />
      </div>
      <div className="kansrijk-admin-buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button">
          {t.applyFilters}
        </button>
        <a className="utrecht-link kansrijk-admin-clear" href={auditHref(lang, {})} onClick={replaceTo(auditHref(lang, {}))}>
          {t.clearFilters}
        </a>
      </div>
    </form>
  );
}
