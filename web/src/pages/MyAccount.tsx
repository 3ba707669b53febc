// Own account (/nl/mijn-account, /en/my-account), for every signed-in user: who Kansrijk thinks
// you are (name, e-mail, role, organisation, coalitions, how you signed in), changing your
// password (the repeat is checked here, the rest by the API), and signing out everywhere after
// a confirmation. A password change renews the session: the new session and CSRF token are
// taken over, so later requests on this page keep working.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormAlert, SubmitButton, TextField, describeApiError, useSubmission } from '../components/Form.tsx';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { Confirm, Done, Email, Icon, SignedOutNotice, atFields, describeFor, failureKind, fieldError } from '../admin/parts.tsx';
import { admin } from '../i18n/admin.ts';
import type { Lang } from '../i18n/index.ts';
import { adoptSession, postJson, useApi, useLiveApi, type CoalitionOverview, type Session } from '../lib/api.ts';
import { href, onLinkClick, type Route } from '../router.ts';

export default function MyAccountPage({ route }: { route: Extract<Route, { page: 'account' }> }) {
  const lang = route.lang;
  const t = admin[lang];
  const [session, reload] = useLiveApi<Session>('/api/v1/auth/session');
  const [signedOutEverywhere, setSignedOutEverywhere] = useState(false);

  const body = () => {
    if (signedOutEverywhere) return <SignedOutEverywhere lang={lang} />;
    if (session.state === 'loading') return <Loading />;
    if (session.state === 'error') return failureKind(session.error) === 'signed-out' ? <SignedOutNotice lang={lang} text={t.signedOutText} /> : <LoadError what={t.myData} />;
    return (
      <>
        <AccountDetails lang={lang} session={session.data} />
        <ChangePassword lang={lang} session={session.data} onChanged={reload} />
        <SignOutEverywhere lang={lang} onDone={() => setSignedOutEverywhere(true)} />
      </>
    );
  };

  return (
    <Layout route={route} title={t.myTitle}>
      <h1 className="utrecht-heading-1">{t.myTitle}</h1>
      {!signedOutEverywhere && session.state === 'ready' && <p className="utrecht-paragraph kansrijk-lead">{t.myIntro}</p>}
      {body()}
    </Layout>
  );
}

