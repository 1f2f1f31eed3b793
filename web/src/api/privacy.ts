/**
 * A person's data (src/http/routes/privacy.ts): the export as a file download, what an erasure
 * would delete (a dry run, for the confirmation), and the erasure itself.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';

/** Rows deleted per table, orders kept without the person, and addresses kept as a hash. */
export interface Erasure {
  contactIds: string[];
  deleted: Record<string, number>;
  anonymized: { orders: number };
  suppressions: number;
  dryRun: boolean;
}

const contactPath = (storeId: string, contactId: string) => `/api/stores/${encodeURIComponent(storeId)}/contacts/${encodeURIComponent(contactId)}`;

/** Fetches the export (with the session, so errors are ApiErrors) and hands it to the browser as a file. */
export async function downloadContactExport(storeId: string, contactId: string): Promise<void> {
  const doc = await api.get<unknown>(`${contactPath(storeId, contactId)}/export`);
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: `cartback-contact-${contactId}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What deleting would take, asked when the confirmation opens (nothing is deleted). */
export function useErasurePreview(storeId: string, contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.store(storeId), 'contacts', 'erasure', contactId],
    queryFn: () => api.delete<Erasure>(`${contactPath(storeId, contactId)}?dryRun=true`),
    enabled,
    gcTime: 0,
    staleTime: 0,
  });
}

export function useEraseContact(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.delete<Erasure>(contactPath(storeId, contactId)),
    onSuccess: (_r, contactId) => {
      qc.removeQueries({ queryKey: [...keys.store(storeId), 'contacts', 'one', contactId] });
      // lists, carts and the dashboard's figures all counted this person
      void qc.invalidateQueries({ queryKey: keys.store(storeId) });
    },
  });
}
