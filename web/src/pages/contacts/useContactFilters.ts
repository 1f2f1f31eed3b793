/** The contacts list's filters, kept in the address (?q=&status=&real=1) so a view can be shared. */
import { useSearchParams } from 'react-router';
import { CONTACT_STATUSES, type ContactFilters, type ContactStatus } from '../../api/people.ts';

export interface ContactFilterValues { q: string; status: ContactStatus | null; realOnly: boolean }

export function useContactFilters(): [ContactFilterValues, (change: Partial<ContactFilterValues>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') as ContactStatus | null;
  const values: ContactFilterValues = {
    q: params.get('q') ?? '',
    status: status && CONTACT_STATUSES.includes(status) ? status : null,
    realOnly: params.get('real') === '1',
  };
  const set = (change: Partial<ContactFilterValues>) => {
    const v = { ...values, ...change };
    const next: Record<string, string> = {};
    if (v.q.trim()) next.q = v.q.trim();
    if (v.status) next.status = v.status;
    if (v.realOnly) next.real = '1';
    setParams(next, { replace: true });
  };
  return [values, set];
}

/** The API's filters; "real shoppers only" only means something while there is demo data. */
export function toContactQuery(v: ContactFilterValues, hasDemo: boolean): ContactFilters {
  return { q: v.q || undefined, status: v.status ?? undefined, simulated: hasDemo && v.realOnly ? false : undefined };
}
