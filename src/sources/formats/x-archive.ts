// The X (Twitter) archive: the downloaded .zip, the unpacked folder, or one of its `data/*.js` files. Each file is
// a JavaScript assignment `window.YTD.tweets.part0 = [ … ]`; the array is streamed after the prefix, never
// evaluated. Items are `{"tweet": {…}}`, or the tweet object itself in archives from about 2019 (`tweet.js`).
//
// Read: tweets.js / tweet.js and their `-partN` splits, community-tweet.js, deleted-tweets.js (posts marked
// deleted), note-tweet.js (the full text of long posts, matched to their tweet by time and opening words),
// like.js (the account's likes of other posts: kind like) and account.js (the username and display name; without
// it, the same from manifest.js). Never opened: direct messages, and every other file — they are either private or
// not the account's own activity.

import path from 'node:path';
import { InputError } from '../../errors.js';
import type { SourceRef } from '../../model.js';
import { folderTree, matching } from '../archive/tree.js';
import { utf8Tree } from '../utf8-input.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { parsedElements } from '../json-records.js';
import { buildPost } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions, Tree, TreeFormat } from '../types.js';
import { parseXStatusUrl, unescapeX, xStatusUrl } from '../x-text.js';
import { str, obj, arr, type Obj } from './values.js';

