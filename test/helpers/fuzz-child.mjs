// A child process for fuzz cases that could hang: reading inputs the way `netral scan` does (dist/, built by
// `npm test`), or running a regex on windows of text. The parent (test/helpers/bounded-child.ts) kills it when a
// case runs too long, which no timer inside the process could do if the work never yields. A process, not a
// worker thread: a worker's stack is several times deeper than the CLI's, and would hide a recursion that
// overflows in `netral scan`.
import { Readable } from 'node:stream';

const dist = new URL('../../dist/', import.meta.url);
const { InputSet, fileInput } = await import(new URL('sources/inputs.js', dist).href);
const { formatById } = await import(new URL('sources/registry.js', dist).href);
const { InputError } = await import(new URL('errors.js', dist).href);

const options = (warnings) => ({ map: {}, includePrivate: false, timeZone: 'Asia/Jakarta', warn: (m) => warnings.push(m) });

/** One file through one format's reader, directly: the reader's own contract. */
async function readWith(job) {
  const warnings = [];
  const format = formatById(job.format);
  let posts = 0;
  let skips = 0;
  try {
    for await (const item of format.read(fileInput(job.path), options(warnings))) {
      if (item.type === 'post') posts++;
      else skips++;
    }
    return { outcome: 'records', posts, skips, warnings };
  } catch (e) {
    if (e instanceof InputError) return { outcome: 'input-error', posts, skips, message: e.message, warnings };
    return { outcome: 'crash', posts, skips, message: String(e?.stack ?? e), warnings };
  }
}

/** Inputs through InputSet (detection, containers, folders), as `netral scan` reads them. */
async function readInputs(job) {
  const warnings = [];
  const set = new InputSet(job.specs, {
    ...options([]),
    ...(job.from ? { from: job.from } : {}),
    stdin: Readable.from([]),
    warn: (_input, m) => warnings.push(m),
  });
  let posts = 0;
  let skips = 0;
  try {
    for await (const { item } of set.items()) {
      if (item.type === 'post') posts++;
      else skips++;
    }
    return { outcome: 'records', posts, skips, counts: set.counts, ignored: set.ignored, warnings };
  } catch (e) {
    return { outcome: 'crash', posts, skips, message: String(e?.stack ?? e), warnings };
  }
}

/** A regex compiled as the engine compiles it, run once on each window: the slowest run, in ms. */
function runRegex(job) {
  const re = new RegExp(job.source, 'gu');
  let slowest = 0;
  for (const w of job.windows) {
    const t0 = performance.now();
    re.lastIndex = 0;
    re.exec(w);
    slowest = Math.max(slowest, performance.now() - t0);
  }
  return { outcome: 'done', ms: slowest };
}

process.on('message', async (job) => {
  const result = job.source !== undefined ? runRegex(job) : job.format ? await readWith(job) : await readInputs(job);
  process.send({ id: job.id, ...result });
});
process.send({ ready: true });
