// The same post read twice in one run — two overlapping collector runs, a download and its unpacked folder, one
// record listed twice — must not be counted twice against its author. A post is the same when its platform,
// author, id, time and content all agree: an id alone is not enough (a spreadsheet without an id column gives
// every file the same row numbers, and Mastodon ids are per server), and a post written again on another day is
// another post. Only posts with findings are remembered, as 64-bit digests in one flat table: a repeat of a clean
// post changes no finding, and the table stays a few bytes per flagged post however long the run.

import { hash } from 'node:crypto';
import type { Post } from '../model.js';

export class RepeatedPosts {
  /** Open addressing, two 32-bit halves per slot; (0, 0) is an empty slot. */
  private table = new Uint32Array(2 * 1024);
  private size = 0;

  /** True when a post with the same identity and content was added before; adds it otherwise. */
  seenBefore(post: Post): boolean {
    const d = hash('sha256', identity(post), 'hex');
    const hi = parseInt(d.slice(0, 8), 16);
    const low = parseInt(d.slice(8, 16), 16);
    // (0, 0) marks an empty slot: that one digest is stored as (0, 1).
    const lo = hi === 0 && low === 0 ? 1 : low;
    if (this.find(hi, lo)) return true;
    if (2 * (this.size + 1) > this.table.length / 2) this.grow();
    this.insert(hi, lo);
    this.size++;
    return false;
  }

  private find(hi: number, lo: number): boolean {
    const t = this.table;
    const mask = t.length / 2 - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const a = t[2 * i];
      const b = t[2 * i + 1];
      if (a === 0 && b === 0) return false;
      if (a === hi && b === lo) return true;
    }
  }

  private insert(hi: number, lo: number): void {
    const t = this.table;
    const mask = t.length / 2 - 1;
    let i = hi & mask;
    while (t[2 * i] !== 0 || t[2 * i + 1] !== 0) i = (i + 1) & mask;
    t[2 * i] = hi;
    t[2 * i + 1] = lo;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
  }
}

/** What makes two records the same post: everything the scan reads, and who wrote it when. */
function identity(p: Post): string {
  const list = (xs: string[]) => xs.join('\u0001');
  return [p.platform, p.author.toLowerCase(), p.id, p.created_at ?? p.created_at_raw ?? '', p.kind, p.repost_of ?? '', p.text, list(p.media_text), list(p.hashtags), list(p.mentions), list(p.links)].join('\u0000');
}
