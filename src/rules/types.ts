// Rule packs after validation: plain data, positions kept for error messages, nothing compiled yet.

import type { Category, LocalisedText, PostField, PostKind, Severity } from '../model.js';

/** Where a definition stands in its YAML file, for messages that point the user at it. */
export interface Pos {
  file: string;
  line: number;
  col: number;
}

/**
 * How a term matches a token:
 * - `auto` (default): by stem when the term is its own stem (dukung ~ mendukung, didukung), otherwise by its exact
 *   form plus clitics (relawan, relawannya — but not "rawan", which the stemmer would conflate).
 * - `stem`: always by stem. `exact`: the exact form plus clitics.
 */
export type TermMode = 'auto' | 'stem' | 'exact';

export interface TermSpec {
  text: string;
  mode: TermMode;
  /** Matches only when written in capitals (AMIN the pair, not "amin" the prayer). */
  upper?: boolean;
  /** Where the term is written, for messages. */
  pos?: Pos;
}

export const ENTITY_TYPES = [
  'candidate', // any reference to a pair: names, aliases, labels, ballot numbers, accounts
  'candidate_name', // names, aliases, labels, accounts: no numbers
  'ballot_number', // 02, no. 2, nomor urut 2, paslon 2, #02
  'gesture', // ✌ ☝ 🤟, "salam dua jari"
  'campaign_hashtag',
  'slogan',
  'account', // official accounts of candidates, parties and campaign teams
  'party', // party names, aliases, "partai nomor N"
  'party_account',
  'election', // words naming a race: pilpres, pilkada dki, cagub jabar
  'bare_number', // a bare ballot number (2, dua, loro): only meaningful right after a vote verb
  'against', // phrases that mean "not this candidate" (salam 4 jari = anyone but 02)
  'empty_column', // a call for the empty column of a single-pair race ("coblos kotak kosong"): against the pair too
  'region', // the region of a race (Jabar): a tie-breaker between races held on the same day
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Options every leaf accepts: the field it must be in, and how early in its sentence it must stand. */
export interface LeafOpts {
  in?: PostField;
  /** The match must start within the first N tokens of its sentence (Indonesian drops the pronoun: "Ikut kampanye …"). */
  at_start?: number;
}

export type Expr =
  | ({ op: 'term'; terms: TermSpec[]; pos: Pos } & LeafOpts)
  | ({ op: 'hashtag'; tags: string[]; pos: Pos } & LeafOpts)
  | ({ op: 'emoji'; emoji: string[]; pos: Pos } & LeafOpts)
  | ({ op: 'mention'; handles: string[]; pos: Pos } & LeafOpts)
  | ({ op: 'list'; name: string; pos: Pos } & LeafOpts)
  | ({ op: 'entity'; type: EntityType; elections?: string[]; pos: Pos } & LeafOpts)
  | ({ op: 'regex'; source: string; keywords: TermSpec[]; pos: Pos } & LeafOpts)
  | { op: 'all'; of: Expr[]; pos: Pos }
  | { op: 'any'; of: Expr[]; pos: Pos }
  | { op: 'not'; of: Expr; pos: Pos }
  | { op: 'near'; of: Expr[]; within: number; ordered: boolean; pos: Pos }
  | { op: 'same_candidate'; of: Expr[]; pos: Pos }
  | { op: 'kind'; kinds: PostKind[]; pos: Pos }
  | { op: 'has_link'; pos: Pos };

export interface Example {
  text: string;
  created_at?: string;
  kind?: PostKind;
  repost_of?: string;
  reply_to?: string;
  links?: string[];
  media_text?: string[];
  /** For `flag` examples: the candidate the finding must name (`pilpres-2024:2`). */
  candidate?: string;
  pos: Pos;
}

export interface RuleDef {
  id: string;
  title: LocalisedText;
  category: Category;
  severity: Severity;
  /** Base confidence of a match before context modifiers, 0–1. */
  confidence: number;
  legal_basis: string;
  /** 'against' for rules that detect attacks on a candidate (partisan too). */
  stance: 'support' | 'against';
  /** Context handling this rule opts out of (e.g. a news share never excuses a campaign hashtag). */
  ignore_context: string[];
  /** Lists whose words, in the same sentence as the match, cancel it ("resmi dapat nomor 3" reports a draw). */
  unless: string[];
  match: Expr;
  examples: { flag: Example[]; pass: Example[] };
  pos: Pos;
  pack: string;
}

export interface DateRange {
  start: string; // YYYY-MM-DD
  end: string;
}

export interface CandidateDef {
  number: number;
  /** The pair's name as reports show it ("Ganjar Pranowo – Mahfud MD"); without it, reports build one from `names`. */
  name?: string;
  names: string[];
  aliases: string[];
  /** Aliases that are ordinary words too (amin): they count only with an election cue or written in capitals. */
  ambiguous_aliases: string[];
  /** Aliases that count only when written in capitals (acronyms that are also words). */
  upper_aliases: string[];
  hashtags: string[];
  slogans: string[];
  /** Slogans that are campaign words only inside the campaign window ("Indonesia Maju" after 2024 is a programme). */
  window_slogans: string[];
  gestures: string[];
  accounts: string[];
  /** Phrases that mean "anyone but this pair" ("salam 4 jari" against 02 in 2024): partisan too. */
  against: string[];
  pos: Pos;
}

export interface PartyDef {
  number: number;
  name: string;
  aliases: string[];
  /** Aliases that count only when written in capitals (PAN). */
  upper_aliases: string[];
  /** Names that are ordinary words or other acronyms too (Gelora, PKN, PBB): they need an election cue. */
  ambiguous_aliases: string[];
  accounts: string[];
  hashtags: string[];
  pos: Pos;
}

export interface ElectionDef {
  id: string;
  name: LocalisedText;
  level: string;
  region: string;
  dates: {
    campaign?: DateRange;
    voting?: string;
    inauguration?: string;
    /** The period in which the pack applies at full confidence; derived from the other dates when absent. */
    applies?: DateRange;
  };
  /** Words that name this race (pilkada dki, cagub jakarta). */
  words: string[];
  /** Words that name the region (Jabar, Jawa Barat): they only help tell apart races held on the same day. */
  region_words: string[];
  candidates: CandidateDef[];
  parties: PartyDef[];
  sources: string[];
  pos: Pos;
}

export interface PackDef {
  id: string;
  file: string;
  kind: 'rules' | 'election' | 'context';
  title: string;
  description: string;
  sources: string[];
  lists: Map<string, { terms: TermSpec[]; pos: Pos }>;
  rules: RuleDef[];
  election?: ElectionDef;
}
