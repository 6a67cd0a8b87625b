// `npm run bench:rules`: does the per-post cost of a scan grow with the number of rules loaded? README.md claims it
// does not ("all literal terms … compile into one token trie, walked once per post; a rule is evaluated only when
// one of its terms occurs"). This checks it the way users run netral: the real CLI in its own process, pinned to one
// core, scanning the same generated posts with the shipped packs plus an extra pack of N generated rules whose terms
// occur in no post. Start-up (a scan of 1 post with the same rules) is measured apart from the per-post cost.
//
// The extra rules look like the shipped ones: made-up words and phrases, campaign-style hashtags, proximity to the
// shipped lists and entities (vote verbs, candidates, election words), all/any, ordered near, regexes with keywords.
// Each one needs at least one made-up term, so none can ever match a generated post; a probe scan proves that no
// made-up term occurs in the posts, and the findings must be byte-identical whatever N is.
//
// Usage: node bench/rule-count.js [--counts 0,100,1000,5000] [--posts 100000] [--runs 3] [--seed 42] [--cpu 0]
//                                 [--max-growth 25] [--own-terms-only] [--keep] [--check]

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './generate.js';
import { BIN, ROOT, buildIfNeeded, postsFile } from './inputs.js';
import { HAVE_TASKSET, HAVE_TIME, fmt, measure, median, scanOnce, table } from './measure.js';

// --max-growth: 25% by default. On the shared project machine the per-post cost of one run differed from another's
// at the same N by 7–12% (once 19%) over 5 runs, so a limit at twice the typical spread is not crossed by noise,
// while a cost that grows with the rule count crosses it well before 1,000 rules.
const USAGE = 'usage: node bench/rule-count.js [--counts 0,100,1000,5000] [--posts 100000] [--runs 3] [--seed 42] [--cpu 0] [--max-growth 25] [--own-terms-only] [--keep] [--check]';

function parseArgs(argv) {
  const o = { counts: [0, 100, 1000, 5000], posts: 100_000, runs: 3, seed: 42, cpu: 0, maxGrowth: 25, keep: false, check: false, ownTermsOnly: false };
  const int = (s) => Number(s.replace(/k$/i, '000'));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--counts') o.counts = argv[++i].split(',').map(int);
    else if (a === '--posts') o.posts = int(argv[++i]);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--cpu') o.cpu = argv[++i] === 'none' ? null : Number(argv[i]);
    else if (a === '--max-growth') o.maxGrowth = Number(argv[++i]);
    else if (a === '--own-terms-only') o.ownTermsOnly = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--check') o.check = true;
    else {
      process.stderr.write(`bench:rules: unknown argument ${a}\n${USAGE}\n`);
      process.exit(2);
    }
  }
  if (o.counts.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('--counts: integers ≥ 0');
  if (!o.counts.includes(0)) o.counts.unshift(0); // the baseline everything is compared with
  o.counts = [...new Set(o.counts)].sort((a, b) => a - b);
  if (!Number.isInteger(o.posts) || o.posts <= 1) throw new Error('--posts: an integer > 1');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs: a positive integer');
  return o;
}

const log = (m) => process.stderr.write(`bench:rules: ${m}\n`);

// ---------------------------------------------------------------- the extra rules

// Made-up words: three or four syllables, one of them with z or v, which the post generator writes only in a few
// names (Riza, Fauzi) and loanwords; the probe below makes sure that none of them occurs. They read like names of
// local groups, programmes or nicknames: "kavozari", "zerimoni", "lavirin".
const PLAIN = ['ba', 'ka', 'la', 'ma', 'na', 'ra', 'sa', 'ta', 'ri', 'mo', 'ni', 'ro', 'ku', 'lu', 'se', 'de', 'wi', 'ya', 'rin', 'tan', 'gar', 'lam'];
const RARE = ['za', 'zo', 'ze', 'zu', 'vi', 'va', 'vo', 've', 'zan', 'vin', 'val', 'zur'];
// Ordinary words that head the made-up phrases, as in the shipped lists ("relawan …", "posko …", "salam …").
const HEADS = ['gerakan', 'relawan', 'barisan', 'sahabat', 'laskar', 'posko', 'komunitas', 'salam', 'jaringan', 'pejuang', 'sobat', 'kawan', 'gema', 'suara', 'bersama'];
const TAILS = ['menang', 'jaya', 'hebat', 'bersatu', 'maju', 'juara', 'bangkit'];
const YEARS = ['2024', '2029', '2030'];
// The shipped lists the extra rules lean on, like the generic rules do, with one word of each for the examples.
const LIST_WORD = { vote_verbs: 'coblos', support_verbs: 'dukung', call_words: 'yuk', attend_words: 'hadir' };
const CATEGORIES = ['endorsement', 'campaign_activity', 'campaign_hashtag', 'party_support', 'campaign_slogan'];
const BASES = ['SKB 2022 Lampiran II SM-1, SM-2', 'PP 94/2021 ps. 5 huruf n', 'UU 20/2023 ps. 9(2)', 'SE MenPANRB B/71/M.SM.00.00/2017'];

