/**
 * Issue 7 §4 and §6: the framework reader (§9.2 CSVs and JSON) under fuzzing. Files are made of cells drawn
 * from valid values, numbers that are not (NaN, 1e309, 1,5), hostile text, quotes, commas and line breaks, and
 * random JSON. Properties: reading never throws; a framework comes back only when the validator finds no error
 * in it; every issue names where it is and says why in a message of bounded length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors, validateFramework } from '../domain/framework-validate';
import { resolveFrameworkUnit } from '../scoring/workspace';
import { formatCsv } from './csv';
import { FRAMEWORK_CSV_COLUMNS, readFrameworkFiles, readFrameworkJson } from './framework-files';

const resolveUnit = (name: string, fw: Parameters<typeof resolveFrameworkUnit>[0]) =>
  resolveFrameworkUnit(fw, name) !== null;

const HOSTILE = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '1,5',
  '-0',
  '0x10',
  "'); DROP TABLE kpis; --",
  '<img src=x onerror=alert(1)>',
  '=1+1',
  '"',
  '""',
  ',',
  '\n',
  '\r\n',
  '\0',
  ' ',
  'ก'.repeat(300)
];

/** A valid framework folder (ฉะเชิงเทรา, FY2565 round 2): a measured KPI and a composite of two sub-items. */
const VALID: Record<'framework' | 'kpis' | 'levels' | 'targets', string[][]> = {
  framework: [
    ['id', 'name', 'province', 'fiscal_year', 'period'],
    ['fw', 'ชุดเกณฑ์', 'ฉะเชิงเทรา', '2565', 'R2']
  ],
  kpis: [
    [...FRAMEWORK_CSV_COLUMNS.kpis.required],
    ['A', 'ก', 'ทีม', '60', '1-5', 'value', 'last', 'false', '4', '', ''],
    ['B', 'ข', 'ทีม', '40', '1-5', 'combine', '', 'false', '', '', 'sum'],
    ['B1', 'ข1', '', '', 'points', 'value', 'sum', 'false', '', 'B', ''],
    ['B2', 'ข2', '', '', 'points', 'value', 'max', 'false', '', 'B', '']
  ],
  levels: [
    [...FRAMEWORK_CSV_COLUMNS.levels.required],
    ['A', '5', '5', '>=', '100', '', '', 'ครบ'],
    ['A', '4', '4', '>=', '80', '', '', ''],
    ['A', '3', '3', '>=', '60', '', '', ''],
    ['A', '3', '3', '>=', '50', '', 'บางคล้า', ''],
    ['A', '1', '1', 'any', '', '', '', ''],
    ['B1', '2', '2', '>=', '10', '', '', ''],
    ['B1', '1', '1', '>=', '5', '', '', ''],
    ['B2', '2', '2', 'between', '0', '1', '', ''],
    ['B2', '1', '1', 'between', '2', '3', '', ''],
    ['B', '5', '5', '>=', '4', '', '', ''],
    ['B', '3', '3', '>=', '2', '', '', ''],
    ['B', '1', '1', 'any', '', '', '', '']
  ],
  targets: [
    [...FRAMEWORK_CSV_COLUMNS.targets.required],
    ['A', 'บางคล้า', '2565-04', '120', ''],
    ['A', 'ราชสาส์น', '', '100', '0']
  ]
};
type FileKind = keyof typeof VALID;
const KINDS = Object.keys(VALID) as FileKind[];

/** Damage to a valid folder: a cell replaced, a row dropped, doubled or moved, a header cell renamed. */
type Damage =
  | { op: 'cell'; file: FileKind; row: number; column: number; text: string }
  | { op: 'drop' | 'double'; file: FileKind; row: number }
  | { op: 'swap'; file: FileKind; row: number; other: number };

const token = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 3 },
  {
    arbitrary: fc.constantFrom('A', 'B', 'B1', 'B2', 'C', '5', '0', '-1', 'combine', 'any', 'between', ''),
    weight: 3
  },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 }
);

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    op: fc.constant('cell' as const),
    file: fc.constantFrom(...KINDS),
    row: fc.nat(12),
    column: fc.nat(10),
    text: token
  }),
  fc.record({
    op: fc.constantFrom('drop' as const, 'double' as const),
    file: fc.constantFrom(...KINDS),
    row: fc.nat(12)
  }),
  fc.record({
    op: fc.constant('swap' as const),
    file: fc.constantFrom(...KINDS),
    row: fc.nat(12),
    other: fc.nat(12)
  })
);

function damagedFolder(damages: readonly Damage[]): Record<FileKind, string> {
  const tables = Object.fromEntries(
    KINDS.map((kind) => [kind, VALID[kind].map((row) => [...row])])
  ) as Record<FileKind, string[][]>;
  for (const d of damages) {
    const rows = tables[d.file];
    const row = d.row % rows.length;
    if (d.op === 'cell') rows[row][d.column % rows[row].length] = d.text;
    else if (d.op === 'drop') rows.splice(row, 1);
    else if (d.op === 'double') rows.splice(row, 0, [...rows[row]]);
    else if (d.op === 'swap')
      [rows[row], rows[d.other % rows.length]] = [rows[d.other % rows.length], rows[row]];
    if (rows.length === 0) rows.push(['']);
  }
  return Object.fromEntries(KINDS.map((kind) => [kind, formatCsv(tables[kind])])) as Record<FileKind, string>;
}

const folderArb = fc.array(damage, { minLength: 0, maxLength: 4 }).map(damagedFolder);

function expectWellFormed(result: ReturnType<typeof readFrameworkFiles>): void {
  for (const issue of result.issues) {
    expect(['error', 'warning']).toContain(issue.severity);
    expect(issue.where.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeLessThanOrEqual(700);
  }
  if (result.framework) {
    expect(hasErrors(result.issues)).toBe(false);
    expect(hasErrors(validateFramework(result.framework, { resolveUnit }))).toBe(false);
  } else expect(hasErrors(result.issues)).toBe(true);
}

describe('readFrameworkFiles under fuzzing', () => {
  it('a valid folder with random damage: never throws, a framework only without errors', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(folderArb, (folder) => {
        const files = KINDS.map((kind) => ({ name: `${kind}.csv`, text: folder[kind] }));
        const result = readFrameworkFiles(files, { resolveUnit });
        expectWellFormed(result);
        if (result.framework) accepted++;
        else refused++;
      }),
      { numRuns: 3_000 }
    );
    // Both outcomes are reached often, or the property would say little.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('random text in each file: never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), (a, b) => {
        expectWellFormed(
          readFrameworkFiles(
            [
              { name: 'framework.csv', text: a },
              { name: 'kpis.csv', text: b },
              { name: 'levels.csv', text: a + b }
            ],
            { resolveUnit }
          )
        );
      }),
      { numRuns: 2_000 }
    );
  });

  it('random JSON (and text that is not JSON) as a framework file: never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ kpis: v, bands: v }))
        ),
        (text) => {
          expectWellFormed(readFrameworkJson('rules.json', text, { resolveUnit }));
        }
      ),
      { numRuns: 2_000 }
    );
  });

  it('JSON with NaN-like numbers (1e309 parses to Infinity) is refused', () => {
    const json =
      '{"id":"x","name":"x","province":"ฉะเชิงเทรา","fiscal_year":2565,"period":"R2","kpis":[{"kpi":"A","name":"a","scale":"1-5","measure":"value","aggregate":"last"}],"bands":[{"kpi":"A","level":"5","points":5,"op":">=","value":1e309}]}';
    const result = readFrameworkJson('rules.json', json, { resolveUnit });
    expect(result.framework).toBeNull();
    expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
  });
});
