// Accuracy on a labelled set, post by post: a post is positive when its verdict is `violation`.
// Precision and recall of that decision, recall per category, candidate attribution, and every error.

import { CATEGORIES, severityRank, VERDICTS, type Category, type Finding, type Verdict } from '../model.js';
import type { Scanner } from '../engine/scan.js';
import type { LabelledPost } from './labelled.js';

export interface EvalError {
  kind: 'false_positive' | 'false_negative' | 'review_mismatch' | 'wrong_candidate' | 'missed_category';
  id: string;
  file: string;
  line: number;
  expected: string;
  got: string;
  text: string;
  findings: string[];
}

export interface EvalReport {
  posts: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** label verdict → predicted verdict → count */
  confusion: Record<Verdict, Record<Verdict, number>>;
  categories: Record<Category, { labelled: number; found: number; recall: number }>;
  attribution: { total: number; correct: number; accuracy: number };
  errors: EvalError[];
}

/** The finding that best represents the post's verdict: highest severity, then confidence. */
export function primary(findings: Finding[]): Finding | undefined {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.confidence - a.confidence)[0];
}

export function evaluateSet(scanner: Scanner, set: LabelledPost[]): EvalReport {
  const confusion = Object.fromEntries(VERDICTS.map((v) => [v, Object.fromEntries(VERDICTS.map((w) => [w, 0]))])) as EvalReport['confusion'];
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { labelled: 0, found: 0, recall: 0 }])) as EvalReport['categories'];
  const errors: EvalError[] = [];
  let tp = 0, fp = 0, fn = 0, tn = 0;
  let attrTotal = 0, attrOk = 0;
  for (const lp of set) {
    const r = scanner.scan(lp.post);
    const got = r.verdict;
    const want = lp.label.verdict;
    confusion[want][got]++;
    const describe = (f: Finding) => `${f.rule_id}${f.candidate ? `→${f.candidate}${f.stance === 'against' ? '(against)' : ''}` : ''} ${f.confidence.toFixed(2)} "${f.matched}"`;
    const base = { id: lp.post.id, file: lp.file, line: lp.line, text: lp.post.text + (lp.post.media_text.length ? ` [media: ${lp.post.media_text.join(' | ')}]` : ''), findings: [...r.findings.map(describe), ...r.suppressed.map((f) => `(suppressed: ${f.modifiers.map((m) => m.kind).join(',')}) ${describe(f)}`)] };
    const posWant = want === 'violation';
    const posGot = got === 'violation';
    if (posWant && posGot) tp++;
    else if (!posWant && posGot) {
      fp++;
      errors.push({ ...base, kind: 'false_positive', expected: `${want} (${lp.label.note})`, got });
    } else if (posWant && !posGot) {
      fn++;
      errors.push({ ...base, kind: 'false_negative', expected: `violation ${lp.label.categories.join(',')} ${lp.label.candidate ?? ''} (${lp.label.note})`, got });
    } else {
      tn++;
      if (want !== got) errors.push({ ...base, kind: 'review_mismatch', expected: `${want} (${lp.label.note})`, got });
    }
    if (want === 'violation') {
      const found = new Set(r.findings.map((f) => f.category));
      for (const c of lp.label.categories) {
        categories[c].labelled++;
        if (found.has(c)) categories[c].found++;
        else if (posGot) errors.push({ ...base, kind: 'missed_category', expected: c, got: [...found].join(',') || '-' });
      }
      if (lp.label.candidate && posGot) {
        attrTotal++;
        const p = primary(r.findings.filter((f) => f.verdict === 'violation' && severityRank(f.severity) >= severityRank('medium')));
        const cands = new Set(r.findings.map((f) => f.candidate));
        if (p?.candidate === lp.label.candidate) attrOk++;
        else errors.push({ ...base, kind: 'wrong_candidate', expected: lp.label.candidate, got: `${p?.candidate ?? 'none'}${cands.has(lp.label.candidate) ? ' (right one among others)' : ''}` });
      }
    }
  }
  for (const c of CATEGORIES) categories[c].recall = categories[c].labelled ? categories[c].found / categories[c].labelled : 1;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    posts: set.length,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    confusion,
    categories,
    attribution: { total: attrTotal, correct: attrOk, accuracy: attrTotal ? attrOk / attrTotal : 1 },
    errors,
  };
}
