// Post bodies that arrive as HTML (Mastodon's `content`): tags dropped, entities decoded, paragraphs and line breaks
// kept as line breaks, so the text reads as the author wrote it; and the links the author put in it (mention and
// hashtag anchors are not links). htmlparser2 (already under cheerio) does the parsing; it is loaded only by the
// readers that need it.

type ParserModule = typeof import('htmlparser2');
let mod: Promise<ParserModule> | null = null;

export interface HtmlBody {
  text: string;
  links: string[];
}

export type HtmlReader = (html: string) => HtmlBody;

export async function loadHtmlReader(): Promise<HtmlReader> {
  mod ??= import('htmlparser2');
  const { Parser } = await mod;
  return (html: string): HtmlBody => {
    if (!/[<&]/.test(html)) return { text: html.trim(), links: [] };
    let out = '';
    const links: string[] = [];
    const parser = new Parser(
      {
        ontext(t) {
          out += t;
        },
        onopentag(name, attrs) {
          if (name === 'br') out += '\n';
          else if ((name === 'p' || name === 'li' || name === 'blockquote') && out !== '' && !out.endsWith('\n')) out += '\n';
          else if (name === 'a' && attrs.href && /^https?:\/\//i.test(attrs.href) && !/\b(mention|hashtag)\b/.test(attrs.class ?? '') && !links.includes(attrs.href)) links.push(attrs.href);
        },
        onclosetag(name) {
          if (name === 'p' || name === 'blockquote') out += '\n\n';
          else if (name === 'li') out += '\n';
        },
      },
      { decodeEntities: true },
    );
    parser.write(html);
    parser.end();
    return { text: out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim(), links };
  };
}
