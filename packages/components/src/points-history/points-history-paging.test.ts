import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { paths } from '@loyalty-elements/contract';
import type { LoyaltyPointsHistory } from './points-history.ts';
import { announced, earn, mount, ready, s, settled, shopper, z } from '../test-support/points-history.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { en } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import { CLOSED_API_BASE, apiClient, closeClients, forgedToken, newShopper, quietClient } from '../test-support/api.ts';
import { Network, clean, part, parts, text, usePageLanguage } from '../test-support/widget.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';

describe('<loyalty-points-history> paging, guest and errors', () => {
  usePageLanguage('en');
  afterEach(() => {
    setSharedClient(undefined);
    closeClients();
  });

  describe('paging', () => {
    it('shows more by keyboard with the API cursor, focus on the first new row, until the last page', async () => {
      const { customerId, client } = await shopper();
      for (const points of [10, 20, 30, 40, 50]) await earn(customerId, points);
      const el = await mount(client, 'en', 2);
      await ready(el);
      expect(parts(el, 'points').map(clean)).to.deep.equal(['+50', '+40']);

      part<HTMLButtonElement>(el, 'more-button')!.focus();
      expect(text(el, 'more-button')).to.equal(s.showMore);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(el, 'entry').length === 4, 'the second page');
      expect(parts(el, 'points').map(clean)).to.deep.equal(['+50', '+40', '+30', '+20']);
      await waitUntil(() => el.shadowRoot!.activeElement === parts(el, 'entry')[2], 'focus on the first new row');
      expect(announced(el)).to.equal(s.shown('4', 4));

      // Rows take focus only from the widget: the next Tab stop is the button again.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'more-button'));
      await sendKeys({ press: 'Space' });
      await waitUntil(() => parts(el, 'entry').length === 5, 'the last page');
      expect(part(el, 'more-button'), 'nothing older').to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'entry')[4]);
      await expect(el).to.be.accessible();
    });

    it('keeps what is shown when a page fails, and its retry adds the page', async () => {
      const network = new Network();
      const { customerId, client } = await shopper({}, { fetch: network.fetch });
      for (const points of [1, 2, 3]) await earn(customerId, points);
      const el = await mount(client, 'zh-CN', 2);
      await ready(el);
      network.online = false;
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => part(el, 'page-error') !== null, 'the page error');
      expect(text(el, 'page-error')).to.equal(zhCN.errorNetwork);
      expect(part(el, 'page-error')!.getAttribute('role')).to.equal('alert');
      expect(parts(el, 'entry').length, 'the first page stays').to.equal(2);
      expect(text(el, 'more-button')).to.equal(zhCN.retry);
      expect(el.state).to.equal('ready');

      network.online = true;
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => parts(el, 'entry').length === 3, 'the retried page');
      expect(part(el, 'page-error')).to.equal(null);
    });
  });

  describe('guest and errors', () => {
    // With a join pitch on the page, a guest sees this widget's compact line.
    usePagePitch();

    it('asks a guest to sign in, compactly: a link with sign-in-url, else a button firing loyalty-sign-in-requested', async () => {
      const el = await fixture<LoyaltyPointsHistory>(
        html`<loyalty-points-history
          sign-in-url="/account/sign-in"
          .client=${await apiClient()}
        ></loyalty-points-history>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(s.guestMessage);
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.below(120);
      await expect(el).to.be.accessible();

      el.signInUrl = undefined;
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'button') === zhCN.signIn, 'a localized sign-in button');
      expect(text(el, 'message')).to.equal(z.guestMessage);
      setTimeout(() => part<HTMLButtonElement>(el, 'button')!.click());
      const event = await oneEvent(el, 'loyalty-sign-in-requested');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('says the network failed, with a retry that recovers, in both languages', async () => {
      const network = new Network();
      network.online = false;
      const { customerId, client } = await shopper({}, { fetch: network.fetch });
      await earn(customerId, 70);
      const el = await mount(client);
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(event.detail.code).to.equal('network');
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === zhCN.errorNetwork, 'the Chinese message');
      expect(text(el, 'button')).to.equal(zhCN.retry);

      network.online = true;
      part<HTMLButtonElement>(el, 'button')!.focus();
      part<HTMLButtonElement>(el, 'button')!.click();
      await ready(el);
      expect(parts(el, 'entry').length).to.equal(1);
      expect(el.shadowRoot!.activeElement, 'focus is not lost').to.not.equal(null);
    });

    it('says the session expired when the token is refused', async () => {
      const el = await mount(await quietClient(await forgedToken()));
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(['unauthorized', 'token_expired']).to.include(event.detail.code);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorSession);
      expect(text(el, 'button')).to.equal(en.retry);
    });

    it('refuses a malformed answer clearly, in both languages', async () => {
      const client = await quietClient((await newShopper()).token, {
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (!new URL(request.url).pathname.endsWith(paths.pointsHistory)) return fetch(request);
          return new Response(JSON.stringify({ entries: 'none', nextCursor: 7 }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        },
      });
      const el = await mount(client);
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(event.detail.code).to.equal('invalid_response');
      expect(text(el, 'message')).to.equal(s.errorOther);
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === z.errorOther, 'the Chinese message');
    });

    it('fails clearly when the API is unreachable or no client is configured', async () => {
      const unreachable = await mount(
        await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await newShopper()).token, retry: { limit: 0 } }),
      );
      await settled(unreachable);
      expect(unreachable.state).to.equal('error');
      const none = await mount(undefined);
      expect(none.state).to.equal('error');
      expect(text(none, 'message')).to.equal(s.errorNoClient);
      expect(part(none, 'button')).to.equal(null);
      await expect(none).to.be.accessible();
    });
  });
});
