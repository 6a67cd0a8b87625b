import { describe, expect, it } from 'vitest';
import { fold, originalSpan } from '../../src/text/fold.js';

describe('fold', () => {
  it('lowercases plain ASCII with identity offsets', () => {
    const f = fold('Ayo Coblos 02');
    expect(f.text).toBe('ayo coblos 02');
    expect(f.map).toBeNull();
  });

  it('applies NFKC and strips diacritics: fullwidth, mathematical bold, accents', () => {
    expect(fold('ｄｕｋｕｎｇ').text).toBe('dukung');
    expect(fold('𝐝𝐮𝐤𝐮𝐧𝐠').text).toBe('dukung');
    expect(fold('dúkúng Prábowo').text).toBe('dukung prabowo');
  });

  it('removes zero-width and bidi characters that split words', () => {
    expect(fold('du\u200bku\u200cng').text).toBe('dukung');
    expect(fold('co\u00adblos').text).toBe('coblos');
    expect(fold('\u202eprabowo\u202c').text).toBe('prabowo');
    expect(fold('pi\u200dlih').text).toBe('pilih');
  });

  it('folds emoji skin tones and variation selectors: ✌🏽 = ✌️ = ✌', () => {
    expect(fold('✌🏽').text).toBe('✌');
    expect(fold('✌️').text).toBe('✌');
    expect(fold('☝🏿').text).toBe('☝');
  });

  it('keeps zero-width joiners inside emoji sequences', () => {
    expect(fold('👨‍👩‍👧').text).toBe('👨\u200d👩\u200d👧');
  });

  it('reads keycap digits as digits: 0️⃣2️⃣ = 02', () => {
    expect(fold('0️⃣2️⃣').text).toBe('02');
  });

  it('maps Cyrillic and Greek look-alikes to Latin', () => {
    expect(fold('Рrаbоwо').text).toBe('prabowo'); // Cyrillic Р, а, о
  });

  it('maps every folded range back to the original text, including astral characters', () => {
    const original = '𝐃𝐔𝐊𝐔𝐍𝐆 02 ✌🏽 ﬁx';
    const f = fold(original);
    const i = f.text.indexOf('dukung');
    const [s, e] = originalSpan(f, original, i, i + 6);
    expect(original.slice(s, e)).toBe('𝐃𝐔𝐊𝐔𝐍𝐆');
    const j = f.text.indexOf('✌');
    const [s2, e2] = originalSpan(f, original, j, j + 1);
    expect(original.slice(s2, e2)).toBe('✌🏽');
    const k = f.text.indexOf('fi');
    const [s3, e3] = originalSpan(f, original, k, k + 1); // half of the ligature still maps to the whole of it
    expect(original.slice(s3, e3)).toBe('ﬁ');
  });
});

describe('fold: letters dressed up as something else', () => {
  it('reads small capitals as letters: ᴄᴏʙʟᴏꜱ ᴘʀᴀʙᴏᴡᴏ', () => {
    expect(fold('ᴄᴏʙʟᴏꜱ ᴘʀᴀʙᴏᴡᴏ ɢɪʙʀᴀɴ').text).toBe('coblos prabowo gibran');
  });

  it('reads Armenian and Latin-extension look-alikes: Gaոjar, ɑmin', () => {
    expect(fold('Gaոjar օk').text).toBe('ganjar ok');
  });

  it('reads emoji letters (negative squared and circled) as letters, variation selectors dropped', () => {
    expect(fold('🅰🅼🅸🅽').text).toBe('amin');
    expect(fold('🅿️🆁🅰🅱🅾🆆🅾').text).toBe('prabowo');
    expect(fold('🅡🅘🅓🅞').text).toBe('rido');
    // The circled M and the information sign are emoji too, mixed in with the other letters.
    expect(fold('🅰️Ⓜ️ℹ️Ⓝ').text).toBe('amin');
  });

  it('reads three or more regional indicators as letters, and keeps a flag a flag', () => {
    expect(fold('🇵🇷🇦🇧🇴🇼🇴 menang 🇮🇩').text).toBe('prabowo menang 🇮🇩');
    const original = 'x 🇷🇮🇩🇴 y';
    const f = fold(original);
    const i = f.text.indexOf('rido');
    const [s, e] = originalSpan(f, original, i, i + 4);
    expect(original.slice(s, e)).toBe('🇷🇮🇩🇴');
  });
});
