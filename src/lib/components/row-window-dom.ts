/**
 * The browser side of a windowed table (row-window.ts has the arithmetic): where the table is in the page as
 * the page scrolls (the tables have no scroll box of their own), the pitch of its rows, read after layout,
 * and whether the page is being printed (every row is drawn then). Each returns its clean-up, for `$effect`.
 */

export interface PagePlace {
  /** Top of the element, px from the top of the browser's view (negative once scrolled past). */
  top: number;
  /** Height of the browser's view, px. */
  viewport: number;
}

/** Calls `onPlace` with where `element` is in the view: now, on every scroll of the page, and (once per
 * frame) when the view or the page resizes (content above the element came or went). */
export function watchPagePlace(element: HTMLElement, onPlace: (place: PagePlace) => void): () => void {
  let frame = 0;
  const read = () => {
    frame = 0;
    onPlace({ top: element.getBoundingClientRect().top, viewport: window.innerHeight });
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(read);
  };
  read();
  // Scrolling reads at once (scroll events come once per frame): a sticky header moved a frame late shakes.
  window.addEventListener('scroll', read, { passive: true });
  window.addEventListener('resize', schedule);
  const observer = new ResizeObserver(schedule);
  observer.observe(document.body);
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    window.removeEventListener('scroll', read);
    window.removeEventListener('resize', schedule);
    observer.disconnect();
  };
}

/** Calls `onPitch` with the distance from one row of `body` to the next (height plus spacing) when it resizes. */
export function watchRowPitch(body: HTMLTableSectionElement, onPitch: (pitch: number) => void): () => void {
  const observer = new ResizeObserver(() => {
    const count = body.rows.length;
    if (count < 2) return;
    const pitch = (body.rows[count - 1].offsetTop - body.rows[0].offsetTop) / (count - 1);
    if (pitch > 0) onPitch(pitch);
  });
  observer.observe(body);
  return () => observer.disconnect();
}

/** Calls `onChange(true)` before the page prints (beforeprint, or the print media query) and `false` after. */
export function watchPrint(onChange: (printing: boolean) => void): () => void {
  const print = window.matchMedia('print');
  const before = () => onChange(true);
  const after = () => onChange(false);
  const change = (event: MediaQueryListEvent) => onChange(event.matches);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  print.addEventListener('change', change);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    print.removeEventListener('change', change);
  };
}
