/**
 * Calendar days in the store's time zone. The dashboard's daily series is cut at the store's
 * midnight (src/reports/daily.ts), so a period picked as days must start and end there too, not at
 * the viewer's midnight. Days are 'YYYY-MM-DD' strings, as Mantine's date pickers use them.
 */
const DAY = 86_400_000;
const partsCache = new Map<string, Intl.DateTimeFormat>();

function parts(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch {
      f = parts('UTC'); // an unknown zone in the settings: the server falls back to UTC as well
    }
    partsCache.set(tz, f);
  }
  return f;
}

/** The wall-clock time in `tz` at instant `ms`, read as if it were UTC. */
function wallClock(ms: number, tz: string): number {
  const p = Object.fromEntries(parts(tz).formatToParts(ms).map((x) => [x.type, Number(x.value)])) as Record<string, number>;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The instant (epoch ms) the day begins in `tz`. */
export function startOfDay(day: string, tz: string): number {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  // Two passes settle days whose offset differs from the one at the UTC guess (DST changes).
  let t = asUtc - (wallClock(asUtc, tz) - asUtc);
  t = asUtc - (wallClock(t, tz) - t);
  return t;
}

/** The day it is in `tz` at `now`. */
export function dayIn(tz: string, now: number = Date.now()): string {
  return new Date(wallClock(now, tz)).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** From the start of `first` to the end of `last` (inclusive days), as the API's ISO instants. */
export function dayRange(first: string, last: string, tz: string): { from: string; to: string } {
  return { from: new Date(startOfDay(first, tz)).toISOString(), to: new Date(startOfDay(addDays(last, 1), tz)).toISOString() };
}
