/**
 * User files → a `Framework` (DESIGN §9.2): a framework folder (`framework.csv`, `kpis.csv`, `levels.csv`,
 * optional `targets.csv`; framework-csv.ts) or one JSON file (framework-json.ts), and back
 * (framework-write.ts). Every field is written once, in src/lib/domain/framework-fields.ts; how each kind of
 * field is read and written is in framework-codec.ts. Every problem is a `FrameworkIssue` naming the file and
 * line (CSV) or the path in the JSON (`rules.json:kpis[2].weight`); nothing throws.
 *
 * A result carries a framework only when there are no errors: what comes back is always safe to score.
 * Extensions of §9.2 (optional columns, never required): kpis.csv `unit_label`, `min`, `max` (the valid range
 * of a reported value, either may be empty), `how_to_report`, `short_name` (a header-sized name);
 * framework.csv `notes` (separated by ` | `), `source`; `targets.csv` `kpi,unit,month,target,baseline`.
 */
import {
  failed,
  type FrameworkFile,
  type FrameworkReadOptions,
  type FrameworkReadResult
} from './framework-codec';
import { readFolder } from './framework-csv';
import { readJson } from './framework-json';

export { NOTES_SEPARATOR } from '../domain/framework-fields';
export {
  FRAMEWORK_CSV_COLUMNS,
  type FrameworkFile,
  type FrameworkReadOptions,
  type FrameworkReadResult
} from './framework-codec';
export { frameworkToCsvFiles, frameworkToJson } from './framework-write';
export { findJsonSyntaxError } from './json-syntax';

/**
 * Reads a framework folder (files recognised by name, case-insensitive, any folder prefix) or a single JSON
 * file. Other files are ignored with a warning.
 */
export function readFrameworkFiles(
  files: FrameworkFile[],
  options: FrameworkReadOptions = {}
): FrameworkReadResult {
  try {
    return readFolder(Array.isArray(files) ? files : [], options, readFrameworkJson);
  } catch (error) {
    return failed('framework', `อ่านไฟล์ชุดเกณฑ์ไม่สำเร็จ: ${String(error)}`);
  }
}

/** Reads a framework from JSON: the `Framework` interface's keys, or the CSV column names (`fiscal_year`, `levels`). */
export function readFrameworkJson(
  name: string,
  text: string,
  options: FrameworkReadOptions = {}
): FrameworkReadResult {
  const fileName = typeof name === 'string' && name !== '' ? name : 'framework.json';
  try {
    return readJson(fileName, typeof text === 'string' ? text : '', options);
  } catch (error) {
    return failed(fileName, `อ่านไฟล์ JSON ไม่สำเร็จ: ${String(error)}`);
  }
}
