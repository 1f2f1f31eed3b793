/**
 * Secrets in store settings are sealed at rest (src/kernel/sealed.ts) with a key derived from the
 * instance secret: CARTBACK_SECRET when set (then a copy of the database alone reveals no SMTP
 * password or webhook key), else the secret the instance generated and keeps in the database (which
 * only keeps them out of casual reads and logs; `doctor` says so). The key is loaded once per
 * process (buildApp, the CLI) before any store is read; without it a sealed value cannot be read
 * and a secret cannot be written (fail closed).
 */
import type { StoreSettings } from '../contracts/store.ts';
import { deriveKey, isSealed, seal, unseal } from '../kernel/sealed.ts';
import { SECRET_SETTINGS } from './secrets.ts';

let key: Buffer | null = null;

export function loadSettingsKey(instanceSecret: string): void {
  key = deriveKey(instanceSecret, 'store settings secrets');
}

function needKey(): Buffer {
  if (!key) throw new Error('store secrets are sealed, but this process has not loaded the settings key (loadSettingsKey)');
  return key;
}

/** Settings as stored: every non-empty secret sealed. */
export function sealSecrets(settings: StoreSettings): StoreSettings {
  const out = { ...settings } as Record<string, unknown>;
  for (const k of SECRET_SETTINGS) {
    const v = out[k];
    if (typeof v === 'string' && v !== '' && !isSealed(v)) out[k] = seal(needKey(), v);
  }
  return out as StoreSettings;
}

/** Settings as used: every sealed secret opened (a plaintext one, written before sealing, is taken as it is). */
export function openSecrets(settings: Record<string, unknown>): Record<string, unknown> {
  const out = { ...settings };
  for (const k of SECRET_SETTINGS) {
    const v = out[k];
    if (typeof v === 'string' && isSealed(v)) out[k] = unseal(needKey(), v);
  }
  return out;
}

/** Whether stored settings hold a secret that is not sealed yet (written before sealing existed). */
export const hasPlainSecret = (stored: Record<string, unknown>): boolean => SECRET_SETTINGS.some((k) => typeof stored[k] === 'string' && stored[k] !== '' && !isSealed(stored[k] as string));
