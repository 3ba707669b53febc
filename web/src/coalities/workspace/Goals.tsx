// Local goals, shown under each of the six national goals, with an atlas indicator, a baseline
// and a target.

import { useState } from 'react';
import { describeApiError, FormAlert, SelectField, TextAreaField, TextField, useSubmission } from '../../components/Form.tsx';
import { formatFor } from '../../i18n/index.ts';
import { workspace } from '../../i18n/workspace.ts';
import { sendJson, type CoalitionVocabulary, type Indicator, type LocalGoal } from '../../lib/api.ts';
import { href, onLinkClick } from '../../router.ts';
import { AddDisclosure, FormButtons, ItemActions, numberOrNull, useWorkspace, WorkspaceSection } from './parts.tsx';

export function GoalsSection({ vocabulary, indicators }: { vocabulary: CoalitionVocabulary; indicators: Indicator[] }) {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const may = coalition.permissions.goals;
  return (
    <WorkspaceSection id="goals" title={t.goals} testId="goals-section">
      <p className="utrecht-paragraph">{t.goalsIntro}</p>
      <ol className="kansrijk-ws-national">
        {vocabulary.nationalGoals.map((n) => {
          const local = coalition.goals.filter((g) => g.nationalGoal === n.id);
          return (
            <li key={n.id} data-national-goal={n.id}>
              <h3 className="utrecht-heading-3">
                {t.nationalGoalN(n.id)}: <span className="kansrijk-ws-national__text">{n.text[lang]}</span>
              </h3>
              {local.length === 0 ? (
                <p className="utrecht-paragraph kansrijk-ws-muted">{t.noLocalGoals}</p>
              ) : (
                <ul className="kansrijk-ws-cards">
                  {local.map((g) => (
                    <GoalCard key={g.id} goal={g} vocabulary={vocabulary} indicators={indicators} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {may.create && <AddDisclosure label={t.addGoal} testId="add-goal">{(close) => <GoalForm vocabulary={vocabulary} indicators={indicators} close={close} />}</AddDisclosure>}
    </WorkspaceSection>
  );
}

function GoalCard({ goal: g, vocabulary, indicators }: { goal: LocalGoal; vocabulary: CoalitionVocabulary; indicators: Indicator[] }) {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const f = formatFor(lang);
  const [editing, setEditing] = useState(false);
  const may = coalition.permissions.goals;
  const indicator = g.indicator ? indicators.find((i) => i.id === g.indicator!.id) : undefined;
  const show = (v: number | null) => (v === null ? t.none : indicator ? f.value(v, indicator.unit) : f.number(v));
  if (editing)
    return (
      <li className="kansrijk-ws-card">
        <h4 className="utrecht-heading-4">{t.editGoal}</h4>
        <GoalForm vocabulary={vocabulary} indicators={indicators} close={() => setEditing(false)} goal={g} />
      </li>
    );
  const firstGemeente = coalition.gemeenten[0];
  return (
    <li className="kansrijk-ws-card" data-testid="local-goal">
      <p className="utrecht-paragraph kansrijk-ws-goal">{g.description}</p>
      {g.indicator && (
        <dl className="kansrijk-ws-facts">
          <dt>{t.indicator}</dt>
          <dd>
            {g.indicator.name?.[lang] ?? g.indicator.id}
            {firstGemeente && (
              <>
                {' '}
                (
                <a className="utrecht-link" href={href({ page: 'area', lang, code: firstGemeente.code, query: { indicator: g.indicator.id } })} onClick={onLinkClick}>
                  {firstGemeente.name}
                </a>
                )
              </>
            )}
          </dd>
          {g.baselineYear !== null && (
            <>
              <dt>{t.baselineValue}</dt>
              <dd>{t.baseline(show(g.baselineValue), String(g.baselineYear))}</dd>
            </>
          )}
          {g.targetYear !== null && (
            <>
              <dt>{t.targetValue}</dt>
              <dd data-testid="goal-target">{t.target(show(g.targetValue), String(g.targetYear))}</dd>
            </>
          )}
        </dl>
      )}
      <ItemActions name={g.description} what={t.goalWord} path={`/api/v1/coalitions/${coalition.id}/goals/${g.id}`} mayEdit={may.update} mayRemove={may.delete} onEdit={() => setEditing(true)} />
    </li>
  );
}

const FIELDS = ['nationalGoal', 'description', 'indicatorId', 'baselineValue', 'baselineYear', 'targetValue', 'targetYear'];

function GoalForm({ vocabulary, indicators, close, goal }: { vocabulary: CoalitionVocabulary; indicators: Indicator[]; close: () => void; goal?: LocalGoal }) {
  const { lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [nationalGoal, setNationalGoal] = useState(String(goal?.nationalGoal ?? 1));
  const [description, setDescription] = useState(goal?.description ?? '');
  const [indicatorId, setIndicatorId] = useState(goal?.indicator?.id ?? '');
  const [baselineValue, setBaselineValue] = useState(goal?.baselineValue?.toString() ?? '');
  const [baselineYear, setBaselineYear] = useState(goal?.baselineYear?.toString() ?? '');
  const [targetValue, setTargetValue] = useState(goal?.targetValue?.toString() ?? '');
  const [targetYear, setTargetYear] = useState(goal?.targetYear?.toString() ?? '');
  const s = useSubmission(describeApiError(lang), FIELDS);
  const suggested = vocabulary.nationalGoals.find((n) => String(n.id) === nationalGoal)?.suggestedIndicators ?? [];
  // Suggested indicators of the chosen national goal first, marked as such.
  const ordered = [...indicators.filter((i) => suggested.includes(i.id)), ...indicators.filter((i) => !suggested.includes(i.id))];
  const unit = indicators.find((i) => i.id === indicatorId)?.unit[lang];
  const body = {
    nationalGoal: Number(nationalGoal),
    description: description.trim(),
    indicatorId: indicatorId || null,
    baselineValue: numberOrNull(baselineValue),
    baselineYear: numberOrNull(baselineYear),
    targetValue: numberOrNull(targetValue),
    targetYear: numberOrNull(targetYear),
  };
  return (
    <form
      className="utrecht-form"
      noValidate
      onSubmit={(e) =>
        void s
          .submit(e, () => (goal ? sendJson('PATCH', `${api}/goals/${goal.id}`, body) : sendJson('POST', `${api}/goals`, body)))
          .then((ok) => {
            if (!ok) return;
            announce(t.saved(t.goalWord));
            close();
            reload();
          })
      }
    >
      <FormAlert message={s.error} />
      <SelectField label={t.nationalGoal} name="nationalGoal" errors={s.fieldErrors} value={nationalGoal} onChange={setNationalGoal} options={vocabulary.nationalGoals.map((n) => ({ value: String(n.id), label: `${n.id}. ${n.text[lang]}` }))} />
      <TextAreaField label={t.goalDescription} name="description" errors={s.fieldErrors} value={description} onChange={setDescription} rows={2} required />
      <SelectField
        label={`${t.indicator} ${t.optional}`}
        name="indicatorId"
        errors={s.fieldErrors}
        value={indicatorId}
        onChange={setIndicatorId}
        placeholder={t.noIndicator}
        options={ordered.map((i) => ({ value: i.id, label: `${i.name[lang]}${suggested.includes(i.id) ? ` — ${t.suggested}` : ''}` }))}
      />
      <div className="kansrijk-ws-pair">
        <TextField label={`${t.baselineValue}${unit ? ` (${unit})` : ''} ${t.optional}`} name="baselineValue" inputMode="decimal" errors={s.fieldErrors} value={baselineValue} onChange={setBaselineValue} />
        <TextField label={`${t.baselineYear} ${t.optional}`} name="baselineYear" inputMode="numeric" errors={s.fieldErrors} value={baselineYear} onChange={setBaselineYear} />
      </div>
      <div className="kansrijk-ws-pair">
        <TextField label={`${t.targetValue}${unit ? ` (${unit})` : ''} ${t.optional}`} name="targetValue" inputMode="decimal" errors={s.fieldErrors} value={targetValue} onChange={setTargetValue} />
        <TextField label={`${t.targetYear} ${t.optional}`} name="targetYear" inputMode="numeric" errors={s.fieldErrors} value={targetYear} onChange={setTargetYear} />
      </div>
      <FormButtons busy={s.busy} onCancel={close} />
    </form>
  );
}
