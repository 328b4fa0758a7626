import type { ServerConfig } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import type { StorageFailedError } from './errors.ts';
import { openPostgres } from './postgres.ts';

/** PostgreSQL when `DATABASE_URL` is set, else the embedded PGlite in the data folder. */
export function openStore(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'storage'>,
  options: { onFailure?: (error: StorageFailedError) => void } = {},
): Promise<Database> {
  const { connectTimeoutMs, statementTimeoutMs, minFreeBytes } = config.storage;
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { connectTimeoutMs, statementTimeoutMs })
    : openDatabase(config.dataDir, { minFreeBytes, ...options });
}
