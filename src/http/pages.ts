/** The few small HTML pages Cartback serves to shoppers (unsubscribe, expired link). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function page(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#1f2933;color:#fff;cursor:pointer}</style>
</head><body>${body}</body></html>`;
}

const TEXT = {
  en: { ask: 'Unsubscribe from these emails?', who: 'You will no longer get cart reminders from', confirm: 'Unsubscribe', done: 'You are unsubscribed', doneBody: 'You will not get further marketing email from' },
  zh: { ask: '退订这些邮件？', who: '您将不再收到以下商店的购物车提醒：', confirm: '确认退订', done: '您已退订', doneBody: '您将不再收到以下商店的营销邮件：' },
  tw: { ask: '取消訂閱這些郵件？', who: '您將不再收到以下商店的購物車提醒：', confirm: '確認取消訂閱', done: '您已取消訂閱', doneBody: '您將不再收到以下商店的行銷郵件：' },
};

function textFor(locale: string | null) {
  if (locale === 'zh-TW') return TEXT.tw;
  if (locale?.startsWith('zh')) return TEXT.zh;
  return TEXT.en;
}

/** GET shows a button; only the POST unsubscribes, so link scanners that follow GETs change nothing. */
export function unsubscribeConfirmPage(storeName: string, action: string, locale: string | null): string {
  const t = textFor(locale);
  return page(t.ask, `<h1>${t.ask}</h1><p>${t.who} <strong>${escapeHtml(storeName)}</strong>.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="confirm" value="1"><button type="submit">${t.confirm}</button></form>`, locale ?? 'en');
}

export function unsubscribedPage(storeName: string, locale: string | null): string {
  const t = textFor(locale);
  return page(t.done, `<h1>${t.done}</h1><p>${t.doneBody} <strong>${escapeHtml(storeName)}</strong>.</p>`, locale ?? 'en');
}
