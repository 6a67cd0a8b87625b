// Rule examples as tests (textlint/prh style): every rule's `flag` examples must produce a finding of that rule
// (naming the expected candidate when one is given) and its `pass` examples must not.

import type { Post } from '../model.js';
import { normaliseTimestamp } from '../sources/time.js';
import type { Scanner } from '../engine/scan.js';
import type { Example } from './types.js';

export interface ExampleResult {
  rule: string;
  kind: 'flag' | 'pass';
  example: Example;
  ok: boolean;
  /** Why it failed: what was found instead. */
  problem?: string;
}

export function examplePost(ex: Example, id: string): Post {
  const t = ex.created_at ? normaliseTimestamp(ex.created_at) : null;
  return {
    id,
    platform: 'example',
    author: 'example',
    author_name: null,
    created_at: t?.utc ?? null,
    created_at_raw: ex.created_at ?? null,
    url: null,
    text: ex.text,
    hashtags: [],
    mentions: [],
    links: ex.links ?? [],
    media_text: ex.media_text ?? [],
    kind: ex.kind ?? (ex.repost_of ? 'repost' : ex.reply_to ? 'reply' : 'post'),
    repost_of: ex.repost_of ?? null,
    reply_to: ex.reply_to ?? null,
    source: { file: ex.pos.file, line: ex.pos.line },
  };
}

export function runExamples(scanner: Scanner): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const rule of scanner.compiled.rules) {
    const def = rule.def;
    for (const kind of ['flag', 'pass'] as const) {
      def.examples[kind].forEach((ex, i) => {
        const r = scanner.scan(examplePost(ex, `${def.id}#${kind}${i + 1}`));
        const mine = r.findings.filter((f) => f.rule_id === def.id);
        let ok: boolean;
        let problem: string | undefined;
        if (kind === 'flag') {
          ok = mine.length > 0 && (!ex.candidate || mine.some((f) => f.candidate === ex.candidate));
          if (!ok) {
            const suppressed = r.suppressed.filter((f) => f.rule_id === def.id);
            problem =
              mine.length > 0
                ? `found candidate ${mine.map((f) => f.candidate ?? 'none').join(', ')}, expected ${ex.candidate}`
                : suppressed.length > 0
                  ? `suppressed by ${suppressed.flatMap((f) => f.modifiers.map((m) => `${m.kind} (${m.cue})`)).join(', ')}`
                  : `not flagged${r.findings.length ? `; other rules fired: ${r.findings.map((f) => f.rule_id).join(', ')}` : ''}`;
          }
        } else {
          ok = mine.length === 0;
          if (!ok) problem = `flagged: "${mine[0].matched}"${mine[0].candidate ? ` (${mine[0].candidate})` : ''}`;
        }
        out.push({ rule: def.id, kind, example: ex, ok, ...(problem ? { problem } : {}) });
      });
    }
  }
  return out;
}
