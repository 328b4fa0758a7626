/** Where the client gets the signed-in customer's token: `null` means a guest. */
export type CustomerTokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * A token getter that asks the merchant’s own backend: `GET url`,
 * answering `{ "token": "…" }`, or 401/204 for a guest. Cookies go along to the same origin only.
 */
export function customerTokenFromUrl(url: string, fetchImpl: typeof fetch = globalThis.fetch): CustomerTokenGetter {
  return async () => {
    const response = await fetchImpl(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401 || response.status === 204) return null;
    if (!response.ok) throw new Error(`Customer token endpoint ${url} answered ${response.status}`);
    const body: unknown = await response.json();
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new Error(`Customer token endpoint ${url} did not answer { "token": "…" }`);
    }
    return token;
  };
}
