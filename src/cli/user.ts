/** `cartback user create|list`: admin users without the web app (the first one, or a locked-out team). */
import { Command } from 'commander';
import { createUser, UI_LOCALES, type UiLocale } from '../accounts/users.ts';
import { randomSecret } from '../kernel/ids.ts';
import { getStore } from '../store/queries/stores.ts';
import { listUsers, userView } from '../store/queries/users.ts';
import { fail, withDatabase } from './context.ts';

export function userCommand(): Command {
  const user = new Command('user').description('admin users of the web app');
  user
    .command('create')
    .description('add an admin user; without --password one is generated and printed once')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name')
    .option('--password <password>', 'at least 10 characters (prefer the generated one: shell history keeps this)')
    .option('--locale <locale>', `interface language: ${UI_LOCALES.join(', ')}`, 'en')
    .option('--stores <ids>', 'comma-separated store ids this user may see (default: every store)')
    .action(async (o: { email: string; name?: string; password?: string; locale: string; stores?: string }) => {
      try {
        if (!(UI_LOCALES as readonly string[]).includes(o.locale)) throw Object.assign(new Error(`--locale must be one of ${UI_LOCALES.join(', ')}`), { code: 'invalid_body' });
        const password = o.password ?? randomSecret(15);
        const stores = o.stores?.split(',').map((x) => x.trim()).filter(Boolean);
        const u = await withDatabase(async (d) => {
          for (const id of stores ?? []) await getStore(d.db, id);
          return createUser(d.db, { email: o.email, name: o.name, password, locale: o.locale as UiLocale, stores }, Date.now());
        });
        process.stdout.write(`user created: ${u.email} (${u.id})\n${o.password ? '' : `  password    ${password}   (shown once; change it after signing in)\n`}`);
      } catch (err) {
        fail(err);
      }
    });
  user
    .command('list')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const users = (await withDatabase((d) => listUsers(d.db))).map(userView);
      if (o.json) process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
      else for (const u of users) process.stdout.write(`${u.email}\t${u.name}\t${u.locale}\tlast sign-in ${u.lastSignInAt ?? 'never'}\n`);
    });
  return user;
}
