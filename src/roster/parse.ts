// The roster CSV: one row per employee (nip, nama, unit_kerja, jabatan) and one column per platform holding that
// employee's handles, several separated by ";". Rosters come out of spreadsheets, so the parser expects their
// habits: a UTF-8 BOM, ";" as the column separator (Indonesian Excel), header spelling variants, NIPs written with
// spaces or turned into numbers like 1.99001E+17. Every problem names its line; a row with an error is left out of
// `rows` and listed in `errors`, so nothing is dropped silently.

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';

export const ROSTER_PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'mastodon', 'bluesky'] as const;
export type RosterPlatform = (typeof ROSTER_PLATFORMS)[number];

export interface RosterRow {
  /** Line in the file where the row starts (1-based; the header is line 1). */
  line: number;
  /** Digits only (spaces removed). */
  nip: string;
  nama: string;
  unit_kerja: string;
  jabatan: string;
  /** Handles per platform as written (trimmed, empty ones dropped, duplicates removed). */
  handles: Record<RosterPlatform, string[]>;
}

export interface RosterProblem {
  line: number;
  message: string;
}

export interface Roster {
  file: string;
  rows: RosterRow[];
  /** Rows left out, with the reason. */
  errors: RosterProblem[];
  /** Rows kept, but worth a look (an unusual NIP length, unknown columns). */
  warnings: RosterProblem[];
}

type Field = 'nip' | 'nama' | 'unit_kerja' | 'jabatan' | RosterPlatform;

// Header spellings seen in hand-made rosters, after lower-casing and turning spaces/dashes into "_".
const ALIASES: Record<string, Field> = {
  nip: 'nip',
  nip_baru: 'nip',
  nama: 'nama',
  nama_lengkap: 'nama',
  name: 'nama',
  unit_kerja: 'unit_kerja',
  unit: 'unit_kerja',
  unitkerja: 'unit_kerja',
  opd: 'unit_kerja',
  jabatan: 'jabatan',
  position: 'jabatan',
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
  x: 'x',
  twitter: 'x',
  x_twitter: 'x',
  tiktok: 'tiktok',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  bsky: 'bluesky',
};

const REQUIRED: Field[] = ['nip', 'nama'];
const NIP_LENGTH = 18;

function headerKey(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s\-/]+/g, '_');
}

/** The column separator: whichever of , ; tab occurs most in the header line. */
function detectDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const first = nl === -1 ? text : text.slice(0, nl);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const n = first.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits a handle cell: several handles are separated by ";" (or line breaks inside the cell). */
export function splitHandles(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[;\n]/)) {
    const h = part.trim();
    if (h !== '' && h !== '-' && !out.includes(h)) out.push(h);
  }
  return out;
}

function checkNip(raw: string): { nip: string } | { error: string } {
  const v = raw.trim();
  if (v === '') return { error: 'NIP is empty' };
  if (/^\d+([.,]\d+)?E\+?\d+$/i.test(v)) return { error: `NIP "${v}" was turned into a number by a spreadsheet; format the column as text and type the NIP again` };
  const digits = v.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(digits)) return { error: `NIP "${v}" must be digits` };
  return { nip: digits };
}

/** Parses roster CSV text. Throws InputError when the file as a whole is unusable (no header, no NIP column…). */
export function parseRoster(content: string | Buffer, file: string): Roster {
  const text = (Buffer.isBuffer(content) ? content.toString('utf8') : content).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InputError(`${file}: the roster is empty`);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`${file}${err.lines ? `:${err.lines}` : ''}: not a readable CSV: ${err.message.replace(/^Invalid Record Length: |^CsvError: /, '')}`);
  }
  const [header, ...body] = records;
  const columns = new Map<number, Field>();
  const warnings: RosterProblem[] = [];
  const unknown: string[] = [];
  header.record.forEach((h, i) => {
    const f = ALIASES[headerKey(h)];
    if (!f) {
      if (h.trim() !== '') unknown.push(h.trim());
      return;
    }
    if ([...columns.values()].includes(f)) throw new InputError(`${file}:1: column "${f}" appears twice in the header`);
    columns.set(i, f);
  });
  const present = new Set(columns.values());
  const missing = REQUIRED.filter((f) => !present.has(f));
  if (missing.length > 0)
    throw new InputError(`${file}:1: the header has no ${missing.join(' or ')} column (expected: nip, nama, unit_kerja, jabatan, ${ROSTER_PLATFORMS.join(', ')})`);
  if (!ROSTER_PLATFORMS.some((p) => present.has(p))) throw new InputError(`${file}:1: the header has no platform column (${ROSTER_PLATFORMS.join(', ')})`);
  if (unknown.length > 0) warnings.push({ line: 1, message: `columns not used: ${unknown.join(', ')}` });

  const rows: RosterRow[] = [];
  const errors: RosterProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    // info.lines is where the record ends; a quoted cell with line breaks starts earlier.
    const line = info.lines - record.reduce((n, c) => n + (c.split('\n').length - 1), 0);
    if (record.every((c) => c.trim() === '')) continue;
    const cell: Partial<Record<Field, string>> = {};
    for (const [i, f] of columns) cell[f] = record[i] ?? '';
    const nip = checkNip(cell.nip ?? '');
    if ('error' in nip) {
      errors.push({ line, message: nip.error });
      continue;
    }
    const first = seen.get(nip.nip);
    if (first !== undefined) {
      errors.push({ line, message: `NIP ${nip.nip} is already on line ${first}` });
      continue;
    }
    seen.set(nip.nip, line);
    const nama = (cell.nama ?? '').trim();
    if (nama === '') {
      errors.push({ line, message: `NIP ${nip.nip} has no nama` });
      continue;
    }
    if (nip.nip.length !== NIP_LENGTH) warnings.push({ line, message: `NIP ${nip.nip} has ${nip.nip.length} digits, not ${NIP_LENGTH}` });
    const handles = Object.fromEntries(ROSTER_PLATFORMS.map((p) => [p, splitHandles(cell[p] ?? '')])) as Record<RosterPlatform, string[]>;
    rows.push({ line, nip: nip.nip, nama, unit_kerja: (cell.unit_kerja ?? '').trim(), jabatan: (cell.jabatan ?? '').trim(), handles });
  }
  return { file, rows, errors, warnings };
}

/** Reads and parses a roster file. */
export async function readRoster(file: string): Promise<Roster> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read the roster: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message}`);
  }
  return parseRoster(buf, file);
}
