import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempDir, writeFiles } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';

describe('InputSet: --map', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'posts.jsonl': '{"id":"1","text":"halo"}\n',
    'posts.json': '[{"id":"2","text":"halo"}]\n',
    'mixed/a.jsonl': '{"id":"3","text":"halo"}\n',
    'mixed/b.csv': 'No,Isian\n4,halo\n',
  });
  const f = (p: string) => path.join(dir, p);
  const unused = (w: string[]) => w.filter((m) => m.includes('--map applies to CSV inputs'));

  it('warns once, naming the inputs, when no input read is CSV', async () => {
    const r = await readAll([f('posts.jsonl'), f('posts.json')], { map: { text: 'Isian' } });
    expect(r.posts).toHaveLength(2);
    expect(unused(r.warnings)).toEqual([`--map applies to CSV inputs and none was read, so it was not used: ${f('posts.jsonl')} (jsonl), ${f('posts.json')} (json)`]);
  });

  it('says nothing when a CSV input used it, or when --map was not given', async () => {
    const mixed = await readAll([f('mixed')], { map: { text: 'Isian', id: 'No' } });
    expect(mixed.posts.map((p) => p.id).sort()).toEqual(['3', '4']);
    expect(unused(mixed.warnings)).toEqual([]);
    expect(unused((await readAll([f('posts.jsonl')])).warnings)).toEqual([]);
  });
});
