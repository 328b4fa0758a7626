import type { FieldError } from '@loyalty-elements/contract';
import { isIP } from 'node:net';
import { isLoopback } from '../../server.ts';
import { isRefusedAddress } from './private-addresses.ts';

/**
 * Why a webhook URL is refused, or null when it is taken: `https:` always; `http:` only to this machine, and
 * only when the server allows it (demo mode, or `LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK`). Credentials in the URL
 * are refused: they would be shown back in every listing. So is a host that is a private or local address
 * (loopback only when the server allows it); a name that resolves to one is refused when a delivery connects.
 */
export function webhookUrlProblem(url: string, allowHttpLoopback: boolean): FieldError | null {
  const parsed = new URL(url);
  const refuse = (message: string): FieldError => ({ path: 'body.url', message });
  if (parsed.username !== '' || parsed.password !== '') return refuse('A webhook URL may not carry credentials.');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const local = isIP(host) ? isRefusedAddress(host, allowHttpLoopback) : host === 'localhost' && !allowHttpLoopback;
  if (local) return refuse('A webhook URL may not point at a private or local address.');
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowHttpLoopback && isLoopback(parsed.hostname)) return null;
  return refuse(
    allowHttpLoopback
      ? 'Use an https: URL, or an http: URL on this machine (localhost, 127.0.0.1, [::1]).'
      : 'Use an https: URL.',
  );
}
