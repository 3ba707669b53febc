// Registering a coalition: a gemeente for itself (its own gemeente is the first one covered), or
// the programme team for a gemeente organisation that will lead it. More gemeenten join later:
// each neighbour's coordinator adds its own from the workspace.

import { useState } from 'react';
import { describeApiError, FormAlert, SelectField, TextAreaField, TextField, useSubmission } from '../components/Form.tsx';
import type { Lang } from '../i18n/index.ts';
import { workspace } from '../i18n/workspace.ts';
import { sendJson, useApi, useLiveApi, type CoalitionDetail, type CoalitionVocabulary, type Session } from '../lib/api.ts';
import { href, navigate } from '../router.ts';
import { AddDisclosure } from './workspace/parts.tsx';

interface Organisation {
  id: string;
  name: string;
  type: string;
  area: { code: string; name: string } | null;
}

export function RegisterCoalition({ session, lang }: { session: Session; lang: Lang }) {
  const t = workspace[lang];
  return <AddDisclosure label={t.registerCoalition} testId="register-coalition">{(close) => <RegisterForm session={session} lang={lang} close={close} />}</AddDisclosure>;
}

function RegisterForm({ session, lang, close }: { session: Session; lang: Lang; close: () => void }) {
  const t = workspace[lang];
  const programme = session.user.role === 'programma';
  const vocabulary = useApi<CoalitionVocabulary>('/api/v1/coalitions/vocabulary');
  const [gemeenten] = useLiveApi<Organisation[]>(programme ? '/api/v1/organisations?type=gemeente' : null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('verkennend');
  const [description, setDescription] = useState('');
  const [lead, setLead] = useState('');
  const s = useSubmission(describeApiError(lang), ['name', 'status', 'description', 'gemeenten', 'leadOrganisationId']);
  const leadOrganisation = programme ? (gemeenten.state === 'ready' ? gemeenten.data.find((o) => o.id === lead) : undefined) : undefined;
  const areaCode = programme ? leadOrganisation?.area?.code : (session.organisation.area ?? undefined);
  return (
    <form
      className="utrecht-form"
      noValidate
      onSubmit={(e) =>
        void s
          .submit(e, async () => {
            const created = await sendJson<CoalitionDetail>('POST', '/api/v1/coalitions', {
              name: name.trim(),
              status,
              description: description.trim() || null,
              gemeenten: areaCode ? [areaCode] : [],
              ...(programme && lead ? { leadOrganisationId: lead } : {}),
            });
            navigate(href({ page: 'coalition', lang, id: created.id }));
          })
          .then((ok) => ok && close())
      }
    >
      <FormAlert message={s.error} />
      {programme && (
        <SelectField
          label={t.leadGemeente}
          name="leadOrganisationId"
          errors={s.fieldErrors}
          value={lead}
          onChange={setLead}
          placeholder={t.chooseGemeente}
          options={gemeenten.state === 'ready' ? gemeenten.data.map((o) => ({ value: o.id, label: o.name })) : []}
        />
      )}
      <TextField label={t.name} name="name" errors={s.fieldErrors} value={name} onChange={setName} required hint={t.registerNameHint} />
      <SelectField label={t.status} name="status" errors={s.fieldErrors} value={status} onChange={setStatus} options={vocabulary.state === 'ready' ? vocabulary.data.coalitionStatuses.map((v) => ({ value: v.id, label: v.label[lang] })) : []} />
      <TextAreaField label={`${t.description} ${t.optional}`} name="description" errors={s.fieldErrors} value={description} onChange={setDescription} rows={3} />
      {s.fieldErrors.gemeenten && <p className="utrecht-form-field-error-message">{s.fieldErrors.gemeenten}</p>}
      <div className="kansrijk-ws-buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button" disabled={s.busy}>
          {s.busy ? t.saving : t.registerCoalition}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={close}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
