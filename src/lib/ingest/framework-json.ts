/**
 * A framework from one JSON file: the `Framework` interface's keys, or the CSV column names (`fiscal_year`,
 * `levels` for the bands), as the field lists say (src/lib/domain/framework-fields.ts). Every problem names
 * the path in the file (`rules.json:kpis[2].weight`) in the file's own spelling of the keys.
 */
import * as v from 'valibot';
import type { Band, Framework, FrameworkIssue, Kpi, UnitTarget } from '../domain/framework';
import {
  BAND_FIELDS,
  FRAMEWORK_FIELDS,
  FRAMEWORK_TABLES,
  KPI_FIELDS,
  TARGET_FIELDS
} from '../domain/framework-fields';
import type { IssueList } from '../domain/issue-list';
import {
  failed,
  finish,
  objectSchema,
  readIssues,
  recordFromJson,
  type FrameworkReadOptions,
  type FrameworkReadResult
} from './framework-codec';
import { findJsonSyntaxError } from './json-syntax';

/** Keys as written in the CSV columns (and `levels` for the bands) → the `Framework` interface's keys. */
const KEY_ALIASES: Record<string, string> = {
  ...Object.fromEntries(
    Object.values(FRAMEWORK_TABLES)
      .flat()
      .filter((field) => field.column !== field.key)
      .map((field) => [field.column, field.key])
  ),
  levels: 'bands'
};

/** The framework's own fields: §9.2's, then the lists, then the extensions (the order issues are found in). */
const HEADER_FIELDS = FRAMEWORK_FIELDS.filter((field) => !field.extension);
const HEADER_EXTENSIONS = FRAMEWORK_FIELDS.filter((field) => field.extension);
const LISTS = { kpis: KPI_FIELDS, bands: BAND_FIELDS, targets: TARGET_FIELDS } as const;

const FRAMEWORK_KEYS = [
  ...HEADER_FIELDS.map((field) => field.key),
  ...Object.keys(LISTS),
  ...HEADER_EXTENSIONS.map((field) => field.key)
];
const ITEM_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(LISTS).map(([list, fields]) => [list, fields.map((field) => field.key)])
);

const frameworkSchema = v.object({
  ...objectSchema(HEADER_FIELDS).entries,
  kpis: v.array(objectSchema(KPI_FIELDS)),
  bands: v.array(objectSchema(BAND_FIELDS)),
  targets: v.optional(v.array(objectSchema(TARGET_FIELDS)), []),
  ...objectSchema(HEADER_EXTENSIONS).entries
});

export function readJson(name: string, text: string, options: FrameworkReadOptions): FrameworkReadResult {
  const issues = readIssues();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { framework: null, issues: [jsonSyntaxIssue(name, source, error)] };
  }
  if (!isPlainObject(data)) {
    return failed(name, `ไฟล์ JSON ต้องเป็นออบเจ็กต์ { … } ของชุดเกณฑ์: ได้ ${kindOf(data)}`);
  }
  const normalized = normalizeKeys(data, name, issues);
  const parsed = v.safeParse(frameworkSchema, normalized.value);
  if (!parsed.success || issues.hasErrors()) {
    for (const issue of parsed.issues ?? []) {
      const path = jsonPath(issue.path, normalized.spelling);
      if (normalized.notObjects.some((bad) => path === bad || path.startsWith(`${bad}.`))) continue;
      issues.error(path ? `${name}:${path}` : name, describeJsonIssue(issue, path));
    }
    return { framework: null, issues: issues.list() };
  }
  const out = parsed.output as Record<string, unknown> &
    Record<keyof typeof LISTS, Record<string, unknown>[]>;
  const bandsKey = normalized.spelling.get('bands') ?? 'bands';
  const locations = {
    framework: name,
    kpis: out.kpis.map((_, i) => `${name}:kpis[${i}]`),
    bands: out.bands.map((_, i) => `${name}:${bandsKey}[${i}]`),
    targets: out.targets.map((_, i) => `${name}:targets[${i}]`)
  };
  const list = (key: keyof typeof LISTS) =>
    out[key].map((item, i) => recordFromJson(LISTS[key], item, locations[key][i], issues));
  const framework = {
    ...recordFromJson(FRAMEWORK_FIELDS, out, name, issues),
    kpis: list('kpis') as unknown as Kpi[],
    bands: list('bands') as unknown as Band[],
    targets: list('targets') as unknown as UnitTarget[]
  } as Framework;
  if (out.fiscalYear === null) issues.error(`${name}:fiscalYear`, 'ไม่มีปีงบประมาณ (fiscalYear) เช่น 2567');
  return finish(framework, issues, locations, options);
}

