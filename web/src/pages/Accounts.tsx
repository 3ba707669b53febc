// Account management (/nl/accounts, /en/accounts), for the programme team: create an account
// for an organisation, list the accounts (filtered by organisation and role, kept in the URL),
// and per account change the role, set a new password, or disable and enable it after a
// confirmation. Below them the organisations the accounts belong to (admin/Organisations.tsx):
// register one, list them by type, change one. Errors from the API that name a field are shown
// at that field.

import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { FormAlert, SelectField, SubmitButton, TextField, useSubmission } from '../components/Form.tsx';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { OrganisationsSection, accountsHref } from '../admin/Organisations.tsx';
import { Confirm, Done, Email, Icon, NotAllowed, SignedOutNotice, atFields, describeFor, failureKind } from '../admin/parts.tsx';
import { ROLES, rolesFor, type Organisation, type UserAccount } from '../admin/types.ts';
import { admin } from '../i18n/admin.ts';
import { common } from '../i18n/common.ts';
import { formatFor, type Lang } from '../i18n/index.ts';
import { postJson, sendJson, useLiveApi, useSession } from '../lib/api.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

export default function AccountsPage({ route }: { route: Extract<Route, { page: 'accounts' }> }) {
  const lang = route.lang;
  const t = admin[lang];
  const f = formatFor(lang);
  const organisationFilter = route.query.get('organisation') ?? '';
  const roleFilter = route.query.get('role') ?? '';
  const listQuery = new URLSearchParams(Object.entries({ organisation: organisationFilter, role: roleFilter }).filter(([, v]) => v)).toString();
  const [users, reloadUsers] = useLiveApi<UserAccount[]>(`/api/v1/users${listQuery ? `?${listQuery}` : ''}`);
  const [organisations, reloadOrganisations] = useLiveApi<Organisation[]>('/api/v1/organisations');
  const session = useSession();
  const [open, setOpen] = useState<string | null>(null);
  // A changed account is shown as the API answered, in place: a row that no longer fits the
  // filters stays until the list is read again, so its panel and message do not vanish.
  const [changed, setChanged] = useState<Record<string, UserAccount>>({});
  const accountChanged = (account: UserAccount) => setChanged((c) => ({ ...c, [account.id]: account }));
  const accountCreated = () => {
    setChanged({});
    reloadUsers();
  };

  const failure = users.state === 'error' ? failureKind(users.error) : null;
  if (failure === 'signed-out' || failure === 'forbidden') {
    return (
      <Layout route={route} title={t.accountsTitle}>
        <h1 className="utrecht-heading-1">{t.accountsTitle}</h1>
        {failure === 'signed-out' ? <SignedOutNotice lang={lang} /> : <NotAllowed text={t.accountsNotAllowed} />}
      </Layout>
    );
  }

  const orgs = organisations.state === 'ready' ? organisations.data : [];
  // Accounts per organisation: known from the list when it is not filtered.
  const accountCounts = users.state === 'ready' && !organisationFilter && !roleFilter ? countBy(users.data.map((u) => u.organisation.id)) : null;
  const organisationsChanged = () => {
    reloadOrganisations();
    // Accounts show their organisation's name: read them again too.
    setChanged({});
    reloadUsers();
  };
  const list = () => {
    if (users.state === 'loading') return <Loading />;
    if (users.state === 'error') return <LoadError what={t.accountsData} />;
    if (users.data.length === 0) return <p className="utrecht-paragraph">{t.noAccounts}</p>;
    return (
      <div className="kansrijk-admin-table-wrap" tabIndex={0} role="region" aria-labelledby="accounts-caption">
        <table className="utrecht-table kansrijk-admin-table" data-testid="accounts-table">
          <caption id="accounts-caption" className="utrecht-table__caption">
            {t.accountsCaption(f.count(users.data.length))}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t.colName}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colEmail}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colRole}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colOrganisation}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colStatus}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colSignIn}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colCreated}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.colManage}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {users.data.map((u) => changed[u.id] ?? u).flatMap((u) => {
              const expanded = open === u.id;
              const methods = [u.signIn.password ? t.signInPassword : '', u.signIn.oidc ? t.signInOidc : ''].filter(Boolean).join(', ') || t.signInNone;
              const row = (
                <tr key={u.id} className={`utrecht-table__row${u.status === 'disabled' ? ' kansrijk-admin-account--disabled' : ''}`} data-testid="account-row" data-email={u.email} data-status={u.status}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {u.name}
                  </th>
                  <td className="utrecht-table__cell">
                    <Email address={u.email} />
                  </td>
                  <td className="utrecht-table__cell" data-testid="account-role">
                    {t.roleLabel(u.role)}
                  </td>
                  <td className="utrecht-table__cell">
                    {u.organisation.name}
                    <span className="kansrijk-admin-sub">{t.organisationTypeLabel(u.organisation.type)}</span>
                  </td>
                  <td className="utrecht-table__cell" data-testid="account-status">
                    {u.status === 'active' ? (
                      t.statusActive
                    ) : (
                      <span className="kansrijk-admin-outcome kansrijk-admin-outcome--denied">
                        <Icon kind="denied" /> {t.statusDisabled}
                      </span>
                    )}
                  </td>
                  <td className="utrecht-table__cell">{methods}</td>
                  <td className="utrecht-table__cell kansrijk-admin-nowrap">{f.date(u.createdAt)}</td>
                  <td className="utrecht-table__cell">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-admin-small-button"
                      aria-expanded={expanded}
                      aria-controls={`manage-${u.id}`}
                      onClick={() => setOpen(expanded ? null : u.id)}
                    >
                      {expanded ? t.closeManage : t.manage}
                      <span className="kansrijk-visually-hidden">: {u.name}</span>
                    </button>
                  </td>
                </tr>
              );
              if (!expanded) return [row];
              return [
                row,
                <tr key={`${u.id}-manage`} className="utrecht-table__row kansrijk-admin-manage-row">
                  <td className="utrecht-table__cell" colSpan={8} id={`manage-${u.id}`}>
                    <ManageAccount lang={lang} user={u} self={session?.user.id === u.id} onChanged={accountChanged} />
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
    <Layout route={route} title={t.accountsTitle}>
      <h1 className="utrecht-heading-1">{t.accountsTitle}</h1>
      <p className="utrecht-paragraph kansrijk-lead">{t.accountsIntro}</p>
      <nav aria-labelledby="accounts-toc-heading" className="kansrijk-admin-toc">
        <h2 id="accounts-toc-heading" className="kansrijk-admin-toc__heading">
          {t.onThisPage}
        </h2>
        <ul>
          <li>
            <a className="utrecht-link" href="#accounts-create-heading">
              {t.createHeading}
            </a>
          </li>
          <li>
            <a className="utrecht-link" href="#accounts-list-heading">
              {t.listHeading}
            </a>
          </li>
          <li>
            <a className="utrecht-link" href="#organisations-heading">
              {t.organisationsHeading}
            </a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="accounts-create-heading" className="kansrijk-admin-panel">
        <h2 id="accounts-create-heading" className="utrecht-heading-2">
          {t.createHeading}
        </h2>
        {organisations.state === 'error' ? <LoadError what={t.organisationsData} /> : <CreateAccount lang={lang} organisations={orgs} onCreated={accountCreated} />}
      </section>

      <section aria-labelledby="accounts-list-heading">
        <h2 id="accounts-list-heading" className="utrecht-heading-2" tabIndex={-1}>
          {t.listHeading}
        </h2>
        <AccountFilters lang={lang} query={route.query} organisations={orgs} organisation={organisationFilter} role={roleFilter} />
        {list()}
      </section>

      <OrganisationsSection lang={lang} query={route.query} organisations={organisations} accountCounts={accountCounts} onChanged={organisationsChanged} />
    </Layout>
  );
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function organisationOptions(lang: Lang, organisations: Organisation[]) {
  const t = admin[lang];
  return organisations.map((o) => ({ value: o.id, label: `${o.name} (${t.organisationTypeLabel(o.type)})` }));
}

/** Filters of the list, applied into the URL (a link restores them); the organisations' filter stays. */
function AccountFilters({ lang, query, organisations, organisation, role }: { lang: Lang; query: URLSearchParams; organisations: Organisation[]; organisation: string; role: string }) {
  const t = admin[lang];
  const [values, setValues] = useState({ organisation, role });
  useEffect(() => setValues({ organisation, role }), [organisation, role]);
  const cleared = { organisation: '', role: '' };
  const go = (changes: Record<string, string>) => navigate(accountsHref(lang, query, changes), { replace: true });
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(values);
  }
  function clear(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    go(cleared);
  }
  return (
    <form className="utrecht-form kansrijk-admin-filter-form" onSubmit={apply} data-testid="accounts-filters">
      <div className="kansrijk-admin-grid">
        <SelectField label={t.colOrganisation} name="organisation" value={values.organisation} onChange={(v) => setValues((x) => ({ ...x, organisation: v }))} placeholder={t.allOrganisations} options={organisationOptions(lang, organisations)} />
        <SelectField label={t.colRole} name="role" value={values.role} onChange={(v) => setValues((x) => ({ ...x, role: v }))} placeholder={t.allRoles} options={ROLES.map((r) => ({ value: r, label: t.roleLabel(r) }))} />
      </div>
      <div className="kansrijk-admin-buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button">
          {t.filterSubmit}
        </button>
        {(organisation || role) && (
          <a className="utrecht-link kansrijk-admin-clear" href={accountsHref(lang, query, cleared)} onClick={clear}>
            {admin[lang].clearFilters}
          </a>
        )}
      </div>
    </form>
  );
}

const CREATE_FIELDS = ['email', 'name', 'organisationId', 'role', 'password'] as const;

function CreateAccount({ lang, organisations, onCreated }: { lang: Lang; organisations: Organisation[]; onCreated: () => void }) {
  const t = admin[lang];
  const empty = { email: '', name: '', organisationId: '', role: '', password: '' };
  const [values, setValues] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const labels = { email: t.emailLabel, name: t.nameLabel, organisationId: t.organisationLabel, role: t.roleField, password: t.initialPasswordLabel };
  const submission = useSubmission(describeFor(lang, labels), CREATE_FIELDS);
  const organisation = organisations.find((o) => o.id === values.organisationId);
  const roles = rolesFor(organisation?.type);

  function chooseOrganisation(id: string) {
    const type = organisations.find((o) => o.id === id)?.type;
    const fitting = rolesFor(type);
    setValues((v) => ({ ...v, organisationId: id, role: fitting.includes(v.role as (typeof fitting)[number]) ? v.role : fitting.length === 1 ? fitting[0]! : '' }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    setDone(null);
    await submission.submit(event, async () => {
      const created = await atFields(
        lang,
        postJson<UserAccount>('/api/v1/users', { email: values.email, name: values.name, role: values.role, organisationId: values.organisationId, ...(values.password ? { password: values.password } : {}) }),
        { role: t.roleRequired, organisationId: t.organisationRequired },
      );
      setValues(empty);
      setDone(t.created(created.name, created.email));
      onCreated();
    });
  }

  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <form className="utrecht-form" method="post" noValidate onSubmit={(e) => void submit(e)} data-testid="create-account">
      <FormAlert message={submission.error} />
      <div className="kansrijk-admin-grid kansrijk-admin-grid--wide">
        <TextField label={t.emailLabel} name="email" type="email" autoComplete="off" required value={values.email} onChange={set('email')} errors={submission.fieldErrors} />
        <TextField label={t.nameLabel} name="name" autoComplete="off" required value={values.name} onChange={set('name')} errors={submission.fieldErrors} />
        <SelectField label={t.organisationLabel} name="organisationId" required value={values.organisationId} onChange={chooseOrganisation} placeholder={t.chooseOrganisation} options={organisationOptions(lang, organisations)} errors={submission.fieldErrors} />
        <SelectField label={t.roleField} name="role" required hint={t.roleHint} value={values.role} onChange={set('role')} placeholder={t.chooseRole} options={roles.map((r) => ({ value: r, label: t.roleLabel(r) }))} errors={submission.fieldErrors} />
        <TextField label={t.initialPasswordLabel} name="password" type="password" autoComplete="new-password" hint={t.initialPasswordHint} value={values.password} onChange={set('password')} errors={submission.fieldErrors} />
      </div>
      <SubmitButton busy={submission.busy} label={t.createSubmit} busyLabel={t.creating} />
      <Done message={done} />
    </form>
  );
}

/** The actions on one account, under its row. */
function ManageAccount({ lang, user, self, onChanged }: { lang: Lang; user: UserAccount; self: boolean; onChanged: (account: UserAccount) => void }) {
  const t = admin[lang];
  const [role, setRole] = useState<string>(user.role);
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ part: 'role' | 'password' | 'status'; message: string } | null>(null);
  const roleSubmission = useSubmission(describeFor(lang, { role: t.roleField }), ['role']);
  const passwordSubmission = useSubmission(describeFor(lang, { password: t.newPasswordLabel }), ['password']);
  const statusSubmission = useSubmission(describeFor(lang, {}), []);
  // After the confirmation step closes (done or cancelled), the reader is back on its button.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !confirming) toggleRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const patch = (body: Record<string, string>) => atFields(lang, sendJson<UserAccount>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, body));

  if (self) {
    return (
      <div className="kansrijk-admin-manage" data-testid="manage-account">
        <h3 className="utrecht-heading-3">{t.manageHeading(user.name)}</h3>
        <p className="utrecht-paragraph">
          {t.ownAccountNote}{' '}
          <a className="utrecht-link" href={href({ page: 'account', lang })} onClick={onLinkClick}>
            {common[lang].navMyAccount}
          </a>
          .
        </p>
      </div>
    );
  }

  const fitting = rolesFor(user.organisation.type);
  return (
    <div className="kansrijk-admin-manage" data-testid="manage-account">
      <h3 className="utrecht-heading-3">{t.manageHeading(user.name)}</h3>
      <div className="kansrijk-admin-manage__parts">
        <form
          className="utrecht-form"
          noValidate
          onSubmit={(e) =>
            void roleSubmission.submit(e, async () => {
              setDone(null);
              const changed = await patch({ role });
              setDone({ part: 'role', message: t.roleSaved(t.roleLabel(changed.role)) });
              onChanged(changed);
            })
          }
          data-testid="manage-role"
        >
          <h4 className="utrecht-heading-4 kansrijk-admin-h4">{t.changeRoleHeading}</h4>
          <FormAlert message={roleSubmission.error} />
          <SelectField label={t.roleField} name="role" hint={t.changeRoleHint} value={role} onChange={setRole} options={fitting.map((r) => ({ value: r, label: t.roleLabel(r) }))} errors={roleSubmission.fieldErrors} />
          <SubmitButton busy={roleSubmission.busy} label={t.saveRole} busyLabel={t.saving} />
          <Done message={done?.part === 'role' ? done.message : null} />
        </form>

        <form
          className="utrecht-form"
          noValidate
          onSubmit={(e) =>
            void passwordSubmission.submit(e, async () => {
              setDone(null);
              const changed = await patch({ password });
              setPassword('');
              setDone({ part: 'password', message: t.passwordSet });
              onChanged(changed);
            })
          }
          data-testid="manage-password"
        >
          <h4 className="utrecht-heading-4 kansrijk-admin-h4">{t.setPasswordHeading}</h4>
          <FormAlert message={passwordSubmission.error} />
          <TextField label={t.newPasswordLabel} name="password" type="password" autoComplete="new-password" hint={t.setPasswordHint} value={password} onChange={setPassword} errors={passwordSubmission.fieldErrors} />
          <SubmitButton busy={passwordSubmission.busy} label={t.setPassword} busyLabel={t.saving} />
          <Done message={done?.part === 'password' ? done.message : null} />
        </form>

        <div data-testid="manage-status">
          <h4 className="utrecht-heading-4 kansrijk-admin-h4">{t.statusHeading}</h4>
          <FormAlert message={statusSubmission.error} />
          {confirming ? (
            <Confirm
              question={user.status === 'active' ? t.confirmDisable(user.name) : t.confirmEnable(user.name)}
              yes={user.status === 'active' ? t.yesDisable : t.yesEnable}
              busyLabel={t.saving}
              cancel={t.cancel}
              busy={statusSubmission.busy}
              testId="confirm-status"
              onCancel={() => setConfirming(false)}
              onYes={() =>
                void statusSubmission.submit(undefined, async () => {
                  setDone(null);
                  const changed = await patch({ status: user.status === 'active' ? 'disabled' : 'active' });
                  setConfirming(false);
                  setDone({ part: 'status', message: changed.status === 'disabled' ? t.disabledDone : t.enabledDone });
                  onChanged(changed);
                })
              }
            />
          ) : (
            <p className="utrecht-paragraph">
              <button
                ref={toggleRef}
                type="button"
                className="utrecht-button utrecht-button--secondary-action kansrijk-button"
                onClick={() => {
                  setDone(null);
                  setConfirming(true);
                }}
              >
                {user.status === 'active' ? t.disable : t.enable}
              </button>
            </p>
          )}
          <Done message={done?.part === 'status' ? done.message : null} />
        </div>
      </div>
    </div>
  );
}
