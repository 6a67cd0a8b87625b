// Instagram's "Download your information" in JSON: the .zip, the folder, or one of its media files. Posts are in
// your_instagram_activity/media/posts_1.json (2024 on), your_instagram_activity/content/posts_1.json, or
// content/posts_1.json (older): a bare array of `{media:[{uri, creation_timestamp, title, media_metadata}], title?,
// creation_timestamp?}` — the caption is the top-level `title` for carousels, else the first medium's. Reels are
// under `ig_reels_media` in reels.json, stories under `ig_stories` in stories.json. There is no post id or link:
// ids are derived from the time and caption. The account name comes from personal_information.json.
//
// Likes are in your_instagram_activity/likes/liked_posts.json (older likes/liked_posts.json): posts of kind like,
// with whose post it was, its link and the time of the like, and from 2025 on its caption (see likeItems).
//
// Strings are repaired like Facebook's (the same mojibake). `media_metadata` (EXIF, location) is never read, nor
// are messages, archived posts and everything else. A download made in HTML is recognised and refused with a
// message saying how to get the JSON one.

import { InputError } from '../../errors.js';
import type { SourceRef } from '../../model.js';
import { firstPresent, matching } from '../archive/tree.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { derivedId } from '../ids.js';
import { jsonRecords } from '../json-records.js';
import { fixMetaRecord } from '../meta-text.js';
import { labelValue } from './meta-labels.js';
import { buildPost } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions, Tree, TreeFormat } from '../types.js';
import { str, num, obj, arr, type Obj, headText } from './values.js';

type Kind = 'post' | 'reel' | 'story' | 'like';

const MEDIA_DIRS = ['your_instagram_activity/media', 'your_instagram_activity/content', 'content', 'media'];
const FILES: { kind: Kind; re: RegExp }[] = [
  { kind: 'post', re: /^posts_\d+\.json$/ },
  { kind: 'reel', re: /^reels\.json$/ },
  { kind: 'story', re: /^stories\.json$/ },
];
const LIKE_DIRS = ['your_instagram_activity/likes', 'likes'];
const LIKE_FILE = /^liked_posts(_\d+)?\.json$/;
const KEYS: Record<Kind, string[] | undefined> = { post: undefined, reel: ['ig_reels_media'], story: ['ig_stories'], like: ['likes_media_likes'] };
const PROFILE_FILES = ['personal_information/personal_information/personal_information.json', 'personal_information/personal_information.json', 'account_information/personal_information.json'];

