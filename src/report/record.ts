// The finding as a machine record (json, jsonl): stable snake_case keys, documented in the README.

import type { Finding } from '../model.js';

export function findingRecord(f: Finding): Record<string, unknown> {
  return {
    fingerprint: f.fingerprint,
    post_id: f.post_id,
    platform: f.platform,
    author: f.author,
    author_name: f.author_name,
    created_at: f.created_at,
    url: f.url,
    kind: f.kind,
    rule_id: f.rule_id,
    rule_title: f.rule_title,
    category: f.category,
    severity: f.severity,
    confidence: f.confidence,
    candidate: f.candidate,
    stance: f.stance,
    verdict: f.verdict,
    matched: f.matched,
    spans: f.spans,
    evidence: f.evidence,
    legal_basis: f.legal_basis,
    modifiers: f.modifiers,
    source: f.source,
    ...(f.evidence_sha256 ? { evidence_sha256: f.evidence_sha256 } : {}),
    // Only with --roster / --baseline, so plain scans keep their record unchanged.
    ...(f.employee !== undefined ? { employee: f.employee } : {}),
    ...(f.review !== undefined ? { review: f.review } : {}),
  };
}

/** "file:line" or "file#record" for one-cell displays. */
export function sourceText(s: Finding['source']): string {
  if (s.line !== undefined) return `${s.file}:${s.line}`;
  if (s.record !== undefined) return `${s.file}#${s.record}`;
  return s.file;
}
