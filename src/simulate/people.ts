/**
 * Who the simulated shoppers are: names per locale (the display form and a Latin form for the
 * address), time zones with a fixed UTC offset (daylight saving ignored: it only shapes the hour
 * people shop at), and when in the day they shop. Addresses use the RFC 2606 reserved domains, so
 * no simulated message can ever reach a real mailbox.
 */
import type { Rng } from './random.ts';

export type Locale = 'en' | 'zh-CN' | 'zh-TW';

type Name = readonly [display: string, latin: string];
const NAMES: Record<Locale, { first: readonly Name[]; last: readonly Name[] }> = {
  en: {
    first: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Henry', 'Chloe', 'Daniel', 'Ella', 'Jack'].map((n) => [n, n] as const),
    last: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Clark', 'Walker', 'Hall', 'Young', 'King'].map((n) => [n, n] as const),
  },
  'zh-CN': {
    first: [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['洋', 'yang'], ['婷', 'ting']],
    last: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang']],
  },
  'zh-TW': {
    first: [['家豪', 'jiahao'], ['怡君', 'yijun'], ['志明', 'zhiming'], ['雅婷', 'yating'], ['俊傑', 'junjie'], ['淑芬', 'shufen']],
    last: [['陳', 'chen'], ['林', 'lin'], ['黃', 'huang'], ['張', 'chang'], ['李', 'lee'], ['王', 'wang']],
  },
};

/** Time zones per locale, with their weight and standard UTC offset in hours. */
const ZONES: Record<Locale, ReadonlyArray<{ zone: string; weight: number; offset: number }>> = {
  en: [
    { zone: 'America/New_York', weight: 40, offset: -5 },
    { zone: 'America/Los_Angeles', weight: 25, offset: -8 },
    { zone: 'Europe/London', weight: 35, offset: 0 },
  ],
  'zh-CN': [{ zone: 'Asia/Shanghai', weight: 1, offset: 8 }],
  'zh-TW': [{ zone: 'Asia/Taipei', weight: 1, offset: 8 }],
};

/** Relative shopping activity per local hour (0–23): quiet at night, busiest in the evening. */
export const HOURLY_ACTIVITY: readonly number[] = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 1.5, 2, 2.2, 2.3, 2.5, 2.3, 2.2, 2.2, 2.3, 2.5, 3, 3.5, 3.8, 3.5, 2.6, 1.6];

export interface Person { firstName: string; lastName: string; latin: string; timezone: string; utcOffsetHours: number }

export function drawPerson(r: Rng, locale: Locale): Person {
  const first = r.pick(NAMES[locale].first);
  const last = r.pick(NAMES[locale].last);
  const zones = ZONES[locale];
  const z = zones[Number(r.weighted(Object.fromEntries(zones.map((x, i) => [String(i), x.weight]))))]!;
  return { firstName: first[0], lastName: last[0], latin: `${first[1]}.${last[1]}`.toLowerCase(), timezone: z.zone, utcOffsetHours: z.offset };
}

/** A local hour of the day, drawn in proportion to HOURLY_ACTIVITY. */
export function drawLocalHour(r: Rng): number {
  return Number(r.weighted(Object.fromEntries(HOURLY_ACTIVITY.map((w, h) => [String(h), w]))));
}
