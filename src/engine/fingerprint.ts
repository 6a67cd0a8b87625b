// Stable finding fingerprints: the same post and rule (and candidate) give the same fingerprint on every run and
// machine, whatever file the post was read from, so baselines and review decisions survive re-exports.

import { hash } from 'node:crypto';

/** The post's identity as fingerprints see it: platform and author in any case, the author with or without "@". */
function postParts(platform: string, author: string, postId: string): string[] {
  return [platform.toLowerCase(), author.toLowerCase().replace(/^@/, ''), postId];
}

export function fingerprint(platform: string, author: string, postId: string, ruleId: string, candidate: string | null): string {
  // One-shot hash (UTF-8, like Hash#update): no Hash object per finding.
  return hash('sha256', [...postParts(platform, author, postId), ruleId, candidate ?? ''].join('\u0000'), 'hex').slice(0, 24);
}

/**
 * The post alone, whatever rule: a baseline entry keeps it so that a run can tell a decision on a post it scanned
 * (whose rule now finds nothing there) from one on a post that was not in the input.
 */
export function postKey(platform: string, author: string, postId: string): string {
  return hash('sha256', postParts(platform, author, postId).join('\u0000'), 'hex').slice(0, 16);
}
