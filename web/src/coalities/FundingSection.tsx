// The coalition workspace's funding (impuls) section: the coalition's applications with their
// status and decision, withdrawing one that is undecided, and applying (gemeente coordinator).
// Also the parts the programme team's review page (pages/Funding.tsx) shares: the facts of one
// application and the words for an error.

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CheckboxGroup, FormAlert, SubmitButton, TextAreaField, TextField, describeApiError, useSubmission, type FieldErrors } from '../components/Form.tsx';
import { formatFor, type Lang } from '../i18n/index.ts';
import { formatDay, formatEuro, funding, parseEuro } from '../i18n/funding.ts';
import { ApiError, postJson, type CoalitionDetail, type FundingApplication, type PlanItem } from '../lib/api.ts';
import './funding.css';

/** The id of the section's heading, for links to it (`#impuls`). */
export const FUNDING_SECTION_ID = 'impuls';

/** What to call a plan item: its menukaart intervention, or its own title. */
export function planItemLabel(item: PlanItem, lang: Lang): string {
  return item.intervention?.name ?? item.title ?? funding[lang].planItemUntitled;
}

/** The words for a failed request: a 400 naming a field points at it (its message sits there). */
export function describeFundingError(lang: Lang, fields: readonly string[]): (error: ApiError | Error) => string {
  const common = describeApiError(lang);
  return (error) => (error instanceof ApiError && error.status === 400 && error.field && fields.includes(error.field.split('.')[0]!) ? funding[lang].checkField : common(error));
}

/** The field messages of a submission in the page's language (the API writes English). */
export function translatedErrors(lang: Lang, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, message ? funding[lang].apiMessage(message) : message]));
}

