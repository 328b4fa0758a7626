// The token route and the webhook receiver: `PORT=3000 node --import tsx server.ts` (or `pnpm start`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loyaltyToken } from './loyalty-token.ts';
import { receiveWebhook } from './webhooks.ts';

const routes = { '/api/loyalty-token': loyaltyToken, '/webhooks': receiveWebhook };

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const route = routes[pathname as keyof typeof routes];
  if (route === undefined) return void res.writeHead(404).end();
  route(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

server.listen(Number(process.env.PORT ?? 3000), () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Merchant backend listening on http://localhost:${port}/api/loyalty-token`);
});
