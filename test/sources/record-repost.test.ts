import { describe, expect, it } from 'vitest';
import { recordToPost } from '../../src/sources/record.js';

const ctx = { source: { file: 'posts.csv', line: 2 }, listSplit: /[\s,;]+/, naiveZone: 'Asia/Jakarta' };

describe('recordToPost', () => {
  it('keeps a repost without text of its own, as buildPost does (a boost written to CSV and read back)', () => {
    const b = recordToPost({ id: 'boost-1', platform: 'mastodon', kind: 'repost', repost_of: 'aniesbaswedan@mastodon.social' }, ctx);
    expect('post' in b && b.post).toMatchObject({ id: 'boost-1', text: '', kind: 'repost', repost_of: 'aniesbaswedan@mastodon.social' });
  });

  it('still skips a record with no text, no media text and no repost', () => {
    expect(recordToPost({ id: '1', platform: 'x' }, ctx)).toEqual({ skip: 'no text' });
    expect(recordToPost({ id: '1', repost_of: '  ' }, ctx)).toEqual({ skip: 'no text' });
  });
});
