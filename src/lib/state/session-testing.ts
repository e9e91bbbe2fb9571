/**
 * The two ways a session reads results files, for its tests: the page's reader (a worker in the browser;
 * here the same code on this thread) with rows in JS, and DuckDB's own reader (src/lib/ingest/fast-results.ts)
 * into temp tables — what the browser does when its DuckDB takes files. Native DuckDB stands for both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTempFileRegistry } from '../db/node-files';
import { openNodeNativeDb } from '../db/node-native';
import type { Db } from '../db/types';
import type { Framework } from '../domain/framework';
import type { WorkspaceStore } from '../persist/stored';
import type { SessionDeps } from './session.svelte';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const READER_MODES = ['the page reader', 'DuckDB reads the files'] as const;
export type ReaderMode = (typeof READER_MODES)[number];

/** Opens native DuckDB (with files when `mode` says so); what to close afterwards goes into `opened`. */
export async function openTestDb(mode: ReaderMode, opened: { close(): Promise<void> }[]): Promise<Db> {
  const db = await openNodeNativeDb();
  opened.push(db);
  if (mode === 'the page reader') return db;
  const files = await openTempFileRegistry();
  opened.push(files);
  return { ...db, files };
}

/**
 * What a test session needs: native DuckDB read `mode`'s way, the demo files from static/, `store`, a fixed
 * clock — and the built-in frameworks, all five unless `catalogue` names fewer (a test about one framework
 * need not load and score the demo data of the other four).
 */
export function testSessionDeps(
  store: WorkspaceStore,
  mode: ReaderMode,
  opened: { close(): Promise<void> }[],
  catalogue?: readonly Framework[]
): SessionDeps {
  return {
    ...(catalogue ? { catalogue } : {}),
    openDb: () => openTestDb(mode, opened),
    fetchText: async (file) => readFileSync(path.join(root, 'static', file), 'utf8'),
    openStore: async () => store,
    now: () => 1_656_000_000_000
  };
}
