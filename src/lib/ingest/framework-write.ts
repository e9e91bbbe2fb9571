/**
 * A framework back to files, from the field lists (src/lib/domain/framework-fields.ts): one JSON file, or the
 * §9.2 folder. `readFrameworkJson` and `readFrameworkFiles` read both back to the same framework.
 */
import type { Framework } from '../domain/framework';
import { BAND_FIELDS, FRAMEWORK_FIELDS, KPI_FIELDS, TARGET_FIELDS } from '../domain/framework-fields';
import { formatCsv } from './csv';
import { csvTable, jsonRecord, type FrameworkFile } from './framework-codec';

/** The framework's own fields as JSON writes them: single values first, then the list of notes. */
const JSON_HEADER = [
  ...FRAMEWORK_FIELDS.filter((field) => field.kind !== 'notes'),
  ...FRAMEWORK_FIELDS.filter((field) => field.kind === 'notes')
];

/**
 * Pretty, stable JSON: the framework's own fields, then one line per KPI, band and target, keys in the field
 * lists' order. `readFrameworkJson` reads it back.
 */
export function frameworkToJson(fw: Framework): string {
  const line = (row: Record<string, unknown>) =>
    `{ ${Object.entries(row)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(', ')} }`;
  const list = (rows: Record<string, unknown>[]) =>
    rows.length === 0 ? '[]' : `[\n${rows.map((row) => `    ${line(row)}`).join(',\n')}\n  ]`;
  const entries: [string, string][] = [
    ...Object.entries(jsonRecord(JSON_HEADER, fw)).map(([key, value]): [string, string] => [
      key,
      JSON.stringify(value)
    ]),
    ['kpis', list(fw.kpis.map((kpi) => jsonRecord(KPI_FIELDS, kpi)))],
    ['bands', list(fw.bands.map((band) => jsonRecord(BAND_FIELDS, band)))],
    ['targets', list(fw.targets.map((target) => jsonRecord(TARGET_FIELDS, target)))]
  ];
  return `{\n${entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${value}`).join(',\n')}\n}\n`;
}

/**
 * The §9.2 files (`framework.csv`, `kpis.csv`, `levels.csv`, and `targets.csv` when there are targets), UTF-8
 * with a BOM for Excel. Extension columns are written only when used. The files are meant to be edited in a
 * spreadsheet, so a text that would start a formula (`=`, `+`, `-`, `@`) is written with a `'` in front
 * (`escapeFormulaText`), which the reader removes: a round trip gives back exactly the same framework.
 * Numbers are written plainly (`-5` stays a number).
 */
export function frameworkToCsvFiles(fw: Framework): FrameworkFile[] {
  const files: FrameworkFile[] = [
    { name: 'framework.csv', text: formatCsv(csvTable(FRAMEWORK_FIELDS, [fw])) },
    { name: 'kpis.csv', text: formatCsv(csvTable(KPI_FIELDS, fw.kpis)) },
    { name: 'levels.csv', text: formatCsv(csvTable(BAND_FIELDS, fw.bands)) }
  ];
  if (fw.targets.length > 0) {
    files.push({ name: 'targets.csv', text: formatCsv(csvTable(TARGET_FIELDS, fw.targets)) });
  }
  return files;
}
