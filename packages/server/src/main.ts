#!/usr/bin/env -S node --import tsx
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

try {
  const config = loadConfig();
  const server = await startServer(config);
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
  console.error('Loyalty API failed to start:', error);
  process.exit(1);
}
