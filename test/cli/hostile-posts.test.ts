// Posts are written by the people being audited. Whatever they hold — ANSI and OSC escape sequences (screen
// clears, OSC 8 hyperlinks, title changes, device queries), 8-bit C1 controls, bidi overrides, carriage returns,
// backspaces — must reach the analyst's terminal as inert text, in every command that prints post text, even with
// colours forced on; and the HTML report must stay netral's own document.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { cli, FIXTURES, jsonl, tempDir, writeFiles } from '../helpers/cli.js';
import { mastodonAlice, fixture, send, TestServer } from '../helpers/http-server.js';

const dir = tempDir('netral-hostile-');

// Each kind of terminal attack, as a post can carry it.
const ATTACKS = [
  '\u001b[2J\u001b[3J\u001b[H', // clear the screen and scrollback, cursor home
  '\u001b]0;owned\u0007', // window title (BEL-terminated)
  '\u001b]2;owned\u001b\\', // window title (ST-terminated)
  '\u001b]8;;https://evil.example/\u001b\\klik-ini\u001b]8;;\u001b\\', // OSC 8 hyperlink
  '\u001b]52;c;ZXZpbA==\u0007', // write the clipboard
  '\u001b[5m\u001b[8m', // blink, hidden text
  '\u001b[6n', // device status report: the terminal types a reply into the shell
  '\u001b[?1049h', // alternate screen
  '\u001bP+q544e\u001b\\', // DCS query
  '\u001b(0', // line-drawing charset
  '\u009b2J\u009b31m', // 8-bit CSI
  '\u009d0;owned\u009c', // 8-bit OSC
  '\u202eevil\u202c \u2066x\u2069 \u200f\u061c', // bidi override, isolates, marks
  'abc\rXYZ', // carriage return: overwrites the start of the line
  'abc\b\b\bXYZ', // backspaces
  '\u0007\u0000\u007f\u000b\u000c', // bell, NUL, DEL, vertical tab, form feed
];
const PAYLOAD = ATTACKS.join(' ');

/**
 * Output as it reaches the terminal, with netral's own colour codes taken out: chalk's SGR sequences (never blink
 * or hidden, 5 and 8, which only the attacks use).
 */
