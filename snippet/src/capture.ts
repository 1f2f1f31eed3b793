/**
 * Email capture: when the store enables it, an email typed into one of its checkout or newsletter
 * fields is sent as an identify when the field loses focus, so a cart can be followed up even if
 * the shopper never finishes checkout. With a consent field configured, only while it is ticked.
 * The listener is attached at once; an email typed before the store's config arrives is held and
 * decided on when it does.
 */
export interface CaptureConfig { captureEmail: boolean; emailFields: string[]; consentField: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function watchEmailFields(config: Promise<CaptureConfig | null>, identify: (traits: Record<string, unknown>) => void): void {
  let settled: CaptureConfig | null | undefined; // undefined: not arrived yet
  let pending: HTMLInputElement | null = null;
  let last = '';
  const consider = (el: HTMLInputElement) => {
    const c = settled;
    if (!c || !c.captureEmail || c.emailFields.length === 0 || !el.matches(c.emailFields.join(','))) return;
    const email = (el.value || '').trim();
    if (!EMAIL.test(email) || email === last) return;
    const box = c.consentField ? document.querySelector<HTMLInputElement>(c.consentField) : null;
    if (c.consentField && !(box && box.checked)) return;
    last = email;
    identify(c.consentField ? { email, email_consent: true } : { email });
  };
  document.addEventListener(
    'blur',
    (e) => {
      const el = e.target as HTMLInputElement | null;
      if (!el || typeof el.matches !== 'function' || el.tagName !== 'INPUT') return;
      if (settled === undefined) pending = el;
      else consider(el);
    },
    true, // blur does not bubble; capture it on the way down
  );
  void config.then((c) => {
    settled = c;
    if (pending) consider(pending);
  });
}
