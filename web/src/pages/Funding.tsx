// The programme team's review of the impuls (/nl/impuls, /en/funding): the totals against the
// budget per budget line and per year (bars with the numbers as text, and the same as tables),
// then the applications, filtered by status and year in the URL, each with its decision or a
// form to decide. Without the programme role the page says so (401: sign in, 403: not allowed).

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useSubmission } from '../components/Form.tsx';
import { Layout, LoadError, Loading } from '../components/Layout.tsx';
import { ApplicationFacts, describeFundingError, translatedErrors } from '../coalities/FundingSection.tsx';
import '../coalities/funding.css';
import type { Lang } from '../i18n/index.ts';
import { euroInput, formatEuro, funding, parseEuro } from '../i18n/funding.ts';
import { ApiError, postJson, useLiveApi, type FundingApplication, type FundingStatus, type Text } from '../lib/api.ts';
import { href, navigate, onLinkClick, type Route } from '../router.ts';

/** GET /api/v1/funding/summary (src/coalities/funding.ts, fundingSummary). Amounts in euros. */
export interface FundingSummary {
  budgetLines: { id: string; label: Text; fromYear: number; toYear: number; amount: number; granted: number; remaining: number }[];
  years: {
    year: number;
    applications: Record<FundingStatus, number>;
    requested: number;
    pending: number;
    granted: number;
    grantedToDate: number;
    budgetOfLinesCoveringYear: number;
  }[];
  totals: { budget: number; granted: number; remaining: number; pending: number };
}

const STATUSES: readonly FundingStatus[] = ['ingediend', 'goedgekeurd', 'afgewezen', 'ingetrokken'];

