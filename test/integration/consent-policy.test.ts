/**
 * The consent policy on both databases. A new store defaults to opt_in_eu: a shopper in the EU/EEA
 * or the UK (by country trait, time zone or locale region) or of unknown whereabouts is not
 * emailed without consent; one known to be elsewhere is; a yes is always enough. A store keeps
 * the policy it was saved with, and the check is made again at send time (invariant 3): a shopper
 * found to be in the EU while their run waits gets no further mail.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow, type Api } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

async function identify(api: Api, writeKey: string, anonymousId: string, traits: object) {
  const r = await api.ingest('/identify', { messageId: randomUUID(), anonymousId, traits }, writeKey);
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

for (const dialect of DIALECTS) {
  describe(`consent policy on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    const db = () => cb.running.services.database.db;
    /** Whether the cart was enrolled when it was abandoned (null while it is not abandoned yet). */
    const enrolledWhenAbandoned = async (storeId: string, cartId: string) =>
      eventually(`cart ${cartId} abandoned`, async () => {
        const c = await db().selectFrom('carts').select(['abandoned_at', 'enrolled_at']).where('store_id', '=', storeId).where('external_id', '=', cartId).executeTakeFirst();
        return c?.abandoned_at ? { enrolled: c.enrolled_at !== null } : undefined;
      });

    test('a new store starts with opt_in_eu; a store saved with another policy keeps it', async () => {
      const fresh = await cb.api.admin('POST', '/stores', { name: `New ${randomUUID().slice(0, 6)}`, templates: false });
      assert.equal(fresh.body.settings.emailConsent, 'opt_in_eu');
      const old = await cb.api.admin('POST', '/stores', { name: `Old ${randomUUID().slice(0, 6)}`, templates: false, settings: { emailConsent: 'opt_out' } });
      await cb.api.admin('PATCH', `/stores/${old.body.id}`, { settings: { currency: 'EUR' } });
      assert.equal((await cb.api.admin('GET', `/stores/${old.body.id}`)).body.settings.emailConsent, 'opt_out');
      assert.equal((await cb.api.admin('PATCH', `/stores/${old.body.id}`, { settings: { emailConsent: 'opt_in_everywhere' } })).status, 400);
    });

    test('opt_in_eu: EU/UK and unknown shoppers need a yes; shoppers known to be elsewhere are emailed', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('EU rule', { wait1: 'PT1H' }), { emailConsent: 'opt_in_eu', abandonAfter: 'PT2S' });
      const cases: Array<{ name: string; traits: object; enrolled: boolean }> = [
        { name: 'country FR', traits: { country: 'FR' }, enrolled: false },
        { name: 'address.country United Kingdom', traits: { address: { country: 'United Kingdom' } }, enrolled: false },
        { name: 'time zone Europe/Berlin', traits: { timezone: 'Europe/Berlin' }, enrolled: false },
        { name: 'locale de-AT', traits: { locale: 'de-AT' }, enrolled: false },
        { name: 'nothing known', traits: {}, enrolled: false },
        { name: 'only UTC', traits: { timezone: 'UTC' }, enrolled: false },
        { name: 'country US', traits: { country: 'US' }, enrolled: true },
        { name: 'time zone Asia/Taipei', traits: { timezone: 'Asia/Taipei' }, enrolled: true },
        { name: 'locale en-US', traits: { locale: 'en-US' }, enrolled: true },
        { name: 'country before time zone: US with Europe/Paris', traits: { country: 'US', timezone: 'Europe/Paris' }, enrolled: true },
        { name: 'in Germany but said yes', traits: { country: 'DE', email_consent: true }, enrolled: true },
        { name: 'in Canada but said no', traits: { country: 'CA', email_consent: false }, enrolled: false },
      ];
      const shoppers = [];
      for (const c of cases) {
        const s = await abandonCart(cb.api, writeKey);
        await identify(cb.api, writeKey, s.anonymousId, c.traits);
        shoppers.push({ ...c, ...s });
      }
      for (const s of shoppers) assert.deepEqual(await enrolledWhenAbandoned(storeId, s.cartId), { enrolled: s.enrolled }, s.name);
      const us = shoppers.find((s) => s.name === 'country US')!;
      await eventually('the email to the US shopper', async () => cb.to(us.email)[0]);
    });

    test('opt_in and opt_out ignore where the shopper is', async () => {
      const optIn = await storeWithFlow(cb.api, threeStepFlow('Opt-in', { wait1: 'PT1H' }), { emailConsent: 'opt_in', abandonAfter: 'PT2S' });
      const optOut = await storeWithFlow(cb.api, threeStepFlow('Opt-out', { wait1: 'PT1H' }), { emailConsent: 'opt_out', abandonAfter: 'PT2S' });
      const a = await abandonCart(cb.api, optIn.writeKey);
      await identify(cb.api, optIn.writeKey, a.anonymousId, { country: 'US' });
      const b = await abandonCart(cb.api, optOut.writeKey);
      await identify(cb.api, optOut.writeKey, b.anonymousId, { country: 'FR' });
      assert.deepEqual(await enrolledWhenAbandoned(optIn.storeId, a.cartId), { enrolled: false });
      assert.deepEqual(await enrolledWhenAbandoned(optOut.storeId, b.cartId), { enrolled: true });
    });

    test('at send time: a shopper found to be in the EU while the run waits gets no further email', async () => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('Moved', { wait1: 'PT1H' }), { emailConsent: 'opt_in_eu' });
      const s = await abandonCart(cb.api, writeKey, { timezone: 'America/New_York' });
      await eventually('the first email', async () => cb.to(s.email)[0]);
      await identify(cb.api, writeKey, s.anonymousId, { country: 'IE' });
      const contact = await db().selectFrom('contacts').select('id').where('email', '=', s.email).executeTakeFirstOrThrow();
      // The wait is an hour; the test moves the next step to now instead of waiting.
      await db().updateTable('runs').set({ due_at: Date.now() }).where('contact_id', '=', contact.id).where('state', '=', 'active').execute();
      const skipped = await eventually('the second step skipped', async () => db().selectFrom('messages').selectAll().where('contact_id', '=', contact.id).where('node_id', '=', 'email-2').executeTakeFirst());
      assert.equal(skipped.status, 'skipped');
      assert.equal(skipped.reason, 'no_consent');
      assert.equal(cb.to(s.email).length, 1);
    });
  });
}
