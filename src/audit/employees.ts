// Per-employee totals (`--per employee`, the HTML report): for each roster employee — and, apart, for each account
// not in the roster — posts scanned, findings by severity and category, the worst verdict, the first and last
// finding. Without a roster every account is its own row. Counts only what the reports show (after
// --min-severity and the baseline).

import { CATEGORIES, REVIEW_STATUSES, SEVERITIES, type Category, type Finding, type Post, type ReviewStatus, type Severity, type Verdict } from '../model.js';
import type { Employee } from '../roster/parse.js';
import { ROSTER_PLATFORMS } from '../roster/handles.js';
import type { Match } from '../roster/match.js';

export const VERDICT_RANK: Record<Verdict, number> = { clean: 0, review: 1, violation: 2 };

export interface Account {
  platform: string;
  handle: string;
}

export interface SubjectStats {
  /** The roster employee, or null for an account not in the roster (or every account, without a roster). */
  employee: Employee | null;
  /** With a roster: true for employees, false for accounts not in it; null without a roster. */
  in_roster: boolean | null;
  /** Why an account is not attributed: not in the roster, or claimed ambiguously (see roster/match.ts). */
  unmatched_reason: Exclude<Match, { employee: Employee }>['reason'] | null;
  /** The employee's listed accounts, or the one account. */
  accounts: Account[];
  /** The account's display name, for accounts not in the roster. */
  author_name: string | null;
  posts: number;
  findings: number;
  by_severity: Record<Severity, number>;
  by_category: Record<Category, number>;
  worst_verdict: Verdict;
  /** UTC ISO times of the earliest and latest finding with a date. */
  first_finding: string | null;
  last_finding: string | null;
  /** With a baseline: findings shown per review status. */
  by_review: Record<ReviewStatus, number> | null;
}

function blank(employee: Employee | null, inRoster: boolean | null, accounts: Account[], withReview: boolean): SubjectStats {
  return {
    employee,
    in_roster: inRoster,
    unmatched_reason: null,
    accounts,
    author_name: null,
    posts: 0,
    findings: 0,
    by_severity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    by_category: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    worst_verdict: 'clean',
    first_finding: null,
    last_finding: null,
    by_review: withReview ? (Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>) : null,
  };
}

export class EmployeeTally {
  private readonly byNip = new Map<string, SubjectStats>();
  private readonly byAccount = new Map<string, SubjectStats>();

  constructor(
    roster: Employee[] | null,
    private readonly withReview: boolean,
  ) {
    if (roster)
      for (const e of roster) {
        const accounts = ROSTER_PLATFORMS.flatMap((p) => e.handles[p].map((handle) => ({ platform: p, handle })));
        this.byNip.set(e.nip, blank(e, true, accounts, withReview));
      }
  }

  private get hasRoster(): boolean {
    return this.byNip.size > 0;
  }

  /** One scanned post, its attribution (null without a roster) and the findings the reports show. */
  post(post: Post, match: Match | null, shown: Finding[]): void {
    let s: SubjectStats;
    if (match?.employee) s = this.byNip.get(match.employee.nip)!;
    else {
      const key = `${post.platform}\u0000${post.author.toLowerCase()}`;
      let a = this.byAccount.get(key);
      if (!a) {
        a = blank(null, match ? false : null, [{ platform: post.platform, handle: post.author }], this.withReview);
        a.unmatched_reason = match && !match.employee ? match.reason : null;
        this.byAccount.set(key, a);
      }
      a.author_name ??= post.author_name;
      s = a;
    }
    s.posts++;
    for (const f of shown) {
      s.findings++;
      s.by_severity[f.severity]++;
      s.by_category[f.category]++;
      if (VERDICT_RANK[f.verdict] > VERDICT_RANK[s.worst_verdict]) s.worst_verdict = f.verdict;
      if (f.created_at) {
        if (s.first_finding === null || f.created_at < s.first_finding) s.first_finding = f.created_at;
        if (s.last_finding === null || f.created_at > s.last_finding) s.last_finding = f.created_at;
      }
      if (s.by_review && f.review) s.by_review[f.review.status]++;
    }
  }

  /** Roster employees (worst first; those without posts last), then accounts not in the roster. */
  result(): SubjectStats[] {
    const order = (a: SubjectStats, b: SubjectStats) =>
      Number(b.posts > 0) - Number(a.posts > 0) ||
      VERDICT_RANK[b.worst_verdict] - VERDICT_RANK[a.worst_verdict] ||
      b.findings - a.findings ||
      label(a).localeCompare(label(b));
    const employees = [...this.byNip.values()].sort(order);
    const accounts = [...this.byAccount.values()].sort(order);
    return this.hasRoster ? [...employees, ...accounts] : accounts;
  }
}

/** The name a subject is listed under: the employee's name, or the account. */
export function label(s: SubjectStats): string {
  if (s.employee) return s.employee.nama;
  const a = s.accounts[0];
  return a.handle ? `${a.platform} @${a.handle}` : a.platform;
}