interface NormalizedJson {
  value: unknown;
  /** Paths of list items that are not objects (already reported), such as `kpis[2]`. */
  notObjects: string[];
  /** Interface key → the key as the file spells it, where they differ (`fiscalYear` → `fiscal_year`). */
  spelling: Map<string, string>;
}

/** Renames CSV-style keys to the interface's, warns about unknown keys (once per key and list). */
function normalizeKeys(data: Record<string, unknown>, name: string, issues: IssueList): NormalizedJson {
  const spelling = new Map<string, string>();
  const notObjects: string[] = [];
  const top = renameKeys(data, FRAMEWORK_KEYS, spelling, (keys) =>
    issues.warning(name, `ไม่รู้จักช่อง ${keys.join(', ')}: ไม่ได้ใช้`)
  );
  for (const list of Object.keys(ITEM_KEYS)) {
    const items = top[list];
    if (!Array.isArray(items)) continue;
    const unknown = new Set<string>();
    const listName = spelling.get(list) ?? list;
    top[list] = items.map((item, i) => {
      if (isPlainObject(item)) {
        return renameKeys(item, ITEM_KEYS[list], spelling, (keys) => keys.forEach((key) => unknown.add(key)));
      }
      const path = `${listName}[${i}]`;
      notObjects.push(path);
      issues.error(`${name}:${path}`, `ช่อง ${path} ต้องเป็นออบเจ็กต์ { … }: ได้ ${kindOf(item)}`);
      return item;
    });
    if (unknown.size > 0) {
      issues.warning(`${name}:${listName}`, `ไม่รู้จักช่อง ${[...unknown].join(', ')} ใน ${listName}: ไม่ได้ใช้`);
    }
  }
  return { value: top, spelling, notObjects };
}

/** A value's kind as valibot words it in `received`: `Array`, `null`, `"text"`, `5`. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'Array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'Object';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

function renameKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  spelling: Map<string, string>,
  onUnknown: (keys: string[]) => void
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    const target = KEY_ALIASES[key] ?? key;
    if (!allowed.includes(target)) {
      unknown.push(key);
      continue;
    }
    if (target !== key) {
      if (Object.hasOwn(object, target)) continue; // both spellings: the interface's wins
      spelling.set(target, key);
    }
    out[target] = value;
  }
  if (unknown.length > 0) onUnknown(unknown);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `kpis[2].weight`, in the file's own spelling of the keys. */
function jsonPath(path: v.BaseIssue<unknown>['path'], spelling: Map<string, string>): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const shown = spelling.get(String(key)) ?? String(key);
      out += out === '' ? shown : `.${shown}`;
    }
  }
  return out;
}

function describeJsonIssue(issue: v.BaseIssue<unknown>, path: string): string {
  const field = path === '' ? 'ไฟล์ JSON' : `ช่อง ${path}`;
  const received = issue.received === 'undefined' ? 'ไม่มีค่า' : issue.received;
  switch (issue.type) {
    case 'object':
      if (issue.received === 'undefined' && path !== '') return `ไม่มี${field}`;
      return `${field} ต้องเป็นออบเจ็กต์ { … }: ได้ ${received}`;
    case 'array':
      return `${field} ต้องเป็นรายการ [ … ]: ได้ ${received}`;
    case 'string':
      return `${field} ต้องเป็นข้อความ: ได้ ${received}`;
    case 'number':
      return `${field} ต้องเป็นตัวเลข: ได้ ${received}`;
    case 'union':
      return `${field} ${issue.message}: ได้ ${received}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

function jsonSyntaxIssue(name: string, text: string, error: unknown): FrameworkIssue {
  const found = findJsonSyntaxError(text);
  if (!found) {
    return { severity: 'error', where: name, message: `อ่านไฟล์ ${name} เป็น JSON ไม่ได้: ${String(error)}` };
  }
  const before = text.slice(0, found.offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = found.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return {
    severity: 'error',
    where: `${name}:${line}`,
    message: `ไฟล์ ${name} ไม่ใช่ JSON ที่ถูกต้อง: ${found.reason} ที่บรรทัด ${line} ตัวอักษรที่ ${column} (ตำแหน่ง ${found.offset})`
  };
}
