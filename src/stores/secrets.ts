/**
 * Store settings that are secrets (an SMTP password, webhook signing keys) are never shown back in
 * full: the API shows a mask that says whether one is set and which (its last characters, or the
 * SMTP host), and a settings change that sends the mask back keeps the stored secret.
 */
import type { StoreSettings } from '../contracts/store.ts';

export const SECRET_SETTINGS = ['smtpUrl', 'shopifyWebhookSecret', 'woocommerceWebhookSecret', 'bounceWebhookSecret', 'dkimPrivateKey'] as const;
type SecretKey = (typeof SECRET_SETTINGS)[number];
const DOTS = '••••••';

export function maskSecret(key: SecretKey, value: string): string {
  if (!value) return '';
  if (key === 'smtpUrl') {
    // Kept readable (URL's own setter would percent-encode the dots): scheme, user, host and port.
    const m = /^(smtps?:\/\/)(?:([^:@/]*)(?::[^@/]*)?@)?(.*)$/.exec(value);
    if (!m) return DOTS;
    return `${m[1]}${m[2] !== undefined ? `${m[2]}:${DOTS}@` : ''}${m[3]!.replace(/\/$/, '')}`;
  }
  // A PEM key ends in the same dashes as every other key: its last characters before them tell it apart.
  if (key === 'dkimPrivateKey') return `${DOTS}${value.replace(/-----END [A-Z ]+-----\s*$/, '').trim().slice(-4)}`;
  return `${DOTS}${value.slice(-4)}`;
}

export function maskSettings(settings: StoreSettings): StoreSettings {
  const out = { ...settings };
  for (const k of SECRET_SETTINGS) out[k] = maskSecret(k, settings[k]);
  return out;
}

/** A patch with a secret's mask in it means "unchanged": the mask is replaced by the stored value. */
export function unmaskPatch(current: StoreSettings, patch: Partial<StoreSettings>): Partial<StoreSettings> {
  const out = { ...patch };
  for (const k of SECRET_SETTINGS) {
    if (out[k] !== undefined && out[k] !== '' && out[k] === maskSecret(k, current[k])) out[k] = current[k];
  }
  return out;
}
