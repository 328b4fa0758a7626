import type { ServerConfig } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import { openPostgres } from './postgres.ts';

/** PostgreSQL when `DATABASE_URL` is set, else the embedded PGlite in the data folder. */
export function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openDatabase(config.dataDir);
}
