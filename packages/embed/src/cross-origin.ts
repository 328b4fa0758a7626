/**
 * Why a widget module from another origin did not load, in words the merchant can act on, or undefined when the
 * probes point elsewhere: the host could not be reached (the network), or it answers this origin's CORS requests
 * (the header is there; a missing file on such a host is reported by the failed import alone). Module scripts from
 * another origin need the `Access-Control-Allow-Origin` header; without it the browser refuses them and says only
 * that the import failed. A request the browser refuses for CORS fails in `cors` mode and succeeds, opaque, in
 * `no-cors` mode. The opaque answer hides its status, so a missing header and a missing file on a host that adds
 * the header only to the files it has (a 404 without it) look the same: the message names both. The probes carry
 * `cors-check=1`, so they are told apart from the module's own downloads in logs.
 */
export async function explainModuleFailure(url: URL, pageOrigin: string): Promise<string | undefined> {
  if (url.origin === pageOrigin) return undefined;
  const probe = new URL(url);
  probe.searchParams.set('cors-check', '1');
  try {
    await fetch(probe, { mode: 'cors', cache: 'no-store', credentials: 'omit' });
    return undefined;
  } catch {
    // Refused or unreachable: the no-cors request tells which.
  }
  try {
    await fetch(probe, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
  } catch {
    return undefined;
  }
  return (
    `loyalty-elements.js: a widget module could not be loaded: check that ${url.href} exists and is served with ` +
    `"Access-Control-Allow-Origin: ${pageOrigin}" (or "*"), or load loyalty-elements.all.js instead of ` +
    `loyalty-elements.js: every widget in one file, which needs no such header.`
  );
}
