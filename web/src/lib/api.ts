// Typed access to the Kansrijk API (/api/v1); the types mirror the OpenAPI document.

import { useEffect, useRef, useState } from 'react';

export type Text = { nl: string; en: string };
export type Level = 'land' | 'provincie' | 'ggdregio' | 'jeugdregio' | 'gemeente' | 'wijk';
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';
export type Trend = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated' | null;

export interface Area { code: string; name: string; level: Level; parents: Partial<Record<Exclude<Level, 'wijk'>, string>>; validFrom: number | null; validTo: number | null }

export interface Indicator {
  id: string;
  name: Text;
  definition: Text;
  numerator: Text;
  denominator: Text;
  unit: Text;
  multiplier: number;
  polarity: 'low-is-good' | 'high-is-good' | 'none';
  method: 'proportion' | 'rate' | 'mean' | 'count';
  actionLine: 1 | 2 | 3;
  source: Text;
  suppression: { minNumerator: number; minDenominator: number };
  synthetic: boolean;
  periods: number[];
}

export interface ValueRow {
  area: string;
  name: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  lowercl95?: number | null;
  uppercl95?: number | null;
  lowercl998?: number | null;
  uppercl998?: number | null;
  comparison: Comparison;
  quintile?: number | null;
  smoothed?: number | null;
  trend?: Trend;
  suppressed: boolean;
  suppressionReason?: 'small-numbers' | 'complementary';
  synthetic: boolean;
}

export interface Values {
  indicator: string;
  period: number;
  level: Level;
  unit: Text;
  multiplier: number;
  method: Indicator['method'];
  polarity: Indicator['polarity'];
  synthetic: boolean;
  source: Text;
  benchmark: { code: string; name: string; value: number | null };
  values: ValueRow[];
}

export interface ProfileRow extends Omit<ValueRow, 'area' | 'name'> {
  indicator: Pick<Indicator, 'id' | 'name' | 'unit' | 'multiplier' | 'polarity' | 'method' | 'actionLine'>;
  source: Text;
  trendChisq: number | null;
  benchmarkValue: number | null;
  levelRange: { min: number; q1: number; median: number; q3: number; max: number } | null;
  series: { period: number; value: number | null; lowercl95: number | null; uppercl95: number | null; benchmarkValue: number | null; suppressed: boolean }[];
}

export interface Profile {
  area: Area;
  period: number;
  benchmark: { code: string; name: string };
  indicators: ProfileRow[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) {
    super(message);
  }
}

const responses = new Map<string, Promise<unknown>>();

/** GET a JSON resource; identical requests share one response (the data only change on import). */
export function getJson<T>(path: string): Promise<T> {
  let pending = responses.get(path);
  if (!pending) {
    pending = fetch(path, { headers: { accept: 'application/json' } }).then(async (response) => {
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        responses.delete(path);
        throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.field);
      }
      return body;
    });
    responses.set(path, pending);
  }
  return pending as Promise<T>;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T };

/** Load a resource for a component; null path = nothing to load yet. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult({ state: 'loading' });
    getJson<T>(path).then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: Error) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return result;
}

// --- Menukaart (/api/v1/interventions, /api/v1/risk-factors) ---

export type Phase = 'kinderwens' | 'zwangerschap' | '0-2';
export type RecognitionLevel = 'effectief-sterke' | 'effectief-goede' | 'effectief-eerste' | 'goed-onderbouwd' | 'goed-beschreven' | 'niet-beoordeeld' | 'onbekend';
export type FundingRoute = 'wpg-jgz' | 'jeugdwet' | 'wmo' | 'zvw' | 'zorgverzekeraar' | 'rvp' | 'goab' | 'wgs' | 'subsidie' | 'gemeente-eigen' | 'onbekend';
export type Confidence = 'high' | 'medium' | 'inferred' | 'unknown';
/** A fact the sources do not confirm, with a note on what is (not) known. */
export type UnknownFact = { unknown: true; note: Text };
export type KnownText = Text | UnknownFact;

