import assert from 'node:assert/strict';
import { test } from 'node:test';
import { machineReason } from './machines.ts';

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const sent = 1_000_000;

test('a person: a browser agent, a GET, some time after delivery', () => {
  assert.equal(machineReason({ method: 'GET', userAgent: CHROME, at: sent + 60_000 }, 'click', sent, 5000), null);
});

test('machines: HEAD, no agent, scanner and library agents, a click seconds after delivery', () => {
  assert.equal(machineReason({ method: 'HEAD', userAgent: CHROME, at: sent + 60_000 }, 'click', sent, 5000), 'head_request');
  assert.equal(machineReason({ method: 'GET', userAgent: '', at: sent + 60_000 }, 'restore', sent, 5000), 'no_user_agent');
  for (const ua of ['Mozilla/5.0 (compatible; Barracuda Sentinel)', 'python-requests/2.31', 'Go-http-client/1.1', 'Mozilla/5.0 (compatible; Googlebot/2.1)', 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0)']) {
    assert.equal(machineReason({ method: 'GET', userAgent: ua, at: sent + 60_000 }, 'click', sent, 5000), 'scanner_agent', ua);
  }
  assert.equal(machineReason({ method: 'GET', userAgent: CHROME, at: sent + 2000 }, 'click', sent, 5000), 'too_soon_after_delivery');
});

test('opens are not judged by timing (image proxies fetch the pixel as mail is read); the window can be off', () => {
  assert.equal(machineReason({ method: 'GET', userAgent: 'Mozilla/5.0 (via ggpht.com GoogleImageProxy)', at: sent + 500 }, 'open', sent, 5000), null);
  assert.equal(machineReason({ method: 'GET', userAgent: CHROME, at: sent + 10 }, 'click', sent, 0), null);
});
