import { describe, expect, it } from 'vitest';
import { LIST_FIELDS, readListCell, writeListCell } from '../../src/sources/list-cell.js';

describe('list cells', () => {
  it('reads the forms people type: spaces, commas, semicolons; one media text per cell', () => {
    expect(readListCell('hashtags', 'Pemilu2024, AyoKeTPS;Damai  Indonesia')).toEqual(['Pemilu2024', 'AyoKeTPS', 'Damai', 'Indonesia']);
    expect(readListCell('media_text', 'Spanduk: coblos 02, pasti menang')).toEqual(['Spanduk: coblos 02, pasti menang']);
    expect(readListCell('links', '')).toEqual([]);
  });

  it('reads a JSON array of text as that list, and anything else that merely starts with [ as plain text', () => {
    expect(readListCell('media_text', '["foto 1", "foto 2, baliho"]')).toEqual(['foto 1', 'foto 2, baliho']);
    expect(readListCell('media_text', '[Foto] baliho paslon')).toEqual(['[Foto] baliho paslon']);
    expect(readListCell('hashtags', '[1, 2]')).toEqual(['[1', '2]']);
  });

  it('writes the plain form when it reads back the same, JSON otherwise', () => {
    expect(writeListCell('hashtags', ['Pemilu2024', 'AyoKeTPS'])).toBe('Pemilu2024 AyoKeTPS');
    expect(writeListCell('media_text', ['satu teks, dengan koma'])).toBe('satu teks, dengan koma');
    expect(writeListCell('media_text', ['foto 1', 'foto 2'])).toBe('["foto 1","foto 2"]');
    expect(writeListCell('links', ['https://example.com/a,b;c=1'])).toBe('["https://example.com/a,b;c=1"]');
    expect(writeListCell('mentions', [])).toBe('');
  });

  it('round-trips every list, whatever its items hold', () => {
    const lists = [
      ['a'],
      ['a', 'b'],
      ['https://x.co/a,b', 'https://y.co/;z'],
      ['baris 1\nbaris 2', 'dua'],
      ['["a"]'],
      ['[x'],
      ['  spasi  '],
      ['"kutip"', "'apostrof"],
    ];
    for (const field of LIST_FIELDS) for (const l of lists) expect(readListCell(field, writeListCell(field, l)), `${field} ${JSON.stringify(l)}`).toEqual(l);
  });
});
