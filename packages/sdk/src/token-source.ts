import { LoyaltyError } from './errors.ts';

/** Where the client gets the signed-in customer's token: `null` means a guest. */
export type CustomerTokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * A token getter that asks the merchant’s own backend: `GET url`,
 * answering `{ "token": "…" }`, or 401/204 (or `{ "token": null }`) for a guest. Cookies go along to the same
 * origin only. Its failures are `LoyaltyError`s: `network` when the endpoint cannot be reached, `server` for a 5xx
 * and `rejected` for 408, 425 and 429 (all passing, so a queued write is retried), and `unauthorized` for any other
 * refusal or an answer without a token (a sign-in page after a redirect), after which queued writes wait.
 */
export function customerTokenFromUrl(url: string, fetchImpl: typeof fetch = globalThis.fetch): CustomerTokenGetter {
  return async () => {
    const response = await fetchImpl(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401 || response.status === 204) return null;
    if (!response.ok) {
      const { status } = response;
      const code = status >= 500 ? 'server' : [408, 425, 429].includes(status) ? 'rejected' : 'unauthorized';
      throw new LoyaltyError(code, `Customer token endpoint ${url} answered ${status}`, { status });
    }
    const body: unknown = await response.json().catch(() => undefined);
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    if (token === null) return null;
    if (typeof token !== 'string' || token === '') {
      // A sign-in page the route was redirected to, say: the shopper's site session lapsed, so no token for now.
      throw new LoyaltyError('unauthorized', `Customer token endpoint ${url} did not answer { "token": "…" }`, {
        status: response.status,
      });
    }
    return token;
  };
}
