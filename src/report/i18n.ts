// Human-facing words in Indonesian and English. Machine formats (json, jsonl, csv without --lang) keep stable
// English keys; what a person reads follows --lang, else LC_ALL / LC_MESSAGES / LANG (id_* → Indonesian).

import { IGNORED_REASONS, repostOfText, type Category, type EarlierDecision, type IgnoredInput, type InputCounts, type Modifier, type Post, type PostField, type PostKind, type ReviewStatus, type Severity, type Verdict } from '../model.js';
import { CUE, OUT_OF_WINDOW_CUE } from '../engine/cues.js';

export type Lang = 'id' | 'en';

/** What a run read, as the summary says it: totals or one input's. */
export interface ReadCounts {
  read: number;
  scanned: number;
  skipped: number;
  /** Of the skipped: posts read before in the run. */
  repeated?: number;
  /** With a period: posts read outside it (undefined without a period). */
  outside?: number;
}

export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^id([_.-]|$)/i.test(v) ? 'id' : 'en';
}

const id = {
  title: 'Laporan netralitas ASN',
  noFindings: 'Tidak ada temuan.',
  findings: (n: number) => `${n} temuan`,
  posts: 'unggahan',
  summary: 'Ringkasan',
  /** "dibaca 10 = dipindai 7 + dilewati 3 …" in terms a terminal keeps whole (a count stays with its label). */
  readTerms: (c: ReadCounts): string[] => [
    `dibaca ${c.read}`,
    `= dipindai ${c.scanned}`,
    `+ dilewati ${c.skipped}`,
    ...(c.repeated ? [`(${c.repeated} di antaranya terbaca lebih dari sekali)`] : []),
    ...(c.outside !== undefined ? [`+ di luar periode ${c.outside}`] : []),
  ],
  postsLine: 'unggahan',
  bySeverity: 'temuan per tingkat',
  byCategory: 'temuan per kategori',
  byVerdict: 'unggahan per putusan',
  inputs: 'masukan',
  failed: 'gagal dibaca',
  notRead: 'tidak dibaca',
  /** Why a file in a folder was not read, for the reasons netral gives most (model.ts); others as they are. */
  ignoredReason: {
    [IGNORED_REASONS.format]: 'bukan format yang dibaca netral',
    [IGNORED_REASONS.empty]: 'kosong',
    [IGNORED_REASONS.linkToFolder]: 'tautan ke folder, tidak diikuti',
    [IGNORED_REASONS.notRegular]: 'bukan berkas biasa',
  } as Record<string, string>,
  at: (line: number, column?: number) => `baris ${line}${column !== undefined ? `, kolom ${column}` : ''}`,
  legal: 'Dasar hukum',
  candidate: 'Paslon',
  confidence: 'keyakinan',
  against: 'menyerang',
  unknownAuthor: '(penulis tidak diketahui)',
  note: 'Catatan: netral mengusulkan, analis memutuskan. Periksa setiap temuan pada unggahan aslinya.',
  suppressed: 'diabaikan karena konteks',
  filteredOut: (n: number, level: Severity): string => `${n} temuan di bawah tingkat ${id.severity[level].toLowerCase()} tidak ditampilkan`,
  severity: { high: 'TINGGI', medium: 'SEDANG', low: 'RENDAH', info: 'INFO' } as Record<Severity, string>,
  verdict: { violation: 'pelanggaran', review: 'perlu ditinjau', clean: 'bersih' } as Record<Verdict, string>,
  category: {
    endorsement: 'dukungan',
    candidate_symbol: 'simbol paslon',
    campaign_hashtag: 'tagar kampanye',
    campaign_slogan: 'slogan kampanye',
    repost: 'berbagi ulang',
    campaign_activity: 'kegiatan kampanye',
    party_support: 'dukungan partai',
    candidate_mention: 'menyebut paslon',
  } as Record<Category, string>,
  // Audit: roster, periods, baseline, per-employee and HTML reports.
  employee: 'Pegawai',
  nip: 'NIP',
  unitKerja: 'Unit kerja',
  jabatan: 'Jabatan',
  accounts: 'Akun',
  posts_: 'Unggahan',
  notInRoster: 'Di luar daftar pegawai',
  notInRosterNote: 'Akun-akun ini tidak ada di daftar pegawai. Temuannya dilaporkan terpisah dan tidak dikaitkan dengan pegawai mana pun.',
  unmatchedReason: { not_in_roster: 'tidak ada di daftar pegawai', ambiguous: 'akun ini cocok dengan lebih dari satu pegawai', no_author: 'unggahan tanpa nama akun' } as Record<'not_in_roster' | 'ambiguous' | 'no_author', string>,
  perEmployee: 'Per pegawai',
  perAccount: 'Per akun',
  postsScanned: (n: number) => `${n} unggahan dipindai`,
  worstVerdict: 'putusan terburuk',
  firstFinding: 'temuan pertama',
  lastFinding: 'temuan terakhir',
  noPosts: 'tidak ada unggahan yang terbaca untuk pegawai ini',
  /** Where in a post the matched words are, before its excerpt; the post's text needs no label. */
  field: { text: '', media_text: 'teks gambar', hashtags: 'tagar', repost_of: 'berbagi ulang dari', mentions: 'akun yang disebut', links: 'tautan', reply_to: 'membalas' } as Record<PostField, string>,
  kind: { post: 'unggahan', reply: 'balasan', repost: 'berbagi ulang', quote: 'kutipan', like: 'menyukai (like) unggahan orang lain' } as Record<PostKind, string>,
  /** A like, with whose post it was (a handle as @x, a Facebook name as it is). */
  likeOf: (who: string) => `menyukai (like) unggahan ${who}`,
  /** The part of a like naming whose post was liked, before its excerpt (in place of field.repost_of). */
  likedPostField: 'unggahan yang disukai milik',
  likesLine: (n: number) => `${n} dari unggahan yang dipindai adalah like: unggahan akun lain yang disukai pemilik akun`,
  period: 'Periode',
  campaignOf: (id: string) => `masa kampanye ${id}`,
  from: 'dari',
  until: 'sampai',
  undated: (n: number) => `${n} unggahan tanpa tanggal tetap dipindai dan dilaporkan`,
  // With a baseline, findings already known are not counted: the count is of findings in this report.
  rosterLine: (e: number, withPosts: number, withFindings: number, baseline = false) => `daftar pegawai: ${e} pegawai, ${withPosts} dengan unggahan, ${withFindings} dengan temuan${baseline ? ' di laporan ini' : ''}`,
  unmatchedLine: (posts: number, findings: number) => `${posts} unggahan (${findings} temuan) dari akun di luar daftar pegawai`,
  baselineLine: (n: number, known: number, shown: number, dismissed: number) => `baseline: ${n} temuan baru; ${known} sudah diketahui${shown ? ` (${shown} ditampilkan)` : ' (tidak ditampilkan)'}; ${dismissed} diabaikan analis`,
  decision: 'Keputusan',
  review: { new: 'baru', open: 'belum diputuskan', confirmed: 'dikonfirmasi', dismissed: 'diabaikan' } as Record<ReviewStatus, string>,
  by: 'oleh',
  earlierDecision: 'Keputusan sebelumnya pada unggahan ini',
  ruleWord: 'aturan',
  rulePackChanged: 'paket aturan berubah?',
  staleLine: (n: number) => `${n} keputusan analis pada unggahan yang dipindai kali ini tidak lagi cocok dengan temuan mana pun (paket aturan berubah?); temuan pada unggahan itu yang belum diputuskan ditandai`,
  generated: 'Dibuat',
  charts: 'Grafik',
  overTime: 'Temuan per waktu',
  byCategoryTitle: 'Temuan per kategori',
  openPost: 'buka unggahan',
  source: 'Sumber',
  rule: 'Aturan',
  date: 'Waktu',
  severityLabel: 'Tingkat',
  categoryLabel: 'Kategori',
  evidence: 'Bukti',
  matchedLabel: 'Kata yang cocok',
  fingerprint: 'Sidik jari',
  verdictLabel: 'Putusan',
  findingsLabel: 'Temuan',
  total: 'Jumlah',
  noDate: 'tanpa tanggal',
  contents: 'Daftar isi',
  deleted: 'dihapus',
};

