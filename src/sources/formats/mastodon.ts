// Mastodon, two ways.
//
// `mastodon-archive`: the account archive from Settings → Import and export → Request your archive — a .zip
// (Mastodon 4.1 and later) or .tar.gz (older), unpacked or not, or its outbox.json alone. outbox.json is an
// ActivityPub OrderedCollection whose `orderedItems` are `Create` (a post: object Note with HTML `content`,
// `published`, `url`, `tag[]` of Hashtag and Mention, `attachment[]` with alt text in `name`) or `Announce` (a
// boost: only the boosted post's address). actor.json gives the display name. Visibility is in the addressing:
// posts to the public collection are public (in `to`) or unlisted (in `cc`); anything else is followers-only or
// a direct message and is left out — counted as skipped — unless --include-private is given.
//
// `mastodon-api`: saved responses of GET /api/v1/accounts/:id/statuses (a JSON array of statuses, several pages as
// an array of arrays or as JSON Lines). A boost carries the boosted status in `reblog`; `visibility` says who
// could see it.
//
// Authors are written `user@server`, the same whichever server the data came from.

import type { PostKind, SourceRef } from '../../model.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { loadHtmlReader, type HtmlReader } from '../html-text.js';
import { jsonRecords, parsedElements } from '../json-records.js';
import { buildPost, type PostInput } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions, Tree, TreeFormat } from '../types.js';
import { str, obj, type Obj, headText } from './values.js';

// `to`, `cc`, `tag`, `attachment` may be a single value or a list.
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

const PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

/** `https://host/users/name` or `https://host/@name/…` → `name@host`. */
export function handleFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = /^https?:\/\/([^/]+)\/(?:users\/([^/]+)|@([^/@]+))/.exec(url);
  if (!m) return null;
  return `${decodeURIComponent(m[2] ?? m[3])}@${m[1]}`;
}

/**
 * A status's number on its home server, from its ActivityPub id (`…/statuses/111780000000000002`, a boost's
 * `…/statuses/111790000000000003/activity`): the id the Mastodon API — and `netral fetch` — give the same
 * status, so a post has one id whichever way it was obtained. Other servers' ids are kept whole.
 */
export function statusNumber(id: string | null): string | null {
  if (!id) return null;
  return /\/statuses\/(\d+)(?:\/activity)?$/.exec(id)?.[1] ?? id;
}

/**
 * An API account as `user@server`: `acct` has no server for accounts of the server the data came from. That
 * server's handle domain is `localDomain` when known (WebFinger says it; on a server whose web address differs
 * from its handles' domain, the profile address would name the wrong one), else the profile address's host.
 */
function acctOfServer(account: Obj | null, localDomain: string | null): string | null {
  const acct = str(account?.acct);
  if (!acct) return handleFromUrl(str(account?.url));
  if (acct.includes('@')) return acct;
  const host = localDomain ?? /^https?:\/\/([^/]+)/.exec(str(account?.url) ?? '')?.[1];
  return host ? `${acct}@${host}` : acct;
}

function withWarning(spoiler: string | null, body: string): string {
  return spoiler && spoiler.trim() !== '' ? `${spoiler.trim()}\n\n${body}` : body;
}

// ---- archive (ActivityPub) ----

function visibility(activity: Obj, object: Obj | null): 'public' | 'unlisted' | 'followers' | 'direct' {
  const to = [...list(activity.to), ...list(object?.to)].map(str);
  const cc = [...list(activity.cc), ...list(object?.cc)].map(str);
  if (to.some((x) => x !== null && PUBLIC.has(x))) return 'public';
  if (cc.some((x) => x !== null && PUBLIC.has(x))) return 'unlisted';
  if ([...to, ...cc].some((x) => x?.endsWith('/followers'))) return 'followers';
  return 'direct';
}

const PRIVATE_REASON = {
  followers: 'followers-only post (use --include-private to read it)',
  direct: 'direct message (use --include-private to read it)',
};

interface Actor {
  handle: string | null;
  name: string | null;
}

