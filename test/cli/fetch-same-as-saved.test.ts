// A post fetched with `netral fetch` and the same post read from the saved API response (`netral convert`) must be
// the same record: same author, text, links and kind, so the same findings with the same fingerprints, whichever
// way an inspectorate obtained it. Only where it came from (`source`) differs.

import { beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';
import { blueskySiti, fixture, mastodonAlice, send, TestServer } from '../helpers/http-server.js';

const server = await TestServer.start();
const FAST = ['--rate', '1000'];
const SAVED = path.resolve('fixtures/fetch');

beforeEach(() => server.reset());

function records(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const { source: _source, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return rest;
    });
}

describe('fetched posts read the same as the saved responses', () => {
  it('Mastodon: statuses from the API and from saved statuses pages', async () => {
    mastodonAlice(server);
    const fetched = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(fetched.exitCode).toBe(0);
    const saved = await cli(['convert', path.join(SAVED, 'mastodon/statuses-page1.json'), path.join(SAVED, 'mastodon/statuses-page2.json')]);
    expect(saved.exitCode).toBe(0);
    expect(records(fetched.stdout).length).toBeGreaterThan(3);
    expect(records(fetched.stdout)).toEqual(records(saved.stdout));
    // The status with neither text nor alt text is skipped both ways.
    expect(fetched.stderr).toContain('skipped: no text');
    expect(saved.stderr).toContain('skipped: no text');
  });

  it('Bluesky: the author feed from the AppView and from saved feed pages', async () => {
    blueskySiti(server);
    const fetched = await cli(['fetch', 'bluesky:siti.bsky.social', ...FAST, '--bluesky-api', server.origin]);
    expect(fetched.exitCode).toBe(0);
    const saved = await cli(['convert', path.join(SAVED, 'bluesky/feed-page1.json'), path.join(SAVED, 'bluesky/feed-page2.json')]);
    expect(saved.exitCode).toBe(0);
    expect(records(fetched.stdout).length).toBeGreaterThan(3);
    expect(records(fetched.stdout)).toEqual(records(saved.stdout));
  });

  it('Bluesky: a link card, a mention whose offsets miss the text, a time without an offset, and a repost, served and saved', async () => {
    const text = 'Simak visi misi paslon @kawan.bsky.social di sini';
    const page = {
      feed: [
        {
          post: {
            uri: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kcard',
            author: { did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', handle: 'siti.bsky.social', displayName: 'Siti Rahma' },
            record: {
              $type: 'app.bsky.feed.post',
              text,
              // Without an offset: read as UTC both ways, as the service writes its times.
              createdAt: '2024-01-20T01:00:00',
              facets: [{ index: { byteStart: 400, byteEnd: 420 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:kawan' }] }],
            },
            embed: {
              $type: 'app.bsky.embed.external#view',
              external: { uri: 'https://kampanye.example/visi-misi', title: 'Coblos nomor 2 untuk Indonesia Maju', description: 'Prabowo-Gibran' },
            },
            indexedAt: '2024-01-20T01:00:01.000Z',
          },
        },
        {
          post: {
            uri: 'at://did:plc:relawan/app.bsky.feed.post/3krelawan',
            author: { did: 'did:plc:relawan', handle: 'relawan02.bsky.social' },
            record: { $type: 'app.bsky.feed.post', text: 'Ayo coblos 02', createdAt: '2024-01-19T01:00:00.000Z' },
            indexedAt: '2024-01-19T01:00:01.000Z',
          },
          reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: { did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', handle: 'siti.bsky.social', displayName: 'Siti Rahma' }, indexedAt: '2024-01-19T05:00:00.000Z' },
        },
      ],
    };
    server.on('/xrpc/app.bsky.actor.getProfile', (_req, res) => send(res, 200, 'application/json; charset=utf-8', fixture('bluesky/profile.json')));
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_req, res) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(page)));
    const dir = tempDir();
    writeFiles(dir, { 'feed.json': JSON.stringify(page) });
    const fetched = await cli(['fetch', 'bluesky:siti.bsky.social', ...FAST, '--bluesky-api', server.origin]);
    expect(fetched.exitCode).toBe(0);
    const saved = await cli(['convert', path.join(dir, 'feed.json')]);
    expect(saved.exitCode).toBe(0);
    const [card, repost] = records(fetched.stdout);
    expect(card).toMatchObject({ links: ['https://kampanye.example/visi-misi'], media_text: ['Coblos nomor 2 untuk Indonesia Maju', 'Prabowo-Gibran'], mentions: ['did:plc:kawan'], created_at: '2024-01-20T01:00:00Z' });
    expect(repost).toMatchObject({ kind: 'repost', author: 'siti.bsky.social', repost_of: 'relawan02.bsky.social' });
    expect(records(fetched.stdout)).toEqual(records(saved.stdout));
  });
});
