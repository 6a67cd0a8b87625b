// TikTok's "Download your data" in JSON: `user_data.json` (older) or `user_data_tiktok.json`, alone or in the .zip.
// One large object; the parts read are streamed out of it by key path, so browsing and like histories (often most
// of the file) are never held in memory:
//   own videos  Video.Videos.VideoList[] (older downloads) or Post.Posts.VideoList[] (newer)
//   comments    Comment.Comments.CommentsList[]
//   username    Profile.Profile Information.ProfileMap.userName (key names vary by version)
// Key names and their case change between versions ("Date"/"date", "Comment"/"comment"), so keys are matched
// without regard to case, spaces or underscores. Direct messages, likes, logins (with IP addresses) and the rest
// are never read.
//
// Dates are written without a zone ("2023-01-15 12:34:56"). netral reads them as UTC: the download is produced on
// TikTok's servers, not on the user's phone, and TikTok does not localise other server records in it; a post
// read this way is at most 7–9 hours off Indonesian local time if that is wrong, and the raw value is kept.

import type { SourceRef } from '../../model.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { HEAD_BYTES } from '../head.js';
import { derivedId } from '../ids.js';
import { parsedElements } from '../json-records.js';
import { buildPost } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions, TreeFormat } from '../types.js';
import { str, obj, type Obj, headText } from './values.js';

export const TIKTOK_DATE_ZONE = 'UTC';

const POSTS = [
  ['video', 'videos', 'videolist'],
  ['post', 'posts', 'videolist'],
];
const COMMENTS = [['comment', 'comments', 'commentslist']];
const PROFILE = [
  ['profile', 'profile information', 'profilemap'],
  ['profile', 'profile info', 'profilemap'],
  ['profile and settings', 'profile information', 'profilemap'],
  ['profile and settings', 'profile info', 'profilemap'],
];

const norm = (k: string) => k.toLowerCase().replace(/[\s_]+/g, '');

/** The value of the first of `names` in `o`, keys compared without case, spaces or underscores. */
function field(o: Obj, ...names: string[]): unknown {
  const want = names.map(norm);
  for (const w of want) for (const [k, v] of Object.entries(o)) if (norm(k) === w) return v;
  return undefined;
}

