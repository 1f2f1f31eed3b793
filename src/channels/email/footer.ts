/**
 * What every marketing message must show, in its HTML and in its text part: a visible link to
 * unsubscribe and the sender's postal address (CAN-SPAM, CASL, and the bulk-sender rules of the
 * large mailbox providers). Checked on what a template RENDERS, not on its source, so a link inside
 * an `{% if false %}` or an HTML comment does not count. Used when a store saves a template (with
 * the sample context) and on every send (with the real one).
 */

export interface FooterNeeds {
  unsubscribe: string;
  postalAddress: string;
}

export interface FooterProblem { part: 'mjml' | 'text'; message: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#34': '"', '#39': "'", '#x27': "'" };

/** The words a reader sees: comments, tags, style and head removed, entities decoded, spaces collapsed. */
function visibleText(html: string): string {
  return collapse(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole),
  );
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An <a href> to the URL (Liquid's escaping turns & into &amp;), in HTML without comments. */
function linksTo(bare: string, url: string): boolean {
  const href = escapeRegExp(url).replaceAll('&', '&(?:amp;)?');
  return new RegExp(`<a\\b[^>]*\\bhref\\s*=\\s*["']${href}["']`, 'i').test(bare);
}

const addressLines = (address: string) => address.split(/\r?\n/).map(collapse).filter(Boolean);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/**
 * Every line of the address, as a reader sees it. The quick look (each line as Liquid escapes it,
 * in the HTML without comments) settles the usual case, a render costs about ten times more than
 * it; only when it fails is the visible text worked out (lines split by tags, other escapes).
 */
function htmlShowsAddress(bare: string, lines: string[]): boolean {
  if (lines.every((line) => bare.includes(escapeHtml(line)))) return true;
  const visible = visibleText(bare);
  return lines.every((line) => visible.includes(line));
}

export function footerProblems(rendered: { html: string; text: string }, needs: FooterNeeds): FooterProblem[] {
  const problems: FooterProblem[] = [];
  const bare = rendered.html.replace(/<!--[\s\S]*?-->/g, ' ');
  const text = collapse(rendered.text);
  if (!linksTo(bare, needs.unsubscribe)) problems.push({ part: 'mjml', message: 'the HTML has no unsubscribe link: add <a href="{{ links.unsubscribe }}">…</a>' });
  if (!text.includes(needs.unsubscribe)) problems.push({ part: 'text', message: 'the text part has no unsubscribe link: add {{ links.unsubscribe }}' });
  const lines = addressLines(needs.postalAddress);
  if (lines.length) {
    if (!htmlShowsAddress(bare, lines)) problems.push({ part: 'mjml', message: "the HTML does not show the store's postal address: add {{ store.postal_address }}" });
    if (!lines.every((line) => text.includes(line))) problems.push({ part: 'text', message: "the text part does not show the store's postal address: add {{ store.postal_address }}" });
  }
  return problems;
}