class RuleGenerator {
  /** ownTermsOnly: rules that refer to no shipped list or entity (their proximity and all/any are among made-up terms). */
  constructor(seed, ownTermsOnly = false) {
    this.r = rng(seed);
    this.ownTermsOnly = ownTermsOnly;
    this.seen = new Set();
  }

  int(n) {
    return Math.floor(this.r() * n);
  }

  pick(xs) {
    return xs[this.int(xs.length)];
  }

  /** A made-up word never used before by this generator. */
  word() {
    for (;;) {
      const n = 3 + this.int(2);
      const rareAt = this.int(n);
      let w = '';
      for (let i = 0; i < n; i++) w += i === rareAt ? this.pick(RARE) : this.pick(PLAIN);
      if (!this.seen.has(w)) {
        this.seen.add(w);
        return w;
      }
    }
  }

  /** A term: a made-up word alone, or after an ordinary head word, or before an ordinary tail. */
  phrase() {
    const w = this.word();
    const x = this.r();
    return x < 0.4 ? w : x < 0.8 ? `${this.pick(HEADS)} ${w}` : `${w} ${this.pick(TAILS)}`;
  }

  terms(lo, hi) {
    const n = lo + this.int(hi - lo + 1);
    return Array.from({ length: n }, () => this.phrase());
  }

  hashtag() {
    const cap = (s) => s[0].toUpperCase() + s.slice(1);
    const w = cap(this.word());
    const x = this.r();
    return x < 0.35 ? `${w}${cap(this.pick(TAILS))}` : x < 0.7 ? `${w}${this.pick(YEARS)}` : `${cap(this.pick(HEADS))}${w}`;
  }

  /** The match of one rule, as YAML lines (flow style: strings as JSON, which YAML reads the same), and a text it flags. */
  rule() {
    const q = JSON.stringify;
    const list = (xs) => `[${xs.map(q).join(', ')}]`;
    const x = this.r();
    if (x < 0.3) {
      const t = this.terms(2, 6);
      return { match: [`term: ${list(t)}`], flag: `Malam ini kumpul ${t[0]} di balai desa` };
    }
    if (x < 0.45) {
      const tags = Array.from({ length: 2 + this.int(3) }, () => this.hashtag());
      return { match: [`hashtag: ${list(tags)}`], flag: `Siap tempur! #${tags[0]}` };
    }
    if (this.ownTermsOnly && x < 0.95) {
      const a = this.terms(1, 3);
      const b = this.terms(1, 2);
      if (x < 0.7) return { match: [`near: [{ term: ${list(a)} }, { term: ${list(b)} }]`, `within: ${2 + this.int(4)}`], flag: `${a[0]} dan ${b[0]}` };
      return { match: ['all:', `  - any: [{ term: ${list(a)} }, { hashtag: ${q(this.hashtag())} }]`, `  - term: ${list(b)}`], flag: `${a[0]} bersama ${b[0]}` };
    }
    if (x < 0.65) {
      const l = this.pick(Object.keys(LIST_WORD));
      const t = this.terms(1, 3);
      return { match: [`near: [{ list: ${l} }, { term: ${list(t)} }]`, `within: ${2 + this.int(4)}`], flag: `Ayo ${LIST_WORD[l]} ${t[0]} bareng-bareng` };
    }
    if (x < 0.8) {
      const t = this.terms(1, 3);
      return { match: [`near: [{ term: ${list(t)} }, { entity: candidate }]`, `within: ${3 + this.int(2)}`], flag: `${t[0]} untuk Prabowo-Gibran` };
    }
    if (x < 0.9) {
      const t = this.terms(1, 2);
      const tag = this.hashtag();
      return { match: ['all:', `  - any: [{ term: ${list(t)} }, { hashtag: ${q(tag)} }]`, '  - any: [{ list: election_word }, { entity: election }]'], flag: `Pilkada nanti ${t[0]} turun semua` };
    }
    if (x < 0.95) {
      const t = this.terms(1, 2);
      const l = this.pick(['attend_words', 'support_verbs']);
      return { match: [`near: [{ list: first_person }, { list: ${l} }, { term: ${list(t)} }]`, `within: ${4 + this.int(3)}`, 'ordered: true'], flag: `Aku ${LIST_WORD[l]} ${t[0]} kemarin` };
    }
    const w = this.word();
    const tail = this.pick(TAILS);
    return { match: [`regex: ${q(`\\b${w} (?:${tail}|${this.pick(TAILS)})\\b`)}`, `keywords: [${q(w)}]`], flag: `${w} ${tail}!` };
  }
}