function looksLikeTikTok(head: string): boolean {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (!s.startsWith('{')) return false;
  return /"(VideoList|CommentsList|ProfileMap)"\s*:/i.test(s) || (/^\{\s*"Activity"\s*:\s*\{/.test(s) && /"(Like List|Login History|Video Browsing History|Favorite Videos)"/i.test(s));
}

const elements = (input: InputFile, paths: string[][], found?: Set<number>) => parsedElements(input, { paths, ignoreCase: true, ...(found ? { found } : {}) });

interface Owner {
  username: string | null;
  name: string | null;
}

function ownerOf(value: unknown): Owner | null {
  const p = obj(value);
  // The profile map also holds e-mail, phone and birth date: only the username and display name are taken.
  return p ? { username: str(field(p, 'userName', 'username')), name: str(field(p, 'displayName', 'nickName', 'nickname')) } : null;
}

async function readOwner(input: InputFile): Promise<Owner> {
  for await (const el of elements(input, PROFILE)) {
    const o = 'error' in el ? null : ownerOf(el.value);
    if (o) return o;
  }
  return { username: null, name: null };
}

function isPublic(whoCanView: unknown): boolean {
  const v = str(whoCanView);
  return v === null || /^(everyone|public|semua)/i.test(v.trim());
}

function* postItems(o: Obj, source: SourceRef, owner: Owner, opts: ReadOptions): Generator<ReadItem> {
  const date = str(field(o, 'Date'));
  const link = str(field(o, 'Link', 'VideoLink')) ?? '';
  const caption = str(field(o, 'Title', 'Desc', 'Description', 'Caption')) ?? '';
  const who = field(o, 'WhoCanView');
  if (!isPublic(who) && !opts.includePrivate) {
    yield skipItem(source, `not public (who can view: ${str(who)}); use --include-private to read it`);
    return;
  }
  if (caption.trim() === '') {
    yield skipItem(source, 'no caption in the download (older TikTok downloads list videos without their text)');
    return;
  }
  const videoId = /\/video\/(\d{15,})/.exec(link)?.[1] ?? null;
  const b = buildPost({
    id: videoId ?? derivedId(`tiktok-video-${date?.replace(/\D/g, '') || 'notime'}`, date, caption),
    platform: 'tiktok',
    author: owner.username,
    author_name: owner.name,
    created_at: date,
    naiveZone: TIKTOK_DATE_ZONE,
    url: videoId && owner.username ? `https://www.tiktok.com/@${owner.username}/video/${videoId}` : null,
    text: caption,
    media_text: [str(field(o, 'AlternateText', 'AltText')) ?? ''].filter((x) => x !== ''),
    source,
  });
  yield* emit(b, source, opts);
}

function* commentItems(o: Obj, source: SourceRef, owner: Owner, opts: ReadOptions): Generator<ReadItem> {
  const date = str(field(o, 'Date'));
  const comment = str(field(o, 'Comment', 'Comments', 'Text')) ?? '';
  const b = buildPost({
    id: derivedId(`tiktok-comment-${date?.replace(/\D/g, '') || 'notime'}`, date, comment),
    platform: 'tiktok',
    author: owner.username,
    author_name: owner.name,
    created_at: date,
    naiveZone: TIKTOK_DATE_ZONE,
    text: comment,
    kind: 'reply',
    source,
  });
  yield* emit(b, source, opts);
}

async function* readUserData(input: InputFile, opts: ReadOptions): AsyncGenerator<ReadItem> {
  // The username sits in a part of the file that may come after the videos: a first pass finds it (stopping
  // there), when the input can be read twice (a file, an archive entry, a short stdin). A long standard input is
  // read once: the profile is picked up on the way, and posts before it have no author.
  const once = !input.rereadable;
  let owner = once ? { username: null, name: null } : await readOwner(input);
  if (!owner.username && !once) opts.warn(`${input.name}: no username found in the download; posts have no author`, { summary: true });
  const found = new Set<number>();
  const paths = [...POSTS, ...COMMENTS, ...(once ? PROFILE : [])];
  let index = 0;
  let authorless = 0;
  for await (const el of elements(input, paths, found)) {
    if ((el.path ?? 0) >= POSTS.length + COMMENTS.length) {
      owner = ('value' in el ? ownerOf(el.value) : null) ?? owner;
      continue;
    }
    const source = { ...el.source, record: ++index };
    if ('error' in el) {
      yield unreadableItem(source, el.error);
      continue;
    }
    const o = obj(el.value);
    if (!o) {
      yield unreadableItem(source, 'record is not an object');
      continue;
    }
    if (!owner.username) authorless++;
    if ((el.path ?? 0) < POSTS.length) yield* postItems(o, source, owner, opts);
    else yield* commentItems(o, source, owner, opts);
  }
  if (once && authorless > 0) opts.warn(`${input.name}: ${authorless} record(s) came before the username in the download and have no author (this input can be read only once; give the file instead)`, { summary: true });
  if (![...found].some((i) => i < POSTS.length + COMMENTS.length)) opts.warn(`${input.name}: no videos and no comments in this TikTok download`, { summary: true });
}

const USER_DATA = /^user_data(_tiktok)?\.json$/i;

export const tiktok: Format & TreeFormat = {
  id: 'tiktok',
  description: 'TikTok download (JSON): user_data_tiktok.json or user_data.json, or the .zip',
  detect(head, name) {
    // The whole head: a long first activity section (favourite sounds) can push every marker past 16 KB.
    if (!looksLikeTikTok(headText(head, HEAD_BYTES))) return 0;
    return USER_DATA.test(name.split(/[/\\!]/).pop() ?? '') ? 0.97 : 0.95;
  },
  async detectTree(tree) {
    return (await tree.list('')).some((n) => USER_DATA.test(n)) ? 0.97 : 0;
  },
  async *readTree(tree, opts) {
    const files = (await tree.list('')).filter((n) => USER_DATA.test(n));
    for (const f of files) yield* readUserData(tree.input(f), opts);
  },
  read: (input, opts) => readUserData(input, opts),
};
