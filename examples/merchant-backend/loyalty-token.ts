import type { IncomingMessage, ServerResponse } from 'node:http';
import { signCustomerToken } from '@loyalty-elements/sdk/server';

const DEMO_SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';
const secretKey = process.env.LOYALTY_SECRET_KEY ?? DEMO_SECRET_KEY;
const publishableKey = process.env.LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements';

/**
 * Who is signed in, or null for a guest. Replace this with your own session: a token is signed for whoever it names,
 * so it must come from your sign-in, never from a value the browser chooses. This example has no sign-in, so with
 * the public demo key it takes a `shopper` query parameter or cookie (else the demo shopper), and with a real key
 * it refuses to guess.
 */
function signedInShopper(req: IncomingMessage): string | null {
  if (secretKey !== DEMO_SECRET_KEY) throw new Error('loyalty-token.ts: read the shopper from your own session');
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('shopper');
  const cookie = /(?:^|;\s*)shopper=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  if (query !== null) return query || null;
  try {
    return cookie === undefined ? 'demo-shopper' : decodeURIComponent(cookie) || null;
  } catch {
    return null;
  }
}

/** `GET /api/loyalty-token`: `{ "token": "…" }` for the signed-in shopper, 401 for a guest. */
export async function loyaltyToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const customerId = signedInShopper(req);
  if (!customerId) return void res.writeHead(401).end();
  const token = await signCustomerToken({ customerId, secretKey, audience: publishableKey, ttlSeconds: 3600 });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ token }));
}