const YTD = /^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=\s*\[/;

/** Archive data types holding the account's own posts, and how they are read. */
const POSTS: Record<string, { deleted: boolean }> = {
  tweets: { deleted: false },
  tweet: { deleted: false },
  community_tweet: { deleted: false },
  deleted_tweets: { deleted: true },
  deleted_tweet: { deleted: true },
};

const NOT_READ: Record<string, string> = {
  direct_messages: 'direct messages, which are private and never read',
  direct_messages_group: 'group direct messages, which are private and never read',
  direct_message: 'direct messages, which are private and never read',
  direct_message_group: 'group direct messages, which are private and never read',
  account: 'the account details, no posts',
};

export function ytdType(head: Buffer): string | null {
  return YTD.exec(head.toString('utf8', 0, Math.min(head.length, 512)).replace(/^\uFEFF/, ''))?.[1] ?? null;
}

/** The records of a `window.YTD.… = [ … ]` file: the array after the prefix, never evaluated. */
const ytdElements = (input: InputFile) => parsedElements(input, { skipPrefix: true });

interface Account {
  username: string | null;
  name: string | null;
}

async function readAccount(input: InputFile): Promise<Account> {
  for await (const r of ytdElements(input)) {
    if ('error' in r) continue;
    const a = obj(obj(r.value)?.account) ?? obj(r.value);
    // The account record also holds the e-mail address and phone: only the public names are taken.
    if (a) return { username: str(a.username), name: str(a.accountDisplayName) };
  }
  return { username: null, name: null };
}

const NO_ACCOUNT: Account = { username: null, name: null };

/**
 * The account in data/manifest.js, `window.__THAR_CONFIG = {"userInfo": {"userName", "displayName", …}, …}`: the
 * object under the prefix, streamed as the data files are. A manifest that cannot be read names no one.
 */
async function readManifestAccount(input: InputFile): Promise<Account> {
  try {
    for await (const r of parsedElements(input, { paths: [['userInfo']], skipPrefix: true })) {
      const u = 'error' in r ? null : obj(r.value);
      if (u) return { username: str(u.userName), name: str(u.displayName) };
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  return NO_ACCOUNT;
}

/** The account from account.js, or from manifest.js when account.js is missing or names no one. */
async function accountOf(tree: Tree, files: { account?: string; manifest?: string }): Promise<Account> {
  const account = files.account ? await readAccount(tree.input(files.account)) : NO_ACCOUNT;
  if (account.username && account.name) return account;
  const manifest = files.manifest ? await readManifestAccount(tree.input(files.manifest)) : NO_ACCOUNT;
  if (!account.username) return manifest.username ? manifest : account;
  // account.js wins; the manifest only completes the display name of the same account.
  return manifest.username?.toLowerCase() === account.username.toLowerCase() ? { username: account.username, name: account.name ?? manifest.name } : account;
}

// ---- long posts ----

interface Note {
  id: string;
  text: string;
  second: number;
  hashtags: string[];
  mentions: string[];
  links: string[];
  createdAt: string;
  used: boolean;
  source: SourceRef;
}

const URLS = /https?:\/\/\S+/g;

/** Text reduced for comparing a tweet's cut-off text with its note's full text. */
function comparable(s: string): string {
  return s.replace(URLS, ' ').replace(/[…]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

class Notes {
  private readonly bySecond = new Map<number, Note[]>();
  readonly all: Note[] = [];

  add(n: Note): void {
    this.all.push(n);
    const list = this.bySecond.get(n.second);
    if (list) list.push(n);
    else this.bySecond.set(n.second, [n]);
  }

  /** The note holding the full text of a tweet: created within two seconds of it, starting with its words. */
  match(second: number, tweetText: string): Note | null {
    const t = comparable(unescapeX(tweetText)).slice(0, 80);
    if (t.length === 0) return null;
    for (let d = 0; d <= 2; d++) {
      for (const s of d === 0 ? [second] : [second - d, second + d]) {
        for (const n of this.bySecond.get(s) ?? []) {
          if (!n.used && comparable(n.text).startsWith(t)) {
            n.used = true;
            return n;
          }
        }
      }
    }
    return null;
  }
}

function noteOf(value: unknown, source: SourceRef): Note | null {
  const n = obj(obj(value)?.noteTweet) ?? obj(value);
  const core = obj(n?.core);
  const text = str(core?.text);
  const created = str(n?.createdAt);
  if (!n || text === null || created === null) return null;
  const ms = Date.parse(created);
  return {
    id: str(n.noteTweetId) ?? '',
    text,
    second: Math.floor(ms / 1000),
    hashtags: arr(core?.hashtags).map((h) => str(obj(h)?.text) ?? str(obj(h)?.hashtag) ?? str(h) ?? '').filter((x) => x !== ''),
    mentions: arr(core?.mentions).map((m) => str(obj(m)?.screenName) ?? '').filter((x) => x !== ''),
    links: arr(core?.urls).map((u) => str(obj(u)?.expandedUrl) ?? '').filter((x) => x !== ''),
    createdAt: created,
    used: false,
    source,
  };
}

async function readNotes(inputs: InputFile[], opts: ReadOptions): Promise<Notes> {
  const notes = new Notes();
  for (const input of inputs) {
    for await (const r of ytdElements(input)) {
      const n = 'error' in r ? null : noteOf(r.value, r.source);
      if (n && !Number.isNaN(n.second)) notes.add(n);
      else opts.warn(`${input.name}#${r.source.record}: a long-post record netral cannot read${'error' in r ? ` (${r.error})` : ''}`);
    }
  }
  return notes;
}

// ---- tweets ----

function entityTexts(list: unknown, key: string): string[] {
  return arr(list)
    .map((e) => str(obj(e)?.[key]) ?? '')
    .filter((x) => x !== '');
}

/**
 * The object of a record wrapped as {"<key>": {…}} (or bare, in archives from about 2019), or why it cannot be read:
 * a wrapper holding something else is that, not a record without an id.
 */
function unwrapped(value: unknown, key: string): { record: Obj } | { unreadable: string } {
  const wrapper = obj(value);
  if (wrapper && key in wrapper && !obj(wrapper[key])) {
    const v = wrapper[key];
    return { unreadable: `"${key}" is not an object (${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v})` };
  }
  const record = obj(wrapper?.[key]) ?? wrapper;
  return record ? { record } : { unreadable: 'record is not an object' };
}

function* tweetItems(value: unknown, source: SourceRef, account: Account, notes: Notes, deleted: boolean, opts: ReadOptions): Generator<ReadItem> {
  const u = unwrapped(value, 'tweet');
  if ('unreadable' in u) {
    yield unreadableItem(source, u.unreadable);
    return;
  }
  const t = u.record;
  const id = str(t.id_str) ?? str(t.id);
  if (!id) {
    yield skipItem(source, 'tweet without an id');
    return;
  }
  const raw = str(t.full_text) ?? str(t.text) ?? '';
  const created = str(t.created_at);
  const ms = created ? Date.parse(created) : NaN;
  const note = Number.isNaN(ms) ? null : notes.match(Math.floor(ms / 1000), raw);
  const entities = obj(t.entities);
  // A long post's cut text ends with a link to the post itself: not a link the author shared.
  const links = entityTexts(entities?.urls, 'expanded_url').filter((l) => !l.endsWith(`/status/${id}`));
  const media = [...arr(obj(t.extended_entities)?.media), ...(obj(t.extended_entities) ? [] : arr(entities?.media))];
  const replyTo = str(t.in_reply_to_screen_name);
  let kind: 'quote' | undefined;
  let quoted: string | null = null;
  // The archive has no quote field: a quote is a post linking another account's post (X shows it as a quote).
  if (!replyTo && !/^RT @/.test(raw)) {
    for (const l of [...links, ...(note?.links ?? [])]) {
      const s = parseXStatusUrl(l);
      if (s && s.handle.toLowerCase() !== (account.username ?? '').toLowerCase()) {
        kind = 'quote';
        quoted = s.handle;
        break;
      }
    }
  }
  const b = buildPost({
    id,
    platform: 'x',
    author: account.username,
    author_name: account.name,
    created_at: created,
    url: xStatusUrl(account.username, id),
    text: note ? note.text : unescapeX(raw),
    hashtags: [...entityTexts(entities?.hashtags, 'text'), ...(note?.hashtags ?? [])],
    mentions: [...entityTexts(entities?.user_mentions, 'screen_name'), ...(note?.mentions ?? [])],
    links: [...links, ...(note?.links ?? [])],
    media_text: media.map((m) => str(obj(m)?.ext_alt_text) ?? '').filter((x) => x !== ''),
    ...(kind ? { kind } : {}),
    repost_of: quoted,
    reply_to: replyTo,
    deleted,
    source,
  });
  yield* emit(b, source, opts);
}

function* noteItems(notes: Notes, account: Account, opts: ReadOptions): Generator<ReadItem> {
  const left = notes.all.filter((n) => !n.used);
  if (left.length === 0) return;
  opts.warn(`${left[0].source.file}: ${left.length} long post(s) matched no tweet in the archive; read on their own (no post URL)`, { summary: true });
  for (const n of left) {
    const b = buildPost({
      id: n.id ? `note-${n.id}` : '',
      platform: 'x',
      author: account.username,
      author_name: account.name,
      created_at: n.createdAt,
      text: n.text,
      hashtags: n.hashtags,
      mentions: n.mentions,
      links: n.links,
      source: n.source,
    });
    yield* emit(b, n.source, opts);
  }
}

/** Tweets of `files`; with `leftovers`, then the long posts no tweet claimed (only when the whole archive is read). */
async function* readTweets(files: { input: InputFile; deleted: boolean }[], account: Account, notes: Notes, leftovers: boolean, opts: ReadOptions): AsyncGenerator<ReadItem> {
  for (const { input, deleted } of files) {
    for await (const r of ytdElements(input)) {
      if ('error' in r) yield unreadableItem(r.source, r.error);
      else yield* tweetItems(r.value, r.source, account, notes, deleted, opts);
    }
  }
  if (leftovers) yield* noteItems(notes, account, opts);
}

// ---- likes ----

// like.js: `{"like": {"tweetId", "fullText", "expandedUrl"}}` (verified against public archive parsers; a like of a
// post since deleted or made private has only its tweetId). There is no date of the like and no author of the liked
// post: its author is known only when its link or its text ("RT @x: …") names it.

function* likeItems(value: unknown, source: SourceRef, account: Account, opts: ReadOptions): Generator<ReadItem> {
  const u = unwrapped(value, 'like');
  if ('unreadable' in u) {
    yield unreadableItem(source, u.unreadable);
    return;
  }
  const l = u.record;
  const id = str(l.tweetId);
  if (!id) {
    yield skipItem(source, 'like without a tweet id');
    return;
  }
  const expanded = str(l.expandedUrl);
  const link = expanded && /^https?:\/\//i.test(expanded) ? expanded : null;
  const b = buildPost({
    // Its own id space: an account can like its own tweet, which is then read twice, as the tweet and as the like.
    id: `like-${id}`,
    platform: 'x',
    author: account.username,
    author_name: account.name,
    // X keeps no time for a like.
    created_at: null,
    // The link works whoever wrote the post (x.com/i/web/status/ID) when the archive gives none.
    url: link ?? xStatusUrl(null, id),
    text: unescapeX(str(l.fullText) ?? ''),
    kind: 'like',
    repost_of: link ? (parseXStatusUrl(link)?.handle ?? null) : null,
    source,
  });
  yield* emit(b, source, opts);
}

async function* readLikes(inputs: InputFile[], account: Account, opts: ReadOptions): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    for await (const r of ytdElements(input)) {
      if ('error' in r) yield unreadableItem(r.source, r.error);
      else yield* likeItems(r.value, r.source, account, opts);
    }
  }
}

// ---- where the files are ----

/** The folder holding the archive's data files: `data/`, or the tree itself when given the data folder. */
async function dataDir(tree: Tree): Promise<string | null> {
  for (const d of ['data', '']) {
    const names = await tree.list(d);
    if (names.some((n) => /^(tweets?|deleted-tweets?|note-tweet|community-tweet)(-part\d+)?\.js$/.test(n))) return d;
    if (names.includes('manifest.js') && names.includes('account.js')) return d;
  }
  return null;
}

async function archiveFiles(tree: Tree, dir: string) {
  const at = (re: RegExp) => matching(tree, dir, re);
  const tweets = [...(await at(/^tweets?\.js$/)), ...(await at(/^tweets?-part\d+\.js$/)), ...(await at(/^community-tweet(-part\d+)?\.js$/))];
  const deleted = [...(await at(/^deleted-tweets?\.js$/)), ...(await at(/^deleted-tweets?-part\d+\.js$/))];
  const notes = [...(await at(/^note-tweet\.js$/)), ...(await at(/^note-tweet-part\d+\.js$/))];
  const likes = [...(await at(/^like\.js$/)), ...(await at(/^like-part\d+\.js$/))];
  const account = (await at(/^account\.js$/))[0];
  const manifest = (await at(/^manifest\.js$/))[0];
  return { tweets, deleted, notes, likes, account, manifest };
}

async function* readArchive(tree: Tree, dir: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const f = await archiveFiles(tree, dir);
  const account = await accountOf(tree, f);
  // Without the account a post still has its link (x.com/i/web/status/ID works for any account); what is missing is
  // who wrote it, so it cannot be matched to an employee.
  if (!account.username) opts.warn(`${tree.name}: no account.js or manifest.js naming the account; posts have no author (the handle and name are in account.js, or in manifest.js)`, { summary: true });
  const notes = await readNotes(f.notes.map((n) => tree.input(n)), opts);
  const files = [...f.tweets.map((p) => ({ input: tree.input(p), deleted: false })), ...f.deleted.map((p) => ({ input: tree.input(p), deleted: true }))];
  yield* readTweets(files, account, notes, true, opts);
  yield* readLikes(f.likes.map((l) => tree.input(l)), account, opts);
}

export const xArchive: Format & TreeFormat = {
  id: 'x-archive',
  description: 'X/Twitter archive: the .zip, the unpacked folder, or data/tweets.js (also tweet.js, parts, deleted-tweets.js, note-tweet.js, like.js)',
  detect(head) {
    return ytdType(head) !== null ? 0.98 : 0;
  },
  async detectTree(tree) {
    return (await dataDir(tree)) !== null ? 0.98 : 0;
  },
  async *readTree(tree, opts) {
    const dir = await dataDir(tree);
    if (dir === null) throw new InputError(`${tree.name}: no X archive data here (expected data/tweets.js)`);
    yield* readArchive(tree, dir, opts);
  },
  async *read(input, opts) {
    const type = ytdType(await input.head(512));
    if (type === null) throw new InputError(`${input.name}: not an X archive file (it should start with "window.YTD.")`);
    if (type in NOT_READ) throw new InputError(`${input.name}: holds ${NOT_READ[type]}; give tweets.js or the whole archive`);
    const post = POSTS[type];
    if (!post && type !== 'note_tweet' && type !== 'like') throw new InputError(`${input.name}: holds X archive data of type "${type}", which netral does not read; give tweets.js or the whole archive`);
    // A file from an unpacked archive: its siblings (account.js, note-tweet.js) complete it. They are read as UTF-8
    // whatever they were saved as, like the file itself (InputSet reads every input so).
    const siblings = input.path ? utf8Tree(folderTree(path.dirname(input.path))) : null;
    const f = siblings ? await archiveFiles(siblings, '') : null;
    const account = f && siblings ? await accountOf(siblings, f) : NO_ACCOUNT;
    if (!account.username) opts.warn(`${input.name}: no account.js or manifest.js naming the account next to it; posts have no author (the handle and name are in account.js, or in manifest.js; give the whole archive)`, { summary: true });
    if (type === 'note_tweet') {
      yield* noteItems(await readNotes([input], opts), account, opts);
      return;
    }
    if (type === 'like') {
      yield* readLikes([input], account, opts);
      return;
    }
    const notes = f && siblings ? await readNotes(f.notes.map((n) => siblings.input(n)), opts) : new Notes();
    // Long posts of other part files would be left over here: they are read with the whole archive only.
    yield* readTweets([{ input, deleted: post.deleted }], account, notes, false, opts);
  },
};
