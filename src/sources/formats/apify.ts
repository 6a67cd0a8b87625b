// Datasets of the Apify scrapers analysts use for public profiles, exported as JSON (an array) or JSONL:
//   apify-instagram  Instagram Scraper / Instagram Post Scraper: id, shortCode, url, caption, hashtags, mentions,
//                    timestamp (ISO), ownerUsername, ownerFullName, alt (the image description), childPosts[]
//   apify-tiktok     TikTok Scraper: id, text, createTimeISO (createTime in Unix seconds), webVideoUrl,
//                    authorMeta{name, nickName}, hashtags[{name}], mentions ["@x"]
//   apify-facebook   Facebook Posts Scraper: postId, url, time (ISO), user{name, profileUrl}, pageName, text,
//                    textReferences[{url}] (hashtags appear only as /hashtag/ links), link, media[]{ocrText}
// A scraper writes an item with `error` (and `errorDescription`) for each profile or URL it could not read; such
// items are skipped, and the reason shows what failed.

import type { PostKind, SourceRef } from '../../model.js';
import { emit, skipItem, sourceFailedItem, unreadableItem } from '../emit.js';
import { jsonRecords } from '../json-records.js';
import { buildPost, type PostInput } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions } from '../types.js';
import { str, obj, arr, strings, type Obj, headText } from './values.js';
import { readListCell } from '../list-cell.js';
import { facebookHandle } from './facebook.js';

/** The failure an error item reports, or null for a real item. */
function scraperError(o: Obj): string | null {
  const failed = o.error !== undefined && o.error !== null && o.error !== false ? str(o.error) || 'error' : o['#error'] === true ? 'error' : str(o.status) === 'failed' ? 'failed' : null;
  if (failed === null) return null;
  const what = str(o.inputUrl) ?? str(o.input) ?? str(o.url) ?? str(o.username) ?? null;
  const desc = str(o.errorDescription) ?? str(o.errorMessage) ?? str(o.message);
  return `the scraper reported an error${what ? ` for ${what}` : ''}: ${failed}${desc ? ` (${desc})` : ''}`;
}

async function* readDataset(input: InputFile, opts: ReadOptions, map: (o: Obj, source: SourceRef) => PostInput | { skip: string }): AsyncGenerator<ReadItem> {
  for await (const r of jsonRecords(input)) {
    if ('error' in r) {
      yield unreadableItem(r.source, r.error);
      continue;
    }
    const o = obj(r.value);
    if (!o) {
      yield unreadableItem(r.source, 'record is not an object');
      continue;
    }
    const err = scraperError(o);
    if (err) {
      // Said and skipped; a dataset of nothing else (every account failed: blocked, all private) is an input error.
      yield sourceFailedItem(r.source, err);
      continue;
    }
    const p = map(o, r.source);
    if ('skip' in p) yield skipItem(r.source, p.skip);
    else yield* emit(buildPost(p), r.source, opts);
  }
}

const jsonish = (s: string) => s.startsWith('[') || s.startsWith('{');

/** A list of tags or handles; some scraper versions give one text ("#a #b", "a, b"), read as a spreadsheet cell is. */
const tagList = (v: unknown, field: 'hashtags' | 'mentions'): string[] => (typeof v === 'string' ? readListCell(field, v) : strings(v));

export const apifyInstagram: Format = {
  id: 'apify-instagram',
  description: 'Apify Instagram scraper dataset (JSON or JSONL)',
  detect(head) {
    const s = headText(head);
    return jsonish(s) && /"shortCode"\s*:/.test(s) && /"(ownerUsername|caption|inputUrl)"\s*:/.test(s) ? 0.96 : 0;
  },
  read: (input, opts) =>
    readDataset(input, opts, (o, source) => {
      const shortCode = str(o.shortCode);
      const id = str(o.id) ?? shortCode;
      if (!id) return { skip: 'item without id or shortCode' };
      return {
        id,
        platform: 'instagram',
        author: str(o.ownerUsername),
        author_name: str(o.ownerFullName),
        created_at: str(o.timestamp),
        url: str(o.url) ?? (shortCode ? `https://www.instagram.com/p/${shortCode}/` : null),
        text: str(o.caption) ?? '',
        hashtags: tagList(o.hashtags, 'hashtags'),
        mentions: tagList(o.mentions, 'mentions'),
        media_text: [str(o.alt) ?? '', ...arr(o.childPosts).map((c) => str(obj(c)?.alt) ?? '')].filter((x) => x !== ''),
        source,
      };
    }),
};

export const apifyTiktok: Format = {
  id: 'apify-tiktok',
  description: 'Apify TikTok scraper dataset (JSON or JSONL)',
  detect(head) {
    const s = headText(head);
    return jsonish(s) && (/"webVideoUrl"\s*:/.test(s) || (/"authorMeta"\s*:/.test(s) && /"createTime(ISO)?"\s*:/.test(s))) ? 0.96 : 0;
  },
  read: (input, opts) =>
    readDataset(input, opts, (o, source) => {
      const id = str(o.id);
      if (!id) return { skip: 'item without id' };
      const author = obj(o.authorMeta);
      return {
        id,
        platform: 'tiktok',
        author: str(author?.name) ?? str(author?.uniqueId),
        author_name: str(author?.nickName) ?? str(author?.nickname),
        created_at: str(o.createTimeISO) ?? (typeof o.createTime === 'number' ? o.createTime : str(o.createTime)),
        url: str(o.webVideoUrl),
        text: str(o.text) ?? '',
        hashtags: arr(o.hashtags).map((h) => str(obj(h)?.name) ?? str(h) ?? ''),
        mentions: strings(o.mentions),
        source,
      };
    }),
};

export const apifyFacebook: Format = {
  id: 'apify-facebook',
  description: 'Apify Facebook posts scraper dataset (JSON or JSONL)',
  detect(head) {
    const s = headText(head);
    return jsonish(s) && /"postId"\s*:/.test(s) && /"(facebookUrl|pageName|topReactionsCount|textReferences)"\s*:/.test(s) ? 0.96 : 0;
  },
  read: (input, opts) =>
    readDataset(input, opts, (o, source) => {
      const id = str(o.postId) ?? str(o.id);
      if (!id) return { skip: 'item without postId' };
      const user = obj(o.user);
      const refs = arr(o.textReferences).map((t) => str(obj(t)?.url) ?? '');
      const hashtags = refs.map((u) => /\/hashtag\/([^/?#]+)/.exec(u)?.[1]).filter((t): t is string => !!t).map((t) => decodeURIComponent(t));
      const shared = obj(o.sharedPost);
      return {
        id,
        platform: 'facebook',
        author: str(o.pageName) ?? facebookHandle(str(user?.profileUrl)) ?? str(user?.name),
        author_name: str(user?.name),
        created_at: str(o.time) ?? (typeof o.timestamp === 'number' ? o.timestamp : null),
        url: str(o.url) ?? str(o.topLevelUrl),
        text: str(o.text) ?? '',
        hashtags,
        links: [str(o.link) ?? '', ...refs.filter((u) => u !== '' && !/\/hashtag\//.test(u))].filter((x) => x !== ''),
        media_text: arr(o.media)
          .map((m) => str(obj(m)?.ocrText) ?? '')
          .filter((x) => x !== ''),
        ...(shared ? { kind: 'repost' as PostKind, repost_of: str(obj(shared.user)?.name) ?? str(shared.pageName) } : {}),
        source,
      };
    }),
};
