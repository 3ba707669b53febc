// The organisations section of the accounts page (/nl/accounts#organisaties), for the programme
// team: register an organisation (a gemeente needs its CBS code, one organisation per gemeente),
// list them (filtered by type, kept in the URL) with the number of accounts, and per
// organisation change its name, gemeente and identity provider. An account always belongs to an
// organisation, and a coalition can only link a partner organisation that is registered here.

import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { FormAlert, SelectField, SubmitButton, TextField, useSubmission } from '../components/Form.tsx';
import { LoadError, Loading } from '../components/Layout.tsx';
import { admin } from '../i18n/admin.ts';
import { formatFor, type Lang } from '../i18n/index.ts';
import { ApiError, postJson, sendJson, useApi, type Loadable } from '../lib/api.ts';
import { href, navigate } from '../router.ts';
import { Done, atFields, describeFor, fieldError } from './parts.tsx';
import { ORGANISATION_TYPES, type Organisation, type OrganisationType } from './types.ts';

/** The URL parameter of the type filter (next to the accounts list's `organisation` and `role`). */
export const TYPE_PARAM = 'organisationType';

type Provider = { id: string; name: string };

/** The type in the URL, when it is one (anything else filters nothing). */
export function typeFilterOf(query: URLSearchParams): OrganisationType | '' {
  const type = query.get(TYPE_PARAM) ?? '';
  return (ORGANISATION_TYPES as readonly string[]).includes(type) ? (type as OrganisationType) : '';
}

/** The accounts page's URL with some parameters changed (empty = removed), the others kept. */
export function accountsHref(lang: Lang, query: URLSearchParams, changes: Record<string, string>, hash = ''): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return href({ page: 'accounts', lang, query: next }) + hash;
}

/** An area code as the API wants it: trimmed and in capitals; nothing when empty. */
const areaCodeOf = (value: string) => value.trim().toUpperCase() || null;
const providerOf = (value: string) => value.trim() || null;

