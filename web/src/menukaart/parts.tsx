// Small pieces shared by the menukaart, the intervention page and the analysis page.

import type { ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import { menukaart } from '../i18n/menukaart.ts';
import { useLang, useMessages } from '../i18n/index.ts';
import type { KnownText, RecognitionLevel, Text, UnknownFact } from '../lib/api.ts';
import { recognitionTone } from './filters.ts';

export function isUnknown(value: KnownText): value is UnknownFact {
  return (value as UnknownFact).unknown === true;
}

/** The recognition level as a badge; the words are the Dutch scale's (or their translation). */
export function RecognitionBadge({ level, label }: { level: RecognitionLevel; label: Text }) {
  const lang = useLang();
  return <span className={`kansrijk-recognition kansrijk-recognition--${recognitionTone(level)}`}>{label[lang]}</span>;
}

/** A text the sources confirm, or "Onbekend" with the note saying what is (not) known: never hidden. */
export function KnownValue({ value }: { value: KnownText }) {
  const t = useMessages(menukaart);
  const lang = useLang();
  if (!isUnknown(value)) return <>{value[lang]}</>;
  return (
    <>
      <strong className="kansrijk-unknown">{t.unknown}</strong>
      <span className="kansrijk-unknown__note">{value.note[lang]}</span>
    </>
  );
}

/** One row of a definition list (label and value). */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

export function PrintButton() {
  const c = useMessages(common);
  return (
    <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-no-print" onClick={() => window.print()}>
      {c.print}
    </button>
  );
}