function* activityItems(value: unknown, source: SourceRef, actor: Actor, read: HtmlReader, opts: ReadOptions): Generator<ReadItem> {
  const a = obj(value);
  if (!a) {
    yield unreadableItem(source, 'record is not an object');
    return;
  }
  const type = str(a.type);
  const object = obj(a.object);
  if (type !== 'Create' && type !== 'Announce') {
    yield skipItem(source, `activity of type ${type ?? 'unknown'}, not a post`);
    return;
  }
  const vis = visibility(a, object);
  if ((vis === 'followers' || vis === 'direct') && !opts.includePrivate) {
    yield skipItem(source, PRIVATE_REASON[vis]);
    return;
  }
  const author = handleFromUrl(str(a.actor)) ?? actor.handle;
  if (type === 'Announce') {
    const target = str(a.object) ?? str(object?.id);
    const b = buildPost({
      id: statusNumber(str(a.id)) ?? '',
      platform: 'mastodon',
      author,
      author_name: actor.name,
      created_at: str(a.published),
      url: target,
      text: '',
      kind: 'repost',
      repost_of: handleFromUrl(target) ?? target,
      source,
    });
    yield* emit(b, source, opts);
    return;
  }
  if (!object) {
    yield skipItem(source, 'Create without an object');
    return;
  }
  const otype = str(object.type);
  if (otype !== 'Note' && otype !== 'Question' && otype !== 'Article' && otype !== 'Page') {
    yield skipItem(source, `object of type ${otype ?? 'unknown'}, not a post`);
    return;
  }
  const tags = list(object.tag).map(obj);
  const options = [...list(object.oneOf), ...list(object.anyOf)].map((o) => str(obj(o)?.name) ?? '');
  const inReplyTo = str(object.inReplyTo);
  const body = read(str(object.content) ?? '');
  const b = buildPost({
    id: statusNumber(str(object.id) ?? str(a.id)) ?? '',
    platform: 'mastodon',
    author: handleFromUrl(str(object.attributedTo)) ?? author,
    author_name: actor.name,
    created_at: str(object.published) ?? str(a.published),
    url: str(object.url) ?? str(object.id),
    text: withWarning(str(object.summary), body.text),
    links: body.links,
    hashtags: tags.filter((t) => str(t?.type) === 'Hashtag').map((t) => str(t?.name) ?? ''),
    mentions: tags.filter((t) => str(t?.type) === 'Mention').map((t) => str(t?.name) ?? ''),
    media_text: [...list(object.attachment).map((m) => str(obj(m)?.name) ?? ''), ...options].filter((x) => x !== ''),
    ...(inReplyTo ? { kind: 'reply' as PostKind } : {}),
    reply_to: handleFromUrl(inReplyTo),
    source,
  });
  yield* emit(b, source, opts);
}

async function readActor(tree: Tree | null): Promise<Actor> {
  if (!tree || !(await tree.list('')).includes('actor.json')) return { handle: null, name: null };
  for await (const r of jsonRecords(tree.input('actor.json'))) {
    const a = 'value' in r ? obj(r.value) : null;
    if (!a) break;
    const user = str(a.preferredUsername);
    const host = /^https?:\/\/([^/]+)/.exec(str(a.id) ?? str(a.url) ?? '')?.[1];
    return { handle: user && host ? `${user}@${host}` : user, name: str(a.name) };
  }
  return { handle: null, name: null };
}

async function* readOutbox(input: InputFile, actor: Actor, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const read = await loadHtmlReader();
  // Mastodon writes outbox.json on one line, however large: it is streamed by key, never read as a line, and
  // records are named by number (a line number would say nothing).
  for await (const r of parsedElements(input, { keys: ['orderedItems'] }, false)) {
    if ('error' in r) yield unreadableItem(r.source, r.error);
    else yield* activityItems(r.value, r.source, actor, read, opts);
  }
}

function looksLikeOutbox(head: string): boolean {
  return /"orderedItems"\s*:/.test(head) && /"OrderedCollection"/.test(head);
}

export const mastodonArchive: Format & TreeFormat = {
  id: 'mastodon-archive',
  description: 'Mastodon account archive: the .zip or .tar.gz, the folder, or outbox.json',
  detect(head) {
    const s = headText(head);
    return s.startsWith('{') && looksLikeOutbox(s) ? 0.97 : 0;
  },
  async detectTree(tree) {
    return (await tree.list('')).includes('outbox.json') ? 0.97 : 0;
  },
  async *readTree(tree, opts) {
    const actor = await readActor(tree);
    yield* readOutbox(tree.input('outbox.json'), actor, opts);
  },
  async *read(input, opts) {
    yield* readOutbox(input, { handle: null, name: null }, opts);
  },
};

// ---- API responses ----

