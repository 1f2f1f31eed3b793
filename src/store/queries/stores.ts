import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import { MIN_EVENT_RETENTION_DAYS, StoreSettings, type StoreView } from '../../contracts/store.ts';
import { AppError } from '../../kernel/errors.ts';
import { dkimKeyProblem } from '../../kernel/dkim-key.ts';
import { isDuration, parseDuration } from '../../kernel/duration.ts';
import { isCurrency } from '../../kernel/money.ts';
import { isTimeZone } from '../../kernel/timezone.ts';
import { newId, randomSecret, sha256 } from '../../kernel/ids.ts';
import { hasPlainSecret, openSecrets, sealSecrets } from '../../stores/keyring.ts';
import { maskSettings, unmaskPatch } from '../../stores/secrets.ts';
import type { DB, StoreTable } from '../schema.ts';

export interface Store {
  id: string;
  name: string;
  publicKey: string;
  settings: StoreSettings;
  createdAt: number;
}

/** Fills defaults and checks a (partial) settings object; throws invalid_body listing every problem. */
export function checkSettings(input: unknown, opts: { writing?: boolean } = {}): StoreSettings {
  const withDefaults = Value.Default(StoreSettings, Value.Clone(input ?? {}));
  const problems = [...Value.Errors(StoreSettings, withDefaults)].map((e) => `${e.instancePath || '/'} ${e.message}`);
  const s = withDefaults as StoreSettings;
  // Checked when settings are written, not on every read: a store saved before these checks must still load.
  if (opts.writing && typeof s.timezone === 'string' && !isTimeZone(s.timezone)) problems.push(`/timezone ${JSON.stringify(s.timezone)} is not an IANA time zone (e.g. Asia/Shanghai)`);
  if (opts.writing && typeof s.currency === 'string' && !isCurrency(s.currency)) problems.push(`/currency ${JSON.stringify(s.currency)} is not an ISO 4217 currency`);
  // The pattern admits P, PT0S and P99999999999999W: saved, every cart event of the store was set
  // aside (abandonAfter) or every send failed (frequencyCap) when the duration was read.
  if (opts.writing) {
    const durations: Array<[string, unknown]> = [['abandonAfter', s.abandonAfter], ['attributionWindow', s.attributionWindow], ['holdBackOnReturn', s.holdBackOnReturn], ['eventRetention', s.eventRetention], ['frequencyCap/per', s.frequencyCap?.per], ['discountDefault/validFor', s.discountDefault?.validFor === 'today' ? undefined : s.discountDefault?.validFor]];
    for (const [path, d] of durations) if (typeof d === 'string' && !isDuration(d)) problems.push(`/${path} ${JSON.stringify(d)} is not a duration from PT1S to P3650D`);
  }
  if (opts.writing && typeof s.eventRetention === 'string' && isDuration(s.eventRetention) && parseDuration(s.eventRetention) < MIN_EVENT_RETENTION_DAYS * 86_400_000) problems.push(`/eventRetention must be at least P${MIN_EVENT_RETENTION_DAYS}D (a retried event is recognized by its stored copy)`);
  // A DKIM key that cannot sign would let mail go out unsigned without a word (nodemailer skips it).
  const keyProblem = opts.writing && typeof s.dkimPrivateKey === 'string' && s.dkimPrivateKey !== '' ? dkimKeyProblem(s.dkimPrivateKey) : null;
  if (keyProblem) {
    const others = problems.filter((p) => !p.startsWith('/dkimPrivateKey '));
    throw new AppError('invalid_dkim_key', `dkimPrivateKey: ${keyProblem}`, [`/dkimPrivateKey ${keyProblem}`, ...others]);
  }
  if (opts.writing && (s.dkimDomain || s.dkimSelector || s.dkimPrivateKey)) {
    for (const k of ['dkimDomain', 'dkimSelector', 'dkimPrivateKey'] as const) {
      if (!s[k]) problems.push(`/${k} is needed too: DKIM signs with a domain, a selector and a key together (clear all three and the instance's CARTBACK_DKIM_* sign, if set)`);
    }
  }
  if (problems.length) throw new AppError('invalid_body', 'invalid store settings', problems);
  return withDefaults as StoreSettings;
}

function toStore(row: StoreTable): Store {
  return { id: row.id, name: row.name, publicKey: row.public_key, settings: checkSettings(openSecrets(JSON.parse(row.settings) as Record<string, unknown>)), createdAt: row.created_at };
}

/** What the API shows of a store: secrets in its settings are masked (src/stores/secrets.ts). */
export function storeView(s: Store): StoreView {
  return { id: s.id, name: s.name, publicKey: s.publicKey, settings: maskSettings(s.settings), createdAt: new Date(s.createdAt).toISOString() };
}

