/**
 * Test support for the built-in frameworks' valid ranges (kpis.csv `min`/`max`, issue 11): each framework's
 * test lists, KPI by KPI, the range its letter implies with the letter's words that imply it. The words are
 * checked against the framework's own text from the letter (the KPI's name and its bands' criteria), so a
 * quote cannot drift from the rules it stands for.
 */
import { expect, test } from 'vitest';
import type { Framework } from '../domain/framework';
import { validateFramework } from '../domain/framework-validate';

export interface RangeCase {
  kpi: string;
  min: number | null;
  max: number | null;
  /** Words of the letter (the KPI's name or one of its criteria) that say what is reported. */
  letter: string;
  /** Why the range follows, in a few words. */
  reads: string;
}

/**
 * The framework with no valid ranges, for tests of reading mechanics (syntax, formats, names) whose generated
 * values are not meant to be plausible; the ranges themselves are tested in reading-rules.test.ts.
 */
export function withoutRanges(fw: Framework): Framework {
  return { ...fw, kpis: fw.kpis.map((kpi) => ({ ...kpi, min: null, max: null })) };
}

/** The framework's text of a KPI taken from the letter: its name and its bands' criteria. */
function letterText(fw: Framework, kpi: string): string {
  const name = fw.kpis.find((k) => k.kpi === kpi)?.name ?? '';
  const labels = fw.bands.filter((band) => band.kpi === kpi).map((band) => band.label);
  return [name, ...labels].join('\n');
}

/** Tests that the framework (read in a `beforeAll`) states exactly these ranges, for every KPI that takes reported values. */
export function rangeTests(framework: () => Framework, cases: readonly RangeCase[]): void {
  test('every KPI that takes reported values has a range case; composites have none', () => {
    const fw = framework();
    const leaves = fw.kpis.filter((kpi) => kpi.measure !== 'combine').map((kpi) => kpi.kpi);
    expect(cases.map((c) => c.kpi).sort()).toEqual([...leaves].sort());
    for (const kpi of fw.kpis.filter((k) => k.measure === 'combine')) {
      expect([kpi.kpi, kpi.min ?? null, kpi.max ?? null]).toEqual([kpi.kpi, null, null]);
    }
  });

  test.each(cases)('$kpi: min $min, max $max — "$letter" ($reads)', ({ kpi, min, max, letter }) => {
    const fw = framework();
    const found = fw.kpis.find((k) => k.kpi === kpi);
    expect(found, kpi).toBeDefined();
    expect([found?.min ?? null, found?.max ?? null]).toEqual([min, max]);
    expect(letterText(fw, kpi)).toContain(letter);
  });

  test('no level is put out of reach by a range', () => {
    const outside = validateFramework(framework()).filter((issue) =>
      issue.message.includes('ค่าที่รายงานได้อยู่ในช่วง')
    );
    expect(outside).toEqual([]);
  });
}
