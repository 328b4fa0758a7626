import { loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { StorageUnavailableError } from './store/errors.ts';

/** After a storage fault, how long answers already on their way get before the process exits. */
const STORAGE_FAILURE_EXIT_MS = 250;

/**
 * Starts the API as configured by the environment, stops it gracefully on SIGTERM or SIGINT, and exits
 * the process when it cannot start or when the embedded database fails.
 */
export async function serveFromEnvironment(): Promise<void> {
  try {
    const config = loadConfig();
    const server = await startServer(config, {
      // The embedded database cannot go on after a storage fault: exit non-zero so a supervisor
      // restarts the API, which replays PGlite's write-ahead log once the disk has room again.
      onStorageFailure: (error) => {
        console.error(`Loyalty API stopping: ${error.message}`);
        // Requests meanwhile get 503 without touching the database; then the process ends.
        setTimeout(() => process.exit(1), STORAGE_FAILURE_EXIT_MS);
      },
    });
    // Scripts wait for exactly this line (and read the port from it): keep its wording.
    console.log(`Loyalty API listening on ${server.url}`);

    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      // Requests in flight get the grace period to finish; a stuck one must not keep the process alive forever.
      setTimeout(() => {
        console.error(`Still shutting down ${config.shutdownGraceMs} ms after ${signal}; exiting.`);
        process.exit(1);
      }, config.shutdownGraceMs).unref();
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Error while shutting down:', error);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    // An unreachable database or an unusable data folder is an operator's problem, said in one line.
    if (error instanceof StorageUnavailableError) console.error(`Loyalty API failed to start: ${error.message}`);
    else console.error('Loyalty API failed to start:', error);
    process.exit(1);
  }
}