/** Which kind of Instagram file a head of JSON is; `name` tells liked_posts.json of label_values records. */
function kindOfHead(head: string, name = ''): Kind | null {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (/^\{\s*"likes_media_likes"\s*:/.test(s)) return 'like';
  // label_values records are in many Meta files: the liked posts are known by the file's name.
  if (/^\[\s*\{/.test(s) && /"label_values"\s*:/.test(s.slice(0, 4096)) && /(^|[/\\!])liked_posts(_\d+)?\.json$/i.test(name)) return 'like';
  if (/^\{\s*"ig_reels_media"\s*:/.test(s)) return 'reel';
  if (/^\{\s*"ig_stories"\s*:/.test(s)) return 'story';
  if (/^\[\s*\{\s*"media"\s*:\s*\[\s*\{\s*"uri"\s*:/.test(s) && /"creation_timestamp"\s*:/.test(s.slice(0, 4096))) return 'post';
  return null;
}

interface Owner {
  username: string | null;
  name: string | null;
}

async function readOwner(tree: Tree): Promise<Owner> {
  const file = await firstPresent(tree, PROFILE_FILES);
  if (!file) return { username: null, name: null };
  for await (const r of jsonRecords(tree.input(file))) {
    if ('error' in r) break;
    // `string_map_data` also holds e-mail, phone and birthday: only the username and name are taken.
    const user = obj(arr(obj(fixMetaRecord(r.value))?.profile_user)[0]);
    const m = obj(user?.string_map_data);
    const field = (k: string) => str(obj(m?.[k])?.value);
    return { username: field('Username') ?? field('Nama pengguna'), name: field('Name') ?? field('Nama') };
  }
  return { username: null, name: null };
}

function* itemsOf(kind: Kind, value: unknown, source: SourceRef, owner: Owner, opts: ReadOptions): Generator<ReadItem> {
  const r = obj(fixMetaRecord(value));
  if (!r) {
    yield unreadableItem(source, 'record is not an object');
    return;
  }
  // Stories are one medium each; posts and reels group media, with the caption on the group or its first medium.
  const media = kind === 'story' ? [r] : arr(r.media).map(obj).filter((m): m is Obj => m !== null);
  const first = media[0] ?? null;
  const caption = str(r.title) || str(first?.title) || '';
  const ts = num(r.creation_timestamp) ?? num(first?.creation_timestamp);
  // Captions of the other media of a carousel, when they differ from the post's.
  const more = media
    .slice(1)
    .map((m) => str(m.title) ?? '')
    .filter((t) => t !== '' && t !== caption);
  const b = buildPost({
    id: derivedId(`instagram-${kind}-${ts ?? 'notime'}`, ts, caption, str(first?.uri)),
    platform: 'instagram',
    author: owner.username,
    author_name: owner.name,
    created_at: ts,
    text: caption,
    media_text: [...new Set(more)],
    source,
  });
  yield* emit(b, source, opts);
}

// ---- likes ----
//
// Two shapes of liked_posts.json, both verified against public parsers of real downloads:
//   until 2024  {"likes_media_likes": [{"title": "<owner's username>", "string_list_data": [{"href": "<post link>",
//               "value": "👍", "timestamp": <Unix s>}]}]} — one entry may list several likes of the owner's posts
//   2025 on     [{"timestamp", "label_values": [{"label": "URL", "value", "href"}, {"label": "Caption", "value"},
//               {"title": "Owner", "dict": [{"dict": [{"label": "URL", "value": "<profile>"}, {"label": "Name"},
//               {"label": "Username", "value"}]}]}], "fbid"}]
// The labels are written in the account's language. "URL" is the same in every language; the Indonesian words for
// the others are UNVERIFIED (no Indonesian download was at hand), so the owner is also taken from the address of
// their profile in the owner group, which needs no label.

const LIKE_LABEL = {
  url: new Set(['url']),
  caption: new Set(['caption', 'keterangan']),
  username: new Set(['username', 'nama pengguna']),
  ownerGroup: new Set(['owner', 'pemilik']),
};

const PROFILE_URL = /^https?:\/\/(?:www\.)?instagram\.com\/(?!(?:p|reel|reels|tv|stories|explore)\/)([A-Za-z0-9._]{1,30})\/?(?:[?#].*)?$/i;

/** The liked post's owner in a label_values record: the Username, else the handle in their profile's address. */
function likedOwner(entries: Obj[]): string | null {
  const groups = entries.filter((e) => Array.isArray(e.dict));
  const named = groups.filter((g) => LIKE_LABEL.ownerGroup.has(str(g.title)?.trim().toLowerCase() ?? ''));
  for (const g of named.length > 0 ? named : groups) {
    for (const member of arr(g.dict)) {
      const pairs = arr(obj(member)?.dict).map(obj).filter((x): x is Obj => x !== null);
      const user = labelValue(pairs, LIKE_LABEL.username);
      if (user) return user;
      const profile = PROFILE_URL.exec(labelValue(pairs, LIKE_LABEL.url) ?? '');
      if (profile) return profile[1];
    }
  }
  return null;
}

interface Liked {
  owner: string | null;
  href: string | null;
  ts: number | null;
  caption: string;
}

/** What one record of liked_posts.json says was liked: one like, or several in the older shape. */
function likedIn(r: Obj): Liked[] {
  const entries = arr(r.label_values).map(obj).filter((x): x is Obj => x !== null);
  if (entries.length > 0) {
    const href = labelValue(entries, LIKE_LABEL.url) ?? str(entries.find((e) => str(e.href))?.href) ?? null;
    return [{ owner: likedOwner(entries), href, ts: num(r.timestamp), caption: labelValue(entries, LIKE_LABEL.caption) ?? '' }];
  }
  const owner = str(r.title)?.trim() || null;
  const links = arr(r.string_list_data).map(obj).filter((x): x is Obj => x !== null);
  // An entry without its list still says whose post was liked.
  if (links.length === 0) return [{ owner, href: null, ts: num(r.timestamp), caption: '' }];
  return links.map((l) => ({ owner, href: str(l.href)?.trim() || null, ts: num(l.timestamp), caption: '' }));
}

function* likeItems(value: unknown, source: SourceRef, owner: Owner, opts: ReadOptions): Generator<ReadItem> {
  const r = obj(fixMetaRecord(value));
  if (!r) {
    yield unreadableItem(source, 'record is not an object');
    return;
  }
  for (const l of likedIn(r)) {
    const b = buildPost({
      id: derivedId(`instagram-like-${l.ts ?? 'notime'}`, l.ts, l.href, l.owner),
      platform: 'instagram',
      author: owner.username,
      author_name: owner.name,
      created_at: l.ts,
      url: l.href && /^https?:\/\//i.test(l.href) ? l.href : null,
      text: l.caption,
      kind: 'like',
      repost_of: l.owner,
      source,
    });
    yield* emit(b, source, opts);
  }
}

async function* readFile(input: InputFile, kind: Kind, owner: Owner, opts: ReadOptions): AsyncGenerator<ReadItem> {
  for await (const r of jsonRecords(input, KEYS[kind])) {
    if ('error' in r) yield unreadableItem(r.source, r.error);
    else if (kind === 'like') yield* likeItems(r.value, r.source, owner, opts);
    else yield* itemsOf(kind, r.value, r.source, owner, opts);
  }
}

async function filesOf(tree: Tree): Promise<{ kind: Kind; file: string }[]> {
  const out: { kind: Kind; file: string }[] = [];
  for (const dir of MEDIA_DIRS) {
    for (const f of FILES) for (const file of await matching(tree, dir, f.re)) out.push({ kind: f.kind, file });
    if (out.length > 0) break;
  }
  for (const dir of LIKE_DIRS) {
    const likes = await matching(tree, dir, LIKE_FILE);
    for (const file of likes) out.push({ kind: 'like', file });
    if (likes.length > 0) break;
  }
  return out;
}

async function isHtmlExport(tree: Tree): Promise<boolean> {
  for (const dir of MEDIA_DIRS) if ((await matching(tree, dir, /^(posts_\d+|reels|stories)\.html$/)).length > 0) return true;
  return false;
}

export const INSTAGRAM_HTML_MESSAGE =
  'this is the HTML version of the Instagram download, which netral does not read: request it again with format "JSON" (Accounts Center → Your information and permissions → Download your information → Format: JSON)';

export const instagram: Format & TreeFormat = {
  id: 'instagram',
  description: 'Instagram download (JSON): the .zip, the folder, or posts_1.json / reels.json / stories.json / liked_posts.json',
  detect(head, name) {
    const lower = name.toLowerCase();
    if (/(^|[/\\!])(posts_\d+|reels|stories)\.html$/.test(lower) && /<html/i.test(head.toString('utf8', 0, 2048))) return 0.9;
    const kind = kindOfHead(headText(head, 8192), name);
    if (!kind) return 0;
    return /posts_\d+|reels|stories|liked_posts/.test(lower) ? 0.97 : 0.95;
  },
  async detectTree(tree) {
    if ((await filesOf(tree)).length > 0) return 0.96;
    return (await isHtmlExport(tree)) ? 0.9 : 0;
  },
  async *readTree(tree, opts) {
    const files = await filesOf(tree);
    if (files.length === 0) throw new InputError(`${tree.name}: ${(await isHtmlExport(tree)) ? INSTAGRAM_HTML_MESSAGE : 'no Instagram posts, reels, stories or likes found'}`);
    const owner = await readOwner(tree);
    if (!owner.username) opts.warn(`${tree.name}: no personal_information.json; posts have no author`, { summary: true });
    for (const f of files) yield* readFile(tree.input(f.file), f.kind, owner, opts);
  },
  async *read(input, opts) {
    const head = (await input.head(8192)).toString('utf8');
    if (/<html/i.test(head.slice(0, 2048))) throw new InputError(`${input.name}: ${INSTAGRAM_HTML_MESSAGE}`);
    const kind = kindOfHead(head, input.name);
    if (!kind) throw new InputError(`${input.name}: not an Instagram posts, reels, stories or liked posts file`);
    opts.warn(`${input.name}: read on its own, ${kind === 'like' ? 'likes' : 'posts'} have no author; give the whole download to have the username`, { summary: true });
    yield* readFile(input, kind, { username: null, name: null }, opts);
  },
};
