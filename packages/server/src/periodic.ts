import type { Logger } from './logger.ts';
import { StorageFailedError } from './store/errors.ts';

/** A task the server runs in the background, again and again, until it stops. */
export interface PeriodicTask {
  /** Runs the task now (after the run in progress, if one is), e.g. to catch up without waiting for the interval. */
  runNow(): Promise<void>;
  /** Stops scheduling runs and waits for the run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs` with at most one run at a time: a run that outlasts the interval delays the next
 * instead of overlapping it. A run that throws is logged (except for the embedded database's fatal fault, which the
 * server reports) and the next one goes ahead; the timer never keeps the process alive on its own.
 */
export function startPeriodic(
  name: string,
  intervalMs: number,
  task: () => Promise<void>,
  logger: Pick<Logger, 'error'>,
): PeriodicTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await task();
      } catch (error) {
        // The embedded database's fatal fault is reported once, by the server, which then exits: saying it again
        // for each background task would bury the one line an operator needs.
        if (error instanceof StorageFailedError) return;
        logger.error({ err: error, task: name }, `Background task ${name} failed; it runs again in ${intervalMs} ms`);
      }
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(schedule), intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runNow: run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
