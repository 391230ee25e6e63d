// Benchmark of the typesetting layer (run: node bench/typeset.bench.mjs, after npx tsc -p .): opening the CJK
// collection, glyph coverage lookups, toPdfInlines and line breaking on the whole reference brochure text, and a
// WOFF2 subset of ~1,500 Japanese glyphs and the PDF's CFF subset of the same glyphs. Fails (exit 1) when a target is missed. Uses the brochure text in
// shared/seeds when it sits beside the repository, else the excerpt the tests use.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { World } = await import(join(root, 'dist', 'world.js'));
const { loadTypesetter } = await import(join(root, 'dist', 'load', 'fonts.js'));
const { flowOf, lineEnds, cutIntoLines } = await import(join(root, 'dist', 'typeset', 'pdfmake-lines.js'));
const { ShapedPdfFont } = await import(join(root, 'dist', 'render', 'pdf', 'shaped-font.js'));

const seedPath = join(root, '..', 'shared', 'seeds', '000_e80f8ee89881e138.txt');
const seed = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : readFileSync(join(root, 'src', 'typeset', '__fixtures__', 'seoul-excerpt.txt'), 'utf8');
const paragraphs = seed.split('\n').filter((line) => line.trim());

const TARGETS = {
  'load fonts.yaml': 100,
  'first coverage lookup (reads the 20 MB collection, opens one face)': 150,
  'coverage lookup, cached (per character, µs)': 5,
  'missingGlyphs on the whole brochure text': 200,
  'toPdfInlines on the whole brochure text, paragraph by paragraph (median)': 300,
  'line breaking of the whole brochure text at 240 pt, measured as the PDF does (median)': 200,
  'WOFF2 subset, ~1,500 glyphs, JP regular, quality 11': 8000,
  'WOFF2 subset, ~1,500 glyphs, JP regular, quality 9': 1500,
  'PDF font subset (CFF), ~1,500 glyphs, JP regular, clair (median)': 100,
  'the same by harfbuzz, for comparison (median)': 1000,
};

