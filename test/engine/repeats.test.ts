import { describe, expect, it } from 'vitest';
import { RepeatedPosts } from '../../src/engine/repeats.js';
import type { Post } from '../../src/model.js';
import { post as make } from '../helpers/read.js';

function post(over: Partial<Post> = {}): Post {
  const base = { id: '1', platform: 'x', author: 'budi', created_at: '2024-02-01T03:00:00Z', created_at_raw: '2024-02-01T10:00:00+07:00', text: 'Ayo coblos nomor 2' };
  return make({ ...base, source: { file: 'a.jsonl', line: 1 }, ...over });
}

describe('RepeatedPosts', () => {
  it('knows a post read before, whatever file it came from and however its author was capitalised', () => {
    const r = new RepeatedPosts();
    expect(r.seenBefore(post())).toBe(false);
    expect(r.seenBefore(post({ source: { file: 'b.jsonl', line: 9 }, author: 'Budi', url: 'https://x.com/budi/status/1' }))).toBe(true);
  });

  it('takes a post that differs in anything the scan reads, or in who wrote it when, as another post', () => {
    const r = new RepeatedPosts();
    r.seenBefore(post());
    const others: Partial<Post>[] = [
      { platform: 'facebook' },
      { author: 'siti' },
      { id: '2' },
      { created_at: '2024-02-02T03:00:00Z' },
      { text: 'Ayo coblos nomor 2!' },
      { media_text: ['spanduk'] },
      { hashtags: ['coblos'] },
      { mentions: ['prabowo'] },
      { links: ['https://example.com'] },
      { kind: 'repost' },
      { repost_of: 'prabowo' },
      // The same words split differently between fields are not the same post.
      { text: 'Ayo coblos', media_text: ['nomor 2'] },
    ];
    for (const o of others) expect(r.seenBefore(post(o)), JSON.stringify(o)).toBe(false);
    for (const o of others) expect(r.seenBefore(post(o)), JSON.stringify(o)).toBe(true);
  });

  it('remembers every post as its table grows', () => {
    const r = new RepeatedPosts();
    for (let i = 0; i < 20_000; i++) expect(r.seenBefore(post({ id: String(i) }))).toBe(false);
    for (let i = 0; i < 20_000; i++) expect(r.seenBefore(post({ id: String(i) }))).toBe(true);
    expect(r.seenBefore(post({ id: '20000' }))).toBe(false);
  });
});
