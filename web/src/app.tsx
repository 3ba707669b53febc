import { lazy, Suspense } from 'react';
import { Layout, Loading } from './components/Layout.tsx';
import { common } from './i18n/common.ts';
import { LangContext } from './i18n/index.ts';
import { href, onLinkClick, useRoute } from './router.ts';
import { HomePage } from './pages/Home.tsx';

// Pages other than home load on demand, so the first view stays small.
const AtlasPage = lazy(() => import('./pages/Atlas.tsx'));
const AreaPage = lazy(() => import('./pages/AreaProfile.tsx'));
const DefinitionsPage = lazy(() => import('./pages/Definitions.tsx'));
const AccessibilityPage = lazy(() => import('./pages/Accessibility.tsx'));
const MenukaartPage = lazy(() => import('./pages/Menukaart.tsx'));
const InterventionPage = lazy(() => import('./pages/Intervention.tsx'));
const AnalysisPage = lazy(() => import('./pages/Analysis.tsx'));
const SignInPage = lazy(() => import('./pages/SignIn.tsx'));
const CoalitionsPage = lazy(() => import('./pages/Coalitions.tsx'));
const CoalitionPage = lazy(() => import('./pages/Coalition.tsx'));
const FundingPage = lazy(() => import('./pages/Funding.tsx'));
const AuditTrailPage = lazy(() => import('./pages/AuditTrail.tsx'));
const AccountsPage = lazy(() => import('./pages/Accounts.tsx'));
const MyAccountPage = lazy(() => import('./pages/MyAccount.tsx'));

export function App() {
  const route = useRoute();
  return (
    <LangContext.Provider value={route.lang}>
      <Suspense fallback={<Loading />}>
        {route.page === 'home' && <HomePage route={route} />}
        {route.page === 'atlas' && <AtlasPage route={route} />}
        {route.page === 'area' && <AreaPage route={route} />}
        {route.page === 'definitions' && <DefinitionsPage route={route} />}
        {route.page === 'accessibility' && <AccessibilityPage route={route} />}
        {route.page === 'menukaart' && <MenukaartPage route={route} />}
        {route.page === 'intervention' && <InterventionPage route={route} />}
        {route.page === 'analysis' && <AnalysisPage route={route} />}
        {route.page === 'signin' && <SignInPage route={route} />}
        {route.page === 'coalitions' && <CoalitionsPage route={route} />}
        {route.page === 'coalition' && <CoalitionPage route={route} />}
        {route.page === 'funding' && <FundingPage route={route} />}
        {route.page === 'audit' && <AuditTrailPage route={route} />}
        {route.page === 'accounts' && <AccountsPage route={route} />}
        {route.page === 'account' && <MyAccountPage route={route} />}
        {route.page === 'not-found' && <NotFound route={route} />}
      </Suspense>
    </LangContext.Provider>
  );
}

function NotFound({ route }: { route: { page: 'not-found'; lang: 'nl' | 'en' } }) {
  const t = common[route.lang];
  return (
    <Layout route={route} title={t.notFoundTitle}>
      <h1 className="utrecht-heading-1">{t.notFoundTitle}</h1>
      <p className="utrecht-paragraph">{t.notFoundText}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={href({ page: 'home', lang: route.lang })} onClick={onLinkClick}>
          {t.navHome}
        </a>{' '}
        ·{' '}
        <a className="utrecht-link" href={href({ page: 'atlas', lang: route.lang })} onClick={onLinkClick}>
          {t.navAtlas}
        </a>
      </p>
    </Layout>
  );
}
