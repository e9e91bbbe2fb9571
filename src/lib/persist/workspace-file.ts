/**
 * The workspace as one file (issue 5: "export the whole workspace to one file and import it on another
 * machine"): JSON holding exactly the stored records (stored.ts) under a format name and version. Reading
 * checks every record's shape and every framework's rules, and never throws.
 */
import type { Framework } from '../domain/framework';
import { readFrameworkJson } from '../ingest/framework-files';
import type { ResultColumns } from '../domain/results';
import { columnsOf } from '../sql/results-import';
import type { StoredAlias, StoredFramework, StoredUpload, StoredWorkspace } from './stored';

export const WORKSPACE_FORMAT = 'scoreboard-workspace';
export const WORKSPACE_VERSION = 1;

export interface WorkspaceFile extends StoredWorkspace {
  format: typeof WORKSPACE_FORMAT;
  version: number;
  exportedAt: string;
}

/** `exportedAt`: ms since 1970. */
export function workspaceToJson(workspace: StoredWorkspace, exportedAt: number): string {
  const file: WorkspaceFile = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    frameworks: workspace.frameworks,
    // Rows kept packed (as DuckDB read them) go into the file as columns, its one row format.
    uploads: workspace.uploads.map((upload) => ({ ...upload, rows: columnsOf(upload.rows) })),
    aliases: workspace.aliases,
    view: workspace.view
  };
  return JSON.stringify(file);
}

export type WorkspaceRead = { ok: true; workspace: StoredWorkspace } | { ok: false; reason: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNumberOrNull = (value: unknown): value is number | null => value === null || isNumber(value);
const isStringOrNull = (value: unknown): value is string | null => value === null || isString(value);

function readFramework(value: unknown, index: number): StoredFramework | string {
  const where = `กรอบการประเมินรายการที่ ${index + 1}`;
  if (!isObject(value) || !isString(value.id) || !isNumber(value.at) || !Array.isArray(value.files)) {
    return `${where}: รูปแบบไม่ถูกต้อง`;
  }
  const read = readFrameworkJson(`${value.id}.json`, JSON.stringify(value.framework ?? null));
  if (!read.framework) {
    const first = read.issues.find((issue) => issue.severity === 'error');
    return `${where} (${value.id}): ${first ? `${first.where}: ${first.message}` : 'อ่านไม่ได้'}`;
  }
  if (read.framework.id !== value.id) return `${where}: รหัสไม่ตรงกัน (${value.id} / ${read.framework.id})`;
  return {
    id: value.id,
    framework: read.framework as Framework,
    at: value.at,
    files: value.files.filter(isString)
  };
}

const ROW_COLUMNS: readonly [keyof ResultColumns, (value: unknown) => boolean][] = [
  ['unitId', isString],
  ['kpi', isString],
  ['month', (v) => isString(v) && /^\d{4}-(0[1-9]|1[0-2])$/.test(v)],
  ['value', isNumberOrNull],
  ['target', isNumberOrNull],
  ['baseline', isNumberOrNull],
  ['adjust', isNumberOrNull],
  ['line', (v) => isNumber(v) && Number.isInteger(v) && v >= 1]
];

function readUpload(value: unknown, index: number): StoredUpload | string {
  const where = `ไฟล์ที่นำเข้ารายการที่ ${index + 1}`;
  if (
    !isObject(value) ||
    !isString(value.id) ||
    !isNumber(value.seq) ||
    !isString(value.frameworkId) ||
    !isString(value.file) ||
    !isNumber(value.at) ||
    (value.format !== 'csv' && value.format !== 'xlsx') ||
    !isStringOrNull(value.encoding ?? null) ||
    !isStringOrNull(value.sheet ?? null) ||
    !isObject(value.counts) ||
    !isObject(value.rows)
  ) {
    return `${where}: รูปแบบไม่ถูกต้อง`;
  }
  const rows = value.rows;
  const length = Array.isArray(rows.unitId) ? rows.unitId.length : -1;
  for (const [column, valid] of ROW_COLUMNS) {
    const cells = rows[column];
    if (!Array.isArray(cells) || cells.length !== length || !cells.every(valid)) {
      return `${where} (${value.file}): คอลัมน์ ${column} ของแถวข้อมูลไม่ถูกต้อง`;
    }
  }
  const counts = value.counts;
  const count = (key: string): number => (isNumber(counts[key]) ? counts[key] : 0);
  return {
    id: value.id,
    seq: value.seq,
    frameworkId: value.frameworkId,
    file: value.file,
    at: value.at,
    format: value.format,
    encoding: (value.encoding as string | null | undefined) ?? null,
    sheet: (value.sheet as string | null | undefined) ?? null,
    counts: {
      rows: count('rows'),
      added: count('added'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      rejected: count('rejected')
    },
    rows: rows as unknown as ResultColumns
  };
}

function readAlias(value: unknown, index: number): StoredAlias | string {
  if (!isObject(value) || !isString(value.key) || !isString(value.name) || !isString(value.unitId)) {
    return `ชื่อที่จับคู่ไว้รายการที่ ${index + 1}: รูปแบบไม่ถูกต้อง`;
  }
  return { key: value.key, name: value.name, unitId: value.unitId, at: isNumber(value.at) ? value.at : 0 };
}

function readAll<T>(list: unknown, read: (value: unknown, index: number) => T | string): T[] | string {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return 'รายการในไฟล์ไม่ใช่อาร์เรย์';
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = read(list[i], i);
    if (typeof item === 'string') return item;
    out.push(item);
  }
  return out;
}

/** Reads a workspace file; a Thai reason when it is not one or any record is broken (then nothing is taken). */
export function readWorkspaceFile(text: string): WorkspaceRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'ไม่ใช่ไฟล์ JSON ที่อ่านได้' };
  }
  if (!isObject(data) || data.format !== WORKSPACE_FORMAT) {
    return { ok: false, reason: `ไม่ใช่ไฟล์พื้นที่ทำงานของกระดานผลงาน (format ต้องเป็น "${WORKSPACE_FORMAT}")` };
  }
  if (!isNumber(data.version) || data.version > WORKSPACE_VERSION) {
    return {
      ok: false,
      reason: `ไฟล์รุ่น ${String(data.version)} ใหม่กว่าที่โปรแกรมนี้อ่านได้ (รุ่น ${WORKSPACE_VERSION})`
    };
  }
  const frameworks = readAll(data.frameworks, readFramework);
  if (typeof frameworks === 'string') return { ok: false, reason: frameworks };
  const uploads = readAll(data.uploads, readUpload);
  if (typeof uploads === 'string') return { ok: false, reason: uploads };
  const aliases = readAll(data.aliases, readAlias);
  if (typeof aliases === 'string') return { ok: false, reason: aliases };
  const view = isString(data.view) ? data.view : null;
  return {
    ok: true,
    workspace: { frameworks, uploads: uploads.sort((a, b) => a.seq - b.seq), aliases, view }
  };
}
