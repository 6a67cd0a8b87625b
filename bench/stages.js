// Where a scan's time goes, stage by stage, inside one process: start-up, the warm-up curve (the first posts cost
// several times the later ones while V8 compiles the hot code and the word caches fill), reading, and text analysis,
// the trie pass and the engine once warm. `npm run bench` measures the whole CLI; this splits it, so a change to one
// stage can be judged on that stage. Pin it to a core for steady figures: `taskset -c 1 node bench/stages.js`.
//
// Usage: node bench/stages.js [--posts N] [--warm N] [--seed N]

import path from 'node:path';
import { ROOT, buildIfNeeded, postsFile } from './inputs.js';
import { fmt } from './measure.js';

function parseArgs(argv) {
  const o = { posts: 300_000, warm: 100_000, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--posts') o.posts = Number(argv[++i]);
    else if (a === '--warm') o.warm = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else {
      process.stderr.write(`stages: unknown argument ${a}\nusage: node bench/stages.js [--posts N] [--warm N] [--seed N]\n`);
      process.exit(2);
    }
  }
  if (![o.posts, o.warm].every((n) => Number.isInteger(n) && n > 0) || o.warm >= o.posts) throw new Error('--posts and --warm: positive integers, --warm below --posts');
  return o;
}

const log = (m) => process.stderr.write(`stages: ${m}\n`);
/** CPU microseconds of this process (all threads: V8 compiles and collects on others). */
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const dist = (m) => import(path.join(ROOT, 'dist', m));

async function main() {
  const o = parseArgs(process.argv.slice(2));
  buildIfNeeded(log);
  const file = postsFile(o.posts, o.seed, log);
  const out = [];
  const say = (line) => out.push(line);
  say(`${fmt(o.posts)} posts from ${path.relative(ROOT, file)} (Node ${process.version}); µs are CPU microseconds per post`);

  // Start-up first, in a process that has loaded nothing of netral yet.
  let t = cpu();
  const { loadRuleSet } = await dist('rules/load.js');
  const { compile } = await dist('rules/compile.js');
  const { Scanner } = await dist('engine/scan.js');
  const { scanTokens } = await dist('engine/trie.js');
  const { InputSet } = await dist('sources/inputs.js');
  const { fold, FoldBuffer } = await dist('text/fold.js');
  const { TokenScanner } = await dist('text/tokenize.js');
  const c = compile(await loadRuleSet());
  const scanner = new Scanner(c);
  say(`start-up (modules, shipped packs loaded and compiled): ${fmt((cpu() - t) / 1000)} ms`);

  // Reading through the real input stack (lines, JSON.parse, record checks): timed in a pass that keeps nothing,
  // as the CLI does; a second pass keeps the posts for what follows.
  const reader = () => new InputSet([file], { map: {}, includePrivate: false, timeZone: 'Asia/Jakarta', stdin: process.stdin, warn() {} });
  let read = 0;
  t = cpu();
  for await (const { item } of reader().items()) if (item.type === 'post') read++;
  say(`reading (lines, JSON.parse, records): ${((cpu() - t) / read).toFixed(1)} µs`);
  const posts = [];
  for await (const { item } of reader().items()) if (item.type === 'post') posts.push(item.post);

  // The warm-up curve: a fresh scanner (and fresh JIT state for the scan code) over the first posts.
  const step = Math.max(1, Math.floor(o.warm / 10));
  const curve = [];
  for (let k = 0; k + step <= o.warm; k += step) {
    t = cpu();
    for (let i = k; i < k + step; i++) scanner.scan(posts[i]);
    curve.push(((cpu() - t) / step).toFixed(0));
  }
  say(`warm-up, per ${fmt(step)} posts from the first: ${curve.join(' ')} µs`);

  // Steady state, stage by stage, over the posts after the warm-up ones: each stage is run alone and with the ones
  // before it, so a stage's cost is the difference.
  const rest = posts.slice(o.warm);
  const fields = rest.map((p) => scanner.fieldsOf(p));
  const per = (f) => {
    const t0 = cpu();
    const r = f();
    return { us: (cpu() - t0) / rest.length, r };
  };
  const fb = new FoldBuffer();
  const foldOnly = per(() => {
    let n = 0;
    for (const fs of fields) for (const f of fs) n += fold(f.text, fb).text.length;
    return n;
  });
  const tokenise = per(() => {
    let n = 0;
    for (const fs of fields)
      for (const f of fs) {
        const s = new TokenScanner(fold(f.text, fb).text);
        while (s.next()) n++;
      }
    return n;
  });
  const analyse = per(() => {
    let n = 0;
    for (const fs of fields) n += c.analyzer.analyse(fs).tokens.length;
    return n;
  });
  const trie = per(() => {
    let n = 0;
    for (const fs of fields) {
      const hits = [];
      scanTokens(c.trie, c.analyzer.analyse(fs).tokens, hits);
      n += hits.length;
    }
    return n;
  });
  const scan = per(() => {
    let n = 0;
    for (const p of rest) n += scanner.scan(p).findings.length;
    return n;
  });
  say(`after ${fmt(o.warm)} posts, over the next ${fmt(rest.length)}:`);
  say(`  fold alone                      ${foldOnly.us.toFixed(1)} µs`);
  say(`  fold and tokenise               ${tokenise.us.toFixed(1)} µs  (${(tokenise.r / rest.length).toFixed(1)} tokens before analysis)`);
  say(`  text analysis                   ${analyse.us.toFixed(1)} µs  (${(analyse.r / rest.length).toFixed(1)} tokens)`);
  say(`  analysis and trie pass          ${trie.us.toFixed(1)} µs  (trie ${(trie.us - analyse.us).toFixed(1)})`);
  say(`  whole scan                      ${scan.us.toFixed(1)} µs  (engine ${(scan.us - trie.us).toFixed(1)}; ${fmt(scan.r)} findings)`);

  // The posts that get past the trie pass carry all the engine's work: both kinds measured alone.
  const loud = [];
  const quiet = [];
  for (let i = 0; i < rest.length; i++) {
    const hits = [];
    scanTokens(c.trie, c.analyzer.analyse(fields[i]).tokens, hits);
    (scanner.mayMatch(hits) ? loud : quiet).push(rest[i]);
  }
  const each = (ps, f) => {
    const t0 = cpu();
    for (const p of ps) f(p);
    return ((cpu() - t0) / ps.length).toFixed(1);
  };
  const loudScan = each(loud, (p) => scanner.scan(p));
  const loudAnalyse = each(loud, (p) => c.analyzer.analyse(scanner.fieldsOf(p)));
  const quietScan = each(quiet, (p) => scanner.scan(p));
  say(`  posts past the trie pass        ${((100 * loud.length) / rest.length).toFixed(1)}%: ${loudScan} µs each (analysis ${loudAnalyse}); the others ${quietScan} µs`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`stages: ${e.stack ?? e}\n`);
  process.exit(1);
});
