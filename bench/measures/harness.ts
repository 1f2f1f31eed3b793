/**
 * What every measure shares: knobs from the environment, numbered progress lines, and the
 * repeat loop that alternates Cartback and its baseline (so a drift over the run, such as heat or a
 * warming page cache, does not favour one side).
 */
import type { DialectName } from '../dialects.ts';
import type { ResultRow } from '../report.ts';

export const num = (name: string, dflt: number): number => Number(process.env[name] ?? dflt);
export const list = (name: string, dflt: string): string[] => (process.env[name] ?? dflt).split(',').map((s) => s.trim()).filter(Boolean);
export const round1 = (x: number): number => Math.round(x * 10) / 10;

export type Side = 'ours' | 'baseline';
export const sideName = (side: Side): string => (side === 'ours' ? 'cartback' : 'baseline');

export interface BenchContext {
  /** databases to run on (PostgreSQL only when it answers) */
  dialects: DialectName[];
  repeat: number;
  /** prints "[ i/N] what …" now, and "[ i/N] what <result>" when the returned function is called */
  step(what: string): (result: string) => void;
}

export interface Measure {
  /** the BENCH_MEASURES name */
  key: string;
  /** how many progress steps run() will print, for the [i/N] counter */
  steps(ctx: Pick<BenchContext, 'dialects' | 'repeat'>): number;
  run(ctx: BenchContext): Promise<ResultRow[]>;
}

/** The usual shape: `repeat` times Cartback and baseline, alternating which goes first. */
export async function alternate<S>(ctx: BenchContext, what: string, once: (side: Side, rep: number) => Promise<S>, show: (s: S) => string): Promise<Record<Side, S[]>> {
  const samples: Record<Side, S[]> = { ours: [], baseline: [] };
  for (let rep = 1; rep <= ctx.repeat; rep++) {
    for (const side of rep % 2 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const)) {
      const done = ctx.step(`${what} ${sideName(side)} #${rep}`);
      const s = await once(side, rep);
      samples[side].push(s);
      done(show(s));
    }
  }
  return samples;
}
