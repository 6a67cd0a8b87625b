// --state with feeds, against a real server on 127.0.0.1: a feed's items are not in a reliable order (back-dated and
// scheduled blog posts), so a later run must take every item it has not fetched before, whatever its date; a state
// file written by the first version (newest time only) is read and rewritten in the current form.

import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import { send, TestServer } from '../helpers/http-server.js';
import type { Post } from '../../src/model.js';

const server = await TestServer.start();
const FEED = '/blog.rss';

function fetch(args: string[]) {
  return cli(['fetch', ...args, '--rate', '1000']);
}

const posts = (s: string): Post[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Post);

interface Item {
  guid: string;
  title: string;
  date: string;
}

function rss(items: Item[]): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title><link>https://rudi.example.id/${i.guid}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${i.date}</pubDate><description>${i.title}.</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Catatan Pak Rudi</title>\n${body}\n</channel></rss>`;
}

function serve(items: Item[]): void {
  server.on(FEED, (_q, res) => send(res, 200, 'application/rss+xml; charset=utf-8', rss(items)));
}

const ayo: Item = { guid: 'rudi-101', title: 'Ayo coblos 02 tanggal 14 Februari', date: 'Tue, 16 Jan 2024 20:30:00 +0700' };
const kerja: Item = { guid: 'rudi-100', title: 'Kerja bakti RT 05', date: 'Mon, 15 Jan 2024 07:00:00 +0700' };
const fresh: Item = { guid: 'rudi-103', title: 'Rapat koordinasi kelurahan', date: 'Sat, 03 Feb 2024 09:00:00 +0700' };
const backdated: Item = { guid: 'rudi-102', title: 'Ayo coblos 02, jangan golput', date: 'Fri, 12 Jan 2024 09:00:00 +0700' };

beforeEach(() => server.reset());

