/**
 * The framework a `score` run names (cli/score-command.ts): a built-in id, a folder of CSV/JSON files or a
 * framework.json, with its issues; and how a failed run is told (`ScoreError`: the reason, and the
 * framework's issues when it is not valid; anything else with its stack; exit 1).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Framework, FrameworkIssue } from '../src/lib/domain/framework';
import { validateFramework } from '../src/lib/domain/framework-validate';
import { BUILTIN_FRAMEWORKS, builtinFramework } from '../src/lib/frameworks/builtin';
import { decodeText } from '../src/lib/ingest/decode';
import { readFrameworkFiles, readFrameworkJson } from '../src/lib/ingest/framework-files';
import { resolveFrameworkUnit } from '../src/lib/scoring/workspace';

/** The interface the command writes to (the process's streams, or a test's buffers). */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A run that cannot score, for a reason told on stderr (exit 1). */
export class ScoreError extends Error {}

export async function loadFramework(
  spec: string
): Promise<{ framework: Framework; issues: FrameworkIssue[] }> {
  const resolveUnit = (name: string, fw: Framework) => resolveFrameworkUnit(fw, name) !== null;
  const builtin = builtinFramework(spec);
  // A built-in framework is told about like a folder (seed 001's weights summing to 105, its all-zero
  // households rows whose levels 4–1 can never be reached): the same warnings, naming the KPI.
  if (builtin) return { framework: builtin, issues: validateFramework(builtin, { resolveUnit }) };
  let info;
  try {
    info = await stat(spec);
  } catch {
    const known = BUILTIN_FRAMEWORKS.map((fw) => fw.id).join(', ');
    throw new ScoreError(`unknown framework "${spec}": not a built-in id (${known}) nor a file or folder`);
  }
  let read;
  if (info.isDirectory()) {
    const names = (await readdir(spec)).filter((name) => /\.(csv|json)$/i.test(name));
    const files = await Promise.all(
      names.map(async (name) => ({ name, text: decodeText(await readFile(path.join(spec, name))).text }))
    );
    read = readFrameworkFiles(files, { resolveUnit });
  } else {
    const text = decodeText(await readFile(spec)).text;
    read = readFrameworkJson(path.basename(spec), text, { resolveUnit });
  }
  if (!read.framework) {
    const first = read.issues.find((issue) => issue.severity === 'error');
    throw new ScoreError(
      `framework ${spec} is not valid: ${first ? `${first.where}: ${first.message}` : 'unreadable'}` +
        (read.issues.length > 1 ? ` (and ${read.issues.length - 1} more issue(s), see above)` : ''),
      { cause: read.issues }
    );
  }
  return { framework: read.framework, issues: read.issues };
}

export function issueLine(issue: FrameworkIssue): string {
  return `${issue.severity}: ${issue.where}: ${issue.message}`;
}

/** A run that failed: the framework's issues and the reason on stderr (unexpected errors with their stack); exit 1. */
export function failed(error: unknown, out: Output): number {
  if (error instanceof ScoreError) {
    const cause = (error as Error & { cause?: FrameworkIssue[] }).cause;
    if (Array.isArray(cause)) for (const issue of cause) out.stderr(issueLine(issue) + '\n');
    out.stderr(`score: ${error.message}\n`);
  } else {
    out.stderr(`score: unexpected error: ${(error as Error).stack ?? error}\n`);
  }
  return 1;
}
