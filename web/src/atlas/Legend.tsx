// The legend: what each colour means, with class bounds in nl-NL numbers and the number of
// areas per entry; suppressed and missing areas always have their own entries.

import type { CSSProperties } from 'react';
import { SWATCH_BACKGROUND } from './palette.ts';

export interface LegendEntry {
  key: string;
  label: string;
  count: number;
  /** A colour or a CSS background for a pattern. */
  background: string;
}

export function Legend({ heading, title, subtitle, entries, countLabel, note }: { heading: string; title: string; subtitle?: string; entries: LegendEntry[]; countLabel: (n: number) => string; note?: string }) {
  return (
    <div className="atlas-legend" data-testid="atlas-legend">
      <h3 className="utrecht-heading-3 atlas-legend__heading">{heading}</h3>
      <p className="atlas-legend__title">{title}</p>
      {subtitle && <p className="atlas-legend__subtitle">{subtitle}</p>}
      <ul className="atlas-legend__list">
        {entries.map((e) => (
          <li key={e.key} className="atlas-legend__item" data-legend={e.key}>
            <span className="atlas-swatch" style={{ background: e.background } as CSSProperties} aria-hidden="true" />
            <span className="atlas-legend__label">{e.label}</span>
            <span className="atlas-legend__count">{countLabel(e.count)}</span>
          </li>
        ))}
      </ul>
      {note && <p className="atlas-legend__note">{note}</p>}
    </div>
  );
}

export const specialSwatches = SWATCH_BACKGROUND;
