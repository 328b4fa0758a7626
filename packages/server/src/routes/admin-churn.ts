import type { Hono } from 'hono';
import { CHURN_MAX_MONTHS, ChurnQuery, memberPaths, type ChurnReport } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { churnByMonth, monthsBetween, parseYearMonth } from '../domain/churn.ts';
import { validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';

/** `GET /v1/admin/members/churn?from=YYYY-MM&to=YYYY-MM`: members, joins and endings by month of the program. */
export function adminChurnRoute(app: Hono, context: AppContext): void {
  app.get(memberPaths.churn, async (c) => {
    const program = await authenticateSecretKey(c, context.db, context.now());
    const query = parseOrThrow(ChurnQuery, { from: c.req.query('from'), to: c.req.query('to') }, 'query');
    const from = parseYearMonth(query.from);
    const count = monthsBetween(from, parseYearMonth(query.to));
    if (count < 1) throw validationFailed([{ path: 'query.to', message: 'Must not come before from.' }]);
    if (count > CHURN_MAX_MONTHS) {
      throw validationFailed([{ path: 'query.to', message: `At most ${CHURN_MAX_MONTHS} months from from.` }]);
    }
    const body: ChurnReport = { months: await churnByMonth(context.db, program.id, from, count, program.timezone) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
