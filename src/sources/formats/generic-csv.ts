// Spreadsheets: CSV (or TSV, or `;`-separated from Excel in the Indonesian locale) with a header row. Common column
// names map to our fields automatically (text, content, caption, message, tweet, full_text, isi, komentar …);
// `--map text=Tweet,id=No` maps the rest. Parsing is csv-parse's: quotes, embedded newlines, BOM.

import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { CsvLines, linedOptions, type LinedRecord } from '../csv-lines.js';
import type { Format, InputFile, ReadItem, ReadOptions } from '../types.js';
import { recordToPost } from '../record.js';
import { LIST_FIELDS, readListCell } from '../list-cell.js';
import { csvUnescape } from '../../report/sanitize.js';
import { InputError } from '../../errors.js';
import { decodeText, sniffEncoding, utf8Stream } from '../encoding.js';
import { HEAD_BYTES } from '../head.js';
import { derivedId } from '../ids.js';

/** Column names each field accepts, compared lowercase with spaces, dashes and dots removed. */
export const COLUMN_ALIASES: Record<string, string[]> = {
  text: ['text', 'content', 'caption', 'message', 'tweet', 'fulltext', 'tweettext', 'body', 'post', 'posttext', 'status', 'description', 'rawcontent', 'isi', 'isikomentar', 'isipostingan', 'komentar', 'postingan', 'teks', 'pesan', 'keterangan', 'comment', 'title'],
  // Not No / Nomor / No. urut: a sheet's running number, the same in every sheet, identifies no post (see below).
  id: ['id', 'postid', 'tweetid', 'idstr', 'statusid', 'shortcode'],
  author: ['author', 'username', 'user', 'screenname', 'account', 'akun', 'handle', 'owner', 'ownerusername', 'userscreenname', 'namaakun', 'authorusername', 'pengguna'],
  author_name: ['authorname', 'name', 'nama', 'displayname', 'fullname', 'ownerfullname', 'namalengkap', 'namapengguna'],
  created_at: ['createdat', 'date', 'time', 'timestamp', 'tanggal', 'waktu', 'datetime', 'published', 'publishedat', 'created', 'createtime', 'tanggalposting'],
  url: ['url', 'link', 'permalink', 'tautan', 'posturl', 'tweeturl'],
  platform: ['platform', 'medsos', 'mediasosial', 'network', 'sosmed'],
  hashtags: ['hashtags', 'hashtag', 'tags', 'tagar'],
  mentions: ['mentions', 'mention', 'usermentions'],
  links: ['links', 'urls', 'expandedurl', 'expandedurls'],
  media_text: ['mediatext', 'alttext', 'alt', 'ocr', 'ocrtext', 'mediadescription', 'accessibilitycaption'],
  kind: ['kind', 'type', 'posttype', 'jenis'],
  repost_of: ['repostof', 'retweetof', 'sharedfrom', 'rtfrom'],
  reply_to: ['replyto', 'inreplyto', 'inreplytoscreenname', 'balasan'],
};

export const MAPPABLE_FIELDS = Object.keys(COLUMN_ALIASES);

/** A record longer than this (an unclosed quote swallowing the rest of a file) is skipped, not held in memory. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const norm = (h: string) => h.toLowerCase().replace(/[\s_.\-/()]+/g, '');

/** Column index of each field: --map first, then aliases. Throws when --map names a column that does not exist. */
export function mapColumns(header: string[], map: Record<string, string>, file: string): Map<string, number> {
  const out = new Map<string, number>();
  const byNorm = new Map<string, number>();
  header.forEach((h, i) => {
    if (!byNorm.has(norm(h))) byNorm.set(norm(h), i);
  });
  for (const [field, col] of Object.entries(map)) {
    const i = header.indexOf(col);
    const j = i !== -1 ? i : (byNorm.get(norm(col)) ?? -1);
    if (j === -1) throw new InputError(`${file}: --map ${field}=${col}: no column "${col}"; the columns are: ${header.map((h) => JSON.stringify(h)).join(', ')}`);
    out.set(field, j);
  }
  const taken = new Set(out.values());
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES)) {
    if (out.has(field)) continue;
    for (const a of aliases) {
      const i = byNorm.get(a);
      if (i !== undefined && !taken.has(i)) {
        out.set(field, i);
        taken.add(i);
        break;
      }
    }
  }
  return out;
}

/**
 * Columns of the post record that only netral writes (`netral convert`), read by their exact names so that a CSV
 * netral wrote reads back into the same records: the raw time, the evidence digest, the deleted flag and where
 * each post first came from (findings keep pointing at the original file).
 */
const OWN_COLUMNS = ['created_at_raw', 'evidence_sha256', 'deleted', 'source_file', 'source_line', 'source_record'] as const;
type OwnColumn = (typeof OWN_COLUMNS)[number];

