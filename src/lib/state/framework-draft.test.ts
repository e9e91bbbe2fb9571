import { describe, expect, it } from 'vitest';
import { setBand, setKpi } from '../domain/framework-edit';
import { copyForNextRound } from '../domain/next-round';
import { builtinFramework } from '../frameworks/builtin';
import { FrameworkDraft } from './framework-draft.svelte';

describe('framework draft', () => {
  it("seed 001 copied for R1/2566: the moved targets, a weight and a band changed — the import's checks live, undo and redo", () => {
    const copy = copyForNextRound(builtinFramework('chachoengsao-2565-r2')!);
    const draft = new FrameworkDraft(copy.framework);
    const warnings = () => draft.issues.filter((i) => i.severity === 'warning').map((i) => i.message);
    expect(warnings().filter((m) => m.includes('นอกช่วงของชุดเกณฑ์'))).toHaveLength(66);
    expect(draft.issues.find((i) => i.message.includes('นอกช่วง'))!.where).toMatch(/^targets\[\d+\]$/);
    expect(draft.canUndo).toBe(false);

    const t1 = draft.framework.kpis.findIndex((kpi) => kpi.kpi === 'T1');
    draft.edit((fw) => setKpi(fw, t1, 'weight', (fw.kpis[t1].weight ?? 0) + 5));
    expect(warnings().some((m) => m.includes('ไม่ใช่ 100'))).toBe(true);

    const level4 = draft.framework.bands.findIndex(
      (b) => b.kpi === 'T1' && b.level === '4' && b.unit === null
    );
    draft.edit((fw) => setBand(fw, level4, 'value', 94));
    expect(draft.staleLabels).toEqual([{ index: level4, before: 95, after: 94 }]);

    draft.undo();
    expect(draft.framework.bands[level4].value).toBe(95);
    expect(draft.staleLabels).toEqual([]);
    expect(draft.canRedo).toBe(true);
    draft.redo();
    expect(draft.framework.bands[level4].value).toBe(94);
    draft.undo();
    draft.undo();
    expect(draft.framework).toBe(copy.framework);
    expect(draft.canUndo).toBe(false);
    // A new edit after undo drops what could be redone.
    draft.edit((fw) => setBand(fw, level4, 'value', 93));
    expect(draft.canRedo).toBe(false);
  });
});
