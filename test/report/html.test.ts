import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, FIXTURES, jsonl, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');
const dir = tempDir();

// Post text is written by the people audited: it must not be able to inject markup, scripts or links.
writeFiles(dir, {
  'hostile.jsonl': jsonl([
    {
      id: 'h1',
      platform: 'instagram',
      author: 'rudi.hartono_',
      created_at: '2024-01-20T10:00:00+07:00',
      url: 'javascript:alert(1)',
      text: 'Coblos 02 Prabowo-Gibran! <script>alert("x")</script> <img src=x onerror=alert(2)> \u202Eevil\u202C #PrabowoGibran2024',
    },
    { id: 'h2', platform: 'x', author: 'orang.lain', created_at: '2024-01-21T10:00:00+07:00', url: 'https://x.com/orang.lain/status/2', text: 'Ayo menangkan 02 Prabowo-Gibran satu putaran ✌️' },
  ]),
});

async function html(args: string[]): Promise<string> {
  const out = path.join(dir, `r-${Math.random().toString(36).slice(2)}.html`);
  const r = await cli(['scan', ...args, '-f', 'html', '-o', out]);
  expect(r.exitCode, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('--format html', () => {
  it('is one self-contained file: no scripts, no external assets, a CSP that forbids loading any', async () => {
    const doc = await html([POSTS, '--roster', ROSTER]);
    expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(doc).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(/i);
    // the only links go to posts (http/https) or to sections of the report itself
    for (const [, href] of doc.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|#s\d+$)/);
    expect(doc.match(/<svg /g)).toHaveLength(2);
    expect(doc).toMatch(/@media print/);
  });

  it('has the summary, the charts, an overview and a section per employee with every finding and its evidence', async () => {
    const doc = await html([POSTS, '--roster', ROSTER, '--lang', 'en', '--tz', 'Asia/Makassar']);
    expect(doc).toMatch(/<section id="summary">/);
    expect(doc).toMatch(/<figure id="chart-time"><svg[^>]+viewBox="0 0 720 \d+" width="720" height="\d+" role="img"/);
    expect(doc).toMatch(/<figure id="chart-category"><svg/);
    expect(doc).toMatch(/<section id="overview"><h2>Per employee<\/h2>/);
    const json = JSON.parse((await cli(['scan', POSTS, '--roster', ROSTER, '-f', 'json'])).stdout) as { findings: { fingerprint: string }[] };
    // every finding is in the report, once
    for (const f of json.findings) expect(doc.split(`<code>${f.fingerprint}</code>`)).toHaveLength(2);
    const rudi = doc.slice(doc.indexOf('<h3>Rudi Hartono</h3>'));
    expect(rudi).toMatch(/<dt>NIP<\/dt><dd>198501012010011001<\/dd><dt>Unit<\/dt><dd>Dinas PUPR<\/dd>/);
    // the date in the zone asked for (WITA), the highlighted words, the legal basis
    expect(rudi).toMatch(/<time datetime="2024-01-16T13:41:00Z">2024-01-16 21:41 WITA<\/time>/);
    expect(rudi).toMatch(/<mark>#PrabowoGibran2024<\/mark>/);
    expect(rudi).toMatch(/<dt>Legal basis<\/dt><dd>SKB 2022 Lampiran II SM-1, SM-2<\/dd>/);
    // accounts not in the roster come after the employees, under their own heading
    expect(doc.indexOf('<section id="not-in-roster"')).toBeGreaterThan(doc.indexOf('<h3>Rudi Hartono</h3>'));
    expect(doc.slice(doc.indexOf('<section id="not-in-roster"'))).toMatch(/<h3>facebook @euis_komariah<\/h3>/);
  });

  it('without a roster: one section per account', async () => {
    const doc = await html([POSTS, '--lang', 'en']);
    expect(doc).toMatch(/<section id="overview"><h2>Per account<\/h2>/);
    expect(doc).toMatch(/<h3>x @rudi\.hartono_<\/h3>/);
    expect(doc).toMatch(/<h3>instagram @rudi\.hartono_<\/h3>/);
    expect(doc).not.toMatch(/not-in-roster/);
  });

  it('shows the review decision of each finding from the baseline', async () => {
    const base = path.join(dir, 'b.yml');
    expect((await cli(['baseline', 'create', POSTS, '-o', base])).exitCode).toBe(0);
    const text = readFileSync(base, 'utf8').replace(/decision: open\n {4}note: ""\n {4}date: ""\n {4}by: ""/, 'decision: confirmed\n    note: terbukti mendukung\n    date: 2024-02-05\n    by: Tim Inspektorat');
    writeFiles(dir, { 'b.yml': text });
    const doc = await html([POSTS, '--baseline', base, '--include-known', '--lang', 'id']);
    expect(doc).toMatch(/<dt>Keputusan<\/dt><dd><span class="decision-confirmed">dikonfirmasi<\/span> \(2024-02-05, oleh Tim Inspektorat\): terbukti mendukung<\/dd>/);
    expect(doc).toMatch(/<span class="decision-open">belum diputuskan<\/span>/);
    expect(doc).toMatch(/<html lang="id">/);
    expect(doc).toMatch(/<h2>Ringkasan<\/h2>/);
  });

  it('escapes hostile post text and refuses non-http links', async () => {
    const doc = await html([path.join(dir, 'hostile.jsonl'), '--roster', ROSTER]);
    expect(doc).not.toMatch(/<script>alert|<img src=x/);
    expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(doc).not.toContain('href="javascript:');
    expect(doc).toContain('<dd>javascript:alert(1)</dd>');
    expect(doc).not.toMatch(/[\u202A-\u202E]/);
    expect(doc).toContain('<a href="https://x.com/orang.lain/status/2" rel="noopener noreferrer">');
  });
});
