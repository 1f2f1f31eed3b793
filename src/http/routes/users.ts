/** Admin users and API tokens. A token shows once, at creation; only its hash is kept. */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { changeProfile, createUser, UI_LOCALES, type ProfileChange } from '../../accounts/users.ts';
import { AppError } from '../../kernel/errors.ts';
import { createApiToken, deleteApiToken, listApiTokens } from '../../store/queries/instance.ts';
import { getStore } from '../../store/queries/stores.ts';
import { deleteOtherSessions, deleteUser, getUser, listUsers, userView } from '../../store/queries/users.ts';
import { ADMIN_SECURITY, sessionUser } from '../auth.ts';
import { UserView } from './session.ts';

const sec = ADMIN_SECURITY;
const Locale = Type.Union(UI_LOCALES.map((l) => Type.Literal(l)));
const StoreIds = Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 500, description: 'the stores they may see; absent: every store' });
const NewUser = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), name: Type.Optional(Type.String({ maxLength: 200 })), password: Type.String({ minLength: 1, maxLength: 200 }), locale: Type.Optional(Locale), stores: Type.Optional(StoreIds) },
  { additionalProperties: false },
);
const Profile = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), locale: Type.Optional(Locale), password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), currentPassword: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
const TokenView = Type.Object({ id: Type.String(), name: Type.String(), createdBy: Type.Union([Type.String(), Type.Null()]), storeId: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]) });

/** Every id must be a store of this instance. */
async function existing(db: Services['database']['db'], ids: string[]): Promise<void> {
  for (const id of ids) await getStore(db, id);
}

export const userRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;

  app.get('/api/users', { schema: { tags: ['users'], security: sec, response: { 200: Type.Array(UserView) } } }, async () => (await listUsers(db)).map(userView));
  app.post('/api/users', { schema: { tags: ['users'], summary: 'Add an admin user', security: sec, body: NewUser, response: { 201: UserView } } }, async (req, reply) => {
    const body = req.body as { email: string; password: string; stores?: string[] };
    if (body.stores) await existing(db, body.stores);
    const user = await createUser(db, body, s.clock.now());
    return reply.status(201).send(userView(user));
  });
  app.patch('/api/users/me', { schema: { tags: ['users'], summary: 'Change your name, interface language or password (with the current one); other sessions end on a password change', security: [{ session: [] }], body: Profile, response: { 200: UserView } } }, async (req) => {
    const me = sessionUser(req);
    const { user, passwordChanged } = await changeProfile(db, me.userId, req.body as ProfileChange, s.clock.now());
    if (passwordChanged) await deleteOtherSessions(db, me.userId, me.session.id_hash);
    return userView(user);
  });
  app.delete('/api/users/:userId', { schema: { tags: ['users'], summary: 'Remove a user (signed out everywhere); not yourself', security: sec, params: Type.Object({ userId: Type.String({ maxLength: 64 }) }) } }, async (req, reply) => {
    const { userId } = req.params as { userId: string };
    if (req.principal?.kind === 'session' && req.principal.userId === userId) throw new AppError('conflict', 'you cannot remove yourself; another user can');
    await getUser(db, userId);
    await deleteUser(db, userId);
    return reply.status(204).send();
  });

  app.get('/api/tokens', { schema: { tags: ['tokens'], summary: 'API tokens (never the token itself)', security: sec, response: { 200: Type.Array(TokenView) } } }, async () => listApiTokens(db));
  app.post('/api/tokens', {
    schema: { tags: ['tokens'], summary: 'Create an API token (for every store, or one with storeId); it is shown once', security: sec, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), storeId: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }), response: { 201: Type.Object({ id: Type.String(), name: Type.String(), storeId: Type.Union([Type.String(), Type.Null()]), token: Type.String() }) } },
  }, async (req, reply) => {
    const { name, storeId } = req.body as { name: string; storeId?: string };
    if (storeId) await existing(db, [storeId]);
    const createdBy = req.principal?.kind === 'session' ? req.principal.userId : null;
    const { id, token } = await createApiToken(db, name, s.clock.now(), undefined, createdBy, storeId ?? null);
    return reply.status(201).send({ id, name, storeId: storeId ?? null, token });
  });
  app.delete('/api/tokens/:tokenId', { schema: { tags: ['tokens'], summary: 'Revoke an API token at once', security: sec, params: Type.Object({ tokenId: Type.String({ maxLength: 64 }) }) } }, async (req, reply) => {
    if (!(await deleteApiToken(db, (req.params as { tokenId: string }).tokenId))) throw new AppError('not_found', 'no such token');
    return reply.status(204).send();
  });
};
