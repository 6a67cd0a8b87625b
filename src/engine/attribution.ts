// Which candidate a finding is about. Ballot numbers are per race: "02" is a different pair in every election,
// so the match's own references are weighed, corroborated by the rest of the post, and filtered by the post's
// date. A tie that nothing breaks gives no candidate rather than a guess.

import type { Compiled } from '../rules/compile.js';
import type { EHit } from './evaluate.js';
import { inWindow, isNumberRef, type Facts } from './facts.js';

export interface Attribution {
  candidate: string | null;
  /** The other candidates the evidence could point at (for explanations). */
  alternatives: string[];
  /** Election of the chosen candidate. */
  election: string | null;
  /** Days between the post and the election's window, when outside it (0 inside or unknown). */
  daysOutside: number;
  /** Only weak references (a bare number, an emoji) point at the candidate. */
  weakOnly: boolean;
  /** The candidate is named somewhere in the post (name, hashtag, account), not only by number or symbol. */
  named: boolean;
  /** The match itself names no candidate; the post names exactly one, which is taken. */
  fromPost: boolean;
  /**
   * The match's only references are numbers that a person the packs do not know owns ("Pak Wiryo nomor 2"): no
   * candidate is given, and the person is named here.
   */
  owner: string | null;
}

const NAME_TYPES = new Set(['candidate_name', 'campaign_hashtag', 'account', 'party', 'party_account']);
const NOT_A_REFERENCE = new Set(['bare_number', 'gesture', 'slogan', 'against', 'empty_column', 'region']);

const WEIGHT = [1, 2, 3];

export function attribute(c: Compiled, matchHits: EHit[], facts: Facts): Attribution {
  if (facts.owners.size > 0) {
    const owner = ownerOf(matchHits, facts);
    if (owner !== null) return { ...NOBODY, owner };
  }
  const a = attributeHits(c, matchHits, facts);
  if (a.candidate !== null || a.alternatives.length > 0) return a;
  // The match names nobody ("ikut kampanye akbar"): when the post clearly names one candidate, that is the one.
  const named = facts.entityHits.filter((h) => h.refs.some((r) => r.cand !== null && r.strength >= 1 && !r.types.every((t) => NOT_A_REFERENCE.has(t))));
  if (named.length === 0) return a;
  const b = attributeHits(c, named, facts);
  return b.candidate !== null ? { ...b, fromPost: true } : a;
}

const NOBODY: Attribution = { candidate: null, alternatives: [], election: null, daysOutside: 0, weakOnly: false, named: false, fromPost: false, owner: null };

/** The unknown person whose numbers are all the candidates the match refers to, if it refers to nobody else. */
function ownerOf(matchHits: EHit[], facts: Facts): string | null {
  let owner: string | null = null;
  for (const h of matchHits) {
    if (!h.refs.some((r) => r.cand !== null)) continue;
    const o = facts.owners.get(h.to);
    if (o === undefined || h.refs.some((r) => r.cand !== null && !isNumberRef(r))) return null;
    owner = o;
  }
  return owner;
}

function attributeHits(c: Compiled, matchHits: EHit[], facts: Facts): Attribution {
  const score = new Map<string, number>();
  const best = new Map<string, number>();
  const election = new Map<string, string>();
  for (const h of matchHits)
    for (const r of h.refs) {
      if (r.cand === null) continue;
      score.set(r.cand, (score.get(r.cand) ?? 0) + WEIGHT[r.strength]);
      best.set(r.cand, Math.max(best.get(r.cand) ?? 0, r.strength));
      election.set(r.cand, r.election);
    }
  if (score.size === 0) return NOBODY;
  // Corroboration from the rest of the post: "02" next to "Gibran" is pilpres-2024:2.
  // A race named in the post ("Pilkada DKI") favours that race's candidates.
  const counted = new Set(matchHits);
  const races = new Set<string>();
  for (const h of facts.entityHits) {
    for (const r of h.refs) if (r.cand === null) races.add(r.election);
    if (counted.has(h)) continue;
    for (const r of h.refs) if (r.cand !== null && score.has(r.cand)) score.set(r.cand, score.get(r.cand)! + WEIGHT[r.strength] / 2);
  }
  if (races.size > 0) for (const [k, v] of score) if (races.has(election.get(k)!)) score.set(k, v + 1);
  let cands = [...score.keys()];
  const day = facts.day;
  if (day !== null) {
    const applicable = cands.filter((k) => {
      const e = c.elections.get(election.get(k)!);
      return !e || e.appliesFrom === null || inWindow(e.appliesFrom, e.appliesTo, day);
    });
    if (applicable.length > 0) cands = applicable;
    else {
      // Outside every window: the nearest election in time is the likeliest reading.
      const dist = (k: string) => outside(c, election.get(k)!, day);
      const nearest = Math.min(...cands.map(dist));
      cands = cands.filter((k) => dist(k) === nearest);
    }
  }
  const top = Math.max(...cands.map((k) => score.get(k)!));
  let winners = cands.filter((k) => score.get(k) === top);
  if (winners.length > 1) {
    // A bare number is a pair's before it is a party's, unless the post names the party.
    const pairs = winners.filter((k) => !c.elections.get(election.get(k)!)?.def.parties.length);
    if (pairs.length > 0 && pairs.length < winners.length) winners = pairs;
  }
  if (winners.length > 1) {
    const rec = (k: string) => c.elections.get(election.get(k)!)?.recency ?? 0;
    const newest = Math.max(...winners.map(rec));
    const newestWinners = winners.filter((k) => rec(k) === newest);
    // Prefer the most recent race only when the evidence names a person (Prabowo 2019 vs 2024), not for numbers.
    if (newestWinners.length === 1 && winners.some((k) => (best.get(k) ?? 0) >= 2)) winners = newestWinners;
  }
  const alternatives = [...score.keys()].filter((k) => winners.length !== 1 || k !== winners[0]).sort();
  if (winners.length !== 1) return { ...NOBODY, alternatives };
  const chosen = winners[0];
  const el = election.get(chosen)!;
  let strongest = best.get(chosen) ?? 0;
  let named = false;
  for (const h of [...matchHits, ...facts.entityHits])
    for (const r of h.refs)
      if (r.cand === chosen) {
        strongest = Math.max(strongest, r.strength);
        if (r.types.some((t) => NAME_TYPES.has(t))) named = true;
      }
  return {
    candidate: chosen,
    alternatives,
    election: el,
    daysOutside: day === null ? 0 : outside(c, el, day),
    weakOnly: strongest === 0,
    named,
    fromPost: false,
    owner: null,
  };
}

function outside(c: Compiled, electionId: string, day: number): number {
  const e = c.elections.get(electionId);
  if (!e || e.appliesFrom === null || e.appliesTo === null) return 0;
  if (day < e.appliesFrom) return e.appliesFrom - day;
  if (day > e.appliesTo) return day - e.appliesTo;
  return 0;
}
