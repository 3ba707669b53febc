// The coalition workspace (/nl/coalities/{id}, /en/coalitions/{id}), for the coalition's partners
// and the programme team: its gemeenten and status, partners and the partner types it lacks,
// chain agreements, local goals under the six national goals, the plan, progress updates and
// funding. Buttons and forms appear only where the API's `permissions` say the user may act; the
// API checks every request again.

import { useCallback, useState, type FormEvent } from 'react';
import { describeApiError, FormAlert, SelectField, TextAreaField, TextField, useSubmission } from '../components/Form.tsx';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { FUNDING_SECTION_ID, FundingSection } from '../coalities/FundingSection.tsx';
import { AgreementsSection } from '../coalities/workspace/Agreements.tsx';
import { GoalsSection } from '../coalities/workspace/Goals.tsx';
import { FormButtons, useWorkspace, WorkspaceContext, type Workspace } from '../coalities/workspace/parts.tsx';
import { PartnersSection } from '../coalities/workspace/Partners.tsx';
import { PlanSection } from '../coalities/workspace/Plan.tsx';
import { UpdatesSection } from '../coalities/workspace/Updates.tsx';
import '../coalities/coalities.css';
import '../coalities/workspace/workspace.css';
import { common } from '../i18n/common.ts';
import { formatFor } from '../i18n/index.ts';
import { workspace } from '../i18n/workspace.ts';
import { ApiError, sendJson, useApi, useLiveApi, useSession, type CoalitionDetail, type CoalitionVocabulary, type Indicator, type InterventionList } from '../lib/api.ts';
import { href, onLinkClick, type Route } from '../router.ts';

export default function CoalitionPage({ route }: { route: Extract<Route, { page: 'coalition' }> }) {
  const lang = route.lang;
  const t = workspace[lang];
  const [coalition, reload] = useLiveApi<CoalitionDetail>(`/api/v1/coalitions/${encodeURIComponent(route.id)}`);
  const vocabulary = useApi<CoalitionVocabulary>('/api/v1/coalitions/vocabulary');
  const indicators = useApi<Indicator[]>('/api/v1/indicators');
  const interventions = useApi<InterventionList>('/api/v1/interventions');
  const [message, setMessage] = useState('');
  // A new message each time, so the same words twice are read out twice.
  const announce = useCallback((text: string) => setMessage((m) => (m === text ? `${text}\u00a0` : text)), []);

  const title = coalition.state === 'ready' ? coalition.data.name : t.coalitionData;
  const back = (
    <p className="utrecht-paragraph">
      <a className="utrecht-link" href={href({ page: 'coalitions', lang })} onClick={onLinkClick}>
        {t.backToOverview}
      </a>
    </p>
  );

  const body = () => {
    if (coalition.state === 'loading' || vocabulary.state === 'loading' || indicators.state === 'loading' || interventions.state === 'loading') return <Loading />;
    if (coalition.state === 'error') {
      const status = coalition.error instanceof ApiError ? coalition.error.status : 0;
      const text = status === 401 ? t.signInNeeded : status === 403 ? t.notAllowed : status === 404 || status === 400 ? t.notFound : null;
      if (!text) return <LoadError what={t.coalitionData} />;
      return (
        <>
          <p className="kansrijk-error" role="alert" data-testid="coalition-refused">
            {text}
          </p>
          {status === 401 && (
            <p className="utrecht-paragraph">
              <a className="utrecht-link" href={href({ page: 'signin', lang })} onClick={onLinkClick}>
                {common[lang].signIn}
              </a>
            </p>
          )}
          {back}
        </>
      );
    }
    if (vocabulary.state === 'error' || indicators.state === 'error' || interventions.state === 'error') return <LoadError what={t.coalitionData} />;
    const c = coalition.data;
    const ws: Workspace = { coalition: c, lang, api: `/api/v1/coalitions/${c.id}`, reload, announce };
    const p = c.permissions;
    const mayChange = p.update || p.partners.create || p.agreements.create || p.goals.create || p.plan.create || p.updates.create || p.funding.create;
    return (
      <WorkspaceContext.Provider value={ws}>
        <CoalitionHeader vocabulary={vocabulary.data} />
        {!mayChange && <p className="utrecht-paragraph kansrijk-ws-muted">{t.readOnly}</p>}
        <nav aria-labelledby="ws-contents" className="kansrijk-ws-contents">
          <h2 id="ws-contents" className="utrecht-heading-2">
            {t.contents}
          </h2>
          <ul>
            <li><a href="#partners">{t.partners}</a></li>
            <li><a href="#agreements">{t.agreements}</a></li>
            <li><a href="#goals">{t.goals}</a></li>
            <li><a href="#plan">{t.plan}</a></li>
            <li><a href="#updates">{t.updates}</a></li>
            {c.fundingApplications && <li><a href={`#${FUNDING_SECTION_ID}`}>{t.funding}</a></li>}
          </ul>
        </nav>
        <PartnersSection vocabulary={vocabulary.data} />
        <AgreementsSection vocabulary={vocabulary.data} />
        <GoalsSection vocabulary={vocabulary.data} indicators={indicators.data} />
        <PlanSection vocabulary={vocabulary.data} interventions={interventions.data.items} />
        <UpdatesSection />
        <FundingSection coalition={c} lang={lang} onChanged={reload} />
        <p className="utrecht-paragraph kansrijk-ws-muted">{t.onRecord}</p>
      </WorkspaceContext.Provider>
    );
  };

  return (
    <Layout route={route} title={title}>
      <div className="kansrijk-ws-live kansrijk-visually-hidden" role="status" aria-live="polite" data-testid="ws-announcer">
        {message}
      </div>
      {coalition.state !== 'ready' && <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{title}</h1>}
      {body()}
    </Layout>
  );
}

