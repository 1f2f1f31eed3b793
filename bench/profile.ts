/**
 * Summarises a --cpu-prof profile of a server under load (BENCH_CPU_PROF=dir npm run bench):
 * self time by function and by place (package, src/ folder, Node internals), counted from the first
 * sample inside src/ingest/ (when the load began; or inside the path fragment given as `from`) to the
 * end, so start-up does not blur it.
 *
 *   node --import tsx bench/profile.ts <file.cpuprofile> [top=25] [from=/src/ingest/]
 */
import fs from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const [file, topArg, from = '/src/ingest/'] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function place(url: string): string {
  if (!url) return '(native / VM)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(src|bench)\/(.+\/)?[^/]+$/.exec(url);
  if (src) return `${src[1]}/${src[2] ?? ''}`;
  return url.startsWith('node:') ? 'node internals' : url;
}
const inIngest = (id: number): boolean => {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur)!.callFrame.url.includes(from)) return true;
  return false;
};

const fns = new Map<string, number>();
const places = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let started = false;
prof.samples.forEach((id, i) => {
  started ||= inIngest(id);
  if (!started) return;
  const dt = prof.timeDeltas[i] ?? 0;
  const f = byId.get(id)!.callFrame;
  const fn = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${f.lineNumber + 1}` : ''}`;
  const where = ['(idle)', '(garbage collector)', '(program)'].includes(f.functionName) ? f.functionName : place(f.url);
  fns.set(fn, (fns.get(fn) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const c = byId.get(cur)!.callFrame;
    const m = /\/(src\/.+)$/.exec(c.url);
    if (m && c.functionName) seen.add(`${c.functionName} ${m[1]}`);
  }
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  places.set(where, (places.get(where) ?? 0) + dt);
  total += dt;
});

const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s profiled under load`);
show('self time by place', places);
show('self time by function', fns);
show('inclusive time of src/ functions (synchronous part only: an await cuts the stack)', inclusive);
