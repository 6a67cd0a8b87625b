#!/usr/bin/env node
// netral's entry point: everything lives in dist/cli/run.js; this shim only starts it.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

// V8 grows its heap after each full collection by a factor it derives from how fast collecting went. On a busy
// machine collecting looks slow, the factor rises and a long scan's peak memory with it: 1M posts peaked anywhere
// from 155 to 250 MB with another process on the same core, always ~155 MB with the factor fixed at 1.5, for the
// same CPU time (bench/README.md). Set before anything is loaded; tried on Node 20 to 24, where the flag exists.
const major = Number(process.versions.node.split('.')[0]);
if (major <= 24) setFlagsFromString('--heap-growing-percent=50');

// Node 24's V8 lets the young generation grow with the machine's memory: to 128 MB on a 24 GB machine, against 32 MB
// on Node 20 and 22. A long scan fills it, and 1M posts peaked at 280 MB instead of ~180 MB, for no CPU gained. The
// cap is fixed when the process starts (--max-semi-space-size), but V8 reads the growth factor each time it grows
// the space: once the space has reached Node 20's size, it stops growing. A timer, not a hook, because V8 offers none;
// unref'd, so it never keeps a run alive.
if (major === 24) {
  const YOUNG_MAX = 32 * 1024 * 1024;
  const watch = setInterval(() => {
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (young === undefined || young.space_size >= YOUNG_MAX) {
      if (young !== undefined) setFlagsFromString('--semi-space-growth-factor=1');
      clearInterval(watch);
    }
  }, 50);
  watch.unref();
}
const { main } = await import('../dist/cli/run.js');

await main();
