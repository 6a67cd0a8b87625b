// The normalised post record as netral writes it (`netral convert`, `netral fetch`): JSON Lines with every key in a
// fixed order, or CSV that `netral scan` reads back into the same records. The schema is schema/post.schema.json,
// documented in docs/record.md.

import type { EmployeeRef, Post } from '../model.js';
import { writeListCell } from '../sources/list-cell.js';
import { csvHeader, csvOptions, csvRows, rosterCells, ROSTER_COLUMNS } from './csv.js';
import type { Output } from './output.js';
import { safeJson } from './sanitize.js';

export const POST_FORMATS = ['jsonl', 'csv'] as const;
export type PostFormat = (typeof POST_FORMATS)[number];

/** The record with its keys in documented order; `deleted` and `evidence_sha256` only when set. */
export function postRecord(p: Post): Record<string, unknown> {
  const r: Record<string, unknown> = {
    id: p.id,
    platform: p.platform,
    author: p.author,
    author_name: p.author_name,
    created_at: p.created_at,
    created_at_raw: p.created_at_raw,
    url: p.url,
    text: p.text,
    hashtags: p.hashtags,
    mentions: p.mentions,
    links: p.links,
    media_text: p.media_text,
    kind: p.kind,
    repost_of: p.repost_of,
    reply_to: p.reply_to,
    source: sourceRecord(p.source),
  };
  if (p.deleted) r.deleted = true;
  if (p.evidence_sha256) r.evidence_sha256 = p.evidence_sha256;
  return r;
}

// Only the documented keys, in order, whatever else an object passed as a SourceRef carries.
function sourceRecord(s: Post['source']): Post['source'] {
  return { file: s.file, ...(s.line !== undefined ? { line: s.line } : {}), ...(s.record !== undefined ? { record: s.record } : {}) };
}

/** CSV columns: the record's keys, with `source` spread over three columns and the optional keys always present. */
export const POST_CSV_COLUMNS = [
  'id',
  'platform',
  'author',
  'author_name',
  'created_at',
  'created_at_raw',
  'url',
  'text',
  'hashtags',
  'mentions',
  'links',
  'media_text',
  'kind',
  'repost_of',
  'reply_to',
  'source_file',
  'source_line',
  'source_record',
  'deleted',
  'evidence_sha256',
] as const;

/** One CSV row (cells not yet neutralised: csvRows does that). */
export function postCsvRow(p: Post): string[] {
  return [
    p.id,
    p.platform,
    p.author,
    p.author_name ?? '',
    p.created_at ?? '',
    p.created_at_raw ?? '',
    p.url ?? '',
    p.text,
    writeListCell('hashtags', p.hashtags),
    writeListCell('mentions', p.mentions),
    writeListCell('links', p.links),
    writeListCell('media_text', p.media_text),
    p.kind,
    p.repost_of ?? '',
    p.reply_to ?? '',
    p.source.file,
    p.source.line !== undefined ? String(p.source.line) : '',
    p.source.record !== undefined ? String(p.source.record) : '',
    p.deleted ? 'true' : '',
    p.evidence_sha256 ?? '',
  ];
}

/** Writes posts one at a time to an Output; `end()` completes the document (a CSV header even with no posts). */
export interface PostWriter {
  /** `employee` is given with a roster: the owner of the account, or null when the author is not in it. */
  write(post: Post, employee?: EmployeeRef | null): Promise<void> | void;
  end(): Promise<void> | void;
}

export function createPostWriter(format: PostFormat, out: Output, opts: { excel: boolean; roster?: boolean }): PostWriter {
  if (format === 'jsonl') {
    return {
      write: (p, e) => out.sink.write(`${safeJson(opts.roster ? { ...postRecord(p), employee: e ?? null } : postRecord(p))}\n`),
      end: () => {},
    };
  }
  const csv = csvOptions(opts.excel);
  const columns = opts.roster ? [...POST_CSV_COLUMNS, ...ROSTER_COLUMNS] : [...POST_CSV_COLUMNS];
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    return out.sink.write(csvHeader(columns, opts.excel));
  };
  return {
    write(p, e) {
      const row = postCsvRow(p);
      // With `--roster`: the employee columns after the record's own, as in the findings CSV.
      if (opts.roster) row.push(...rosterCells(e, opts.excel));
      const s = csvRows([row], csv, out.isTTY);
      const h = start();
      return h ? h.then(() => out.sink.write(s)) : out.sink.write(s);
    },
    end: () => start(),
  };
}
