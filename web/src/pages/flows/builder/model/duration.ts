/**
 * ISO 8601 durations as flows store them (PT30M, PT30H, P3D, P1W) and the number + unit people
 * type. A stored mix such as P1DT6H is shown in the largest unit that divides it evenly (30 hours),
 * so a duration survives a round trip through the form unchanged in length.
 */
export const UNITS = ['seconds', 'minutes', 'hours', 'days', 'weeks'] as const;
export type Unit = (typeof UNITS)[number];
export interface Amount { value: number; unit: Unit }

const SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, weeks: 604_800 };
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Total seconds of an ISO 8601 duration, or null when it is not one the server accepts. */
export function durationSeconds(iso: string): number | null {
  const m = PATTERN.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const [, w, d, h, min, s] = m;
  return Number(w ?? 0) * SECONDS.weeks + Number(d ?? 0) * SECONDS.days + Number(h ?? 0) * SECONDS.hours + Number(min ?? 0) * SECONDS.minutes + Number(s ?? 0);
}

export function parseDuration(iso: string): Amount | null {
  const total = durationSeconds(iso);
  if (total === null || total <= 0) return null;
  const unit = [...UNITS].reverse().find((u) => total % SECONDS[u] === 0) ?? 'seconds';
  return { value: total / SECONDS[unit], unit };
}

export function toDuration({ value, unit }: Amount): string {
  const n = Math.max(0, Math.round(value));
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
