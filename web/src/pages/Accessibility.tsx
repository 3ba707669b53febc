// Accessibility statement (/nl/toegankelijkheid, /en/accessibility): aim, status, what is
// known not to be fully accessible yet, how to report a problem, date.

import { Layout } from '../components/Layout.tsx';
import { accessibility, STATEMENT_DATE } from '../i18n/accessibility.ts';
import { useFormat, useMessages } from '../i18n/index.ts';
import { common } from '../i18n/common.ts';
import '../profile/definitions.css';
import type { Route } from '../router.ts';

export default function AccessibilityPage({ route }: { route: Extract<Route, { page: 'accessibility' }> }) {
  const t = accessibility[route.lang];
  const c = useMessages(common);
  const f = useFormat();
  return (
    <Layout route={route} title={t.title}>
      <article className="kansrijk-statement">
        <div className="kansrijk-definitions__head">
          <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.title}</h1>
          <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-no-print" onClick={() => window.print()}>
            {c.print}
          </button>
        </div>
        <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.intro}</p>

        <section aria-labelledby="a11y-aim">
          <h2 id="a11y-aim" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.aimHeading}</h2>
          {t.aim.map((p) => (
            <p key={p} className="utrecht-paragraph utrecht-paragraph--distanced">{p}</p>
          ))}
        </section>

        <section aria-labelledby="a11y-status">
          <h2 id="a11y-status" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.statusHeading}</h2>
          {t.status.map((p) => (
            <p key={p} className="utrecht-paragraph utrecht-paragraph--distanced">{p}</p>
          ))}
        </section>

        <section aria-labelledby="a11y-done">
          <h2 id="a11y-done" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.doneHeading}</h2>
          <ul className="utrecht-unordered-list">
            {t.done.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="a11y-known">
          <h2 id="a11y-known" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.knownHeading}</h2>
          <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.knownIntro}</p>
          {t.known.map((k) => (
            <div key={k.title}>
              <h3 className="utrecht-heading-3 utrecht-heading-3--distanced">{k.title}</h3>
              <p className="utrecht-paragraph utrecht-paragraph--distanced">{k.text}</p>
            </div>
          ))}
        </section>

        <section aria-labelledby="a11y-report">
          <h2 id="a11y-report" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.reportHeading}</h2>
          {t.report.map((p) => (
            <p key={p} className="utrecht-paragraph utrecht-paragraph--distanced">{p}</p>
          ))}
          <div className="kansrijk-statement__contact">
            <p className="utrecht-paragraph utrecht-paragraph--distanced">
              <strong>{t.contactPlaceholderLabel}:</strong> {t.contactPlaceholder}
            </p>
          </div>
          <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.escalation}</p>
        </section>

        <section aria-labelledby="a11y-date">
          <h2 id="a11y-date" className="utrecht-heading-2 utrecht-heading-2--distanced">{t.dateHeading}</h2>
          <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.date(f.date(STATEMENT_DATE))}</p>
          <p className="utrecht-paragraph utrecht-paragraph--distanced">{t.reviewed}</p>
        </section>
      </article>
    </Layout>
  );
}
