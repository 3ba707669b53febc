// The fixed vocabularies of the coalition workspace: statuses, the eight partner types, the six
// national goals of Kansrijke Start (chapter 2 of the programme, in our own words), and the
// statuses of agreements, plan items and funding applications. The API and the screens show
// the labels; the database stores the ids.

import type { Text } from '../atlas/indicator-catalogue.ts';

export const COALITION_STATUSES = ['verkennend', 'in-oprichting', 'actief', 'gestopt'] as const;
export type CoalitionStatus = (typeof COALITION_STATUSES)[number];

export const COALITION_STATUS_LABELS: Record<CoalitionStatus, Text> = {
  verkennend: { nl: 'Verkennend', en: 'Exploring' },
  'in-oprichting': { nl: 'In oprichting', en: 'Being formed' },
  actief: { nl: 'Actief', en: 'Active' },
  gestopt: { nl: 'Gestopt', en: 'Stopped' },
};

/** How far along: a gemeente in two coalitions (one of them stopped) shows the furthest. */
export const STATUS_RANK: Record<CoalitionStatus, number> = { gestopt: 0, verkennend: 1, 'in-oprichting': 2, actief: 3 };

/** The eight partner types the programme names for a coalition. */
export const PARTNER_TYPES = ['gemeente', 'jgz', 'verloskunde', 'kraamzorg', 'ziekenhuis', 'huisarts', 'wijkteam', 'zorgverzekeraar'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
/** Partners may also be of another kind (GGD, welfare, Veilig Thuis …): they count, but not as one of the eight. */
export const PARTNER_KINDS = [...PARTNER_TYPES, 'overig'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_TYPE_LABELS: Record<PartnerKind, Text> = {
  gemeente: { nl: 'Gemeente', en: 'Municipality' },
  jgz: { nl: 'Jeugdgezondheidszorg (JGZ)', en: 'Youth healthcare (JGZ)' },
  verloskunde: { nl: 'Verloskundigen (samenwerkingsverband)', en: 'Midwives (collaboration)' },
  kraamzorg: { nl: 'Kraamzorg', en: 'Maternity care' },
  ziekenhuis: { nl: 'Ziekenhuis / gynaecologie', en: 'Hospital / obstetrics and gynaecology' },
  huisarts: { nl: 'Huisartsen', en: 'General practitioners' },
  wijkteam: { nl: 'Wijkteam / sociaal team', en: 'District team / social team' },
  zorgverzekeraar: { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  overig: { nl: 'Overige partner', en: 'Other partner' },
};

export interface NationalGoal {
  id: 1 | 2 | 3 | 4 | 5 | 6;
  text: Text;
  /** Action lines the goal mostly belongs to (1 before, 2 during pregnancy, 3 after birth). */
  actionLines: readonly (1 | 2 | 3)[];
  /** Atlas indicators that can show progress on it: a suggestion, not a rule. */
  suggestedIndicators: readonly string[];
}

/** The six national goals of the programme (chapter 2), in our own words. */
export const NATIONAL_GOALS: readonly NationalGoal[] = [
  {
    id: 1,
    text: { nl: 'Ouders in een kwetsbare situatie beginnen beter voorbereid aan een zwangerschap.', en: 'Parents in vulnerable circumstances start a pregnancy better prepared.' },
    actionLines: [1],
    suggestedIndicators: ['late_antenatal_care', 'smoking_in_pregnancy'],
  },
  {
    id: 2,
    text: { nl: 'Minder zwangerschappen die niet gepland of niet gewild zijn in kwetsbare gezinnen.', en: 'Fewer unplanned or unwanted pregnancies in vulnerable families.' },
    actionLines: [1],
    suggestedIndicators: ['teenage_mothers'],
  },
  {
    id: 3,
    text: {
      nl: 'Problemen bij (aanstaande) gezinnen in een kwetsbare situatie, ook niet-medische, worden eerder en beter opgemerkt.',
      en: 'Problems in vulnerable (expecting) families, non-medical ones included, are noticed sooner and better.',
    },
    actionLines: [2, 3],
    suggestedIndicators: ['late_antenatal_care', 'no_maternity_care'],
  },
  {
    id: 4,
    text: { nl: 'Aanstaande ouders in een kwetsbare situatie krijgen sneller de hulp die bij hen past.', en: 'Vulnerable parents-to-be get the help that fits them sooner.' },
    actionLines: [2],
    suggestedIndicators: ['big2', 'preterm', 'sga', 'smoking_in_pregnancy'],
  },
  {
    id: 5,
    text: { nl: 'Ouders in een kwetsbare situatie zijn beter toegerust om hun kind te verzorgen en op te voeden.', en: 'Parents in vulnerable circumstances are better equipped to care for and raise their child.' },
    actionLines: [3],
    suggestedIndicators: ['child_protection_0_2'],
  },
  {
    id: 6,
    text: { nl: 'Minder baby’s en jonge kinderen worden uit huis geplaatst of onder toezicht gesteld.', en: 'Fewer babies and young children are placed out of home or under supervision.' },
    actionLines: [3],
    suggestedIndicators: ['child_protection_0_2'],
  },
];

export const AGREEMENT_STATUSES = ['concept', 'vastgesteld', 'in-uitvoering', 'geevalueerd', 'beeindigd'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, Text> = {
  concept: { nl: 'Concept', en: 'Draft' },
  vastgesteld: { nl: 'Vastgesteld', en: 'Agreed' },
  'in-uitvoering': { nl: 'In uitvoering', en: 'In effect' },
  geevalueerd: { nl: 'Geëvalueerd', en: 'Evaluated' },
  beeindigd: { nl: 'Beëindigd', en: 'Ended' },
};

export const PLAN_STATUSES = ['idee', 'gepland', 'in-uitvoering', 'gerealiseerd', 'gestopt'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, Text> = {
  idee: { nl: 'Idee', en: 'Idea' },
  gepland: { nl: 'Gepland', en: 'Planned' },
  'in-uitvoering': { nl: 'In uitvoering', en: 'Under way' },
  gerealiseerd: { nl: 'Gerealiseerd', en: 'Done' },
  gestopt: { nl: 'Gestopt', en: 'Stopped' },
};

export const FUNDING_STATUSES = ['ingediend', 'goedgekeurd', 'afgewezen', 'ingetrokken'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const FUNDING_STATUS_LABELS: Record<FundingStatus, Text> = {
  ingediend: { nl: 'Ingediend', en: 'Submitted' },
  goedgekeurd: { nl: 'Goedgekeurd', en: 'Approved' },
  afgewezen: { nl: 'Afgewezen', en: 'Rejected' },
  ingetrokken: { nl: 'Ingetrokken', en: 'Withdrawn' },
};

/** Statuses that count as "covered" for the national coverage figure ("landelijk dekkende verdeling"). */
export const COVERAGE_LEVELS: readonly { id: string; statuses: readonly CoalitionStatus[]; label: Text }[] = [
  { id: 'actief', statuses: ['actief'], label: { nl: 'Met een actieve coalitie', en: 'With an active coalition' } },
  { id: 'opgericht', statuses: ['actief', 'in-oprichting'], label: { nl: 'Met een actieve coalitie of een in oprichting', en: 'With an active coalition or one being formed' } },
  { id: 'betrokken', statuses: ['actief', 'in-oprichting', 'verkennend'], label: { nl: 'Met een coalitie in welke fase ook (niet gestopt)', en: 'With a coalition at any stage (not stopped)' } },
];
