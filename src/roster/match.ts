// From a post's platform and author to the employee who owns the account. Built once from the roster; each
// lookup is a map access. A post is attributed only when exactly one employee claims the account: a wrong name on
// a finding harms a real person, so anything uncertain is left unmatched and reported apart.

import type { EmployeeRef } from '../model.js';
import type { Employee } from './parse.js';
import { ROSTER_PLATFORMS, authorKey, rosterPlatform, type RosterPlatform } from './handles.js';

export type Match = { employee: Employee } | { employee: null; reason: 'not_in_roster' | 'ambiguous' | 'no_author' };

/** The employee as findings and post records carry it. */
export function employeeRef(e: Employee): EmployeeRef {
  return { nip: e.nip, nama: e.nama, unit_kerja: e.unit_kerja, jabatan: e.jabatan };
}

export class RosterMatcher {
  private readonly exact = new Map<string, Employee>();
  /** Mastodon handles by local part, for posts whose author lacks the @server (one owner only). */
  private readonly mastodonLocal = new Map<string, Employee[]>();
  /** Handles on any platform, for posts whose platform is not one the roster has columns for. */
  private readonly anyPlatform = new Map<string, Employee[]>();
  /** Answers already given, by platform and author: a run sees the same accounts again and again. */
  private readonly seen = new Map<string, Match>();

  constructor(readonly employees: Employee[]) {
    for (const e of employees) {
      for (const p of ROSTER_PLATFORMS) {
        for (const h of e.handles[p]) {
          this.exact.set(`${p}\u0000${h}`, e);
          add(this.anyPlatform, h, e);
          if (p === 'mastodon') add(this.mastodonLocal, h.split('@')[0], e);
        }
      }
    }
  }

  match(platform: string, author: string): Match {
    const k = `${platform}\u0000${author}`;
    let m = this.seen.get(k);
    if (!m) {
      m = this.lookup(platform, author);
      this.seen.set(k, m);
    }
    return m;
  }

  private lookup(platform: string, author: string): Match {
    if (author.trim() === '') return { employee: null, reason: 'no_author' };
    const p: RosterPlatform | null = rosterPlatform(platform);
    const key = authorKey(p, author);
    if (p === null) return only(this.anyPlatform.get(key));
    const e = this.exact.get(`${p}\u0000${key}`);
    if (e) return { employee: e };
    if (p === 'mastodon') {
      // The roster wrote user@server and the post only "user" (or the reverse): the local part decides when one
      // employee has it.
      const local = key.split('@')[0];
      const byLocal = this.mastodonLocal.get(local);
      if (!key.includes('@')) return only(byLocal);
      const bare = this.exact.get(`mastodon\u0000${local}`);
      if (bare && (byLocal?.length ?? 0) <= 1) return { employee: bare };
    }
    return { employee: null, reason: 'not_in_roster' };
  }
}

function add(m: Map<string, Employee[]>, k: string, e: Employee): void {
  const list = m.get(k);
  if (!list) m.set(k, [e]);
  else if (!list.includes(e)) list.push(e);
}

function only(list: Employee[] | undefined): Match {
  if (!list || list.length === 0) return { employee: null, reason: 'not_in_roster' };
  if (list.length > 1) return { employee: null, reason: 'ambiguous' };
  return { employee: list[0] };
}
