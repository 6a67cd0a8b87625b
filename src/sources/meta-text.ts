// Facebook and Instagram downloads write every UTF-8 byte as its own `\u00XX` escape, so JSON.parse yields
// "donÃ¢Â€Â™t"-style mojibake ("Holbæk" arrives as "HolbÃ¦k", an emoji as four Latin-1 characters). The repair is
// per string: when every code point fits in a byte and those bytes are valid UTF-8, they were UTF-8. Clean text is
// left as it is: a string with a character above U+00FF, or whose bytes are not valid UTF-8 ("café" typed by
// someone), is not touched.

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function fixMetaText(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) high = true;
  }
  if (!high) return s;
  try {
    const r = utf8.decode(Buffer.from(s, 'latin1'));
    return r.includes('\ufffd') ? s : r;
  } catch {
    return s;
  }
}

/**
 * Repairs every string in a parsed Meta record, keys included. Iterative, not recursive: a damaged or hostile
 * download nesting arrays thousands deep must not overflow the stack.
 */
export function fixMetaRecord(v: unknown): unknown {
  const work: [object, Record<string, unknown> | unknown[]][] = [];
  const copy = (x: unknown): unknown => {
    if (typeof x === 'string') return fixMetaText(x);
    if (x === null || typeof x !== 'object') return x;
    const out: Record<string, unknown> | unknown[] = Array.isArray(x) ? [] : {};
    work.push([x, out]);
    return out;
  };
  const root = copy(v);
  while (work.length > 0) {
    const [src, out] = work.pop()!;
    if (Array.isArray(src)) for (const x of src) (out as unknown[]).push(copy(x));
    else
      for (const [k, x] of Object.entries(src)) {
        // A key "__proto__" from JSON.parse is data: define it, so it cannot replace the copy's prototype.
        Object.defineProperty(out, fixMetaText(k), { value: copy(x), enumerable: true, writable: true, configurable: true });
      }
  }
  return root;
}
