import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openDatabase } from '../../src/store/database.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';

let image: Promise<Blob> | undefined;

/**
 * An in-memory PGlite data folder with every migration applied, made once per set of migrations and PGlite version
 * and kept in the temporary folder, so each test file's servers start from it instead of creating and migrating a
 * cluster of their own. The servers still run `migrate` (it finds nothing to do) and seed as usual.
 */
export function migratedPGliteImage(): Promise<Blob> {
  image ??= loadOrMake();
  return image;
}

async function loadOrMake(): Promise<Blob> {
  const migrations = await loadMigrations();
  // The resolved path names PGlite's version (node_modules/.pnpm/@electric-sql+pglite@<version>/…).
  const pglite = realpathSync(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const key = createHash('sha256').update(pglite).update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `loyalty-test-pglite-${key}.tar`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const db = await openDatabase('memory://');
  try {
    await migrate(db, migrations);
    const made = await db.dumpDataDir!();
    // Test files run in parallel processes: each writes its own copy, and the rename makes the last one whole.
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await made.arrayBuffer()));
    await rename(partial, file);
    return made;
  } finally {
    await db.close();
  }
}
