/**
 * The areas of a store, in navigation order. Adding an area: a line here, a label in both locale
 * files (nav.<key>), a page in pages/<area>/, and its routes in app/routes.tsx.
 */
import { IconAddressBook, IconInbox, IconLayoutDashboard, IconMailCode, IconSettings, IconShoppingCart, IconSitemap, type TablerIcon } from '@tabler/icons-react';

export interface NavItem {
  /** the path segment after /stores/:storeId/, and the label key nav.<key> */
  key: 'dashboard' | 'carts' | 'contacts' | 'flows' | 'templates' | 'mailbox' | 'settings';
  icon: TablerIcon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', icon: IconLayoutDashboard },
  { key: 'carts', icon: IconShoppingCart },
  { key: 'contacts', icon: IconAddressBook },
  { key: 'flows', icon: IconSitemap },
  { key: 'templates', icon: IconMailCode },
  { key: 'mailbox', icon: IconInbox },
  { key: 'settings', icon: IconSettings },
];
