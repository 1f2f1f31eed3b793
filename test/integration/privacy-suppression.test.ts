/**
 * Erasure and "never email me again", on every database: a shopper who unsubscribed and is then
 * erased leaves only the SHA-256 of their address, and when that address comes back with a new
 * cart, the new contact is not mailed (the step is skipped as unsubscribed). A shopper who had not
 * unsubscribed is mailed again as anyone new: erasure is not a block list.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { mailsTo } from '../harness/person.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const unsubscribeLink = (html: string) => html.match(/href="[^"]*(\/u\/[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');

for (const dialect of DIALECTS) {
  describe(`erased opt-outs on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('an erased unsubscriber who comes back is not mailed; an erased subscriber is', async () => {
      const store = await storeWithFlow(cb.api, threeStepFlow('Opt-outs', { wait1: 'PT1H' }));
      const [quitter, keeper] = [`Quit-${randomUUID()}@Shopper.test`, `keep-${randomUUID()}@shopper.test`];
      const firstMail = async (email: string) => eventually(`a mail to ${email}`, async () => (await mailsTo(cb, store.storeId, email.toLowerCase()))[0]);
      await Promise.all([abandonCart(cb.api, store.writeKey, { email: quitter }), abandonCart(cb.api, store.writeKey, { email: keeper })]);
      const mail = await firstMail(quitter);
      await firstMail(keeper);
      const res = await fetch(`${cb.env.base}${unsubscribeLink(mail.html)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(res.status, 200);

      const erased = await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(quitter)}`);
      assert.equal(erased.body.suppressions, 1);
      assert.equal((await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(keeper)}`)).body.suppressions, 0);
      const db = cb.running.services.database.db;
      const kept = await db.selectFrom('suppressions').selectAll().where('store_id', '=', store.storeId).execute();
      const hash = createHash('sha256').update(quitter.toLowerCase()).digest('hex');
      assert.deepEqual(kept.map((k) => [k.email_hash, k.kind]), [[hash, 'unsubscribed']], 'only the hash of the address is kept');

      // Both come back with a new cart, as new contacts.
      await abandonCart(cb.api, store.writeKey, { email: quitter.toUpperCase() });
      await abandonCart(cb.api, store.writeKey, { email: keeper });
      await firstMail(keeper);
      const back = (await cb.api.admin('GET', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(quitter.toLowerCase())}`)).body[0];
      const skipped = await eventually('the first step of the returning unsubscriber', async () => {
        const m = await db.selectFrom('messages').select(['status', 'reason']).where('contact_id', '=', back.id).executeTakeFirst();
        return m;
      });
      assert.deepEqual(skipped, { status: 'skipped', reason: 'unsubscribed' });
      assert.equal((await mailsTo(cb, store.storeId, quitter.toLowerCase())).length, 0, 'never mailed again');
      const profile = (await cb.api.admin('GET', `/stores/${store.storeId}/contacts/${back.id}`)).body.contact;
      assert.ok(profile.unsubscribed_at, 'the new contact shows the opt-out');
    });
  });
}
