/**
 * SPF, DKIM and DMARC checks against a real DNS server in this process (dns2 on 127.0.0.1) that
 * answers the records each case needs: `cartback doctor` as an operator runs it, and
 * GET /api/stores/:id/deliverability, on every database. Each sender domain below is one case.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import dgram from 'node:dgram';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { checkSender } from '../../src/channels/email/dns/checks.ts';
import { DnsLookup } from '../../src/channels/email/dns/lookup.ts';
import type { DeliverabilityReport } from '../../src/contracts/deliverability.ts';
import type { Launched } from '../../src/cli/start.ts';
import { client } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { startDns, type DnsServer, type Zone } from '../harness/dns.ts';
import { freePort, launchIn, testEnv, type TestEnv } from '../harness/server.ts';

const run = promisify(execFile);

const pem = (bits = 1024) => generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const KEY = pem(2048); // its record is longer than 255 bytes: served in pieces, read whole
const OTHER_KEY = pem();
const publicOf = (key: string) => createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
const DKIM = (key: string) => `v=DKIM1; k=rsa; p=${publicOf(key)}`;
/** the SMTP server stores hand their mail to, and the address SPF must allow */
const RELAY = { host: 'mail.relay.test', ip: '198.51.100.7' };

/** A sender domain with every record right; the cases below break one thing each. */
const good = (domain: string): Zone => ({
  [domain]: { txt: [`v=spf1 ip4:${RELAY.ip} ~all`, 'google-site-verification=abc'] },
  [`cb1._domainkey.${domain}`]: { txt: [DKIM(KEY)] },
  [`_dmarc.${domain}`]: { txt: [`v=DMARC1; p=reject; rua=mailto:dmarc@${domain}`] },
});
const ZONE: Zone = {
  [RELAY.host]: { a: [RELAY.ip] },
  ...good('good.test'),
  ...good('nospf.test'),
  'nospf.test': { txt: ['google-site-verification=abc'] },
  ...good('twospf.test'),
  'twospf.test': { txt: [`v=spf1 ip4:${RELAY.ip} ~all`, 'v=spf1 include:_spf.other.test -all'] },
  ...good('badkey.test'),
  'cb1._domainkey.badkey.test': { txt: [DKIM(OTHER_KEY)] },
  ...good('nodmarc.test'),
  ...good('monitor.test'),
  '_dmarc.monitor.test': { txt: ['v=DMARC1; p=none; rua=mailto:dmarc@monitor.test'] },
};
delete ZONE['_dmarc.nodmarc.test'];

const CASES = ['good', 'nospf', 'twospf', 'badkey', 'nodmarc', 'monitor'] as const;
const settings = (name: string) => ({ senderEmail: `hello@${name}.test`, smtpUrl: `smtp://${RELAY.host}:587`, dkimDomain: `${name}.test`, dkimSelector: 'cb1', dkimPrivateKey: KEY });

let dns: DnsServer;
before(async () => {
  dns = await startDns(ZONE);
});
after(async () => dns?.close());

