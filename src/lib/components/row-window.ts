/**
 * Which rows of a long table to put in the DOM (a windowed table body): the rows in the scroller's view plus
 * `overscan` rows on each side, and the height of the rows left out above and below (spacers), so the
 * scrollbar and the scroll position stay those of the whole table. Rows are assumed to be `rowHeight` tall.
 */
import { drawnWidth } from '../domain/kpi-short-name';

export interface RowWindowInput {
  /** Rows in the table (after filtering). */
  count: number;
  /** The scroller's scrollTop, px (may be stale: past the end after the rows shrank). */
  scrollTop: number;
  /** Height of the scroller's view, px. */
  viewport: number;
  /** Height of one body row, px. */
  rowHeight: number;
  /** Rows rendered beyond the view on each side (so Tab and small scrolls find a row already there). */
  overscan: number;
  /** Render every row (short tables, printing). */
  all: boolean;
}

export interface RowWindow {
  /** First row rendered (index into the rows). */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the rows before `start`, px. */
  before: number;
  /** Height of the rows from `end` on, px. */
  after: number;
}

export function rowWindow({
  count,
  scrollTop,
  viewport,
  rowHeight,
  overscan,
  all
}: RowWindowInput): RowWindow {
  const rows = Math.max(0, Math.floor(count));
  if (all || !(rowHeight > 0)) return { start: 0, end: rows, before: 0, after: 0 };
  const inView = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const top = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, rows - inView));
  const start = Math.max(0, top - overscan);
  const end = Math.min(rows, top + inView + overscan);
  return { start, end, before: start * rowHeight, after: (rows - end) * rowHeight };
}

/**
 * The longest name as it is drawn (Thai marks above and below a letter take no width): a windowed table draws
 * it invisibly in the name column's header, so the column does not change width as other rows scroll in.
 */
export function widestName(names: Iterable<string>): string {
  let best = '';
  for (const name of names) if (drawnWidth(name) > drawnWidth(best)) best = name;
  return best;
}
