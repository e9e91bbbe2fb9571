/**
 * A built-in framework written out as its §9.2 folder (framework.csv, kpis.csv, levels.csv, targets.csv)
 * scores exactly like the built-in itself through `npm run score` (issue 11: acceptance checks score folders
 * copied from the letters). For every built-in framework and every grain of its period, the CSV league table
 * of its demo data is byte-identical from `--framework <folder>` and `--framework <id>`, and so are the JSON
 * rows; the folder reads back to the very framework.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsOfFramework } from '../src/lib/domain/periods';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../src/lib/frameworks/builtin';
import { frameworkToCsvFiles, readFrameworkFiles } from '../src/lib/ingest/framework-files';
import { score } from './score.testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'score-folders-'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe.each(BUILTIN_FRAMEWORKS.map((fw) => [fw.id, fw] as const))('%s as a §9.2 folder', (id, fw) => {
  const folder = () => path.join(temp, id);
  const demo = path.join(root, 'static', 'demo', demoFileName(id));
  // Every grain: the first and last month, each quarter, the round or the year.
  const all = periodsOfFramework(fw.fiscalYear, fw.period);
  const months = all.filter((p) => p.grain === 'month');
  const periods = [months[0], months.at(-1)!, ...all.filter((p) => p.grain !== 'month')].map((p) => p.id);

  beforeAll(async () => {
    await rm(folder(), { recursive: true, force: true });
    await mkdir(folder(), { recursive: true });
    for (const file of frameworkToCsvFiles(fw)) await writeFile(path.join(folder(), file.name), file.text);
  });

  it('reads back as the very framework', async () => {
    const names = await readdir(folder());
    const files = await Promise.all(
      names.map(async (name) => ({ name, text: await readFile(path.join(folder(), name), 'utf8') }))
    );
    const read = readFrameworkFiles(files);
    expect(read.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(read.framework).toEqual(fw);
  });

  it.each(periods)('%s: the same league table from the folder and from the id', async (periodId) => {
    const fromId = await score('--framework', id, '--results', demo, '--period', periodId);
    const fromFolder = await score('--framework', folder(), '--results', demo, '--period', periodId);
    expect(fromId.code, fromId.stderr).toBe(0);
    expect(fromFolder.code, fromFolder.stderr).toBe(0);
    expect(fromId.stdout.split('\n').length).toBeGreaterThan(3);
    expect(fromFolder.stdout).toBe(fromId.stdout);
    // stderr: the same lines, except that the folder's framework warnings name a file and line where the
    // built-in's name the KPI (`warning: levels.csv:31: …` against `warning: I1: …`): same messages.
    const message = (line: string) => line.replace(/^warning: [^:]+(:\d+)?: /, '');
    expect(fromFolder.stderr.split('\n').map(message).sort()).toEqual(
      fromId.stderr.split('\n').map(message).sort()
    );

    const jsonId = JSON.parse(
      (await score('--framework', id, '--results', demo, '--period', periodId, '--format', 'json')).stdout
    );
    const jsonFolder = JSON.parse(
      (await score('--framework', folder(), '--results', demo, '--period', periodId, '--format', 'json'))
        .stdout
    );
    expect(jsonFolder.rows).toEqual(jsonId.rows);
    expect([jsonFolder.framework, jsonFolder.period]).toEqual([jsonId.framework, jsonId.period]);
  });
});

describe('seed 001 households remaining, copied from the letter row by row (five "<= 0" bands for a district)', () => {
  // "จำนวนครัวเรือนเป้าหมายคงเหลือตามระดับคะแนน" ๑–๕, the all-zero rows included.
  const TABLE: [string, number[]][] = [
    ['เมืองฉะเชิงเทรา', [67, 58, 48, 38, 29]],
    ['บางคล้า', [23, 20, 17, 13, 10]],
    ['บางน้ำเปรี้ยว', [8, 7, 6, 4, 3]],
    ['บางปะกง', [20, 17, 15, 12, 9]],
    ['บ้านโพธิ์', [77, 66, 55, 44, 33]],
    ['พนมสารคาม', [0, 0, 0, 0, 0]],
    ['แปลงยาว', [0, 0, 0, 0, 0]],
    ['สนามชัยเขต', [146, 125, 104, 83, 62]],
    ['ราชสาส์น', [6, 5, 4, 3, 2]],
    ['ท่าตะเกียบ', [0, 0, 0, 0, 0]],
    ['คลองเขื่อน', [17, 15, 12, 10, 7]]
  ];
  const folder = () => path.join(temp, 'households');
  const results = () => path.join(temp, 'households-results.csv');

  beforeAll(async () => {
    await mkdir(folder(), { recursive: true });
    const files: Record<string, string> = {
      'framework.csv':
        'id,name,province,fiscal_year,period\nhouseholds,ครัวเรือนยากจนคงเหลือ,ฉะเชิงเทรา,2565,R2\n',
      'kpis.csv':
        'kpi,name,group,weight,scale,measure,aggregate,interpolate,target_level,parent,combine\n' +
        'I1,ร้อยละของครัวเรือนยากจนเป้าหมายที่มีรายได้ต่ำกว่าเกณฑ์ จปฐ. คงเหลือ,รายบุคคล,10,1-5,value,last,false,,,\n',
      'levels.csv':
        'kpi,level,points,op,value,value2,unit,label\n' +
        TABLE.flatMap(([district, limits]) =>
          limits.map((limit, i) => `I1,${i + 1},${i + 1},<=,${limit},,${district},ไม่เกิน ${limit} ครัวเรือน`)
        ).join('\n') +
        '\n'
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder(), name), text);
    await writeFile(
      results(),
      'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน\n' +
        'พนมสารคาม,I1,2565-09,0\nแปลงยาว,I1,2565-09,1\nท่าตะเกียบ,I1,2565-09,0\nเมืองฉะเชิงเทรา,I1,2565-09,38\n'
    );
  });

  it.each(['native', 'wasm'])(
    'validates with warnings only and scores 0 households as level 5, 1 as below every band (%s)',
    async (engine) => {
      const run = (format: string) =>
        score(
          '--framework',
          folder(),
          '--results',
          results(),
          '--period',
          '2565-09',
          '--format',
          format,
          '--engine',
          engine
        );
      const csv = await run('csv');
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stderr).not.toMatch(/^error/m);
      const warned = csv.stderr.split('\n').filter((line) => line.includes('ไม่มีทางได้'));
      expect(warned).toEqual(
        ['พนมสารคาม', 'แปลงยาว', 'ท่าตะเกียบ'].map((district) =>
          expect.stringMatching(
            new RegExp(`^warning: levels\\.csv:\\d+: ตัวชี้วัด I1 หน่วยงาน ${district}: ระดับ 4, 3, 2, 1 ไม่มีทางได้`)
          )
        )
      );
      const rows = new Map(
        csv.stdout
          .trimEnd()
          .split('\n')
          .slice(1)
          .map((line) => line.split(','))
          .map((cells) => [cells[1], cells.slice(6)])
      );
      expect(rows.get('พนมสารคาม')).toEqual(['0', '5', '5.0000']);
      expect(rows.get('ท่าตะเกียบ')).toEqual(['0', '5', '5.0000']);
      expect(rows.get('แปลงยาว')).toEqual(['1', '', '0.0000']);
      expect(rows.get('เมืองฉะเชิงเทรา')).toEqual(['38', '4', '4.0000']);
      const json = JSON.parse((await run('json')).stdout);
      const status = (unit: string) =>
        json.rows.find((row: { unit: string }) => row.unit === unit).kpis.I1.status;
      expect([status('พนมสารคาม'), status('แปลงยาว'), status('บางคล้า')]).toEqual(['ok', 'below', 'missing']);
    }
  );
});
