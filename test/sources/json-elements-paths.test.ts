import { describe, expect, it } from 'vitest';
import { reusedChunks } from '../helpers/chunks.js';
import { jsonElements, ShapeError, type Element, type ElementOptions } from '../../src/sources/json-elements.js';

/** The document fed in pieces of `size` bytes, so every byte boundary is exercised, in one reused buffer. */
function stream(doc: string | Buffer, size = 1 << 20): AsyncIterable<Buffer> {
  return reusedChunks(doc, [size]);
}

async function all(doc: string | Buffer, opts: ElementOptions = {}, size?: number): Promise<Element[]> {
  const out: Element[] = [];
  for await (const e of jsonElements(stream(doc, size), opts)) out.push(e);
  return out;
}

async function failure(doc: string, opts: ElementOptions = {}): Promise<{ message: string; line: number; got: Element[] }> {
  const got: Element[] = [];
  try {
    for await (const e of jsonElements(stream(doc), opts)) got.push(e);
  } catch (e) {
    if (e instanceof ShapeError) return { message: e.message, line: e.line, got };
    throw e;
  }
  throw new Error('no error');
}

describe('jsonElements', () => {
  it('streams the elements of a list with their lines, whatever the chunk size', async () => {
    const doc = '[\n  {"id": "a", "t": "x [y] {z} \\" ,"},\n  {"id": 2},\n  "s", 3, null, [1, [2]]\n]\n';
    const want = [
      { index: 0, line: 2, text: '{"id": "a", "t": "x [y] {z} \\" ,"}' },
      { index: 1, line: 3, text: '{"id": 2}' },
      { index: 2, line: 4, text: '"s"' },
      { index: 3, line: 4, text: '3' },
      { index: 4, line: 4, text: 'null' },
      { index: 5, line: 4, text: '[1, [2]]' },
    ];
    for (const size of [1, 2, 3, 7, 1 << 20]) expect(await all(doc, {}, size)).toEqual(want);
  });

  it('skips a JavaScript prefix (X archive files)', async () => {
    const doc = 'window.YTD.tweets.part0 = [ {"tweet": {"id": "1"}}, {"tweet": {"id": "2"}} ]';
    for (const size of [1, 5, 1 << 20]) expect((await all(doc, { skipPrefix: true }, size)).map((e) => ('text' in e ? e.text : e.error))).toEqual(['{"tweet": {"id": "1"}}', '{"tweet": {"id": "2"}}']);
  });

  it('skips a JavaScript prefix before an object read at key paths (X archive manifest.js)', async () => {
    const doc = 'window.__THAR_CONFIG = {\n  "archiveInfo": {"userInfo": 1},\n  "userInfo": {"userName": "a[b]{c}", "displayName": "B"}\n};\n';
    for (const size of [1, 5, 1 << 20]) expect(await all(doc, { paths: [['userInfo']], skipPrefix: true }, size)).toEqual([{ index: 0, line: 3, text: '{"userName": "a[b]{c}", "displayName": "B"}', path: 0 }]);
    expect((await failure('window.__THAR_CONFIG = ', { paths: [['userInfo']], skipPrefix: true })).message).toBe('empty file: no JSON object');
    expect((await failure('window.__THAR_CONFIG = {"userInfo": {"userName": "a"', { paths: [['userInfo']], skipPrefix: true })).message).toBe('the file ends before the JSON is complete (truncated?)');
  });

  it('reads the lists under top-level keys, and only lists there', async () => {
    const doc = '{"meta": {"data": [9]}, "data": [{"id": 1}, {"id": 2}], "posts": {"id": 3}, "items": [{"id": 4}]}';
    expect((await all(doc, { keys: ['data', 'posts', 'items'] }, 3)).map((e) => ('text' in e ? e.text : ''))).toEqual(['{"id": 1}', '{"id": 2}', '{"id": 4}']);
    const none = await failure('{"posts": {"id": 3}}', { keys: ['posts'] });
    expect(none.message).toBe('no list of records under "posts"');
  });

  it('reads values at nested key paths, ignoring case when asked, and says which path each came from', async () => {
    const doc = JSON.stringify({ Activity: { VideoList: [{ x: 1 }] }, Post: { Posts: { VideoList: [{ id: 'v1' }, { id: 'v2' }] } }, Profile: { 'Profile Info': { ProfileMap: { userName: 'u' } } } });
    const found = new Set<number>();
    const paths = [['post', 'posts', 'videolist'], ['comment', 'comments', 'commentslist'], ['profile', 'profile info', 'profilemap']];
    for (const size of [1, 4, 1 << 20]) {
      found.clear();
      const got = await all(doc, { paths, ignoreCase: true, found }, size);
      expect(got.map((e) => ['text' in e ? e.text : e.error, e.path])).toEqual([
        ['{"id":"v1"}', 0],
        ['{"id":"v2"}', 0],
        ['{"userName":"u"}', 2],
      ]);
      expect([...found].sort()).toEqual([0, 2]);
    }
    expect(await all(doc, { paths: [['post', 'posts', 'videolist']] })).toEqual([]);
  });

  it('reports a truncated document: the cut record as an error item, then a shape error with its line', async () => {
    const f = await failure('[\n{"id": 1},\n{"id": 2, "t": "abc');
    expect(f.got).toEqual([
      { index: 0, line: 2, text: '{"id": 1}' },
      { index: 1, line: 3, error: 'the file ends in the middle of this record (truncated?)' },
    ]);
    expect(f).toMatchObject({ message: 'the file ends before the JSON is complete (truncated?)', line: 3 });
  });

  it('names a wrong shape: an object for a list, a list for an object, content after the end, an empty file', async () => {
    expect((await failure('{"a": 1}')).message).toBe('the file holds a JSON object, not a list of records');
    expect((await failure('[1]', { keys: ['data'] })).message).toBe('the file holds a JSON list, expected an object');
    expect((await failure('[1] x')).message).toBe('unexpected content after the array');
    expect((await failure('  \n')).message).toBe('empty file: no JSON list');
    expect((await failure('hello')).message).toBe('not a JSON list');
  });

  it('reports invalid UTF-8 and over-large records as errors of that record only', async () => {
    const bad = Buffer.concat([Buffer.from('[{"t": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}, {"t": "ok"}]')]);
    expect(await all(bad)).toEqual([
      { index: 0, line: 1, error: 'invalid UTF-8' },
      { index: 1, line: 1, text: '{"t": "ok"}' },
    ]);
    const big = `[{"t": "${'x'.repeat(5000)}"}, {"t": "ok"}]`;
    expect(await all(big, { maxBytes: 1024 }, 100)).toEqual([
      { index: 0, line: 1, error: `record larger than ${1024 / 1024 / 1024} MB` },
      { index: 1, line: 1, text: '{"t": "ok"}' },
    ]);
  });
});
