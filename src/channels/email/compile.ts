/**
 * Compile once per template version: MJML → responsive HTML that still contains Liquid.
 * MJML is slow (a few hundred documents per second per core) and Liquid an order of magnitude
 * faster, so the MJML step must never run per message. Compiling also proves that every part
 * parses as Liquid, so a bad template is rejected when it is saved rather than when it is sent.
 */
import { createHash } from 'node:crypto';
import mjml2html from 'mjml';
import type { MJMLJsonObject } from 'mjml-core';
import { engineFor, lineInSource, lineOf, parsePart } from './liquid.ts';

export interface TemplateSource {
  mjml: string;
  /** Liquid plain-text alternative. */
  text: string;
}

export interface CompiledTemplate {
  key: string;
  locale: string;
  version: string;
  subject: string;
  preheader: string;
  /** MJML output, still containing Liquid. */
  html: string;
  text: string;
}

export interface TemplateProblem {
  /** which source `line` counts in: the MJML document or the plain-text part */
  part?: 'mjml' | 'text';
  line?: number;
  message: string;
}

export class TemplateError extends Error {
  readonly problems: TemplateProblem[];

  constructor(what: string, problems: TemplateProblem[]) {
    const lines = problems.map((p) => (p.line === undefined ? p.message : `line ${p.line}: ${p.message}`));
    super(`${what} is not a valid template:\n  ${lines.join('\n  ')}`);
    this.name = 'TemplateError';
    this.problems = problems;
  }
}

export function templateVersion(source: TemplateSource): string {
  return createHash('sha256').update(source.mjml).update('\0').update(source.text).digest('hex').slice(0, 12);
}

export async function compileTemplate(key: string, locale: string, source: TemplateSource): Promise<CompiledTemplate> {
  const version = templateVersion(source);
  const problems: TemplateProblem[] = [];
  // PostgreSQL text cannot hold U+0000: a source with one would be refused by the database on save.
  for (const part of ['mjml', 'text'] as const) {
    const at = source[part].indexOf('\u0000');
    if (at >= 0) problems.push({ part, line: source[part].slice(0, at).split('\n').length, message: 'contains a NUL character (U+0000)' });
  }
  if (problems.length) throw new TemplateError(`${key} (${locale})`, problems);
  // Check the MJML source first so Liquid errors point at lines the author wrote, not at MJML output.
  checkLiquid('MJML source', 'mjml', () => engineFor('html').parse(source.mjml), problems);
  checkLiquid('text', 'text', () => parsePart(version, 'text', source.text), problems);

  const mjml = await runMjml(source.mjml, problems);
  const head = mjml ? headOf(mjml.json) : { subject: '', preheader: '' };
  if (mjml && !head.subject.trim()) problems.push({ part: 'mjml', message: 'missing <mj-title> in <mj-head>: it is the subject line' });
  if (problems.length === 0 && mjml) {
    // Parsing through the render cache means the first message of this version only renders.
    // These parts are derived from the source, so their own line numbers would mislead: the
    // failing token is looked up in the source instead.
    const inSource = (err: unknown) => lineInSource(source.mjml, err);
    checkLiquid('<mj-title>', 'mjml', () => parsePart(version, 'subject', head.subject), problems, inSource);
    checkLiquid('<mj-preview>', 'mjml', () => parsePart(version, 'preheader', head.preheader), problems, inSource);
    checkLiquid('compiled HTML', 'mjml', () => parsePart(version, 'html', mjml.html), problems, inSource);
  }
  if (problems.length > 0 || !mjml) throw new TemplateError(`${key} (${locale})`, problems);
  return { key, locale, version, ...head, html: mjml.html, text: source.text };
}

function checkLiquid(label: string, part: 'mjml' | 'text', parse: () => unknown, problems: TemplateProblem[], lineFor: (err: unknown) => number | undefined = lineOf): void {
  try {
    parse();
  } catch (err) {
    problems.push(liquidProblem(label, part, err, lineFor));
  }
}

/**
 * A Liquid error as a problem at a line of `part`. When the line is found some other way than
 * Liquid's own (a derived part), Liquid's "line:N, col:M" is dropped from the message: it counts
 * in text the author never sees.
 */
export function liquidProblem(label: string, part: 'mjml' | 'text', err: unknown, lineFor: (err: unknown) => number | undefined = lineOf): TemplateProblem {
  const message = (err as Error).message;
  const own = lineFor === lineOf;
  return { part, line: lineFor(err), message: `${label}: ${own ? message : message.replace(/,? ?line:\d+, col:\d+/, '')}` };
}

async function runMjml(source: string, problems: TemplateProblem[]): Promise<{ html: string; json: MJMLJsonObject } | undefined> {
  try {
    // `strict` refuses unknown tags and misplaced elements instead of silently dropping them.
    // mj-include stays disabled (mjml's default): a custom template must not read server files.
    const result = await mjml2html(source, { validationLevel: 'strict', keepComments: false, fonts: {} });
    return { html: plainPreheader(result.html), json: result.json };
  } catch (err) {
    const errors = (err as { errors?: Array<{ line?: number; message: string }> }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      for (const e of errors) problems.push({ part: 'mjml', line: e.line, message: `MJML: ${e.message}` });
    } else {
      problems.push({ part: 'mjml', message: `MJML: ${(err as Error).message}` });
    }
    return undefined;
  }
}

/**
 * MJML hides the preheader in a white, 1px-font div. Spam filters read both as text hidden from the
 * reader: SpamAssassin's HTML_FONT_LOW_CONTRAST (white on the grey body, 0.7 points) fired on every
 * built-in template, and a 1px font is its __FONT_INVIS, which with some Message-IDs scores
 * FONT_INVIS_MSGID (1.0). Hiding needs neither: display:none, and for clients that ignore it zero
 * size and overflow hidden (mso-hide for Outlook), so the preheader keeps the document's colour.
 */
const MJML_PREVIEW = '<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">';
const PREVIEW = '<div style="display:none;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">';

function plainPreheader(html: string): string {
  return html.replace(MJML_PREVIEW, PREVIEW);
}

/** Subject and preheader are the raw contents of <mj-title> and <mj-preview>, entities decoded. */
function headOf(root: MJMLJsonObject): { subject: string; preheader: string } {
  const head = childrenOf(root).find((c) => c.tagName === 'mj-head');
  const text = (tag: string): string => {
    const node = head && childrenOf(head).find((c) => c.tagName === tag);
    return node && 'content' in node ? decodeEntities(node.content).trim() : '';
  };
  return { subject: text('mj-title'), preheader: text('mj-preview') };
}

function childrenOf(node: MJMLJsonObject): MJMLJsonObject[] {
  return 'children' in node ? node.children : [];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
