// The build behind `clair serve`: one long-lived pipeline for one office. Validators, compiled templates, opened
// fonts, shaped text and font subsets stay warm in this process between edits; a change re-reads and re-parses only
// the files the watcher named (WatchedWorld), re-checks the office, and re-renders what the change can affect —
// every HTML edition first (the ones someone is looking at before the others), each announced as soon as it is
// ready and, when a page shows it, served to that page before the next one starts; then the PDFs. Data that does
// not validate leaves the last good files in place and reports its problems instead.
import { relative, sep } from 'node:path';
import type { Diagnostic, UiLanguage } from '../diagnostics.js';
import type { Edition } from '../document/blocks.js';
import type { BuildInput } from '../document/build.js';
import type { OutputFormat } from '../build/render-edition.js';
import { WatchedWorld } from './world.js';

export interface PreviewFile {
  /** brochure.<edition>.<format>, as `clair build brochure` names it. */
  name: string;
  edition: string;
  format: OutputFormat;
  bytes: Uint8Array;
  /** Counts every rebuild of the session; a page served at an older version is out of date. */
  version: number;
  milliseconds: number;
  pages?: number;
}

/** What a change touches: the data (everything), the page templates and styles (HTML only), or the fonts. */
export type ChangeKind = 'data' | 'templates' | 'fonts';

export interface SessionReporter {
  /** A rebuild starts because of these files (display paths); empty for the first build. */
  started(changed: string[]): void;
  built(file: PreviewFile): void;
  /** The data has errors (or a renderer failed): the last good files stay served. */
  problems(diagnostics: Diagnostic[], files: string[]): void;
  /** Warnings only: the build went on. */
  warnings(diagnostics: Diagnostic[], files: string[]): void;
  /** The problems reported before are gone. */
  recovered(): void;
  finished(milliseconds: number): void;
}

export interface SessionOptions {
  dataRoot: string;
  officeId: string;
  formats: OutputFormat[];
  /** Edition ids to build (default: every edition of brochure.yaml). */
  editions?: string[];
  uiLang: UiLanguage;
  cwd?: string;
  templatesDir?: string;
  fontsDir?: string;
}

/**
 * Brotli quality of the preview's web fonts. A character new to the page (any edit that types one) needs a new
 * subset of its face: packing the Japanese one took ~55 ms at the build's quality 5 and ~1 ms at 0, for a file 5 %
 * larger (164 against 156 KB), which costs nothing over the loopback. So served pages differ from `clair build`'s
 * only in their fonts' compression.
 */
const PREVIEW_FONT_QUALITY = 0;

/** An unexpected failure (a template error, a renderer bug) shown like a data problem, so the server stays up. */
function failureDiagnostic(error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error', code: 'build-failed', file: '', line: 0, column: 0, pointer: '',
    message: { en: `the preview could not be built: ${text}`, ja: `プレビューを作成できませんでした: ${text}` },
  };
}

export class PreviewSession {
  readonly world: WatchedWorld;
  readonly officeId: string;
  readonly files = new Map<string, PreviewFile>();
  /** Current problems (errors); empty when the last build succeeded. */
  problems: Diagnostic[] = [];
  version = 0;
  editions: Edition[] = [];
  private pending = new Map<string, ChangeKind>();
  private running: Promise<void> | undefined;
  private firstBuild = true;
  /** Edition ids that open pages show, most wanted first (set by the server). */
  viewers: () => string[] = () => [];
  /** Resolves once a page has fetched this file at this version again (set by the server). */
  fetched: (name: string, version: number) => Promise<void> = () => Promise.resolve();
  /** How long the next edition waits for an open page to fetch its reloaded HTML (tests make it longer). */
  reloadGraceMs = RELOAD_GRACE_MS;

  constructor(readonly options: SessionOptions, private readonly reporter: SessionReporter) {
    this.world = new WatchedWorld({
      dataRoot: options.dataRoot,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
      ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
    });
    this.officeId = options.officeId;
  }

  get officeDir(): string {
    return this.world.officeDir(this.officeId);
  }

  /** The folders a watcher should follow for this session. */
  watchedFolders(): string[] {
    return [this.officeDir, this.world.templatesDir, this.world.fontsDir];
  }

  /** What a changed path affects, or undefined for a path outside what the brochure is made of. */
  kindOf(path: string): ChangeKind | undefined {
    const inside = (dir: string) => {
      const rel = relative(dir, path);
      return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : undefined;
    };
    if (inside(this.officeDir) !== undefined) return 'data';
    const template = inside(this.world.templatesDir);
    if (template !== undefined) return /\.(hbs|css)$/i.test(template) ? 'templates' : 'data';
    if (inside(this.world.fontsDir) !== undefined) return 'fonts';
    return undefined;
  }

  /** The first build; resolves when HTML and PDF are done (or the data was refused). */
  start(): Promise<void> {
    return this.schedule([]);
  }

  /** Files changed on disk (absolute paths): forget them, rebuild what they affect. Resolves when idle again. */
  changed(paths: readonly string[]): Promise<void> {
    const relevant = paths.filter((path) => this.kindOf(path) !== undefined);
    for (const path of relevant) this.world.forget(path);
    if (relevant.length === 0) return this.running ?? Promise.resolve();
    return this.schedule(relevant);
  }

