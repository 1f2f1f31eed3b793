/**
 * The settings sections, in the order they are listed; the id is the ?section= of the address, so
 * a link can open one directly (the install check after adding a store: ?section=storefront).
 */
import { IconBuildingStore, IconClockPause, IconCode, IconMail, IconMailCheck, IconPlugConnected, type TablerIcon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Store } from '../../api/types.ts';
import { ConnectionsSection } from './connections/ConnectionsSection.tsx';
import { DeliverabilitySection } from './deliverability/DeliverabilitySection.tsx';
import { RecoverySection } from './recovery/RecoverySection.tsx';
import { SendingSection } from './sending/SendingSection.tsx';
import { StoreSection } from './store/StoreSection.tsx';
import { StorefrontSection } from './storefront/StorefrontSection.tsx';

export const SECTION_IDS = ['store', 'sending', 'deliverability', 'recovery', 'storefront', 'connections'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTIONS: Record<SectionId, { icon: TablerIcon; Component: ComponentType<{ store: Store }> }> = {
  store: { icon: IconBuildingStore, Component: StoreSection },
  sending: { icon: IconMail, Component: SendingSection },
  deliverability: { icon: IconMailCheck, Component: DeliverabilitySection },
  recovery: { icon: IconClockPause, Component: RecoverySection },
  storefront: { icon: IconCode, Component: StorefrontSection },
  connections: { icon: IconPlugConnected, Component: ConnectionsSection },
};

/** An unknown or missing ?section= opens the first one. */
export const toSection = (s: string | null): SectionId => (SECTION_IDS as readonly string[]).includes(s ?? '') ? (s as SectionId) : 'store';
