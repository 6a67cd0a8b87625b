// The post verdict, by a documented rule (README "Verdicts"):
//   violation — at least one finding of severity medium or high with confidence >= 0.6;
//   review    — any other finding (a mention, low severity, or weaker evidence);
//   clean     — no finding.
// Suppressed findings (prohibition framing, voter education, news) do not count.

import { severityRank, type Finding, type Verdict } from '../model.js';

export const VIOLATION_MIN_CONFIDENCE = 0.6;
export const VIOLATION_MIN_SEVERITY = severityRank('medium');

export function verdictOf(findings: Pick<Finding, 'severity' | 'confidence'>[]): Verdict {
  if (findings.length === 0) return 'clean';
  for (const f of findings) if (severityRank(f.severity) >= VIOLATION_MIN_SEVERITY && f.confidence >= VIOLATION_MIN_CONFIDENCE) return 'violation';
  return 'review';
}
