/**
 * Scoring a workspace's periods (workspace.ts), over its `Db`: every stored period of a framework in one
 * query, or only some of them (the others' scores stay), KPI scores then unit totals (src/lib/sql/scoring.ts).
 * Which periods are pending is the workspace's to keep; these run inside its queue of changes.
 */
import type { Framework } from '../domain/framework';
import { deriveKpiFacts } from '../domain/framework-validate';
import { parsePeriodId } from '../domain/periods';
import type { Db } from '../db/types';
import { CLEAR_SCORES_SQL, clearPeriodScoresSql, scoreKpisSql, unitTotalsSql } from '../sql/scoring';
import { PERIODS_SQL } from '../sql/workspace';

/** The depths at which the framework has composites (0 = top level), one per composite. */
export function compositeDepths(framework: Framework): number[] {
  const facts = deriveKpiFacts(framework);
  return framework.kpis
    .filter((kpi) => kpi.measure === 'combine')
    .map((kpi) => facts.get(kpi.kpi)?.depth ?? 0);
}

function scoringOptions(framework: Framework): { unitTargets: boolean } {
  return { unitTargets: framework.targets.length > 0 };
}

/** The ids of a framework's stored periods. */
export async function storedPeriodIds(db: Db, frameworkId: string): Promise<string[]> {
  const rows = await db.query<{ period_id: string }>(PERIODS_SQL, [frameworkId]);
  return rows.map((row) => row.period_id);
}

/** Scores every stored period of the framework in one query (its scores are replaced). */
export async function scoreAllPeriods(db: Db, framework: Framework): Promise<void> {
  const depths = compositeDepths(framework);
  for (const statement of CLEAR_SCORES_SQL) await db.query(statement, [framework.id]);
  await db.query(scoreKpisSql(depths, null, scoringOptions(framework)), [framework.id]);
  await db.query(unitTotalsSql(), [framework.id]);
}

/** Scores the given stored periods (their ids, each once, all of them stored); the others' scores stay. */
export async function scoreSomePeriods(db: Db, framework: Framework, ids: readonly string[]): Promise<void> {
  const depths = compositeDepths(framework);
  const months = [...new Set(ids.flatMap((id) => parsePeriodId(id)?.months ?? []))];
  for (const statement of clearPeriodScoresSql(ids)) await db.query(statement, [framework.id]);
  const options = scoringOptions(framework);
  await db.query(scoreKpisSql(depths, { periodIds: ids, months }, options), [framework.id]);
  await db.query(unitTotalsSql(ids), [framework.id]);
}
