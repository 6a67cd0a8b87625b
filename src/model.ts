// The data model shared by every stage: a Post goes in, Findings come out, Rules decide.
// Stages pass these plain objects to each other; nothing here does I/O.

export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'endorsement',
  'candidate_symbol',
  'campaign_hashtag',
  'campaign_slogan',
  'repost',
  'campaign_activity',
  'party_support',
  'candidate_mention',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * `like`: the account owner liked someone else's post (SKB 2022 SM-2 lists a like with posting, comment and share).
 * Its `author` is the liker, `text` the liked post's text when the download has it, `repost_of` whose post it was.
 */
export const POST_KINDS = ['post', 'reply', 'repost', 'quote', 'like'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const VERDICTS = ['clean', 'review', 'violation'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where a record came from: the input file and its line (text formats) or record index (containers). */
export interface SourceRef {
  file: string;
  line?: number;
  record?: number;
}

/**
 * The normalised post record: what every reader and the fetcher produce, what `netral convert` writes and what
 * the engine scans. Optional scalars are null rather than absent so every record has the same keys.
 */
export interface Post {
  id: string;
  platform: string;
  author: string;
  author_name: string | null;
  /** UTC ISO 8601, or null when the source gave no usable time. */
  created_at: string | null;
  /** The timestamp exactly as the source wrote it. */
  created_at_raw: string | null;
  url: string | null;
  text: string;
  hashtags: string[];
  mentions: string[];
  links: string[];
  /** Image alt text, OCR, media titles and captions: scanned like text, reported as such. */
  media_text: string[];
  kind: PostKind;
  /** Handle (or, from Facebook, the name) of the account whose post this one reposts, quotes or likes. */
  repost_of: string | null;
  reply_to: string | null;
  source: SourceRef;
  /** Set by readers of platform downloads for posts the user deleted (e.g. X `deleted-tweets.js`). */
  deleted?: boolean;
  /** Set by `netral fetch --archive`: the sha256 of the raw response this post was taken from. */
  evidence_sha256?: string;
}

/**
 * The `repost_of` field as the engine scans it and reports quote it: `@handle`. An owner written as a name (Facebook
 * names pages and people in shares and likes, "Dedi Kurniawan") is kept as written: "@Dedi" would read as a handle,
 * and a handle counts a first name that is also a candidate's alias as that candidate.
 */
export function repostOfText(p: Pick<Post, 'repost_of'>): string {
  return ownerText(p.repost_of ?? '');
}

/** The `reply_to` field as the engine scans it and reports quote it, like `repost_of`: `@handle`, or a name as written. */
export function replyToText(p: Pick<Post, 'reply_to'>): string {
  return ownerText(p.reply_to ?? '');
}

function ownerText(r: string): string {
  return /\s/.test(r) ? r : `@${r}`;
}

/** Severity rank for comparisons: info < low < medium < high. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

export function isCategory(v: unknown): v is Category {
  return typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
}

export function isPostKind(v: unknown): v is PostKind {
  return typeof v === 'string' && (POST_KINDS as readonly string[]).includes(v);
}

export interface LocalisedText {
  id: string;
  en: string;
}

/** A span of a post's field, in UTF-16 offsets into that field's original (unnormalised) string. */
export interface Span {
  field: PostField;
  /** Index into media_text when field is 'media_text'. */
  index?: number;
  start: number;
  end: number;
}

export type PostField = 'text' | 'media_text' | 'hashtags' | 'repost_of' | 'mentions' | 'links' | 'reply_to';

/** A context modifier that changed a finding, kept so `explain` and reports can say why. */
export interface Modifier {
  /** e.g. 'prohibition', 'voter_education', 'news', 'out_of_window', 'attack' */
  kind: string;
  effect: 'suppress' | 'downgrade' | 'upgrade' | 'retarget';
  /** The cue words that triggered it. */
  cue: string;
  factor?: number;
}

export interface Finding {
  /** Stable across runs and machines: derived from platform, author, post id, rule id and candidate. */
  fingerprint: string;
  post_id: string;
  platform: string;
  author: string;
  author_name: string | null;
  created_at: string | null;
  url: string | null;
  kind: PostKind;
  source: SourceRef;
  rule_id: string;
  rule_title: LocalisedText;
  category: Category;
  severity: Severity;
  /** Strength of the evidence, 0–1 (explicit call to vote > emoji alone). */
  confidence: number;
  /** `<election-id>:<ballot number>`, or null when the finding is not tied to a candidate. */
  candidate: string | null;
  /** 'support' (default) or 'against' for attacks on a candidate, which are partisan too. */
  stance: 'support' | 'against';
  /** The original text the rule matched, as written in the post. */
  matched: string;
  spans: Span[];
  /** A short excerpt of the post around the match. */
  evidence: string;
  legal_basis: string;
  /** The post's verdict (the worst over all its findings), repeated on every finding. */
  verdict: Verdict;
  modifiers: Modifier[];
  /** For fetched posts: the sha256 of the archived response the post was taken from (`netral fetch --archive`). */
  evidence_sha256?: string;
  /** With a roster (`--roster`): the employee who owns the account, or null when the author is not in it. */
  employee?: EmployeeRef | null;
  /** With a baseline (`--baseline`): whether the finding is new, or the analyst's decision on it. */
  review?: Review;
}

/** The roster columns a finding carries. */
export interface EmployeeRef {
  nip: string;
  nama: string;
  unit_kerja: string;
  jabatan: string;
}

export const REVIEW_STATUSES = ['new', 'open', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A finding's standing in the baseline: new (not in it), open (seen, undecided), confirmed or dismissed. */
export interface Review {
  status: ReviewStatus;
  note: string;
  /** YYYY-MM-DD, when the analyst decided. */
  date: string | null;
  by: string | null;
  /**
   * On a finding not decided on (new, open): decisions in the baseline on the same post that no finding of this
   * run matches (a rule renamed or changed since), so the analyst sees that someone already decided on this post.
   */
  earlier_decisions?: EarlierDecision[];
}

/** An analyst's decision on a post, recorded for a rule (or candidate) that no longer finds anything there. */
export interface EarlierDecision {
  decision: 'confirmed' | 'dismissed';
  /** The rule id the decision was made on, as the baseline's details name it (null when they do not). */
  rule_id: string | null;
  fingerprint: string;
  note: string;
  date: string | null;
  by: string | null;
}

/** A file in a given folder (or an archive read like one) that netral did not read, and why. */
export interface IgnoredInput {
  input: string;
  /** One of IGNORED_REASONS, or what a container or reader said of it. */
  reason: string;
}

/** The reasons a file in a folder is passed over that reports translate (i18n.ts). */
export const IGNORED_REASONS = {
  format: 'not a format netral reads',
  empty: 'empty',
  linkToFolder: 'a link to a folder, not followed',
  notRegular: 'not a regular file',
} as const;

/** Counts for one input, so that read = scanned + skipped can be checked per file. */
export interface InputCounts {
  input: string;
  format: string;
  read: number;
  scanned: number;
  skipped: number;
  /** With a period (--since/--until/--campaign): posts read that fall outside it, so read = scanned + skipped + outside. */
  outside_period?: number;
  /** Posts skipped because the same post was read before in the run (counted in skipped too). */
  repeated?: number;
  /** Why the input could not be read (or not to its end), without the input's name or the position. */
  error?: string;
  /** Where reading stopped, when the error is at a place: the file, when it is not the input itself (a file in a
   *  folder or archive read as one input), and its line and column. */
  file?: string;
  line?: number;
  column?: number;
}
