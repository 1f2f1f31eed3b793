/**
 * Emails rendered per second: Cartback's per-message path beside a bare LiquidJS render of the same
 * compiled HTML (render-child.ts says exactly what each side does). Every sample is its own
 * process, single thread, no database. Knobs: BENCH_RENDER_WARMUP_MS (1000), BENCH_RENDER_MS (2000).
 */
import { fmt, ratioOf, stats } from '../report.ts';
import { alternate, num, type Measure } from './harness.ts';
import { runChild } from './child.ts';
import type { RenderSample } from './render-child.ts';

export const renderSettings = { warmupMs: num('BENCH_RENDER_WARMUP_MS', 1000), durationMs: num('BENCH_RENDER_MS', 2000) };
const TARGET = { minRatio: 0.5, minPerSec: 10_000 };

export const render: Measure = {
  key: 'render',
  steps: (ctx) => ctx.repeat * 2,
  async run(ctx) {
    const args = [String(renderSettings.warmupMs), String(renderSettings.durationMs)];
    const s = await alternate(ctx, 'render', (side) => runChild<RenderSample>('render-child.ts', [side, ...args]), (x) =>
      `${fmt(x.perSec)}/s${x.allPartsPerSec ? ` (all four parts: ${fmt(x.allPartsPerSec)}/s)` : ''}`);
    const ours = stats(s.ours.map((x) => x.perSec));
    const baseline = stats(s.baseline.map((x) => x.perSec));
    const allParts = stats(s.baseline.map((x) => x.allPartsPerSec!));
    const ratio = ratioOf(ours, baseline);
    return [{
      key: 'render', measure: 'emails rendered per second', dialect: '—', unit: 'emails/s', ours, baseline, ratio, compare: `${ratio.toFixed(2)}×`,
      target: { text: `≥ ${TARGET.minRatio}× baseline and ≥ ${fmt(TARGET.minPerSec)}/s`, ...TARGET },
      meetsTarget: ratio >= TARGET.minRatio && ours.median >= TARGET.minPerSec,
      note: `baseline renders the HTML only; bare Liquid rendering all four parts: ${fmt(allParts.median)}/s (Cartback ${ratioOf(ours, allParts).toFixed(2)}× that)`,
      samples: s,
    }];
  },
};
