// Lists in one spreadsheet cell. People write hashtags, mentions and links separated by spaces, commas or
// semicolons, and one media text per cell. A cell holding a JSON array of text (`["a","b"]`) is read as that list,
// which is how netral writes a list the plain form cannot carry (several media texts, a link with a comma), so
// that a CSV netral writes reads back into the same records.

/** The list fields of the post record that a CSV holds as one cell each. */
export const LIST_FIELDS = ['hashtags', 'mentions', 'links', 'media_text'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

const SPLIT = /[\s,;]+/;

/** Media texts are free text: the whole plain cell is one item. */
const isWhole = (field: ListField) => field === 'media_text';

function jsonList(cell: string): string[] | null {
  const t = cell.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}

/** The list a cell holds. */
export function readListCell(field: ListField, cell: string): string[] {
  const json = jsonList(cell);
  if (json) return json;
  if (isWhole(field)) return cell === '' ? [] : [cell];
  return cell.split(SPLIT).filter((x) => x !== '');
}

/** The cell for a list: the plain form when it reads back as the same list, else a JSON array. */
export function writeListCell(field: ListField, items: readonly string[]): string {
  if (items.length === 0) return '';
  const plain = isWhole(field) ? (items.length === 1 ? items[0] : null) : items.join(' ');
  if (plain !== null) {
    const back = readListCell(field, plain);
    if (back.length === items.length && back.every((x, i) => x === items[i])) return plain;
  }
  return JSON.stringify(items);
}