export function OrganisationsSection(props: {
  lang: Lang;
  query: URLSearchParams;
  organisations: Loadable<Organisation[]>;
  /** Accounts per organisation id, when the accounts list is complete (not filtered). */
  accountCounts: Map<string, number> | null;
  onChanged: () => void;
}) {
  const { lang, query, organisations, accountCounts } = props;
  const t = admin[lang];
  const f = formatFor(lang);
  const typeFilter = typeFilterOf(query);
  const providers = useApi<Provider[]>('/api/v1/auth/providers');
  const known = providers.state === 'ready' ? providers.data : null;
  const [open, setOpen] = useState<string | null>(null);
  // A changed organisation is shown as the API answered until the list has been read again.
  const [changed, setChanged] = useState<Record<string, Organisation>>({});
  const all = organisations.state === 'ready' ? organisations.data : [];

  function showAccounts(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(event.currentTarget.pathname + event.currentTarget.search);
    // The filtered list is on this page, higher up: the reader goes there.
    const heading = document.getElementById('accounts-list-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  const list = () => {
    if (organisations.state === 'loading') return <Loading />;
    if (organisations.state === 'error') return <LoadError what={t.organisationsData} />;
    const shown = all.map((o) => changed[o.id] ?? o).filter((o) => !typeFilter || o.type === typeFilter);
    if (shown.length === 0) return <p className="utrecht-paragraph">{t.noOrganisations}</p>;
    return (
      <div className="kansrijk-admin-table-wrap" tabIndex={0} role="region" aria-labelledby="organisations-caption">
        <table className="utrecht-table kansrijk-admin-table" data-testid="organisations-table">
          <caption id="organisations-caption" className="utrecht-table__caption">
            {typeFilter ? t.organisationsCaptionOfType(t.organisationTypeLabel(typeFilter), f.count(shown.length)) : t.organisationsCaption(f.count(shown.length))}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t.colName}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colType}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colArea}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colOidc}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colAccounts}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colManage}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.flatMap((o) => {
              const expanded = open === o.id;
              const count = accountCounts ? (accountCounts.get(o.id) ?? 0) : null;
              const row = (
                <tr key={o.id} className="utrecht-table__row" data-testid="organisation-row" data-id={o.id} data-type={o.type}>
                  <th className="utrecht-table__header-cell" scope="row" data-testid="organisation-name">
                    {o.name}
                  </th>
                  <td className="utrecht-table__cell" data-testid="organisation-type">
                    {t.organisationTypeLabel(o.type)}
                  </td>
                  <td className="utrecht-table__cell" data-testid="organisation-area">
                    {o.area ? (
                      <>
                        {o.area.name ?? o.area.code}
                        <span className="kansrijk-admin-sub">{o.area.code}</span>
                      </>
                    ) : (
                      t.none
                    )}
                  </td>
                  <td className="utrecht-table__cell" data-testid="organisation-oidc">
                    {o.oidcProvider ? (
                      <>
                        <span className="kansrijk-admin-code">{o.oidcProvider}</span>
                        {known && !known.some((p) => p.id === o.oidcProvider) && <span className="kansrijk-admin-sub">{t.oidcNotConfigured}</span>}
                      </>
                    ) : (
                      t.none
                    )}
                  </td>
                  <td className="utrecht-table__cell kansrijk-admin-nowrap" data-testid="organisation-accounts">
                    <a className="utrecht-link" href={accountsHref(lang, query, { organisation: o.id, role: '' })} onClick={showAccounts}>
                      {count === null ? t.showAccounts : t.accountCount(count, f.count(count))}
                      <span className="kansrijk-visually-hidden">{t.accountsOf(o.name)}</span>
                    </a>
                  </td>
                  <td className="utrecht-table__cell">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-admin-small-button"
                      aria-expanded={expanded}
                      aria-controls={`manage-organisation-${o.id}`}
                      onClick={() => setOpen(expanded ? null : o.id)}
                    >
                      {expanded ? t.closeManage : t.manage}
                      <span className="kansrijk-visually-hidden">: {o.name}</span>
                    </button>
                  </td>
                </tr>
              );
              if (!expanded) return [row];
              return [
                row,
                <tr key={`${o.id}-manage`} className="utrecht-table__row kansrijk-admin-manage-row">
                  <td className="utrecht-table__cell" colSpan={6} id={`manage-organisation-${o.id}`}>
                    <ManageOrganisation
                      lang={lang}
                      organisation={o}
                      organisations={all}
                      providers={known}
                      onChanged={(organisation) => {
                        setChanged((c) => ({ ...c, [organisation.id]: organisation }));
                        props.onChanged();
                      }}
                    />
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <section aria-labelledby="organisations-heading" data-testid="organisations">
      <h2 id="organisations-heading" className="utrecht-heading-2">
        {t.organisationsHeading}
      </h2>
      <p className="utrecht-paragraph kansrijk-admin-intro">{t.organisationsIntro}</p>

      <section aria-labelledby="organisations-register-heading" className="kansrijk-admin-panel">
        <h3 id="organisations-register-heading" className="utrecht-heading-3">
          {t.registerHeading}
        </h3>
        <RegisterOrganisation
          lang={lang}
          organisations={all}
          providers={known}
          onRegistered={() => {
            setChanged({});
            props.onChanged();
          }}
        />
      </section>

      <section aria-labelledby="organisations-list-heading">
        <h3 id="organisations-list-heading" className="utrecht-heading-3">
          {t.organisationsListHeading}
        </h3>
        <TypeFilter lang={lang} query={query} type={typeFilter} />
        {list()}
      </section>
    </section>
  );
}

/** The type filter, applied into the URL (a link restores it); the accounts list's filters stay. */
function TypeFilter({ lang, query, type }: { lang: Lang; query: URLSearchParams; type: string }) {
  const t = admin[lang];
  const [value, setValue] = useState(type);
  useEffect(() => setValue(type), [type]);
  const go = (next: string) => navigate(accountsHref(lang, query, { [TYPE_PARAM]: next }), { replace: true });
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(value);
  }
  function clear(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    go('');
  }
  return (
    <form className="utrecht-form kansrijk-admin-filter-form" onSubmit={apply} data-testid="organisations-filters">
      <div className="kansrijk-admin-grid">
        <SelectField label={t.typeLabel} name={TYPE_PARAM} value={value} onChange={setValue} placeholder={t.allTypes} options={typeOptions(lang)} />
      </div>
      <div className="kansrijk-admin-buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button">
          {t.filterSubmit}
        </button>
        {type && (
          <a className="utrecht-link kansrijk-admin-clear" href={accountsHref(lang, query, { [TYPE_PARAM]: '' })} onClick={clear}>
            {t.clearTypeFilter}
          </a>
        )}
      </div>
    </form>
  );
}

