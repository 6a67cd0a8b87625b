import { describe, expect, it } from 'vitest';
import { reusedChunks } from '../helpers/chunks.js';
import { jsonElements, ShapeError } from '../../src/sources/json-elements.js';

/** Feeds the text in small chunks so elements straddle chunk boundaries, in one reused buffer (as files are read). */
function stream(text: string | Buffer, chunk = 7): AsyncIterable<Buffer> {
  return reusedChunks(text, [chunk]);
}

async function all(text: string | Buffer, opts = {}) {
  const out = [];
  for await (const e of jsonElements(stream(text), opts)) out.push(e);
  return out;
}

describe('jsonElements', () => {
  it('yields each element of a list with its line and exact text', async () => {
    const els = await all('[\n {"id": 1, "text": "a, [b] {c}"},\n {"id": 123456789012345678901, "text": "\\"q\\""}\n]\n');
    expect(els).toEqual([
      { index: 0, line: 2, text: '{"id": 1, "text": "a, [b] {c}"}' },
      { index: 1, line: 3, text: '{"id": 123456789012345678901, "text": "\\"q\\""}' },
    ]);
  });

  it('skips a JS assignment prefix (X archives)', async () => {
    const els = await all('window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1"}} ]', { skipPrefix: true });
    expect(els.map((e) => ('text' in e ? JSON.parse(e.text) : null))).toEqual([{ tweet: { id_str: '1' } }]);
  });

  it('finds the list under a top-level key', async () => {
    const els = await all('{"meta": {"data": [9]}, "data": [{"id": "a"}, {"id": "b"}], "x": 1}', { keys: ['data'] });
    expect(els.map((e) => ('text' in e ? e.text : e.error))).toEqual(['{"id": "a"}', '{"id": "b"}']);
  });

  it('reports invalid UTF-8 and oversized elements without stopping', async () => {
    const bad = Buffer.concat([Buffer.from('[{"t": "ok"}, {"t": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}, {"t": "' + 'x'.repeat(100) + '"}, {"t": "fine"}]')]);
    const els = await all(bad, { maxBytes: 50 });
    expect(els.map((e) => ('error' in e ? e.error : e.text))).toEqual(['{"t": "ok"}', 'invalid UTF-8', 'record larger than 0.0000476837158203125 MB', '{"t": "fine"}']);
  });

  it('refuses a truncated document and says so', async () => {
    await expect(all('[{"id": 1}, {"id": 2')).rejects.toThrow(ShapeError);
    await expect(all('[{"id": 1}, {"id": 2')).rejects.toThrow(/truncated/);
  });

  it('refuses an object where a list was expected, and an empty file', async () => {
    await expect(all('{"a": 1}')).rejects.toThrow(/JSON object, not a list/);
    await expect(all('   ')).rejects.toThrow(/empty file/);
    await expect(all('{"x": []}', { keys: ['data'] })).rejects.toThrow(/no list of records under "data"/);
  });
});
