// The worker thread of font-programs.ts: cuts font programs (subset and deflate) for the main thread.
import { parentPort } from 'node:worker_threads';
import { subsetterReady } from '../../typeset/harfbuzz.js';
import { cutFontProgram, fontFileBytes, type FontProgramRequest } from './font-programs.js';

const ready = subsetterReady();

parentPort!.on('message', (message: { open?: string; id?: number; request?: FontProgramRequest }) => {
  void (async () => {
    if (message.open) {
      // Read ahead: the first request comes only once the first edition is written.
      try {
        fontFileBytes(message.open);
      } catch {
        // Reported with the request that needs the file.
      }
      return;
    }
    try {
      await ready;
      // A copy of its own to hand over: a small Buffer may share its memory with others.
      const program = new Uint8Array(cutFontProgram(message.request!, fontFileBytes(message.request!.file)));
      parentPort!.postMessage({ id: message.id, program }, [program.buffer]);
    } catch (error) {
      parentPort!.postMessage({ id: message.id, error: (error as Error).message ?? String(error) });
    }
  })();
});
