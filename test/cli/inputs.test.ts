import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';

describe('inputs that cannot be read as a whole', () => {
  const dir = tempDir();
  writeFiles(dir, { 'putus.json': '[\n{"id":"1","text":"a"},\n{"id":"2","text":"b"}\n' });
  const f = path.join(dir, 'putus.json');

  it('are named file:line: like every other message, by scan, convert and inspect', async () => {
    for (const cmd of ['scan', 'convert', 'inspect']) {
      const r = await cli([cmd, f]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`netral: error: ${f}:4: the file ends before the JSON is complete (truncated?)\n`);
    }
  });

  it('keep "file: reason" when the reason has no position', async () => {
    const r = await cli(['scan', path.join(dir, 'tidak-ada.jsonl')]);
    expect(r.stderr).toContain(`netral: error: ${path.join(dir, 'tidak-ada.jsonl')}: cannot read: no such file or folder\n`);
  });
});
