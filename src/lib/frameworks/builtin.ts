/**
 * The built-in frameworks: the rules of the five seed letters, as JSON data in ./builtin/ (one file per
 * framework, the `Framework` model of src/lib/domain/framework.ts). Adding one = adding a JSON file here
 * and to the list below; no scoring code changes.
 */
import type { Framework } from '../domain/framework';
import { readFrameworkJson } from '../ingest/framework-files';
import buriram from './builtin/buriram-2567-q4.json';
import cddStaff from './builtin/cdd-staff-2565.json';
import chachoengsao from './builtin/chachoengsao-2565-r2.json';
import chaiyaphum from './builtin/chaiyaphum-2562-r1.json';
import sakaeo from './builtin/sakaeo-2567-r1.json';

/** In the order the app offers them (the first is the one the app opens on). */
const SOURCES: { file: string; data: unknown }[] = [
  { file: 'chachoengsao-2565-r2.json', data: chachoengsao },
  { file: 'buriram-2567-q4.json', data: buriram },
  { file: 'sakaeo-2567-r1.json', data: sakaeo },
  { file: 'chaiyaphum-2562-r1.json', data: chaiyaphum },
  { file: 'cdd-staff-2565.json', data: cddStaff }
];

function load({ file, data }: { file: string; data: unknown }): Framework {
  const read = readFrameworkJson(file, JSON.stringify(data));
  if (!read.framework) {
    const first = read.issues.find((issue) => issue.severity === 'error');
    throw new Error(`built-in framework ${file} is not valid: ${first?.where}: ${first?.message}`);
  }
  return read.framework;
}

export const BUILTIN_FRAMEWORKS: readonly Framework[] = SOURCES.map(load);

export function builtinFramework(id: string): Framework | undefined {
  return BUILTIN_FRAMEWORKS.find((framework) => framework.id === id);
}

/** File name of a built-in framework's demo results (in static/demo/, served at /demo/). */
export function demoFileName(frameworkId: string): string {
  return `${frameworkId}.csv`;
}
