// Per-post facts the rules and the context stage share: the post's day, which elections it is about, which
// context cues it contains, and which entity references are valid given those cues.

import { FLAG, TK, type Analysis } from '../text/analyse.js';
import { STRENGTH, entityRef, type Compiled, type EntityRef, type Pattern } from '../rules/compile.js';
import type { Hit } from './trie.js';
import type { EHit } from './evaluate.js';
import { isoFast } from '../sources/time.js';

export interface Facts {
  /** Days since the epoch (UTC) of created_at, or null. */
  day: number | null;
  /** Hits per context list name (only lists that were hit). */
  lists: Map<string, Hit[]>;
  /** Elections the post names explicitly: a race word or a clear candidate reference. */
  electionContext: Set<string>;
  /** Elections whose campaign dates contain the post's date. */
  dateContext: Set<string>;
  /** A generic election cue (pemilu, coblos, capres, kampanye…). */
  genericCue: boolean;
  /** Every valid entity hit, with its valid references. */
  entityHits: EHit[];
  /** Valid references of each hit that carries any. */
  refsOf: Map<Hit, EntityRef[]>;
  /**
   * Ballot numbers that a person the packs do not know owns, by the number's token index: "coblos Pak Wiryo nomor 2"
   * (a village head's race, or a Pilkada whose pack is not loaded). The text is the person as written.
   */
  owners: Map<number, string>;
}

/** Race-level cues that put any election in context. */
const ELECTION_WORD_LIST = 'election_word';
const PRAYER_LIST = 'prayer';
const HONORIFIC_LIST = 'honorific';
/** Words of the honorific list that join names rather than title a person ("doa bersama amin"). */
const NOT_A_TITLE = new Set(['bersama', 'dan', 'vs', 'lawan', 'versus']);

