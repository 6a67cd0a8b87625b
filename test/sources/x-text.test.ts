import { describe, expect, it } from 'vitest';
import { parseXStatusUrl, unescapeX, xStatusUrl } from '../../src/sources/x-text.js';

describe('X text helpers', () => {
  it('undoes the escaping of &, < and > only', () => {
    expect(unescapeX('PPDB &amp; zonasi &lt;wajib&gt; &quot;x&quot;')).toBe('PPDB & zonasi <wajib> &quot;x&quot;');
    // The author typed "&lt;" literally: X stored "&amp;lt;".
    expect(unescapeX('&amp;lt;')).toBe('&lt;');
  });

  it('builds and reads post URLs', () => {
    expect(xStatusUrl('budi', '1')).toBe('https://x.com/budi/status/1');
    expect(xStatusUrl(null, '1')).toBe('https://x.com/i/web/status/1');
    expect(parseXStatusUrl('https://twitter.com/ganjarpranowo/status/1754321098765432109?s=20')).toEqual({ handle: 'ganjarpranowo', id: '1754321098765432109' });
    expect(parseXStatusUrl('https://x.com/i/web/status/1')).toBeNull();
    expect(parseXStatusUrl('https://example.com/a/status/1')).toBeNull();
  });
});
