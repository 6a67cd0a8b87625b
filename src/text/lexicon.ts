// The lexicon: every word form and stem the loaded rules can match. The text stage uses it to choose between
// readings of an obfuscated token (c0bl0s → coblos, d*kung → dukung, dukuuung → dukung, p r a b o w o →
// prabowo): only a reading that some rule can use is worth choosing.

import { stem, StemTargets } from './stem.js';

export class Lexicon {
  private readonly words = new Set<string>();
  /** Words that some rule writes right before a number ("paslon 2", "no 2", "coblos 2"): see takesNumber. */
  private readonly numberHeads = new Set<string>();
  private readonly byLength = new Map<number, string[]>();
  /** Built on first use after the last add. */
  private stems: StemTargets | null = null;
  private gen = 0;

  /** Changes whenever a word is added, so that anything derived from the lexicon knows when to recompute. */
  get generation(): number {
    return this.gen;
  }

  add(word: string): void {
    if (word === '' || this.words.has(word)) return;
    this.words.add(word);
    this.stems = null;
    this.gen++;
    const list = this.byLength.get(word.length);
    if (list) list.push(word);
    else this.byLength.set(word.length, [word]);
  }

  /** Records that a rule writes `word` right before a number. */
  addNumberHead(word: string): void {
    if (word === '' || this.numberHeads.has(word)) return;
    this.numberHeads.add(word);
    this.gen++;
  }

  /**
   * True when some rule writes the word right before a number, so that "paslon2" reads as "paslon 2". After any
   * other word a 2 is the informal reduplication mark: "rekan2" is "rekan-rekan", not "rekan" and the number 2.
   */
  takesNumber(word: string): boolean {
    return this.numberHeads.has(word);
  }

  /** True when the word, or its stem, is something a rule can match. */
  knows(word: string): boolean {
    if (this.words.has(word)) return true;
    if (word.length <= 3) return false;
    this.stems ??= new StemTargets(this.words);
    return this.stems.admits(word) && this.words.has(stem(word));
  }

  hasExact(word: string): boolean {
    return this.words.has(word);
  }

  /** Words of the same length that fit a pattern in which `*` stands for any one letter. */
  fill(masked: string): string | null {
    const list = this.byLength.get(masked.length);
    if (!list) return null;
    let found: string | null = null;
    outer: for (const w of list) {
      for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c !== 42 /* * */ && c !== w.charCodeAt(i)) continue outer;
      }
      if (found !== null && found !== w) return null; // ambiguous: refuse to guess
      found = w;
    }
    return found;
  }

  get size(): number {
    return this.words.size;
  }
}
