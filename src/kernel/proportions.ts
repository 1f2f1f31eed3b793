/**
 * Confidence intervals for conversion rates, so the dashboard can say how sure the lift over the
 * holdout is. Wilson's score interval for one rate, and Newcombe's hybrid score interval (his
 * method 10, 1998) for the difference of two independent rates: both stay inside [0, 1] and behave
 * with the small counts and rates near zero a holdout group has, where the textbook normal
 * approximation does not.
 */
const Z95 = 1.959963984540054;

export interface Interval { low: number; high: number }

export function wilson(successes: number, trials: number, z = Z95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** 95% interval of rate(a) − rate(b). */
export function differenceInterval(a: { successes: number; trials: number }, b: { successes: number; trials: number }, z = Z95): Interval | null {
  const wa = wilson(a.successes, a.trials, z);
  const wb = wilson(b.successes, b.trials, z);
  if (!wa || !wb) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const d = pa - pb;
  return {
    low: d - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
    high: d + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
  };
}
