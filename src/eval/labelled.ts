// The labelled evaluation set: posts in netral's record format plus a `label` with the verdict an analyst would
// give, the categories that apply and the candidate supported (or attacked).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isCategory, VERDICTS, type Category, type Post, type Verdict } from '../model.js';
import { recordToPost } from '../sources/record.js';

export interface Label {
  verdict: Verdict;
  categories: Category[];
  candidate: string | null;
  note: string;
}

export interface LabelledPost {
  post: Post;
  label: Label;
  file: string;
  line: number;
}

export function loadLabelled(dir: string): LabelledPost[] {
  const out: LabelledPost[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  for (const f of files) {
    const file = path.join(dir, f);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (text.trim() === '') return;
        const o = JSON.parse(text) as { label?: Partial<Label> };
        const l = o.label;
        if (!l || !VERDICTS.includes(l.verdict as Verdict)) throw new Error(`${file}:${i + 1}: missing or invalid label`);
        const b = recordToPost(o, { source: { file, line: i + 1 }, listSplit: null, naiveZone: 'Asia/Jakarta' });
        if ('skip' in b) throw new Error(`${file}:${i + 1}: ${b.skip}`);
        out.push({
          post: b.post,
          label: { verdict: l.verdict as Verdict, categories: (l.categories ?? []).filter(isCategory), candidate: l.candidate ?? null, note: l.note ?? '' },
          file: f,
          line: i + 1,
        });
      });
  }
  return out;
}
