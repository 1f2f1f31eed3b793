/**
 * Local wall-clock arithmetic for send windows. Instants stay UTC; only the question "what time is
 * it for this shopper" is asked in their zone. Across a DST change the answer can be an hour off
 * for that one night, which is acceptable for quiet hours and day-long discounts.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs ~100 µs; a send asks about the same few zones over and over.
const zoneValidity = new Map<string, boolean>();

export function isTimeZone(tz: string): boolean {
  let ok = zoneValidity.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (zoneValidity.size > 1000) zoneValidity.clear(); // bounded: zone names come from event traits
    zoneValidity.set(tz, ok);
  }
  return ok;
}

/** Milliseconds since local midnight of `at` in `tz` (unknown zones count as UTC). */
export function localMsOfDay(at: number, tz: string): number {
  const zone = isTimeZone(tz) ? tz : 'UTC';
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (at % 1000);
}

const DAY = 86_400_000;
const hhmm = (s: string) => (Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))) * 60_000;

/** If `at` falls in the local window [start, end) (which may wrap midnight), when it ends; else null. */
export function quietUntil(at: number, tz: string, window: { start: string; end: string }): number | null {
  const now = localMsOfDay(at, tz);
  const start = hhmm(window.start);
  const end = hhmm(window.end);
  const inside = start <= end ? now >= start && now < end : now >= start || now < end;
  if (!inside || start === end) return null;
  return at + ((end - now + DAY) % DAY);
}

/** The instant local midnight ends the day of `at` in `tz`. */
export function endOfLocalDay(at: number, tz: string): number {
  return at + (DAY - localMsOfDay(at, tz));
}
