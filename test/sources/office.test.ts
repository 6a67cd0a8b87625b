import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';

const dir = tempDir('netral-office-');

/** A zip of `files` at `name`, made by the zip tool as Office and LibreOffice packages are zips. */
function zipOf(name: string, files: Record<string, string>): string {
  const src = path.join(dir, `${name}.parts`);
  mkdirSync(src, { recursive: true });
  writeFiles(src, files);
  execFileSync('zip', ['-q', '-r', path.join(dir, name), ...Object.keys(files)], { cwd: src });
  return path.join(dir, name);
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]);

describe('Office documents given as input', () => {
  it('an Excel workbook is an input error that says to save it as CSV, not a quiet run over its XML parts', async () => {
    const xlsx = zipOf('pegawai.xlsx', { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' });
    const r = await cli(['scan', '--format', 'jsonl', xlsx]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${xlsx}: an Excel workbook, not a format netral reads: save it as CSV first (Excel: File → Save As → "CSV UTF-8 (Comma delimited)"`);
    expect(r.stderr).not.toMatch(/workbook\.xml/);
  });

  it('so are an OpenDocument spreadsheet and an Excel 97–2003 .xls; a Word document is named for what it is', async () => {
    const ods = zipOf('posts.ods', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    writeFileSync(path.join(dir, 'posts.xls'), OLE2);
    const docx = zipOf('laporan.docx', { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const r = await cli(['scan', '--format', 'jsonl', ods, path.join(dir, 'posts.xls'), docx]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${ods}: an OpenDocument spreadsheet, not a format netral reads: save it as CSV first`);
    expect(r.stderr).toContain(`${path.join(dir, 'posts.xls')}: an Office 97–2003 document (.xls, .doc), not a format netral reads: save it as CSV first`);
    expect(r.stderr).toContain(`${docx}: a Word document, not a format netral reads: netral reads post exports, scraper outputs and CSV`);
  });

  it('in a folder, a workbook is noted with what to do and the folder\'s other files are read', async () => {
    const folder = path.join(dir, 'kiriman');
    mkdirSync(folder, { recursive: true });
    zipOf('kiriman/rekap.xlsx', { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    writeFiles(folder, { 'posts.jsonl': '{"id":"1","text":"selamat pagi"}\n' });
    const r = await cli(['scan', '--format', 'json', folder]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ read: 1, scanned: 1, skipped: 0 });
    expect(r.stderr).toContain(`${path.join(folder, 'rekap.xlsx')} (an Excel workbook: save it as CSV first`);
  });

  it('a zip that merely holds a file called [Content_Types].xml among posts is still read as an archive', async () => {
    const zip = zipOf('mixed.zip', { '[Content_Types].xml': '<Types/>', 'posts.jsonl': '{"id":"1","text":"halo"}\n' });
    const r = await cli(['scan', '--format', 'json', zip]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).summary.scanned).toBe(1);
  });
});