export function dayOf(created: string | null): number | null {
  if (created === null) return null;
  // A post's created_at is normalised (2024-11-14T08:51:03Z): read without Date.parse when it has that form.
  const t = isoFast(created) ?? Date.parse(created);
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

export function inWindow(from: number | null, to: number | null, day: number): boolean {
  return (from === null || day >= from) && (to === null || day <= to);
}

function patternRequiresUpper(p: Pattern, a: Analysis, h: Hit): boolean {
  if (!p.upper) return true;
  for (let i = h.from; i <= h.to; i++) if ((a.tokens[i].flags & FLAG.Upper) === 0) return false;
  return true;
}

export function collectFacts(c: Compiled, a: Analysis, rawHits: Hit[], created: string | null): { facts: Facts; hits: Hit[] } {
  const day = dayOf(created);
  const lists = new Map<string, Hit[]>();
  const hits: Hit[] = [];
  for (const h of rawHits) {
    const p = c.patterns[h.pat];
    if (!patternRequiresUpper(p, a, h)) continue;
    hits.push(h);
    for (const name of p.lists) {
      const l = lists.get(name);
      if (l) l.push(h);
      else lists.set(name, [h]);
    }
  }
  dropWordsInPhrases(c, hits, lists);
  const electionContext = new Set<string>();
  const dateContext = new Set<string>();
  const genericCue = lists.has(ELECTION_WORD_LIST);
  if (day !== null)
    for (const [id, e] of c.elections) if (e.campaignFrom !== null && inWindow(e.campaignFrom, e.campaignTo, day)) dateContext.add(id);
  for (const h of hits) {
    for (const r of c.patterns[h.pat].refs) {
      if (r.strength >= STRENGTH.Medium && !r.ambiguous && !r.types.every((t) => t === 'slogan' || t === 'gesture')) electionContext.add(r.election);
    }
  }
  const prayer = lists.get(PRAYER_LIST);
  // "AMIN!!! 🙏 semoga …": a prayer word within four tokens, across the exclamation marks. A name with a title
  // ("Kang Dedi! 🙏", "Pak Luthfi 🙏") is a person whatever prayer stands by it: only a bare alias can be the prayer.
  const titles = lists.get(HONORIFIC_LIST);
  const titled = (h: Hit) =>
    h.to > h.from || (titles !== undefined && titles.some((x) => x.to === h.from - 1 && a.tokens[x.to].sent === a.tokens[h.from].sent && !NOT_A_TITLE.has(a.tokens[x.to].t)));
  const nearPrayer = (h: Hit) => prayer !== undefined && !titled(h) && prayer.some((p) => a.tokens[p.from].field === a.tokens[h.from].field && Math.abs(p.from - h.from) <= 4);
  const otherPerson = otherPersonCheck(c, a, hits, lists);
  const ownedName = ownNameCheck(a, lists);
  // Parties the post names ("Partai Buruh nomor 6"): their numbers count at any date.
  const namedParties = new Set<string>();
  for (const h of hits) for (const r of c.patterns[h.pat].refs) if (r.party && r.cand !== null && r.strength === STRENGTH.Strong && r.types.includes('party')) namedParties.add(r.cand);
  const notABallot = notABallotCheck(a, lists);
  const listPlace = listPlaceCheck(c, a, hits, lists);
  const notAParty = notAPartyCheck(c, a, lists);
  const owners = new Map<number, string>();
  const ownerOf = unknownOwnerCheck(c, a, hits, lists);

  const entityHits: EHit[] = [];
  const refsOf = new Map<Hit, EntityRef[]>();
  const pending: Hit[] = [];
  const named = new Set<string>();
  const valid: EntityRef[][] = [];
  for (const h of hits) {
    const p = c.patterns[h.pat];
    // A number in a link is its path ("/2024/02/05/prabowo-meninjau"), a date or an id, never a ballot number.
    // A number beside a council ("caleg DPRD nomor urut 1") is a place on a party's list, not a pair's number.
    valid.push(
      p.refs.length === 0 || otherPerson(h) || ownedName(h)
        ? []
        : validRefs(c, a, p.refs, h, day, electionContext, dateContext, genericCue, nearPrayer, namedParties).filter(
            (r) => !isNumberRef(r) || (!notABallot(h) && a.fields[a.tokens[h.from].field].field !== 'links' && !listPlace(h, r)),
          ),
    );
  }
  const listed = enumerationCheck(a, hits, valid);
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const p = c.patterns[h.pat];
    if (p.refs.length === 0) continue;
    let refs = listed(h) ? valid[k].filter((r) => !isNumberRef(r)) : valid[k];
    if (refs.length > 0 && notAParty(h)) refs = refs.filter((r) => !r.types.includes('party'));
    if (refs.length > 0 && refs.every(isNumberRef)) {
      const owner = ownerOf(h);
      if (owner !== null) owners.set(h.to, owner);
    }
    if (refs.length > 0) {
      entityHits.push({ pat: h.pat, from: h.from, to: h.to, refs });
      refsOf.set(h, refs);
      // A finger emoji is ✌ peace or 🤟 love-you as often as a pair's sign: it does not make "Happy birthday
      // Agus 🤟" the candidate Agus. A number, a name, a hashtag or an account does ("Acep … nomer hiji").
      for (const r of refs) if (r.cand !== null && !r.types.every((t) => t === 'gesture')) named.add(r.cand);
    }
    if (refs.length < p.refs.length && p.refs.some((r) => r.ambiguous)) pending.push(h);
  }
  // An ambiguous name is confirmed by another reference to the same candidate: "Gelora nomor 7", "Acep … nomer hiji".
  for (const h of pending) {
    const have = refsOf.get(h) ?? [];
    const extra = c.patterns[h.pat].refs.filter((r) => r.ambiguous && r.cand !== null && named.has(r.cand) && !have.includes(r) && !nearPrayer(h));
    if (extra.length === 0) continue;
    const refs = [...have, ...extra];
    if (have.length === 0) entityHits.push({ pat: h.pat, from: h.from, to: h.to, refs });
    else entityHits.find((e) => e.pat === h.pat && e.from === h.from)!.refs = refs;
    refsOf.set(h, refs);
  }
  return { facts: { day, lists, electionContext, dateContext, genericCue, entityHits, refsOf, owners }, hits };
}

