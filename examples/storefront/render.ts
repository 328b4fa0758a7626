/** The storefront's own token route: what a merchant's backend serves its pages. */
export const CUSTOMER_TOKEN_PATH = '/customer-token';

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
 * Fills the page template. The embed asks this site's own token route (serve.ts) for the signed-in shopper's
 * token, as on a merchant's site; a real one reads the shopper from its session, the demo from the query.
 */
export function renderStorefront(template: string, page: StorefrontPage): string {
  const tokenUrl = page.shopper === 'guest' ? '' : `${CUSTOMER_TOKEN_PATH}?shopper=${encodeURIComponent(page.shopper)}`;
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
