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
import type { PackedResults, ResultColumns } from '../domain/results';

/** An imported framework. */
export interface StoredFramework {
  id: string;
  framework: Framework;
  /** When it was imported (ms since 1970). */
  at: number;
  /** The files it was read from. */
  files: string[];
}

/**
 * An upload's rows (`source` is the upload's file): column by column, or as DuckDB packed them when it read the
 * file (read with `columnsOf`, src/lib/sql/results-import.ts). The workspace file always has columns.
 */
export type PackedRows = ResultColumns | PackedResults;

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
  /**
   * `workspaceSignature` of what is stored, without reading the uploads' rows (a national upload's are
   * 263 000; a tab checks this before and after every change).
   */
  signature(): Promise<string>;
}

/** Which records a workspace holds: frameworks (id and time), uploads (id) and aliases — not their rows. */
export interface WorkspaceIndex {
  frameworks: readonly Pick<StoredFramework, 'id' | 'at'>[];
  uploadIds: readonly string[];
  aliases: readonly Pick<StoredAlias, 'key' | 'unitId'>[];
}

/** A text that changes whenever another tab adds, replaces or removes a record (see `WorkspaceIndex`). */
export function indexSignature(index: WorkspaceIndex): string {
  const sorted = (keys: string[]) => keys.sort().join('\u0001');
  return [
    sorted(index.frameworks.map((f) => `${f.id}\u0000${f.at}`)),
    sorted([...index.uploadIds]),
    sorted(index.aliases.map((a) => `${a.key}\u0000${a.unitId}`))
  ].join('\u0002');
}

export function workspaceSignature(saved: StoredWorkspace): string {
  return indexSignature({
    frameworks: saved.frameworks,
    uploadIds: saved.uploads.map((u) => u.id),
    aliases: saved.aliases
  });
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
  async signature(): Promise<string> {
    return workspaceSignature(this.data);
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
