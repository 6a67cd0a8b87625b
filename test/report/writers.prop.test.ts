// Every writer round-trips arbitrary strings: parse what it wrote (csv-parse for CSV, JSON.parse for JSON and JSON
// Lines, an HTML parser for the HTML report) and get back the string that went in.
//
// What "the same string" means per format:
// - JSON, JSON Lines: exactly, lone surrogates included (JSON escapes them).
// - CSV: exactly after csvUnescape, which netral's CSV reader applies: formula neutralisation (csvSafe) puts one
//   apostrophe in front of a cell starting with = + - @ tab or CR (or apostrophes then one of those), and
//   csvUnescape takes exactly one away, so the neutralisation is reversible. A spreadsheet shows the cell without
//   the apostrophe as text. Files are UTF-8, which cannot hold a lone surrogate, so CSV strings are well-formed.
// - HTML: the neutralised form, terminalSafe(s): escape sequences removed, other control and bidi characters
//   replaced by U+FFFD; everything else exactly, whatever markup the string holds.

import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import * as cheerio from 'cheerio';
import { CATEGORIES, POST_KINDS, SEVERITIES, VERDICTS, type Category, type EmployeeRef, type Finding, type Post, type PostKind, type Severity, type Verdict } from '../../src/model.js';
import type { Employee } from '../../src/roster/parse.js';
import { EmployeeTally } from '../../src/audit/employees.js';
import { createReporter } from '../../src/report/index.js';
import { stdoutOutput } from '../../src/report/output.js';
import type { ReportOptions, ScanSummary } from '../../src/report/types.js';
import { csvRows, csvOptions } from '../../src/report/csv.js';
import { csvSafe, csvUnescape, terminalSafe } from '../../src/report/sanitize.js';
import { createPostWriter, postCsvRow, postRecord, POST_CSV_COLUMNS } from '../../src/report/post-record.js';
import { readListCell, writeListCell, LIST_FIELDS } from '../../src/sources/list-cell.js';
import { excerptLabel, excerpts } from '../../src/report/excerpt.js';
import { MESSAGES } from '../../src/report/i18n.js';
import { shippedScanner } from '../helpers/engine.js';
import { hostileText, runs, wellFormedText } from '../helpers/fuzz.js';

const scanner = await shippedScanner();

/** An Output whose bytes are what a file would hold (strings encoded as UTF-8). */
function memoryOutput() {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(c: Buffer, _e, cb) {
      chunks.push(c);
      cb();
    },
  });
  return { out: stdoutOutput(w, false), text: () => Buffer.concat(chunks).toString('utf8') };
}

interface Case {
  posts: Post[];
  /** Per post: the employee owning its account, or null. */
  owners: (Employee | null)[];
  employees: Employee[];
}

const TRIGGER = 'Ayo coblos 02 Prabowo-Gibran! #AMIN ';

function caseOf(text: fc.Arbitrary<string>): fc.Arbitrary<Case> {
  const post = fc.record({ id: text, author: text, author_name: fc.option(text, { nil: null }), url: fc.option(fc.oneof(text, fc.constantFrom('javascript:alert(1)', 'https://x.id/"><script>alert(1)</script>', 'HTTPS://A.ID/?a=<b>')), { nil: null }), tail: text, media: text, file: text, owned: fc.boolean() });
  const employee = fc.record({ nama: text, unit_kerja: text, jabatan: text });
  return fc.record({ posts: fc.array(post, { minLength: 1, maxLength: 4 }), employee }).map(({ posts, employee }) => {
    const emp: Employee = { nip: '198501012010011001', nama: employee.nama, unit_kerja: employee.unit_kerja, jabatan: employee.jabatan, handles: { x: [], facebook: [], instagram: [], tiktok: [], mastodon: [], bluesky: [] } as Employee['handles'], line: 2 };
    return {
      employees: [emp],
      owners: posts.map((p) => (p.owned ? emp : null)),
      posts: posts.map((p, i) => ({
        id: p.id === '' ? `p${i}` : p.id,
        platform: 'x',
        author: p.author,
        author_name: p.author_name,
        created_at: '2024-01-20T03:00:00Z',
        created_at_raw: '2024-01-20T10:00:00+07:00',
        url: p.url,
        text: TRIGGER + p.tail,
        hashtags: [],
        mentions: [],
        links: [],
        media_text: p.media === '' ? [] : [p.media],
        kind: 'post' as const,
        repost_of: null,
        reply_to: null,
        source: { file: p.file === '' ? 'in.jsonl' : p.file, line: i + 1 },
      })),
    };
  });
}

