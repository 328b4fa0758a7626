import type { Context, Hono } from 'hono';
import type { AppContext } from '../app.ts';
import { ProblemError, problemResponse } from '../problem.ts';

/** How long `/readyz` waits for the database before saying it is not ready. */
export const READINESS_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: the process answers (a liveness probe). `GET /readyz`: the database answers too, and the
 * server is not shutting down (a readiness probe); 503 `storage_unavailable` otherwise.
 */
export function healthRoutes(app: Hono, { db }: Pick<AppContext, 'db'>, isStopping: () => boolean): void {
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });

  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (isStopping()) return notReady(c, 'The server is shutting down.');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
    });
    try {
      const answer = await Promise.race([db.query('SELECT 1').then(() => 'ready' as const), timeout]);
      if (answer === 'timeout') return notReady(c, `The database did not answer within ${READINESS_TIMEOUT_MS} ms.`);
      return c.json({ status: 'ready' });
    } catch {
      return notReady(c, 'The database is not answering.');
    } finally {
      clearTimeout(timer);
    }
  });
}

function notReady(c: Context, detail: string): Response {
  c.header('Retry-After', '5');
  return problemResponse(c, new ProblemError(503, 'storage_unavailable', detail));
}
