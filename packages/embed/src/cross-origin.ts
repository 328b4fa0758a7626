/**
 * Why a widget module from another origin did not load, in words the merchant can act on, or undefined when the
 * cause is something else (the network, a missing file). Module scripts from another origin need the
 * `Access-Control-Allow-Origin` header; without it the browser refuses them and says only that the import failed.
 * A request the browser refuses for CORS fails in `cors` mode and succeeds, opaque, in `no-cors` mode. The probes
 * carry `cors-check=1`, so they are told apart from the module's own downloads in logs.
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
    `loyalty-elements.js: the browser refused ${url.href} because ${url.origin} sent it without an ` +
    `"Access-Control-Allow-Origin" header, which a module from another origin than the page (${pageOrigin}) needs. ` +
    `Serve the widgets/ folder with "Access-Control-Allow-Origin: ${pageOrigin}" (or "*"), or load ` +
    `loyalty-elements.all.js instead of loyalty-elements.js: one file with every widget, which needs no such header.`
  );
}
