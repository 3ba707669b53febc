// Small helpers for the readable reasons of the analysetool, in Dutch (decimal comma) and
// English (decimal point).

import type { Text } from '../atlas/indicator-catalogue.ts';

export type Lang = 'nl' | 'en';

const NUMBER: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A value with its unit: "18,2 %" / "18.2 %", "6,3 per 1.000" / "6.3 per 1,000". */
export function formatValue(value: number, unit: Text, lang: Lang): string {
  return `${NUMBER[lang].format(value)} ${unit[lang]}`;
}

/** "A", "A en B", "A, B en C" (en: "and"). */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'nl' ? 'en' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** A name used mid-sentence: first letter lowercased, unless it starts an abbreviation. */
export function midSentence(name: string): string {
  if (name.length > 1 && name[1] === name[1]!.toUpperCase() && /\p{L}/u.test(name[1]!)) return name;
  return name.charAt(0).toLocaleLowerCase('nl') + name.slice(1);
}
