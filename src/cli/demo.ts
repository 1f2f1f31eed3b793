/** `cartback demo remove`: the admin app's "remove demo data", from a shell. */
import { Command } from 'commander';
import { removeSimulatedData } from '../simulate/remove.ts';
import { simulatedCounts } from '../store/queries/simulation.ts';
import { getStore } from '../store/queries/stores.ts';
import { fail, withDatabase } from './context.ts';

export function demoCommand(): Command {
  const demo = new Command('demo').description("the demo store's simulated data");
  demo
    .command('remove')
    .description('remove every simulated contact of the store and everything attached to them (one transaction); real shoppers stay')
    .requiredOption('--store <id>', 'store id')
    .action(async (o: { store: string }) => {
      try {
        const { removed, left } = await withDatabase(async (d) => {
          await getStore(d.db, o.store);
          const removed = await removeSimulatedData(d.db, o.store);
          return { removed, left: await simulatedCounts(d.db, o.store) };
        });
        process.stdout.write(`removed ${removed} simulated contact(s) and everything attached to them; ${left.simulatedContacts} left\n`);
      } catch (err) {
        fail(err);
      }
    });
  return demo;
}