export default function FundingPage({ route }: { route: Extract<Route, { page: 'funding' }> }) {
  const lang = route.lang;
  const t = funding[lang];
  const statusParam = route.query.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(statusParam) ? (statusParam as FundingStatus) : '';
  const yearParam = route.query.get('year') ?? '';
  const year = /^\d{4}$/.test(yearParam) ? yearParam : '';
  const listQuery = new URLSearchParams(Object.entries({ status, year }).filter(([, v]) => v)).toString();
  const [summary, reloadSummary] = useLiveApi<FundingSummary>('/api/v1/funding/summary');
  const [list, reloadList] = useLiveApi<FundingApplication[]>(`/api/v1/funding-applications${listQuery ? `?${listQuery}` : ''}`);
  const [notice, setNotice] = useState({ text: '', count: 0 });
  const noticeRef = useRef<HTMLDivElement>(null);
  // The result of a decision takes focus once shown: it stays where it is when the list changes
  // (a decided application may leave a filtered list, and its form goes).
  useEffect(() => {
    if (notice.count) noticeRef.current?.focus();
  }, [notice.count]);

  const body = () => {
    const failed = summary.state === 'error' ? summary.error : list.state === 'error' ? list.error : null;
    if (failed) {
      const code = failed instanceof ApiError ? failed.status : 0;
      if (code === 401)
        return (
          <div className="kansrijk-funding-denied" data-testid="funding-signed-out">
            <h2 className="utrecht-heading-2">{t.signedOutTitle}</h2>
            <p className="utrecht-paragraph">{t.signedOutText}</p>
            <p className="utrecht-paragraph">
              <a className="utrecht-link" href={href({ page: 'signin', lang })} onClick={onLinkClick}>
                {t.signInLink}
              </a>
            </p>
          </div>
        );
      if (code === 403)
        return (
          <div className="kansrijk-funding-denied" data-testid="funding-forbidden">
            <h2 className="utrecht-heading-2">{t.forbiddenTitle}</h2>
            <p className="utrecht-paragraph">{t.forbiddenText}</p>
            <p className="utrecht-paragraph">
              <a className="utrecht-link" href={href({ page: 'coalitions', lang })} onClick={onLinkClick}>
                {t.coalitionsLink}
              </a>
            </p>
          </div>
        );
      return <LoadError what={t.what} />;
    }
    if (summary.state !== 'ready') return <Loading />;
    const data = summary.data;
    const applications = list.state === 'ready' ? list.data : null;
    const lineLabel = (id: string) => data.budgetLines.find((l) => l.id === id)?.label[lang] ?? t.budgetLineLabels(id);
    const filterText = [status ? t.statusLabels(status) : '', year].filter(Boolean).join(', ');
    return (
      <>
        <BudgetOverview summary={data} lang={lang} />
        <section aria-labelledby="funding-list-heading" className="kansrijk-funding-review">
          <h2 id="funding-list-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">
            {t.listHeading}
          </h2>
          <FilterForm lang={lang} status={status} year={year} years={data.years.map((y) => y.year)} />
          <div ref={noticeRef} tabIndex={-1} role="status" className={notice.text ? 'kansrijk-funding-notice' : undefined} data-testid="funding-notice">
            {notice.text}
          </div>
          <p className="utrecht-paragraph kansrijk-funding-count" role="status" data-testid="funding-count">
            {applications === null ? t.loadingList : filterText ? t.listCountFiltered(applications.length, filterText) : t.listCount(applications.length)}
          </p>
          {applications === null ? null : applications.length === 0 ? (
            <p className="utrecht-paragraph">{t.noApplications}</p>
          ) : (
            <ul className="kansrijk-funding-list">
              {applications.map((a) => (
                <li key={a.id}>
                  <article className="kansrijk-funding-application" data-testid="funding-application" data-id={a.id} data-status={a.status} aria-labelledby={`funding-${a.id}`}>
                    <h3 id={`funding-${a.id}`} className="utrecht-heading-3">
                      <a className="utrecht-link" href={href({ page: 'coalition', lang, id: a.coalition.id })} onClick={onLinkClick}>
                        {a.coalition.name}
                      </a>
                      <span className="kansrijk-funding-heading-amount"> · {formatEuro(lang, a.amount)}</span>
                    </h3>
                    <ApplicationFacts application={a} lang={lang} budgetLineLabel={lineLabel} />
                    {a.status === 'ingediend' && (
                      <DecisionForm
                        application={a}
                        summary={data}
                        lang={lang}
                        onDone={(message) => {
                          setNotice((n) => ({ text: message, count: n.count + 1 }));
                          reloadSummary();
                          reloadList();
                        }}
                      />
                    )}
                  </article>
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  };

  return (
    <Layout route={route} title={t.pageTitle}>
      <h1 className="utrecht-heading-1 utrecht-heading-1--distanced">{t.pageTitle}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--distanced kansrijk-lead">{t.pageIntro}</p>
      {body()}
    </Layout>
  );
}

// --- Budget: totals, bars and tables ---------------------------------------------------------

interface BarRow {
  key: string;
  label: string;
  sublabel?: string;
  budget: number;
  /** The filled part of the bar. */
  granted: number;
  pending: number;
  /** The numbers, as text beside the bar. */
  numbers: { label: string; value: string }[];
}

function BudgetOverview({ summary, lang }: { summary: FundingSummary; lang: Lang }) {
  const t = funding[lang];
  const eur = (v: number) => formatEuro(lang, v);
  const { totals } = summary;
  const remainingText = (budget: number, remaining: number) => (budget > 0 ? eur(remaining) : t.noBudgetLine);

  const lineRows: BarRow[] = [
    {
      key: 'all',
      label: t.allLines,
      budget: totals.budget,
      granted: totals.granted,
      pending: totals.pending,
      numbers: [
        { label: t.totalBudget, value: eur(totals.budget) },
        { label: t.granted, value: eur(totals.granted) },
        { label: t.pending, value: eur(totals.pending) },
        { label: t.remaining, value: eur(totals.remaining) },
      ],
    },
    ...summary.budgetLines.map((l) => ({
      key: l.id,
      label: l.label[lang],
      sublabel: t.lineYears(l.fromYear, l.toYear),
      budget: l.amount,
      granted: l.granted,
      pending: 0,
      numbers: [
        { label: t.totalBudget, value: eur(l.amount) },
        { label: t.granted, value: eur(l.granted) },
        { label: t.remaining, value: eur(l.remaining) },
      ],
    })),
  ];
  const yearRemaining = (y: FundingSummary['years'][number]) => y.budgetOfLinesCoveringYear - y.grantedToDate;
  const yearRows: BarRow[] = summary.years.map((y) => ({
    key: String(y.year),
    label: String(y.year),
    budget: y.budgetOfLinesCoveringYear,
    granted: y.grantedToDate,
    pending: y.pending,
    numbers: [
      { label: t.totalBudget, value: y.budgetOfLinesCoveringYear > 0 ? eur(y.budgetOfLinesCoveringYear) : t.noBudgetLine },
      { label: t.grantedInYear, value: eur(y.granted) },
      { label: t.grantedToDate, value: eur(y.grantedToDate) },
      { label: t.pending, value: eur(y.pending) },
      { label: t.remaining, value: remainingText(y.budgetOfLinesCoveringYear, yearRemaining(y)) },
    ],
  }));

  return (
    <section aria-labelledby="funding-budget-heading" className="kansrijk-funding-budget">
      <h2 id="funding-budget-heading" className="utrecht-heading-2 utrecht-heading-2--distanced">
        {t.budgetHeading}
      </h2>
      <dl className="kansrijk-funding-totals" aria-label={t.totalsLabel} data-testid="funding-totals">
        {(
          [
            ['budget', t.totalBudget, totals.budget],
            ['granted', t.granted, totals.granted],
            ['pending', t.pending, totals.pending],
            ['remaining', t.remaining, totals.remaining],
          ] as const
        ).map(([key, label, value]) => (
          <div key={key} className={`kansrijk-funding-total kansrijk-funding-total--${key}`}>
            <dt>{label}</dt>
            <dd data-testid={`funding-total-${key}`} data-value={value}>
              {eur(value)}
            </dd>
          </div>
        ))}
      </dl>

      <Legend lang={lang} />
      <div className="kansrijk-funding-charts">
        <BudgetBars id="funding-lines-chart" heading={t.chartLinesHeading} rows={lineRows} lang={lang} />
        <BudgetBars id="funding-years-chart" heading={t.chartYearsHeading} rows={yearRows} lang={lang} note={t.chartYearsNote} />
      </div>

      <details className="kansrijk-funding-tables">
        <summary>{t.tablesToggle}</summary>
        <div className="kansrijk-funding-table-scroll" tabIndex={0} role="region" aria-label={t.linesTableCaption}>
          <table className="utrecht-table kansrijk-funding-table" data-testid="funding-lines-table">
            <caption className="utrecht-table__caption">{t.linesTableCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.lineCol}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.yearsCol}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.budgetCol}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.granted}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.remaining}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {summary.budgetLines.map((l) => (
                <tr key={l.id} className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="row">{l.label[lang]}</th>
                  <td className="utrecht-table__cell">{t.lineYears(l.fromYear, l.toYear)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(l.amount)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(l.granted)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(l.remaining)}</td>
                </tr>
              ))}
              <tr className="utrecht-table__row kansrijk-funding-table__total">
                <th className="utrecht-table__header-cell" scope="row">{t.allLines}</th>
                <td className="utrecht-table__cell" />
                <td className="utrecht-table__cell kansrijk-funding-num">{eur(totals.budget)}</td>
                <td className="utrecht-table__cell kansrijk-funding-num">{eur(totals.granted)}</td>
                <td className="utrecht-table__cell kansrijk-funding-num">{eur(totals.remaining)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <div className="kansrijk-funding-table-scroll" tabIndex={0} role="region" aria-label={t.yearsTableCaption}>
          <table className="utrecht-table kansrijk-funding-table" data-testid="funding-years-table">
            <caption className="utrecht-table__caption">{t.yearsTableCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t.yearCol}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.requested}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.budgetYearCol}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.grantedInYear}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.grantedToDate}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.pending}</th>
                <th className="utrecht-table__header-cell kansrijk-funding-num" scope="col">{t.remaining}</th>
                <th className="utrecht-table__header-cell" scope="col">{t.applicationsCol}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {summary.years.map((y) => (
                <tr key={y.year} className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="row">{y.year}</th>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(y.requested)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{y.budgetOfLinesCoveringYear > 0 ? eur(y.budgetOfLinesCoveringYear) : t.noBudgetLine}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(y.granted)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(y.grantedToDate)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{eur(y.pending)}</td>
                  <td className="utrecht-table__cell kansrijk-funding-num">{remainingText(y.budgetOfLinesCoveringYear, yearRemaining(y))}</td>
                  <td className="utrecht-table__cell kansrijk-funding-counts">
                    {STATUSES.filter((s) => (y.applications[s] ?? 0) > 0)
                      .map((s) => t.countOf(y.applications[s], t.statusLabels(s).toLowerCase()))
                      .join(', ') || t.noneCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function Legend({ lang }: { lang: Lang }) {
  const t = funding[lang];
  return (
    <ul className="kansrijk-funding-legend" aria-label={t.chartCaption}>
      <li>
        <span className="kansrijk-funding-swatch kansrijk-funding-swatch--granted" aria-hidden="true" /> {t.legendGranted}
      </li>
      <li>
        <span className="kansrijk-funding-swatch kansrijk-funding-swatch--pending" aria-hidden="true" /> {t.legendPending}
      </li>
      <li>
        <span className="kansrijk-funding-swatch kansrijk-funding-swatch--remaining" aria-hidden="true" /> {t.legendRemaining}
      </li>
    </ul>
  );
}

/** Horizontal bars on one scale per group: the outline is the budget, filled is granted, striped is pending. The bars are drawing only; the numbers beside them are the content. */
function BudgetBars({ id, heading, rows, lang, note }: { id: string; heading: string; rows: BarRow[]; lang: Lang; note?: string }) {
  const t = funding[lang];
  const max = Math.max(1, ...rows.map((r) => Math.max(r.budget, r.granted + r.pending)));
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  return (
    <figure className="kansrijk-funding-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`} className="utrecht-heading-3 kansrijk-funding-chart__caption">
        {heading}
      </figcaption>
      <ul className="kansrijk-funding-bars">
        {rows.map((r) => (
          <li key={r.key} className="kansrijk-funding-bars__row" data-key={r.key}>
            <p className="kansrijk-funding-bars__label">
              <strong>{r.label}</strong>
              {r.sublabel && <span> ({r.sublabel})</span>}
              {r.budget > 0 && r.granted > r.budget && <span className="kansrijk-funding-bars__warning"> — {t.overspent}</span>}
            </p>
            <div className="kansrijk-funding-bar" aria-hidden="true">
              {r.budget > 0 && <span className="kansrijk-funding-bar__budget" style={{ width: pct(r.budget) }} />}
              {r.granted > 0 && <span className="kansrijk-funding-bar__granted" style={{ width: pct(r.granted) }} />}
              {r.pending > 0 && <span className="kansrijk-funding-bar__pending" style={{ left: pct(r.granted), width: pct(r.pending) }} />}
            </div>
            <p className="kansrijk-funding-bars__numbers">
              {r.numbers.map((n, i) => (
                <span key={n.label}>
                  {i > 0 && <span aria-hidden="true"> · </span>}
                  {n.label}: <strong>{n.value}</strong>
                  {i < r.numbers.length - 1 && <span className="kansrijk-visually-hidden">;</span>}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {note && <p className="utrecht-paragraph kansrijk-funding-note">{note}</p>}
    </figure>
  );
}

// --- Filter ------------------------------------------------------------------------------------

function FilterForm({ lang, status, year, years }: { lang: Lang; status: string; year: string; years: number[] }) {
  const t = funding[lang];
  const [statusValue, setStatus] = useState(status);
  const [yearValue, setYear] = useState(year);
  // Back and forward change the URL: the fields follow it.
  useEffect(() => {
    setStatus(status);
    setYear(year);
  }, [status, year]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(href({ page: 'funding', lang, query: { status: statusValue || undefined, year: yearValue || undefined } }));
  };
  const yearOptions = [...new Set([...years, ...(year ? [Number(year)] : [])])].sort((a, b) => a - b);
  return (
    <form className="kansrijk-funding-filter" onSubmit={submit} aria-label={t.filterLegend} data-testid="funding-filter">
      <SelectField label={t.filterStatus} name="status" value={statusValue} onChange={setStatus} placeholder={t.filterAllStatuses} options={STATUSES.map((s) => ({ value: s, label: t.statusLabels(s) }))} />
      <SelectField label={t.filterYear} name="year" value={yearValue} onChange={setYear} placeholder={t.filterAllYears} options={yearOptions.map((y) => ({ value: String(y), label: String(y) }))} />
      <p className="kansrijk-funding-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button">
          {t.filterSubmit}
        </button>
        {(status || year) && (
          <a className="utrecht-link" href={href({ page: 'funding', lang })} onClick={onLinkClick}>
            {t.filterClear}
          </a>
        )}
      </p>
      <p className="kansrijk-funding-filter__note">{t.filterYearHint}</p>
    </form>
  );
}

// --- Decision ----------------------------------------------------------------------------------

const DECISION_FIELDS = ['decision', 'reason', 'grantedAmount', 'budgetYear', 'budgetLineId'] as const;

function DecisionForm({ application: a, summary, lang, onDone }: { application: FundingApplication; summary: FundingSummary; lang: Lang; onDone: (message: string) => void }) {
  const t = funding[lang];
  const id = useId();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="kansrijk-funding-decide">
      <button
        ref={toggleRef}
        type="button"
        className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-funding-toggle"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
        data-testid="funding-decide"
      >
        {t.decideOpen}
      </button>
      <div id={`${id}-form`} hidden={!open}>
        {open && (
          <DecisionFields
            application={a}
            summary={summary}
            lang={lang}
            onCancel={() => {
              setOpen(false);
              toggleRef.current?.focus();
            }}
            onDone={onDone}
          />
        )}
      </div>
    </div>
  );
}

function DecisionFields({ application: a, summary, lang, onCancel, onDone }: { application: FundingApplication; summary: FundingSummary; lang: Lang; onCancel: () => void; onDone: (message: string) => void }) {
  const t = funding[lang];
  const id = useId();
  const firstYear = Number(a.periodStart.slice(0, 4));
  const [decision, setDecision] = useState<'goedgekeurd' | 'afgewezen'>('goedgekeurd');
  const [grantedAmount, setGrantedAmount] = useState(euroInput(lang, a.amount));
  const [budgetYear, setBudgetYear] = useState(String(firstYear));
  const [budgetLineId, setBudgetLineId] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmission(describeFundingError(lang, DECISION_FIELDS), DECISION_FIELDS);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    firstRef.current?.focus();
  }, []);
  const errors = translatedErrors(lang, submission.fieldErrors);
  const coveredYears = summary.years.filter((y) => y.budgetOfLinesCoveringYear > 0).map((y) => y.year);
  const yearOptions = [...new Set([...coveredYears, firstYear])].sort((x, y) => x - y);
  const lines = summary.budgetLines.filter((l) => l.fromYear <= Number(budgetYear) && Number(budgetYear) <= l.toYear);
  const approving = decision === 'goedgekeurd';
  const amount = formatEuro(lang, a.amount);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    const granted = parseEuro(grantedAmount);
    const ok = await submission.submit(event, () => {
      if (!approving) return postJson(`/api/v1/coalitions/${encodeURIComponent(a.coalition.id)}/funding-applications/${encodeURIComponent(a.id)}/decision`, { decision, reason: reason.trim() || undefined });
      if (Number.isNaN(granted)) throw new ApiError(400, t.amountInvalid, 'grantedAmount');
      return postJson(`/api/v1/coalitions/${encodeURIComponent(a.coalition.id)}/funding-applications/${encodeURIComponent(a.id)}/decision`, {
        decision,
        reason: reason.trim() || undefined,
        grantedAmount: granted,
        budgetYear: Number(budgetYear),
        ...(budgetLineId && lines.some((l) => l.id === budgetLineId) ? { budgetLineId } : {}),
      });
    });
    if (ok) onDone(approving ? t.approvedNotice(a.coalition.name, formatEuro(lang, granted)) : t.rejectedNotice(a.coalition.name));
  };

  return (
    <form className="utrecht-form kansrijk-funding-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="funding-decision-form">
      <h4 id={`${id}-title`} className="utrecht-heading-4 kansrijk-funding-form__title">
        {t.decideLegend(a.coalition.name, amount)}
      </h4>
      <FormAlert message={submission.error} />
      <fieldset className="utrecht-form-fieldset kansrijk-field kansrijk-funding-choice">
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t.decideChoice}</legend>
        {(
          [
            ['goedgekeurd', t.approve],
            ['afgewezen', t.reject],
          ] as const
        ).map(([value, label], n) => (
          <div key={value} className="kansrijk-checkbox">
            <input
              ref={n === 0 ? firstRef : undefined}
              id={`${id}-${value}`}
              type="radio"
              name={`${id}-decision`}
              value={value}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              checked={decision === value}
              onChange={() => setDecision(value)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${value}`}>
              {label}
            </label>
          </div>
        ))}
      </fieldset>
      {approving && (
        <>
          <TextField label={t.grantedAmountLabel} hint={t.grantedAmountHint(amount)} name="grantedAmount" inputMode="decimal" value={grantedAmount} onChange={setGrantedAmount} errors={errors} required />
          <SelectField
            label={t.budgetYearLabel}
            hint={t.budgetYearHint}
            name="budgetYear"
            value={budgetYear}
            onChange={setBudgetYear}
            options={yearOptions.map((y) => ({ value: String(y), label: String(y) }))}
            errors={errors}
          />
          <SelectField
            label={t.budgetLineLabel}
            name="budgetLineId"
            value={lines.some((l) => l.id === budgetLineId) ? budgetLineId : ''}
            onChange={setBudgetLineId}
            placeholder={t.budgetLineAuto}
            options={lines.map((l) => ({ value: l.id, label: t.budgetLineOption(l.label[lang], formatEuro(lang, l.remaining)) }))}
            errors={errors}
          />
        </>
      )}
      <TextAreaField
        label={approving ? t.reasonLabelApprove : t.reasonLabelReject}
        hint={approving ? undefined : t.reasonHintReject}
        name="reason"
        value={reason}
        onChange={setReason}
        errors={errors}
        rows={3}
      />
      <p className="kansrijk-funding-actions">
        <SubmitButton busy={submission.busy} label={approving ? t.saveApprove : t.saveReject} busyLabel={t.saving} />
        <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={onCancel}>
          {t.cancel}
        </button>
      </p>
    </form>
  );
}
