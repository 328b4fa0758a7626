import { expect, fixture, html } from '@open-wc/testing';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { closestLang, formatNumber, normalizeLocale, pickLocalized, resolveLocale } from './locales.ts';

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
