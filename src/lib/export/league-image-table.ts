/**
 * The table of the LINE league image (league-image-layout.ts): the columns (rank, movement, name as wide as
 * the longest name needs, total, then a level chip per KPI in as many lines as the chips need), the header
 * with the KPI codes over their chips, and one row per district in the level colours. Pure: text widths
 * come from the caller's `measure`.
 */
import { levelStyle } from '../charts/level-colors';
import { deriveKpiFacts } from '../domain/framework-validate';
import type { StringKey } from '../i18n/strings';
import { formatNumber, type Lang } from '../scoring/kpi-text';
import type { LeagueRow, LeagueTable } from '../scoring/league';
import { COLORS, FONTS as F, INNER, PAD, type ImageItems } from './league-image-paint';
import { fitText, type Font, type Measure } from './league-image-text';

export interface ImageRow {
  unitId: string;
  y: number;
  height: number;
}

export interface TableInput {
  table: LeagueTable;
  t: (key: StringKey) => string;
  lang: Lang;
  measure: Measure;
}

const ROW_MIN = 54;
const CHIP_HEIGHT = 34;
const CHIP_GAP = 3;
const CHIP_MIN = 24;
const CHIP_MAX = 56;
const CODE_MIN = 14;
const COLUMNS = { rank: 56, movement: 72, total: 100, gap: 14 };
/** The name column: as wide as the longest name needs, within these bounds (long names are cut). */
const NAME_MIN = 150;
const NAME_MAX = 250;

type ChipGrid = { chip: number; perLine: number; lines: number };

/** Chips of one row: as many per line as fit in `width`, each `chip` wide. */
export function chipGrid(kpis: number, width: number): ChipGrid {
  if (kpis === 0) return { chip: CHIP_MAX, perLine: 1, lines: 0 };
  const even = Math.floor((width + CHIP_GAP) / kpis) - CHIP_GAP;
  if (even >= CHIP_MIN) return { chip: Math.min(CHIP_MAX, even), perLine: kpis, lines: 1 };
  const perLine = Math.max(1, Math.floor((width + CHIP_GAP) / (CHIP_MIN + CHIP_GAP)));
  return { chip: CHIP_MIN, perLine, lines: Math.ceil(kpis / perLine) };
}

/** Where each column of the table is. */
interface Columns {
  rankRight: number;
  moveLeft: number;
  nameLeft: number;
  nameWidth: number;
  totalRight: number;
  grid: ChipGrid;
  /** The left edge of the chip of the KPI at `index`. */
  chipX: (index: number) => number;
}

function tableColumns({ table, measure }: TableInput): Columns {
  const rankRight = PAD + COLUMNS.rank;
  const moveLeft = rankRight + COLUMNS.gap;
  const nameLeft = moveLeft + COLUMNS.movement;
  const longestName = Math.max(0, ...table.rows.map((row) => measure(row.unit, F.body)));
  const nameWidth = Math.min(NAME_MAX, Math.max(NAME_MIN, Math.ceil(longestName) + 12));
  const totalRight = nameLeft + nameWidth + COLUMNS.total;
  const chipsLeft = totalRight + COLUMNS.gap + 6;
  const chipsWidth = PAD + INNER - chipsLeft;
  const grid = chipGrid(table.kpis.length, chipsWidth);
  const chipX = (index: number) => chipsLeft + (index % grid.perLine) * (grid.chip + CHIP_GAP);
  return { rankRight, moveLeft, nameLeft, nameWidth, totalRight, grid, chipX };
}

/**
 * KPI codes over their chips: the largest size at which every code fits its column; when even the smallest
 * does not, codes alternate between two lines (each then has two columns of room).
 */
function kpiCodeFont(
  codes: string[],
  grid: ChipGrid,
  measure: Measure
): { font: Font; line: number; stagger: boolean } {
  const codeFits = (size: number, room: number) =>
    codes.every((code) => measure(code, { ...F.header, size }) <= room);
  let codeSize = F.header.size;
  while (codeSize > CODE_MIN && !codeFits(codeSize, grid.chip + CHIP_GAP - 2)) codeSize--;
  const stagger = !codeFits(codeSize, grid.chip + CHIP_GAP - 2);
  if (stagger) {
    codeSize = F.header.size;
    while (codeSize > CODE_MIN && !codeFits(codeSize, 2 * (grid.chip + CHIP_GAP) - 4)) codeSize--;
  }
  return { font: { ...F.header, size: codeSize }, line: codeSize + 6, stagger };
}

