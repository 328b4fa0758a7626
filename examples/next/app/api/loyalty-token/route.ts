import { cookies } from 'next/headers';
import { signCustomerToken } from '@loyalty-elements/sdk/server';

const DEMO_SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';
const secretKey = process.env.LOYALTY_SECRET_KEY ?? DEMO_SECRET_KEY;
const publishableKey = process.env.LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements';

/**
 * Who is signed in, or null for a guest. Replace this with your own session: a token is signed for whoever it names,
 * so it must come from your sign-in, never from a value the browser chooses. This example has no sign-in, so with
 * the public demo key it takes a `shopper` cookie (else the demo shopper), and with a real key it refuses to guess.
 */
async function signedInShopper(): Promise<string | null> {
  if (secretKey !== DEMO_SECRET_KEY) throw new Error('loyalty-token route: read the shopper from your own session');
  const shopper = (await cookies()).get('shopper')?.value;
  return shopper === undefined ? 'demo-shopper' : shopper || null;
}

/** `GET /api/loyalty-token`: `{ "token": "…" }` for the signed-in shopper, 401 for a guest. */
export async function GET() {
  const customerId = await signedInShopper();
  if (!customerId) return new Response(null, { status: 401 });
  const token = await signCustomerToken({ customerId, secretKey, audience: publishableKey, ttlSeconds: 3600 });
  return Response.json({ token }, { headers: { 'Cache-Control': 'no-store' } });
}
