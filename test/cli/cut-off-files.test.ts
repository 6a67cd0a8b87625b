// Files cut off in the middle: the place a person is sent to is the line where the content stops, and a damaged
// file of a folder read as one input is a skip with that place, its reason in words without a position in it.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';

const CUT = 'the file ends before the JSON is complete (truncated?)';

/** An X archive's tweets.js cut off after its 11th line (11 newlines: the 12th line is empty). */
const TWEETS_CUT =
  'window.YTD.tweets.part0 = [\n  {\n    "tweet" : {\n      "id_str" : "1",\n      "full_text" : "Selamat pagi",\n      "created_at" : "Sat Jan 20 03:00:00 +0000 2024"\n    }\n  },\n  {\n    "tweet" : {\n      "id_str" : "2",\n';

const node = (shortcode: string, text: string) => ({
  node: { shortcode, taken_at_timestamp: 1705719600, edge_media_to_caption: { edges: [{ node: { text } }] }, owner: { username: 'neng.yulia' } },
  instaloader: { node_type: 'Post', version: '4.13' },
});

describe('a JSON list cut off at the end', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'tweets.js': TWEETS_CUT,
    // Blank lines after the cut change nothing: the content still stops on line 3.
    'putus.json': '[\n{"id":"1","text":"a"},\n{"id":"2","text":"b"\n\n  \n\n',
  });

  it('is reported at the last line that has content, not at the empty line after the last newline', async () => {
    const tweets = path.join(dir, 'tweets.js');
    expect(TWEETS_CUT.split('\n')).toHaveLength(12);
    const r = await cli(['scan', tweets, '-f', 'json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`netral: error: ${tweets}:11: ${CUT}\n`);
    expect(JSON.parse(r.stdout).summary.inputs[0]).toMatchObject({ error: CUT, line: 11 });
    const putus = path.join(dir, 'putus.json');
    const p = await cli(['scan', putus, '-f', 'json']);
    expect(p.stderr).toContain(`netral: error: ${putus}:3: ${CUT}\n`);
    // The record that was cut is named at the line it starts on.
    expect(p.stderr).toContain(`netral: warning: ${putus}:3: skipped: the file ends in the middle of this record (truncated?)\n`);
  });
});

describe('a damaged file in an Instaloader profile folder', () => {
  const dir = tempDir();
  const folder = path.join(dir, 'neng.yulia');
  const cut = `[\n${JSON.stringify(node('AAA', 'Selamat pagi'))},\n${JSON.stringify(node('BBB', 'Selamat siang')).slice(0, 60)}\n`;
  writeFiles(dir, {
    'neng.yulia/2024-01-20_03-00-00_UTC.json': `${JSON.stringify(node('CCC', 'Rapat koordinasi'), null, 2)}\n`,
    'neng.yulia/2024-01-21_03-00-00_UTC.json': cut,
  });
  const damaged = path.join(folder, '2024-01-21_03-00-00_UTC.json');

  it('is a skip at the line where it stops, its reason without a position in it; the folder is still read', async () => {
    const r = await cli(['scan', folder, '-f', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`netral: warning: ${damaged}:3: skipped: ${CUT}\n`);
    expect(r.stderr).not.toMatch(/skipped: \d+:/);
    const s = JSON.parse(r.stdout).summary;
    // Two posts, the cut record and the cut file: read = scanned + skipped.
    expect(s.inputs[0]).toMatchObject({ format: 'instaloader', read: 4, scanned: 2, skipped: 2 });
  });

  it('inspect names the same place', async () => {
    const r = await cli(['inspect', folder, '--format', 'json']);
    expect(JSON.parse(r.stdout).inputs[0].skip_reasons).toContainEqual({ reason: CUT, count: 1, first: `${damaged}:3` });
  });
});
