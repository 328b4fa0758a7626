import { jsonSchema } from './openapi-schemas.ts';
import { WEBHOOK_EVENT_SCHEMAS } from './webhooks.ts';

/** The events the API posts to a merchant's endpoints, one per type, signed per the Standard Webhooks specification. */
export function webhooksObject(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(WEBHOOK_EVENT_SCHEMAS).map(([type, schema]) => [
      type,
      {
        post: {
          operationId: `webhook.${type}`,
          summary: `The \`${type}\` event`,
          description:
            'Authenticated by its signature, not by a security scheme: verify `webhook-signature` over ' +
            '`webhook-id`, `webhook-timestamp` and the body with the endpoint’s signing secret.',
          security: [],
          parameters: ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({
            name,
            in: 'header',
            required: true,
            schema: { type: 'string' },
          })),
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(schema, 'output') } } },
          responses: { '2XX': { description: 'Received; any other answer is retried' } },
        },
      },
    ]),
  );
}
