import { cookies } from 'next/headers';
import { signCustomerToken } from '@loyalty-elements/sdk/server';

const secretKey = process.env.LOYALTY_SECRET_KEY ?? 'sk_demo_loyalty_elements_not_secret';
const publishableKey = process.env.LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements';

/** `GET /api/loyalty-token`: `{ "token": "…" }` for the signed-in shopper, 401 for a guest. */
export async function GET() {
  // A real site reads the shopper from its own session here. The demo takes a `shopper` cookie.
  const shopper = (await cookies()).get('shopper')?.value;
  const customerId = shopper ?? 'demo-shopper';
  if (!customerId) return new Response(null, { status: 401 });
  const token = await signCustomerToken({ customerId, secretKey, audience: publishableKey, ttlSeconds: 3600 });
  return Response.json({ token }, { headers: { 'Cache-Control': 'no-store' } });
}