/** The lists whose words say that someone votes for, or backs, a pair. */
const VERB_LISTS = ['support_verbs', 'vote_verbs'];

/** Whether a pattern is a word of voting or support (a word of VERB_LISTS). */
export function isVerbPattern(c: Compiled, pat: number): boolean {
  return c.patterns[pat].lists.some((l) => VERB_LISTS.includes(l));
}

/** The lists whose words name a campaign, a part in one or an election ("kampanye", "relawan"). */
const CAMPAIGN_LISTS = ['campaign_events', 'campaign_events_generic', 'campaign_roles', ELECTION_WORD_LIST];

/**
 * Phrases in which a word is not what it reads as, by context list: an elected official's title or the vote's result
 * (`elected`: "tim transisi Gubernur terpilih Dedi Mulyadi", "resmi terpilih sebagai gubernur" — "terpilih" reads
 * as "pilih") and the order of an event (`sequence`: "dibuka ketua, dilanjut Fraksi PKB" — "dilanjut" reads as
 * "lanjut") hold no vote or support word; a health or public campaign or another cause's volunteer
 * (`not_campaign`: "kampanye imunisasi", "relawan demokrasi") is no election campaign. Such a word is dropped, from
 * the hits and from every list; a wish ("semoga Prabowo-Gibran terpilih") or a call ("harus dilanjutkan") is in no
 * such phrase and stays support.
 */
const NOT_THERE: readonly [list: string, drops: (c: Compiled, pat: number) => boolean][] = [
  ['elected', isVerbPattern],
  ['sequence', isVerbPattern],
  ['not_campaign', (c, pat) => c.patterns[pat].lists.some((l) => CAMPAIGN_LISTS.includes(l))],
];

function dropWordsInPhrases(c: Compiled, hits: Hit[], lists: Map<string, Hit[]>): void {
  let gone: Set<Hit> | null = null;
  for (const [name, drops] of NOT_THERE) {
    const phrases = lists.get(name);
    if (phrases === undefined) continue;
    for (const h of hits)
      if (phrases.some((t) => t !== h && t.from <= h.from && h.to <= t.to) && drops(c, h.pat)) (gone ??= new Set()).add(h);
  }
  if (gone === null) return;
  for (let i = hits.length - 1; i >= 0; i--) if (gone.has(hits[i])) hits.splice(i, 1);
  for (const [name, l] of lists) {
    const kept = l.filter((h) => !gone.has(h));
    if (kept.length === 0) lists.delete(name);
    else if (kept.length !== l.length) lists.set(name, kept);
  }
}

/** Whether a reference is a ballot number, with its word ("nomor 2") or bare ("2"). */
export function isNumberRef(r: EntityRef): boolean {
  return r.types.includes('ballot_number') || r.types.includes('bare_number');
}

/**
 * A number that counts or labels something else: "2 kali" (twice), "3 hari", "TPS 04", "kelas 1", "juara 2".
 * The unit after it, or the thing before it, comes from the context lists number_unit and number_context. A
 * number alone before a word for pairs (count_noun) counts them: "coblos satu paslon saja", "ada 3 paslon" —
 * while "paslon 2 calon terbaik" keeps its "paslon 2", and "nomor 2, paslon terbaik" its "nomor 2".
 */
