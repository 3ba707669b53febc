// Filtering and facet counts, property-style: for many random filter combinations over the
// shipped content, the result is exactly the set of interventions satisfying a predicate
// written out independently here, and every facet count equals the size of the result with
// that facet set to that one value.

import { describe, expect, it } from 'vitest';
import { readContent, searchText } from '../../src/menukaart/content-loader.ts';
import type { Intervention } from '../../src/menukaart/content-schema.ts';
import { FACETS, facetCounts, filterInterventions, type InterventionFilters } from '../../src/menukaart/filter.ts';
import { ACTION_LINES, FUNDING_ROUTES, PHASES, RECOGNITION_LEVELS } from '../../src/menukaart/vocabulary.ts';

const content = readContent();
const items = content.interventions.map((i) => ({ content: i, searchText: searchText(i) }));
const riskIds = content.riskFactors.map((r) => r.id);

/** A small seeded generator (mulberry32), so failures are reproducible. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, values: readonly T[]): T[] | undefined {
  if (rnd() < 0.5) return undefined;
  const chosen = values.filter(() => rnd() < 0.25);
  return chosen.length ? chosen : [values[Math.floor(rnd() * values.length)]!];
}

const WORDS = ['zwanger', 'huisbezoek', 'JGZ', 'ouders', 'groep', 'roken', 'Rotterdam', 'baby', 'video', 'schulden', 'vrijwillig', 'kinkhoest', 'home visits', 'geen-treffer-xyz'];

/** The meaning of every filter, written out without the code under test. */
function satisfies(i: Intervention, f: InterventionFilters): boolean {
  if (f.phase?.length && !i.phases.some((p) => f.phase!.includes(p))) return false;
  if (f.actionLine?.length && !i.actionLines.some((a) => f.actionLine!.includes(a))) return false;
  if (f.recognition?.length && !f.recognition.includes(i.recognition.level)) return false;
  if (f.funding?.length && !i.funding.some((x) => f.funding!.includes(x.route))) return false;
  if (f.riskFactor?.length && !i.riskFactors.some((r) => f.riskFactor!.includes(r))) return false;
  if (f.q?.length) {
    const haystack = [i.name, ...i.aliases, i.summary.nl, i.summary.en, ...('unknown' in i.targetGroup ? [] : [i.targetGroup.nl, i.targetGroup.en]), ...i.goals.flatMap((g) => [g.nl, g.en])]
      .join(' ')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '');
    const anyPhrase = f.q.some((phrase) => phrase.toLowerCase().split(/[^\p{L}\p{N}%]+/u).filter(Boolean).every((w) => haystack.includes(w)));
    if (!anyPhrase) return false;
  }
  return true;
}

function randomFilters(rnd: () => number): InterventionFilters {
  return {
    phase: pick(rnd, PHASES),
    actionLine: pick(rnd, ACTION_LINES),
    recognition: pick(rnd, RECOGNITION_LEVELS),
    funding: pick(rnd, FUNDING_ROUTES),
    riskFactor: pick(rnd, riskIds),
    q: rnd() < 0.3 ? pick(rnd, WORDS) : undefined,
  };
}

describe('menukaart filters', () => {
  it('without filters returns every intervention', () => {
    expect(filterInterventions(items, {})).toHaveLength(items.length);
  });

  it('returns exactly the interventions satisfying every filter (1000 random combinations)', () => {
    const rnd = random(20250101);
    let nonEmpty = 0;
    for (let n = 0; n < 1000; n++) {
      const f = randomFilters(rnd);
      const got = filterInterventions(items, f).map((i) => i.content.id).sort();
      const expected = content.interventions.filter((i) => satisfies(i, f)).map((i) => i.id).sort();
      expect(got, JSON.stringify(f)).toEqual(expected);
      if (got.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100); // the property was exercised on real results
  });

  it('narrows: adding a filter never adds results, adding a value within a filter never removes any', () => {
    const rnd = random(7);
    for (let n = 0; n < 300; n++) {
      const f = randomFilters(rnd);
      const base = new Set(filterInterventions(items, f).map((i) => i.content.id));
      const narrower = filterInterventions(items, { ...f, phase: [PHASES[n % 3]!] }).map((i) => i.content.id);
      const withoutPhase = new Set(filterInterventions(items, { ...f, phase: undefined }).map((i) => i.content.id));
      for (const id of narrower) expect(withoutPhase.has(id)).toBe(true);
      const wider = new Set(filterInterventions(items, { ...f, funding: f.funding ? [...f.funding, 'onbekend'] : undefined }).map((i) => i.content.id));
      for (const id of base) expect(wider.has(id)).toBe(true);
    }
  });

  it('counts each facet value as the number of matches if that value were chosen', () => {
    const rnd = random(99);
    for (let n = 0; n < 200; n++) {
      const f = randomFilters(rnd);
      const counts = facetCounts(items, f, content.riskFactors);
      for (const facet of FACETS) {
        for (const entry of counts[facet]) {
          const chosen = { ...f, [facet]: [entry.value] } as InterventionFilters;
          expect(entry.count, `${facet}=${entry.value} with ${JSON.stringify(f)}`).toBe(content.interventions.filter((i) => satisfies(i, chosen)).length);
          expect(entry.selected).toBe(((f[facet] ?? []) as readonly (string | number)[]).includes(entry.value));
        }
      }
    }
  });

  it('lists every vocabulary value in every facet, zero counts included', () => {
    const counts = facetCounts(items, { phase: ['kinderwens'] }, content.riskFactors);
    expect(counts.phase.map((c) => c.value)).toEqual([...PHASES]);
    expect(counts.recognition.map((c) => c.value)).toEqual([...RECOGNITION_LEVELS]);
    expect(counts.funding.map((c) => c.value)).toEqual([...FUNDING_ROUTES]);
    expect(counts.riskFactor.map((c) => c.value)).toEqual(riskIds);
    expect(counts.recognition.some((c) => c.count === 0)).toBe(true);
  });

  it('finds the example of the issue: during pregnancy, effective, paid from the JGZ budget', () => {
    const ids = filterInterventions(items, {
      phase: ['zwangerschap'],
      recognition: ['effectief-eerste', 'effectief-goede', 'effectief-sterke'],
      funding: ['wpg-jgz'],
    }).map((i) => i.content.id);
    expect(ids).toEqual(expect.arrayContaining(['voorzorg', 'stevig-ouderschap']));
  });

  it('searches Dutch and English text, accent-insensitively, all words of a phrase, phrases as alternatives', () => {
    const ids = (q: string[]) => filterInterventions(items, { q }).map((i) => i.content.id);
    expect(ids(['whooping cough'])).toEqual(['maternale-kinkhoestvaccinatie']);
    expect(ids(['kinkhoest'])).toEqual(['maternale-kinkhoestvaccinatie']);
    expect(ids(['Coöperatie'])).toEqual(ids(['cooperatie']));
    expect(ids(['kinkhoest', 'video'])).toEqual(expect.arrayContaining(['maternale-kinkhoestvaccinatie', 'k-vht']));
    expect(ids(['kinkhoest video'])).toEqual([]);
  });
});
