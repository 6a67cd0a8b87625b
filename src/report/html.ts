// `--format html`: one self-contained, printable file an inspectorate can file — a summary, charts of findings over
// time and by category (inline SVG), an overview table, and a section per employee (and, apart, per account not
// in the roster) with every finding's evidence, highlighted words, link, date, rule, legal basis and review
// decision. No scripts and no external assets; a Content-Security-Policy forbids loading any. All post text is
// untrusted: control and bidi characters are removed, then everything is HTML-escaped.

import { CATEGORIES, SEVERITIES, type Finding, type Severity } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import { label, type SubjectStats } from '../audit/employees.js';
import { formatInZone } from '../sources/time.js';
import { barChart, DayCounts, SEVERITY_COLOURS, timeBins, timeChart } from './chart.js';
import { excerptLabel, excerpts } from './excerpt.js';
import { earlierDecisionsText, ignoredText, inputStatus, inputStatusText, kindLabel, MESSAGES, readCounts, type Messages } from './i18n.js';
import type { Output } from './output.js';
import { sourceText } from './record.js';
import { htmlEscape, terminalSafe } from './sanitize.js';
import type { Reporter, ReportOptions, ScanSummary } from './types.js';
import { Spool } from './spool.js';

/** Untrusted text as HTML: controls and bidi overrides removed, then escaped. */
const h = (s: string) => htmlEscape(terminalSafe(s));

/** A finding rendered as HTML: its time (for the order within a person's section) and its place in the spool. */
interface Rendered {
  at: string | null;
  ref: number;
}

export function subjectKeyOfFinding(f: Finding): string {
  return f.employee ? `nip:${f.employee.nip}` : `acct:${f.platform}\u0000${f.author.toLowerCase()}`;
}

export function subjectKey(s: SubjectStats): string {
  return s.employee ? `nip:${s.employee.nip}` : `acct:${s.accounts[0].platform}\u0000${s.accounts[0].handle.toLowerCase()}`;
}

const CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 960px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 0 0 4px; } .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; } .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
figure { margin: 12px 0; } figure svg { max-width: 100%; height: auto; }
section.subject { margin-top: 28px; } section.subject > header { border-bottom: 2px solid var(--ink); margin-bottom: 8px; }
dl.who { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; } dl.who dt { color: var(--muted); }
article.finding { border: 1px solid var(--line); border-left: 6px solid var(--sev); border-radius: 4px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
.meta { font-size: 12px; color: var(--muted); } .badge { display: inline-block; color: #fff; background: var(--sev); border-radius: 3px; padding: 0 6px; font-weight: 600; font-size: 11px; }
.v-violation { color: #b3261e; font-weight: 600; } .v-review { color: #9a6700; font-weight: 600; }
blockquote.evidence { margin: 6px 0; padding: 6px 10px; background: #f8f9fa; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #ffe066; color: inherit; padding: 0 1px; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; font-size: 13px; } dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; } code { font-size: 12px; }
.decision-confirmed { color: #8b1a8b; font-weight: 600; } .decision-new { color: #0b6b2f; font-weight: 600; }
.earlier-decision { color: #9a6700; font-weight: 600; }
.apart { border: 1px dashed var(--muted); padding: 8px 12px; }
td.no-posts { color: #9a6700; font-style: italic; } li.failed { color: #b3261e; } li.ignored { color: #9a6700; }
footer { margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 14mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.subject { break-before: page; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; }
  a { color: inherit; }
}
`;

export class HtmlReporter implements Reporter {
  private readonly m: Messages;
  private readonly bySubject = new Map<string, Rendered[]>();
  /** The rendered findings wait here (memory, then a temporary file) for the end, when they are written by person. */
  private readonly spool: Spool;
  private readonly days: DayCounts;

  constructor(
    private readonly out: Output,
    private readonly ro: ReportOptions,
  ) {
    this.m = MESSAGES[ro.lang];
    this.spool = new Spool(out.spoolDir, ro.spoolLimit);
    this.days = new DayCounts(ro.timeZone);
  }

  post(r: PostResult, findings: Finding[]): void {
    for (const f of findings) {
      const key = subjectKeyOfFinding(f);
      let list = this.bySubject.get(key);
      if (!list) this.bySubject.set(key, (list = []));
      list.push({ at: f.created_at, ref: this.spool.add(this.finding(r, f)) });
      if (f.created_at) this.days.add(f.created_at, f.severity);
    }
  }

  dispose(): void {
    this.spool.dispose();
  }

  private finding(r: PostResult, f: Finding): string {
    const m = this.m;
    const lang = this.ro.lang;
    const post = r.post;
    const when = f.created_at ? formatInZone(f.created_at, this.ro.timeZone) : m.noDate;
    const where = [`${post.platform} @${post.author}`, kindLabel(post, m), post.deleted ? m.deleted : null].filter(Boolean).join(' · ');
    // A quote per field the words were found in (the text, an image's description …), the field named when not the text.
    const quotes = excerpts(post, f.spans).map((x) => {
      const label = excerptLabel(post, x, m);
      const quote = x.segments.map((s) => (s.hit ? `<mark>${h(s.text)}</mark>` : h(s.text))).join('');
      return `<blockquote class="evidence" data-field="${x.field}">${label ? `<span class="muted">[${h(label)}]</span> ` : ''}${quote}</blockquote>`;
    });
    const name = f.candidate ? this.ro.candidates?.get(f.candidate) : undefined;
    const note = [name ?? null, f.stance === 'against' ? m.against : null].filter(Boolean).join('; ');
    const cand = f.candidate ? ` · ${h(m.candidate)}: <b>${h(f.candidate)}</b>${note ? ` (${h(note)})` : ''}` : '';
    const facts: [string, string][] = [];
    facts.push([m.matchedLabel, h(f.matched)]);
    facts.push([m.legal, h(f.legal_basis)]);
    if (f.url && /^https?:\/\//i.test(f.url)) facts.push([m.openPost, `<a href="${h(f.url)}" rel="noopener noreferrer">${h(f.url)}</a>`]);
    else if (f.url) facts.push([m.openPost, h(f.url)]);
    facts.push([m.source, h(sourceText(f.source))]);
    if (f.review) {
      const rv = f.review;
      const extra = [rv.date, rv.by ? `${m.by} ${rv.by}` : null].filter(Boolean).join(', ');
      facts.push([m.decision, `<span class="decision-${rv.status}">${h(m.review[rv.status])}</span>${extra ? ` (${h(extra)})` : ''}${rv.note ? `: ${h(rv.note)}` : ''}`]);
      if (rv.earlier_decisions?.length) facts.push([m.earlierDecision, `<span class="earlier-decision">${h(earlierDecisionsText(rv.earlier_decisions, lang))}</span>`]);
    }
    facts.push([m.fingerprint, `<code>${h(f.fingerprint)}</code>`]);
    return `<article class="finding" style="--sev:${SEVERITY_COLOURS[f.severity]}">
<div class="meta"><span class="badge">${h(m.severity[f.severity])}</span> <span class="v-${f.verdict}">${h(m.verdict[f.verdict])}</span> · <time${f.created_at ? ` datetime="${h(f.created_at)}"` : ''}>${h(when)}</time> · ${h(where)}</div>
<h4>${h(f.rule_title[lang])}</h4>
<div class="meta">${h(f.rule_id)} · ${h(m.category[f.category])}${cand} · ${h(m.confidence)} ${f.confidence.toFixed(2)}</div>
${quotes.join('\n')}
<dl class="facts">${facts.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>
</article>`;
  }

  async end(summary: ScanSummary): Promise<void> {
    try {
      await this.write(summary);
    } finally {
      this.spool.dispose();
    }
  }

  private async write(summary: ScanSummary): Promise<void> {
    const m = this.m;
    const ro = this.ro;
    const w = (s: string) => this.out.sink.write(s);
    const subjects = summary.employees ?? [];
    const roster = summary.roster !== undefined;
    const title = ro.title ?? m.title;
    await w(`<!DOCTYPE html>
<html lang="${ro.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="netral">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${h(title)}</h1><p class="muted">${h(m.generated)}: ${h(formatInZone(new Date().toISOString(), ro.timeZone))}${summary.period ? ` · ${h(periodText(summary, m))}` : ''}</p></header>
`);
    await w(this.summarySection(summary));
    const { unit, bins } = timeBins(this.days);
    const sevLabels = Object.fromEntries(SEVERITIES.map((s) => [s, m.severity[s].toLowerCase()])) as Record<Severity, string>;
    await w(`<section id="charts"><h2>${h(m.charts)}</h2>
<figure id="chart-time">${timeChart(bins, { title: `${m.overTime} (${unit === 'week' ? (ro.lang === 'id' ? 'per minggu' : 'per week') : ro.lang === 'id' ? 'per bulan' : 'per month'})`, empty: m.noFindings, severityLabel: sevLabels })}</figure>
<figure id="chart-category">${barChart(
      CATEGORIES.map((c) => ({ label: m.category[c], value: summary.by_category[c] })),
      { title: m.byCategoryTitle, empty: m.noFindings },
    )}</figure>
</section>
`);
    await w(this.overview(subjects, roster));
    let apart = false;
    let n = 0;
    for (const s of subjects) {
      const items = this.bySubject.get(subjectKey(s));
      if (!items || items.length === 0) continue;
      if (roster && s.in_roster === false && !apart) {
        apart = true;
        await w(`<section id="not-in-roster" class="apart"><h2>${h(m.notInRoster)}</h2><p>${h(m.notInRosterNote)}</p></section>\n`);
      }
      items.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
      await w(`<section class="subject${s.in_roster === false ? ' not-in-roster' : ''}" id="s${++n}">
<header><h3>${h(s.employee ? s.employee.nama : label(s))}</h3>${this.who(s)}
<p>${h(m.postsScanned(s.posts))} · ${h(m.findings(s.findings))} · ${h(m.worstVerdict)}: <span class="v-${s.worst_verdict}">${h(m.verdict[s.worst_verdict])}</span>${s.first_finding ? ` · ${h(m.firstFinding)}: ${h(formatInZone(s.first_finding, ro.timeZone))}` : ''}${s.last_finding ? ` · ${h(m.lastFinding)}: ${h(formatInZone(s.last_finding, ro.timeZone))}` : ''}</p></header>
`);
      let first = true;
      for (const html of this.spool.texts(items.map((i) => i.ref))) {
        await w(first ? html : `\n${html}`);
        first = false;
      }
      await w('\n</section>\n');
    }
    await w(`<footer><p>${h(m.note)}</p></footer>\n</body>\n</html>\n`);
  }

  private who(s: SubjectStats): string {
    const m = this.m;
    const rows: [string, string][] = [];
    if (s.employee) {
      rows.push([m.nip, s.employee.nip]);
      if (s.employee.unit_kerja) rows.push([m.unitKerja, s.employee.unit_kerja]);
      if (s.employee.jabatan) rows.push([m.jabatan, s.employee.jabatan]);
    } else if (s.author_name) rows.push([m.accounts, `${label(s)} (${s.author_name})`]);
    if (s.employee) rows.push([m.accounts, s.accounts.map((a) => `${a.platform} @${a.handle}`).join(', ') || '—']);
    if (s.unmatched_reason && s.unmatched_reason !== 'not_in_roster') rows.push(['', m.unmatchedReason[s.unmatched_reason]]);
    return rows.length ? `<dl class="who">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>` : '';
  }

  private summarySection(s: ScanSummary): string {
    const m = this.m;
    const card = (label: string, value: number) => `<div class="card"><b>${value}</b>${h(label)}</div>`;
    const lines: string[] = [];
    lines.push(h(readCounts(s.period ? { ...s, outside: s.period.before + s.period.after } : s, this.ro.lang)));
    if (s.by_kind.like > 0) lines.push(h(m.likesLine(s.by_kind.like)));
    if (s.period && s.period.undated > 0) lines.push(h(m.undated(s.period.undated)));
    if (s.filtered > 0) lines.push(h(m.filteredOut(s.filtered, this.ro.minSeverity)));
    if (s.baseline) lines.push(h(m.baselineLine(s.baseline.new, s.baseline.known, s.baseline.known_shown, s.baseline.dismissed)));
    if (s.baseline?.stale_decisions) lines.push(h(m.staleLine(s.baseline.stale_decisions)));
    if (s.roster) {
      lines.push(h(m.rosterLine(s.roster.employees, s.roster.employees_with_posts, s.roster.employees_with_findings, s.baseline !== undefined)));
      if (s.roster.unmatched_posts > 0) lines.push(h(m.unmatchedLine(s.roster.unmatched_posts, s.roster.unmatched_findings)));
    }
    // Every input with what was read of it, so the file shows that nothing was lost (read = scanned + skipped …).
    const inputs = s.inputs.map((i) => {
      const st = inputStatus(i, s.period !== undefined, this.ro.lang);
      return `<li${st.failure ? ' class="failed"' : ''}>${h(i.input)} — ${h(inputStatusText(st, this.ro.lang))}</li>`;
    });
    // And the files in the given folders that were not read: a case file says what it did not look at.
    for (const i of s.ignored) inputs.push(`<li class="ignored">${h(i.input)} — ${h(ignoredText(i, this.ro.lang))}</li>`);
    if (inputs.length > 0) lines.push(`${h(m.inputs)}:<ul class="inputs">${inputs.join('')}</ul>`);
    return `<section id="summary"><h2>${h(m.summary)}</h2>
<div class="cards">${card(m.findingsLabel, s.findings)}${SEVERITIES.slice()
      .reverse()
      .map((v) => card(m.severity[v].toLowerCase(), s.by_severity[v]))
      .join('')}${card(`${m.posts_}: ${m.verdict.violation}`, s.by_verdict.violation)}${card(`${m.posts_}: ${m.verdict.review}`, s.by_verdict.review)}</div>
<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>
</section>
`;
  }

  private overview(subjects: SubjectStats[], roster: boolean): string {
    const m = this.m;
    const tz = this.ro.timeZone;
    const day = (t: string | null) => (t ? formatInZone(t, tz).slice(0, 10) : '');
    let n = 0;
    const rows = subjects.map((s) => {
      const anchor = (this.bySubject.get(subjectKey(s))?.length ?? 0) > 0 ? `s${++n}` : null;
      const name = h(s.employee ? s.employee.nama : label(s));
      const sub = s.employee ? `${m.nip} ${s.employee.nip}` : s.in_roster === false ? m.notInRoster : '';
      const dates = s.first_finding ? `${day(s.first_finding)}${s.last_finding && day(s.last_finding) !== day(s.first_finding) ? ` – ${day(s.last_finding)}` : ''}` : '';
      const head = `<tr${s.in_roster === false ? ' class="not-in-roster"' : ''}><td>${anchor ? `<a href="#${anchor}">${name}</a>` : name}${sub ? `<br><small class="muted">${h(sub)}</small>` : ''}</td><td>${h(s.employee?.unit_kerja ?? '')}</td><td class="n">${s.posts}</td>`;
      // Nothing read is not a clean record: the row says so instead of showing zero findings.
      if (s.posts === 0) return `${head}<td colspan="${SEVERITIES.length + 3}" class="no-posts">${h(m.noPosts)}</td></tr>`;
      return `${head}<td class="n">${s.findings}</td>${SEVERITIES.slice()
        .reverse()
        .map((v) => `<td class="n">${s.by_severity[v]}</td>`)
        .join('')}<td><span class="v-${s.worst_verdict}">${h(m.verdict[s.worst_verdict])}</span></td><td><small>${h(dates)}</small></td></tr>`;
    });
    return `<section id="overview"><h2>${h(roster ? m.perEmployee : m.perAccount)}</h2>
<table><thead><tr><th>${h(roster ? m.employee : m.accounts)}</th><th>${h(m.unitKerja)}</th><th>${h(m.posts_)}</th><th>${h(m.findingsLabel)}</th>${SEVERITIES.slice()
      .reverse()
      .map((v) => `<th>${h(m.severity[v].toLowerCase())}</th>`)
      .join('')}<th>${h(m.worstVerdict)}</th><th>${h(m.firstFinding)} – ${h(m.lastFinding)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>
`;
  }
}

function periodText(s: ScanSummary, m: Messages): string {
  const p = s.period!;
  const range = `${p.label.since ?? '…'} – ${p.label.until ?? '…'}`;
  return `${m.period}: ${p.campaign ? `${m.campaignOf(p.campaign)}, ` : ''}${range}`;
}