function notABallotCheck(a: Analysis, lists: Map<string, Hit[]>): (h: Hit) => boolean {
  const units = lists.get('number_unit');
  const things = lists.get('number_context');
  const counted = lists.get('count_noun');
  const after = new Set((units ?? []).map((u) => u.from));
  const before = new Set((things ?? []).map((u) => u.to));
  const countAfter = new Set((counted ?? []).map((u) => u.from));
  return (h: Hit) => {
    const t = a.tokens;
    const next = h.to + 1;
    const prev = h.from - 1;
    if (t[h.to].kind === TK.Number && inDateOrFigure(a, h.to)) return true;
    if (h.from === h.to && correlative(a, h.from)) return true;
    if (after.has(next) && t[next]?.sent === t[h.to].sent) return true;
    if (h.from === h.to && countAfter.has(next) && t[next]?.clause === t[h.to].clause) return true;
    // For a phrase ("nomor 2") this looks before its first word: "TPS nomor 2".
    return before.has(prev) && t[prev]?.sent === t[h.from].sent;
  };
}

const WHICH = new Set(['yang', 'yg']);
const OTHER = new Set(['satu', '1', 'satunya']);

/**
 * "yang satu …, yang satu …": the one and the other ("grup keluarga vs grup kantor: yang satu perang stiker, yang
 * satu sunyi"), not pair 1. Token i is "satu" after "yang", and the sentence has another "yang satu" or "yang
 * satunya". "yang satu aja, yang lain omdo" sets one against the rest, and keeps its number.
 */
function correlative(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if ((t[i].t !== 'satu' && t[i].t !== '1') || !t[i - 1] || !WHICH.has(t[i - 1].t) || t[i - 1].sent !== t[i].sent) return false;
  for (let k = 0; k + 1 < t.length; k++)
    if (k !== i - 1 && t[k].sent === t[i].sent && t[k].field === t[i].field && WHICH.has(t[k].t) && OTHER.has(t[k + 1].t) && t[k + 1].sent === t[i].sent) return true;
  return false;
}

/**
 * Whether number token i is part of a date, a time or a figure: glued to another number by "." ":" or "/" ("14.02",
 * "1.204", "11/02"), or the middle of a date written with dashes ("11-02-2024"). "Paslon 1 & 2", "1-2" (a score or a
 * list) and "01/02/03" (a list, not a ballot number either way) are left to the enumeration check.
 */
function inDateOrFigure(a: Analysis, i: number): boolean {
  const t = a.tokens;
  const glued = (l: number, r: number, seps: RegExp): boolean => {
    const x = t[l];
    const y = t[r];
    if (!x || !y || x.kind !== TK.Number || y.kind !== TK.Number || x.field !== y.field) return false;
    return seps.test(gapText(a, l, r));
  };
  if (glued(i - 1, i, /^[.:/]$/) || glued(i, i + 1, /^[.:/]$/)) return true;
  // dd-mm-yyyy: the day, the month or the year of a date.
  const dash = /^-$/;
  return (glued(i - 1, i, dash) && (glued(i, i + 1, dash) || glued(i - 2, i - 1, dash))) || (glued(i, i + 1, dash) && glued(i + 1, i + 2, dash));
}

/**
 * Whether a number reference is a place on a party's list rather than a ballot number.
 * - A party's number names that party only where the post does not name another party instead: in "coblos Kang
 *   Ujang nomor 4, … PKB" the 4 is PKB's list, not Golkar. In a sentence about a council, only beside the party
 *   itself ("PKS nomor 8 untuk DPRD"): "Pilpres nomor 2, DPRD … Gerindra" is not Gerindra's 2.
 * - A pair's number is a list place after a word of a candidacy (context list legislative_candidate: "caleg",
 *   "nyaleg", up to ten words before) or of a council (legislative_body: "DPRD", "dapil", up to three), nearer than
 *   any word of a race between pairs (pair_race: "capres", "paslon"); or beside a party's name in a sentence about a
 *   council ("No. 3 Gerindra", "PDIP nomor 3 untuk DPRD"). "Istri saya nyaleg DPRD dari PAN, nomor urut 1" is no
 *   call for pair 1; in "coblos 02, DPRD coblos Golkar" or "coblos 02 untuk presiden, caleg DPRD pilih PDIP no 5",
 *   02 is the pair's and 5 a place on PDIP's list.
 */
