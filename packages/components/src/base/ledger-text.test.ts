import { expect, fixture, html } from '@open-wc/testing';
import type { LedgerEntry } from '@loyalty-elements/contract';
import { ledgerEntryText, ledgerShortfallText, type LedgerEntryFacts } from './ledger-text.ts';

const entry = (
  kind: LedgerEntry['kind'],
  references: LedgerEntry['references'] = {},
  shortfall: number | null = null,
): LedgerEntryFacts => ({ kind, references, shortfall });

describe('ledgerEntryText', () => {
  const cases: Array<[LedgerEntryFacts, string, string]> = [
    [entry('order', { orderId: '1001' }), 'Order 1001', '订单1001'],
    [entry('order'), 'Points earned', '消费积分'],
    [entry('refund', { orderId: '1001', refundId: 'r-1' }), 'Refund of order 1001', '订单1001退款'],
    [entry('reversal', { reversesEntryId: 'e' }), 'Reversal of an earlier entry', '撤销此前的一笔记录'],
    [entry('birthday'), 'Birthday gift', '生日礼遇'],
    [
      entry('survey', { surveyId: 'post-purchase-nps' }),
      'Survey: thank you for your feedback',
      '问卷调查：感谢您的反馈',
    ],
    [entry('referral'), 'Referral: a friend joined', '推荐好友奖励'],
    [entry('welcome'), 'Welcome bonus', '入会礼遇'],
    [
      entry('redemption', { rewardId: 'tea', rewardName: { en: 'Free tea', 'zh-CN': '免费茶饮' } }),
      'Redeemed: Free tea',
      '兑换：“免费茶饮”',
    ],
    [entry('redemption'), 'Points redeemed', '积分兑换'],
    [entry('expiry'), 'Points expired', '积分过期'],
    [entry('adjustment'), 'Points adjustment', '积分调整'],
    [entry('goodwill', { followUpId: 'f-1' }), 'Goodwill gesture: with our apologies', '致歉补偿'],
    [entry('win_back', { winBackId: 'w-1' }), 'Welcome back gift', '回归礼'],
  ];

  it('tells every kind of entry in English and in Simplified Chinese', () => {
    for (const [facts, english, chinese] of cases) {
      expect(ledgerEntryText(facts, 'en'), facts.kind).to.equal(english);
      expect(ledgerEntryText(facts, 'en-GB'), facts.kind).to.equal(english);
      expect(ledgerEntryText(facts, 'zh-CN'), facts.kind).to.equal(chinese);
      expect(ledgerEntryText(facts, 'zh-Hans'), facts.kind).to.equal(chinese);
    }
  });

  it('never shows an internal string: survey ids, reward ids and the merchant’s reason stay out', () => {
    for (const [facts] of cases) {
      for (const locale of ['en', 'zh-CN']) {
        const text = ledgerEntryText(facts, locale);
        expect(text).not.to.include('post-purchase-nps');
        expect(text).not.to.include('r-1');
        expect(text).not.to.match(/^(earn|redeem|adjust|expire|birthday_bonus)$/);
      }
    }
    const unknown = { ...entry('adjustment'), kind: 'loyalty_internal_kind' } as unknown as LedgerEntryFacts;
    expect(ledgerEntryText(unknown, 'en')).to.equal('Points adjustment');
  });

  it('picks the reward’s name for the locale, falling back like the rest of the kit', () => {
    const onlyEnglish = entry('redemption', { rewardName: { en: 'Free tea' } });
    expect(ledgerEntryText(onlyEnglish, 'zh-CN')).to.equal('兑换：“Free tea”');
    const onlyZh = entry('redemption', { rewardName: { zh: '免费茶饮' } });
    expect(ledgerEntryText(onlyZh, 'zh-CN')).to.equal('兑换：“免费茶饮”');
    expect(ledgerEntryText(onlyZh, 'en')).to.equal('Redeemed: 免费茶饮');
  });

  it('renders a hostile reward name as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__ledgerTextPwned = true"><b>Free</b>';
    const text = ledgerEntryText(entry('redemption', { rewardName: { en: hostile } }), 'en');
    expect(text).to.equal(`Redeemed: ${hostile}`);
    const element = await fixture<HTMLParagraphElement>(html`<p>${text}</p>`);
    expect(element.textContent).to.equal(text);
    expect(element.querySelector('img, b')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __ledgerTextPwned?: boolean }).__ledgerTextPwned).to.equal(undefined);
  });
});

describe('ledgerShortfallText', () => {
  it('says how many points could not be taken back, with Intl numbers and the program’s points name', () => {
    const refund = entry('refund', { orderId: '1001' }, 1_230);
    expect(ledgerShortfallText(refund, 'en')).to.equal('1,230 points could not be taken back');
    expect(ledgerShortfallText(refund, 'zh-CN')).to.equal(
      `${new Intl.NumberFormat('zh-CN').format(1_230)}积分未能扣回`,
    );
    const stars = { en: 'stars', 'zh-CN': '星星' };
    expect(ledgerShortfallText(entry('reversal', {}, 30), 'en', stars)).to.equal('30 stars could not be taken back');
    expect(ledgerShortfallText(entry('reversal', {}, 30), 'zh-CN', stars)).to.equal('30星星未能扣回');
  });

  it('is null when everything was taken back, and for every other entry', () => {
    expect(ledgerShortfallText(entry('refund', { orderId: '1' }), 'en')).to.equal(null);
    expect(ledgerShortfallText(entry('order', { orderId: '1' }), 'zh-CN')).to.equal(null);
  });
});
