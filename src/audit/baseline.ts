// The baseline: findings already seen, and the analysts' decision on each. One YAML file that a person edits in a
// text editor: per finding a fingerprint, a decision (open, confirmed, dismissed), a note, a date and a name, and
// under `details` what the finding is about (who, where, when, which words) so they know what they decide on.
// netral rewrites only `details`, the `post` key (which post the finding is on), empty dates of decided findings,
// and new entries at the end; the document is edited in place, so the analysts' comments and layout survive.
// A decision whose post this run scanned but whose fingerprint no finding matched is a *stale decision* (a rule
// renamed or changed since): the run says so, and findings on that post not yet decided on carry it (see `scanned`).

import { readFile } from 'node:fs/promises';
import { Document, LineCounter, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { FileError, InputError, describeFsError, type Problem } from '../errors.js';
import type { CandidateNames } from '../report/candidates.js';
import type { EarlierDecision, Finding, Post, Review } from '../model.js';
import { fingerprint as fingerprintOf, postKey } from '../engine/fingerprint.js';
import { Ctx, fields, readYaml, str } from '../rules/parse.js';
import { MESSAGES, type Lang } from '../report/i18n.js';
import { terminalLine } from '../report/sanitize.js';
import { sourceText } from '../report/record.js';
import { formatInZone } from '../sources/time.js';
import { writeFileAtomic } from '../report/output.js';

export const DECISIONS = ['open', 'confirmed', 'dismissed'] as const;
export type Decision = (typeof DECISIONS)[number];

const MAX_BASELINE_BYTES = 256 * 1024 * 1024;
const FINGERPRINT = /^[0-9a-f]{24}$/;
const POST_KEY = /^[0-9a-f]{16}$/;

/** Key and value words per language; a file may use either (or both), new entries follow the file. */
const WORDS = {
  en: {
    root: 'findings',
    fingerprint: 'fingerprint',
    decision: 'decision',
    note: 'note',
    date: 'date',
    by: 'by',
    first_seen: 'first_seen',
    post: 'post',
    details: 'details',
    decisions: { open: 'open', confirmed: 'confirmed', dismissed: 'dismissed' } as Record<Decision, string>,
    d: { employee: 'employee', account: 'account', posted: 'posted', url: 'url', source: 'source', rule: 'rule', severity: 'severity', category: 'category', candidate: 'candidate', verdict: 'verdict', matched: 'matched', excerpt: 'excerpt' },
    notInRoster: '(not in the roster)',
  },
  id: {
    root: 'temuan',
    fingerprint: 'sidik_jari',
    decision: 'keputusan',
    note: 'catatan',
    date: 'tanggal',
    by: 'oleh',
    first_seen: 'pertama_terlihat',
    post: 'unggahan',
    details: 'rincian',
    decisions: { open: 'terbuka', confirmed: 'dikonfirmasi', dismissed: 'diabaikan' } as Record<Decision, string>,
    d: { employee: 'pegawai', account: 'akun', posted: 'waktu', url: 'tautan', source: 'sumber', rule: 'aturan', severity: 'tingkat', category: 'kategori', candidate: 'paslon', verdict: 'putusan', matched: 'cocok', excerpt: 'kutipan' },
    notInRoster: '(tidak ada di daftar pegawai)',
  },
};
type EntryKey = 'fingerprint' | 'decision' | 'note' | 'date' | 'by' | 'first_seen' | 'post' | 'details';
const ENTRY_KEYS: EntryKey[] = ['fingerprint', 'decision', 'note', 'date', 'by', 'first_seen', 'post', 'details'];

function decisionOf(word: string): Decision | null {
  const w = word.trim().toLowerCase();
  if (w === '') return 'open';
  for (const lang of ['en', 'id'] as const) for (const d of DECISIONS) if (WORDS[lang].decisions[d] === w) return d;
  return null;
}

/** YYYY-MM-DD from the forms people type: 2024-02-01, 1/2/2024, 01-02-2024 (day first, as in Indonesia). */
/** Written as a day, whether or not the calendar has it. */
const DAY_SHAPE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/;

export function readDay(s: string): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

const HEADER = `netral baseline: findings already seen, and the analysts' decision on each.
Daftar temuan yang sudah diketahui, beserta keputusan analis.

For each finding you may change / Untuk setiap temuan Anda boleh mengubah:
  decision / keputusan:  open | confirmed | dismissed   (terbuka | dikonfirmasi | diabaikan)
  note / catatan:        why / alasan keputusan
  date / tanggal:        the day you decided, YYYY-MM-DD (if left empty, netral writes the day it first sees
                         the decision / jika kosong, netral mengisi tanggal saat keputusan pertama terbaca)
  by / oleh:             your name / nama Anda
"details" / "rincian" is written by netral from the post so you can see what you decide on; changes there are
overwritten; so is "post" / "unggahan" (which post it is). Do not change the fingerprint / sidik_jari. Add notes as
lines starting with #.
Dismissed findings are never reported again; open and confirmed ones are not reported as new.
Temuan yang diabaikan tidak dilaporkan lagi; yang terbuka dan dikonfirmasi tidak dilaporkan sebagai temuan baru.`;

export interface BaselineEntry {
  fingerprint: string;
  decision: Decision;
  note: string;
  /** YYYY-MM-DD, or null when not given. */
  date: string | null;
  by: string | null;
  /** The post the finding is on (postKey), or null in entries written before netral kept it. */
  post: string | null;
  line: number;
  node: YAMLMap;
  /** This run: the post was scanned (named for the stale-decision warning), and a finding had this fingerprint. */
  scannedAs?: string;
  matched?: boolean;
  /** This run found the entry's post key (it was missing or wrong): to carry over if the file changed meanwhile. */
  postFilled?: boolean;
}

/** A decision on a post this run scanned that no finding of the run matched. */
export interface StaleDecision {
  entry: BaselineEntry & { decision: 'confirmed' | 'dismissed' };
  /** The post as this run read it: platform, account, and its link or id. */
  post: string;
  /** The rule the decision was made on, from the entry's details. */
  ruleId: string | null;
}

type Decided = BaselineEntry & { decision: 'confirmed' | 'dismissed' };
const isDecided = (e: BaselineEntry): e is Decided => e.decision !== 'open';

export interface DisplayOptions {
  lang: Lang;
  timeZone: string;
  /** YYYY-MM-DD in the report zone: first_seen of new entries, and the date of decisions that lack one. */
  today: string;
  /** Who each candidate id is, to name the pair beside its id in the details. */
  candidates?: CandidateNames;
}

export class Baseline {
  readonly entries = new Map<string, BaselineEntry>();
  private readonly pending: { finding: Finding; details: Record<string, string> }[] = [];
  private readonly pendingPrints = new Set<string>();
  private readonly seq: YAMLSeq;
  /** Decided entries by the post they are on. */
  private readonly byPost = new Map<string, Decided[]>();
  /**
   * Decided entries without their post (files written before netral kept it), per account: the rule and candidate
   * of each, so that a post of that account this run scans can be tested against their fingerprints.
   */
  private readonly legacy = new Map<string, Map<string, [rule: string, candidate: string | null]>>();

  /** The text the baseline was read from (null for a new one), to notice edits made while a run was going. */
  private source: string | null = null;

  private constructor(
    readonly file: string,
    private readonly doc: Document,
    /** The language of the file's keys, which new entries follow. */
    readonly lang: Lang,
  ) {
    const root = doc.contents as YAMLMap;
    let seq = root.get(WORDS[lang].root, true) as unknown;
    if (!isSeq(seq)) {
      seq = new YAMLSeq();
      root.set(WORDS[lang].root, seq);
    }
    this.seq = seq as YAMLSeq;
    this.seq.flow = false;
  }

  /** A new, empty baseline (not yet written). */
  static empty(file: string, lang: Lang): Baseline {
    const doc = new Document({ netral_baseline: 1, [WORDS[lang].root]: [] });
    doc.commentBefore = HEADER.split('\n').map((l) => (l ? ` ${l}` : '')).join('\n');
    return new Baseline(file, doc, lang);
  }

  /** Parses baseline text; every problem is reported with its line before anything runs. */
  static parse(text: string, file: string): Baseline {
    const ctx = new Ctx(file, new LineCounter());
    const doc = readYaml(ctx, text);
    if (!doc) throw new FileError(`${file}: the baseline cannot be read`, ctx.problems);
    const root = doc.contents as Node | null;
    const f = fields(ctx, root, ['netral_baseline', WORDS.en.root, WORDS.id.root], 'baseline');
    if (!f || !f.has('netral_baseline')) {
      if (f) ctx.fail(root, 'not a netral baseline file (it has no "netral_baseline: 1" line)');
      throw new FileError(`${file}: the baseline cannot be read`, ctx.problems);
    }
    const version = f.get('netral_baseline');
    if (!isScalar(version) || version.value !== 1) ctx.fail(version, 'netral_baseline must be 1 (a newer netral wrote this file?)');
    const lang: Lang = f.has(WORDS.id.root) && !f.has(WORDS.en.root) ? 'id' : 'en';
    if (f.has(WORDS.id.root) && f.has(WORDS.en.root)) ctx.fail(root, `use one list: ${WORDS.en.root} or ${WORDS.id.root}`);
    const list = f.get(WORDS[lang].root);
    const b = new Baseline(file, doc, lang);
    if (list !== undefined && list !== null && !isSeq(list)) ctx.fail(list, `${WORDS[lang].root} must be a list of findings (lines starting with "- ")`);
    else if (isSeq(list)) for (const item of list.items as Node[]) b.readEntry(ctx, item);
    if (ctx.problems.length > 0) throw new FileError(`${file}: the baseline has ${ctx.problems.length === 1 ? 'a mistake' : `${ctx.problems.length} mistakes`}; nothing was run`, ctx.problems);
    b.source = text;
    for (const e of b.entries.values()) if (isDecided(e)) b.indexDecided(e);
    return b;
  }

  private readEntry(ctx: Ctx, node: Node): void {
    const allowed = ENTRY_KEYS.flatMap((k) => [WORDS.en[k], WORDS.id[k]]);
    const f = fields(ctx, node, allowed, 'finding');
    if (!f) return;
    const get = (k: EntryKey) => f.get(WORDS.en[k]) ?? f.get(WORDS.id[k]);
    const has = (k: EntryKey) => f.has(WORDS.en[k]) || f.has(WORDS.id[k]);
    const line = ctx.pos(node).line;
    const fp = str(ctx, get('fingerprint'), 'fingerprint', false);
    if (!has('fingerprint') || !fp) {
      ctx.fail(node, 'a finding needs its fingerprint (sidik_jari)');
      return;
    }
    if (!FINGERPRINT.test(fp)) {
      ctx.fail(get('fingerprint'), `fingerprint "${fp}" is not one netral wrote (24 characters 0-9 a-f)`);
      return;
    }
    const word = str(ctx, get('decision'), 'decision', false) ?? '';
    const decision = decisionOf(word);
    if (decision === null) {
      ctx.fail(get('decision'), `decision "${word}" must be one of open, confirmed, dismissed (or terbuka, dikonfirmasi, diabaikan)`);
      return;
    }
    const dateText = str(ctx, get('date'), 'date', false) ?? '';
    const date = dateText === '' ? null : readDay(dateText);
    if (dateText !== '' && date === null)
      ctx.fail(
        get('date'),
        DAY_SHAPE.test(dateText.trim())
          ? `date "${dateText}": there is no such day (day first: DD/MM/YYYY, or YYYY-MM-DD)`
          : `date "${dateText}" must be a day written YYYY-MM-DD (or DD/MM/YYYY)`,
      );
    // netral's own value: one that is missing or damaged is worked out again (see `scanned`), not a mistake to stop on.
    const postNode = get('post');
    const post = isScalar(postNode) && typeof postNode.value === 'string' && POST_KEY.test(postNode.value.trim()) ? postNode.value.trim() : null;
    const prev = this.entries.get(fp);
    if (prev) {
      ctx.fail(node, `fingerprint ${fp} is already listed on line ${prev.line}; keep one entry per finding`);
      return;
    }
    this.entries.set(fp, {
      fingerprint: fp,
      decision,
      note: str(ctx, get('note'), 'note', false) ?? '',
      date,
      by: str(ctx, get('by'), 'by', false) || null,
      post,
      line,
      node: node as YAMLMap,
    });
  }

  private indexDecided(e: Decided): void {
    if (e.post !== null) {
      const list = this.byPost.get(e.post);
      if (list) list.push(e);
      else this.byPost.set(e.post, [e]);
      return;
    }
    // The details name the account, rule and candidate the fingerprint was made of (see displayDetails).
    const account = /^(\S+) @(\S+)/.exec(detail(e, 'account') ?? '');
    const rule = ruleIdOf(e);
    if (!account || rule === null) return;
    const candidate = detail(e, 'candidate')?.split(/\s/)[0] || null;
    const key = accountKey(account[1], account[2]);
    let combos = this.legacy.get(key);
    if (!combos) this.legacy.set(key, (combos = new Map()));
    combos.set(`${rule}\u0000${candidate ?? ''}`, [rule, candidate]);
  }

  /** Writes the entry's post key in place: where it is, else before the details (netral's part of the entry). */
  private setPost(e: BaselineEntry, key: string): void {
    if (e.post === key) return;
    if (isDecided(e) && e.post !== null) {
      const list = this.byPost.get(e.post)!;
      list.splice(list.indexOf(e), 1);
    }
    e.post = key;
    e.postFilled = true;
    if (isDecided(e)) this.indexDecided(e);
    const node = e.node;
    const named = [WORDS.en.post, WORDS.id.post].find((k) => node.has(k));
    if (named) {
      node.set(named, key);
      return;
    }
    // The entry's own language, as for dates: an Indonesian entry gets `unggahan`.
    const lang: Lang = node.has(WORDS.id.fingerprint) ? 'id' : 'en';
    const pair = this.doc.createPair(WORDS[lang].post, key) as Pair;
    const at = node.items.findIndex((p) => isScalar(p.key) && (p.key.value === WORDS.en.details || p.key.value === WORDS.id.details));
    if (at >= 0) node.items.splice(at, 0, pair);
    else node.items.push(pair);
  }

  /**
   * Records that a post was scanned, with all its findings (before --min-severity): fills in the post key of the
   * entries they match, and of decided entries without one whose fingerprint this post gives. Returns the decisions
   * on this post that none of its findings matches, for the post's undecided findings (new, open) to carry.
   */
  scanned(post: Post, findings: Finding[]): EarlierDecision[] {
    let key: string | null = null;
    const keyOf = () => (key ??= postKey(post.platform, post.author, post.id));
    for (const f of findings) {
      const e = this.entries.get(f.fingerprint);
      if (!e) continue;
      e.matched = true;
      this.setPost(e, keyOf());
    }
    const combos = this.legacy.size > 0 ? this.legacy.get(accountKey(post.platform, post.author)) : undefined;
    if (combos)
      for (const [rule, candidate] of combos.values()) {
        const e = this.entries.get(fingerprintOf(post.platform, post.author, post.id, rule, candidate));
        if (e && e.post === null) this.setPost(e, keyOf());
      }
    if (this.byPost.size === 0) return [];
    const decided = this.byPost.get(keyOf());
    if (!decided) return [];
    const prints = new Set(findings.map((f) => f.fingerprint));
    const earlier: EarlierDecision[] = [];
    for (const e of decided) {
      e.scannedAs = oneLine(`${post.platform} @${post.author} ${post.url ?? `post ${post.id}`}`);
      if (!prints.has(e.fingerprint)) earlier.push({ decision: e.decision, rule_id: ruleIdOf(e), fingerprint: e.fingerprint, note: e.note, date: e.date, by: e.by });
    }
    return earlier;
  }

  /** Decisions on posts this run scanned that no finding of the run matched: stale after a rule pack change. */
  stale(): StaleDecision[] {
    const out: StaleDecision[] = [];
    for (const e of this.entries.values()) if (isDecided(e) && e.scannedAs !== undefined && !e.matched) out.push({ entry: e, post: e.scannedAs, ruleId: ruleIdOf(e) });
    return out;
  }

  /** The finding's review standing: its entry's decision, or new. */
  review(fingerprint: string): Review {
    const e = this.entries.get(fingerprint);
    if (!e) return { status: 'new', note: '', date: null, by: null };
    return { status: e.decision, note: e.note, date: e.date, by: e.by };
  }

  /** Records a finding seen in this run: refreshes the details of a known one, or queues a new entry. */
  record(f: Finding, o: DisplayOptions): void {
    const details = displayDetails(f, o, this.lang);
    const e = this.entries.get(f.fingerprint);
    if (e) {
      e.node.set(WORDS[this.lang].details, this.doc.createNode(details));
      return;
    }
    if (this.pendingPrints.has(f.fingerprint)) return;
    this.pendingPrints.add(f.fingerprint);
    this.pending.push({ finding: f, details });
  }

  /** Appends queued findings (by person, then time) and dates undated decisions; returns what changed. */
  settle(o: DisplayOptions): { added: number; dated: number } {
    const w = WORDS[this.lang];
    const person = (f: Finding) => (f.employee ? f.employee.nama : `${f.platform} ${f.author}`);
    const byName = new Intl.Collator('id', { sensitivity: 'base' }).compare;
    const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    this.pending.sort((a, b) => byName(person(a.finding), person(b.finding)) || plain(a.finding.created_at ?? '', b.finding.created_at ?? '') || plain(a.finding.rule_id, b.finding.rule_id));
    for (const { finding, details } of this.pending) {
      const node = this.doc.createNode({
        [w.fingerprint]: finding.fingerprint,
        [w.decision]: w.decisions.open,
        [w.note]: '',
        [w.date]: '',
        [w.by]: '',
        [w.first_seen]: o.today,
        [w.post]: postKey(finding.platform, finding.author, finding.post_id),
        [w.details]: details,
      }) as YAMLMap;
      if (this.seq.items.length > 0) node.spaceBefore = true;
      this.seq.items.push(node);
      this.entries.set(finding.fingerprint, { fingerprint: finding.fingerprint, decision: 'open', note: '', date: null, by: null, post: postKey(finding.platform, finding.author, finding.post_id), line: 0, node });
    }
    const added = this.pending.length;
    this.pending.length = 0;
    this.pendingPrints.clear();
    let dated = 0;
    for (const e of this.entries.values()) {
      if (e.decision !== 'open' && e.date === null) {
        const key = e.node.has(WORDS.id.date) && !e.node.has(WORDS.en.date) ? WORDS.id.date : WORDS.en.date;
        e.node.set(e.node.has(key) ? key : w.date, o.today);
        e.date = o.today;
        dated++;
      }
    }
    return { added, dated };
  }

  get size(): number {
    return this.entries.size + this.pending.length;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0 });
  }

  /**
   * Adds this run's new findings and writes the file. An analyst may have saved the file while the run was going:
   * then their version is read again and the new findings are added to it, so no decision is overwritten.
   * `replace` (baseline create --force) writes this baseline whatever is there.
   */
  async save(o: DisplayOptions, replace = false): Promise<{ added: number; dated: number; total: number; merged: boolean }> {
    let target: Baseline = this;
    if (!replace) {
      const now = await readFile(this.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw new InputError(`${this.file}: cannot read the baseline again: ${describeFsError(e)}`);
      });
      if (now !== this.source) {
        target = now === null ? Baseline.empty(this.file, this.lang) : Baseline.parse(now, this.file);
        for (const p of this.pending) if (!target.entries.has(p.finding.fingerprint)) target.record(p.finding, o);
        for (const e of this.entries.values()) {
          const t = target.entries.get(e.fingerprint);
          if (e.postFilled && t && t.post === null) target.setPost(t, e.post!);
        }
      }
    }
    const r = target.settle(o);
    const text = target.toString();
    await writeFileAtomic(this.file, text);
    target.source = text;
    return { ...r, total: target.size, merged: target !== this };
  }
}

