// `npm run bench`: how fast netral scans, and how much memory it takes, measured the way users run it — the real
// CLI in its own process, on generated inputs of 100k and 1M posts, with every shipped rule pack. See README.md.
//
// Usage: node bench/run.js [--sizes 100000,1000000] [--runs N] [--seed N] [--no-pin] [--check]

import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT, buildIfNeeded, postsFile } from './inputs.js';
import { HAVE_TASKSET, HAVE_TIME, fmt, measure, median, scanOnce, table } from './measure.js';

const TARGET_POSTS_PER_S = 50_000;
const TARGET_RSS_MB = 200;
const TARGET_VERSION_MS = 150;
const VERSION_RUNS = 11;

function parseArgs(argv) {
  const o = { sizes: [100_000, 1_000_000], runs: null, seed: 42, pin: true, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') o.sizes = argv[++i].split(',').map((s) => Number(s.replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--no-pin') o.pin = false;
    else if (a === '--check') o.check = true;
    else {
      process.stderr.write(`bench: unknown argument ${a}\nusage: node bench/run.js [--sizes 100000,1000000] [--runs N] [--seed N] [--no-pin] [--check]\n`);
      process.exit(2);
    }
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes: positive integers');
  return o;
}

const log = (m) => process.stderr.write(`bench: ${m}\n`);

function main() {
  const o = parseArgs(process.argv.slice(2));
  buildIfNeeded(log);
  const files = o.sizes.map((n) => ({ n, file: postsFile(n, o.seed, log) }));
  const pinCpu = o.pin && HAVE_TASKSET ? os.cpus().length - 1 : null;
  const load = os.loadavg()[0];

  const rows = [];
  for (const { n, file } of files) {
    const runs = o.runs ?? (n <= 100_000 ? 3 : 1);
    const ms = [];
    for (let i = 0; i < runs; i++) {
      log(`scanning ${fmt(n)} posts (run ${i + 1}/${runs})…`);
      ms.push(scanOnce(file, pinCpu));
    }
    if (ms[0].read !== n || ms[0].scanned !== n) throw new Error(`expected ${n} posts scanned, the summary says read ${ms[0].read}, scanned ${ms[0].scanned}`);
    const bytes = statSync(file).size;
    const wall = median(ms.map((m) => m.wall));
    const cpu = HAVE_TIME ? median(ms.map((m) => m.cpu)) : null;
    const rss = HAVE_TIME ? Math.max(...ms.map((m) => m.rssKb)) / 1024 : null;
    rows.push({ n, file, bytes, wall, cpu, rss, findings: ms[0].findings, runs });
  }

  // The fixed cost of a scan (loading and compiling the rule packs), to read the throughput figures against.
  log('timing a scan of 1 post (5 runs)…');
  const one = postsFile(1, o.seed, log);
  const startup = [];
  for (let i = 0; i < 5; i++) startup.push(scanOnce(one, pinCpu));

  log(`timing netral --version (${VERSION_RUNS} runs)…`);
  const versionMs = [];
  for (let i = 0; i < VERSION_RUNS; i++) {
    const m = measure(process.execPath, [BIN, '--version'], null);
    if (m.status !== 0) throw new Error(`netral --version failed:\n${m.stderr}`);
    versionMs.push(m.wall * 1000);
  }

  // ---- report
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [];
  lines.push(`netral benchmark — node ${process.version}, ${os.cpus().length} × ${cpuModel}, load average ${load.toFixed(2)} at start`);
  lines.push(pinCpu !== null ? `scans pinned to one core (taskset -c ${pinCpu}); command: netral scan FILE --format jsonl -o FILE` : 'scans not pinned to a core; command: netral scan FILE --format jsonl -o FILE');
  lines.push('');
  const head = ['input', 'posts', 'MB', 'runs', 'wall s', 'cpu s', 'posts/s', 'MB/s', 'posts/cpu-s', 'peak RSS', 'findings'];
  const body = rows.map((r) => {
    const mb = r.bytes / 1e6;
    return [
      path.relative(ROOT, r.file),
      fmt(r.n),
      fmt(mb, 1),
      String(r.runs),
      fmt(r.wall, 2),
      r.cpu === null ? 'n/a' : fmt(r.cpu, 2),
      fmt(r.n / r.wall),
      fmt(mb / r.wall, 1),
      r.cpu === null ? 'n/a' : fmt(r.n / r.cpu),
      r.rss === null ? 'n/a' : `${fmt(r.rss)} MB`,
      fmt(r.findings),
    ];
  });
  lines.push(...table(head, body));
  lines.push('');
  lines.push(`scan start-up (1 post, rules loaded and compiled): median ${fmt(median(startup.map((m) => m.wall * 1000)))} ms wall, ${HAVE_TIME ? `${fmt(Math.max(...startup.map((m) => m.rssKb)) / 1024)} MB peak RSS` : 'RSS not measured'}`);
  const vMed = median(versionMs);
  lines.push(`netral --version: median ${fmt(vMed)} ms of ${VERSION_RUNS} runs (min ${fmt(Math.min(...versionMs))}, max ${fmt(Math.max(...versionMs))})`);
  lines.push('');

  // Targets. Throughput is judged per CPU-second of the pinned process (what one core delivers, unaffected by other
  // load on the machine); wall-clock figures are in the table. Memory is judged at the largest input.
  const largest = rows[rows.length - 1];
  const results = [];
  const mark = (ok) => (ok === null ? '?' : ok ? 'MET   ' : 'MISSED');
  for (const r of rows) {
    const rate = r.cpu === null ? r.n / r.wall : r.n / r.cpu;
    results.push([rate >= TARGET_POSTS_PER_S, `≥ ${fmt(TARGET_POSTS_PER_S)} posts/s on one core at ${fmt(r.n)} posts: ${fmt(rate)} posts/${r.cpu === null ? 's (wall)' : 'cpu-s'}, ${fmt(r.n / r.wall)} posts/s wall`]);
  }
  if (largest.n < 1_000_000) lines.push(`note: the memory target is for 1M posts; the largest input here has ${fmt(largest.n)}`);
  results.push([largest.rss === null ? null : largest.rss < TARGET_RSS_MB, `peak RSS < ${TARGET_RSS_MB} MB at ${fmt(largest.n)} posts: ${largest.rss === null ? 'not measured (no /usr/bin/time)' : `${fmt(largest.rss)} MB`}`]);
  results.push([vMed < TARGET_VERSION_MS, `netral --version < ${TARGET_VERSION_MS} ms: median ${fmt(vMed)} ms`]);
  lines.push('targets:');
  for (const [ok, text] of results) lines.push(`  ${mark(ok)}  ${text}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (o.check && results.some(([ok]) => ok === false)) process.exitCode = 1;
}

main();
