// Loading rule packs: the shipped ones in `rules/` plus the user's `--rules` files and folders. All problems of
// all files are collected, then the run stops before any post is read if there are any.

import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { RuleError, UnknownElectionError, describeFsError, type Problem } from '../errors.js';
import { parsePack } from './parse.js';
import type { ElectionDef, Expr, PackDef, RuleDef, TermSpec } from './types.js';

/** The packs shipped with netral. */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export interface LoadOptions {
  /** Extra pack files or folders (`--rules`). */
  extra?: string[];
  /** Leave out the shipped packs (`--no-default-rules`). */
  noDefaults?: boolean;
  /** Only these election packs (`--election`); undefined means all. */
  elections?: string[];
}

export interface RuleSet {
  packs: PackDef[];
  rules: RuleDef[];
  elections: ElectionDef[];
  /** Named term lists, merged across packs (a regional pack may extend `election_word`). */
  lists: Map<string, TermSpec[]>;
}

async function packFiles(p: string, problems: Problem[]): Promise<string[]> {
  let st;
  try {
    st = await stat(p);
  } catch (e) {
    problems.push({ file: p, line: 0, col: 0, message: `cannot read rule pack: ${describeFsError(e)}` });
    return [];
  }
  // Anything but a folder is read as one pack: a named pipe (`--rules <(…)`) too, never skipped in silence.
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  const entries = await readdir(p, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) out.push(...(await packFiles(full, problems)));
    else if (/\.ya?ml$/i.test(e.name)) out.push(full);
  }
  return out;
}

function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/** Parses pack files without cross-checking them (for `rules validate FILE`). */
export async function readPacks(paths: string[], problems: Problem[]): Promise<PackDef[]> {
  const packs: PackDef[] = [];
  for (const p of paths) {
    // The files of a folder are read at once (start-up waits for the disk once, not once per file), then parsed
    // in order.
    const files = await packFiles(p, problems);
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8').catch((e: Error) => e)));
    files.forEach((file, i) => {
      const text = texts[i];
      if (text instanceof Error) {
        problems.push({ file: displayName(file), line: 0, col: 0, message: `cannot read: ${describeFsError(text)}` });
        return;
      }
      const r = parsePack(text, displayName(file));
      problems.push(...r.problems);
      if (r.pack) packs.push(r.pack);
    });
  }
  return packs;
}

function visit(e: Expr, fn: (e: Expr) => void): void {
  fn(e);
  if (e.op === 'all' || e.op === 'any' || e.op === 'near' || e.op === 'same_candidate') for (const c of e.of) visit(c, fn);
  else if (e.op === 'not') visit(e.of, fn);
}

/** Checks packs against each other: unique ids, references to lists and elections that exist. */
export function crossCheck(packs: PackDef[], problems: Problem[], allElections: Set<string>): void {
  const packIds = new Map<string, PackDef>();
  const ruleIds = new Map<string, RuleDef>();
  const listNames = new Set<string>();
  for (const p of packs) {
    const prev = packIds.get(p.id);
    if (prev) problems.push({ file: p.file, line: 1, col: 1, message: `pack id "${p.id}" is already used by ${prev.file}` });
    packIds.set(p.id, p);
    for (const name of p.lists.keys()) listNames.add(name);
    for (const r of p.rules) {
      const other = ruleIds.get(r.id);
      if (other) problems.push({ file: r.pos.file, line: r.pos.line, col: r.pos.col, where: `rule ${r.id}`, message: `rule id is already used at ${other.pos.file}:${other.pos.line}` });
      ruleIds.set(r.id, r);
    }
  }
  for (const p of packs)
    for (const r of p.rules) {
      for (const u of r.unless)
        if (!listNames.has(u)) problems.push({ file: r.pos.file, line: r.pos.line, col: r.pos.col, where: `rule ${r.id}`, message: `unless: unknown list "${u}"` });
      visit(r.match, (e) => {
        if (e.op === 'list' && !listNames.has(e.name))
          problems.push({ file: e.pos.file, line: e.pos.line, col: e.pos.col, where: `rule ${r.id}`, message: `unknown list "${e.name}"` });
        if (e.op === 'entity' && e.elections)
          for (const id of e.elections)
            if (!allElections.has(id))
              problems.push({ file: e.pos.file, line: e.pos.line, col: e.pos.col, where: `rule ${r.id}`, message: `unknown election "${id}"` });
      });
    }
}

export async function loadRuleSet(opts: LoadOptions = {}): Promise<RuleSet> {
  const problems: Problem[] = [];
  const sources = [...(opts.noDefaults ? [] : [SHIPPED_RULES_DIR]), ...(opts.extra ?? [])];
  const packs = await readPacks(sources, problems);
  const allElections = new Set(packs.filter((p) => p.election).map((p) => p.id));
  crossCheck(packs, problems, allElections);
  if (problems.length > 0) throw new RuleError(problems);
  // Not a problem of a pack but of the option (or of audit.yml's elections:, which reports it at its line).
  const unknown = (opts.elections ?? []).filter((id) => !allElections.has(id));
  if (unknown.length > 0) throw new UnknownElectionError('--election', unknown, 'known', [...allElections]);
  const wanted = opts.elections ? new Set(opts.elections) : null;
  const active = packs.filter((p) => !p.election || wanted === null || wanted.has(p.id));
  const lists = new Map<string, TermSpec[]>();
  for (const p of active)
    for (const [name, l] of p.lists) {
      const prev = lists.get(name);
      lists.set(name, prev ? [...prev, ...l.terms] : [...l.terms]);
    }
  return {
    packs: active,
    rules: active.flatMap((p) => p.rules),
    elections: active.flatMap((p) => (p.election ? [p.election] : [])),
    lists,
  };
}
