import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';

describe('--map', () => {
  const dir = tempDir();
  writeFiles(dir, { 'sheet.csv': 'Nomor,Isinya\n1,Coblos Ganjar-Mahfud!\n' });
  const sheet = path.join(dir, 'sheet.csv');

  it('refuses one field mapped to two columns, in one --map or across several', async () => {
    for (const args of [['--map', 'text=Isinya,text=Nomor'], ['--map', 'text=Isinya', '--map', 'text=Nomor']]) {
      const r = await cli(['scan', sheet, ...args]);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--map: text is mapped to two columns, "Isinya" and "Nomor"');
    }
  });

  it('accepts the same column given twice for a field', async () => {
    const r = await cli(['scan', sheet, '--map', 'text=Isinya,id=Nomor', '--map', 'text=Isinya', '-f', 'json', '-q']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ post_id: '1' });
  });
});
