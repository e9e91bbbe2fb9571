import { describe, expect, it } from 'vitest';
import type { Framework } from '../domain/framework';
import { demoFramework } from '../domain/demo';
import { periodsOnScreen, resolveSelection, type DemoSource } from './selection';
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
