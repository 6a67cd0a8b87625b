import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, cli, ROOT } from '../helpers/cli.js';

const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

describe('netral --version and --help', () => {
  it('prints exactly the version on stdout, nothing on stderr (real process)', async () => {
    const r = await bin(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(r.stderr).toBe('');
  });

  it('documents the exit codes in --help', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*0 {2}done[\s\S]*1 {2}findings at or above --fail-on[\s\S]*2 {2}usage error/);
  });

  it('exits 2 with a message for an unknown command or option', async () => {
    const a = await cli(['frobnicate']);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/unknown command/);
    const b = await cli(['scan', '--no-such-option']);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toMatch(/unknown option/);
    expect(b.stdout).toBe('');
  });

  it('with no arguments, shows the help on stderr and exits 2 (stdout stays empty for a pipe)', async () => {
    const r = await cli([]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: netral/);
  });
});