const counts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Runs a case through the scanner into one report, as `netral scan` does (with the roster's attribution). */
async function report(c: Case, format: string, extra: Partial<ReportOptions> = {}): Promise<{ text: string; findings: Finding[] }> {
  const ro: ReportOptions = { lang: 'en', langExplicit: false, timeZone: 'Asia/Jakarta', color: 0, excel: false, explain: false, minSeverity: 'info', per: 'finding', roster: true, ...extra };
  const { out, text } = memoryOutput();
  const reporter = await createReporter(format, out, ro);
  const tally = new EmployeeTally(c.employees, false);
  const summary: ScanSummary = {
    read: 0,
    scanned: 0,
    skipped: 0,
    findings: 0,
    filtered: 0,
    by_severity: counts<Severity>(SEVERITIES),
    by_category: counts<Category>(CATEGORIES),
    by_verdict: counts<Verdict>(VERDICTS),
    by_kind: counts<PostKind>(POST_KINDS),
    inputs: [],
    ignored: [],
    roster: { file: 'pegawai.csv', employees: 1, employees_with_posts: 0, employees_with_findings: 0, matched_posts: 0, unmatched_posts: 0, unmatched_findings: 0 },
  };
  const all: Finding[] = [];
  for (let i = 0; i < c.posts.length; i++) {
    const r = scanner.scan(c.posts[i]);
    const owner = c.owners[i];
    const ref: EmployeeRef | null = owner ? { nip: owner.nip, nama: owner.nama, unit_kerja: owner.unit_kerja, jabatan: owner.jabatan } : null;
    for (const f of r.findings) f.employee = ref;
    tally.post(r.post, owner ? { employee: owner } : { employee: null, reason: 'not_in_roster' }, r.findings);
    summary.read++;
    summary.scanned++;
    summary.findings += r.findings.length;
    all.push(...r.findings);
    await reporter.post(r, r.findings);
  }
  summary.employees = tally.result();
  await reporter.end(summary);
  await out.commit();
  return { text: text(), findings: all };
}

/** csv-parse set to read as a spreadsheet does: any line break outside quotes (CRLF, LF or CR) ends a row. */
const strict = (excel: boolean) => ({ delimiter: excel ? ';' : ',', record_delimiter: ['\r\n', '\n', '\r'], relax_quotes: false });

/** Rows of a CSV netral wrote, read as a spreadsheet program would (then csvUnescape, as netral's reader does). */
function readCsv(text: string, excel: boolean): Record<string, string>[] {
  if (excel) expect(text.startsWith('\ufeff')).toBe(true);
  const rows: Record<string, string>[] = parseCsv(text, { bom: true, ...strict(excel), columns: true });
  // Every cell is neutralised: none starts a formula.
  for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvUnescape(v)])));
}

