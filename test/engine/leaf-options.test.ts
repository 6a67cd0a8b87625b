// The leaf options and near's `ordered` that README's "Match expressions" promises (`in:`, `at_start:`,
// `upper: true`, `ordered: true`), each checked with a pack of its own, read from a real file, against posts that
// differ only in what the option decides.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadRuleSet } from '../../src/rules/load.js';
import { compile } from '../../src/rules/compile.js';
import { Scanner } from '../../src/engine/scan.js';
import { tempDir } from '../helpers/cli.js';
import { post, type PostOpts } from '../helpers/engine.js';

const dir = tempDir('netral-leaf-options-');

/** A scanner with only one rule, whose match is `match` (YAML flow). A pack must carry examples to load; they are not run here. */
async function scannerFor(id: string, match: string, flag: string, pass: string): Promise<Scanner> {
  const file = path.join(dir, `${id}.yml`);
  writeFileSync(
    file,
    `pack: ${id}\nkind: rules\nrules:\n  - id: ${id}.r\n    title: { id: "Judul", en: "Title" }\n    category: campaign_activity\n    severity: high\n    legal_basis: "SKB 2022"\n    match: ${match}\n    examples: { flag: [${JSON.stringify(flag)}], pass: [${JSON.stringify(pass)}] }\n`,
  );
  return new Scanner(compile(await loadRuleSet({ noDefaults: true, extra: [file] })));
}

async function flags(s: Scanner, text: string, o: PostOpts = {}): Promise<boolean> {
  return s.scan(post(text, o)).findings.length > 0;
}

describe('match options', () => {
  it('ordered: true: the parts in the order written; without it, either order', async () => {
    const ordered = await scannerFor('ordered', '{ near: [{ term: kibarkan }, { term: bendera }], within: 3, ordered: true }', 'kibarkan bendera', 'bendera kibarkan');
    const any = await scannerFor('unordered', '{ near: [{ term: kibarkan }, { term: bendera }], within: 3 }', 'bendera kibarkan', 'bendera saja');
    expect(await flags(ordered, 'ayo kibarkan bendera kita')).toBe(true);
    expect(await flags(ordered, 'bendera kita kibarkan')).toBe(false);
    expect(await flags(any, 'bendera kita kibarkan')).toBe(true);
  });

  it('at_start: N: only within the first N tokens of a sentence', async () => {
    const s = await scannerFor('atstart', '{ term: hadir, at_start: 2 }', 'saya hadir', 'kemarin saya tidak hadir');
    expect(await flags(s, 'saya hadir di lapangan')).toBe(true);
    expect(await flags(s, 'kemarin saya tidak hadir')).toBe(false);
    expect(await flags(s, 'kemarin saya tidak datang. saya hadir sekarang')).toBe(true);
  });

  it('in: field: only in that field', async () => {
    const s = await scannerFor('infield', '{ term: spanduk, in: media_text }', 'foto', 'pasang spanduk');
    expect(await flags(s, 'pasang spanduk')).toBe(false);
    expect(await flags(s, 'foto kemarin', { media_text: ['pasang spanduk'] })).toBe(true);
  });

  it('in: reply_to: the account a reply answers, which a leaf without `in` never reads', async () => {
    const asked = await scannerFor('inreply', '{ term: pakbudi, in: reply_to }', 'halo', 'halo pakbudi');
    const plain = await scannerFor('noreply', '{ term: pakbudi }', 'pakbudi', 'halo');
    expect(await flags(asked, 'halo', { reply_to: 'pakbudi' })).toBe(true);
    expect(await flags(asked, 'halo pakbudi')).toBe(false);
    expect(await flags(plain, 'halo', { reply_to: 'pakbudi' })).toBe(false);
    expect(await flags(plain, 'halo pakbudi', { reply_to: 'pakbudi' })).toBe(true);
  });

  it('upper: true: only written in capitals', async () => {
    const s = await scannerFor('upper', '{ term: amin, upper: true }', 'all in AMIN', 'amin');
    expect(await flags(s, 'semoga sehat selalu, amin')).toBe(false);
    expect(await flags(s, 'all in AMIN')).toBe(true);
  });
});
