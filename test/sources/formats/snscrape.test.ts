import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exportsPath, post, readAll } from '../../helpers/read.js';

const F = (rel: string) => exportsPath(rel);
const who = { platform: 'x', author: 'budi_santoso88', author_name: 'Budi Santoso' };

describe('snscrape', () => {
  const FILE = F('snscrape/twitter-user-budi_santoso88.jsonl');

  it('reads tweets, the full text of retweets, quotes, replies and image descriptions', async () => {
    const r = await readAll([FILE]);
    expect(r.posts).toEqual([
      post({ id: '1748540851614650369', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: '2024-01-20T03:00:00+00:00', url: 'https://twitter.com/budi_santoso88/status/1748540851614650369', text: 'Ayo coblos 02! #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'], source: { file: FILE, line: 1, record: 1 } }),
      post({ id: '1747951971333050369', ...who, created_at: '2024-01-18T12:00:00Z', created_at_raw: '2024-01-18T12:00:00+00:00', url: 'https://twitter.com/budi_santoso88/status/1747951971333050369', text: 'Terima kasih relawan Jawa Barat! Kita lanjutkan perjuangan untuk Indonesia Maju bersama rakyat, dari desa sampai kota. Hadir di GBK tanggal 10 Februari, kita tunjukkan semangat kita bersama untuk Indonesia!', kind: 'repost', repost_of: 'prabowo', source: { file: FILE, line: 2, record: 2 } }),
      post({ id: '1747200000000000002', ...who, created_at: '2024-01-16T05:45:10Z', created_at_raw: '2024-01-16T05:45:10+00:00', url: 'https://twitter.com/budi_santoso88/status/1747200000000000002', text: '@disdik_sukamaju Siap, laporan BOS triwulan IV sudah dikirim lewat aplikasi 🙏', mentions: ['disdik_sukamaju'], kind: 'reply', reply_to: 'disdik_sukamaju', source: { file: FILE, line: 3, record: 3 } }),
      post({ id: '1754399455441850369', ...who, created_at: '2024-02-05T07:00:00Z', created_at_raw: '2024-02-05T07:00:00+00:00', url: 'https://twitter.com/budi_santoso88/status/1754399455441850369', text: 'Setuju sekali dengan ini https://t.co/QuOte123', links: ['https://twitter.com/ganjarpranowo/status/1754321098765432109'], kind: 'quote', repost_of: 'ganjarpranowo', source: { file: FILE, line: 4, record: 4 } }),
      post({ id: '1754900000000000003', ...who, created_at: '2024-02-06T10:20:00Z', created_at_raw: '2024-02-06T10:20:00+00:00', url: 'https://twitter.com/budi_santoso88/status/1754900000000000003', text: 'Foto bersama peserta pelatihan guru penggerak & kepala sekolah #GuruPenggerak', hashtags: ['GuruPenggerak'], media_text: ['Sekitar 30 guru berfoto di depan aula'], source: { file: FILE, line: 5, record: 5 } }),
    ]);
    expect(r.counts[0].format).toBe('snscrape');
  });

  it('keeps ids above 2^53 exact (the file writes them as bare numbers)', async () => {
    const raw = readFileSync(FILE, 'utf8');
    expect(raw).toMatch(/"id": 1748540851614650369,/);
    expect(String(Number('1748540851614650369'))).not.toBe('1748540851614650369');
    const r = await readAll([FILE]);
    expect(r.posts[0].id).toBe('1748540851614650369');
  });

  it('reads the older output (content, outlinks)', async () => {
    const file = F('snscrape/old-0.4/budi_santoso88-2019.jsonl');
    const r = await readAll([file]);
    expect(r.posts).toEqual([
      post({ id: '1115796538782650369', ...who, created_at: '2019-04-10T02:00:00Z', created_at_raw: '2019-04-10T02:00:00+00:00', url: 'https://twitter.com/budi_santoso88/status/1115796538782650369', text: 'Tanggal 17 April jangan lupa coblos 02 #2019PrabowoPresiden https://t.co/abc', links: ['https://prabowosandi.example.id'], source: { file, line: 1, record: 1 } }),
    ]);
  });
});
