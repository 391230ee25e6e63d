// pdfkit loads fontkit when it is first required: 70 ms of start-up, in every process, though clair never lets
// pdfkit open a font (vfs-fonts.ts hands it harfbuzz fonts). So until someone actually asks fontkit for something,
// `require('fontkit')` answers with a stand-in that loads the real module on first use. Import this module before
// pdfmake.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const path = require.resolve('fontkit', { paths: [require.resolve('pdfkit')] });

if (!require.cache[path]) {
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete require.cache[path];
      real = require(path) as Record<string | symbol, unknown>;
    }
    return real;
  };
  const standIn = new Proxy({}, {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Object.getOwnPropertyDescriptor(load(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
  const Module = require('node:module') as { new (id: string): { exports: unknown; loaded: boolean; filename: string } };
  const module = new Module(path);
  module.exports = standIn;
  module.loaded = true;
  module.filename = path;
  (require.cache as Record<string, unknown>)[path] = module;
}
