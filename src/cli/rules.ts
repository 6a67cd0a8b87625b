// `netral rules list | validate | test | init-election`.

import { access, writeFile } from 'node:fs/promises';
import { EXIT, RuleError, UsageError, type Problem } from '../errors.js';
import { crossCheck, loadRuleSet, readPacks, SHIPPED_RULES_DIR } from '../rules/load.js';
import { compile } from '../rules/compile.js';
import { runExamples } from '../rules/examples.js';
import { Scanner } from '../engine/scan.js';
import { safeJson, terminalLine } from '../report/sanitize.js';
import { pairName } from '../report/candidates.js';
import { colorLevel, type Io } from './io.js';
import { Chalk } from 'chalk';
import { electionTemplate, MAX_CANDIDATES } from '../rules/template.js';

interface PackOpts {
  rules?: string[];
  defaultRules: boolean;
  election?: string[];
}

export async function rulesList(o: PackOpts & { format: string }, io: Io): Promise<number> {
  const rs = await loadRuleSet({ extra: o.rules, noDefaults: !o.defaultRules, elections: o.election });
  if (o.format === 'json') {
    const out = {
      rules: rs.rules.map((r) => ({ id: r.id, title: r.title, category: r.category, severity: r.severity, confidence: r.confidence, legal_basis: r.legal_basis, pack: r.pack, file: r.pos.file, line: r.pos.line })),
      elections: rs.elections.map((e) => ({
        id: e.id,
        name: e.name,
        region: e.region,
        dates: e.dates,
        candidates: e.candidates.map((c) => ({ number: c.number, name: c.name ?? pairName(c.names), names: c.names })),
        parties: e.parties.map((p) => ({ number: p.number, name: p.name })),
      })),
      lists: [...rs.lists.keys()].sort(),
    };
    io.stdout.write(`${safeJson(out, 2)}\n`);
    return EXIT.OK;
  }
  const c = new Chalk({ level: colorLevel(io.stdoutIsTTY, io.env) });
  const lines: string[] = [c.bold(`Rules (${rs.rules.length})`)];
  for (const r of rs.rules) lines.push(`  ${r.id.padEnd(40)} ${r.severity.padEnd(6)} ${r.category.padEnd(18)} ${terminalLine(r.title.en)}`);
  lines.push('', c.bold(`Election packs (${rs.elections.length})`));
  for (const e of rs.elections) {
    const d = e.dates;
    const when = d.voting ? `vote ${d.voting}` : 'no dates (always applies)';
    const who = e.candidates.length > 0 ? e.candidates.map((k) => `${k.number} ${k.name ?? pairName(k.names)}`).join('; ') : `${e.parties.length} parties`;
    lines.push(`  ${e.id.padEnd(22)} ${when.padEnd(26)} ${terminalLine(who)}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.OK;
}

export async function rulesValidate(files: string[], o: Omit<PackOpts, 'election'>, io: Io): Promise<number> {
  const problems: Problem[] = [];
  // Given files are checked together with the packs they build on (the shipped lists and elections).
  const base = [...(o.defaultRules ? [SHIPPED_RULES_DIR] : []), ...(o.rules ?? [])];
  const given = files.length > 0 ? files : [];
  const packs = await readPacks([...base, ...given.filter((f) => !base.includes(f))], problems);
  crossCheck(packs, problems, new Set(packs.filter((p) => p.election).map((p) => p.id)));
  let ruleCount = 0;
  if (problems.length === 0) {
    try {
      const lists = new Map<string, import('../rules/types.js').TermSpec[]>();
      for (const p of packs) for (const [n, l] of p.lists) lists.set(n, [...(lists.get(n) ?? []), ...l.terms]);
      const rs = { packs, rules: packs.flatMap((p) => p.rules), elections: packs.flatMap((p) => (p.election ? [p.election] : [])), lists };
      ruleCount = rs.rules.length;
      compile(rs);
    } catch (e) {
      if (e instanceof RuleError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new RuleError(problems);
  io.stdout.write(`ok: ${packs.length} packs, ${ruleCount} rules, ${packs.filter((p) => p.election).length} election packs\n`);
  return EXIT.OK;
}

export async function rulesTest(o: PackOpts & { verbose: boolean }, io: Io): Promise<number> {
  const rs = await loadRuleSet({ extra: o.rules, noDefaults: !o.defaultRules, elections: o.election });
  const scanner = new Scanner(compile(rs), { explain: true });
  const results = runExamples(scanner);
  const c = new Chalk({ level: colorLevel(io.stdoutIsTTY, io.env) });
  const failed = results.filter((r) => !r.ok);
  const lines: string[] = [];
  for (const r of results) {
    if (r.ok && !o.verbose) continue;
    const where = `${r.example.pos.file}:${r.example.pos.line}:${r.example.pos.col}`;
    const mark = r.ok ? c.green('ok  ') : c.red('FAIL');
    lines.push(`${mark} ${r.rule} ${r.kind}: ${JSON.stringify(terminalLine(r.example.text))}${r.ok ? '' : `\n       ${where}: ${terminalLine(r.problem ?? '')}`}`);
  }
  const rulesWith = new Set(results.map((r) => r.rule)).size;
  lines.push(`${results.length - failed.length} passed, ${failed.length} failed (${results.length} examples of ${rulesWith} rules)`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return failed.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

export async function rulesInitElection(id: string, o: { output?: string; candidates: number; force: boolean }, io: Io): Promise<number> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) throw new UsageError(`election id "${id}" must be lowercase letters, digits, dots and dashes (e.g. pilbup-sleman-2029)`);
  if (!Number.isInteger(o.candidates) || o.candidates < 1 || o.candidates > MAX_CANDIDATES) throw new UsageError(`--candidates must be a whole number from 1 to ${MAX_CANDIDATES}`);
  const target = o.output ?? `${id}.yaml`;
  if (!o.force) {
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`${target} already exists (use --force to overwrite)`);
  }
  await writeFile(target, electionTemplate(id, o.candidates), 'utf8');
  // The file is the output; what to do next is a note for the person at the terminal (stdout stays empty).
  io.stderr.write(`wrote ${target}: fill in the names and dates, then check it with: netral rules validate ${target}\n`);
  return EXIT.OK;
}