describe('csvSafe and csvUnescape', () => {
  it.prop([fc.array(fc.array(wellFormedText(20), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.boolean()], runs(300))(
    'any rows, written and parsed (also with --excel), give back every cell',
    (rows, excel) => {
      const width = rows[0].length;
      const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      const text = csvRows(table, csvOptions(excel));
      const back: string[][] = parseCsv(text, strict(excel));
      expect(back.map((r) => r.map(csvUnescape))).toEqual(table);
      for (const r of back) for (const v of r) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    },
  );

  it.prop([fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') })], runs(300))('are inverse on every string, however many apostrophes it starts with', (s) => {
    expect(csvUnescape(csvSafe(s))).toBe(s);
  });
});

describe('the findings reports', () => {
  it.prop([caseOf(wellFormedText(25)), fc.boolean()], runs(40))('CSV (also --excel): every string cell reads back as written', async (c, excel) => {
    const { text, findings } = await report(c, 'csv', { excel });
    expect(findings.length).toBeGreaterThan(0);
    const rows = readCsv(text, excel);
    expect(rows).toHaveLength(findings.length);
    rows.forEach((row, i) => {
      const f = findings[i];
      const p = c.posts.find((x) => x.id === f.post_id && x.author === f.author)!;
      expect(row.post_id).toBe(p.id);
      expect(row.author).toBe(p.author);
      expect(row.author_name).toBe(p.author_name ?? '');
      expect(row.url).toBe(p.url ?? '');
      expect(row.post_text).toBe(p.text);
      expect(row.evidence).toBe(f.evidence);
      expect(row.source).toBe(`${p.source.file}:${p.source.line}`);
      expect([row.nama, row.unit_kerja, row.jabatan]).toEqual(f.employee ? [f.employee.nama, f.employee.unit_kerja, f.employee.jabatan] : ['', '', '']);
    });
  });

  it.prop([caseOf(hostileText(25)), fc.constantFrom('jsonl', 'json')], runs(40))('JSON and JSON Lines: every string reads back exactly, lone surrogates included', async (c, format) => {
    const { text, findings } = await report(c, format);
    const records: Record<string, any>[] = format === 'jsonl' ? text.trim().split('\n').map((l) => JSON.parse(l)) : JSON.parse(text).findings;
    expect(records).toHaveLength(findings.length);
    records.forEach((r, i) => {
      const f = findings[i];
      expect([r.post_id, r.author, r.author_name, r.url, r.evidence, r.matched, r.source]).toEqual([f.post_id, f.author, f.author_name, f.url, f.evidence, f.matched, f.source]);
      expect(r.employee).toEqual(f.employee);
    });
  });

  it.prop([caseOf(wellFormedText(25))], runs(40))('HTML: the text of every field is the string, neutralised, whatever markup it holds; no markup gets in', async (c) => {
    const { text, findings } = await report(c, 'html');
    const $ = cheerio.load(text);
    // Only netral's own elements and attributes: nothing a post smuggled in.
    const tags = new Set($('*').map((_, el) => (el as { tagName: string }).tagName).get());
    for (const t of tags) expect(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'h4', 'p', 'section', 'div', 'b', 'ul', 'li', 'figure', 'svg', 'g', 'rect', 'text', 'line', 'title', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'br', 'small', 'span', 'article', 'time', 'blockquote', 'mark', 'dl', 'dt', 'dd', 'code', 'footer', 'path', 'polyline', 'circle', 'desc', 'tspan']).toContain(t);
    $('*').each((_, el) => {
      for (const name of Object.keys((el as { attribs: Record<string, string> }).attribs)) expect(name).not.toMatch(/^on/i);
    });
    // A link is clickable only when it is http(s) (or netral's own anchors).
    $('a[href]').each((_, a) => expect($(a).attr('href')).toMatch(/^(https?:\/\/|#s\d+$)/i));
    const articles = $('article.finding');
    expect(articles).toHaveLength(findings.length);
    const facts = articles.map((_, a) => Object.fromEntries($(a).find('dt').map((__, dt) => [[$(dt).text(), $(dt).next('dd')]]).get())).get() as Record<string, cheerio.Cheerio<any>>[];
    const seen = new Set<string>();
    for (const f of findings) {
      const p = c.posts.find((x) => x.id === f.post_id && x.author === f.author)!;
      const i = facts.findIndex((fa, k) => !seen.has(String(k)) && fa.Source?.text() === terminalSafe(`${p.source.file}:${p.source.line}`) && fa.Fingerprint?.text() === f.fingerprint);
      expect(i).toBeGreaterThanOrEqual(0);
      seen.add(String(i));
      const fa = facts[i];
      if (p.url) {
        expect(fa['open post'].text()).toBe(terminalSafe(p.url));
        const a = fa['open post'].find('a');
        if (/^https?:\/\//i.test(p.url)) expect(a.attr('href')).toBe(terminalSafe(p.url));
        else expect(a).toHaveLength(0);
      }
      // The evidence quotes are the excerpts netral meant to show (one per field matched), marks and all.
      const quotes = $(articles[i]).find('blockquote.evidence');
      const xs = excerpts(p, f.spans);
      expect(quotes).toHaveLength(xs.length);
      xs.forEach((x, k) => {
        const label = excerptLabel(p, x, MESSAGES.en);
        expect($(quotes[k]).text()).toBe(`${label ? `[${label}] ` : ''}${x.segments.map((s) => terminalSafe(s.text)).join('')}`);
        expect($(quotes[k]).find('mark').map((_, m) => $(m).text()).get()).toEqual(x.segments.filter((s) => s.hit).map((s) => terminalSafe(s.text)));
      });
    }
    // Employees and accounts are named as given.
    const names = $('section.subject h3').map((_, h) => $(h).text()).get();
    for (let k = 0; k < c.posts.length; k++) {
      const owner = c.owners[k];
      // An account is listed under the handle of its first post (handles are compared without case).
      const first = c.posts.find((q, j) => !c.owners[j] && q.author.toLowerCase() === c.posts[k].author.toLowerCase())!;
      expect(names).toContain(terminalSafe(owner ? owner.nama : first.author ? `x @${first.author}` : 'x'));
    }
  });
});

describe('the per-employee reports', () => {
  it.prop([caseOf(wellFormedText(25)), fc.boolean()], runs(30))('CSV (also --excel): names, units, positions and account names read back as written', async (c, excel) => {
    const { text } = await report(c, 'csv', { excel, per: 'employee' });
    const rows = readCsv(text, excel);
    const emp = c.employees[0];
    expect(rows[0]).toMatchObject({ nama: emp.nama, unit_kerja: emp.unit_kerja, jabatan: emp.jabatan });
    for (let k = 0; k < c.posts.length; k++) {
      if (c.owners[k]) continue;
      const p = c.posts[k];
      const row = rows.find((r) => r.accounts === `x:${p.author}`);
      expect(row).toBeDefined();
      // The first non-empty display name of the account is its name in the report.
      const first = c.posts.find((q, j) => !c.owners[j] && q.author.toLowerCase() === p.author.toLowerCase() && q.author_name !== null);
      if (first) expect(row!.author_name).toBe(first.author_name ?? '');
    }
  });

  it.prop([caseOf(hostileText(25)), fc.constantFrom('jsonl', 'json')], runs(30))('JSON and JSON Lines: exactly', async (c, format) => {
    const { text } = await report(c, format, { per: 'employee' });
    const records: Record<string, any>[] = format === 'jsonl' ? text.trim().split('\n').map((l) => JSON.parse(l)) : JSON.parse(text).employees;
    const emp = c.employees[0];
    expect(records[0]).toMatchObject({ nama: emp.nama, unit_kerja: emp.unit_kerja, jabatan: emp.jabatan });
    for (let k = 0; k < c.posts.length; k++) if (!c.owners[k]) expect(records.some((r) => r.accounts[0]?.handle === c.posts[k].author)).toBe(true);
  });
});

describe('the post record writers (convert, fetch)', () => {
  it.prop([caseOf(wellFormedText(25)), fc.boolean(), fc.array(fc.array(wellFormedText(12), { maxLength: 4 }), { minLength: 4, maxLength: 4 })], runs(40))(
    'CSV (also --excel): every cell reads back as written, lists included',
    async (c, excel, lists) => {
      const { out, text } = memoryOutput();
      const w = createPostWriter('csv', out, { excel, roster: true });
      const posts = c.posts.map((p) => ({ ...p, hashtags: lists[0], mentions: lists[1], links: lists[2], media_text: lists[3] }));
      for (let k = 0; k < posts.length; k++) await w.write(posts[k], c.owners[k]);
      await w.end();
      await out.commit();
      const rows = readCsv(text(), excel);
      rows.forEach((row, k) => {
        const expected = postCsvRow(posts[k]);
        expect(POST_CSV_COLUMNS.map((col) => row[col])).toEqual(expected);
        for (const f of LIST_FIELDS) expect(readListCell(f, row[f])).toEqual(posts[k][f]);
      });
    },
  );

  it.prop([caseOf(hostileText(25))], runs(40))('JSON Lines: every record reads back exactly', async (c) => {
    const { out, text } = memoryOutput();
    const w = createPostWriter('jsonl', out, { excel: false });
    for (const p of c.posts) await w.write(p);
    await out.commit();
    expect(text().trim().split('\n').map((l) => JSON.parse(l))).toEqual(c.posts.map(postRecord));
  });

  it.prop([fc.constantFrom(...LIST_FIELDS), fc.array(hostileText(12), { maxLength: 5 })], runs(300))('a list cell reads back as the list written', (field, items) => {
    expect(readListCell(field, writeListCell(field, items))).toEqual(items);
  });
});
