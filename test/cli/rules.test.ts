import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { bin, cli, tempDir } from '../helpers/cli.js';
import { fillTemplate } from '../helpers/election-template.js';

const dir = tempDir();

describe('netral rules', () => {
  it('list shows rules and election packs; json lists them for machines', async () => {
    const r = await cli(['rules', 'list']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/endorsement\.vote-call\s+high\s+endorsement/);
    // Each pair by its pack's name (both candidates), as the reports name them.
    expect(r.stdout).toMatch(/pilpres-2024\s+vote 2024-02-14\s+1 Anies Baswedan – Muhaimin Iskandar; 2 Prabowo Subianto – Gibran Rakabuming Raka; 3 Ganjar Pranowo – Mahfud MD/);
    const j = JSON.parse((await cli(['rules', 'list', '-f', 'json'])).stdout);
    expect(j.elections.find((e: { id: string }) => e.id === 'pilpres-2024').candidates[1]).toMatchObject({ number: 2, name: 'Prabowo Subianto – Gibran Rakabuming Raka' });
    expect(j.rules.find((x: { id: string }) => x.id === 'endorsement.vote-call').legal_basis).toMatch(/SKB 2022/);
    expect(j.elections.map((e: { id: string }) => e.id)).toContain('pilkada-jatim-2024');
  });

  it('validate passes the shipped packs', async () => {
    const r = await cli(['rules', 'validate']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ packs, \d+ rules, 8 election packs\n$/);
  });

  it('validate reports every problem of a broken pack with file:line:col, exit 2', async () => {
    const file = path.join(dir, 'mine.yaml');
    writeFileSync(file, 'pack: mine\nkind: rules\nrules:\n  - id: mine.one\n    title: { id: a }\n    category: endorsment\n    severity: high\n    legal_basis: x\n    match: { entity: candidat }\n    examples: { flag: [a], pass: [b] }\n');
    const r = await cli(['rules', 'validate', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:5:12: rule mine.one: title.en (English) is required`);
    expect(r.stderr).toContain(`${file}:6:15: rule mine.one: category must be one of`);
    expect(r.stderr).toContain(`${file}:9:22: rule mine.one: unknown entity "candidat"`);
  });

  it('lists the problems of several packs by file, line and column, not in the order the checks found them', async () => {
    const sub = tempDir('netral-sorted-');
    // b.yaml: the unknown key (line 10) is found before the missing rule id (line 4, at the rule).
    const b = path.join(sub, 'b.yaml');
    writeFileSync(b, 'pack: b\nkind: rules\nrules:\n  - title: { id: a, en: b }\n    category: endorsement\n    severity: high\n    legal_basis: x\n    match: { term: kopi }\n    examples: { flag: [kopi], pass: [teh] }\n    colour: red\n');
    // a.yaml parses; its unknown list is found afterwards, when the packs are checked against each other.
    const a = path.join(sub, 'a.yaml');
    writeFileSync(a, 'pack: a\nkind: rules\nrules:\n  - id: a.one\n    title: { id: a, en: b }\n    category: endorsement\n    severity: high\n    legal_basis: x\n    match: { list: no_such_list }\n    examples: { flag: [kopi], pass: [teh] }\n');
    const expected = [
      '  ' + `${a}:9:12: rule a.one: unknown list "no_such_list"`,
      '  ' + `${b}:4:5: rule id is required`,
      '  ' + `${b}:10:5: rule: unknown key "colour"`,
    ];
    const validate = await cli(['rules', 'validate', b, a]);
    expect(validate.exitCode).toBe(2);
    expect(validate.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(expected.map((l) => expect.stringContaining(l)));
    // The same list stops a scan, before any post is read.
    const scan = await cli(['scan', '--rules', b, '--rules', a, '-f', 'jsonl'], { stdin: '{"id":"1","text":"kopi"}\n' });
    expect(scan.exitCode).toBe(2);
    expect(scan.stdout).toBe('');
    expect(scan.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(expected.map((l) => expect.stringContaining(l)));
  });

  it('a pack given as a named pipe (--rules <(…)) is read, not skipped; a missing one is named in words', async () => {
    const file = path.join(dir, 'piped.yaml');
    writeFileSync(file, 'pack: piped\nkind: rules\nrules:\n  - id: piped.one\n    title: { id: a, en: b }\n    category: endorsment\n    severity: high\n    legal_basis: x\n    match: { term: kopi }\n    examples: { flag: ["kopi"], pass: ["teh"] }\n');
    const fifo = path.join(dir, 'pack-pipe');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', file, fifo], { stdio: 'ignore' });
    const r = await cli(['rules', 'validate', fifo]);
    writer.kill();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${fifo}:6:15: rule piped.one: category must be one of`);
    const missing = await cli(['rules', 'validate', path.join(dir, 'nope.yaml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain(`${path.join(dir, 'nope.yaml')}: cannot read rule pack: no such file or folder`);
  });

  it('test runs every example and exits 1 when one fails, saying which and why', async () => {
    const ok = await cli(['rules', 'test']);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ passed, 0 failed \(\d+ examples of \d+ rules\)\n$/);
    const file = path.join(dir, 'wrong.yaml');
    writeFileSync(file, 'pack: wrong\nkind: rules\nrules:\n  - id: wrong.example\n    title: { id: a, en: b }\n    category: endorsement\n    severity: high\n    legal_basis: x\n    match: { term: kopi }\n    examples: { flag: ["teh manis"], pass: ["kopi tubruk"] }\n');
    const bad = await cli(['rules', 'test', '--rules', file]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('FAIL wrong.example flag: "teh manis"');
    expect(bad.stdout).toContain(`${file}:10:24: not flagged`);
    expect(bad.stdout).toContain('FAIL wrong.example pass: "kopi tubruk"');
    expect(bad.stdout).toMatch(/\d+ passed, 2 failed/);
  });

  it('init-election writes a template that is refused until its placeholders are replaced, and refuses to overwrite', async () => {
    const out = path.join(dir, 'pilbup-sukamaju-2029.yaml');
    const r = await cli(['rules', 'init-election', 'pilbup-sukamaju-2029', '-o', out, '--candidates', '3']);
    expect(r.exitCode).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Election pack for pilbup-sukamaju-2029/);
    expect(text.match(/- number: \d/g)).toHaveLength(3);
    const placeholders = (stderr: string) => stderr.split('\n').filter((l) => l.includes('is a placeholder from the template; replace it with'));

    // Untouched, it stops every command that loads packs, naming each placeholder at its place.
    const untouched = await cli(['rules', 'validate', out]);
    expect(untouched.exitCode).toBe(2);
    expect(untouched.stdout).toBe('');
    expect(placeholders(untouched.stderr)).toHaveLength(1 + 1 + 2 + 1 + 4 + 3 * 4);
    expect(untouched.stderr).toContain(`${out}:43:15: election pilbup-sukamaju-2029: names: "Nama Calon 1" is a placeholder from the template; replace it with`);
    const scan = await cli(['scan', '--rules', out, '-f', 'jsonl'], { stdin: '{"id":"1","text":"Ayo coblos 2 pilbup"}\n' });
    expect([scan.exitCode, scan.stdout, placeholders(scan.stderr).length]).toEqual([2, '', 21]);
    const test = await cli(['rules', 'test', '--rules', out]);
    expect([test.exitCode, placeholders(test.stderr).length]).toEqual([2, 21]);

    // Filled in but for the race words: only those are left, each named.
    writeFileSync(out, fillTemplate(text, 3, ['words']));
    const words = await cli(['rules', 'validate', out]);
    expect(words.exitCode).toBe(2);
    expect(placeholders(words.stderr).map((l) => l.replace(/^ +/, '').split(' is a placeholder')[0])).toEqual([
      `${out}:32:11: election pilbup-sukamaju-2029: words: "pilbup ..."`,
      `${out}:32:23: election pilbup-sukamaju-2029: words: "pilkada ..."`,
      `${out}:32:36: election pilbup-sukamaju-2029: words: "cabup ..."`,
      `${out}:32:47: election pilbup-sukamaju-2029: words: "bupati ... 1"`,
    ]);

    // Filled in: valid, the rules' examples pass with it, and a scan finds support for its pair.
    writeFileSync(out, fillTemplate(text, 3));
    const ok = await cli(['rules', 'validate', out]);
    expect([ok.exitCode, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^ok: \d+ packs, \d+ rules, 9 election packs\n$/);
    expect((await cli(['rules', 'test', '--rules', out])).stdout).toMatch(/^\d+ passed, 0 failed/);
    const input = JSON.stringify({ id: 'p', author: 'a', text: 'Ayo coblos nomor 2 Yusuf-Rini! #YusufRini', created_at: '2029-10-01T10:00:00+07:00' });
    const found = JSON.parse((await cli(['scan', '--rules', out, '-f', 'json'], { stdin: input })).stdout).findings;
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((x: { candidate: string }) => x.candidate))).toEqual(new Set(['pilbup-sukamaju-2029:2']));

    const again = await cli(['rules', 'init-election', 'pilbup-sukamaju-2029', '-o', out]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already exists \(use --force to overwrite\)/);
    expect((await cli(['rules', 'init-election', 'Bad Id!', '-o', path.join(dir, 'x.yaml')])).exitCode).toBe(2);
  });

  it('init-election writes the template to the file only: stdout stays empty, the next step is said on stderr', async () => {
    const cwd = tempDir('netral-init-');
    const r = await bin(['rules', 'init-election', 'pilwalkot-sukamaju-2029'], { cwd });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wrote pilwalkot-sukamaju-2029.yaml: fill in the names and dates, then check it with: netral rules validate pilwalkot-sukamaju-2029.yaml\n');
    expect(readFileSync(path.join(cwd, 'pilwalkot-sukamaju-2029.yaml'), 'utf8')).toMatch(/^# Election pack for pilwalkot-sukamaju-2029/);
  });

  it('init-election says in the template what the guide says: the finger counts are built in, and what makes a common first name count', async () => {
    const cwd = tempDir('netral-init-');
    expect((await bin(['rules', 'init-election', 'pilbup-sukamaju-2029'], { cwd })).exitCode).toBe(0);
    const text = readFileSync(path.join(cwd, 'pilbup-sukamaju-2029.yaml'), 'utf8');
    // Listing ✌ as pair 1's own sign would make every ✌ name two pairs.
    expect(text).toContain('☝ ✌ 🤟 for 1 2 3 are built in');
    expect(text).toContain('or this pair another way (its number, a name, a hashtag)');
  });

  it('a filled-in regional pack makes the generic rules find support for its pairs', async () => {
    const pack = path.join(dir, 'pilbup-sukamaju-2029.yaml');
    writeFileSync(
      pack,
      `pack: pilbup-sukamaju-2029
kind: election
election:
  id: pilbup-sukamaju-2029
  name: { id: "Pilbup Sukamaju 2029", en: "Sukamaju regent election 2029" }
  level: bupati
  region: Kabupaten Sukamaju
  dates:
    campaign: { start: 2029-09-01, end: 2029-11-20 }
    voting: 2029-11-25
  words: [pilbup sukamaju, cabup sukamaju]
  candidates:
    - { number: 1, names: [Hendra Gunawan, Hendra-Wati], hashtags: [HendraWati] }
    - { number: 2, names: [Yusuf Maulana, Yusuf-Rini], hashtags: [YusufRini] }
`,
    );
    const input = JSON.stringify({ id: 'p', author: 'a', text: 'Ayo coblos nomor 2 Yusuf-Rini! #YusufRini', created_at: '2029-10-01T10:00:00+07:00' });
    const r = await cli(['scan', '--rules', pack, '-f', 'json'], { stdin: input });
    const found = JSON.parse(r.stdout).findings;
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((x: { candidate: string }) => x.candidate))).toEqual(new Set(['pilbup-sukamaju-2029:2']));
  });
});

describe('netral explain', () => {
  it('shows tokens, cues, entity references, findings and the verdict', async () => {
    const r = await cli(['explain', 'Ayo c0bl0s 02 ✌🏽 #PrabowoGibran', '--date', '2024-01-20']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('coblos (word, decoded) ← "c0bl0s"');
    expect(r.stdout).toContain('✌ (emoji) ← "✌🏽"');
    expect(r.stdout).toMatch(/campaign dates: .*pilpres-2024/);
    expect(r.stdout).toMatch(/02 → .*pilpres-2024:2 \[candidate\/ballot_number, weak\]/);
    expect(r.stdout).toMatch(/HIGH endorsement\.vote-call \(endorsement\) → pilpres-2024:2/);
    expect(r.stdout).toMatch(/Verdict: violation/);
  });

  it('explains why context suppressed a finding', async () => {
    const r = await cli(['explain', 'ASN dilarang mendukung paslon 02 dengan pose dua jari', '--date', '2024-01-20', '-f', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.verdict).not.toBe('violation');
    expect(j.suppressed.some((f: { modifiers: { kind: string }[] }) => f.modifiers.some((m) => m.kind === 'prohibition'))).toBe(true);
  });

  it("explains image text (--media-text) as scan reads a post's media_text", async () => {
    const post = { id: 'm1', author: 'dadang', created_at: '2024-01-21T09:00:00+07:00', text: 'Kegiatan hari ini di balai warga', media_text: ['Foto puluhan orang berkaos hitam bertuliskan GANJAR MAHFUD'] };
    const d = tempDir();
    writeFileSync(path.join(d, 'p.jsonl'), `${JSON.stringify(post)}\n`);
    const scanned = JSON.parse((await cli(['scan', path.join(d, 'p.jsonl'), '-f', 'json'])).stdout).findings as { rule_id: string; candidate: string; confidence: number }[];
    expect(scanned.length).toBeGreaterThan(0);
    const r = await cli(['explain', post.text, '--media-text', post.media_text[0], '--date', post.created_at, '-f', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.findings.map((f: { rule_id: string; candidate: string; confidence: number }) => [f.rule_id, f.candidate, f.confidence])).toEqual(scanned.map((f) => [f.rule_id, f.candidate, f.confidence]));
    expect(j.tokens.some((t: { field: string; text: string }) => t.field === 'media_text' && t.text === 'ganjar')).toBe(true);
    const text = await cli(['explain', post.text, '--media-text', post.media_text[0]]);
    expect(text.stdout).toContain('Image text\n  Foto puluhan orang');
    expect(text.stdout).toContain('[image text] ganjar');
  });

  it('refuses an unreadable --date', async () => {
    const r = await cli(['explain', 'halo', '--date', 'kemarin']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--date: unrecognised date format: kemarin/);
  });
});
