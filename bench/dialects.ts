/**
 * The databases a benchmark runs on: the test harness's fixtures (a fresh SQLite file, or a fresh
 * PostgreSQL schema), pointed at CARTBACK_BENCH_DATABASE_URL when set.
 */
import { freshDb as fresh, PG_URL, postgresSkipReason as reason, type DialectName, type FreshDb } from '../test/harness/dialects.ts';

export type { DialectName, FreshDb };

export const BENCH_PG_URL = process.env.CARTBACK_BENCH_DATABASE_URL ?? PG_URL;

export const freshDb = (dialect: DialectName): Promise<FreshDb> => fresh(dialect, BENCH_PG_URL, 'cbbench');
export const postgresSkipReason = (): Promise<string | false> => reason(BENCH_PG_URL, 'set CARTBACK_BENCH_DATABASE_URL to include it');
