/**
 * The framework editor's draft (issue 14): the framework being edited, its undo and redo, the issues the
 * import's validator finds in it (live), and the band texts that still say a threshold the user changed.
 */
import { labelIsStale } from '../domain/band-labels';
import type { Band, Framework } from '../domain/framework';
import { validateFramework } from '../domain/framework-validate';
import { resolveFrameworkUnit } from '../scoring/workspace';

/** How many edits undo goes back. */
const HISTORY = 200;

export interface StaleLabel {
  /** Index in `framework.bands`. */
  index: number;
  /** The threshold the text still says, and the band's own now. */
  before: number;
  after: number;
}

const bandKey = (band: Band) => `${band.kpi}\u0000${band.level}\u0000${band.unit ?? ''}`;

export class FrameworkDraft {
  framework = $state.raw<Framework>() as Framework;
  /** The framework the draft started from (its band texts are the letter's). */
  readonly start: Framework;
  canUndo = $state(false);
  canRedo = $state(false);
  /**
   * What `validateFramework` says of the draft, the same checks as an import of its files; `where` is
   * `framework`, `kpis[i]`, `bands[i]` or `targets[i]` (the editor marks that row).
   */
  readonly issues = $derived(
    validateFramework(this.framework, {
      resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null,
      locations: {
        framework: 'framework',
        kpis: this.framework.kpis.map((_, i) => `kpis[${i}]`),
        bands: this.framework.bands.map((_, i) => `bands[${i}]`),
        targets: this.framework.targets.map((_, i) => `targets[${i}]`)
      }
    })
  );
  /** Bands whose text says the threshold the draft started with, not the one it has now. */
  readonly staleLabels = $derived(this.findStale());
  private past: Framework[] = [];
  private future: Framework[] = [];

  constructor(framework: Framework, start: Framework = framework) {
    this.start = start;
    this.framework = framework;
  }

  /** Applies an edit (a pure function, src/lib/domain/framework-edit.ts); undo goes back to before it. */
  edit(change: (framework: Framework) => Framework): void {
    const next = change(this.framework);
    if (next === this.framework) return;
    this.past = [...this.past.slice(-(HISTORY - 1)), this.framework];
    this.future = [];
    this.framework = next;
    this.sync();
  }

  undo(): void {
    const previous = this.past.at(-1);
    if (!previous) return;
    this.past = this.past.slice(0, -1);
    this.future = [this.framework, ...this.future];
    this.framework = previous;
    this.sync();
  }

  redo(): void {
    const next = this.future[0];
    if (!next) return;
    this.future = this.future.slice(1);
    this.past = [...this.past, this.framework];
    this.framework = next;
    this.sync();
  }

  private sync(): void {
    this.canUndo = this.past.length > 0;
    this.canRedo = this.future.length > 0;
  }

  private findStale(): StaleLabel[] {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local lookup, not state
    const started = new Map(this.start.bands.map((band) => [bandKey(band), band]));
    const out: StaleLabel[] = [];
    this.framework.bands.forEach((band, index) => {
      const was = started.get(bandKey(band));
      if (!was || band.label !== was.label) return;
      for (const field of ['value', 'value2'] as const) {
        if (labelIsStale(band.label, was[field], band[field])) {
          out.push({ index, before: was[field]!, after: band[field]! });
          return;
        }
      }
    });
    return out;
  }
}
