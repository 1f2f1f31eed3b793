/**
 * `cartback contact export|delete`: a data-protection request from a shell, by contact id or by
 * the email address the person wrote in with. The same services as the admin API.
 */
import fs from 'node:fs';
import readline from 'node:readline/promises';
import { Command } from 'commander';
import { eraseContact, type Erasure } from '../privacy/erase.ts';
import { exportContact } from '../privacy/export.ts';
import type { Subject } from '../store/queries/data-subject.ts';
import { getStore } from '../store/queries/stores.ts';
import { fail, withDatabase } from './context.ts';

interface Who { store: string; email?: string; contact?: string }

function subjectOf(o: Who): Subject {
  if (!o.email === !o.contact) throw Object.assign(new Error('name the person with exactly one of --email or --contact'), { code: 'invalid_query' });
  return o.contact ? { contactId: o.contact } : { email: o.email! };
}

function describe(e: Erasure): string {
  const rows = Object.entries(e.deleted).filter(([, n]) => n > 0).map(([table, n]) => `  ${table.padEnd(15)} ${n}`);
  return [
    `contact(s) ${e.contactIds.join(', ')}`,
    ...rows,
    ...(e.anonymized.orders ? [`  orders kept without the person (revenue figures): ${e.anonymized.orders}`] : []),
    ...(e.suppressions ? [`  opted out: ${e.suppressions} address(es) kept as a SHA-256 so they are never mailed again`] : []),
  ].join('\n');
}

async function confirmed(): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Type "delete" to erase all of this for good: ');
  rl.close();
  return answer.trim() === 'delete';
}

const person = (c: Command) => c.requiredOption('--store <id>', 'store id').option('--email <address>', 'the address the person gave').option('--contact <id>', 'contact id');

export function contactCommand(): Command {
  const contact = new Command('contact').description("data-protection requests: one person's data");
  person(contact.command('export').description('write everything Cartback holds about one person as JSON'))
    .option('--out <file>', 'write to this file (readable by you only) instead of stdout')
    .action(async (o: Who & { out?: string }) => {
      try {
        const doc = await withDatabase(async (d) => exportContact(d.db, await getStore(d.db, o.store), subjectOf(o), Date.now()));
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        if (o.out) fs.writeFileSync(o.out, text, { mode: 0o600 });
        else process.stdout.write(text);
      } catch (err) {
        fail(err);
      }
    });
  person(contact.command('delete').description('erase one person and everything attached (one transaction); asks first unless --yes'))
    .option('--yes', 'do not ask')
    .action(async (o: Who & { yes?: boolean }) => {
      try {
        const who = subjectOf(o);
        await withDatabase(async (d) => {
          await getStore(d.db, o.store);
          if (!o.yes) {
            process.stderr.write(`This would delete:\n${describe(await eraseContact(d, o.store, who, { now: Date.now(), dryRun: true }))}\n`);
            if (!(await confirmed())) throw Object.assign(new Error('nothing was deleted (add --yes to delete without asking)'), { code: 'not_confirmed' });
          }
          process.stdout.write(`deleted\n${describe(await eraseContact(d, o.store, who, { now: Date.now() }))}\n`);
        });
      } catch (err) {
        fail(err);
      }
    });
  return contact;
}
