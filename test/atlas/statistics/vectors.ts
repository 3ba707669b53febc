// Shared helpers for the statistics tests: reading the reference vectors from
// test/fixtures/vectors/ and comparing numbers with a relative tolerance while recording the
// largest error seen (printed per file so it can be reported).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

export const VECTOR_DIR = fileURLToPath(new URL('../../fixtures/vectors/', import.meta.url));

export type Row = Record<string, string>;

export function readVectors(file: string): Row[] {
  const text = readFileSync(VECTOR_DIR + file, 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
}

/** '' → null, otherwise the number (NaN for 'NA'). */
export function cell(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  return Number(value);
}

/** '' → NaN, otherwise the number. */
export function num(value: string | undefined): number {
  return value === undefined || value === '' ? Number.NaN : Number(value);
}

export const RELATIVE_TOLERANCE = 1e-9;

/** Tracks the largest relative error per label. */
export class ErrorTracker {
  readonly max = new Map<string, { error: number; checks: number }>();

  record(label: string, error: number): void {
    const entry = this.max.get(label) ?? { error: 0, checks: 0 };
    entry.checks++;
    if (error > entry.error) entry.error = error;
    this.max.set(label, entry);
  }

  report(file: string): void {
    for (const [label, { error, checks }] of this.max) {
      console.log(`[vectors] ${file} ${label}: ${checks} values, max relative error ${error.toExponential(2)}`);
    }
  }
}

export function relativeError(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * Expects `actual` to equal the vector cell `expected` ('' = NA = null) within the
 * relative tolerance, recording the error under `label`.
 */
export function expectCell(
  tracker: ErrorTracker,
  label: string,
  actual: number | null,
  expected: string | undefined,
  context: string,
  tolerance = RELATIVE_TOLERANCE,
): void {
  const e = cell(expected);
  if (e === null) {
    expect(actual, `${context}: expected NA`).toBeNull();
    return;
  }
  expect(actual, `${context}: expected ${expected}`).not.toBeNull();
  const error = relativeError(actual as number, e);
  tracker.record(label, error);
  expect(error, `${context}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance);
}

/**
 * For vector files whose numbers were printed rounded: the tolerance is half a unit in the
 * last printed digit (plus 1e-9 relative for the representation), and the relative error
 * is recorded for the report.
 */
export function expectPrinted(
  tracker: ErrorTracker,
  label: string,
  actual: number,
  printed: string,
  context: string,
): void {
  const expected = Number(printed);
  const mantissa = printed.toLowerCase().split('e');
  const decimals = (mantissa[0]!.split('.')[1] ?? '').length;
  const exponent = mantissa[1] === undefined ? 0 : Number(mantissa[1]);
  const halfUnit = 0.5 * 10 ** (exponent - decimals);
  tracker.record(label, relativeError(actual, expected));
  expect(Math.abs(actual - expected), `${context}: got ${actual}, expected ${printed}`).toBeLessThanOrEqual(
    halfUnit * (1 + 1e-9) + Math.abs(expected) * RELATIVE_TOLERANCE,
  );
}
