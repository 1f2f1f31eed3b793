/**
 * Generators for the property tests (fast-check): well-formed and broken Segment events, raw
 * request bodies, platform webhook payloads, flow definitions and Liquid/MJML templates, plus the
 * run settings every property file shares (a fixed seed from FC_SEED, printed on failure).
 */
import fc from 'fast-check';

/**
 * fast-check's run settings: FC_SEED replays a failing run exactly (its seed and path are printed
 * with the counterexample; FC_PATH as well goes straight to the shrunk one), FC_RUNS scales the number of runs (default `runs`, kept small enough that each
 * file takes well under a minute per database).
 */
export function fcParams<T>(runs: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  const numRuns = process.env.FC_RUNS === undefined ? runs : Number(process.env.FC_RUNS);
  // With the seed, FC_PATH (also printed) jumps straight to the shrunk counterexample.
  const path = process.env.FC_PATH;
  return { numRuns, ...(seed === undefined ? {} : { seed }), ...(seed !== undefined && path ? { path } : {}), interruptAfterTimeLimit: 50_000, markInterruptAsFailure: false };
}

/** Text people actually type, and text that is not: astral chars, RTL, combining marks, NUL, lone surrogates. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }), // any code point, lone surrogate halves included
    fc.constantFrom('Ноутбук', '镜头 35mm', '😀📷🎞️', 'עדשה 35מ"מ', 'مرحبا‎ بالعالم', 'e\u0301\u0301\u0301', 'a\u0000b', '\ud800', 'x\udfffy', '\u202eevil', '\ufeffbom', '\u2028\u2029', '<script>alert(1)</script>', '{{ 7 | times: 6 }}'),
  );

/** Identifiers (cart_id, anonymousId, sku): valid ones are 1–200 chars without NUL. */
export const anyId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
  hostileText(30).filter((s) => s.length > 0 && !s.includes('\u0000')),
);

/** Instants from year 1 to 9999 (ISO 8601, Z or an offset), and the edges. */
export const isoTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '+08:00')),
  fc.constantFrom('1970-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-02-29T12:00:00Z'),
);

/** Prices as Segment senders send them: numbers, or numeric strings ("19.99"). */
export const price = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2)),
  fc.integer({ min: 0, max: 999 }).map(String),
);

export const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'CNY', 'usd', 'KWD');

export const product = fc.record(
  {
    product_id: fc.oneof(anyId, fc.integer({ min: 0, max: 2 ** 40 })),
    sku: anyId,
    name: hostileText(60).filter((s) => !s.includes('\u0000')),
    price,
    quantity: fc.integer({ min: 0, max: 50 }),
    image_url: fc.webUrl(),
    category: fc.constantFrom('Lenses', '镜头', 'Трипод'),
  },
  { requiredKeys: ['sku'] },
);

const COMMERCE = ['Product Added', 'Product Removed', 'Cart Viewed', 'Checkout Started', 'Checkout Step Completed', 'Payment Info Entered', 'Order Completed', 'Order Refunded', 'Product Viewed'] as const;

const identity = fc.oneof(
  fc.record({ anonymousId: anyId }),
  fc.record({ userId: anyId }),
  fc.record({ anonymousId: anyId, userId: anyId }),
);

/** A valid track event with commerce properties (any of the names Cartback acts on, or another). */
export const validTrack = fc.tuple(
  identity,
  fc.oneof(fc.constantFrom(...COMMERCE), hostileText(30).filter((s) => s.length > 0 && !s.includes('\u0000'))),
  fc.record({
    cart_id: anyId,
    products: fc.array(product, { maxLength: 4 }),
    order_id: anyId,
    total: price,
    currency,
    coupon: fc.string({ maxLength: 20 }),
    email: fc.emailAddress(),
    note: hostileText(),
  }, { requiredKeys: [] }),
  fc.option(isoTimestamp, { nil: undefined }),
  fc.option(fc.uuid(), { nil: undefined }),
  product,
).map(([who, event, props, timestamp, messageId, p]) => {
  const properties: Record<string, unknown> = event === 'Product Added' || event === 'Product Removed' ? { ...props, ...p } : props;
  return { type: 'track', ...who, event, properties, ...(timestamp ? { timestamp } : {}), ...(messageId ? { messageId } : {}) };
});

