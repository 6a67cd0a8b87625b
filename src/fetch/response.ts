// Reading what a server answered: its status, its text in the declared charset, and JSON that must really be JSON.
// A login page, an error page from a proxy or a maintenance page in place of an API answer ends that account with a
// message saying so, instead of an exception or an empty result that looks like "no posts".

import { STATUS_CODES } from 'node:http';
import { TextDecoder } from 'node:util';
import { decodeText } from '../sources/encoding.js';
import { FetchError, fetchErrorFrom, type Fetched } from './http.js';

function charset(contentType: string | null): string {
  const m = contentType ? /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return m ? m[1].toLowerCase() : 'utf-8';
}

/** The body as text, in the charset the Content-Type names (UTF-8 otherwise). */
export function bodyText(res: Fetched): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset(res.contentType));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // latin1, iso-8859-1, us-ascii … all mean windows-1252, which Node 20's decoder gets wrong for 0x80–0x9F.
  if (decoder.encoding === 'windows-1252') return decodeText(res.body, 'windows-1252');
  return decoder.decode(res.body);
}

export function mediaType(res: Fetched): string {
  return (res.contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** True when the body is an HTML page (by Content-Type, or by its first bytes when the type says nothing useful). */
export function looksLikeHtml(res: Fetched): boolean {
  const t = mediaType(res);
  if (t === 'text/html' || t === 'application/xhtml+xml') return true;
  const head = res.body.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** A short reason from an error body: Mastodon `{"error": …}`, XRPC `{"error", "message"}`. */
function serverReason(res: Fetched): string {
  try {
    const v = JSON.parse(bodyText(res)) as { error?: unknown; message?: unknown };
    const parts = [v.error, v.message].filter((x): x is string => typeof x === 'string' && x !== '');
    return parts.length > 0 ? `: ${parts.join(': ').slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

/** Throws a FetchError describing a non-2xx answer; `advice` may add what the user can do about that status. */
export function expectOk(res: Fetched, what: string, advice?: (status: number) => string): void {
  if (res.status >= 200 && res.status < 300) return;
  const hint = res.status === 401 || res.status === 403 ? ' (the server wants a login)' : '';
  const reason = `${what}: HTTP ${res.status}${STATUS_CODES[res.status] ? ` ${STATUS_CODES[res.status]}` : ''}${serverReason(res)}${hint}`;
  const more = advice?.(res.status) ?? '';
  throw new FetchError(`${reason} (${res.finalUrl})${more}`, { url: res.finalUrl, without: `${reason}${more}` });
}

/** The body parsed as JSON; HTML or broken JSON is a FetchError naming the URL. */
export function readJson(res: Fetched, what: string): unknown {
  if (looksLikeHtml(res)) throw fetchErrorFrom(res.finalUrl, `${what}: got an HTML page where JSON was expected`, `Content-Type ${res.contentType ?? 'none'}`);
  const t = mediaType(res);
  if (t !== '' && t !== 'application/json' && !t.endsWith('+json') && t !== 'text/plain' && t !== 'text/json')
    throw fetchErrorFrom(res.finalUrl, `${what}: got ${t} where JSON was expected`);
  try {
    return JSON.parse(bodyText(res));
  } catch (e) {
    throw fetchErrorFrom(res.finalUrl, `${what}: invalid JSON`, (e as Error).message);
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The objects in a list (anything else in it is passed over); an empty list when `v` is not a list. */
export function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
