/**
 * The store a simulation plays in, prepared through the admin API: a new store with the ready
 * "Classic three-step" flow live (waits fitted to the period), or an existing one (its write key
 * given). Either way the store's own SMTP server becomes the simulator's sink, so its mail reaches
 * the simulator from whichever process sends it; `release` clears that setting afterwards.
 */
import type { FlowDefinition } from '../../contracts/flow.ts';
import { parseDuration } from '../../kernel/duration.ts';
import type { CartbackClient } from './http.ts';
import { minutesDuration, scaledWaits } from './schedule.ts';

export interface PreparedStore {
  storeId: string;
  writeKey: string;
  discountPrefix: string;
  created: boolean;
  /** the flow's waits as played (new stores), for the report */
  waits: string[] | null;
  /** a note for the operator (an existing store's own SMTP setting is replaced) */
  warning: string | null;
  release(): Promise<void>;
}

export interface SetupOptions {
  smtpUrl: string;
  storeId?: string;
  writeKey?: string;
  /** the waits of the three-step flow (ISO 8601), else scaled from the ready flow's to `days` */
  waits?: string[];
  days: number;
  name: string;
}

interface StoreView { id: string; writeKey?: string; settings: { smtpUrl: string; discountPrefix: string } }

async function threeStepFlow(api: CartbackClient, o: SetupOptions): Promise<{ flow: FlowDefinition; waits: string[] }> {
  const ready = await api.admin<Array<{ key: string; definition: FlowDefinition }>>('GET', '/flow-templates');
  const classic = ready.find((f) => f.key === 'classic-three-step');
  if (!classic) throw new Error('the server has no ready "Classic three-step" flow');
  const waitNodes = classic.definition.nodes.filter((n) => n.type === 'wait') as Array<{ duration: string }>;
  const waits = o.waits ?? scaledWaits(waitNodes.map((n) => parseDuration(n.duration)), o.days).map(minutesDuration);
  if (waits.length !== waitNodes.length) throw new Error(`--waits needs ${waitNodes.length} durations, one per wait of the flow`);
  let i = 0;
  const nodes = classic.definition.nodes.map((n) => (n.type === 'wait' ? { ...n, duration: waits[i++]! } : n));
  return { flow: { ...classic.definition, name: `${classic.definition.name} (simulation)`, nodes } as FlowDefinition, waits };
}

export async function prepareStore(api: CartbackClient, o: SetupOptions): Promise<PreparedStore> {
  if (o.storeId) {
    if (!o.writeKey) throw new Error('--store needs --write-key: events are sent with the store\'s write key, which Cartback shows only once');
    const before = await api.admin<StoreView>('GET', `/stores/${encodeURIComponent(o.storeId)}`);
    await api.admin('PATCH', `/stores/${before.id}`, { settings: { smtpUrl: o.smtpUrl } });
    return {
      storeId: before.id, writeKey: o.writeKey, discountPrefix: before.settings.discountPrefix, created: false, waits: null,
      warning: before.settings.smtpUrl ? "the store's own SMTP server setting was replaced by the simulator's and is cleared at the end: set it again under Settings → Sending" : null,
      release: async () => void (await api.admin('PATCH', `/stores/${before.id}`, { settings: { smtpUrl: '' } })),
    };
  }
  const created = await api.admin<StoreView>('POST', '/stores', {
    name: o.name,
    templates: false,
    settings: {
      currency: 'USD', timezone: 'UTC', domain: 'shop.example', smtpUrl: o.smtpUrl, senderName: 'Simulated Shop', senderEmail: 'shop@shop.example',
      supportEmail: 'help@shop.example', supportUrl: 'https://shop.example/help', postalAddress: '1 Simulation Way, Springfield',
    },
  });
  const { flow, waits } = await threeStepFlow(api, o);
  await api.admin('POST', `/stores/${created.id}/flows?publish=true`, flow);
  return {
    storeId: created.id, writeKey: created.writeKey!, discountPrefix: created.settings.discountPrefix, created: true, waits, warning: null,
    release: async () => void (await api.admin('PATCH', `/stores/${created.id}`, { settings: { smtpUrl: '' } })),
  };
}
