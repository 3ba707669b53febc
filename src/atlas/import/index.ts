// The import reader: `kansrijk import FILE` minus the database. See docs/import.md.

export { readImportFile } from './read-import-file.ts';
export { formatIssue } from './types.ts';
export type { CountRow, ImportContext, ImportFileKind, ImportIssue, ImportProgress, ParsedImport, ReadImportOptions } from './types.ts';
export { importContextFromAtlas } from './context.ts';
export { BIRTH_COLUMNS, BIRTH_INDICATORS, GA_MAX, GA_MIN_BIRTHS, GA_MIN_PERINATAL, GA_TERM, LATE_CONTACT_DAY } from './birth-file.ts';
export { LONG_COLUMNS } from './long-file.ts';