/** A valid identify with traits: unicode names, emails, locales, time zones, consent. */
export const validIdentify = fc.tuple(
  identity,
  fc.record({
    email: fc.emailAddress(),
    first_name: hostileText(40).filter((s) => !s.includes('\u0000')),
    last_name: hostileText(40).filter((s) => !s.includes('\u0000')),
    locale: fc.constantFrom('en', 'zh-TW', 'zh-Hans', 'ar', 'he-IL', 'xx-YY', ''),
    timezone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Mars/Olympus', 'UTC', '+08:00'),
    email_consent: fc.boolean(),
    phone: fc.string({ maxLength: 20 }),
    favourite: hostileText(),
  }, { requiredKeys: [] }),
  fc.option(isoTimestamp, { nil: undefined }),
  fc.option(fc.uuid(), { nil: undefined }),
).map(([who, traits, timestamp, messageId]) => ({ type: 'identify', ...who, traits, ...(timestamp ? { timestamp } : {}), ...(messageId ? { messageId } : {}) }));

export const validEvent = fc.oneof(validTrack, validIdentify);

/** A value of the wrong kind for wherever it lands. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, -1, -0.5, 1e308, -1e308, 'abc', '', '-3', '1e5', '12,50', 'NaN', [], {}, [1, 2], { $gt: '' }, '\u0000', 'x'.repeat(600)),
  fc.integer({ min: -1000, max: -1 }),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

/** `depth` nested arrays around a value: deep nesting without a large body. */
export const nested = (depth: number, inner: unknown = 1): unknown => {
  let v = inner;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Paths into an event where a wrong value is most interesting. */
const BREAKABLE = [
  ['event'], ['userId'], ['anonymousId'], ['messageId'], ['timestamp'], ['sentAt'], ['properties'], ['traits'], ['context'],
  ['properties', 'price'], ['properties', 'quantity'], ['properties', 'sku'], ['properties', 'name'], ['properties', 'cart_id'],
  ['properties', 'products'], ['properties', 'currency'], ['properties', 'email'], ['properties', 'total'], ['properties', 'order_id'],
  ['traits', 'email'], ['traits', 'email_consent'], ['traits', 'first_name'], ['type'],
] as const;

function setPath(obj: Record<string, unknown>, path: readonly string[], v: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  let at = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null || Array.isArray(at[k])) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = v;
  return copy;
}

/** A valid event with one part broken: a wrong type, a negative quantity, a deep nest, a huge string. */
export const brokenEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(validEvent, fc.constantFrom(...BREAKABLE), wrongValue).map(([e, path, v]) => setPath(e, path, v)),
  fc.tuple(validTrack, fc.integer({ min: 1, max: 1000 })).map(([e, q]) => setPath(e, ['properties', 'products'], [{ sku: 'NEG', price: 1, quantity: -q }])),
  fc.tuple(validTrack, fc.integer({ min: 1, max: 1000 })).map(([e, q]) => setPath({ ...e, event: 'Product Added' }, ['properties', 'quantity'], -q)),
  fc.tuple(validTrack, fc.constantFrom('-1', '1.2.3', '１２', '12e3', ' 12', '0x10', 'Infinity')).map(([e, p]) => setPath({ ...e, event: 'Product Added' }, ['properties', 'price'], p)),
  fc.tuple(validEvent, fc.integer({ min: 50, max: 3000 })).map(([e, d]) => setPath(e, ['properties', 'deep'], nested(d))),
  fc.tuple(validEvent, fc.integer({ min: 33_000, max: 60_000 })).map(([e, n]) => setPath(e, ['properties', 'blob'], 'x'.repeat(n))),
  fc.anything({ maxDepth: 3 }),
);

