import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Spool } from '../../src/report/spool.js';
import { bin, cli, FIXTURES, tempDir } from '../helpers/cli.js';

// Texts of every width: ASCII, Indonesian with emoji (4-byte UTF-8), an empty one, and a long one.
const TEXTS = ['Ayo coblos 02 ✌🏽', '', 'Dukung Anies–Muhaimin ☝️ #AMIN', 'x'.repeat(5000), 'café «Ganjar» 🤟', 'terakhir'];

describe('Spool', () => {
  for (const limit of [1_000_000, 10, 0]) {
    it(`gives back every text as added, in any order (limit ${limit})`, () => {
      const dir = tempDir('netral-spool-');
      const s = new Spool(dir, limit);
      const refs = TEXTS.map((t) => s.add(t));
      expect(refs).toEqual(TEXTS.map((_, i) => i));
      expect([...s.all()]).toEqual(TEXTS);
      const order = [3, 0, 5, 1, 2, 4];
      expect([...s.texts(order)]).toEqual(order.map((i) => TEXTS[i]));
      // Texts added after others were read are kept too.
      s.add('sesudahnya');
      expect([...s.texts([6, 2])]).toEqual(['sesudahnya', TEXTS[2]]);
      s.dispose();
      s.dispose();
      // The file, where one was used, left no name behind.
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('past its limit, keeps the texts in a file, not in memory', () => {
    const dir = tempDir('netral-spool-');
    const s = new Spool(dir, 100);
    for (let i = 0; i < 2000; i++) s.add(`temuan ${i} ✌️ `.repeat(20));
    // The file is open but already unnamed, so even a killed run leaves nothing in the report's folder.
    expect(readdirSync(dir)).toEqual([]);
    const got = [...s.texts([1999, 0, 1000])];
    expect(got).toEqual([1999, 0, 1000].map((i) => `temuan ${i} ✌️ `.repeat(20)));
    expect([...s.all()]).toHaveLength(2000);
    s.dispose();
  });
});

describe('reports that wait for the end of the run', () => {
  // The same scan with everything kept in memory and with everything in the spool's file: byte-identical reports.
  const demo = path.join(FIXTURES, 'demo');
  const roster = path.join(FIXTURES, 'roster', 'pegawai.csv');
  for (const format of ['json', 'html', 'terminal']) {
    it(`${format}: the same report whether findings wait in memory or in a file`, async () => {
      const dir = tempDir();
      const args = ['scan', demo, '--roster', roster, '--explain', '--format', format];
      const inMemory = await cli([...args, '-o', path.join(dir, `mem.${format}`)]);
      const spooled = await cli([...args, '-o', path.join(dir, `file.${format}`)], { env: { NETRAL_SPOOL_LIMIT: '0' } });
      expect(inMemory.exitCode).toBe(0);
      expect(spooled.exitCode).toBe(0);
      const mask = (s: string) => s.replace(/(Generated|Dibuat)[^<]*</, '');
      const a = mask(readFileSync(path.join(dir, `mem.${format}`), 'utf8'));
      const b = mask(readFileSync(path.join(dir, `file.${format}`), 'utf8'));
      expect(b).toBe(a);
      expect(a.length).toBeGreaterThan(10_000);
      expect(readdirSync(dir).sort()).toEqual([`file.${format}`, `mem.${format}`]);
    });
  }

  it('a real process writing JSON to stdout spools in the temporary folder and leaves nothing there', async () => {
    const tmp = tempDir('netral-tmpdir-');
    const args = ['scan', demo, '--format', 'json'];
    const plain = await bin(args);
    const spooled = await bin(args, { env: { NETRAL_SPOOL_LIMIT: '0', TMPDIR: tmp } });
    expect(spooled.exitCode).toBe(0);
    expect(spooled.stdout).toBe(plain.stdout);
    expect(JSON.parse(spooled.stdout).findings.length).toBeGreaterThan(20);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
