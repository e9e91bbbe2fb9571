import { describe, expect, it } from 'vitest';
import type { Framework } from '../domain/framework';
import { demoFramework } from '../domain/demo';
import { parsePeriodId, periodsOfFramework } from '../domain/periods';
import { grainsOf, periodOfGrain, periodsOnScreen, resolveSelection, type DemoSource } from './selection';
import { DEFAULT_VIEW } from './view-params';

const framework = (id: string, period: Framework['period'], groups: string[] = []): Framework => ({
  id,
  name: id,
  province: 'ฉะเชิงเทรา',
  fiscalYear: 2565,
  period,
  kpis: groups.map((group, index) => ({
    kpi: `K${index}`,
    name: 'k',
    group,
    weight: 50,
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: null
  })),
  bands: [],
  targets: [],
  notes: []
});

describe('resolveSelection: demo mode (issue 11)', () => {
  const builtin = framework('a', 'R2');
  const imported = framework('b', null);
  const source = (real: string[]): DemoSource => ({
    demoOf: (id) => (id === 'a' ? demoFramework(builtin) : undefined),
    hasRealResults: (id) => real.includes(id)
  });

  it('a built-in without real results shows its demo copy; the chosen id stays the real one', () => {
    const selection = resolveSelection([builtin, imported], DEFAULT_VIEW, source([]));
    expect(selection).toMatchObject({ frameworkId: 'a', demo: true, empty: false });
    expect(selection.framework?.id).toBe('demo:a');
    expect(selection.period?.id).toBe('FY2565-R2');
  });

  it('with real results: the real framework, never the demo; d=demo shows the demo apart', () => {
    const real = resolveSelection([builtin], DEFAULT_VIEW, source(['a']));
    expect(real).toMatchObject({ frameworkId: 'a', demo: false, empty: false });
    expect(real.framework?.id).toBe('a');
    const asked = resolveSelection([builtin], { ...DEFAULT_VIEW, data: 'demo' }, source(['a']));
    expect(asked.framework?.id).toBe('demo:a');
  });

  it('an imported framework, or d=real, without results is empty', () => {
    const none = resolveSelection([builtin, imported], { ...DEFAULT_VIEW, framework: 'b' }, source([]));
    expect(none).toMatchObject({ frameworkId: 'b', demo: false, empty: true });
    const real = resolveSelection([builtin], { ...DEFAULT_VIEW, data: 'real' }, source([]));
    expect(real).toMatchObject({ frameworkId: 'a', demo: false, empty: true });
    expect(real.framework?.id).toBe('a');
  });
});

describe('resolveSelection', () => {
  const frameworks = [framework('a', 'R2', ['ทีม', 'บุคคล']), framework('b', null)];

  it('defaults to the first framework and its own round', () => {
    const selection = resolveSelection(frameworks, DEFAULT_VIEW);
    expect(selection.framework?.id).toBe('a');
    expect(selection.period?.id).toBe('FY2565-R2');
    expect(selection.periods.map((p) => p.id)).toContain('2565-09');
    expect(selection.groups).toEqual(['ทีม', 'บุคคล']);
    expect(selection.group).toBe('*');
  });

  it('takes a valid period and group from the URL, and ignores unknown ones', () => {
    expect(resolveSelection(frameworks, { ...DEFAULT_VIEW, period: '2565-06', group: 'ทีม' })).toMatchObject({
      period: { id: '2565-06' },
      group: 'ทีม'
    });
    expect(resolveSelection(frameworks, { ...DEFAULT_VIEW, period: 'nonsense', group: 'x' })).toMatchObject({
      period: { id: 'FY2565-R2' },
      group: '*'
    });
  });

  it('falls back to the first framework for an unknown id; a whole-year framework defaults to the year', () => {
    expect(resolveSelection(frameworks, { ...DEFAULT_VIEW, framework: 'zzz' }).framework?.id).toBe('a');
    expect(resolveSelection(frameworks, { ...DEFAULT_VIEW, framework: 'b' }).period?.id).toBe('FY2565');
  });

  it('selects nothing when there is no framework', () => {
    expect(resolveSelection([], DEFAULT_VIEW)).toEqual({
      framework: null,
      frameworkId: null,
      demo: false,
      empty: false,
      periods: [],
      period: null,
      groups: [],
      group: '*'
    });
  });
});

describe('periodsOnScreen', () => {
  it('is the asked period and the one before it', () => {
    expect(periodsOnScreen(framework('a', null), 'FY2565-Q2')).toEqual(['FY2565-Q2', 'FY2565-Q1']);
  });
  it("is the framework's last period (and the one before) when none or an unknown one is asked", () => {
    const fw = framework('a', null);
    const last = resolveSelection([fw], { ...DEFAULT_VIEW, framework: 'a' }).period!;
    expect(periodsOnScreen(fw, null)[0]).toBe(last.id);
    expect(periodsOnScreen(fw, 'nonsense')[0]).toBe(last.id);
    expect(periodsOnScreen(fw, null)).toHaveLength(2);
  });
});

describe('opening on the latest month with results (issue 13.2)', () => {
  const fw = framework('a', 'R2'); // Apr–Sep 2565
  const source = (latest: string | null): DemoSource => ({
    demoOf: () => undefined,
    hasRealResults: () => true,
    latestMonth: (id) => (id === 'a' ? latest : null)
  });

  it('shows the latest month, compared with the month before', () => {
    const selection = resolveSelection([fw], DEFAULT_VIEW, source('2022-07'));
    expect(selection.period?.id).toBe('2565-07');
    expect(periodsOnScreen(fw, null, '2022-07')).toEqual(['2565-07', '2565-06']);
  });
  it('an asked period wins; a month the framework does not cover, or no results, opens the round', () => {
    expect(
      resolveSelection([fw], { ...DEFAULT_VIEW, period: 'FY2565-Q3' }, source('2022-07')).period?.id
    ).toBe('FY2565-Q3');
    expect(resolveSelection([fw], DEFAULT_VIEW, source('2021-12')).period?.id).toBe('FY2565-R2');
    expect(resolveSelection([fw], DEFAULT_VIEW, source(null)).period?.id).toBe('FY2565-R2');
    expect(resolveSelection([fw], DEFAULT_VIEW, source('not a month')).period?.id).toBe('FY2565-R2');
  });
});

describe('periodOfGrain: the round, quarter or year one click away', () => {
  const round = periodsOfFramework(2565, 'R2');
  const year = periodsOfFramework(2565, null);
  const july = parsePeriodId('2565-07')!;

  it('finds the quarter and round that hold the month, and the last month of a longer period', () => {
    expect(periodOfGrain(round, july, 'quarter')?.id).toBe('FY2565-Q4');
    expect(periodOfGrain(round, july, 'round')?.id).toBe('FY2565-R2');
    expect(periodOfGrain(round, parsePeriodId('FY2565-R2')!, 'month')?.id).toBe('2565-09');
    expect(periodOfGrain(round, parsePeriodId('FY2565-Q3')!, 'month')?.id).toBe('2565-06');
    expect(periodOfGrain(year, july, 'year')?.id).toBe('FY2565');
    expect(periodOfGrain(year, parsePeriodId('FY2565')!, 'round')?.id).toBe('FY2565-R2');
  });
  it('is null for a grain the framework does not have, and the period itself for its own grain', () => {
    expect(periodOfGrain(round, july, 'year')).toBeNull();
    expect(periodOfGrain(round, july, 'month')).toBe(july);
    expect(grainsOf(round)).toEqual(['month', 'quarter', 'round']);
    expect(grainsOf(year)).toEqual(['month', 'quarter', 'round', 'year']);
  });
});
