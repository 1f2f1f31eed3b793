import assert from 'node:assert/strict';
import { test } from 'node:test';
import { READY_FLOWS } from '../templates/ready-flows.ts';
import { AppError } from '../../kernel/errors.ts';
import { validateFlow } from './validate.ts';

const known = (k: string) => ['helpful-1', 'helpful-2', 'classic-1', 'classic-2', 'classic-3', 'day-1', 'day-3', 'day-5'].includes(k);
const problems = (def: unknown) => {
  try {
    validateFlow(def, known);
    return [];
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'invalid_flow');
    return (e.details as Array<{ node?: string; message: string }>).map((p) => `${p.node ?? '-'}: ${p.message}`);
  }
};

test('the ready-made flows are valid', () => {
  for (const f of READY_FLOWS) assert.deepEqual(problems(f), [], f.name);
});

test('every graph problem is listed at once, with its node', () => {
  const found = problems({
    name: 'Broken',
    trigger: 'cart_abandoned',
    nodes: [
      { id: 't', type: 'trigger', event: 'cart_abandoned', next: 'a' },
      { id: 'a', type: 'send_email', template: 'nope', next: 'b' },
      { id: 'b', type: 'wait', duration: 'PT0S', next: 'a' },
      { id: 'lonely', type: 'exit' },
      { id: 'c', type: 'condition', check: { kind: 'purchased' }, yes: 'ghost', no: null },
    ],
  });
  assert.ok(found.includes('a: template "nope" does not exist'), found.join('\n'));
  assert.ok(found.some((p) => p.startsWith('b: wait "PT0S"')), found.join('\n'));
  assert.ok(found.some((p) => p.includes('loop')), found.join('\n'));
  assert.ok(found.includes('lonely: cannot be reached from the trigger'));
  assert.ok(found.includes('c: links to unknown node "ghost"'));
});

test('a wrong shape names the path, and the node when the path is inside one', () => {
  const found = problems({ name: 'x', trigger: 'cart_abandoned', nodes: [{ id: 't', type: 'teleport' }] });
  assert.ok(found.length > 0 && found.every((p) => p.startsWith('t: /nodes/0')), found.join('\n'));
  const top = problems({ name: '', trigger: 'cart_abandoned', nodes: [{ id: 't', type: 'trigger', event: 'cart_abandoned' }] });
  assert.ok(top.some((p) => p.startsWith('-: /name')), top.join('\n'));
});

test('a node with a wrong field is told about that field only, not about other node types', () => {
  const found = problems({
    name: 'Half built',
    trigger: 'cart_abandoned',
    nodes: [
      { id: 't', type: 'trigger', event: 'cart_abandoned', next: 'e' },
      { id: 'e', type: 'send_email', template: '', next: 'c' },
      { id: 'c', type: 'condition', check: { kind: 'cart_value', op: 'gte', amount: -1 }, yes: null, no: null },
    ],
  });
  assert.deepEqual(found, ['e: /nodes/1/template must not have fewer than 1 characters', 'c: /nodes/2/check/amount must be >= 0']);
});

test('while a step\'s settings are wrong, its links are still checked', () => {
  const found = problems({
    name: 'Half built',
    trigger: 'cart_abandoned',
    nodes: [
      { id: 't', type: 'trigger', event: 'cart_abandoned', next: null },
      { id: 'e', type: 'send_email', template: '', next: 'ghost' },
    ],
  });
  assert.deepEqual(found, ['e: /nodes/1/template must not have fewer than 1 characters', 'e: links to unknown node "ghost"', 'e: cannot be reached from the trigger']);
  const unreadable = problems({ name: 'x', trigger: 'cart_abandoned', nodes: [{ id: 't', type: 'trigger', event: 'cart_abandoned', next: 7 }] });
  assert.ok(unreadable.every((p) => p.startsWith('t: /nodes/0')), unreadable.join('\n'));
});
