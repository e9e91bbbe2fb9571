/**
 * The editor's preview on real DuckDB (native, as the command line): seed 001's demo results under an edited
 * copy of its rules — the ranks under the draft are what the edited framework itself gives when it is stored
 * and scored, the source's own ranks come alongside, and nothing of the preview stays in the workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { openNodeNativeDb } from '../db/node-native';
import { setBand, setKpi } from '../domain/framework-edit';
import { readResultsText } from '../ingest/results';
import { demoCsv, putDemo } from './demo.testing';
import { PREVIEW_PREFIX, previewLeague } from './framework-preview';
import { Workspace } from './workspace';

const ID = 'chachoengsao-2565-r2';
let db: Db & { close(): Promise<void> };
let workspace: Workspace;

beforeAll(async () => {
  db = await openNodeNativeDb();
  workspace = await Workspace.open(db);
});

afterAll(async () => {
  await db.close();
});

describe('framework editor preview', () => {
  it('ranks the demo results under the draft exactly as the stored edited framework does, beside the source ranks', async () => {
    const source = await putDemo(workspace, ID);
    // T1 counts double and its level 5 needs 101 %: someone moves.
    const t1 = source.kpis.findIndex((kpi) => kpi.kpi === 'T1');
    const level5 = source.bands.findIndex((b) => b.kpi === 'T1' && b.level === '5' && b.unit === null);
    const draft = setBand(setKpi(source, t1, 'weight', 80), level5, 'value', 101);

    const preview = (await previewLeague(workspace, draft, source, ID))!;
    expect(preview.period.id).toBe('FY2565-R2');
    expect(preview.rows).toHaveLength(11);

    // The same draft stored under its own id, with the same results: the same ranks and totals.
    const stored = { ...draft, id: 'edited' };
    await workspace.putFramework(stored);
    await workspace.commit('edited', readResultsText(`${ID}.csv`, demoCsv(ID), { framework: stored }).rows);
    const edited = await workspace.leagueTable('edited', 'FY2565-R2');
    expect(preview.rows.map((r) => [r.unit, r.rank, r.totalPct])).toEqual(
      edited.rows.map((r) => [r.unit, r.rank, r.totalPct])
    );
    const own = await workspace.leagueTable(ID, 'FY2565-R2');
    const ownRank = new Map(own.rows.map((r) => [r.unit, r.rank]));
    expect(preview.rows.every((r) => r.sourceRank === ownRank.get(r.unit))).toBe(true);
    // The change matters: some district's total moves.
    expect(preview.rows.some((r) => r.totalPct !== r.sourcePct)).toBe(true);

    // Nothing of the preview is left: no framework, no results, no scores.
    expect(workspace.framework(`${PREVIEW_PREFIX}${draft.id}`)).toBeUndefined();
    const [{ n }] = await db.query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM results WHERE framework_id LIKE 'preview:%'"
    );
    expect(n).toBe(0);
    const [{ s }] = await db.query<{ s: number }>(
      "SELECT count(*)::INTEGER AS s FROM unit_totals WHERE framework_id LIKE 'preview:%'"
    );
    expect(s).toBe(0);
  });

  it('a draft with errors is not scored', async () => {
    const source = (workspace.framework(ID) ?? (await putDemo(workspace, ID)))!;
    const broken = setKpi(source, 0, 'scale', 'X' as never);
    expect(await previewLeague(workspace, broken, source, ID)).toBeNull();
    expect(workspace.framework(`${PREVIEW_PREFIX}${broken.id}`)).toBeUndefined();
  });
});
