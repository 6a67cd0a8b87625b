import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { bin, cli, tempDir, writeFiles } from '../../helpers/cli.js';

const dir = tempDir('netral-csv-');

describe('generic CSV: cells written by netral or by people', () => {
  it('reads neutralised formulas, JSON list cells and the own columns of a netral CSV', async () => {
    writeFiles(dir, {
      'tangan.csv': [
        'id,text,hashtags,links,media_text,deleted,source_file,source_line,source_record,created_at,created_at_raw',
        `1,"'@gibran_tweet mantap","#A, B;C","[""https://a.id/x,y"",""https://b.id""]","[""foto 1"",""foto 2""]",ya,'-asal.jsonl,7,,2024-01-14T13:15:00Z,14/01/2024 20:15`,
        `2,"'=1+1 bukan rumus",,,"[Foto] saja",tidak,,x,,,`,
      ].join('\n'),
    });
    const r = await cli(['convert', path.join(dir, 'tangan.csv')]);
    expect(r.exitCode).toBe(0);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a).toMatchObject({
      text: '@gibran_tweet mantap',
      hashtags: ['A', 'B', 'C'],
      links: ['https://a.id/x,y', 'https://b.id'],
      media_text: ['foto 1', 'foto 2'],
      deleted: true,
      source: { file: '-asal.jsonl', line: 7 },
      created_at_raw: '14/01/2024 20:15',
    });
    expect(b).toMatchObject({ text: '=1+1 bukan rumus', media_text: ['[Foto] saja'], source: { file: path.join(dir, 'tangan.csv'), line: 3 } });
    expect(b.deleted).toBeUndefined();
  });
});

describe('generic CSV: a quote that is never closed', () => {
  it('stops at a record longer than 16 MB instead of holding the rest of a large file in memory', async () => {
    const line = 'lorem ipsum dolor sit amet coblos 02 '.repeat(5) + '\n';
    writeFileSync(path.join(dir, 'unclosed.csv'), 'id,text\n1,hello\n2,"unclosed ' + line.repeat(200_000));
    // 37 MB of input in a 96 MB heap: only a bounded record fits.
    const r = await bin(['scan', '-f', 'jsonl', path.join(dir, 'unclosed.csv')], { env: { NODE_OPTIONS: '--max-old-space-size=96' }, timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain(`${path.join(dir, 'unclosed.csv')}: 3: a record longer than 16 MB (a quote opened here is never closed?); the rest of the file was not read`);
    expect(r.stderr).toMatch(/read 1 = scanned 1 \+ skipped 0/);
    expect(r.exitCode).toBe(2);
  });
});
