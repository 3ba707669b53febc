// The impuls for local coalities: budget lines and the sums the programme team reviews. Money is
// held in euro cents (integers) and shown in euros.

import type { Text } from '../atlas/indicator-catalogue.ts';
import { FUNDING_STATUSES, type FundingStatus } from './vocabulary.ts';

export interface BudgetLine {
  id: string;
  label: Text;
  fromYear: number;
  toYear: number;
  amountCents: number;
  source: string;
}

export interface FundingRecord {
  status: FundingStatus;
  amountCents: number;
  grantedAmountCents: number | null;
  budgetLineId: string | null;
  /** The year the grant counts in (approved) or the first year of the period (otherwise). */
  year: number;
}

export const euros = (cents: number) => Math.round(cents) / 100;

/** Totals per budget line and per year: granted against the budget, and what is still pending. */
export function fundingSummary(lines: readonly BudgetLine[], applications: readonly FundingRecord[]) {
  const granted = (filter: (a: FundingRecord) => boolean) =>
    applications.filter((a) => a.status === 'goedgekeurd' && filter(a)).reduce((t, a) => t + (a.grantedAmountCents ?? 0), 0);
  const budgetLines = lines.map((line) => {
    const g = granted((a) => a.budgetLineId === line.id);
    return { id: line.id, label: line.label, fromYear: line.fromYear, toYear: line.toYear, source: line.source, amount: euros(line.amountCents), granted: euros(g), remaining: euros(line.amountCents - g) };
  });
  const years = new Set<number>();
  for (const line of lines) for (let y = line.fromYear; y <= line.toYear; y++) years.add(y);
  for (const a of applications) years.add(a.year);
  let cumulative = 0;
  const perYear = [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const inYear = applications.filter((a) => a.year === year);
      const g = granted((a) => a.year === year);
      cumulative += g;
      // The budget a year can draw on: every line that covers the year (lines span several years).
      const available = lines.filter((l) => l.fromYear <= year && year <= l.toYear).reduce((t, l) => t + l.amountCents, 0);
      return {
        year,
        applications: Object.fromEntries(FUNDING_STATUSES.map((s) => [s, inYear.filter((a) => a.status === s).length])) as Record<FundingStatus, number>,
        requested: euros(inYear.filter((a) => a.status !== 'ingetrokken').reduce((t, a) => t + a.amountCents, 0)),
        pending: euros(inYear.filter((a) => a.status === 'ingediend').reduce((t, a) => t + a.amountCents, 0)),
        granted: euros(g),
        grantedToDate: euros(cumulative),
        budgetOfLinesCoveringYear: euros(available),
      };
    });
  const budget = lines.reduce((t, l) => t + l.amountCents, 0);
  const totalGranted = granted(() => true);
  return {
    budgetLines,
    years: perYear,
    totals: {
      budget: euros(budget),
      granted: euros(totalGranted),
      remaining: euros(budget - totalGranted),
      pending: euros(applications.filter((a) => a.status === 'ingediend').reduce((t, a) => t + a.amountCents, 0)),
    },
  };
}

/** The line a grant counts on when the reviewer names none: the first that covers the year and still has room. */
export function chooseBudgetLine(lines: readonly (BudgetLine & { grantedCents: number })[], year: number, amountCents: number) {
  return lines.find((l) => l.fromYear <= year && year <= l.toYear && l.amountCents - l.grantedCents >= amountCents);
}
