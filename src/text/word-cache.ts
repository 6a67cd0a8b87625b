// A bounded memo for per-word work (readings, stems, forms). Two generations of at most `size` entries each: a hit
// in the older generation moves the entry to the current one, and when the current generation is full the older
// one is dropped. Memory stays bounded however many distinct words a long run meets, while the words in use —
// a few thousand make up most of any text — survive the drop and are rarely worked out again.

/** Keys longer than this are not kept: a hostile post's 1 MB "word" recurs nowhere and would pin 1 MB per entry. */
const MAX_KEY = 64;

/**
 * A copy of `s` that does not keep the string it was sliced from alive: V8 represents a slice of 13 or more
 * characters as a view of its parent, so a cached word cut from a 1 MB post would keep the whole post in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

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
    if (key.length > MAX_KEY) return;
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(detach(key), value);
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}
