/** Turns a benchmark run into the summary (headline figures, ratios, targets) and its Markdown table. */

type Json = Record<string, unknown>;

/** A number at a dotted path (`browser.coldStart.value.coldMs.median`), or null. */
export function at(root: unknown, dotted: string): number | null {
  let node: unknown = root;
  for (const key of dotted.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Json)[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function cliWall(results: Json, engine: string): number | null {
  const runs = ((results.cli as Json | undefined)?.[engine] ?? []) as { ok: boolean; wallMs: number }[];
  return medianOf(runs.filter((run) => run.ok).map((run) => run.wallMs));
}

function cliFailure(results: Json, engine: string): string | null {
  const runs = ((results.cli as Json | undefined)?.[engine] ?? []) as {
    ok: boolean;
    timedOut: boolean;
    exitCode: number;
    stderrTail?: string;
  }[];
  const failed = runs.find((run) => !run.ok);
  return failed
    ? failed.timedOut
      ? 'timed out'
      : `exit ${failed.exitCode}: ${failed.stderrTail ?? ''}`
    : null;
}

function ratio(slow: number | null, fast: number | null): number | null {
  return slow === null || fast === null || fast === 0 ? null : Math.round((slow / fast) * 100) / 100;
}

/** The Chromium scoring time of the period a league table opens on (the framework's whole year). */
export function sqlScoreOnePeriod(results: Json): number | null {
  const one = (results.browser as Json | null)?.baselines as Json | undefined;
  const periods = ((one?.value as Json | undefined)?.sqlScoreOnePeriod ?? null) as Json | null;
  if (!periods) return null;
  const first = Object.values(periods)[0] as Json | undefined;
  return typeof first?.median === 'number' ? first.median : null;
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface Summary {
  figures: { name: string; where: string; value: string }[];
  ratios: { name: string; ratio: number | null; slow: number | null; fast: number | null; note: string }[];
  targets: Target[];
  /** Issue 15's targets (bench/speed-targets.ts), shown first when present. */
  speedTargets?: Target[];
}

const ms = (value: number | null) =>
  value === null ? 'n/a' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
const mb = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)} MB`);
const kb = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value / 1000)} kB`);

function phasesText(phases: unknown): string {
  if (!phases || typeof phases !== 'object') return 'n/a';
  return Object.entries(phases as Record<string, number>)
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ');
}

