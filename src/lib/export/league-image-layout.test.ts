/**
 * The LINE picture's layout (issue 13.6) on league tables scored by real DuckDB: its size follows the rows,
 * every district is drawn with rank, name, total and one chip per KPI in its level colour, the title and the
 * headline say what the page says, the legend follows the framework's scale, and demo data is labelled.
 * Text widths come from a fixed-width stand-in for the canvas (0.6 em a character).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin';
import { readResultsText } from '../ingest/results';
import { periodsOfFramework, previousPeriod } from '../domain/periods';
import { STRINGS, type StringKey } from '../i18n/strings';
import { leagueHeadline } from '../scoring/headline';
import type { LeagueTable } from '../scoring/league';
import { result, scoreOn, twoKpiFramework } from '../scoring/testing';
import { Workspace } from '../scoring/workspace';
import { BELOW_STYLE, LEVEL_STEPS } from '../charts/level-colors';
import { demoCsv } from '../scoring/demo.testing';
import {
  IMAGE_WIDTH,
  chipGrid,
  fitText,
  latestMonth,
  leagueImageLayout,
  wrapText,
  type DrawItem,
  type Font,
  type LeagueImageLayout
} from './league-image-layout';

let db: Db;
let workspace: Workspace;

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
});

afterAll(async () => {
  await db?.close();
});

const measure = (text: string, font: Font) => [...text].length * font.size * 0.6;
const th = (key: StringKey) => STRINGS.th[key];
const PRINTED = new Date(Date.UTC(2026, 11, 3, 12));

type Text = Extract<DrawItem, { kind: 'text' }>;
type Rect = Extract<DrawItem, { kind: 'rect' }>;
const texts = (layout: LeagueImageLayout) => layout.items.filter((i): i is Text => i.kind === 'text');
const rects = (layout: LeagueImageLayout) => layout.items.filter((i): i is Rect => i.kind === 'rect');
const inBox = (item: { y: number }, box: { y: number; height: number }) =>
  item.y >= box.y && item.y <= box.y + box.height;

function layoutOf(table: LeagueTable, previous: LeagueTable | null, demo = false) {
  return leagueImageLayout({
    table,
    headline: leagueHeadline(table, previous),
    t: th,
    lang: 'th',
    demo,
    printed: PRINTED,
    measure
  });
}

const small = twoKpiFramework('line-image-small');
const MUEANG = 'เมืองฉะเชิงเทรา';
const rows = [
  result(MUEANG, 'A', '2022-08', 80),
  result(MUEANG, 'B', '2022-08', 20),
  result('บางคล้า', 'A', '2022-08', 100),
  result('บางคล้า', 'B', '2022-08', 50),
  // September: เมือง 5/5 (5) · บางคล้า A 4 B 3 (3.6); บางคล้า reports nothing for B in September
  result(MUEANG, 'A', '2022-09', 100),
  result(MUEANG, 'B', '2022-09', 50),
  result('บางคล้า', 'A', '2022-09', 92),
  result('บางคล้า', 'B', '2022-09', 35)
];

describe('the layout of a small framework', () => {
  test('one row per district in rank order, with its rank, name, total and a chip per KPI', async () => {
    const september = await scoreOn(workspace, small, rows, '2565-09');
    const august = await workspace.leagueTable(small.id, '2565-08');
    const layout = layoutOf(september, august);
    expect(layout.width).toBe(IMAGE_WIDTH);
    expect(layout.rows.map((r) => r.unitId)).toEqual(september.rows.map((r) => r.unitId));
    expect(layout.rows).toHaveLength(11);
    // Rows follow one another without gaps or overlaps, and the picture ends after the last one (+ legend).
    for (let i = 1; i < layout.rows.length; i++)
      expect(layout.rows[i].y).toBe(layout.rows[i - 1].y + layout.rows[i - 1].height);
    const last = layout.rows.at(-1)!;
    expect(layout.height).toBeGreaterThan(last.y + last.height + 60);
    expect(layout.height).toBeLessThan(last.y + last.height + 220);

    const first = layout.rows[0];
    const rowTexts = texts(layout).filter((t) => t.y > first.y && t.y < first.y + first.height);
    expect(rowTexts.map((t) => t.text)).toEqual(expect.arrayContaining(['1', MUEANG, '5.00', '5']));
    // เมือง rose from 2nd (2.6) to 1st: an up arrow and 1.
    const arrows = layout.items.filter((i) => i.kind === 'triangle' && inBox(i, first));
    expect(arrows).toEqual([expect.objectContaining({ direction: 'up' })]);
    // Two chips of the top level (step 5 of the scale).
    const chips = rects(layout).filter((r) => r.height === 34 && inBox(r, first));
    expect(chips.map((c) => c.fill)).toEqual([LEVEL_STEPS[4].background, LEVEL_STEPS[4].background]);
  });

  test('a district that did not report gets dashed "not reported" chips', async () => {
    const september = await scoreOn(workspace, small, rows, '2565-09');
    const layout = layoutOf(september, null);
    const silent = september.rows.find((r) => r.unit === 'บางปะกง')!;
    const row = layout.rows.find((r) => r.unitId === silent.unitId)!;
    const chips = rects(layout).filter((r) => r.height === 34 && inBox(r, row));
    expect(chips).toHaveLength(2);
    expect(chips.every((c) => c.fill === null && c.dashedStroke !== null)).toBe(true);
  });

  test('the title says framework, period and the latest month with data; the headline its figures', async () => {
    const september = await scoreOn(workspace, small, rows, '2565-09');
    const august = await workspace.leagueTable(small.id, '2565-08');
    const layout = layoutOf(september, august);
    expect(latestMonth(september)).toBe('2022-09');
    const title = texts(layout).filter((t) => inBox(t, layout.titleBox));
    expect(title.map((t) => t.text).join('\n')).toContain(small.name);
    expect(title.at(-1)!.text).toBe('กันยายน 2565 · ข้อมูล ณ กันยายน 2565');
    const headline = texts(layout)
      .filter((t) => inBox(t, layout.headlineBox))
      .map((t) => t.text);
    // (5 + 3.6) / 11 = 0.78 of 5 (15.6%); August (2.6 + 5) / 11 = 0.69 → +0.09.
    expect(headline).toEqual(
      expect.arrayContaining([
        'คะแนนเฉลี่ยทั้งจังหวัด',
        '0.78',
        'จาก 5 (15.6%)',
        '+0.09 จากช่วงก่อน',
        'ผ่านเป้าหมายทุกตัวชี้วัด 1 จาก 11 อำเภอ',
        'ตัวชี้วัดที่ทำให้เสียคะแนนมากที่สุด'
      ])
    );
    expect(headline.some((t) => t.startsWith('A '))).toBe(true);
    expect(headline).toContain('ขึ้นมากที่สุด: เมืองฉะเชิงเทรา +1');
    expect(headline).toContain('ลงมากที่สุด: บางคล้า −1');
    // Nothing to compare with: said so, no change figure.
    const alone = texts(layoutOf(september, null)).map((t) => t.text);
    expect(alone).toContain('ไม่มีข้อมูลช่วงก่อนให้เทียบ');
    expect(alone.some((t) => t.includes('จากช่วงก่อน') && t.startsWith('+'))).toBe(false);
  });

  test('the source line with the print date; demo data labelled at the top and the bottom', async () => {
    const september = await scoreOn(workspace, small, rows, '2565-09');
    const real = texts(layoutOf(september, null)).map((t) => t.text);
    expect(real).toContain('กระดานผลงาน · พิมพ์ 3 ธันวาคม 2569');
    expect(real).not.toContain('ข้อมูลตัวอย่าง');
    const demo = layoutOf(september, null, true);
    expect(texts(demo).filter((t) => t.text === 'ข้อมูลตัวอย่าง')).toHaveLength(2);
    // The demo strip pushes everything down by its height.
    expect(demo.height).toBe(layoutOf(september, null).height + 48);
  });

  test('the legend is the 1–5 scale for a 1–5 framework', async () => {
    const september = await scoreOn(workspace, small, rows, '2565-09');
    const layout = layoutOf(september, null);
    const after = layout.rows.at(-1)!.y + layout.rows.at(-1)!.height;
    const legend = texts(layout).filter((t) => t.y > after);
    expect(legend.map((t) => t.text).slice(0, 9)).toEqual([
      'คำอธิบายสี:',
      '5',
      '4',
      '3',
      '2',
      '1',
      '×',
      'ต่ำกว่าเกณฑ์',
      '–'
    ]);
  });
});

describe('built-in frameworks', () => {
  for (const builtin of BUILTIN_FRAMEWORKS) {
    test(`${builtin.id}: every row fits the width, the legend follows the scale`, async () => {
      const text = demoCsv(builtin.id);
      const last = periodsOfFramework(builtin.fiscalYear, builtin.period).at(-1)!;
      const table = await scoreOn(
        workspace,
        builtin,
        readResultsText(`${builtin.id}.csv`, text, { framework: builtin }).rows,
        last.id
      );
      const previous = await workspace.leagueTable(builtin.id, previousPeriod(last).id);
      const layout = layoutOf(table, previous, true);
      expect(layout.rows).toHaveLength(table.rows.length);
      for (const item of layout.items) {
        if (item.kind === 'rect') expect(item.x + item.width).toBeLessThanOrEqual(IMAGE_WIDTH);
        if (item.kind === 'text' && item.align === 'left')
          expect(item.x + measure(item.text, item.font), item.text).toBeLessThanOrEqual(IMAGE_WIDTH - 30);
        if (item.kind === 'text' && item.align === 'right')
          expect(item.x).toBeLessThanOrEqual(IMAGE_WIDTH - 30);
      }
      const inRows = (r: Rect) =>
        layout.rows.some((row) => r.y >= row.y && r.y + r.height <= row.y + row.height);
      const chips = rects(layout).filter((r) => r.height === 34 && inRows(r));
      expect(chips).toHaveLength(table.rows.length * table.kpis.length);
      const legend = texts(layout)
        .filter((t) => t.y > layout.rows.at(-1)!.y + layout.rows.at(-1)!.height)
        .map((t) => t.text);
      const grades = builtin.kpis.some((k) => k.parent === null && k.scale === 'A-D');
      if (grades) expect(legend).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
      if (builtin.id === 'buriram-2567-q4') expect(legend).not.toContain('5');
      // Below every band: the dark chip with ×.
      const below = table.rows.flatMap((r) =>
        table.kpis.filter((k) => r.cells[k.kpi]?.status === 'below')
      ).length;
      expect(chips.filter((c) => c.fill === BELOW_STYLE.background)).toHaveLength(below);
    });
  }
});

describe('text fitting', () => {
  const font: Font = { size: 10, weight: 400 };
  test('fitText cuts with an ellipsis at whole grapheme clusters', () => {
    expect(fitText('บางคล้า', 100, font, measure)).toBe('บางคล้า');
    const cut = fitText('เมืองฉะเชิงเทรา', 40, font, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut, font)).toBeLessThanOrEqual(40);
    // No combining mark left at the start of what was cut away: the kept text is a prefix of whole clusters.
    expect('เมืองฉะเชิงเทรา'.startsWith(cut.slice(0, -1))).toBe(true);
  });

  test('wrapText breaks Thai at word ends and cuts after maxLines', () => {
    const title = 'ตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการ จังหวัดฉะเชิงเทรา';
    const lines = wrapText(title, 200, font, measure, 'th');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/\s/g, '')).toBe(title.replace(/\s/g, ''));
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(200);
    expect(lines[0].startsWith('ตัวชี้วัด')).toBe(true);
    const two = wrapText(title, 200, font, measure, 'th', 2);
    expect(two).toHaveLength(2);
    expect(two[1].endsWith('…')).toBe(true);
  });

  test('chipGrid: one line while chips stay 24 px wide, then wraps', () => {
    expect(chipGrid(11, 500)).toEqual({ chip: 42, perLine: 11, lines: 1 });
    expect(chipGrid(2, 500)).toEqual({ chip: 56, perLine: 2, lines: 1 });
    expect(chipGrid(19, 500)).toEqual({ chip: 24, perLine: 18, lines: 2 });
  });
});
