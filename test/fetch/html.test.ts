import { beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, loadCheerio } from '../../src/fetch/html.js';
import { linkNext } from '../../src/fetch/mastodon.js';
import { readFacets } from '../../src/sources/formats/bluesky.js';

beforeAll(async () => {
  await loadCheerio();
});

describe('htmlToText', () => {
  it('keeps paragraphs and <br> as line breaks, decodes entities, drops scripts', () => {
    expect(htmlToText('<p>Satu &amp; dua<br>tiga</p><p>  empat   lima </p><script>alert(1)</script>')).toBe('Satu & dua\ntiga\n\nempat lima');
    expect(htmlToText('<ul><li>a</li><li>b</li></ul>')).toBe('a\nb');
    expect(htmlToText('teks biasa')).toBe('teks biasa');
  });
});

describe('linkNext', () => {
  it('finds rel="next" among several links', () => {
    expect(linkNext('<https://m.example/api?max_id=1>; rel="next", <https://m.example/api?min_id=9>; rel="prev"')).toBe('https://m.example/api?max_id=1');
    expect(linkNext('<https://m.example/api?min_id=9>; rel="prev"')).toBeNull();
    expect(linkNext(undefined)).toBeNull();
  });
});

describe('readFacets', () => {
  it('slices facets by UTF-8 byte offsets (emoji before the tag) and adds outline tags', () => {
    const text = '✌️🇮🇩 Salam dua jari @budi.bsky.social #Coblos02';
    const at = (s: string) => Buffer.byteLength(text.slice(0, text.indexOf(s)));
    const f = readFacets({
      text,
      tags: ['pemilu'],
      facets: [
        { index: { byteStart: at('@budi'), byteEnd: at('@budi') + Buffer.byteLength('@budi.bsky.social') }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:x' }] },
        { index: { byteStart: at('#Coblos02'), byteEnd: Buffer.byteLength(text) }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Coblos02' }] },
        { index: { byteStart: 500, byteEnd: 600 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:y' }] },
      ],
    });
    expect(f).toEqual({ hashtags: ['Coblos02', 'pemilu'], mentions: ['budi.bsky.social', 'did:plc:y'], links: [] });
  });
});
