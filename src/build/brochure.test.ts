// The `clair build brochure` pipeline without the command line: where files go, byte-identical rebuilds,
// SOURCE_DATE_EPOCH, builds that fail leaving the previous outputs untouched, and photos from the office folder.
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../diagnostics.js';
import { buildDocument, editionsOf } from '../document/build.js';
import { loadOffice, officeData, type LoadedOffice } from '../load/office.js';
import { readPdf } from '../render/pdf/read-back.js';
import { World } from '../world.js';
import { buildBrochure, type BuildResult } from './brochure.js';
import { collectGarbageBetweenFiles } from './garbage.js';
import {
  buildChecked, copySeoul, editYaml, jpegOfFirstPage, removeDir, SHIPPED_DATA, SILENT, snapshot, solidPng, tempDir, tree, writeFile,
} from './__fixtures__/offices.js';

const shipped = new World({ dataRoot: SHIPPED_DATA });
const data = officeData(loadOffice(shipped, 'seoul'));
const FOLDER = `seoul-${data.brochure.edition}`;
const EDITION_IDS = editionsOf(data.brochure).map((e) => e.id);

let root: string;
let first: BuildResult;
/** The outputs of the first build: every failing build below starts from a copy of them. */
let firstOut: string;

/** SOURCE_DATE_EPOCH as the test run found it: unset while these tests run, so dates come from the data. */
const ambientEpoch = process.env.SOURCE_DATE_EPOCH;

beforeAll(async () => {
  delete process.env.SOURCE_DATE_EPOCH;
  root = tempDir('build');
  firstOut = join(root, 'first');
  first = await buildChecked(shipped, { formats: ['pdf'], outRoot: firstOut });
});

afterAll(() => {
  removeDir(root);
  if (ambientEpoch !== undefined) process.env.SOURCE_DATE_EPOCH = ambientEpoch;
});

/** A copy of the first build's outputs: the "previous outputs" a failing build must not touch. */
function previousOutputs(name: string): string {
  const out = join(root, name);
  cpSync(firstOut, out, { recursive: true });
  return out;
}

