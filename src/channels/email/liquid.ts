/**
 * The Liquid engine shared by compile and render, and the cache of parsed templates.
 *
 * liquidjs attaches `outputEscape` to each `{{ }}` when it PARSES a template, from the instance's
 * options, so one instance cannot escape the HTML part and leave the text part alone. We therefore
 * build two engines from one set of options, once per process: `html` escapes every output
 * (shopper-controlled item names end up in the markup), `text` does not.
 */
import { Liquid, type Context, type Template } from 'liquidjs';
import { formatMoney } from '../../kernel/money.ts';

export type Part = 'subject' | 'preheader' | 'html' | 'text';

/** `{{ cart.total | money }}`: minor units → "$12.50", in `cart.currency` (or the given one) and `locale`. */
function money(this: { context: Context }, minor: unknown, currency?: unknown): string {
  const amount = Number(minor);
  if (minor === null || minor === '' || !Number.isFinite(amount)) {
    throw new Error(`money: expected an amount in minor units, got ${JSON.stringify(minor)}`);
  }
  const code = typeof currency === 'string' ? currency : String(this.context.getSync(['cart', 'currency']));
  return formatMoney(amount, code, String(this.context.getSync(['locale'])));
}

function engine(escapeOutput: boolean): Liquid {
  const liquid = new Liquid({
    // A typo in a variable or filter name must fail loudly, not send "Hi ," to thousands of people.
    strictVariables: true,
    strictFilters: true,
    // An empty string (e.g. a blank first name) should count as absent, as it does in JS.
    jsTruthy: true,
    // Custom templates are user input: an empty in-memory file map makes include/render/layout
    // unable to read anything from the server's disk.
    templates: {},
    // A store's template is user input that runs on every send, inside the transaction that claims
    // it, and on every save and preview: it must not be able to take the process down. Without these,
    // `{% for i in (1..100000000) %}` in one saved template ran the server out of memory (found by
    // test/properties/templates.test.ts). parseLimit: characters per parse (sources are at most
    // 200 KB of MJML; its compiled HTML is a few times that); renderLimit: ms per part (a real
    // render takes well under 1 ms); memoryLimit: what ranges, loops and string filters may allocate.
    parseLimit: 4_000_000,
    renderLimit: 500,
    memoryLimit: 20_000_000,
    ...(escapeOutput ? { outputEscape: 'escape' as const } : {}),
  });
  liquid.registerFilter('money', money);
  return liquid;
}

const engines = { html: engine(true), text: engine(false) };

export function engineFor(part: Part): Liquid {
  return part === 'html' ? engines.html : engines.text;
}

/**
 * Parsed templates keyed by `${version}:${part}`. A version is a hash of the sources, so an entry
 * never goes stale; the size cap only bounds memory when many custom template versions come and go.
 */
const MAX_PARSED = 2000;
const parsed = new Map<string, Template[]>();

export function parsePart(version: string, part: Part, source: string): Template[] {
  const key = `${version}:${part}`;
  let templates = parsed.get(key);
  if (templates) {
    parsed.delete(key); // re-insert below so Map order tracks recency
  } else {
    templates = engineFor(part).parse(source);
  }
  parsed.set(key, templates);
  if (parsed.size > MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  return templates;
}

/** Liquid errors carry "…, line:3, col:5" in their message; lift the line out for TemplateError. */
export function lineOf(err: unknown): number | undefined {
  const m = /line:(\d+)/.exec(err instanceof Error ? err.message : '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The line of the author's MJML source a Liquid error in a derived part (compiled HTML, subject,
 * preheader) comes from. MJML moves markup around but copies Liquid verbatim, so the failing
 * token's text is looked up in the source; its first occurrence is taken (a typo usually occurs
 * once). Undefined when the error has no token or its text is not in the source.
 */
export function lineInSource(source: string, err: unknown): number | undefined {
  const token = (err as { token?: { getText?: () => string } } | null)?.token;
  const text = token?.getText?.();
  const at = text ? source.indexOf(text) : -1;
  return at < 0 ? undefined : source.slice(0, at).split('\n').length;
}
