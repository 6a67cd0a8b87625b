// The formats netral reads, and detection by content: each format scores how sure it is that an input is its
// own; the highest score wins. `--from FORMAT` skips detection. Platform readers register here too.

import type { DirectoryFormat, Format, Tree, TreeFormat } from './types.js';
import { genericJsonl } from './formats/generic-jsonl.js';
import { genericJson } from './formats/generic-json.js';
import { genericCsv } from './formats/generic-csv.js';
import { xArchive } from './formats/x-archive.js';
import { facebook } from './formats/facebook.js';
import { instagram } from './formats/instagram.js';
import { tiktok } from './formats/tiktok.js';
import { mastodonApi, mastodonArchive } from './formats/mastodon.js';
import { bluesky } from './formats/bluesky.js';
import { apifyFacebook, apifyInstagram, apifyTiktok } from './formats/apify.js';
import { snscrape } from './formats/snscrape.js';
import { twarc2 } from './formats/twarc2.js';
import { instaloader } from './formats/instaloader.js';
import { subTree } from './archive/tree.js';

// Platform formats score 0.9 and above on a confident match, above the generic readers (0.1–0.9), so a platform's
// own layout wins over "some JSON".
export const FORMATS: Format[] = [
  genericJsonl,
  genericJson,
  genericCsv,
  xArchive,
  facebook,
  instagram,
  tiktok,
  mastodonArchive,
  mastodonApi,
  bluesky,
  apifyInstagram,
  apifyTiktok,
  apifyFacebook,
  snscrape,
  twarc2,
  instaloader,
];
export const DIRECTORY_FORMATS: DirectoryFormat[] = [];
/** Platform downloads recognised by their files, in a folder or inside a zip/tar archive. */
export const TREE_FORMATS: TreeFormat[] = [xArchive, facebook, instagram, tiktok, mastodonArchive, instaloader];

/** Below this score an input is not read at all. */
const MIN_SCORE = 0.2;

export function formatById(id: string): Format | DirectoryFormat | TreeFormat | undefined {
  return FORMATS.find((f) => f.id === id) ?? TREE_FORMATS.find((f) => f.id === id) ?? DIRECTORY_FORMATS.find((f) => f.id === id);
}

export function formatIds(): string[] {
  return [...new Set([...FORMATS.map((f) => f.id), ...TREE_FORMATS.map((f) => f.id), ...DIRECTORY_FORMATS.map((f) => f.id)])];
}

/** Why `id` cannot be read as (--from, audit.yml's read.from): it is no format netral reads; null when it is one. */
export function unknownFormat(id: string): string | null {
  return formatById(id) ? null : `unknown format "${id}"; known: ${formatIds().join(', ')}`;
}

export function isTreeFormat(f: Format | DirectoryFormat | TreeFormat): f is TreeFormat {
  return 'detectTree' in f;
}

export function isFileFormat(f: Format | DirectoryFormat | TreeFormat): f is Format {
  return 'detect' in f;
}

/**
 * The platform download a tree holds: the best-scoring of `formats` at its root, or, for an archive, inside its
 * one top folder (archives are often made of a folder: `facebook-budi-2024-03-01/…`). Folders on disk need no
 * such rule: they are searched folder by folder.
 */
export async function detectTreeFormat(tree: Tree, formats: TreeFormat[] = TREE_FORMATS): Promise<{ format: TreeFormat; tree: Tree } | null> {
  const at = async (t: Tree) => {
    let best: TreeFormat | null = null;
    let bestScore = MIN_SCORE;
    for (const f of formats) {
      const s = await f.detectTree(t);
      if (s > bestScore) {
        best = f;
        bestScore = s;
      }
    }
    return best ? { format: best, tree: t } : null;
  };
  const root = await at(tree);
  if (root || tree.kind === 'folder') return root;
  const dirs = await tree.dirs('');
  if (dirs.length === 1 && (await tree.list('')).length === 0) return at(subTree(tree, dirs[0]));
  return null;
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
