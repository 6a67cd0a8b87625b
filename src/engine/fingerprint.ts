// Stable finding fingerprints: the same post and rule (and candidate) give the same fingerprint on every run and
// machine, whatever file the post was read from, so baselines and review decisions survive re-exports.

import { hash } from 'node:crypto';

export function fingerprint(platform: string, author: string, postId: string, ruleId: string, candidate: string | null): string {
  // One-shot hash (UTF-8, like Hash#update): no Hash object per finding.
  return hash('sha256', [platform.toLowerCase(), author.toLowerCase().replace(/^@/, ''), postId, ruleId, candidate ?? ''].join('\u0000'), 'hex').slice(0, 24);
}
