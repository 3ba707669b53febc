// The plan: interventions from the menukaart (or own activities) with the reach aimed for, the
// funding route and the status. A free-text item that names a menukaart intervention can be
// linked to it in one step.

import { Fragment, useState } from 'react';
import { describeApiError, FormAlert, SelectField, TextAreaField, TextField, useSubmission } from '../../components/Form.tsx';
import { formatFor } from '../../i18n/index.ts';
import { workspace } from '../../i18n/workspace.ts';
import { sendJson, type CoalitionVocabulary, type InterventionList, type PlanItem } from '../../lib/api.ts';
import { href, onLinkClick } from '../../router.ts';
import { AddDisclosure, FormButtons, ItemActions, numberOrNull, textOrNull, useWorkspace, WorkspaceSection } from './parts.tsx';

type Interventions = InterventionList['items'];

export function PlanSection({ vocabulary, interventions }: { vocabulary: CoalitionVocabulary; interventions: Interventions }) {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const may = coalition.permissions.plan;
  const [editing, setEditing] = useState<string | null>(null);
  const columns = 5 + (may.update || may.delete ? 1 : 0);
  return (
    <WorkspaceSection id="plan" title={t.plan} testId="plan-section">
      <p className="utrecht-paragraph">{t.planIntro}</p>
      {coalition.plan.length === 0 ? (
        <p className="utrecht-paragraph">{t.planEmpty}</p>
      ) : (
        <div className="kansrijk-ws-table-wrap" tabIndex={0} role="region" aria-label={t.planCaption}>
          <table className="utrecht-table" data-testid="plan-table">
            <caption className="utrecht-table__caption kansrijk-visually-hidden">{t.planCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.planColItem}</th>
                <th className="utrecht-table__header-cell kansrijk-num" scope="col">{t.planColReach}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.planColFunding}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.planColStatus}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.planColGoal}</th>
                {columns > 5 && <th className="utrecht-table__header-cell" scope="col">{t.planColActions}</th>}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {coalition.plan.map((item) => (
                <Fragment key={item.id}>
                  {editing === item.id ? (
                    <tr className="utrecht-table__row">
                      <td className="utrecht-table__cell" colSpan={columns}>
                        <h3 className="utrecht-heading-3">{t.editPlanItem}</h3>
                        <PlanForm vocabulary={vocabulary} interventions={interventions} close={() => setEditing(null)} item={item} />
                      </td>
                    </tr>
                  ) : (
                    <PlanRow item={item} onEdit={() => setEditing(item.id)} interventions={interventions} />
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {may.create && <AddDisclosure label={t.addPlanItem} testId="add-plan-item">{(close) => <PlanForm vocabulary={vocabulary} interventions={interventions} close={close} />}</AddDisclosure>}
    </WorkspaceSection>
  );
}

/** The name a plan item goes by: its intervention's, or its own title. */
export function planItemName(item: PlanItem): string {
  return item.intervention?.name ?? item.title ?? item.intervention?.id ?? '';
}

function PlanRow({ item, onEdit, interventions }: { item: PlanItem; onEdit: () => void; interventions: Interventions }) {
  const { coalition, lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const f = formatFor(lang);
  const may = coalition.permissions.plan;
  const goal = coalition.goals.find((g) => g.id === item.localGoalId);
  const suggestion = item.suggestedInterventionId ? interventions.find((i) => i.id === item.suggestedInterventionId) : undefined;
  const link = useSubmission(describeApiError(lang));
  return (
    <tr className="utrecht-table__row" data-testid="plan-item">
      <th className="utrecht-table__header-cell" scope="row">
        {item.intervention ? (
          <a className="utrecht-link" href={href({ page: 'intervention', lang, id: item.intervention.id })} onClick={onLinkClick}>
            {planItemName(item)}
          </a>
        ) : (
          planItemName(item)
        )}
        {item.intervention?.withdrawn && <span className="kansrijk-ws-badge"> ({t.withdrawnIntervention})</span>}
        {item.description && <div className="kansrijk-ws-note">{item.description}</div>}
        {suggestion && may.update && (
          <div className="kansrijk-ws-note">
            {t.linkSuggestion(suggestion.name)}{' '}
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle kansrijk-button-link"
              disabled={link.busy}
              onClick={() =>
                void link.submit(undefined, () => sendJson('PATCH', `${api}/plan-items/${item.id}`, { interventionId: suggestion.id })).then((ok) => {
                  if (ok) {
                    announce(t.saved(t.planWord));
                    reload();
                  }
                })
              }
            >
              {t.linkIt}
            </button>
            <FormAlert message={link.error} />
          </div>
        )}
      </th>
      <td className="utrecht-table__cell kansrijk-num">{item.targetReach === null ? t.none : t.reach(f.count(item.targetReach))}</td>
      <td className="utrecht-table__cell">{item.fundingRouteLabel?.[lang] ?? t.none}</td>
      <td className="utrecht-table__cell">
        <span className={`kansrijk-ws-pill kansrijk-ws-pill--${item.status}`}>{item.statusLabel[lang]}</span>
      </td>
      <td className="utrecht-table__cell">{goal ? goal.description : t.none}</td>
      {(may.update || may.delete) && (
        <td className="utrecht-table__cell">
          <ItemActions name={planItemName(item)} what={t.planWord} path={`${api}/plan-items/${item.id}`} mayEdit={may.update} mayRemove={may.delete} onEdit={onEdit} />
        </td>
      )}
    </tr>
  );
}

const FIELDS = ['interventionId', 'title', 'description', 'targetReach', 'fundingRoute', 'status', 'localGoalId'];

function PlanForm({ vocabulary, interventions, close, item }: { vocabulary: CoalitionVocabulary; interventions: Interventions; close: () => void; item?: PlanItem }) {
  const { coalition, lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [interventionId, setInterventionId] = useState(item?.intervention?.id ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [targetReach, setTargetReach] = useState(item?.targetReach?.toString() ?? '');
  const [fundingRoute, setFundingRoute] = useState<string>(item?.fundingRoute ?? '');
  const [status, setStatus] = useState<string>(item?.status ?? 'gepland');
  const [localGoalId, setLocalGoalId] = useState(item?.localGoalId ?? '');
  const s = useSubmission(describeApiError(lang), FIELDS);
  const chosen = interventions.find((i) => i.id === interventionId);
  // Funding routes the menukaart names for the chosen intervention come first.
  const named = new Set(chosen?.funding.map((r) => r.route) ?? []);
  const routes = [...vocabulary.fundingRoutes.filter((r) => named.has(r.id)), ...vocabulary.fundingRoutes.filter((r) => !named.has(r.id))];
  const body = {
    interventionId: interventionId || null,
    title: interventionId ? null : textOrNull(title),
    description: textOrNull(description),
    targetReach: numberOrNull(targetReach),
    fundingRoute: fundingRoute || null,
    status,
    localGoalId: localGoalId || null,
  };
  const sorted = [...interventions].sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <form
      className="utrecht-form"
      noValidate
      onSubmit={(e) =>
        void s
          .submit(e, () => (item ? sendJson('PATCH', `${api}/plan-items/${item.id}`, body) : sendJson('POST', `${api}/plan-items`, body)))
          .then((ok) => {
            if (!ok) return;
            announce(t.saved(`${t.planWord} “${chosen?.name ?? body.title ?? ''}”`));
            close();
            reload();
          })
      }
    >
      <FormAlert message={s.error} />
      <SelectField label={t.intervention} name="interventionId" errors={s.fieldErrors} value={interventionId} onChange={setInterventionId} placeholder={t.ownActivity} options={sorted.map((i) => ({ value: i.id, label: i.name }))} />
      {!interventionId && <TextField label={t.title} name="title" hint={t.titleHint} errors={s.fieldErrors} value={title} onChange={setTitle} />}
      <TextAreaField label={`${t.description} ${t.optional}`} name="description" errors={s.fieldErrors} value={description} onChange={setDescription} rows={2} />
      <TextField label={`${t.targetReach} ${t.optional}`} name="targetReach" inputMode="numeric" errors={s.fieldErrors} value={targetReach} onChange={setTargetReach} />
      <SelectField label={t.fundingRoute} name="fundingRoute" errors={s.fieldErrors} value={fundingRoute} onChange={setFundingRoute} placeholder={t.unknownRoute} options={routes.map((r) => ({ value: r.id, label: r.label[lang] }))} />
      <SelectField label={t.planStatus} name="status" errors={s.fieldErrors} value={status} onChange={setStatus} options={vocabulary.planStatuses.map((v) => ({ value: v.id, label: v.label[lang] }))} />
      {coalition.goals.length > 0 && (
        <SelectField label={t.localGoal} name="localGoalId" errors={s.fieldErrors} value={localGoalId} onChange={setLocalGoalId} placeholder={t.noGoal} options={coalition.goals.map((g) => ({ value: g.id, label: `${g.nationalGoal}. ${g.description}` }))} />
      )}
      <FormButtons busy={s.busy} onCancel={close} />
    </form>
  );
}
