import { webhookPaths } from './http.ts';
import type { Operation } from './openapi-operation.ts';
import {
  CreatedWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointList,
  WebhookEndpointPatch,
} from './webhooks.ts';

/** The endpoints that receive the program's events, and their deliveries (secret key). */
export const WEBHOOK_OPERATIONS: Record<string, Operation> = {
  createWebhookEndpoint: {
    method: 'post',
    path: webhookPaths.endpoints,
    summary: 'Add an endpoint for some event types; the answer carries its signing secret, shown this once',
    auth: 'secret',
    body: WebhookEndpointCreate,
    response: CreatedWebhookEndpoint,
    status: 201,
  },
  listWebhookEndpoints: {
    method: 'get',
    path: webhookPaths.endpoints,
    summary: 'Every webhook endpoint of the program',
    auth: 'secret',
    response: WebhookEndpointList,
  },
  getWebhookEndpoint: {
    method: 'get',
    path: webhookPaths.endpointPattern,
    summary: 'A webhook endpoint',
    auth: 'secret',
    response: WebhookEndpoint,
    problems: { 404: ['webhook_endpoint_not_found'] },
  },
  patchWebhookEndpoint: {
    method: 'patch',
    path: webhookPaths.endpointPattern,
    summary:
      'Change the event types, description or whether the endpoint is enabled; turned on again, it sends what waited',
    auth: 'secret',
    body: WebhookEndpointPatch,
    response: WebhookEndpoint,
    problems: { 404: ['webhook_endpoint_not_found'] },
  },
  deleteWebhookEndpoint: {
    method: 'delete',
    path: webhookPaths.endpointPattern,
    summary: 'Remove an endpoint and its deliveries',
    auth: 'secret',
    response: WebhookEndpoint,
    problems: { 404: ['webhook_endpoint_not_found'] },
  },
  listWebhookDeliveries: {
    method: 'get',
    path: webhookPaths.deliveriesPattern,
    summary: 'The events for an endpoint and how sending each went, newest first, a cursor page at a time',
    auth: 'secret',
    query: WebhookDeliveryListQuery,
    response: WebhookDeliveryPage,
    problems: { 404: ['webhook_endpoint_not_found'] },
  },
  retryWebhookDelivery: {
    method: 'post',
    path: webhookPaths.retryPattern,
    summary: 'Send a delivery again, at once: it is pending from now, with three days of retries ahead',
    auth: 'secret',
    response: WebhookDelivery,
    problems: { 404: ['webhook_endpoint_not_found', 'webhook_delivery_not_found'] },
  },
};
