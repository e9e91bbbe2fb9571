/**
 * The framework editor's unsaved draft, kept in this browser (localStorage) so that a reload or a closed tab
 * does not lose an afternoon's edits (issue 14); it never leaves the machine. Gone once saved, discarded or
 * when the workspace is cleared.
 */
import type { Framework } from '../domain/framework';
import { readFrameworkJson, frameworkToJson } from '../ingest/framework-files';

const KEY = 'scoreboard:editor-draft';

export interface StoredDraft {
  framework: Framework;
  /** The framework the draft started from (its band texts are the letter's). */
  start: Framework;
  changes: string[];
  /** The framework it was started from (the preview scores its stored results), or null. */
  sourceId: string | null;
  at: number;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage switched off: the draft lives as long as the page
  }
}

export function saveDraft(draft: StoredDraft): void {
  try {
    storage()?.setItem(
      KEY,
      JSON.stringify({
        framework: frameworkToJson(draft.framework),
        start: frameworkToJson(draft.start),
        changes: draft.changes,
        sourceId: draft.sourceId,
        at: draft.at
      })
    );
  } catch {
    // full or refused: the draft is a convenience, the editor still works
  }
}

/** The draft kept, read back with the framework reader (a draft it cannot read is dropped, not guessed at). */
export function loadDraft(): StoredDraft | null {
  const text = storage()?.getItem(KEY);
  if (!text) return null;
  try {
    const kept = JSON.parse(text) as {
      framework: string;
      start: string;
      changes: string[];
      sourceId?: string | null;
      at: number;
    };
    // Read without validation's verdict: a draft may hold errors the user has not fixed yet.
    const framework = JSON.parse(kept.framework) as Framework;
    const start =
      readFrameworkJson('start.json', kept.start).framework ?? (JSON.parse(kept.start) as Framework);
    if (!framework || typeof framework !== 'object' || !Array.isArray(framework.kpis)) return null;
    return {
      framework,
      start,
      changes: Array.isArray(kept.changes) ? kept.changes : [],
      sourceId: typeof kept.sourceId === 'string' ? kept.sourceId : null,
      at: Number(kept.at) || 0
    };
  } catch {
    clearDraft();
    return null;
  }
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
