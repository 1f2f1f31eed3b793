/**
 * Query keys in one place, so that a mutation invalidates exactly what it changed. Store-scoped
 * data starts with ['stores', storeId] and goes away with a store switch or a sign-out.
 */
export const keys = {
  session: ['session'] as const,
  setup: ['setup'] as const,
  stores: ['stores'] as const,
  store: (storeId: string) => ['stores', storeId] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
};
