import { startReferenceApi, signCustomerToken } from './api/servers.ts';
const api = await startReferenceApi();
const url = (api.server as any).url ?? `http://127.0.0.1:${(api.server as any).port}`;
const token = await signCustomerToken(api.config, 'demo-shopper');
const headers = { 'X-Publishable-Key': api.config.demoPublishableKey, Authorization: `Bearer ${token}` };
for (let i = 0; i < 30; i++) await fetch(url + '/v1/me/summary', { headers }).then((r) => r.text());
const t = performance.now();
const N = 1000;
for (let i = 0; i < N; i++) { const r = await fetch(url + '/v1/me/summary', { headers }); if (r.status !== 200) throw new Error(String(r.status)); await r.text(); }
console.log('ms per summary', ((performance.now() - t) / N).toFixed(2));
process.exit(0);
