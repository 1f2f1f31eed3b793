/**
 * A flow definition: the JSON a flow is stored, imported and exported as. Edges live on the nodes
 * (`next`, or `yes`/`no` on a condition) and so do canvas positions, so the stored graph and the
 * visual builder are the same document.
 */
import { Type, type Static } from 'typebox';

const NodeId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Duration = Type.String({ pattern: '^P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$', description: 'ISO 8601, at least PT1S' });
const Base = {
  id: NodeId,
  label: Type.Optional(Type.String({ maxLength: 200 })),
  position: Type.Optional(Type.Object({ x: Type.Number(), y: Type.Number() })),
};
const Next = Type.Optional(Type.Union([NodeId, Type.Null()], { description: 'the following node; absent or null ends the run' }));

export const TriggerNode = Type.Object({ ...Base, type: Type.Literal('trigger'), event: Type.Literal('cart_abandoned'), next: Next }, { additionalProperties: false });
export const WaitNode = Type.Object({ ...Base, type: Type.Literal('wait'), duration: Duration, next: Next }, { additionalProperties: false });

export const Discount = Type.Object(
  {
    kind: Type.Union([Type.Literal('percent'), Type.Literal('amount'), Type.Literal('free_shipping')]),
    value: Type.Number({ minimum: 0, description: 'percent (10 = 10%) or an amount in the store currency' }),
    validFor: Type.Union([Duration, Type.Literal('today')], { description: "how long the code works; 'today' ends at midnight in the contact's time zone" }),
  },
  { additionalProperties: false },
);
export type Discount = Static<typeof Discount>;

export const Variant = Type.Object(
  { id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), template: Type.String({ minLength: 1 }), weight: Type.Number({ minimum: 0 }) },
  { additionalProperties: false },
);

export const SendEmailNode = Type.Object(
  {
    ...Base,
    type: Type.Literal('send_email'),
    template: Type.String({ minLength: 1, description: 'template key, e.g. helpful-1' }),
    variants: Type.Optional(Type.Array(Variant, { minItems: 2, maxItems: 8, description: 'A/B variants; weights are relative' })),
    discount: Type.Optional(Discount),
    next: Next,
  },
  { additionalProperties: false },
);

export const Check = Type.Union([
  Type.Object({ kind: Type.Literal('purchased') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('opened'), node: Type.Optional(NodeId) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('clicked'), node: Type.Optional(NodeId) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('has_consent'), channel: Type.Literal('email') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('cart_value'), op: Type.Union([Type.Literal('gte'), Type.Literal('lt')]), amount: Type.Number({ minimum: 0 }) }, { additionalProperties: false }),
]);
export type Check = Static<typeof Check>;

export const ConditionNode = Type.Object({ ...Base, type: Type.Literal('condition'), check: Check, yes: Next, no: Next }, { additionalProperties: false });
export const HoldoutNode = Type.Object(
  { ...Base, type: Type.Literal('holdout'), percent: Type.Number({ minimum: 0, maximum: 100, description: 'share of entrants kept as a control group that gets nothing' }), next: Next },
  { additionalProperties: false },
);
export const ExitNode = Type.Object({ ...Base, type: Type.Literal('exit') }, { additionalProperties: false });

export const FlowNode = Type.Union([TriggerNode, WaitNode, SendEmailNode, ConditionNode, HoldoutNode, ExitNode]);
export type FlowNode = Static<typeof FlowNode>;
export type NodeOf<T extends FlowNode['type']> = Extract<FlowNode, { type: T }>;

export const FlowDefinition = Type.Object(
  {
    // The name is a column, and PostgreSQL text cannot hold U+0000.
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\x00]*$' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    trigger: Type.Literal('cart_abandoned'),
    stopOnPurchase: Type.Optional(Type.Boolean({ default: true, description: 'a purchase ends every run of this flow for the contact' })),
    nodes: Type.Array(FlowNode, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type FlowDefinition = Static<typeof FlowDefinition>;
