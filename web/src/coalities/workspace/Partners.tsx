// Partners of the coalition by type, with the partner types it still lacks shown first.

import { useState } from 'react';
import { describeApiError, FormAlert, SelectField, TextAreaField, TextField, useSubmission } from '../../components/Form.tsx';
import { formatFor } from '../../i18n/index.ts';
import { workspace } from '../../i18n/workspace.ts';
import { sendJson, useLiveApi, type CoalitionVocabulary, type PartnerKind } from '../../lib/api.ts';
import { AddDisclosure, FormButtons, RemoveButton, textOrNull, useWorkspace, WorkspaceSection } from './parts.tsx';

interface Organisation {
  id: string;
  name: string;
  type: string;
}

export function PartnersSection({ vocabulary }: { vocabulary: CoalitionVocabulary }) {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const f = formatFor(lang);
  const may = coalition.permissions.partners;
  const missing = coalition.partnerTypes.missing;
  return (
    <WorkspaceSection id="partners" title={t.partners} testId="partners-section">
      <div className={`kansrijk-ws-missing${missing.length ? '' : ' kansrijk-ws-missing--complete'}`} data-testid="missing-partner-types">
        <h3 className="utrecht-heading-3">{t.missingTypes}</h3>
        {missing.length === 0 ? (
          <p className="utrecht-paragraph">{t.allTypesPresent}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t.missingTypesIntro}</p>
            <ul className="utrecht-unordered-list">
              {missing.map((m) => (
                <li key={m.type} className="utrecht-unordered-list__item">
                  {m.label[lang]}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="kansrijk-ws-table-wrap" tabIndex={0} role="region" aria-label={t.partnerCaption}>
        <table className="utrecht-table" data-testid="partners-table">
          <caption className="utrecht-table__caption kansrijk-visually-hidden">{t.partnerCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t.partnerName}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.partnerType}</th>
              <th className="utrecht-table__header-cell" scope="col">{t.joinedOn}</th>
              {may.delete && <th className="utrecht-table__header-cell" scope="col"><span className="kansrijk-visually-hidden">{t.planColActions}</span></th>}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {coalition.partners.map((p) => (
              <tr key={p.id} className="utrecht-table__row" data-partner-type={p.type}>
                <th className="utrecht-table__header-cell" scope="row">
                  {p.name}
                  {p.organisation && <span className="kansrijk-ws-badge"> {t.linked}</span>}
                  {p.note && <div className="kansrijk-ws-note">{p.note}</div>}
                </th>
                <td className="utrecht-table__cell">{p.typeLabel[lang]}</td>
                <td className="utrecht-table__cell">{p.joinedOn ? f.date(p.joinedOn) : t.none}</td>
                {may.delete && (
                  <td className="utrecht-table__cell">
                    {p.organisation?.id !== coalition.leadOrganisation.id && <RemoveButton what={t.partnerWord} name={p.name} path={`/api/v1/coalitions/${coalition.id}/partners/${p.id}`} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {may.create && <AddDisclosure label={t.addPartner} testId="add-partner">{(close) => <PartnerForm vocabulary={vocabulary} close={close} initialType={missing[0]?.type ?? 'overig'} />}</AddDisclosure>}
    </WorkspaceSection>
  );
}

function PartnerForm({ vocabulary, close, initialType }: { vocabulary: CoalitionVocabulary; close: () => void; initialType: PartnerKind }) {
  const { coalition, lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [type, setType] = useState<string>(initialType);
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const [note, setNote] = useState('');
  const [organisations] = useLiveApi<Organisation[]>(type && type !== 'overig' ? `/api/v1/organisations?type=${encodeURIComponent(type)}` : null);
  const already = new Set(coalition.partners.map((p) => p.organisation?.id).filter(Boolean));
  const choices = organisations.state === 'ready' ? organisations.data.filter((o) => !already.has(o.id)) : [];
  const s = useSubmission(describeApiError(lang), ['type', 'name', 'organisationId', 'joinedOn', 'note']);
  return (
    <form
      className="utrecht-form"
      noValidate
      onSubmit={(e) =>
        void s
          .submit(e, () =>
            sendJson('POST', `${api}/partners`, {
              type,
              ...(organisationId ? { organisationId } : {}),
              ...(name.trim() ? { name: name.trim() } : {}),
              joinedOn: joinedOn || null,
              note: textOrNull(note),
            }),
          )
          .then((ok) => {
            if (!ok) return;
            announce(t.saved(t.partnerWord));
            close();
            reload();
          })
      }
    >
      <FormAlert message={s.error} />
      <SelectField label={t.partnerType} name="type" errors={s.fieldErrors} value={type} onChange={(v) => (setType(v), setOrganisationId(''))} options={vocabulary.partnerKinds.map((k) => ({ value: k.id, label: k.label[lang] }))} />
      {choices.length > 0 && (
        <SelectField label={t.partnerOrganisation} name="organisationId" hint={t.partnerOrganisationHint} errors={s.fieldErrors} value={organisationId} onChange={setOrganisationId} placeholder={t.noOrganisation} options={choices.map((o) => ({ value: o.id, label: o.name }))} />
      )}
      <TextField label={`${t.partnerName}${organisationId ? ` ${t.optional}` : ''}`} name="name" errors={s.fieldErrors} value={name} onChange={setName} required={!organisationId} />
      <TextField label={`${t.joinedOn} ${t.optional}`} name="joinedOn" type="date" errors={s.fieldErrors} value={joinedOn} onChange={setJoinedOn} />
      <TextAreaField label={`${t.note} ${t.optional}`} name="note" errors={s.fieldErrors} value={note} onChange={setNote} rows={2} />
      <FormButtons busy={s.busy} onCancel={close} />
    </form>
  );
}
