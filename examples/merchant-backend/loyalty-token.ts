import type { IncomingMessage, ServerResponse } from 'node:http';
import { signCustomerToken } from '@loyalty-elements/sdk/server';

const secretKey = process.env.LOYALTY_SECRET_KEY ?? 'sk_demo_loyalty_elements_not_secret';
const publishableKey = process.env.LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements';

/** `GET /api/loyalty-token`: `{ "token": "…" }` for the signed-in shopper, 401 for a guest. */
export async function loyaltyToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A real site reads the shopper from its own session here. The demo takes a `shopper` query parameter or cookie.
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('shopper');
  const cookie = /(?:^|;\s*)shopper=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  const customerId = query ?? (cookie === undefined ? 'demo-shopper' : decodeURIComponent(cookie));
  if (!customerId) return void res.writeHead(401).end();
  const token = await signCustomerToken({ customerId, secretKey, audience: publishableKey, ttlSeconds: 3600 });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ token }));
}
