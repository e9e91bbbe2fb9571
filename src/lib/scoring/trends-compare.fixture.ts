/**
 * A tiny framework for the trends and compare query tests, small enough to score by hand.
 * ฉะเชิงเทรา, FY2565 round 2 (months 2565-04 … 2565-09 = 2022-04 … 2022-09):
 * - `a` (group G1, weight 60): value ≥ 100/90/80/70/60 → level 5…1 (higher is better)
 * - `b` (group G2, weight 40): value ≤ 10/20/30/40/50 → level 5…1 (lower is better); บางปะกง's own
 *   level 5 is ≤ 8
 * - `c` (no weight, so weight 0): sum of the points of `c1` and `c2` (each 2 points at ≥ 10, 1 at ≥ 5),
 *   banded ≥ 4/3/2/1 → level 4…1
 * Results (the other 8 districts report nothing):
 *
 * | month   | บางคล้า            | บางปะกง    | เมืองฉะเชิงเทรา |
 * |---------|-------------------|-----------|---------------|
 * | 2022-04 | a 95, b 15, c1 10, c2 5 | a 100, b 5 | a 75 |
 * | 2022-05 | a 85, b 25, c1 6  | –         | a 65, b 45    |
 * | 2022-06 | a 50, b 60        | a 90, b 10 | a 72, b 42    |
 * | 2021-06 | a 100 (last year) | –         | –             |
 */
import type { Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { band, composite, framework, item, kpi, ladder, result } from './testing';
import type { Workspace } from './workspace';

export const FIXTURE_ID = 'views-fixture';

export function fixtureFramework(): Framework {
  return framework(
    FIXTURE_ID,
    [
      kpi('a', { group: 'G1', weight: 60 }),
      kpi('b', { group: 'G2', weight: 40 }),
      composite('c', 'sum', { group: 'G2' }),
      item('c1', 'c'),
      item('c2', 'c')
    ],
    [
      ...ladder('a', '>=', [100, 90, 80, 70, 60]),
      ...ladder('b', '<=', [10, 20, 30, 40, 50]),
      band('b', 5, 5, '<=', 8, null, 'บางปะกง'),
      ...ladder('c', '>=', [4, 3, 2, 1]),
      ...ladder('c1', '>=', [10, 5], { points: [2, 1], levels: ['2', '1'] }),
      ...ladder('c2', '>=', [10, 5], { points: [2, 1], levels: ['2', '1'] })
    ]
  );
}

export function fixtureResults(): ResultRow[] {
  return [
    result('บางคล้า', 'a', '2022-04', 95),
    result('บางคล้า', 'b', '2022-04', 15),
    result('บางคล้า', 'c1', '2022-04', 10),
    result('บางคล้า', 'c2', '2022-04', 5),
    result('บางปะกง', 'a', '2022-04', 100),
    result('บางปะกง', 'b', '2022-04', 5),
    result('เมืองฉะเชิงเทรา', 'a', '2022-04', 75),
    result('บางคล้า', 'a', '2022-05', 85),
    result('บางคล้า', 'b', '2022-05', 25),
    result('บางคล้า', 'c1', '2022-05', 6),
    result('เมืองฉะเชิงเทรา', 'a', '2022-05', 65),
    result('เมืองฉะเชิงเทรา', 'b', '2022-05', 45),
    result('บางคล้า', 'a', '2022-06', 50),
    result('บางคล้า', 'b', '2022-06', 60),
    result('บางปะกง', 'a', '2022-06', 90),
    result('บางปะกง', 'b', '2022-06', 10),
    result('เมืองฉะเชิงเทรา', 'a', '2022-06', 72),
    result('เมืองฉะเชิงเทรา', 'b', '2022-06', 42),
    result('บางคล้า', 'a', '2021-06', 100)
  ];
}

/** Stores and scores the fixture on a workspace; throws on validation errors. */
export async function loadFixture(workspace: Workspace): Promise<void> {
  const issues = await workspace.putFramework(fixtureFramework());
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0)
    throw new Error(errors.map((issue) => `${issue.where}: ${issue.message}`).join('; '));
  await workspace.commit(FIXTURE_ID, fixtureResults());
  await workspace.ensure(FIXTURE_ID, 'all');
}