/** Node results keyed `engine.wasm.national` (flat) → nested objects, so that `at` finds them. */
export function nestKeys(flat: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Json;
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

export function summarise(input: Json): Summary {
  const results: Json = { ...input, node: nestKeys((input.node ?? {}) as Json) };
  const b = (path: string) => at(results, `browser.${path}`);
  const n = (path: string) => at(results, `node.${path}`);
  const coldMs = b('coldStart.value.coldMs.median');
  const fileToTable = b('nationalUpload.value.fileToTableMs');
  const scoreOne = sqlScoreOnePeriod(results);
  const periodMedian = b('periodSwitch.value.median');
  const periodP95 = b('periodSwitch.value.p95');
  const periodAnswered = b('periodSwitchAnswered.median');
  const groupAnswered = b('groupSwitchAnswered.median');
  const groupMedian = b('groupSwitch.value.median');
  const groupP95 = b('groupSwitch.value.p95');
  const national5Ms = b('national5.loadAndRankMs');
  const national5Peak = b('national5.rendererPeakMb');
  const national5Crashed =
    ((results.browser as Json | null)?.national5 as Json | undefined)?.crashed === true;
  const coldJs = b('coldStart.value.bytes.byKind.js.bytes');
  const plainFileToScores = b('baselines.value.plainFileToScores');
  const cliNative = cliWall(results, 'native');
  const cliWasm = cliWall(results, 'wasm');
  // The proposed upload path (fast reader, staged commit, the period on screen first): not wired in the app yet.
  const fastChromium = b('baselines.value.fast.fileToTableMs');
  const fastNodeWasm = n('fast.wasm.national.fileToTableMs');
  const fast5Chromium = b('fiveYearsFast.loadAndRankMs');
  const fast5Peak = b('fiveYearsFast.rendererPeakMb');
  const fast5Crashed =
    ((results.browser as Json | null)?.fiveYearsFast as Json | undefined)?.crashed === true;
  const fast5NodeWasm = fast5Chromium ?? n('fast.wasm.national5.fileToTableMs');
  const cliFast = n('cliFast.national.wallMs');

  const views = ((results.browser as Json | null)?.views as Json | undefined)?.value as
    Record<string, { ms: number; samples?: number[] }> | undefined;
  const figures: Summary['figures'] = [
    {
      name: 'cold start → demo league table',
      where: 'Chromium',
      value: `${ms(coldMs)} (repeat visit ${ms(b('coldStart.value.repeatVisitMs.median'))})`
    },
    {
      name: 'bytes downloaded on a cold start',
      where: 'Chromium',
      value: `${kb(b('coldStart.value.bytes.totalBytes'))}: JS ${kb(coldJs)}, WASM ${kb(b('coldStart.value.bytes.byKind.wasm.bytes'))}, fonts ${kb(b('coldStart.value.bytes.byKind.font.bytes'))} (gzip on the wire)`
    },
    {
      name: 'national file → validated → scored → table drawn',
      where: 'Chromium',
      value: `${ms(fileToTable)} (check ${ms(b('nationalUpload.value.validateMs'))} + import ${ms(b('nationalUpload.value.commitToTableMs'))})`
    },
    {
      name: "— the app's own measures in it (Session.timed; nested ones overlap)",
      where: 'Chromium',
      value: phasesText(
        (((results.browser as Json | null)?.nationalUpload as Json | undefined)?.value as Json | undefined)
          ?.phases
      )
    },
    {
      name: 'after that table: every other period scored and the tables around it read ahead',
      where: 'Chromium',
      value: `${ms(b('nationalIdleAfterTableMs'))} more, in the background (switches are timed after it)`
    },
    {
      name: 'scoring query alone, every period (19)',
      where: 'Chromium',
      value: ms(b('baselines.value.sqlScoreAll.median'))
    },
    { name: 'scoring query alone, one period (the year)', where: 'Chromium', value: ms(scoreOne) },
    {
      name: 'period switch (median / p95)',
      where: 'Chromium',
      value: `${ms(periodMedian)} / ${ms(periodP95)}`
    },
    {
      name: '— of a period / group switch, until the engine answered (median; the rest is drawing)',
      where: 'Chromium',
      value: `${ms(periodAnswered)} / ${ms(groupAnswered)}`
    },
    {
      name: 'group filter switch (median / p95)',
      where: 'Chromium',
      value: `${ms(groupMedian)} / ${ms(groupP95)}`
    },
    {
      name: 'search filter (median / p95)',
      where: 'Chromium',
      value: `${ms(b('searchFilter.value.median'))} / ${ms(b('searchFilter.value.p95'))}`
    },
    {
      name: 'framework switch (median / p95)',
      where: 'Chromium',
      value: `${ms(b('frameworkSwitch.value.median'))} / ${ms(b('frameworkSwitch.value.p95'))}`
    },
    {
      name: 'drawing each view (national; median of the runs in brackets)',
      where: 'Chromium',
      value: views
        ? Object.entries(views)
            .map(([view, v]) => `${view} ${ms(v.ms)}${v.samples ? ` (${v.samples.join(', ')})` : ''}`)
            .join(', ')
        : 'n/a'
    },
    {
      name: 'peak memory, national (renderer RSS / JS heap)',
      where: 'Chromium',
      value: `${mb(b('nationalMemory.rendererPeakMb'))} / ${mb(b('nationalMemory.jsHeapPeakMb'))}`
    },
    {
      name: '1.3M results (5 years): load and rank / peak renderer RSS',
      where: 'Chromium',
      value: `${ms(national5Ms)} / ${mb(national5Peak)}${national5Crashed ? ' — TAB CRASHED' : ''} (sum of the five file → table; wall time until every period of every year is scored: ${ms(b('national5.wallUntilIdleMs'))})`
    },
    {
      name: 'JS on a cold start (gzip): app / DuckDB worker',
      where: 'build',
      value: `${kb(b('bundle.appJs.gzip'))} / ${kb(b('bundle.duckdbWorkers.gzip'))} (all app JS in the build: ${kb(b('bundle.allJs.gzip'))})`
    },
    {
      name: 'command line, national, FY (native / wasm)',
      where: 'Node',
      value: `${ms(cliNative)} / ${ms(cliWasm)}`
    },
    {
      name: 'SQL score every period, national (native / wasm)',
      where: 'Node',
      value: `${ms(n('engine.native.national.scoreAll.median'))} / ${ms(n('engine.wasm.national.scoreAll.median'))}`
    },
    {
      name: 'SQL score every period, province (native / wasm)',
      where: 'Node',
      value: `${ms(n('engine.native.province.scoreAll.median'))} / ${ms(n('engine.wasm.province.scoreAll.median'))}`
    },
    {
      name: 'app path file → table, national (native / wasm)',
      where: 'Node',
      value: `${ms(n('pipeline.native.national.fileToTableMs'))} / ${ms(n('pipeline.wasm.national.fileToTableMs'))}`
    },
    {
      name: 'app reader (PapaParse + validation), national',
      where: 'Node',
      value: ms(n('ingest.national.appReader.median'))
    },
    {
      name: 'proposed upload path, national: file → table (read + commit + score period + table)',
      where: 'Chromium',
      value: `${ms(fastChromium)} (${ms(b('baselines.value.fast.readMs'))} + ${ms(b('baselines.value.fast.commitMs'))} + ${ms(b('baselines.value.fast.scoreShownMs'))} + ${ms(b('baselines.value.fast.leagueMs'))}); other periods after: ${ms(b('baselines.value.fast.scoreRemainingMs'))}`
    },
    {
      name: 'proposed upload path, national / 5 years: file → table',
      where: 'Node, DuckDB-WASM',
      value: `${ms(fastNodeWasm)} / ${ms(fast5NodeWasm)} (other periods after: ${ms(n('fast.wasm.national.scoreRemainingMs'))} / ${ms(n('fast.wasm.national5.scoreRemainingMs'))})`
    },
    {
      name: 'proposed command line (fast reader, period asked only), national FY',
      where: 'Node, native',
      value: `${ms(cliFast)} wall`
    },
    {
      name: 'proposed upload path, 5 years (≈ 1.3M): load and rank / peak renderer RSS',
      where: 'Chromium',
      value: `${ms(fast5Chromium)} / ${mb(fast5Peak)} (other periods after: ${ms(b('fiveYearsFast.scoreRemainingMs'))})`
    },
    ...(['startup', 'startupLazy'] as const).map((key) => ({
      name:
        key === 'startup'
          ? 'start-up work as the app does it (DuckDB, built-ins, demo data, score all)'
          : 'start-up work, proposed (score only the table on screen first)',
      where: 'Chromium',
      value: (() => {
        const s = ((results.browser as Json | null)?.baselines as Json | undefined)?.value as
          Json | undefined;
        const startup = s?.[key] as Record<string, number> | undefined;
        return startup
          ? Object.entries(startup)
              .map(([k, v]) => `${k.replace(/Ms$/, '')} ${ms(v)}`)
              .join(', ')
          : 'n/a';
      })()
    }))
  ];

  const ratios: Summary['ratios'] = [
    {
      name: '(a) plain-TS scorer ÷ SQL, every period, national',
      slow: b('baselines.value.plainScoreAll.median'),
      fast: b('baselines.value.sqlScoreAll.median'),
      ratio: null,
      note: 'Chromium (DuckDB-WASM)'
    },
    {
      name: '(a) plain-TS scorer ÷ SQL, every period, national',
      slow: n('plain.national.scoreAllMs'),
      fast: n('engine.wasm.national.scoreAll.median'),
      ratio: null,
      note: 'Node, DuckDB-WASM'
    },
    {
      name: '(a) plain-TS scorer ÷ SQL, every period, national',
      slow: n('plain.national.scoreAllMs'),
      fast: n('engine.native.national.scoreAll.median'),
      ratio: null,
      note: 'Node, native DuckDB'
    },
    {
      name: 'file → scored table: PapaParse + plain TS ÷ the app',
      slow: plainFileToScores,
      fast: fileToTable,
      ratio: null,
      note: 'Chromium; target ≥ 2'
    },
    {
      name: 'file → scored table: PapaParse + plain TS ÷ the app',
      slow: n('plain.national.fileToScoresMs'),
      fast: n('pipeline.wasm.national.fileToTableMs'),
      ratio: null,
      note: 'Node, app path on DuckDB-WASM'
    },
    {
      name: '(b) PapaParse ÷ DuckDB read_csv (strings), national file',
      slow: b('baselines.value.papaparse.median'),
      fast: b('baselines.value.duckdbReadCsv.warm.median'),
      ratio: null,
      note: `Chromium (read_csv cold ${ms(b('baselines.value.duckdbReadCsv.coldMs'))})`
    },
    {
      name: '(b) PapaParse ÷ DuckDB read_csv (strings), national file',
      slow: n('ingest.national.papaparse.median'),
      fast: n('ingest.national.duckdb.duckdb-wasm.allVarchar.median'),
      ratio: null,
      note: 'Node, DuckDB-WASM'
    },
    {
      name: '(b) PapaParse ÷ DuckDB read_csv (strings), national file',
      slow: n('ingest.national.papaparse.median'),
      fast: n('ingest.national.duckdb.duckdb-native.allVarchar.median'),
      ratio: null,
      note: 'Node, native DuckDB'
    },
    {
      name: '(b) app reader (PapaParse + checks) ÷ DuckDB read_csv',
      slow: b('baselines.value.appReader.median'),
      fast: b('baselines.value.duckdbReadCsv.warm.median'),
      ratio: null,
      note: 'Chromium'
    },
    {
      name: '(c) command line DuckDB-WASM ÷ native, national FY',
      slow: cliWasm,
      fast: cliNative,
      ratio: null,
      note: 'wall time, start-up included'
    },
    {
      name: '(c) SQL scoring DuckDB-WASM ÷ native, national',
      slow: n('engine.wasm.national.scoreAll.median'),
      fast: n('engine.native.national.scoreAll.median'),
      ratio: null,
      note: 'Node, every period'
    },
    {
      name: 'file → scored table: PapaParse + plain TS ÷ proposed path',
      slow: plainFileToScores,
      fast: fastChromium,
      ratio: null,
      note: 'Chromium (fast reader, period first)'
    },
    {
      name: '(b) app reader ÷ fast reader (same checks, same answers)',
      slow: b('baselines.value.appReader.median'),
      fast: b('baselines.value.fast.readMs'),
      ratio: null,
      note: 'Chromium, national'
    }
  ].map((row) => ({ ...row, ratio: ratio(row.slow, row.fast) }));

  const fileRatio = ratio(plainFileToScores, fileToTable);
  const jsGzip = b('bundle.appJs.gzip');
  const coldJsOnWire = coldJs;
  const targets: Target[] = [
    {
      name: 'national file → validated → scored → table drawn',
      target: '< 1.5 s',
      measured: ms(fileToTable),
      met: fileToTable === null ? null : fileToTable < 1500
    },
    {
      name: 'scoring one period (national, the year)',
      target: '< 150 ms',
      measured: ms(scoreOne),
      met: scoreOne === null ? null : scoreOne < 150
    },
    {
      name: 'period switch',
      target: 'median < 50 ms, p95 < 100 ms',
      measured: `${ms(periodMedian)} / ${ms(periodP95)}`,
      met: periodMedian === null || periodP95 === null ? null : periodMedian < 50 && periodP95 < 100
    },
    {
      name: 'filter switch (group)',
      target: 'median < 50 ms, p95 < 100 ms',
      measured: `${ms(groupMedian)} / ${ms(groupP95)}`,
      met: groupMedian === null || groupP95 === null ? null : groupMedian < 50 && groupP95 < 100
    },
    {
      name: '1.3M results load and rank',
      target: '< 8 s, < 1.5 GB, no crash',
      measured: `${ms(national5Ms)}, ${mb(national5Peak)}${national5Crashed ? ', crashed' : ''}`,
      met:
        national5Ms === null || national5Peak === null
          ? null
          : national5Ms < 8000 && national5Peak < 1536 && !national5Crashed
    },
    {
      name: 'cold start to the demo league table',
      target: '< 2.5 s',
      measured: ms(coldMs),
      met: coldMs === null ? null : coldMs < 2500
    },
    {
      name: 'JS excluding the WASM, gzip',
      target: '< 500 kB',
      measured: `${kb(coldJsOnWire)} on a cold start (app ${kb(jsGzip)} + DuckDB worker ${kb(b('bundle.duckdbWorkers.gzip'))} in the build)`,
      met: coldJsOnWire === null ? null : coldJsOnWire < 500_000
    },
    {
      name: 'file → table vs PapaParse + plain TS',
      target: '≥ 2× faster',
      measured: fileRatio === null ? 'n/a' : `${fileRatio}×`,
      met: fileRatio === null ? null : fileRatio >= 2
    },
    {
      name: '— with the proposed wiring: file → table (Chromium, no drawing)',
      target: '< 1.5 s',
      measured: ms(fastChromium),
      met: fastChromium === null ? null : fastChromium < 1500
    },
    {
      name: '— with the proposed wiring: file → table vs PapaParse + plain TS',
      target: '≥ 2× faster',
      measured:
        ratio(plainFileToScores, fastChromium) === null
          ? 'n/a'
          : `${ratio(plainFileToScores, fastChromium)}×`,
      met:
        ratio(plainFileToScores, fastChromium) === null ? null : ratio(plainFileToScores, fastChromium)! >= 2
    },
    {
      name: '— with the proposed wiring: 1.3M results load and rank',
      target: '< 8 s, < 1.5 GB, no crash',
      measured: `${ms(fast5NodeWasm)}${fast5Chromium === null ? ' (Node, DuckDB-WASM)' : `, ${mb(fast5Peak)}`}`,
      met:
        fast5NodeWasm === null
          ? null
          : fast5NodeWasm < 8000 && (fast5Peak === null || fast5Peak < 1536) && !fast5Crashed
    },
    {
      name: '— with the proposed wiring: command line, national FY (native)',
      target: '< 5 s wall',
      measured: ms(cliFast),
      met: cliFast === null ? null : cliFast < 5000
    },
    {
      name: 'command line, national, whole FY (native)',
      target: '< 5 s wall',
      measured: cliNative === null ? `failed: ${cliFailure(results, 'native') ?? 'not run'}` : ms(cliNative),
      met: cliNative === null ? (cliFailure(results, 'native') ? false : null) : cliNative < 5000
    }
  ];
  return { figures, ratios, targets };
}

export function renderMarkdown(results: Json, summary: Summary): string {
  const machine = results.machine as Json;
  const sizes = results.sizes as Record<
    string,
    { units: number; files: number; lines: number; bytes: number }
  >;
  const lines: string[] = [];
  lines.push(
    `# Benchmark ${String(results.date).slice(0, 16).replace('T', ' ')}${results.label ? ` (${results.label})` : ''}`
  );
  lines.push('');
  lines.push(
    `Commit ${results.commit}${results.dirty ? ' (with uncommitted changes)' : ''} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · Node ${machine.node} · Chromium ${((results.browser as Json | null)?.chromium as string) ?? 'n/a'} · run ${Math.round(Number(results.runMs) / 1000)} s`
  );
  lines.push('');
  lines.push(
    'Data: ' +
      Object.entries(sizes)
        .map(
          ([size, s]) =>
            `${size} ${s.units} units, ${s.lines.toLocaleString('en')} lines in ${s.files} file(s), ${(s.bytes / 1e6).toFixed(1)} MB`
        )
        .join(' · ')
  );
  lines.push('');
  const targetTable = (title: string, targets: Target[]) => {
    lines.push(title, '', '| target | goal | measured | met |', '|---|---|---|---|');
    for (const t of targets)
      lines.push(
        `| ${t.name} | ${t.target} | ${t.measured} | ${t.met === null ? 'n/a' : t.met ? 'yes' : '**no**'} |`
      );
    lines.push('');
  };
  if (summary.speedTargets) targetTable('## Targets of issue 15 (this run)', summary.speedTargets);
  targetTable(summary.speedTargets ? '## Targets of the first speed issue' : '## Targets', summary.targets);
  lines.push('## Ratios (slow ÷ fast; what the team tracks)');
  lines.push('');
  lines.push('| comparison | where | slow | fast | ratio |');
  lines.push('|---|---|---|---|---|');
  for (const r of summary.ratios)
    lines.push(
      `| ${r.name} | ${r.note} | ${ms(r.slow)} | ${ms(r.fast)} | ${r.ratio === null ? 'n/a' : `${r.ratio}×`} |`
    );
  lines.push('');
  lines.push('## Figures');
  lines.push('');
  lines.push('| measurement | where | value |');
  lines.push('|---|---|---|');
  for (const f of summary.figures) lines.push(`| ${f.name} | ${f.where} | ${f.value} |`);
  lines.push('');
  const errors: string[] = [];
  const collect = (prefix: string, node: unknown) => {
    if (node && typeof node === 'object') {
      const record = node as Json;
      if (typeof record.error === 'string') errors.push(`- ${prefix}: ${record.error.slice(0, 300)}`);
      for (const [key, value] of Object.entries(record))
        if (key !== 'error') collect(prefix ? `${prefix}.${key}` : key, value);
    }
  };
  collect('', { node: results.node, browser: results.browser });
  if (errors.length > 0) {
    lines.push('## Failures');
    lines.push('');
    lines.push(...errors);
    lines.push('');
  }
  return lines.join('\n');
}
