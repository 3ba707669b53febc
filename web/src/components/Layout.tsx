// The page frame: skip link, header with navigation and language switch, main, footer with
// sources. Every page sets its own document title and first heading.

import { useEffect, type ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import { useLang, useMessages } from '../i18n/index.ts';
import { sessionMay, signOut, useSession } from '../lib/api.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

export function Layout({ route, title, children }: { route: Route; title: string; children: ReactNode }) {
  const t = useMessages(common);
  const lang = useLang();
  const other = lang === 'nl' ? 'en' : 'nl';
  const session = useSession();
  useEffect(() => {
    document.title = `${title} — ${t.appName}`;
    document.documentElement.lang = lang;
  }, [title, lang, t.appName]);

  const nav: { page: Route['page']; label: string }[] = [
    { page: 'home', label: t.navHome },
    { page: 'atlas', label: t.navAtlas },
    { page: 'menukaart', label: t.navMenukaart },
    { page: 'coalitions', label: t.navCoalitions },
    { page: 'definitions', label: t.navDefinitions },
    { page: 'accessibility', label: t.navAccessibility },
  ];
  // Signed in: what the role may open (the API still decides on every request).
  const userNav: { page: Route['page']; label: string }[] = [
    ...(sessionMay(session, 'funding-overview', 'read') ? [{ page: 'funding' as const, label: t.navFunding }] : []),
    ...(sessionMay(session, 'audit-event', 'read') ? [{ page: 'audit' as const, label: t.navAudit }] : []),
    ...(sessionMay(session, 'user', 'read') ? [{ page: 'accounts' as const, label: t.navAccounts }] : []),
    { page: 'account', label: t.navMyAccount },
  ];
  // The same view in the other language: same page, same parameters.
  const otherHref = href({ ...route, lang: other } as Route);

  return (
    <>
      <a className="utrecht-skip-link kansrijk-skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="kansrijk-header">
        <div className="kansrijk-header__inner">
          <a className="kansrijk-logo" href={href({ page: 'home', lang })} onClick={onLinkClick}>
            <span className="kansrijk-logo__name">{t.appName}</span>
            <span className="kansrijk-logo__tagline">{t.tagline}</span>
          </a>
          <nav aria-label={t.mainNavigation} className="kansrijk-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.page}>
                  <a href={href({ page: item.page, lang })} onClick={onLinkClick} aria-current={route.page === item.page ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <a className="kansrijk-lang" href={otherHref} hrefLang={other} lang={other} aria-label={t.languageSwitchLabel} onClick={onLinkClick}>
            {t.languageSwitch}
          </a>
          {!session && route.page !== 'signin' && (
            <a className="kansrijk-lang" style={{ marginLeft: '0.5rem' }} href={href({ page: 'signin', lang })} onClick={onLinkClick}>
              {t.signIn}
            </a>
          )}
        </div>
        {session && (
          <nav aria-label={t.userNavigation} className="kansrijk-usernav" data-testid="user-nav">
            <span className="kansrijk-usernav__who">
              {t.signedInAs(session.user.name)} · {session.organisation.name}
            </span>
            <ul>
              {userNav.map((item) => (
                <li key={item.page}>
                  <a href={href({ page: item.page, lang })} onClick={onLinkClick} aria-current={route.page === item.page ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
              <li>
                <button type="button" className="kansrijk-usernav__signout" onClick={() => void signOut().then(() => navigate(href({ page: 'home', lang })), () => undefined)}>
                  {t.signOut}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="kansrijk-main">
        {children}
      </main>
      <footer className="kansrijk-footer">
        <p>{t.footerAbout}</p>
        <p>
          <a href="/api/v1/openapi.json">{t.footerApi}</a>
        </p>
      </footer>
    </>
  );
}

/** Shown on every screen with synthetic figures. */
export function SyntheticBanner() {
  const t = useMessages(common);
  return (
    <div className="kansrijk-synthetic" role="note">
      <strong>{t.syntheticBanner}</strong> {t.syntheticBannerDetail}
    </div>
  );
}

export function Loading() {
  const t = useMessages(common);
  return (
    <p className="kansrijk-loading" role="status">
      {t.loading}
    </p>
  );
}

export function LoadError({ what }: { what: string }) {
  const t = useMessages(common);
  return (
    <p className="kansrijk-error" role="alert">
      {t.loadError(what)}
    </p>
  );
}
