// The formats netral reads, and detection by content: each format scores how sure it is that an input is its
// own; the highest score wins. `--from FORMAT` skips detection. Platform readers register here too.

import type { DirectoryFormat, Format } from './types.js';
import { genericJsonl } from './formats/generic-jsonl.js';
import { genericJson } from './formats/generic-json.js';
import { genericCsv } from './formats/generic-csv.js';

export const FORMATS: Format[] = [genericJsonl, genericJson, genericCsv];
export const DIRECTORY_FORMATS: DirectoryFormat[] = [];

/** Bytes read from the start of an input for detection. */
export const HEAD_BYTES = 64 * 1024;
/** Below this score an input is not read at all. */
const MIN_SCORE = 0.2;

export function formatById(id: string): Format | DirectoryFormat | undefined {
  return FORMATS.find((f) => f.id === id) ?? DIRECTORY_FORMATS.find((f) => f.id === id);
}

export function formatIds(): string[] {
  return [...FORMATS.map((f) => f.id), ...DIRECTORY_FORMATS.map((f) => f.id)];
}

export function detectFormat(head: Buffer, name: string): Format | null {
  let best: Format | null = null;
  let bestScore = MIN_SCORE;
  for (const f of FORMATS) {
    const s = f.detect(head, name);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  return best;
}
