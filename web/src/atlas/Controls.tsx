// The choices of the atlas view: indicator (grouped by action line), year, areas, colouring,
// classes and benchmark. Every change is written to the URL by the page.

import { useId } from 'react';
import { atlas } from '../i18n/atlas.ts';
import { useLang, useMessages } from '../i18n/index.ts';
import type { Indicator } from '../lib/api.ts';
import type { ClassMethod } from './classify.ts';
import { benchmarksFor, NATIONAL_LEVELS, type BenchmarkKind, type Colouring, type MapLevel, type ViewState } from './view-state.ts';

export function levelLabel(t: (typeof atlas)['nl'], level: MapLevel): string {
  return { gemeente: t.levelGemeente, provincie: t.levelProvincie, ggdregio: t.levelGgdregio, jeugdregio: t.levelJeugdregio, wijk: t.levelWijk }[level];
}

export function benchmarkLabel(t: (typeof atlas)['nl'], kind: BenchmarkKind, gemeenteName?: string): string {
  if (kind === 'gemeente' && gemeenteName) return gemeenteName;
  return { NL01: t.benchmarkNL01, provincie: t.benchmarkProvincie, ggdregio: t.benchmarkGgdregio, jeugdregio: t.benchmarkJeugdregio, gemeente: t.benchmarkGemeente }[kind];
}

/** The benchmark in a sentence: "Nederland", "de eigen GGD-regio". */
export function benchmarkInText(t: (typeof atlas)['nl'], kind: BenchmarkKind): string {
  return { NL01: t.netherlandsInText, provincie: t.ownProvincie, ggdregio: t.ownGgdregio, jeugdregio: t.ownJeugdregio, gemeente: t.ownGemeente }[kind];
}

export function classesLabel(t: (typeof atlas)['nl'], method: ClassMethod): string {
  return { quantile: t.classesQuantile, equal: t.classesEqual, jenks: t.classesJenks }[method];
}

function Field({ label, value, onChange, children, testId }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode; testId: string }) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--distanced atlas-controls__field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <select id={id} className="utrecht-select utrecht-select--html-select" value={value} onChange={(e) => onChange(e.target.value)} data-control={testId}>
          {children}
        </select>
      </div>
    </div>
  );
}

export function Controls({ state, indicators, gemeenteName, onChange }: { state: ViewState; indicators: Indicator[]; gemeenteName?: string; onChange: (changes: Partial<ViewState>) => void }) {
  const t = useMessages(atlas);
  const lang = useLang();
  const indicator = indicators.find((i) => i.id === state.indicator);
  const periods = [...(indicator?.periods ?? [state.period])].sort((a, b) => b - a);
  const lines = [1, 2, 3] as const;
  const lineLabel = { 1: t.actionLine1, 2: t.actionLine2, 3: t.actionLine3 };
  const levels: MapLevel[] = state.level === 'wijk' ? ['wijk', ...NATIONAL_LEVELS] : [...NATIONAL_LEVELS];

  return (
    <form className="atlas-controls" aria-label={t.controls} onSubmit={(e) => e.preventDefault()}>
      <Field label={t.indicator} value={state.indicator} onChange={(v) => onChange({ indicator: v })} testId="indicator">
        {lines.map((line) => {
          const members = indicators.filter((i) => i.actionLine === line);
          return members.length ? (
            <optgroup key={line} label={lineLabel[line]}>
              {members.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name[lang]}
                </option>
              ))}
            </optgroup>
          ) : null;
        })}
      </Field>
      <Field label={t.period} value={String(state.period)} onChange={(v) => onChange({ period: Number(v) })} testId="period">
        {periods.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Field>
      <Field label={t.level} value={state.level} onChange={(v) => onChange({ level: v as MapLevel, gemeente: v === 'wijk' ? state.gemeente : null })} testId="level">
        {levels.map((l) => (
          <option key={l} value={l}>
            {l === 'wijk' && gemeenteName ? `${t.levelWijk} (${gemeenteName})` : levelLabel(t, l)}
          </option>
        ))}
      </Field>
      <Field label={t.colour} value={state.colour} onChange={(v) => onChange({ colour: v as Colouring })} testId="colour">
        <option value="comparison">{t.colourComparison}</option>
        <option value="value">{t.colourValue}</option>
      </Field>
      {state.colour === 'value' && (
        <Field label={t.classes} value={state.classes} onChange={(v) => onChange({ classes: v as ClassMethod })} testId="classes">
          <option value="quantile">{t.classesQuantile}</option>
          <option value="equal">{t.classesEqual}</option>
          <option value="jenks">{t.classesJenks}</option>
        </Field>
      )}
      <Field label={t.benchmark} value={state.benchmark} onChange={(v) => onChange({ benchmark: v as BenchmarkKind })} testId="benchmark">
        {benchmarksFor(state.level).map((b) => (
          <option key={b} value={b}>
            {benchmarkLabel(t, b, gemeenteName)}
          </option>
        ))}
      </Field>
    </form>
  );
}