/** How a request body reaches the server: as JSON, or as bytes that may not be JSON at all. */
export type RawBody = { kind: 'json'; value: unknown; contentType: string } | { kind: 'bytes'; bytes: Buffer; contentType: string | null };

/** Bytes printed short in a counterexample (a 100,000-byte nest would drown the report). */
export function shown(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8');
  const head = text.length > 120 ? `${text.slice(0, 60)}…(${bytes.length} bytes)…${text.slice(-40)}` : text;
  return Object.assign(bytes, { [fc.toStringMethod]: () => `Buffer(${JSON.stringify(head)})` });
}

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'text/plain;charset=UTF-8');

/** Bytes that are not a JSON document, or nearly one. */
export const malformedBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom('', ' ', '{', '{"event":', '[1,2', 'null', 'true', '"str"', '{"batch":[{]}', '{"a":1}}', "{'single':1}", '{"a":NaN}', '{"a":01}', '{"__proto__":{"polluted":1},"event":"x","anonymousId":"a"}', '{"constructor":{"prototype":{"x":1}},"event":"x","anonymousId":"a"}', '\ufeff{"event":"Product Added","anonymousId":"a"}', '{"event":"\\ud800","anonymousId":"\\udc00x"}', '{"event":"x","anonymousId":"a\\u0000"}')
    .map((s) => Buffer.from(s, 'utf8')),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.tuple(validEvent, fc.nat()).map(([e, cut]) => {
    const s = JSON.stringify(e);
    return Buffer.from(s.slice(0, cut % Math.max(1, s.length)), 'utf8');
  }),
  validEvent.map((e) => Buffer.concat([Buffer.from(JSON.stringify(e).slice(0, -1), 'utf8'), Buffer.from([0xff, 0xfe, 0x7d])])), // invalid UTF-8 inside
  fc.integer({ min: 10_000, max: 100_000 }).map((d) => Buffer.from(`${'['.repeat(d)}${']'.repeat(d)}`)),
  fc.integer({ min: 10_000, max: 100_000 }).map((d) => Buffer.from(`{"event":"x","anonymousId":"a","properties":{"deep":${'['.repeat(d)}${']'.repeat(d)}}}`)),
).map(shown);

const batchOf = (events: fc.Arbitrary<unknown>) => fc.array(events, { minLength: 0, maxLength: 8 }).map((batch) => ({ batch }));

export type IngestPath = '/track' | '/identify' | '/batch';

