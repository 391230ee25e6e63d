// `clair serve` as a library: build an office's brochure, serve it, watch its data, templates and fonts, and
// rebuild on every save. The CLI command (src/cli/commands/serve.ts) only parses options and prints; tests and
// the benchmark drive this directly on a temporary copy of the data.
import { watch, type FSWatcher } from 'chokidar';
import type { Diagnostic, UiLanguage } from '../diagnostics.js';
import type { OutputFormat } from '../build/render-edition.js';
import { PreviewServer } from './server.js';
import { PreviewSession, type PreviewFile, type SessionReporter } from './session.js';

export interface PreviewOptions {
  dataRoot: string;
  officeId: string;
  formats: OutputFormat[];
  editions?: string[];
  host: string;
  /** 0 picks a free port. */
  port: number;
  uiLang: UiLanguage;
  cwd?: string;
  templatesDir?: string;
  fontsDir?: string;
}

/** What the terminal (or a test) hears about; every method is optional. */
export interface PreviewReporter {
  started?(changed: string[]): void;
  built?(file: PreviewFile): void;
  problems?(diagnostics: Diagnostic[], files: string[]): void;
  warnings?(diagnostics: Diagnostic[], files: string[]): void;
  recovered?(): void;
  finished?(milliseconds: number): void;
  /** A font file changed: fonts are opened once per process, so the preview must start again to use it. */
  fontsChanged?(paths: string[]): void;
}

export interface Preview {
  url: string;
  session: PreviewSession;
  /** Resolves when the first build (HTML and PDF) is done. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** How long to wait for more changes after one: an editor's save often touches a file twice. */
const SETTLE_MS = 15;

export async function startPreview(options: PreviewOptions, reporter: PreviewReporter = {}): Promise<Preview> {
  let server: PreviewServer | undefined;
  const sessionReporter: SessionReporter = {
    started: (changed) => reporter.started?.(changed),
    built(file) {
      server?.rebuilt(file);
      reporter.built?.(file);
    },
    problems(diagnostics, files) {
      server?.problems(diagnostics.filter((d) => d.severity === 'error'));
      reporter.problems?.(diagnostics, files);
    },
    warnings: (diagnostics, files) => reporter.warnings?.(diagnostics, files),
    recovered() {
      server?.recovered();
      reporter.recovered?.();
    },
    finished: (ms) => reporter.finished?.(ms),
  };
  const session = new PreviewSession({
    dataRoot: options.dataRoot, officeId: options.officeId, formats: options.formats, uiLang: options.uiLang,
    ...(options.editions ? { editions: options.editions } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
  }, sessionReporter);
  server = new PreviewServer(session, { host: options.host, port: options.port, uiLang: options.uiLang });
  const url = await server.listen();

  const watcher: FSWatcher = watch(session.watchedFolders(), { ignoreInitial: true, persistent: true });
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const paths = [...changed];
    changed.clear();
    const fonts = paths.filter((path) => session.kindOf(path) === 'fonts');
    if (fonts.length > 0) reporter.fontsChanged?.(fonts);
    void session.changed(paths.filter((path) => session.kindOf(path) !== 'fonts'));
  };
  const ready = new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  watcher.on('all', (_event, path) => {
    changed.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  });
  // The first build starts while the watcher reads the folders; edits made meanwhile are built after it.
  const built = session.start();
  await ready;

  return {
    url,
    session,
    ready: built,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await server.close();
      await session.idle();
    },
  };
}

export type { PreviewFile } from './session.js';
