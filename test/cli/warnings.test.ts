// Warnings are capped per input (20 shown, the rest counted in one line), but a reader's summary of the whole input —
// said once, often at its end — is always shown: it comes exactly when a file has many other warnings.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

const dir = tempDir();

/** A sheet whose first `bad` rows have cells past the header (each skipped with a warning), then `short` short rows. */
function sheet(bad: number, short: number, tail = ''): string {
  const rows = ['No;Akun;Isi;Tanggal'];
  for (let i = 1; i <= bad; i++) rows.push(`${i};budi;baris ${i} – Ma’ruf;2024-01-20;lebih`);
  for (let i = 1; i <= short; i++) rows.push(`${bad + i};budi;pendek ${i}`);
  return `${rows.join('\n')}\n${tail}`;
}

describe('warnings past the cap', () => {
  it("shows the CSV reader's count of short rows after 25 skipped rows, and counts it among the warnings", async () => {
    const f = path.join(dir, 'banyak.csv');
    writeFileSync(f, sheet(25, 3));
    const r = await cli(['convert', f]);
    expect(r.exitCode).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('netral: warning:'));
    expect(warnings.filter((l) => /skipped: row has 5 fields/.test(l))).toHaveLength(20);
    // The summary is shown where it is given (at the end of the input), then the line about those not shown.
    expect(warnings.slice(20)).toEqual([
      `netral: warning: ${f}: 3 rows had fewer cells than the header (Excel leaves out empty cells at the end of a row); their missing cells were read as empty (first at line 27)`,
      `netral: warning: ${f}: 5 more warnings not shown (the summary counts every skipped record)`,
    ]);
    expect(r.stderr).toContain('read 28 = converted 3 + skipped 25');
  });

  it('shows the line of the first bytes that are not UTF-8 in a spreadsheet, however many warnings came before', async () => {
    // Read as \uFFFD, those bytes change the text silently: the one warning that says so must not be hidden.
    const f = path.join(dir, 'rusak-utf8.csv');
    writeFileSync(f, Buffer.concat([Buffer.from(sheet(30, 0)), Buffer.from('31;budi;caf'), Buffer.from([0xe9]), Buffer.from(' dukung;2024-01-20\n')]));
    const r = await cli(['scan', f]);
    expect(r.stderr).toContain(`netral: warning: ${f}:32: invalid UTF-8; the bytes that are not were read as \uFFFD`);
    expect(r.stderr).toContain(`${f}: 10 more warnings not shown`);
  });

  it('a summary takes no place under the cap: 20 record warnings are still shown with it', async () => {
    const f = path.join(dir, 'dua-puluh.csv');
    writeFileSync(f, `${sheet(0, 1)}${sheet(21, 0).split('\n').slice(1).join('\n')}`);
    const r = await cli(['convert', f]);
    expect(r.stderr.match(/skipped: row has 5 fields/g)).toHaveLength(20);
    expect(r.stderr).toContain('1 row had fewer cells than the header');
    expect(r.stderr).toContain(`${f}: 1 more warnings not shown`);
  });

  it('-q shows no warning, summaries included', async () => {
    const f = path.join(dir, 'diam.csv');
    writeFileSync(f, sheet(25, 3));
    const r = await cli(['convert', '-q', f]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
  });
});