/** One ingest request: where it goes and what it carries, valid or broken in any of the ways above. */
export const ingestRequest: fc.Arbitrary<{ path: IngestPath; body: RawBody }> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom<IngestPath>('/track', '/identify'), fc.oneof(validEvent, brokenEvent), contentType).map(([path, value, ct]) => ({ path, body: { kind: 'json' as const, value, contentType: ct } })) },
  { weight: 3, arbitrary: fc.tuple(batchOf(fc.oneof({ weight: 4, arbitrary: validEvent }, { weight: 1, arbitrary: brokenEvent })), contentType).map(([value, ct]) => ({ path: '/batch' as const, body: { kind: 'json' as const, value, contentType: ct } })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom<IngestPath>('/track', '/identify', '/batch'), malformedBytes, fc.constantFrom('application/json', 'text/plain', null)).map(([path, bytes, ct]) => ({ path, body: { kind: 'bytes' as const, bytes, contentType: ct } })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<IngestPath>('/track', '/batch'), validEvent, fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream')).map(([path, e, ct]) => ({ path, body: { kind: 'bytes' as const, bytes: Buffer.from(JSON.stringify(e)), contentType: ct } })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<IngestPath>('/track', '/batch'), fc.integer({ min: 513 * 1024, max: 900 * 1024 })).map(([path, n]) => ({ path, body: { kind: 'json' as const, value: path === '/batch' ? { batch: [{ type: 'track', event: 'x', anonymousId: 'a', properties: { blob: 'x'.repeat(n) } }] } : { event: 'x', anonymousId: 'a', properties: { blob: 'x'.repeat(n) } }, contentType: 'application/json' } })) },
);

// ---------------------------------------------------------------------------------------------
// Cart model: Product Added / Removed / snapshots with random timestamps and duplicate messageIds

export interface CartOp { kind: 'add' | 'remove' | 'snapshot'; sku: string; quantity?: number; price: string | number; at: number; messageId: string; products?: Array<{ sku: string; quantity: number; price: string | number }> }

const SKUS = ['LENS-35', 'TRIPOD', '镜头-50', '📷-BODY'] as const;
// A few instants, so that ties and out-of-order arrivals are common; all in the past, some before 1970.
const INSTANTS = [Date.parse('1969-07-20T20:17:00Z'), Date.parse('2001-01-01T00:00:00Z'), Date.parse('2024-05-14T10:00:00Z'), Date.parse('2024-05-14T10:00:00.001Z'), Date.parse('2025-01-01T00:00:00Z')];

const cartOp: fc.Arbitrary<Omit<CartOp, 'messageId'>> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 0, max: 5 }), price, at: fc.constantFrom(...INSTANTS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), sku: fc.constantFrom(...SKUS), quantity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), price, at: fc.constantFrom(...INSTANTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('snapshot' as const), sku: fc.constant(''), price: fc.constant(0), at: fc.constantFrom(...INSTANTS), products: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 0, max: 5 }), price }), { maxLength: 3 }) }) },
);

/** A sequence of cart operations in arrival order; some are redeliveries of an earlier one (same messageId). */
export const cartOps: fc.Arbitrary<CartOp[]> = fc.array(fc.tuple(cartOp, fc.option(fc.nat(), { freq: 4, nil: undefined })), { minLength: 1, maxLength: 14 }).map((list) => {
  const out: CartOp[] = [];
  list.forEach(([op, dup], i) => {
    if (dup !== undefined && out.length > 0) out.push(out[dup % out.length]!); // a retry: the very same message
    else out.push({ ...op, messageId: `m-${i}` });
  });
  return out;
});

// ---------------------------------------------------------------------------------------------
// Flow definitions: random graphs, and the three-step flow with something broken

const NODE_IDS = ['trigger', 'a', 'b', 'c', 'd', 'end'] as const;
const link = fc.oneof({ weight: 6, arbitrary: fc.constantFrom<unknown>(...NODE_IDS) }, { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('nowhere', '', 5, 'a b', {}, ['a']) });

export const duration: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('PT1S', 'PT2H', 'P3D', 'P1W', 'P1DT12H', 'PT1.5S', 'PT30M'),
  fc.constantFrom('P', 'PT', 'P1Y', 'P1M', '1 day', '', 'PT0S', 'PT0.4S', 'pt1h', 'P-1D', 'PT1H ', 5, null),
  fc.constantFrom('P99999999999999W', 'PT99999999999999999999S', 'P9007199254740993D', 'P1000000D', 'P520W', 'P3650D', 'P3651D'),
  fc.tuple(fc.nat(), fc.constantFrom('W', 'D', 'H', 'M', 'S')).map(([n, u]) => (u === 'H' || u === 'M' || u === 'S' ? `PT${n}${u}` : `P${n}${u}`)),
);

const templateKey = fc.oneof(fc.constantFrom('helpful-1', 'helpful-2', 'classic-1', 'classic-3'), fc.constantFrom('no-such-template', '', 'HELPFUL-1', '../etc/passwd'), hostileText(20));

const check: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom({ kind: 'purchased' }, { kind: 'has_consent', channel: 'email' }, { kind: 'opened' }, { kind: 'clicked', node: 'b' }, { kind: 'opened', node: 'trigger' }),
  fc.record({ kind: fc.constant('cart_value'), op: fc.constantFrom('gte', 'lt', 'eq'), amount: fc.oneof(fc.double(), fc.integer({ min: -5, max: 1e9 })) }),
  fc.constantFrom({ kind: 'weather' }, {}, null, 'purchased', { kind: 'purchased', extra: 1 }),
);

