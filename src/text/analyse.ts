// Text analysis: a post's fields → one stream of normalised tokens with offsets into the original strings.
// Word tokens carry their normal form and stem; hashtags are kept whole and also split into word tokens;
// emoji are tokens; sentence and clause numbers let the engine reason about scope.

import type { PostField } from '../model.js';
import { FoldBuffer, fold, originalSpan, type Folded } from './fold.js';
import { resolveWord, resolveLetters, type WordPart } from './deobfuscate.js';
import { segment, splitHashtag } from './hashtag.js';
import type { Lexicon } from './lexicon.js';
import { stem } from './stem.js';
import { TOKEN, TokenScanner } from './tokenize.js';
import { SpanCache, WordCache, detach } from './word-cache.js';

export const TK = { Word: 0, Number: 1, Hashtag: 2, Mention: 3, Emoji: 4, Url: 5 } as const;
export type TokKind = (typeof TK)[keyof typeof TK];

export const FLAG = {
  /** A word or number taken from inside a hashtag. */
  InTag: 1,
  /** Written in capitals in the original (AMIN, not amin). */
  Upper: 2,
  /** Decoded from an obfuscated spelling. */
  Obfuscated: 4,
  /** Inside quotation marks: reported speech, not the author's own words. */
  Quoted: 8,
} as const;

export interface FieldText {
  field: PostField;
  /** Index into the post's array field (media_text, hashtags). */
  index?: number;
  text: string;
  /** The field as the author wrote it, when `text` is a derived form of the same length (a link's slug words). */
  display?: string;
}

export interface Token {
  /** Normal form: folded, decoded; a hashtag's body without `#`; a mention's handle without `@`. */
  t: string;
  /** Stem for words; the normal form for everything else. */
  stem: string;
  /** The normal form without a trailing clitic (relawannya → relawan); the normal form when there is none. */
  base: string;
  kind: TokKind;
  /** Offsets into the original string of the token's field. */
  start: number;
  end: number;
  /** Index into Analysis.fields. */
  field: number;
  sent: number;
  clause: number;
  flags: number;
  /** Words and numbers: the form shared by every token of the same word, where per-word work is kept. */
  form?: WordForm;
}

/**
 * One distinct word (or number) form, shared by all its tokens: the per-word work (stem, the matcher's lookups)
 * is done once per form instead of once per token, since the same words recur in every post.
 */
export class WordForm {
  /** Owned by the matcher (engine/trie.ts): whose lookup `matched` holds, and the lookup itself. */
  matchOwner: object | null = null;
  matched: unknown = null;

  constructor(
    readonly t: string,
    readonly base: string,
    private s?: string,
  ) {}

  /** Worked out on first use: most words are never compared by stem. */
  get stem(): string {
    return (this.s ??= stem(this.t));
  }
}

export interface Analysis {
  fields: FieldText[];
  tokens: Token[];
}

interface RawWord {
  fs: number;
  fe: number;
  raw: string;
  sent: number;
  clause: number;
  /** FLAG.Quoted when the word stands inside quotation marks. */
  flags: number;
}

const SPACER = /^[ .\-_*]{1,3}$/;
/** Mask lookups scan the lexicon; a post gets only so many so that hostile text cannot make a scan slow. */
const MASK_BUDGET = 16;
/** Abbreviations whose period ends no sentence: titles before a name, parts of an address, "no." before a number. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['h', 'hj', 'kh', 'dr', 'drs', 'dra', 'ir', 'prof', 'bpk', 'sdr', 'kab', 'kec', 'kel', 'ds', 'jl', 'jln', 'no', 'nmr', 'tgl', 'gg', 'kp']);

/** Tokens per field beyond this are not analysed (a 1 MB post is scanned in its first ~50k tokens). */
const MAX_TOKENS_PER_FIELD = 50_000;

/** A raw word read as one word or number spanning all of it: the common case, kept compact. */
class Whole implements WordPart {
  readonly offset = 0;

  constructor(
    readonly t: string,
    readonly length: number,
    readonly isNumber: boolean,
    readonly obfuscated: boolean,
    /** Words only. */
    readonly form: WordForm | undefined,
  ) {}
}

