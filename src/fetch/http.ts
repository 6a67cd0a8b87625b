// The one way netral talks to the network: GET with a clear User-Agent, per-host politeness (HostLimiter), retries
// with backoff on 429/5xx and broken connections within a per-run budget, timeouts for connecting, headers and
// body, a cap on body size, redirects followed by hand (counted, loop-checked, each hop checked against the URL
// policy), and every complete body, a redirect's included, handed to the evidence archive.

import type { Dispatcher } from 'undici';
import { backoffDelay, serverDelay, windowExhausted } from './backoff.js';
import { HostLimiter, sleep as realSleep, type Sleep } from './limiter.js';
import { sha256Hex, type EvidenceArchive, type ManifestHop } from './archive.js';
import { loginWallReason, loginWalledPlatform, urlProblem } from './sources.js';

export interface HttpOptions {
  userAgent: string;
  /** Requests per second to one host. */
  rate: number;
  /** Requests in flight to one host. */
  concurrency: number;
  /** Each of: connecting, waiting for headers, waiting between body chunks. */
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Retries of one request. */
  retries: number;
  /** Retries over the whole run, so a failing server cannot keep a cron job busy for hours. */
  retryBudget: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** The longest wait a server may ask for (Retry-After, rate-limit reset) before we give up instead. */
  maxWaitMs: number;
  /** Multiplies every wait (tests only: makes a Retry-After of 2 s last 20 ms). */
  delayScale: number;
  archive: EvidenceArchive | null;
}

export interface GetOptions {
  accept: string;
  /** The source the request is made for (manifest, messages). */
  source: string;
  onRetry?: (why: string) => void;
}

export interface Fetched {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  fetchedAt: string;
  sha256: string;
  /** The sha256, when the body was saved in the evidence archive. */
  evidence?: string;
}

/** A request that failed for good (after any retries), or an answer that cannot be used; the message is for the user. */
export class FetchError extends Error {
  override readonly name = 'FetchError';

  /**
   * `about`: the address the message names, and the message without it. An account that is that one address (a
   * page, a feed) is already named at the start of its error line: forAccount() leaves the address out there.
   */
  constructor(
    message: string,
    readonly about: { url: string; without: string } | null = null,
  ) {
    super(message);
  }

  /** The message for the account whose own address is `own` (null for an account that is not one address). */
  forAccount(own: string | null): string {
    return this.about !== null && own !== null && this.about.url === own ? this.about.without : this.message;
  }
}

/** A FetchError about one address: "URL: reason". */
export function fetchErrorAt(url: string, reason: string): FetchError {
  return new FetchError(`${url}: ${reason}`, { url, without: reason });
}

/** A FetchError that names the address it is about in parentheses: "reason (URL)", or "reason (detail; URL)". */
export function fetchErrorFrom(url: string, reason: string, detail?: string): FetchError {
  const without = detail === undefined ? reason : `${reason} (${detail})`;
  return new FetchError(`${reason} (${detail === undefined ? '' : `${detail}; `}${url})`, { url, without });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRY_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_CLOSED',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'DEADLINE',
]);

class NetError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

function describe(e: unknown, timeoutMs: number): NetError {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? '';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new NetError(`could not connect within ${seconds(timeoutMs)}`, code);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new NetError(`no response within ${seconds(timeoutMs)}`, code);
    case 'UND_ERR_BODY_TIMEOUT':
      return new NetError(`the response stalled (no data for ${seconds(timeoutMs)})`, code);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'ECONNRESET':
    case 'EPIPE':
      return new NetError('the connection closed before the response was complete', code);
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return new NetError('the response was cut short (fewer bytes than announced)', code);
    case 'ECONNREFUSED':
      return new NetError('connection refused', code);
    case 'ENOTFOUND':
      return new NetError('host not found', code);
    case 'EAI_AGAIN':
      return new NetError('host name lookup failed (temporarily)', code);
    default:
      if (/^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) return new NetError(`secure connection failed: ${err.message}`, code);
      return new NetError(err.message || String(e), code || 'UNKNOWN');
  }
}

