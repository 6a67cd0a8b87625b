// Post bodies that arrive as HTML (Mastodon's `content`): tags dropped, entities decoded, paragraphs and line breaks
// kept as line breaks, so the text reads as the author wrote it. htmlparser2 (already under cheerio) does the
// parsing; it is loaded only by the readers that need it.

type ParserModule = typeof import('htmlparser2');
let mod: Promise<ParserModule> | null = null;

export type HtmlToText = (html: string) => string;

export async function loadHtmlToText(): Promise<HtmlToText> {
  mod ??= import('htmlparser2');
  const { Parser } = await mod;
  return (html: string): string => {
    if (!/[<&]/.test(html)) return html.trim();
    let out = '';
    const parser = new Parser(
      {
        ontext(t) {
          out += t;
        },
        onopentag(name) {
          if (name === 'br') out += '\n';
          else if ((name === 'p' || name === 'li' || name === 'blockquote') && out !== '' && !out.endsWith('\n')) out += '\n';
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
    return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  };
}