describe('a build of the shipped data', () => {
  it('writes one PDF per declared edition into <out>/<office>-<year>/ and nothing else', () => {
    expect(first.dir).toBe(join(firstOut, FOLDER));
    expect(tree(firstOut)).toEqual([`${FOLDER}/`, ...EDITION_IDS.map((id) => `${FOLDER}/brochure.${id}.pdf`)].sort());
    expect(first.files.map((f) => f.name)).toEqual(EDITION_IDS.map((id) => `brochure.${id}.pdf`));
    for (const file of first.files) expect(readFileSync(file.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('gives byte-identical PDFs when built again', async () => {
    const again = await buildChecked(shipped, { formats: ['pdf'], outRoot: join(root, 'again') });
    expect(again.files.map((f) => f.name)).toEqual(first.files.map((f) => f.name));
    for (const [index, file] of again.files.entries()) {
      expect(readFileSync(file.path).equals(readFileSync(first.files[index]!.path)), file.name).toBe(true);
    }
  });

  it('dates the PDFs with the publication date of the data, not the time of the build', async () => {
    const pdf = await readPdf(readFileSync(first.files[0]!.path));
    expect(pdf.info.creationDate?.toISOString()).toBe(new Date(`${data.brochure.published}T00:00:00Z`).toISOString());
    expect(pdf.info.modDate?.toISOString()).toBe(pdf.info.creationDate?.toISOString());
  });

  it('dates the PDFs with SOURCE_DATE_EPOCH when it is set', async () => {
    const epoch = Date.UTC(2026, 0, 15, 9, 30, 0) / 1000;
    process.env.SOURCE_DATE_EPOCH = String(epoch);
    try {
      const edition = EDITION_IDS.at(-1)!;
      const built = await buildChecked(shipped, { formats: ['pdf'], editions: [edition], outRoot: join(root, 'epoch') });
      const pdf = await readPdf(readFileSync(built.files[0]!.path));
      expect(pdf.info.creationDate?.getTime()).toBe(epoch * 1000);
      expect(pdf.info.modDate?.getTime()).toBe(epoch * 1000);
      // The date is the only input that changed, and it reaches the file.
      const previous = first.files.find((f) => f.edition === edition)!;
      expect(readFileSync(built.files[0]!.path).equals(readFileSync(previous.path))).toBe(false);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

describe('a build that fails', () => {
  /** Builds into `out` expecting a failure; returns the error after checking that nothing changed on disk. */
  async function failingBuild(dataRoot: string, out: string, editions?: string[]): Promise<Error> {
    const before = snapshot(out);
    const error = await buildChecked(new World({ dataRoot }), { formats: ['pdf'], outRoot: out, ...(editions ? { editions } : {}) })
      .then(() => undefined, (e: unknown) => e as Error);
    expect(error, 'the build should have failed').toBeInstanceOf(Error);
    const after = snapshot(out);
    // Same files, byte for byte, and no staging folder or partial file left next to them.
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect(tree(out)).toEqual([`${FOLDER}/`, ...before.keys()].sort());
    return error!;
  }

  /** The data problems a refused build reports, as file name, line and pointer. */
  const problems = (error: Error) => (error instanceof DataError ? error.diagnostics : []).map((d) => ({
    file: basename(d.file), line: d.line, pointer: d.pointer,
  }));

  it('on a YAML syntax error leaves the previous outputs untouched and says where the error is', async () => {
    const office = copySeoul(join(root, 'yaml-error'));
    const file = join(office.officeDir, 'jet.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('since: ')) + 1;
    // A mapping nested in a one-line mapping: YAML refuses it on that very line.
    writeFile(file, lines.map((l, i) => (i === line - 1 ? 'since: 1987: 1988' : l)).join('\n'));
    const error = await failingBuild(office.dataRoot, previousOutputs('out-yaml-error'));
    expect(error).toBeInstanceOf(DataError);
    expect(problems(error)[0]).toMatchObject({ file: 'jet.yaml', line });
  });

  it('on a value the schema refuses leaves the previous outputs untouched and names the field', async () => {
    const office = copySeoul(join(root, 'schema-error'));
    editYaml(join(office.officeDir, 'jet.yaml'), (doc) => doc.setIn(['years', 0, 'participants'], 'many'));
    const error = await failingBuild(office.dataRoot, previousOutputs('out-schema-error'), [EDITION_IDS[0]!]);
    expect(problems(error)).toEqual([expect.objectContaining({ file: 'jet.yaml', pointer: '/years/0/participants' })]);
  });

  it('when a photo is not a real image leaves the previous outputs untouched', async () => {
    const office = copySeoul(join(root, 'fake-png'));
    writeFile(join(office.officeDir, 'photos', 'stage.png'), 'not a PNG, only its name says so');
    editYaml(join(office.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], 'photos/stage.png'));
    await failingBuild(office.dataRoot, previousOutputs('out-fake-png'));
  });

  it('puts new outputs in place in one swap, keeping other files of the folder', async () => {
    const office = copySeoul(join(root, 'swap'));
    editYaml(join(office.officeDir, 'brochure.yaml'), (doc) => doc.setIn(['title', 'ja'], 'クレアソウル 2026（改訂）'));
    const out = previousOutputs('out-swap');
    writeFile(join(out, FOLDER, 'notes.txt'), 'kept by the build');
    const [firstEdition] = EDITION_IDS;
    const before = readFileSync(join(out, FOLDER, `brochure.${firstEdition}.pdf`));
    const world = new World({ dataRoot: office.dataRoot });
    await buildChecked(world, { formats: ['pdf'], outRoot: out, editions: [firstEdition!] });
    expect(readFileSync(join(out, FOLDER, 'notes.txt'), 'utf8')).toBe('kept by the build');
    expect(readFileSync(join(out, FOLDER, `brochure.${firstEdition}.pdf`)).equals(before)).toBe(false);
    expect(readdirSync(out).filter((name) => name.startsWith('.clair-staging'))).toEqual([]);
  });
});

describe('photos', () => {
  it('are placed in the PDF from PNG and JPEG files in the office folder', async () => {
    const office = copySeoul(join(root, 'photos'));
    writeFile(join(office.officeDir, 'photos', 'stage.png'), solidPng(64, 48, [15, 76, 129]));
    writeFile(join(office.officeDir, 'photos', 'booth.jpg'), jpegOfFirstPage(first.files[0]!.path, root));
    editYaml(join(office.officeDir, 'festival.yaml'), (doc) => {
      doc.setIn(['photos', 0, 'file'], 'photos/stage.png');
      doc.setIn(['photos', 1, 'file'], 'photos/booth.jpg');
    });
    const world = new World({ dataRoot: office.dataRoot });
    const built = await buildChecked(world, { formats: ['pdf'], editions: ['ja'], outRoot: join(root, 'out-photos') });
    const pdf = await readPdf(readFileSync(built.files[0]!.path));

    // The two images are on the pages of the festival section, nowhere else.
    const loaded = loadOffice(world, 'seoul');
    const doc = buildDocument({ world, officeId: 'seoul', officeDir: loaded.dir, data: officeData(loaded) }, editionsOf(officeData(loaded).brochure)[0]!);
    const sections = doc.parts.flatMap((p) => p.sections);
    const festival = sections.findIndex((s) => s.id === 'festival');
    const from = pdf.destinations.get(sections[festival]!.anchor)!;
    // Sections flow: the festival's pages run to the page the next section starts on.
    const to = pdf.destinations.get(sections[festival + 1]!.anchor)!;
    const images = pdf.pages.map((p) => p.images);
    expect(images.slice(from - 1, to).reduce((a, b) => a + b, 0)).toBe(2);
    expect(images.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('without a file print nothing: no frame, no caption', async () => {
    const pdf = await readPdf(readFileSync(first.files[0]!.path));
    const world = new World({ dataRoot: SHIPPED_DATA });
    const festival = officeData(loadOffice(world, 'seoul')).festival!;
    const captions = (festival.photos ?? []).filter((p) => !p.file).map((p) => (p.caption as { ja: string }).ja);
    expect(captions.length).toBeGreaterThan(0);
    const text = pdf.text().replace(/\s+/g, '');
    for (const caption of captions) expect(text).not.toContain(caption.replace(/\s+/g, ''));
  });

  it('make a booklet a multiple of 4 pages, with note pages before the back cover', async () => {
    const office = copySeoul(join(root, 'booklet'));
    editYaml(join(office.officeDir, 'brochure.yaml'), (doc) => doc.set('booklet', true));
    const world = new World({ dataRoot: office.dataRoot });
    const built = await buildChecked(world, { formats: ['pdf'], editions: ['ja'], outRoot: join(root, 'out-booklet') });
    const pdf = await readPdf(readFileSync(built.files[0]!.path));
    const plain = await readPdf(readFileSync(first.files[0]!.path));
    expect(pdf.pageCount % 4).toBe(0);
    expect(pdf.pageCount - plain.pageCount).toBe((4 - (plain.pageCount % 4)) % 4);
    // The added pages come just before the back cover, which stays last; each is a ruled notes page (メモ), never
    // a blank page, and the pages before them are the brochure's own, unchanged (but for the back cover's page
    // number in the contents, page 2).
    expect(pdf.text({ from: pdf.pageCount, to: pdf.pageCount })).toBe(plain.text({ from: plain.pageCount, to: plain.pageCount }));
    for (let page = plain.pageCount; page < pdf.pageCount; page++) {
      expect(pdf.text({ from: page, to: page }).replace(/\s+/g, ''), `page ${page}`).toMatch(/^メモ/);
    }
    expect(pdf.text({ from: 3, to: plain.pageCount - 1 })).toBe(plain.text({ from: 3, to: plain.pageCount - 1 }));
  });

  it('are absent from the shipped data, which gives only captions', async () => {
    const pdf = await readPdf(readFileSync(first.files[0]!.path));
    expect(pdf.pages.reduce((sum, p) => sum + p.images, 0)).toBe(0);
  });

  /** The error of a build expected to fail, with everything it says (its message, which for a DataError lists the problems). */
  async function refusal(dataRoot: string, outRoot: string): Promise<string> {
    const error = await buildChecked(new World({ dataRoot }), { formats: ['pdf'], editions: [EDITION_IDS[0]!], outRoot })
      .then(() => undefined, (e: unknown) => e as Error);
    expect(error, 'the build should have failed').toBeInstanceOf(Error);
    expect(existsSync(outRoot)).toBe(false);
    return error!.message;
  }

  it('outside the office folder are refused with a message naming the file', async () => {
    for (const [name, file] of [['relative', '../outside.png'], ['absolute', join(root, 'outside-absolute.png')]] as const) {
      const office = copySeoul(join(root, `outside-${name}`));
      // The file exists: only where it is makes it wrong.
      writeFile(name === 'relative' ? join(office.dataRoot, 'outside.png') : file, solidPng(8, 8, [200, 0, 0]));
      editYaml(join(office.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], file));
      const said = await refusal(office.dataRoot, join(root, `out-outside-${name}`));
      expect(said).toMatch(/outside the office folder/);
      expect(said).toContain(file);
    }
  });

  // A link inside the office folder must not let the build read files elsewhere: the real path is checked.
  it('reached through a symbolic link that leaves the office folder are refused', async () => {
    const office = copySeoul(join(root, 'outside-link'));
    const target = join(root, 'outside-link-target.png');
    writeFile(target, solidPng(8, 8, [0, 200, 0]));
    writeFile(join(office.officeDir, 'photos', '.keep'), '');
    symlinkSync(target, join(office.officeDir, 'photos', 'linked.png'));
    editYaml(join(office.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], 'photos/linked.png'));
    expect(await refusal(office.dataRoot, join(root, 'out-link'))).toMatch(/outside the office folder/);
  });

  it('that do not exist are refused with a message naming the file', async () => {
    const office = copySeoul(join(root, 'missing-photo'));
    editYaml(join(office.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], 'photos/missing.png'));
    expect(await refusal(office.dataRoot, join(root, 'out-missing'))).toContain('photos/missing.png');
  });
});

describe('the memory of a build', () => {
  // The parsed YAML keeps every node's place (~25 MB for 10,000 events): the editions are laid out without it.
  it('lets go of the parsed data files once their data is read', async () => {
    let loaded: WeakRef<LoadedOffice> | undefined;
    let freedBeforeWrite = false;
    await buildBrochure(shipped, { editions: ['ja'], formats: ['html'], outRoot: join(root, 'memory') }, {
      ...SILENT,
      stage(name) {
        // The editions are laid out, the files not yet written: nothing may reference the files as loaded. (Read
        // here rather than when the layout begins: a new WeakRef keeps its target until the current job ends, and
        // no job ends between the loading and the layout.)
        if (name !== 'write') return;
        collectGarbageBetweenFiles(0);
        freedBeforeWrite = loaded?.deref() === undefined;
      },
    }, (officeId) => {
      const office = loadOffice(shipped, officeId);
      loaded = new WeakRef(office);
      return office;
    });
    expect(loaded).toBeDefined();
    expect(freedBeforeWrite).toBe(true);
  });
});
