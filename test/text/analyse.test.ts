import { describe, expect, it } from 'vitest';
import { Analyzer, FLAG, TK } from '../../src/text/analyse.js';
import { Lexicon } from '../../src/text/lexicon.js';
import { stem } from '../../src/text/stem.js';

function analyzer(words: string[]): Analyzer {
  const lex = new Lexicon();
  for (const w of words) {
    lex.add(w);
    lex.add(stem(w));
  }
  return new Analyzer(lex);
}

const an = analyzer(['dukung', 'coblos', 'pilih', 'prabowo', 'gibran', 'ganjar', 'mahfud', '02', '01', 'rido', 'amin', 'paslon', 'salam', 'jari', 'nomor']);

function words(text: string): string[] {
  return an.analyseText(text).tokens.map((t) => t.t);
}

describe('Indonesian stemming (natural, memoised)', () => {
  it('reduces affixed forms to the root', () => {
    for (const w of ['mendukung', 'didukung', 'dukungan', 'dukunglah']) expect(stem(w)).toBe('dukung');
    expect(stem('memilih')).toBe('pilih');
    expect(stem('mencoblos')).toBe('coblos');
  });
});

describe('Analyzer', () => {
  it('collapses elongations to a known word: dukuuuung → dukung, ayooo → ayo', () => {
    expect(words('dukuuuung ayooo')).toEqual(['dukung', 'ayo']);
  });

  it('reads words again when the lexicon grows: readings kept from before are not reused', () => {
    const lex = new Lexicon();
    lex.add('dukung');
    const a = new Analyzer(lex);
    const read = (t: string) => a.analyseText(t).tokens.map((x) => x.t);
    expect(read('c0bl0s r1do')).toEqual(['c', '0', 'bl', '0', 's', 'r', '1', 'do']);
    lex.add('coblos');
    expect(read('c0bl0s r1do')).toEqual(['coblos', 'r', '1', 'do']);
  });

  it('decodes leet, masks and symbol substitutions into known words', () => {
    expect(words('c0bl0s d*kung p!lih R1DO')).toEqual(['coblos', 'dukung', 'pilih', 'rido']);
  });

  it('joins spaced letters and spaced digits when they spell something known', () => {
    expect(words('p r a b o w o')).toEqual(['prabowo']);
    expect(words('c.o.b.l.o.s 0 2')).toEqual(['coblos', '02']);
    expect(words('p r a b o w o g i b r a n')).toEqual(['prabowo', 'gibran']);
  });

  it('reads letter-by-letter words where the author put another gap between words than inside them', () => {
    expect(words('d.u.k.u.n.g G.a.n.j.a.r')).toEqual(['dukung', 'ganjar']);
    expect(words('P R A B O W O   G I B R A N')).toEqual(['prabowo', 'gibran']);
    // A letter gap and a digit gap that differ are not a word boundary: c.o.b.l.o.s 0 2 is coblos 02.
    expect(words('c.o.b.l.o.s 0 2')).toEqual(['coblos', '02']);
  });

  it('does not join ordinary single letters or numbers', () => {
    expect(words('a b c 1 2 3')).toEqual(['a', 'b', 'c', '1', '2', '3']);
  });

  it('splits words and numbers glued together: paslon02 → paslon 02', () => {
    expect(words('paslon02 salam2jari')).toEqual(['paslon', '02', 'salam', '2', 'jari']);
  });

  it('reads a 2 after a word as reduplication (rekan2 = rekan-rekan), unless a rule writes a number after that word', () => {
    const lex = new Lexicon();
    for (const w of ['paslon', 'coblos', 'rekan']) lex.add(w);
    lex.addNumberHead('paslon');
    const a = new Analyzer(lex);
    const toks = a.analyseText('rekan2 anak2nya coblos paslon2').tokens;
    expect(toks.map((t) => t.t)).toEqual(['rekan', 'anak', 'coblos', 'paslon', '2']);
    expect(toks.filter((t) => t.kind === TK.Number).map((t) => t.t)).toEqual(['2']);
    // The word's token spans the mark: evidence quotes what was written.
    expect(toks[0].start).toBe(0);
    expect(toks[0].end).toBe(6);
  });

  it('keeps a single letter with its digits inside a hashtag (#S2sambilngajar: a degree, not the number 2)', () => {
    expect(an.analyseText('#S2sambilngajar').tokens.map((t) => [t.t, t.kind])).toEqual([
      ['s2sambilngajar', TK.Hashtag],
      ['s2', TK.Word],
      ['sambilngajar', TK.Word],
    ]);
    expect(words('#Coblos02')).toEqual(['coblos02', 'coblos', '02']);
  });

  it('keeps a hashtag whole and splits it into words (camelCase, digits, lexicon)', () => {
    const toks = an.analyseText('#PrabowoGibran2024 #ganjarmahfud').tokens;
    expect(toks.map((t) => [t.t, t.kind])).toEqual([
      ['prabowogibran2024', TK.Hashtag],
      ['prabowo', TK.Word],
      ['gibran', TK.Word],
      ['2024', TK.Number],
      ['ganjarmahfud', TK.Hashtag],
      ['ganjar', TK.Word],
      ['mahfud', TK.Word],
    ]);
    expect(toks[1].flags & FLAG.InTag).toBe(FLAG.InTag);
  });

  it('splits handles into the names they spell', () => {
    const toks = an.analyseText('RT @PrabowoGibran: mantap').tokens;
    expect(toks.map((t) => t.t)).toEqual(['rt', 'prabowogibran', 'prabowo', 'gibran', 'mantap']);
    expect(toks[1].kind).toBe(TK.Mention);
  });

  it('reads a hashtag or handle met again exactly as the first time: at its own offsets, quoted or not', () => {
    // Tags and handles are worked out once per tag as written and replayed (pushTag); a fresh analyser works each out.
    const plain = (text: string, a: Analyzer) =>
      a.analyseText(text).tokens.map((t) => ({ t: t.t, stem: t.stem, base: t.base, kind: t.kind, start: t.start, end: t.end, sent: t.sent, clause: t.clause, flags: t.flags }));
    const texts = [
      '#PrabowoGibran2024 ayo @AniesBaswedan #coblos02',
      'kata dia "#PrabowoGibran2024 @AniesBaswedan" lalu #prabowogibran2024 #coblos02. #R1DO',
      '"#coblos02 @aniesbaswedan', // unbalanced: nothing quoted
      'lagi: #PrabowoGibran2024, @AniesBaswedan dan #R1DO #COBLOS02',
      // After a variation selector folding drops, folded and original offsets differ: the tag is found in place.
      '✌️✌️ #PrabowoGibran2024 🔥 "@AniesBaswedan" #coblos02',
      // Not the same characters in the original, one for one: worked out each time. Each pair starts with the same
      // original characters over the tag's folded length, so a memo keyed by them would replay the first for both.
      '#Prabo\u200bwoGibran2024 #Prabo\u200bwoGibran202x #CaféPrabowo #ＰｒａｂｏｗｏＧｉｂｒａｎ',
      '@Anies\u0001Baswedan @Anies\u0001Baswedam',
    ];
    const fresh = () => analyzer(['dukung', 'coblos', 'prabowo', 'gibran', 'anies', 'baswedan', '02', 'rido']);
    const warm = fresh();
    for (const text of [...texts, ...texts]) expect(plain(text, warm)).toEqual(plain(text, fresh()));
    // The pairs above, whose tags must not be taken for one another.
    const tags = (text: string) => fresh().analyseText(text).tokens.filter((t) => t.kind === TK.Hashtag || t.kind === TK.Mention).map((t) => t.t);
    expect(tags(texts[5])).toEqual(['prabowogibran2024', 'prabowogibran202x', 'cafeprabowo', 'prabowogibran']);
    expect(tags(texts[6])).toEqual(['aniesbaswedan', 'aniesbaswedam']);
    const quoted = warm.analyseText('kata dia "#PrabowoGibran2024" lalu #PrabowoGibran2024').tokens.filter((t) => t.t === 'gibran');
    expect(quoted.map((t) => t.flags & FLAG.Quoted)).toEqual([FLAG.Quoted, 0]);
  });

  it('reads a tag again when the lexicon grows', () => {
    const lex = new Lexicon();
    lex.add('prabowo');
    const a = new Analyzer(lex);
    // The tag, and its one word while the lexicon cannot split it.
    expect(a.analyseText('#prabowogibran').tokens.map((t) => t.t)).toEqual(['prabowogibran', 'prabowogibran']);
    lex.add('gibran');
    expect(a.analyseText('#prabowogibran').tokens.map((t) => t.t)).toEqual(['prabowogibran', 'prabowo', 'gibran']);
  });

  it('treats emoji as tokens with skin tones folded', () => {
    const toks = an.analyseText('✌🏽✌️ mantap').tokens;
    expect(toks.map((t) => [t.t, t.kind])).toEqual([
      ['✌', TK.Emoji],
      ['✌', TK.Emoji],
      ['mantap', TK.Word],
    ]);
  });

  it('stems words: mendukung → dukung', () => {
    const t = an.analyseText('Mendukung').tokens[0];
    expect(t.t).toBe('mendukung');
    expect(t.stem).toBe('dukung');
  });

  it('keeps offsets into the original text for every token', () => {
    const text = 'Ayo  C0BL0S  0️⃣2️⃣ ✌🏽 #PrabowoGibran dukuuung P r a b o w o';
    const toks = an.analyseText(text).tokens;
    const spans = toks.map((t) => text.slice(t.start, t.end));
    expect(spans).toEqual(['Ayo', 'C0BL0S', '0️⃣2️⃣', '✌🏽', '#PrabowoGibran', 'Prabowo', 'Gibran', 'dukuuung', 'P r a b o w o']);
  });

  it('marks capitals, sentences and quoted speech', () => {
    const toks = an.analyseText('AMIN amin. "pilih dia" kata X').tokens;
    expect(toks[0].flags & FLAG.Upper).toBe(FLAG.Upper);
    expect(toks[1].flags & FLAG.Upper).toBe(0);
    expect(toks[0].sent).toBe(toks[1].sent);
    expect(toks[2].sent).toBe(toks[1].sent + 1);
    expect(toks[2].flags & FLAG.Quoted).toBe(FLAG.Quoted);
    expect(toks[4].flags & FLAG.Quoted).toBe(0);
  });

  it('lets the period of a title or an address end no sentence', () => {
    const sents = (text: string) => an.analyseText(text).tokens.map((t) => `${t.t}:${t.sent}`);
    expect(sents('Kakak saya H. Udin, caleg DPRD Kab. Bandung No. 5. Coblos ya')).toEqual(['kakak:0', 'saya:0', 'h:0', 'udin:0', 'caleg:0', 'dprd:0', 'kab:0', 'bandung:0', 'no:0', '5:0', 'coblos:1', 'ya:1']);
    // Only the listed abbreviations: "sudah. Besok" still ends one.
    expect(sents('Sudah. Besok')).toEqual(['sudah:0', 'besok:1']);
  });

  it('an unbalanced quotation mark quotes nothing', () => {
    const toks = an.analyseText('"pilih 02 pokoknya').tokens;
    expect(toks.every((t) => (t.flags & FLAG.Quoted) === 0)).toBe(true);
  });
});
