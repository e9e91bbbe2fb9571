/** The `score` command run in-process for tests: its exit code and everything it wrote to stdout and stderr. */
import { runScore, type RunOptions } from './score-command';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCaptured(argv: readonly string[], run: RunOptions = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await runScore(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    run
  );
  return { code, stdout, stderr };
}

/** `npm run score -- …argv`, captured. */
export function score(...argv: string[]): Promise<Outcome> {
  return runCaptured(argv);
}
