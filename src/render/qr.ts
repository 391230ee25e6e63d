// QR codes for the URLs a brochure prints (web sites, social accounts, reports), made by the `qrcode` package
// and drawn as vectors: a pdfmake canvas of rectangles for the PDF, an SVG path for the HTML's print
// stylesheet. Dark modules of a row are merged into one rectangle each, which keeps the PDF small.
import QRCode from 'qrcode';

/** Dark runs of the code, in modules: [x, y, width] with the quiet zone left to the caller. */
export interface QrMatrix {
  size: number;
  runs: [number, number, number][];
}

const cache = new Map<string, QrMatrix>();

/** The module matrix of a URL (error correction M: survives a smudge on paper, stays small). */
export function qrMatrix(text: string): QrMatrix {
  const cached = cache.get(text);
  if (cached) return cached;
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = code.modules.size;
  const runs: [number, number, number][] = [];
  for (let y = 0; y < size; y++) {
    let start = -1;
    for (let x = 0; x <= size; x++) {
      const dark = x < size && code.modules.get(y, x) === 1;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push([start, y, x - start]);
        start = -1;
      }
    }
  }
  const matrix = { size, runs };
  cache.set(text, matrix);
  return matrix;
}

/** The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** A pdfmake canvas drawing the code in a square of `width` points, quiet zone included. */
export function qrCanvas(text: string, width: number, colour = '#000000'): Record<string, unknown> {
  const { size, runs } = qrMatrix(text);
  const module = width / (size + 2 * QUIET_ZONE);
  const at = (n: number) => Math.round((n + QUIET_ZONE) * module * 1000) / 1000;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 0, w: width, h: width, color: '#ffffff' },
      ...runs.map(([x, y, w]) => ({ type: 'rect', x: at(x), y: at(y), w: Math.round(w * module * 1000) / 1000 + 0.01, h: Math.round(module * 1000) / 1000 + 0.01, color: colour })),
    ],
    width,
    height: width,
  };
}

/** The code as a standalone SVG (one path, quiet zone included), sized by CSS. */
export function qrSvg(text: string, label: string): string {
  const { size, runs } = qrMatrix(text);
  const full = size + 2 * QUIET_ZONE;
  const path = runs.map(([x, y, w]) => `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${w}v1h-${w}z`).join('');
  const escaped = label.replace(/[&<>"]/g, (c) => `&#${c.codePointAt(0)};`);
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