function ownColumns(header: string[]): Map<OwnColumn, number> {
  const out = new Map<OwnColumn, number>();
  for (const c of OWN_COLUMNS) {
    const i = header.findIndex((h) => norm(h) === norm(c));
    if (i !== -1) out.set(c, i);
  }
  return out;
}

/**
 * Warnings for columns named like a column that is read (`id,text,text`): only the first of them is read, and the
 * user must know the other was not. Positions are 1-based, as a spreadsheet shows them.
 */
export function duplicateColumns(header: string[], read: Iterable<[string, number]>, file: string): string[] {
  const out: string[] = [];
  const used = new Set([...read].map(([, i]) => i));
  for (const [field, i] of read) {
    const same = header.flatMap((h, j) => (j !== i && !used.has(j) && norm(h) === norm(header[i]) ? [j] : []));
    if (same.length === 0) continue;
    const all = [i, ...same].sort((a, b) => a - b);
    const named = all.every((j) => header[j] === header[i]) ? `columns ${all.map((j) => j + 1).join(', ')} are all named ${JSON.stringify(header[i])}` : `columns ${all.map((j) => `${j + 1} (${JSON.stringify(header[j])})`).join(', ')} have the same name`;
    out.push(`${file}: ${named}; column ${i + 1} is read as ${field}, ${same.length === 1 ? `column ${same[0] + 1} is` : `columns ${same.map((j) => j + 1).join(', ')} are`} not read`);
  }
  return out;
}

/** The own columns' cells as record keys (recordToPost reads `source` as {file, line, record}). */
function ownFields(cell: (c: OwnColumn) => string, into: Record<string, unknown>): void {
  if (cell('created_at_raw') !== '') into.created_at_raw = cell('created_at_raw');
  if (cell('evidence_sha256') !== '') into.evidence_sha256 = cell('evidence_sha256');
  if (/^(true|1|yes|ya)$/i.test(cell('deleted').trim())) into.deleted = true;
  const int = (c: OwnColumn) => (/^\d+$/.test(cell(c).trim()) ? Number(cell(c)) : undefined);
  if (cell('source_file') !== '') into.source = { file: cell('source_file'), line: int('source_line'), record: int('source_record') };
}