/** A raw word read as several parts (paslon02 → paslon 02): each part, its span in the raw word and its form. */
interface Split {
  parts: WordPart[];
  from: number[];
  to: number[];
  forms: (WordForm | undefined)[];
}

type Reading = Whole | Split;

/** A token of a hashtag or handle, kept for replay: offsets from the tag's `#` or `@`, flags without Quoted. */
interface TagToken {
  t: string;
  base: string;
  kind: TokKind;
  start: number;
  end: number;
  flags: number;
  /** Word and number tokens (made as WordToken); the tag or handle token itself has none. */
  form: WordForm | undefined;
}

/** Raw words whose readings (and word forms) are kept, per generation (see WordCache). */
const READINGS_KEPT = 25_000;

export class Analyzer {
  /** Readings of raw words, valid for one generation of the lexicon. */
  private readonly readings = new WordCache<Reading>(READINGS_KEPT);
  private readingsOf = -1;
  /** The readings of the commonest words, found in place (see SpanCache); same generation as `readings`. */
  private readonly front = new SpanCache<Reading>();
  private readonly forms = new WordCache<WordForm>(READINGS_KEPT);
  /** The tokens of hashtags and handles, by the tag as written (see pushTag); same generation as `readings`. */
  private readonly tags = new SpanCache<TagToken[]>(2048, 32);
  /** The offset maps of folded fields: only needed while a field is analysed. */
  private readonly foldBuffer = new FoldBuffer();

  constructor(private readonly lex: Lexicon) {}

  analyse(fields: FieldText[]): Analysis {
    // Readings depend on the lexicon, which analysis never changes: checked once per call, not per word.
    this.syncReadings();
    const tokens: Token[] = [];
    let sent = 0;
    let clause = 0;
    for (let fi = 0; fi < fields.length; fi++) {
      const r = this.analyseField(fields[fi].text, fi, tokens, sent, clause);
      // Fields never share a sentence or clause: a caption and an image's OCR text are separate statements.
      sent = r.sent + 1;
      clause = r.clause + 1;
    }
    return { fields, tokens };
  }

  /** Convenience for rule examples and `explain`: one text as the post's text field. */
  analyseText(text: string): Analysis {
    return this.analyse([{ field: 'text', text }]);
  }

