import { describe, expect, it } from 'vitest';
import { parseRecordJson } from '../../../src/sources/formats/json-text.js';

// README: "Ids written as integers above 2^53 are kept exact." Each id key the readers take, snake_case and
// camelCase, written as a bare number, with and without spaces, at the end of an object or of a list.
const BIG = '1748540851614650369';
const KEYS = ['id', 'id_str', 'post_id', 'postId', 'tweet_id', 'tweetId', 'conversation_id', 'conversationId', 'in_reply_to_status_id', 'inReplyToTweetId', 'quotedTweetId'];

describe('parseRecordJson', () => {
  it.each(KEYS)('keeps a bare %s above 2^53 exact, as text', (key) => {
    expect(String(Number(BIG))).not.toBe(BIG);
    for (const text of [`{"${key}":${BIG}}`, `{"text": "x", "${key}" : -${BIG} , "n": 1}`, `{"a":[{"${key}":${BIG}}]}`]) {
      const r = parseRecordJson(text);
      expect('value' in r, text).toBe(true);
      expect(JSON.stringify(r), text).toContain(`"${key}":"${text.includes(`-${BIG}`) ? '-' : ''}${BIG}"`);
    }
  });

  it('keeps a sixteen-digit id just above 2^53', () => {
    expect(String(Number('9007199254740993'))).not.toBe('9007199254740993');
    expect(parseRecordJson('{"id":9007199254740993}')).toEqual({ value: { id: '9007199254740993' } });
  });

  it('leaves other numbers, ids below sixteen digits, and digits inside strings as they are', () => {
    expect(parseRecordJson(`{"likes":${BIG},"id":123456789012345,"text":"id: ${BIG}"}`)).toEqual({ value: { likes: Number(BIG), id: 123456789012345, text: `id: ${BIG}` } });
  });

  it('reports text that is not JSON', () => {
    expect(parseRecordJson('{"id": 1,')).toMatchObject({ error: expect.any(String) });
  });
});