/** Reads a baseline file; with `missingOk`, a missing file is a new empty baseline. */
export async function readBaseline(file: string, o: { missingOk: boolean; lang: Lang }): Promise<Baseline> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && o.missingOk) return Baseline.empty(file, o.lang);
    const hint = (e as NodeJS.ErrnoException).code === 'ENOENT' ? ' (create one with netral baseline create)' : '';
    throw new InputError(`${file}: cannot read the baseline: ${describeFsError(e)}${hint}`);
  }
  if (buf.length > MAX_BASELINE_BYTES) throw new InputError(`${file}: the baseline is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MB`);
  return Baseline.parse(buf.toString('utf8'), file);
}

const oneLine = (s: string) => terminalLine(s).replace(/\s+/g, ' ').trim();

/** How fingerprints see an account (see engine/fingerprint.ts). */
const accountKey = (platform: string, author: string) => `${platform.toLowerCase()}\u0000${author.toLowerCase().replace(/^@/, '')}`;

/** One value of an entry's details, under its English or Indonesian key. */
function detail(e: BaselineEntry, key: 'account' | 'rule' | 'candidate'): string | null {
  const d = e.node.get(WORDS.en.details, true) ?? e.node.get(WORDS.id.details, true);
  if (!isMap(d)) return null;
  const v = d.get(WORDS.en.d[key]) ?? d.get(WORDS.id.d[key]);
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : null;
}

