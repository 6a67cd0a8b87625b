// Lines of the terminal report fitted to the terminal's width. A line is given as runs of text, each with the
// colour it is painted in; it is broken at spaces (or at separators the caller marks) and continued with a hanging
// indent. Widths are measured on the plain text, in display columns (emoji and CJK take 2, combining marks 0), and
// colour is applied per physical line after breaking, so no escape code counts toward the width, a highlight that
// crosses a break is closed at the line's end and reopened after the indent, and the indent itself is never
// painted. A word wider than the line (a long URL) is left whole and overflows rather than being cut.

import stringWidth from 'string-width';

export interface Run {
  text: string;
  /** How the text is painted (a chalk style); applied to each physical line's part of the run. */
  paint?: (s: string) => string;
  /** Kept whole: its spaces are not break opportunities (a label such as "Candidate: pilpres-2024:2"). */
  keep?: boolean;
  /** A separator between items (" · "): a break opportunity, dropped where the line breaks. */
  sep?: boolean;
}

export interface WrapOptions {
  width: number;
  /** The first line's indent. */
  indent: string;
  /** The indent of continuation lines (the hanging indent). */
  hang: string;
}

type Piece = { text: string; paint?: (s: string) => string };
type Token = { kind: 'word' | 'sep'; pieces: Piece[] };

/** Display width in terminal columns; escape codes do not count. */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

/** A plain run: the text as one run, painted with `paint` if given. */
export function run(text: string, paint?: (s: string) => string): Run {
  return paint ? { text, paint } : { text };
}

/** Words and the separators between them; a word may span several runs (a highlight that starts mid-word). */
function tokens(runs: Run[]): Token[] {
  const out: Token[] = [];
  const add = (kind: Token['kind'], piece: Piece) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.pieces.push(piece);
    else out.push({ kind, pieces: [piece] });
  };
  for (const r of runs) {
    if (r.text === '') continue;
    if (r.sep) add('sep', { text: r.text, paint: r.paint });
    else if (r.keep) add('word', { text: r.text, paint: r.paint });
    else for (const part of r.text.split(/( +)/)) if (part !== '') add(part.startsWith(' ') ? 'sep' : 'word', { text: part, paint: r.paint });
  }
  return out;
}

const widthOf = (pieces: Piece[]) => displayWidth(pieces.map((p) => p.text).join(''));

/** Pieces painted together where they share a paint, so a plain report is exactly the text. */
function render(indent: string, pieces: Piece[]): string {
  let s = indent;
  for (let i = 0; i < pieces.length; ) {
    const paint = pieces[i].paint;
    let text = '';
    for (; i < pieces.length && pieces[i].paint === paint; i++) text += pieces[i].text;
    s += paint ? paint(text) : text;
  }
  return s;
}

/**
 * The physical lines of one logical line: words filled greedily up to `width` columns, separators kept between
 * words on the same line and dropped at breaks (also at the start and end).
 */
export function wrapRuns(runs: Run[], o: WrapOptions): string[] {
  const lines: { indent: string; pieces: Piece[] }[] = [];
  let cur = { indent: o.indent, pieces: [] as Piece[] };
  let used = displayWidth(o.indent);
  let pending: Piece[] | null = null;
  for (const t of tokens(runs)) {
    if (t.kind === 'sep') {
      if (cur.pieces.length > 0) pending = pending ? [...pending, ...t.pieces] : t.pieces;
      continue;
    }
    const w = widthOf(t.pieces);
    const sepW = pending ? widthOf(pending) : 0;
    if (cur.pieces.length > 0 && used + sepW + w > o.width) {
      lines.push(cur);
      cur = { indent: o.hang, pieces: [] };
      used = displayWidth(o.hang);
      pending = null;
    }
    if (pending && cur.pieces.length > 0) {
      cur.pieces.push(...pending);
      used += sepW;
    }
    pending = null;
    cur.pieces.push(...t.pieces);
    used += w;
  }
  if (cur.pieces.length > 0 || lines.length === 0) lines.push(cur);
  return lines.map((l) => (l.pieces.length === 0 ? '' : render(l.indent, l.pieces)));
}

/** One painted text wrapped: `wrapRuns` for the common case of a single run. */
export function wrapText(text: string, o: WrapOptions, paint?: (s: string) => string): string[] {
  return wrapRuns([run(text, paint)], o);
}
