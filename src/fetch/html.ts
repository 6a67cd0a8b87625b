// HTML as post text: Mastodon statuses, RSS descriptions and page bodies are HTML, but rules read words. Tags go,
// entities are decoded (by the parser), and paragraphs and <br> stay line breaks, because line structure is part of
// what the analyst reads. cheerio is loaded only when a fetch needs it.

import type { CheerioAPI } from 'cheerio';

type Cheerio = typeof import('cheerio');
let cheerio: Cheerio | null = null;

export async function loadCheerio(): Promise<Cheerio> {
  cheerio ??= await import('cheerio');
  return cheerio;
}

function loaded(): Cheerio {
  if (!cheerio) throw new Error('loadCheerio() must be awaited before parsing HTML');
  return cheerio;
}

/**
 * Parses a fetched page or feed from its bytes. The charset comes from the Content-Type, else from a BOM, an XML
 * declaration or a <meta charset> (cheerio's encoding sniffer), else UTF-8: older Indonesian sites still send
 * windows-1252 or iso-8859-1.
 */
export async function loadDocument(body: Buffer, contentType: string | null, xml: boolean): Promise<CheerioAPI> {
  const c = await loadCheerio();
  const label = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  return c.loadBuffer(body, { ...(xml ? { xml: true } : {}), ...(label ? { encoding: { transportLayerEncodingLabel: label } } : {}) });
}

/** The parts of a parsed node we walk (domhandler's shape, without depending on its package). */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'tr', 'ul']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'iframe', 'svg']);

/** Text under construction; block edges ask for "at least n line breaks here", so nested blocks do not pile up. */
class Out {
  s = '';
  text(t: string): void {
    this.s += t;
  }
  br(): void {
    this.s += '\n';
  }
  edge(n: number): void {
    if (this.s === '') return;
    const have = /\n*[ \t]*$/.exec(this.s)![0].split('\n').length - 1;
    if (have < n) this.s += '\n'.repeat(n - have);
  }
}

function walk(node: DomNode, out: Out, pre: boolean): void {
  for (const c of node.children ?? []) {
    if (c.type === 'text') out.text(pre ? (c.data ?? '') : (c.data ?? '').replace(/\s+/g, ' '));
    else if (c.type === 'cdata') walk(c, out, pre);
    else if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
      const name = c.name?.toLowerCase() ?? '';
      if (SKIP.has(name)) continue;
      if (name === 'br') {
        out.br();
        continue;
      }
      const edge = name === 'p' ? 2 : BLOCK.has(name) ? 1 : 0;
      out.edge(edge);
      walk(c, out, pre || name === 'pre');
      out.edge(edge);
    }
  }
}

/** Tidies text built from nodes: spaces at line ends go, at most one blank line in a row. */
function tidy(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \t\u00a0]+/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of a parsed node, with line breaks where the HTML had paragraphs, blocks and <br>. */
export function nodeText(node: DomNode): string {
  const out = new Out();
  walk(node, out, false);
  return tidy(out.s);
}

/** The text of an HTML fragment (a Mastodon status, an RSS description). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const $ = loaded().load(html, null, false);
  return nodeText($.root()[0] as unknown as DomNode);
}

/** A title and a body as one text, without repeating a title the body already starts with. */
export function joinTitle(title: string, body: string): string {
  if (!title) return body;
  if (!body) return title;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(body).startsWith(norm(title)) ? body : `${title}\n\n${body}`;
}
