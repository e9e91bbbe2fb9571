/**
 * The state of a windowed table that the page scrolls (it has no scroll box of its own up and down): which
 * rows are drawn (row-window.ts has the arithmetic), how far its header is moved down to follow the view,
 * and the watchers that keep both true (row-window-dom.ts). LeagueTable and LevelGrid share it.
 *
 * Above `windowFrom` rows only the rows in the browser's view (± `overscan`) are in the DOM; the rows left
 * out above and below are room under the table (its margin, `room`) with the drawn rows moved down into
 * place (`rowsShift`). Printing draws every row.
 */
import { flushSync, tick, untrack } from 'svelte';
import { rowWindow } from './row-window';
import { watchPagePlace, watchPrint, watchRowPitch } from './row-window-dom';

export interface PageWindowOptions {
  /** Rows in the table now (after filtering); read reactively. */
  count: () => number;
  /** Tables up to this many rows draw every row. */
  windowFrom: number;
  /** Rows drawn beyond the view on each side. */
  overscan: number;
  /** Row pitch before the rows are measured, px. */
  rowHeight: number;
}

export class PageWindow {
  /** Top of the table in the browser's view, px (negative once scrolled past), and the view's height. */
  place = $state({ top: 0, viewport: 900 });
  /** Height of the table's header, px (bind:offsetHeight). */
  headHeight = $state(0);
  /** Height of the drawn rows, px (bind:offsetHeight of the body). */
  drawnHeight = $state(0);
  rowHeight = $state(33);
  printing = $state(false);
  readonly #options: PageWindowOptions;

  constructor(options: PageWindowOptions) {
    this.#options = options;
    this.rowHeight = options.rowHeight;
  }

  /** Whether the table is long enough to be windowed (false: every row is always drawn). */
  readonly windowed = $derived.by(() => this.#options.count() > this.#options.windowFrom);

  readonly win = $derived.by(() =>
    rowWindow({
      count: this.#options.count(),
      scrollTop: -(this.place.top + this.headHeight),
      viewport: this.place.viewport,
      rowHeight: this.rowHeight,
      overscan: this.#options.overscan,
      all: this.printing || !this.windowed
    })
  );

  // Plain numbers: scrolling within a row changes `win` but not these, so the rows are not walked again.
  readonly start = $derived(this.win.start);
  readonly end = $derived(this.win.end);

  /** Room under the table for the rows not drawn, px (its margin-bottom). */
  readonly room = $derived(this.win.before + this.win.after);
  /** How far the drawn rows move down to stand where the whole table would have them, px. */
  readonly rowsShift = $derived(this.win.before);

  /** The header stays at the top of the view while the table passes under it (a phone scrolls a wide table
   * sideways in its own box, where `position: sticky` would stick to that box, not to the page). */
  readonly headShift = $derived(
    this.printing
      ? 0
      : Math.max(
          0,
          Math.min(-this.place.top, this.win.before + this.drawnHeight + this.win.after - this.rowHeight)
        )
  );

  /** Watches where `table` is in the page, the pitch of `body`'s rows and printing; for `$effect` (which
   * depends on the two elements only: the state read and written here does not re-run it). */
  watch(table: HTMLTableElement, body: HTMLTableSectionElement): () => void {
    return untrack(() => this.#watch(table, body));
  }

  #watch(table: HTMLTableElement, body: HTMLTableSectionElement): () => void {
    const stops = [
      watchPagePlace(table, (now) => {
        if (now.top !== this.place.top || now.viewport !== this.place.viewport) this.place = now;
      }),
      // Row pitch (fonts, zoom), read once the rows are laid out, so the room left for the others matches.
      watchRowPitch(body, (pitch) => {
        if (Math.abs(pitch - this.rowHeight) > 0.25) this.rowHeight = pitch;
      }),
      // Printing draws every row, at once (before the browser lays the page out for print).
      watchPrint((now) => {
        this.printing = now;
        if (now) flushSync();
      })
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Scrolls the page so that row `index` is in view under the header, and waits until it is drawn. */
  async reveal(table: HTMLTableElement, index: number): Promise<void> {
    if (index >= this.start && index < this.end) return;
    const tableTop = table.getBoundingClientRect().top + window.scrollY;
    const rowTop = tableTop + this.headHeight + index * this.rowHeight;
    // Above the window: the row just under the header (which follows the view). Below it: the row's bottom
    // one row above the view's bottom, so the row after it shows too.
    const y =
      index < this.start ? rowTop - this.headHeight : rowTop + 2 * this.rowHeight - window.innerHeight;
    window.scrollTo({ top: Math.max(0, y), behavior: 'instant' });
    this.place = { top: table.getBoundingClientRect().top, viewport: window.innerHeight };
    await tick();
  }
}
