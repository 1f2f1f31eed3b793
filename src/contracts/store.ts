/** A store (tenant) and its settings, as the admin API and the CLI show and accept them. */
import { Type, type Static } from 'typebox';
import { Discount } from './flow.ts';

const Duration = Type.String({ pattern: '^P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$', description: 'ISO 8601 duration, e.g. PT30M' });
/** The shortest `eventRetention`: a stored event is also what makes a retried messageId a duplicate, and senders retry failed deliveries for hours. */
export const MIN_EVENT_RETENTION_DAYS = 7;
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });

export const StoreSettings = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' }),
    timezone: Type.String({ minLength: 1, default: 'UTC', description: 'IANA zone; used when a contact has none' }),
    locale: Type.String({ minLength: 2, default: 'en', description: 'used when a contact has none' }),
    domain: Type.String({ default: '', description: 'the storefront, e.g. shop.example.com' }),
    abandonAfter: Type.String({ ...Duration, default: 'PT30M', description: 'quiet time after which a cart counts as abandoned' }),
    attributionWindow: Type.String({ ...Duration, default: 'P7D', description: 'an order this long after an open or click counts as recovered' }),
    restoreUrl: Type.String({
      default: '',
      description: 'storefront URL a restore link leads to; {items} (sku:qty,…), {cart_id}, {discount} and {token} are filled in. Empty: the built-in demo store',
    }),
    senderName: Type.String({ default: '' }),
    senderEmail: Type.String({ default: '' }),
    supportEmail: Type.String({ default: '' }),
    supportUrl: Type.String({ default: '' }),
    postalAddress: Type.String({ default: '', description: 'shown in every marketing email footer' }),
    emailConsent: Type.Union([Type.Literal('opt_out'), Type.Literal('opt_in'), Type.Literal('opt_in_eu')], {
      default: 'opt_in_eu',
      description: 'opt_out: email anyone who has not opted out; opt_in: only contacts with email_consent true; opt_in_eu (the default for new stores): opt-in for shoppers in the EU/EEA or the UK and for those whose country is unknown, opt-out for shoppers known to be elsewhere (country trait, else time zone, else locale region)',
    }),
    quietHours: Type.Union([Type.Null(), Type.Object({ start: Clock, end: Clock })], { default: null, description: "no sends in this window of the contact's local time" }),
    frequencyCap: Type.Union([Type.Null(), Type.Object({ max: Type.Integer({ minimum: 1 }), per: Duration })], {
      default: null,
      description: 'at most max marketing messages per contact per period; further ones are skipped',
    }),
    discountPrefix: Type.String({ pattern: '^[A-Z0-9]{0,12}$', default: 'CB' }),
    discountDefault: Type.Object(Discount.properties, {
      additionalProperties: false,
      default: { kind: 'percent', value: 10, validFor: 'P3D' },
      description: "what a new discount step offers until it is changed (the flow builder's starting values); each step keeps its own",
    }),
    smtpUrl: Type.String({
      default: '', maxLength: 500, pattern: '^$|^smtps?://',
      description: "this store's own SMTP server (smtp://user:pass@host:587); empty: the instance's (CARTBACK_SMTP_URL, else the dev mailbox). Shown with the password masked",
    }),
    costPerMessage: Type.Union([Type.Null(), Type.Number({ minimum: 0, maximum: 100 })], {
      default: null,
      description: 'what one message costs, in the store currency (e.g. 0.001); with it the dashboard shows ROI',
    }),
    shopifyWebhookSecret: Type.String({ default: '', description: "the Shopify app's client secret (or the admin notifications signing key) that signs its webhooks" }),
    woocommerceWebhookSecret: Type.String({ default: '', description: 'the secret set on the WooCommerce webhooks' }),
    bounceWebhookSecret: Type.String({
      default: '', maxLength: 200,
      description: "authenticates POST /v1/webhooks/bounces/:storeId (the sending service's bounce and complaint reports): the password of the webhook URL's HTTP Basic credentials, or the key of its X-Cartback-Signature (base64 HMAC-SHA256 of the body)",
    }),
    dkimDomain: Type.String({ default: '', maxLength: 253, pattern: '^$|^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$', description: "DKIM: the domain that signs (d=), normally the sender email's domain. With dkimSelector and dkimPrivateKey; empty: the instance's CARTBACK_DKIM_*, if any" }),
    dkimSelector: Type.String({ default: '', maxLength: 63, pattern: '^$|^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$', description: 'DKIM: the selector (s=); the public key is published at <selector>._domainkey.<domain>' }),
    dkimPrivateKey: Type.String({ default: '', maxLength: 10_000, description: 'DKIM: the RSA private key (at least 1024 bits), PEM (PKCS#1 or PKCS#8); one that cannot sign is refused with invalid_dkim_key. Shown masked' }),
    captureEmail: Type.Boolean({ default: false, description: 'the snippet captures an email typed into a checkout or newsletter field (on blur)' }),
    emailFields: Type.Array(Type.String({ maxLength: 200 }), {
      default: ['input[type=email]', 'input[name*=email i]', 'input[autocomplete=email]', '#checkout_email', '#billing_email'],
      maxItems: 20,
      description: 'CSS selectors of the fields the snippet watches',
    }),
    consentField: Type.String({ default: '', maxLength: 200, description: 'CSS selector of a consent checkbox; when set, an email is captured only while it is ticked' }),
    onsiteReminder: Type.Boolean({ default: false, description: 'the snippet shows a small "your cart is waiting" banner when a shopper with an abandoned cart comes back' }),
    holdBackOnReturn: Type.Union([Type.Null(), Duration], { default: null, description: "when a shopper with a running sequence comes back to the store, its next message waits at least this long (ISO 8601), since they are already back" }),
    eventRetention: Type.Union([Type.Null(), Duration], {
      default: 'P400D',
      description: 'how long raw events are kept after they arrive (at least P7D), then deleted; null keeps them forever. Carts, orders and messages stay',
    }),
    allowedOrigins: Type.Array(Type.String({ pattern: '^https?://[^/]+$' }), { default: [], maxItems: 20, description: 'storefront origins the browser snippet may call from (CORS), besides https://{domain}' }),
  },
  { additionalProperties: false },
);
export type StoreSettings = Static<typeof StoreSettings>;

export const StoreView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  publicKey: Type.String(),
  settings: StoreSettings,
  createdAt: Type.String({ format: 'date-time' }),
});
export type StoreView = Static<typeof StoreView>;

export const StoreCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    settings: Type.Optional(Type.Partial(StoreSettings)),
    templates: Type.Optional(Type.Boolean({ default: true, description: 'create the ready-made flows (the first one live)' })),
  },
  { additionalProperties: false },
);

export const StoreCreated = Type.Object({ ...StoreView.properties, writeKey: Type.String({ description: 'shown once; keep it secret' }) });

/**
 * A settings change: any subset of the settings, with NO defaults. (The validator fills defaults
 * into the body; with them a change of one setting would reset every other one.)
 */
export const StoreSettingsPatch = Type.Object(
  Object.fromEntries(
    Object.entries(StoreSettings.properties).map(([k, v]) => {
      const { default: _default, ...rest } = v as unknown as Record<string, unknown>;
      return [k, Type.Optional(rest as unknown as typeof v)];
    }),
  ) as { [K in keyof typeof StoreSettings.properties]: ReturnType<typeof Type.Optional<(typeof StoreSettings.properties)[K]>> },
  { additionalProperties: false },
);
