#!/usr/bin/env node
// Builds the admin app (web/ -> web/dist) with Vite, only when it is stale: the hash of every file
// under web/ (dist excluded) and of package-lock.json is kept in web/dist/.build-hash, and a build
// runs only when it differs. `--force` builds anyway. `npm start` and `npm test` call this first.
//
// Several people (and test runs) share one tree, so a build takes a lock, writes into a temporary
// directory and swaps it into place: a running server never sees a half-written web/dist.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const WEB = path.join(ROOT, 'web');
const DIST = path.join(WEB, 'dist');
const STAMP = '.build-hash';
const LOCK = path.join(WEB, '.build.lock');
// Not sources: the output, dependencies, and this script's own temporary files.
const SKIP = new Set(['dist', 'node_modules', '.build.lock']);
const isTemp = (name) => name.startsWith('.dist-');

function files(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || isTemp(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) files(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

export function sourceHash() {
  const h = createHash('sha256');
  for (const f of files(WEB).sort()) {
    h.update(path.relative(ROOT, f).split(path.sep).join('/')).update('\0').update(fs.readFileSync(f)).update('\0');
  }
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(lock)) h.update('package-lock.json\0').update(fs.readFileSync(lock));
  return h.digest('hex');
}

function builtHash() {
  try {
    return fs.readFileSync(path.join(DIST, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Waits for another build in this tree to finish; a lock left by a dead process is taken over. */
async function lock() {
  const until = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(LOCK, { force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const owner = Number(fs.readFileSync(LOCK, 'utf8').trim() || 0);
    if (!owner || !alive(owner)) {
      fs.rmSync(LOCK, { force: true });
      continue;
    }
    if (Date.now() > until) throw new Error(`web: another build (pid ${owner}) holds ${path.relative(ROOT, LOCK)} for too long`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function loadVite() {
  try {
    return await import('vite');
  } catch {
    return null;
  }
}

/** Builds when stale (or forced). Resolves to what it did: 'fresh' | 'built' | 'skipped'. */
export async function buildWeb({ force = false, log = console.log } = {}) {
  const short = (h) => (h ? h.slice(0, 12) : 'none');
  let hash = sourceHash();
  if (!force && builtHash() === hash) {
    log(`web: up to date (${short(hash)}), not building`);
    return 'fresh';
  }
  const vite = await loadVite();
  if (!vite) {
    // A production install (npm ci --omit=dev) has no Vite: serve what was built, if anything.
    const msg = `web: vite is not installed; ${fs.existsSync(DIST) ? 'serving the existing web/dist' : 'the admin app is not built (npm ci, then npm run build:web)'}`;
    if (force) throw new Error(msg);
    log(msg);
    return 'skipped';
  }
  const unlock = await lock();
  const tmp = path.join(WEB, `.dist-${process.pid}`);
  try {
    hash = sourceHash(); // another process may have built while this one waited
    if (!force && builtHash() === hash) {
      log(`web: built meanwhile by another process (${short(hash)})`);
      return 'fresh';
    }
    log(force ? `web: building (--force), sources ${short(hash)}` : `web: sources changed (${short(builtHash())} -> ${short(hash)}), building`);
    const started = Date.now();
    await vite.build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
    fs.writeFileSync(path.join(tmp, STAMP), `${hash}\n`);
    const old = path.join(WEB, `.dist-old-${process.pid}`);
    if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
    fs.renameSync(tmp, DIST);
    fs.rmSync(old, { recursive: true, force: true });
    log(`web: built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 'built';
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    unlock();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb({ force: process.argv.includes('--force') }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
