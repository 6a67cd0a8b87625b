// Instaloader's metadata files: `{date}_UTC.json.xz` (LZMA-compressed, the default) or `{date}_UTC.json`
// (--no-compress-json), one post each, as `{node:{…}, instaloader:{node_type, version}}`. The node is Instagram's
// GraphQL post: `shortcode`, `taken_at_timestamp`, the caption in `edge_media_to_caption.edges[0].node.text` (or
// `caption`), `owner.username`, `accessibility_caption` (Instagram's description of the image). A profile folder
// of such files is read as one input; a single file as one input of one post. Comment files (other people's
// words) and profile files are not posts and are not read.

import { InputError } from '../../errors.js';
import { HEAD_BYTES } from '../head.js';
import type { SourceRef } from '../../model.js';
import { decompressedInput } from '../archive/compressed.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { jsonRecords } from '../json-records.js';
import { buildPost } from '../record.js';
import type { Format, InputFile, ReadItem, ReadOptions, TreeFormat } from '../types.js';
import { str, obj, arr, type Obj, headText } from './values.js';

const POST_FILE = /_UTC(_\d+)?\.json(\.xz)?$/;

function captionOf(node: Obj): string {
  const edge = obj(arr(obj(node.edge_media_to_caption)?.edges)[0]);
  const fromEdge = str(obj(edge?.node)?.text);
  if (fromEdge !== null) return fromEdge;
  const cap = node.caption;
  return str(cap) ?? str(obj(cap)?.text) ?? '';
}

function* postItems(value: unknown, source: SourceRef, opts: ReadOptions): Generator<ReadItem> {
  const o = obj(value);
  const node = obj(o?.node);
  if (!node) {
    yield skipItem(source, 'not an Instaloader post (no "node")');
    return;
  }
  const type = str(obj(o?.instaloader)?.node_type) ?? 'Post';
  if (type !== 'Post' && type !== 'StoryItem') {
    yield skipItem(source, `Instaloader ${type} metadata, not a post`);
    return;
  }
  const shortcode = str(node.shortcode) ?? str(node.code);
  const owner = obj(node.owner);
  const username = str(owner?.username);
  const children = arr(obj(node.edge_sidecar_to_children)?.edges).map((e) => str(obj(obj(e)?.node)?.accessibility_caption) ?? '');
  const id = type === 'StoryItem' ? str(node.id) : (shortcode ?? str(node.id));
  const b = buildPost({
    id: id ?? '',
    platform: 'instagram',
    author: username,
    author_name: str(owner?.full_name),
    created_at: typeof node.taken_at_timestamp === 'number' ? node.taken_at_timestamp : (str(node.taken_at_timestamp) ?? str(node.date)),
    url: type === 'StoryItem' ? (username && id ? `https://www.instagram.com/stories/${username}/${id}/` : null) : shortcode ? `https://www.instagram.com/p/${shortcode}/` : null,
    text: captionOf(node),
    media_text: [str(node.accessibility_caption) ?? '', ...children].filter((x) => x !== ''),
    source,
  });
  yield* emit(b, source, opts);
}

async function* readPost(input: InputFile, opts: ReadOptions): AsyncGenerator<ReadItem> {
  for await (const r of jsonRecords(input)) {
    if ('error' in r) yield unreadableItem(r.source, r.error);
    else yield* postItems(r.value, r.source, opts);
  }
}

function looksLikeInstaloader(head: string): boolean {
  return /"instaloader"\s*:\s*\{/.test(head) && /"node"\s*:\s*\{/.test(head);
}

export const instaloader: Format & TreeFormat = {
  id: 'instaloader',
  description: 'Instaloader metadata: a profile folder of *_UTC.json.xz (or .json) files, or one such file',
  detect(head) {
    const s = headText(head, HEAD_BYTES);
    return s.startsWith('{') && looksLikeInstaloader(s) ? 0.97 : 0;
  },
  async detectTree(tree) {
    return (await tree.list('')).some((n) => POST_FILE.test(n)) ? 0.95 : 0;
  },
  async *readTree(tree, opts) {
    const files = (await tree.list('')).filter((n) => POST_FILE.test(n));
    for (const f of files) {
      const input = f.endsWith('.xz') ? decompressedInput(tree.input(f), 'xz') : tree.input(f);
      try {
        yield* readPost(input, opts);
      } catch (e) {
        // One damaged file of a profile folder is that post lost, not the folder: it is counted and named.
        if (!(e instanceof InputError)) throw e;
        // The error's own place and words: its position becomes the skip's, so the reason does not repeat it.
        const p = e.position;
        if (p) yield skipItem({ file: p.file, line: p.line }, p.column !== undefined ? `column ${p.column}: ${e.detail}` : e.detail);
        else yield skipItem({ file: input.name }, e.message.startsWith(`${input.name}:`) ? e.message.slice(input.name.length + 1).trim() : e.message);
      }
    }
  },
  read: (input, opts) => readPost(input, opts),
};
