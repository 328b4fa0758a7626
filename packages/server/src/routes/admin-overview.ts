import type { Hono } from 'hono';
import { consolePaths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { programOverview } from '../domain/overview.ts';

/** `GET /v1/admin/overview`: members, points owed and moving, redemptions and memberships at the API's clock. */
export function adminOverviewRoute(app: Hono, context: AppContext): void {
  app.get(consolePaths.overview, async (c) => {
    const now = context.now();
    const program = await authenticateSecretKey(c, context.db, now);
    c.header('Cache-Control', 'no-store');
    return c.json(await programOverview(context.db, program, now));
  });
}
