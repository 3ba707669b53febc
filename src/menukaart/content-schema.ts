// The content model of the menukaart, as zod schemas: every content file is validated against
// these on load, and a file that does not fit stops the start with an error naming the file and
// the field. Facts that are not confirmed are written as { "unknown": true, "note": … } instead
// of a guess (see docs/menukaart.md).

import { z } from 'zod';
import {
  ACTION_LINE_OF_PHASE,
  ACTION_LINES,
  CONFIDENCE,
  FUNDING_ROUTES,
  PHASES,
  RECOGNITION_LEVELS,
  RISK_DOMAINS,
} from './vocabulary.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A text in Dutch and English. */
export const TextSchema = z.strictObject({ nl: nonEmpty, en: nonEmpty });

/** A fact the sources do not confirm: said so, with a note on what is (not) known. */
export const UnknownSchema = z.strictObject({ unknown: z.literal(true), note: TextSchema });
export type Unknown = z.output<typeof UnknownSchema>;

/** A text that is known (nl/en) or explicitly unknown. */
export const KnownTextSchema = z.union([TextSchema, UnknownSchema]);
export type KnownText = z.output<typeof KnownTextSchema>;

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && (value as { unknown?: unknown }).unknown === true;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a lowercase id of letters, digits and hyphens, e.g. voorzorg');
const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) link' });
/** A date as precise as the source gives it: 2021-09-30, 2014-12 or 2019. */
const sourceDate = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date YYYY-MM-DD, YYYY-MM or YYYY');
const version = z.number().int().min(1, 'must be 1 or more').describe('Raise it with every edit');
const phase = z.enum(PHASES);
const actionLine = z.union(ACTION_LINES.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]);

function uniqueItems<T>(label: string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, k) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate ${label} ${key}`, path: [k] });
      seen.add(key);
    });
  };
}

export const SourceSchema = z.strictObject({
  url,
  /** What the page is, in our words (publisher and subject). */
  title: nonEmpty,
});

export const RecognitionSchema = z
  .strictObject({
    level: z.enum(RECOGNITION_LEVELS),
    /** When the level was granted or re-assessed (empty when there is none). */
    dates: z.array(sourceDate),
    /** Who assessed it, or why nobody did. */
    system: TextSchema,
    source: url.nullable(),
    confidence: z.enum(CONFIDENCE),
    note: TextSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const rated = r.level !== 'onbekend' && r.level !== 'niet-beoordeeld';
    if (rated && r.source === null) ctx.addIssue({ code: 'custom', message: `a recognition level '${r.level}' needs its source`, path: ['source'] });
    if (rated && r.dates.length === 0) ctx.addIssue({ code: 'custom', message: `a recognition level '${r.level}' needs its date`, path: ['dates'] });
    if (r.level === 'onbekend' && r.confidence !== 'unknown') ctx.addIssue({ code: 'custom', message: "level 'onbekend' goes with confidence 'unknown'", path: ['confidence'] });
    if ((r.level === 'onbekend' || r.confidence !== 'high') && !r.note) ctx.addIssue({ code: 'custom', message: 'an unknown or unconfirmed recognition needs a note saying what is (not) known', path: ['note'] });
  });

export const FundingSchema = z
  .strictObject({
    route: z.enum(FUNDING_ROUTES),
    confidence: z.enum(CONFIDENCE),
    /** How the route is used, and how sure we are. */
    note: TextSchema,
    source: url.nullable(),
  })
  .superRefine((f, ctx) => {
    if (f.confidence === 'high' && f.source === null) ctx.addIssue({ code: 'custom', message: "confidence 'high' needs a source", path: ['source'] });
    if (f.route === 'onbekend' && f.confidence !== 'unknown') ctx.addIssue({ code: 'custom', message: "route 'onbekend' goes with confidence 'unknown'", path: ['confidence'] });
  });

/** Where an intervention can be used: anywhere, or it is one municipality's own programme. */
export const AvailabilitySchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('national') }),
  z.strictObject({
    scope: z.literal('local'),
    gemeenten: z.array(z.string().regex(/^GM\d{4}$/, 'must be a gemeente code such as GM0599')).min(1),
    note: TextSchema,
  }),
]);

export const InterventionSchema = z
  .strictObject({
    id: slug,
    version,
    /** `withdrawn` hides an intervention without deleting its history. */
    status: z.enum(['published', 'withdrawn']),
    name: nonEmpty,
    aliases: z.array(nonEmpty).superRefine(uniqueItems('alias')),
    summary: TextSchema,
    phases: z.array(phase).min(1, 'needs at least one phase').superRefine(uniqueItems('phase')),
    actionLines: z.array(actionLine).min(1, 'needs at least one action line').superRefine(uniqueItems('action line')),
    availability: AvailabilitySchema,
    targetGroup: KnownTextSchema,
    goals: z.array(TextSchema).min(1, 'needs at least one goal'),
    /** Ids from content/risk-factors.json. */
    riskFactors: z.array(slug).min(1, 'needs at least one risk factor').superRefine(uniqueItems('risk factor')),
    intensity: KnownTextSchema,
    duration: KnownTextSchema,
    deliveredBy: KnownTextSchema,
    owner: KnownTextSchema,
    recognition: RecognitionSchema,
    funding: z.array(FundingSchema).min(1, 'needs at least one funding route (or route onbekend)'),
    sources: z.array(SourceSchema).min(1, 'needs at least one source').superRefine(uniqueItems('source')),
    /** What the sources leave open or contradict, in plain words. */
    caveats: z.array(TextSchema),
  })
  .superRefine((i, ctx) => {
    // The action lines follow from the phases; both are stored because both are filtered on.
    const expected = [...new Set(i.phases.map((p) => ACTION_LINE_OF_PHASE[p]))].sort();
    const actual = [...i.actionLines].sort();
    if (expected.join() !== actual.join()) {
      ctx.addIssue({ code: 'custom', message: `action lines [${actual}] do not match the phases [${i.phases}] (expected [${expected}])`, path: ['actionLines'] });
    }
  });
export type Intervention = z.output<typeof InterventionSchema>;

export const RiskFactorSchema = z.strictObject({
  id: slug,
  version,
  name: TextSchema,
  description: TextSchema,
  domain: z.enum(RISK_DOMAINS),
  phases: z.array(phase).min(1, 'needs at least one phase').superRefine(uniqueItems('phase')),
});
export type RiskFactor = z.output<typeof RiskFactorSchema>;

export const RiskFactorFileSchema = z.strictObject({
  $comment: z.string().optional(),
  riskFactors: z.array(RiskFactorSchema).min(1),
});

export const IndicatorLinkSchema = z.strictObject({
  /** An indicator id from the atlas catalogue. */
  indicator: z.string().min(1),
  version,
  actionLines: z.array(actionLine).min(1).superRefine(uniqueItems('action line')),
  riskFactors: z.array(slug).min(1).superRefine(uniqueItems('risk factor')),
  /** Why the indicator points to these risk factors, in plain words. */
  rationale: TextSchema,
});
export type IndicatorLink = z.output<typeof IndicatorLinkSchema>;

export const IndicatorLinkFileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Who made the links and on what basis. */
  basis: TextSchema,
  links: z.array(IndicatorLinkSchema).min(1),
});
