import { describe, expect, it } from 'vitest';
import { csvSafe, csvUnescape } from '../../src/report/sanitize.js';

describe('csvSafe / csvUnescape', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://x","klik")', '+62 812 3456', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(csvSafe(s)).toBe(`'${s}`);
    for (const s of ['halo', '02 satu putaran', '', "'kutipan", ' =spasi dulu']) expect(csvSafe(s)).toBe(s);
  });

  it('is undone exactly by csvUnescape, also for text that itself starts with apostrophes', () => {
    const texts = ['=1+1', "'=1+1", "''=1+1", "'", "'halo", '@gibran_tweet mantap', "'@x", '-', 'biasa', '', "''"];
    for (const s of texts) expect(csvUnescape(csvSafe(s))).toBe(s);
  });

  it('reads a neutralised cell written by another tool as the text it stands for', () => {
    expect(csvUnescape("'=cmd|' /C calc'!A0")).toBe("=cmd|' /C calc'!A0");
    expect(csvUnescape("'halo")).toBe("'halo");
  });
});
