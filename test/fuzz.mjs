// `npm run fuzz`: the property campaigns (test/**/*.prop.test.ts) with many more runs and a random seed, printed
// first so that a failure can be replayed: NETRAL_FUZZ_SEED=<seed> npm run fuzz. NETRAL_FUZZ sets how many times
// more runs than the normal suite (default 50).

import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.NETRAL_FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const factor = process.env.NETRAL_FUZZ ?? '50';
process.stderr.write(`netral fuzz: seed ${seed}, ${factor}x the normal runs (replay: NETRAL_FUZZ_SEED=${seed} NETRAL_FUZZ=${factor} npm run fuzz)\n`);
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', '--testTimeout=0', ...(process.argv.length > 2 ? process.argv.slice(2) : ['.prop.test.ts'])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NETRAL_FUZZ_SEED: seed, NETRAL_FUZZ: factor },
});
process.stderr.write(`netral fuzz: seed ${seed} ${r.status === 0 ? 'passed' : 'FAILED'}\n`);
process.exit(r.status ?? 1);
