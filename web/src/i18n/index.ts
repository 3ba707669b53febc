// Dutch first, English complete: every message module exports { nl, en } where the English
// object must have exactly the Dutch keys (the compiler checks it), and numbers and dates are
// formatted with Intl for nl-NL ("7,1%", "1.234") or en-GB.

import { createContext, useContext } from 'react';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
export const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A message is a string, or a function of parameters for messages with values in them. */
export type Message = string | ((...args: any[]) => string);
export type Messages = Record<string, Message>;

/** Declare a message module: the English messages must mirror the Dutch ones. */
export function messages<const NL extends Messages>(nl: NL, en: { [K in keyof NL]: NL[K] extends string ? string : NL[K] }): Record<Lang, NL> {
  return { nl, en: en as unknown as NL };
}

export const LangContext = createContext<Lang>('nl');
export const useLang = () => useContext(LangContext);

/** The messages of one module in the current language. */
export function useMessages<M extends Messages>(module: Record<Lang, M>): M {
  return module[useLang()];
}

export interface Format {
  lang: Lang;
  /** A number with a fixed number of decimals: 7,1 / 7.1 */
  number(value: number | null | undefined, decimals?: number): string;
  /** A whole count with thousands separators: 1.234 / 1,234 */
  count(value: number | null | undefined): string;
  /** A value in an indicator's unit: "7,1%", "6,3 per 1.000" */
  value(value: number | null | undefined, unit: { nl: string; en: string }, decimals?: number): string;
  date(value: Date | string): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}|${decimals}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
}

export function formatFor(lang: Lang): Format {
  const dash = '–';
  return {
    lang,
    number: (v, decimals = 1) => (v === null || v === undefined || Number.isNaN(v) ? dash : numberFormat(lang, decimals).format(v)),
    count: (v) => (v === null || v === undefined || Number.isNaN(v) ? dash : numberFormat(lang, 0).format(v)),
    value(v, unit, decimals = 1) {
      if (v === null || v === undefined || Number.isNaN(v)) return dash;
      const text = numberFormat(lang, decimals).format(v);
      return unit[lang] === '%' ? `${text}%` : `${text} ${unit[lang]}`;
    },
    date: (d) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(typeof d === 'string' ? new Date(d) : d),
  };
}

export const useFormat = () => formatFor(useLang());
