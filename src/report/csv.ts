// One row per finding, for spreadsheets. Columns are stable and documented (README "CSV columns"); every cell is
// neutralised against formula injection; newlines inside cells survive a round trip (csv-stringify quotes them).
// --excel: UTF-8 BOM, `;` separators, CRLF and decimal commas, as Excel in the Indonesian locale expects.

import { stringify } from 'csv-stringify/sync';
import type { EmployeeRef, Finding } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { Output } from './output.js';
import { csvSafe, terminalSafe } from './sanitize.js';
import { sourceText } from './record.js';
import { groupNip } from '../roster/parse.js';
import type { Reporter, ReportOptions } from './types.js';
import { earlierDecisionsText } from './i18n.js';

export const CSV_COLUMNS = [
  'fingerprint',
  'verdict',
  'severity',
  'confidence',
  'category',
  'rule_id',
  'rule_title',
  'candidate',
  'stance',
  'platform',
  'author',
  'author_name',
  'post_id',
  'created_at',
  'url',
  'kind',
  'matched',
  'evidence',
  'legal_basis',
  'post_text',
  'source',
  'evidence_sha256',
] as const;

const HEADERS_ID: Record<(typeof CSV_COLUMNS)[number], string> = {
  fingerprint: 'sidik_jari',
  verdict: 'putusan',
  severity: 'tingkat',
  confidence: 'keyakinan',
  category: 'kategori',
  rule_id: 'id_aturan',
  rule_title: 'judul_aturan',
  candidate: 'paslon',
  stance: 'sikap',
  platform: 'platform',
  author: 'akun',
  author_name: 'nama',
  post_id: 'id_unggahan',
  created_at: 'waktu_utc',
  url: 'tautan',
  kind: 'jenis',
  matched: 'cocok',
  evidence: 'bukti',
  legal_basis: 'dasar_hukum',
  post_text: 'teks_unggahan',
  source: 'sumber',
  evidence_sha256: 'sha256_bukti',
};

/** Appended with --roster: the employee the account belongs to (empty and in_roster=false for others). */
export const ROSTER_COLUMNS = ['nip', 'nama', 'unit_kerja', 'jabatan', 'in_roster'] as const;

/** The ROSTER_COLUMNS cells of the account's owner (null: not in the roster); --excel groups the NIP. */
export function rosterCells(e: EmployeeRef | null | undefined, excel: boolean): string[] {
  return [e ? (excel ? groupNip(e.nip) : e.nip) : '', e?.nama ?? '', e?.unit_kerja ?? '', e?.jabatan ?? '', String(!!e)];
}
/**
 * Appended with --baseline: the finding's review standing (new, open, confirmed) and the analyst's words; then, for
 * a finding not decided on (new, open), the decisions on its post that no finding matches any more (review_earlier: a rule pack changed?).
 */
export const REVIEW_COLUMNS = ['review', 'review_note', 'review_date', 'review_by', 'review_earlier'] as const;

const EXTRA_HEADERS_ID: Record<string, string> = {
  nip: 'nip',
  nama: 'nama_pegawai',
  unit_kerja: 'unit_kerja',
  jabatan: 'jabatan',
  in_roster: 'dalam_daftar_pegawai',
  review: 'keputusan',
  review_note: 'catatan_keputusan',
  review_date: 'tanggal_keputusan',
  review_by: 'diputuskan_oleh',
  review_earlier: 'keputusan_sebelumnya',
};

/** Header cells: the stable keys, or Indonesian words when --lang id was given explicitly. */
export function headerCells(keys: readonly string[], ro: ReportOptions, id: Record<string, string>): string[] {
  return keys.map((k) => (ro.langExplicit && ro.lang === 'id' ? (id[k] ?? k) : k));
}

export function csvOptions(excel: boolean) {
  // csv-stringify quotes a cell holding the record delimiter, but not one holding only part of it: a post's "\n"
  // under --excel's "\r\n" (or a "\r" under "\n") would start a new row in a spreadsheet. Any line break is quoted.
  return { delimiter: excel ? ';' : ',', record_delimiter: excel ? ('windows' as const) : ('unix' as const), quoted_match: /[\r\n]/ };
}

/** The header row, after a UTF-8 BOM for Excel (which otherwise reads the file in the machine's code page). */
export function csvHeader(names: readonly string[], excel: boolean): string {
  return (excel ? '\ufeff' : '') + stringify([names], csvOptions(excel));
}

/**
 * Data rows with every cell neutralised against formula injection. Printed on a terminal (`terminal`: stdout is
 * one), cells are also stripped of escape sequences first, as every other report is; files and pipes keep the
 * post's exact text.
 */
export function csvRows(rows: string[][], opts: ReturnType<typeof csvOptions>, terminal = false): string {
  return stringify(rows.map((r) => r.map((v) => csvSafe(terminal ? terminalSafe(v) : v))), opts);
}

export class CsvReporter implements Reporter {
  private readonly opts: ReturnType<typeof csvOptions>;
  private started = false;

  constructor(
    private readonly out: Output,
    private readonly ro: ReportOptions,
  ) {
    this.opts = csvOptions(ro.excel);
  }

  private header(): string {
    const keys = [...CSV_COLUMNS, ...(this.ro.roster ? ROSTER_COLUMNS : []), ...(this.ro.baseline ? REVIEW_COLUMNS : [])];
    return csvHeader(headerCells(keys, this.ro, { ...HEADERS_ID, ...EXTRA_HEADERS_ID }), this.ro.excel);
  }

  private start(): Promise<void> | void {
    if (this.started) return;
    this.started = true;
    return this.out.sink.write(this.header());
  }

  post(r: PostResult, findings: Finding[]): Promise<void> | void {
    if (findings.length === 0) return;
    const p = this.start();
    const s = csvRows(findings.map((f) => this.row(f, r.post.text)), this.opts, this.out.isTTY);
    if (p) return p.then(() => this.out.sink.write(s));
    return this.out.sink.write(s);
  }

  private row(f: Finding, text: string): string[] {
    const conf = f.confidence.toFixed(2);
    const r = f.review;
    return [
      f.fingerprint,
      f.verdict,
      f.severity,
      this.ro.excel ? conf.replace('.', ',') : conf,
      f.category,
      f.rule_id,
      this.ro.lang === 'id' ? f.rule_title.id : f.rule_title.en,
      f.candidate ?? '',
      f.stance,
      f.platform,
      f.author,
      f.author_name ?? '',
      f.post_id,
      f.created_at ?? '',
      f.url ?? '',
      f.kind,
      f.matched,
      f.evidence,
      f.legal_basis,
      text,
      sourceText(f.source),
      f.evidence_sha256 ?? '',
      ...(this.ro.roster ? rosterCells(f.employee, this.ro.excel) : []),
      ...(this.ro.baseline ? [r?.status ?? '', r?.note ?? '', r?.date ?? '', r?.by ?? '', r?.earlier_decisions?.length ? earlierDecisionsText(r.earlier_decisions, this.ro.lang) : ''] : []),
    ];
  }

  async end(): Promise<void> {
    // A report with no findings still has its header, so a spreadsheet or script sees the columns.
    await this.start();
  }
}
