import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { resultColumns, resultRows, type PackedResults } from '../domain/results';
import { columnsOf } from '../sql/results-import';
import type { StoredWorkspace } from './stored';
import { readWorkspaceFile, workspaceToJson } from './workspace-file';

const framework = { ...builtinFramework('chachoengsao-2565-r2')!, id: 'my-copy' };
const rows = [
  {
    unitId: '2402',
    kpi: 'T1',
    month: '2022-06',
    value: 594515.04,
    target: 721070,
    baseline: null,
    adjust: null,
    source: 'ผล.csv',
    line: 15
  },
  {
    unitId: '2411',
    kpi: 'I9',
    month: '2022-09',
    value: 3,
    target: null,
    baseline: null,
    adjust: -0.5,
    source: 'ผล.csv',
    line: 16
  }
];
const workspace: StoredWorkspace = {
  frameworks: [{ id: 'my-copy', framework, at: 1, files: ['my-copy.json'] }],
  uploads: [
    {
      id: 'u1',
      seq: 1,
      frameworkId: 'my-copy',
      file: 'ผล.csv',
      at: 2,
      format: 'csv',
      encoding: 'windows-874',
      sheet: null,
      counts: { rows: 2, added: 2, changed: 0, unchanged: 0, rejected: 4 },
      rows: resultColumns(rows)
    }
  ],
  aliases: [{ key: 'ท่าตะเกรา', name: 'ท่าตะเกรา', unitId: '2410', at: 3 }],
  view: '?f=my-copy&p=2565-06'
};

describe('workspace file', () => {
  it('round-trips every record', () => {
    const read = readWorkspaceFile(workspaceToJson(workspace, Date.UTC(2022, 6, 6)));
    expect(read).toEqual({ ok: true, workspace });
    if (read.ok) expect(resultRows(columnsOf(read.workspace.uploads[0].rows), 'ผล.csv')).toEqual(rows);
  });

  it("writes rows kept packed (as DuckDB read them) as columns, the file's one row format", () => {
    const field = (value: string | number | null) => (value === null ? '' : String(value));
    const packed: PackedResults = {
      packing: 'results-us-v1',
      count: rows.length,
      escaped: false,
      text: [...rows]
        .reverse() // DuckDB gives them in no particular order; they come back in line order
        .flatMap((r) =>
          [r.unitId, r.kpi, r.month, r.value, r.target, r.baseline, r.adjust, r.line].map(field)
        )
        .join('\u001f')
    };
    const withPacked = { ...workspace, uploads: [{ ...workspace.uploads[0], rows: packed }] };
    expect(readWorkspaceFile(workspaceToJson(withPacked, Date.UTC(2022, 6, 6)))).toEqual({
      ok: true,
      workspace
    });
  });

  it('states the format, version and time', () => {
    expect(JSON.parse(workspaceToJson(workspace, Date.UTC(2022, 6, 6)))).toMatchObject({
      format: 'scoreboard-workspace',
      version: 1,
      exportedAt: '2022-07-06T00:00:00.000Z'
    });
  });

  const broken = (patch: (file: Record<string, unknown>) => void) => {
    const file = JSON.parse(workspaceToJson(workspace, 0));
    patch(file);
    return JSON.stringify(file);
  };

  it.each<[string, string, string]>([
    ['not JSON', '{', 'ไม่ใช่ไฟล์ JSON'],
    ['another format', '{"format":"x"}', 'ไม่ใช่ไฟล์พื้นที่ทำงาน'],
    ['a newer version', broken((f) => (f.version = 2)), 'ใหม่กว่า'],
    [
      'rows of unequal length',
      broken((f) => ((f.uploads as { rows: { kpi: string[] } }[])[0].rows.kpi = ['T1'])),
      'คอลัมน์ kpi'
    ],
    [
      'a bad month',
      broken((f) => ((f.uploads as { rows: { month: string[] } }[])[0].rows.month[0] = '2022-13')),
      'คอลัมน์ month'
    ],
    [
      'a broken framework',
      broken((f) => ((f.frameworks as { framework: { kpis: unknown } }[])[0].framework.kpis = 5)),
      'my-copy'
    ],
    ['a bad alias', broken((f) => ((f.aliases as unknown[])[0] = { key: 1 })), 'ชื่อที่จับคู่ไว้']
  ])('refuses %s, saying why', (_, text, reason) => {
    const read = readWorkspaceFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(reason);
  });
});
