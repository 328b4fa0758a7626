import { randomBytes, randomUUID } from 'node:crypto';
import type {
  CreatedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointPatch,
  WebhookEventType,
} from '@loyalty-elements/contract';
import type { Queryable } from '../../store/database.ts';
import { iso } from '../ledger.ts';

/** The merchant's webhook endpoints: where the program's events go, and with which signing secret. */

interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  enabled: boolean;
  created_at: Date | string;
  disabled_reason: string | null;
}

const ENDPOINT_COLUMNS = 'id, url, events, description, enabled, created_at, disabled_reason';

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export async function createEndpoint(
  db: Queryable,
  programId: string,
  request: WebhookEndpointCreate,
  now: Date,
): Promise<CreatedWebhookEndpoint> {
  const secret = newSigningSecret();
  const [row] = await db.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (id, program_id, url, events, description, secret, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING ${ENDPOINT_COLUMNS}`,
    [randomUUID(), programId, request.url, request.events, request.description ?? null, secret, now],
  );
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return { ...toEndpoint(row), secret };
}

export async function listEndpoints(db: Queryable, programId: string): Promise<WebhookEndpoint[]> {
  const rows = await db.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE program_id = $1 ORDER BY created_at, id`,
    [programId],
  );
  return rows.map(toEndpoint);
}

export async function findEndpoint(db: Queryable, programId: string, id: string): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE program_id = $1 AND id = $2`,
    [programId, id],
  );
  return row && toEndpoint(row);
}

/** The endpoint's signing secret, for signing what is sent to it. */
export async function endpointSecret(db: Queryable, programId: string, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ secret: string }>(
    'SELECT secret FROM webhook_endpoints WHERE program_id = $1 AND id = $2',
    [programId, id],
  );
  return row?.secret;
}

/** Changes what the patch names; turning an endpoint on clears why the API had turned it off. */
export async function updateEndpoint(
  db: Queryable,
  programId: string,
  id: string,
  patch: WebhookEndpointPatch,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.query<EndpointRow>(
    `UPDATE webhook_endpoints
        SET events = COALESCE($3, events),
            enabled = COALESCE($4, enabled),
            description = CASE WHEN $5::boolean THEN $6 ELSE description END,
            disabled_reason = CASE WHEN $4::boolean IS NOT NULL THEN NULL ELSE disabled_reason END
      WHERE program_id = $1 AND id = $2
     RETURNING ${ENDPOINT_COLUMNS}`,
    [
      programId,
      id,
      patch.events ?? null,
      patch.enabled ?? null,
      patch.description !== undefined,
      patch.description ?? null,
    ],
  );
  return row && toEndpoint(row);
}

/** Removes the endpoint and its deliveries; the events stay for the other endpoints that receive them. */
export async function deleteEndpoint(
  db: Queryable,
  programId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.query<EndpointRow>(
    `DELETE FROM webhook_endpoints WHERE program_id = $1 AND id = $2 RETURNING ${ENDPOINT_COLUMNS}`,
    [programId, id],
  );
  return row && toEndpoint(row);
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    createdAt: iso(row.created_at),
    disabledReason: row.disabled_reason,
  };
}
