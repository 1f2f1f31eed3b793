/**
 * Admin API for email templates: list what a store sends (built-in or its own version), read a
 * source, save a new version (compiled once, refused with line numbers if MJML or Liquid is
 * broken), and preview a rendering with sample data.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { Services } from '../../app.ts';
import { BUILT_IN_KEYS, LOCALES, builtInSource } from '../../channels/email/built-in.ts';
import { compileTemplate, liquidProblem, TemplateError, type CompiledTemplate } from '../../channels/email/compile.ts';
import { fromAddress, resolveTemplate } from '../../channels/email/compose.ts';
import { footerProblems } from '../../channels/email/footer.ts';
import { previewContext } from '../../channels/email/preview.ts';
import { lineInSource } from '../../channels/email/liquid.ts';
import { RenderFailure, renderEmail, type EmailContext } from '../../channels/email/render.ts';
import { sampleContext } from '../../channels/email/sample.ts';
import { AppError } from '../../kernel/errors.ts';
import { insertTemplateVersion, latestTemplate, storeTemplateKeys } from '../../store/queries/templates.ts';
import { getStore, type Store } from '../../store/queries/stores.ts';
import { newId } from '../../kernel/ids.ts';
import { StoreParams } from './stores.ts';
import { ADMIN_SECURITY } from '../auth.ts';
import { page } from '../pages.ts';

const sec = ADMIN_SECURITY;
const Params = Type.Object({ ...StoreParams.properties, key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }), locale: Type.Union(LOCALES.map((l) => Type.Literal(l))) });
const PreviewQuery = Type.Object({
  cartId: Type.Optional(Type.String({ maxLength: 64, description: 'render with this real cart of the store and its shopper instead of the sample' })),
  discount: Type.Optional(Type.Boolean({ default: true, description: 'include a sample discount code' })),
});
const Source = Type.Object({ mjml: Type.String({ minLength: 1, maxLength: 200_000 }), text: Type.String({ maxLength: 100_000 }) }, { additionalProperties: false });

async function compileOrRefuse(key: string, locale: string, source: { mjml: string; text: string }): Promise<CompiledTemplate> {
  try {
    return await compileTemplate(key, locale, source);
  } catch (err) {
    if (err instanceof TemplateError) throw new AppError('invalid_template', err.message, err.problems);
    throw err;
  }
}

const PART_LABEL = { subject: '<mj-title>', preheader: '<mj-preview>', html: 'MJML source', text: 'text' } as const;

/** A rendering, or invalid_template naming the part and, given the MJML source, the line at fault. */
async function renderOrRefuse(template: CompiledTemplate, context: EmailContext, mjml?: string) {
  try {
    return await renderEmail(template, context);
  } catch (err) {
    if (!(err instanceof RenderFailure)) throw err;
    const problem = err.part === 'text'
      ? liquidProblem('text', 'text', err.cause)
      : liquidProblem(PART_LABEL[err.part], 'mjml', err.cause, (e) => (mjml ? lineInSource(mjml, e) : undefined));
    throw new AppError('invalid_template', `the template does not render: ${problem.message}`, [problem]);
  }
}

