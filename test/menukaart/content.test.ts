// The shipped menukaart content: complete, sourced, honest about what is unknown, and
// consistent with the risk-factor vocabulary and the atlas catalogue. And the validation
// names the file and the field of every problem.

import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/atlas/indicator-catalogue.ts';
import { CONTENT_DIR, ContentError, normalizeSearch, readContent, searchText } from '../../src/menukaart/content-loader.ts';
import { isUnknown, type KnownText } from '../../src/menukaart/content-schema.ts';
import { ACTION_LINE_OF_PHASE, FUNDING_ROUTES, PHASES, RECOGNITION_LEVELS } from '../../src/menukaart/vocabulary.ts';

const content = readContent();

function filledOrUnknown(value: KnownText, what: string) {
  if (isUnknown(value)) {
    expect(value.note.nl.trim().length, `${what}: unknown without a note (nl)`).toBeGreaterThan(10);
    expect(value.note.en.trim().length, `${what}: unknown without a note (en)`).toBeGreaterThan(10);
  } else {
    expect(value.nl.trim().length, `${what}.nl`).toBeGreaterThan(0);
    expect(value.en.trim().length, `${what}.en`).toBeGreaterThan(0);
  }
}

describe('shipped content', () => {
  it('has at least 18 published interventions with unique ids', () => {
    const published = content.interventions.filter((i) => i.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(18);
    expect(new Set(content.interventions.map((i) => i.id)).size).toBe(content.interventions.length);
  });

  it('fills every field of every intervention in both languages, or marks it unknown with a note', () => {
    for (const i of content.interventions) {
      expect(i.name.trim(), i.id).not.toBe('');
      for (const t of [i.summary, ...i.goals]) {
        expect(t.nl.trim(), `${i.id} text nl`).not.toBe('');
        expect(t.en.trim(), `${i.id} text en`).not.toBe('');
      }
      for (const field of ['targetGroup', 'intensity', 'duration', 'deliveredBy', 'owner'] as const) filledOrUnknown(i[field], `${i.id}.${field}`);
      expect(i.phases.length, i.id).toBeGreaterThan(0);
      expect(i.phases.every((p) => PHASES.includes(p))).toBe(true);
      expect([...i.actionLines].sort()).toEqual([...new Set(i.phases.map((p) => ACTION_LINE_OF_PHASE[p]))].sort());
      expect(i.goals.length, i.id).toBeGreaterThan(0);
      expect(i.riskFactors.length, i.id).toBeGreaterThan(0);
      expect(RECOGNITION_LEVELS).toContain(i.recognition.level);
      expect(i.recognition.system.nl && i.recognition.system.en, i.id).toBeTruthy();
      expect(i.funding.length, i.id).toBeGreaterThan(0);
      for (const f of i.funding) {
        expect(FUNDING_ROUTES).toContain(f.route);
        expect(f.note.nl && f.note.en, `${i.id} funding note`).toBeTruthy();
      }
    }
  });

  it('gives every intervention at least one source, all http(s) links', () => {
    for (const i of content.interventions) {
      expect(i.sources.length, i.id).toBeGreaterThanOrEqual(1);
      for (const s of i.sources) {
        expect(s.url, i.id).toMatch(/^https?:\/\/[^\s]+$/);
        expect(s.title.trim(), i.id).not.toBe('');
      }
    }
  });

  it('states a recognition level with its date and source, or says it is unknown and why', () => {
    for (const i of content.interventions) {
      const r = i.recognition;
      if (r.level === 'onbekend') {
        expect(r.confidence, i.id).toBe('unknown');
        expect(r.note?.nl, i.id).toBeTruthy();
      } else if (r.level !== 'niet-beoordeeld') {
        expect(r.dates.length, i.id).toBeGreaterThan(0);
        expect(r.source, i.id).toMatch(/^https?:\/\//);
      }
      if (r.confidence !== 'high') expect(r.note?.en, `${i.id}: unconfirmed recognition needs a note`).toBeTruthy();
    }
  });

  it('marks unconfirmed funding as such, with a source for every confirmed route', () => {
    for (const i of content.interventions) {
      for (const f of i.funding) {
        if (f.confidence === 'high') expect(f.source, i.id).toMatch(/^https?:\/\//);
        if (f.route === 'onbekend') expect(f.confidence).toBe('unknown');
      }
    }
  });

  it('covers all three phases and every action line', () => {
    for (const phase of PHASES) expect(content.interventions.some((i) => i.phases.includes(phase)), phase).toBe(true);
  });

  it('uses only risk factors from the shared vocabulary, and every risk factor has a domain and phase', () => {
    const ids = new Set(content.riskFactors.map((r) => r.id));
    expect(ids.size).toBe(content.riskFactors.length);
    for (const i of content.interventions) for (const rf of i.riskFactors) expect(ids.has(rf), `${i.id}: ${rf}`).toBe(true);
    for (const r of content.riskFactors) {
      expect(['medical', 'social']).toContain(r.domain);
      expect(r.phases.length).toBeGreaterThan(0);
      expect(r.name.nl && r.name.en && r.description.nl && r.description.en).toBeTruthy();
    }
    expect(content.riskFactors.some((r) => r.domain === 'medical')).toBe(true);
    expect(content.riskFactors.some((r) => r.domain === 'social')).toBe(true);
  });

  it('links every atlas indicator to risk factors and action lines', () => {
    const ids = new Set(content.riskFactors.map((r) => r.id));
    expect(content.links.map((l) => l.indicator).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
    for (const l of content.links) {
      for (const rf of l.riskFactors) expect(ids.has(rf), `${l.indicator}: ${rf}`).toBe(true);
      expect(l.actionLines.length).toBeGreaterThan(0);
      expect(l.rationale.nl && l.rationale.en && l.basis.nl).toBeTruthy();
    }
    // Every risk factor an indicator points to is addressed by at least one intervention.
    for (const l of content.links) {
      for (const rf of l.riskFactors) {
        if (rf === 'single-parenthood') continue; // no intervention in the menukaart targets single parents as such (yet)
        expect(content.interventions.some((i) => i.riskFactors.includes(rf)), `${l.indicator} → ${rf}`).toBe(true);
      }
    }
  });

  it('builds a search text from names, summary, target group and goals in both languages, without accents', () => {
    const voorzorg = content.interventions.find((i) => i.id === 'voorzorg')!;
    const text = searchText(voorzorg);
    expect(text).toContain('voorzorg');
    expect(text).toContain('home visiting'); // English summary
    expect(text).toContain('huiselijk geweld'); // Dutch target group
    expect(text).toContain('prevent child abuse'); // English goal
    expect(normalizeSearch('Eliëns  Coöperatie, CJG')).toBe('eliens cooperatie cjg');
  });
});

describe('content validation', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'kansrijk-content-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    return dir + '/';
  };
  const edit = (root: string, file: string, change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(root + file, 'utf8'));
    change(json);
    writeFileSync(root + file, JSON.stringify(json));
  };
  const problems = (root: string): string[] => {
    try {
      readContent(root);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as ContentError).problems;
    }
    throw new Error('content was accepted');
  };

  it('names the file and the field of each problem, and reports them all at once', () => {
    const root = copy();
    edit(root, 'interventions/voorzorg.json', (j) => {
      j.summary.en = '';
      j.recognition.level = 'heel-effectief';
      j.sources = [];
      delete j.duration;
    });
    edit(root, 'interventions/home-start.json', (j) => {
      j.riskFactors.push('smokin');
      j.phases = ['zwangerschap'];
    });
    const list = problems(root);
    expect(list).toEqual(expect.arrayContaining([
      expect.stringMatching(/^content\/interventions\/voorzorg\.json: summary\.en: /),
      expect.stringMatching(/^content\/interventions\/voorzorg\.json: recognition\.level: /),
      expect.stringMatching(/^content\/interventions\/voorzorg\.json: sources: needs at least one source/),
      expect.stringMatching(/^content\/interventions\/voorzorg\.json: duration: /),
      expect.stringMatching(/^content\/interventions\/home-start\.json: actionLines: action lines \[2,3\] do not match the phases/),
    ]));
    // The unknown risk factor is found once the file validates otherwise.
    edit(root, 'interventions/home-start.json', (j) => (j.phases = ['zwangerschap', '0-2']));
    expect(problems(root)).toContain("content/interventions/home-start.json: riskFactors[2]: unknown risk factor 'smokin' (not in content/risk-factors.json)");
  });

  it('rejects an unconfirmed fact written as if known: unknown recognition needs confidence unknown and a note', () => {
    const root = copy();
    edit(root, 'interventions/nu-niet-zwanger.json', (j) => {
      j.recognition.confidence = 'high';
      delete j.recognition.note;
    });
    const list = problems(root);
    expect(list).toContain("content/interventions/nu-niet-zwanger.json: recognition.confidence: level 'onbekend' goes with confidence 'unknown'");
    expect(list.some((p) => p.startsWith('content/interventions/nu-niet-zwanger.json: recognition.note:'))).toBe(true);
  });

  it('checks ids against file names, indicator links against the catalogue, and JSON syntax', () => {
    const root = copy();
    edit(root, 'interventions/triple-p.json', (j) => (j.id = 'triple-p-2'));
    edit(root, 'indicator-risk-factors.json', (j) => (j.links[0].indicator = 'nope'));
    writeFileSync(root + 'interventions/broken.json', '{ "id": ');
    const list = problems(root);
    expect(list).toContain("content/interventions/triple-p.json: id: 'triple-p-2' must match the file name (triple-p-2.json)");
    expect(list).toContain("content/indicator-risk-factors.json: links[0].indicator: unknown indicator 'nope' (not in the atlas catalogue)");
    expect(list.some((p) => p.startsWith('content/interventions/broken.json: not valid JSON'))).toBe(true);
    unlinkSync(root + 'interventions/broken.json');
  });
});
