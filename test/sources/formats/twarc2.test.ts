import { describe, expect, it } from 'vitest';
import { exportsPath, post, readAll } from '../../helpers/read.js';

const F = (rel: string) => exportsPath(rel);
const who = { platform: 'x', author: 'budi_santoso88', author_name: 'Budi Santoso' };
const RT_FULL = 'Terima kasih relawan Jawa Barat! Kita lanjutkan perjuangan untuk Indonesia Maju bersama rakyat, dari desa sampai kota. Hadir di GBK tanggal 10 Februari, kita tunjukkan semangat kita bersama untuk Indonesia!';

function expected(file: string, line: (i: number) => number) {
  return [
    post({ id: '1748540851614650369', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: '2024-01-20T03:00:00.000Z', url: 'https://x.com/budi_santoso88/status/1748540851614650369', text: 'Ayo coblos 02! #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'], source: { file, line: line(1), record: 1 } }),
    // The retweet's full text, from the referenced tweet.
    post({ id: '1747951971333050369', ...who, created_at: '2024-01-18T12:00:00Z', created_at_raw: '2024-01-18T12:00:00.000Z', url: 'https://x.com/budi_santoso88/status/1747951971333050369', text: RT_FULL, kind: 'repost', repost_of: 'prabowo', source: { file, line: line(2), record: 2 } }),
    // API text unescaped (&amp;); image description from the media.
    post({ id: '1747200000000000002', ...who, created_at: '2024-01-16T05:45:10Z', created_at_raw: '2024-01-16T05:45:10.000Z', url: 'https://x.com/budi_santoso88/status/1747200000000000002', text: '@disdik_sukamaju Siap, laporan BOS & SPJ triwulan IV sudah dikirim 🙏', mentions: ['disdik_sukamaju'], media_text: ['Tangkapan layar aplikasi pelaporan BOS'], kind: 'reply', reply_to: 'disdik_sukamaju', source: { file, line: line(3), record: 3 } }),
  ];
}

describe('twarc2', () => {
  it('reads raw API pages, looking authors, retweets and media up in includes', async () => {
    const file = F('twarc2/raw/budi_santoso88-timeline.jsonl');
    const r = await readAll([file]);
    expect(r.posts).toEqual(expected(file, () => 1));
    expect(r.counts).toEqual([{ input: file, format: 'twarc2', read: 3, scanned: 0, skipped: 0 }]);
  });

  it('reads flattened tweets', async () => {
    const file = F('twarc2/flat/budi_santoso88-timeline-flat.jsonl');
    const r = await readAll([file]);
    expect(r.posts).toEqual(expected(file, (i) => i));
  });
});
