import { AppError } from './errors.ts';

// ISO 8601 durations as flows use them: PnW, PnD, PTnH, PTnM, PTnS and combinations (P1DT12H).
// Years and months are refused: their length depends on the calendar, and a recovery step is never that far.
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const MAX_DURATION_MS = 3650 * 86_400_000;

export function parseDuration(text: string): number {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    throw new AppError('invalid_duration', `"${text}" is not an ISO 8601 duration such as PT30M, PT30H or P1D`);
  }
  const [, w, d, h, min, s] = m;
  const ms =
    (Number(w ?? 0) * 7 * 86400 + Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000;
  if (ms < 1000) throw new AppError('invalid_duration', `"${text}" is shorter than the one-second minimum`);
  // A due time is now + this, kept as epoch ms in a bigint: P99999999999999W would overflow it
  // (a wait that fails in the engine on every try). No recovery step or setting is ever this long.
  if (!(ms <= MAX_DURATION_MS)) throw new AppError('invalid_duration', `"${text}" is longer than the ten-year maximum (P3650D)`);
  return Math.round(ms);
}

export function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}
