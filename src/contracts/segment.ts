/**
 * Segment's HTTP Tracking API shapes (track, identify, batch) as Cartback accepts them. Fields Cartback
 * does not use are kept in the stored payload untouched, so a pipeline can forward unchanged.
 * Product fields follow Segment's e-commerce spec v2.
 */
import { Type, type Static } from 'typebox';

// PostgreSQL text cannot hold U+0000, so no identifier or name may contain it, on either database.
const NO_NUL = '^[^\\x00]*$';
const Text = (maxLength: number) => Type.String({ maxLength, pattern: NO_NUL });
const Id = Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL });
// Some pipelines send prices as strings ("19.99"); both forms are accepted and read as numbers.
// At most 1e9 per unit: with 100 000 units a line stays an exact integer of minor units.
const Amount = Type.Union([Type.Number({ minimum: 0, maximum: 1e9 }), Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,6})?$' })]);
const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with offset; when the event happened' });

export const Product = Type.Object(
  {
    product_id: Type.Optional(Type.Union([Id, Type.Number()])),
    sku: Type.Optional(Id),
    name: Type.Optional(Text(500)),
    price: Type.Optional(Amount),
    quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    image_url: Type.Optional(Type.String({ maxLength: 2000 })),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    category: Type.Optional(Text(500)),
    variant: Type.Optional(Text(500)),
  },
  { additionalProperties: true },
);
export type Product = Static<typeof Product>;

const Common = {
  userId: Type.Optional(Type.Union([Id, Type.Number()])),
  anonymousId: Type.Optional(Type.Union([Id, Type.Number()])),
  context: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  timestamp: Type.Optional(Timestamp),
  originalTimestamp: Type.Optional(Timestamp),
  sentAt: Type.Optional(Timestamp),
  messageId: Type.Optional(Id),
  integrations: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};

export const TrackEvent = Type.Object(
  {
    type: Type.Optional(Type.Literal('track')),
    event: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL }),
    properties: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    ...Common,
  },
  { additionalProperties: true },
);
export type TrackEvent = Static<typeof TrackEvent>;

export const IdentifyEvent = Type.Object(
  {
    type: Type.Optional(Type.Literal('identify')),
    traits: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    ...Common,
  },
  { additionalProperties: true },
);
export type IdentifyEvent = Static<typeof IdentifyEvent>;

/** The properties Cartback reads from any track event, whatever its name: checked on every one. */
export const ReadProperties = Type.Object(
  {
    cart_id: Type.Optional(Type.Union([Id, Type.Number()])),
    checkout_id: Type.Optional(Type.Union([Id, Type.Number()])),
    order_id: Type.Optional(Type.Union([Id, Type.Number()])),
    currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  },
  { additionalProperties: true },
);

/** Properties Cartback reads from cart and order events. */
export const CommerceProperties = Type.Object(
  {
    cart_id: Type.Optional(Type.Union([Id, Type.Number()])),
    checkout_id: Type.Optional(Type.Union([Id, Type.Number()])),
    order_id: Type.Optional(Type.Union([Id, Type.Number()])),
    products: Type.Optional(Type.Array(Product, { maxItems: 500 })),
    total: Type.Optional(Amount),
    revenue: Type.Optional(Amount),
    value: Type.Optional(Amount),
    currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    coupon: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: true },
);
export type CommerceProperties = Static<typeof CommerceProperties>;

/** identify traits Cartback reads; consent flags are Cartback's own names (Segment has none). */
export const Traits = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Text(40)),
    first_name: Type.Optional(Text(200)),
    last_name: Type.Optional(Text(200)),
    firstName: Type.Optional(Text(200)),
    lastName: Type.Optional(Text(200)),
    locale: Type.Optional(Text(35)),
    timezone: Type.Optional(Text(64)),
    email_consent: Type.Optional(Type.Boolean({ description: 'true: opted in to marketing email; false: opted out' })),
    accepts_marketing: Type.Optional(Type.Boolean({ description: "Shopify's name for email_consent" })),
  },
  { additionalProperties: true },
);
export type Traits = Static<typeof Traits>;

export const BATCH_MAX_EVENTS = 500;
export const BatchBody = Type.Object(
  {
    batch: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: BATCH_MAX_EVENTS }),
    context: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    sentAt: Type.Optional(Timestamp),
  },
  { additionalProperties: true },
);

export const IngestAccepted = Type.Object({
  success: Type.Boolean(), accepted: Type.Integer(), duplicates: Type.Integer(),
  applied: Type.Optional(Type.Boolean({ description: 'with ?wait=applied: whether the events were applied before the answer (false: still pending after 10 s)' })),
});

/** Event names Cartback acts on (Segment e-commerce spec v2). Others are stored and kept. */
export const EVENTS = {
  productViewed: 'Product Viewed',
  productAdded: 'Product Added',
  productRemoved: 'Product Removed',
  cartViewed: 'Cart Viewed',
  checkoutStarted: 'Checkout Started',
  checkoutStepCompleted: 'Checkout Step Completed',
  paymentInfoEntered: 'Payment Info Entered',
  orderCompleted: 'Order Completed',
  orderRefunded: 'Order Refunded',
} as const;
