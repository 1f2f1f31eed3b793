/**
 * Wire shapes of the admin API as the app reads them. Store shapes come from the server's own
 * TypeBox contracts (type-only imports: nothing of src/ ends up in the bundle).
 */
export type { StoreSettings, StoreView as Store } from '../../../src/contracts/store.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  locale: string;
  createdAt: string;
  lastSignInAt: string | null;
  /** the stores they may see; null: every store */
  stores: string[] | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface ApiToken {
  id: string;
  name: string;
  createdBy: string | null;
  /** a token for one store only; null: every store */
  storeId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to creating a token: the only time the token itself is shown. */
export interface CreatedToken {
  id: string;
  name: string;
  token: string;
}