/** The rule id of an entry, from its details' "rule — title". */
function ruleIdOf(e: BaselineEntry): string | null {
  return detail(e, 'rule')?.split(' — ')[0].trim() || null;
}

/** What the analyst sees about a finding in the baseline file. */
function displayDetails(f: Finding, o: DisplayOptions, lang: Lang): Record<string, string> {
  const m = MESSAGES[lang];
  const w = WORDS[lang];
  const d: Record<string, string> = {};
  if (f.employee !== undefined) d[w.d.employee] = f.employee ? oneLine(`${f.employee.nama} · NIP ${f.employee.nip}${f.employee.unit_kerja ? ` · ${f.employee.unit_kerja}` : ''}`) : w.notInRoster;
  d[w.d.account] = oneLine(`${f.platform} @${f.author}${f.author_name ? ` (${f.author_name})` : ''}`);
  d[w.d.posted] = f.created_at ? formatInZone(f.created_at, o.timeZone) : '—';
  if (f.url) d[w.d.url] = oneLine(f.url);
  d[w.d.source] = oneLine(sourceText(f.source));
  d[w.d.rule] = oneLine(`${f.rule_id} — ${f.rule_title[lang]}`);
  d[w.d.severity] = m.severity[f.severity].toLowerCase();
  d[w.d.category] = m.category[f.category];
  if (f.candidate) {
    // "pilpres-2024:3 (Ganjar Pranowo – Mahfud MD)": the analyst deciding should not have to look the number up.
    const note = [o.candidates?.get(f.candidate) ?? null, f.stance === 'against' ? m.against : null].filter(Boolean).join('; ');
    d[w.d.candidate] = oneLine(note ? `${f.candidate} (${note})` : f.candidate);
  }
  d[w.d.verdict] = m.verdict[f.verdict];
  d[w.d.matched] = oneLine(f.matched);
  d[w.d.excerpt] = oneLine(f.evidence);
  return d;
}
