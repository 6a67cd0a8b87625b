// How long to wait before asking a server again. A server that says how long (Retry-After, or when its rate-limit
// window resets) is obeyed; otherwise the wait grows exponentially with jitter, so many clients that failed
// together do not return together.

type Headers = Record<string, string | string[] | undefined>;

function header(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Milliseconds from `now` until a reset given as delta seconds, Unix seconds or a date. */
function untilReset(v: string, now: number): number | null {
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    // Bluesky and GitHub send Unix seconds; the IETF draft sends seconds from now.
    return n > 1e9 ? n * 1000 - now : n * 1000;
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t - now;
}

/**
 * The wait a response asks for, in ms (before scaling), or null when it names none: Retry-After (seconds or an
 * HTTP date), else the reset of a rate-limit window (X-RateLimit-Reset as Mastodon's ISO time, RateLimit-Reset,
 * or the structured `RateLimit: …, reset=N`).
 */
export function serverDelay(h: Headers, now = Date.now()): number | null {
  const ra = header(h, 'retry-after');
  if (ra !== undefined) {
    const ms = untilReset(ra, now);
    // Retry-After in seconds is always relative, even when large.
    if (ms !== null) return Math.max(0, /^\d+$/.test(ra.trim()) ? Number(ra.trim()) * 1000 : ms);
  }
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const v = header(h, name);
    if (v !== undefined) {
      const ms = untilReset(v, now);
      if (ms !== null) return Math.max(0, ms);
    }
  }
  const structured = header(h, 'ratelimit');
  // Older drafts: `limit=100, remaining=0, reset=50`; newer: `"default";r=0;t=50` (t = seconds to reset).
  const m = structured ? /(?:^|[,;\s])(?:reset|t)=(\d+)/.exec(structured) : null;
  if (m) return Number(m[1]) * 1000;
  return null;
}

/** True when a successful response says the rate-limit window is used up. */
export function windowExhausted(h: Headers): boolean {
  for (const name of ['x-ratelimit-remaining', 'ratelimit-remaining']) {
    const v = header(h, name);
    if (v !== undefined && /^\s*0\s*$/.test(v)) return true;
  }
  return false;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, capped. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}
