import type { EmbedOptions } from './pure.ts';

/**
 * Reads the no-code install from the script tag:
 * `<script src="loyalty-elements.js" data-api-base data-publishable-key data-customer-token | data-customer-token-url>`.
 * Returns null when the tag carries no configuration (the page will call `LoyaltyElements.init` itself).
 */
export function optionsFromScript(script: HTMLOrSVGScriptElement | null): EmbedOptions | null {
  const data = script instanceof HTMLScriptElement ? script.dataset : undefined;
  if (!data || (!data.apiBase && !data.publishableKey)) return null;
  const missing = [data.apiBase ? null : 'data-api-base', data.publishableKey ? null : 'data-publishable-key'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    throw new TypeError(`loyalty-elements.js: the script tag needs ${missing.join(' and ')}`);
  }
  return {
    apiBase: data.apiBase!,
    publishableKey: data.publishableKey!,
    customerToken: data.customerToken || null,
    customerTokenUrl: data.customerTokenUrl || null,
  };
}
