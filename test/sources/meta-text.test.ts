import { describe, expect, it } from 'vitest';
import { fixMetaRecord, fixMetaText } from '../../src/sources/meta-text.js';

/** What Meta writes: the UTF-8 bytes of `s`, each as its own character. */
const mangle = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('Meta mojibake repair', () => {
  it('repairs text whose UTF-8 bytes were written as separate characters', () => {
    for (const s of ['Holbæk', 'don’t', 'Selamat Idulfitri 🙏 — keluarga besar', '🇮🇩 Dirgahayu', 'a\u0300 (decomposed)', 'ASN netral ✌️']) expect(fixMetaText(mangle(s))).toBe(s);
  });

  it('leaves clean text unchanged, including Latin-1 letters typed as such', () => {
    for (const s of ['Ayo coblos 02!', 'café', 'Ümit', 'naïve résumé', '日本', '🙏', '', 'Ã alone']) expect(fixMetaText(s)).toBe(s);
  });

  it('repairs every string of a record, keys included', () => {
    const rec = { [mangle('judul✓')]: mangle('Jalan-jalan ☀️'), list: [mangle('é'), 5, null, { deep: mangle('“kutipan”') }] };
    expect(fixMetaRecord(rec)).toEqual({ 'judul✓': 'Jalan-jalan ☀️', list: ['é', 5, null, { deep: '“kutipan”' }] });
  });
});