function CoalitionHeader({ vocabulary }: { vocabulary: CoalitionVocabulary }) {
  const ws = useWorkspace();
  const { coalition: c, lang } = ws;
  const t = workspace[lang];
  const f = formatFor(lang);
  const [editing, setEditing] = useState(false);
  return (
    <header className="kansrijk-ws-header">
      <h1 className="utrecht-heading-1">{c.name}</h1>
      <dl className="kansrijk-ws-facts kansrijk-ws-facts--header" data-testid="coalition-facts">
        <dt>{t.status}</dt>
        <dd>
          <span className={`kansrijk-ws-pill kansrijk-ws-pill--${c.status}`}>{c.statusLabel[lang]}</span> {t.since(f.date(c.statusSince))}
        </dd>
        <dt>{t.gemeenten}</dt>
        <dd>
          {c.gemeenten.map((g, n) => (
            <span key={g.code}>
              {n > 0 && ', '}
              <a className="utrecht-link" href={href({ page: 'area', lang, code: g.code })} onClick={onLinkClick}>
                {g.name}
              </a>
            </span>
          ))}
        </dd>
        <dt>{t.inhabitants}</dt>
        <dd>{f.count(c.inhabitants)}</dd>
        <dt>{t.lead}</dt>
        <dd>{c.leadOrganisation.name}</dd>
      </dl>
      {c.description && <p className="utrecht-paragraph kansrijk-ws-description">{c.description}</p>}
      <AddMyGemeente />
      {c.permissions.update &&
        (editing ? (
          <CoalitionForm vocabulary={vocabulary} close={() => setEditing(false)} />
        ) : (
          <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={() => setEditing(true)}>
            {t.editCoalition}
          </button>
        ))}
    </header>
  );
}

function CoalitionForm({ vocabulary, close }: { vocabulary: CoalitionVocabulary; close: () => void }) {
  const { coalition: c, lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [name, setName] = useState(c.name);
  const [status, setStatus] = useState<string>(c.status);
  const [description, setDescription] = useState(c.description ?? '');
  const s = useSubmission(describeApiError(lang), ['name', 'status', 'description']);
  const submit = (e: FormEvent<HTMLFormElement>) =>
    void s.submit(e, () => sendJson('PATCH', api, { name: name.trim(), status, description: description.trim() || null })).then((ok) => {
      if (!ok) return;
      announce(t.saved(c.name));
      close();
      reload();
    });
  return (
    <form className="utrecht-form kansrijk-ws-form" noValidate onSubmit={submit} aria-label={t.editCoalition}>
      <FormAlert message={s.error} />
      <TextField label={t.name} name="name" errors={s.fieldErrors} value={name} onChange={setName} required />
      <SelectField label={t.status} name="status" errors={s.fieldErrors} value={status} onChange={setStatus} options={vocabulary.coalitionStatuses.map((v) => ({ value: v.id, label: v.label[lang] }))} />
      <TextAreaField label={`${t.description} ${t.optional}`} name="description" errors={s.fieldErrors} value={description} onChange={setDescription} rows={3} />
      <FormButtons busy={s.busy} onCancel={close} />
    </form>
  );
}

/**
 * A regional coalition grows gemeente by gemeente: the coordinator of a gemeente that is a
 * partner (so a member) but not yet covered adds its own gemeente here. Nobody adds another's.
 */
function AddMyGemeente() {
  const { coalition: c, lang, api, reload, announce } = useWorkspace();
  const session = useSession();
  const t = workspace[lang];
  const s = useSubmission(describeApiError(lang));
  const own = session?.organisation.type === 'gemeente' ? session.organisation.area : null;
  if (!own || !c.permissions.update || c.gemeenten.some((g) => g.code === own)) return null;
  const name = session!.organisation.name;
  return (
    <div className="kansrijk-ws-missing" data-testid="add-my-gemeente">
      <p className="utrecht-paragraph">{t.addMyGemeenteIntro}</p>
      <FormAlert message={s.error} />
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action kansrijk-button"
        disabled={s.busy}
        onClick={() =>
          void s.submit(undefined, () => sendJson('PATCH', api, { gemeenten: [...c.gemeenten.map((g) => g.code), own] })).then((ok) => {
            if (!ok) return;
            announce(t.saved(c.name));
            reload();
          })
        }
      >
        {t.addMyGemeente(name)}
      </button>
    </div>
  );
}