function time(fn) {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

async function timeAsync(fn) {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(time(fn)[0]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const results = {};
const notes = {};
const world = new World({ dataRoot: join(root, 'data') });
let typesetter;
{
  const started = performance.now();
  typesetter = await loadTypesetter(world);
  results['load fonts.yaml'] = performance.now() - started;
}

const jpRegular = 'noto-sans-cjk-jp-regular';
[results['first coverage lookup (reads the 20 MB collection, opens one face)']] = time(() => typesetter.hasGlyph(jpRegular, 0x3042));

const characters = [...new Set(seed)].map((c) => c.codePointAt(0));
for (const cp of characters) typesetter.hasGlyph(jpRegular, cp);
const lookups = 200;
results['coverage lookup, cached (per character, µs)'] = (median(() => { for (const cp of characters) typesetter.hasGlyph(jpRegular, cp); }, lookups) / characters.length) * 1000;

let missing;
[results['missingGlyphs on the whole brochure text'], missing] = time(() => typesetter.missingGlyphs(seed, 'ja'));
notes['missingGlyphs on the whole brochure text'] = `${missing.length} missing`;

let inlines = 0;
typesetter.toPdfInlines(seed, 'ja'); // warm up: opens the faces, loads BudouX
results['toPdfInlines on the whole brochure text, paragraph by paragraph (median)'] = median(() => {
  inlines = 0;
  for (const paragraph of paragraphs) inlines += typesetter.toPdfInlines(paragraph, 'ja', { fontSize: 9 }).length;
}, 9);
notes['toPdfInlines on the whole brochure text, paragraph by paragraph (median)'] = `${paragraphs.length} paragraphs, ${seed.length} characters, ${inlines} inlines`;
// What the PDF renderer's line breaker does with each paragraph once pdfmake has measured it (pdfmake-lines.ts).
const fonts = new Map();
const fontOf = (inline) => {
  const face = typesetter.library.faceOf(inline.font, inline.bold ? 'bold' : 'normal');
  let font = fonts.get(face.id);
  if (!font) fonts.set(face.id, (font = new ShapedPdfFont({ ref: () => { throw new Error('not written'); } }, typesetter.library.font(face), face.id)));
  return font;
};
const typesetParagraphs = paragraphs.map((paragraph) => typesetter.toPdfInlines(paragraph, 'ja', { fontSize: 9 }));
let lines = 0;
results['line breaking of the whole brochure text at 240 pt, measured as the PDF does (median)'] = median(() => {
  lines = 0;
  for (const inlines of typesetParagraphs) {
    const measured = inlines.map((inline) => ({ ...inline, font: fontOf(inline), fontSize: 9, width: fontOf(inline).widthOfString(inline.text, 9) }));
    const flow = flowOf(measured);
    for (const piece of cutIntoLines(flow, lineEnds(flow, 240))) if (piece.lineEnd) lines++;
  }
}, 9);
notes['line breaking of the whole brochure text at 240 pt, measured as the PDF does (median)'] = `${lines + typesetParagraphs.length} lines`;

// ~1,500 glyphs: every character of the brochure, then ideographs in code point order up to 1,500.
const subsetText = [...new Set(seed)];
for (let cp = 0x4e00; subsetText.length < 1500; cp++) {
  const char = String.fromCodePoint(cp);
  if (!subsetText.includes(char) && typesetter.hasGlyph(jpRegular, cp)) subsetText.push(char);
}
await typesetter.webFontSubset(jpRegular, 'あ', { quality: 9 }); // warm up: extracts the face, starts harfbuzz
for (const quality of [11, 9]) {
  const label = `WOFF2 subset, ~1,500 glyphs, JP regular, quality ${quality}`;
  let font;
  [results[label], font] = await timeAsync(() => typesetter.webFontSubset(jpRegular, subsetText.join(''), { quality }));
  notes[label] = `${(font.woff2.length / 1024).toFixed(0)} KiB`;
}

// The PDF's font program for the same glyphs: clair's CFF subsetter, and harfbuzz's as it was cut before.
const { CidCff } = await import(join(root, 'dist', 'typeset', 'cff-subset.js'));
const { ShapingFace } = await import(join(root, 'dist', 'typeset', 'shaping.js'));
const { subsetGlyphs } = await import(join(root, 'dist', 'typeset', 'harfbuzz.js'));
const { cffTableOf, tableBytes, tableDirectory } = await import(join(root, 'dist', 'typeset', 'sfnt.js'));
const cjkFile = join(root, 'fonts', 'NotoSansCJK-Regular.ttc');
const cjkBytes = readFileSync(cjkFile);
const glyphs = [...new Set(ShapingFace.open(cjkFile, cjkBytes, 0).shape(subsetText.join('')).glyphs)].sort((a, b) => a - b);
const cidCff = new CidCff(tableBytes(cjkBytes, tableDirectory(cjkBytes, 0), 'CFF '));
let ours = 0;
let theirs = 0;
results['PDF font subset (CFF), ~1,500 glyphs, JP regular, clair (median)'] = median(() => { ours = cidCff.subset(glyphs).length; }, 5);
results['the same by harfbuzz, for comparison (median)'] = median(() => {
  theirs = cffTableOf(subsetGlyphs(cjkBytes, cjkFile, 0, glyphs, { retainGids: false, cffOnly: true })).length;
}, 5);
notes['PDF font subset (CFF), ~1,500 glyphs, JP regular, clair (median)'] = `${glyphs.length} glyphs, ${(ours / 1024).toFixed(0)} KiB`;
notes['the same by harfbuzz, for comparison (median)'] = `${(theirs / 1024).toFixed(0)} KiB`;

let failed = false;
for (const [label, value] of Object.entries(results)) {
  const target = TARGETS[label];
  const ok = value <= target;
  if (!ok) failed = true;
  const unit = label.includes('µs') ? 'µs' : 'ms';
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${label}: ${value.toFixed(unit === 'µs' ? 2 : 1)} ${unit} (target ≤ ${target} ${unit})${notes[label] ? ` — ${notes[label]}` : ''}`);
}
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
process.exit(failed ? 1 : 0);
