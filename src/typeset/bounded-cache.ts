// A cache of results that are cheap to compute again (shaped text, typeset inlines) with a fixed number of
// entries: the least recently used one goes when it is full. The caches it replaced grew with the data: a brochure
// with 10,000 events kept every shaped cell of every edition (~165 MB alive when the bilingual edition was laid
// out). The shipped Seoul data needs ~1,300 entries per cache, well under the bound, so its builds run as before.
// (A Map keeps insertion order; a hit moves the key to the end, so the first key is the least recently used.)

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
