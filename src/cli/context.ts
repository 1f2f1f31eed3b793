/** Shared by the CLI commands: configuration (every problem at once) and a migrated database. */
import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { migrate, openDatabase, type Database } from '../store/db.ts';
import { instanceSecret } from '../store/queries/instance.ts';
import { loadSettingsKey } from '../stores/keyring.ts';

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const database = openDatabase(config.database, { poolSize: 2 });
  try {
    await migrate(database);
    loadSettingsKey(await instanceSecret(database.db, config.secret));
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** Prints an AppError's code and details for a person, and sets a failing exit code. */
export function fail(err: unknown): never {
  const e = err as { code?: string; message: string; details?: unknown };
  process.stderr.write(`error${e.code ? ` [${e.code}]` : ''}: ${e.message}\n`);
  if (Array.isArray(e.details)) for (const d of e.details) process.stderr.write(`  - ${typeof d === 'string' ? d : JSON.stringify(d)}\n`);
  process.exit(1);
}
