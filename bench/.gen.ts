import { writeFileSync } from 'node:fs';
import { scoreKpisSql } from './.scoring-next';
import { parsePeriodId } from '../src/lib/domain/periods';
const lit = (sql: string) => sql.replace('INSERT INTO kpi_scores\n', '').replaceAll('$1', `'bench-national'`);
const scope = (id: string) => ({ periodIds: [id], months: parsePeriodId(id)!.months });
writeFileSync('/tmp/b6-n-all.sql', lit(scoreKpisSql([0])));
writeFileSync('/tmp/b6-n-fy.sql', lit(scoreKpisSql([0], scope('FY2569'))));
writeFileSync('/tmp/b6-n-m.sql', lit(scoreKpisSql([0], scope('2569-01'))));
