import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { paths } from '@loyalty-elements/contract';
import { LoyaltyPointsHistory } from './points-history.ts';
import {
  earn,
  format,
  ledgerEn,
  ledgerZh,
  longDate,
  mediumDate,
  mount,
  placeOrder,
  ready,
  s,
  settled,
  shopper,
  spoken,
  z,
} from '../test-support/points-history.ts';
import { setSharedClient } from '../client/shared-client.ts';
import {
  birthdayToday,
  closeClients,
  customerClient,
  gatedClient,
  newShopper,
  quietClient,
} from '../test-support/api.ts';
import { clean, part, parts, text, usePageLanguage } from '../test-support/widget.ts';

describe('<loyalty-points-history>', () => {
  usePageLanguage('en');
  afterEach(() => {
    setSharedClient(undefined);
    closeClients();
  });

  describe('loading', () => {
    it('shows a busy skeleton of page-size rows (ten at most) until the history arrives', async () => {
      const { client, open } = await gatedClient();
      const el = await mount(client, 'en', 4);
      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('.entry--placeholder').length).to.equal(4);
      expect(clean(el.shadowRoot!.querySelector('[part~="base"] > .visually-hidden'))).to.equal(s.loading);
      await expect(el).to.be.accessible();
      el.pageSize = 50;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.entry--placeholder').length).to.equal(10);

      open();
      await ready(el);
      expect(part(el, 'skeleton')).to.equal(null);
    });
  });

  describe('ready', () => {
    it('lists the ledger newest first: date, sentence, signed points, pending and expiring markers', async () => {
      const { customerId, client } = await shopper();
      const spendable = await placeOrder(customerId, 120, 20);
      const pending = await placeOrder(customerId, 58);
      const el = await mount(client);
      await ready(el);

      const rows = parts(el, 'entry');
      expect(rows.length).to.equal(2);
      const [newest, older] = rows as [HTMLElement, HTMLElement];
      expect(text(newest, 'description')).to.equal(ledgerEn.order(pending.orderId));
      expect(text(newest, 'points')).to.equal(`+${format('en', pending.points)}`);
      expect(part(newest, 'points')!.getAttribute('part')).to.equal('points points-credit');
      expect(text(newest, 'pending')).to.equal(s.pendingUntil(mediumDate(pending.pendingUntil, 'en')));
      expect(part(older, 'pending'), 'spendable points are not pending').to.equal(null);
      expect(text(older, 'date'), 'the day the entry was written').to.equal(mediumDate(Date.now(), 'en'));
      expect(text(older, 'expiring')).to.match(/^Expires /);

      const entry = el.entries[1]!;
      expect(spoken(older)).to.equal(
        `${longDate(entry.createdAt, 'en')}, ${ledgerEn.order(spendable.orderId)}, plus ${format('en', spendable.points)} points, expires ${longDate(entry.expiresAt!, 'en')}.`,
      );
      expect(spoken(newest)).to.contain(`pending until ${longDate(pending.pendingUntil, 'en')}`);
      expect(part(el, 'list')!.tagName).to.equal('OL');
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(text(el, 'title')).to.equal(s.title);
      expect(part(el, 'more-button'), 'one page holds everything').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('speaks Simplified Chinese: sentences, dates and numbers from Intl', async () => {
      const { customerId, client } = await shopper();
      const pending = await placeOrder(customerId, 1_288);
      const el = await mount(client, 'zh-CN');
      await ready(el);
      const row = part(el, 'entry')!;
      expect(text(el, 'title')).to.equal(z.title);
      expect(text(row, 'description')).to.equal(ledgerZh.order(pending.orderId));
      expect(text(row, 'pending')).to.equal(z.pendingUntil(mediumDate(pending.pendingUntil, 'zh-CN')));
      const entry = el.entries[0]!;
      expect(spoken(row)).to.equal(
        `${longDate(entry.createdAt, 'zh-CN')}，${ledgerZh.order(pending.orderId)}，增加${format('zh-CN', pending.points)}积分，` +
          `待生效，${longDate(pending.pendingUntil, 'zh-CN')}起可用，${longDate(entry.expiresAt!, 'zh-CN')}到期。`,
      );
      await expect(el).to.be.accessible();
    });

    it('shows a refund as a minus, and what it could not take back once the points were spent', async () => {
      const { customerId, client } = await shopper();
      const order = await placeOrder(customerId, 100, 20);
      await executeServerCommand('loyalty-redeem-points', { customerId, points: order.points });
      await executeServerCommand('loyalty-refund-order', { orderId: order.orderId, refundId: 'r1', amount: 10_000 });
      const el = await mount(client);
      await ready(el);
      const [refund, spend] = parts(el, 'entry') as [HTMLElement, HTMLElement];
      expect(text(refund, 'description')).to.equal(ledgerEn.refund(order.orderId));
      expect(text(refund, 'points')).to.equal('0');
      const owed = format('en', order.points);
      expect(text(refund, 'shortfall')).to.equal(ledgerEn.shortfall(owed, order.points, 'points'));
      expect(spoken(refund)).to.contain(`no change in points, ${owed} points could not be taken back.`);
      expect(text(spend, 'points')).to.equal(`\u2212${owed}`);
      expect(spoken(spend)).to.contain(`minus ${owed} points`);

      el.lang = 'zh-CN';
      await waitUntil(() => text(refund, 'description') === ledgerZh.refund(order.orderId), 'the Chinese refund');
      expect(text(refund, 'shortfall')).to.equal(
        ledgerZh.shortfall(format('zh-CN', order.points), order.points, '积分'),
      );
      expect(spoken(refund)).to.contain(`积分无变动，${format('zh-CN', order.points)}积分未能扣回。`);
    });

    it('says how points are earned when there is no activity yet, without asking anything more', async () => {
      const requests: string[] = [];
      const { client } = await shopper(
        {},
        {
          fetch: (input, init) => {
            requests.push(new Request(input, init).url);
            return fetch(input, init);
          },
        },
      );
      const el = await mount(client);
      await settled(el);
      expect(el.state).to.equal('empty');
      expect(text(el, 'message')).to.equal(s.empty('points'));
      expect(part(el, 'list')).to.equal(null);
      expect(requests.map((url) => new URL(url).pathname).sort()).to.deep.equal(
        [paths.pointsHistory, paths.summary].map((path) => new URL(path, 'http://x/').pathname).sort(),
      );
      await expect(el).to.be.accessible();
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === z.empty('积分'), 'the Chinese empty state');
    });

    it('reads the history again when another widget changes the points (a birthday gift claimed)', async () => {
      const { customerId, client } = await shopper({ birthday: birthdayToday() });
      await earn(customerId, 50);
      setSharedClient(client);
      const el = await fixture<LoyaltyPointsHistory>(html`<loyalty-points-history></loyalty-points-history>`);
      await ready(el);
      expect(parts(el, 'entry').length).to.equal(1);
      await client.claimBirthdayReward();
      await waitUntil(() => parts(el, 'entry').length === 2, 'the gift in the list', { timeout: 10_000 });
      expect(text(parts(el, 'entry')[0]!, 'description')).to.equal(ledgerEn.birthday);
      expect(el.state).to.equal('ready');
    });

    it('takes heading-level, and bounds page-size to 1–100', async () => {
      const limits: string[] = [];
      const { customerId, client } = await shopper(
        {},
        {
          fetch: (input, init) => {
            const url = new URL(new Request(input, init).url);
            if (url.pathname.endsWith(paths.pointsHistory)) limits.push(url.searchParams.get('limit') ?? '');
            return fetch(input, init);
          },
        },
      );
      await earn(customerId, 10);
      const el = await fixture<LoyaltyPointsHistory>(
        html`<loyalty-points-history page-size="1000" heading-level="4" .client=${client}></loyalty-points-history>`,
      );
      await ready(el);
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('4');
      expect(limits).to.deep.equal(['100']);
      const small = await fixture<LoyaltyPointsHistory>(
        html`<loyalty-points-history
          page-size="-3"
          .client=${await quietClient((await newShopper()).token, {
            fetch: (input, init) => {
              const url = new URL(new Request(input, init).url);
              if (url.pathname.endsWith(paths.pointsHistory)) limits.push(url.searchParams.get('limit') ?? '');
              return fetch(input, init);
            },
          })}
        ></loyalty-points-history>`,
      );
      await settled(small);
      expect(limits).to.deep.equal(['100', '1']);
    });
  });

  describe('layout', () => {
    it('fits a 320 px wide phone: nothing overflows, right to left too', async () => {
      for (const dir of ['ltr', 'rtl']) {
        const wrapper = await fixture<HTMLDivElement>(html`
          <div style="inline-size: 320px" lang="zh-CN" dir=${dir}>
            <loyalty-points-history .client=${await customerClient('demo-shopper')}></loyalty-points-history>
          </div>
        `);
        const el = wrapper.querySelector('loyalty-points-history')!;
        await ready(el);
        const base = part(el, 'base')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        for (const row of parts(el, 'entry')) expect(row.scrollWidth).to.be.at.most(row.clientWidth);
      }
    });
  });

  describe('registration', () => {
    it('is defined once, harmlessly twice, and exported', async () => {
      expect(customElements.get('loyalty-points-history')).to.equal(LoyaltyPointsHistory);
      expect(() => LoyaltyPointsHistory.define()).to.not.throw();
      const exported = await import('../index.ts');
      expect(exported.LoyaltyPointsHistory).to.equal(LoyaltyPointsHistory);
    });
  });
});
