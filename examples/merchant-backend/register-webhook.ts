// Creates a webhook endpoint for this backend and prints its signing secret (shown once): run it, then start the
// backend with LOYALTY_WEBHOOK_SECRET set to the secret.
//   LOYALTY_API_URL=http://127.0.0.1:8787 WEBHOOK_URL=http://localhost:3000/webhooks pnpm register-webhook
// A module, for top-level await.
export {};

const apiUrl = process.env.LOYALTY_API_URL ?? 'http://127.0.0.1:8787';
const secretKey = process.env.LOYALTY_SECRET_KEY ?? 'sk_demo_loyalty_elements_not_secret';
const webhookUrl = process.env.WEBHOOK_URL ?? 'http://localhost:3000/webhooks';
const events = (process.env.WEBHOOK_EVENTS ?? 'birthday.upcoming,points.expiring,points.earned').split(',');

const res = await fetch(`${apiUrl}/v1/admin/webhooks`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ url: webhookUrl, events, description: 'Merchant backend example' }),
});
if (res.status !== 201) {
  console.error(`The API answered ${res.status}: ${await res.text()}`);
  process.exit(1);
}
const endpoint = (await res.json()) as { id: string; secret: string };
console.log(`Endpoint ${endpoint.id} sends ${events.join(', ')} to ${webhookUrl}`);
console.log(`LOYALTY_WEBHOOK_SECRET=${endpoint.secret}`);
