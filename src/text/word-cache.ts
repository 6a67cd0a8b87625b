// A bounded memo for per-word work (readings, stems, forms). Two generations of at most `size` entries each: a hit
// in the older generation moves the entry to the current one, and when the current generation is full the older
// one is dropped. Memory stays bounded however many distinct words a long run meets, while the words in use —
// a few thousand make up most of any text — survive the drop and are rarely worked out again.

export class WordCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const v = this.current.get(key);
    if (v !== undefined) return v;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}

/**
 * A copy of a substring that does not keep alive the text it was cut from. V8 keeps a substring of 13 or more
 * characters as a view into its parent, so a word cut from a post and kept in a cache would keep the whole post's
 * text in memory for as long as the cache holds it. Concatenating forces a flat copy of just the substring.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