export async function insertStore(db: Kysely<DB>, input: { name: string; settings?: Partial<StoreSettings> }, now: number): Promise<{ store: Store; writeKey: string }> {
  const settings = checkSettings(input.settings ?? {}, { writing: true });
  const writeKey = `wk_${randomSecret(24)}`;
  const row: StoreTable = {
    id: newId(),
    name: input.name,
    write_key_hash: sha256(writeKey),
    public_key: `pk_${randomSecret(12)}`,
    settings: JSON.stringify(sealSecrets(settings)),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('stores').values(row).execute();
  return { store: toStore(row), writeKey };
}

export async function getStore(db: Kysely<DB>, id: string): Promise<Store> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('store_not_found', `no store with id ${id}`);
  return toStore(row);
}

// Ingest looks the store up on every request; a few seconds of caching removes a query and a
// settings check from each. A change made through this process clears the entry at once; another
// process sees it within STORE_CACHE_MS (so a rotated key may work that long elsewhere).
const STORE_CACHE_MS = 5000;
const storeCache = new Map<string, { store: Store; until: number }>();

function forgetStore(id: string): void {
  for (const [hash, hit] of storeCache) if (hit.store.id === id) storeCache.delete(hash);
}

export async function findStoreByWriteKey(db: Kysely<DB>, writeKey: string): Promise<Store | undefined> {
  const hash = sha256(writeKey);
  const hit = storeCache.get(hash);
  if (hit && hit.until > Date.now()) return hit.store;
  const row = await db.selectFrom('stores').selectAll().where('write_key_hash', '=', hash).executeTakeFirst();
  if (!row) return undefined;
  const store = toStore(row);
  if (storeCache.size > 10_000) storeCache.clear();
  storeCache.set(hash, { store, until: Date.now() + STORE_CACHE_MS });
  return store;
}

/** The store a browser snippet names by its public key (not secret; cached like the write key). */
export async function findStoreByPublicKey(db: Kysely<DB>, publicKey: string): Promise<Store | undefined> {
  const cacheKey = `pk:${publicKey}`;
  const hit = storeCache.get(cacheKey);
  if (hit && hit.until > Date.now()) return hit.store;
  const row = await db.selectFrom('stores').selectAll().where('public_key', '=', publicKey).executeTakeFirst();
  if (!row) return undefined;
  const store = toStore(row);
  storeCache.set(cacheKey, { store, until: Date.now() + STORE_CACHE_MS });
  return store;
}

export async function listStores(db: Kysely<DB>): Promise<Store[]> {
  const rows = await db.selectFrom('stores').selectAll().orderBy('created_at').execute();
  return rows.map(toStore);
}

export async function updateStore(db: Kysely<DB>, id: string, patch: { name?: string; settings?: Partial<StoreSettings> }, now: number): Promise<Store> {
  const current = await getStore(db, id);
  const settings = checkSettings({ ...current.settings, ...unmaskPatch(current.settings, patch.settings ?? {}) }, { writing: true });
  await db
    .updateTable('stores')
    .set({ name: patch.name ?? current.name, settings: JSON.stringify(sealSecrets(settings)), updated_at: now })
    .where('id', '=', id)
    .execute();
  forgetStore(id);
  return { ...current, name: patch.name ?? current.name, settings };
}

/** Replaces the write key; the old one stops working at once. */
export async function rotateWriteKey(db: Kysely<DB>, id: string, now: number): Promise<string> {
  await getStore(db, id);
  const writeKey = `wk_${randomSecret(24)}`;
  await db.updateTable('stores').set({ write_key_hash: sha256(writeKey), updated_at: now }).where('id', '=', id).execute();
  forgetStore(id);
  return writeKey;
}

/** Replaces the public key; pages with the old one in their snippet tag stop reporting at once. */
export async function rotatePublicKey(db: Kysely<DB>, id: string, now: number): Promise<string> {
  await getStore(db, id);
  const publicKey = `pk_${randomSecret(12)}`;
  await db.updateTable('stores').set({ public_key: publicKey, updated_at: now }).where('id', '=', id).execute();
  forgetStore(id);
  return publicKey;
}

/** Seals secrets written before sealing existed (once, at start); returns how many stores changed. */
export async function sealPlainSecrets(db: Kysely<DB>): Promise<number> {
  let n = 0;
  for (const row of await db.selectFrom('stores').select(['id', 'settings']).execute()) {
    const stored = JSON.parse(row.settings) as Record<string, unknown>;
    if (!hasPlainSecret(stored)) continue;
    await db.updateTable('stores').set({ settings: JSON.stringify(sealSecrets(stored as StoreSettings)) }).where('id', '=', row.id).execute();
    forgetStore(row.id);
    n++;
  }
  return n;
}
