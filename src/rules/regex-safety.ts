// Regexes in rule packs come from analysts, not from us: one catastrophic pattern ((a+)+$) would let a single
// post hang a scan, and JavaScript has no regex timeout. So the shapes that backtrack without bound are refused at
// load, and what is admitted runs only on a bounded window around its keywords (engine/evaluate.ts: at most
// REGEX_WINDOW_CHARS characters of normalised words joined by single spaces, on a bounded number of sentences).
//
// Refused outright: backreferences and lookbehind; a repeated group that itself holds a repetition or
// alternatives ((a+)+, (a|ab)*, (.*a){20}, (a?){25}: exponential, or polynomial of any degree). What remains is
// priced: every open-ended repetition (*, +, {n,}) can take up to the whole window, a bounded one {m,n} n-m+1 ways,
// an optional part 2, alternatives their sum; a sequence multiplies. A price above two open-ended repetitions
// (a*a*a*b: degree 4 over the window) is refused. Repetitions of spaces cost 2 whatever their quantifier: in the
// window words are separated by exactly one space.

/** The window the engine gives a regex (engine/evaluate.ts), in characters. */
export const REGEX_WINDOW_CHARS = 300;
/** The most ways a regex may try to match at one position: two open-ended repetitions over the window. */
const MAX_COST = REGEX_WINDOW_CHARS * REGEX_WINDOW_CHARS;
const MAX_SOURCE = 500;
const MAX_COUNT = 100;

const TOO_COSTLY =
  'regex could backtrack too much on a long sentence (like a*a*a*b): use at most two open-ended repetitions (*, +, {n,}) of anything but spaces and few optional parts; bounded repetitions like \\w{1,20} are cheaper';

/** What the checker knows about a piece of the pattern. */
interface Shape {
  /** Ways to match at one position (see the header). */
  cost: number;
  /** Holds a repetition (any quantifier, ? included): repeating it again multiplies the ways. */
  rep: boolean;
  /** Holds alternatives: likewise. */
  alt: boolean;
  /** Matches only whitespace. */
  space: boolean;
}

class Refused extends Error {}

const SPACE_ESCAPES = new Set(['s', 't', 'n', 'r', 'f', 'v']);

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  /** The whole pattern. */
  parse(): Shape {
    const s = this.alternation();
    if (this.i < this.src.length) throw new Refused('invalid regex: unbalanced parentheses');
    return s;
  }

  private peek(k = 0): string | undefined {
    return this.src[this.i + k];
  }

  private alternation(): Shape {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    return { cost: cap(branches.reduce((a, b) => a + b.cost, 0)), rep: branches.some((b) => b.rep), alt: true, space: branches.every((b) => b.space) };
  }

  private sequence(): Shape {
    let cost = 1;
    let rep = false;
    let alt = false;
    let space = true;
    let any = false;
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const t = this.term();
      cost = cap(cost * t.cost);
      rep ||= t.rep;
      alt ||= t.alt;
      space &&= t.space;
      any = true;
    }
    return { cost, rep, alt, space: any && space };
  }

  private term(): Shape {
    const atom = this.atom();
    const q = this.quantifier();
    if (q === null) return atom;
    if (q.max > 1 && atom.rep) throw new Refused('regex has a repeated group that itself repeats (like (a+)+ or (.*a){20}): matching could take forever');
    if (q.max > 1 && atom.alt) throw new Refused('regex repeats a group with alternatives (like (a|ab)+): use a character class or separate terms');
    const ways = atom.space ? Math.min(2, q.max - q.min + 1) : q.max === Infinity ? REGEX_WINDOW_CHARS : q.max - q.min + 1;
    return { cost: cap(atom.cost * ways), rep: atom.rep || q.min !== q.max, alt: atom.alt, space: atom.space };
  }

  /** A quantifier after an atom: its bounds, or null when there is none. */
  private quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return null; // a literal brace (only without the u flag, which the caller has already checked)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new Refused(`regex repetition counts above ${MAX_COUNT} are not allowed`);
      this.i += m[0].length - 1;
      q = { min, max };
    }
    if (q === null) return null;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: tries the same ways in another order
    return q;
  }

  private atom(): Shape {
    const c = this.src[this.i++];
    const plain: Shape = { cost: 1, rep: false, alt: false, space: false };
    if (c === '(') {
      if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) throw new Refused('regex lookbehind is not allowed');
      if (this.src.startsWith('?:', this.i) || this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) this.i += 2;
      else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1;
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new Refused('invalid regex: unbalanced parentheses');
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const e = this.src[this.i++];
      if (e !== undefined && /[1-9k]/.test(e)) throw new Refused('regex backreferences are not allowed (they make matching slow)');
      if ((e === 'p' || e === 'P' || e === 'u') && this.peek() === '{') this.i = this.src.indexOf('}', this.i) + 1;
      else if (e === 'u') this.i += 4;
      else if (e === 'x') this.i += 2;
      else if (e === 'c') this.i += 1;
      return { ...plain, space: e !== undefined && SPACE_ESCAPES.has(e) };
    }
    return { ...plain, space: c === ' ' || c === '\t' || c === '\n' };
  }

  /** A character class: one character, whatever it holds; a class of spaces only counts as a space. */
  private charClass(): Shape {
    const start = this.i;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      if (this.src[this.i] === '\\') this.i++;
      this.i++;
    }
    const body = this.src.slice(start, this.i);
    this.i++;
    return { cost: 1, rep: false, alt: false, space: body !== '' && !body.startsWith('^') && /^(?:\\[stnrfv]|[ \t\n])+$/.test(body) };
  }
}

/** Costs are compared with MAX_COST only; capping keeps them finite. */
function cap(n: number): number {
  return Math.min(n, MAX_COST * 1000);
}

/** A reason the pattern is refused, or null when it is acceptable. */
export function checkRegex(source: string): string | null {
  if (source.length > MAX_SOURCE) return `regex is longer than ${MAX_SOURCE} characters`;
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `invalid regex: ${(e as Error).message}`;
  }
  try {
    const shape = new Parser(source).parse();
    if (shape.cost > MAX_COST) return TOO_COSTLY;
  } catch (e) {
    if (e instanceof Refused) return e.message;
    throw e;
  }
  return null;
}