function listPlaceCheck(c: Compiled, a: Analysis, hits: Hit[], lists: Map<string, Hit[]>): (h: Hit, r: EntityRef) => boolean {
  const t = a.tokens;
  const candidacy = lists.get('legislative_candidate') ?? NO_HIT_LIST;
  const body = lists.get('legislative_body') ?? NO_HIT_LIST;
  const race = lists.get('pair_race') ?? NO_HIT_LIST;
  // Parties named by name (not by number), and where each naming starts and ends: worked out at the first number.
  let named: Set<string> | null = null;
  let partyFrom = NO_PLACES;
  let partyTo = NO_PLACES;
  const partiesNamed = (): Set<string> => {
    if (named) return named;
    named = new Set();
    partyFrom = new Map();
    partyTo = new Map();
    for (const h of hits)
      for (const r of c.patterns[h.pat].refs)
        if (r.party && r.types.includes('party') && !isNumberRef(r) && r.cand !== null) {
          named.add(r.cand);
          partyFrom.set(h.from, r.cand);
          partyTo.set(h.to, r.cand);
        }
    return named;
  };
  const sameSent = (x: Hit, h: Hit) => t[x.from].sent === t[h.from].sent;
  /** Tokens from the nearest hit of `of` that ends before `h` in its sentence, when at most `max`. */
  const after = (of: Hit[], h: Hit, max: number) => {
    let d = Infinity;
    for (const x of of) if (sameSent(x, h) && x.to < h.from) d = Math.min(d, h.from - x.to);
    return d <= max ? d : Infinity;
  };
  const partyBeside = (h: Hit): string | undefined => partyFrom.get(h.to + 1) ?? partyFrom.get(h.to + 2) ?? partyTo.get(h.from - 1) ?? partyTo.get(h.from - 2);
  return (h: Hit, r: EntityRef) => {
    const parties = partiesNamed();
    const council = candidacy.some((x) => sameSent(x, h)) || body.some((x) => sameSent(x, h));
    if (r.party === true) {
      if (council) return partyBeside(h) !== r.cand;
      return parties.size > 0 && !parties.has(r.cand ?? '');
    }
    if (!council) return false;
    let raceNear = Infinity;
    for (const x of race) if (sameSent(x, h)) raceNear = Math.min(raceNear, x.from > h.to ? x.from - h.to : x.to < h.from ? h.from - x.to : 0);
    return Math.min(after(candidacy, h, 10), after(body, h, 3)) < raceNear || partyBeside(h) !== undefined;
  };
}

const NO_PLACES: Map<number, string> = new Map();

/** No hits: an empty list of the element kind hit lists have. */
const NO_HIT_LIST: Hit[] = [];

/** Words that join the numbers of a list: "1, 2 atau 3", "nomor 1 dan 2". */
const LIST_JOINERS = new Set(['dan', 'atau', 'ataupun', 'maupun', 'sama', 'and', 'or', 'lan', 'karo', 'opo', 'utawa', 'jeung', 'atawa']);

/** Signs that join listed numbers without a word or a comma: "paslon 1 & 2", "01/02", "1+2". */
const LIST_MARK = /^\s*[&/+-]\s*$/;

/** The text of a field between two of its tokens. */
function gapText(a: Analysis, left: number, right: number): string {
  return a.fields[a.tokens[left].field].text.slice(a.tokens[left].end, a.tokens[right].start);
}

/**
 * A ballot number inside a list of ballot numbers ("coblos nomor 1, 2, atau 3, asal jangan golput", "paslon 1
 * dan 2", "spanduk paslon 1 & 2", "nomer siji, nomer loro lan nomer telu") names no pair in particular: the list is
 * even-handed, like a ballot specimen. A number is in such a list when the number right before or after it, across a
 * comma, a joining word or a sign (LIST_MARK), is another pair's number of the same race (a count such as "02, 3 hari lagi" was already left
 * out by notABallotCheck).
 */
