import type { ServerConfig } from '../config.ts';
import { openDatabase, type Database, type PGliteOptions } from './database.ts';
import { openPostgres } from './postgres.ts';

/** PostgreSQL when `DATABASE_URL` is set, else the embedded PGlite in the data folder. */
export function openStore(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'storage'>,
  options: Pick<PGliteOptions, 'onFailure' | 'image'> = {},
): Promise<Database> {
  const { connectTimeoutMs, statementTimeoutMs, poolSize, minFreeBytes } = config.storage;
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { connectTimeoutMs, statementTimeoutMs, poolSize })
    : openDatabase(config.dataDir, { minFreeBytes, ...options });
}
