// The HTML report rendered by a real browser: Debian's chromium, driven by playwright-core (which brings no
// browser of its own). Checks what only a browser shows — no console errors, no blocked loads, charts laid out
// at a real size, every section present, a printable PDF — and keeps a screenshot and the PDF under
// test-artifacts/. Skips, saying why, only when chromium cannot be started on this machine.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { cli, FIXTURES, ROOT, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const KOMENTAR = path.join(FIXTURES, 'demo', 'komentar.csv');
const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');

const dir = tempDir();
const profile = mkdtempSync(path.join(tmpdir(), 'netral-chromium-'));
let browser: BrowserContext | null = null;
let cannotRun = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    cannotRun = `chromium is not installed at ${CHROMIUM} (Debian: apt-get install chromium)`;
    return;
  }
  const { chromium } = await import('playwright-core');
  try {
    // A fresh profile folder for every run: no state from earlier runs or from a user's browser.
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 30_000 });
  } catch (e) {
    cannotRun = `chromium at ${CHROMIUM} cannot be started here: ${(e as Error).message.split('\n')[0]}`;
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function report(lang: 'id' | 'en'): Promise<{ file: string; subjects: number }> {
  const base = path.join(dir, `baseline-${lang}.yml`);
  expect((await cli(['baseline', 'create', POSTS, '--roster', ROSTER, '-o', base])).exitCode).toBe(0);
  // an analyst's decision, so the report shows one
  writeFileSync(base, readFileSync(base, 'utf8').replace(/decision: open\n {4}note: ""\n {4}date: ""/, 'decision: confirmed\n    note: terbukti\n    date: 2024-02-05'));
  const file = path.join(dir, `audit-${lang}.html`);
  const r = await cli(['scan', POSTS, KOMENTAR, '--roster', ROSTER, '--baseline', base, '--include-known', '-f', 'html', '-o', file, '--lang', lang]);
  expect(r.exitCode, r.stderr).toBe(0);
  const per = JSON.parse((await cli(['scan', POSTS, KOMENTAR, '--roster', ROSTER, '--per', 'employee', '-f', 'json'])).stdout) as { employees: { findings: number }[] };
  return { file, subjects: per.employees.filter((e) => e.findings > 0).length };
}

describe('the HTML report in headless Chromium', () => {
  it.for(['id', 'en'] as const)('renders without errors, with sized charts and every section (%s)', async (lang, ctx) => {
    if (!browser) ctx.skip(cannotRun);
    const { file, subjects } = await report(lang);
    const page = await browser!.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    // nothing is loaded but the file itself: the report is self-contained
    expect(requests).toEqual([url]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    for (const id of ['#chart-time svg', '#chart-category svg']) {
      const box = await page.locator(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width, id).toBeGreaterThan(400);
      expect(box!.height, id).toBeGreaterThan(100);
    }
    expect(await page.locator('#chart-time svg rect').count()).toBeGreaterThan(4);
    expect(await page.locator('#summary').count()).toBe(1);
    expect(await page.locator('#overview tbody tr').count()).toBeGreaterThanOrEqual(subjects);
    expect(await page.locator('section.subject').count()).toBe(subjects);
    expect(await page.locator('section.subject article.finding').count()).toBeGreaterThan(20);
    expect(await page.locator('article.finding mark').count()).toBeGreaterThan(20);
    expect(await page.locator('.decision-confirmed').count()).toBe(1);
    expect(await page.locator('#not-in-roster').count()).toBe(1);
    // the overview table fits the page: nothing is cut off at the right edge
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `html-report-${lang}.png`), fullPage: true });
    // printable: Chromium prints it to a multi-page A4 PDF
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(subjects);
    writeFileSync(path.join(ARTIFACTS, `html-report-${lang}.pdf`), pdf);
    await page.close();
  });
});