const discount: fc.Arbitrary<unknown> = fc.record({
  kind: fc.constantFrom('percent', 'amount', 'free_shipping', 'bogus'),
  value: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double(), fc.constant('10')),
  validFor: fc.oneof(duration, fc.constant('today')),
}, { requiredKeys: ['kind', 'value', 'validFor'] });

const variants: fc.Arbitrary<unknown> = fc.array(fc.record({ id: fc.constantFrom('A', 'B', 'C', 'a b', ''), template: templateKey, weight: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double()) }), { minLength: 0, maxLength: 9 });

const nodeBase = { id: fc.oneof({ weight: 8, arbitrary: fc.constantFrom<unknown>(...NODE_IDS) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', 'x'.repeat(65), 7, null, 'ünï') }), label: hostileText(30), position: fc.record({ x: fc.double(), y: fc.integer() }) };

export const flowNode: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ ...nodeBase, type: fc.constant('trigger'), event: fc.constantFrom('cart_abandoned', 'order_placed'), next: link }, { requiredKeys: ['id', 'type', 'event'] }),
  fc.record({ ...nodeBase, type: fc.constant('wait'), duration, next: link }, { requiredKeys: ['id', 'type', 'duration'] }),
  fc.record({ ...nodeBase, type: fc.constant('send_email'), template: templateKey, variants, discount, next: link }, { requiredKeys: ['id', 'type', 'template'] }),
  fc.record({ ...nodeBase, type: fc.constant('condition'), check, yes: link, no: link }, { requiredKeys: ['id', 'type', 'check'] }),
  fc.record({ ...nodeBase, type: fc.constant('holdout'), percent: fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double()), next: link }, { requiredKeys: ['id', 'type', 'percent'] }),
  fc.record({ ...nodeBase, type: fc.constant('exit') }, { requiredKeys: ['id', 'type'] }),
  fc.record({ ...nodeBase, type: fc.constantFrom('sms', 'webhook', '', 'Trigger'), next: link }, { requiredKeys: ['id', 'type'] }),
  fc.anything({ maxDepth: 2 }),
).map((n) => {
  // Sometimes a field no schema knows (additionalProperties: false must refuse it).
  if (typeof n === 'object' && n !== null && !Array.isArray(n) && Object.keys(n).length % 5 === 0) return { ...n, unknown: true };
  return n;
});

const flowName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Prop flow A', 'Prop flow B', 'Base flow') }, { weight: 2, arbitrary: hostileText(40) }, { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(201), 'a\u0000b', 5, null) });

/** The three-step flow with a few things broken: a node dropped or replaced, a link redirected (loops), a field changed. */
const brokenThreeStep: fc.Arbitrary<unknown> = fc.tuple(flowName, fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'replace', 'relink', 'duration'), flowNode, link, duration), { maxLength: 3 })).map(([name, edits]) => {
  const nodes: Array<Record<string, unknown>> = [
    { id: 'trigger', type: 'trigger', event: 'cart_abandoned', next: 'a' },
    { id: 'a', type: 'send_email', template: 'helpful-1', next: 'b' },
    { id: 'b', type: 'wait', duration: 'PT2H', next: 'c' },
    { id: 'c', type: 'send_email', template: 'helpful-2', discount: { kind: 'percent', value: 5, validFor: 'P3D' }, next: 'end' },
    { id: 'end', type: 'exit' },
  ];
  for (const [i, what, node, to, d] of edits) {
    const at = i % nodes.length;
    if (what === 'drop' && nodes.length > 1) nodes.splice(at, 1);
    if (what === 'replace') nodes[at] = node as Record<string, unknown>;
    if (what === 'relink' && nodes[at] && typeof nodes[at] === 'object') nodes[at] = { ...nodes[at], next: to };
    if (what === 'duration') nodes[2] = { ...nodes[2], duration: d };
  }
  return { name, trigger: 'cart_abandoned', nodes };
});

