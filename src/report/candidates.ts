// Names of the candidates a finding points at, for the reports a person reads. Findings carry the candidate as
// `<election-id>:<ballot number>` (stable, for machines: CSV and JSON keep it); a reader also needs to see who
// that is, in the race's own words. Built once per run from the election packs the run loaded.

import type { ElectionDef } from '../rules/types.js';

/** Candidate id → the pair's (or party's) name. */
export type CandidateNames = ReadonlyMap<string, string>;

/** Every loaded election's candidates (the pack's `name`, else their pair) and parties (their name), by candidate id. */
export function candidateNames(elections: readonly ElectionDef[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of elections) {
    for (const k of e.candidates) names.set(`${e.id}:${k.number}`, k.name ?? pairName(k.names));
    for (const p of e.parties) if (!names.has(`${e.id}:${p.number}`)) names.set(`${e.id}:${p.number}`, p.name);
  }
  return names;
}

const words = (name: string) => name.toLowerCase().split(/\s+/).filter((w) => w !== '');

/**
 * The pair named by a pack's `names`, which list the full names of both candidates, then short forms of them
 * (election-pack-guide.md). Taken are the names of people not yet named: names without a hyphen or dash (those join
 * the pair: "Prabowo-Gibran") that share no word with a name already taken ("Gibran Rakabuming" after "Gibran
 * Rakabuming Raka"). Full names of two or more words come first, so a nickname ("Ahok") does not stand in for the
 * running mate; a one-word name is taken when there is no second full name ("Ridwan Kamil – Suswono"). At most two,
 * in the pack's order; the first name when none qualifies.
 */
export function pairName(names: readonly string[]): string {
  const taken: number[] = [];
  const seen = new Set<string>();
  const take = (oneWord: boolean) => {
    names.forEach((name, i) => {
      if (taken.length >= 2 || taken.includes(i) || /[-–—]/.test(name)) return;
      const w = words(name);
      if (w.length === 0 || (w.length === 1) !== oneWord || w.some((x) => seen.has(x))) return;
      taken.push(i);
      for (const x of w) seen.add(x);
    });
  };
  take(false);
  take(true);
  if (taken.length === 0) return names[0] ?? '';
  return taken
    .sort((a, b) => a - b)
    .map((i) => names[i])
    .join(' – ');
}
