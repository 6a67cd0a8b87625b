// One pass over a post's tokens finds every literal of every loaded rule: a trie over token keys, walked from
// each token. Patterns are short phrases (1–4 tokens), so the walk is O(tokens × phrase length) whatever the
// number of rules — the cost per post does not grow with the rule count.

import { TK, type Token } from '../text/analyse.js';
import { StemTargets } from '../text/stem.js';

/** What a pattern step compares: a word's form, its stem, a number, a hashtag, an emoji or a mention. */
export type StepKind = 'w' | 's' | 'n' | 'h' | 'e' | 'm';

export interface Step {
  k: StepKind;
  v: string;
}

export interface TrieNode {
  w?: Map<string, TrieNode>;
  s?: Map<string, TrieNode>;
  n?: Map<string, TrieNode>;
  h?: Map<string, TrieNode>;
  e?: Map<string, TrieNode>;
  m?: Map<string, TrieNode>;
  /** Patterns that end here. */
  out?: number[];
}

export interface Hit {
  pat: number;
  /** Token indices, inclusive. */
  from: number;
  to: number;
}

/**
 * What a scan keeps per trie: the stems its `s` steps compare (so only words that might match one are stemmed),
 * and the root's children for each word seen, since the same words recur in every post.
 */
class TrieIndex {
  readonly stems: StemTargets;

  constructor(private readonly root: TrieNode) {
    const stems = new Set<string>();
    const walk = (n: TrieNode) => {
      for (const k of ['w', 's', 'n', 'h', 'e', 'm'] as const) {
        const map = n[k];
        if (map) for (const [v, child] of map) {
          if (k === 's') stems.add(v);
          walk(child);
        }
      }
    };
    walk(root);
    this.stems = new StemTargets(stems);
  }

  /** The root's children for a word token, worked out once per word form (its base and stem follow from it). */
  rootChildren(tok: Token): readonly TrieNode[] {
    const form = tok.form;
    if (form !== undefined && form.matchOwner === this) return (form.matched as FormMatch).nodes;
    const nodes: TrieNode[] = [];
    children(this.root, tok, nodes, this);
    if (form !== undefined) {
      form.matchOwner = this;
      form.matched = { nodes: nodes.length === 0 ? NONE : nodes, admitted: this.stems.admits(tok.t) } satisfies FormMatch;
    }
    return nodes;
  }

  /** Whether the word's stem may be one the trie compares (remembered per word form). */
  admits(tok: Token): boolean {
    const form = tok.form;
    if (form !== undefined && form.matchOwner === this) return (form.matched as FormMatch).admitted;
    return this.stems.admits(tok.t);
  }
}

/** What the trie keeps in a WordForm: the root's children for the word, and whether its stem may matter. */
interface FormMatch {
  nodes: readonly TrieNode[];
  admitted: boolean;
}

const NONE: readonly TrieNode[] = [];
const indexes = new WeakMap<TrieNode, TrieIndex>();

function indexOf(root: TrieNode): TrieIndex {
  let ix = indexes.get(root);
  if (ix === undefined) indexes.set(root, (ix = new TrieIndex(root)));
  return ix;
}

/** A node with every field present, so that all nodes share one hidden class and the walk's loads stay monomorphic. */
export function trieNode(): TrieNode {
  return { w: undefined, s: undefined, n: undefined, h: undefined, e: undefined, m: undefined, out: undefined };
}

export function insert(root: TrieNode, steps: Step[], pat: number): void {
  indexes.delete(root);
  let node = root;
  for (const st of steps) {
    let map = node[st.k];
    if (!map) map = node[st.k] = new Map();
    let next = map.get(st.v);
    if (!next) map.set(st.v, (next = trieNode()));
    node = next;
  }
  (node.out ??= []).push(pat);
}

function children(node: TrieNode, tok: Token, out: TrieNode[], ix: TrieIndex): void {
  switch (tok.kind) {
    case TK.Word: {
      const w = node.w;
      if (w) {
        const a = w.get(tok.t);
        if (a) out.push(a);
        if (tok.base !== tok.t) {
          const b = w.get(tok.base);
          if (b) out.push(b);
        }
      }
      if (node.s !== undefined && ix.admits(tok)) {
        const s = node.s.get(tok.stem);
        if (s) out.push(s);
      }
      return;
    }
    case TK.Number: {
      const n = node.n?.get(tok.t);
      if (n) out.push(n);
      return;
    }
    case TK.Hashtag: {
      const h = node.h?.get(tok.t);
      if (h) out.push(h);
      return;
    }
    case TK.Emoji: {
      const e = node.e?.get(tok.t);
      if (e) out.push(e);
      return;
    }
    case TK.Mention: {
      const m = node.m?.get(tok.t);
      if (m) out.push(m);
      else if (tok.base !== tok.t) {
        const b = node.m?.get(tok.base);
        if (b) out.push(b);
      }
      return;
    }
  }
}

/** Every pattern occurrence in the token stream. Phrases never span two fields. */
export function scanTokens(root: TrieNode, tokens: Token[], hits: Hit[]): void {
  const ix = indexOf(root);
  // Two scratch lists for the frontier as it moves along a phrase; a cached root list is only read.
  const a: TrieNode[] = [];
  const b: TrieNode[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    let frontier: readonly TrieNode[];
    if (tok.kind === TK.Word) frontier = ix.rootChildren(tok);
    else {
      a.length = 0;
      children(root, tok, a, ix);
      frontier = a;
    }
    let j = i;
    while (frontier.length > 0) {
      for (const node of frontier) if (node.out) for (const p of node.out) hits.push({ pat: p, from: i, to: j });
      j++;
      if (j >= tokens.length || tokens[j].field !== tok.field) break;
      const next = frontier === a ? b : a;
      next.length = 0;
      for (const node of frontier) if (node.w || node.s || node.n || node.h || node.e || node.m) children(node, tokens[j], next, ix);
      frontier = next;
    }
  }
}
