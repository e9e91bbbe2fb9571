/** The fast ingest path measured on the baseline page (filled in once src/lib/ingest/fast-results.ts exists). */
import type { Framework } from '../../src/lib/domain/framework';
import type { Period } from '../../src/lib/domain/periods';
import type { Workspace } from '../../src/lib/scoring/workspace';
import type { BenchDb } from './entry';

export async function fastPipelines(_: {
  db: BenchDb;
  workspace: Workspace;
  framework: Framework;
  bytes: Uint8Array;
  periods: Period[];
}): Promise<unknown> {
  return null;
}