export interface Intervention {
  id: string;
  version: number;
  status: 'published' | 'withdrawn';
  name: string;
  aliases: string[];
  summary: Text;
  phases: Phase[];
  actionLines: (1 | 2 | 3)[];
  availability: { scope: 'national' } | { scope: 'local'; gemeenten: string[]; note: Text };
  targetGroup: KnownText;
  goals: Text[];
  riskFactors: string[];
  intensity: KnownText;
  duration: KnownText;
  deliveredBy: KnownText;
  owner: KnownText;
  recognition: { level: RecognitionLevel; dates: string[]; system: Text; source: string | null; confidence: Confidence; note?: Text };
  funding: { route: FundingRoute; confidence: Confidence; note: Text; source: string | null }[];
  sources: { url: string; title: string }[];
  caveats: Text[];
  labels: {
    phases: Text[];
    actionLines: Text[];
    recognition: Text;
    recognitionConfidence: Text;
    funding: { route: Text; confidence: Text }[];
  };
}

export type MenukaartFacet = 'phase' | 'actionLine' | 'recognition' | 'funding' | 'riskFactor';
export interface FacetCount { value: string | number; label: Text; count: number; selected: boolean }

export interface InterventionList {
  contentVersion: number;
  total: number;
  count: number;
  filters: Record<MenukaartFacet, (string | number)[]> & { q: string[] };
  facets: Record<MenukaartFacet, FacetCount[]>;
  items: Intervention[];
}

export interface InterventionDetail extends Intervention {
  contentVersion: number;
  riskFactorDetails: { id: string; name: Text; domain: 'medical' | 'social' | null }[];
  indicators: { indicator: string; riskFactors: string[] }[];
}

export interface RiskFactor {
  id: string;
  version: number;
  name: Text;
  description: Text;
  domain: 'medical' | 'social';
  phases: Phase[];
  domainLabel: Text;
  phaseLabels: Text[];
  indicators: string[];
  interventions: string[];
}

export interface RiskFactors {
  contentVersion: number;
  linkBasis: Text | null;
  riskFactors: RiskFactor[];
  indicatorLinks: { indicator: string; version: number; actionLines: number[]; riskFactors: string[]; rationale: Text }[];
}

// --- Analysetool (/api/v1/areas/{code}/similar, /api/v1/areas/{code}/analysis) ---

export type BenchmarkKind = 'nl' | 'region' | 'similar';

export interface SimilarityVariable {
  id: string;
  name: Text;
  source: Text;
  theme: 'size' | 'urbanity' | 'households' | 'age' | 'origin';
  transform: 'log10' | 'none';
  weight: number;
  mean: number;
  sd: number;
}

export interface SimilarMunicipalities {
  area: Area;
  k: number;
  method: {
    summary: Text;
    standardization: Text;
    weights: Text;
    distance: Text;
    tieBreak: Text;
    limitations: Text;
    population: number;
    variables: SimilarityVariable[];
  };
  characteristics: Record<string, number | null>;
  neighbours: { rank: number; code: string; name: string; distance: number; characteristics: Record<string, number | null> }[];
}

export interface WijkExcess {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  comparison: Comparison;
  observed: number;
  expected: number;
  excess: number;
  share: number | null;
}

export interface ExcessSummary {
  observed: number;
  expected: number;
  excess: number;
  wijken: WijkExcess[];
  otherWijken: { count: number; excess: number };
  notPublished: { count: number; excess: number };
}

export interface WorseIndicator {
  indicator: Pick<Indicator, 'id' | 'name' | 'unit' | 'multiplier' | 'polarity' | 'method' | 'actionLine'>;
  numerator: number;
  denominator: number;
  value: number;
  lowercl95: number | null;
  uppercl95: number | null;
  lowercl998: number | null;
  uppercl998: number | null;
  benchmarkValue: number;
  pooled?: { numerator: number; denominator: number; included: number; members: number };
  comparison: 'worse';
  synthetic: boolean;
  source: Text;
  excess: ExcessSummary;
  actionLines: (1 | 2 | 3)[];
  riskFactors: string[];
  rationale: Text | null;
  finding: Text;
}

