// pdfmake sizes an SVG by parsing it with xmldoc twice, once to read its size and once to write the size it is
// drawn at, before svg-to-pdfkit parses it a third time to draw it. clair's charts (metrics/chart.ts) state width,
// height and viewBox on their root element, so for them only the root tag is read and rewritten; any other SVG
// goes pdfmake's way.
import { pdfmakeModule } from './internals.js';

interface Size {
  width: number | undefined;
  height: number | undefined;
}
interface SvgMeasureClass {
  prototype: {
    measureSVG(svg: unknown): Size;
    writeDimensions(svg: unknown, size: { width: number; height: number }): unknown;
  };
}

const ROOT = /^\s*<svg\b([^>]*)>/;

/** The root tag of an SVG string and its attributes, when it states a numeric width, height and a viewBox. */
function sizedRoot(svg: unknown): { tag: string; width: number; height: number } | undefined {
  if (typeof svg !== 'string') return undefined;
  const root = ROOT.exec(svg);
  if (!root) return undefined;
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root[1]!)?.[1];
  const width = Number(attribute('width'));
  const height = Number(attribute('height'));
  if (!Number.isFinite(width) || !Number.isFinite(height) || attribute('viewBox') === undefined) return undefined;
  return { tag: root[0], width, height };
}

let installed = false;

export function installSvgSizing(): void {
  if (installed) return;
  const SvgMeasure = pdfmakeModule<SvgMeasureClass>('SVGMeasure');
  const { measureSVG, writeDimensions } = SvgMeasure.prototype;
  SvgMeasure.prototype.measureSVG = function measureClairSvg(svg) {
    const root = sizedRoot(svg);
    return root ? { width: root.width, height: root.height } : measureSVG.call(this, svg);
  };
  SvgMeasure.prototype.writeDimensions = function writeClairSvgDimensions(svg, size) {
    const root = sizedRoot(svg);
    if (!root) return writeDimensions.call(this, svg, size);
    const tag = root.tag.replace(/(\swidth=")[^"]*"/, `$1${size.width}"`).replace(/(\sheight=")[^"]*"/, `$1${size.height}"`);
    return tag + (svg as string).slice((svg as string).indexOf(root.tag) + root.tag.length);
  };
  installed = true;
}