  private analyseField(original: string, fi: number, out: Token[], sent0: number, clause0: number) {
    const f = fold(original, this.foldBuffer);
    const text = f.text;
    let sent = sent0;
    let clause = clause0;
    let maskBudget = MASK_BUDGET;
    const spendMask = (n: number) => (maskBudget -= n) >= 0;
    let count = 0;
    let quoted = 0;
    let quoteOpenedAt = 0;
    // Pending single-character words, merged when they spell a known word: "c o b l o s", "0 2".
    let run: RawWord[] = [];

    const flushRun = () => {
      if (run.length === 0) return;
      // "d.u.k.u.n.g G.a.n.j.a.r", "P R A B O W O   G I B R A N": words spelled letter by letter, with another gap
      // between the words than inside them. The author's gaps say where words end better than the lexicon can.
      const groups = run.length >= 3 ? wordsOfRun(run, text) : null;
      if (groups !== null) {
        for (const g of groups) {
          run = g;
          flushRun();
        }
        return;
      }
      if (run.length >= 3 && !tryMerge()) {
        // "c.o.b.l.o.s 0 2": a run that spells nothing as a whole may be letters then digits; try each part.
        const isDigit = (w: RawWord) => w.raw.charCodeAt(0) < 0x3a;
        const cut = run.findIndex((w, i) => i > 0 && isDigit(w) !== isDigit(run[i - 1]));
        if (cut > 0 && run.slice(cut).every((w, i) => i === 0 || isDigit(w) === isDigit(run[cut]))) {
          const all = run;
          run = all.slice(0, cut);
          flushRun();
          run = all.slice(cut);
          flushRun();
          return;
        }
      }
      if (run.length === 0) return;
      if (run.length === 2) tryMerge();
      for (const w of run) this.pushReading(out, f, original, fi, w.fs, w.fe, this.readingOf(w.raw, spendMask), w.sent, w.clause, w.flags);
      run = [];
    };

    /** Merges the pending run into the word(s) it spells; true (and the run emptied) when it did. */
    const tryMerge = (): boolean => {
      if (run.length >= 2) {
        const joined = run.map((w) => w.raw).join('');
        const allDigits = /^[0-9]+$/.test(joined);
        // Letters spelling several known words ("p r a b o w o g i b r a n") become those words.
        const pieces = !allDigits && run.length >= 6 && /^\p{L}+$/u.test(joined) ? segment(joined, this.lex) : null;
        const merge = allDigits
          ? joined.length <= 3 && joined[0] === '0' && this.lex.hasExact(joined)
          : run.length >= 3 && (pieces !== null || this.knownReading(joined));
        if (merge && pieces !== null) {
          for (const p of pieces) {
            const a = run[p.offset];
            const b = run[p.offset + p.length - 1];
            const r = resolveLetters(joined.substr(p.offset, p.length), this.lex);
            this.pushWord(out, f, original, fi, a.fs, b.fe, { t: r.t, offset: 0, length: p.length, isNumber: false, obfuscated: true }, a.sent, a.clause, a.flags);
          }
          run = [];
          return true;
        }
        if (merge) {
          const first = run[0];
          const last = run[run.length - 1];
          const parts = resolveWord(joined, this.lex, false);
          if (parts.length === 1) {
            this.pushWord(out, f, original, fi, first.fs, last.fe, { ...parts[0], obfuscated: true }, first.sent, first.clause, first.flags);
            run = [];
            return true;
          }
        }
      }
      return false;
    };

    const scan = new TokenScanner(text);
    let prevEnd = 0;
    let wordStart = -1;
    let wordEnd = -1;
    while (scan.next()) {
      if (count++ >= MAX_TOKENS_PER_FIELD) break;
      const fs = scan.start;
      const fe = scan.end;
      const kind = scan.kind;
      if (kind === TOKEN.Word) {
        wordStart = fs;
        wordEnd = fe;
        if (fe - fs === 1) {
          if (run.length > 0 && !SPACER.test(text.slice(prevEnd, fs))) flushRun();
          run.push({ fs, fe, raw: text[fs], sent, clause, flags: quoted });
        } else {
          flushRun();
          this.pushWordAt(out, f, original, fi, fs, fe, sent, clause, quoted, spendMask);
        }
        prevEnd = fe;
        continue;
      }
      // Any other token ends a run of single letters.
      flushRun();
      prevEnd = fe;
      if (kind === TOKEN.SentenceEnd) {
        // The period of a title or an address ("H. Udin", "Kab. Bandung", "No. 3") ends no sentence.
        if (!(fs === wordEnd && fe - fs === 1 && fe - wordStart <= 5 && ABBREVIATIONS.has(text.slice(wordStart, wordEnd)))) sent++;
        clause++;
      } else if (kind === TOKEN.Clause) {
        clause++;
        const q = text[fs];
        const opens = q === '\u201c' || (q === '"' && quoted === 0);
        const closes = q === '\u201d' || (q === '"' && quoted !== 0);
        if (opens) {
          quoted = FLAG.Quoted;
          quoteOpenedAt = out.length;
        } else if (closes) quoted = 0;
      } else if (kind === TOKEN.Hashtag || kind === TOKEN.Mention) {
        this.pushTag(out, f, original, fi, fs, fe, sent, clause, quoted, kind === TOKEN.Hashtag);
      } else if (kind === TOKEN.Emoji) {
        const [s, e] = originalSpan(f, original, fs, fe);
        const em = text.slice(fs, fe);
        out.push({ t: em, stem: em, base: em, kind: TK.Emoji, start: s, end: e, field: fi, sent, clause, flags: quoted });
      } else if (kind === TOKEN.Url) {
        const u = text.slice(fs, fe).replace(/[.,;:!?)\]]+$/, '');
        const [s, e] = originalSpan(f, original, fs, fs + u.length);
        out.push({ t: u, stem: u, base: u, kind: TK.Url, start: s, end: e, field: fi, sent, clause, flags: quoted });
      }
    }
    flushRun();
    // An unclosed quotation mark quotes nothing: only balanced quotes mark reported speech.
    if (quoted !== 0) for (let i = quoteOpenedAt; i < out.length; i++) out[i].flags &= ~FLAG.Quoted;
    return { sent, clause };
  }

  private knownReading(joined: string): boolean {
    const parts = resolveWord(joined, this.lex, false);
    return parts.length === 1 && this.lex.knows(parts[0].t);
  }

  /** The word tokens of the raw word at folded offsets [fs, fe), looked up in place first. */
  private pushWordAt(out: Token[], f: Folded, original: string, fi: number, fs: number, fe: number, sent: number, clause: number, flags: number, spendMask: (n: number) => boolean) {
    const h = SpanCache.hash(f.text, fs, fe);
    let r = this.front.get(f.text, fs, fe, h);
    if (r === undefined) {
      const raw = f.text.slice(fs, fe);
      r = this.readingOf(raw, spendMask);
      // Masked readings are never shared (see readingOf).
      if (!raw.includes('*')) this.front.set(f.text, fs, fe, h, r);
    }
    this.pushReading(out, f, original, fi, fs, fe, r, sent, clause, flags);
  }

  private syncReadings() {
    if (this.readingsOf !== this.lex.generation) {
      this.readings.clear();
      this.front.clear();
      this.tags.clear();
      this.readingsOf = this.lex.generation;
    }
  }

  private readingOf(raw: string, spendMask: (n: number) => boolean): Reading {
    // A masked word spends the post's mask budget, so only unmasked readings can be shared between posts.
    const masked = raw.includes('*');
    let r = masked ? undefined : this.readings.get(raw);
    if (r === undefined) {
      r = this.read(raw, spendMask);
      if (!masked) this.readings.set(raw, r);
    }
    return r;
  }

  private pushReading(out: Token[], f: Folded, original: string, fi: number, fs: number, fe: number, r: Reading, sent: number, clause: number, flags: number) {
    if (r instanceof Whole) this.pushWord(out, f, original, fi, fs, fe, r, sent, clause, flags, r.form);
    else for (let i = 0; i < r.parts.length; i++) this.pushWord(out, f, original, fi, fs + r.from[i], fs + r.to[i], r.parts[i], sent, clause, flags, r.forms[i]);
  }

  /** How a raw word reads: its parts and where each lies in the raw word. Pure, given the lexicon (and budget). */
  private read(raw: string, spendMask: (n: number) => boolean): Reading {
    // Apostrophes join words (Ma'ruf = Maruf): decide on the letters alone, keep the whole span.
    if (raw.includes("'")) {
      const letters = raw.replace(/'/g, '');
      if (/^\p{L}+$/u.test(letters)) {
        const r = resolveLetters(letters, this.lex);
        const form = this.formOf(r.t);
        return new Whole(form.t, raw.length, false, r.obfuscated, form);
      }
    }
    const allowMask = raw.includes('*') ? spendMask(1) : false;
    const stripped = raw.replace(/'/g, '');
    const parts = resolveWord(stripped, this.lex, allowMask);
    if (parts.length === 1 && parts[0].length === stripped.length) {
      const p = parts[0];
      if (p.isNumber) return new Whole(detach(p.t), p.length, true, p.obfuscated, undefined);
      // The form's word is already a copy of its own: no second one for the reading.
      const form = this.formOf(p.t);
      return new Whole(form.t, p.length, false, p.obfuscated, form);
    }
    // Part offsets are in `stripped`; the token spans the raw word, apostrophes included.
    const at = rawOffsets(raw, stripped.length);
    return {
      parts: parts.map(detachPart),
      from: parts.map((p) => at[p.offset]),
      to: parts.map((p) => at[p.offset + p.length - 1] + 1),
      forms: parts.map((p) => (p.isNumber ? undefined : this.formOf(p.t))),
    };
  }

  /** The shared form of a word. */
  private formOf(t: string): WordForm {
    return this.forms.getOrMake(t, newForm);
  }

  private pushWord(out: Token[], f: Folded, original: string, fi: number, fs: number, fe: number, p: WordPart, sent: number, clause: number, flags: number, form?: WordForm) {
    let s = fs;
    let e = fe;
    if (f.map !== null) [s, e] = originalSpan(f, original, fs, fe);
    let fl = flags;
    if (p.obfuscated) fl |= FLAG.Obfuscated;
    if (!p.isNumber && isUpperWord(original, s, e)) fl |= FLAG.Upper;
    const t = p.t;
    const fm = p.isNumber ? new WordForm(t, t, t) : (form ?? this.formOf(t));
    out.push(new WordToken(fm, p.isNumber ? TK.Number : TK.Word, s, e, fi, sent, clause, fl));
  }

  /**
   * A hashtag's or handle's tokens. A tag written in printable ASCII folds by lowercasing alone, so its tokens follow
   * from the tag as written (its case decides camelCase pieces) wherever it stands: they are worked out once per tag
   * and replayed at its offsets, since the same few hundred tags and handles make up most of those a run meets.
   */
  private pushTag(out: Token[], f: Folded, original: string, fi: number, fs: number, fe: number, sent: number, clause: number, quoted: number, isTag: boolean) {
    const n = fe - fs;
    // Where the tag starts in the original; -1 when it is not the same characters there, one for one.
    const os = n > this.tags.maxKey ? -1 : f.map === null ? fs : asciiSpan(original, f.map, fs, n);
    if (os < 0) {
      if (isTag) this.pushHashtag(out, f, original, fi, fs, fe, sent, clause, quoted);
      else this.pushMention(out, f, original, fi, fs, fe, sent, clause, quoted);
      return;
    }
    const h = SpanCache.hash(original, os, os + n);
    const memo = this.tags.get(original, os, os + n, h);
    if (memo !== undefined) {
      for (const m of memo) {
        const flags = m.flags | quoted;
        if (m.form !== undefined) out.push(new WordToken(m.form, m.kind, os + m.start, os + m.end, fi, sent, clause, flags));
        else out.push({ t: m.t, stem: m.t, base: m.base, kind: m.kind, start: os + m.start, end: os + m.end, field: fi, sent, clause, flags });
      }
      return;
    }
    const first = out.length;
    // Worked out unquoted; the quotation flag is the only part of the tokens that depends on where the tag stands.
    if (isTag) this.pushHashtag(out, f, original, fi, fs, fe, sent, clause, 0);
    else this.pushMention(out, f, original, fi, fs, fe, sent, clause, 0);
    const kept: TagToken[] = [];
    for (let i = first; i < out.length; i++) {
      const t = out[i];
      kept.push({ t: detach(t.t), base: detach(t.base), kind: t.kind, start: t.start - os, end: t.end - os, flags: t.flags, form: t.form });
      t.flags |= quoted;
    }
    this.tags.set(original, os, os + n, h, kept);
  }

  private pushMention(out: Token[], f: Folded, original: string, fi: number, fs: number, fe: number, sent: number, clause: number, quoted: number) {
    const [s, e] = originalSpan(f, original, fs, fe);
    const h = f.text.slice(fs + 1, fe).replace(/\.+$/, '');
    // A Bluesky handle is a domain (ridwankamil.bsky.social): its first label is the account name, as on X.
    const local = h.includes('.') ? h.slice(0, h.indexOf('.')) : h;
    out.push({ t: h, stem: h, base: local, kind: TK.Mention, start: s, end: e, field: fi, sent, clause, flags: quoted });
    // Handles often spell a name (@pramonoanung, @DharmaPongrekun): split like a hashtag so names inside count.
    this.pushParts(out, f, original, fi, fs + 1, fs + 1 + local.length, sent, clause, quoted);
  }

  private pushHashtag(out: Token[], f: Folded, original: string, fi: number, fs: number, fe: number, sent: number, clause: number, quoted: number) {
    const raw = f.text.slice(fs + 1, fe);
    const [s, e] = originalSpan(f, original, fs, fe);
    // A tag that reads as one known word once decoded (#R1DO, #dukuuung) is that word, not camelCase pieces.
    const whole = resolveWord(raw, this.lex, false);
    if (whole.length === 1 && whole[0].t !== raw && this.lex.knows(whole[0].t)) {
      const w = whole[0];
      out.push({ t: w.t, stem: w.t, base: w.t, kind: TK.Hashtag, start: s, end: e, field: fi, sent, clause, flags: FLAG.Obfuscated | quoted });
      this.pushWord(out, f, original, fi, fs + 1, fe, w, sent, clause, FLAG.InTag | quoted);
      return;
    }
    out.push({ t: raw, stem: raw, base: raw, kind: TK.Hashtag, start: s, end: e, field: fi, sent, clause, flags: quoted });
    this.pushParts(out, f, original, fi, fs + 1, fe, sent, clause, quoted);
  }

  /** The words inside a hashtag or handle body (folded range [bs, be)), as in-tag word tokens. */
  private pushParts(out: Token[], f: Folded, original: string, fi: number, bs: number, be: number, sent: number, clause: number, quoted: number) {
    const body = f.text.slice(bs, be);
    const isUpper = (i: number) => {
      const o = f.map === null ? bs + i : f.map[bs + i];
      const c = original[o];
      return c !== undefined && c !== c.toLowerCase();
    };
    const pieces = splitHashtag(body, isUpper, this.lex);
    for (const p of pieces) {
      const pfs = bs + p.offset;
      const raw = body.substr(p.offset, p.length);
      const parts = resolveWord(raw, this.lex, false);
      for (const part of parts) {
        this.pushWord(out, f, original, fi, pfs + part.offset, pfs + part.offset + part.length, part, sent, clause, FLAG.InTag | quoted);
      }
    }
  }
}

/**
 * A run of single characters cut between two letters where the gap differs from the gap most of the run has ("."
 * inside words, " " between them); null when there is no such place. Letters and digits are never cut apart here.
 */
function wordsOfRun(run: RawWord[], text: string): RawWord[][] | null {
  const gaps: string[] = [];
  const count = new Map<string, number>();
  for (let i = 1; i < run.length; i++) {
    const g = text.slice(run[i - 1].fe, run[i].fs);
    gaps.push(g);
    count.set(g, (count.get(g) ?? 0) + 1);
  }
  if (count.size < 2) return null;
  let inside = '';
  let most = 0;
  for (const [g, n] of count) if (n > most) [inside, most] = [g, n];
  const isLetter = (w: RawWord) => w.raw.charCodeAt(0) >= 0x3a;
  const groups: RawWord[][] = [[run[0]]];
  for (let i = 1; i < run.length; i++) {
    if (gaps[i - 1] !== inside && isLetter(run[i - 1]) && isLetter(run[i])) groups.push([]);
    groups[groups.length - 1].push(run[i]);
  }
  return groups.length > 1 ? groups : null;
}

/** A word part whose text is kept in a cache. */
function detachPart(p: WordPart): WordPart {
  return p.t.length < 13 ? p : { ...p, t: detach(p.t) };
}

/** A word or number token: its normal form, base and stem come from the shared WordForm. */
class WordToken implements Token {
  readonly t: string;
  readonly base: string;

  constructor(
    readonly form: WordForm,
    public kind: TokKind,
    public start: number,
    public end: number,
    public field: number,
    public sent: number,
    public clause: number,
    public flags: number,
  ) {
    this.t = form.t;
    this.base = form.base;
  }

  get stem(): string {
    return this.form.stem;
  }
}

/**
 * The original offset of folded units [fs, fs + n) when they are n printable ASCII characters there; else -1. Such
 * characters fold one unit each, by lowercasing alone, and nothing between them is dropped (what folding drops or
 * expands is never printable ASCII), so the span reads the same as the characters do wherever they stand.
 */
function asciiSpan(original: string, map: Int32Array, fs: number, n: number): number {
  const os = map[fs];
  for (let i = os; i < os + n; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return -1;
  }
  return os;
}

/** Offset in `raw` of each character of `raw` without its apostrophes (`n` of them). */
function rawOffsets(raw: string, n: number): number[] {
  const at: number[] = [];
  for (let i = 0; i < raw.length && at.length < n; i++) if (raw.charCodeAt(i) !== 0x27) at.push(i);
  return at;
}

/** A word's shared form, made from a copy of the word that the forms cache may keep. */
const newForm = (own: string): WordForm => new WordForm(own, withoutClitic(own));

const CLITIC = /^(\p{L}{3,}?)(nya|lah|kah|pun|ku|mu)$/u;

function withoutClitic(t: string): string {
  const m = CLITIC.exec(t);
  return m === null ? t : m[1];
}

function isUpperWord(original: string, s: number, e: number): boolean {
  if (e - s < 2) return false;
  // ASCII (most words): capitals and no small letters; anything else takes the general test below.
  let upper = false;
  let ascii = true;
  for (let i = s; i < e; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  if (ascii) return upper;
  const w = original.slice(s, e);
  return w !== w.toLowerCase() && w === w.toUpperCase();
}
