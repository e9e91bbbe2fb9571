/**
 * What of a workspace is kept in the browser (issue 5): only what the user gave it — imported frameworks,
 * the rows each upload wrote, accepted unit-name aliases and the last view. Built-in frameworks and their
 * demo data come from the site on every start, and the DuckDB tables (results, scores) are rebuilt from
 * these records (see README.md: why this and not a DuckDB file in OPFS).
 *
 * The same records make the workspace export file (workspace-file.ts), so a workspace moves to another
 * machine as exactly what it is stored as.
 */
import type { Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';

/** An imported framework. */
export interface StoredFramework {
  id: string;
  framework: Framework;
  /** When it was imported (ms since 1970). */
  at: number;
  /** The files it was read from. */
  files: string[];
}

/** Rows column by column (smaller and faster to store than one object per row); `source` is the upload's file. */
export interface PackedRows {
  unitId: string[];
  kpi: string[];
  month: string[];
  value: (number | null)[];
  target: (number | null)[];
  baseline: (number | null)[];
  adjust: (number | null)[];
  line: number[];
}

export interface UploadCounts {
  /** Usable rows in the file. */
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
}

/** One committed results file: the rows it wrote (new and changed values only), in commit order `seq`. */
export interface StoredUpload {
  id: string;
  seq: number;
  frameworkId: string;
  file: string;
  at: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  counts: UploadCounts;
  rows: PackedRows;
}

/** A unit name the user accepted a suggestion for: `normalizeUnitName(name)` → unit code. */
export interface StoredAlias {
  key: string;
  name: string;
  unitId: string;
  at: number;
}

export interface StoredWorkspace {
  frameworks: StoredFramework[];
  uploads: StoredUpload[];
  aliases: StoredAlias[];
  /** The last view's URL search (`?f=…&p=…`), or null. */
  view: string | null;
}

export const EMPTY_WORKSPACE: StoredWorkspace = Object.freeze({
  frameworks: [],
  uploads: [],
  aliases: [],
  view: null
});

export interface WorkspaceStore {
  readonly kind: 'indexeddb' | 'memory';
  load(): Promise<StoredWorkspace>;
  putFramework(record: StoredFramework): Promise<void>;
  removeFramework(id: string): Promise<void>;
  addUpload(upload: StoredUpload): Promise<void>;
  removeUpload(id: string): Promise<void>;
  putAlias(alias: StoredAlias): Promise<void>;
  removeAlias(key: string): Promise<void>;
  putView(search: string): Promise<void>;
  /** Replaces everything (importing a workspace; clearing it with EMPTY_WORKSPACE). */
  replace(workspace: StoredWorkspace): Promise<void>;
}

export function packRows(rows: readonly ResultRow[]): PackedRows {
  return {
    unitId: rows.map((r) => r.unitId),
    kpi: rows.map((r) => r.kpi),
    month: rows.map((r) => r.month),
    value: rows.map((r) => r.value),
    target: rows.map((r) => r.target),
    baseline: rows.map((r) => r.baseline),
    adjust: rows.map((r) => r.adjust),
    line: rows.map((r) => r.line)
  };
}

export function unpackRows(packed: PackedRows, source: string): ResultRow[] {
  return packed.unitId.map((unitId, i) => ({
    unitId,
    kpi: packed.kpi[i],
    month: packed.month[i],
    value: packed.value[i],
    target: packed.target[i],
    baseline: packed.baseline[i],
    adjust: packed.adjust[i],
    source,
    line: packed.line[i]
  }));
}

/** A new upload id: time and a random part (unique enough within one browser). */
export function newUploadId(at: number): string {
  return `${at.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** A store in memory: for tests, and when the browser offers no IndexedDB (nothing survives a reload then). */
export class MemoryStore implements WorkspaceStore {
  readonly kind = 'memory' as const;
  private data: StoredWorkspace = copy(EMPTY_WORKSPACE);
  /** Set to make the next write fail (tests of all-or-nothing imports). */
  failNextWrite: Error | null = null;

  private write(): void {
    const failure = this.failNextWrite;
    if (failure) {
      this.failNextWrite = null;
      throw failure;
    }
  }

  async load(): Promise<StoredWorkspace> {
    return copy(this.data);
  }
  async putFramework(record: StoredFramework): Promise<void> {
    this.write();
    this.data.frameworks = [...this.data.frameworks.filter((f) => f.id !== record.id), copy(record)];
  }
  async removeFramework(id: string): Promise<void> {
    this.write();
    this.data.frameworks = this.data.frameworks.filter((f) => f.id !== id);
  }
  async addUpload(upload: StoredUpload): Promise<void> {
    this.write();
    this.data.uploads = [...this.data.uploads, copy(upload)];
  }
  async removeUpload(id: string): Promise<void> {
    this.write();
    this.data.uploads = this.data.uploads.filter((u) => u.id !== id);
  }
  async putAlias(alias: StoredAlias): Promise<void> {
    this.write();
    this.data.aliases = [...this.data.aliases.filter((a) => a.key !== alias.key), copy(alias)];
  }
  async removeAlias(key: string): Promise<void> {
    this.write();
    this.data.aliases = this.data.aliases.filter((a) => a.key !== key);
  }
  async putView(search: string): Promise<void> {
    this.write();
    this.data.view = search;
  }
  async replace(workspace: StoredWorkspace): Promise<void> {
    this.write();
    this.data = copy(workspace);
  }
}
