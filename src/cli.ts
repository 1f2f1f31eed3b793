/** The `cartback` command line. Each command lives in src/cli/; this file only lists them. */
import { Command } from 'commander';
import { doctor } from './cli/doctor.ts';
import { configOrExit } from './cli/context.ts';
import { migrate, openDatabase } from './store/db.ts';
import { start } from './cli/start.ts';
import { flowCommand, storeCommand, tokenCommand } from './cli/store-flow.ts';
import { userCommand } from './cli/user.ts';
import { demoCommand } from './cli/demo.ts';
import { contactCommand } from './cli/contact.ts';
import { simulateCommand } from './cli/simulate.ts';

const program = new Command('cartback').description('Abandoned-cart recovery: ingest, flows, email, reports.').version('0.1.0');

program
  .command('start')
  .description('run the HTTP API, tracking links and the engine')
  .option('--role <role>', 'all (default), api (HTTP only) or worker (engine only)')
  .action(start);
program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const config = configOrExit();
    const database = openDatabase(config.database, { poolSize: 1, role: 'migrate' });
    try {
      const applied = await migrate(database);
      process.stdout.write(applied.length ? `applied ${applied.join(', ')} on ${database.caps.label}\n` : `schema up to date on ${database.caps.label}\n`);
    } finally {
      await database.close();
    }
  });
program.addCommand(storeCommand());
program.addCommand(flowCommand());
program.addCommand(tokenCommand());
program.addCommand(userCommand());
program.addCommand(demoCommand());
program.addCommand(contactCommand());
program.addCommand(simulateCommand());
program.command('doctor').description('check database, SMTP, public URL, and the SPF, DKIM and DMARC records of every sender domain').action(doctor);
program
  .command('bench')
  .description('run the benchmarks beside their baselines (same as npm run bench; see bench/README.md)')
  .action(async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('../bench/run.ts', import.meta.url).pathname], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
  });

await program.parseAsync(process.argv);
