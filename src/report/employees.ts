// `--per employee`: one row (csv, jsonl), entry (json) or section (terminal) per roster employee — then, apart,
// per account not in the roster — with posts scanned, findings by severity and category, the worst verdict and
// the first and last finding. Without a roster, one per account. Written at the end, from the summary's totals.

import { Chalk, type ChalkInstance } from 'chalk';
import { CATEGORIES, REVIEW_STATUSES, SEVERITIES } from '../model.js';
import { label, type SubjectStats } from '../audit/employees.js';
import { groupNip } from '../roster/parse.js';
import { formatInZone } from '../sources/time.js';
import { MESSAGES } from './i18n.js';
import type { Output } from './output.js';
import { csvHeader, csvOptions, csvRows, headerCells } from './csv.js';
import { subjectRecord, summaryRecord } from './json.js';
import { safeJson, terminalLine } from './sanitize.js';
import { employeeLine, notInRosterLines, reportWidth, summaryLines, verdictPaint } from './terminal.js';
import { run, wrapRuns, type Run } from './wrap.js';
import type { Reporter, ReportOptions, ScanSummary } from './types.js';

/** Per-employee CSV columns; the category columns are named after the categories. */
export function employeeColumns(withReview: boolean): string[] {
  return [
    'nip',
    'nama',
    'unit_kerja',
    'jabatan',
    'in_roster',
    'accounts',
    'author_name',
    'posts',
    'findings',
    ...SEVERITIES.slice().reverse(),
    ...CATEGORIES,
    'worst_verdict',
    'first_finding',
    'last_finding',
    ...(withReview ? REVIEW_STATUSES.filter((s) => s !== 'dismissed').map((s) => `review_${s}`) : []),
  ];
}

const HEADERS_ID: Record<string, string> = {
  nama: 'nama_pegawai',
  in_roster: 'dalam_daftar_pegawai',
  accounts: 'akun',
  author_name: 'nama_akun',
  posts: 'unggahan',
  findings: 'temuan',
  high: 'tinggi',
  medium: 'sedang',
  low: 'rendah',
  info: 'info',
  endorsement: 'dukungan',
  candidate_symbol: 'simbol_paslon',
  campaign_hashtag: 'tagar_kampanye',
  campaign_slogan: 'slogan_kampanye',
  repost: 'berbagi_ulang',
  campaign_activity: 'kegiatan_kampanye',
  party_support: 'dukungan_partai',
  candidate_mention: 'menyebut_paslon',
  worst_verdict: 'putusan_terburuk',
  first_finding: 'temuan_pertama_utc',
  last_finding: 'temuan_terakhir_utc',
  review_new: 'baru',
  review_open: 'belum_diputuskan',
  review_confirmed: 'dikonfirmasi',
};

const accountsText = (s: SubjectStats) => s.accounts.map((a) => `${a.platform}:${a.handle}`).join('; ');

abstract class AtEnd implements Reporter {
  constructor(
    protected readonly out: Output,
    protected readonly ro: ReportOptions,
  ) {}

  post(): void {}

  abstract end(summary: ScanSummary): Promise<void>;
}

export class EmployeeCsvReporter extends AtEnd {
  async end(summary: ScanSummary): Promise<void> {
    const withReview = summary.baseline !== undefined;
    const opts = csvOptions(this.ro.excel);
    await this.out.sink.write(csvHeader(headerCells(employeeColumns(withReview), this.ro, HEADERS_ID), this.ro.excel));
    for (const s of summary.employees ?? []) {
      const e = s.employee;
      const row = [
        e ? (this.ro.excel ? groupNip(e.nip) : e.nip) : '',
        e?.nama ?? '',
        e?.unit_kerja ?? '',
        e?.jabatan ?? '',
        s.in_roster === null ? '' : String(s.in_roster),
        accountsText(s),
        s.author_name ?? '',
        String(s.posts),
        String(s.findings),
        ...SEVERITIES.slice().reverse().map((v) => String(s.by_severity[v])),
        ...CATEGORIES.map((c) => String(s.by_category[c])),
        s.worst_verdict,
        s.first_finding ?? '',
        s.last_finding ?? '',
        ...(withReview ? REVIEW_STATUSES.filter((x) => x !== 'dismissed').map((x) => String(s.by_review?.[x] ?? 0)) : []),
      ];
      await this.out.sink.write(csvRows([row], opts, this.out.isTTY));
    }
  }
}

