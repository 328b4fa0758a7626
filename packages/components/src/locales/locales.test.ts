import { expect, fixture, html } from '@open-wc/testing';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { closestLang, formatDate, formatNumber, normalizeLocale, pickLocalized, resolveLocale } from './locales.ts';
import { zhAmount } from './chinese.ts';
import { birthdayGreetingStrings } from '../birthday-greeting/birthday-greeting.strings.ts';
import { rewardsStrings } from '../rewards/rewards.strings.ts';
import { satisfactionSurveyStrings } from '../satisfaction-survey/satisfaction-survey.strings.ts';
import { tierProgressStrings } from '../tier-progress/tier-progress.strings.ts';
import { ledgerTextStrings } from '../base/ledger-text.strings.ts';
import { waysToEarnStrings } from '../ways-to-earn/ways-to-earn.strings.ts';
import { pointsHistoryStrings } from '../points-history/points-history.strings.ts';

describe('locales', () => {
  it('maps Simplified Chinese tags to zh-CN and everything else to en', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-cn', 'zh-Hans', 'zh-SG', 'zh-Hans-CN', 'zh_CN']) {
      expect(normalizeLocale(tag), tag).to.equal('zh-CN');
    }
    for (const tag of ['en', 'en-US', 'fr', 'zh-TW', 'zh-Hant', 'zh-HK', '', undefined, null]) {
      expect(normalizeLocale(tag), String(tag)).to.equal('en');
    }
  });

  it('has every English key in the zh-CN table, of the same kind', () => {
    expect(Object.keys(zhCN).sort()).to.deep.equal(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zhCN[key], key).to.equal(typeof en[key]);
    }
  });

  it('picks localized text: exact, then language, then en, then the first', () => {
    const text = { en: 'points', 'zh-CN': '积分' };
    expect(pickLocalized(text, 'zh-CN')).to.equal('积分');
    expect(pickLocalized(text, 'ZH-cn')).to.equal('积分');
    expect(pickLocalized({ en: 'points', zh: '积分' }, 'zh-CN')).to.equal('积分');
    expect(pickLocalized({ en: 'points', 'zh-Hans': '积分' }, 'zh-CN')).to.equal('积分');
    expect(pickLocalized(text, 'fr')).to.equal('points');
    expect(pickLocalized({ 'en-GB': 'points' }, 'fr')).to.equal('points');
    expect(pickLocalized({ ja: 'ポイント', de: 'Punkte' }, 'fr')).to.equal('ポイント');
    expect(pickLocalized({}, 'en')).to.equal('');
    expect(pickLocalized(undefined, 'en')).to.equal('');
  });

  it('formats numbers with Intl in the locale', () => {
    expect(formatNumber(1234567, 'en')).to.equal(new Intl.NumberFormat('en').format(1234567));
    expect(formatNumber(2900, 'en')).to.equal('2,900');
    expect(formatNumber(2900, 'zh-CN')).to.equal(new Intl.NumberFormat('zh-CN').format(2900));
  });

  it("formats dates in the customer's zone, or the browser's when its data does not know that zone", () => {
    const instant = '2026-12-31T20:00:00.000Z';
    expect(formatDate(instant, 'zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })).to.equal('2027年1月1日');
    expect(formatDate(instant, 'en', { dateStyle: 'medium', timeZone: 'Mars/Olympus_Mons' })).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(instant)),
    );
  });

  it('writes small integers as Intl would, in every locale and numbering system', () => {
    const values = [0, -0, 7, 10, -42, 999, 1000, -1000, 2.5, 1e21];
    for (const locale of [
      'en',
      'en-GB',
      'zh-CN',
      'zh-Hant-TW',
      'en-u-nu-arab',
      'zh-u-nu-hanidec',
      'ar-EG',
      'fa',
      'de',
    ]) {
      for (const value of values) {
        expect(formatNumber(value, locale), `${value} in ${locale}`).to.equal(
          new Intl.NumberFormat(locale).format(value),
        );
      }
    }
  });

  describe('resolution order', () => {
    let documentLang: string;
    beforeEach(() => (documentLang = document.documentElement.lang));
    afterEach(() => (document.documentElement.lang = documentLang));

    it("uses the element's lang, then the closest ancestor's, then the document's, then the browser's", async () => {
      const outer = await fixture<HTMLDivElement>(html`
        <div lang="zh-SG">
          <section lang="">
            <p id="inner"><span id="own" lang="en"></span><span id="inherits"></span></p>
          </section>
        </div>
      `);
      expect(resolveLocale(outer.querySelector('#own'))).to.equal('en');
      expect(resolveLocale(outer.querySelector('#inherits'))).to.equal('zh-CN');
      expect(closestLang(outer.querySelector('#inherits')!)).to.equal('zh-SG');

      outer.removeAttribute('lang');
      document.documentElement.lang = 'zh-Hans';
      expect(resolveLocale(outer.querySelector('#inherits'))).to.equal('zh-CN');

      document.documentElement.removeAttribute('lang');
      expect(resolveLocale(outer.querySelector('#inherits'))).to.equal(normalizeLocale(navigator.language));
    });

    it('crosses shadow roots to find an ancestor lang', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="zh"></div>`);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      expect(resolveLocale(inner)).to.equal('zh-CN');
    });
  });
});

describe('English copy', () => {
  it('says one point and one day, and the plural for any other number', () => {
    expect(en.balanceSentence('Sam', '1', 1, 'points')).to.equal('Sam, you have 1 point.');
    expect([en.pointsNameFor(1, 'points'), en.pointsNameFor(0, 'points'), en.pointsNameFor(2, 'Stars')]).to.deep.equal([
      'point',
      'points',
      'Stars',
    ]);
    const rewards = rewardsStrings.en;
    expect(rewards.balance('1', 1, 'points')).to.equal('You have 1 point');
    expect(rewards.lockedByPoints('1', 1, 'points')).to.equal('You need 1 more point');
    expect(rewards.confirmQuestion('Tea', '1', 1, 'points')).to.equal('Redeem Tea for 1 point?');
    expect([rewards.confirmValidity('1', 1), rewards.confirmValidity('30', 30)]).to.deep.equal([
      'Your code will be valid for 1 day.',
      'Your code will be valid for 30 days.',
    ]);
    expect(pointsHistoryStrings.en.creditSpoken('1', 1, 'points')).to.equal('plus 1 point');
    expect(pointsHistoryStrings.en.debitSpoken('2', 2, 'points')).to.equal('minus 2 points');
    expect(ledgerTextStrings.en.shortfall('1', 1, 'Stars')).to.equal('1 Star could not be taken back');
  });
});

describe('Simplified Chinese copy', () => {
  const tables: Record<string, object> = {
    shared: zhCN,
    'birthday-greeting': birthdayGreetingStrings['zh-CN'],
    'tier-progress': tierProgressStrings['zh-CN'],
    rewards: rewardsStrings['zh-CN'],
    'satisfaction-survey': satisfactionSurveyStrings['zh-CN'],
    'ledger-text': ledgerTextStrings['zh-CN'],
    'ways-to-earn': waysToEarnStrings['zh-CN'],
  };
  /** A sample for each parameter, by its name: Chinese words, a date as Intl writes it, numbers. */
  const sample = (name: string): string | number => {
    if (/pointsName/.test(name)) return '积分';
    if (/date/i.test(name)) return '2027年6月3日';
    if (/tier|next|reward|title|name|label|message|code/i.test(name)) return '金卡';
    return 8;
  };
  /** Every text a table gives, each function called with a sample for each of its parameters. */
  function texts(table: object): Array<[string, string]> {
    return Object.entries(table).flatMap(([key, value]): Array<[string, string]> => {
      if (typeof value === 'string') return [[key, value]];
      if (Array.isArray(value)) return value.map((item, index) => [`${key}[${index}]`, String(item)]);
      if (typeof value !== 'function') return [];
      const params = /^\(?([^)=]*)\)?\s*=>/.exec(value.toString())?.[1] ?? '';
      const args = params
        .split(',')
        .map((param) => param.trim())
        .filter(Boolean)
        .map(sample);
      return [[key, String(value(...args))]];
    });
  }
  const han = '\\p{Script=Han}';

  it('uses “” quotes and full-width punctuation, with no space between Chinese and Arabic numerals', () => {
    for (const [widget, table] of Object.entries(tables)) {
      const all = texts(table);
      expect(all.length, widget).to.be.greaterThan(10);
      for (const [key, text] of all) {
        const where = `${widget}.${key}: ${text}`;
        expect(text, where).not.to.match(/[「」『』"']/);
        expect(text, where).not.to.match(new RegExp(`${han}[,.:;!?()]|[,.:;!?()]${han}`, 'u'));
        expect(text, where).not.to.match(new RegExp(`${han}\\s+[\\d¥]|\\d\\s+${han}`, 'u'));
      }
    }
    expect(rewardsStrings['zh-CN'].confirmQuestion('茉莉花茶', '300', 300, '积分')).to.equal(
      '确定用300积分兑换“茉莉花茶”吗？',
    );
  });

  it('writes an amount against Chinese with no space, and against a Latin unit with one', () => {
    expect(zhAmount('2,900', '积分')).to.equal('2,900积分');
    expect(zhAmount('50', 'Stars')).to.equal('50 Stars');
    expect(zhCN.balanceSentence('林梅', '2,900', 2_900, '积分')).to.equal('林梅，您有2,900积分。');
    expect(satisfactionSurveyStrings['zh-CN'].points('1', 1, 'Stars')).to.equal('1 Stars');
  });
});
