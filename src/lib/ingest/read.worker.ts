/**
 * Reads one results file off the page's thread (issue 5: large files are read in a worker, the page stays
 * responsive). Posts progress now and then, then the report. The page cancels by terminating the worker.
 */
/// <reference lib="webworker" />
import { readResultsFile } from './read-file';
import type { ReadRequest, ReadResponse } from './read-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { input, framework, aliases } = event.data;
  let reported = 0;
  const post = (message: ReadResponse) => scope.postMessage(message);
  const report = await readResultsFile(input, {
    framework,
    aliases: new Map(aliases),
    onProgress: (fraction) => {
      if (fraction - reported >= 0.02 || fraction >= 1) {
        reported = fraction;
        post({ type: 'progress', fraction });
      }
    }
  });
  post({ type: 'done', report });
};
