/**
 * The page's side of read.worker.ts: reads a results file in a worker, with progress and cancelling.
 * Where workers are missing (tests, old browsers) the file is read on the calling thread.
 */
import type { Framework } from '../domain/framework';
import { readResultsFile, type ResultsFileInput, type ResultsFileReport } from './read-file';

export interface ReadRequest {
  input: ResultsFileInput;
  framework: Framework;
  /** `normalizeUnitName(name)` → unit code. */
  aliases: [string, string][];
}

export type ReadResponse =
  { type: 'progress'; fraction: number } | { type: 'done'; report: ResultsFileReport };

/** Thrown (as a rejection) when the reading was cancelled. */
export class ReadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ReadCancelled';
  }
}

export function readResultsInWorker(
  request: ReadRequest,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal
): Promise<ResultsFileReport> {
  if (signal?.aborted) return Promise.reject(new ReadCancelled());
  if (typeof Worker === 'undefined') {
    return readResultsFile(request.input, {
      framework: request.framework,
      aliases: new Map(request.aliases),
      onProgress
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new ReadCancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ReadResponse>) => {
      if (event.data.type === 'progress') onProgress(event.data.fraction);
      else {
        finish();
        resolve(event.data.report);
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'อ่านไฟล์ในเบื้องหลังไม่สำเร็จ'));
    };
    // The bytes are copied, not transferred: the page keeps them to read the file again (another sheet,
    // an accepted name).
    worker.postMessage(request);
  });
}
