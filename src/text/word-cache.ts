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
    this.put(detach(key), value);
  }

  /**
   * The value kept for `key`, or else `make(own)`, kept under `own`: a copy of the key that keeps no post text alive
   * (the key itself when it is too long to be kept). A value that holds its key should hold `own`, not a copy of its
   * own: every detach is one more copy of the word.
   */
  getOrMake(key: string, make: (own: string) => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    if (key.length > MAX_KEY) return make(key);
    const own = detach(key);
    const v = make(own);
    this.put(own, v);
    return v;
  }

  /** Keeps a value under a key already detached. */
  private put(own: string, value: V): void {
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(own, value);
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}

/**
 * A small direct-mapped memo in front of a WordCache, keyed by a span of a text in place: the words that make up
 * most of any text are found without slicing them out or a hash-map lookup, whose cache misses in a map of
 * thousands of words cost more than the rest of reading a word. Keys are kept as characters in one typed array
 * (no strings, so nothing is kept alive); a slot holds the last key that hashed to it.
 */
export class SpanCache<V> {
  /** Per slot: key length (0 = empty), 16 more bits of the hash, the key's characters. */
  private readonly keys: Uint16Array;
  private readonly values: (V | undefined)[];
  private readonly mask: number;
  private readonly shift: number;
  /** The longest key kept. */
  readonly maxKey: number;

  /**
   * `slots` and `width` (UTF-16 units per slot, two of them for the length and hash) are powers of two; the
   * defaults (4,096 slots of 16, keys up to 14 units) fit the words of a text.
   */
  constructor(slots = 4096, width = 16) {
    this.keys = new Uint16Array(slots * width);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
    this.shift = Math.log2(width);
    this.maxKey = width - 2;
  }

  /** FNV-1a of text[s, e); pass it to get and set. */
  static hash(text: string, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h;
  }

  get(text: string, s: number, e: number, h: number): V | undefined {
    const n = e - s;
    const slot = h & this.mask;
    const b = slot << this.shift;
    const k = this.keys;
    if (k[b] !== n || k[b + 1] !== h >>> 16) return undefined;
    for (let i = 0; i < n; i++) if (k[b + 2 + i] !== text.charCodeAt(s + i)) return undefined;
    return this.values[slot];
  }

  set(text: string, s: number, e: number, h: number, value: V): void {
    const n = e - s;
    if (n > this.maxKey || n === 0) return;
    const slot = h & this.mask;
    const b = slot << this.shift;
    const k = this.keys;
    k[b] = n;
    k[b + 1] = h >>> 16;
    for (let i = 0; i < n; i++) k[b + 2 + i] = text.charCodeAt(s + i);
    this.values[slot] = value;
  }

  clear(): void {
    this.keys.fill(0);
    this.values.fill(undefined);
  }
}
