import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * When LOYALTY_TEST_DATABASE_URL names a PostgreSQL server, the suite runs against it instead of
 * PGlite: each test server gets a database of its own, made here.
 */
export const TEST_POSTGRES_URL = process.env.LOYALTY_TEST_DATABASE_URL?.trim() || undefined;

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database for one test server. `memory://` gets a new one, dropped on close; a data folder maps to
 * a database named after it, so a second start on the same folder finds the first one's data.
 */
export async function testDatabaseFor(dataDir: string): Promise<TestDatabase> {
  const persistent = !dataDir.startsWith('memory://');
  const suffix = persistent ? createHash('sha256').update(dataDir).digest('hex').slice(0, 16) : randomUUID();
  const name = `loyalty_test_${suffix.replace(/-/g, '')}`;
  await onServer(async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
