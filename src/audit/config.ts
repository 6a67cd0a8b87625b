// audit.yml: everything one audit run needs, so that cron runs a single command. Paths are relative to the config
// file (cron starts in $HOME, not next to it). Every mistake is reported with its line before anything runs.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { FileError, InputError, describeFsError, type Problem } from '../errors.js';
import { isSeverity, SEVERITIES, type Severity } from '../model.js';
import { Ctx, fields, readYaml, str, strList } from '../rules/parse.js';
import type { Pos } from '../rules/types.js';
import { unknownFormat } from '../sources/registry.js';
import { isTimeZone } from '../sources/time.js';
import { readBound } from './period.js';
import { MAPPABLE_FIELDS } from '../sources/formats/generic-csv.js';
import { REPORT_FORMATS } from '../report/index.js';
import type { OutputSpec } from '../report/outputs.js';
import type { Lang } from '../report/i18n.js';

/** A source `netral fetch` would collect (mastodon:@user@host, bluesky:handle, rss:URL, a URL, or `roster`). */
export interface FetchSource {
  spec: string;
  archive?: string;
  state?: string;
  line: number;
  /** Where archive: and state: are written, for messages about them. */
  at: { archive?: Pos; state?: Pos };
}

export interface AuditConfig {
  file: string;
  title?: string;
  /** Files and folders to read. */
  inputs: string[];
  fetch: FetchSource[];
  map: Record<string, string>;
  from?: string;
  includePrivate: boolean;
  roster?: string;
  rules: string[];
  defaultRules: boolean;
  elections?: string[];
  period: { since?: string; until?: string; campaign?: string };
  timeZone: string;
  lang?: Lang;
  minSeverity: Severity;
  failOn?: Severity;
  baseline?: { file: string; update: boolean; includeKnown: boolean; includeOpen: boolean };
  outputs: OutputSpec[];
  lock: string;
  /** Where values that only the loaded rule packs can check are written, so that they are reported at their place. */
  at: { elections: Map<string, Pos>; campaign?: Pos };
}

const TOP_KEYS = ['title', 'sources', 'read', 'roster', 'rules', 'elections', 'period', 'timezone', 'lang', 'min_severity', 'fail_on', 'baseline', 'outputs', 'lock'];

function bool(ctx: Ctx, node: Node | null | undefined, what: string, dflt: boolean): boolean {
  if (node === undefined || node === null) return dflt;
  if (!isScalar(node) || typeof node.value !== 'boolean') {
    ctx.fail(node, `${what} must be true or false`);
    return dflt;
  }
  return node.value;
}

function dateish(ctx: Ctx, node: Node | null | undefined, what: string): string | undefined {
  if (node === undefined || node === null) return undefined;
  // YAML 1.2 reads 2024-02-10 as text; a value that is not text (a number) cannot be a date.
  const s = str(ctx, node, what);
  if (s === undefined) return s;
  // The same reading the run will do (--since/--until), so that 2024-02-30 is caught here, with its line.
  let ok = /^\d{4}-\d{2}-\d{2}([T ].+)?$/.test(s);
  if (ok)
    try {
      readBound(what, s, 'UTC', false);
    } catch {
      ok = false;
    }
  if (!ok) ctx.fail(node, `${what} must be a date YYYY-MM-DD (or an ISO 8601 time)`);
  return s;
}

/** The formats a report file can have (the terminal report is for a person at a terminal, not for a file). */
const OUTPUT_FORMATS = REPORT_FORMATS.filter((x) => x !== 'terminal');

/** An output's format. Missing, empty, not text or unknown: one message, naming the formats there are. */
function outputFormat(ctx: Ctx, item: Node, node: Node | null | undefined): string | undefined {
  const v = isScalar(node) && node.value !== null ? String(node.value).trim() : '';
  if (OUTPUT_FORMATS.includes(v)) return v;
  ctx.fail(node ?? item, `an output's format must be one of ${OUTPUT_FORMATS.join(', ')}${v ? `, not "${v}"` : ''}`);
  return undefined;
}

/** `{date}` in an output name: the day of the run in the audit's zone, so nightly reports do not overwrite. */
export function expandName(name: string, today: string): string {
  return name.replaceAll('{date}', today);
}

