// snscrape's X output (`snscrape --jsonl twitter-user NAME`): one tweet per line, `_type`
// "snscrape.modules.twitter.Tweet", with `url`, `date` (ISO), `rawContent` (`content` in older versions),
// `user{username, displayname}`, `hashtags`, `mentionedUsers`, `links`, `media[].altText`, and the full
// `retweetedTweet` / `quotedTweet` objects, `inReplyToTweetId` / `inReplyToUser`.
//
// `id` is written as a bare number above 2^53, which JSON.parse would round: the id is taken from `url` (and the
// raw text is parsed with big numbers kept as strings). A retweet's own text is cut ("RT @x: …"); the retweeted
// tweet's full text is read instead, as a repost of its author.

import type { PostKind, SourceRef } from '../../model.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { jsonRecords } from '../json-records.js';
import { buildPost } from '../record.js';
import type { Format, ReadItem, ReadOptions } from '../types.js';
import { parseXStatusUrl, unescapeX } from '../x-text.js';
import { str, obj, arr, type Obj, headText } from './values.js';

const contentOf = (t: Obj | null) => unescapeX(str(t?.rawContent) ?? str(t?.content) ?? '');
const userOf = (t: Obj | null) => obj(t?.user);

function* tweetItems(value: unknown, source: SourceRef, opts: ReadOptions): Generator<ReadItem> {
  const t = obj(value);
  if (!t) {
    yield unreadableItem(source, 'record is not an object');
    return;
  }
  const url = str(t.url);
  const id = (url ? parseXStatusUrl(url)?.id : null) ?? str(t.id);
  if (!id) {
    yield skipItem(source, 'tweet without url or id');
    return;
  }
  const user = userOf(t);
  const rt = obj(t.retweetedTweet);
  const quoted = obj(t.quotedTweet);
  const shown = rt ?? t;
  let kind: PostKind | undefined;
  if (rt) kind = 'repost';
  else if (quoted) kind = 'quote';
  else if (t.inReplyToTweetId !== null && t.inReplyToTweetId !== undefined) kind = 'reply';
  const b = buildPost({
    id,
    platform: 'x',
    author: str(user?.username),
    author_name: str(user?.displayname) ?? str(user?.displayName),
    created_at: str(t.date),
    url,
    text: contentOf(shown),
    hashtags: arr(shown.hashtags).map((h) => str(h) ?? ''),
    mentions: arr(shown.mentionedUsers).map((u) => str(obj(u)?.username) ?? ''),
    links: [...arr(shown.links).map((l) => str(obj(l)?.url) ?? ''), ...arr(shown.outlinks).map((l) => str(l) ?? '')].filter((x) => x !== ''),
    media_text: arr(shown.media)
      .map((m) => str(obj(m)?.altText) ?? '')
      .filter((x) => x !== ''),
    ...(kind ? { kind } : {}),
    repost_of: rt ? str(userOf(rt)?.username) : quoted ? str(userOf(quoted)?.username) : null,
    reply_to: kind === 'reply' ? str(obj(t.inReplyToUser)?.username) : null,
    source,
  });
  yield* emit(b, source, opts);
}

export const snscrape: Format = {
  id: 'snscrape',
  description: 'snscrape X/Twitter output (JSON Lines)',
  detect(head) {
    const s = headText(head);
    if (!s.startsWith('{') && !s.startsWith('[')) return 0;
    if (/"_type"\s*:\s*"snscrape\.modules\.twitter\.Tweet"/.test(s)) return 0.97;
    return /"(rawContent|renderedContent)"\s*:/.test(s) && /"url"\s*:\s*"https:\/\/(twitter|x)\.com\/[^"]+\/status\//.test(s) ? 0.95 : 0;
  },
  async *read(input, opts) {
    for await (const r of jsonRecords(input)) {
      if ('error' in r) yield unreadableItem(r.source, r.error);
      else yield* tweetItems(r.value, r.source, opts);
    }
  },
};
