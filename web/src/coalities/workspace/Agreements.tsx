// Chain agreements (ketenafspraken): who agreed what with whom, in which action line, from when,
// when it is reviewed, its status and its document.

import { useState } from 'react';
import { CheckboxGroup, describeApiError, FormAlert, SelectField, TextAreaField, TextField, useSubmission } from '../../components/Form.tsx';
import { formatFor } from '../../i18n/index.ts';
import { ACTION_LINES, workspace } from '../../i18n/workspace.ts';
import { sendJson, type ChainAgreement, type CoalitionVocabulary } from '../../lib/api.ts';
import { AddDisclosure, FormButtons, ItemActions, textOrNull, useWorkspace, WorkspaceSection } from './parts.tsx';

export function AgreementsSection({ vocabulary }: { vocabulary: CoalitionVocabulary }) {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const may = coalition.permissions.agreements;
  return (
    <WorkspaceSection id="agreements" title={t.agreements} testId="agreements-section">
      {coalition.agreements.length === 0 ? (
        <p className="utrecht-paragraph">{t.agreementsEmpty}</p>
      ) : (
        <ul className="kansrijk-ws-cards" data-testid="agreements-list">
          {coalition.agreements.map((a) => (
            <AgreementCard key={a.id} agreement={a} vocabulary={vocabulary} />
          ))}
        </ul>
      )}
      {may.create && coalition.partners.length >= 2 && (
        <AddDisclosure label={t.addAgreement} testId="add-agreement">
          {(close) => <AgreementForm vocabulary={vocabulary} close={close} />}
        </AddDisclosure>
      )}
    </WorkspaceSection>
  );
}

function AgreementCard({ agreement: a, vocabulary }: { agreement: ChainAgreement; vocabulary: CoalitionVocabulary }) {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const f = formatFor(lang);
  const [editing, setEditing] = useState(false);
  const may = coalition.permissions.agreements;
  const partyNames = a.partyIds.map((id) => coalition.partners.find((p) => p.id === id)?.name ?? id);
  if (editing)
    return (
      <li className="kansrijk-ws-card">
        <h3 className="utrecht-heading-3">{t.editAgreement}</h3>
        <AgreementForm vocabulary={vocabulary} close={() => setEditing(false)} agreement={a} />
      </li>
    );
  return (
    <li className="kansrijk-ws-card" data-testid="agreement">
      <h3 className="utrecht-heading-3">{a.subject}</h3>
      <p className="kansrijk-ws-status">
        <span className={`kansrijk-ws-pill kansrijk-ws-pill--${a.status}`}>{a.statusLabel[lang]}</span>
      </p>
      {a.description && <p className="utrecht-paragraph">{a.description}</p>}
      <dl className="kansrijk-ws-facts">
        <dt>{t.parties}</dt>
        <dd>{partyNames.join(' · ')}</dd>
        <dt>{t.actionLine}</dt>
        <dd>{ACTION_LINES[lang][a.actionLine]}</dd>
        {(a.startDate || a.reviewDate) && (
          <>
            <dt>{t.startDate}</dt>
            <dd>{a.startDate ? f.date(a.startDate) : t.none}</dd>
            <dt>{t.reviewDate}</dt>
            <dd>{a.reviewDate ? f.date(a.reviewDate) : t.none}</dd>
          </>
        )}
        {a.documentUrl && (
          <>
            <dt>{t.documentLink}</dt>
            <dd>
              <a className="utrecht-link" href={a.documentUrl} rel="noopener noreferrer" target="_blank">
                {new URL(a.documentUrl).hostname}
              </a>
            </dd>
          </>
        )}
      </dl>
      <ItemActions name={a.subject} what={t.agreementWord} path={`/api/v1/coalitions/${coalition.id}/agreements/${a.id}`} mayEdit={may.update} mayRemove={may.delete} onEdit={() => setEditing(true)} />
    </li>
  );
}

const FIELDS = ['subject', 'description', 'actionLine', 'partyIds', 'startDate', 'reviewDate', 'status', 'documentUrl'];

function AgreementForm({ vocabulary, close, agreement }: { vocabulary: CoalitionVocabulary; close: () => void; agreement?: ChainAgreement }) {
  const { coalition, lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [subject, setSubject] = useState(agreement?.subject ?? '');
  const [description, setDescription] = useState(agreement?.description ?? '');
  const [actionLine, setActionLine] = useState(String(agreement?.actionLine ?? 2));
  const [partyIds, setPartyIds] = useState<string[]>(agreement?.partyIds ?? []);
  const [startDate, setStartDate] = useState(agreement?.startDate ?? '');
  const [reviewDate, setReviewDate] = useState(agreement?.reviewDate ?? '');
  const [status, setStatus] = useState<string>(agreement?.status ?? 'concept');
  const [documentUrl, setDocumentUrl] = useState(agreement?.documentUrl ?? '');
  const s = useSubmission(describeApiError(lang), FIELDS);
  const body = {
    subject: subject.trim(),
    description: textOrNull(description),
    actionLine: Number(actionLine),
    partyIds,
    startDate: startDate || null,
    reviewDate: reviewDate || null,
    status,
    documentUrl: textOrNull(documentUrl),
  };
  return (
    <form
      className="utrecht-form"
      noValidate
      onSubmit={(e) =>
        void s
          .submit(e, () => (agreement ? sendJson('PATCH', `${api}/agreements/${agreement.id}`, body) : sendJson('POST', `${api}/agreements`, body)))
          .then((ok) => {
            if (!ok) return;
            announce(t.saved(`${t.agreementWord} “${body.subject}”`));
            close();
            reload();
          })
      }
    >
      <FormAlert message={s.error} />
      <TextField label={t.subject} name="subject" errors={s.fieldErrors} value={subject} onChange={setSubject} required />
      <TextAreaField label={`${t.description} ${t.optional}`} name="description" errors={s.fieldErrors} value={description} onChange={setDescription} rows={3} />
      <CheckboxGroup label={t.parties} name="partyIds" hint={t.partiesHint} errors={s.fieldErrors} values={partyIds} onChange={setPartyIds} options={coalition.partners.map((p) => ({ value: p.id, label: `${p.name} (${p.typeLabel[lang]})` }))} />
      <SelectField label={t.actionLine} name="actionLine" errors={s.fieldErrors} value={actionLine} onChange={setActionLine} options={([1, 2, 3] as const).map((n) => ({ value: String(n), label: ACTION_LINES[lang][n] }))} />
      <TextField label={`${t.startDate} ${t.optional}`} name="startDate" type="date" errors={s.fieldErrors} value={startDate} onChange={setStartDate} />
      <TextField label={`${t.reviewDate} ${t.optional}`} name="reviewDate" type="date" errors={s.fieldErrors} value={reviewDate} onChange={setReviewDate} />
      <SelectField label={t.status} name="status" errors={s.fieldErrors} value={status} onChange={setStatus} options={vocabulary.agreementStatuses.map((v) => ({ value: v.id, label: v.label[lang] }))} />
      <TextField label={`${t.documentUrl} ${t.optional}`} name="documentUrl" type="url" errors={s.fieldErrors} value={documentUrl} onChange={setDocumentUrl} />
      <FormButtons busy={s.busy} onCancel={close} />
    </form>
  );
}