function withoutOwnColours(s: string): string {
  return s.replace(/\u001b\[(?:[0-47]|9|2[1-9]|3[0-7]|39|4[0-7]|49|9[0-7]|10[0-7]|[34]8;5;\d{1,3}|[34]8;2;\d{1,3};\d{1,3};\d{1,3})m/g, '');
}

/** Nothing that a terminal would act on: no escape, no other control character, no bidi control. */
function expectInert(out: string, what: string): void {
  const rest = withoutOwnColours(out);
  const bad = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u.exec(rest);
  expect(bad, `${what}: ${bad ? JSON.stringify(rest.slice(Math.max(0, bad.index - 40), bad.index + 40)) : ''}`).toBeNull();
}

// Colours forced on, both streams terminals, no spinner (CI): everything netral prints goes through the check.
const TTY = { env: { FORCE_COLOR: '3', CI: '1' }, stdoutIsTTY: true, stderrIsTTY: true };

async function run(args: string[], stdin?: string) {
  const r = await cli(args, { ...TTY, ...(stdin !== undefined ? { stdin } : {}) });
  expectInert(r.stdout, `${args.join(' ')} (stdout)`);
  expectInert(r.stderr, `${args.join(' ')} (stderr)`);
  return r;
}

const POSTS = path.join(dir, 'posts.jsonl');
const ROSTER = path.join(dir, 'pegawai.csv');
writeFiles(dir, {
  'posts.jsonl': jsonl([
    // An employee in the roster: a violation, with the attacks in every field a report shows.
    {
      id: `p1${PAYLOAD}`,
      platform: 'x',
      author: 'budi',
      author_name: `Budi ${PAYLOAD}`,
      created_at: '2024-01-20T10:00:00+07:00',
      url: `https://x.com/budi/status/1${PAYLOAD}`,
      text: `Ayo coblos 02 Prabowo-Gibran! ${PAYLOAD} #AMIN`,
      hashtags: [`Coblos02${PAYLOAD}`],
      media_text: [`Spanduk ${PAYLOAD} coblos 02`],
    },
    // An account not in the roster, with a hostile handle.
    { id: 'p2', platform: 'x', author: `evil${PAYLOAD}`, author_name: PAYLOAD, created_at: '2024-01-21T10:00:00+07:00', url: `javascript:alert(1)${PAYLOAD}`, text: `Pilih 02 ya! ${PAYLOAD}` },
    // Suppressed by context (a neutrality reminder), shown with --explain.
    { id: 'p3', platform: 'x', author: 'budi', created_at: '2024-01-22T10:00:00+07:00', text: `ASN dilarang mendukung salah satu paslon, jangan ajak coblos 02 ${PAYLOAD}` },
    // Records skipped with a reason that quotes the input.
    { id: 'p4', platform: 'x', text: 'hai', kind: `post${PAYLOAD}` },
    { id: 'p5', platform: 'x', text: 'hai', evidence_sha256: PAYLOAD },
  ]),
  'pegawai.csv': `nip,nama,unit_kerja,jabatan,x\n198501012010011001,"Budi ${PAYLOAD.replace(/"/g, '""')}","Dinas ${PAYLOAD}","Staf ${PAYLOAD}",budi\n`,
  // A CSV without a text column: the error lists its columns.
  'columns.csv': `"id${PAYLOAD}","isi${PAYLOAD}"\n1,hai\n`,
});

describe('terminal output of hostile posts, colours forced on', () => {
  it('scan: the report and the warnings', async () => {
    const r = await run(['scan', POSTS]);
    // The posts are really printed (the check above is not vacuous): their words and their inert remains.
    expect(r.stdout).toContain('coblos 02');
    expect(r.stdout).toContain('klik-ini');
    expect(r.stdout).toContain('\u001b[');
    expect(r.stderr).toContain('skipped: kind must be post, reply, repost, quote or like');
  });

  it('scan --roster, --per employee and --explain', async () => {
    const a = await run(['scan', POSTS, '--roster', ROSTER]);
    expect(a.stdout).toContain('Budi');
    const b = await run(['scan', POSTS, '--roster', ROSTER, '--per', 'employee']);
    expect(b.stdout).toContain('Dinas');
    const c = await run(['scan', POSTS, '--explain']);
    expect(c.stdout).toMatch(/dilarang/);
  });

  it('explain, on the text given and on every token it lists', async () => {
    const r = await run(['explain', `Ayo coblos 02 ${PAYLOAD}`]);
    expect(r.stdout).toContain('coblos');
  });

  it('inspect, and errors about inputs that quote them', async () => {
    const r = await run(['inspect', POSTS]);
    expect(r.stdout).toContain('budi');
    const e = await run(['scan', path.join(dir, 'columns.csv')]);
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toContain('no text column found');
    const m = await run(['scan', '--map', 'text=Nope', path.join(dir, 'columns.csv')]);
    expect(m.stderr).toContain('no column "Nope"');
  });

  it('errors about rule packs and rosters that quote them', async () => {
    writeFiles(dir, {
      // YAML double-quoted strings can hold any control character (\e is ESC).
      'hostile-pack.yml': 'pack: evil\nkind: rules\n"\\e[2J\\e]0;owned\\a\\u202e\\x9b31m": 1\nrules:\n  - id: "x\\e[2J"\n    title: "\\e]8;;https://evil/\\e\\\\"\n',
      'hostile-roster.csv': `"nomor${PAYLOAD}","nama${PAYLOAD}"\n1,a\n`,
    });
    const p = await run(['scan', '--rules', path.join(dir, 'hostile-pack.yml'), POSTS]);
    expect(p.exitCode).toBe(2);
    expect(p.stderr).toContain('unknown key');
    const q = await run(['rules', 'validate', path.join(dir, 'hostile-pack.yml')]);
    expect(q.exitCode).toBe(2);
    const r = await run(['scan', '--roster', path.join(dir, 'hostile-roster.csv'), POSTS]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no "nip" column');
  });

  it('scan of an archive whose entry names hold escapes and bidi controls', async () => {
    const r = await run(['scan', path.join(FIXTURES, 'hostile', 'names.zip')]);
    expect(r.stdout).toContain('names.zip!\ufffdevil.jsonl');
    expect(r.stderr).toContain('left out');
  });

  it('CSV printed on a terminal (scan, --per employee, convert); in a pipe it keeps the exact text', async () => {
    const a = await run(['scan', POSTS, '-f', 'csv']);
    expect(a.stdout).toContain('klik-ini');
    await run(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'csv']);
    const c = await run(['convert', POSTS, '-f', 'csv']);
    expect(c.stdout).toContain('klik-ini');
    const piped = await cli(['scan', POSTS, '-f', 'csv']);
    expect(piped.stdout).toContain('\u001b]0;owned\u0007');
  });

  it('convert: its summary on stderr', async () => {
    await run(['convert', POSTS, '-o', path.join(dir, 'out.jsonl')]);
  });

  it('fetch: progress and errors that quote what a server sent', async () => {
    const server = await TestServer.start();
    const page = JSON.parse(fixture('mastodon/statuses-page1.json')) as Record<string, any>[];
    for (const s of page) {
      s.content = `<p>${s.content} ${PAYLOAD}</p>`;
      s.account.display_name = PAYLOAD;
    }
    mastodonAlice(server, { page1: JSON.stringify(page) });
    server.on('/xrpc/app.bsky.actor.getProfile', (_req, res) => send(res, 400, 'application/json', JSON.stringify({ error: `Invalid${PAYLOAD}`, message: `not found ${PAYLOAD}` })));
    const r = await run(['fetch', `mastodon:@alice@${server.host}`, `bluesky:evil.bsky.social`, '--bluesky-api', server.origin, '--rate', '1000']);
    expect(r.stderr).toMatch(/alice@127\.0\.0\.1:\d+: 5 posts/);
    expect(r.stderr).toMatch(/evil\.bsky\.social: .*not found/);
    // The records keep what the server sent: only the terminal is protected.
    expect(r.stdout).toContain('\\u001b[2J');
  });
});

describe('the HTML report of hostile posts', () => {
  it('shows every field as text, never as markup, and no link that is not http(s)', async () => {
    const MARKUP = `<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">klik</a>"'&<!--`;
    writeFiles(dir, {
      'markup.jsonl': jsonl([
        { id: `m1${MARKUP}`, platform: `x${MARKUP}`, author: `budi${MARKUP}`, author_name: MARKUP, created_at: '2024-01-20T10:00:00+07:00', url: `javascript:alert(1)//${MARKUP}`, text: `Ayo coblos 02! ${MARKUP} #AMIN`, hashtags: [`AMIN${MARKUP}`], media_text: [`coblos 02 ${MARKUP}`] },
        { id: 'm2', platform: 'x', author: 'budi', created_at: '2024-01-20T10:00:00+07:00', url: `https://x.com/budi/status/2"onmouseover="alert(1)`, text: `Pilih 02! ${MARKUP}` },
        { id: 'm3', platform: 'x', author: 'budi', created_at: '2024-01-20T10:00:00+07:00', url: 'data:text/html,<script>alert(1)</script>', text: `Coblos 02 ${PAYLOAD}` },
        { id: 'm4', platform: 'x', author: 'budi', created_at: '2024-01-20T10:00:00+07:00', url: ' JaVaScRiPt:alert(1)', text: 'Coblos 02' },
      ]),
      'markup-roster.csv': `nip,nama,unit_kerja,jabatan,x\n198501012010011001,"${MARKUP.replace(/"/g, '""')}","${MARKUP.replace(/"/g, '""')}","${MARKUP.replace(/"/g, '""')}",budi\n`,
    });
    const out = path.join(dir, 'report.html');
    const r = await cli(['scan', path.join(dir, 'markup.jsonl'), '--roster', path.join(dir, 'markup-roster.csv'), '-f', 'html', '-o', out]);
    expect(r.exitCode).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<img|<a href="javascript|<!--/i);
    const $ = cheerio.load(html);
    expect($('script, img, iframe, object, embed, form, input, link, base')).toHaveLength(0);
    $('*').each((_, el) => {
      for (const name of Object.keys((el as unknown as { attribs: Record<string, string> }).attribs)) expect(name, `attribute on <${(el as unknown as { tagName: string }).tagName}>`).not.toMatch(/^on/i);
    });
    const hrefs = $('a[href]').map((_, a) => $(a).attr('href')).get();
    for (const h of hrefs) expect(h).toMatch(/^(https:\/\/x\.com\/budi\/status\/2"onmouseover="alert\(1\)|#s\d+)$/);
    expect(hrefs).toContain('https://x.com/budi/status/2"onmouseover="alert(1)');
    // The markup is there, as text the reader can see.
    expect($('body').text()).toContain(MARKUP);
    expect($('section.subject h3').first().text()).toBe(MARKUP);
    expect($('body').text()).toContain('javascript:alert(1)//');
    // Escapes and bidi controls are gone from the HTML as from the terminal.
    expect(html).not.toMatch(/[\u001b\u009b\u009d\u202e\u2066]/u);
    // The policy forbids scripts and remote loads even if markup ever got through.
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toContain("default-src 'none'");
  });
});