function typeOptions(lang: Lang) {
  return ORGANISATION_TYPES.map((type) => ({ value: type, label: admin[lang].organisationTypeLabel(type) }));
}

/** The words under the identity-provider field: what it does, and which ids this server knows. */
function providerHint(lang: Lang, providers: Provider[] | null): string {
  const t = admin[lang];
  if (!providers) return t.oidcHint;
  return `${t.oidcHint} ${providers.length ? t.oidcConfigured(providers.map((p) => `${p.id} (${p.name})`).join(', ')) : t.oidcNoneConfigured}`;
}

/**
 * A request that can answer 409 "this gemeente already has an organisation": the message, at the
 * code field, names the organisation that has it (when this page knows it).
 */
function areaTakenAtField<T>(lang: Lang, organisations: Organisation[], code: string | null, request: Promise<T>): Promise<T> {
  return request.catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && error.field === 'areaCode') {
      const owner = organisations.find((o) => o.type === 'gemeente' && o.area?.code === code);
      throw fieldError('areaCode', admin[lang].areaTaken(code ?? '', owner?.name ?? null));
    }
    throw error;
  });
}

const ORGANISATION_FIELDS = ['name', 'type', 'areaCode', 'oidcProvider'] as const;

function RegisterOrganisation({ lang, organisations, providers, onRegistered }: { lang: Lang; organisations: Organisation[]; providers: Provider[] | null; onRegistered: () => void }) {
  const t = admin[lang];
  const empty = { name: '', type: '', areaCode: '', oidcProvider: '' };
  const [values, setValues] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const gemeente = values.type === 'gemeente';
  const labels = { name: t.orgNameLabel, type: t.typeLabel, areaCode: t.areaCodeLabel(gemeente), oidcProvider: t.oidcLabel };
  const submission = useSubmission(describeFor(lang, labels), ORGANISATION_FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    setDone(null);
    await submission.submit(event, async () => {
      const areaCode = areaCodeOf(values.areaCode);
      const oidcProvider = providerOf(values.oidcProvider);
      const body = { name: values.name, type: values.type, ...(areaCode ? { areaCode } : {}), ...(oidcProvider ? { oidcProvider } : {}) };
      const created = await atFields(lang, areaTakenAtField(lang, organisations, areaCode, postJson<Organisation>('/api/v1/organisations', body)), { type: t.typeRequired });
      setValues(empty);
      setDone(t.registered(created.name));
      onRegistered();
    });
  }

  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <form className="utrecht-form" method="post" noValidate onSubmit={(e) => void submit(e)} data-testid="create-organisation">
      <FormAlert message={submission.error} />
      <div className="kansrijk-admin-grid kansrijk-admin-grid--wide">
        <TextField label={t.orgNameLabel} name="name" autoComplete="off" required hint={t.orgNameHint} value={values.name} onChange={set('name')} errors={submission.fieldErrors} />
        <SelectField label={t.typeLabel} name="type" required hint={t.typeHint} value={values.type} onChange={set('type')} placeholder={t.chooseType} options={typeOptions(lang)} errors={submission.fieldErrors} />
        <TextField
          label={t.areaCodeLabel(gemeente)}
          name="areaCode"
          autoComplete="off"
          required={gemeente}
          hint={gemeente ? t.areaCodeHintGemeente : t.areaCodeHintOther}
          value={values.areaCode}
          onChange={set('areaCode')}
          errors={submission.fieldErrors}
        />
        <TextField label={t.oidcLabel} name="oidcProvider" autoComplete="off" hint={providerHint(lang, providers)} value={values.oidcProvider} onChange={set('oidcProvider')} errors={submission.fieldErrors} />
      </div>
      <SubmitButton busy={submission.busy} label={t.registerSubmit} busyLabel={t.registering} />
      <Done message={done} />
    </form>
  );
}

