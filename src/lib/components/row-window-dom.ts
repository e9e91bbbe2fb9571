/**
 * The browser side of a windowed table (row-window.ts has the arithmetic): the pitch of its rows, read after
 * layout, and whether the page is being printed (every row is drawn then). Each returns its clean-up, for
 * `$effect`.
 */

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
