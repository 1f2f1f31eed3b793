/** Summaries of repeated measurements, the results file and the Markdown table. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Sample { eventsPerSec: number; p50Ms: number; p99Ms: number; errors: number; rowsMatch: boolean }
export interface Stats { median: number; min: number; max: number }
export interface Target { minRatio: number; minEventsPerSec: number }
export interface ResultRow {
  measure: string;
  dialect: string;
  ours: Stats;
  baseline: Stats;
  /** ours median / baseline median */
  ratio: number;
  target: Target & { text: string };
  meetsTarget: boolean;
  samples: { ours: Sample[]; baseline: Sample[] };
}

export function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: Math.round(median), min: Math.round(s[0]!), max: Math.round(s[s.length - 1]!) };
}

export function resultRow(measure: string, dialect: string, target: Target, ours: Sample[], baseline: Sample[]): ResultRow {
  const o = stats(ours.map((x) => x.eventsPerSec));
  const b = stats(baseline.map((x) => x.eventsPerSec));
  const ratio = Math.round((o.median / b.median) * 100) / 100;
  const text = `≥ ${target.minRatio}× baseline and ≥ ${target.minEventsPerSec.toLocaleString('en-US')} events/s`;
  return { measure, dialect, ours: o, baseline: b, ratio, target: { ...target, text }, meetsTarget: ratio >= target.minRatio && o.median >= target.minEventsPerSec, samples: { ours, baseline } };
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

const n = (x: number) => x.toLocaleString('en-US');
const errs = (xs: Sample[]) => xs.reduce((a, x) => a + x.errors, 0);
const range = (s: Stats) => `${n(s.median)} (${n(s.min)}–${n(s.max)})`;

export function markdown(rows: ResultRow[]): string {
  const lines = [
    '| measure | database | Cartback events/s, median (min–max) | baseline events/s, median (min–max) | ratio | target | met | failed requests (Cartback / baseline) |',
    '|---|---|---:|---:|---:|---|---|---|',
    ...rows.map((r) => `| ${r.measure} | ${r.dialect} | ${range(r.ours)} | ${range(r.baseline)} | ${r.ratio.toFixed(2)}× | ${r.target.text} | ${r.meetsTarget ? 'yes' : 'no'} | ${errs(r.samples.ours)} / ${errs(r.samples.baseline)} |`),
  ];
  return lines.join('\n');
}

export function writeResults(name: string, content: object): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
