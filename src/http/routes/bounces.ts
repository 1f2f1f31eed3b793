/**
 * POST /v1/webhooks/bounces/:storeId: the sending service's bounce and complaint reports (Amazon
 * SES through SNS, Postmark, or a generic JSON shape; src/channels/email/bounces/parse.ts).
 *
 * Like the platform webhooks (webhooks.ts), every body is kept raw and authenticated before it is
 * parsed: by the store's bounceWebhookSecret, either as the password of HTTP Basic credentials
 * written into the webhook URL (what SNS and Postmark can send) or as X-Cartback-Signature, the
 * base64 HMAC-SHA256 of the body (for a relay of your own). Both compared in constant time; no
 * secret set, or the wrong one: 401 invalid_signature, nothing read. SNS messages also carry AWS's
 * own signature, checked as sns.ts describes.
 *
 * Hard bounces and complaints suppress their addresses (src/contacts/suppress.ts), all of one
 * delivery in one transaction; soft bounces change nothing. A body that is none of the formats is a
 * 400 unknown_report_format and changes nothing. Services retry until they get a 2xx, and may
 * deliver a report twice: the second time suppresses nothing more (`suppressed: 0`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { formatOf, genericReports, isSesNotification, postmarkReports, sesReports, type Format, type Report } from '../../channels/email/bounces/parse.ts';
import { checkSnsSignature, confirmSubscription, type SnsEnvelope } from '../../channels/email/bounces/sns.ts';
import { suppressAddress } from '../../contacts/suppress.ts';
import { validSignature } from '../../ingest/sources/signature.ts';
import { AppError } from '../../kernel/errors.ts';
import { getStore } from '../../store/queries/stores.ts';

const BODY_LIMIT = 1024 * 1024;
const Params = Type.Object({ storeId: Type.String({ maxLength: 64 }) });
const Answer = Type.Object({
  success: Type.Boolean(),
  format: Type.Optional(Type.Union([Type.Literal('ses'), Type.Literal('postmark'), Type.Literal('generic')])),
  reports: Type.Integer({ description: 'addresses the delivery reported on' }),
  suppressed: Type.Integer({ description: 'contacts suppressed (or, for a complaint, unsubscribed) by it; 0 for soft bounces and repeats' }),
  ignored: Type.Optional(Type.String({ description: 'why nothing was done: an SNS message that is no report' })),
  confirmed: Type.Optional(Type.Boolean({ description: 'SNS SubscriptionConfirmation: whether Cartback confirmed it (false: open subscribeUrl yourself)' })),
  subscribeUrl: Type.Optional(Type.String()),
});
type Answer = { success: true; format?: Format; reports: number; suppressed: number; ignored?: string; confirmed?: boolean; subscribeUrl?: string };

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The password of `Authorization: Basic …` equals the secret (hashed first, so lengths say nothing). */
function basicPasswordMatches(secret: string, header: string | undefined): boolean {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && timingSafeEqual(sha(decoded.slice(colon + 1)), sha(secret));
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError('invalid_json', `${what} is not JSON: ${(err as Error).message}`);
  }
}

export const bounceRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  // SNS posts text/plain, Postmark application/json: every body is kept as bytes for the signature.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  const log = s.log.child({ part: 'bounces' });

  /** The reports in an SNS message, or the answer when it carries none (subscription, unsubscribe). */
  const fromSns = async (storeId: string, m: SnsEnvelope): Promise<Report[] | Answer> => {
    const check = await checkSnsSignature(m);
    if (!check.ok) throw new AppError('invalid_signature', `Amazon SNS: ${check.why}`);
    if (!check.verified) log.warn({ storeId, topic: m.TopicArn }, "the SNS signing certificate could not be fetched; the message is taken on the store's bounce secret alone");
    if (m.Type === 'SubscriptionConfirmation') {
      const confirmed = await confirmSubscription(m);
      if (!confirmed) log.warn({ storeId, topic: m.TopicArn, subscribeUrl: m.SubscribeURL }, 'SNS subscription not confirmed (AWS not reachable from here): open subscribeUrl to confirm it');
      return { success: true, format: 'ses', reports: 0, suppressed: 0, confirmed, ...(confirmed ? {} : { subscribeUrl: m.SubscribeURL ?? '' }) };
    }
    if (m.Type !== 'Notification') return { success: true, format: 'ses', reports: 0, suppressed: 0, ignored: `SNS message type ${m.Type}` };
    const notification = parseJson(m.Message, 'the SNS Message');
    if (!isSesNotification((notification ?? {}) as Record<string, unknown>)) throw new AppError('unknown_report_format', 'the SNS Message is not an Amazon SES notification');
    return sesReports(notification);
  };

  app.post('/v1/webhooks/bounces/:storeId', {
    bodyLimit: BODY_LIMIT,
    schema: {
      summary: 'Bounce and complaint reports from the sending service (Amazon SES through SNS, Postmark, generic JSON)',
      description:
        "Authenticated by the store setting bounceWebhookSecret: as the HTTP Basic password (put it in the webhook URL: https://cartback:SECRET@host/v1/webhooks/bounces/STORE_ID), or as X-Cartback-Signature, the base64 HMAC-SHA256 of the raw body. Hard bounces and complaints suppress the address (a complaint also unsubscribes) and end its flows; soft bounces change nothing. Generic body: {type: 'bounce' | 'complaint', email, permanent?} or an array of them.",
      tags: ['webhooks'], params: Params, response: { 200: Answer },
    },
  }, async (req: FastifyRequest): Promise<Answer> => {
    const store = await getStore(s.database.db, (req.params as { storeId: string }).storeId);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const secret = store.settings.bounceWebhookSecret;
    if (!secret) throw new AppError('invalid_signature', 'this store has no bounce webhook secret; set bounceWebhookSecret with PATCH /api/stores/:id (settings)');
    const signature = req.headers['x-cartback-signature'];
    const authentic = signature !== undefined ? validSignature(secret, raw, signature) : basicPasswordMatches(secret, req.headers.authorization);
    if (!authentic) throw new AppError('invalid_signature', "neither the X-Cartback-Signature nor the HTTP Basic password matches this store's bounce webhook secret");

    const body = parseJson(raw.toString('utf8'), 'the body');
    const format = formatOf(body);
    if (!format) throw new AppError('unknown_report_format', 'not a report Cartback reads: an Amazon SNS message (SES notifications), a Postmark bounce or spam complaint webhook, or {type: "bounce" | "complaint", email, permanent?} (or an array of them)');
    let reports: Report[];
    if (format === 'ses' && !isSesNotification(body as Record<string, unknown>)) {
      const r = await fromSns(store.id, body as SnsEnvelope);
      if (!Array.isArray(r)) return r;
      reports = r;
    } else {
      reports = format === 'ses' ? sesReports(body) : format === 'postmark' ? postmarkReports(body) : genericReports(body);
    }

    const now = s.clock.now();
    const suppressed = await s.database.db.transaction().execute(async (tx) => {
      let n = 0;
      for (const r of reports) if (r.outcome === 'hard_bounce' || r.outcome === 'complaint') n += await suppressAddress(tx, store.id, r.email, r.outcome, now);
      return n;
    });
    if (suppressed > 0) log.info({ storeId: store.id, format, suppressed }, 'addresses suppressed by a bounce or complaint report');
    return { success: true, format, reports: reports.length, suppressed };
  });
};
