import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addItem, itemsParam, removeItem, replaceItems, replay, toItem, totals } from './cart-state.ts';

test('adding the same product twice adds up on one line, in minor units', () => {
  let items = addItem([], { sku: 'LENS-50', name: 'Lens', price: 199.99, quantity: 1 }, 'USD');
  items = addItem(items, { sku: 'LENS-50', name: 'Lens', price: '199.99', quantity: 2 }, 'USD');
  assert.equal(items.length, 1);
  assert.deepEqual(totals(items), { itemCount: 3, value: 59997 });
});

test('currencies without minor units keep whole amounts', () => {
  const items = addItem([], { sku: 'A', price: 1500, quantity: 2 }, 'JPY');
  assert.equal(totals(items).value, 3000);
});

test('removing without a quantity drops the line; with one never goes below zero', () => {
  const items = replaceItems([{ sku: 'A', price: 10, quantity: 2 }, { sku: 'B', price: 5, quantity: 1 }], 'USD');
  assert.deepEqual(removeItem(items, { sku: 'A', quantity: 5 }).map((i) => i.sku), ['B']);
  assert.deepEqual(removeItem(items, { sku: 'B' }).map((i) => i.sku), ['A']);
  assert.equal(itemsParam(removeItem(items, { sku: 'A', quantity: 1 })), 'A:1,B:1');
});

test('a Product Added with quantity 0 adds no line (found by test/properties/ingest.test.ts)', () => {
  assert.deepEqual(addItem([], { sku: 'LENS-35', price: 0, quantity: 0 }, 'USD'), []);
  const one = addItem([], { sku: 'A', price: 10, quantity: 1 }, 'USD');
  assert.deepEqual(addItem(one, { sku: 'A', price: 12, quantity: 0 }, 'USD').map((i) => [i.quantity, i.price]), [[1, 1200]], 'on a line it only brings newer details');
});

test('replay puts deltas at their own time, whatever order they arrived in; at one instant a snapshot comes first', () => {
  const lens = toItem({ sku: 'LENS', price: 10, quantity: 1 }, 'USD');
  const tripod = toItem({ sku: 'TRIPOD', price: 20, quantity: 1 }, 'USD');
  // arrival order: the remove (t2) before the add it undoes (t1)
  assert.deepEqual(replay([{ at: 2, kind: 'remove', key: 'LENS' }, { at: 1, kind: 'add', item: lens }]), []);
  // a snapshot (t2) arriving after a newer add (t3) keeps it
  assert.deepEqual(replay([{ at: 3, kind: 'add', item: lens }, { at: 2, kind: 'snapshot', items: [tripod] }]).map((i) => i.sku), ['TRIPOD', 'LENS']);
  // an add stamped with the snapshot's own instant is news after it
  assert.deepEqual(replay([{ at: 2, kind: 'add', item: lens }, { at: 2, kind: 'snapshot', items: [tripod] }]).map((i) => i.sku), ['TRIPOD', 'LENS']);
});
