// The World of a `clair serve` session: the same seam as every other command, but files it has read, and what was
// derived from each file alone (its parsed YAML), stay in memory until the watcher says they changed. An edit then
// costs the reading and parsing of the one file that changed, not of the whole office folder, templates and labels.
import { dirname } from 'node:path';
import { World, type WorldOptions } from '../world.js';

export class WatchedWorld extends World {
  private readonly texts = new Map<string, string>();
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly listings = new Map<string, string[]>();
  private readonly derivations = new Map<string, Map<string, unknown>>();

  constructor(options: WorldOptions) {
    super(options);
  }

  override readText(path: string, limit?: number): string {
    let text = this.texts.get(path);
    if (text === undefined || (limit !== undefined && Buffer.byteLength(text) > limit)) {
      text = limit === undefined ? super.readText(path) : super.readText(path, limit);
      this.texts.set(path, text);
    }
    return text;
  }

  override readBytes(path: string, limit?: number): Uint8Array {
    let bytes = this.bytes.get(path);
    // A copy read under a larger limit is not good for a smaller one: the World's own check then says why.
    if (bytes === undefined || (limit !== undefined && bytes.byteLength > limit)) {
      bytes = limit === undefined ? super.readBytes(path) : super.readBytes(path, limit);
      // Font files are kept by the typesetter already; photos and data files are small.
      if (bytes.byteLength <= 8 * 1024 * 1024) this.bytes.set(path, bytes);
    }
    return bytes;
  }

  override derived<T>(path: string, kind: string, make: () => T): T {
    let byKind = this.derivations.get(path);
    if (!byKind) this.derivations.set(path, (byKind = new Map()));
    if (!byKind.has(kind)) byKind.set(kind, make());
    return byKind.get(kind) as T;
  }

  override list(dir: string): string[] {
    let names = this.listings.get(dir);
    if (names === undefined) {
      names = super.list(dir);
      this.listings.set(dir, names);
    }
    return [...names];
  }

  /** A file was changed, added or removed: read it (and its folder's listing) again next time. */
  forget(path: string): void {
    this.texts.delete(path);
    this.bytes.delete(path);
    this.derivations.delete(path);
    this.listings.delete(path);
    this.listings.delete(dirname(path));
  }
}
