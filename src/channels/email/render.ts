/**
 * Render per message: only Liquid runs here, on templates parsed once per (version, part).
 */
import type { CompiledTemplate } from './compile.ts';
import { engineFor, parsePart, type Part } from './liquid.ts';

/**
 * Everything a template can reference. Every key is always present (null when unknown) because
 * rendering runs with strictVariables: a missing key is a template bug, a null one is just absent.
 */
export interface EmailContext {
  /** Locale used to format money, e.g. 'zh-CN'. */
  locale: string;
  store: {
    name: string;
    domain: string;
    support_email: string | null;
    support_url: string | null;
    postal_address: string | null;
  };
  contact: { first_name: string | null; last_name: string | null; email: string };
  cart: {
    currency: string;
    item_count: number;
    /** Minor units. */
    total: number;
    items: EmailItem[];
  };
  discount: EmailDiscount | null;
  links: { restore: string; unsubscribe: string; open: string };
}

export interface EmailItem {
  name: string;
  quantity: number;
  /** Unit price, minor units. */
  price: number;
  /** Minor units. */
  line_total: number;
  image_url: string | null;
  url: string | null;
  sku: string | null;
}

export interface EmailDiscount {
  code: string;
  kind: 'percent' | 'amount' | 'free_shipping';
  /** A percentage, or minor units for 'amount'. */
  value: number;
  /** Already formatted for display. */
  expires_at: string;
}

export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

export async function renderEmail(t: CompiledTemplate, ctx: EmailContext): Promise<RenderedEmail> {
  // Nothing here waits on I/O (includes are disabled, filters are synchronous), so the synchronous
  // renderer is used: it skips a promise per token. The function stays async so that adding an
  // async filter later does not change its callers.
  const render = (part: Part): string => {
    try {
      return engineFor(part).renderSync(parsePart(t.version, part, t[part]), ctx) as string;
    } catch (err) {
      throw new RenderFailure(part, err);
    }
  };
  return { subject: oneLine(render('subject')), preheader: oneLine(render('preheader')), html: render('html'), text: tidyText(render('text')) };
}

/**
 * A part that did not render (with strict variables: a misspelt or unguarded variable). It names
 * the part, because a line number means nothing without knowing which text it counts in; `cause`
 * is Liquid's error, with the failing token.
 */
export class RenderFailure extends Error {
  override readonly name = 'RenderFailure';
  constructor(readonly part: Part, cause: unknown) {
    super(`${part}: ${(cause as Error).message}`, { cause });
  }
}

/** Subject and preheader may be written over several lines of Liquid; mail headers are one line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Liquid tags on their own lines leave blank lines behind when their condition is false. Tidying
 * here keeps the text templates readable instead of littered with whitespace-control dashes.
 */
function tidyText(s: string): string {
  return `${s.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
