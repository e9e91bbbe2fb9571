/**
 * Test support (issues 7 and 11): the hostile and broken results files of the hostile suites in one list —
 * src/lib/ingest/hostile.test.ts, e2e/hostile-files.e2e.ts and e2e/support/hostile.ts — so that the same files
 * go through both readers (src/lib/ingest/hostile.test.ts) and through both engines of `npm run score`
 * (cli/score-parity.test.ts). Every file is made here from a seed; none is committed. All are read against the
 * built-in framework `chachoengsao-2565-r2` (round 2 of FY2565: 2022-04 … 2022-09) unless `framework` says
 * `hostile` (e2e/support/hostile.ts's framework of markup and formulas).
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { windows874 } from '../../../scripts/gen-ingest-fixtures';
import { writeXlsx } from '../../../scripts/xlsx-writer';
import { correctedResults, hostileResults } from '../../../e2e/support/hostile';
import { MAX_RESULTS_FILE_BYTES } from './limits';

export interface HostileFile {
  name: string;
  /** The file's bytes (made when asked: some are tens of MB). */
  bytes(): Uint8Array;
  /** The bytes are `head` then zeros up to `size`: a file on disk can be made sparse, in milliseconds. */
  sparse?: { head: Uint8Array; size: number };
  /** Read against e2e/support/hostile.ts's framework instead of `chachoengsao-2565-r2`. */
  framework?: 'hostile';
  /** Tens of MB or tens of thousands of lines: seconds per read. */
  heavy?: boolean;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
export const HEADER = 'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน\n';
const MB = 1024 * 1024;

/** Pseudo-random bytes (a fixed seed: the same file every run), mapped by `map`. */
export function randomBytes(length: number, seed: number, map: (byte: number) => number = (b) => b) {
  let state = seed;
  return new Uint8Array(length).map(() => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return map(state >>> 23);
  });
}

