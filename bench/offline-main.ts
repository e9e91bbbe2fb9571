/**
 * `npm run bench -- first-visit` (bench/run.ts runs this under the shared build lock): builds the site
 * (unless `--no-build`), runs bench/offline.ts against the `npm start` server and writes its result to the
 * JSON file it is given.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { REPO_DIR } from './child';
import { runOfflineBench } from './offline';

const [outputFile, portText, build] = process.argv.slice(2);
const log = (line: string) => process.stderr.write(line + '\n');
let buildMs: number | null = null;
if (build === 'build') {
  const started = performance.now();
  const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64e6 });
  buildMs = Math.round(performance.now() - started);
  if (built.status !== 0) {
    writeFileSync(
      outputFile,
      JSON.stringify({ error: `npm run build failed: ${built.stderr.slice(-2000)}` })
    );
    process.exit(0);
  }
  log(`  build: ${buildMs} ms`);
}
try {
  const result = await runOfflineBench({ port: Number(portText), log });
  writeFileSync(outputFile, JSON.stringify({ buildMs, ...result }));
} catch (error) {
  writeFileSync(
    outputFile,
    JSON.stringify({ buildMs, error: String(error instanceof Error ? error.stack : error) })
  );
}
