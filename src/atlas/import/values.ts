// Reading numbers straight from field offsets in a line (no substrings on the fast path), and
// the messages that explain a bad value.

/** Returned by the scanners for an empty field. */
export const EMPTY = -1;
/** Returned by the scanners for a field that is not a valid value. */
export const BAD = -2;

const SPACE = 32;
const TAB = 9;

export function trimStart(text: string, s: number, e: number): number {
  while (s < e) {
    const c = text.charCodeAt(s);
    if (c !== SPACE && c !== TAB) break;
    s++;
  }
  return s;
}

export function trimEnd(text: string, s: number, e: number): number {
  while (e > s) {
    const c = text.charCodeAt(e - 1);
    if (c !== SPACE && c !== TAB) break;
    e--;
  }
  return e;
}

/**
 * A non-negative whole number written as plain digits in text[s, e) (trimmed by the caller).
 * Returns EMPTY for an empty field and BAD for anything else (sign, decimals, separators,
 * letters, more than 15 digits).
 */
export function scanWhole(text: string, s: number, e: number): number {
  if (s >= e) return EMPTY;
  if (e - s > 15) return BAD;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return BAD;
    v = v * 10 + d;
  }
  return v;
}

/**
 * A non-negative decimal number in text[s, e): digits with at most one decimal separator
 * (`.`, or also `,` when `decimalComma`). No sign, no exponent, no thousands separators.
 * Returns EMPTY or BAD like scanWhole.
 */
export function scanDecimal(text: string, s: number, e: number, decimalComma: boolean): number {
  if (s >= e) return EMPTY;
  let v = 0;
  let i = s;
  let digits = 0;
  for (; i < e; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    digits++;
  }
  if (i === e) return digits > 15 ? BAD : v;
  const c = text.charCodeAt(i);
  if (c !== 46 && !(c === 44 && decimalComma)) return BAD;
  i++;
  let scale = 1;
  let fraction = 0;
  let fractionDigits = 0;
  for (; i < e; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return BAD;
    if (fractionDigits < 12) {
      fraction = fraction * 10 + d;
      scale *= 10;
    }
    fractionDigits++;
  }
  if (digits + fractionDigits === 0 || digits > 15) return BAD;
  return v + fraction / scale;
}

/** A 0/1 flag: 0, 1, EMPTY or BAD. */
export function scanFlag(text: string, s: number, e: number): number {
  if (s >= e) return EMPTY;
  if (e - s !== 1) return BAD;
  const c = text.charCodeAt(s);
  return c === 48 ? 0 : c === 49 ? 1 : BAD;
}

/**
 * A year: `2023`, or the CBS period code `2023JJ00` (the whole year). Returns the year (only
 * checked to be 4 digits here), EMPTY or BAD.
 */
export function scanYear(text: string, s: number, e: number): number {
  if (s >= e) return EMPTY;
  const n = e - s;
  if (n !== 4 && n !== 8) return BAD;
  let v = 0;
  for (let i = s; i < s + 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return BAD;
    v = v * 10 + d;
  }
  if (n === 8) {
    // 'JJ00' in any case: J is 74, j is 106, so c | 32 === 106 for both.
    if ((text.charCodeAt(s + 4) | 32) !== 106 || (text.charCodeAt(s + 5) | 32) !== 106) return BAD;
    if (text.charCodeAt(s + 6) !== 48 || text.charCodeAt(s + 7) !== 48) return BAD;
  }
  return v;
}

/**
 * A gestational age in weeks, returned in days: `37` (259), `36.5` (255.5), `37+2` (261).
 * Returns EMPTY or BAD.
 */
export function scanWeeksAsDays(text: string, s: number, e: number, decimalComma: boolean): number {
  if (s >= e) return EMPTY;
  const plus = text.indexOf('+', s);
  if (plus === -1 || plus >= e) {
    const weeks = scanDecimal(text, s, e, decimalComma);
    return weeks < 0 ? weeks : weeks * 7;
  }
  const weeks = scanWhole(text, s, trimEnd(text, s, plus));
  const days = scanWhole(text, trimStart(text, plus + 1, e), e);
  if (weeks < 0 || days < 0 || days > 6) return BAD;
  return weeks * 7 + days;
}

/** Shortens a value for a message. */
export function shown(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return short.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** Why a count field is not a non-negative whole number. */
export function countProblem(raw: string, decimalComma: boolean): string {
  const value = raw.trim();
  if (value === '') return 'is empty; a whole number is required';
  const q = `'${shown(value)}'`;
  if (/^-\s*\d+([.,]\d*)?$/.test(value)) return `${q} is negative; counts must be 0 or more`;
  if (/^\d+[.,]\d+$/.test(value)) {
    if (value.includes(',') && !decimalComma) return `${q} is not a whole number (and a decimal comma is only allowed in semicolon-separated files)`;
    return `${q} is not a whole number; counts must be whole numbers, written without decimals or thousands separators`;
  }
  if (/^\d{16,}$/.test(value)) return `${q} is too large`;
  return `${q} is not a whole number`;
}

/** Why a decimal field (weight, age, weeks) could not be read. */
export function decimalProblem(raw: string, decimalComma: boolean, what: string): string {
  const value = raw.trim();
  const q = `'${shown(value)}'`;
  if (/^-\s*\d/.test(value)) return `${q} is negative`;
  if (/^\d+,\d+$/.test(value) && !decimalComma) return `${q}: a decimal comma is only allowed in semicolon-separated files; use a decimal point`;
  return `${q} is not ${what}`;
}
