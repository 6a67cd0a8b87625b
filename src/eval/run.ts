// `npm run eval`: accuracy of the shipped packs on the labelled set (fixtures/labelled by default, or the folders
// given), printed for people; `--json` for machines. Exit 1 when below the targets (precision 0.95, recall 0.90).
// `--rules FILE|DIR` adds packs as `scan --rules` does: a set about a race netral ships no pack for keeps its pack.

import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadRuleSet } from '../rules/load.js';
import { compile } from '../rules/compile.js';
import { Scanner } from '../engine/scan.js';
import { CATEGORIES, VERDICTS } from '../model.js';
import { loadLabelled } from './labelled.js';
import { evaluateSet, type EvalReport } from './metrics.js';

export const TARGETS = { precision: 0.95, recall: 0.9 };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: EvalReport, showErrors: boolean): string {
  const L: string[] = [];
  L.push(`posts ${r.posts}: ${r.tp + r.fn} labelled violation, ${r.fp + r.tn} not`);
  L.push(`precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}   (TP ${r.tp}, FP ${r.fp}, FN ${r.fn}, TN ${r.tn})`);
  L.push(`targets: precision >= ${TARGETS.precision} ${r.precision >= TARGETS.precision ? 'met' : 'NOT met'}, recall >= ${TARGETS.recall} ${r.recall >= TARGETS.recall ? 'met' : 'NOT met'}`);
  L.push(`candidate attribution ${pct(r.attribution.accuracy)} (${r.attribution.correct}/${r.attribution.total} violations with a labelled candidate)`);
  L.push('', 'verdicts (rows: label, columns: netral)');
  L.push(`  ${''.padEnd(10)}${VERDICTS.map((v) => v.padStart(11)).join('')}`);
  for (const v of VERDICTS) L.push(`  ${v.padEnd(10)}${VERDICTS.map((w) => String(r.confusion[v][w]).padStart(11)).join('')}`);
  L.push('', 'recall per category (violation posts)');
  for (const c of CATEGORIES) {
    const x = r.categories[c];
    if (x.labelled) L.push(`  ${c.padEnd(18)} ${pct(x.recall).padStart(6)}  (${x.found}/${x.labelled})`);
  }
  if (showErrors) {
    const groups = ['false_positive', 'false_negative', 'wrong_candidate', 'review_mismatch', 'missed_category'] as const;
    for (const g of groups) {
      const es = r.errors.filter((e) => e.kind === g);
      if (es.length === 0) continue;
      L.push('', `${g.replace('_', ' ')} (${es.length})`);
      for (const e of es) {
        L.push(`  ${e.id} ${e.file}:${e.line}  expected ${e.expected}; got ${e.got}`);
        L.push(`    ${e.text.replace(/\s+/g, ' ').slice(0, 240)}`);
        for (const f of e.findings) L.push(`    · ${f}`);
      }
    }
  }
  return L.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const quiet = args.includes('--summary');
  const extra = args.flatMap((a, i) => (args[i - 1] === '--rules' ? [path.resolve(a)] : []));
  const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rules');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const sets = dirs.length ? dirs : [path.join(root, 'fixtures', 'labelled')];
  const scanner = new Scanner(compile(await loadRuleSet({ extra })), { explain: true });
  const all = sets.flatMap((d) => loadLabelled(d));
  const report = evaluateSet(scanner, all);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, !quiet)}\n`);
  process.exitCode = report.precision >= TARGETS.precision && report.recall >= TARGETS.recall ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
