import type { EmbedOptions } from './shared-client.ts';
import { WIDGET_TAGS, isWidgetTag, type WidgetTag } from './widget-tags.ts';

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

/**
 * The widgets the script tag lists in `data-widgets` (tag names, separated by spaces or commas): the loader
 * fetches them with the page, before its first paint. A name that is no widget is reported and left out.
 */
export function widgetsFromScript(script: HTMLOrSVGScriptElement | null): WidgetTag[] {
  const listed = script instanceof HTMLScriptElement ? (script.dataset.widgets ?? '') : '';
  const names = listed.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !isWidgetTag(name));
  if (unknown.length > 0) {
    console.error(
      `loyalty-elements.js: data-widgets names no widget ${unknown.join(', ')}; the widgets are ${WIDGET_TAGS.join(', ')}`,
    );
  }
  return [...new Set(names.filter(isWidgetTag))];
}
