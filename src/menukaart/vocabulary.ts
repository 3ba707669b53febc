// The fixed vocabularies of the menukaart: phases, action lines, the Dutch recognition scale,
// funding routes and how sure a fact is. Content files use the ids; screens and the API show
// the labels. (Risk factors are a vocabulary too, but content: content/risk-factors.json.)

import type { Text } from '../atlas/indicator-catalogue.ts';

export type { Text };

/** The three phases of the first 1000 days, in order. */
export const PHASES = ['kinderwens', 'zwangerschap', '0-2'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, Text> = {
  kinderwens: { nl: 'Kinderwens (vóór de zwangerschap)', en: 'Wish to have a child (before pregnancy)' },
  zwangerschap: { nl: 'Zwangerschap', en: 'Pregnancy' },
  '0-2': { nl: 'Geboorte tot 2 jaar', en: 'Birth to age 2' },
};

/** Actielijnen of Kansrijke Start: 1 before, 2 during pregnancy, 3 after birth. */
export const ACTION_LINES = [1, 2, 3] as const;
export type ActionLine = (typeof ACTION_LINES)[number];

export const ACTION_LINE_LABELS: Record<ActionLine, Text> = {
  1: { nl: 'Actielijn 1: vóór de zwangerschap', en: 'Action line 1: before pregnancy' },
  2: { nl: 'Actielijn 2: tijdens de zwangerschap', en: 'Action line 2: during pregnancy' },
  3: { nl: 'Actielijn 3: na de geboorte (tot 2 jaar)', en: 'Action line 3: after birth (to age 2)' },
};

/** The phase each action line covers: an intervention's action lines follow from its phases. */
export const ACTION_LINE_OF_PHASE: Record<Phase, ActionLine> = { kinderwens: 1, zwangerschap: 2, '0-2': 3 };

/**
 * The Dutch recognition scale of the joint Erkenningscommissie Interventies (NJi, RIVM
 * Centrum Gezond Leven, NCJ, Trimbos, Movisie, Vilans, Kenniscentrum Sport), strongest first,
 * plus two values of our own: `niet-beoordeeld` (no assessment, e.g. a statutory task or
 * insured care) and `onbekend` (no rating found in the sources; not confirmed either way).
 */
export const RECOGNITION_LEVELS = [
  'effectief-sterke',
  'effectief-goede',
  'effectief-eerste',
  'goed-onderbouwd',
  'goed-beschreven',
  'niet-beoordeeld',
  'onbekend',
] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

export const RECOGNITION_LABELS: Record<RecognitionLevel, Text> = {
  'effectief-sterke': { nl: 'Effectief volgens sterke aanwijzingen', en: 'Effective: strong evidence' },
  'effectief-goede': { nl: 'Effectief volgens goede aanwijzingen', en: 'Effective: good evidence' },
  'effectief-eerste': { nl: 'Effectief volgens eerste aanwijzingen', en: 'Effective: first evidence' },
  'goed-onderbouwd': { nl: 'Goed onderbouwd', en: 'Well founded' },
  'goed-beschreven': { nl: 'Goed beschreven', en: 'Well described' },
  'niet-beoordeeld': { nl: 'Niet beoordeeld', en: 'Not assessed' },
  onbekend: { nl: 'Onbekend (niet bevestigd)', en: 'Unknown (not confirmed)' },
};

/** Strength of the recognition, for ranking: 5 = strong evidence … 1 = well described, 0 = none known. */
export const RECOGNITION_RANK: Record<RecognitionLevel, number> = {
  'effectief-sterke': 5,
  'effectief-goede': 4,
  'effectief-eerste': 3,
  'goed-onderbouwd': 2,
  'goed-beschreven': 1,
  'niet-beoordeeld': 0,
  onbekend: 0,
};

/** Ways an intervention is paid for in the Netherlands. */
export const FUNDING_ROUTES = [
  'wpg-jgz',
  'jeugdwet',
  'wmo',
  'zvw',
  'zorgverzekeraar',
  'rvp',
  'goab',
  'wgs',
  'subsidie',
  'gemeente-eigen',
  'onbekend',
] as const;
export type FundingRoute = (typeof FUNDING_ROUTES)[number];

export const FUNDING_LABELS: Record<FundingRoute, Text> = {
  'wpg-jgz': { nl: 'Wpg: JGZ-budget van de gemeente', en: 'Public Health Act (Wpg): municipal youth-healthcare (JGZ) budget' },
  jeugdwet: { nl: 'Jeugdwet', en: 'Youth Act (Jeugdwet)' },
  wmo: { nl: 'Wmo 2015', en: 'Social Support Act (Wmo 2015)' },
  zvw: { nl: 'Zvw: basisverzekering', en: 'Health Insurance Act (Zvw): basic insurance' },
  zorgverzekeraar: { nl: 'Zorgverzekeraar: projectfinanciering buiten het basispakket', en: 'Health insurer: project funding outside the basic package' },
  rvp: { nl: 'Rijksvaccinatieprogramma (Rijk)', en: 'National Immunisation Programme (central government)' },
  goab: { nl: 'Onderwijsachterstandenbeleid (specifieke uitkering GOAB)', en: 'Educational disadvantage policy (GOAB grant)' },
  wgs: { nl: 'Wet gemeentelijke schuldhulpverlening', en: 'Municipal Debt Assistance Act (Wgs)' },
  subsidie: { nl: 'Subsidie (Rijk, fonds of gemeente)', en: 'Grant (central government, foundation or municipality)' },
  'gemeente-eigen': { nl: 'Eigen middelen van de gemeente (grondslag verschilt per gemeente)', en: "The municipality's own budget (legal basis varies locally)" },
  onbekend: { nl: 'Onbekend', en: 'Unknown' },
};

/**
 * How sure a fact is, as in the research notes: `high` = stated directly in the source,
 * `medium` = an example or a regional source, `inferred` = derived by us and not confirmed,
 * `unknown` = not found.
 */
export const CONFIDENCE = ['high', 'medium', 'inferred', 'unknown'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const CONFIDENCE_LABELS: Record<Confidence, Text> = {
  high: { nl: 'Bevestigd in de bron', en: 'Confirmed in the source' },
  medium: { nl: 'Voorbeeld of regionale bron', en: 'Example or regional source' },
  inferred: { nl: 'Afgeleid, niet bevestigd', en: 'Inferred, not confirmed' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};

export const RISK_DOMAINS = ['medical', 'social'] as const;
export type RiskDomain = (typeof RISK_DOMAINS)[number];

export const RISK_DOMAIN_LABELS: Record<RiskDomain, Text> = {
  medical: { nl: 'Medisch', en: 'Medical' },
  social: { nl: 'Sociaal', en: 'Social' },
};
