// Two shortcuts in pdfmake 0.3 for the way clair feeds it text. clair hands pdfmake one inline per place a line may
// break (kinsoku.ts), which in Japanese is nearly every character, and pdfmake's cost grows with inlines:
// - measuring an inline resolves some twenty style properties, each by walking the whole style stack; for an
//   inline without its own `style` the answer depends only on the stack, so it is kept until the stack changes;
// - rendering writes each inline as its own text object; runs of inlines of one line that share every style and
//   sit edge to edge are written as one (pdfmake's own TODO in Renderer.renderLine), glyph for glyph as before.
// Both change no byte of the layout: editions.test.ts and the reproducibility test compare whole documents.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface StyleStack {
  styleOverrides: unknown[];
  getProperty(property: string): unknown;
  push(item: unknown): void;
  pop(howMany?: number): void;
  __clairLookups?: Map<string, unknown>;
}
interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown;
}

export interface Inline {
  text: string;
  x: number;
  width: number;
  font: { encodePieces?: (text: string, pieces: string[]) => boolean };
  [property: string]: unknown;
}
interface Line {
  inlines: Inline[];
}
interface RendererClass {
  prototype: { renderLine(this: unknown, line: Line, x: number, y: number): void };
}

const isValue = (value: unknown) => value !== undefined && value !== null;

/** Style properties that must agree for two inlines to be written as one. */
const SAME = ['font', 'fontSize', 'color', 'opacity', 'characterSpacing', 'fontFeatures', 'link', 'linkToDestination', 'linkToPage',
  'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'sup', 'sub', 'height'];

let installed = false;

export function installPdfmakeFastPaths(): void {
  if (installed) return;
  const pdfmakeDir = dirname(createRequire(import.meta.url).resolve('pdfmake'));
  const require = createRequire(join(pdfmakeDir, 'index.js'));
  const Stack = (require(join(pdfmakeDir, 'StyleContextStack.js')) as { default: StyleStackClass }).default;
  const Renderer = (require(join(pdfmakeDir, 'Renderer.js')) as { default: RendererClass }).default;

  const { push, pop } = Stack.prototype;
  Stack.prototype.push = function pushStyle(item) {
    this.__clairLookups = undefined;
    push.call(this, item);
  };
  Stack.prototype.pop = function popStyle(howMany) {
    this.__clairLookups = undefined;
    pop.call(this, howMany);
  };
  const getStyleProperty = Stack.getStyleProperty;
  Stack.getStyleProperty = function styleProperty(item, stack, property, defaultValue) {
    const own = item[property];
    if (isValue(own)) return own;
    if (!stack || isValue(item.style) || isValue(item.section)) return getStyleProperty.call(this, item, stack, property, defaultValue);
    // Pushing an item without a `style` adds only the item itself, which has no value for this property.
    const lookups = (stack.__clairLookups ??= new Map());
    let value = lookups.get(property);
    if (value === undefined && !lookups.has(property)) {
      value = stack.getProperty(property);
      lookups.set(property, value);
    }
    return isValue(value) ? value : defaultValue;
  };

  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function renderMergedLine(line, x, y) {
    const merged = mergeInlines(line.inlines);
    if (merged === line.inlines) return renderLine.call(this, line, x, y);
    const original = line.inlines;
    line.inlines = merged;
    try {
      renderLine.call(this, line, x, y);
    } finally {
      line.inlines = original;
    }
  };
  installed = true;
}

function mergeable(a: Inline, b: Inline): boolean {
  if (a._pageNodeRef || b._pageNodeRef || a.font.encodePieces === undefined) return false;
  // Justified or otherwise spaced inlines keep their own positions.
  if (Math.abs(a.x + a.width - b.x) > 1e-9) return false;
  for (const key of SAME) if (a[key] !== b[key]) return false;
  return true;
}

/** The inlines of a line with each run of mergeable ones made one; the same array when nothing merges. */
export function mergeInlines(inlines: Inline[]): Inline[] {
  let merged: Inline[] | undefined;
  for (let i = 0; i < inlines.length; i++) {
    const inline = inlines[i]!;
    let j = i + 1;
    while (j < inlines.length && mergeable(inlines[j - 1]!, inlines[j]!)) j++;
    if (j - i === 1) {
      merged?.push(inline);
      continue;
    }
    const run = inlines.slice(i, j);
    const pieces = run.map((piece) => piece.text);
    const text = pieces.join('');
    merged ??= inlines.slice(0, i);
    // The font writes the pieces' glyphs as each piece was measured, not the joined text shaped anew.
    if (inline.font.encodePieces!(text, pieces)) merged.push({ ...inline, text, width: run.reduce((sum, piece) => sum + piece.width, 0) });
    else merged.push(...run);
    i = j - 1;
  }
  return merged ?? inlines;
}
