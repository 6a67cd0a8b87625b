import { describe, expect, it } from 'vitest';
import type { Fetched } from '../../src/fetch/http.js';
import { readJson } from '../../src/fetch/response.js';

function answer(contentType: string, body: Buffer): Fetched {
  return { url: 'http://127.0.0.1/api', finalUrl: 'http://127.0.0.1/api', status: 200, contentType, headers: {}, body, fetchedAt: '2024-01-01T00:00:00Z', sha256: '' };
}

describe('reading a JSON answer', () => {
  it('decodes a body labelled latin-1 as windows-1252, curly quotes included, on every Node version', () => {
    // {"text":"“Ma’ruf” é"} in windows-1252: Node 20's own decoder turns 0x93, 0x92 and 0x94 into C1 controls.
    const body = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0x93]), Buffer.from('Ma'), Buffer.from([0x92]), Buffer.from('ruf'), Buffer.from([0x94, 0x20, 0xe9]), Buffer.from('"}')]);
    for (const label of ['iso-8859-1', 'latin1', 'windows-1252', 'US-ASCII'])
      expect(readJson(answer(`application/json; charset=${label}`, body), 'test')).toEqual({ text: '\u201cMa\u2019ruf\u201d é' });
  });

  it('reads UTF-8 when the charset is missing or unknown', () => {
    const body = Buffer.from('{"text":"“Ma’ruf”"}');
    expect(readJson(answer('application/json', body), 'test')).toEqual({ text: '“Ma’ruf”' });
    expect(readJson(answer('application/json; charset=x-unknown', body), 'test')).toEqual({ text: '“Ma’ruf”' });
  });
});
