import * as z from 'zod/mini';
import type { Operation } from './openapi-operation.ts';

/** The server's own routes: liveness and readiness probes, and the API reference itself. */
export const SERVICE_OPERATIONS: Record<string, Operation> = {
  getHealth: {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness probe: the process answers',
    auth: 'none',
    response: z.object({ status: z.literal('ok') }),
    storage: false,
  },
  getReadiness: {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness probe: the database answers and the server is not shutting down (503 otherwise)',
    auth: 'none',
    response: z.object({ status: z.literal('ready') }),
  },
  getOpenApiDocument: {
    method: 'get',
    path: '/openapi.json',
    summary: 'This OpenAPI 3.1 document, generated from the contract',
    auth: 'none',
    response: z.record(z.string(), z.unknown()),
    storage: false,
  },
  getApiReferencePage: {
    method: 'get',
    path: '/docs',
    summary: 'A browsable page listing every operation',
    auth: 'none',
    response: z.string(),
    contentType: 'text/html',
    storage: false,
  },
};