export class EmployeeJsonReporter extends AtEnd {
  async end(summary: ScanSummary): Promise<void> {
    const doc = { summary: summaryRecord(summary), employees: (summary.employees ?? []).map(subjectRecord) };
    await this.out.sink.write(`${safeJson(doc, 2)}\n`);
  }
}

export class EmployeeJsonlReporter extends AtEnd {
  async end(summary: ScanSummary): Promise<void> {
    for (const s of summary.employees ?? []) await this.out.sink.write(`${safeJson(subjectRecord(s))}\n`);
  }
}

export class EmployeeTerminalReporter extends AtEnd {
  private readonly c: ChalkInstance;

  constructor(out: Output, ro: ReportOptions) {
    super(out, ro);
    this.c = new Chalk({ level: ro.color });
  }

  async end(summary: ScanSummary): Promise<void> {
    const c = this.c;
    const m = MESSAGES[this.ro.lang];
    const w = (s: string) => this.out.sink.write(`${s}\n`);
    const width = reportWidth(this.ro);
    /** A line at `indent` columns, fitted to the width and continued two columns further in. */
    const line = async (runs: Run[], indent = 2) => {
      for (const l of wrapRuns(runs, { width, indent: ' '.repeat(indent), hang: ' '.repeat(indent + 2) })) await w(l);
    };
    const subjects = summary.employees ?? [];
    const roster = summary.roster !== undefined;
    await w(c.bold(`${m.title} — ${roster ? m.perEmployee : m.perAccount}`));
    await w('');
    let apart = false;
    for (const s of subjects) {
      if (roster && s.in_roster === false && !apart) {
        apart = true;
        for (const l of notInRosterLines(m, c, width)) await w(l);
      }
      const name = s.employee ? employeeLine(s.employee, m) : `${terminalLine(label(s))}${s.author_name ? ` (${terminalLine(s.author_name)})` : ''}`;
      await line([run(name, c.bold)], 0);
      if (s.employee) await line([run(`${m.accounts}: ${s.accounts.map((a) => `${a.platform} @${terminalLine(a.handle)}`).join(', ') || '—'}`)]);
      if (s.unmatched_reason && s.unmatched_reason !== 'not_in_roster') await line([run(m.unmatchedReason[s.unmatched_reason], c.yellow)]);
      if (s.posts === 0) {
        await line([run(m.noPosts, c.dim)]);
        await w('');
        continue;
      }
      await line([run(`${m.postsScanned(s.posts)} · ${m.findings(s.findings)} · ${m.worstVerdict}: `), run(m.verdict[s.worst_verdict], verdictPaint(c, s.worst_verdict))]);
      if (s.findings > 0) {
        const sev = SEVERITIES.slice().reverse().filter((v) => s.by_severity[v] > 0).map((v) => `${m.severity[v].toLowerCase()} ${s.by_severity[v]}`);
        await line([run(`${m.bySeverity}: ${sev.join(', ')}`)]);
        const cats = CATEGORIES.filter((k) => s.by_category[k] > 0).map((k) => `${m.category[k]} ${s.by_category[k]}`);
        await line([run(`${m.byCategory}: ${cats.join(', ')}`)]);
        const when = (t: string | null) => (t ? formatInZone(t, this.ro.timeZone) : m.noDate);
        await line([run(`${m.firstFinding}: ${when(s.first_finding)} · ${m.lastFinding}: ${when(s.last_finding)}`)]);
        if (s.by_review) {
          const rv = REVIEW_STATUSES.filter((x) => s.by_review![x] > 0).map((x) => `${m.review[x]} ${s.by_review![x]}`);
          if (rv.length) await line([run(`${m.decision}: ${rv.join(', ')}`)]);
        }
      }
      await w('');
    }
    if (subjects.length === 0) await w(`  ${m.noFindings}\n`);
    for (const l of summaryLines(summary, this.ro, c)) await w(l);
  }
}
