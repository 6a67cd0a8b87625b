// Human-facing words in Indonesian and English. Machine formats (json, jsonl, csv without --lang) keep stable
// English keys; what a person reads follows --lang, else LC_ALL / LC_MESSAGES / LANG (id_* → Indonesian).

import type { Category, Severity, Verdict } from '../model.js';

export type Lang = 'id' | 'en';

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
  readLine: (read: number, scanned: number, skipped: number) => `dibaca ${read} = dipindai ${scanned} + dilewati ${skipped}`,
  postsLine: 'unggahan',
  bySeverity: 'temuan per tingkat',
  byCategory: 'temuan per kategori',
  byVerdict: 'unggahan per putusan',
  inputs: 'masukan',
  failed: 'gagal dibaca',
  legal: 'Dasar hukum',
  candidate: 'Paslon',
  confidence: 'keyakinan',
  against: 'menyerang',
  unknownAuthor: '(penulis tidak diketahui)',
  note: 'Catatan: netral mengusulkan, analis memutuskan. Periksa setiap temuan pada unggahan aslinya.',
  suppressed: 'diabaikan karena konteks',
  filteredOut: (n: number, level: string) => `${n} temuan di bawah tingkat ${level} tidak ditampilkan`,
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
};

const en: typeof id = {
  title: 'ASN neutrality report',
  noFindings: 'No findings.',
  findings: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
  posts: 'posts',
  summary: 'Summary',
  readLine: (read: number, scanned: number, skipped: number) => `read ${read} = scanned ${scanned} + skipped ${skipped}`,
  postsLine: 'posts',
  bySeverity: 'findings by severity',
  byCategory: 'findings by category',
  byVerdict: 'posts by verdict',
  inputs: 'inputs',
  failed: 'could not be read',
  legal: 'Legal basis',
  candidate: 'Candidate',
  confidence: 'confidence',
  against: 'against',
  unknownAuthor: '(unknown author)',
  note: 'Note: netral proposes, the analyst decides. Check every finding against the original post.',
  suppressed: 'suppressed by context',
  filteredOut: (n: number, level: string) => `${n} findings below ${level} not shown`,
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
};

export type Messages = typeof id;
export const MESSAGES: Record<Lang, Messages> = { id, en };

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
  ignored: (n: number) => `${n} file(s) in the given folders are not a format netral reads`,
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
    ignored: (n) => `${n} berkas di folder yang diberikan bukan format yang dibaca netral`,
    none: 'tidak ada',
  },
};
