/** The instance's DKIM key (CARTBACK_DKIM_*): all three or none, read from the variable or a file, and a key that cannot sign stops the start. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './index.ts';

const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const KEY = rsa(2048);
const DKIM = { CARTBACK_DKIM_DOMAIN: 'mail.shop.test', CARTBACK_DKIM_SELECTOR: 'cb1', CARTBACK_DKIM_PRIVATE_KEY: KEY };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

test('unset: no signing; all three: the instance signs with them', () => {
  assert.equal(loadConfig({}).dkim, null);
  assert.deepEqual(loadConfig(DKIM).dkim, { domainName: 'mail.shop.test', keySelector: 'cb1', privateKey: KEY });
});

test('the key may come from a file, or with \\n escapes from an env file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-dkim-'));
  const file = path.join(dir, 'dkim.pem');
  fs.writeFileSync(file, KEY);
  try {
    const { CARTBACK_DKIM_PRIVATE_KEY: _inline, ...rest } = DKIM;
    assert.equal(loadConfig({ ...rest, CARTBACK_DKIM_PRIVATE_KEY_FILE: file }).dkim?.privateKey, KEY);
    assert.equal(loadConfig({ ...DKIM, CARTBACK_DKIM_PRIVATE_KEY: KEY.trim().replace(/\n/g, '\\n') }).dkim?.privateKey, KEY.trim());
    assert.match(problemsOf({ ...rest, CARTBACK_DKIM_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') }).join('\n'), /CARTBACK_DKIM_PRIVATE_KEY_FILE=.*cannot be read \(ENOENT\)/);
    assert.match(problemsOf({ ...DKIM, CARTBACK_DKIM_PRIVATE_KEY_FILE: file }).join('\n'), /both set/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad key, a missing part and other problems are all reported at once', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
  for (const [key, why] of [['not a key', /not a PEM private key/], [ec, /an ec key/], [rsa(512), /512-bit RSA key; at least 1024/]] as const) {
    const problems = problemsOf({ ...DKIM, CARTBACK_DKIM_PRIVATE_KEY: key, CARTBACK_LOG_LEVEL: 'loud' });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /CARTBACK_LOG_LEVEL/);
    assert.match(problems.find((p) => p.startsWith('CARTBACK_DKIM_PRIVATE_KEY'))!, why);
  }
  assert.deepEqual(problemsOf({ CARTBACK_DKIM_DOMAIN: 'mail.shop.test' }), ['DKIM signing needs CARTBACK_DKIM_SELECTOR and CARTBACK_DKIM_PRIVATE_KEY (or _FILE) as well']);
  assert.match(problemsOf({ ...DKIM, CARTBACK_DKIM_DOMAIN: 'not a domain' }).join('\n'), /CARTBACK_DKIM_DOMAIN/);
});