/** The header from `y` on: column names and the KPI codes, then a rule; the y under it. */
function tableHeader(
  items: ImageItems,
  { table, t, measure }: TableInput,
  cols: Columns,
  top: number
): number {
  const { grid } = cols;
  const codes = table.kpis.map((kpi) => kpi.kpi);
  const code = kpiCodeFont(codes, grid, measure);
  let y = top;
  const headerHeight = 12 + Math.max(1, grid.lines) * (code.stagger ? 2 : 1) * code.line;
  const headerBase = y + headerHeight - 10;
  items.text(t('rank'), cols.rankRight, headerBase, F.header, COLORS.muted, 'right');
  items.text(t('lineImageMove'), cols.moveLeft, headerBase, F.header, COLORS.muted);
  items.text(
    t(table.framework.province === null ? 'lineImageProvinceHeader' : 'unit'),
    cols.nameLeft,
    headerBase,
    F.header,
    COLORS.muted
  );
  items.text(t('total'), cols.totalRight, headerBase, F.header, COLORS.muted, 'right');
  const stagger = code.stagger;
  codes.forEach((kpi, index) => {
    const line =
      Math.floor(index / grid.perLine) * (stagger ? 2 : 1) + (stagger ? (index % grid.perLine) % 2 : 0);
    const room = stagger ? 2 * (grid.chip + CHIP_GAP) - 4 : grid.chip + CHIP_GAP - 2;
    items.text(
      fitText(kpi, room, code.font, measure),
      cols.chipX(index) + grid.chip / 2,
      y + 12 + (line + 1) * code.line - 8,
      code.font,
      COLORS.muted,
      'center'
    );
  });
  y += headerHeight;
  items.rect(PAD, y, INNER, 2, COLORS.rule);
  return y + 2;
}

/** The header, one row per district (zebra-striped) and a closing rule from `y` on; the y under them. */
export function leagueTableRows(
  items: ImageItems,
  input: TableInput,
  top: number
): { y: number; rows: ImageRow[] } {
  const cols = tableColumns(input);
  const { grid } = cols;
  let y = tableHeader(items, input, cols, top);
  const facts = deriveKpiFacts(input.table.framework);
  const rowHeight = Math.max(ROW_MIN, grid.lines * (CHIP_HEIGHT + CHIP_GAP) - CHIP_GAP + 16);
  const rows: ImageRow[] = [];
  input.table.rows.forEach((row, index) => {
    const top = y;
    if (index % 2 === 1) items.rect(PAD, top, INNER, rowHeight, COLORS.zebra);
    rowFigures(items, input, cols, row, top, rowHeight);
    const chipsTop = top + (rowHeight - (grid.lines * (CHIP_HEIGHT + CHIP_GAP) - CHIP_GAP)) / 2;
    rowChips(items, input, cols, row, chipsTop, (kpi) => facts.get(kpi)?.topPoints ?? null);
    rows.push({ unitId: row.unitId, y: top, height: rowHeight });
    y += rowHeight;
  });
  items.rect(PAD, y, INNER, 2, COLORS.rule);
  return { y: y + 2, rows };
}

/** A row's rank, movement (arrow and places, `=` or `–`), name and total. */
function rowFigures(
  items: ImageItems,
  { lang, measure }: TableInput,
  cols: Columns,
  row: LeagueRow,
  top: number,
  rowHeight: number
): void {
  const { rankRight, moveLeft } = cols;
  const base = top + rowHeight / 2 + 9;
  items.text(String(row.rank), rankRight, base, F.bodyBold, COLORS.text, 'right');
  if (row.movement === null) items.text('–', moveLeft + 8, base, F.body, COLORS.muted);
  else if (row.movement === 0) items.text('=', moveLeft + 8, base, F.body, COLORS.muted);
  else {
    const up = row.movement > 0;
    const color = up ? COLORS.up : COLORS.down;
    items.push({
      kind: 'triangle',
      x: moveLeft + 9,
      y: top + rowHeight / 2,
      size: 18,
      direction: up ? 'up' : 'down',
      color
    });
    items.text(String(Math.abs(row.movement)), moveLeft + 24, base, F.bodyBold, color);
  }
  items.text(fitText(row.unit, cols.nameWidth - 8, F.body, measure), cols.nameLeft, base, F.body);
  items.text(formatNumber(row.total, lang, 2, 2), cols.totalRight, base, F.bodyBold, COLORS.text, 'right');
}

/** A row's level chips: the level (or × below, – dashed when not reported) in the level colours. */
function rowChips(
  items: ImageItems,
  { table, measure }: TableInput,
  cols: Columns,
  row: LeagueRow,
  chipsTop: number,
  topPoints: (kpi: string) => number | null
): void {
  const { grid } = cols;
  table.kpis.forEach((kpi, k) => {
    const cell = row.cells[kpi.kpi];
    const status = cell?.status ?? 'missing';
    const style = levelStyle(status, cell?.points ?? null, topPoints(kpi.kpi));
    const cx = cols.chipX(k);
    const cy = chipsTop + Math.floor(k / grid.perLine) * (CHIP_HEIGHT + CHIP_GAP);
    items.push({
      kind: 'rect',
      x: cx,
      y: cy,
      width: grid.chip,
      height: CHIP_HEIGHT,
      radius: 5,
      fill: status === 'missing' ? null : style.background,
      dashedStroke: status === 'missing' ? COLORS.missingStroke : null
    });
    const label = status === 'ok' ? (cell?.level ?? '') : status === 'below' ? '×' : '–';
    items.text(
      fitText(label, grid.chip - 4, F.chip, measure),
      cx + grid.chip / 2,
      cy + CHIP_HEIGHT / 2 + 7,
      F.chip,
      style.text,
      'center'
    );
  });
}
