/** The storefront's own token route: what a merchant's backend serves its pages. */
export const CUSTOMER_TOKEN_PATH = '/customer-token';

export interface StorefrontPage {
  apiBase: string;
  publishableKey: string;
  /** A demo shopper's id, or "guest" for a signed-out visitor. */
  shopper: string;
  lang: 'en' | 'zh-CN';
}

/**
 * The shop's own words around the widgets, in the page's language: a Chinese page is Chinese throughout, an
 * English one English. The shop's name and the shoppers' names stay as they are.
 */
export const STOREFRONT_COPY = {
  en: {
    ACCOUNT_TITLE: 'My account',
    LEAVE_TITLE: 'Leave the rewards program',
    NAV_LABEL: 'Demo controls',
    SHOPPER_LABEL: 'Shopper:',
    LANGUAGE_LABEL: 'Language:',
    SILVER_PENDING: 'Silver, points pending',
    GOLD_AT_RISK: 'Gold, at risk',
    DIAMOND_TOP: 'Diamond, the top tier',
    NEW_MEMBER: 'New member',
    BIRTHDAY_TODAY: 'Birthday today',
    GUEST: 'Guest',
    REWARDS_HEADING: 'Rewards',
    SPEND_HEADING: 'Spend your points',
    BIRTHDAY_HEADING: 'Birthday',
    ORDERS_HEADING: 'Recent orders',
    ORDERS_LINE: 'Jasmine silver needle, 100 g · Longjing, 50 g',
    LEAVE_LINK: 'Leave the rewards program',
    LEAVE_NOTE: 'Your membership ends at the end of this month; your points stay yours until then.',
    BACK_LINK: 'Back to my account',
    SHOP_TITLE: 'Our teas',
    SHOP_LINE: 'Every cup earns points: open Rewards in the corner to see yours.',
    SHOP_LINK: 'Shop our teas',
  },
  'zh-CN': {
    ACCOUNT_TITLE: '我的账户',
    LEAVE_TITLE: '退出会员计划',
    NAV_LABEL: '演示选项',
    SHOPPER_LABEL: '顾客：',
    LANGUAGE_LABEL: '语言：',
    SILVER_PENDING: '银卡，有待入账积分',
    GOLD_AT_RISK: '金卡，有降级风险',
    DIAMOND_TOP: '钻石卡，最高等级',
    NEW_MEMBER: '新会员',
    BIRTHDAY_TODAY: '今天生日',
    GUEST: '访客',
    REWARDS_HEADING: '我的积分',
    SPEND_HEADING: '积分换好礼',
    BIRTHDAY_HEADING: '生日礼遇',
    ORDERS_HEADING: '最近订单',
    ORDERS_LINE: '茉莉银针100克 · 龙井50克',
    LEAVE_LINK: '退出会员计划',
    LEAVE_NOTE: '您的会员资格将于本月底终止，在此之前您的积分仍可使用。',
    BACK_LINK: '返回我的账户',
    SHOP_TITLE: '精选好茶',
    SHOP_LINE: '每一杯都能赚取积分：点击角落里的“奖励”即可查看。',
    SHOP_LINK: '选购好茶',
  },
} as const satisfies Record<StorefrontPage['lang'], Record<string, string>>;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<!-- storefront-head title=COPY_KEY widgets="tag …" -->`: where a page template takes the shared head. */
const HEAD_MARKER = /^( *)<!-- storefront-head title=(\w+) widgets="([^"]*)" -->$/m;

/**
 * Fills the page template, the shop's own words in the page's language, and puts the shared head (`headTemplate`:
 * the stylesheet and the drop-in script) where the template marks it, with the page's title and widgets. The embed
 * asks this site's own token route (serve.ts) for the signed-in shopper's token, as on a merchant's site; a real
 * one reads the shopper from its session, the demo from the query.
 */
export function renderStorefront(template: string, page: StorefrontPage, headTemplate: string): string {
  if (!HEAD_MARKER.test(template)) throw new Error('A storefront page template marks where its head goes');
  const withHead = template.replace(HEAD_MARKER, (_marker, indent: string, titleKey: string, widgets: string) =>
    headTemplate.trimEnd().replace('%TITLE%', `%${titleKey}%`).replace('%WIDGETS%', widgets).replace(/^/gm, indent),
  );
  return fill(withHead, page);
}

function fill(template: string, page: StorefrontPage): string {
  const tokenUrl = page.shopper === 'guest' ? '' : `${CUSTOMER_TOKEN_PATH}?shopper=${encodeURIComponent(page.shopper)}`;
  const values: Record<string, string> = {
    API_BASE: page.apiBase,
    PUBLISHABLE_KEY: page.publishableKey,
    CUSTOMER_TOKEN_URL: tokenUrl,
    LANG: page.lang,
    SHOPPER: page.shopper,
    ...STOREFRONT_COPY[page.lang],
  };
  return template.replace(/%(\w+)%/g, (match, name: string) =>
    name in values ? escapeAttribute(values[name]!) : match,
  );
}
