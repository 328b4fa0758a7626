import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { paths } from '@loyalty-elements/contract';
import type { Database } from './store/database.ts';
import { STORAGE_RETRY_AFTER_SECONDS, StorageUnavailableError } from './store/errors.ts';
import { ProgramKeys } from './auth.ts';
import { SettingsCache } from './caches/settings.ts';
import { SummaryCache } from './caches/summaries.ts';
import { CustomersInMemory, customersFromDatabase, type CustomerReader } from './caches/customers.ts';
import { ProblemError, problemResponse, type ServerProblemCode } from './problem.ts';
import { adminTransactionsRoute } from './routes/admin-transactions.ts';
import { demoTokenRoute } from './routes/demo-token.ts';
import { summaryRoute } from './routes/summary.ts';
import { programRoute } from './routes/program.ts';
import { pointsHistoryRoute } from './routes/points-history.ts';
import { birthdayRoutes } from './routes/birthday.ts';
import { adminCustomersRoute } from './routes/admin-customers.ts';
import { adminSurveysRoute } from './routes/admin-surveys.ts';
import { adminSurveyFeedbackRoutes } from './routes/admin-survey-feedback.ts';
import { adminFollowUpsRoutes } from './routes/admin-follow-ups.ts';
import { adminSurveyDefinitionRoutes } from './routes/admin-survey-definitions.ts';
import { surveysRoute } from './routes/surveys.ts';
import { apiReferenceRoutes } from './routes/api-reference.ts';
import { referralRoute } from './routes/referral.ts';
import { rewardsRoutes } from './routes/rewards.ts';
import { adminRewardsRoutes } from './routes/admin-rewards.ts';
import { adminProgramRoute } from './routes/admin-program.ts';
import { adminOrdersRoutes } from './routes/admin-orders.ts';
import { adminReversalsRoute } from './routes/admin-reversals.ts';
import { adminMembersRoutes } from './routes/admin-members.ts';
import { adminCustomerHistoryRoute } from './routes/admin-customer-history.ts';
import { adminChurnRoute } from './routes/admin-churn.ts';
import { adminWinBackRoutes } from './routes/admin-win-backs.ts';
import { adminWebhooksRoutes } from './routes/admin-webhooks.ts';
import { DEFAULT_RATE_LIMITS, rateLimits, type RateLimits, type RateLimitStoreFactory } from './rate-limits.ts';
import { healthRoutes } from './routes/health.ts';
import { createLogger, type Logger } from './logger.ts';
import { requestLog } from './middleware/request-log.ts';
import { takeCustomerTurns } from './middleware/customer-turn-taking.ts';
import { CustomerTurns } from './customer-turns.ts';
import { browserCors as browserCorsFor } from './middleware/browser-cors.ts';
import { abandonWhenClientGoes } from './middleware/client-gone.ts';
import { RequestAbandonedError } from './store/request-signal.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { requireJsonBody } from './middleware/json-body.ts';
import { refuseBrowserOrigin } from './middleware/admin-origin.ts';
import { consoleCsrf } from './middleware/console-csrf.ts';
import { adminOverviewRoute } from './routes/admin-overview.ts';
import { consoleSessionRoutes } from './routes/console/session.ts';
import { consoleStaticRoutes } from './routes/console/static.ts';

export const MAX_BODY_BYTES = 64 * 1024;
/** The status logged for a request whose client left before its answer (nginx's). */
const CLIENT_CLOSED_REQUEST = 499;

export interface AppDeps {
  db: Database;
  /** Serve the `/v1/demo/*` routes. Default false. */
  demo?: boolean;
  /** Origins allowed to call the customer and demo routes from a browser; `*` allows any. */
  allowedOrigins?: readonly string[];
  /** Request lines and errors, as JSON lines. Default: info and above to standard output. */
  logger?: Logger;
  /** Where unexpected errors go, with their stack; the client only ever sees a bare 500 problem. Default: the logger. */
  logError?: (error: unknown) => void;
  /** True once the server is shutting down: `/readyz` then answers 503. */
  isStopping?: () => boolean;
  /** Requests per minute per client address and per API key. */
  rateLimits?: RateLimits;
  /** Requests of one customer in progress at once (see customer-turns.ts). Default: DEFAULT_CUSTOMER_CONCURRENCY. */
  customerConcurrency?: number;
  /** Where the limits count (a store shared by several instances); default: this process's memory. */
  rateLimitStore?: RateLimitStoreFactory;
  /** The clock every route and domain rule reads (tests inject one). Default: the system clock. */
  now?: () => Date;
  /** Webhook endpoints may be `http:` URLs on this machine (demo mode, tests); otherwise `https:` only. Default false. */
  webhooksAllowHttpLoopback?: boolean;
  /** Called when webhook deliveries were made due (a retry, an endpoint turned on again), so they go out at once. */
  onWebhookDeliveriesDue?: () => void;
  /** The merchant console: where its build is, and the demo key its sign-in page offers (demo mode only). */
  console?: { distDir?: string; demoSecretKey?: string };
  /** Subscribes the app to notices that a program's settings changed on any instance (null: maybe missed). */
  onSettingsChanged?: (listener: (programId: string | null) => void) => void;
  /**
   * Only where every write passes through this process (Database.watchCustomers): subscribes the app to every
   * change of a customer's row, so it keeps customers in memory.
   */
  onCustomerChanged?: (listener: (programId: string, customerId: string) => void) => void;
}

const BODILESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where `pnpm --filter @loyalty-elements/console build` writes the console. */
export const CONSOLE_DIST_DIR = fileURLToPath(new URL('../../console/dist', import.meta.url));

/** What the route modules need from the app. */
export interface AppContext {
  db: Database;
  keys: ProgramKeys;
  now: () => Date;
  /** Programs and verified tokens kept in this process. */
  settings: SettingsCache;
  /** Customers' summaries kept in this process. */
  summaries: SummaryCache;
  /** Where `/v1/me/*` requests read their customer: memory where every write passes here, else the database. */
  customers: CustomerReader;
  /** Turns between customers: how many requests of one customer run at once. */
  turns: CustomerTurns;
}

export function createApp(deps: AppDeps): Hono {
  const { db, demo = false, allowedOrigins = [] } = deps;
  const logger = deps.logger ?? createLogger();
  const logError = deps.logError ?? ((error: unknown) => logger.error({ err: error }, 'unexpected error'));
  const context: AppContext = {
    db,
    keys: new ProgramKeys(),
    now: deps.now ?? (() => new Date()),
    settings: new SettingsCache(),
    summaries: new SummaryCache(),
    customers: deps.onCustomerChanged ? new CustomersInMemory() : customersFromDatabase,
    turns: new CustomerTurns(deps.customerConcurrency),
  };
  deps.onCustomerChanged?.((programId, customerId) => context.customers.forget(programId, customerId));
  deps.onSettingsChanged?.((programId) => {
    if (programId === null) {
      context.settings.clear();
      context.customers.clear();
    } else {
      context.settings.forgetProgram(programId);
      context.customers.forget(programId);
    }
  });
  const app = new Hono();

  app.use('*', securityHeaders, ...requestLog(logger), abandonWhenClientGoes);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is never read: the connection cannot carry another request after it.
      c.header('Connection', 'close');
      return problemResponse(
        c,
        new ProblemError(413, 'payload_too_large', `Request bodies may be at most ${MAX_BODY_BYTES} bytes.`),
      );
    },
  });
  // No route reads the body of a GET, HEAD or OPTIONS; looking for one would build the whole Request.
  app.use('*', (c, next) => (BODILESS_METHODS.has(c.req.method) ? next() : limitBody(c, next)));
  app.use('/v1/admin/*', refuseBrowserOrigin);
  const browserCors = browserCorsFor(allowedOrigins);
  app.use('/v1/me/*', browserCors);
  app.use('/v1/demo/*', browserCors);
  app.use(paths.program, browserCors);
  const limits = rateLimits(deps.rateLimits ?? DEFAULT_RATE_LIMITS, deps.rateLimitStore);
  app.use('/v1/*', ...limits);
  app.use('/v1/*', requireJsonBody);
  takeCustomerTurns(app, context);
  app.use('/console/api/*', ...limits, consoleCsrf, requireJsonBody);

  healthRoutes(app, context, deps.isStopping ?? (() => false));
  programRoute(app, context);
  summaryRoute(app, context);
  pointsHistoryRoute(app, context);
  birthdayRoutes(app, context);
  adminCustomersRoute(app, context);
  adminMembersRoutes(app, context);
  adminCustomerHistoryRoute(app, context);
  adminChurnRoute(app, context);
  adminWinBackRoutes(app, context);
  adminTransactionsRoute(app, context);
  surveysRoute(app, context);
  adminSurveysRoute(app, context);
  adminSurveyFeedbackRoutes(app, context);
  adminFollowUpsRoutes(app, context);
  adminSurveyDefinitionRoutes(app, context);
  rewardsRoutes(app, context);
  referralRoute(app, context);
  adminRewardsRoutes(app, context);
  adminProgramRoute(app, context, { allowHttpLoopback: demo });
  adminOrdersRoutes(app, context);
  adminReversalsRoute(app, context);
  adminWebhooksRoutes(app, context, {
    allowHttpLoopback: deps.webhooksAllowHttpLoopback ?? false,
    onDeliveriesDue: deps.onWebhookDeliveriesDue ?? (() => {}),
  });
  adminOverviewRoute(app, context);
  if (demo) demoTokenRoute(app, context);
  consoleSessionRoutes(app, context, { demoSecretKey: demo ? deps.console?.demoSecretKey : undefined });
  consoleStaticRoutes(app, deps.console?.distDir ?? CONSOLE_DIST_DIR);
  apiReferenceRoutes(app);

  app.notFound((c) =>
    problemResponse(c, new ProblemError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    // Nobody reads this answer; 499 (client closed request) tells the log line why there was none.
    if (error instanceof RequestAbandonedError) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    if (error instanceof StorageUnavailableError) {
      // Reported where it happens (store/); the client retries, with the same Idempotency-Key for a write.
      c.header('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS));
      return problemResponse(
        c,
        new ProblemError(503, 'storage_unavailable', 'The database is unavailable right now; retry shortly.'),
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(
        c,
        new ProblemError(error.status, httpExceptionCode(error.status), error.message || undefined),
      );
    }
    logError(error);
    return problemResponse(c, new ProblemError(500, 'internal', 'Something went wrong on our side.'));
  });
  return app;
}

function httpExceptionCode(status: number): ServerProblemCode {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  return 'validation_failed';
}
