// What the user asks to fetch, as typed (`mastodon:@user@host`, `bluesky:handle`, `rss:URL`, a page URL), turned
// into a Source the collectors understand, and the URL policy every request obeys: https everywhere, plain http
// only to this computer (loopback), which is what tests and local mirrors use.

export type Source =
  | { kind: 'mastodon'; key: string; user: string; host: string; origin: string }
  | { kind: 'bluesky'; key: string; actor: string }
  | { kind: 'feed'; key: string; url: string }
  | { kind: 'page'; key: string; url: string }
  /** A source netral knows it cannot collect from (a platform that needs a login); reported, never requested. */
  | { kind: 'unfetchable'; key: string; reason: string };

export const SOURCE_FORMS = 'mastodon:@user@host, bluesky:HANDLE, rss:URL, or an https:// page or feed URL';

/** True for names that always mean this computer: localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Why a URL may not be requested, or null when it may. */
export function urlProblem(u: URL): string | null {
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') return isLoopbackHost(u.hostname) ? null : `plain http is only used for this computer (localhost); use https://${u.host}${u.pathname}${u.search}`;
  return `only http(s) addresses can be fetched, not ${u.protocol.replace(/:$/, '')}:`;
}

// Platforms whose pages need a login (or run only in a browser): a plain request gets a login wall or a few
// OpenGraph tags at best, and posts collected that way would be misleading evidence.
const LOGIN_WALLED: [RegExp, string][] = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.watch)$/, 'Facebook'],
  [/(^|\.)(instagram\.com|instagr\.am)$/, 'Instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'X (Twitter)'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
];

export function loginWallReason(platform: string): string {
  return `${platform} needs a login, so netral cannot collect its posts; ask for the account's data download from ${platform} and read it with netral scan`;
}

/** The platform name when `hostname` belongs to a platform that needs a login. */
export function loginWalledPlatform(hostname: string): string | null {
  const h = hostname.toLowerCase();
  for (const [re, name] of LOGIN_WALLED) if (re.test(h)) return name;
  return null;
}

const MASTODON_USER = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const BLUESKY_HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const BLUESKY_DID = /^did:(plc:[a-z2-7]{24}|web:[a-z0-9.:%-]+)$/;

function hostOrigin(host: string): { host: string; origin: string } | { error: string } {
  let u: URL;
  try {
    u = new URL(`https://${host}`);
  } catch {
    return { error: `"${host}" is not a host name` };
  }
  if (u.host !== host.toLowerCase() || u.pathname !== '/' || u.username || u.search) return { error: `"${host}" is not a host name` };
  return { host: u.host, origin: `${isLoopbackHost(u.hostname) ? 'http' : 'https'}://${u.host}` };
}

/** `@user@host`, `user@host` or a profile URL `https://host/@user` → a Mastodon source. */
export function mastodonSource(v: string): Source | { error: string } {
  let user: string;
  let host: string;
  const url = /^https?:\/\/([^/]+)\/@([^/?#]+)\/?$/.exec(v);
  if (url) {
    [, host, user] = url;
  } else {
    const m = /^@?([^@\s]+)@([^@\s/]+)$/.exec(v);
    if (!m) return { error: `a Mastodon account is written @user@host (e.g. @budi@mastodon.social), not "${v}"` };
    [, user, host] = m;
  }
  if (!MASTODON_USER.test(user)) return { error: `"${user}" is not a Mastodon user name` };
  const h = hostOrigin(host);
  if ('error' in h) return h;
  return { kind: 'mastodon', key: `mastodon:@${user}@${h.host}`, user, host: h.host, origin: h.origin };
}

/** `handle`, `@handle`, a DID or `https://bsky.app/profile/handle` → a Bluesky source. */
export function blueskySource(v: string): Source | { error: string } {
  const url = /^https:\/\/bsky\.app\/profile\/([^/?#]+)\/?$/.exec(v);
  const actor = (url ? decodeURIComponent(url[1]) : v).replace(/^@/, '').toLowerCase();
  if (!BLUESKY_HANDLE.test(actor) && !BLUESKY_DID.test(actor))
    return { error: `"${v}" is not a Bluesky handle (e.g. budi.bsky.social) or DID` };
  return { kind: 'bluesky', key: `bluesky:${actor}`, actor };
}

/** `v` as a URL that may be requested, or why not. */
export function httpUrl(v: string): URL | { error: string } {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return { error: `"${v}" is not a URL` };
  }
  const problem = urlProblem(u);
  return problem ? { error: problem } : u;
}

/** Parses one SOURCE argument. An error means the argument itself is wrong (a typo), not that fetching failed. */
export function parseSource(spec: string): Source | { error: string } {
  const s = spec.trim();
  const colon = s.indexOf(':');
  const scheme = colon > 0 ? s.slice(0, colon).toLowerCase() : '';
  const rest = s.slice(colon + 1).trim();
  switch (scheme) {
    case 'mastodon':
      return mastodonSource(rest);
    case 'bluesky':
    case 'bsky':
      return blueskySource(rest);
    case 'rss':
    case 'atom':
    case 'feed': {
      const u = httpUrl(rest);
      return 'error' in u ? u : { kind: 'feed', key: `rss:${u.href}`, url: u.href };
    }
    case 'http':
    case 'https': {
      const u = httpUrl(s);
      if ('error' in u) return u;
      if (u.hostname === 'bsky.app' && /^\/profile\/[^/]+\/?$/.test(u.pathname)) return blueskySource(u.href);
      const walled = loginWalledPlatform(u.hostname);
      if (walled) return { kind: 'unfetchable', key: u.href, reason: loginWallReason(walled) };
      return { kind: 'page', key: u.href, url: u.href };
    }
    default:
      return { error: `"${spec}" is not a source netral can fetch; use ${SOURCE_FORMS}` };
  }
}
