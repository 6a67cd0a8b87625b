// Facebook's "Download your information" in JSON: the .zip, the unpacked folder, or one of its files. Three
// layouts are known, and the reader looks for the files by name in each:
//   until 2021  posts/your_posts_1.json, comments/comments.json, groups/your_posts_in_groups.json,
//               groups/your_comments_in_groups.json, profile_information/profile_information.json
//   2022–2023   your_activity_across_facebook/{posts,comments_and_reactions,groups}/…,
//               personal_information/profile_information/profile_information.json
//   from 2024   your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json, and the same
//               comments_and_reactions/ and groups/ files under your_facebook_activity/
// Post files are bare arrays of `{timestamp, data:[{post}], attachments:[{data:[…]}], title}` (split into _1,
// _2 …); comments and group posts are arrays under `comments_v2`, `group_posts_v2`, `group_comments_v2`.
//
// Likes and reactions (likes_and_reactions*.json, older likes_and_reactions/posts_and_comments.json) are read as
// posts of kind like: whose post was liked, when, and its link where the download has one (see below).
//
// Every string goes through the mojibake repair (meta-text.ts). Shared links (url and title), media descriptions
// and event names are kept as text; the `title` line Facebook writes for each item ("Budi Santoso shared a link.")
// is kept without the owner's name, because it names groups and shared accounts. Photo metadata (upload IP,
// EXIF) is never read. Messages, friends and the rest of the download are never opened.

import { createHash } from 'node:crypto';
import { InputError } from '../../errors.js';
import type { PostKind, SourceRef } from '../../model.js';
import { firstPresent, matching } from '../archive/tree.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { derivedId } from '../ids.js';
import { jsonRecords, type JsonRecord } from '../json-records.js';
import { fixMetaRecord } from '../meta-text.js';
import { labelValue } from './meta-labels.js';
import { buildPost, type PostInput } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions, Tree, TreeFormat } from '../types.js';
import { str, obj, arr, headText } from './values.js';

type Kind = 'post' | 'comment' | 'group-post' | 'group-comment' | 'like';

/** Where each kind of file lives, per layout (relative folder, file-name pattern). */
const PLACES: { kind: Kind; dir: string; re: RegExp }[] = [
  { kind: 'post', dir: 'posts', re: /^your_posts(_\d+)?\.json$/ },
  { kind: 'post', dir: 'your_activity_across_facebook/posts', re: /^your_posts(_\d+)?\.json$/ },
  { kind: 'post', dir: 'your_facebook_activity/posts', re: /^your_posts(__check_ins__photos_and_videos)?(_\d+)?\.json$/ },
  { kind: 'comment', dir: 'comments', re: /^comments\.json$/ },
  { kind: 'comment', dir: 'your_activity_across_facebook/comments_and_reactions', re: /^comments\.json$/ },
  { kind: 'comment', dir: 'your_facebook_activity/comments_and_reactions', re: /^comments\.json$/ },
  { kind: 'group-post', dir: 'groups', re: /^(your_posts_in_groups|group_posts_and_comments)\.json$/ },
  { kind: 'group-post', dir: 'your_activity_across_facebook/groups', re: /^(your_posts_in_groups|group_posts_and_comments)\.json$/ },
  { kind: 'group-post', dir: 'your_facebook_activity/groups', re: /^(your_posts_in_groups|group_posts_and_comments)\.json$/ },
  { kind: 'group-comment', dir: 'groups', re: /^your_comments_in_groups\.json$/ },
  { kind: 'group-comment', dir: 'your_activity_across_facebook/groups', re: /^your_comments_in_groups\.json$/ },
  { kind: 'group-comment', dir: 'your_facebook_activity/groups', re: /^your_comments_in_groups\.json$/ },
  // Likes and other reactions to posts and comments. The file without a number (label_values records, with the
  // liked post's link) comes first, so that a like it shares with a numbered file is read from it.
  { kind: 'like', dir: 'likes_and_reactions', re: /^posts_and_comments\.json$/ },
  // UNVERIFIED: posts_and_comments.json in the 2022–2023 folder (one parser names it there; likes_and_reactions_1.json
  // is confirmed by several).
  { kind: 'like', dir: 'your_activity_across_facebook/comments_and_reactions', re: /^(likes_and_reactions|posts_and_comments)\.json$/ },
  { kind: 'like', dir: 'your_activity_across_facebook/comments_and_reactions', re: /^likes_and_reactions_\d+\.json$/ },
  { kind: 'like', dir: 'your_facebook_activity/comments_and_reactions', re: /^likes_and_reactions\.json$/ },
  { kind: 'like', dir: 'your_facebook_activity/comments_and_reactions', re: /^likes_and_reactions_\d+\.json$/ },
];

