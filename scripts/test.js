#!/usr/bin/env node
// `npm test`: finds every *.test.ts under src/ and test/ (or the paths given) and runs them with
// Node's own test runner through tsx. Store tests run on SQLite and, when reachable, PostgreSQL
// (CARTBACK_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). The admin app is
// built first when web/ changed (scripts/build-web.js), so browser tests see the current app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildWeb } from './build-web.js';

function collect(dir, out) {
  if (!fs.existsSync(dir)) return out;
  if (fs.statSync(dir).isFile()) return dir.endsWith('.test.ts') ? [...out, dir] : out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') collect(p, out);
    else if (entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const roots = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const files = (roots.length ? roots : ['src', 'test', 'snippet']).flatMap((r) => collect(r, [])).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Browser tests drive the built admin app; build it first when web/ changed (a no-op otherwise).
try {
  await buildWeb();
} catch (e) {
  console.error(`the admin app did not build: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const concurrency = process.env.CARTBACK_TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
