// URLs are the state: every view (language, page, indicator, year, level, area, benchmark,
// colouring) lives in the path and query, so a link restores it. Path words follow the language.

import { useEffect, useState } from 'react';
import type { Lang } from './i18n/index.ts';

export type Route =
  | { page: 'home'; lang: Lang }
  | { page: 'atlas'; lang: Lang; query: URLSearchParams }
  | { page: 'area'; lang: Lang; code: string; query: URLSearchParams }
  | { page: 'definitions'; lang: Lang; indicator?: string }
  | { page: 'accessibility'; lang: Lang }
  | { page: 'menukaart'; lang: Lang; query: URLSearchParams }
  | { page: 'intervention'; lang: Lang; id: string }
  | { page: 'analysis'; lang: Lang; code: string; query: URLSearchParams }
  | { page: 'signin'; lang: Lang }
  | { page: 'coalitions'; lang: Lang }
  | { page: 'coalition'; lang: Lang; id: string; query: URLSearchParams }
  | { page: 'funding'; lang: Lang; query: URLSearchParams }
  | { page: 'audit'; lang: Lang; query: URLSearchParams }
  | { page: 'accounts'; lang: Lang; query: URLSearchParams }
  | { page: 'account'; lang: Lang }
  | { page: 'not-found'; lang: Lang };

type Slug = 'area' | 'definitions' | 'accessibility' | 'menukaart' | 'analysis' | 'signin' | 'coalitions' | 'funding' | 'audit' | 'accounts' | 'account';
const SLUGS: Record<Lang, Record<Slug, string>> = {
  nl: {
    area: 'gebied',
    definitions: 'definities',
    accessibility: 'toegankelijkheid',
    menukaart: 'menukaart',
    analysis: 'analyse',
    signin: 'inloggen',
    coalitions: 'coalities',
    funding: 'impuls',
    audit: 'audittrail',
    accounts: 'accounts',
    account: 'mijn-account',
  },
  en: {
    area: 'area',
    definitions: 'definitions',
    accessibility: 'accessibility',
    menukaart: 'menu',
    analysis: 'analysis',
    signin: 'sign-in',
    coalitions: 'coalitions',
    funding: 'funding',
    audit: 'audit-trail',
    accounts: 'accounts',
    account: 'my-account',
  },
};

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const lang: Lang = parts[0] === 'en' ? 'en' : 'nl';
  const [, section, id] = parts;
  const query = new URLSearchParams(search);
  const slug = SLUGS[lang];
  if (parts.length === 0 || (parts[0] !== 'nl' && parts[0] !== 'en')) return parts.length === 0 ? { page: 'home', lang } : { page: 'not-found', lang };
  if (!section) return { page: 'home', lang };
  if (section === 'atlas' && !id) return { page: 'atlas', lang, query };
  if (section === slug.area && id) return { page: 'area', lang, code: id, query };
  if (section === slug.definitions) return { page: 'definitions', lang, indicator: id };
  if (section === slug.accessibility && !id) return { page: 'accessibility', lang };
  if (section === slug.menukaart && parts.length <= 3) return id ? { page: 'intervention', lang, id } : { page: 'menukaart', lang, query };
  if (section === slug.analysis && id && parts.length === 3) return { page: 'analysis', lang, code: id, query };
  if (section === slug.signin && !id) return { page: 'signin', lang };
  if (section === slug.coalitions && !id) return { page: 'coalitions', lang };
  if (section === slug.coalitions && id && parts.length === 3) return { page: 'coalition', lang, id, query };
  if (section === slug.funding && !id) return { page: 'funding', lang, query };
  if (section === slug.audit && !id) return { page: 'audit', lang, query };
  if (section === slug.accounts && !id) return { page: 'accounts', lang, query };
  if (section === slug.account && !id) return { page: 'account', lang };
  return { page: 'not-found', lang };
}

function withQuery(path: string, query?: URLSearchParams | Record<string, string | undefined>): string {
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The URL of a route; the same route in another language is `href({ ...route, lang })`. */
export function href(route: Route | { page: Route['page']; lang: Lang; code?: string; indicator?: string; id?: string; query?: URLSearchParams | Record<string, string | undefined> }): string {
  const lang = route.lang;
  const slug = SLUGS[lang];
  const r = route as { page: Route['page']; code?: string; indicator?: string; id?: string; query?: URLSearchParams | Record<string, string | undefined> };
  switch (r.page) {
    case 'home':
    case 'not-found':
      return `/${lang}`;
    case 'atlas':
      return withQuery(`/${lang}/atlas`, r.query);
    case 'area':
      return withQuery(`/${lang}/${slug.area}/${encodeURIComponent(r.code ?? '')}`, r.query);
    case 'definitions':
      return `/${lang}/${slug.definitions}${r.indicator ? `/${encodeURIComponent(r.indicator)}` : ''}`;
    case 'accessibility':
      return `/${lang}/${slug.accessibility}`;
    case 'menukaart':
      return withQuery(`/${lang}/${slug.menukaart}`, r.query);
    case 'intervention':
      return `/${lang}/${slug.menukaart}/${encodeURIComponent(r.id ?? '')}`;
    case 'analysis':
      return withQuery(`/${lang}/${slug.analysis}/${encodeURIComponent(r.code ?? '')}`, r.query);
    case 'signin':
      return `/${lang}/${slug.signin}`;
    case 'coalitions':
      return `/${lang}/${slug.coalitions}`;
    case 'coalition':
      return withQuery(`/${lang}/${slug.coalitions}/${encodeURIComponent(r.id ?? '')}`, r.query);
    case 'funding':
      return withQuery(`/${lang}/${slug.funding}`, r.query);
    case 'audit':
      return withQuery(`/${lang}/${slug.audit}`, r.query);
    case 'accounts':
      return withQuery(`/${lang}/${slug.accounts}`, r.query);
    case 'account':
      return `/${lang}/${slug.account}`;
  }
}

const listeners = new Set<() => void>();

/** Go to a URL inside the app; `replace` for state changes that should not fill the history. */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Plain links that navigate inside the app (still real <a href> for keyboard, middle-click, copy). */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  const a = event.currentTarget;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.target) return;
  if (a.origin !== location.origin) return;
  event.preventDefault();
  navigate(a.pathname + a.search + a.hash);
}
