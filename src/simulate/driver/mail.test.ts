import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageLinks, trackClicks } from '../../links/tracking.ts';
import { LinkSigner } from '../../links/tokens.ts';
import { readMail } from './mail.ts';

const BASE = 'http://cb.test:4700';

test("a mail's links, send instant and discount code are read as Cartback wrote them", () => {
  const signer = new LinkSigner('s'.repeat(32));
  const sentAt = Date.UTC(2026, 2, 4, 10, 5, 0, 123);
  const links = messageLinks(BASE, signer, 'msg1', sentAt);
  const tracked = trackClicks(`<a href="${links.restore}">Back to cart</a><a href="https://shop.test/help?a=1&amp;b=2">Help</a><a href="${links.unsubscribe}">Unsubscribe</a><img src="${links.open}" width="1">`, BASE, signer, 'msg1', sentAt);
  const seen = readMail({ to: 'Mei.Chen@Example.com', messageId: '<msg1@cb.test>', html: tracked.html, text: 'Use CB-ABCD2345 at checkout', listUnsubscribe: `List-Unsubscribe: <${links.unsubscribe}>` }, BASE, 'CB');
  assert.equal(seen.to, 'mei.chen@example.com');
  assert.equal(seen.messageId, 'msg1@cb.test');
  assert.equal(seen.sentAt, sentAt);
  assert.equal(seen.open, links.open);
  assert.equal(seen.restore, links.restore);
  assert.equal(seen.clicks.length, 1);
  assert.match(seen.clicks[0]!, new RegExp(`^${BASE}/c/msg1\\.0\\.`));
  assert.equal(seen.unsubscribe, links.unsubscribe);
  assert.equal(seen.discountCode, 'CB-ABCD2345');
});

test('a mail without a pixel has no send instant; without a prefix no code is guessed', () => {
  const seen = readMail({ to: 'a@example.com', messageId: null, html: '<p>Hi</p>', text: 'SHIPPING today', listUnsubscribe: null }, BASE, '');
  assert.equal(seen.sentAt, null);
  assert.equal(seen.unsubscribe, null);
  assert.equal(seen.discountCode, null);
});
