// Post text is written by the people being audited: it must not be able to drive the analyst's terminal
// (ANSI/OSC escapes: screen clears, hyperlinks, title changes), reorder what is shown (bidi overrides), or run
// formulas in a spreadsheet.

// ESC sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-character escapes; and 8-bit CSI/OSC.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[P^_X][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// Remaining C0/C1 controls (not tab/newline), DEL, bidi embeddings/overrides/isolates and marks.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** Text safe to print on a terminal: escape sequences removed, other controls replaced by a visible mark. */
export function terminalSafe(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROLS, (c) => (c === '\r' ? '' : '\ufffd'));
}

/** One line of terminal text: also newlines and tabs become spaces. */
export function terminalLine(s: string): string {
  return terminalSafe(s).replace(/[\n\t]+/g, ' ');
}

/**
 * A spreadsheet cell that cannot start a formula: cells beginning with = + - @ tab or CR get a leading
 * apostrophe (OWASP "CSV injection"), which spreadsheets show as text and hide. Cells that already start with
 * apostrophes before such a character get one more, so that `csvUnescape` gives back exactly the original text.
 */
export function csvSafe(s: string): string {
  return /^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The inverse of csvSafe, for reading CSV back: one apostrophe in front of = + - @ tab or CR is removed. */
export function csvUnescape(s: string): string {
  return /^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

// What JSON.stringify leaves raw that a terminal acts on (DEL, C1 controls such as the 8-bit CSI U+009B) or that
// reorders what it shows (bidi controls), and the line separators some JSON readers mishandle. As \u escapes they
// read back as the same string, so JSON output stays lossless and can still be printed on a terminal.
const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/g;

/** JSON.stringify, with the characters above escaped: safe to show on a terminal, parsed back unchanged. */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
