// `netral inspect`: what netral makes of the inputs, without scanning them — the detected format of each input,
// how many records it holds (posts by kind and platform, skipped ones by reason), the date range and the authors.
// For checking a download before an audit: is this the right account, the right period, the whole of it?

import { UsageError } from '../errors.js';
import type { InputCounts, Post, PostKind } from '../model.js';
import { POST_KINDS } from '../model.js';
import { INSPECT_MESSAGES, inputFailure, langFromEnv, type Lang } from '../report/i18n.js';
import { inputErrorRecord } from '../report/json.js';
import { stdoutOutput } from '../report/output.js';
import { safeJson, terminalLine } from '../report/sanitize.js';
import { sourceText } from '../report/record.js';
import { formatInZone } from '../sources/time.js';
import type { Io } from './io.js';
import { ignoredList, inputError, openInputs } from './inputs.js';

export interface InspectOptions {
  format: string;
  map?: Record<string, string>;
  from?: string;
  tz: string;
  includePrivate: boolean;
  lang?: Lang;
  quiet: boolean;
}

interface Author {
  platform: string;
  author: string;
  author_name: string | null;
  posts: number;
}

interface Stats {
  posts: number;
  kinds: Record<PostKind, number>;
  platforms: Map<string, number>;
  deleted: number;
  undated: number;
  first: string | null;
  last: string | null;
  authors: Map<string, Author>;
  skips: Map<string, { count: number; first: string }>;
}

function emptyStats(): Stats {
  return {
    posts: 0,
    kinds: Object.fromEntries(POST_KINDS.map((k) => [k, 0])) as Record<PostKind, number>,
    platforms: new Map(),
    deleted: 0,
    undated: 0,
    first: null,
    last: null,
    authors: new Map(),
    skips: new Map(),
  };
}

function addPost(s: Stats, p: Post): void {
  s.posts++;
  s.kinds[p.kind]++;
  s.platforms.set(p.platform, (s.platforms.get(p.platform) ?? 0) + 1);
  if (p.deleted) s.deleted++;
  if (p.created_at === null) s.undated++;
  else {
    if (s.first === null || p.created_at < s.first) s.first = p.created_at;
    if (s.last === null || p.created_at > s.last) s.last = p.created_at;
  }
  const key = `${p.platform}\u0000${p.author.toLowerCase()}`;
  const a = s.authors.get(key);
  if (a) {
    a.posts++;
    a.author_name ??= p.author_name;
  } else s.authors.set(key, { platform: p.platform, author: p.author, author_name: p.author_name, posts: 1 });
}

function addSkip(s: Stats, reason: string, where: string): void {
  const r = s.skips.get(reason);
  if (r) r.count++;
  else s.skips.set(reason, { count: 1, first: where });
}

function merge(into: Stats, s: Stats): void {
  into.posts += s.posts;
  for (const k of POST_KINDS) into.kinds[k] += s.kinds[k];
  for (const [p, n] of s.platforms) into.platforms.set(p, (into.platforms.get(p) ?? 0) + n);
  into.deleted += s.deleted;
  into.undated += s.undated;
  if (s.first !== null && (into.first === null || s.first < into.first)) into.first = s.first;
  if (s.last !== null && (into.last === null || s.last > into.last)) into.last = s.last;
  for (const [k, a] of s.authors) {
    const b = into.authors.get(k);
    if (b) b.posts += a.posts;
    else into.authors.set(k, { ...a });
  }
  for (const [r, x] of s.skips) {
    const y = into.skips.get(r);
    if (y) y.count += x.count;
    else into.skips.set(r, { ...x });
  }
}

const byCount = <T extends { posts: number }>(m: Map<string, T>) => [...m.values()].sort((a, b) => b.posts - a.posts);

function statsRecord(s: Stats): Record<string, unknown> {
  return {
    posts: s.posts,
    kinds: s.kinds,
    platforms: Object.fromEntries([...s.platforms].sort((a, b) => b[1] - a[1])),
    deleted: s.deleted,
    first_created_at: s.first,
    last_created_at: s.last,
    undated: s.undated,
    // Authors are per platform: the same handle on two platforms is two accounts.
    authors: byCount(s.authors).map((a) => ({ platform: a.platform, author: a.author, author_name: a.author_name, posts: a.posts })),
    skip_reasons: [...s.skips].sort((a, b) => b[1].count - a[1].count).map(([reason, x]) => ({ reason, count: x.count, first: x.first })),
  };
}

const AUTHORS_SHOWN = 10;
const REASONS_SHOWN = 8;

