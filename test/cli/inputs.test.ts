import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { bin, cli, tempDir, writeFiles } from '../helpers/cli.js';
import { inputError } from '../../src/cli/inputs.js';
import { inputFailure } from '../../src/report/i18n.js';

const CUT = 'the file ends before the JSON is complete (truncated?)';

describe('inputs that cannot be read as a whole', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'putus.json': '[\n{"id":"1","text":"a"},\n{"id":"2","text":"b"}\n',
    // An unpacked X archive read as one input, its tweets.js cut off: the error is in a file inside the input.
    'arsip/data/tweets.js':
      'window.YTD.tweets.part0 = [\n  {\n    "tweet" : {\n      "id_str" : "1",\n      "full_text" : "Selamat pagi",\n      "created_at" : "Sat Jan 20 03:00:00 +0000 2024"\n    }\n  },\n  {\n    "tweet" : {\n      "id_str" : "2",\n',
  });
  const f = path.join(dir, 'putus.json');
  const arsip = path.join(dir, 'arsip');

  it('are named file:line: like every other message, by scan, convert and inspect', async () => {
    for (const cmd of ['scan', 'convert', 'inspect']) {
      const r = await cli([cmd, f]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`netral: error: ${f}:3: ${CUT}\n`);
    }
  });

  it('keep "file: reason" when the reason has no position', async () => {
    const r = await cli(['scan', path.join(dir, 'tidak-ada.jsonl')]);
    expect(r.stderr).toContain(`netral: error: ${path.join(dir, 'tidak-ada.jsonl')}: cannot read: no such file or folder\n`);
  });

  // (COLUMNS: the temporary paths are long; at 80 columns the line would wrap.)
  const WIDE = { env: { COLUMNS: '1000' } };

  it('the terminal summary says the position in words, in the report language, after what was read before it', async () => {
    const en = await cli(['scan', f], WIDE);
    expect(en.stdout).toContain(`    ${f} — json: read 2 = scanned 2 + skipped 0; could not be read: line 3: ${CUT}\n`);
    const id = await cli(['scan', f, '--lang', 'id'], WIDE);
    expect(id.stdout).toContain(`    ${f} — json: dibaca 2 = dipindai 2 + dilewati 0; gagal dibaca: baris 3: ${CUT}\n`);
  });

  it('JSON keeps the message and the position apart', async () => {
    const r = await cli(['scan', f, '-f', 'json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).summary.inputs).toEqual([{ input: f, format: 'json', read: 2, scanned: 2, skipped: 0, error: CUT, line: 3 }]);
    // Without a position, only the message.
    const missing = path.join(dir, 'tidak-ada.jsonl');
    const none = JSON.parse((await cli(['scan', missing, '-f', 'json'])).stdout).summary.inputs;
    expect(none).toEqual([{ input: missing, format: '', read: 0, scanned: 0, skipped: 0, error: 'cannot read: no such file or folder' }]);
  });

  it('the HTML report says the position in words', async () => {
    const out = path.join(dir, 'r.html');
    await cli(['scan', f, '-f', 'html', '-o', out]);
    expect(readFileSync(out, 'utf8')).toContain(`<li class="failed">${f} — json: read 2 = scanned 2 + skipped 0; could not be read: line 3: ${CUT}</li>`);
    await cli(['scan', f, '-f', 'html', '-o', out, '--lang', 'id']);
    expect(readFileSync(out, 'utf8')).toContain(`<li class="failed">${f} — json: dibaca 2 = dipindai 2 + dilewati 0; gagal dibaca: baris 3: ${CUT}</li>`);
  });

  it('inspect shows the same: in words as text, apart in JSON', async () => {
    const text = await cli(['inspect', f]);
    expect(text.stdout).toContain(`\n  failed     line 3: ${CUT}\n`);
    const json = JSON.parse((await cli(['inspect', f, '--format', 'json'])).stdout);
    expect(json.inputs[0]).toMatchObject({ input: f, error: CUT, line: 3 });
  });

  it('an error in a file inside the input (an unpacked download) names that file, and only it, on stderr', async () => {
    const tweets = path.join(arsip, 'data', 'tweets.js');
    const r = await cli(['scan', arsip, '-f', 'json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`\nnetral: error: ${tweets}:11: ${CUT}\n`);
    expect(JSON.parse(r.stdout).summary.inputs[0]).toMatchObject({ input: arsip, format: 'x-archive', read: 2, error: CUT, file: tweets, line: 11 });
    const text = await cli(['scan', arsip], WIDE);
    expect(text.stdout).toContain(`    ${arsip} — x-archive: read 2 = scanned 1 + skipped 1; could not be read: ${tweets}, line 11: ${CUT}\n`);
  });

  it('netral audit reports them the same way, in its JSON report (real process)', async () => {
    const adir = tempDir('netral-audit-');
    writeFiles(adir, {
      'audit.yml': 'sources:\n  - data/\nlang: en\noutputs:\n  - format: json\n    file: out/audit.json\n  - format: html\n    file: out/audit.html\n',
      'data/putus.json': '[\n{"id":"1","text":"a"},\n{"id":"2","text":"b"}\n',
    });
    const data = path.join(adir, 'data', 'putus.json');
    const r = await bin(['audit', '--config', path.join(adir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`netral: error: ${data}:3: ${CUT}\n`);
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1)!)).toMatchObject({ status: 'input_errors', inputs_failed: 1 });
    const doc = JSON.parse(readFileSync(path.join(adir, 'out', 'audit.json'), 'utf8'));
    expect(doc.summary.inputs).toEqual([expect.objectContaining({ input: data, error: CUT, line: 3 })]);
    expect(readFileSync(path.join(adir, 'out', 'audit.html'), 'utf8')).toContain(`${data} — json: read 2 = scanned 2 + skipped 0; could not be read: line 3: ${CUT}`);
  });
});

// No reader reports a column yet (their errors are at a line); the words and the stderr form are ready for one.
describe('a position with a column', () => {
  const c = { input: 'a.json', format: 'json', read: 0, scanned: 0, skipped: 0, error: 'unexpected "}"', line: 15, column: 3 };

  it('is file:line:column on stderr', () => {
    expect(inputError(c)).toBe('a.json:15:3: unexpected "}"');
    expect(inputError({ ...c, file: 'a.zip!data/a.json' })).toBe('a.zip!data/a.json:15:3: unexpected "}"');
  });

  it('is said in words in both languages', () => {
    expect(inputFailure(c, 'en')).toBe('line 15, column 3: unexpected "}"');
    expect(inputFailure(c, 'id')).toBe('baris 15, kolom 3: unexpected "}"');
    expect(inputFailure({ ...c, file: 'a.zip!data/a.json', column: undefined }, 'id')).toBe('a.zip!data/a.json, baris 15: unexpected "}"');
  });
});
