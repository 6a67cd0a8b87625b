// Placeholders of the election template (`netral rules init-election`, src/rules/template.ts) left in a pack. An
// untouched template is otherwise a valid pack: it would run with "Nama Calon 1" as a candidate, and its race word
// "pilbup ..." would match every post saying "pilbup" (the dots are no word). Only the template's own tokens are
// looked for, and only where the template writes them (the pack's title and sources, the election section), so
// that the "..." of a real pack's note, description or example is never taken for one.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Ctx } from './parse.js';
import { BLANK_WORD, MAX_CANDIDATES, REPLACE_MARK, placeholderNames, placeholderPairName } from './template.js';

const NAMES = new Set(Array.from({ length: MAX_CANDIDATES }, (_, i) => [...placeholderNames(i + 1), placeholderPairName(i + 1)]).flat().map((n) => n.toLowerCase()));
const MARK = REPLACE_MARK.toLowerCase();

/** What to write instead, by the field the placeholder stands in. */
const HINTS: Record<string, string> = {
  title: "the pack's title (e.g. Pilbup Sleman 2029)",
  description: 'a description of the pack, or delete it',
  sources: 'the source of the facts (the KPU decision on the pairs and their numbers, the KPU schedule)',
  'name.id': "the election's name in Indonesian",
  'name.en': "the election's name in English",
  region: "the region's name (e.g. Kabupaten Sleman)",
  words: 'a word that names this race (e.g. pilbup sleman), or delete it',
  names: 'a name of this pair as the KPU decision writes it, or delete it',
  name: "the pair's name as the KPU decision writes it (candidate – running mate), or delete it",
};

function isPlaceholder(value: string, inList: boolean, field: string): boolean {
  const v = value.toLowerCase();
  if (v.includes(MARK) || NAMES.has(v.trim())) return true;
  // "..." standing as a word of a term ("pilbup ...", "bupati ... 1"); free text may abbreviate with it.
  return inList && field !== 'sources' && value.split(/\s+/).includes(BLANK_WORD);
}

/** Reports the placeholders in `root` and below; `field` names it in messages (name.id, words). */
function walk(ctx: Ctx, root: Node | null | undefined, field: string): void {
  // Without recursion: a hostile pack may nest as deep as the YAML library reads.
  const work: { node: Node | null | undefined; field: string; inList: boolean }[] = [{ node: root, field, inList: false }];
  while (work.length > 0) {
    const { node, field, inList } = work.pop()!;
    if (isMap(node)) {
      for (const pair of [...node.items].reverse()) {
        const k = pair.key as Node | null;
        const key = isScalar(k) ? String(k.value) : '';
        work.push({ node: pair.value as Node | null, field: field ? `${field}.${key}` : key, inList: false });
      }
    } else if (isSeq(node)) {
      // A mapping in a list is a record of its own (a candidate): its fields are named from it.
      for (const item of [...(node.items as Node[])].reverse()) work.push({ node: item, field: isMap(item) ? '' : field, inList: true });
    } else if (isScalar(node) && typeof node.value === 'string' && isPlaceholder(node.value, inList, field)) {
      const hint = HINTS[field] ?? HINTS[field.slice(field.lastIndexOf('.') + 1)] ?? 'the real value, or delete it';
      const shown = node.value.length > 100 ? `${node.value.slice(0, 100)}…` : node.value;
      ctx.fail(node, `${field}: "${shown}" is a placeholder from the template; replace it with ${hint}`);
    }
  }
}

/** Reports every template placeholder in a pack's title, description, sources and election section. */
export function reportPlaceholders(ctx: Ctx, fields: Map<string, Node | null>, packId: string | undefined): void {
  for (const key of ['title', 'description', 'sources']) walk(ctx, fields.get(key), key);
  if (!fields.has('election')) return;
  ctx.where = packId ? `election ${packId}` : 'election';
  walk(ctx, fields.get('election'), '');
  ctx.where = undefined;
}
