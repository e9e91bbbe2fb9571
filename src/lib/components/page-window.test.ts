import { describe, expect, it } from 'vitest';
import { PageWindow } from './page-window.svelte';

/** A window over `count` rows of 30 px under a 40 px header, the view 600 px tall. */
function windowOver(count: number) {
  const w = new PageWindow({ count: () => count, windowFrom: 80, overscan: 4, rowHeight: 30 });
  w.headHeight = 40;
  w.place = { top: 0, viewport: 600 };
  return { w };
}

describe('PageWindow', () => {
  it('draws every row of a short table, with no room and no header shift above the table', () => {
    const { w } = windowOver(80);
    expect([w.windowed, w.start, w.end, w.room, w.rowsShift, w.headShift]).toEqual([false, 0, 80, 0, 0, 0]);
  });

  it('draws the rows in view (± overscan) of a long table as the page scrolls past it', () => {
    const { w } = windowOver(1000);
    // Table top at 0: rows 0…20 are in a 600 px view (ceil(600 / 30) + 1 = 21), plus 4 below.
    expect([w.windowed, w.start, w.end, w.room]).toEqual([true, 0, 25, 975 * 30]);
    // Scrolled 3040 px past the table's top: 3000 px of rows above the view = row 100 at its top.
    w.place = { top: -3040, viewport: 600 };
    w.drawnHeight = 29 * 30;
    expect([w.start, w.end, w.rowsShift, w.room]).toEqual([96, 125, 96 * 30, (96 + 875) * 30]);
    // The header follows the view: moved down by as much as the table is scrolled past.
    expect(w.headShift).toBe(3040);
  });

  it('stops the header at the last row and puts it back when printing, which draws every row', () => {
    const { w } = windowOver(1000);
    w.place = { top: -40_000, viewport: 600 };
    w.drawnHeight = 25 * 30;
    // Never lower than the table's last row: before + drawn + after − one row.
    expect(w.headShift).toBe(w.win.before + 25 * 30 + w.win.after - 30);
    w.printing = true;
    expect([w.start, w.end, w.room, w.headShift]).toEqual([0, 1000, 0, 0]);
  });
});
