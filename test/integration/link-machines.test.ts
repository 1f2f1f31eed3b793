/**
 * Links followed by machines count as no open and no click, on both databases: a mail scanner's
 * fetch the moment a message arrives, a HEAD request, a library's user agent. They still lead where
 * they lead; a person's click later counts and credits the order.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { PERSON_AGENT } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const restoreLink = (html: string) => html.match(/href="([^"]*\/r\/[^"]+)"/)![1]!.replaceAll('&amp;', '&');

for (const dialect of DIALECTS) {
  describe(`links followed by machines on ${dialect.name}`, { skip: dialect.skip }, () => {
    // The default rule: a click within 5 s of delivery is a scanner's.
    const cb = cartbackSuite(dialect, { smtp: true, env: { CARTBACK_LINK_SCANNER_SECONDS: '5' } });

    test('scanner, HEAD and library requests are kept but not counted; a person later is, and is credited', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Scanned', { wait1: 'PT1H' }));
      const shopper = await abandonCart(cb.api, writeKey);
      const mail = await eventually('the email', async () => cb.to(shopper.email)[0]);
      const link = restoreLink(mail.html as string);
      const get = (method: string, ua?: string) => fetch(link, { method, redirect: 'manual', headers: ua === undefined ? {} : { 'user-agent': ua } });
      assert.equal((await get('GET', PERSON_AGENT)).status, 302, 'a scanner arriving with the mail still gets the page');
      assert.equal((await get('HEAD', PERSON_AGENT)).status, 302);
      assert.equal((await get('GET', 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))')).status, 302);
      assert.equal((await get('GET', 'python-requests/2.31.0')).status, 302);
      const db = cb.running.services.database.db;
      const message = () => db.selectFrom('messages').selectAll().where('to_address', '=', shopper.email).executeTakeFirstOrThrow();
      assert.equal((await message()).click_count, 0, 'no click counted');
      assert.equal((await message()).opened_at, null, 'and no open');
      const events = await db.selectFrom('link_events').select(['machine']).where('message_id', '=', (await message()).id).orderBy('at').execute();
      assert.deepEqual(events.map((e) => e.machine).sort(), ['head_request', 'scanner_agent', 'scanner_agent', 'too_soon_after_delivery']);

      await new Promise((r) => setTimeout(r, 5200));
      assert.equal((await get('GET', PERSON_AGENT)).status, 302);
      assert.equal((await message()).click_count, 1, "the person's click counts");
      await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: shopper.anonymousId, event: 'Order Completed', properties: { order_id: `o-${randomUUID()}`, cart_id: shopper.cartId, total: 788, currency: 'USD' } }, writeKey);
      const order = await db.selectFrom('orders').selectAll().where('store_id', '=', storeId).executeTakeFirstOrThrow();
      assert.equal(order.recovered, 1, 'credited to the email the person clicked');
    });
  });
}