async function doctor(env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [path.resolve('bin/cartback.js'), 'doctor'], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** doctor's lines for one sender domain: its heading and the checks under it. */
function block(out: string, domain: string): string {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.includes(`sender ${domain} `));
  assert.ok(start >= 0, `doctor says nothing about ${domain}:\n${out}`);
  const end = lines.findIndex((l, i) => i > start && / sender \S+ /.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

const byCheck = (r: DeliverabilityReport) => Object.fromEntries(r.checks.map((c) => [c.check, c]));

for (const dialect of DIALECTS) {
  describe(`deliverability on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestEnv;
    let running: Launched;
    const ids: Record<string, string> = {};
    const api = () => client(t.base);
    before(async () => {
      t = await testEnv(dialect, { CARTBACK_DNS_SERVER: dns.address });
      running = await launchIn(t);
    });
    after(async () => {
      await running?.app.close();
      await t?.cleanup();
    });

    test('doctor: a sender with every record right is ok, and doctor exits 0', async () => {
      const made = await api().admin('POST', '/stores', { name: 'Good shop', templates: false, settings: settings('good') });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      ids.good = made.body.id;
      // A store still on the dev mailbox sends nothing: doctor says it did not check it.
      await api().admin('POST', '/stores', { name: 'Dev shop', templates: false });
      // CARTBACK_DEMO=true: a public URL on 127.0.0.1 is then fine, so only the DNS checks can fail.
      const { code, out } = await doctor({ ...t.env, CARTBACK_DEMO: 'true' });
      assert.equal(code, 0, out);
      const b = block(out, 'good.test');
      assert.match(b, /^ok\s+sender good\.test\s+From hello@good\.test, via mail\.relay\.test, signed cb1\._domainkey\.good\.test \(Good shop\)/m);
      assert.match(b, /^ok\s+spf\s+one SPF record, "v=spf1 ip4:198\.51\.100\.7 ~all", authorizing mail\.relay\.test \(198\.51\.100\.7\)/m);
      assert.match(b, /^ok\s+dkim\s+the key at cb1\._domainkey\.good\.test matches/m);
      assert.match(b, /^ok\s+dmarc\s+"v=DMARC1; p=reject;.*refused/m);
      assert.match(b, /^ok\s+alignment\s+the DKIM signature \(d=good\.test\) is aligned/m);
      assert.match(out, /^ok\s+sender dns\s+not checked for 1 store whose mail goes to the dev mailbox/m);
    });

    test('doctor: missing SPF, two SPF records, a DKIM key mismatch, no DMARC, p=none: each explained, with the record to publish; exit 1', async () => {
      for (const name of CASES.slice(1)) {
        const made = await api().admin('POST', '/stores', { name: `${name} shop`, templates: false, settings: settings(name) });
        assert.equal(made.status, 201, JSON.stringify(made.body));
        ids[name] = made.body.id;
      }
      const { code, out } = await doctor({ ...t.env, CARTBACK_DEMO: 'true' });
      assert.equal(code, 1, out);

      const nospf = block(out, 'nospf.test');
      assert.match(nospf, /^FAIL\s+sender nospf\.test/m);
      assert.match(nospf, /^FAIL\s+spf\s+nospf\.test has no SPF record/m);
      assert.match(nospf, /^\s+publish: nospf\.test TXT "v=spf1 a:mail\.relay\.test ~all"$/m);
      assert.match(nospf, /^ok\s+dkim/m);

      const twospf = block(out, 'twospf.test');
      assert.match(twospf, /^FAIL\s+spf\s+twospf\.test has 2 SPF records .*permerror/m);
      assert.match(twospf, /^\s+fix: merge them into one record/m);
      assert.match(twospf, /^\s+publish: twospf\.test TXT "v=spf1 ip4:198\.51\.100\.7 include:_spf\.other\.test ~all"$/m);

      const badkey = block(out, 'badkey.test');
      assert.match(badkey, /^ok\s+spf/m);
      assert.match(badkey, /^FAIL\s+dkim\s+the key published at cb1\._domainkey\.badkey\.test is not the public half of the private key Cartback signs with/m);
      assert.ok(badkey.includes(`publish: cb1._domainkey.badkey.test TXT "${DKIM(KEY)}"`), badkey);

      const nodmarc = block(out, 'nodmarc.test');
      assert.match(nodmarc, /^FAIL\s+dmarc\s+no DMARC record at _dmarc\.nodmarc\.test/m);
      assert.match(nodmarc, /^\s+publish: _dmarc\.nodmarc\.test TXT "v=DMARC1; p=none; rua=mailto:postmaster@nodmarc\.test"$/m);

      const monitor = block(out, 'monitor.test');
      assert.match(monitor, /^warn\s+sender monitor\.test/m);
      assert.match(monitor, /^warn\s+dmarc\s+.*p=none only asks receivers for reports; mail that fails DMARC, forged mail included, is still delivered/m);
      assert.match(monitor, /^\s+fix: once the reports show your own mail passing .* move to p=quarantine, then p=reject/m);
      assert.match(monitor, /^\s+publish: _dmarc\.monitor\.test TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@monitor\.test"$/m);
    });

    test('GET /api/stores/:id/deliverability answers the same checks', async () => {
      const report = async (name: string) => {
        const r = await api().admin<DeliverabilityReport>('GET', `/stores/${ids[name]}/deliverability`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.dnsServer, dns.address);
        return r.body;
      };
      const g = await report('good');
      assert.deepEqual([g.status, g.domain, g.from, g.smtpHost, g.dkim], ['ok', 'good.test', 'hello@good.test', RELAY.host, { domain: 'good.test', selector: 'cb1' }]);
      assert.deepEqual(g.checks.map((c) => [c.check, c.status, c.code]), [['spf', 'ok', 'spf_ok'], ['dkim', 'ok', 'dkim_ok'], ['dmarc', 'ok', 'dmarc_ok'], ['alignment', 'ok', 'alignment_ok']]);

      const expected: Record<string, [check: string, status: string, code: string]> = {
        nospf: ['spf', 'fail', 'spf_missing'],
        twospf: ['spf', 'fail', 'spf_multiple'],
        badkey: ['dkim', 'fail', 'dkim_mismatch'],
        nodmarc: ['dmarc', 'fail', 'dmarc_missing'],
        monitor: ['dmarc', 'warn', 'dmarc_none'],
      };
      for (const [name, [check, status, code]] of Object.entries(expected)) {
        const r = await report(name);
        const c = byCheck(r)[check]!;
        assert.deepEqual([r.status, c.status, c.code], [status, status, code], `${name}: ${JSON.stringify(r.checks)}`);
        assert.ok(c.fix && c.record, `${name}: says what to do and what to publish`);
        // every other check of the case is ok: one thing is broken at a time
        assert.deepEqual(r.checks.filter((x) => x.check !== check).map((x) => x.status), ['ok', 'ok', 'ok'], name);
      }
      assert.equal(byCheck(await report('badkey')).dkim!.record!.value, DKIM(KEY));
    });
  });
}

describe('deliverability checks: the rest of what they explain', () => {
  const dkim = { domain: 'shop.test', selector: 'cb1', privateKey: KEY };
  const check = async (zone: Zone, setup: Partial<Parameters<typeof checkSender>[1]> = {}) => {
    dns.zone = { [RELAY.host]: { a: [RELAY.ip] }, ...good('shop.test'), ...zone };
    const r = await checkSender(new DnsLookup(dns.address), { from: 'hello@shop.test', dkim, smtpHost: RELAY.host, ...setup });
    return byCheck({ ...r, dnsServer: null, checkedAt: '' });
  };

  test('SPF: +all and a missing all are warnings; a record that leaves out the SMTP server says what to add', async () => {
    const plus = (await check({ 'shop.test': { txt: ['v=spf1 +all'] } })).spf!;
    assert.deepEqual([plus.status, plus.code, plus.record?.value], ['warn', 'spf_plus_all', 'v=spf1 ~all']);
    const open = (await check({ 'shop.test': { txt: [`v=spf1 ip4:${RELAY.ip}`] } })).spf!;
    assert.deepEqual([open.status, open.code, open.record?.value], ['warn', 'spf_no_all', `v=spf1 ip4:${RELAY.ip} ~all`]);
    const other = (await check({ 'shop.test': { txt: ['v=spf1 ip4:203.0.113.0/24 include:_spf.esp.test -all'] }, '_spf.esp.test': { txt: ['v=spf1 ip4:192.0.2.1 -all'] } })).spf!;
    assert.deepEqual([other.status, other.code], ['warn', 'spf_not_authorized']);
    assert.equal(other.record?.value, `v=spf1 ip4:203.0.113.0/24 include:_spf.esp.test ip4:${RELAY.ip} -all`);
    const included = (await check({ 'shop.test': { txt: ['v=spf1 include:_spf.esp.test -all'] }, '_spf.esp.test': { txt: ['v=spf1 a:mail.relay.test -all'] } })).spf!;
    assert.deepEqual([included.status, included.code], ['ok', 'spf_ok'], included.summary);
    const macro = (await check({ 'shop.test': { txt: ['v=spf1 exists:%{i}.spf.shop.test -all'] } })).spf!;
    assert.equal(macro.status, 'ok');
    assert.match(macro.summary, /cannot be told here: .*macro/);
  });

  test('DKIM: none configured, no record, a revoked key; alignment when d= is another domain', async () => {
    const unsigned = await check({}, { dkim: null });
    assert.deepEqual([unsigned.dkim!.status, unsigned.dkim!.code, unsigned.alignment], ['warn', 'dkim_not_configured', undefined]);
    const missing = (await check({ 'cb1._domainkey.shop.test': { txt: [] } })).dkim!;
    assert.deepEqual([missing.status, missing.code, missing.record?.value], ['fail', 'dkim_missing', DKIM(KEY)]);
    const revoked = (await check({ 'cb1._domainkey.shop.test': { txt: ['v=DKIM1; p='] } })).dkim!;
    assert.deepEqual([revoked.status, revoked.code], ['fail', 'dkim_revoked']);
    const foreign = await check({ ...good('esp.test') }, { dkim: { ...dkim, domain: 'esp.test' } });
    assert.deepEqual([foreign.dkim!.status, foreign.alignment!.status, foreign.alignment!.code], ['ok', 'warn', 'alignment_mismatch']);
    const sub = await check({ ...good('mail.shop.test') }, { dkim: { ...dkim, domain: 'mail.shop.test' } });
    assert.equal(sub.alignment!.status, 'ok', 'relaxed alignment: a subdomain of the From domain counts');
  });

  test('a domain that does not exist, and a DNS server that does not answer, are explained', async () => {
    const gone = await checkSender(new DnsLookup(dns.address), { from: 'hello@nowhere.test', dkim: null, smtpHost: null });
    assert.deepEqual([gone.checks[0]!.code, gone.checks[0]!.status], ['domain_missing', 'fail']);
    assert.match(gone.checks[0]!.summary, /nowhere\.test does not exist in DNS \(NXDOMAIN\)/);

    const silent = dgram.createSocket('udp4'); // takes every question, answers none
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    const address = `127.0.0.1:${silent.address().port}`;
    const refused = `127.0.0.1:${await freePort()}`; // nothing listens there
    try {
      const [timedOut, noServer] = await Promise.all([address, refused].map((a) => checkSender(new DnsLookup(a), { from: 'hello@shop.test', dkim, smtpHost: RELAY.host })));
      for (const r of [timedOut!, noServer!]) assert.deepEqual(r.checks.map((c) => c.code), ['dns_error', 'dns_error', 'dns_error', 'alignment_ok']);
      assert.match(timedOut!.checks[0]!.summary, new RegExp(`no answer from the DNS server ${address} \\(CARTBACK_DNS_SERVER\\) for TXT shop\\.test within 3 s`));
      assert.match(noServer!.checks[0]!.summary, /refused the connection/);
    } finally {
      silent.close();
    }
  });
});