/** A flow definition: random graphs, the three-step flow broken, or not a definition at all. */
export const flowDefinition: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: brokenThreeStep },
  { weight: 3, arbitrary: fc.record({ name: flowName, trigger: fc.constantFrom('cart_abandoned', 'cart_abandoned', 'x'), description: hostileText(60), stopOnPurchase: fc.oneof(fc.boolean(), fc.constant('yes')), nodes: fc.array(flowNode, { maxLength: 8 }), extra: fc.anything({ maxDepth: 1 }) }, { requiredKeys: ['name', 'trigger', 'nodes'] }) },
  { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom(null, [], 'flow', { nodes: 'a' }, { name: 'n', trigger: 'cart_abandoned', nodes: Array.from({ length: 201 }, (_, i) => ({ id: `n${i}`, type: 'exit' })) })) },
);

// ---------------------------------------------------------------------------------------------
// Templates: Liquid and MJML fragments, broken or costly, put into a real source

/** Liquid that does not parse, names what does not exist, reads files, or costs without bound. */
export const liquidFragment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{% if contact.first_name %}', '{% endif %}', '{% endfor %}', '{% for %}', '{{', '}}', '{{ }}', '{% %}', '{% raw %}', '{% comment %}',
    '{{ cart.total | no_such_filter }}', '{{ no_such_variable }}', '{{ cart.items[7].name }}', '{{ contact.first_name | money }}', '{{ cart.total | money: 5 }}',
    '{% include "layout" %}', '{% render "../../../etc/passwd" %}', '{% layout "x" %}', '{% include "/etc/passwd" %}',
    '{{ cart.total | divided_by: 0 }}', '{{ "now" | date: "%Y" }}', '{{ cart.items | map: "name" | join: ", " }}', '{% cycle "a", "b" %}', '{% tablerow i in cart.items %}{{ i.name }}{% endtablerow %}',
    '{% for i in (1..100000000) %}x{% endfor %}',
    '{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}',
    '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
    '{% capture s %}xxxxxxxxxx{% endcapture %}{% for i in (1..22) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}',
    '{{ "x" | append: "y" | prepend: "z" | upcase | downcase | truncate: 3 | escape }}', '{{ cart.items.first.name | default: "—" }}',
    '{% assign big = (1..1000000) %}{{ big | size }}', '{{ "a,b" | split: "," | sort | reverse | first }}',
  ),
  fc.integer({ min: 100, max: 3000 }).map((n) => `${'{% if true %}'.repeat(n)}deep${'{% endif %}'.repeat(n)}`),
  fc.integer({ min: 100, max: 3000 }).map((n) => `{{ cart${'.items'.repeat(n)} }}`),
  hostileText(60),
);

/** MJML that is not MJML, or is and is odd. */
export const mjmlFragment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('<mj-section>', '</mj-column>', '<mj-foo>bar</mj-foo>', '<mj-include path="/etc/passwd" />', '<mj-text>', '<mj-raw><script>alert(1)</script></mj-raw>', '<mj-image src="javascript:alert(1)" />', '<!-- unterminated', '<![CDATA[', '&bogus;', '&#x110000;', '\u0000', '<mj-text css-class="x" unknown-attr="y">hi</mj-text>'),
  fc.integer({ min: 50, max: 2000 }).map((n) => `${'<mj-wrapper>'.repeat(n)}${'</mj-wrapper>'.repeat(n)}`),
);

/** Where a fragment goes: the title (subject), the body text, the preview, or the plain-text part. */
export const templateEdit = fc.record({
  where: fc.constantFrom('title', 'body', 'preview', 'text', 'replace-all'),
  fragment: fc.oneof({ weight: 3, arbitrary: liquidFragment }, { weight: 1, arbitrary: mjmlFragment }),
});
