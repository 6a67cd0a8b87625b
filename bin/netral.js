#!/usr/bin/env node
// netral's entry point: everything lives in dist/cli/run.js; this shim only starts it.
import { main } from '../dist/cli/run.js';

await main();
