import { describe, expect, it } from 'vitest';
import { loadHtmlToText } from '../../src/sources/html-text.js';

describe('HTML post bodies as text', () => {
  it('drops tags, decodes entities and keeps paragraphs and line breaks', async () => {
    const toText = await loadHtmlToText();
    expect(toText('<p>Debat malam ini &amp; besok.</p><p>Baris satu<br>baris dua<br/>baris tiga</p>')).toBe('Debat malam ini & besok.\n\nBaris satu\nbaris dua\nbaris tiga');
    expect(toText('<p><a href="https://x/tags/a" class="mention hashtag" rel="tag">#<span>Pilkada2024</span></a> &lt;3 &#x1F525;</p>')).toBe('#Pilkada2024 <3 🔥');
    // Mastodon splits long links into visible and invisible spans: the text keeps the whole address.
    expect(toText('<p><a href="https://kpu.go.id/dpt/cek"><span class="invisible">https://</span><span class="ellipsis">kpu.go.id/dpt</span><span class="invisible">/cek</span></a></p>')).toBe('https://kpu.go.id/dpt/cek');
    expect(toText('tanpa tag')).toBe('tanpa tag');
  });
});
