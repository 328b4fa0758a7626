import type { IncomingMessage, ServerResponse } from 'node:http';
import { isWebhookVerificationError, verifyWebhook } from '@loyalty-elements/sdk/server';
import { handleEvent } from './messages.ts';

const secret = process.env.LOYALTY_WEBHOOK_SECRET;
const MAX_BODY_BYTES = 256 * 1024;
// Events already handled, by id: the API delivers at least once, so the same event can arrive again.
// A real backend keeps these in its database, next to what the event caused.
const handled = new Set<string>();

/** `POST /webhooks`: verifies the event, answers 204 at once, then handles it once. */
export async function receiveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end();
  if (!secret) return void res.writeHead(503).end('LOYALTY_WEBHOOK_SECRET is not set');
  const rawBody = await readBody(req);
  if (rawBody === undefined) return void res.writeHead(413).end('too large');
  let event: ReturnType<typeof verifyWebhook>;
  try {
    event = verifyWebhook(rawBody, req.headers, secret);
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    return void res.writeHead(400, { 'Content-Type': 'text/plain' }).end(error.reason);
  }
  // Answer first: the API waits for the status only, and slow work would count as a timeout.
  res.writeHead(204).end();
  if (handled.has(event.id)) return;
  handled.add(event.id);
  await handleEvent(event);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
