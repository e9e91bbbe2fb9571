/**
 * Issue 15's targets, checked against one benchmark run (`npm run bench`): the first table of the report.
 * The table below it keeps the first speed issue's goals, so that older runs stay comparable.
 * Every figure comes from the same run; a part that did not run is "n/a", never met.
 */
import { at, sqlScoreOnePeriod, type Target } from './report';

type Json = Record<string, unknown>;

export const ISSUE_15 = {
  firstVisitMs: 8000,
  repeatOfflineMs: 1500,
  /** SQL scoring of every period against the plain-TS scorer, in Chromium: at least as fast (aim 1.5×). */
  sqlOverPlain: 1,
  onePeriodMs: 100,
  fileToTableMs: 1200,
  fileOverPlain: 2.5,
  fiveYearsMs: 6000,
  fiveYearsMb: 1200,
  viewDrawMs: 250,
  switchMedianMs: 50,
  coldJsBytes: 450_000
} as const;

/** The views the issue names as slow: trends, misses and missions. */
const SLOW_VIEWS = ['trends', 'misses', 'missions'] as const;

const ms = (value: number | null) =>
  value === null ? 'n/a' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;

function under(value: number | null, goal: number): boolean | null {
  return value === null ? null : value < goal;
}

function times(slow: number | null, fast: number | null): number | null {
  return slow === null || fast === null || fast === 0 ? null : Math.round((slow / fast) * 100) / 100;
}

export function issue15Targets(results: Json): Target[] {
  const b = (path: string) => at(results, `browser.${path}`);
  const o = (path: string) => at(results, `offline.${path}`);
  const sqlRatio = times(b('baselines.value.plainScoreAll.median'), b('baselines.value.sqlScoreAll.median'));
  const fileToTable = b('nationalUpload.value.fileToTableMs');
  const fileRatio = times(b('baselines.value.plainFileToScores'), fileToTable);
  const fiveMs = b('national5.loadAndRankMs');
  const fiveMb = b('national5.rendererPeakMb');
  const views = ((results.browser as Json | null)?.views as Json | undefined)?.value as
    Record<string, { ms: number }> | undefined;
  const drawn = SLOW_VIEWS.map((view) => views?.[view]?.ms ?? null);
  const slowest = drawn.some((value) => value === null) ? null : Math.max(...(drawn as number[]));
  const period = b('periodSwitch.value.median');
  const group = b('groupSwitch.value.median');
  const coldJs = b('coldStart.value.bytes.byKind.js.bytes');
  const one = sqlScoreOnePeriod(results);
  return [
    {
      name: 'first visit to the demo table at 10 Mbit/s, 40 ms RTT',
      target: `< ${ISSUE_15.firstVisitMs / 1000} s`,
      measured: ms(o('firstVisitMs.median')),
      met: under(o('firstVisitMs.median'), ISSUE_15.firstVisitMs)
    },
    {
      name: 'repeat visit offline',
      target: `< ${ISSUE_15.repeatOfflineMs / 1000} s`,
      measured: ms(o('repeatOfflineMs.median')),
      met: under(o('repeatOfflineMs.median'), ISSUE_15.repeatOfflineMs)
    },
    {
      name: 'SQL scoring of every period ÷ the plain-TS scorer (Chromium)',
      target: `≥ ${ISSUE_15.sqlOverPlain}× (aim 1.5×)`,
      measured: sqlRatio === null ? 'n/a' : `${sqlRatio}× as fast`,
      met: sqlRatio === null ? null : sqlRatio >= ISSUE_15.sqlOverPlain
    },
    {
      name: 'scoring one period (national, the year)',
      target: `< ${ISSUE_15.onePeriodMs} ms`,
      measured: ms(one),
      met: under(one, ISSUE_15.onePeriodMs)
    },
    {
      name: 'national file → table drawn',
      target: `< ${ISSUE_15.fileToTableMs / 1000} s`,
      measured: ms(fileToTable),
      met: under(fileToTable, ISSUE_15.fileToTableMs)
    },
    {
      name: 'file → table vs PapaParse + plain TS',
      target: `≥ ${ISSUE_15.fileOverPlain}× faster`,
      measured: fileRatio === null ? 'n/a' : `${fileRatio}×`,
      met: fileRatio === null ? null : fileRatio >= ISSUE_15.fileOverPlain
    },
    {
      name: '1.3M results load and rank',
      target: `< ${ISSUE_15.fiveYearsMs / 1000} s, < ${ISSUE_15.fiveYearsMb / 1000} GB`,
      measured: `${ms(fiveMs)}, ${fiveMb === null ? 'n/a' : `${Math.round(fiveMb)} MB`}`,
      met:
        fiveMs === null || fiveMb === null
          ? null
          : fiveMs < ISSUE_15.fiveYearsMs && fiveMb < ISSUE_15.fiveYearsMb
    },
    {
      name: 'trends, misses, missions drawn (the slowest)',
      target: `< ${ISSUE_15.viewDrawMs} ms each`,
      measured: SLOW_VIEWS.map((view, i) => `${view} ${ms(drawn[i])}`).join(', '),
      met: under(slowest, ISSUE_15.viewDrawMs)
    },
    {
      name: 'period and group filter switch (median)',
      target: `< ${ISSUE_15.switchMedianMs} ms`,
      measured: `${ms(period)} / ${ms(group)}`,
      met:
        period === null || group === null
          ? null
          : period < ISSUE_15.switchMedianMs && group < ISSUE_15.switchMedianMs
    },
    {
      name: 'JS on a cold start, gzip',
      target: `< ${ISSUE_15.coldJsBytes / 1000} kB`,
      measured: coldJs === null ? 'n/a' : `${Math.round(coldJs / 1000)} kB`,
      met: under(coldJs, ISSUE_15.coldJsBytes)
    }
  ];
}
