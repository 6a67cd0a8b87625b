// A real HTTP server on 127.0.0.1 for fetch tests: routes answer with fixture files (fixtures/fetch/) or with
// faults (stalls, truncation, redirects, 429/5xx). Every request is logged with its time and headers, so tests
// can check politeness (User-Agent, rate, retries) from the server's side. No mocks of undici or of netral.
// unansweredPort() gives a port where even connecting hangs, for the connect timeout.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll } from 'vitest';
import { FIXTURES } from './cli.js';

export interface Logged {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export class TestServer {
  readonly log: Logged[] = [];
  private readonly routes = new Map<string, Handler>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Starts a server (closed after the test file). */
  static async start(): Promise<TestServer> {
    let self: TestServer | null = null;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1`);
      self!.log.push({ path: url.pathname + url.search, headers: req.headers, at: Date.now() });
      const h = self!.routes.get(url.pathname);
      if (!h) {
        send(res, 404, 'application/json', '{"error":"Record not found"}');
        return;
      }
      Promise.resolve(h(req, res, url)).catch((e: unknown) => {
        if (!res.headersSent) send(res, 500, 'text/plain', String(e));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new TestServer(server, (server.address() as AddressInfo).port);
    const s = self;
    afterAll(() => s.close());
    return self;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Answers `pathname` (any query) with `h`; replaces an earlier route. */
  on(pathname: string, h: Handler): this {
    this.routes.set(pathname, h);
    return this;
  }

  /** Requests whose path starts with `prefix`. */
  hits(prefix: string): Logged[] {
    return this.log.filter((l) => l.path.startsWith(prefix));
  }

  reset(): void {
    this.routes.clear();
    this.log.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, 'fetch', rel), 'utf8');
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  res.writeHead(status, { 'content-type': type, 'content-length': String(b.length), ...headers });
  res.end(b);
}

export const json = (body: string, headers: Record<string, string> = {}): Handler => (_req, res) => send(res, 200, 'application/json; charset=utf-8', body, headers);

/** Answers with each handler in turn; the last one repeats. */
export function sequence(...hs: Handler[]): Handler {
  let i = 0;
  return (req, res, url) => hs[Math.min(i++, hs.length - 1)](req, res, url);
}

/**
 * A WebFinger answer for @alice as Mastodon gives it: her handle is `alice@<domain>`, her account lives on `home`.
 * Other accounts get 404.
 */
export function webfingerAlice(server: TestServer, domain: string, home: TestServer = server): void {
  server.on('/.well-known/webfinger', (_req, res, url) => {
    if (!/^acct:alice@/i.test(url.searchParams.get('resource') ?? '')) {
      send(res, 404, 'application/json; charset=utf-8', '');
      return;
    }
    const jrd = {
      subject: `acct:alice@${domain}`,
      aliases: [`${home.origin}/@alice`, `${home.origin}/users/alice`],
      links: [
        { rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: `${home.origin}/@alice` },
        { rel: 'self', type: 'application/activity+json', href: `${home.origin}/users/alice` },
      ],
    };
    send(res, 200, 'application/jrd+json; charset=utf-8', JSON.stringify(jrd));
  });
}

/**
 * Mastodon routes for @alice on this server: WebFinger (her handle's domain is `mastodon.example`, as her profile
 * address says), lookup, two pages of statuses (Link header), 404 for others.
 */
export function mastodonAlice(server: TestServer, opts: { page1?: string } = {}): void {
  webfingerAlice(server, 'mastodon.example');
  server.on('/api/v1/accounts/lookup', (_req, res, url) => {
    if (url.searchParams.get('acct') === 'alice') send(res, 200, 'application/json; charset=utf-8', fixture('mastodon/account.json'));
    else send(res, 404, 'application/json; charset=utf-8', '{"error":"Record not found"}');
  });
  server.on('/api/v1/accounts/109876543210987654/statuses', (_req, res, url) => {
    if (url.searchParams.get('max_id') === '111760000000000003') {
      send(res, 200, 'application/json; charset=utf-8', fixture('mastodon/statuses-page2.json'), {
        link: `<${server.origin}/api/v1/accounts/109876543210987654/statuses?min_id=111600000000000002>; rel="prev"`,
      });
      return;
    }
    send(res, 200, 'application/json; charset=utf-8', opts.page1 ?? fixture('mastodon/statuses-page1.json'), {
      link: `<${server.origin}/api/v1/accounts/109876543210987654/statuses?limit=40&max_id=111760000000000003>; rel="next", <${server.origin}/api/v1/accounts/109876543210987654/statuses?min_id=111790000000000006>; rel="prev"`,
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
      'x-ratelimit-reset': new Date(Date.now() + 300_000).toISOString(),
    });
  });
}

/** Bluesky AppView routes for siti.bsky.social (two pages) and a !no-unauthenticated account. */
export function blueskySiti(server: TestServer): void {
  server.on('/xrpc/app.bsky.actor.getProfile', (_req, res, url) => {
    const actor = url.searchParams.get('actor');
    if (actor === 'siti.bsky.social') send(res, 200, 'application/json; charset=utf-8', fixture('bluesky/profile.json'));
    else if (actor === 'tertutup.bsky.social') send(res, 200, 'application/json; charset=utf-8', fixture('bluesky/profile-no-unauthenticated.json'));
    else send(res, 400, 'application/json; charset=utf-8', '{"error":"InvalidRequest","message":"Profile not found"}');
  });
  server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_req, res, url) => {
    if (url.searchParams.get('cursor') === '2024-01-12T02:00:01.000Z') send(res, 200, 'application/json; charset=utf-8', fixture('bluesky/feed-page2.json'));
    else send(res, 200, 'application/json; charset=utf-8', fixture('bluesky/feed-page1.json'));
  });
}

/**
 * A port on 127.0.0.1 where a TCP connect hangs, with no network beyond this computer: a listener (backlog 1) in a
 * worker thread that is blocked at once, so it never accepts; a few connections fill its accept queue, and the
 * kernel then drops further SYNs unanswered. Released after the test file.
 */
export async function unansweredPort(): Promise<number> {
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const server = require('node:net').createServer();
     server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(workerData, 0, 0); // blocked: nothing is accepted until the test file ends
       server.close();
       parentPort.close();
     });`,
    { eval: true, workerData: wake },
  );
  const port = await new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject));
  const fillers: Socket[] = [];
  const release = async () => {
    for (const s of fillers) s.destroy();
    Atomics.store(wake, 0, 1);
    Atomics.notify(wake, 0);
    await worker.terminate();
  };
  afterAll(release);
  // Connect until one connection is not completed: the queue is full from then on.
  for (let i = 0; i < 16; i++) {
    const s = connect({ host: '127.0.0.1', port }).on('error', () => {});
    fillers.push(s);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => setImmediate(() => resolve(!s.connecting)), 300); // setImmediate: after I/O is read
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) return port;
  }
  await release();
  throw new Error(`could not fill the accept queue of 127.0.0.1:${port}`);
}
