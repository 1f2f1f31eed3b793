/**
 * The on-site reminder: once per browsing session, tell Cartback the shopper is back; if they left
 * a cart and the store wants it, show a small banner. It is announced politely to screen readers,
 * closes with its button or Escape, and stays closed for the session.
 */
export interface ReturnConfig { onsiteReminder: boolean; returnCheck: boolean }
interface Reminder { itemCount: number }

const TEXT: Record<string, [string, string]> = {
  en: ['Your cart is waiting: {n} item(s) saved for you.', 'Dismiss'],
  'zh-CN': ['您的购物车还在：已为您保留 {n} 件商品。', '关闭'],
  'zh-TW': ['您的購物車還在：已為您保留 {n} 件商品。', '關閉'],
};

function words(): [string, string] {
  const lang = (document.documentElement.lang || navigator.language || 'en').toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(lang)) return TEXT['zh-TW']!;
  if (lang.startsWith('zh')) return TEXT['zh-CN']!;
  return TEXT.en!;
}

function show(r: Reminder): void {
  const [text, close] = words();
  const bar = document.createElement('div');
  bar.id = 'cartback-reminder';
  bar.setAttribute('role', 'status');
  bar.setAttribute('aria-live', 'polite');
  bar.style.cssText = 'position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483000;max-width:32rem;margin:0 auto;padding:.75rem 1rem;border-radius:.5rem;background:#1f2933;color:#fff;font:15px/1.4 system-ui,sans-serif;display:flex;gap:1rem;align-items:center;box-shadow:0 4px 12px rgba(0,0,0,.25)';
  const msg = document.createElement('span');
  msg.textContent = text.replace('{n}', String(r.itemCount));
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.textContent = '×';
  btn.setAttribute('aria-label', close);
  btn.style.cssText = 'margin-left:auto;background:none;border:0;color:inherit;font-size:1.4rem;cursor:pointer';
  const dismiss = () => {
    bar.remove();
    document.removeEventListener('keydown', onKey);
    try {
      sessionStorage.setItem('cb_rem', '1');
    } catch {
      /* storage blocked: closed for this page only */
    }
  };
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && dismiss();
  btn.addEventListener('click', dismiss);
  document.addEventListener('keydown', onKey);
  bar.append(msg, btn);
  document.body.appendChild(bar);
}

export async function checkReturn(config: ReturnConfig, post: (body: object) => Promise<{ reminder: Reminder | null } | null>): Promise<void> {
  if (!config.returnCheck) return;
  try {
    if (sessionStorage.getItem('cb_ret')) return;
    sessionStorage.setItem('cb_ret', '1');
  } catch {
    /* no session storage: check on every page */
  }
  const r = await post({});
  let dismissed = false;
  try {
    dismissed = sessionStorage.getItem('cb_rem') === '1';
  } catch {
    /* ignore */
  }
  if (r?.reminder && config.onsiteReminder && !dismissed) show(r.reminder);
}
