// Ids for posts whose platform download gives none (Facebook, Instagram, TikTok downloads): derived from what
// identifies the post in the download — its time and text — so they are the same on every run and in a later
// download of the same account, which keeps finding fingerprints and baselines stable.

import { createHash } from 'node:crypto';

export function derivedId(prefix: string, ...parts: (string | number | null | undefined)[]): string {
  const h = createHash('sha256')
    .update(parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('\u0000'))
    .digest('hex')
    .slice(0, 12);
  return `${prefix}-${h}`;
}
