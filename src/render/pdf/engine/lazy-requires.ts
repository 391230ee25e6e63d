// pdfkit and pdfmake require, when first loaded, modules clair never or seldom uses: fontkit (clair hands pdfkit
// harfbuzz fonts, vfs-fonts.ts), the ciphers and hashes of PDF encryption, the UAX #14 line breaker of their own
// text wrapping (clair breaks the lines, pdfmake-lines.ts) and the PNG decoder (only for PNG photos). Loading them
// cost every build ~120 ms (fontkit 70, the rest ~50). Until a module is actually used, `require` answers with a
// stand-in that loads the real module on first use. Import this module before pdfmake.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pdfkit = require.resolve('pdfkit');
const Module = require('node:module') as { new (id: string): { exports: unknown; loaded: boolean; filename: string } };

type Loaded = Record<string | symbol, unknown> & ((...args: unknown[]) => unknown) & (new (...args: unknown[]) => object);

/**
 * Puts a stand-in for `specifier` (as pdfkit resolves it) in the require cache. `kind` is what the module exports:
 * an object of functions, or a class pdfkit calls with `new`.
 */
function deferRequire(specifier: string, kind: 'object' | 'class'): void {
  const path = require.resolve(specifier, { paths: [pdfkit] });
  if (require.cache[path]) return;
  let real: Loaded | undefined;
  const load = (): Loaded => {
    if (!real) {
      delete require.cache[path];
      real = require(path) as Loaded;
    }
    return real;
  };
  const forward: ProxyHandler<object> = {
    // A CommonJS module exporting a class is no ES module: Babel's interop (pdfmake's) asks without using it.
    get: (_, key) => (kind === 'class' && key === '__esModule' ? undefined : load()[key]),
    has: (_, key) => key in load(),
  };
  const standIn = kind === 'object'
    ? new Proxy({}, {
      ...forward,
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Object.getOwnPropertyDescriptor(load(), key);
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    })
    : new Proxy(function standIn() {}, {
      ...forward,
      construct: (_, args) => Reflect.construct(load(), args),
      apply: (_, self, args) => Reflect.apply(load(), self, args),
    });
  const module = new Module(path);
  module.exports = standIn;
  module.loaded = true;
  module.filename = path;
  (require.cache as Record<string, unknown>)[path] = module;
}

deferRequire('fontkit', 'object');
deferRequire('@noble/hashes/utils', 'object');
deferRequire('@noble/hashes/sha2', 'object');
deferRequire('@noble/ciphers/aes', 'object');
deferRequire('linebreak', 'class');
deferRequire('png-js', 'class');