/** The YAML of a rule pack with the first `n` rules of the seeded stream (so a smaller pack is a prefix of a larger). */
export function rulePack(n, seed, ownTermsOnly = false) {
  const g = new RuleGenerator(seed, ownTermsOnly);
  const lines = [
    `# ${n} generated rules for bench/rule-count.js (seed ${seed}): their terms occur in no generated post.`,
    'pack: bench-extra',
    'kind: rules',
    'title: Generated rules that never match the benchmark posts',
    'rules:',
  ];
  for (let i = 1; i <= n; i++) {
    const r = g.rule();
    const cat = g.pick(CATEGORIES);
    lines.push(
      `  - id: bench.extra-${String(i).padStart(5, '0')}`,
      `    title: { id: "Aturan uji ${i}", en: "Benchmark rule ${i}" }`,
      `    category: ${cat}`,
      `    severity: ${g.pick(['high', 'high', 'medium'])}`,
      `    confidence: ${(0.6 + g.int(35) / 100).toFixed(2)}`,
      `    legal_basis: ${JSON.stringify(g.pick(BASES))}`,
      '    match:',
      ...r.match.map((l) => `      ${l}`),
      '    examples:',
      `      flag: [${JSON.stringify(r.flag)}]`,
      '      pass: ["Rapat koordinasi di kantor kecamatan jam 9 pagi"]',
    );
  }
  return { yaml: `${lines.join('\n')}\n`, words: [...g.seen] };
}

/**
 * A pack whose rules match any made-up word, with every context that could suppress a finding ignored: scanned
 * with only the context pack, it finds nothing exactly when no made-up word occurs in the posts.
 */