export interface Recommendation {
  rank: number;
  intervention: {
    id: string;
    name: string;
    summary: Text;
    phases: Phase[];
    actionLines: (1 | 2 | 3)[];
    recognition: { level: RecognitionLevel; label: Text };
    funding: FundingRoute[];
    availability: Intervention['availability'];
  };
  riskFactors: string[];
  indicators: string[];
  trace: { indicator: string; riskFactors: string[] }[];
  fit: { score: number; recognitionRank: number; matchedRiskFactors: number; actionLines: number[] };
  reason: Text;
}

export interface Analysis {
  area: Area;
  period: number;
  benchmark: { kind: BenchmarkKind; code: string | null; name: Text; members?: { code: string; name: string }[] };
  synthetic: boolean;
  source: Text;
  method: { significance: Text; benchmarks: Text; excess: Text; recommendations: Text };
  overview: { indicator: string; name: Text; comparison: Comparison; value: number | null; benchmarkValue: number | null; suppressed: boolean; judged: boolean }[];
  worse: WorseIndicator[];
  actionLines: { actionLine: 1 | 2 | 3; label: Text; indicators: string[] }[];
  riskFactors: { id: string; name: Text; domain: 'medical' | 'social' | null; domainLabel: Text | null; indicators: string[] }[];
  recommendations: Recommendation[];
  /** Filled only for partners of the gemeente's coalition and the programme team (see the note). */
  coveredByPlan: {
    coverage: 'planned' | 'not-planned' | 'not-recommended';
    rank: number | null;
    intervention: { id: string; name: string | null } | null;
    planItems: { id: string; title: string | null; matchedBy: 'intervention' | 'title' | null; status: string; statusLabel: Text; targetReach: number | null; fundingRoute: string | null; fundingRouteLabel: Text | null }[];
  }[];
  coveredByPlanNote: Text & { reason: 'shown' | 'signed-out' | 'not-a-member' | 'no-coalition'; coalition: { id: string; name: string; status: string; statusLabel: Text } | null };
  contentVersion: number;
}

// --- Accounts (/api/v1/auth): session, CSRF token, sign-in and sign-out ---

export interface Session {
  user: { id: string; email: string; name: string; role: string };
  organisation: { id: string; name: string; type: string; area: string | null };
  coalitions: string[];
  authMethod: 'password' | 'oidc';
  permissions: { resource: string; action: string; scope: string }[];
  csrfToken: string;
}

/** The session as the screens know it: undefined = not asked yet, null = signed out. */
let currentSession: Session | null | undefined;
let sessionRequest: Promise<Session | null> | undefined;
let csrfToken: string | undefined;
const sessionListeners = new Set<() => void>();

function setSession(session: Session | null): void {
  currentSession = session;
  if (session) csrfToken = session.csrfToken;
  sessionListeners.forEach((l) => l());
}

async function readJson(response: Response): Promise<any> {
  return response.json().catch(() => null);
}

/** GET /api/v1/auth/session once per page load (401 = signed out). */
export function loadSession(): Promise<Session | null> {
  sessionRequest ??= fetch('/api/v1/auth/session', { headers: { accept: 'application/json' }, cache: 'no-store' }).then(async (response) => {
    const session = response.ok ? ((await readJson(response)) as Session) : null;
    setSession(session);
    return session;
  }, () => null);
  return sessionRequest;
}

/** The current session for a component (null while unknown or signed out). */
export function useSession(): Session | null {
  const [session, set] = useState<Session | null>(currentSession ?? null);
  useEffect(() => {
    const update = () => set(currentSession ?? null);
    sessionListeners.add(update);
    void loadSession().then(update);
    return () => {
      sessionListeners.delete(update);
    };
  }, []);
  return session;
}