function textBlock(title: string, c: InputCounts | null, s: Stats, lang: Lang, tz: string): string[] {
  const w = INSPECT_MESSAGES[lang];
  const t = terminalLine;
  const lines = [t(title)];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(10)} ${value}`);
  if (c?.error) row(w.failed, t(inputFailure(c, lang)));
  if (c?.format) row(w.format, c.format);
  const read = c ? c.read : s.posts + [...s.skips.values()].reduce((n, x) => n + x.count, 0);
  const skipped = c ? c.skipped : [...s.skips.values()].reduce((n, x) => n + x.count, 0);
  row(w.recordsLabel, w.records(read, s.posts, skipped));
  if (s.posts > 0) {
    row(w.kinds, POST_KINDS.filter((k) => s.kinds[k] > 0).map((k) => `${k} ${s.kinds[k]}`).join(', '));
    row(w.platforms, [...s.platforms].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${t(p)} ${n}`).join(', '));
    if (s.deleted > 0) row(w.deleted, String(s.deleted));
    const range = s.first && s.last ? `${formatInZone(s.first, tz)} – ${formatInZone(s.last, tz)}` : w.none;
    row(w.dates, `${range}${s.undated > 0 ? ` (${w.undated(s.undated)})` : ''}`);
    const authors = byCount(s.authors);
    const several = s.platforms.size > 1;
    const shown = authors.slice(0, AUTHORS_SHOWN).map((a) => `${a.author ? `@${t(a.author)}` : w.unknown}${a.author_name ? ` (${t(a.author_name)})` : ''}${several ? ` [${t(a.platform)}]` : ''} ${a.posts}`);
    row(w.authors, shown.join(', ') + (authors.length > AUTHORS_SHOWN ? ` ${w.more(authors.length - AUTHORS_SHOWN)}` : ''));
  }
  const reasons = [...s.skips].sort((a, b) => b[1].count - a[1].count);
  for (const [i, [reason, x]] of reasons.slice(0, REASONS_SHOWN).entries()) row(i === 0 ? w.skipped : '', `${x.count} × ${t(reason)} (${w.firstAt} ${t(x.first)})`);
  if (reasons.length > REASONS_SHOWN) row('', w.more(reasons.length - REASONS_SHOWN));
  return lines;
}

export async function inspectCommand(inputs: string[], o: InspectOptions, io: Io): Promise<number> {
  if (o.format !== 'text' && o.format !== 'json') throw new UsageError('--format must be one of text, json');
  const { set, warnings } = openInputs(inputs, o, io, 'inspect');
  const per = new Map<InputCounts, Stats>();
  for await (const { counts, item } of set.items()) {
    let s = per.get(counts);
    if (!s) per.set(counts, (s = emptyStats()));
    if (item.type === 'post') addPost(s, item.post);
    else addSkip(s, item.reason, sourceText(item.source));
  }
  warnings.flush();
  const total = emptyStats();
  const rows = set.counts.map((c) => {
    const s = per.get(c) ?? emptyStats();
    merge(total, s);
    return { c, s };
  });
  const out = stdoutOutput(io.stdout, io.stdoutIsTTY);
  if (o.format === 'json') {
    const doc = {
      inputs: rows.map(({ c, s }) => ({ input: c.input, format: c.format || null, read: c.read, skipped: c.skipped, ...inputErrorRecord(c), ...statsRecord(s) })),
      total: { inputs: rows.length, read: rows.reduce((n, r) => n + r.c.read, 0), skipped: rows.reduce((n, r) => n + r.c.skipped, 0), ...statsRecord(total) },
      ...(set.ignored.length > 0 ? { ignored: set.ignored } : {}),
    };
    await out.sink.write(`${safeJson(doc, 2)}\n`);
  } else {
    const lang = o.lang ?? langFromEnv(io.env);
    const w = INSPECT_MESSAGES[lang];
    const blocks = rows.map(({ c, s }) => textBlock(c.input, c, s, lang, o.tz));
    if (rows.length > 1) blocks.push(textBlock(w.total(rows.length), null, total, lang, o.tz));
    if (set.ignored.length > 0) blocks.push([`${w.ignored(set.ignored.length)}: ${ignoredList(set.ignored)}`]);
    await out.sink.write(blocks.map((b) => b.join('\n')).join('\n\n') + '\n');
  }
  await out.commit();
  for (const f of set.failed) io.stderr.write(`netral: error: ${terminalLine(inputError(f))}\n`);
  return set.failed.length > 0 ? 2 : 0;
}
