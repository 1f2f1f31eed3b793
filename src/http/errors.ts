/**
 * The one place that turns errors into HTTP answers. Clients get a stable code from the catalogue
 * in src/kernel/errors.ts; a bad request is never a 5xx, and a database that cannot take a write is a
 * 503 (retry later), never a silent loss.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody } from '../kernel/errors.ts';
import { isUnavailable } from '../store/unavailable.ts';

const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_body',
  FST_ERR_VALIDATION: 'invalid_body',
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: unknown };
  if (e.validation) return new AppError('invalid_body', e.message, e.validation);
  if (e.code && FASTIFY_CODES[e.code]) return new AppError(FASTIFY_CODES[e.code]!, e.message);
  if (e instanceof SyntaxError && e.statusCode === 400) return new AppError('invalid_json', e.message);
  if (isUnavailable(e)) return new AppError('unavailable', 'the database is not available; retry later');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('invalid_body', e.message);
  return new AppError('internal', 'an internal error occurred');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(appErr.status).send(errorBody(appErr));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send(errorBody(new AppError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));
  });
}
