import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ProgramSettings } from '@loyalty-elements/contract';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-referral.ts';
import { LoyaltyReferral } from './referral.ts';
import { referralStrings } from './referral.strings.ts';
import { en } from '../locales/index.ts';
import { CLOSED_API_BASE, apiClient, closeClients, newShopper, quietClient } from '../test-support/api.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';
import { Network, clean, part, parts, text, usePageLanguage } from '../test-support/widget.ts';

const s = referralStrings.en;
const z = referralStrings['zh-CN'];
const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

async function settled(el: LoyaltyReferral): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-referral> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function shopperClient(fetch?: typeof globalThis.fetch): Promise<LoyaltyClient> {
  return quietClient((await newShopper({ name: 'Lin Mei' })).token, fetch ? { fetch } : {});
}

async function mount(client: LoyaltyClient | undefined, lang = 'en'): Promise<LoyaltyReferral> {
  const el = await fixture<LoyaltyReferral>(html`<loyalty-referral lang=${lang} .client=${client}></loyalty-referral>`);
  await settled(el);
  return el;
}

/** Replaces a property of `navigator` for one test; returns the function that puts it back. */
function stubNavigator(name: 'clipboard' | 'share', value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, name);
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => (own ? Object.defineProperty(navigator, name, own) : delete (navigator as never)[name]);
}

