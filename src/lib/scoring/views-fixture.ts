/**
 * A small framework for the missions, misses and district query tests, scored by hand.
 * ฉะเชิงเทรา, FY2565 round 2 (months 2565-04 … 2565-09 = 2022-04 … 2022-09):
 * - `a` (group G1, weight 60, target level 4): value ≥ 100/90/80/70/60 → level 5…1
 * - `b` (group G2, weight 40): value ≤ 10/20/30/40/50 → level 5…1 (lower is better); บางปะกง's own level 5 is ≤ 8
 * - `c` (group G2, weight 0): count of `c1`, `c2` at their top (2 points at ≥ 10, 1 at ≥ 5), banded ≥ 2/1 → 2/1
 *
 * | month   | บางคล้า               | บางปะกง        | เมืองฉะเชิงเทรา |
 * |---------|----------------------|---------------|---------------|
 * | 2022-04 | a 95                 | a 95          | a 50          |
 * | 2022-05 | –  (nobody reports)  | –             | –             |
 * | 2022-06 | a 95                 | a 95          | a 50          |
 * | 2022-07 | a 95                 | a 85          | a 50          |
 * | 2022-08 | a 95                 | a 80          | a 50          |
 * | 2022-09 | a 95, b 15, c1 10, c2 6 | a 85, b 9  | a 50, b 60    |
 *
 * September: a — บางคล้า 4 (meets target 4), บางปะกง 3 (miss since July), เมือง below (miss since June:
 * May had no results at all); b — บางคล้า 4, บางปะกง 4 (9 > its own 8), เมือง below; c — บางคล้า 1 (c1 top,
 * c2 not), others missing (c1, c2 not reported). The other 8 districts report nothing.
 */
import type { Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { band, composite, framework, item, kpi, ladder, result, unit } from './testing';

export const VIEWS_FIXTURE_ID = 'views-missions-fixture';
export const BANGKHLA = unit('บางคล้า');
export const BANGPAKONG = unit('บางปะกง');
export const MUEANG = unit('เมืองฉะเชิงเทรา');

export function viewsFramework(): Framework {
  return framework(
    VIEWS_FIXTURE_ID,
    [
      kpi('a', { group: 'G1', weight: 60, targetLevel: '4', unitLabel: 'ครั้ง' }),
      kpi('b', { group: 'G2', weight: 40, unitLabel: 'ครัวเรือน' }),
      composite('c', 'count_top', { group: 'G2', weight: 0 }),
      item('c1', 'c', { group: 'G2' }),
      item('c2', 'c', { group: 'G2' })
    ],
    [
      ...ladder('a', '>=', [100, 90, 80, 70, 60]),
      ...ladder('b', '<=', [10, 20, 30, 40, 50]),
      band('b', 5, 5, '<=', 8, null, 'บางปะกง'),
      ...ladder('c', '>=', [2, 1]),
      ...ladder('c1', '>=', [10, 5], { points: [2, 1], levels: ['2', '1'] }),
      ...ladder('c2', '>=', [10, 5], { points: [2, 1], levels: ['2', '1'] })
    ]
  );
}

export function viewsResults(): ResultRow[] {
  const rows: ResultRow[] = [];
  const a: Record<string, number[]> = {
    บางคล้า: [95, 95, 95, 95, 95],
    บางปะกง: [95, 95, 85, 80, 85],
    เมืองฉะเชิงเทรา: [50, 50, 50, 50, 50]
  };
  const months = ['2022-04', '2022-06', '2022-07', '2022-08', '2022-09'];
  for (const [name, values] of Object.entries(a)) {
    values.forEach((value, i) => rows.push(result(name, 'a', months[i], value)));
  }
  rows.push(
    result('บางคล้า', 'b', '2022-09', 15),
    result('บางปะกง', 'b', '2022-09', 9),
    result('เมืองฉะเชิงเทรา', 'b', '2022-09', 60),
    result('บางคล้า', 'c1', '2022-09', 10),
    result('บางคล้า', 'c2', '2022-09', 6)
  );
  return rows;
}
