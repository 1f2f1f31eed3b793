/**
 * Export and erasure of one person through the admin API, on every database: a shopper with a full
 * history (events, cart, run and its note, messages with an open and a click, a discount code, an
 * order, mailbox copies, and events still waiting in the outbox) is exported with all of it; then
 * erased: every table is checked for them, another shopper is untouched, the counts are right,
 * the order stays only as an anonymous total, and the same address later starts a new contact.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { DIALECTS } from '../harness/dialects.ts';
import { mailsTo, personWithHistory, type Person } from '../harness/person.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

for (const dialect of DIALECTS) {
  describe(`erasing one person on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    const db = () => cb.running.services.database.db;

    /** Every row anywhere that names this person: by contact, message, cart, anonymous id, user id or address. */
    async function traces(p: Person, storeId: string) {
      const d = db();
      const messages = d.selectFrom('messages').select('id').where('contact_id', '=', p.contactId);
      const count = async (q: { execute(): Promise<unknown[]> }) => (await q.execute()).length;
      return {
        contacts: await count(d.selectFrom('contacts').select('id').where('id', '=', p.contactId)),
        identities: await count(d.selectFrom('identities').select('value').where((eb) => eb.or([eb('contact_id', '=', p.contactId), eb('value', 'in', [p.email, p.anonymousId, `user-${p.email}`])]))),
        events: await count(d.selectFrom('events').select('id').where('store_id', '=', storeId).where((eb) => eb.or([eb('contact_id', '=', p.contactId), eb('anonymous_id', '=', p.anonymousId), eb('user_id', '=', `user-${p.email}`), sql<boolean>`lower(payload) like ${`%${p.email}%`}`]))),
        carts: await count(d.selectFrom('carts').select('id').where((eb) => eb.or([eb('contact_id', '=', p.contactId), eb('external_id', '=', p.cartId)]))),
        runs: await count(d.selectFrom('runs').select('id').where('contact_id', '=', p.contactId)),
        run_notes: await count(d.selectFrom('run_notes').select('id').where('contact_id', '=', p.contactId)),
        messages: await count(messages),
        link_events: await count(d.selectFrom('link_events').select('id').where('message_id', 'in', p.mails.map((m) => m.message_id))),
        discount_codes: await count(d.selectFrom('discount_codes').select('code').where((eb) => eb.or([eb('contact_id', '=', p.contactId), eb('code', '=', p.code)]))),
        mailbox: await count(d.selectFrom('mailbox').select('id').where((eb) => eb.or([eb('to_address', '=', p.email), eb('message_id', 'in', p.mails.map((m) => m.message_id))]))),
        orders: await count(d.selectFrom('orders').select('id').where((eb) => eb.or([eb('contact_id', '=', p.contactId), eb('external_id', '=', p.orderId)]))),
      };
    }

    test('export holds everything; erasure leaves no trace, keeps the order as a total, spares the other shopper', async () => {
      const store = await storeWithFlow(cb.api, threeStepFlow('Privacy', { wait2: 'PT1H' }));
      const [p, other] = await Promise.all([personWithHistory(cb, store), personWithHistory(cb, store)]);
      // A template test mail to their address (no message row), and events still in the outbox:
      // an identify from a new device with their address, and an order under their user id.
      assert.equal((await cb.api.admin('POST', `/stores/${store.storeId}/templates/helpful-1/en/test`, { to: p.email })).status < 300, true);
      await cb.api.ingest('/identify', { messageId: randomUUID(), anonymousId: p.anonymousId, userId: `user-${p.email}`, traits: { email: p.email } }, store.writeKey);
      await cb.running.services.worker.stop(); // nothing applies what comes next
      try {
        await cb.api.ingestAsync('/identify', { messageId: randomUUID(), anonymousId: `new-device-${randomUUID()}`, traits: { email: p.email.toUpperCase() } }, store.writeKey);
        await cb.api.ingestAsync('/track', { messageId: randomUUID(), userId: `user-${p.email}`, event: 'Product Viewed', properties: { sku: 'LENS-35' } }, store.writeKey);
        await cb.api.ingestAsync('/track', { messageId: randomUUID(), userId: 'someone-else', event: 'Product Viewed', properties: { sku: 'LENS-35' } }, store.writeKey);

        const before = await traces(p, store.storeId);
        const otherBefore = await traces(other, store.storeId);
        for (const [table, n] of Object.entries(before)) assert.ok(n > 0, `the history has ${table}`);

        // Export by id: a download with every section.
        const res = await cb.api.admin('GET', `/stores/${store.storeId}/contacts/${p.contactId}/export`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-disposition')!, new RegExp(`^attachment; filename="cartback-contact-${p.contactId}\\.json"$`));
        const doc = res.body;
        assert.equal(doc.contacts[0].email, p.email);
        assert.deepEqual(doc.identities.map((i: { kind: string }) => i.kind).sort(), ['anon', 'email', 'user']);
        assert.equal(doc.carts[0].items.length, 2, 'cart items, parsed');
        assert.equal(doc.orders[0].external_id, p.orderId);
        assert.equal(doc.events.filter((e: { applied_at: string | null }) => e.applied_at === null).length, 2, 'both pending events that name them');
        assert.ok(doc.events.some((e: { payload: { traits?: { first_name?: string } } }) => e.payload.traits?.first_name === 'Mei'), 'raw payloads, parsed');
        assert.equal(doc.runs.length, 1);
        assert.equal(doc.runNotes.length, 1);
        const first = doc.messages.find((m: { id: string }) => m.id === p.mails[0]!.message_id);
        assert.ok(first.subject && first.status === 'sent' && first.opened_at && first.clicked_at, 'subject, status, open and click times');
        assert.match(first.sent_at, /^\d{4}-\d\d-\d\dT/);
        assert.deepEqual(doc.linkEvents.map((l: { kind: string }) => l.kind).sort(), ['open', 'restore']);
        assert.equal(doc.discountCodes[0].code, p.code);
        assert.equal(doc.mailbox.length, 3, 'two sends and the test mail');
        // By email, in any case: the same document.
        const byEmail = await cb.api.admin('GET', `/stores/${store.storeId}/contacts/export?email=${encodeURIComponent(` ${p.email.toUpperCase()} `)}`);
        assert.deepEqual({ ...byEmail.body, exportedAt: null }, { ...doc, exportedAt: null });

        // A dry run names what would go and changes nothing.
        const dry = await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts/${p.contactId}?dryRun=true`);
        assert.equal(dry.status, 200);
        assert.equal(dry.body.dryRun, true);
        assert.deepEqual(await traces(p, store.storeId), before);

        const erased = await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts/${p.contactId}`);
        assert.equal(erased.status, 200, JSON.stringify(erased.body));
        const sections: Record<string, string> = { contacts: 'contacts', identities: 'identities', carts: 'carts', events: 'events', runs: 'runs', run_notes: 'runNotes', messages: 'messages', link_events: 'linkEvents', discount_codes: 'discountCodes', mailbox: 'mailbox' };
        for (const [table, section] of Object.entries(sections)) assert.equal(erased.body.deleted[table], doc[section].length, `${table}: as many deleted as exported`);
        assert.deepEqual({ ...erased.body, dryRun: true }, dry.body, 'the dry run said exactly this');
        assert.deepEqual([erased.body.deleted.orders, erased.body.anonymized.orders, erased.body.suppressions], [0, 1, 0]);

        const after = await traces(p, store.storeId);
        assert.deepEqual(after, { ...Object.fromEntries(Object.keys(before).map((k) => [k, 0])), orders: 0 }, 'no trace of them anywhere');
        assert.deepEqual(await traces(other, store.storeId), otherBefore, 'the other shopper is untouched');
        const kept = await db().selectFrom('orders').selectAll().where('store_id', '=', store.storeId).where('external_id', 'like', 'erased:%').execute();
        assert.equal(kept.length, 1);
        assert.deepEqual([kept[0]!.total, kept[0]!.recovered, kept[0]!.contact_id, kept[0]!.cart_id, kept[0]!.attributed_message_id], [78800, 1, null, null, null]);
        const pending = await db().selectFrom('events').select('user_id').where('store_id', '=', store.storeId).where('applied_at', 'is', null).execute();
        assert.deepEqual(pending.map((e) => e.user_id), ['someone-else'], "another person's pending event stays");

        assert.equal((await cb.api.admin('GET', `/stores/${store.storeId}/contacts/${p.contactId}`)).status, 404);
        assert.equal((await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts/${p.contactId}`)).body.error.code, 'not_found');

      } finally {
        await cb.running.services.worker.start();
      }
      // Not a block list: the address coming back makes a new contact, who can be emailed.
      await cb.api.ingest('/identify', { messageId: randomUUID(), anonymousId: `back-${randomUUID()}`, traits: { email: p.email } }, store.writeKey);
      const back = await cb.api.admin('GET', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(p.email)}`);
      assert.equal(back.body.length, 1);
      assert.notEqual(back.body[0].id, p.contactId);
      assert.equal(back.body[0].unsubscribed_at, null);
      assert.equal((await mailsTo(cb, store.storeId, p.email)).length, 0, 'their old mail copies are gone');
    });

    test('by email: erased in one go, and an unknown address is a 404', async () => {
      const store = await storeWithFlow(cb.api, threeStepFlow('By email', { wait2: 'PT1H' }));
      const p = await personWithHistory(cb, store, { buy: false });
      const erased = await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(p.email.toUpperCase())}`);
      assert.equal(erased.status, 200);
      assert.deepEqual(erased.body.contactIds, [p.contactId]);
      assert.ok(erased.body.deleted.messages >= 2 && erased.body.deleted.events >= 3);
      assert.deepEqual(Object.values(await traces(p, store.storeId)).filter((n) => n > 0), []);
      const missing = await cb.api.admin('DELETE', `/stores/${store.storeId}/contacts?email=nobody%40example.com`);
      assert.deepEqual([missing.status, missing.body.error.code], [404, 'not_found']);
      assert.equal((await cb.api.admin('GET', `/stores/${store.storeId}/contacts/export?email=nobody%40example.com`)).status, 404);
    });
  });
}
