import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageUnavailableError } from './errors.ts';

/** The file in a PGlite data folder that names the process using it. */
export const LOCK_FILE = 'loyalty-api.pid';

/**
 * Claims a PGlite data folder for this process: PGlite is one process's database, and a second
 * process opening the same folder (a CLI command while the API runs, a second API) would corrupt it.
 * A lock left by a process that no longer runs (killed, crashed) is taken over. Returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new StorageUnavailableError(
        `PGlite data folder ${dataDir} is in use by process ${holder}: PGlite serves one process at a time. ` +
          'Stop that process first (or, while the API runs, use its admin API).',
      );
    }
    await rm(path, { force: true });
  }
  throw new StorageUnavailableError(`PGlite data folder ${dataDir} could not be locked (${path})`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