function probePack(words) {
  const lines = ['pack: bench-probe', 'kind: rules', 'rules:'];
  for (let i = 0; i < words.length; i += 200) {
    lines.push(
      `  - id: bench.probe-${i / 200}`,
      '    title: { id: "Uji", en: "Probe" }',
      '    category: campaign_activity',
      '    severity: high',
      '    legal_basis: "-"',
      '    ignore_context: [prohibition, voter_education, news, date_window, prayer]',
      `    match: { term: ${JSON.stringify(words.slice(i, i + 200))} }`,
      `    examples: { flag: [${JSON.stringify(words[i])}], pass: ["kantor"] }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- running netral

function netral(args, what) {
  const m = measure(process.execPath, [BIN, ...args], null);
  if (m.status !== 0) throw new Error(`${what} failed (exit ${m.status}):\n${m.stderr}${m.stdout}`);
  return m.stdout;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  buildIfNeeded(log);
  const big = postsFile(o.posts, o.seed, log);
  const one = postsFile(1, o.seed, log);
  const pinCpu = HAVE_TASKSET ? o.cpu : null;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'netral-bench-rules-'));
  const load = os.loadavg()[0];
  try {
    // ---- the packs: written, validated, counted
    const configs = [];
    let allWords = [];
    for (const n of o.counts) {
      let args = [];
      if (n > 0) {
        const dir = path.join(tmp, `n${n}`);
        mkdirSync(dir);
        const { yaml, words } = rulePack(n, o.seed, o.ownTermsOnly);
        writeFileSync(path.join(dir, 'extra.yaml'), yaml);
        if (words.length > allWords.length) allWords = words;
        log(`validating the pack of ${fmt(n)} rules…`);
        netral(['rules', 'validate', dir], `netral rules validate (${n} rules)`);
        args = ['--rules', dir];
      }
      const rules = JSON.parse(netral(['rules', 'list', '-f', 'json', ...args], 'netral rules list')).rules.length;
      configs.push({ n, args, rules, start: [], full: [] });
    }

    // ---- no made-up word occurs in the posts (the larger packs repeat the smaller ones' words)
    log(`probing the ${fmt(o.posts)} posts for any of the ${fmt(allWords.length)} made-up words…`);
    const probe = path.join(tmp, 'probe.yaml');
    writeFileSync(probe, probePack(allWords));
    const p = scanOnce(big, pinCpu, ['--no-default-rules', '--rules', path.join(ROOT, 'rules', 'context.yaml'), '--rules', probe]);
    if (p.findings !== 0) throw new Error(`${p.findings} posts contain a made-up word: the extra rules would not be inert; change RARE/PLAIN`);

    // ---- the scans, in rounds over N so that drift in the machine's load weighs on every N alike
    for (let run = 1; run <= o.runs; run++) {
      for (const c of configs) {
        log(`run ${run}/${o.runs}: ${fmt(c.rules)} rules (${fmt(c.n)} extra): 1 post, then ${fmt(o.posts)} posts…`);
        c.start.push(scanOnce(one, pinCpu, c.args));
        const m = scanOnce(big, pinCpu, c.args);
        if (m.read !== o.posts || m.scanned !== o.posts) throw new Error(`expected ${o.posts} posts scanned, the summary says read ${m.read}, scanned ${m.scanned}`);
        c.full.push(m);
      }
    }

    // ---- figures: CPU seconds of the pinned process (wall clock without GNU time)
    const secs = (m) => (HAVE_TIME ? m.cpu : m.wall);
    for (const c of configs) {
      c.startS = median(c.start.map(secs));
      c.fullS = median(c.full.map(secs));
      c.perPostUs = ((c.fullS - c.startS) / (o.posts - 1)) * 1e6;
      // The spread of per-post cost over the runs (each run's full scan less the median start-up): the noise.
      const each = c.full.map((m) => ((secs(m) - c.startS) / (o.posts - 1)) * 1e6);
      c.spread = (Math.max(...each) - Math.min(...each)) / c.perPostUs;
      c.hashes = new Set(c.full.map((m) => m.findingsSha256));
      c.findings = c.full[0].findings;
    }
    const base = configs[0];
    const unit = HAVE_TIME ? 'cpu' : 'wall';
    const lines = [];
    lines.push(`netral rule-count benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${load.toFixed(2)} at start`);
    lines.push(o.ownTermsOnly ? 'extra rules: made-up terms only (--own-terms-only)' : 'extra rules: made-up terms, alone and with the shipped lists and entities (like the shipped rules)');
    lines.push(`${pinCpu !== null ? `scans pinned to core ${pinCpu} (taskset -c ${pinCpu})` : 'scans not pinned to a core'}; ${fmt(o.posts)} posts (${path.relative(ROOT, big)}), ${o.runs} run(s) each, medians of ${unit} time`);
    lines.push('');
    const head = ['extra rules', 'rules loaded', `start-up ${unit} ms`, `per-post ${unit} µs`, 'vs N=0', 'spread', `posts/${unit}-s`, 'findings', 'findings sha256'];
    const body = configs.map((c) => [
      fmt(c.n),
      fmt(c.rules),
      fmt(c.startS * 1000),
      fmt(c.perPostUs, 1),
      c === base ? '—' : `${c.perPostUs >= base.perPostUs ? '+' : ''}${fmt(((c.perPostUs - base.perPostUs) / base.perPostUs) * 100, 1)}%`,
      `${fmt(c.spread * 100, 1)}%`,
      fmt(o.posts / c.fullS),
      fmt(c.findings),
      [...c.hashes].map((h) => h.slice(0, 12)).join(','),
    ]);
    lines.push(...table(head, body));
    lines.push('');

    // ---- verdicts
    const results = [];
    const sameFindings = configs.every((c) => c.hashes.size === 1 && c.hashes.has([...base.hashes][0]));
    results.push([sameFindings, `findings byte-identical for every N (extra rules that never match change nothing): ${sameFindings ? 'yes' : 'NO'}`]);
    const noise = Math.max(...configs.map((c) => c.spread));
    const at = configs.find((c) => c.n === 1000);
    if (at) {
      const growth = (at.perPostUs - base.perPostUs) / base.perPostUs;
      results.push([growth * 100 < o.maxGrowth, `per-post cost grows by less than ${o.maxGrowth}% from N=0 to N=1,000: ${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}% (${fmt(base.perPostUs, 1)} → ${fmt(at.perPostUs, 1)} µs)`]);
    } else lines.push('note: no N=1,000 in --counts, so the growth check was not made');
    lines.push(`noise: the per-post cost of one run differs from another's by up to ${fmt(noise * 100, 1)}% at the same N (largest spread above)`);
    if (noise * 100 > o.maxGrowth) lines.push(`warning: that noise is more than the ${o.maxGrowth}% allowed; a verdict near the limit is not reliable (a busy machine? more --runs?)`);
    lines.push('');
    for (const [ok, text] of results) lines.push(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (o.check && results.some(([ok]) => !ok)) process.exitCode = 1;
  } finally {
    if (o.keep) log(`packs kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
