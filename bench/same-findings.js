// Proof that a performance change changes no finding: `record` scans a generated set of posts and the labelled set
// (fixtures/labelled) through the real CLI and keeps the findings, sorted; `verify` scans again and compares byte
// for byte. Run `record` before optimising and `verify` after each step.
//
// Usage: node bench/same-findings.js record|verify [--posts N]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, OUT, ROOT, buildIfNeeded, postsFile } from './inputs.js';

const mode = process.argv[2];
const postsAt = process.argv.indexOf('--posts');
const count = postsAt > 0 ? Number(process.argv[postsAt + 1]) : 20_000;
if (mode !== 'record' && mode !== 'verify') {
  process.stderr.write('usage: node bench/same-findings.js record|verify [--posts N]\n');
  process.exit(2);
}
const log = (m) => process.stderr.write(`same-findings: ${m}\n`);

buildIfNeeded(log);
const dir = path.join(OUT, 'golden');
mkdirSync(dir, { recursive: true });
const inputs = [
  { name: `generated-${count}`, args: [postsFile(count, 42, log)] },
  { name: 'labelled', args: [path.join(ROOT, 'fixtures', 'labelled')] },
];

let failed = false;
for (const { name, args } of inputs) {
  // Paths relative to the repository so the recorded sources do not depend on where it is checked out.
  const r = spawnSync(process.execPath, [BIN, 'scan', ...args.map((a) => path.relative(ROOT, a)), '--format', 'jsonl', '--quiet'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  if (r.status !== 0) throw new Error(`scan of ${name} failed (exit ${r.status}): ${r.stderr}`);
  const lines = r.stdout.toString('utf8').split('\n').filter((l) => l !== '');
  lines.sort();
  const text = `${lines.join('\n')}\n`;
  const file = path.join(dir, `${name}.jsonl`);
  if (mode === 'record') {
    writeFileSync(file, text);
    log(`${name}: recorded ${lines.length} findings → ${path.relative(ROOT, file)}`);
  } else {
    if (!existsSync(file)) throw new Error(`nothing recorded for ${name}: run record first`);
    const before = readFileSync(file, 'utf8');
    if (before === text) log(`${name}: ${lines.length} findings, identical`);
    else {
      failed = true;
      const a = before.split('\n');
      const b = text.split('\n');
      const gone = a.filter((l) => !new Set(b).has(l));
      const added = b.filter((l) => !new Set(a).has(l));
      log(`${name}: DIFFERENT — ${gone.length} findings gone, ${added.length} new`);
      for (const l of gone.slice(0, 3)) log(`  - ${l.slice(0, 300)}`);
      for (const l of added.slice(0, 3)) log(`  + ${l.slice(0, 300)}`);
      writeFileSync(path.join(dir, `${name}.now.jsonl`), text);
    }
  }
}
process.exitCode = failed ? 1 : 0;