  /** Resolves once every change received so far is built. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      const kind = this.kindOf(path)!;
      this.pending.set(path, kind);
    }
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 || this.firstBuild) {
      const changes = new Map(this.pending);
      this.pending.clear();
      const first = this.firstBuild;
      this.firstBuild = false;
      const kinds = new Set(changes.values());
      // Only the stylesheet or a page template changed: the PDF does not use them.
      const formats = first || kinds.has('data') || kinds.has('fonts')
        ? this.options.formats
        : this.options.formats.filter((f) => f === 'html');
      const started = performance.now();
      this.reporter.started([...changes.keys()].map((path) => this.world.display(path)));
      try {
        await this.rebuild(formats);
      } catch (error) {
        this.problems = [failureDiagnostic(error)];
        this.reporter.problems(this.problems, []);
      }
      this.reporter.finished(performance.now() - started);
    }
  }

  private async rebuild(formats: OutputFormat[]): Promise<void> {
    const world = this.world;
    // Loaded here, not at the top, so `clair --help` does not pay for the pipeline.
    const [{ validateOffices, hasErrors }, { officeData }, { missingGlyphDiagnostics }, { sharedTypesetter }, documents, { loadLabels }, { computeMetrics }, { loadMetricLabels }] = await Promise.all([
      import('../validate/index.js'), import('../load/office.js'), import('../build/glyphs.js'), import('../load/fonts.js'),
      import('../document/build.js'), import('../document/text.js'), import('../metrics/compute.js'), import('../metrics/labels.js'),
    ]);
    const result = await validateOffices(world, { paths: [this.officeDir] });
    const office = result.offices.find((o) => o.id === this.officeId);
    if (office && !hasErrors(result.diagnostics)) {
      const typesetter = await sharedTypesetter(world, { office: this.officeId });
      result.diagnostics.push(...missingGlyphDiagnostics(world, office, typesetter, officeData(office).office.languages));
    }
    if (!office || hasErrors(result.diagnostics)) {
      this.problems = result.diagnostics.filter((d) => d.severity === 'error');
      this.reporter.problems(result.diagnostics, result.files);
      return;
    }
    if (result.diagnostics.length > 0) this.reporter.warnings(result.diagnostics, result.files);
    if (this.problems.length > 0) {
      this.problems = [];
      this.reporter.recovered();
    }

    const data = officeData(office);
    const all = documents.editionsOf(data.brochure);
    const wanted = this.options.editions;
    this.editions = wanted ? all.filter((e) => wanted.includes(e.id)) : all;
    const input: BuildInput = {
      world, officeId: this.officeId, officeDir: office.dir, data,
      labels: loadLabels(world, [...new Set(this.editions.flatMap((e) => e.languages))]),
      metrics: { series: computeMetrics(data), labels: loadMetricLabels(world) },
    };
    const viewed = this.viewers();
    const rank = (e: Edition) => (viewed.includes(e.id) ? viewed.indexOf(e.id) : viewed.length);
    const order = [...this.editions].sort((a, b) => rank(a) - rank(b));
    // Each edition's view model is made when first needed, so the first page's HTML does not wait for the others.
    const docs = new Map<string, ReturnType<typeof documents.buildDocument>>();
    const docOf = (edition: Edition) => {
      let doc = docs.get(edition.id);
      if (!doc) docs.set(edition.id, (doc = documents.buildDocument(input, edition)));
      return doc;
    };
    this.version++;
    if (formats.includes('html')) {
      const { renderHtml } = await import('../render/html/index.js');
      for (const edition of order) {
        const started = performance.now();
        const bytes = await renderHtml(docOf(edition), world, { fontQuality: PREVIEW_FONT_QUALITY });
        const name = `brochure.${edition.id}.html`;
        this.publish({ name, edition: edition.id, format: 'html', bytes, version: this.version, milliseconds: performance.now() - started });
        // Node's HTTP responses cork their socket until the next tick, and the ticks wait for the microtasks, which
        // this chain of awaits keeps busy: without a turn of the event loop the reload event left only after the
        // first PDF (~400 ms later), and the page's own reload request waited as long.
        await nextTurn();
        // The open page reloads now: answer its request before the next edition takes the thread for 30–100 ms.
        if (viewed.includes(edition.id) && this.pending.size === 0) await Promise.race([this.fetched(name, this.version), delay(this.reloadGraceMs)]);
      }
    }
    if (formats.includes('pdf')) {
      const [{ renderPdf }, { createPdfTypesetter }] = await Promise.all([import('../render/pdf/index.js'), import('../render/pdf/typesetter.js')]);
      for (const edition of order) {
        // A newer edit supersedes the PDFs of this one: the HTML of the newer one comes first.
        if (this.pending.size > 0) return;
        const started = performance.now();
        const bytes = await renderPdf(docOf(edition), world, await createPdfTypesetter(world, this.officeId));
        this.publish({ name: `brochure.${edition.id}.pdf`, edition: edition.id, format: 'pdf', bytes, version: this.version, milliseconds: performance.now() - started, ...pageCount(bytes) });
        // Let the server answer requests between two PDFs.
        await nextTurn();
      }
    }
  }

  private publish(file: PreviewFile): void {
    this.files.set(file.name, file);
    this.reporter.built(file);
  }
}

/**
 * How long the next edition waits for an open page to fetch its reloaded HTML: the browser's round trip from the
 * event to the request, a few milliseconds at usual speed and ~100–250 ms on a loaded host.
 */
const RELOAD_GRACE_MS = 250;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** One turn of the event loop: written events leave, waiting requests are answered. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function pageCount(bytes: Uint8Array): { pages?: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const match = /\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(text);
  return match ? { pages: Number(match[1]) } : {};
}
