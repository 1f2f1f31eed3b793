/**
 * The subject and preheader live in the MJML source as <mj-title> and <mj-preview> (the server
 * reads them there: src/channels/email/compile.ts). The editor's two fields read and write those
 * elements, so the source stays the one truth and both ways stay in sync without bookkeeping.
 *
 * Values are shown decoded, as the server decodes them, and written back with & and < escaped, so
 * "Tea & biscuits" survives a round trip and a `<` in Liquid cannot open a tag.
 */
export type HeadTag = 'mj-title' | 'mj-preview';

const elementOf = (tag: HeadTag) => new RegExp(`(<${tag}(?:\\s[^>]*)?>)([\\s\\S]*?)(</${tag}>)`);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The element's text for a one-line field (line breaks in the source read as spaces), or null when absent. */
export function readHead(mjml: string, tag: HeadTag): string | null {
  const m = elementOf(tag).exec(mjml);
  return m ? decode(m[2] ?? '').replace(/\s*\n\s*/g, ' ') : null;
}

/**
 * The source with the element's text replaced; an absent element is added at the top of
 * <mj-head> (itself added after <mjml> when missing). A source without <mjml> is left alone: it
 * is not MJML yet, and the server says so.
 */
export function writeHead(mjml: string, tag: HeadTag, value: string): string {
  const element = elementOf(tag);
  const text = encode(value);
  if (element.test(mjml)) return mjml.replace(element, (_, open: string, _old: string, close: string) => `${open}${text}${close}`);
  const line = `<${tag}>${text}</${tag}>`;
  if (/<mj-head(\s[^>]*)?>/.test(mjml)) return mjml.replace(/<mj-head(\s[^>]*)?>/, (open) => `${open}\n    ${line}`);
  if (/<mjml(\s[^>]*)?>/.test(mjml)) return mjml.replace(/<mjml(\s[^>]*)?>/, (open) => `${open}\n  <mj-head>\n    ${line}\n  </mj-head>`);
  return mjml;
}
