import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { entryInput } from '../../../src/sources/archive/entry-input.js';

// For a tar entry or a compressed file every open() is a pass over the archive from its start: the head that
// InputSet sniffs and the reader asks for again must cost one.
function counted(content: Buffer) {
  const opened = { n: 0 };
  const input = entryInput('a.tar.gz!posts.jsonl', undefined, () => {
    opened.n++;
    return Readable.from([content.subarray(0, 7), content.subarray(7)]);
  });
  return { input, opened };
}

describe('entryInput head', () => {
  it('reads the head once for any number of requests up to the first size', async () => {
    const content = Buffer.from('{"id":"1","text":"Apel pagi"}\n'.repeat(10));
    const { input, opened } = counted(content);
    expect(await input.head(64)).toEqual(content.subarray(0, 64));
    expect(await input.head(64)).toEqual(content.subarray(0, 64));
    expect(await input.head(10)).toEqual(content.subarray(0, 10));
    expect(opened.n).toBe(1);
  });

  it('reads again only for a longer head, and never when the whole content is already known', async () => {
    const content = Buffer.from('{"id":"1","text":"Apel pagi"}\n'.repeat(10));
    const { input, opened } = counted(content);
    expect(await input.head(5)).toEqual(content.subarray(0, 5));
    expect(await input.head(100)).toEqual(content.subarray(0, 100));
    expect(opened.n).toBe(2);
    expect(await input.head(64 * 1024)).toEqual(content);
    expect(await input.head(1024 * 1024)).toEqual(content);
    expect(opened.n).toBe(3);
  });
});
