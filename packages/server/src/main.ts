#!/usr/bin/env -S node --import tsx
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const SHUTDOWN_GRACE_MS = 10_000;

try {
  const server = await startServer(loadConfig());
  // Scripts wait for exactly this line (and read the port from it): keep its wording.
  console.log(`Loyalty API listening on ${server.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // A stuck request must not keep the process alive forever.
    setTimeout(() => {
      console.error(`Still shutting down ${SHUTDOWN_GRACE_MS} ms after ${signal}; exiting.`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
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
  console.error('Loyalty API failed to start:', error);
  process.exit(1);
}
