/** Child processes with a time limit: Node tasks (bench/node-worker.ts) and the command line. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR } from './generate';

export const REPO_DIR = path.resolve(BENCH_DIR, '..');

export interface ChildRun {
  ok: boolean;
  /** Wall time from spawn to exit, ms. */
  wallMs: number;
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export function runChild(
  command: string,
  args: readonly string[],
  { timeoutMs, env }: { timeoutMs: number; env?: Record<string, string> }
): Promise<ChildRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: REPO_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the child's own process group: npm, tsx and node
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        ok: code === 0 && !timedOut,
        wallMs: Math.round(performance.now() - started),
        exitCode: code,
        timedOut,
        stdout,
        stderr
      });
    });
  });
}

/** Runs a Node task in its own process; its result is the last line of stdout. */
export async function runNodeTask<T>(
  args: readonly string[],
  timeoutMs: number
): Promise<{ ok: true; wallMs: number; result: T } | { ok: false; wallMs: number; error: string }> {
  const run = await runChild(
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'node-worker.ts'), ...args],
    {
      timeoutMs
    }
  );
  if (run.timedOut)
    return { ok: false, wallMs: run.wallMs, error: `timed out after ${Math.round(timeoutMs / 1000)} s` };
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (!run.ok || !last.startsWith('{')) {
    const tail = run.stderr.trim().split('\n').slice(-6).join(' | ');
    return { ok: false, wallMs: run.wallMs, error: `exit ${run.exitCode}: ${tail.slice(0, 600)}` };
  }
  return { ok: true, wallMs: run.wallMs, result: JSON.parse(last) as T };
}
