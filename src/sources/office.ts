// Office documents given as input. An Excel workbook is a zip archive (or, before 2007, an OLE2 file): read as an
// archive it yields only XML parts that no format reads, so the run "succeeded" with nothing scanned and a note
// about `xl/workbook.xml`. An analyst who exports a spreadsheet of posts gets told what to do instead.

import type { Tree } from './types.js';

export const SAVE_AS_CSV = 'save it as CSV first (Excel: File → Save As → "CSV UTF-8 (Comma delimited)"; LibreOffice: File → Save As → "Text CSV", UTF-8)';

/** The top folder that names what an Office Open XML package holds. */
const OOXML_PARTS: Record<string, string> = { xl: 'an Excel workbook', word: 'a Word document', ppt: 'a PowerPoint presentation' };

const ODF_TYPES: Record<string, string> = {
  'application/vnd.oasis.opendocument.spreadsheet': 'an OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.text': 'an OpenDocument text',
  'application/vnd.oasis.opendocument.presentation': 'an OpenDocument presentation',
};

/** An Office document: what it is, and what to do instead. */
export interface OfficeDocument {
  what: string;
  todo: string;
}

/** The Office document an archive is, or null when it is not one. */
export async function officeDocument(tree: Tree): Promise<OfficeDocument | null> {
  const files = await tree.list('');
  if (files.includes('[Content_Types].xml')) {
    const dirs = await tree.dirs('');
    const part = dirs.find((d) => d in OOXML_PARTS);
    return part ? advice(OOXML_PARTS[part], part === 'xl') : null;
  }
  if (files.includes('mimetype') && files.includes('content.xml')) {
    const type = (await tree.input('mimetype').head(100)).toString('latin1').trim();
    return type in ODF_TYPES ? advice(ODF_TYPES[type], type.endsWith('spreadsheet')) : null;
  }
  return null;
}

/** An Excel 97–2003 workbook or another OLE2 compound document, by its first bytes; null otherwise. */
export function legacyOfficeDocument(head: Buffer): OfficeDocument | null {
  const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return head.length >= 8 && OLE2.every((b, i) => head[i] === b) ? advice('an Office 97–2003 document (.xls, .doc)', true) : null;
}

function advice(what: string, spreadsheet: boolean): OfficeDocument {
  return { what, todo: spreadsheet ? SAVE_AS_CSV : 'netral reads post exports, scraper outputs and CSV' };
}

/** The error for an Office document given as input, and the note for one met in a folder. */
export const officeError = (d: OfficeDocument): string => `${d.what}, not a format netral reads: ${d.todo}`;
export const officeNote = (d: OfficeDocument): string => `${d.what}: ${d.todo}`;
