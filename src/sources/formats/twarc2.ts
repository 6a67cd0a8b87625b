// twarc2 output (X API v2), both forms it writes:
//   raw      one API response per line: `{data:[tweets], includes:{users, tweets, media}, meta, __twarc}`; authors,
//            retweeted/quoted tweets and media are looked up in `includes`
//   flat     after `twarc2 flatten`: one tweet per line with `author`, `referenced_tweets[]` (full tweets),
//            `in_reply_to_user` and `attachments.media[]` filled in
// A retweet's own `text` is cut ("RT @x: …"); the retweeted tweet's full text is read instead (its `note_tweet`
// for long posts), as a repost of its author. The API escapes &, < and > in text; they are unescaped.

import type { PostKind, SourceRef } from '../../model.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { jsonRecords } from '../json-records.js';
import { buildPost } from '../record.js';
import type { Format, ReadItem, ReadOptions } from '../types.js';
import { unescapeX, xStatusUrl } from '../x-text.js';
import { str, obj, arr, type Obj, headText } from './values.js';

interface Includes {
  users: Map<string, Obj>;
  tweets: Map<string, Obj>;
  media: Map<string, Obj>;
}

function byKey(list: unknown, key: string): Map<string, Obj> {
  const m = new Map<string, Obj>();
  for (const x of arr(list)) {
    const o = obj(x);
    const k = str(o?.[key]);
    if (o && k) m.set(k, o);
  }
  return m;
}

function includesOf(page: Obj): Includes {
  const inc = obj(page.includes);
  return { users: byKey(inc?.users, 'id'), tweets: byKey(inc?.tweets, 'id'), media: byKey(inc?.media, 'media_key') };
}

const NONE: Includes = { users: new Map(), tweets: new Map(), media: new Map() };

const fullText = (t: Obj | null) => unescapeX(str(obj(t?.note_tweet)?.text) ?? str(t?.text) ?? '');
const authorOf = (t: Obj | null, inc: Includes) => obj(t?.author) ?? inc.users.get(str(t?.author_id) ?? '') ?? null;

function* tweetItems(t: Obj, source: SourceRef, inc: Includes, opts: ReadOptions): Generator<ReadItem> {
  const id = str(t.id);
  if (!id) {
    yield skipItem(source, 'tweet without an id');
    return;
  }
  const author = authorOf(t, inc);
  const refs = arr(t.referenced_tweets).map(obj);
  const ref = (type: string) => {
    const r = refs.find((x) => str(x?.type) === type);
    if (!r) return null;
    // Flattened output carries the referenced tweet in place; raw output has it in includes.
    return str(r.text) !== null ? r : (inc.tweets.get(str(r.id) ?? '') ?? r);
  };
  const rt = ref('retweeted');
  const quoted = ref('quoted');
  const replied = refs.some((x) => str(x?.type) === 'replied_to');
  const shown = rt && str(rt.text) !== null ? rt : t;
  const entities = obj(shown.entities);
  const mediaKeys = arr(obj(shown.attachments)?.media_keys).map((k) => inc.media.get(str(k) ?? ''));
  const media = [...arr(obj(shown.attachments)?.media).map(obj), ...mediaKeys];
  const replyUser = obj(t.in_reply_to_user) ?? inc.users.get(str(t.in_reply_to_user_id) ?? '') ?? null;
  let kind: PostKind | undefined;
  if (rt) kind = 'repost';
  else if (quoted) kind = 'quote';
  else if (replied || str(t.in_reply_to_user_id)) kind = 'reply';
  const b = buildPost({
    id,
    platform: 'x',
    author: str(author?.username),
    author_name: str(author?.name),
    created_at: str(t.created_at),
    url: xStatusUrl(str(author?.username), id),
    // A retweet whose original is missing from the data keeps its own (cut) text: "RT @x: …".
    text: fullText(shown),
    hashtags: arr(entities?.hashtags).map((h) => str(obj(h)?.tag) ?? ''),
    mentions: arr(entities?.mentions).map((m) => str(obj(m)?.username) ?? ''),
    links: arr(entities?.urls)
      .map((u) => str(obj(u)?.unwound_url) ?? str(obj(u)?.expanded_url) ?? '')
      .filter((u) => u !== ''),
    media_text: media.map((m) => str(m?.alt_text) ?? '').filter((x) => x !== ''),
    ...(kind ? { kind } : {}),
    repost_of: rt ? str(authorOf(rt, inc)?.username) : quoted ? str(authorOf(quoted, inc)?.username) : null,
    reply_to: kind === 'reply' ? str(replyUser?.username) : null,
    source,
  });
  yield* emit(b, source, opts);
}

export const twarc2: Format = {
  id: 'twarc2',
  description: 'twarc2 output (X API v2): raw response pages or flattened tweets, JSON Lines',
  detect(head) {
    const s = headText(head);
    if (!s.startsWith('{') && !s.startsWith('[')) return 0;
    if (/"__twarc"\s*:/.test(s)) return 0.97;
    return /"data"\s*:\s*\[/.test(s) && /"includes"\s*:/.test(s) && /"author_id"\s*:/.test(s) ? 0.95 : /"edit_history_tweet_ids"\s*:/.test(s) && /"author_id"\s*:/.test(s) ? 0.92 : 0;
  },
  async *read(input, opts) {
    let n = 0;
    for await (const r of jsonRecords(input)) {
      if ('error' in r) {
        yield unreadableItem({ ...r.source, record: ++n }, r.error);
        continue;
      }
      const o = obj(r.value);
      if (!o) {
        yield skipItem({ ...r.source, record: ++n }, 'record is not an object');
        continue;
      }
      // A raw line is a page of tweets (numbered across pages); a flattened line is one tweet.
      const page = Array.isArray(o.data);
      const inc = page ? includesOf(o) : NONE;
      for (const t of page ? arr(o.data) : [o]) {
        const tw = obj(t);
        if (tw) yield* tweetItems(tw, { ...r.source, record: ++n }, inc, opts);
        else yield skipItem({ ...r.source, record: ++n }, 'tweet is not an object');
      }
    }
  },
};
