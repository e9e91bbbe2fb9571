import { describe, expect, it } from 'vitest';
import { renderMarkdown, summarise } from './report';
import { issue15Targets } from './speed-targets';

/** A run with every figure the issue's table reads (only the fields it reads). */
function run(overrides: { oneMs?: number; trendsMs?: number; offline?: boolean } = {}) {
  return {
    date: '2026-12-07T10:00:00Z',
    commit: 'abc1234',
    machine: { cpus: 2, cpuModel: 'test', memoryGb: 24, node: 'v20' },
    sizes: {},
    browser: {
      baselines: {
        value: {
          plainScoreAll: { median: 1200 },
          sqlScoreAll: { median: 800 },
          plainFileToScores: 3000,
          sqlScoreOnePeriod: { FY2567: { median: overrides.oneMs ?? 90 }, '2567-09': { median: 40 } }
        }
      },
      nationalUpload: { value: { fileToTableMs: 1100 } },
      national5: { loadAndRankMs: 5000, rendererPeakMb: 1100 },
      views: {
        value: { trends: { ms: overrides.trendsMs ?? 200 }, misses: { ms: 70 }, missions: { ms: 240 } }
      },
      periodSwitch: { value: { median: 40, p95: 80 } },
      groupSwitch: { value: { median: 30, p95: 60 } },
      coldStart: { value: { bytes: { byKind: { js: { bytes: 432_000 } } } } }
    },
    offline:
      overrides.offline === false
        ? null
        : { firstVisitMs: { median: 7000 }, repeatOfflineMs: { median: 1400 } }
  };
}

describe('issue15Targets', () => {
  it('meets every target of a run that is inside each goal', () => {
    const targets = issue15Targets(run());
    expect(targets).toHaveLength(10);
    expect(targets.filter((t) => t.met !== true).map((t) => t.name)).toEqual([]);
    expect(targets.find((t) => t.name.startsWith('SQL scoring'))?.measured).toBe('1.5× as fast');
    expect(targets.find((t) => t.name.startsWith('file → table vs'))?.measured).toBe('2.73×');
  });

  it('misses on the figure over its goal: the year takes 120 ms, the trends 251 ms', () => {
    const targets = issue15Targets(run({ oneMs: 120, trendsMs: 251 }));
    const missed = targets.filter((t) => t.met === false);
    expect(missed.map((t) => t.measured)).toEqual(['120 ms', 'trends 251 ms, misses 70 ms, missions 240 ms']);
  });

  it('a part that did not run is n/a, never met', () => {
    const targets = issue15Targets(run({ offline: false }));
    expect(targets.slice(0, 2).map((t) => [t.measured, t.met])).toEqual([
      ['n/a', null],
      ['n/a', null]
    ]);
  });

  it('is the first table of the report when present', () => {
    const results = run();
    const markdown = renderMarkdown(results, {
      ...summarise(results),
      speedTargets: issue15Targets(results)
    });
    expect(markdown.indexOf('## Targets of issue 15')).toBeGreaterThan(0);
    expect(markdown.indexOf('## Targets of issue 15')).toBeLessThan(
      markdown.indexOf('## Targets of the first')
    );
    expect(markdown).toContain('| scoring one period (national, the year) | < 100 ms | 90 ms | yes |');
  });
});
