import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/sources/registry.js';
import { cli } from '../../helpers/cli.js';

describe('JSON Lines detection', () => {
  it('recognises a single record on one line piped in without a file name', async () => {
    expect(detectFormat(Buffer.from('{"id":"1","text":"coblos 02"}\n'), '-')?.id).toBe('jsonl');
    const r = await cli(['scan', '-f', 'jsonl'], { stdin: '{"id":"1","text":"Ayo coblos 02 Prabowo Gibran!","created_at":"2024-01-20T10:00:00+07:00"}\n' });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('read 1 = scanned 1 + skipped 0');
  });

  it('leaves a pretty-printed single object to the JSON reader, which reads it as one record', async () => {
    expect(detectFormat(Buffer.from('{\n  "id": "1",\n  "text": "x"\n}\n'), '-')?.id).toBe('json');
    const r = await cli(['scan', '-f', 'json'], { stdin: '{\n  "id": "1",\n  "text": "Ayo coblos Prabowo-Gibran!"\n}\n' });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ read: 1, scanned: 1 });
  });

  it('says a truncated JSON object is truncated', async () => {
    const r = await cli(['scan'], { stdin: '{"id":"1","text":"x' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/netral: error: -:1: .*(truncated|invalid JSON)/);
  });
});
