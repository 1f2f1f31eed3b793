/**
 * Signing in and out of the admin app, and the one-time setup that creates the first user.
 * POST /api/session and the setup routes are the only /api routes open without credentials; both
 * are rate limited per address, and a wrong email costs as much time as a wrong password.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { endSession, SESSION_COOKIE, startSession, ABSOLUTE_MS } from '../../accounts/sessions.ts';
import { checkCredentials, createUser, UI_LOCALES } from '../../accounts/users.ts';
import { AppError } from '../../kernel/errors.ts';
import { clearSetupToken, setupTokenValid } from '../../store/queries/instance.ts';
import { countUsers, getUser, userView, type User } from '../../store/queries/users.ts';
import { sessionUser } from '../auth.ts';

export const UserView = Type.Object({
  id: Type.String(), email: Type.String(), name: Type.String(), locale: Type.String(),
  createdAt: Type.String({ format: 'date-time' }), lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  stores: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'the stores this user may see; null: every store' }),
});
const SessionView = Type.Object({ user: UserView, csrfToken: Type.String({ description: 'send it as x-csrf-token with every request that changes something' }) });
const Credentials = Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const Setup = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 200 }), name: Type.Optional(Type.String({ maxLength: 200 })), locale: Type.Optional(Type.Union(UI_LOCALES.map((l) => Type.Literal(l)))) },
  { additionalProperties: false },
);
// Failed attempts per address are what guessing needs: 10 per 15 minutes. Every attempt costs an
// scrypt hash, so all attempts are also capped, more loosely, to keep the CPU for real work.
const FAILURE_LIMIT = { max: 10, timeWindow: 15 * 60_000 };
const ATTEMPT_LIMIT = { max: 60, timeWindow: '1 minute' };

export const sessionRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `too many attempts; retry in ${Math.ceil(ctx.ttl / 1000)} s`) });
  const secure = s.config.publicUrl.startsWith('https:');
  const failures = app.createRateLimit(FAILURE_LIMIT);
  /** Runs a credential check; a failure counts against the caller's address, and too many refuse even a right answer. */
  async function guarded<T>(req: FastifyRequest, check: () => Promise<T>): Promise<T> {
    const seen = await failures(req, { increment: false });
    if (!seen.isAllowed && seen.remaining === 0) throw new AppError('rate_limited', `too many failed attempts; retry in ${seen.ttlInSeconds} s`);
    try {
      return await check();
    } catch (err) {
      if (err instanceof AppError && (err.code === 'invalid_credentials' || err.code === 'invalid_setup_token')) await failures(req);
      throw err;
    }
  }

  async function signIn(req: FastifyRequest, reply: FastifyReply, user: User) {
    const { cookie, session } = await startSession(db, user.id, s.clock.now(), req.headers['user-agent'] ?? null);
    void reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: ABSOLUTE_MS / 1000 });
    return { user: userView(await getUser(db, user.id)), csrfToken: session.csrf_token };
  }

  app.get('/api/session', { schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token of the session', response: { 200: SessionView } } }, async (req) => {
    const { userId, session } = sessionUser(req);
    return { user: userView(await getUser(db, userId)), csrfToken: session.csrf_token };
  });

  app.post('/api/session', { config: { rateLimit: ATTEMPT_LIMIT }, schema: { tags: ['session'], summary: 'Sign in (sets the session cookie)', body: Credentials, response: { 200: SessionView } } }, async (req, reply) => {
    const { email, password } = req.body as { email: string; password: string };
    return signIn(req, reply, await guarded(req, () => checkCredentials(db, email, password)));
  });

  app.delete('/api/session', { schema: { tags: ['session'], summary: 'Sign out' } }, async (req, reply) => {
    await endSession(db, sessionUser(req).cookie);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/setup', { schema: { tags: ['session'], summary: 'Whether the first user still has to be created', response: { 200: Type.Object({ needed: Type.Boolean() }) } } }, async () => ({ needed: (await countUsers(db)) === 0 }));

  app.post('/api/setup', { config: { rateLimit: ATTEMPT_LIMIT }, schema: { tags: ['session'], summary: 'Create the first user with the one-time link printed at start', body: Setup, response: { 201: SessionView } } }, async (req, reply) => {
    const body = req.body as { token: string; email: string; password: string; name?: string; locale?: 'en' | 'zh-CN' };
    if ((await countUsers(db)) > 0) throw new AppError('setup_closed', 'the first user exists already; sign in, or ask an admin to add you');
    await guarded(req, async () => {
      if (!(await setupTokenValid(db, body.token, s.clock.now()))) throw new AppError('invalid_setup_token', 'this setup link is not valid or has expired; restart Cartback for a new one, or run `cartback user create`');
    });
    const user = await createUser(db, body, s.clock.now());
    await clearSetupToken(db);
    const out = await signIn(req, reply, user);
    return reply.status(201).send(out);
  });
};