describe('--state with RSS/Atom feeds', () => {
  it('fetches an item back-dated before the newest one already fetched, and each item only once', async () => {
    const state = path.join(tempDir(), 'st.json');
    const key = `rss:${server.origin}${FEED}`;
    serve([ayo, kerja]);
    const one = await fetch([key, '--state', state]);
    expect(one.exitCode).toBe(0);
    expect(posts(one.stdout).map((p) => p.id)).toEqual(['rudi-101', 'rudi-100']);

    // The blog publishes a post, and one dated a few days before the newest already fetched.
    serve([fresh, ayo, backdated, kerja]);
    const two = await fetch([key, '--state', state]);
    expect(two.exitCode).toBe(0);
    expect(posts(two.stdout).map((p) => [p.id, p.created_at, p.text])).toEqual([
      ['rudi-103', '2024-02-03T02:00:00Z', 'Rapat koordinasi kelurahan.'],
      ['rudi-102', '2024-01-12T02:00:00Z', 'Ayo coblos 02, jangan golput.'],
    ]);
    expect(two.stderr).toContain(`netral: ${key}: 2 posts, 1 page`);

    const three = await fetch([key, '--state', state]);
    expect(three.exitCode).toBe(0);
    expect(three.stdout).toBe('');

    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.version).toBe(2);
    expect(saved.accounts[key]).toMatchObject({
      newest: '2024-02-03T02:00:00Z',
      ids_at_newest: ['rudi-103'],
      seen: { 'rudi-103': '2024-02-03T02:00:00Z', 'rudi-101': '2024-01-16T13:30:00Z', 'rudi-100': '2024-01-15T00:00:00Z', 'rudi-102': '2024-01-12T02:00:00Z' },
      seen_floor: null,
    });
  });

  it('takes a back-dated item only from --since on', async () => {
    const state = path.join(tempDir(), 'st.json');
    const key = `rss:${server.origin}${FEED}`;
    serve([ayo, kerja]);
    expect((await fetch([key, '--state', state, '--since', '2024-01-14'])).exitCode).toBe(0);
    serve([ayo, backdated, kerja, { guid: 'rudi-099', title: 'Catatan lama', date: 'Wed, 10 Jan 2024 09:00:00 +0700' }]);
    const two = await fetch([key, '--state', state, '--since', '2024-01-11']);
    expect(posts(two.stdout).map((p) => p.id)).toEqual(['rudi-102']);
  });

  it('--max-posts takes the newest N items of a feed in any order, and the others listed then are not fetched later', async () => {
    const state = path.join(tempDir(), 'st.json');
    const key = `rss:${server.origin}${FEED}`;
    serve([kerja, fresh, ayo]); // not in date order
    const one = await fetch([key, '--state', state, '--max-posts', '2']);
    expect(one.exitCode).toBe(0);
    expect(posts(one.stdout).map((p) => p.id)).toEqual(['rudi-103', 'rudi-101']);
    expect(one.stderr).toContain('(stopped at --max-posts 2)');

    serve([kerja, fresh, backdated, ayo]);
    const two = await fetch([key, '--state', state, '--max-posts', '2']);
    expect(posts(two.stdout).map((p) => p.id)).toEqual(['rudi-102']);
  });

  it('reads a state file written by the first version, fetches nothing twice, and rewrites it as version 2', async () => {
    const dir = tempDir();
    const state = path.join(dir, 'st.json');
    const key = `rss:${server.origin}${FEED}`;
    // What netral wrote before ids were kept for feeds: the newest time only.
    const v1 = { version: 1, updated_at: '2024-01-20T00:00:00.000Z', accounts: { [key]: { newest: '2024-01-16T13:30:00Z', ids_at_newest: ['rudi-101'], undated: [], updated_at: '2024-01-20T00:00:00.000Z' } } };
    writeFileSync(state, JSON.stringify(v1, null, 2));
    serve([fresh, ayo, kerja]);
    const one = await fetch([key, '--state', state]);
    expect(one.exitCode).toBe(0);
    expect(posts(one.stdout).map((p) => p.id)).toEqual(['rudi-103']);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.version).toBe(2);
    expect(Object.keys(saved.accounts[key].seen)).toEqual(['rudi-103', 'rudi-101', 'rudi-100']);

    serve([fresh, ayo, backdated, kerja]);
    const two = await fetch([key, '--state', state]);
    expect(posts(two.stdout).map((p) => p.id)).toEqual(['rudi-102']);
  });

  it('refuses a state file from a newer netral, and one whose account entry is broken, naming it', async () => {
    const dir = tempDir();
    const state = path.join(dir, 'st.json');
    writeFileSync(state, JSON.stringify({ version: 3, accounts: {} }));
    const a = await fetch([`rss:${server.origin}${FEED}`, '--state', state]);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toContain(`${state}: the state file was written by a newer netral (state version 3)`);
    writeFileSync(state, JSON.stringify({ version: 2, accounts: { 'rss:x': { newest: null, ids_at_newest: [], undated: [], seen: ['a'] } } }));
    const b = await fetch([`rss:${server.origin}${FEED}`, '--state', state]);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toContain(`${state}: account "rss:x": "seen" is not an object of ids and times`);
    expect(server.log).toHaveLength(0);
  });

  it('reports a feed item that cannot be a post once, not on every run', async () => {
    const state = path.join(tempDir(), 'st.json');
    const key = `rss:${server.origin}${FEED}`;
    server.on(FEED, (_q, res) => send(res, 200, 'application/rss+xml', rss([ayo]).replace('</channel>', '<item><guid>empty</guid><pubDate>Mon, 15 Jan 2024 07:00:00 +0700</pubDate></item></channel>')));
    const one = await fetch([key, '--state', state]);
    expect(one.stderr).toContain('skipped: no text');
    const two = await fetch([key, '--state', state]);
    expect(two.stderr).not.toContain('skipped');
    expect(two.stderr).toContain(`netral: ${key}: 0 posts, 1 page`);
  });
});
