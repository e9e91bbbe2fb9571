import { describe, expect, it } from 'vitest';
import { resultColumns } from '../domain/results';
import { builtinFramework } from '../frameworks/builtin';
import { MemoryStore, workspaceSignature, type StoredUpload } from './stored';

const upload = (id: string, seq: number): StoredUpload => ({
  id,
  seq,
  frameworkId: 'chachoengsao-2565-r2',
  file: `${id}.csv`,
  at: seq,
  format: 'csv',
  encoding: 'utf-8',
  sheet: null,
  counts: { rows: 0, added: 0, changed: 0, unchanged: 0, rejected: 0 },
  rows: resultColumns([])
});

describe('store signature', () => {
  it('is the signature of what load() gives, and changes with every record added, replaced or removed', async () => {
    const store = new MemoryStore();
    const seen = new Set<string>();
    const step = async () => {
      const signature = await store.signature();
      expect(signature).toBe(workspaceSignature(await store.load()));
      expect(seen.has(signature)).toBe(false);
      seen.add(signature);
    };
    await step();
    await store.addUpload(upload('a', 1));
    await step();
    await store.addUpload(upload('b', 2));
    await step();
    const framework = builtinFramework('chachoengsao-2565-r2')!;
    await store.putFramework({ id: framework.id, framework, at: 1, files: [] });
    await step();
    await store.putFramework({ id: framework.id, framework, at: 2, files: [] });
    await step();
    await store.putAlias({ key: 'x', name: 'x', unitId: '2401', at: 1 });
    await step();
    await store.putAlias({ key: 'x', name: 'x', unitId: '2402', at: 2 });
    await step();
    await store.removeUpload('a');
    await step();
    // The view is not a record another tab's change is about.
    const before = await store.signature();
    await store.putView('?f=x');
    expect(await store.signature()).toBe(before);
  });
});
