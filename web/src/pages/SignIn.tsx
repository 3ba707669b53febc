// Sign-in page (/nl/inloggen, /en/sign-in): e-mail and password. It fetches an anonymous CSRF
// token first, posts the sign-in with it, shows the API's one answer for every failure in an
// alert, and goes to the national overview on success.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Layout } from '../components/Layout.tsx';
import '../coalities/coalities.css';
import { coalities } from '../i18n/coalities.ts';
import { ApiError, fetchCsrfToken, signIn, useApi } from '../lib/api.ts';
import { href, navigate, type Route } from '../router.ts';

export default function SignInPage({ route }: { route: Extract<Route, { page: 'signin' }> }) {
  const t = coalities[route.lang];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // Organisations with their own identity provider sign in there (OIDC); the callback comes back
  // here with ?fout=oidc when that did not work.
  const providers = useApi<{ id: string; name: string; loginUrl: string }[]>('/api/v1/auth/providers');
  const oidcFailed = new URLSearchParams(location.search).get('fout') === 'oidc';
  const returnTo = href({ page: 'coalitions', lang: route.lang });

  useEffect(() => {
    // An anonymous token, needed to sign in (docs/security.md §CSRF).
    void fetchCsrfToken(true).catch(() => undefined);
  }, []);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      navigate(href({ page: 'coalitions', lang: route.lang }));
    } catch (e) {
      const code = (e as ApiError & { code?: string }).code;
      setError(code === 'invalid-credentials' ? t.invalidCredentials : code === 'rate-limited' ? t.rateLimited : t.signInFailed(e instanceof Error ? e.message : String(e)));
      setBusy(false);
    }
  }

  return (
    <Layout route={route} title={t.signInTitle}>
      <div className="kansrijk-signin">
        <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.signInTitle}</h1>
        <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.signInIntro}</p>
        {oidcFailed && !error && (
          <div className="kansrijk-error" role="alert" data-testid="oidc-failed">
            {t.oidcFailed}
          </div>
        )}
        {error && (
          <div ref={alertRef} tabIndex={-1} className="kansrijk-error" role="alert">
            {error}
          </div>
        )}
        <form className="utrecht-form" method="post" onSubmit={submit} noValidate={false}>
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="signin-email">{t.email}</label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                id="signin-email"
                className="utrecht-textbox utrecht-textbox--html-input"
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
          </div>
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="signin-password">{t.password}</label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                id="signin-password"
                className="utrecht-textbox utrecht-textbox--html-input"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? t.submitting : t.submit}
          </button>
        </form>
        {providers.state === 'ready' && providers.data.length > 0 && (
          <section aria-labelledby="signin-oidc" className="kansrijk-signin__oidc">
            <h2 id="signin-oidc" className="utrecht-heading-2">
              {t.oidcHeading}
            </h2>
            <p className="utrecht-paragraph">{t.oidcIntro}</p>
            <ul className="utrecht-unordered-list">
              {providers.data.map((p) => (
                <li key={p.id} className="utrecht-unordered-list__item">
                  {/* A full page load: the provider's page, then back through the callback. */}
                  <a className="utrecht-link" href={`${p.loginUrl}?returnTo=${encodeURIComponent(returnTo)}`}>
                    {t.oidcSignIn(p.name)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
