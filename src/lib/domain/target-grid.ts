/**
 * Per-unit targets as the letters print them (issue 14): a grid of units × KPIs, one cell per unit's target
 * (or baseline) that holds for every month, edited cell by cell or pasted as a block from Excel (tab-separated
 * lines). A pasted cell that is not a number is refused with its line and column, never guessed; an empty one
 * removes the target. Month-specific targets are kept as they are. Pure.
 */
import type { Framework, Kpi, UnitTarget } from './framework';
import { readPastedBlock, sameUnit, type PasteProblem } from './grid-paste';
import { unitsInScope } from './units';

export type { PasteProblem } from './grid-paste';

export type GridField = 'target' | 'baseline';

export interface GridColumn {
  kpi: string;
  field: GridField;
}

/** The columns: a target for each KPI measured against one, a baseline for growth, and any already set. */
export function gridColumns(fw: Framework): GridColumn[] {
  const columns: GridColumn[] = [];
  const has = (kpi: Kpi, field: GridField) =>
    fw.targets.some((target) => target.kpi === kpi.kpi && target.month === null && target[field] !== null);
  for (const kpi of fw.kpis) {
    if (kpi.measure === 'combine') continue;
    if (kpi.measure === 'pct_of_target' || has(kpi, 'target'))
      columns.push({ kpi: kpi.kpi, field: 'target' });
    if (kpi.measure === 'growth_pct' || has(kpi, 'baseline'))
      columns.push({ kpi: kpi.kpi, field: 'baseline' });
  }
  return columns;
}

/** The units of the grid's rows: the framework's (its province's districts, or the provinces), by name. */
export function gridUnits(fw: Pick<Framework, 'province'>): string[] {
  return unitsInScope(fw.province).map((unit) => unit.name);
}

/** A unit's every-month value of a column, or null. */
export function gridValue(fw: Framework, unit: string, column: GridColumn): number | null {
  const target = fw.targets.find((t) => t.kpi === column.kpi && t.month === null && sameUnit(t.unit, unit));
  return target?.[column.field] ?? null;
}

/** The framework with one cell of the grid set (null clears it; a target row left empty goes). */
export function setGridValue(
  fw: Framework,
  unit: string,
  column: GridColumn,
  value: number | null
): Framework {
  const index = fw.targets.findIndex(
    (t) => t.kpi === column.kpi && t.month === null && sameUnit(t.unit, unit)
  );
  const targets = [...fw.targets];
  if (index < 0) {
    if (value === null) return fw;
    const row: UnitTarget = { kpi: column.kpi, unit, month: null, target: null, baseline: null };
    targets.push({ ...row, [column.field]: value });
  } else {
    const row = { ...targets[index], [column.field]: value };
    if (row.target === null && row.baseline === null) targets.splice(index, 1);
    else targets[index] = row;
  }
  return { ...fw, targets };
}

/**
 * A block pasted from Excel at (`unitIndex`, `columnIndex`) of the grid (grid-paste.ts); nothing is applied
 * when any cell is refused.
 */
export function pasteIntoGrid(
  fw: Framework,
  text: string,
  at: { unitIndex: number; columnIndex: number }
): { framework: Framework; problems: PasteProblem[]; cells: number } {
  const columns = gridColumns(fw);
  const { cells, problems } = readPastedBlock(text, gridUnits(fw), columns.length, at);
  if (problems.length > 0) return { framework: fw, problems, cells: 0 };
  let out = fw;
  for (const cell of cells) out = setGridValue(out, cell.unit, columns[cell.column], cell.value);
  return { framework: out, problems, cells: cells.length };
}
