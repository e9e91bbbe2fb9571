/**
 * Runs one Node task of bench/node-tasks.ts and prints its result as the last line of stdout (JSON).
 * `npx tsx bench/node-worker.ts engine wasm national`
 */
import {
  cliFastTask,
  engineTask,
  fastPipelineTask,
  ingestTask,
  pipelineTask,
  plainTask,
  type EngineName
} from './node-tasks';
import type { SizeName } from './synthetic';

const [task, a, b] = process.argv.slice(2);
let result: unknown;
switch (task) {
  case 'ingest':
    result = await ingestTask(a as SizeName);
    break;
  case 'plain':
    result = await plainTask(a as SizeName);
    break;
  case 'engine':
    result = await engineTask(a as EngineName, b as SizeName);
    break;
  case 'fast':
    result = await fastPipelineTask(a as EngineName, b as SizeName);
    break;
  case 'cli-fast':
    result = await cliFastTask(a as SizeName, b);
    break;
  case 'pipeline':
    result = await pipelineTask(a as EngineName, b as SizeName);
    break;
  default:
    throw new Error(`unknown task ${task}`);
}
process.stdout.write('\n' + JSON.stringify(result) + '\n');
