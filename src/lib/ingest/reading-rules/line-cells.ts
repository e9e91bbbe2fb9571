/**
 * The KPI, month and figures of a line, a part of the reading rules (../reading-rules.ts): KPIs that take
 * results (leaves, not composites: `resolveKpi`), the framework's month window (`monthScopeOf`,
 * `resolveMonth`), the figures (`readFigures` on `readNumber`) and the numbers DuckDB may parse itself
 * (`PLAIN_NUMBER_SQL`).
 */
import type { Framework, Kpi } from '../../domain/framework';
import { readNumber } from '../../domain/numbers';
import {
  ambiguousMonthReason,
  monthLabel,
  parseMonth,
  periodLabel,
  periodsOfFramework
} from '../../domain/periods';
import { stripInvisible } from '../../domain/thai-text';
import { NUMBER_ROLES, compositeReason, headerText, kpiKey, type KpiCatalog } from './header-names';
import type { NumberColumns } from './layout';
import type { Problem } from './problems';

/**
 * A KPI cell → the framework's KPI that takes results (a leaf: not a composite, not a KPI with sub-items), or
 * the problem. `text` is the cell after `stripInvisible`.
 */
export function resolveKpi(
  text: string,
  column: string,
  catalog: KpiCatalog,
  framework: Framework
): { ok: true; kpi: Kpi } | { ok: false; problem: Problem } {
  const key = kpiKey(text);
  if (key === '') return { ok: false, problem: { column, reason: 'ไม่ได้ระบุตัวชี้วัด' } };
  const kpi = catalog.byKey.get(key);
  if (!kpi) {
    return {
      ok: false,
      problem: { column, reason: `ไม่รู้จักตัวชี้วัด "${stripInvisible(text)}" ในกรอบ "${framework.name}"` }
    };
  }
  const composite = compositeReason(kpi, catalog);
  return composite ? { ok: false, problem: { column, reason: composite } } : { ok: true, kpi };
}

/** The months a framework covers and its scope's name (`รอบการประเมินที่ 2 ปีงบประมาณ 2565`). */
export interface MonthScope {
  months: ReadonlySet<string>;
  label: string;
}

/** The framework's month window: the months of its whole period (fiscal year, round or quarter). */
export function monthScopeOf(framework: Framework): MonthScope | null {
  const periods = periodsOfFramework(framework.fiscalYear, framework.period ?? null);
  const whole = periods.at(-1);
  if (!whole) return null;
  const first = monthLabel(whole.months[0], 'th', 'short');
  const last = monthLabel(whole.months[whole.months.length - 1], 'th', 'short');
  return { months: new Set(whole.months), label: `${periodLabel(whole, 'th', 'long')}: ${first} – ${last}` };
}

/** A month cell (after `stripInvisible`) → ISO month, or the problem; `scope`: the window it must be in. */
export function resolveMonth(
  text: string,
  column: string,
  scope: MonthScope | null = null
): { ok: true; month: string } | { ok: false; problem: Problem } {
  if (text === '') return { ok: false, problem: { column, reason: 'ไม่ได้ระบุเดือน' } };
  const month = parseMonth(text);
  if (month !== null && scope !== null && !scope.months.has(month)) {
    return {
      ok: false,
      problem: {
        column,
        reason: `เดือน ${monthLabel(month, 'th', 'short')} ("${text}") อยู่นอกช่วงของกรอบการประเมิน (${scope.label})`
      }
    };
  }
  if (month !== null) return { ok: true, month };
  return {
    ok: false,
    problem: {
      column,
      reason: ambiguousMonthReason(text) ?? `อ่านเดือนไม่ได้: "${text}" (เขียนเช่น 2567-04, 04/2567 หรือ เม.ย. 67)`
    }
  };
}

export interface Figures {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

/** The figures of a line (`readNumber` on each number column); `percent`: the value was written with `%`. */
export function readFigures(
  cells: readonly string[],
  columns: NumberColumns,
  header: readonly string[]
): { values: Figures; percent: boolean; problems: Problem[] } {
  const values: Figures = { value: null, target: null, baseline: null, adjust: null };
  const problems: Problem[] = [];
  let percent = false;
  for (const role of NUMBER_ROLES) {
    const index = columns[role];
    if (index === undefined) continue;
    const parsed = readNumber(cells[index] ?? '');
    if (parsed.ok) {
      values[role] = parsed.value;
      if (role === 'value') percent = parsed.percent;
    } else {
      const column = headerText(header, index);
      problems.push({ column, reason: `คอลัมน์ "${column}": ${parsed.reason}` });
    }
  }
  return { values, percent, problems };
}

/**
 * Numbers DuckDB may parse itself (a DuckDB regular expression, for `regexp_full_match` on the raw cell): what
 * `readNumber` reads as `Number(text)` with no `%` (an optional minus, ≤ 15 + 15 digits). Every other number
 * cell goes through `readNumber` (reading-rules.test.ts checks the two agree).
 */
export const PLAIN_NUMBER_SQL = '-?[0-9]{1,15}([.][0-9]{1,15})?';
