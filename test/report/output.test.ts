import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileOutput, writeFileAtomic } from '../../src/report/output.js';
import { cli, FIXTURES, tempDir, writeFiles } from '../helpers/cli.js';

const dir = tempDir();

describe('fileOutput', () => {
  it('replaces a regular file only when the output is complete', async () => {
    const target = path.join(dir, 'report.txt');
    writeFileSync(target, 'old');
    const out = await fileOutput(target);
    await out.sink.write('new report');
    expect(readFileSync(target, 'utf8')).toBe('old');
    await out.commit();
    expect(readFileSync(target, 'utf8')).toBe('new report');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an aborted output leaves the old file and no temporary file', async () => {
    const target = path.join(dir, 'kept.txt');
    writeFileSync(target, 'old');
    const out = await fileOutput(target);
    await out.sink.write('half');
    await out.abort();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes into a named pipe in place instead of renaming a file over it (as /dev/null must be)', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    const got: Buffer[] = [];
    reader.stdout.on('data', (b: Buffer) => got.push(b));
    const out = await fileOutput(fifo);
    await out.sink.write('through the pipe\n');
    await out.commit();
    await new Promise((r) => reader.on('close', r));
    expect(Buffer.concat(got).toString()).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a folder as the output', async () => {
    const sub = path.join(dir, 'a-folder');
    mkdirSync(sub);
    await expect(fileOutput(sub)).rejects.toThrow(/it is a folder/);
  });

  // A device that refuses the bytes (a full disk): exit 2 with the reason, never a silent success or a hang.
  it.runIf(existsSync('/dev/full'))('a device output that cannot be written fails the run (scan -o, audit)', async () => {
    const posts = path.join(FIXTURES, 'demo', 'posts.jsonl');
    const scan = await cli(['scan', posts, '-f', 'csv', '-o', '/dev/full']);
    expect(scan.exitCode).toBe(2);
    expect(scan.stderr).toMatch(/netral: error: cannot write \/dev\/full: ENOSPC/);

    const audit = path.join(dir, 'audit');
    writeFiles(audit, { 'audit.yml': 'sources: [posts.jsonl]\nbaseline: baseline.yml\noutputs:\n  - format: csv\n    file: /dev/full\n', 'posts.jsonl': readFileSync(posts) });
    const r = await cli(['audit', '--config', path.join(audit, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/"status":"error".*cannot write \/dev\/full: ENOSPC/);
    expect(existsSync(path.join(audit, 'baseline.yml'))).toBe(false);
  });

  it('writeFileAtomic replaces a small file whole', async () => {
    const target = path.join(dir, 'state.json');
    await writeFileAtomic(target, '{"a":1}');
    await writeFileAtomic(target, Buffer.from('{"a":2}'));
    expect(readFileSync(target, 'utf8')).toBe('{"a":2}');
  });

  it('a replaced file keeps its permissions: a report made private stays private', async () => {
    const report = path.join(dir, 'private.csv');
    writeFileSync(report, 'old\n');
    chmodSync(report, 0o600);
    const out = await fileOutput(report);
    await out.sink.write('new\n');
    await out.commit();
    expect([readFileSync(report, 'utf8'), statSync(report).mode & 0o777]).toEqual(['new\n', 0o600]);
    const state = path.join(dir, 'private.json');
    writeFileSync(state, '{}');
    chmodSync(state, 0o640);
    await writeFileAtomic(state, '{"a":1}');
    expect(statSync(state).mode & 0o777).toBe(0o640);
  });

  it('writeFileAtomic says which file it could not write when its folder cannot be made', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const target = path.join(blocker, 'state.json');
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow(`cannot create folder for ${target}: `);
  });
});

describe('a read-only file is never replaced', () => {
  // chmod 444 — also when run as root, whom the file system lets write anything.
  it('writeFileAtomic (state files, baselines) refuses it, leaving it and no temporary file', async () => {
    const target = path.join(dir, 'filed.json');
    writeFileSync(target, '{"kept":true}');
    chmodSync(target, 0o444);
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow(`will not replace ${target}: the file is read-only`);
    expect(readFileSync(target, 'utf8')).toBe('{"kept":true}');
    expect(readdirSync(dir).filter((n) => n.startsWith('.filed.json.'))).toEqual([]);
  });

  it('fileOutput refuses it when opened, and at commit when it became read-only meanwhile', async () => {
    const target = path.join(dir, 'filed.csv');
    writeFileSync(target, 'kept\n');
    chmodSync(target, 0o444);
    await expect(fileOutput(target)).rejects.toThrow(`will not replace ${target}: the file is read-only`);
    chmodSync(target, 0o644);
    const out = await fileOutput(target);
    await out.sink.write('new\n');
    chmodSync(target, 0o444);
    await expect(out.commit()).rejects.toThrow(`will not replace ${target}: the file is read-only`);
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
    expect(readdirSync(dir).filter((n) => n.startsWith('.filed.csv.'))).toEqual([]);
  });
});
