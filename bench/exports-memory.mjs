#!/usr/bin/env node
// Peak memory and speed of reading platform downloads: a synthetic X archive of N tweets (default 100,000), as an
// unpacked folder and as a .zip, and a Facebook posts file of N posts, each read in a fresh process through
// InputSet (what `netral scan` and `netral inspect` use). Needs `npm run build` first; the zip step needs the
// `zip` command. Usage: node bench/exports-memory.mjs [N]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const N = Number(process.argv[2] ?? 100_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-'));

const words = 'ayo ke tps rapat koordinasi guru sekolah bantuan sosial pelayanan publik jalan rusak banjir kerja bakti'.split(' ');
const text = (i) => Array.from({ length: 30 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ') + ` #tag${i % 50}`;

async function writeLines(file, first, item, last) {
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  await write(first);
  for (let i = 0; i < N; i++) await write(item(i) + (i < N - 1 ? ',\n' : '\n'));
  await write(last);
  await new Promise((r) => out.end(r));
}

const x = path.join(dir, 'x-archive');
mkdirSync(path.join(x, 'data'), { recursive: true });
writeFileSync(path.join(x, 'data/account.js'), 'window.YTD.account.part0 = [ { "account" : { "username" : "bench_user", "accountDisplayName" : "Bench" } } ]');
const base = Date.UTC(2023, 0, 1);
await writeLines(
  path.join(x, 'data/tweets.js'),
  'window.YTD.tweets.part0 = [\n',
  (i) => {
    const id = String(1600000000000000000n + BigInt(i));
    const t = text(i);
    return JSON.stringify({ tweet: { id_str: id, id, created_at: new Date(base + i * 60000).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (.+) GMT$/, '$1 $3 $2 $5 +0000 $4'), full_text: t, retweeted: false, favorite_count: '0', entities: { hashtags: [{ text: `tag${i % 50}`, indices: ['0', '0'] }], user_mentions: [], urls: [] } } }, null, 2);
  },
  ']',
);
const fb = path.join(dir, 'your_posts_1.json');
await writeLines(fb, '[\n', (i) => JSON.stringify({ timestamp: Math.floor(base / 1000) + i * 60, data: [{ post: text(i) }, { update_timestamp: 1 }], title: 'Bench updated his status.' }, null, 2), ']');

const inputs = [
  ['x-archive folder', x],
  ['facebook your_posts_1.json', fb],
];
try {
  execFileSync('zip', ['-q', '-r', path.join(dir, 'x-archive.zip'), '.'], { cwd: x });
  inputs.push(['x-archive .zip', path.join(dir, 'x-archive.zip')]);
} catch {
  console.log('(zip command not found: the .zip case is skipped)');
}

const reader = `
  const { InputSet } = await import(${JSON.stringify(path.join(root, 'dist/sources/inputs.js'))});
  const { Readable } = await import('node:stream');
  const set = new InputSet([process.argv[1]], { map: {}, includePrivate: false, timeZone: 'Asia/Jakarta', stdin: Readable.from([]), warn() {} });
  const t0 = performance.now();
  let posts = 0;
  for await (const { item } of set.items()) if (item.type === 'post') posts++;
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ posts, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, counts: set.counts }));
`;
console.log(`${N} posts per input`);
for (const [label, p] of inputs) {
  const size = statSync(p).isDirectory() ? statSync(path.join(p, 'data/tweets.js')).size : statSync(p).size;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', reader, p], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const o = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log(`${label.padEnd(28)} ${String(Math.round(size / 1024 / 1024)).padStart(5)} MB  ${String(o.posts).padStart(7)} posts  ${String(Math.round(o.ms)).padStart(6)} ms  ${Math.round((o.posts / o.ms) * 1000)} posts/s  peak RSS ${Math.round(o.maxRssMb)} MB`);
}
rmSync(dir, { recursive: true, force: true });