function enumerationCheck(a: Analysis, hits: Hit[], valid: EntityRef[][]): (h: Hit) => boolean {
  // The hits with number references, by the token they end at and the token they start at.
  interface NumberHit { from: number; to: number; refs: EntityRef[] }
  const endAt = new Map<number, NumberHit[]>();
  const startAt = new Map<number, NumberHit[]>();
  const add = (m: Map<number, NumberHit[]>, i: number, n: NumberHit) => {
    const at = m.get(i);
    if (at) at.push(n);
    else m.set(i, [n]);
  };
  for (let k = 0; k < hits.length; k++) {
    const refs = valid[k].filter(isNumberRef);
    if (refs.length === 0) continue;
    const n = { from: hits[k].from, to: hits[k].to, refs };
    add(endAt, n.to, n);
    add(startAt, n.from, n);
  }
  if (endAt.size < 2) return () => false;
  const t = a.tokens;
  // The token across one joiner from token i (step +1 or -1), when a comma or a joiner separates them.
  const neighbour = (i: number, step: 1 | -1): number => {
    let j = i + step;
    const tok = t[j];
    if (!tok || tok.sent !== t[i].sent || tok.field !== t[i].field) return -1;
    if (tok.kind === TK.Word && LIST_JOINERS.has(tok.t)) j += step;
    else if (tok.clause === t[i].clause && !LIST_MARK.test(gapText(a, step === 1 ? i : j, step === 1 ? j : i))) return -1;
    return t[j]?.sent === t[i].sent ? j : -1;
  };
  // Members of one list have one shape: "nomor urut 1, 2, 3" (a phrase, then bare numbers), "nomer siji, nomer
  // loro" (the same first word) — not "… 2, coblos 3", where "coblos 3" starts a call of its own.
  const bare = (n: { from: number; to: number }) => n.from === n.to;
  const sameShape = (first: { from: number; to: number }, second: NumberHit) => bare(second) || t[first.from].t === t[second.from].t;
  const otherPair = (own: EntityRef[], n: NumberHit) => n.refs.some((r) => own.some((o) => o.election === r.election && o.cand !== r.cand));
  return (h: Hit) => {
    const own = endAt.get(h.to)?.find((n) => n.from === h.from)?.refs;
    if (!own) return false;
    const next = neighbour(h.to, 1);
    if (next >= 0 && (startAt.get(next) ?? []).some((n) => sameShape(h, n) && otherPair(own, n))) return true;
    const prev = neighbour(h.from, -1);
    const self: NumberHit = { from: h.from, to: h.to, refs: own };
    return prev >= 0 && (endAt.get(prev) ?? []).some((n) => sameShape(n, self) && otherPair(own, n));
  };
}

/**
 * A party acronym that is an office acronym here: "bayar PKB" (Pajak Kendaraan Bermotor), "penandatanganan PKS"
 * (Perjanjian Kerja Sama), "KPBU/PPP" (public–private partnership). A one-word party name with a word of the context
 * list not_a_party within two tokens of it, in the same sentence, names no party.
 */
function notAPartyCheck(c: Compiled, a: Analysis, lists: Map<string, Hit[]>): (h: Hit) => boolean {
  const cues = lists.get('not_a_party');
  if (cues === undefined) return () => false;
  const t = a.tokens;
  return (h: Hit) => {
    if (h.from !== h.to || !c.patterns[h.pat].refs.some((r) => r.types.includes('party'))) return false;
    const sent = t[h.from].sent;
    return cues.some((q) => t[q.from].sent === sent && (h.from - q.to <= 2 && h.from > q.to || q.from - h.to <= 2 && q.from > h.to));
  };
}