/** A CSRF token for this browser and session (GET /api/v1/auth/csrf when there is none yet). */
export async function fetchCsrfToken(fresh = false): Promise<string> {
  if (csrfToken && !fresh) return csrfToken;
  const response = await fetch('/api/v1/auth/csrf', { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await readJson(response);
  if (!response.ok || !body?.csrfToken) throw new ApiError(response.status, body?.error?.message ?? response.statusText);
  csrfToken = body.csrfToken as string;
  return csrfToken;
}

/** A changing request (POST, PATCH, DELETE) with the x-csrf-token header; on 403 `csrf` it fetches a token again and retries once. */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const token = await fetchCsrfToken(attempt > 0);
    const response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'x-csrf-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const result = response.status === 204 ? null : await readJson(response);
    if (response.ok) return result as T;
    if (response.status === 403 && result?.error?.code === 'csrf' && attempt === 0) continue;
    const error = new ApiError(response.status, result?.error?.message ?? response.statusText, result?.error?.field);
    (error as ApiError & { code?: string }).code = result?.error?.code;
    throw error;
  }
}

export const postJson = <T>(path: string, body?: unknown): Promise<T> => sendJson<T>('POST', path, body);

/**
 * Load data that change while the page is open (a coalition, applications, the audit trail):
 * never shared or cached, read again with `reload()` after a change. Session-bound, so it
 * waits for the session to be known and says `signed-out` (401) or `forbidden` (403) plainly.
 */
export function useLiveApi<T>(path: string | null): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const shownPath = useRef<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    // A reload keeps the current data on screen until the new answer; another resource does not.
    if (shownPath.current !== path) setResult({ state: 'loading' });
    shownPath.current = path;
    fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(async (response) => {
        const body = await readJson(response);
        if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.field);
        return body as T;
      })
      .then(
        (data) => live && setResult({ state: 'ready', data }),
        (error: Error) => live && setResult({ state: 'error', error }),
      );
    return () => {
      live = false;
    };
  }, [path, generation]);
  return [result, () => setGeneration((g) => g + 1)];
}

/** The field an API error names (400 with `field`), for putting the message next to its input. */
export function errorField(error: unknown): string | undefined {
  return error instanceof ApiError ? error.field : undefined;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await postJson<Session>('/api/v1/auth/login', { email, password });
  setSession(session);
  return session;
}

export async function signOut(): Promise<void> {
  const result = await postJson<{ csrfToken?: string } | null>('/api/v1/auth/logout');
  csrfToken = result?.csrfToken;
  setSession(null);
}

// --- Coalitions: the public national overview (/api/v1/coalitions/overview) ---

export type CoalitionStatus = 'verkennend' | 'in-oprichting' | 'actief' | 'gestopt';

export interface CoalitionOverview {
  statuses: { id: CoalitionStatus; label: Text }[];
  gemeenten: { code: string; name: string; inhabitants: number; status: CoalitionStatus | null; coalition: { id: string; name: string } | null }[];
  coalitions: { total: number; running: number; byStatus: Record<CoalitionStatus, number>; withAllEightPartnerTypes: number };
  gemeentenByStatus: Record<CoalitionStatus | 'geen', number>;
  partnerTypes: { type: string; label: Text; coalitions: number }[];
  coverage: {
    id: string;
    statuses: CoalitionStatus[];
    label: Text;
    gemeenten: { covered: number; total: number; share: number };
    inhabitants: { covered: number; total: number; share: number };
  }[];
}

// --- Coalition workspace (/api/v1/coalitions/{id}, /mine, /vocabulary) ---

export type PartnerKind = 'gemeente' | 'jgz' | 'verloskunde' | 'kraamzorg' | 'ziekenhuis' | 'huisarts' | 'wijkteam' | 'zorgverzekeraar' | 'overig';
export type AgreementStatus = 'concept' | 'vastgesteld' | 'in-uitvoering' | 'geevalueerd' | 'beeindigd';
export type PlanStatus = 'idee' | 'gepland' | 'in-uitvoering' | 'gerealiseerd' | 'gestopt';
export type FundingStatus = 'ingediend' | 'goedgekeurd' | 'afgewezen' | 'ingetrokken';

export interface CoalitionSummary {
  id: string;
  name: string;
  status: CoalitionStatus;
  statusLabel: Text;
  statusSince: string;
  gemeenten: { code: string; name: string }[];
  partnerTypes: { present: PartnerKind[]; missing: { type: PartnerKind; label: Text }[] };
  counts: { agreements: number; goals: number; plan: number; updates: number; lastUpdate: string | null };
}

