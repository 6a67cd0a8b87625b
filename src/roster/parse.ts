// The roster: a spreadsheet of employees (one row each) with their accounts, as an inspectorate keeps it. Used by
// `scan --roster` to put a name to each finding, and by `fetch --roster` to know which accounts to collect.
// Every problem names its line; problems that would attribute a post to the wrong person (a duplicate NIP, a
// handle claimed by two employees) are errors, the rest warnings.

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { CsvLines, linedOptions, type LinedRecord } from '../sources/csv-lines.js';
import { sniffDelimiter } from '../sources/formats/generic-csv.js';
import { decodeText, sniffEncoding } from '../sources/encoding.js';
import { HEAD_BYTES } from '../sources/head.js';
import { SAVE_AS_CSV, legacyOfficeDocument, officeError } from '../sources/office.js';
import { containerOf } from '../sources/archive/sniff.js';
import { FileError, InputError, describeFsError } from '../errors.js';
import { ROSTER_PLATFORMS, normaliseHandle, type RosterPlatform } from './handles.js';

export interface Employee {
  /** 18 digits, spaces removed. */
  nip: string;
  nama: string;
  unit_kerja: string;
  jabatan: string;
  /** Normalised handles (lowercase, no @) per platform. */
  handles: Record<RosterPlatform, string[]>;
  /** The roster line the employee's row starts on. */
  line: number;
}

export interface RosterProblem {
  file: string;
  line: number;
  level: 'error' | 'warning';
  message: string;
}

export interface Roster {
  file: string;
  employees: Employee[];
  problems: RosterProblem[];
}

const MAX_ROSTER_BYTES = 32 * 1024 * 1024;

const COLUMNS: Record<string, string[]> = {
  nip: ['nip', 'nipbaru', 'nomorindukpegawai'],
  nama: ['nama', 'namalengkap', 'namapegawai', 'name'],
  unit_kerja: ['unitkerja', 'unit', 'satuankerja', 'satker', 'opd', 'instansi', 'perangkatdaerah'],
  jabatan: ['jabatan', 'position'],
  facebook: ['facebook', 'fb'],
  instagram: ['instagram', 'ig'],
  x: ['x', 'twitter', 'xtwitter'],
  tiktok: ['tiktok'],
  mastodon: ['mastodon'],
  bluesky: ['bluesky', 'bsky'],
};

const norm = (h: string) => h.toLowerCase().replace(/[\s_.\-/()]+/g, '');

/** Text of a roster file: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 as Excel's plain "CSV" saves it. */
function decode(buf: Buffer, file: string, problems: RosterProblem[]): string {
  const encoding = sniffEncoding(buf, true);
  if (encoding === 'windows-1252') problems.push({ file, line: 1, level: 'warning', message: 'the file is not UTF-8; read as Windows-1252 (Excel\'s "CSV" format). Save it as "CSV UTF-8" to be sure names are read right' });
  return decodeText(buf, encoding);
}

/** Why a roster file is a workbook rather than CSV (HR keeps rosters in Excel), or null. */
function notCsv(buf: Buffer): string | null {
  const legacy = legacyOfficeDocument(buf);
  if (legacy) return officeError(legacy);
  return containerOf(buf) === 'zip' ? `a zip archive (an .xlsx or .ods workbook?), not CSV: ${SAVE_AS_CSV}` : null;
}

/** A NIP as written (spaces between its groups, Excel's leading apostrophe) → 18 digits, or why not. */
function readNip(raw: string): { nip: string } | { error: string } {
  const s = raw.trim().replace(/^'/, '').replace(/[\s.]/g, '');
  if (s === '') return { error: 'no NIP' };
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(raw.trim().replace(/\s/g, ''))) {
    return { error: `NIP "${raw.trim()}" was shortened by a spreadsheet into a number; format the column as Text and type the 18 digits again` };
  }
  if (!/^\d{18}$/.test(s)) return { error: `NIP "${raw.trim()}" must be 18 digits (it has ${s.replace(/\D/g, '').length} digit${s.replace(/\D/g, '').length === 1 ? '' : 's'}${/\D/.test(s) ? ' and other characters' : ''})` };
  return { nip: s };
}

/**
 * A NIP in its printed grouping (birth date, appointment month, sex, number): 19850101 201001 1 001. Spreadsheets
 * keep it as text this way; 18 bare digits become a number rounded to 15 digits.
 */
export function groupNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

