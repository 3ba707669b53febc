// Pure functions of the coalition module: the national overview, the partner-type check, and
// the funding totals against the budget lines.

import { describe, expect, it } from 'vitest';
import { nationalOverview } from '../../src/coalities/overview.ts';
import { partnerTypeCheck } from '../../src/coalities/coalition-views.ts';
import { chooseBudgetLine, fundingSummary, type BudgetLine } from '../../src/coalities/funding.ts';
import { NATIONAL_GOALS } from '../../src/coalities/vocabulary.ts';
import { INDICATORS } from '../../src/atlas/indicator-catalogue.ts';

const gemeenten = [
  { code: 'GM0001', name: 'A', inhabitants: 1000 },
  { code: 'GM0002', name: 'B', inhabitants: 3000 },
  { code: 'GM0003', name: 'C', inhabitants: 6000 },
  { code: 'GM0004', name: 'D', inhabitants: 10000 },
];

describe('national overview', () => {
  it('gives each gemeente the status of its furthest coalition, and counts coverage in gemeenten and inhabitants', () => {
    const overview = nationalOverview(gemeenten, [
      { id: 'x', name: 'Regio', status: 'in-oprichting', areaCodes: ['GM0001', 'GM0002'], partnerTypes: ['gemeente', 'jgz'] },
      { id: 'y', name: 'C', status: 'actief', areaCodes: ['GM0003'], partnerTypes: ['gemeente', 'jgz', 'verloskunde', 'kraamzorg', 'ziekenhuis', 'huisarts', 'wijkteam', 'zorgverzekeraar'] },
      { id: 'z', name: 'C oud', status: 'gestopt', areaCodes: ['GM0003', 'GM0004'], partnerTypes: ['gemeente', 'huisarts'] },
    ]);
    expect(overview.gemeenten.map((g) => [g.code, g.status, g.coalition?.id ?? null])).toEqual([
      ['GM0001', 'in-oprichting', 'x'],
      ['GM0002', 'in-oprichting', 'x'],
      ['GM0003', 'actief', 'y'],
      ['GM0004', 'gestopt', 'z'],
    ]);
    expect(overview.coalitions).toEqual({ total: 3, running: 2, byStatus: { verkennend: 0, 'in-oprichting': 1, actief: 1, gestopt: 1 }, withAllEightPartnerTypes: 1 });
    expect(overview.gemeentenByStatus).toEqual({ verkennend: 0, 'in-oprichting': 2, actief: 1, gestopt: 1, geen: 0 });
    // Stopped coalitions count for no partner type.
    expect(overview.partnerTypes.find((t) => t.type === 'huisarts')!.coalitions).toBe(1);
    expect(overview.partnerTypes.find((t) => t.type === 'jgz')!.coalitions).toBe(2);
    const [actief, opgericht, betrokken] = overview.coverage;
    expect(actief!.gemeenten).toEqual({ covered: 1, total: 4, share: 0.25 });
    expect(actief!.inhabitants).toEqual({ covered: 6000, total: 20000, share: 0.3 });
    expect(opgericht!.inhabitants.covered).toBe(10000);
    expect(betrokken!.gemeenten.covered).toBe(3); // a stopped coalition covers nothing
  });

  it('is empty but well-formed without coalitions', () => {
    const overview = nationalOverview(gemeenten, []);
    expect(overview.gemeenten.every((g) => g.status === null)).toBe(true);
    expect(overview.coverage[0]!.gemeenten.share).toBe(0);
    expect(nationalOverview([], []).coverage[0]!.inhabitants.share).toBe(0);
  });

  it('names the partner types still missing, of the eight', () => {
    expect(partnerTypeCheck(['gemeente', 'jgz', 'overig', 'jgz']).missing.map((m) => m.type)).toEqual(['verloskunde', 'kraamzorg', 'ziekenhuis', 'huisarts', 'wijkteam', 'zorgverzekeraar']);
    expect(partnerTypeCheck(['gemeente', 'jgz', 'verloskunde', 'kraamzorg', 'ziekenhuis', 'huisarts', 'wijkteam', 'zorgverzekeraar']).missing).toEqual([]);
  });

  it('has six national goals whose suggested indicators exist in the atlas', () => {
    expect(NATIONAL_GOALS.map((g) => g.id)).toEqual([1, 2, 3, 4, 5, 6]);
    const ids = new Set(INDICATORS.map((i) => i.id));
    for (const goal of NATIONAL_GOALS) for (const i of goal.suggestedIndicators) expect(ids.has(i), i).toBe(true);
  });
});

describe('funding totals', () => {
  const lines: BudgetLine[] = [
    { id: 'main', label: { nl: 'm', en: 'm' }, fromYear: 2018, toYear: 2021, amountCents: 4_100_000_000, source: 's' },
    { id: 'extra', label: { nl: 'e', en: 'e' }, fromYear: 2020, toYear: 2021, amountCents: 250_000_000, source: 's' },
  ];

  it('sums grants per line and per year against the budget, with what is pending', () => {
    const summary = fundingSummary(lines, [
      { status: 'goedgekeurd', amountCents: 5_000_000, grantedAmountCents: 4_000_000, budgetLineId: 'main', year: 2019 },
      { status: 'goedgekeurd', amountCents: 1_000_000, grantedAmountCents: 1_000_000, budgetLineId: 'extra', year: 2020 },
      { status: 'ingediend', amountCents: 2_000_000, grantedAmountCents: null, budgetLineId: null, year: 2020 },
      { status: 'afgewezen', amountCents: 3_000_000, grantedAmountCents: null, budgetLineId: null, year: 2020 },
      { status: 'ingetrokken', amountCents: 9_000_000, grantedAmountCents: null, budgetLineId: null, year: 2020 },
    ]);
    expect(summary.totals).toEqual({ budget: 43_500_000, granted: 50_000, remaining: 43_450_000, pending: 20_000 });
    expect(summary.budgetLines.map((l) => [l.id, l.granted, l.remaining])).toEqual([
      ['main', 40_000, 40_960_000],
      ['extra', 10_000, 2_490_000],
    ]);
    expect(summary.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021]);
    const y2020 = summary.years.find((y) => y.year === 2020)!;
    expect(y2020).toMatchObject({ granted: 10_000, grantedToDate: 50_000, pending: 20_000, requested: 60_000, budgetOfLinesCoveringYear: 43_500_000 });
    expect(y2020.applications).toEqual({ ingediend: 1, goedgekeurd: 1, afgewezen: 1, ingetrokken: 1 });
    expect(summary.years[0]!.budgetOfLinesCoveringYear).toBe(41_000_000);
  });

  it('chooses the first line that covers the year and has room', () => {
    const withGrants = lines.map((l) => ({ ...l, grantedCents: l.id === 'main' ? 4_099_000_000 : 0 }));
    expect(chooseBudgetLine(withGrants, 2020, 500_000)?.id).toBe('main');
    expect(chooseBudgetLine(withGrants, 2020, 2_000_000)?.id).toBe('extra');
    expect(chooseBudgetLine(withGrants, 2019, 2_000_000)).toBeUndefined();
    expect(chooseBudgetLine(withGrants, 2025, 1)).toBeUndefined();
  });
});
