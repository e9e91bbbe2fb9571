/**
 * For tests in Node: a built-in framework with its demo results (static/demo/<id>.csv), stored in a workspace
 * and scored for every period, read by the upload page's reader.
 */
import { readFileSync } from 'node:fs';
import type { Framework } from '../domain/framework';
import { builtinFramework } from '../frameworks/builtin';
import { readResultsText } from '../ingest/results';
import type { Workspace } from './workspace';

/** The text of a built-in framework's demo CSV. */
export function demoCsv(id: string): string {
  return readFileSync(new URL(`../../../static/demo/${id}.csv`, import.meta.url), 'utf8');
}

/** Stores built-in framework `id` and its demo results in `workspace`, scores every period; the framework. */
export async function putDemo(workspace: Workspace, id: string): Promise<Framework> {
  const framework = builtinFramework(id);
  if (!framework) throw new Error(`no built-in framework ${id}`);
  await workspace.putFramework(framework);
  await workspace.commit(id, readResultsText(`${id}.csv`, demoCsv(id), { framework }).rows);
  await workspace.ensure(id, 'all');
  return framework;
}