describe('<loyalty-referral>', () => {
  usePageLanguage('en');
  const restore: Array<() => void> = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
    closeClients();
  });

  it('shows a busy skeleton of the card’s final size until the referral arrives', async () => {
    const { token } = await newShopper();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const client = await apiClient({ getCustomerToken: () => gate.then(() => token) });
    const el = await fixture<LoyaltyReferral>(html`<loyalty-referral .client=${client}></loyalty-referral>`);
    expect(el.state).to.equal('loading');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;
    await expect(el).to.be.accessible();
    open();
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(part(el, 'base')!.getBoundingClientRect().height, 'the same box').to.be.closeTo(loadingHeight, 4);
  });

  it('shows the demo program’s link and code, what each side gets, friends joined and points earned', async () => {
    const el = await mount(await shopperClient());
    expect(el.state).to.equal('ready');
    expect(part(el, 'title')!.getAttribute('role')).to.equal('heading');
    expect(text(el, 'title')).to.equal(s.title);
    const [link, code] = parts<HTMLInputElement>(el, 'input').map((input) => input.value);
    expect(code).to.match(CODE);
    expect(link).to.equal(`http://localhost:8080/?ref=${code}`);
    expect(parts(el, 'offer')[0]!.querySelectorAll('li').length).to.equal(2);
    expect(clean(part(el, 'offer'))).to.equal(
      'Your friend gets 300 points after their first order. You get 500 points for each friend who orders.',
    );
    expect(clean(part(el, 'stats'))).to.equal('0 friends joined 0 points earned');
    await expect(el).to.be.accessible();
  });

  it('copies with the clipboard and says "Copied" on the button and in a live region', async () => {
    const written: string[] = [];
    restore.push(stubNavigator('clipboard', { writeText: async (value: string) => void written.push(value) }));
    const el = await mount(await shopperClient());
    const code = parts<HTMLInputElement>(el, 'input')[1]!.value;
    const copyCode = parts<HTMLButtonElement>(el, 'copy')[1]!;
    expect(copyCode.getAttribute('aria-label')).to.equal(s.copyCode);
    copyCode.focus();
    copyCode.click();
    await waitUntil(() => text(el, 'status') === s.copied, 'Copied is said');
    expect(written).to.deep.equal([code]);
    expect(clean(copyCode)).to.equal(s.copied);
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(copyCode);
  });

  it('selects the text for the shopper to copy when the clipboard refuses', async () => {
    restore.push(stubNavigator('clipboard', { writeText: () => Promise.reject(new DOMException('denied')) }));
    const el = await mount(await shopperClient());
    parts<HTMLButtonElement>(el, 'copy')[0]!.click();
    await waitUntil(() => text(el, 'status') === s.copyFailed, 'how to copy by hand is said');
    const input = parts<HTMLInputElement>(el, 'input')[0]!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
  });

  it('offers Share only where the browser has the Web Share API, and shares the link', async () => {
    restore.push(stubNavigator('share', undefined));
    const without = await mount(await shopperClient());
    expect(parts(without, 'share')).to.deep.equal([]);

    const shared: ShareData[] = [];
    restore.push(stubNavigator('share', async (data: ShareData) => void shared.push(data)));
    const el = await mount(await shopperClient());
    const share = part<HTMLButtonElement>(el, 'share')!;
    expect(clean(share)).to.equal(s.share);
    share.click();
    await waitUntil(() => shared.length === 1, 'shared');
    expect(shared[0]!.url).to.equal(parts<HTMLInputElement>(el, 'input')[0]!.value);
    expect(shared[0]!.text).to.equal(s.shareText('300', 300, 'points'));
  });

  it('speaks Simplified Chinese, numbers through Intl', async () => {
    const el = await mount(await shopperClient(), 'zh-CN');
    expect(text(el, 'title')).to.equal(z.title);
    expect(clean(part(el, 'offer'))).to.equal('好友首单后可得300积分。 每位好友下单，您可得500积分。');
    expect(clean(part(el, 'stats'))).to.equal('已邀请0位好友 已获得0积分');
    await expect(el).to.be.accessible();
  });

  it('renders nothing and hides itself when the program has no referral program', async () => {
    const original = (await executeServerCommand<ProgramSettings, object>('loyalty-program-settings', {}))!;
    restore.push(
      () => void executeServerCommand('loyalty-program-settings', { patch: { referrals: original.referrals } }),
    );
    await executeServerCommand('loyalty-program-settings', { patch: { referrals: null } });
    const el = await mount(await shopperClient());
    expect(el.state).to.equal('disabled');
    expect(el.hidden).to.equal(true);
    expect(part(el, 'base')).to.equal(null);
  });

  describe('guest', () => {
    // With a join pitch on the page, a guest sees this widget's compact line.
    usePagePitch();

    it('shows a guest one compact sign-in line', async () => {
      const client = await apiClient({ retry: { limit: 0 } });
      const el = await fixture<LoyaltyReferral>(
        html`<loyalty-referral sign-in-url="/account/sign-in" .client=${client}></loyalty-referral>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(s.guestMessage);
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
      await expect(el).to.be.accessible();
      el.signInUrl = undefined;
      await el.updateComplete;
      setTimeout(() => part<HTMLButtonElement>(el, 'button')!.click());
      const event = await oneEvent(el, 'loyalty-sign-in-requested');
      expect(event.bubbles && event.composed).to.equal(true);
    });
  });

  describe('errors', () => {
    it('says the network failed, with a retry that recovers', async () => {
      const network = new Network();
      network.online = false;
      const el = await mount(await shopperClient((input, init) => network.fetch(input, init)));
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      await expect(el).to.be.accessible();
      network.online = true;
      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => el.state === 'ready', 'ready after the retry', { timeout: 10_000 });
    });

    it('says the session has ended for an expired token', async () => {
      const { customerId } = await newShopper();
      const expired = await executeServerCommand<string, object>('loyalty-customer-token', {
        customerId,
        ttlSeconds: -600,
      });
      const el = await mount(await quietClient(expired!));
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorSession);
    });

    it('fails clearly when the API is unreachable or no client is configured', async () => {
      const { token } = await newShopper();
      const unreachable = await mount(await quietClient(token, { apiBase: CLOSED_API_BASE }));
      expect(unreachable.state).to.equal('error');
      expect(text(unreachable, 'message')).to.equal(en.errorNetwork);
      const none = await fixture<LoyaltyReferral>(html`<loyalty-referral></loyalty-referral>`);
      expect(none.state).to.equal('error');
      expect(text(none, 'message')).to.equal(s.errorNoClient);
    });
  });

  it('is defined once, harmlessly twice, and exported', async () => {
    expect(customElements.get('loyalty-referral')).to.equal(LoyaltyReferral);
    expect(() => LoyaltyReferral.define()).to.not.throw();
    expect((await import('../index.ts')).LoyaltyReferral).to.equal(LoyaltyReferral);
  });
});