/** The token indexes a candidate's name covers, worked out on first use (most posts never ask). */
function nameTokensOf(c: Compiled, hits: Hit[]): () => Set<number> {
  let names: Set<number> | null = null;
  return () => {
    if (names === null) {
      names = new Set();
      for (const x of hits) if (c.patterns[x.pat].refs.some((r) => r.types.includes('candidate_name'))) for (let k = x.from; k <= x.to; k++) names.add(k);
    }
    return names;
  };
}

/**
 * Whether token k is somebody's own name beside token `at`: a word of the same sentence and field, capitalised (not
 * all capitals, not in a tag), that no candidate's name covers and no rule knows.
 */
function ownName(c: Compiled, a: Analysis, names: Set<number>, k: number, at: number): boolean {
  const n = a.tokens[k];
  const t = a.tokens[at];
  if (!n || n.kind !== TK.Word || n.sent !== t.sent || n.field !== t.field || (n.flags & (FLAG.InTag | FLAG.Upper)) !== 0) return false;
  if (names.has(k) || c.lexicon.hasExact(n.t)) return false;
  const ch = a.fields[n.field].text[n.start];
  return ch !== undefined && ch !== ch.toLowerCase();
}

/**
 * A one-word candidate name that belongs to someone else: "Pak Prabowo Sutrisno, kepala sekolah", "Kahlil
 * Gibran", "Gibran, anak tetangga". The name is another person's when a capitalised word that is neither an
 * honorific nor part of a candidate's name stands right next to it, or a kinship word is within two tokens.
 */
function otherPersonCheck(c: Compiled, a: Analysis, hits: Hit[], lists: Map<string, Hit[]>): (h: Hit) => boolean {
  const toks = a.tokens;
  const covered = (name: string) => {
    const s = new Set<number>();
    for (const h of lists.get(name) ?? []) for (let i = h.from; i <= h.to; i++) s.add(i);
    return s;
  };
  let honorific: Set<number> | null = null;
  let kin: Set<number> | null = null;
  const nameTokens = nameTokensOf(c, hits);
  return (h: Hit) => {
    const p = c.patterns[h.pat];
    if (!p.refs.some((r) => r.types.includes('candidate_name') && r.strength >= STRENGTH.Medium)) return false;
    const t = toks[h.from];
    if (t.kind !== TK.Word || (t.flags & FLAG.InTag) !== 0) return false;
    honorific ??= covered(HONORIFIC_LIST);
    kin ??= covered('kinship');
    for (let d = -2; d <= 2; d++) {
      const i = d < 0 ? h.from + d : h.to + d;
      if (d !== 0 && kin.has(i) && toks[i]?.sent === t.sent) return true;
    }
    // A word the rules know ("Asal Bukan Prabowo" in title case) is not somebody's surname.
    const capitalised = (i: number) => !honorific!.has(i) && ownName(c, a, nameTokens(), i, h.from);
    const sentenceStart = (i: number) => i === 0 || toks[i - 1].sent !== toks[i].sent || toks[i - 1].field !== toks[i].field;
    // A full name ("Emil Dardak") is the candidate whatever follows; a short one needs a clean neighbourhood.
    if (p.refs.every((r) => !r.types.includes('candidate_name') || r.strength !== STRENGTH.Strong) || h.from === h.to) {
      if (capitalised(h.to + 1)) return true;
      if (capitalised(h.from - 1) && !sentenceStart(h.from - 1)) return true;
    }
    return false;
  };
}

/**
 * The poster's own name, declared ("Nama saya Amin", "namaku Gibran"): that word is the poster wherever it stands
 * in the post, also in capitals in a quoted tag ("'AMIN menang'"). One word, right after the declaration.
 */
function ownNameCheck(a: Analysis, lists: Map<string, Hit[]>): (h: Hit) => boolean {
  const declared = lists.get('own_name');
  if (declared === undefined) return () => false;
  const toks = a.tokens;
  const names = new Set<string>();
  for (const d of declared) {
    const t = toks[d.to + 1];
    if (t !== undefined && t.kind === TK.Word && t.sent === toks[d.to].sent) names.add(t.t);
  }
  return (h: Hit) => h.from === h.to && names.has(toks[h.from].t);
}

