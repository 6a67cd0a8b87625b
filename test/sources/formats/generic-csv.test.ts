import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../../helpers/cli.js';

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