/** A zip of `parts` files of `each` zero bytes, deflated (a workbook-shaped zip bomb: tiny file, huge inside). */
export function zipOfZeros(parts: number, each: number): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(each));
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < parts; i++) {
    const name = Buffer.from(`xl/worksheets/sheet${i + 1}.xml`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(each, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(each, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts, 8);
  end.writeUInt16LE(parts, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function utf16(text: string, little: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), little);
  return bytes;
}

function sparse(name: string, head: Uint8Array, size: number, heavy = false): HostileFile {
  return {
    name,
    sparse: { head, size },
    heavy,
    bytes() {
      const bytes = new Uint8Array(size);
      bytes.set(head);
      return bytes;
    }
  };
}

const file = (
  name: string,
  make: () => Uint8Array | string,
  more: Partial<HostileFile> = {}
): HostileFile => ({
  name,
  bytes: () => {
    const made = make();
    return typeof made === 'string' ? utf8(made) : made;
  },
  ...more
});

/** The seed framework's demo results (static/demo): 1,008 clean lines of the 11 districts' 16 KPIs. */
export function demoLines(): string[] {
  const path = fileURLToPath(new URL('../../../static/demo/chachoengsao-2565-r2.csv', import.meta.url));
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}

/**
 * Issue 11's file: the demo's 1,008 lines with 48 lines holding a NUL character after line 700 — refused whole
 * by the page's reader (more NULs than a text file has), imported (1,008 rows) by the fast reader before.
 */
export function nulLinesFile(): Uint8Array {
  const [header, ...lines] = demoLines();
  const out = [header];
  lines.forEach((line, i) => {
    out.push(line);
    if (i >= 700 && i < 700 + 48) out.push(`บางคล้า\0,T1,2565-04,${i},,`);
  });
  return utf8(out.join('\n') + '\n');
}

const CELL_BODY = `${HEADER}บางคล้า,T2,2565-04,4\nบางปะกง,T2,2565-04,3\nราชสาส์น,T2,2565-04,25\n`;

const DATES = [
  '2565-06',
  '2022-06',
  '06/2565',
  'มิ.ย. 65',
  'มิถุนายน 2565',
  '15/06/2565',
  '2022-06-15',
  'Jun 2022',
  'June 2022',
  '๐๖/๒๕๖๕',
  '06/15/2022',
  '44713',
  '2022-06-15T00:00:00Z',
  '6/22',
  'ก่อนสิ้นเดือน'
];

/**
 * Every hostile file. `cuts`: every how many bytes a cut-short copy of the UTF-8 and Windows-874 body is made
 * (1: every byte, as hostile.test.ts does; the command-line parity test takes fewer).
 */
/** Refused whole, each with a reason that names the limit. */
function refusedFiles(): HostileFile[] {
  return [
    sparse('ผลทั้งประเทศ.csv', new Uint8Array(0), 200 * MB),
    sparse('เกิน-1-ไบต์.csv', utf8(HEADER), MAX_RESULTS_FILE_BYTES + 1),
    file(
      'ใหญ่.csv',
      () => {
        const bytes = new Uint8Array(MAX_RESULTS_FILE_BYTES).fill(0x20);
        bytes.set(utf8(HEADER + 'บางคล้า,T2,2565-04,4\n'));
        return bytes;
      },
      { heavy: true }
    ),
    file('ผล-bomb.xlsx', () => zipOfZeros(21, 10 * MB)),
    file('ผล.xls', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
    file('ผล.xlsx', () =>
      writeXlsx([
        {
          name: 'ผล',
          rows: [
            ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล'],
            ['บางคล้า', 'T2', '2565-04', 4]
          ]
        }
      ])
    ),
    file('กว้าง.csv', () => {
      const header = ['อำเภอ', 'เดือน', ...Array.from({ length: 9_998 }, (_, i) => `T${i}`)];
      const line = ['บางคล้า', '2565-04', ...Array.from({ length: 9_998 }, (_, i) => String(i))];
      return `${header.join(',')}\n${line.join(',')}\n`;
    }),
    file('กว้าง-แถว.csv', () => `${HEADER}บางคล้า,T2,2565-04,4\nบางปะกง,T2,2565-04,3${',1'.repeat(3_000)}\n`),
    file('excel.csv', () => {
      const blanks = ','.repeat(16_000);
      return `${HEADER.trim()}${blanks}\nบางคล้า,T2,2565-04,4${blanks}\n`;
    }),
    file('random.bin', () => randomBytes(1_000_000, 7)),
    file('สุ่ม.bin.csv', () => randomBytes(300_000, 11)),
    file('สุ่ม.csv', () => randomBytes(300_000, 7, (b) => 1 + (b % 255))),
    file('nul.csv', () => new Uint8Array(4096)),
    file('nul-50k.csv', () => new Uint8Array(50_000)),
    file('nul-lines.csv', nulLinesFile),
    file(
      'ผิดกรอบ.csv',
      () => HEADER + Array.from({ length: 120_000 }, (_, i) => `บางคล้า,T2,2565-04,ไม่ใช่ตัวเลข${i}`).join('\n'),
      { heavy: true }
    ),
    file('ขยะ.csv', () => HEADER + 'บางคล้า,T1,2565-06,ไม่ใช่ตัวเลข\n'.repeat(600_000), { heavy: true })
  ];
}

/** Broken lines: rejected one by one. */
function brokenLineFiles(): HostileFile[] {
  return [
    file('ยาว.csv', () => {
      const huge = 'ก'.repeat(1_000_000);
      return `${HEADER}บางคล้า,T2,2565-04,4\n${huge},T2,2565-04,5\nบางปะกง,T2,2565-04,${huge}\n`;
    }),
    file('หัวยาว.csv', () => {
      const extra = Array.from({ length: 1_000 }, (_, i) => `คอลัมน์แปลก${i}${'x'.repeat(500)}`);
      return `${HEADER.trim()},${extra.join(',')}\nบางคล้า,T2,2565-04,4\n`;
    }),
    file('nul-แถว.csv', () => `${HEADER}บางคล้า,T2,2565-04,4\nบาง\0ปะกง,T2,2565-04,5\n`),
    ...['=SUM(A1:A3)', '=1+1', '#DIV/0!', '#REF!', '@SUM(1)'].map((cell, i) =>
      file(`สูตร-${i + 1}.csv`, () => `${HEADER}บางคล้า,T2,2565-04,"${cell}"\n`)
    ),
    file('สูตร-อำเภอ.csv', () => `${HEADER}"=HYPERLINK(""http://x.invalid"",""บางคล้า"")",T2,2565-04,4\n`),
    file(
      'สูตร.csv',
      () =>
        `${HEADER}บางคล้า,T1,2565-06,=SUM(A1:A3)\nราชสาส์น,T1,2565-06,#DIV/0!\n` +
        `"=HYPERLINK(""http://x.invalid"")",T1,2565-06,5\nบางปะกง,@SUM(1+1),2565-06,5\nบ้านโพธิ์,T1,2565-06,+1+2\n`
    )
  ];
}

/** Encodings whole and cut, dates in ten forms, and the markup of e2e/support/hostile.ts. */
function encodingFiles(): HostileFile[] {
  return [
    file('ตัด.csv', () => {
      const bytes = utf8(CELL_BODY.trimEnd() + '\nท่าตะเกียบ');
      return bytes.subarray(0, bytes.length - 1);
    }),
    file('874.csv', () => windows874(CELL_BODY)),
    file('ตัด-874.csv', () => {
      const cp874 = windows874(`${HEADER}บางคล้า,T1,2565-06,5\nราชสาส์น,T1,2565-06,7`);
      return cp874.subarray(0, cp874.length - 8);
    }),
    file('u16le.txt', () => utf16(CELL_BODY, true)),
    file('u16be.txt', () => utf16(CELL_BODY, false)),
    // Dates in ten forms (and five that are not a month of the round).
    ...DATES.map((date, i) => file(`วันที่-${i + 1}.csv`, () => `${HEADER}บางคล้า,T2,${date},4\n`)),
    // e2e/support/hostile.ts: markup, template syntax and formulas in every text, against its framework.
    file(hostileResults().name, () => new Uint8Array(hostileResults().buffer), { framework: 'hostile' }),
    file(correctedResults().name, () => new Uint8Array(correctedResults().buffer), { framework: 'hostile' })
  ];
}

export function hostileFiles({ cuts = 1 } = {}): HostileFile[] {
  const files: HostileFile[] = [...refusedFiles(), ...brokenLineFiles(), ...encodingFiles()];
  const body = utf8(CELL_BODY);
  const cp874 = windows874(CELL_BODY);
  for (let cut = 0; cut <= body.length; cut += cuts) {
    files.push(file(`ตัด-${cut}.csv`, () => body.subarray(0, cut)));
  }
  for (let cut = 0; cut <= cp874.length; cut += cuts) {
    files.push(file(`874-ตัด-${cut}.csv`, () => cp874.subarray(0, cut)));
  }
  return files;
}

/**
 * The demo's results (static/demo/chachoengsao-2565-r2.csv) with thousands separators, written by Python
 * (`python3`: its csv module and its codecs), into `dir` — a writer other than ours (issue 11):
 *
 * - `py-csv.csv`: `csv.writer` (quotes `"732,113.47"`): must read exactly like the demo;
 * - `py-split.csv` (UTF-8) and `py-split-874.csv` (Windows-874, `codecs.open(…, 'cp874')`): `','.join` of the
 *   cells, numbers unquoted (`…,732,113.47,,`): the split lines must be refused, never read as 732;
 * - `py-ragged.csv`: the same, leaving out empty cells at the end of a line (`…,732,113.47`);
 * - `py-escaped.csv`: `csv.writer(quoting=QUOTE_NONE, escapechar='\\')` (`732\,113.47`).
 * Returns the file names. Throws when python3 is missing (the tests need it).
 */
export async function writePythonFiles(dir: string): Promise<string[]> {
  const { execFileSync } = await import('node:child_process');
  const demo = fileURLToPath(new URL('../../../static/demo/chachoengsao-2565-r2.csv', import.meta.url));
  const script = String.raw`
import codecs, csv, os, sys
from decimal import Decimal, InvalidOperation
out, demo = sys.argv[1], sys.argv[2]
with open(demo, encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
def grouped(cell):
    try:
        return format(Decimal(cell), ',')
    except InvalidOperation:
        return cell
lines = [header] + [[grouped(c) if i >= 3 else c for i, c in enumerate(r)] for r in body]
with open(os.path.join(out, 'py-csv.csv'), 'w', encoding='utf-8', newline='') as f:
    csv.writer(f).writerows(lines)
for name, encoding in (('py-split.csv', 'utf-8'), ('py-split-874.csv', 'cp874')):
    with codecs.open(os.path.join(out, name), 'w', encoding) as f:
        for r in lines:
            f.write(','.join(r) + '\r\n')
with codecs.open(os.path.join(out, 'py-ragged.csv'), 'w', 'utf-8') as f:
    for r in lines:
        while len(r) > 1 and r[-1] == '':
            r = r[:-1]
        f.write(','.join(r) + '\n')
with open(os.path.join(out, 'py-escaped.csv'), 'w', encoding='utf-8', newline='') as f:
    csv.writer(f, quoting=csv.QUOTE_NONE, escapechar='\\').writerows(lines)
`;
  execFileSync('python3', ['-c', script, dir, demo]);
  return ['py-csv.csv', 'py-split.csv', 'py-split-874.csv', 'py-ragged.csv', 'py-escaped.csv'];
}
