// Loaded into a netral process with `node --import` by tests that must stop a run while it saves an evidence body
// (a moment of a few milliseconds otherwise): linking a file into a `bodies` folder never completes, so the body's
// temporary file stays there until the test sends its signal. Nothing else changes.

import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const link = fs.promises.link;
fs.promises.link = (from, to) =>
  path.basename(path.dirname(String(to))) === 'bodies' ? new Promise(() => setInterval(() => {}, 60_000)) : link(from, to);
// `import { link } from 'node:fs/promises'` sees the replacement too.
syncBuiltinESMExports();