/**
 * An API status as post fields, or why it is left out: the one conversion for saved responses and `netral fetch`,
 * so a status reads the same (and its findings have the same fingerprints) whichever way it was obtained.
 */
/** `localDomain`: the handle domain of the server the status came from, when known (see acctOfServer). */
export function statusInput(s: Obj, read: HtmlReader, includePrivate: boolean, localDomain: string | null = null): Omit<PostInput, 'source'> | { skip: string } {
  const acctOf = (a: Obj | null) => acctOfServer(a, localDomain);
  const vis = str(s.visibility);
  if ((vis === 'private' || vis === 'direct') && !includePrivate) return { skip: vis === 'private' ? PRIVATE_REASON.followers : PRIVATE_REASON.direct };
  const account = obj(s.account);
  const reblog = obj(s.reblog);
  const shown = reblog ?? s;
  const mentions = list(shown.mentions).map(obj);
  const replyAccount = str(shown.in_reply_to_account_id);
  const replyTo = replyAccount ? (acctOf(mentions.find((m) => str(m?.id) === replyAccount) ?? null) ?? (replyAccount === str(obj(shown.account)?.id) ? acctOf(obj(shown.account)) : null)) : null;
  // Quotes (Mastodon 4.4 and later) carry the quoted status.
  const quoted = obj(obj(s.quote)?.quoted_status);
  const body = read(str(shown.content) ?? '');
  const card = str(obj(shown.card)?.url);
  let kind: PostKind | undefined;
  if (reblog) kind = 'repost';
  else if (quoted) kind = 'quote';
  else if (replyAccount || str(shown.in_reply_to_id)) kind = 'reply';
  return {
    id: str(s.id) ?? str(s.uri) ?? '',
    platform: 'mastodon',
    author: acctOf(account),
    author_name: str(account?.display_name),
    created_at: str(s.created_at),
    // The API writes UTC; a time without an offset is read as UTC too, whichever way the status came.
    naiveZone: 'UTC',
    url: str(shown.url) ?? str(shown.uri),
    text: withWarning(str(shown.spoiler_text), body.text),
    hashtags: list(shown.tags).map((t) => str(obj(t)?.name) ?? ''),
    mentions: mentions.map((m) => acctOf(m) ?? ''),
    links: [...body.links, ...(card && !body.links.includes(card) ? [card] : [])],
    // Poll options are words the author wrote.
    media_text: [...list(shown.media_attachments).map((m) => str(obj(m)?.description) ?? ''), ...list(obj(shown.poll)?.options).map((o) => str(obj(o)?.title) ?? '')].filter((x) => x !== ''),
    ...(kind ? { kind } : {}),
    repost_of: reblog ? acctOf(obj(reblog.account)) : quoted ? acctOf(obj(quoted.account)) : null,
    reply_to: kind === 'reply' ? replyTo : null,
  };
}

function* statusItems(value: unknown, source: SourceRef, read: HtmlReader, opts: ReadOptions): Generator<ReadItem> {
  const s = obj(value);
  if (!s) {
    yield unreadableItem(source, 'record is not an object');
    return;
  }
  const input = statusInput(s, read, opts.includePrivate === true);
  if ('skip' in input) {
    yield skipItem(source, input.skip);
    return;
  }
  yield* emit(buildPost({ ...input, source }), source, opts);
}

function looksLikeStatuses(head: string): boolean {
  return /"account"\s*:\s*\{/.test(head) && /"visibility"\s*:\s*"(public|unlisted|private|direct)"/.test(head) && /"content"\s*:/.test(head);
}

export const mastodonApi: Format = {
  id: 'mastodon-api',
  description: 'Saved Mastodon API statuses (GET /api/v1/accounts/:id/statuses): a JSON array, pages, or JSON Lines',
  detect(head) {
    const s = headText(head);
    return (s.startsWith('[') || s.startsWith('{')) && looksLikeStatuses(s) ? 0.96 : 0;
  },
  async *read(input, opts) {
    const read = await loadHtmlReader();
    // Statuses are numbered across pages (a saved page is an array of them; the line is the page's).
    let n = 0;
    for await (const r of jsonRecords(input)) {
      if ('error' in r) {
        yield unreadableItem({ ...r.source, record: ++n }, r.error);
        continue;
      }
      for (const s of Array.isArray(r.value) ? r.value : [r.value]) yield* statusItems(s, { ...r.source, record: ++n }, read, opts);
    }
  },
};
