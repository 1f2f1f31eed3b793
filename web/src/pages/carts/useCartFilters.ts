/**
 * The carts list's filters, kept in the address so a filtered list can be bookmarked and shared:
 * ?q=&status=&min=&max=&from=&to=. Values are in the units people use (major currency units,
 * calendar days of the store); toQuery turns them into the API's (minor units, ISO instants).
 */
import { useSearchParams } from 'react-router';
import { CART_STATUSES, type CartFilters, type CartStatus } from '../../api/people.ts';
import { minorDigits } from '../../format.ts';
import { dayRange } from '../dashboard/zonedDays.ts';

export interface CartFilterValues {
  q: string;
  status: CartStatus | null;
  min: number | null;
  max: number | null;
  /** activity days, inclusive */
  days: [string, string] | null;
}

const numberOrNull = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

export function useCartFilters(): [CartFilterValues, (change: Partial<CartFilterValues>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  const values: CartFilterValues = {
    q: params.get('q') ?? '',
    status: CART_STATUSES.includes(status as CartStatus) ? (status as CartStatus) : null,
    min: numberOrNull(params.get('min')),
    max: numberOrNull(params.get('max')),
    days: from && to ? [from, to] : null,
  };
  const set = (change: Partial<CartFilterValues>) => {
    const v = { ...values, ...change };
    const next: Record<string, string> = {};
    if (v.q.trim()) next.q = v.q.trim();
    if (v.status) next.status = v.status;
    if (v.min !== null) next.min = String(v.min);
    if (v.max !== null) next.max = String(v.max);
    if (v.days) [next.from, next.to] = v.days;
    setParams(next, { replace: true });
  };
  return [values, set];
}

/** The API's filters: money in minor units of the store currency, days as instants in its zone. */
export function toQuery(v: CartFilterValues, currency: string, tz: string): CartFilters {
  const scale = 10 ** minorDigits(currency);
  const range = v.days ? dayRange(v.days[0], v.days[1], tz) : null;
  return {
    q: v.q || undefined,
    status: v.status ?? undefined,
    minValue: v.min === null ? undefined : Math.round(v.min * scale),
    maxValue: v.max === null ? undefined : Math.round(v.max * scale),
    from: range?.from,
    to: range?.to,
  };
}
