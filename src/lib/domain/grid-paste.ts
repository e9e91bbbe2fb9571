/**
 * A block pasted from Excel into a grid of units × columns (the editor's per-unit targets and bands, issue 14):
 * lines go down the units from the cell pasted into, tab-separated cells go right along the columns; a line
 * whose first cell names a unit goes to that unit. Every cell is read as a number (Thai digits, thousands
 * separators) or empty; one that is not a number, or that falls outside the grid, is a problem with its line
 * and column — the caller then applies nothing. Pure.
 */
import { parseNumber } from './numbers';
import { normalizeUnitName } from './units';

export interface PasteProblem {
  /** 1-based line and column of the pasted block. */
  line: number;
  column: number;
  reason: string;
}

export interface PastedCell {
  unit: string;
  column: number;
  value: number | null;
}

export function sameUnit(a: string, b: string): boolean {
  return normalizeUnitName(a) === normalizeUnitName(b);
}

export function readPastedBlock(
  text: string,
  units: readonly string[],
  columns: number,
  at: { unitIndex: number; columnIndex: number }
): { cells: PastedCell[]; problems: PasteProblem[] } {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const problems: PasteProblem[] = [];
  const cells: PastedCell[] = [];
  lines.forEach((line, l) => {
    let row = line.split('\t');
    let unit: string | undefined = units[at.unitIndex + l];
    const named = units.find((name) => sameUnit(name, row[0] ?? ''));
    if (named && row.length > 1) {
      unit = named;
      row = row.slice(1);
    }
    row.forEach((cell, c) => {
      const column = at.columnIndex + c;
      const where = { line: l + 1, column: c + 1 };
      if (!unit || column >= columns) {
        if (cell.trim() !== '') problems.push({ ...where, reason: 'อยู่นอกตาราง (เกินจำนวนหน่วยหรือคอลัมน์)' });
        return;
      }
      const parsed = parseNumber(cell);
      if (!parsed.ok) problems.push({ ...where, reason: `"${cell.trim()}": ${parsed.reason}` });
      else cells.push({ unit, column, value: parsed.value });
    });
  });
  return { cells, problems };
}