/** Words between a person's name and their number: "Pak Wiryo nomor 2", "Bu Sri no. urut 3". */
const NUMBER_WORDS: ReadonlySet<string> = new Set(['nomor', 'nomer', 'no', 'nmr', 'nomo', 'urut', 'nomorurut']);

/**
 * The person who owns a number, when the packs do not know them: an honorific, one or two capitalised words that
 * are no candidate's name and no word the rules know, then the number ("coblos Pak Wiryo nomor 2", "pilih Bu Sri
 * Wahyuni no 3"). Such a number is that person's place on some ballot — a village head's race, a Pilkada without a
 * pack — not pair 2 of whichever race the dates suggest. Returns the person as written, or null.
 */
function unknownOwnerCheck(c: Compiled, a: Analysis, hits: Hit[], lists: Map<string, Hit[]>): (h: Hit) => string | null {
  const honorifics = lists.get(HONORIFIC_LIST);
  if (honorifics === undefined) return () => null;
  const toks = a.tokens;
  const names = nameTokensOf(c, hits);
  return (h: Hit) => {
    const num = toks[h.to];
    if (num.kind !== TK.Number || (num.flags & FLAG.InTag) !== 0) return null;
    let i = h.from - 1;
    if (h.from === h.to) while (i >= 0 && i > h.from - 3 && toks[i].kind === TK.Word && NUMBER_WORDS.has(toks[i].t) && toks[i].sent === num.sent) i--;
    const last = i;
    while (i >= 0 && last - i < 2 && ownName(c, a, names(), i, h.to)) i--;
    if (i === last) return null;
    const hon = honorifics.find((x) => x.to === i && toks[x.from].sent === num.sent && toks[x.from].field === num.field);
    if (hon === undefined) return null;
    return a.fields[num.field].text.slice(toks[hon.from].start, toks[last].end);
  };
}

function validRefs(
  c: Compiled,
  a: Analysis,
  refs: EntityRef[],
  h: Hit,
  day: number | null,
  ctx: Set<string>,
  dateCtx: Set<string>,
  genericCue: boolean,
  nearPrayer: (h: Hit) => boolean,
  namedParties: Set<string>,
): EntityRef[] {
  // A reference valid only in its election's campaign window, unless it is a party's number and the post names
  // that party.
  const outsideWindow = (r: EntityRef) => {
    if (!r.windowOnly || day === null || (r.party && r.cand !== null && namedParties.has(r.cand))) return false;
    const e = c.elections.get(r.election);
    return e !== undefined && !inWindow(e.campaignFrom, e.campaignTo, day);
  };
  const out: EntityRef[] = [];
  for (const r of refs) {
    const cued = genericCue || ctx.has(r.election);
    if (r.ambiguous) {
      // An alias that is also an ordinary word or a common name ("amin", "Andika") needs a cue for its own race;
      // written in capitals or as a hashtag (AMIN, #AMIN), any election cue or the campaign dates will do.
      // Never next to a prayer.
      const tok = a.tokens[h.from];
      const marked = (tok.flags & (FLAG.Upper | FLAG.InTag)) !== 0 || tok.kind === TK.Hashtag;
      if (nearPrayer(h)) continue;
      if (!ctx.has(r.election) && !(marked && (cued || dateCtx.has(r.election)))) continue;
    } else if (r.strength === STRENGTH.Weak && !cued) {
      if (!dateCtx.has(r.election)) continue;
      // Valid only through the dates: the engine asks such a reference to stand right next to its verb.
      if (outsideWindow(r)) continue;
      out.push(entityRef(r, r.types, true));
      continue;
    }
    if (outsideWindow(r)) continue;
    out.push(r);
  }
  return out;
}
