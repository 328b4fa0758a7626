import assert from 'node:assert/strict';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { PUBLISHABLE_KEY_HEADER } from '@loyalty-elements/contract';
import { OPERATIONS, buildOpenApiDocument } from '@loyalty-elements/contract/openapi';
import type { paths } from '../generated/openapi.d.ts';
import { demoToken } from './http.ts';
import { OpenApiResponseValidator, type OpenApiDocument } from './openapi-validator.ts';
import { startTestServer, type TestServer } from './server.ts';

/** A client of the API generated from its OpenAPI document: openapi-typescript's types, openapi-fetch's calls. */
export type ApiClient = Client<paths>;

const validator = new OpenApiResponseValidator(buildOpenApiDocument() as unknown as OpenApiDocument);

/** The statuses each operation answered through the generated clients, every answer checked against the document. */
export class OperationCoverage {
  readonly statuses = new Map<string, Set<number>>();

  /** The middleware that checks each answer against the document (throwing from the call) and records its status. */
  readonly middleware: Middleware = {
    onResponse: async ({ request, response, schemaPath }) => {
      validator.check(schemaPath, request.method, response.status, response.headers, await response.clone().text());
      const { operationId } = validator.operation(schemaPath, request.method);
      const seen = this.statuses.get(operationId) ?? new Set<number>();
      this.statuses.set(operationId, seen.add(response.status));
      return undefined;
    },
  };

  /**
   * Asserts each operation of `operationIds` answered a success, an error (unless it has no error a client can
   * provoke: `noClientError`) and, when it answers conditionally, a 304.
   */
  assertCovered(operationIds: readonly string[], noClientError: readonly string[] = []): void {
    const gaps: string[] = [];
    for (const id of operationIds) {
      const seen = [...(this.statuses.get(id) ?? [])];
      if (!seen.some((status) => status < 300)) gaps.push(`${id}: no success`);
      if (!noClientError.includes(id) && !seen.some((status) => status >= 400)) gaps.push(`${id}: no error`);
      if (OPERATIONS[id]?.otherStatuses?.includes(304) && !seen.includes(304)) gaps.push(`${id}: no 304`);
    }
    assert.deepEqual(gaps, [], 'every operation called through the generated client');
  }
}

/** The operations whose callers a test file covers, by who calls them. */
export const operationsCalledBy = (callers: ReadonlyArray<(typeof OPERATIONS)[string]['auth']>) =>
  Object.entries(OPERATIONS)
    .filter(([, op]) => callers.includes(op.auth))
    .map(([id]) => id);

const ENGAGEMENT_PATHS = /\/(surveys|follow-ups|webhooks)(\/|$)/;

/** The merchant's operations (secret key) on surveys, follow-ups and webhooks, or on everything else. */
export const merchantOperations = (engagement: boolean) =>
  operationsCalledBy(['secret']).filter((id) => ENGAGEMENT_PATHS.test(OPERATIONS[id]!.path) === engagement);

export interface ClientsFile {
  server: TestServer;
  coverage: OperationCoverage;
  /** No credentials. */
  anonymous: ApiClient;
  /** The merchant's backend: the demo program's secret key. */
  merchant: ApiClient;
  /** A shopper's page: the publishable key and the customer's token. */
  shopper(customerId: string): Promise<ApiClient>;
}

/**
 * A live API on PGlite (or PostgreSQL) in demo mode, with rate limits on so their headers are checked too, and
 * generated clients whose every answer is checked against the document.
 */
export async function startClientsFile(env: Record<string, string> = {}): Promise<ClientsFile> {
  const server = await startTestServer({
    LOYALTY_RATE_LIMIT_PER_IP: '100000',
    LOYALTY_RATE_LIMIT_PER_KEY: '100000',
    ...env,
  });
  const coverage = new OperationCoverage();
  const client = (headers: Record<string, string> = {}) => {
    const api = createClient<paths>({ baseUrl: server.baseUrl, headers });
    api.use(coverage.middleware);
    return api;
  };
  return {
    server,
    coverage,
    anonymous: client(),
    merchant: client({ Authorization: `Bearer ${server.config.demoSecretKey}` }),
    shopper: async (customerId) =>
      client({
        Authorization: `Bearer ${await demoToken(server, customerId)}`,
        [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
      }),
  };
}
