import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './index.ts';

test('defaults give the embedded SQLite and the dev mailbox', () => {
  const c = loadConfig({});
  assert.equal(c.database.kind, 'sqlite');
  assert.equal(c.smtp, null);
  assert.equal(c.port, 4700);
  assert.equal(c.publicUrl, 'http://localhost:4700');
});

test('a postgres URL switches to PostgreSQL; SMTP URL switches mail', () => {
  const c = loadConfig({ CARTBACK_DATABASE_URL: 'postgres://u@db/x', CARTBACK_SMTP_URL: 'smtp://mail:25', CARTBACK_PUBLIC_URL: 'https://cb.shop.test/' });
  assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u@db/x' });
  assert.equal(c.smtp?.url, 'smtp://mail:25');
  assert.equal(c.publicUrl, 'https://cb.shop.test');
});

test('every problem is reported at once', () => {
  assert.throws(
    () => loadConfig({ CARTBACK_PORT: 'eighty', CARTBACK_SMTP_URL: 'mail.example', CARTBACK_LOG_LEVEL: 'loud', CARTBACK_PUBLC_URL: 'x' }),
    (e: ConfigError) => {
      assert.equal(e.problems.length, 4, e.message);
      assert.match(e.message, /CARTBACK_PORT/);
      assert.match(e.message, /CARTBACK_SMTP_URL/);
      assert.match(e.message, /CARTBACK_LOG_LEVEL/);
      assert.match(e.message, /CARTBACK_PUBLC_URL is not a setting/);
      return true;
    },
  );
});

test('the demo history can be turned off, and only with true or false', () => {
  assert.equal(loadConfig({}).demoHistory, true);
  assert.equal(loadConfig({ CARTBACK_DEMO_HISTORY: 'false' }).demoHistory, false);
  assert.throws(() => loadConfig({ CARTBACK_DEMO_HISTORY: 'no' }), /CARTBACK_DEMO_HISTORY="no": must be one of true, false/);
});

test('the clock is the system clock unless virtual is asked for, by name', () => {
  assert.equal(loadConfig({}).clock, 'system');
  assert.equal(loadConfig({ CARTBACK_CLOCK: 'virtual' }).clock, 'virtual');
  assert.throws(() => loadConfig({ CARTBACK_CLOCK: 'fast' }), /CARTBACK_CLOCK="fast": must be one of system, virtual/);
});

test('CARTBACK_DNS_SERVER is an IP address with an optional port; a name or a bad port is reported with the rest', () => {
  assert.equal(loadConfig({}).dnsServer, null);
  for (const ok of ['127.0.0.1', '127.0.0.1:5353', '2001:db8::53', '[2001:db8::53]:53']) assert.equal(loadConfig({ CARTBACK_DNS_SERVER: ok }).dnsServer, ok);
  assert.throws(
    () => loadConfig({ CARTBACK_DNS_SERVER: 'dns.example.com', CARTBACK_LOG_LEVEL: 'loud' }),
    (e: ConfigError) => e.problems.length === 2 && /CARTBACK_DNS_SERVER="dns.example.com": must be an IP address/.test(e.message),
  );
  assert.throws(() => loadConfig({ CARTBACK_DNS_SERVER: '127.0.0.1:70000' }), /CARTBACK_DNS_SERVER="127.0.0.1:70000": the port must be between 1 and 65535/);
});
