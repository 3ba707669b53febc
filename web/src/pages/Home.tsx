import { useState, type FormEvent } from 'react';
import { Layout } from '../components/Layout.tsx';
import { messages, useLang, useMessages } from '../i18n/index.ts';
import { useApi, type Area } from '../lib/api.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

const text = messages(
  {
    title: 'Kansrijk',
    intro: 'Kansrijk laat per gemeente, wijk en regio zien hoe kinderen in Nederland aan hun eerste 1000 dagen beginnen: perinatale cijfers en kwetsbaarheid, met betrouwbaarheidsmarges, vergelijking met Nederland en de trend.',
    findHeading: 'Uw gemeente',
    findLabel: 'Naam van de gemeente',
    findHint: 'Typ een paar letters en kies uit de lijst.',
    findButton: 'Open gebiedsprofiel',
    findUnknown: (name: string) => `Geen gemeente gevonden met de naam “${name}”. Kies een naam uit de lijst.`,
    toolsHeading: 'Wat u hier kunt doen',
    atlasLink: 'Atlas',
    atlasText: 'De kaart van Nederland per gemeente, met wijken per gemeente: kleuren naar vergelijking met Nederland of naar waarde, met tabel en downloads.',
    menukaartLink: 'Menukaart',
    menukaartText: 'Interventies voor de eerste 1000 dagen: voor wie, hoe intensief, hoe goed onderbouwd en hoe te financieren.',
    definitionsLink: 'Definities',
    definitionsText: 'Wat elke indicator meet, hoe het cijfer berekend is en waar het vandaan komt.',
    apiLink: 'Open API',
    apiText: 'Alle cijfers ook als JSON, CSV en Excel, beschreven in OpenAPI.',
  },
  {
    title: 'Kansrijk',
    intro: 'Kansrijk shows, per municipality, district and region, how children in the Netherlands start their first 1000 days: perinatal figures and vulnerability, with confidence intervals, comparison with the Netherlands and the trend.',
    findHeading: 'Your municipality',
    findLabel: 'Name of the municipality',
    findHint: 'Type a few letters and pick from the list.',
    findButton: 'Open area profile',
    findUnknown: (name: string) => `No municipality found named “${name}”. Pick a name from the list.`,
    toolsHeading: 'What you can do here',
    atlasLink: 'Atlas',
    atlasText: 'The map of the Netherlands by municipality, with the districts of each municipality: coloured by comparison with the Netherlands or by value, with a table and downloads.',
    menukaartLink: 'Intervention menu',
    menukaartText: 'Interventions for the first 1000 days: for whom, how intensive, how well proven and how to fund them.',
    definitionsLink: 'Definitions',
    definitionsText: 'What each indicator measures, how the figure is calculated and where it comes from.',
    apiLink: 'Open API',
    apiText: 'All figures also as JSON, CSV and Excel, described in OpenAPI.',
  },
);

export function HomePage({ route }: { route: Extract<Route, { page: 'home' }> }) {
  const t = useMessages(text);
  const lang = useLang();
  const gemeenten = useApi<Area[]>('/api/v1/areas?level=gemeente');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (gemeenten.state !== 'ready') return;
    const wanted = name.trim().toLocaleLowerCase('nl');
    const match = gemeenten.data.find((a) => a.name.toLocaleLowerCase('nl') === wanted);
    if (!match) {
      setError(t.findUnknown(name.trim()));
      return;
    }
    navigate(href({ page: 'area', lang, code: match.code }));
  };

  return (
    <Layout route={route} title={t.title}>
      <h1 className="utrecht-heading-1">{t.title}</h1>
      <p className="utrecht-paragraph kansrijk-lead">{t.intro}</p>

      <section aria-labelledby="find-heading" className="kansrijk-find">
        <h2 className="utrecht-heading-2" id="find-heading">
          {t.findHeading}
        </h2>
        <form onSubmit={submit} noValidate>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="find-gemeente">
              {t.findLabel}
            </label>
            <p className="utrecht-form-field-description" id="find-hint">
              {t.findHint}
            </p>
            <div className="kansrijk-find__row">
              <input
                id="find-gemeente"
                className="utrecht-textbox utrecht-textbox--html-input"
                list="gemeente-names"
                autoComplete="off"
                value={name}
                aria-describedby={error ? 'find-hint find-error' : 'find-hint'}
                aria-invalid={error ? true : undefined}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setError(null);
                }}
              />
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {t.findButton}
              </button>
            </div>
            {error && (
              <p className="utrecht-form-field-error-message" id="find-error" role="alert">
                {error}
              </p>
            )}
            <datalist id="gemeente-names">
              {gemeenten.state === 'ready' && gemeenten.data.map((a) => <option key={a.code} value={a.name} />)}
            </datalist>
          </div>
        </form>
      </section>

      <h2 className="utrecht-heading-2">{t.toolsHeading}</h2>
      <ul className="kansrijk-cards">
        <li>
          <a className="utrecht-link" href={href({ page: 'atlas', lang })} onClick={onLinkClick}>
            {t.atlasLink}
          </a>
          <p className="utrecht-paragraph">{t.atlasText}</p>
        </li>
        <li>
          <a className="utrecht-link" href={href({ page: 'menukaart', lang })} onClick={onLinkClick}>
            {t.menukaartLink}
          </a>
          <p className="utrecht-paragraph">{t.menukaartText}</p>
        </li>
        <li>
          <a className="utrecht-link" href={href({ page: 'definitions', lang })} onClick={onLinkClick}>
            {t.definitionsLink}
          </a>
          <p className="utrecht-paragraph">{t.definitionsText}</p>
        </li>
        <li>
          <a className="utrecht-link" href="/api/v1/openapi.json">
            {t.apiLink}
          </a>
          <p className="utrecht-paragraph">{t.apiText}</p>
        </li>
      </ul>
    </Layout>
  );
}
