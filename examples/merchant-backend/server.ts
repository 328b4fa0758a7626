// The token route on its own: `PORT=3000 node --import tsx server.ts` (or `pnpm start`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loyaltyToken } from './loyalty-token.ts';

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== '/api/loyalty-token') return void res.writeHead(404).end();
  loyaltyToken(req, res).catch((error: unknown) => {
    console.error(error);
    res.writeHead(500).end();
  });
});

server.listen(Number(process.env.PORT ?? 3000), () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Merchant backend listening on http://localhost:${port}/api/loyalty-token`);
});
