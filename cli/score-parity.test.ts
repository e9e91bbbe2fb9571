/**
 * Issue 11: `npm run score` says exactly the same with `--engine native` (DuckDB's fast reader,
 * src/lib/ingest/fast-results.ts) and `--engine wasm` (the upload page's reader): byte-identical stdout and
 * stderr and the same exit code, on every file of the hostile suites (src/lib/ingest/hostile-files.ts: the unit
 * suite's, the e2e suite's, e2e/support/hostile.ts's framework and files, issue 11's NUL-line file) and on
 * files written by Python. Most runs go through `runScore` in this process (one DuckDB-WASM module, reset
 * between runs); one file per engine goes through a real `tsx cli/score.ts` process. And the rule for the same
 * result in several `--results` files: the later file wins, and every replaced row is named.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
  ftruncateSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFramework } from '../e2e/support/hostile';
import { demoLines, hostileFiles, writePythonFiles, type HostileFile } from '../src/lib/ingest/hostile-files';
import { runCaptured, type Outcome } from './score.testing';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;
let hostileFolder: string;

/** The WASM engine's module compiled once for the file's many runs. */
const score = (...argv: string[]): Promise<Outcome> => runCaptured(argv, { reuseWasmModule: true });

/** Writes a hostile file into `dir` (sparse when it is mostly zeros) and returns its path. */
function writeHostile(file: HostileFile, index: number): string {
  const target = path.join(dir, `${String(index).padStart(3, '0')}-${file.name}`);
  if (file.sparse) {
    const fd = openSync(target, 'w');
    writeSync(fd, file.sparse.head);
    ftruncateSync(fd, file.sparse.size);
    closeSync(fd);
  } else writeFileSync(target, file.bytes());
  return target;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scoreboard-parity-'));
  hostileFolder = path.join(dir, 'hostile-framework');
  mkdirSync(hostileFolder);
  for (const file of hostileFramework()) writeFileSync(path.join(hostileFolder, file.name), file.buffer);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (framework: string, results: string[], ...more: string[]) => [
  '--framework',
  framework,
  ...results.flatMap((file) => ['--results', file]),
  '--period',
  'FY2565-R2',
  ...more
];

async function expectEnginesAlike(argv: string[], what: string): Promise<Outcome> {
  const native = await score(...argv);
  const wasm = await score(...argv, '--engine', 'wasm');
  expect(wasm.code, `${what}: exit code`).toBe(native.code);
  expect(wasm.stdout, `${what}: stdout`).toBe(native.stdout);
  expect(wasm.stderr, `${what}: stderr`).toBe(native.stderr);
  return native;
}

describe('--engine native and --engine wasm: byte-identical output', () => {
  it('every hostile file (cut-short copies every 10 bytes)', async () => {
    const files = hostileFiles({ cuts: 10 });
    expect(files.length).toBeGreaterThan(60);
    const codes = new Map<number, number>();
    for (const [index, file] of files.entries()) {
      const written = writeHostile(file, index);
      const framework = file.framework === 'hostile' ? hostileFolder : 'chachoengsao-2565-r2';
      const outcome = await expectEnginesAlike(args(framework, [written]), file.name);
      codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
      if (file.name.startsWith('=ผล') || file.name === 'nul-lines.csv' || file.name === 'ยาว.csv') {
        await expectEnginesAlike(args(framework, [written], '--format', 'json'), `${file.name} json`);
      }
      rmSync(written);
    }
    // Both kinds: files that score, and files refused or without a usable row.
    expect(codes.get(0)).toBeGreaterThan(10);
    expect(codes.get(1)).toBeGreaterThan(10);
  }, 900_000);

  /** The lines of `text` for which `test` holds, and the text of the others. */
  function partition(text: string, test: (line: string) => boolean): [string[], string] {
    const lines = text.split('\n');
    return [lines.filter(test), lines.filter((line) => !test(line)).join('\n')];
  }

  it('the NUL-line file: refused by both with the same reason (the fast reader used to import 1,008 rows)', async () => {
    const file = writeHostile(
      hostileFiles().find((f) => f.name === 'nul-lines.csv')!,
      900
    );
    const outcome = await expectEnginesAlike(args('chachoengsao-2565-r2', [file]), 'nul-lines.csv');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    // The framework's own warnings (seed 001's unreachable levels, weights of 105) come first; then the file.
    const [warnings, rest] = partition(outcome.stderr, (line) => line.startsWith('warning: '));
    expect(warnings.length).toBeGreaterThan(0);
    expect(rest).toBe(
      `rejected: ${file}:1: ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีอักขระ NUL 48 ตัว) — อาจเป็นไฟล์ชนิดอื่นหรือไฟล์ที่เสีย ` +
        'เปิดใน Excel แล้วบันทึกเป็น CSV UTF-8 หรือ .xlsx แล้วนำเข้าใหม่\n' +
        `score: no usable result rows in ${file}\n`
    );
  });

  it('files written by Python with thousands separators (csv module, codecs; UTF-8 and cp874)', async () => {
    const python = path.join(dir, 'python');
    mkdirSync(python);
    for (const name of await writePythonFiles(python)) {
      const outcome = await expectEnginesAlike(args('chachoengsao-2565-r2', [path.join(python, name)]), name);
      expect(outcome.code, name).toBe(0);
    }
  }, 120_000);

  it('a real process per engine (tsx cli/score.ts): the same bytes as each other and as in this process', async () => {
    const file = writeHostile(
      hostileFiles().find((f) => f.name === 'nul-แถว.csv')!,
      901
    );
    const argv = args('chachoengsao-2565-r2', [file]);
    const tsx = path.join(repository, 'node_modules', '.bin', 'tsx');
    const run = (...more: string[]) =>
      spawnSync(tsx, [path.join(repository, 'cli', 'score.ts'), ...argv, ...more], {
        cwd: repository,
        encoding: 'utf8'
      });
    const native = run('--engine', 'native');
    const wasm = run('--engine', 'wasm');
    expect([wasm.status, wasm.stdout, wasm.stderr]).toEqual([native.status, native.stdout, native.stderr]);
    const inProcess = await score(...argv);
    expect([native.status, native.stdout, native.stderr]).toEqual([
      inProcess.code,
      inProcess.stdout,
      inProcess.stderr
    ]);
    expect(native.status).toBe(0);
    expect(native.stderr).toContain('ไม่พบอำเภอ "บาง␀ปะกง"');
  }, 120_000);
});

describe('the same result in several --results files: the later file wins, each replaced row named', () => {
  it('a corrected copy of the demo after the demo: its changed rows replace, its same rows are counted once', async () => {
    const [header, ...lines] = demoLines();
    const demo = path.join(dir, 'demo.csv');
    writeFileSync(demo, [header, ...lines].join('\n') + '\n');
    // The correction: the first five lines with other values, and the next three as they were.
    const corrected = path.join(dir, 'แก้ไข.csv');
    const changed = lines.slice(0, 5).map((line) => {
      const cells = line.split(',');
      cells[3] = String(Number(cells[3]) + 1);
      return cells.join(',');
    });
    writeFileSync(corrected, [header, ...changed, ...lines.slice(5, 8)].join('\n') + '\n');
    const both = await expectEnginesAlike(
      args('chachoengsao-2565-r2', [demo, corrected]),
      'demo + correction'
    );
    expect(both.code).toBe(0);
    const warnings = both.stderr
      .split('\n')
      .filter((line) => line.includes('replaces') || line.includes('counted once'));
    expect(warnings).toEqual([
      ...[2, 3, 4, 5, 6].map(
        (line) =>
          `warning: ${corrected}:${line}: replaces ${demo}:${line} (same district, KPI and month; the later file wins)`
      ),
      `warning: ${corrected}: 3 row(s) the same as in ${demo} (same district, KPI, month and figures; counted once)`
    ]);
    // The table is the corrected one: the same as scoring the demo with its first lines changed in place.
    const merged = path.join(dir, 'รวม.csv');
    writeFileSync(merged, [header, ...changed, ...lines.slice(5)].join('\n') + '\n');
    const alone = await score(...args('chachoengsao-2565-r2', [merged]));
    expect(both.stdout).toBe(alone.stdout);
    // The other way round, the demo wins (the later file), and says so.
    const reversed = await expectEnginesAlike(
      args('chachoengsao-2565-r2', [corrected, demo]),
      'correction + demo'
    );
    const plain = await score(...args('chachoengsao-2565-r2', [demo]));
    expect(reversed.stdout).toBe(plain.stdout);
    expect(reversed.stderr).toContain(`warning: ${demo}:2: replaces ${corrected}:2 (same district`);
    // JSON carries the same warnings.
    const json = JSON.parse(
      (await score(...args('chachoengsao-2565-r2', [demo, corrected], '--format', 'json'))).stdout
    );
    expect(json.warnings).toContain(
      `warning: ${corrected}:2: replaces ${demo}:2 (same district, KPI and month; the later file wins)`
    );
  }, 120_000);

  it('inside one file a repeated key is still rejected (the first line wins)', async () => {
    const file = path.join(dir, 'ซ้ำ.csv');
    writeFileSync(file, 'อำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,T2,2565-04,4\nบางคล้า,T2,2565-04,5\n');
    const outcome = await expectEnginesAlike(args('chachoengsao-2565-r2', [file]), 'one file');
    expect(outcome.stderr).toContain(`rejected: ${file}:3: ซ้ำกับบรรทัด 2 (อำเภอ ตัวชี้วัด T2 และเดือนเดียวกัน)`);
  });
});
