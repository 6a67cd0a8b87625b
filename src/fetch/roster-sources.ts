// From a roster to the accounts netral can fetch: Mastodon and Bluesky handles are public without a login; the
// Facebook, Instagram, X and TikTok columns are not fetchable, and the user is told how many and why (once per
// platform, not once per employee). A handle that cannot be read is a problem naming its line.

import type { Roster } from '../roster/parse.js';
import type { RosterPlatform } from '../roster/handles.js';
import { blueskySource, loginWallReason, mastodonSource, type Source } from './sources.js';

const NOT_FETCHABLE: Partial<Record<RosterPlatform, string>> = { facebook: 'Facebook', instagram: 'Instagram', x: 'X (Twitter)', tiktok: 'TikTok' };

export interface RosterSources {
  sources: Source[];
  /** Information for the user (accounts on platforms netral cannot fetch). */
  notes: string[];
  /** Rows or handles that could not be used, each naming its line. */
  problems: string[];
}

/** `reported`: the roster's own problems were already reported by whoever read it, so only the fetching ones are added. */
export function rosterSources(roster: Roster, { reported }: { reported: boolean }): RosterSources {
  const out: RosterSources = { sources: [], notes: [], problems: [] };
  if (!reported) for (const p of roster.problems) (p.level === 'error' ? out.problems : out.notes).push(`${roster.file}:${p.line}: ${p.message}`);
  const keys = new Set<string>();
  const unfetchable = new Map<RosterPlatform, { handles: number; people: number }>();
  for (const row of roster.employees) {
    for (const [platform, handles] of Object.entries(row.handles) as [RosterPlatform, string[]][]) {
      if (handles.length === 0) continue;
      if (NOT_FETCHABLE[platform]) {
        const u = unfetchable.get(platform) ?? { handles: 0, people: 0 };
        u.handles += handles.length;
        u.people++;
        unfetchable.set(platform, u);
        continue;
      }
      for (const h of handles) {
        const s = platform === 'mastodon' ? mastodonSource(h) : blueskySource(h);
        if ('error' in s) {
          out.problems.push(`${roster.file}:${row.line}: ${platform} handle of ${row.nama} (NIP ${row.nip}): ${s.error}`);
          continue;
        }
        if (keys.has(s.key)) continue;
        keys.add(s.key);
        out.sources.push(s);
      }
    }
  }
  for (const [platform, u] of unfetchable)
    out.notes.push(`${roster.file}: ${u.handles} ${platform} handle${u.handles === 1 ? '' : 's'} of ${u.people} employee${u.people === 1 ? '' : 's'} not fetched: ${loginWallReason(NOT_FETCHABLE[platform]!)}`);
  return out;
}
