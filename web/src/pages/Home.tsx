import { Layout } from '../components/Layout.tsx';
import { messages, useMessages } from '../i18n/index.ts';
import { href, onLinkClick, type Route } from '../router.ts';

const text = messages(
  {
    title: 'Kansrijk',
    intro: 'Kansrijk laat per gemeente, wijk en regio zien hoe kinderen in Nederland aan hun eerste 1000 dagen beginnen: perinatale cijfers en kwetsbaarheid, met betrouwbaarheidsmarges, vergelijking met Nederland en de trend.',
    atlasLink: 'Open de atlas',
    definitionsLink: 'Bekijk de definities van de indicatoren',
  },
  {
    title: 'Kansrijk',
    intro: 'Kansrijk shows, per municipality, district and region, how children in the Netherlands start their first 1000 days: perinatal figures and vulnerability, with confidence intervals, comparison with the Netherlands and the trend.',
    atlasLink: 'Open the atlas',
    definitionsLink: 'See the definitions of the indicators',
  },
);

export function HomePage({ route }: { route: Extract<Route, { page: 'home' }> }) {
  const t = useMessages(text);
  return (
    <Layout route={route} title={t.title}>
      <h1 className="utrecht-heading-1">{t.title}</h1>
      <p className="utrecht-paragraph">{t.intro}</p>
      <ul>
        <li>
          <a className="utrecht-link" href={href({ page: 'atlas', lang: route.lang })} onClick={onLinkClick}>
            {t.atlasLink}
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={href({ page: 'definitions', lang: route.lang })} onClick={onLinkClick}>
            {t.definitionsLink}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
