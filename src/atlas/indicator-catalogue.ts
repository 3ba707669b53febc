// The atlas's indicator catalogue. This is content: a migration loads it into the
// `indicator` table, and the API and screens read it from there. Definitions follow the RIVM
// Kansrijke Start monitors where those exist (see docs/methods.md).

import type { Polarity } from './statistics/index.ts';

export type Text = { nl: string; en: string };
export type IndicatorMethod = 'proportion' | 'rate' | 'mean' | 'count';
/** Actielijn of the programme: 1 before, 2 during pregnancy, 3 after birth. */
export type ActionLine = 1 | 2 | 3;

export interface SuppressionRule {
  /** A numerator from 1 up to (but not including) this value is not published; 0 is. */
  minNumerator: number;
  /** A denominator below this value is not published. */
  minDenominator: number;
}

/** What the synthetic demo figures for this indicator are calibrated to. */
export interface DemoCalibration {
  /** Expected national value in the indicator's unit (e.g. 14.8 for 14.8 %). */
  value: number;
  /** Yearly change in the indicator's unit, applied around `year`. */
  yearlyChange: number;
  year: number;
  /** The real figure and its source, or a plain statement that the value is assumed. */
  basis: string;
}

export interface IndicatorDefinition {
  id: string;
  name: Text;
  definition: Text;
  numerator: Text;
  denominator: Text;
  unit: Text;
  multiplier: number;
  polarity: Polarity;
  method: IndicatorMethod;
  actionLine: ActionLine;
  /** The source real figures would come from (Perined, CBS, …). */
  source: Text;
  suppression: SuppressionRule;
  demo: DemoCalibration;
}

