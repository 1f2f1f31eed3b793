/**
 * ISO 8601 durations (what the server stores: PT30M, P7D) as a number and one unit (what people
 * type: 30 minutes, 7 days). A duration with several parts (PT1H30M) is shown in the largest unit
 * that holds it whole (90 minutes), so nothing is rounded away. Days are 24 hours here, as on the
 * server (src/kernel/duration.ts).
 */
export const UNITS = ['seconds', 'minutes', 'hours', 'days', 'weeks'] as const;
export type Unit = (typeof UNITS)[number];

const SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, weeks: 604_800 };
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.\d+)?S)?)?$/;

export interface Amount {
  amount: number;
  unit: Unit;
}

/**
 * null for text that is not a duration the server accepts. A duration of one part keeps its unit
 * (P7D is 7 days, not 1 week; PT60M stays 60 minutes), as whoever set it chose it.
 */
export function fromIso(iso: string): Amount | null {
  const m = PATTERN.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const parts = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  const order: Unit[] = ['weeks', 'days', 'hours', 'minutes', 'seconds'];
  const used = order.filter((_, i) => parts[i]! > 0);
  if (used.length === 0) return { amount: 0, unit: 'minutes' };
  if (used.length === 1) return { amount: parts[order.indexOf(used[0]!)]!, unit: used[0]! };
  const total = order.reduce((sum, u, i) => sum + parts[i]! * SECONDS[u], 0);
  const unit = order.find((u) => total % SECONDS[u] === 0) ?? 'seconds';
  return { amount: total / SECONDS[unit], unit };
}

export function toIso({ amount, unit }: Amount): string {
  const n = Math.max(0, Math.round(amount));
  switch (unit) {
    case 'weeks':
      return `P${n}W`;
    case 'days':
      return `P${n}D`;
    case 'hours':
      return `PT${n}H`;
    case 'minutes':
      return `PT${n}M`;
    case 'seconds':
      return `PT${n}S`;
  }
}
