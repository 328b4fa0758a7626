export { createApp, MAX_BODY_BYTES, type AppDeps } from './app.ts';
export {
  loadConfig,
  DEFAULT_DATA_DIR,
  DEFAULT_DEMO_ALLOWED_ORIGINS,
  DEFAULT_DEMO_PUBLISHABLE_KEY,
  DEFAULT_DEMO_SECRET_KEY,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type ServerConfig,
} from './config.ts';
export { openDatabase, MEMORY_DATA_DIR, type Database, type Queryable } from './store/database.ts';
export { openPostgres } from './store/postgres.ts';
export { openStore } from './store/open.ts';
export { migrate, loadMigrations, MIGRATIONS_DIR } from './store/migrate.ts';
export { seedDemo } from './seed.ts';
export { DEMO_SEED, DEFAULT_DEMO_CUSTOMER_ID, type DemoCustomerId } from './demo-seed.ts';
export { startServer, serveApp, type RunningServer, type ServingApp, type StartOptions } from './server.ts';
/** The expiry job: writes `expire` entries for every lapsed batch (also run at start and lazily per customer). */
export { expireLapsedPoints } from './domain/ledger.ts';