/** Parses roster text. Never throws for content problems: they are returned with their line numbers. */
export function parseRoster(input: string | Buffer, file: string): Roster {
  const problems: RosterProblem[] = [];
  const err = (line: number, message: string) => problems.push({ file, line, level: 'error', message });
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const workbook = notCsv(input);
    if (workbook !== null) {
      err(1, workbook);
      return { file, employees: [], problems };
    }
    text = decode(input, file, problems);
  }
  const warn = (line: number, message: string) => problems.push({ file, line, level: 'warning', message });

  let rows: LinedRecord[];
  const lines = new CsvLines();
  try {
    const head = text.slice(0, HEAD_BYTES);
    rows = parse(text, linedOptions({ bom: true, delimiter: sniffDelimiter(head, file), relax_column_count: true, skip_empty_lines: true }, head, lines)) as unknown as LinedRecord[];
  } catch (e) {
    err(lines.skipped((e as { lines?: number }).lines).to, `cannot read the CSV: ${(e as Error).message.replace(/^Invalid Record Length: |^.*?: /, '')}`);
    return { file, employees: [], problems };
  }
  if (rows.length === 0) {
    err(1, 'empty roster (no header row)');
    return { file, employees: [], problems };
  }

  const header = rows[0].record.map((h) => h.trim());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const n = norm(h);
    const field = Object.keys(COLUMNS).find((f) => COLUMNS[f].includes(n));
    if (!field) warn(1, `column "${h}" is not a roster column and is ignored (columns: nip, nama, unit_kerja, jabatan, ${ROSTER_PLATFORMS.join(', ')})`);
    else if (col.has(field)) warn(1, `column "${h}" repeats the ${field} column and is ignored`);
    else col.set(field, i);
  });
  for (const required of ['nip', 'nama']) if (!col.has(required)) err(1, `no "${required}" column (the columns are: ${header.map((h) => JSON.stringify(h)).join(', ')})`);
  const platformCols = ROSTER_PLATFORMS.filter((p) => col.has(p));
  if (platformCols.length === 0) err(1, `no account column: add one or more of ${ROSTER_PLATFORMS.join(', ')}`);
  if (problems.some((p) => p.level === 'error')) return { file, employees: [], problems };

  const employees: Employee[] = [];
  const byNip = new Map<string, Employee>();
  const byHandle = new Map<string, Employee>();
  const cell = (r: string[], f: string) => (col.has(f) ? (r[col.get(f)!] ?? '').trim() : '');
  for (const row of rows.slice(1)) {
    const line = row.line;
    const r = row.record;
    if (r.every((c) => c.trim() === '')) continue;
    const nip = readNip(cell(r, 'nip'));
    const nama = cell(r, 'nama');
    let ok = true;
    if ('error' in nip) {
      err(line, nip.error);
      ok = false;
    }
    if (nama === '') {
      err(line, 'no nama (name)');
      ok = false;
    }
    if ('nip' in nip) {
      const prev = byNip.get(nip.nip);
      if (prev) {
        err(line, `NIP ${nip.nip} is already used on line ${prev.line} (${prev.nama})`);
        ok = false;
      }
    }
    const handles = Object.fromEntries(ROSTER_PLATFORMS.map((p) => [p, [] as string[]])) as Record<RosterPlatform, string[]>;
    for (const p of platformCols) {
      for (const raw of cell(r, p).split(/[;\n]/)) {
        if (raw.trim() === '') continue;
        const h = normaliseHandle(p, raw);
        if ('error' in h) {
          err(line, `${p}: ${h.error}`);
          ok = false;
          continue;
        }
        if (handles[p].includes(h.handle)) {
          warn(line, `${p} account ${h.handle} is listed twice for this employee`);
          continue;
        }
        const owner = byHandle.get(`${p}\u0000${h.handle}`);
        if (owner) {
          err(line, `${p} account ${h.handle} is already listed for ${owner.nama} (NIP ${owner.nip}, line ${owner.line}); one account can belong to one employee only`);
          ok = false;
          continue;
        }
        handles[p].push(h.handle);
      }
    }
    if (!ok || !('nip' in nip)) continue;
    const e: Employee = { nip: nip.nip, nama, unit_kerja: cell(r, 'unit_kerja'), jabatan: cell(r, 'jabatan'), handles, line };
    byNip.set(e.nip, e);
    for (const p of platformCols) for (const h of handles[p]) byHandle.set(`${p}\u0000${h}`, e);
    if (platformCols.every((p) => handles[p].length === 0)) warn(line, `${nama} has no account listed; no post can be matched to this employee`);
    employees.push(e);
  }
  if (employees.length === 0 && !problems.some((p) => p.level === 'error')) err(1, 'the roster lists no employees');
  return { file, employees, problems };
}

/**
 * The roster for attributing posts: errors (a duplicate NIP, a handle claimed twice …) stop the run before any post
 * is read, with every problem and its line; warnings are passed on. `what` completes "nothing was …".
 */
export async function readRosterForAttribution(file: string, warn: (file: string, message: string) => void, what: string): Promise<Roster> {
  const roster = await readRoster(file);
  const errors = roster.problems.filter((p) => p.level === 'error');
  if (errors.length > 0) {
    const problems = roster.problems.map((p) => ({ file: p.file, line: p.line, col: 0, message: p.level === 'warning' ? `warning: ${p.message}` : p.message }));
    throw new FileError(`${file}: the roster has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; nothing was ${what}`, problems);
  }
  for (const p of roster.problems) warn(p.file, `${p.file}:${p.line}: roster: ${p.message}`);
  return roster;
}

/** Reads and parses a roster file; only an unreadable file throws (InputError). */
export async function readRoster(file: string): Promise<Roster> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    throw new InputError(`${file}: cannot read the roster: ${describeFsError(e)}`);
  }
  if (buf.length > MAX_ROSTER_BYTES) throw new InputError(`${file}: the roster is larger than ${MAX_ROSTER_BYTES / 1024 / 1024} MB`);
  return parseRoster(buf, file);
}