/** The facts of one application: status, amount, period, purpose, what it pays for, submission and decision. */
export function ApplicationFacts({ application: a, lang, planItems, budgetLineLabel, extra }: { application: FundingApplication; lang: Lang; planItems?: readonly PlanItem[]; budgetLineLabel?: (id: string) => string; extra?: ReactNode }) {
  const t = funding[lang];
  const f = formatFor(lang);
  const who = (name: string | null) => name ?? t.unknownPerson;
  const lineLabel = budgetLineLabel ?? t.budgetLineLabels;
  const named = planItems ? a.planItemIds.map((id) => planItems.find((p) => p.id === id)).filter((p): p is PlanItem => !!p) : [];
  return (
    <dl className="kansrijk-funding-facts">
      <div>
        <dt>{t.status}</dt>
        <dd>
          <span className={`kansrijk-funding-status kansrijk-funding-status--${a.status}`} data-testid="funding-status">
            {a.statusLabel[lang]}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t.amount}</dt>
        <dd data-testid="funding-amount">{formatEuro(lang, a.amount)}</dd>
      </div>
      <div>
        <dt>{t.period}</dt>
        <dd>{t.periodText(formatDay(lang, a.periodStart), formatDay(lang, a.periodEnd))}</dd>
      </div>
      <div className="kansrijk-funding-facts__wide">
        <dt>{t.purpose}</dt>
        <dd className="kansrijk-funding-purpose">{a.purpose}</dd>
      </div>
      {(planItems || a.planItemIds.length > 0) && (
        <div className="kansrijk-funding-facts__wide">
          <dt>{t.planItems}</dt>
          <dd>
            {a.planItemIds.length === 0 ? (
              t.planItemsNone
            ) : named.length > 0 ? (
              <ul className="kansrijk-funding-plan">
                {named.map((p) => (
                  <li key={p.id}>{planItemLabel(p, lang)}</li>
                ))}
              </ul>
            ) : (
              t.planItemsCount(a.planItemIds.length)
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>{t.submitted}</dt>
        <dd>{t.submittedText(a.submittedBy, f.date(a.submittedAt))}</dd>
      </div>
      {a.decision && (
        <>
          <div>
            <dt>{t.decision}</dt>
            <dd data-testid="funding-decision">{t.decisionText(a.statusLabel[lang], who(a.decision.by), a.decision.at ? f.date(a.decision.at) : '–')}</dd>
          </div>
          {a.decision.grantedAmount !== null && (
            <div>
              <dt>{t.grantedAmount}</dt>
              <dd data-testid="funding-granted">{formatEuro(lang, a.decision.grantedAmount)}</dd>
            </div>
          )}
          {a.decision.budgetLineId && (
            <div>
              <dt>{t.budgetLine}</dt>
              <dd>{t.budgetLineText(lineLabel(a.decision.budgetLineId), a.decision.budgetYear === null ? '–' : String(a.decision.budgetYear))}</dd>
            </div>
          )}
          {a.decision.reason && (
            <div className="kansrijk-funding-facts__wide">
              <dt>{t.decisionReason}</dt>
              <dd className="kansrijk-funding-purpose" data-testid="funding-reason">
                {a.decision.reason}
              </dd>
            </div>
          )}
        </>
      )}
      {extra}
    </dl>
  );
}

const APPLY_FIELDS = ['amount', 'periodStart', 'periodEnd', 'purpose', 'planItemIds'] as const;

export function FundingSection({ coalition, lang, onChanged }: { coalition: CoalitionDetail; lang: Lang; onChanged: () => void }) {
  const t = funding[lang];
  const [notice, setNotice] = useState('');
  const [formOpen, setFormOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const headingIds = useId();
  const applications = coalition.fundingApplications;
  if (!applications) return null;
  const permissions = coalition.permissions.funding;

  const headingId = (applicationId: string) => `${headingIds}-${applicationId}`;
  const focusHeading = (applicationId: string) => document.getElementById(headingId(applicationId))?.focus();

  return (
    <section className="kansrijk-funding-section" aria-labelledby={FUNDING_SECTION_ID} data-testid="funding-section">
      <h2 id={FUNDING_SECTION_ID} className="utrecht-heading-2 utrecht-heading-2--distanced">
        {t.sectionHeading}
      </h2>
      <p className="utrecht-paragraph">{t.sectionIntro}</p>
      <div role="status" className={notice ? 'kansrijk-funding-notice' : undefined} data-testid="funding-notice">
        {notice}
      </div>
      {applications.length === 0 ? (
        <p className="utrecht-paragraph">{t.sectionNone}</p>
      ) : (
        <ul className="kansrijk-funding-list">
          {applications.map((a) => (
            <li key={a.id}>
              <article className="kansrijk-funding-application" data-testid="funding-application" data-id={a.id} data-status={a.status} aria-labelledby={headingId(a.id)}>
                <h3 id={headingId(a.id)} tabIndex={-1} className="utrecht-heading-3">
                  {t.applicationHeading(formatEuro(lang, a.amount), t.periodText(formatDay(lang, a.periodStart), formatDay(lang, a.periodEnd)))}
                </h3>
                <ApplicationFacts application={a} lang={lang} planItems={coalition.plan} />
                {a.status === 'ingediend' && permissions.withdraw && (
                  <Withdraw
                    lang={lang}
                    path={`/api/v1/coalitions/${encodeURIComponent(coalition.id)}/funding-applications/${encodeURIComponent(a.id)}/withdraw`}
                    onDone={() => {
                      setNotice(t.withdrawnNotice);
                      focusHeading(a.id);
                      onChanged();
                    }}
                  />
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {permissions.create && (
        <div className="kansrijk-funding-apply">
          <button
            ref={toggleRef}
            type="button"
            className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-funding-toggle"
            aria-expanded={formOpen}
            aria-controls={`${headingIds}-apply`}
            onClick={() => {
              setFormOpen(!formOpen);
              setNotice('');
            }}
          >
            {t.applyOpen}
          </button>
          <div id={`${headingIds}-apply`} hidden={!formOpen}>
            {formOpen && (
              <ApplyForm
                coalition={coalition}
                lang={lang}
                onCancel={() => {
                  setFormOpen(false);
                  toggleRef.current?.focus();
                }}
                onDone={(amount) => {
                  setFormOpen(false);
                  setNotice(t.appliedNotice(formatEuro(lang, amount)));
                  toggleRef.current?.focus();
                  onChanged();
                }}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function Withdraw({ lang, path, onDone }: { lang: Lang; path: string; onDone: () => void }) {
  const t = funding[lang];
  // null: not asked yet; true: asking; false: the question was cancelled (focus back on the button).
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const submission = useSubmission(describeApiError(lang));
  const startRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (confirming === false) startRef.current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <p className="kansrijk-funding-actions">
        <button ref={startRef} type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={() => setConfirming(true)}>
          {t.withdraw}
        </button>
      </p>
    );
  return (
    <div className="kansrijk-funding-confirm">
      <FormAlert message={submission.error} />
      <p className="utrecht-paragraph">{t.withdrawConfirm}</p>
      <p className="kansrijk-funding-actions">
        <button
          ref={yesRef}
          type="button"
          className="utrecht-button utrecht-button--primary-action kansrijk-button"
          disabled={submission.busy}
          onClick={async () => {
            if (await submission.submit(undefined, () => postJson(path))) {
              setConfirming(null);
              onDone();
            }
          }}
        >
          {submission.busy ? t.withdrawing : t.withdrawYes}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action kansrijk-button"
          onClick={() => {
            setConfirming(false);
            submission.reset();
          }}
        >
          {t.withdrawNo}
        </button>
      </p>
    </div>
  );
}

function ApplyForm({ coalition, lang, onCancel, onDone }: { coalition: CoalitionDetail; lang: Lang; onCancel: () => void; onDone: (amount: number) => void }) {
  const t = funding[lang];
  const [amount, setAmount] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [purpose, setPurpose] = useState('');
  const [planItemIds, setPlanItemIds] = useState<string[]>([]);
  const submission = useSubmission(describeFundingError(lang, APPLY_FIELDS), APPLY_FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  const errors = translatedErrors(lang, submission.fieldErrors);

  return (
    <form
      ref={formRef}
      className="utrecht-form kansrijk-funding-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={async (event) => {
        const value = parseEuro(amount);
        const ok = await submission.submit(event, () => {
          if (Number.isNaN(value)) throw new ApiError(400, t.amountInvalid, 'amount');
          return postJson(`/api/v1/coalitions/${encodeURIComponent(coalition.id)}/funding-applications`, { amount: value, periodStart, periodEnd, purpose, planItemIds });
        });
        if (ok) onDone(value);
      }}
    >
      <h3 id={headingId} className="utrecht-heading-3">
        {t.applyHeading}
      </h3>
      <FormAlert message={submission.error} />
      <TextField label={t.applyAmount} hint={t.applyAmountHint} name="amount" inputMode="decimal" value={amount} onChange={setAmount} errors={errors} required />
      <div className="kansrijk-funding-dates">
        <TextField label={t.applyStart} name="periodStart" type="date" value={periodStart} onChange={setPeriodStart} errors={errors} required />
        <TextField label={t.applyEnd} name="periodEnd" type="date" value={periodEnd} onChange={setPeriodEnd} errors={errors} required />
      </div>
      <TextAreaField label={t.applyPurpose} hint={t.applyPurposeHint} name="purpose" value={purpose} onChange={setPurpose} errors={errors} required />
      {coalition.plan.length > 0 ? (
        <CheckboxGroup
          label={t.applyPlanItems}
          hint={t.applyPlanItemsHint}
          name="planItemIds"
          values={planItemIds}
          onChange={setPlanItemIds}
          options={coalition.plan.map((p) => ({ value: p.id, label: planItemLabel(p, lang) }))}
          errors={errors}
        />
      ) : (
        <p className="utrecht-paragraph">{t.applyNoPlanItems}</p>
      )}
      <p className="kansrijk-funding-actions">
        <SubmitButton busy={submission.busy} label={t.applySubmit} busyLabel={t.applySubmitting} />
        <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={onCancel}>
          {t.cancel}
        </button>
      </p>
    </form>
  );
}