const DEFAULT_SUPPRESSION: SuppressionRule = { minNumerator: 5, minDenominator: 10 };
const PERCENT: Text = { nl: '%', en: '%' };
const PER_1000: Text = { nl: 'per 1.000', en: 'per 1,000' };
const PERINED: Text = {
  nl: 'Perined (perinatale registratie), via RIVM Monitor Kansrijke Start',
  en: 'Perined (Dutch perinatal registry), via the RIVM Kansrijke Start monitor',
};
const BIRTHS_FROM_24_WEEKS: Text = {
  nl: 'Levend- en doodgeboren kinderen vanaf 24 weken zwangerschapsduur',
  en: 'Live-born and stillborn children from 24 weeks of gestation',
};

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'big2',
    name: { nl: 'Big2 (valse start)', en: 'Big2 (false start)' },
    definition: {
      nl: 'Percentage kinderen geboren vanaf 24 weken dat te vroeg (< 37 weken) en/of te klein voor de zwangerschapsduur (geboortegewicht < p10 volgens de Hoftiezer-curven) is geboren.',
      en: 'Percentage of children born from 24 weeks who were born preterm (< 37 weeks) and/or small for gestational age (birth weight < p10 of the Hoftiezer curves).',
    },
    numerator: {
      nl: 'Kinderen geboren vanaf 24 weken met zwangerschapsduur < 37 weken en/of geboortegewicht < p10',
      en: 'Children born from 24 weeks with gestation < 37 weeks and/or birth weight < p10',
    },
    denominator: BIRTHS_FROM_24_WEEKS,
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 14.8, yearlyChange: -0.17, year: 2021, basis: 'Big2 14,8 % (2021) en 16,3 % (2012), Perined via VZinfo' },
  },
  {
    id: 'preterm',
    name: { nl: 'Vroeggeboorte (< 37 weken)', en: 'Preterm birth (< 37 weeks)' },
    definition: {
      nl: 'Percentage kinderen geboren vanaf 24 weken met een zwangerschapsduur korter dan 37 weken.',
      en: 'Percentage of children born from 24 weeks with a gestation shorter than 37 weeks.',
    },
    numerator: { nl: 'Kinderen geboren na 24 tot 37 weken', en: 'Children born after 24 to 37 weeks' },
    denominator: BIRTHS_FROM_24_WEEKS,
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 6.6, yearlyChange: -0.05, year: 2021, basis: 'Vroeggeboorte 6,6 % (2021), Perined via VZinfo' },
  },
  {
    id: 'sga',
    name: { nl: 'Laag geboortegewicht voor de zwangerschapsduur (< p10)', en: 'Small for gestational age (< p10)' },
    definition: {
      nl: 'Percentage kinderen geboren vanaf 24 weken met een geboortegewicht onder het 10e percentiel voor zwangerschapsduur en geslacht (Hoftiezer-curven).',
      en: 'Percentage of children born from 24 weeks with a birth weight below the 10th percentile for gestational age and sex (Hoftiezer curves).',
    },
    numerator: { nl: 'Kinderen met geboortegewicht < p10 (Hoftiezer)', en: 'Children with birth weight < p10 (Hoftiezer)' },
    denominator: BIRTHS_FROM_24_WEEKS,
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 9.7, yearlyChange: -0.12, year: 2021, basis: 'SGA < p10 9,7 % (2021), Perined via VZinfo' },
  },
  {
    id: 'low_birth_weight',
    name: { nl: 'Laag geboortegewicht (< 2500 gram)', en: 'Low birth weight (< 2,500 g)' },
    definition: {
      nl: 'Percentage levendgeborenen vanaf 24 weken met een geboortegewicht onder 2500 gram.',
      en: 'Percentage of live births from 24 weeks with a birth weight below 2,500 grams.',
    },
    numerator: { nl: 'Levendgeborenen met geboortegewicht < 2500 g', en: 'Live births weighing < 2,500 g' },
    denominator: { nl: 'Levendgeborenen vanaf 24 weken', en: 'Live births from 24 weeks' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 5.5, yearlyChange: -0.04, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'perinatal_mortality',
    name: { nl: 'Perinatale sterfte', en: 'Perinatal mortality' },
    definition: {
      nl: 'Doodgeboorte vanaf 22 weken plus sterfte in de eerste 7 dagen na de geboorte, per 1.000 levend- en doodgeborenen vanaf 22 weken (Perined-definitie, 7 dagen).',
      en: 'Stillbirth from 22 weeks plus death in the first 7 days after birth, per 1,000 live births and stillbirths from 22 weeks (Perined definition, 7 days).',
    },
    numerator: {
      nl: 'Doodgeborenen vanaf 22 weken en levendgeborenen overleden binnen 7 dagen',
      en: 'Stillbirths from 22 weeks and live births who died within 7 days',
    },
    denominator: { nl: 'Levend- en doodgeborenen vanaf 22 weken', en: 'Live births and stillbirths from 22 weeks' },
    unit: PER_1000,
    multiplier: 1000,
    polarity: 'low-is-good',
    method: 'rate',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 7.3, yearlyChange: -0.1, year: 2019, basis: 'perinatale sterfte (7 dagen) 7,3 per 1.000 (2019), Perined via VZinfo' },
  },
  {
    id: 'teenage_mothers',
    name: { nl: 'Tienermoeders', en: 'Teenage mothers' },
    definition: {
      nl: 'Percentage kinderen geboren vanaf 24 weken van wie de moeder bij de geboorte jonger dan 20 jaar was.',
      en: 'Percentage of children born from 24 weeks whose mother was younger than 20 at the birth.',
    },
    numerator: { nl: 'Kinderen van moeders jonger dan 20 jaar', en: 'Children of mothers younger than 20' },
    denominator: BIRTHS_FROM_24_WEEKS,
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 1,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 1.0, yearlyChange: -0.03, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'late_antenatal_care',
    name: { nl: 'Start zwangerschapsbegeleiding na de 10e week', en: 'Antenatal care started after week 10' },
    definition: {
      nl: 'Percentage zwangerschappen vanaf 24 weken waarbij het eerste contact met de verloskundige zorg na dag 70 (week 10) plaatsvond (RIVM-definitie).',
      en: 'Percentage of pregnancies from 24 weeks whose first contact with maternity care was after day 70 (week 10) (RIVM definition).',
    },
    numerator: { nl: 'Zwangerschappen met eerste contact na dag 70', en: 'Pregnancies with first contact after day 70' },
    denominator: { nl: 'Zwangerschappen vanaf 24 weken', en: 'Pregnancies from 24 weeks' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 22, yearlyChange: -0.4, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'smoking_in_pregnancy',
    name: { nl: 'Roken tijdens de zwangerschap', en: 'Smoking in pregnancy' },
    definition: {
      nl: 'Percentage zwangerschappen vanaf 24 weken waarin de moeder tijdens de zwangerschap rookte, zoals vastgelegd door de zorgverlener.',
      en: 'Percentage of pregnancies from 24 weeks in which the mother smoked during pregnancy, as recorded by the care provider.',
    },
    numerator: { nl: 'Zwangerschappen waarin gerookt werd', en: 'Pregnancies in which the mother smoked' },
    denominator: { nl: 'Zwangerschappen vanaf 24 weken met bekende rookstatus', en: 'Pregnancies from 24 weeks with known smoking status' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: PERINED,
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 5.5, yearlyChange: -0.2, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'no_maternity_care',
    name: { nl: 'Geen kraamzorg na de bevalling', en: 'No maternity home care after birth' },
    definition: {
      nl: 'Percentage levendgeboren kinderen van wie de moeder na de bevalling geen kraamzorg kreeg (geen declaratie kraamzorg).',
      en: 'Percentage of live-born children whose mother received no maternity home care (kraamzorg) after the birth (no claim).',
    },
    numerator: { nl: 'Levendgeborenen zonder kraamzorgdeclaratie', en: 'Live births without a maternity-care claim' },
    denominator: { nl: 'Levendgeborenen', en: 'Live births' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 3,
    source: { nl: 'Vektis en CBS-microdata, via RIVM Monitor Kansrijke Start', en: 'Vektis claims and CBS microdata, via the RIVM Kansrijke Start monitor' },
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 3.5, yearlyChange: 0, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'child_protection_0_2',
    name: { nl: 'Kinderbeschermingsmaatregel 0–2 jaar', en: 'Child-protection measures age 0–2' },
    definition: {
      nl: 'Aantal kinderen van 0 tot 2 jaar met ten minste één dag een jeugdbeschermingsmaatregel in het jaar, per 1.000 kinderen van 0 tot 2 jaar.',
      en: 'Number of children aged 0 to 2 with at least one day of a youth-protection measure in the year, per 1,000 children aged 0 to 2.',
    },
    numerator: { nl: 'Kinderen 0–2 jaar met een jeugdbeschermingsmaatregel', en: 'Children aged 0–2 with a youth-protection measure' },
    denominator: { nl: 'Kinderen 0–2 jaar', en: 'Children aged 0–2' },
    unit: PER_1000,
    multiplier: 1000,
    polarity: 'low-is-good',
    method: 'rate',
    actionLine: 3,
    source: { nl: 'CBS Jeugdbeschermingsstatistiek', en: 'CBS youth-protection statistics' },
    suppression: DEFAULT_SUPPRESSION,
    demo: {
      value: 6,
      yearlyChange: -0.1,
      year: 2022,
      basis: 'aangenomen waarde; ter oriëntatie: 29.070 lopende maatregelen 0–17 jaar op 31-12-2022 (CBS)',
    },
  },
  {
    id: 'low_income_households',
    name: { nl: 'Huishoudens met een laag inkomen', en: 'Low-income households' },
    definition: {
      nl: 'Percentage particuliere huishoudens met een inkomen onder de lage-inkomensgrens van het CBS.',
      en: 'Percentage of private households with an income below the CBS low-income threshold.',
    },
    numerator: { nl: 'Huishoudens met een laag inkomen', en: 'Households with a low income' },
    denominator: { nl: 'Particuliere huishoudens met bekend inkomen', en: 'Private households with known income' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 1,
    source: { nl: 'CBS Kerncijfers wijken en buurten (inkomen)', en: 'CBS key figures for districts and neighbourhoods (income)' },
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 7.5, yearlyChange: -0.1, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'single_parent_households',
    name: { nl: 'Eenoudergezinnen', en: 'Single-parent households' },
    definition: {
      nl: 'Percentage huishoudens met kinderen dat bestaat uit één ouder met kind(eren).',
      en: 'Percentage of households with children that consist of one parent with child(ren).',
    },
    numerator: { nl: 'Eenouderhuishoudens', en: 'Single-parent households' },
    denominator: { nl: 'Huishoudens met kinderen', en: 'Households with children' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'none',
    method: 'proportion',
    actionLine: 3,
    source: { nl: 'CBS Kerncijfers wijken en buurten (huishoudens)', en: 'CBS key figures for districts and neighbourhoods (households)' },
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 20, yearlyChange: 0.1, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'social_assistance',
    name: { nl: 'Bijstandsuitkeringen', en: 'Social-assistance benefits' },
    definition: {
      nl: 'Aantal personen met een bijstandsuitkering (Participatiewet) per 1.000 inwoners van 18 jaar tot de AOW-leeftijd.',
      en: 'Number of people receiving social assistance (Participatiewet) per 1,000 inhabitants aged 18 to state-pension age.',
    },
    numerator: { nl: 'Personen met een bijstandsuitkering', en: 'People receiving social assistance' },
    denominator: { nl: 'Inwoners van 18 jaar tot de AOW-leeftijd', en: 'Inhabitants aged 18 to state-pension age' },
    unit: PER_1000,
    multiplier: 1000,
    polarity: 'low-is-good',
    method: 'rate',
    actionLine: 1,
    source: { nl: 'CBS Bijstandsuitkeringenstatistiek', en: 'CBS social-assistance statistics' },
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 38, yearlyChange: -0.5, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
  {
    id: 'problem_debts',
    name: { nl: 'Problematische schulden rond de bevalling', en: 'Problem debts around the birth' },
    definition: {
      nl: 'Percentage vrouwen dat vanaf 24 weken beviel en in het jaar van de bevalling in de Wsnp zat en/of ten minste 6 maanden premieachterstand zorgverzekering had (RIVM-definitie).',
      en: 'Percentage of women who gave birth from 24 weeks and, in the year of the birth, were in statutory debt rescheduling (Wsnp) and/or at least 6 months behind on health-insurance premiums (RIVM definition).',
    },
    numerator: { nl: 'Bevallen vrouwen met problematische schulden', en: 'Women who gave birth with problem debts' },
    denominator: { nl: 'Vrouwen die vanaf 24 weken bevielen', en: 'Women who gave birth from 24 weeks' },
    unit: PERCENT,
    multiplier: 100,
    polarity: 'low-is-good',
    method: 'proportion',
    actionLine: 2,
    source: { nl: 'CBS-microdata, via RIVM Monitor Kansrijke Start', en: 'CBS microdata, via the RIVM Kansrijke Start monitor' },
    suppression: DEFAULT_SUPPRESSION,
    demo: { value: 4, yearlyChange: -0.15, year: 2021, basis: 'aangenomen waarde (geen landelijk cijfer in de meegeleverde bronnen)' },
  },
];

export const INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATORS.map((i) => i.id));

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}
