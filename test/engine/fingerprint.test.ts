import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fingerprint, postKey } from '../../src/engine/fingerprint.js';
import { bin, jsonl, tempDir, writeFiles } from '../helpers/cli.js';

const dir = tempDir();
const posts = [
  { id: '1750001', platform: 'x', author: 'Rudi_Hartono', created_at: '2024-01-16T20:41:00+07:00', text: 'Mari coblos 02 Prabowo-Gibran satu putaran! ✌️ #PrabowoGibran2024' },
  { id: 'C9xYz', platform: 'instagram', author: 'neng.yulia', created_at: '2024-01-24T19:45:00+07:00', text: 'coblos nomor 1 ya gaes ☝🏻 #AMIN #AniesMuhaimin' },
];
const csv = ['Tanggal;Isi;Akun;No;Platform', ...posts.map((p) => `${p.created_at};"${p.text}";@${p.author.toUpperCase()};${p.id};${p.platform}`)].join('\r\n');
writeFiles(dir, {
  'export-a/posts.jsonl': jsonl(posts),
  'lain/folder/rekap-komentar.csv': csv,
});

function prints(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { fingerprint: string; rule_id: string; post_id: string })
    .map((f) => `${f.post_id} ${f.rule_id} ${f.fingerprint}`)
    .sort();
}

describe('finding fingerprints', () => {
  it('are the same for the same post and rule, whatever the file, format, path or working folder', async () => {
    const a = await bin(['scan', 'export-a/posts.jsonl', '-f', 'jsonl'], { cwd: dir });
    const b = await bin(['scan', path.join(dir, 'lain/folder/rekap-komentar.csv'), '-f', 'jsonl', '--map', 'author=Akun,id=No'], { cwd: '/' });
    expect(a.exitCode).toBe(0);
    expect(b.exitCode).toBe(0);
    const pa = prints(a.stdout);
    expect(pa.length).toBeGreaterThanOrEqual(2);
    expect(prints(b.stdout)).toEqual(pa);
  });

  it('differ between rules and posts', async () => {
    const a = await bin(['scan', 'export-a/posts.jsonl', '-f', 'jsonl'], { cwd: dir });
    const fps = prints(a.stdout).map((l) => l.split(' ')[2]);
    expect(new Set(fps).size).toBe(fps.length);
  });

  it('keep their derivation: changing it would orphan every baseline and review decision', () => {
    // A fixed value on purpose (sha256 of the NUL-joined lowercase parts, first 24 hex digits, checked with
    // another implementation): the same inputs must give this on every machine and release.
    expect(fingerprint('x', '@Rudi_Hartono', '1750001', 'endorsement.vote-call', 'pilpres-2024:2')).toBe('7011b67424162a9989d6c1a7');
    expect(fingerprint('X', 'rudi_hartono', '1750001', 'endorsement.vote-call', 'pilpres-2024:2')).toBe('7011b67424162a9989d6c1a7');
  });

  it('post keys (a baseline entry\'s post) keep theirs too: the same parts, without rule and candidate, 16 hex digits', () => {
    // Checked with Python's hashlib: sha256("x\0rudi_hartono\01750001")[:16].
    expect(postKey('x', '@Rudi_Hartono', '1750001')).toBe('078f578753143428');
    expect(postKey('X', 'rudi_hartono', '1750001')).toBe('078f578753143428');
    expect(postKey('x', 'rudi_hartono', '1750002')).not.toBe('078f578753143428');
  });
});
