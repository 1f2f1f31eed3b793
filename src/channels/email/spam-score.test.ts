/**
 * Every built-in template, in every locale, scores below 2.0 with SpamAssassin (local rules only),
 * as the message Cartback really sends: the same render, click tracking, headers (From, To,
 * Message-ID, List-Unsubscribe, List-Unsubscribe-Post), DKIM signature (mailers.ts) and MIME build
 * as send_email, with the sample cart. Needs Debian's `spamassassin`; without it the test is
 * skipped, except with CI=true.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { newId } from '../../kernel/ids.ts';
import { LinkSigner } from '../../links/tokens.ts';
import { messageLinks, trackClicks } from '../../links/tracking.ts';
import { checkSettings, type Store } from '../../store/queries/stores.ts';
import { BUILT_IN_KEYS, LOCALES, builtInTemplate } from './built-in.ts';
import { outgoingMail } from './compose.ts';
import { Mailers } from './mailers.ts';
import { renderEmail } from './render.ts';
import { sampleContext } from './sample.ts';
import { envelope, type Mailer } from './transport.ts';

const LIMIT = 2.0;
/** spamassassin processes, each scoring its share of the messages in one go. */
const POOL = 2;
const PUBLIC_URL = 'https://recover.shop.example';
const T = Date.parse('2026-03-14T10:00:00Z');

const installed = spawnSync('spamassassin', ['--version']).status === 0;
const skip = installed ? false : process.env.CI === 'true' ? false : 'spamassassin is not installed (Debian: apt-get install spamassassin); with CI=true this test fails instead';

interface Score { name: string; score: number; rules: string[] }

/** The raw message as the SMTP transport would hand it over (nodemailer's own MIME build). */
/** A DKIM key for the sample store: mail that goes out signed is what a set-up store sends. */
const DKIM_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/**
 * The raw message as the SMTP transport would hand it over: the store's mailer (mailers.ts, which
 * adds the DKIM key) in front of a transport that keeps nodemailer's MIME build of envelope().
 */
async function rawMessage(key: string, locale: string): Promise<{ messageId: string; raw: Buffer }> {
  const template = await builtInTemplate(key, locale);
  assert.ok(template, `${key}/${locale} is a built-in`);
  const sample = sampleContext(locale);
  const store: Store = {
    id: 'st_sample', name: sample.store.name, publicKey: 'pk', createdAt: T,
    settings: checkSettings({
      domain: 'shop.example', senderName: sample.store.name, senderEmail: 'hello@shop.example', supportEmail: 'help@shop.example', supportUrl: 'https://shop.example/help',
      postalAddress: sample.store.postal_address, locale, dkimDomain: 'shop.example', dkimSelector: 'cb1', dkimPrivateKey: DKIM_KEY,
    }),
  };
  const messageId = newId(); // the form send_email gives a message, as its Message-ID shows it
  const signer = new LinkSigner('x'.repeat(32));
  const links = messageLinks(PUBLIC_URL, signer, messageId, T);
  const rendered = await renderEmail(template, { ...sample, links });
  const tracked = trackClicks(rendered.html, PUBLIC_URL, signer, messageId, T);
  const mail = outgoingMail({ store, messageId, to: sample.contact.email, rendered, html: tracked.html, links });
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let raw: Buffer = Buffer.alloc(0);
  const capture: Mailer = {
    label: 'capture',
    async send(m) {
      raw = (await builder.sendMail({ ...envelope(m, 'recover.shop.example'), date: new Date(T) })).message as Buffer;
      return { providerId: m.messageId };
    },
    verify: async () => undefined,
    close: () => undefined,
  };
  await new Mailers(capture, { pool: 1, host: 'recover.shop.example' }).for(store).send(mail);
  assert.match(raw.toString('utf8', 0, 4000), /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=shop\.example;/m, 'signed as a store with a DKIM key sends');
  return { messageId, raw };
}

/**
 * Scores messages with ONE `spamassassin -L -t --mbox` (local tests only, each message given back
 * with its report): loading the rules costs about a second of CPU per process, the messages
 * themselves a few milliseconds each.
 */
function scoreAll(messages: Array<{ name: string; messageId: string; raw: Buffer }>): Promise<Score[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('spamassassin', ['-L', '-t', '-x', '--mbox'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const answers = out.split(/^From cartback-spam-score .*\n/m).slice(1);
      if (answers.length !== messages.length) return reject(new Error(`spamassassin (exit ${code}) answered ${answers.length} of ${messages.length} messages\n${err}`));
      resolve(messages.map(({ name, messageId }) => {
        // Found by Message-ID, not by position, so a message spamassassin skipped cannot shift the rest.
        const answer = answers.find((a) => a.includes(`<${messageId}@`));
        if (!answer) throw new Error(`${name}: not in spamassassin's answer`);
        const status = /^X-Spam-Status: \w+, score=(-?[\d.]+)/m.exec(answer);
        if (!status) throw new Error(`${name}: no X-Spam-Status in spamassassin's answer`);
        // The report's table: " pts rule name   description", one line per rule that hit.
        const table = answer.slice(answer.indexOf('Content analysis details'));
        const rules = [...table.matchAll(/^\s*(-?\d+\.\d+)\s+([A-Z0-9_]+)\s+(.*)$/gm)].map(([, pts, rule, what]) => `${pts} ${rule} ${what}`);
        return { name, score: Number(status[1]), rules };
      }));
    });
    // mbox: each message after a "From " line; a body line that starts with "From " gets a ">".
    for (const { raw } of messages) child.stdin.write(`From cartback-spam-score Sat Mar 14 10:00:00 2026\n${raw.toString('utf8').replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1')}\n`);
    child.stdin.end();
  });
}

test(`every built-in template × locale scores below ${LIMIT} with SpamAssassin`, { skip, timeout: 180_000 }, async () => {
  assert.ok(installed, 'CI=true and spamassassin is not installed: add it to the apt-get line in .ci/run');
  const jobs = BUILT_IN_KEYS.flatMap((key) => LOCALES.map((locale) => ({ key, locale })));
  const started = Date.now();
  const messages = await Promise.all(jobs.map(async ({ key, locale }) => ({ name: `${key}/${locale}`, ...(await rawMessage(key, locale)) })));
  const chunks = Array.from({ length: POOL }, (_, c) => messages.filter((_, i) => i % POOL === c));
  const scores = (await Promise.all(chunks.map(scoreAll))).flat().sort((a, b) => messages.findIndex((m) => m.name === a.name) - messages.findIndex((m) => m.name === b.name));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const s of scores) process.stdout.write(`# ${s.name.padEnd(18)} ${s.score.toFixed(1).padStart(5)}  ${s.rules.map((r) => r.split(' ').slice(0, 2).join(' ')).join(', ')}\n`);
  process.stdout.write(`# ${scores.length} messages in ${seconds} s (${POOL} spamassassin processes); highest ${Math.max(...scores.map((s) => s.score)).toFixed(1)}\n`);
  const over = scores.filter((s) => s.score >= LIMIT);
  assert.deepEqual(over.map((s) => `${s.name} ${s.score}:\n    ${s.rules.join('\n    ')}`), [], `templates at or above ${LIMIT}`);
});
