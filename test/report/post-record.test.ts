import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/model.js';
import { POST_CSV_COLUMNS, postCsvRow, postRecord } from '../../src/report/post-record.js';
import { schemaErrors } from '../helpers/post-schema.js';

const base: Post = {
  id: '1',
  platform: 'x',
  author: 'ani',
  author_name: null,
  created_at: '2024-01-20T03:00:00.250Z',
  created_at_raw: '1705719600250',
  url: null,
  text: '',
  hashtags: [],
  mentions: [],
  links: [],
  media_text: ['foto'],
  kind: 'repost',
  repost_of: 'prabowo',
  reply_to: null,
  source: { file: 'a.zip!data/tweets.js', record: 3 },
};

describe('the post record as netral writes it', () => {
  it('has only the documented keys, the optional ones only when set', () => {
    const extra = { ...base, deleted: false, source: { ...base.source, note: 'x' } as Post['source'] };
    const r = postRecord(extra);
    expect(r).not.toHaveProperty('deleted');
    expect(r).not.toHaveProperty('evidence_sha256');
    expect(r.source).toEqual({ file: 'a.zip!data/tweets.js', record: 3 });
    expect(schemaErrors(r)).toEqual([]);
    expect(schemaErrors(postRecord({ ...base, deleted: true, evidence_sha256: 'a'.repeat(64) }))).toEqual([]);
  });

  it('is rejected by the schema when it breaks the contract', () => {
    expect(schemaErrors({ ...postRecord(base), created_at: '2024-01-20 10:00' })).not.toEqual([]);
    expect(schemaErrors({ ...postRecord(base), kind: 'share' })).not.toEqual([]);
    expect(schemaErrors({ ...postRecord(base), hashtags: ['a', 'a'] })).not.toEqual([]);
    expect(schemaErrors({ ...postRecord(base), source: { file: 'x', line: 0 } })).not.toEqual([]);
    expect(schemaErrors({ ...postRecord(base), label: 'violation' })).not.toEqual([]);
    const { url: _omit, ...missing } = postRecord(base);
    expect(schemaErrors(missing)).not.toEqual([]);
  });

  it('gives one CSV cell per column', () => {
    const row = postCsvRow({ ...base, deleted: true });
    expect(row).toHaveLength(POST_CSV_COLUMNS.length);
    const cell = (c: (typeof POST_CSV_COLUMNS)[number]) => row[POST_CSV_COLUMNS.indexOf(c)];
    expect([cell('source_file'), cell('source_line'), cell('source_record'), cell('deleted'), cell('media_text')]).toEqual(['a.zip!data/tweets.js', '', '3', 'true', 'foto']);
  });
});
