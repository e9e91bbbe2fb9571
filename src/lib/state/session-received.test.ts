/**
 * Who has sent what (issue 14.3) through the browser session (native DuckDB, in-memory store): the demo never
 * counts as sent; an upload makes its district × month partly or wholly received with the file and the upload's
 * date; a reload (a second session over the same store) finds the same grid; removing the upload empties it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parsePeriodId } from '../domain/periods';
import { MemoryStore } from '../persist/stored';
import { builtinFramework } from '../frameworks/builtin';
import { buildTemplate, templateMonth } from '../export/template';
import { testSessionDeps } from './session-testing';
import { Session } from './session.svelte';

const FRAMEWORK = 'chachoengsao-2565-r2';
const R2 = parsePeriodId('FY2565-R2')!;
const NOW = 1_656_000_000_000; // testSessionDeps' clock
const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function session(store: MemoryStore): Promise<Session> {
  const s = new Session(testSessionDeps(store, 'DuckDB reads the files', open));
  await s.start(FRAMEWORK);
  await s.allLoaded();
  return s;
}

async function upload(s: Session, name: string, text: string) {
  await s.check([{ name, bytes: new TextEncoder().encode(text) }], FRAMEWORK);
  expect(s.pending?.files[0].report.rejected).toEqual([]);
  return s.commit();
}

/** บางคล้า's whole June from the template's own CSV (every KPI, a target where one is needed); บางปะกง's T2. */
function june(): string {
  const template = buildTemplate(builtinFramework(FRAMEWORK)!, R2);
  const lines = ['อำเภอ,เดือน,รหัสตัวชี้วัด,ผลการดำเนินงาน,ค่าเป้าหมาย,ฐาน'];
  for (const row of template.long.rows) {
    if (row.month !== '2022-06') continue;
    const [district, month, kpi] = row.cells;
    if (district === 'บางคล้า') lines.push(`${district},${month},${kpi},3,4,2`);
    if (district === 'บางปะกง' && kpi === 'T2') lines.push(`${district},${templateMonth('2022-06')},T2,3,,`);
  }
  return lines.join('\n') + '\n';
}

describe('the received grid of the session', () => {
  it('counts uploads only, names the file and date, survives a reload, empties when the upload goes', async () => {
    const store = new MemoryStore();
    const s = await session(store);
    const before = (await s.receivedGrid(FRAMEWORK, R2))!;
    // The demo has results for every district; none of them was sent.
    expect(before.counts).toEqual({ received: 0, partial: 0, none: 66 });

    await upload(s, 'มิ.ย.csv', june());
    const grid = (await s.receivedGrid(FRAMEWORK, R2))!;
    expect(grid.counts).toEqual({ received: 1, partial: 1, none: 64 });
    const june22 = (name: string) => grid.rows.find((row) => row.unit.name === name)!.cells[2];
    expect(june22('บางคล้า')).toEqual({
      month: '2022-06',
      status: 'received',
      missing: [],
      files: [{ name: 'มิ.ย.csv', at: NOW }]
    });
    expect(june22('บางปะกง').status).toBe('partial');
    expect(june22('บางปะกง').missing).toHaveLength(15);
    expect(june22('บางปะกง').missing).not.toContain('T2');

    const reloaded = await session(store);
    expect((await reloaded.receivedGrid(FRAMEWORK, R2))!.rows).toEqual(grid.rows);

    await reloaded.removeUpload(reloaded.uploads[0].id);
    expect((await reloaded.receivedGrid(FRAMEWORK, R2))!.counts.none).toBe(66);
  });

  it('the data-as-of line is kept per period until the results change', async () => {
    const s = await session(new MemoryStore());
    const first = await s.dataAsOf(FRAMEWORK, R2);
    expect(first).toEqual({ month: null, notReported: 0, units: 11 });
    // Asked again (the next switch back to the period): the same answer, not read again.
    expect(await s.dataAsOf(FRAMEWORK, R2)).toBe(first);
    await upload(s, 'มิ.ย.csv', june());
    expect(await s.dataAsOf(FRAMEWORK, R2)).toEqual({ month: '2022-06', notReported: 9, units: 11 });
    await s.removeUpload(s.uploads[0].id);
    expect(await s.dataAsOf(FRAMEWORK, R2)).toEqual({ month: null, notReported: 0, units: 11 });
    expect(await s.dataAsOf('no-such-framework', R2)).toBeNull();
  });
});
