// The font programs a PDF embeds: a harfbuzz subset of each face holding the glyphs the document used (for a CFF
// face, its CFF table alone), deflated. Cutting the 65,535-glyph CJK faces is the costliest step of finishing a
// PDF, and it can only start once a document's text is all written; so it runs on a worker thread while the build
// lays out the next edition (build/brochure.ts). Under the test runner, which runs the TypeScript sources, and
// wherever a worker cannot start, programs are cut on the calling thread instead: same bytes, no overlap.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { subsetGlyphs, subsetterReady } from '../../typeset/harfbuzz.js';
import { cffTableOf } from '../../typeset/sfnt.js';

export interface FontProgramRequest {
  /** Path of the font file (its bytes are read once per thread). */
  file: string;
  /** Face index in a collection. */
  index: number;
  /** Glyph ids, ascending. */
  glyphs: number[];
  /** Keep every glyph at its id (TrueType and name-keyed CFF, written by glyph id). */
  retainGids: boolean;
  /** Embed the CFF table alone (FontFile3) rather than the whole subset (FontFile2). */
  cff: boolean;
}

/** Subset, then deflate: the bytes of a FontFile stream with /Filter /FlateDecode. */
export function cutFontProgram(request: FontProgramRequest, bytes: Uint8Array): Buffer {
  const subset = subsetGlyphs(bytes, request.file, request.index, request.glyphs, { retainGids: request.retainGids, cffOnly: request.cff });
  return deflateSync(request.cff ? cffTableOf(subset) : subset);
}

const fileBytes = new Map<string, Uint8Array>();
/** A font file's bytes, read once per thread. */
export function fontFileBytes(file: string): Uint8Array {
  let bytes = fileBytes.get(file);
  if (!bytes) fileBytes.set(file, (bytes = readFileSync(file)));
  return bytes;
}

interface Pending {
  request: FontProgramRequest;
  resolve(program: Buffer): void;
  reject(error: Error): void;
}

/** The worker and what it still owes; none when running from the sources or when the worker failed to start. */
let worker: { thread: Worker; pending: Map<number, Pending>; next: number } | undefined | null;

function startWorker(): typeof worker {
  if (worker !== undefined) return worker;
  const url = new URL('./font-program-worker.js', import.meta.url);
  if (import.meta.url.endsWith('.ts')) return (worker = null);
  try {
    const thread = new Worker(url);
    const pending = new Map<number, Pending>();
    thread.on('message', (message: { id: number; program?: Uint8Array; error?: string }) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (pending.size === 0) thread.unref();
      if (message.program) waiting.resolve(Buffer.from(message.program.buffer, message.program.byteOffset, message.program.byteLength));
      else waiting.reject(new Error(message.error ?? 'the font worker failed'));
    });
    // A worker that dies (or never starts) leaves its requests to this thread.
    thread.on('error', () => {
      worker = null;
      for (const waiting of pending.values()) cutHere(waiting.request).then(waiting.resolve, waiting.reject);
      pending.clear();
    });
    // Idle, the worker does not keep the process alive.
    thread.unref();
    worker = { thread, pending, next: 0 };
  } catch {
    worker = null;
  }
  return worker;
}

/** Starts the worker and has it read these font files while the first edition is laid out. */
export function prepareFontPrograms(files: Iterable<string>): void {
  const running = startWorker();
  if (running) for (const file of files) running.thread.postMessage({ open: file });
}

/** The font program for a request, cut on the worker when there is one. */
export async function fontProgram(request: FontProgramRequest): Promise<Buffer> {
  const running = startWorker();
  if (!running) return cutHere(request);
  const id = running.next++;
  if (running.pending.size === 0) running.thread.ref();
  return new Promise<Buffer>((resolve, reject) => {
    running.pending.set(id, { request, resolve, reject });
    running.thread.postMessage({ id, request });
  });
}

async function cutHere(request: FontProgramRequest): Promise<Buffer> {
  await subsetterReady();
  return cutFontProgram(request, fontFileBytes(request.file));
}
