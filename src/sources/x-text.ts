// Things every reader of X data shares: the API and the archive HTML-escape `&`, `<` and `>` in post text (and
// only those), and post URLs have one shape.

/** Undoes X's escaping. `&amp;` goes last so that a literal "&amp;lt;" typed by the author stays "&lt;". */
export function unescapeX(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function xStatusUrl(username: string | null | undefined, id: string): string {
  return username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,30})\/status(?:es)?\/(\d+)/i;

/** The handle and id of an X post URL (`https://twitter.com/prabowo/status/123…`), or null. */
export function parseXStatusUrl(url: string): { handle: string; id: string } | null {
  const m = STATUS_URL.exec(url);
  if (!m || m[1].toLowerCase() === 'i') return null;
  return { handle: m[1], id: m[2] };
}