const en: typeof id = {
  title: 'ASN neutrality report',
  noFindings: 'No findings.',
  findings: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
  posts: 'posts',
  summary: 'Summary',
  readTerms: (c: ReadCounts): string[] => [
    `read ${c.read}`,
    `= scanned ${c.scanned}`,
    `+ skipped ${c.skipped}`,
    ...(c.repeated ? [`(${c.repeated} of them read more than once)`] : []),
    ...(c.outside !== undefined ? [`+ outside the period ${c.outside}`] : []),
  ],
  postsLine: 'posts',
  bySeverity: 'findings by severity',
  byCategory: 'findings by category',
  byVerdict: 'posts by verdict',
  inputs: 'inputs',
  failed: 'could not be read',
  notRead: 'not read',
  ignoredReason: {},
  at: (line: number, column?: number) => `line ${line}${column !== undefined ? `, column ${column}` : ''}`,
  legal: 'Legal basis',
  candidate: 'Candidate',
  confidence: 'confidence',
  against: 'against',
  unknownAuthor: '(unknown author)',
  note: 'Note: netral proposes, the analyst decides. Check every finding against the original post.',
  suppressed: 'suppressed by context',
  filteredOut: (n: number, level: Severity): string => `${n} finding${n === 1 ? '' : 's'} below ${en.severity[level].toLowerCase()} not shown`,
  severity: { high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
  verdict: { violation: 'violation', review: 'review', clean: 'clean' },
  category: {
    endorsement: 'endorsement',
    candidate_symbol: 'candidate symbol',
    campaign_hashtag: 'campaign hashtag',
    campaign_slogan: 'campaign slogan',
    repost: 'repost',
    campaign_activity: 'campaign activity',
    party_support: 'party support',
    candidate_mention: 'candidate mention',
  },
  employee: 'Employee',
  nip: 'NIP',
  unitKerja: 'Unit',
  jabatan: 'Position',
  accounts: 'Accounts',
  posts_: 'Posts',
  notInRoster: 'Not in the roster',
  notInRosterNote: 'These accounts are not in the roster. Their findings are reported apart and attributed to no employee.',
  unmatchedReason: { not_in_roster: 'not in the roster', ambiguous: 'the account matches more than one employee', no_author: 'post without an account name' },
  perEmployee: 'Per employee',
  perAccount: 'Per account',
  postsScanned: (n: number) => `${n} post${n === 1 ? '' : 's'} scanned`,
  worstVerdict: 'worst verdict',
  firstFinding: 'first finding',
  lastFinding: 'last finding',
  noPosts: 'no posts were read for this employee',
  field: { text: '', media_text: 'image text', hashtags: 'hashtags', repost_of: 'repost of', mentions: 'mentioned accounts', links: 'link', reply_to: 'reply to' },
  kind: { post: 'post', reply: 'reply', repost: 'repost', quote: 'quote', like: "like of someone else's post" },
  likeOf: (who: string) => `like of a post by ${who}`,
  likedPostField: 'liked post of',
  likesLine: (n: number) => `${n} of the posts scanned ${n === 1 ? 'is a like' : 'are likes'}: other accounts' posts the account owner liked`,
  period: 'Period',
  campaignOf: (id: string) => `campaign period of ${id}`,
  from: 'from',
  until: 'until',
  undated: (n: number) => `${n} post${n === 1 ? '' : 's'} without a date scanned and reported anyway`,
  // With a baseline, findings already known are not counted: the count is of findings in this report.
  rosterLine: (e: number, withPosts: number, withFindings: number, baseline = false) => `roster: ${e} employees, ${withPosts} with posts, ${withFindings} with findings${baseline ? ' in this report' : ''}`,
  unmatchedLine: (posts: number, findings: number) => `${posts} posts (${findings} findings) by accounts not in the roster`,
  baselineLine: (n: number, known: number, shown: number, dismissed: number) => `baseline: ${n} new findings; ${known} already known${shown ? ` (${shown} shown)` : ' (not shown)'}; ${dismissed} dismissed by analysts`,
  decision: 'Decision',
  review: { new: 'new', open: 'not decided', confirmed: 'confirmed', dismissed: 'dismissed' },
  by: 'by',
  earlierDecision: 'Earlier decision on this post',
  ruleWord: 'rule',
  rulePackChanged: 'rule pack changed?',
  staleLine: (n: number) => `${n} analyst decision${n === 1 ? '' : 's'} on posts scanned in this run no longer match${n === 1 ? 'es' : ''} any finding (rule pack changed?); findings on those posts not yet decided on are marked`,
  generated: 'Generated',
  charts: 'Charts',
  overTime: 'Findings over time',
  byCategoryTitle: 'Findings by category',
  openPost: 'open post',
  source: 'Source',
  rule: 'Rule',
  date: 'Date',
  severityLabel: 'Severity',
  categoryLabel: 'Category',
  evidence: 'Evidence',
  matchedLabel: 'Matched words',
  fingerprint: 'Fingerprint',
  verdictLabel: 'Verdict',
  findingsLabel: 'Findings',
  total: 'Total',
  noDate: 'no date',
  contents: 'Contents',
  deleted: 'deleted',
};

export type Messages = typeof id;
export const MESSAGES: Record<Lang, Messages> = { id, en };

/**
 * Why an input could not be read, for a person: the message after its place in words ("line 15, column 3: …"),
 * and the file first when it is one inside the input (a folder or archive read as one). The input is named by the
 * caller.
 */
export function inputFailure(c: Pick<InputCounts, 'error' | 'file' | 'line' | 'column'>, lang: Lang): string {
  return failureText(failureOf(c, lang));
}

/** Why an input could not be read, in parts: the file inside the input, the place in words, the message. */
export interface Failure {
  file?: string;
  at?: string;
  error: string;
}

function failureOf(c: Pick<InputCounts, 'error' | 'file' | 'line' | 'column'>, lang: Lang): Failure {
  return { ...(c.file ? { file: c.file } : {}), ...(c.line !== undefined ? { at: MESSAGES[lang].at(c.line, c.column) } : {}), error: c.error ?? '' };
}

/** "file, line 15, column 3: message", or only the message without a place. */
function failureText(f: Failure): string {
  const where = [f.file, f.at].filter((x) => x).join(', ');
  return `${where ? `${where}: ` : ''}${f.error}`;
}

/**
 * What kind of post it is, for the line that heads it in a report; null for a post of the account's own. A like says
 * whose post was liked when the download names it: a handle as @x, a Facebook page or person's name as it is.
 */
export function kindLabel(post: Pick<Post, 'kind' | 'repost_of'>, m: Messages): string | null {
  if (post.kind === 'post') return null;
  if (post.kind === 'like' && post.repost_of) return m.likeOf(repostOfText(post));
  return m.kind[post.kind];
}

/** "read 10 = scanned 7 + skipped 3 …" as one line. */
export const readCounts = (c: ReadCounts, lang: Lang): string => MESSAGES[lang].readTerms(c).join(' ');

/**
 * A finding's (new or open) earlier decisions on its post (after the label "Earlier decision on this post"): "dismissed
 * (rule X, 2024-02-03, by Bu Ani): note — rule pack changed?", several joined by "; ". Plain text: each report
 * makes it safe for its medium.
 */
export function earlierDecisionsText(list: EarlierDecision[], lang: Lang): string {
  const m = MESSAGES[lang];
  return list
    .map((d) => {
      const about = [`${m.ruleWord} ${d.rule_id ?? '?'}`, d.date, d.by ? `${m.by} ${d.by}` : null].filter(Boolean).join(', ');
      return `${m.review[d.decision]} (${about})${d.note ? `: ${d.note}` : ''} — ${m.rulePackChanged}`;
    })
    .join('; ');
}

/** One input in the summary: its format and counts (null when nothing was read before it failed), and its failure. */
export interface InputStatus {
  format: string;
  counts: string[] | null;
  /** Why it could not be read (to its end). */
  failure: Failure | null;
}

/**
 * What the summary says of one input: its format and what was read of it, then why it could not be read (to its
 * end), if so; what was read before the failure is counted in the totals, so it is shown too. `period`: the run has
 * one, so the posts outside it are counted.
 */
export function inputStatus(i: InputCounts, period: boolean, lang: Lang): InputStatus {
  const counts = MESSAGES[lang].readTerms({ ...i, ...(period ? { outside: i.outside_period ?? 0 } : {}) });
  if (!i.error) return { format: i.format, counts, failure: null };
  return { format: i.format, counts: i.read > 0 ? counts : null, failure: failureOf(i, lang) };
}

/** A file passed over as one line of text: "not read: empty". */
export function ignoredText(i: IgnoredInput, lang: Lang): string {
  const m = MESSAGES[lang];
  return `${m.notRead}: ${m.ignoredReason[i.reason] ?? i.reason}`;
}

/** An input's status as one line of text. */
export function inputStatusText(s: InputStatus, lang: Lang): string {
  const failure = s.failure ? `${MESSAGES[lang].failed}: ${failureText(s.failure)}` : null;
  return [s.counts ? `${s.format}: ${s.counts.join(' ')}` : null, failure].filter((x) => x !== null).join('; ');
}

/** Words of `netral inspect`. */
const inspectEn = {
  format: 'format',
  recordsLabel: 'records',
  records: (read: number, posts: number, skipped: number) => `${read} read: ${posts} posts, ${skipped} skipped`,
  kinds: 'kinds',
  platforms: 'platforms',
  deleted: 'deleted',
  dates: 'dates',
  undated: (n: number) => `${n} without a date`,
  authors: 'authors',
  unknown: '(unknown author)',
  skipped: 'skipped',
  firstAt: 'first at',
  more: (n: number) => `… and ${n} more`,
  failed: 'failed',
  total: (n: number) => `All ${n} inputs`,
  ignored: (n: number) => `${n} file(s) in the given folders were not read`,
  none: 'none',
};

export type InspectMessages = typeof inspectEn;

export const INSPECT_MESSAGES: Record<Lang, InspectMessages> = {
  en: inspectEn,
  id: {
    format: 'format',
    recordsLabel: 'rekaman',
    records: (read, posts, skipped) => `${read} dibaca: ${posts} unggahan, ${skipped} dilewati`,
    kinds: 'jenis',
    platforms: 'platform',
    deleted: 'dihapus',
    dates: 'tanggal',
    undated: (n) => `${n} tanpa tanggal`,
    authors: 'akun',
    unknown: '(penulis tidak diketahui)',
    skipped: 'dilewati',
    firstAt: 'pertama di',
    more: (n) => `… dan ${n} lainnya`,
    failed: 'gagal',
    total: (n) => `Semua ${n} masukan`,
    ignored: (n) => `${n} berkas di folder yang diberikan tidak dibaca`,
    none: 'tidak ada',
  },
};

/** Words of `netral explain` (its text output; its JSON keeps the engine's values). */
const explainEn = {
  text: 'Text',
  imageText: 'Image text',
  imageTextMark: '[image text]',
  tokens: 'Tokens',
  /** By token kind (TK order). */
  tokenKind: ['word', 'number', 'hashtag', 'mention', 'emoji', 'url'],
  flag: { inTag: 'in-tag', caps: 'caps', decoded: 'decoded', quoted: 'quoted' },
  cues: 'Context cues',
  none: '(none)',
  electionNamed: 'election named',
  electionWordOnly: '(an election word, no race)',
  campaignDates: 'campaign dates',
  outsideCampaigns: '(outside every campaign)',
  noDate: '(no --date)',
  entities: 'Entity references that count',
  /** By reference strength (0 weak … 2 strong). */
  strength: ['weak', 'medium', 'strong'],
  suppressed: 'suppressed',
  confidence: 'confidence',
  matched: 'matched',
  findings: 'Findings',
  suppressedByContext: 'Suppressed by context',
  verdict: 'Verdict',
};

export type ExplainMessages = typeof explainEn;

export const EXPLAIN_MESSAGES: Record<Lang, ExplainMessages> = {
  en: explainEn,
  id: {
    text: 'Teks',
    imageText: 'Teks gambar',
    imageTextMark: '[teks gambar]',
    tokens: 'Token',
    tokenKind: ['kata', 'angka', 'tagar', 'sebutan akun', 'emoji', 'url'],
    flag: { inTag: 'dalam tagar', caps: 'huruf kapital', decoded: 'samaran diurai', quoted: 'dalam kutipan' },
    cues: 'Petunjuk konteks',
    none: '(tidak ada)',
    electionNamed: 'pemilihan yang disebut',
    electionWordOnly: '(ada kata pemilu, tanpa pemilihan tertentu)',
    campaignDates: 'masa kampanye',
    outsideCampaigns: '(di luar semua masa kampanye)',
    noDate: '(tanpa --date)',
    entities: 'Rujukan yang dihitung',
    strength: ['lemah', 'sedang', 'kuat'],
    suppressed: 'diabaikan',
    confidence: 'keyakinan',
    matched: 'kata yang cocok',
    findings: 'Temuan',
    suppressedByContext: 'Diabaikan karena konteks',
    verdict: 'Putusan',
  },
};

/** A context modifier as a person reads it: `kind` stays the engine's id (JSON has it, docs explain it). */
export interface ModifierText {
  kind: string;
  /** What the kind means, in Indonesian only: the English id is its own label. */
  label: string | null;
  /** The effect, with its factor (×0.6) when it has one. */
  effect: string;
  cue: string;
}

const EFFECT_ID: Record<Modifier['effect'], string> = {
  suppress: 'diabaikan',
  downgrade: 'keyakinan diturunkan',
  upgrade: 'keyakinan dinaikkan',
  retarget: 'sikap dibalik',
};

/** By modifier kind (src/engine/context.ts); an `unless:<list>` kind is labelled as `unless`. */
const KIND_ID: Record<string, string> = {
  repost_text: 'teks orang lain yang dibagikan ulang',
  liked_text: 'teks orang lain yang disukai (like)',
  like_of_mention: 'menyukai unggahan yang hanya menyebut paslon',
  unless: 'kata pengecualian aturan',
  other_vote: 'pemilihan lain, bukan pemilu',
  prohibition: 'larangan atau imbauan netralitas',
  attack: 'ajakan agar tidak memilih paslon',
  negation: 'penyangkalan sebelum kata dukungan',
  refusal: 'menolak seruan melawan paslon',
  someone_else: 'kegiatan orang lain (keluarga, teman)',
  generic_event: 'kegiatan umum, tanpa paslon, partai atau pemilu',
  voter_education: 'sosialisasi pemilih',
  news: 'berbagi berita tanpa sikap sendiri',
  after_vote: 'ucapan selamat setelah pemungutan suara',
  next_election: 'pemilihan berikutnya (periode kedua, 2029)',
  office_holder: 'pejabat yang sudah dilantik, disebut dengan jabatannya',
  out_of_window: 'jauh dari waktu pemilihan',
  weak_reference: 'rujukan lemah',
  ambiguous_candidate: 'paslon tidak pasti',
  unknown_person: 'nomor milik orang yang tidak dikenal paket pemilihan',
  several_pairs: 'menyebut beberapa paslon',
  debunk: 'klaim hoaks yang dibantah',
  quoted_trend: 'frasa yang sedang ramai, dikutip',
  official_duty: 'unggahan kerja jabatan seorang calon yang dibagikan',
  landmark: 'posko atau tim kampanye sebagai penunjuk tempat',
  conditional: 'pengandaian (kalau, jika)',
  declined: 'diajak atau diundang, tetapi menolak atau tidak hadir',
  quote_question: 'mengutip unggahan calon untuk bertanya atau menggugat',
  seen_only: 'atribut yang hanya dilihat',
  slogan_and_sign: 'hanya slogan dan isyarat jari',
  number_and_sign: 'hanya nomor dan isyarat jari',
  reported_guest: 'calon yang hadir atau memberi di acara orang lain, diberitakan',
};

/** The cues the engine writes itself (engine/cues.ts) in Indonesian; the post's own words stay as they are. */
function cueId(cue: string): string {
  if (cue === CUE.repostText) return 'teks yang dibagikan ulang';
  if (cue === CUE.likedText) return 'teks yang disukai';
  if (cue === CUE.likeOfMention) return 'unggahan yang disukai hanya menyebut paslon';
  if (cue === CUE.voterEducation) return 'sosialisasi pemilih';
  if (cue === CUE.weakReference) return 'paslon hanya disebut lewat nomor atau simbol';
  if (cue === CUE.severalPairs) return 'unggahan menyebut beberapa paslon';
  if (cue === CUE.sloganAndSign) return 'hanya kata slogan dan isyarat jari yang menunjuk paslon';
  if (cue === CUE.numberAndSign) return 'hanya nomor dan isyarat jari yang menunjuk paslon';
  if (cue === CUE.sharedAfterVote) return 'dibagikan setelah pemungutan suara';
  const w = OUT_OF_WINDOW_CUE.exec(cue);
  return w ? `${w[1]} hari di luar periode ${w[2]}` : cue;
}

export function modifierText(m: Modifier, lang: Lang): ModifierText {
  const factor = m.factor !== undefined ? ` ×${m.factor}` : '';
  if (lang === 'en') return { kind: m.kind, label: null, effect: `${m.effect}${factor}`, cue: m.cue };
  return { kind: m.kind, label: KIND_ID[m.kind.replace(/:.*$/, '')] ?? null, effect: `${EFFECT_ID[m.effect] ?? m.effect}${factor}`, cue: cueId(m.cue) };
}
