// Meta's newer downloads (Facebook and Instagram, 2024 on) write a record as `label_values`: a list of
// {label, value, href} entries whose labels are in the account's language ("Name", "Nama"). One reader of them for
// both platforms.

import { str, obj } from './values.js';

/** The value of the first entry whose label is in `labels` (lower case), else its href; null when none has one. */
export function labelValue(entries: unknown[], labels: ReadonlySet<string>): string | null {
  for (const e of entries) {
    const o = obj(e);
    const label = str(o?.label)?.trim().toLowerCase();
    if (label && labels.has(label)) return str(o!.value)?.trim() || str(o!.href)?.trim() || null;
  }
  return null;
}
