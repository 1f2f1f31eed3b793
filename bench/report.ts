/** Summaries of repeated measurements, the results file and the Markdown table. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One ingest throughput measurement (single, batch50). */
export interface Sample { eventsPerSec: number; p50Ms: number; p99Ms: number; errors: number; rowsMatch: boolean }
export interface Stats { median: number; min: number; max: number }
export interface Target { minRatio: number; minEventsPerSec: number }

/**
 * One row of the table: a measure of DESIGN.md §7 on one database, Cartback beside its baseline.
 * `ratio` is ours median / baseline median; `compare` is what the table shows in that column (the
 * ratio, or a difference where the target is one, e.g. "+41 MB"). Samples keep each repeat's raw
 * figures, whatever their shape.
 */
export interface ResultRow {
  /** BENCH_MEASURES name: single, batch50, render, smtp, memory, latency, … */
  key: string;
  measure: string;
  /** the database, or '—' where none is involved */
  dialect: string;
  /** what ours and baseline count, e.g. "events/s" */
  unit: string;
  ours: Stats;
  baseline: Stats;
  ratio: number;
  compare: string;
  target: { text: string } & Record<string, number | string>;
  meetsTarget: boolean;
  /** shown in the table's last column: failed requests, p50/max, misses … */
  note: string;
  samples: { ours: unknown[]; baseline: unknown[] };
}

/** Median, min and max, rounded to `decimals` places. */
export function stats(values: number[], decimals = 0): Stats {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const r = (x: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  return { median: r(median), min: r(s[0]!), max: r(s[s.length - 1]!) };
}

export const ratioOf = (ours: Stats, baseline: Stats): number => Math.round((ours.median / baseline.median) * 100) / 100;

/** The ingest throughput rows (single, batch50). */
export function resultRow(key: string, measure: string, dialect: string, target: Target, ours: Sample[], baseline: Sample[]): ResultRow {
  const o = stats(ours.map((x) => x.eventsPerSec));
  const b = stats(baseline.map((x) => x.eventsPerSec));
  const ratio = ratioOf(o, b);
  const text = `≥ ${target.minRatio}× baseline and ≥ ${target.minEventsPerSec.toLocaleString('en-US')} events/s`;
  const errs = (xs: Sample[]) => xs.reduce((a, x) => a + x.errors, 0);
  return {
    key, measure, dialect, unit: 'events/s', ours: o, baseline: b, ratio, compare: `${ratio.toFixed(2)}×`, target: { ...target, text },
    meetsTarget: ratio >= target.minRatio && o.median >= target.minEventsPerSec, note: `failed requests ${errs(ours)} / ${errs(baseline)}`, samples: { ours, baseline },
  };
}

export function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export const fmt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
/** With its sign, for differences: +4.5, −2.4 */
export const signed = (x: number): string => `${x < 0 ? '−' : '+'}${fmt(Math.abs(x))}`;
const range = (s: Stats, unit: string) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}) ${unit}`;

export function markdown(rows: ResultRow[]): string {
  const lines = [
    '| measure | database | Cartback, median (min–max) | baseline, median (min–max) | Cartback vs baseline | target | met | notes |',
    '|---|---|---:|---:|---:|---|---|---|',
    ...rows.map((r) => `| ${r.measure} | ${r.dialect} | ${range(r.ours, r.unit)} | ${range(r.baseline, r.unit)} | ${r.compare} | ${r.target.text} | ${r.meetsTarget ? 'yes' : 'no'} | ${r.note} |`),
  ];
  return lines.join('\n');
}

export function writeResults(name: string, content: object): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}${name ? `-${name}` : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
