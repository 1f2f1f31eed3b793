/** `cartback store create`, `cartback flow import|export`, `cartback token create`: the same services as the admin API. */
import fs from 'node:fs';
import { Command } from 'commander';
import { parseDuration } from '../kernel/duration.ts';
import { exportFlow, importFlow } from '../flows/definition/publish.ts';
import { findFlowByName, listFlows } from '../store/queries/flows.ts';
import { createApiToken } from '../store/queries/instance.ts';
import { getStore, storeView } from '../store/queries/stores.ts';
import { createStore } from '../stores/create-store.ts';
import { fail, withDatabase } from './context.ts';

export function storeCommand(): Command {
  const store = new Command('store').description('manage stores');
  store
    .command('create')
    .description("create a store with the ready-made flows; prints its id, write key (shown once) and public key")
    .requiredOption('--name <name>', 'store name')
    .option('--abandon-after <duration>', 'quiet time before a cart counts as abandoned (ISO 8601)', 'PT30M')
    .option('--currency <code>', 'ISO 4217 currency', 'USD')
    .option('--json', 'print one JSON object {id, writeKey, publicKey}')
    .action(async (o: { name: string; abandonAfter: string; currency: string; json?: boolean }) => {
      try {
        parseDuration(o.abandonAfter);
        const { store: s, writeKey } = await withDatabase((d) => createStore(d.db, { name: o.name, settings: { abandonAfter: o.abandonAfter, currency: o.currency } }, Date.now()));
        if (o.json) process.stdout.write(`${JSON.stringify({ id: s.id, writeKey, publicKey: s.publicKey })}\n`);
        else process.stdout.write(`store created\n  id          ${s.id}\n  write key   ${writeKey}   (server-side; shown once)\n  public key  ${s.publicKey}   (browser snippet)\n`);
      } catch (err) {
        fail(err);
      }
    });
  store
    .command('show')
    .requiredOption('--store <id>', 'store id')
    .action(async (o: { store: string }) => {
      try {
        const s = await withDatabase((d) => getStore(d.db, o.store));
        process.stdout.write(`${JSON.stringify(storeView(s), null, 2)}\n`);
      } catch (err) {
        fail(err);
      }
    });
  return store;
}

export function flowCommand(): Command {
  const flow = new Command('flow').description('import and export flow definitions (JSON)');
  flow
    .command('export')
    .description('print a flow definition (or, without --name, all of the store\'s flows as an array)')
    .requiredOption('--store <id>', 'store id')
    .option('--name <name>', 'flow name')
    .action(async (o: { store: string; name?: string }) => {
      try {
        const out = await withDatabase(async (d) => {
          await getStore(d.db, o.store);
          if (o.name) {
            const f = await findFlowByName(d.db, o.store, o.name);
            if (!f) throw Object.assign(new Error(`no flow named "${o.name}"`), { code: 'flow_not_found' });
            return exportFlow(d.db, o.store, f.id);
          }
          return Promise.all((await listFlows(d.db, o.store)).map((f) => exportFlow(d.db, o.store, f.id)));
        });
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } catch (err) {
        fail(err);
      }
    });
  flow
    .command('import')
    .description('validate a flow definition and publish it as a new version (runs in flight keep theirs)')
    .requiredOption('--store <id>', 'store id')
    .option('--draft', 'save the version without making it live')
    .argument('<file>', 'JSON file, or - for standard input')
    .action(async (file: string, o: { store: string; draft?: boolean }) => {
      try {
        const text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (err) {
          throw Object.assign(new Error(`${file} is not JSON: ${(err as Error).message}`), { code: 'invalid_json' });
        }
        const f = await withDatabase(async (d) => {
          await getStore(d.db, o.store);
          return importFlow(d.db, o.store, raw, { publish: !o.draft, now: Date.now() });
        });
        process.stdout.write(`flow "${f.name}" saved as version ${f.latest_version}${o.draft ? ' (draft)' : ', live'}\n`);
      } catch (err) {
        fail(err);
      }
    });
  return flow;
}

export function tokenCommand(): Command {
  const token = new Command('token').description('admin API tokens');
  token
    .command('create')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--store <id>', 'a token for this store only (default: every store)')
    .action(async (o: { name: string; store?: string }) => {
      try {
        const { token: t } = await withDatabase(async (d) => {
          if (o.store) await getStore(d.db, o.store);
          return createApiToken(d.db, o.name, Date.now(), undefined, null, o.store ?? null);
        });
        process.stdout.write(`${t}\n`);
      } catch (err) {
        fail(err);
      }
    });
  return token;
}
