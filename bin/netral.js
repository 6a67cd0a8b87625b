#!/usr/bin/env node
// netral's entry point: everything lives in dist/cli/run.js; this shim only starts it.
import { setFlagsFromString } from 'node:v8';

// V8 grows its heap after each full collection by a factor it derives from how fast collecting went. On a busy
// machine collecting looks slow, the factor rises and a long scan's peak memory with it: 1M posts peaked anywhere
// from 155 to 250 MB with another process on the same core, always ~155 MB with the factor fixed at 1.5, for the
// same CPU time (bench/README.md). Set before anything is loaded; tried on Node 20 to 24, where the flag exists.
if (Number(process.versions.node.split('.')[0]) <= 24) setFlagsFromString('--heap-growing-percent=50');
const { main } = await import('../dist/cli/run.js');

await main();
