// Worker thread entry: renders the editions it is sent, one at a time, and posts the bytes back.
import { parentPort } from 'node:worker_threads';
import { DataError } from '../diagnostics.js';
import { renderEdition, type EditionJob } from './render-edition.js';

parentPort?.on('message', async (job: EditionJob & { id: number }) => {
  try {
    // Fresh, unpooled copies so their buffers can be transferred rather than cloned.
    const files = (await renderEdition(job)).map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) }));
    parentPort!.postMessage({ id: job.id, files }, files.map((f) => f.bytes.buffer as ArrayBuffer));
  } catch (error) {
    // Diagnostics survive the thread boundary so a data problem stays a data problem (exit 1, located message).
    const diagnostics = error instanceof DataError ? error.diagnostics : undefined;
    parentPort!.postMessage({ id: job.id, error: { message: (error as Error).message, stack: (error as Error).stack, diagnostics } });
  }
});