export async function readAuditConfig(file: string): Promise<AuditConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the audit config: ${describeFsError(e)}`);
  }
  return parseAuditConfig(text, file);
}

/** Mistakes in audit.yml, each at its line and column: found when reading it, or once the rule packs are loaded. */
export function configError(file: string, problems: Problem[]): FileError {
  return new FileError(`${file}: the audit config has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}; nothing was run`, problems);
}

export function parseAuditConfig(text: string, file: string): AuditConfig {
  const ctx = new Ctx(file, new LineCounter());
  const fail = () => configError(file, ctx.problems);
  const doc = readYaml(ctx, text);
  if (!doc) throw fail();
  const root = doc.contents as Node | null;
  const f = fields(ctx, root, TOP_KEYS, 'audit config');
  if (!f) throw fail();
  const dir = path.dirname(path.resolve(file));
  // Absolute, so that messages and the cron log name the files unambiguously whatever the working folder.
  const rel = (p: string) => path.resolve(dir, p);

  // sources: a list of paths, {path: …}, or {fetch: …, archive?, state?}
  const inputs: string[] = [];
  const fetch: FetchSource[] = [];
  const sn = f.get('sources');
  if (!f.has('sources')) ctx.fail(root, 'sources is required: the files or folders to audit');
  else if (!isSeq(sn) || sn.items.length === 0) ctx.fail(sn, 'sources must be a list of files or folders (lines starting with "- ")');
  else
    for (const item of sn.items as Node[]) {
      if (isScalar(item)) {
        const p = str(ctx, item, 'source');
        if (p) inputs.push(rel(p));
        continue;
      }
      const sf = fields(ctx, item, ['path', 'fetch', 'archive', 'state'], 'source');
      if (!sf) continue;
      if (sf.has('path') === sf.has('fetch')) {
        ctx.fail(item, 'a source has either path: (a file or folder) or fetch: (an account or feed to collect)');
        continue;
      }
      if (sf.has('path')) {
        if (sf.has('archive') || sf.has('state')) ctx.fail(item, 'archive: and state: belong to fetch: sources');
        const p = str(ctx, sf.get('path'), 'path');
        if (p) inputs.push(rel(p));
      } else {
        const spec = str(ctx, sf.get('fetch'), 'fetch');
        const archive = str(ctx, sf.get('archive'), 'archive', false);
        const state = str(ctx, sf.get('state'), 'state', false);
        if (spec)
          fetch.push({
            spec,
            line: ctx.pos(item).line,
            ...(archive ? { archive: rel(archive) } : {}),
            ...(state ? { state: rel(state) } : {}),
            at: { ...(archive ? { archive: ctx.pos(sf.get('archive')) } : {}), ...(state ? { state: ctx.pos(sf.get('state')) } : {}) },
          });
      }
    }

  // read: how to read the files (scan's --map, --from, --include-private)
  const map: Record<string, string> = {};
  let from: string | undefined;
  let includePrivate = false;
  const rn = f.get('read');
  if (f.has('read')) {
    const rf = fields(ctx, rn ?? null, ['map', 'from', 'include_private'], 'read');
    if (rf) {
      from = str(ctx, rf.get('from'), 'read.from', false) || undefined;
      const bad = from === undefined ? null : unknownFormat(from);
      if (bad) ctx.fail(rf.get('from'), `read.from: ${bad}`);
      includePrivate = bool(ctx, rf.get('include_private'), 'read.include_private', false);
      const mn = rf.get('map');
      if (mn !== undefined) {
        if (!isMap(mn)) ctx.fail(mn, 'read.map must map fields to column names, e.g. text: Isi Komentar');
        else
          for (const pair of (mn as YAMLMap).items) {
            const k = pair.key as Node;
            const field = isScalar(k) ? String(k.value) : '';
            if (!MAPPABLE_FIELDS.includes(field)) ctx.fail(k, `read.map: unknown field "${field}"; fields: ${MAPPABLE_FIELDS.join(', ')}`);
            const col = str(ctx, pair.value as Node, `read.map.${field}`);
            if (col) map[field] = col;
          }
      }
    }
  }

  const roster = str(ctx, f.get('roster'), 'roster', false);

  // rules: extra packs, and whether the shipped ones load
  let rules: string[] = [];
  let defaultRules = true;
  if (f.has('rules')) {
    const rf = fields(ctx, f.get('rules') ?? null, ['packs', 'default'], 'rules');
    if (rf) {
      rules = strList(ctx, rf.get('packs'), 'rules.packs').map((x) => rel(x.value));
      defaultRules = bool(ctx, rf.get('default'), 'rules.default', true);
    }
  }
  const electionList = f.has('elections') ? strList(ctx, f.get('elections'), 'elections') : undefined;
  const elections = electionList?.map((x) => x.value);
  const at: AuditConfig['at'] = { elections: new Map() };
  for (const x of electionList ?? []) if (!at.elections.has(x.value)) at.elections.set(x.value, ctx.pos(x.node));

  const period: AuditConfig['period'] = {};
  if (f.has('period')) {
    const pf = fields(ctx, f.get('period') ?? null, ['since', 'until', 'campaign'], 'period');
    if (pf) {
      period.since = dateish(ctx, pf.get('since'), 'period.since');
      period.until = dateish(ctx, pf.get('until'), 'period.until');
      period.campaign = str(ctx, pf.get('campaign'), 'period.campaign', false) || undefined;
      if (period.campaign) at.campaign = ctx.pos(pf.get('campaign'));
    }
  }

  const timeZone = str(ctx, f.get('timezone'), 'timezone', false) || 'Asia/Jakarta';
  if (!isTimeZone(timeZone)) ctx.fail(f.get('timezone'), `unknown time zone "${timeZone}" (use an IANA name such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura)`);
  const lang = str(ctx, f.get('lang'), 'lang', false) || undefined;
  if (lang !== undefined && lang !== 'id' && lang !== 'en') ctx.fail(f.get('lang'), 'lang must be id or en');
  const severity = (key: string, dflt?: Severity): Severity | undefined => {
    const v = str(ctx, f.get(key), key, false)?.toLowerCase();
    if (!v) return dflt;
    if (!isSeverity(v)) ctx.fail(f.get(key), `${key} must be one of ${SEVERITIES.join(', ')}`);
    return isSeverity(v) ? v : dflt;
  };
  const minSeverity = severity('min_severity', 'info')!;
  const failOn = severity('fail_on');

  let baseline: AuditConfig['baseline'];
  const bn = f.get('baseline');
  if (f.has('baseline')) {
    if (isScalar(bn)) {
      const b = str(ctx, bn, 'baseline');
      if (b) baseline = { file: rel(b), update: true, includeKnown: false, includeOpen: true };
    } else {
      const bf = fields(ctx, bn ?? null, ['file', 'update', 'include_known', 'include_open'], 'baseline');
      const b = bf ? str(ctx, bf.get('file'), 'baseline.file') : undefined;
      if (bf && !bf.has('file')) ctx.fail(bn, 'baseline.file is required');
      if (bf && b)
        baseline = {
          file: rel(b),
          update: bool(ctx, bf.get('update'), 'baseline.update', true),
          includeKnown: bool(ctx, bf.get('include_known'), 'baseline.include_known', false),
          // A nightly report keeps listing what nobody has decided yet: a night nobody read, or a second run the
          // same day that replaces its report, must not leave findings in no report.
          includeOpen: bool(ctx, bf.get('include_open'), 'baseline.include_open', true),
        };
    }
  }

  const outputs: OutputSpec[] = [];
  const on = f.get('outputs');
  if (!f.has('outputs')) ctx.fail(root, 'outputs is required: at least one report, e.g. - { format: html, file: reports/audit.html }');
  else if (!isSeq(on) || on.items.length === 0) ctx.fail(on, 'outputs must be a list of reports');
  else {
    const seen = new Map<string, number>();
    for (const item of on.items as Node[]) {
      const of = fields(ctx, item, ['format', 'file', 'per', 'excel'], 'output');
      if (!of) continue;
      const format = outputFormat(ctx, item, of.get('format'));
      const out = str(ctx, of.get('file'), 'file', false);
      if (!of.has('file')) ctx.fail(item, 'an output needs file: (where to write the report)');
      const per = str(ctx, of.get('per'), 'per', false) || undefined;
      if (per !== undefined && per !== 'finding' && per !== 'employee') ctx.fail(of.get('per'), 'per must be finding or employee');
      const excel = bool(ctx, of.get('excel'), 'excel', false);
      if (excel && format !== 'csv') ctx.fail(of.get('excel'), 'excel: true applies to format: csv');
      if (format && out) {
        const target = rel(out);
        const prev = seen.get(path.resolve(target));
        if (prev) ctx.fail(of.get('file'), `${out} is already written by the output on line ${prev}`);
        seen.set(path.resolve(target), ctx.pos(item).line);
        outputs.push({ format, file: target, excel, ...(per ? { per: per as OutputSpec['per'] } : {}) });
      }
    }
  }

  const lockName = str(ctx, f.get('lock'), 'lock', false);
  const lock = lockName ? rel(lockName) : baseline ? `${baseline.file}.lock` : `${path.resolve(file)}.lock`;
  const title = str(ctx, f.get('title'), 'title', false) || undefined;

  if (ctx.problems.length > 0) throw fail();
  return {
    file,
    ...(title ? { title } : {}),
    inputs,
    fetch,
    map,
    ...(from ? { from } : {}),
    includePrivate,
    ...(roster ? { roster: rel(roster) } : {}),
    rules,
    defaultRules,
    ...(elections ? { elections } : {}),
    period,
    timeZone,
    ...(lang ? { lang: lang as Lang } : {}),
    minSeverity,
    ...(failOn ? { failOn } : {}),
    ...(baseline ? { baseline } : {}),
    outputs,
    lock,
    at,
  };
}
