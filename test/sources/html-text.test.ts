import { describe, expect, it } from 'vitest';
import { loadHtmlReader } from '../../src/sources/html-text.js';

describe('HTML post bodies as text', () => {
  it('drops tags, decodes entities and keeps paragraphs and line breaks', async () => {
    const read = await loadHtmlReader();
    expect(read('<p>Debat malam ini &amp; besok.</p><p>Baris satu<br>baris dua<br/>baris tiga</p>').text).toBe('Debat malam ini & besok.\n\nBaris satu\nbaris dua\nbaris tiga');
    expect(read('<p><a href="https://x/tags/a" class="mention hashtag" rel="tag">#<span>Pilkada2024</span></a> &lt;3 &#x1F525;</p>').text).toBe('#Pilkada2024 <3 🔥');
    expect(read('tanpa tag')).toEqual({ text: 'tanpa tag', links: [] });
  });

  it('keeps the whole address of a long link Mastodon splits into spans, and lists it; mentions and hashtags are not links', async () => {
    const read = await loadHtmlReader();
    const body = read(
      '<p><span class="h-card"><a href="https://mastodon.social/@kpu_ri" class="u-url mention">@<span>kpu_ri</span></a></span> cek <a href="https://kpu.go.id/dpt/cek" rel="nofollow"><span class="invisible">https://</span><span class="ellipsis">kpu.go.id/dpt</span><span class="invisible">/cek</span></a> <a href="https://mastodon.social/tags/pemilu" class="mention hashtag">#<span>pemilu</span></a></p>',
    );
    expect(body).toEqual({ text: '@kpu_ri cek https://kpu.go.id/dpt/cek #pemilu', links: ['https://kpu.go.id/dpt/cek'] });
  });
});