const PROFILE = ['profile_information/profile_information.json', 'personal_information/profile_information/profile_information.json'];

const KEYS: Record<Kind, string[]> = {
  post: [],
  comment: ['comments_v2', 'comments'],
  'group-post': ['group_posts_v2', 'group_posts'],
  'group-comment': ['group_comments_v2', 'group_comments'],
  like: ['reactions_v2', 'reactions'],
};

/** Which kind of Facebook file a head of JSON is, if any; `name` tells the likes file of label_values records. */
function kindOfHead(head: string, name = ''): Kind | null {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (/^\{\s*"comments_v2"\s*:/.test(s)) return 'comment';
  if (/^\{\s*"reactions(_v2)?"\s*:/.test(s)) return 'like';
  // Reactions are arrays of {timestamp, data: [{reaction}], title} — a post file's shape, with a reaction in data —
  // or of label_values records, which other Meta files have too: those are known by the file's name.
  if (/^\[\s*\{/.test(s) && /"data"\s*:\s*\[\s*\{\s*"reaction"\s*:/.test(s.slice(0, 4096))) return 'like';
  if (/^\[\s*\{/.test(s) && /"label_values"\s*:/.test(s.slice(0, 4096)) && /(^|[/\\!])likes_and_reactions(_\d+)?\.json$/i.test(name)) return 'like';
  if (/^\{\s*"group_posts_v2"\s*:/.test(s)) return 'group-post';
  if (/^\{\s*"group_comments_v2"\s*:/.test(s)) return 'group-comment';
  // A post file: a bare array of objects with a Unix `timestamp` and `data`/`attachments`/`title`.
  if (/^\[\s*\{\s*"timestamp"\s*:\s*\d{9,10}\s*,/.test(s) && /"(data|attachments|title)"\s*:/.test(s.slice(0, 4096))) return 'post';
  return null;
}

interface Owner {
  name: string | null;
  handle: string | null;
}

/** The username in a profile address (`facebook.com/budi.s?ref=…` → `budi.s`); null for `profile.php?id=…`. */
export function facebookHandle(profileUrl: string | null): string | null {
  if (!profileUrl) return null;
  const m = /facebook\.com\/(?!profile\.php)([A-Za-z0-9.]+)\/?(?:[?#].*)?$/.exec(profileUrl);
  return m ? m[1] : null;
}

async function readOwner(tree: Tree): Promise<Owner> {
  const file = await firstPresent(tree, PROFILE);
  if (!file) return { name: null, handle: null };
  for await (const r of jsonRecords(tree.input(file))) {
    if ('error' in r) break;
    const root = obj(fixMetaRecord(r.value));
    const profile = obj(root?.profile_v2) ?? obj(root?.profile);
    // Only the name and the profile address: the file also holds e-mail, phone, birthday … which are never read.
    const name = str(obj(profile?.name)?.full_name);
    const uri = str(profile?.profile_uri);
    const handle = uri ? facebookHandle(uri) : str(profile?.username);
    return { name, handle };
  }
  return { name: null, handle: null };
}

// ---- one record ----

/** English titles Facebook writes when the owner shares someone's post or comments on it. */
const SHARED = /^(?:.+?) shared (.+?)'s (?:post|photo|video|reel|link|album|event|live video|story)\.?$/;
const COMMENTED = /^(?:.+?) (?:commented on|replied to) (.+?)'s (?:post|comment|photo|video|reel|link|album|live video)(?: in .+?)?\.?$/;

// The same titles for accounts using Facebook in Indonesian ("Budi membagikan kiriman Prabowo Subianto.").
// UNVERIFIED: written from Facebook's Indonesian wording, not checked against a real download. Kept conservative:
// the owner follows the noun either after "milik" or as a name starting with a capital letter, never a pronoun, so
// titles naming nobody ("membagikan sebuah tautan.", "membagikan kenangan.", "membagikan foto baru.") give none.
const ID_THINGS = 'kiriman|postingan|video siaran langsung|foto|video|reel|tautan|album|acara';
const ID_OWNER = '(?:milik (?!(?:Anda|anda|kamu|dia|mereka|sendiri)\\b)(.+?)|(?!(?:Anda|Kamu|Dia|Mereka)\\b)(\\p{Lu}.*?))';
// "… di grup X." as the English "… in X.": the group is not the owner.
const ID_GROUP = '(?: (?:di|ke) grup .+?)?';
const SHARED_ID = new RegExp(`^.+? membagikan (?:${ID_THINGS}) ${ID_OWNER}${ID_GROUP}\\.?$`, 'u');
const COMMENTED_ID = new RegExp(`^.+? (?:mengomentari|membalas|berkomentar di) (?:komentar|${ID_THINGS}) ${ID_OWNER}${ID_GROUP}\\.?$`, 'u');

/** The account named in a title by the first of `patterns` that matches it (English first, then Indonesian). */
function titleOwner(title: string | null, patterns: RegExp[]): string | null {
  if (!title) return null;
  for (const re of patterns) {
    const m = re.exec(title);
    if (m) return m.slice(1).find((g) => g !== undefined) ?? null;
  }
  return null;
}

/** The title without the owner's name (a name can look like a candidate's); null when nothing is left to read. */
function titleText(title: string | null, owner: Owner): string | null {
  if (!title || !owner.name) return null;
  const rest = title.startsWith(owner.name) ? title.slice(owner.name.length).trim() : title.replaceAll(owner.name, '').trim();
  return rest === '' ? null : rest;
}

interface Parts {
  texts: string[];
  media: string[];
  links: string[];
}

/** Text in attachments: media descriptions, shared links and their titles, events, notes. */
function attachmentParts(attachments: unknown, p: Parts): void {
  for (const a of arr(attachments)) {
    for (const d of arr(obj(a)?.data)) {
      const x = obj(d);
      if (!x) continue;
      const media = obj(x.media);
      if (media) {
        // Only the description: `media_metadata` holds the upload IP and EXIF and is never read.
        const desc = str(media.description);
        if (desc) p.media.push(desc);
      }
      const ext = obj(x.external_context);
      if (ext) {
        const url = str(ext.url);
        if (url) p.links.push(url);
        const name = str(ext.name);
        if (name) p.media.push(name);
      }
      const event = obj(x.event);
      if (event && str(event.name)) p.media.push(str(event.name)!);
      const note = obj(x.note);
      if (note) {
        for (const k of ['title', 'text']) if (str(note[k])) p.texts.push(str(note[k])!);
      }
      if (str(x.text)) p.media.push(str(x.text)!);
    }
  }
}

interface Pending {
  input: PostInput;
  key: string;
  source: SourceRef;
}

function toPostInput(kind: Kind, value: unknown, source: SourceRef, owner: Owner): PostInput | { skip: string } {
  const r = obj(fixMetaRecord(value));
  if (!r) return { skip: 'record is not an object' };
  const ts = typeof r.timestamp === 'number' ? r.timestamp : null;
  const title = str(r.title);
  const p: Parts = { texts: [], media: [], links: [] };
  let author = owner.name;
  let replyTo: string | null = null;
  let repostOf: string | null = null;
  let postKind: PostKind | undefined;
  for (const d of arr(r.data)) {
    const x = obj(d);
    if (!x) continue;
    if (str(x.post)) p.texts.push(str(x.post)!);
    const c = obj(x.comment);
    if (c) {
      if (str(c.comment)) p.texts.push(str(c.comment)!);
      author ??= str(c.author);
      const group = str(c.group);
      if (group) p.media.push(group);
    }
  }
  attachmentParts(r.attachments, p);
  const t = titleText(title, { ...owner, name: owner.name ?? author });
  if (t) p.media.unshift(t);
  if (kind === 'comment' || kind === 'group-comment') {
    postKind = 'reply';
    replyTo = titleOwner(title, [COMMENTED, COMMENTED_ID]);
  } else {
    repostOf = titleOwner(title, [SHARED, SHARED_ID]);
    if (repostOf) postKind = 'repost';
  }
  const text = p.texts.join('\n\n');
  const media = p.media.filter((m, i) => m.trim() !== text.trim() && p.media.indexOf(m) === i);
  // "Budi updated his status." and nothing else: what was shared is not in the download.
  if (text.trim() === '' && t !== null && media.length === 1 && media[0] === t) return { skip: "no text: only Facebook's title line (the shared content is not in the download)" };
  return {
    id: derivedId(`facebook-${kind}-${ts ?? 'notime'}`, ts, text, p.links.join(' ')),
    platform: 'facebook',
    author: owner.handle ?? owner.name ?? author,
    author_name: owner.name ?? author,
    // The value as found: one that is not a Unix time is reported by buildPost and kept as created_at_raw.
    created_at: r.timestamp,
    text,
    links: p.links,
    media_text: media,
    ...(postKind ? { kind: postKind } : {}),
    repost_of: repostOf,
    reply_to: replyTo,
    source,
  };
}

async function* readFile(input: InputFile, kind: Kind, owner: Owner, opts: ReadOptions): AsyncGenerator<ReadItem> {
  // One multi-photo post is written as several records with the same time and text: the first is the post, the
  // others are counted as skipped with the reason, and their media text joins the first.
  let pending: Pending | null = null;
  const records: AsyncGenerator<JsonRecord> = jsonRecords(input, KEYS[kind].length ? KEYS[kind] : undefined);
  for await (const r of records) {
    if ('error' in r) {
      yield unreadableItem(r.source, r.error);
      continue;
    }
    const pi = toPostInput(kind, r.value, r.source, owner);
    if ('skip' in pi) {
      yield skipItem(r.source, pi.skip);
      continue;
    }
    const key = createHash('sha256').update(`${String(pi.created_at)}\u0000${pi.text}`).digest('hex');
    if (pending && pending.key === key && pi.text !== '') {
      const into = pending.input;
      for (const m of pi.media_text ?? []) if (!into.media_text!.includes(m)) into.media_text!.push(m);
      for (const l of pi.links ?? []) if (!into.links!.includes(l)) into.links!.push(l);
      yield skipItem(r.source, `the same post as record ${pending.source.record} (Facebook lists each photo of a post separately)`);
      continue;
    }
    if (pending) yield* emit(buildPost(pending.input), pending.source, opts);
    pending = { input: pi, key, source: r.source };
  }
  if (pending) yield* emit(buildPost(pending.input), pending.source, opts);
}

// ---- likes and reactions ----
//
// Two record shapes, both verified against public parsers of real downloads (and both may be in one download,
// holding the same likes):
//   {timestamp, data: [{reaction: {reaction: "LIKE", actor}}], title: "Budi likes Prabowo Subianto's post."}
//     in likes_and_reactions_N.json (2022 on), or under "reactions_v2"/"reactions" in posts_and_comments.json
//   {timestamp, label_values: [{label: "Reaction", value: "Like"}, {label: "URL", value}, {label: "Name", value}],
//     fbid} in likes_and_reactions.json (2024 on): the Name is the liked post's owner, the URL its link.
// Neither holds the liked post's text. Whose post it was comes from the Name, or from the title, which is written in
// the account's language and read as cautiously as the titles of shares and comments.

/** English titles of a like or another reaction: "Budi likes Prabowo Subianto's post.", "… reacted to X's photo." */
const LIKED = /^(?:.+?) (?:likes|liked|reacted to) (.+?)'s (?:post|comment|photo|video|reel|link|album|event|live video|story|status|note|life event)(?: in .+?)?\.?$/;
// UNVERIFIED: the Indonesian wording of these titles ("Budi menyukai kiriman Prabowo Subianto.", "… bereaksi
// terhadap foto X.") follows Facebook's Indonesian interface; no real download was at hand. Read as the other
// Indonesian titles are: an owner only after "milik" or as a name starting with a capital letter.
const LIKED_ID = new RegExp(`^.+? (?:menyukai|menanggapi|bereaksi (?:terhadap|pada|ke)|memberi(?:kan)? reaksi (?:pada|untuk|terhadap|ke)) (?:komentar|${ID_THINGS}) ${ID_OWNER}${ID_GROUP}\\.?$`, 'u');

/**
 * Reactions that are not a like (Facebook's names, and, UNVERIFIED, those of its Indonesian interface): laughing at,
 * being sad or angry about a post says nothing certain about support for its owner, so they are not read as likes.
 */
const NOT_LIKE = new Set(['haha', 'wow', 'sad', 'angry', 'sedih', 'marah']);

/** label_values labels, in English and (UNVERIFIED) Indonesian: Meta writes them in the account's language. */
const LABEL = { reaction: new Set(['reaction', 'reaksi']), url: new Set(['url', 'tautan']), name: new Set(['name', 'nama']) };

/** Likes read earlier in the download, by time, with whose post each was: one like can be in two files. */
type SeenLikes = Map<number, { owner: string; file: string }[]>;

/** The file of an earlier record of the same like (the same second, the same owner, another file), or null. */
function seenBefore(seen: SeenLikes, ts: number, owner: string, file: string): string | null {
  const key = owner.toLowerCase();
  const list = seen.get(ts);
  const same = list?.find((x) => x.file !== file && x.owner === key);
  if (same) return same.file;
  if (list) list.push({ owner: key, file });
  else seen.set(ts, [{ owner: key, file }]);
  return null;
}

function likeInput(value: unknown, source: SourceRef, owner: Owner): PostInput | { skip: string } {
  const r = obj(fixMetaRecord(value));
  if (!r) return { skip: 'record is not an object' };
  const ts = typeof r.timestamp === 'number' ? r.timestamp : null;
  let reaction: string | null = null;
  let likedOwner: string | null = null;
  let url: string | null = null;
  let actor: string | null = null;
  const labels = arr(r.label_values);
  if (labels.length > 0) {
    reaction = labelValue(labels, LABEL.reaction);
    likedOwner = labelValue(labels, LABEL.name);
    const u = labelValue(labels, LABEL.url);
    url = u && /^https?:\/\//i.test(u) ? u : null;
  } else {
    const rx = obj(obj(arr(r.data)[0])?.reaction);
    reaction = str(rx?.reaction);
    actor = str(rx?.actor);
    likedOwner = titleOwner(str(r.title), [LIKED, LIKED_ID]);
  }
  if (reaction && NOT_LIKE.has(reaction.trim().toLowerCase())) return { skip: `a "${reaction.trim()}" reaction, not a like: it says nothing certain for or against the post's owner` };
  return {
    id: derivedId(`facebook-like-${ts ?? 'notime'}`, ts, (likedOwner ?? '').toLowerCase()),
    platform: 'facebook',
    author: owner.handle ?? owner.name ?? actor,
    author_name: owner.name ?? actor,
    created_at: r.timestamp,
    url,
    // The download does not hold the liked post's words.
    text: '',
    kind: 'like',
    repost_of: likedOwner,
    source,
  };
}

async function* readLikes(input: InputFile, owner: Owner, seen: SeenLikes | null, opts: ReadOptions): AsyncGenerator<ReadItem> {
  for await (const r of jsonRecords(input, KEYS.like)) {
    if ('error' in r) {
      yield unreadableItem(r.source, r.error);
      continue;
    }
    const pi = likeInput(r.value, r.source, owner);
    if ('skip' in pi) {
      yield skipItem(r.source, pi.skip);
      continue;
    }
    // Only a like that names its post's owner is looked up: one that does not is skipped below (nothing to scan),
    // and must not hide the same like in the other file, which may name it.
    const ts = typeof pi.created_at === 'number' ? pi.created_at : null;
    const earlier = seen && ts !== null && pi.repost_of ? seenBefore(seen, ts, pi.repost_of, input.name.slice(input.name.search(/[^/\\!]*$/))) : null;
    if (earlier) {
      yield skipItem(r.source, `the same like as one in ${earlier} (Facebook lists a like in more than one file)`);
      continue;
    }
    yield* emit(buildPost(pi), r.source, opts);
  }
}

async function filesOf(tree: Tree): Promise<{ kind: Kind; file: string }[]> {
  const out: { kind: Kind; file: string }[] = [];
  for (const place of PLACES) for (const file of await matching(tree, place.dir, place.re)) out.push({ kind: place.kind, file });
  return out;
}

/** The HTML export has the same files as .html: recognised so the user is told to ask for JSON. */
async function isHtmlExport(tree: Tree): Promise<boolean> {
  for (const place of PLACES) {
    const html = new RegExp(place.re.source.replace('\\.json$', '\\.html$'));
    if ((await matching(tree, place.dir, html)).length > 0) return true;
  }
  return false;
}

export const HTML_EXPORT_MESSAGE =
  'this is the HTML version of the download, which netral does not read: request it again with format "JSON" (Settings → Download your information → Format: JSON)';

export const facebook: Format & TreeFormat = {
  id: 'facebook',
  description: 'Facebook download (JSON): the .zip, the folder, or your_posts*.json / comments.json / group files / likes_and_reactions*.json',
  detect(head, name) {
    const kind = kindOfHead(headText(head, 8192), name);
    if (!kind) return 0;
    return /your_posts|comments|group|likes_and_reactions/.test(name) ? 0.97 : 0.95;
  },
  async detectTree(tree) {
    if ((await filesOf(tree)).length > 0) return 0.97;
    return (await isHtmlExport(tree)) ? 0.9 : 0;
  },
  async *readTree(tree, opts) {
    const files = await filesOf(tree);
    if (files.length === 0) throw new InputError(`${tree.name}: ${(await isHtmlExport(tree)) ? HTML_EXPORT_MESSAGE : 'no Facebook posts, comments or likes found'}`);
    const owner = await readOwner(tree);
    if (!owner.name) opts.warn(`${tree.name}: no profile_information.json; the account's name is taken from its comments, if any`, { summary: true });
    // Only a download with more than one likes file can list a like twice: then each like's time is kept, to tell.
    const seen: SeenLikes | null = files.filter((f) => f.kind === 'like').length > 1 ? new Map() : null;
    for (const f of files) yield* f.kind === 'like' ? readLikes(tree.input(f.file), owner, seen, opts) : readFile(tree.input(f.file), f.kind, owner, opts);
  },
  async *read(input, opts) {
    const kind = kindOfHead((await input.head(8192)).toString('utf8'), input.name);
    if (!kind) throw new InputError(`${input.name}: not a Facebook posts, comments, group or likes file`);
    if (kind === 'post' || kind === 'group-post') opts.warn(`${input.name}: read on its own, posts have no author; give the whole download to have the account's name`, { summary: true });
    if (kind === 'like') {
      opts.warn(`${input.name}: read on its own, likes have the account's name only where Facebook's record gives it; give the whole download to have it`, { summary: true });
      yield* readLikes(input, { name: null, handle: null }, null, opts);
      return;
    }
    yield* readFile(input, kind, { name: null, handle: null }, opts);
  },
};
