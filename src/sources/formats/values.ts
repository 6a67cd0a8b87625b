// Platform data is loosely typed JSON whose shape varies by version: these read a value when it has the expected
// type and give null (or an empty list) otherwise, so readers never trust a field's type.

export type Obj = Record<string, unknown>;

/** Text, or a number as text (ids arrive as either). */
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** The non-empty texts of a list. */
export const strings = (v: unknown): string[] => arr(v).map((x) => str(x) ?? '').filter((x) => x !== '');

/** The first bytes of an input as text for detection, without BOM or leading space. */
export function headText(head: Buffer, max = 16384): string {
  return head.toString('utf8', 0, Math.min(head.length, max)).replace(/^\uFEFF/, '').trimStart();
}