export interface Partner { id: string; type: PartnerKind; typeLabel: Text; name: string; organisation: { id: string; name: string; type: string } | null; joinedOn: string | null; note: string | null }
export interface ChainAgreement {
  id: string;
  subject: string;
  description: string | null;
  actionLine: 1 | 2 | 3;
  partyIds: string[];
  startDate: string | null;
  reviewDate: string | null;
  status: AgreementStatus;
  statusLabel: Text;
  documentUrl: string | null;
}
export interface LocalGoal {
  id: string;
  nationalGoal: 1 | 2 | 3 | 4 | 5 | 6;
  nationalGoalText: Text | null;
  description: string;
  indicator: { id: string; name: Text | null; unit: string | null } | null;
  baselineValue: number | null;
  baselineYear: number | null;
  targetValue: number | null;
  targetYear: number | null;
}
export interface PlanItem {
  id: string;
  intervention: { id: string; name: string | null; withdrawn: boolean } | null;
  title: string | null;
  suggestedInterventionId: string | null;
  description: string | null;
  targetReach: number | null;
  fundingRoute: FundingRoute | null;
  fundingRouteLabel: Text | null;
  status: PlanStatus;
  statusLabel: Text;
  localGoalId: string | null;
}
export interface ProgressUpdate { id: string; date: string; text: string; author: { name: string; organisation: string }; createdAt: string }
export interface FundingApplication {
  id: string;
  coalition: { id: string; name: string };
  amount: number;
  periodStart: string;
  periodEnd: string;
  purpose: string;
  planItemIds: string[];
  status: FundingStatus;
  statusLabel: Text;
  submittedBy: string;
  submittedAt: string;
  decision: { by: string | null; at: string | null; reason: string | null; grantedAmount: number | null; budgetLineId: string | null; budgetYear: number | null } | null;
}
type Cud = { create: boolean; update: boolean; delete: boolean };
export interface CoalitionPermissions {
  update: boolean;
  partners: Cud;
  agreements: Cud;
  goals: Cud;
  plan: Cud;
  updates: { create: boolean };
  funding: { read: boolean; create: boolean; withdraw: boolean; decide: boolean };
}
export interface CoalitionDetail {
  id: string;
  name: string;
  status: CoalitionStatus;
  statusLabel: Text;
  statusSince: string;
  description: string | null;
  leadOrganisation: { id: string; name: string; type: string };
  gemeenten: { code: string; name: string; inhabitants: number }[];
  inhabitants: number;
  partners: Partner[];
  partnerTypes: CoalitionSummary['partnerTypes'];
  agreements: ChainAgreement[];
  goals: LocalGoal[];
  plan: PlanItem[];
  updates: ProgressUpdate[];
  fundingApplications: FundingApplication[] | null;
  createdAt: string;
  updatedAt: string;
  permissions: CoalitionPermissions;
}
export interface CoalitionVocabulary {
  coalitionStatuses: { id: CoalitionStatus; label: Text }[];
  partnerTypes: { id: PartnerKind; label: Text }[];
  partnerKinds: { id: PartnerKind; label: Text }[];
  nationalGoals: { id: 1 | 2 | 3 | 4 | 5 | 6; text: Text; actionLines: (1 | 2 | 3)[]; suggestedIndicators: string[] }[];
  agreementStatuses: { id: AgreementStatus; label: Text }[];
  planStatuses: { id: PlanStatus; label: Text }[];
  fundingStatuses: { id: FundingStatus; label: Text }[];
  fundingRoutes: { id: FundingRoute; label: Text }[];
}

/** May the signed-in role ever do this (the session's policy rules)? For showing navigation only; the API decides. */
export function sessionMay(session: Session | null, resource: string, action: string): boolean {
  return !!session?.permissions.some((p) => p.resource === resource && p.action === action);
}

/**
 * The session the server answered with after a change to it: after a password change the
 * renewed session (with its new CSRF token); after "sign out everywhere" none (null, with the
 * new anonymous CSRF token). The screens and later requests follow it.
 */
export function adoptSession(session: Session | null, anonymousCsrfToken?: string): void {
  if (!session) csrfToken = anonymousCsrfToken;
  setSession(session);
}