export const templateRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const parts = async (req: FastifyRequest) => {
    const p = req.params as { storeId: string; key: string; locale: string };
    return { store: await getStore(db, p.storeId), key: p.key, locale: p.locale };
  };

  app.get('/api/stores/:storeId/templates', { schema: { tags: ['templates'], summary: 'Every template key and locale, and whether the store has its own version', security: sec, params: StoreParams } }, async (req) => {
    const store = await getStore(db, (req.params as { storeId: string }).storeId);
    const own = await storeTemplateKeys(db, store.id);
    const keys = [...new Set([...BUILT_IN_KEYS, ...own.map((o) => o.key)])];
    return keys.flatMap((key) => LOCALES.map((locale) => ({ key, locale, builtIn: BUILT_IN_KEYS.includes(key), version: own.find((o) => o.key === key && o.locale === locale)?.version ?? null })));
  });

  app.get('/api/stores/:storeId/templates/:key/:locale', { schema: { tags: ['templates'], summary: "The source in use: the store's newest version, else the built-in", security: sec, params: Params } }, async (req) => {
    const { store, key, locale } = await parts(req);
    const row = await latestTemplate(db, store.id, key, locale);
    if (row) return { key, locale, version: row.version, builtIn: false, mjml: row.mjml, text: row.text };
    const source = builtInSource(key, locale);
    if (!source) throw new AppError('not_found', `no template ${key} for ${locale}`);
    return { key, locale, version: null, builtIn: true, ...source };
  });

  app.put('/api/stores/:storeId/templates/:key/:locale', { schema: { tags: ['templates'], summary: 'Save a new version (compiled now; refused with line numbers if broken)', security: sec, params: Params, body: Source } }, async (req) => {
    const { store, key, locale } = await parts(req);
    const source = req.body as { mjml: string; text: string };
    const compiled = await compileOrRefuse(key, locale, source);
    // Strict variables fail only when rendering, so a misspelt or unguarded variable would pass
    // the compile and then fail every send of the step: render the sample first, with and without
    // a discount (a step may have none).
    const sample = sampleContext(locale);
    for (const discount of [sample.discount, null]) {
      const rendered = await renderOrRefuse(compiled, { ...sample, discount }, source.mjml);
      // A marketing email without its unsubscribe link or the store's address is never sent (src/channels/email/footer.ts).
      const missing = footerProblems(rendered, { unsubscribe: sample.links.unsubscribe, postalAddress: sample.store.postal_address ?? '' });
      if (missing.length) throw new AppError('invalid_template', `every marketing email must show a visible unsubscribe link and the store's postal address: ${missing.map((m) => m.message).join('; ')}`, missing);
    }
    const row = await insertTemplateVersion(db, { store_id: store.id, key, locale, subject: compiled.subject, preheader: compiled.preheader, mjml: source.mjml, html: compiled.html, text: source.text, created_at: s.clock.now() });
    return { key, locale, version: row.version, subject: row.subject };
  });

  /** The template a preview or test renders: the source in the body (not saved), else the one in use. */
  async function templateFor(req: FastifyRequest): Promise<{ store: Store; template: CompiledTemplate; context: EmailContext; mjml?: string }> {
    const { store, key, locale } = await parts(req);
    const body = req.body as { mjml: string; text: string } | undefined;
    const source = body && typeof body === 'object' && 'mjml' in body ? { mjml: body.mjml, text: body.text } : undefined;
    if (body !== undefined && body !== null && source && !Value.Check(Source, source)) throw new AppError('invalid_body', 'mjml and text must be strings');
    const template = source ? await compileOrRefuse(key, locale, source) : await resolveTemplate(db, store, key, locale);
    if (!template) throw new AppError('not_found', `no template ${key} for ${locale}`);
    const q = req.query as { cartId?: string; discount?: boolean };
    const context = await previewContext(db, store, locale, { cartId: q.cartId, withDiscount: q.discount !== false, publicUrl: s.config.publicUrl });
    return { store, template, context, mjml: source?.mjml };
  }

  app.post('/api/stores/:storeId/templates/:key/:locale/preview', {
    // No body schema: an empty POST previews the saved template; a body must then hold {mjml, text}.
    schema: { tags: ['templates'], summary: "Render the saved template, or {mjml, text} given in the body (not saved), with the store's details and a sample or real cart", security: sec, params: Params, querystring: PreviewQuery },
  }, async (req) => {
    const { template, context, mjml } = await templateFor(req);
    return renderOrRefuse(template, context, mjml);
  });

  // Where the links of a preview or a test email lead (src/channels/email/preview.ts): a page that
  // says what the link does in a real email, rather than a 404. Nothing here touches a cart or a
  // contact. The open pixel's address answers 204: there is nothing to count.
  const previewPage = (what: string, zh: string) => async (_req: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html').header('cache-control', 'no-store').send(page('Preview link', `<h1>This is a preview</h1><p>${what}</p><p lang="zh-CN">这是预览邮件里的链接。${zh}</p>`));
  app.get('/preview/restore', { schema: { hide: true } }, previewPage('In a real email, this button brings the shopper back to their cart, restored.', '在真实邮件中，这个按钮会把顾客带回已恢复的购物车。'));
  app.get('/preview/unsubscribe', { schema: { hide: true } }, previewPage('In a real email, this link lets the shopper unsubscribe (after confirming).', '在真实邮件中，顾客通过这个链接退订（需确认）。'));
  app.get('/preview/open.gif', { schema: { hide: true } }, async (_req, reply) => reply.code(204).send());

  app.post('/api/stores/:storeId/templates/:key/:locale/test', {
    schema: { tags: ['templates'], summary: "Send a rendering to one address through the store's mailer, subject marked [Test]; links lead to preview pages", security: sec, params: Params, querystring: PreviewQuery },
  }, async (req) => {
    const body = req.body as { to?: unknown } | undefined;
    const to = typeof body?.to === 'string' ? body.to.trim() : '';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) throw new AppError('invalid_body', 'to must be an email address');
    const { store, template, context, mjml } = await templateFor(req);
    const rendered = await renderOrRefuse(template, context, mjml);
    const mailer = s.mailers.for(store);
    try {
      await mailer.send({ storeId: store.id, messageId: newId(), from: fromAddress(store), to, subject: `[Test] ${rendered.subject}`, html: rendered.html, text: rendered.text, headers: { 'X-Cartback-Test': template.key } });
    } catch (err) {
      throw new AppError('unavailable', `the mail server refused the test: ${(err as Error).message}`);
    }
    return { sent: true, to, mailer: mailer.label };
  });
};
