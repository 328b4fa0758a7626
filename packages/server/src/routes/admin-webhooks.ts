import type { Context, Hono } from 'hono';
import {
  Identifier,
  WEBHOOK_DELIVERIES_DEFAULT_LIMIT,
  WebhookDeliveryListQuery,
  WebhookEndpointCreate,
  WebhookEndpointPatch,
  webhookPaths,
  type WebhookDeliveryPage,
  type WebhookEndpoint,
  type WebhookEndpointList,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { deliveryPage, resumePendingDeliveries, retryDelivery } from '../domain/webhooks/deliveries.ts';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listEndpoints,
  updateEndpoint,
} from '../domain/webhooks/endpoints.ts';
import { webhookUrlProblem } from '../domain/webhooks/url-policy.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

export interface WebhookRouteOptions {
  /** Endpoints may be `http:` URLs on this machine. */
  allowHttpLoopback: boolean;
  /** Nudges the delivery worker: deliveries were made due now. */
  onDeliveriesDue: () => void;
}

/** The program's webhook endpoints and their deliveries, managed by the merchant (secret key). */
export function adminWebhooksRoutes(app: Hono, context: AppContext, options: WebhookRouteOptions): void {
  const { db } = context;

  app.post(webhookPaths.endpoints, async (c) => {
    const at = context.now();
    const program = await authenticateSecretKey(c, db, at);
    const request = parseOrThrow(WebhookEndpointCreate, await readJson(c), 'body');
    const urlProblem = webhookUrlProblem(request.url, options.allowHttpLoopback);
    if (urlProblem !== null) throw validationFailed([urlProblem]);
    const endpoint = await createEndpoint(db, program.id, request, at);
    c.header('Cache-Control', 'no-store');
    return c.json(endpoint, 201);
  });

  app.get(webhookPaths.endpoints, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const body: WebhookEndpointList = { endpoints: await listEndpoints(db, program.id) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  /** Answers the endpoint `find` gives back for the path's id, or 404. */
  const endpointRoute =
    (find: (c: Context, programId: string, endpointId: string) => Promise<WebhookEndpoint | undefined>) =>
    async (c: Context) => {
      const program = await authenticateSecretKey(c, db, context.now());
      const endpointId = pathParam(c, 'endpointId');
      const endpoint = await find(c, program.id, endpointId);
      if (endpoint === undefined) throw endpointNotFound(endpointId);
      c.header('Cache-Control', 'no-store');
      return c.json(endpoint);
    };

  app.get(
    webhookPaths.endpointPattern,
    endpointRoute((_c, programId, endpointId) => findEndpoint(db, programId, endpointId)),
  );
  app.patch(
    webhookPaths.endpointPattern,
    endpointRoute(async (c, programId, endpointId) => {
      const patch = parseOrThrow(WebhookEndpointPatch, await readJson(c), 'body');
      const at = context.now();
      const { endpoint, resumed } = await db.transaction(async (tx) => {
        const wasEnabled = (await findEndpoint(tx, programId, endpointId))?.enabled;
        const updated = await updateEndpoint(tx, programId, endpointId, patch);
        // Turned on again: what waited while it was off goes out now, with three days of retries ahead.
        const turnedOn = updated !== undefined && wasEnabled === false && updated.enabled;
        if (turnedOn) await resumePendingDeliveries(tx, endpointId, at);
        return { endpoint: updated, resumed: turnedOn };
      });
      if (resumed) options.onDeliveriesDue();
      return endpoint;
    }),
  );
  app.delete(
    webhookPaths.endpointPattern,
    endpointRoute((_c, programId, endpointId) => deleteEndpoint(db, programId, endpointId)),
  );

  app.get(webhookPaths.deliveriesPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const endpointId = pathParam(c, 'endpointId');
    const query = parseOrThrow(WebhookDeliveryListQuery, c.req.query(), 'query');
    const before = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if ((await findEndpoint(db, program.id, endpointId)) === undefined) throw endpointNotFound(endpointId);
    const page = await deliveryPage(db, endpointId, query.limit ?? WEBHOOK_DELIVERIES_DEFAULT_LIMIT, before);
    const body: WebhookDeliveryPage = {
      deliveries: page.deliveries,
      nextCursor: page.nextBefore === null ? null : encodeCursor(page.nextBefore),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.post(webhookPaths.retryPattern, async (c) => {
    const at = context.now();
    const program = await authenticateSecretKey(c, db, at);
    const endpointId = pathParam(c, 'endpointId');
    const deliveryId = pathParam(c, 'deliveryId');
    if ((await findEndpoint(db, program.id, endpointId)) === undefined) throw endpointNotFound(endpointId);
    const delivery = await retryDelivery(db, endpointId, deliveryId, at);
    if (delivery === undefined) {
      throw new ProblemError(
        404,
        'webhook_delivery_not_found',
        `Endpoint ${endpointId} has no delivery ${deliveryId}.`,
      );
    }
    options.onDeliveriesDue();
    return c.json(delivery);
  });
}

function pathParam(c: Context, name: 'endpointId' | 'deliveryId'): string {
  return parseOrThrow(Identifier, c.req.param(name), `path.${name}`);
}

function endpointNotFound(endpointId: string): ProblemError {
  return new ProblemError(404, 'webhook_endpoint_not_found', `No webhook endpoint ${endpointId}.`);
}

// Cursors are opaque to clients: a versioned position among the endpoint's deliveries.
const CURSOR_PREFIX = 'd1.';

function encodeCursor(before: number): string {
  return `${CURSOR_PREFIX}${before}`;
}

function decodeCursor(cursor: string): number {
  const digits = cursor.startsWith(CURSOR_PREFIX) ? cursor.slice(CURSOR_PREFIX.length) : '';
  if (!/^[1-9]\d{0,14}$/.test(digits)) {
    throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
  }
  return Number(digits);
}