/** The delimiter of a CSV file, from its first line: the most frequent of `,` `;` tab outside quotes. */
export function sniffDelimiter(head: string, name: string): string {
  if (name.toLowerCase().endsWith('.tsv')) return '\t';
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (!q && ch in count) count[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (count[d] > count[best]) best = d;
  return best;
}

/** The one warning for an input's rows with fewer cells than its header. */
function shortRowsWarning(file: string, rows: number, first: number): string {
  return rows === 1
    ? `${file}: 1 row had fewer cells than the header (Excel leaves out empty cells at the end of a row); its missing cells were read as empty (line ${first})`
    : `${file}: ${rows} rows had fewer cells than the header (Excel leaves out empty cells at the end of a row); their missing cells were read as empty (first at line ${first})`;
}

export const genericCsv: Format = {
  id: 'csv',
  description: 'CSV/TSV with a header row (columns mapped by name, or with --map)',
  detect(head, name) {
    const lower = name.toLowerCase();
    if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 0.8;
    const s = decodeText(head, sniffEncoding(head, false)).replace(/^\uFEFF/, '');
    const first = s.split(/\r?\n/, 1)[0] ?? '';
    if (/^\s*[[{]/.test(s) || first.length === 0) return 0;
    const cols = first.split(sniffDelimiter(s, name)).map(norm);
    return cols.length >= 2 && cols.some((c) => COLUMN_ALIASES.text.includes(c)) ? 0.4 : 0;
  },
  async *read(input: InputFile, opts: ReadOptions): AsyncIterable<ReadItem> {
    const headBytes = await input.head(HEAD_BYTES);
    const encoding = sniffEncoding(headBytes, headBytes.length < HEAD_BYTES);
    if (encoding === 'windows-1252') opts.warn(`${input.name}: not UTF-8; read as Windows-1252 (Excel's "CSV (Comma delimited)"). Save it as "CSV UTF-8" to be sure every character is read right`, { summary: true });
    const headText = decodeText(headBytes, encoding);
    const delimiter = sniffDelimiter(headText, input.name);
    const utf8 = utf8Stream(encoding, (line) => opts.warn(`${input.name}:${line}: invalid UTF-8; the bytes that are not were read as \uFFFD`, { summary: true }));
    // Lines are numbered as the parser reads, in step with the 'skip' events below, ahead of the loop that consumes.
    const lines = new CsvLines();
    const parser = parse(
      linedOptions(
        { bom: true, delimiter, max_record_size: MAX_RECORD_CHARS, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true },
        headText,
        lines,
      ),
    );
    // pipeline, not pipe: an error of the input (a truncated .csv.gz) must end the parser's iteration below with that
    // error, which is reported against this input, instead of being thrown unhandled from the source stream.
    pipeline(input.open(), utf8, parser, () => {});
    // csv-parse reports unreadable stretches (an unclosed quote) as 'skip' events; queue them to yield in order.
    const errors: { line: number; reason: string }[] = [];
    parser.on('skip', (e: Error & { lines?: number; code?: string }) => {
      const { from, to } = lines.skipped(e.lines);
      if (e.code === 'CSV_MAX_RECORD_SIZE') {
        // Only an unclosed quote makes a record this long, and it swallows the rest of the file: stop here rather
        // than hold the rest in memory.
        parser.destroy(new InputError(`a record longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB (a quote opened here is never closed?); the rest of the file was not read`, { file: input.name, line: from }));
        return;
      }
      const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote opened here is never closed' : e.message.split(':')[0];
      errors.push({ line: from, reason: `${what}; lines ${from}–${to} could not be read` });
    });
    let header: string[] | null = null;
    let cols: Map<string, number> | null = null;
    let own = new Map<OwnColumn, number>();
    let warnedNoId = false;
    // Rows shorter than the header, said once at the end of the input (a large sheet can have thousands).
    const short = { rows: 0, first: 0 };
    try {
      for await (const r of parser as AsyncIterable<LinedRecord>) {
        while (errors.length > 0) {
          const e = errors.shift()!;
          yield { type: 'skip', source: { file: input.name, line: e.line }, reason: e.reason, unreadable: true };
        }
        const line = r.line;
        if (header === null) {
          header = r.record.map((h) => h.trim());
          cols = mapColumns(header, opts.map, input.name);
          own = ownColumns(header);
          if (!cols.has('text'))
            throw new InputError(`${input.name}: no text column found; use --map text=COLUMN (the columns are: ${header.map((h) => JSON.stringify(h)).join(', ')})`);
          for (const m of duplicateColumns(header, [...cols, ...own], input.name)) opts.warn(m, { summary: true });
          continue;
        }
        const source = { file: input.name, line };
        // A longer row holds text in no column, unless its extra cells are empty (trailing separators): skipped.
        if (r.record.length > header.length && !r.record.slice(header.length).every((x) => x === '')) {
          yield { type: 'skip', source, reason: `row has ${r.record.length} fields, the header has ${header.length}`, unreadable: true };
          continue;
        }
        // A shorter row is what Excel writes when a row's last cells are empty (it leaves out their separators): the
        // missing cells are read as empty, below, and the row is read as any other. csv-parse passes it through as is
        // (relax_column_count); its relax_column_count_less would do no more, and would refuse the longer rows above.
        if (r.record.length < header.length && short.rows++ === 0) short.first = line;
        // Cells are read back through csvUnescape: netral's own CSVs neutralise formulas with a leading apostrophe.
        const obj: Record<string, unknown> = {};
        for (const [field, i] of cols!) {
          const v = r.record[i];
          if (v !== undefined && v !== '') obj[field] = csvUnescape(v);
        }
        for (const f of LIST_FIELDS) if (typeof obj[f] === 'string') obj[f] = readListCell(f, obj[f]);
        ownFields((c) => {
          const i = own.get(c);
          return i === undefined ? '' : csvUnescape(r.record[i] ?? '');
        }, obj);
        if (obj.id === undefined) {
          // A row without an id is known by what it says. Its line would give row 2 of January's sheet and row 2 of
          // February's the same id, so the same finding fingerprints: a decision on one would hide the other.
          obj.id = derivedId('csv', obj.platform as string, obj.author as string, obj.created_at as string, obj.text as string);
          // A sheet without an id column is the common case and needs no word; an empty cell in one is worth one.
          if (!warnedNoId && cols!.has('id')) {
            warnedNoId = true;
            opts.warn(`${input.name}:${line}: no id in this row; rows without one are identified by their account, time and text (${obj.id}, …)`, { summary: true });
          }
        }
        const b = recordToPost(obj, { source, listSplit: /[\s,;]+/, naiveZone: opts.timeZone });
        if ('skip' in b) yield { type: 'skip', source, reason: b.skip };
        else {
          if (b.warning) opts.warn(`${input.name}:${line}: ${b.warning}`);
          yield { type: 'post', post: b.post };
        }
      }
      while (errors.length > 0) {
        const e = errors.shift()!;
        yield { type: 'skip', source: { file: input.name, line: e.line }, reason: e.reason, unreadable: true };
      }
    } finally {
      // Also when the input ends in an error: the rows before it were read this way.
      if (short.rows > 0) opts.warn(shortRowsWarning(input.name, short.rows, short.first), { summary: true });
    }
    if (header === null) throw new InputError(`${input.name}: empty file (no header row)`);
  },
};
