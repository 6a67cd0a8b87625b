// Account handles as people write them in a roster — `@Rudi.Hartono_`, `rudi.hartono_`, a profile address copied
// from the browser — reduced to one comparable form per platform, so a roster cell and a post's author meet.

export const ROSTER_PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'mastodon', 'bluesky'] as const;
export type RosterPlatform = (typeof ROSTER_PLATFORMS)[number];

const PLATFORM_ALIASES: Record<string, RosterPlatform> = {
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
  x: 'x',
  twitter: 'x',
  tiktok: 'tiktok',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  bsky: 'bluesky',
};

/** The roster platform a post's `platform` value names (`twitter` is `x`), or null for others (rss, unknown…). */
export function rosterPlatform(p: string): RosterPlatform | null {
  return PLATFORM_ALIASES[p.trim().toLowerCase()] ?? null;
}

/** Hosts whose profile addresses belong to each platform (Mastodon runs on any host). */
const HOSTS: Record<Exclude<RosterPlatform, 'mastodon'>, string[]> = {
  facebook: ['facebook.com', 'fb.com', 'fb.me'],
  instagram: ['instagram.com', 'instagr.am'],
  x: ['x.com', 'twitter.com'],
  tiktok: ['tiktok.com'],
  bluesky: ['bsky.app'],
};

function platformOfHost(host: string): RosterPlatform | null {
  const h = host.toLowerCase().replace(/^(www|m|web|mobile|mbasic|vm)\./, '');
  for (const [p, hosts] of Object.entries(HOSTS)) if (hosts.includes(h)) return p as RosterPlatform;
  return null;
}

export type HandleResult = { handle: string } | { error: string };

const LOOKS_LIKE_URL = /^(https?:\/\/|www\.)|^[a-z0-9-]+(\.[a-z0-9-]+)+\/\S/i;

// Usernames: letters, digits, dot, underscore, dash (Facebook vanity names, TikTok, Instagram); Mastodon adds one
// @host; Bluesky handles are domain names or DIDs.
const NAME = /^[\p{L}\p{N}._-]+$/u;
const MASTODON = /^[\p{L}\p{N}._-]+@[a-z0-9.-]+(:\d+)?$/u;
const BLUESKY = /^([a-z0-9-]+\.)+[a-z0-9-]+$|^did:[a-z]+:[a-z0-9._:%-]+$/;

/** Reads a handle or profile address written for `platform`; the result is lowercase, without `@`. */
export function normaliseHandle(platform: RosterPlatform, raw: string): HandleResult {
  let s = raw.trim();
  if (s === '') return { error: 'empty handle' };
  if (LOOKS_LIKE_URL.test(s)) return fromUrl(platform, s);
  s = s.replace(/^@/, '').toLowerCase();
  if (/\s/.test(s)) return { error: `"${raw.trim()}" contains spaces: write the account's username or profile address, not the display name` };
  if (platform === 'mastodon') {
    if (MASTODON.test(s) || NAME.test(s)) return { handle: s };
    return { error: `"${raw.trim()}" is not a Mastodon handle (write user@server)` };
  }
  if (platform === 'bluesky') {
    if (BLUESKY.test(s)) return { handle: s };
    if (NAME.test(s) && !s.includes('.')) return { handle: `${s}.bsky.social` };
    return { error: `"${raw.trim()}" is not a Bluesky handle (write name.bsky.social or the profile address)` };
  }
  if (s.includes('@')) return { error: `"${raw.trim()}" is not a ${platform} username (one @ at the start at most)` };
  if (!NAME.test(s)) return { error: `"${raw.trim()}" is not a ${platform} username` };
  return { handle: s };
}

function fromUrl(platform: RosterPlatform, raw: string): HandleResult {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { error: `"${raw}" is not a valid address` };
  }
  const seg = url.pathname.split('/').filter((x) => x !== '').map((x) => decodeURIComponentSafe(x));
  const hostPlatform = platformOfHost(url.hostname);
  if (platform === 'mastodon') {
    if (hostPlatform) return { error: `"${raw}" is a ${hostPlatform} address, in the mastodon column` };
    // https://server/@user, https://server/users/user
    const user = seg[0]?.startsWith('@') ? seg[0].slice(1) : seg[0] === 'users' ? seg[1] : undefined;
    if (!user || !NAME.test(user)) return { error: `"${raw}" is not a Mastodon profile address (https://server/@user)` };
    return { handle: `${user}@${url.host}`.toLowerCase() };
  }
  if (hostPlatform !== platform) {
    return { error: hostPlatform ? `"${raw}" is a ${hostPlatform} address, in the ${platform} column` : `"${raw}" is not a ${platform} profile address` };
  }
  let user: string | undefined;
  switch (platform) {
    case 'facebook':
      // profile.php?id=100012345 and /people/Name/100012345 identify an account by number.
      if (seg[0] === 'profile.php') user = url.searchParams.get('id') ?? undefined;
      else if (seg[0] === 'people') user = seg[2];
      else user = seg[0];
      break;
    case 'tiktok':
      user = seg[0]?.startsWith('@') ? seg[0].slice(1) : undefined;
      break;
    case 'bluesky':
      user = seg[0] === 'profile' ? seg[1] : undefined;
      break;
    default:
      user = seg[0];
  }
  if (!user) return { error: `"${raw}" does not name an account` };
  return normaliseHandle(platform, user);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A post's author in the comparable form. Authors come from readers, not people, so nothing is rejected: what
 * cannot be read as a handle is compared as written (lowercase, without `@`).
 */
export function authorKey(platform: RosterPlatform | null, author: string): string {
  const plain = author.trim().replace(/^@/, '').toLowerCase();
  if (platform === null) return plain;
  const r = normaliseHandle(platform, author);
  return 'handle' in r ? r.handle : plain;
}
