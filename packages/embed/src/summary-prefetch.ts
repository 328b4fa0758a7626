import type { LoyaltyClient } from '@loyalty-elements/sdk';

const asked = new WeakSet<LoyaltyClient>();

/**
 * Starts reading the shopper's summary, once per client. Every widget's first read is the summary: asked for as
 * soon as the page has a widget, it is on its way while the widgets' modules download, and the widgets share that
 * request (the client joins identical reads and keeps the answer for `cacheMaxAgeMs`, 15 s by default). A guest's read ends at once with no
 * request; its outcome, whatever it is, is the widgets' to show.
 */
export function askForSummary(client: LoyaltyClient | undefined): void {
  if (!client || asked.has(client)) return;
  asked.add(client);
  client.getSummary().catch(() => undefined);
}
