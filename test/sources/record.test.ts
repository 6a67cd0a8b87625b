import { describe, expect, it } from 'vitest';
import { recordToPost } from '../../src/sources/record.js';

const ctx = { source: { file: 'in.jsonl', line: 3 }, listSplit: null, naiveZone: 'Asia/Jakarta' };

describe('recordToPost: the fields netral itself writes', () => {
  it('keeps created_at_raw next to an already normalised created_at', () => {
    const b = recordToPost({ id: '1', text: 'x', created_at: '2024-01-14T13:15:00Z', created_at_raw: '14/01/2024 20:15' }, ctx);
    expect('post' in b && b.post).toMatchObject({ created_at: '2024-01-14T13:15:00Z', created_at_raw: '14/01/2024 20:15' });
  });

  it('reads the time from created_at_raw when created_at is missing, and keeps an unreadable one with a warning', () => {
    const a = recordToPost({ id: '1', text: 'x', created_at: null, created_at_raw: '2024-01-14 20:15' }, ctx);
    expect('post' in a && a.post).toMatchObject({ created_at: '2024-01-14T13:15:00Z', created_at_raw: '2024-01-14 20:15' });
    const b = recordToPost({ id: '1', text: 'x', created_at_raw: 'kemarin' }, ctx);
    expect(b).toMatchObject({ post: { created_at: null, created_at_raw: 'kemarin' }, warning: 'created_at ignored: unrecognised date format: kemarin' });
    const c = recordToPost({ id: '1', text: 'x', created_at: '2024-01-14T13:15:00Z', created_at_raw: '' }, ctx);
    expect('post' in c && c.post.created_at_raw).toBe('2024-01-14T13:15:00Z');
  });

  it('accepts only a real SHA-256 as evidence_sha256, lowercased', () => {
    expect(recordToPost({ id: '1', text: 'x', evidence_sha256: 'abc' }, ctx)).toEqual({ skip: 'evidence_sha256 must be a SHA-256 digest (64 hexadecimal digits)' });
    const b = recordToPost({ id: '1', text: 'x', evidence_sha256: ` ${'F'.repeat(64)} ` }, ctx);
    expect('post' in b && b.post.evidence_sha256).toBe('f'.repeat(64));
  });

  it("keeps a record's own source, without line or record numbers that cannot point anywhere", () => {
    const b = recordToPost({ id: '1', text: 'x', source: { file: 'asal.csv', line: 0, record: 4, extra: 1 } }, ctx);
    expect('post' in b && b.post.source).toEqual({ file: 'asal.csv', record: 4 });
    const c = recordToPost({ id: '1', text: 'x', source: { file: '' } }, ctx);
    expect('post' in c && c.post.source).toEqual(ctx.source);
  });
});