function AccountDetails({ lang, session }: { lang: Lang; session: Session }) {
  const t = admin[lang];
  const overview = useApi<CoalitionOverview>('/api/v1/coalitions/overview');
  const names = new Map<string, string>();
  if (overview.state === 'ready') for (const g of overview.data.gemeenten) if (g.coalition) names.set(g.coalition.id, g.coalition.name);
  return (
    <section aria-labelledby="my-details-heading">
      <h2 id="my-details-heading" className="utrecht-heading-2">
        {t.detailsHeading}
      </h2>
      <dl className="kansrijk-admin-facts" data-testid="my-details">
        <dt>{t.nameLabel}</dt>
        <dd data-testid="my-name">{session.user.name}</dd>
        <dt>{t.emailLabel}</dt>
        <dd data-testid="my-email">
          <Email address={session.user.email} />
        </dd>
        <dt>{t.roleField}</dt>
        <dd data-testid="my-role">{t.roleLabel(session.user.role)}</dd>
        <dt>{t.organisationLabel}</dt>
        <dd data-testid="my-organisation">
          {session.organisation.name} <span className="kansrijk-admin-sub kansrijk-admin-sub--inline">({t.organisationTypeLabel(session.organisation.type)})</span>
        </dd>
        <dt>{t.coalitionsLabel}</dt>
        <dd data-testid="my-coalitions">
          {session.coalitions.length === 0 ? (
            t.noCoalitions
          ) : (
            <ul className="kansrijk-admin-plain-list">
              {session.coalitions.map((id) => (
                <li key={id}>
                  <a className="utrecht-link" href={href({ page: 'coalition', lang, id })} onClick={onLinkClick}>
                    {names.get(id) ?? id}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.signInMethodLabel}</dt>
        <dd data-testid="my-method">{session.authMethod === 'oidc' ? t.methodOidc : t.methodPassword}</dd>
      </dl>
      <p className="utrecht-paragraph kansrijk-admin-sub--inline kansrijk-admin-note">{t.detailsNote}</p>
    </section>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

function ChangePassword({ lang, session, onChanged }: { lang: Lang; session: Session; onChanged: () => void }) {
  const t = admin[lang];
  const empty = { currentPassword: '', newPassword: '', repeatPassword: '' };
  const [values, setValues] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission(describeFor(lang, { currentPassword: t.currentPassword, newPassword: t.newPassword, repeatPassword: t.repeatPassword }), PASSWORD_FIELDS);
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    setDone(null);
    await submission.submit(event, async () => {
      // The repeat is the browser's business; everything else the API checks.
      if (values.newPassword !== values.repeatPassword) throw fieldError('repeatPassword', t.repeatMismatch);
      const renewed = await atFields(lang, postJson<Session>('/api/v1/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword }));
      // A new session with a new CSRF token: the screens and later requests use it.
      adoptSession(renewed);
      setValues(empty);
      setDone(t.passwordChanged);
      onChanged();
    });
  }

  return (
    <section aria-labelledby="my-password-heading" className="kansrijk-admin-panel">
      <h2 id="my-password-heading" className="utrecht-heading-2">
        {t.passwordHeading}
      </h2>
      <p className="utrecht-paragraph">{t.passwordIntro}</p>
      {session.authMethod === 'oidc' && <p className="utrecht-paragraph">{t.oidcPasswordNote}</p>}
      <form className="utrecht-form" method="post" noValidate onSubmit={(e) => void submit(e)} data-testid="change-password">
        <FormAlert message={submission.error} />
        {/* For password managers: whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={session.user.email} readOnly hidden />
        <TextField label={t.currentPassword} name="currentPassword" type="password" autoComplete="current-password" required value={values.currentPassword} onChange={set('currentPassword')} errors={submission.fieldErrors} />
        <TextField label={t.newPassword} name="newPassword" type="password" autoComplete="new-password" required hint={t.newPasswordHint} value={values.newPassword} onChange={set('newPassword')} errors={submission.fieldErrors} />
        <TextField label={t.repeatPassword} name="repeatPassword" type="password" autoComplete="new-password" required value={values.repeatPassword} onChange={set('repeatPassword')} errors={submission.fieldErrors} />
        <SubmitButton busy={submission.busy} label={t.changePassword} busyLabel={t.changing} />
        <Done message={done} />
      </form>
    </section>
  );
}

function SignOutEverywhere({ lang, onDone }: { lang: Lang; onDone: () => void }) {
  const t = admin[lang];
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmission(describeApiError(lang));
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !confirming) buttonRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <section aria-labelledby="my-everywhere-heading" className="kansrijk-admin-panel">
      <h2 id="my-everywhere-heading" className="utrecht-heading-2">
        {t.everywhereHeading}
      </h2>
      <p className="utrecht-paragraph">{t.everywhereIntro}</p>
      <FormAlert message={submission.error} />
      {confirming ? (
        <Confirm
          question={t.everywhereConfirm}
          yes={t.everywhereYes}
          busyLabel={t.everywhereBusy}
          cancel={t.cancel}
          busy={submission.busy}
          testId="confirm-everywhere"
          onCancel={() => setConfirming(false)}
          onYes={() =>
            void submission.submit(undefined, async () => {
              const result = await postJson<{ csrfToken?: string } | null>('/api/v1/auth/logout-everywhere');
              adoptSession(null, result?.csrfToken);
              onDone();
            })
          }
        />
      ) : (
        <p className="utrecht-paragraph">
          <button ref={buttonRef} type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={() => setConfirming(true)} data-testid="everywhere">
            {t.everywhereButton}
          </button>
        </p>
      )}
    </section>
  );
}

function SignedOutEverywhere({ lang }: { lang: Lang }) {
  const t = admin[lang];
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <p ref={ref} tabIndex={-1} className="utrecht-paragraph kansrijk-admin-done" role="status" data-testid="signed-out-everywhere">
        <Icon kind="success" /> {t.everywhereDone}
      </p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={href({ page: 'signin', lang })} onClick={onLinkClick}>
          {t.toSignIn}
        </a>
      </p>
    </>
  );
}
