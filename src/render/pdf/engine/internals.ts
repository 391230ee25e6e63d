// pdfmake's own modules (its package exports only the public API), for the places clair patches it: line breaking
// (pdfmake-lines.ts), the sizing of SVG charts (render/pdf/svg-size.ts) and the labels of row spans that run over
// a page (render/pdf/row-span-labels.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pdfmakeDir = dirname(createRequire(import.meta.url).resolve('pdfmake'));
const require = createRequire(join(pdfmakeDir, 'index.js'));

/** The default export of pdfmake's module `name`, e.g. 'DocMeasure'. */
export function pdfmakeModule<T>(name: string): T {
  return (require(join(pdfmakeDir, `${name}.js`)) as { default: T }).default;
}
