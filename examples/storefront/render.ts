export interface StorefrontPage {
  apiBase: string;
  publishableKey: string;
  /** A demo shopper's id, or "guest" for a signed-out visitor. */
  shopper: string;
  lang: 'en' | 'zh-CN';
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Fills the page template. A real merchant backend would render its own session's token here; the demo
 * points the embed at the API's demo token route for the chosen shopper instead.
 */
export function renderStorefront(template: string, page: StorefrontPage): string {
  const tokenUrl =
    page.shopper === 'guest'
      ? ''
      : `${page.apiBase.replace(/\/$/, '')}/v1/demo/customer-token?customer=${encodeURIComponent(page.shopper)}`;
  const values: Record<string, string> = {
    API_BASE: page.apiBase,
    PUBLISHABLE_KEY: page.publishableKey,
    CUSTOMER_TOKEN_URL: tokenUrl,
    LANG: page.lang,
    SHOPPER: page.shopper,
  };
  return template.replace(/%(\w+)%/g, (match, name: string) =>
    name in values ? escapeAttribute(values[name]!) : match,
  );
}