export class HttpClient {
  private readonly limiter: HostLimiter;
  private retriesLeft: number;

  private constructor(
    private readonly opts: HttpOptions,
    private readonly undici: typeof import('undici'),
    private readonly agent: Dispatcher,
    private readonly sleep: Sleep,
  ) {
    this.limiter = new HostLimiter(opts.concurrency, 1000 / opts.rate, sleep);
    this.retriesLeft = opts.retryBudget;
  }

  static async create(opts: HttpOptions, sleep: Sleep = realSleep): Promise<HttpClient> {
    const undici = await import('undici');
    const agent = new undici.Agent({
      connect: { timeout: opts.timeoutMs },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      connections: opts.concurrency,
      keepAliveTimeout: 4000,
    });
    return new HttpClient(opts, undici, agent, sleep);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private wait(ms: number): Promise<void> {
    return this.sleep(ms * this.opts.delayScale);
  }

  /** GETs `url`, retrying what is worth retrying. Returns any final status; throws FetchError when it cannot. */
  async get(url: string, o: GetOptions): Promise<Fetched> {
    for (let attempt = 0; ; attempt++) {
      let res: Fetched;
      try {
        res = await this.follow(url, o);
      } catch (e) {
        if (!(e instanceof NetError) || !RETRY_CODES.has(e.code)) throw e instanceof NetError ? fetchErrorAt(url, e.message) : e;
        const why = this.retryRefusal(attempt);
        if (why) throw fetchErrorAt(url, `${e.message} (${why})`);
        o.onRetry?.(e.message);
        await this.wait(backoffDelay(attempt, this.opts.backoffBaseMs, this.opts.backoffCapMs));
        continue;
      }
      if (res.status !== 429 && res.status < 500) return res;
      const what = `HTTP ${res.status}${res.status === 429 ? ' (too many requests)' : ''}`;
      const asked = serverDelay(res.headers);
      if (asked !== null && asked > this.opts.maxWaitMs)
        throw fetchErrorAt(res.finalUrl, `${what}; the server asks to wait ${seconds(asked)}, longer than netral waits (${seconds(this.opts.maxWaitMs)}); run again later`);
      const why = this.retryRefusal(attempt);
      if (why) throw fetchErrorAt(res.finalUrl, `${what} (${why})`);
      const delay = asked ?? backoffDelay(attempt, this.opts.backoffBaseMs, this.opts.backoffCapMs);
      if (asked !== null) this.limiter.pause(new URL(res.finalUrl).host, Date.now() + asked * this.opts.delayScale);
      o.onRetry?.(what);
      await this.wait(delay);
    }
  }

  /** Why no further retry may be made, or null (and one retry is taken from the budget). */
  private retryRefusal(attempt: number): string | null {
    if (attempt >= this.opts.retries) return attempt === 0 ? 'no retries allowed' : `gave up after ${attempt + 1} attempts`;
    if (this.retriesLeft <= 0) return `the run's retry budget of ${this.opts.retryBudget} is used up`;
    this.retriesLeft--;
    return null;
  }

  /** One attempt: the request and its redirects. Every answer, redirects included, goes to the archive. */
  private async follow(url: string, o: GetOptions): Promise<Fetched> {
    const chain: string[] = [];
    const hops: ManifestHop[] = [];
    let current = url;
    for (;;) {
      const u = new URL(current);
      // Redirects are checked hop by hop: a shortener must not lead to plain http elsewhere, or to a login wall.
      const walled = chain.length > 0 ? loginWalledPlatform(u.hostname) : null;
      const problem = urlProblem(u) ?? (walled ? loginWallReason(walled) : null);
      if (problem) throw chain.length > 0 ? fetchErrorAt(url, `redirected to ${current}: ${problem}`) : fetchErrorAt(current, problem);
      const r = await this.once(u, o);
      const sha256 = sha256Hex(r.body);
      if (this.opts.archive) {
        await this.opts.archive.store(
          {
            fetched_at: r.fetchedAt,
            url,
            final_url: current,
            redirects: [...chain],
            status: r.status,
            location: r.location,
            content_type: r.contentType,
            source: o.source,
            user_agent: this.opts.userAgent,
            hops: [...hops],
          },
          r.body,
          sha256,
        );
      }
      if (!REDIRECTS.has(r.status) || r.location === null) {
        const fetched: Fetched = { url, finalUrl: current, status: r.status, contentType: r.contentType, headers: r.headers, body: r.body, fetchedAt: r.fetchedAt, sha256 };
        if (this.opts.archive) fetched.evidence = sha256;
        return fetched;
      }
      chain.push(current);
      hops.push({ url: current, status: r.status, location: r.location, sha256 });
      let next: string;
      try {
        next = new URL(r.location, current).href;
      } catch {
        throw fetchErrorAt(current, `redirect to an invalid address "${r.location}"`);
      }
      if (chain.includes(next)) throw fetchErrorAt(url, `redirect loop (${[...chain, next].join(' → ')})`);
      if (chain.length > this.opts.maxRedirects) throw fetchErrorAt(url, `more than ${this.opts.maxRedirects} redirects (last: ${next})`);
      current = next;
    }
  }

  private async once(u: URL, o: GetOptions) {
    const release = await this.limiter.acquire(u.host);
    // Idle timeouts do not stop a server that drips one byte at a time; this deadline does. (The extra second
    // leaves room for undici's coarse timers, so the idle timeouts, which say more, normally fire first.)
    const deadlineMs = this.opts.timeoutMs * 4 + 1000;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), deadlineMs);
    try {
      let res: Dispatcher.ResponseData;
      try {
        res = await this.undici.request(u, {
          dispatcher: this.agent,
          method: 'GET',
          headers: { 'user-agent': this.opts.userAgent, accept: o.accept },
          headersTimeout: this.opts.timeoutMs,
          bodyTimeout: this.opts.timeoutMs,
          signal: deadline.signal,
        });
      } catch (e) {
        throw deadline.signal.aborted ? new NetError(`no complete response within ${seconds(deadlineMs)}`, 'DEADLINE') : describe(e, this.opts.timeoutMs);
      }
      const fetchedAt = new Date().toISOString();
      const contentType = first(res.headers['content-type']) ?? null;
      const location = first(res.headers.location) ?? null;
      // A redirect's body is read like any other (and as bounded): it is evidence of where the address led.
      const declared = Number(first(res.headers['content-length']));
      if (Number.isFinite(declared) && declared > this.opts.maxBodyBytes) {
        discard(res.body);
        throw fetchErrorAt(u.href, `the response is ${formatBytes(declared)}, more than the ${formatBytes(this.opts.maxBodyBytes)} netral accepts (--max-body-size)`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > this.opts.maxBodyBytes) {
            discard(res.body);
            throw fetchErrorAt(u.href, `the response is larger than the ${formatBytes(this.opts.maxBodyBytes)} netral accepts (--max-body-size)`);
          }
          chunks.push(chunk);
        }
      } catch (e) {
        if (e instanceof FetchError) throw e;
        throw deadline.signal.aborted ? new NetError(`no complete response within ${seconds(deadlineMs)}`, 'DEADLINE') : describe(e, this.opts.timeoutMs);
      }
      if (windowExhausted(res.headers)) {
        // The window is used up: hold this host until it resets, if the server says when and it is not too long.
        const until = serverDelay(res.headers);
        if (until !== null && until <= this.opts.maxWaitMs) this.limiter.pause(u.host, Date.now() + until * this.opts.delayScale);
      }
      return { status: res.statusCode, headers: res.headers, contentType, location, body: Buffer.concat(chunks), fetchedAt };
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}

/** Drops a body we will not read; the abort error it then emits is expected, not a crash. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