/** Changing one organisation, under its row: name, gemeente, identity provider (not its type). */
function ManageOrganisation(props: { lang: Lang; organisation: Organisation; organisations: Organisation[]; providers: Provider[] | null; onChanged: (organisation: Organisation) => void }) {
  const { lang, organisation: o } = props;
  const t = admin[lang];
  const gemeente = o.type === 'gemeente';
  const [values, setValues] = useState({ name: o.name, areaCode: o.area?.code ?? '', oidcProvider: o.oidcProvider ?? '' });
  const [done, setDone] = useState<string | null>(null);
  const labels = { name: t.orgNameLabel, areaCode: t.areaCodeLabel(gemeente), oidcProvider: t.oidcLabel };
  const submission = useSubmission(describeFor(lang, labels), ORGANISATION_FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    setDone(null);
    await submission.submit(event, async () => {
      // Only what changed is sent (and so recorded in the audit trail).
      const areaCode = areaCodeOf(values.areaCode);
      const oidcProvider = providerOf(values.oidcProvider);
      const body: Record<string, string | null> = {};
      if (values.name.trim() !== o.name) body.name = values.name;
      if (areaCode !== (o.area?.code ?? null)) body.areaCode = areaCode;
      if (oidcProvider !== o.oidcProvider) body.oidcProvider = oidcProvider;
      if (Object.keys(body).length === 0) {
        setDone(t.nothingChanged);
        return;
      }
      const saved = await atFields(lang, areaTakenAtField(lang, props.organisations, areaCode, sendJson<Organisation>('PATCH', `/api/v1/organisations/${encodeURIComponent(o.id)}`, body)));
      setValues({ name: saved.name, areaCode: saved.area?.code ?? '', oidcProvider: saved.oidcProvider ?? '' });
      setDone(t.organisationSaved);
      props.onChanged(saved);
    });
  }

  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <div className="kansrijk-admin-manage" data-testid="manage-organisation">
      <h4 className="utrecht-heading-4 kansrijk-admin-h4">{t.manageOrganisationHeading(o.name)}</h4>
      <p className="utrecht-paragraph kansrijk-admin-note">{t.typeFixed(t.organisationTypeLabel(o.type))}</p>
      <form className="utrecht-form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert message={submission.error} />
        <div className="kansrijk-admin-grid kansrijk-admin-grid--wide">
          <TextField label={t.orgNameLabel} name="name" autoComplete="off" required value={values.name} onChange={set('name')} errors={submission.fieldErrors} />
          <TextField
            label={t.areaCodeLabel(gemeente)}
            name="areaCode"
            autoComplete="off"
            required={gemeente}
            hint={gemeente ? t.areaCodeHintGemeente : t.areaCodeHintOther}
            value={values.areaCode}
            onChange={set('areaCode')}
            errors={submission.fieldErrors}
          />
          <TextField label={t.oidcLabel} name="oidcProvider" autoComplete="off" hint={providerHint(lang, props.providers)} value={values.oidcProvider} onChange={set('oidcProvider')} errors={submission.fieldErrors} />
        </div>
        <SubmitButton busy={submission.busy} label={t.saveOrganisation} busyLabel={t.saving} />
        <Done message={done} />
      </form>
    </div>
  );
}
