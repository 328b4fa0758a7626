import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { paths } from '@loyalty-elements/contract';
import {
  MemoryOutboxStorage,
  type BirthdayClaimResult,
  type BirthdayRequest,
  type LoyaltyClient,
  type LoyaltyClientOptions,
  type Program,
  type Summary,
} from '@loyalty-elements/sdk';
import '../define/loyalty-birthday-greeting.ts';
import { LoyaltyBirthdayGreeting, formatIsoDate, formatIsoDateWithYear } from './birthday-greeting.ts';
import { birthdayGreetingStrings, chineseLunarDate } from './birthday-greeting.strings.ts';
import type { LoyaltyBirthdaySavedEvent } from '../events/events.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { en } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import { CLOSED_API_BASE, apiClient, demoToken, newShopper } from '../test-support/api.ts';
import { box } from '../test-support/layout.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';
import { HeldRequests, signOutWhileHeld } from '../test-support/held-requests.ts';

const s = birthdayGreetingStrings.en;
const z = birthdayGreetingStrings['zh-CN'];
/** The demo program's birthday reward (packages/server/src/demo-seed.ts). */
const REWARD = 200;
/** The demo program's time zone: a shopper without their own lives in it. */
const PROGRAM_TIME_ZONE = 'Asia/Shanghai';

type Part =
  | 'base'
  | 'title'
  | 'message'
  | 'icon'
  | 'note'
  | 'form'
  | 'fieldset'
  | 'legend'
  | 'calendar'
  | 'radio'
  | 'label'
  | 'select'
  | 'month-select'
  | 'day-select'
  | 'hint'
  | 'consent'
  | 'checkbox'
  | 'error'
  | 'button'
  | 'secondary-button'
  | 'link'
  | 'confetti'
  | 'skeleton';

function part<T extends HTMLElement = HTMLElement>(el: LoyaltyBirthdayGreeting, name: Part): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function parts<T extends HTMLElement = HTMLElement>(el: LoyaltyBirthdayGreeting, name: Part): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

function text(el: LoyaltyBirthdayGreeting, name: Part): string {
  return part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function texts(el: LoyaltyBirthdayGreeting, name: Part): string[] {
  return parts(el, name).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}

function options(select: HTMLSelectElement | null): string[] {
  return [...select!.options].map((option) => option.textContent!.trim());
}

/** What the polite live region says. */
function announced(el: LoyaltyBirthdayGreeting): string {
  return el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

async function settled(el: LoyaltyBirthdayGreeting): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-birthday-greeting> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function ready(el: LoyaltyBirthdayGreeting): Promise<Summary> {
  await settled(el);
  expect(el.state, `state (message: ${text(el, 'message')})`).to.equal('ready');
  return el.summary!;
}

async function showing(el: LoyaltyBirthdayGreeting, view: LoyaltyBirthdayGreeting['view']): Promise<void> {
  await waitUntil(() => el.view === view, `expected the ${view} view, saw ${el.state}/${el.view}`, { timeout: 10_000 });
  await el.updateComplete;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The date it is at `instant` where the shopper lives. The tests choose birthdays from it (today, or half
 * a year away), so what the API says about them is the same whatever day the suite runs.
 */
function dateIn(timeZone: string, instant = new Date()): { year: number; month: number; day: number } {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const value = (type: string) => Number(fields.find((field) => field.type === type)!.value);
  return { year: value('year'), month: value('month'), day: value('day') };
}

const birthdayIn = (days: number): BirthdayRequest => {
  const { month, day } = dateIn(PROGRAM_TIME_ZONE, new Date(Date.now() + days * DAY_MS));
  return { month, day, calendar: 'gregorian' };
};

const birthdayToday = (): BirthdayRequest => birthdayIn(0);

/** A Gregorian birthday half a year away: outside its window on any day (no 29 February). */
const birthdayFarAway = (): BirthdayRequest => {
  const birthday = birthdayIn(182);
  return { ...birthday, day: Math.min(birthday.day, 28) };
};

/**
 * A lunar birthday (the 15th) half a year away: outside its window on any day. `Intl`'s Chinese calendar is
 * at most a month off the official one, which half a year makes harmless.
 */
const lunarBirthdayFarAway = (): BirthdayRequest => {
  const lunar = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: PROGRAM_TIME_ZONE, month: 'numeric' });
  const month = parseInt(lunar.formatToParts(new Date()).find((field) => field.type === 'month')!.value, 10);
  return { month: ((month + 5) % 12) + 1, day: 15, calendar: 'chinese-lunar' };
};

/**
 * A customer of the demo program that no other test uses, and a real token for them. A `birthday` given here is the
 * merchant's record: the notice period does not hold it back, so a birthday today can be claimed.
 */
async function newShopperToken(name = 'Lin Mei', birthday?: BirthdayRequest): Promise<string> {
  return (await newShopper({ name, ...(birthday ? { birthday } : {}) })).token;
}

const clients: LoyaltyClient[] = [];

/** A client for a token, with its outbox in memory (no write outlives the test) and no retries. */
async function clientFor(token: string, options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  const client = await apiClient({
    customerToken: token,
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
    ...options,
  });
  clients.push(client);
  return client;
}

/** A fresh shopper's client, with the birthday the merchant has on file (not held back), if any. */
async function shopperWith(birthday: BirthdayRequest | null, name?: string): Promise<LoyaltyClient> {
  return clientFor(await newShopperToken(name, birthday ?? undefined));
}

/** A fresh shopper's client, the birthday set by the shopper just now (held back by the notice period when near). */
async function shopperWhoSet(birthday: BirthdayRequest, name?: string): Promise<LoyaltyClient> {
  const client = await clientFor(await newShopperToken(name));
  expect((await client.setBirthday(birthday)).status).to.equal('sent');
  return client;
}

/** A client whose token (so its data) arrives only when `open()` is called: the element stays loading. */
async function gatedClientFor(token: string): Promise<{ client: LoyaltyClient; open: () => void }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const client = await clientFor(token, { customerToken: undefined, getCustomerToken: () => gate.then(() => token) });
  return { client, open };
}

/** A `fetch` whose network can be switched off, like a shopper on a train. */
class Network {
  online = true;
  readonly fetch: typeof fetch = (input, init) =>
    this.online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
}

/** A `fetch` that edits what the real API answers (for programs and dates the demo seed does not have). */
function rewriting(edit: { summary?: (summary: Summary) => Summary; program?: (program: Program) => Program }) {
  const rewrite: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const path = new URL(request.url).pathname;
    const change = (
      path.endsWith(paths.summary) ? edit.summary : path.endsWith(paths.program) ? edit.program : undefined
    ) as ((body: unknown) => unknown) | undefined;
    if (!change || response.status !== 200) return response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    // The API's tag names its own body, not the edited one: without it, a revalidation reads the body again.
    headers.delete('etag');
    return new Response(JSON.stringify(change(await response.json())), { status: 200, headers });
  };
  return rewrite;
}

async function birthdayBonuses(client: LoyaltyClient): Promise<number> {
  const history = await client.getPointsHistory({ limit: 100 });
  return history.entries.filter((entry) => entry.type === 'birthday_bonus').length;
}

async function mount(client: LoyaltyClient | undefined, lang = 'en'): Promise<LoyaltyBirthdayGreeting> {
  return fixture<LoyaltyBirthdayGreeting>(
    html`<loyalty-birthday-greeting lang=${lang} .client=${client}></loyalty-birthday-greeting>`,
  );
}

/** Fills the invitation form with the mouse, as a shopper would. */
async function fill(
  el: LoyaltyBirthdayGreeting,
  birthday: BirthdayRequest,
  { consent = true }: { consent?: boolean } = {},
): Promise<void> {
  const radio = parts<HTMLInputElement>(el, 'radio').find((input) => input.value === birthday.calendar)!;
  radio.click();
  await el.updateComplete;
  for (const [name, value] of [
    ['month-select', birthday.month],
    ['day-select', birthday.day],
  ] as const) {
    const select = part<HTMLSelectElement>(el, name)!;
    select.value = String(value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }
  const checkbox = part<HTMLInputElement>(el, 'checkbox')!;
  if (checkbox.checked !== consent) checkbox.click();
  await el.updateComplete;
}

/** The reward as the widget words it: "200 points", and in Chinese with no space after the number, "200积分". */
const reward = (locale: 'en' | 'zh-CN') =>
  locale === 'en' ? `${new Intl.NumberFormat('en').format(REWARD)} points` : `${REWARD}积分`;

describe('<loyalty-birthday-greeting>', () => {
  let documentLang: string;
  beforeEach(() => {
    documentLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  afterEach(async () => {
    document.documentElement.lang = documentLang;
    setSharedClient(undefined);
    for (const client of clients.splice(0)) client.close();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  describe('loading', () => {
    for (const lang of ['en', 'zh-CN']) {
      it(`shows a busy skeleton of the final size (${lang}), so nothing shifts`, async () => {
        const { client, open } = await gatedClientFor(await newShopperToken('Lin Mei', birthdayFarAway()));
        const wrapper = await fixture<HTMLDivElement>(html`
          <div style="inline-size: 360px" lang=${lang}>
            <loyalty-birthday-greeting .client=${client}></loyalty-birthday-greeting>
          </div>
        `);
        const el = wrapper.querySelector('loyalty-birthday-greeting')!;
        await el.updateComplete;
        expect(el.state).to.equal('loading');
        expect(el.view).to.equal(undefined);
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
        expect(parts(el, 'skeleton')).to.have.length(4);
        expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal(
          birthdayGreetingStrings[lang as 'en' | 'zh-CN'].loading,
        );
        await expect(el).to.be.accessible();
        const loading = box(el);

        open();
        await ready(el);
        expect(el.view).to.equal('outside');
        expect(part(el, 'skeleton')).to.equal(null);
        const shown = box(el);
        expect(Math.abs(shown.height - loading.height), `${shown.height} vs ${loading.height}`).to.be.at.most(1);
        expect(shown.width).to.equal(loading.width);
        expect(loading.height).to.be.greaterThan(80);
      });
    }
  });

  it('keeps the skeleton’s box for the greeting too', async () => {
    const token = await newShopperToken('Lin Mei', birthdayToday());
    const { client, open } = await gatedClientFor(token);
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="inline-size: 360px"><loyalty-birthday-greeting .client=${client}></loyalty-birthday-greeting></div>
    `);
    const el = wrapper.querySelector('loyalty-birthday-greeting')!;
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const loading = box(el);
    open();
    await ready(el);
    expect(el.view).to.equal('greeting');
    const shown = box(el);
    expect(Math.abs(shown.height - loading.height), `${shown.height} vs ${loading.height}`).to.be.at.most(1);
  });

  describe('invitation (birthday unknown)', () => {
    it('invites the shopper to add their birthday: calendar radios, month and day pickers, consent, save', async () => {
      const el = await mount(await shopperWith(null));
      await ready(el);
      expect(el.view).to.equal('invitation');
      expect(el.summary!.birthday).to.equal(null);
      expect(text(el, 'title')).to.equal(s.inviteTitle);
      expect(text(el, 'message')).to.equal(s.inviteMessage(reward('en')));

      const form = part<HTMLFormElement>(el, 'form')!;
      expect(form.localName).to.equal('form');
      const fieldset = part(el, 'fieldset')!;
      expect(fieldset.localName).to.equal('fieldset');
      expect(text(el, 'legend')).to.equal(s.birthdayLegend);
      expect(fieldset.querySelector('legend')).to.equal(part(el, 'legend'));

      const radios = parts<HTMLInputElement>(el, 'radio');
      expect(radios.map((radio) => [radio.type, radio.value, radio.checked])).to.deep.equal([
        ['radio', 'gregorian', true],
        ['radio', 'chinese-lunar', false],
      ]);
      expect(part(el, 'calendar')!.localName).to.equal('fieldset');
      expect(radios.map((radio) => radio.closest('label')!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Gregorian',
        '农历 (Chinese lunar)',
      ]);
      expect(radios[1]!.closest('label')!.querySelector('[lang="zh-CN"]')!.textContent).to.equal('农历');

      const month = part<HTMLSelectElement>(el, 'month-select')!;
      const day = part<HTMLSelectElement>(el, 'day-select')!;
      expect(month.localName).to.equal('select');
      expect(month.labels[0]!.textContent!.trim()).to.equal(s.month);
      expect(day.labels[0]!.textContent!.trim()).to.equal(s.day);
      expect(options(month)).to.have.length(13);
      expect(options(month).slice(0, 3)).to.deep.equal([s.choose, 'January', 'February']);
      expect(options(day)).to.have.length(32);

      const checkbox = part<HTMLInputElement>(el, 'checkbox')!;
      expect(checkbox.type).to.equal('checkbox');
      expect(checkbox.checked).to.equal(false);
      expect(text(el, 'consent')).to.equal('Use my birthday to send me a birthday reward');
      expect(text(el, 'button')).to.equal(s.save);
      expect(part(el, 'button')!.getAttribute('type')).to.equal('submit');
      await expect(el).to.be.accessible();
    });

    it('offers the days the month has: 29 in February, 30 in April, 30 in every lunar month', async () => {
      const el = await mount(await shopperWith(null));
      await ready(el);
      const month = part<HTMLSelectElement>(el, 'month-select')!;
      const day = part<HTMLSelectElement>(el, 'day-select')!;
      const pick = async (select: HTMLSelectElement, value: number) => {
        select.value = String(value);
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
      };

      await pick(day, 31);
      await pick(month, 2);
      expect(options(day)).to.have.length(1 + 29);
      expect(options(day).at(-1)).to.equal('29');
      expect(day.value, 'the 31st February is cleared, not moved').to.equal('');
      await pick(month, 4);
      expect(options(day)).to.have.length(1 + 30);
      await pick(month, 12);
      expect(options(day)).to.have.length(1 + 31);
      await pick(day, 15);

      parts<HTMLInputElement>(el, 'radio')[1]!.click();
      await el.updateComplete;
      expect(options(day)).to.have.length(1 + 30);
      expect(options(month).slice(1, 4)).to.deep.equal(['1st month', '2nd month', '3rd month']);
      expect(options(month).at(-1)).to.equal('12th month');
      expect(month.value, 'the month is kept').to.equal('12');
      expect(day.value, 'the day is kept').to.equal('15');
      expect(text(el, 'hint')).to.equal(s.lunarHint);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => options(month)[1] === '正月', 'lunar month names in Chinese');
      expect(options(month).slice(1)).to.deep.equal([
        '正月',
        '二月',
        '三月',
        '四月',
        '五月',
        '六月',
        '七月',
        '八月',
        '九月',
        '十月',
        '冬月',
        '腊月',
      ]);
      expect(options(day).slice(1, 3)).to.deep.equal(['初一', '初二']);
      expect(options(day)[10]).to.equal('初十');
      expect(options(day)[15]).to.equal('十五');
      expect(options(day)[20]).to.equal('二十');
      expect(options(day)[21]).to.equal('廿一');
      expect(options(day).at(-1)).to.equal('三十');
      expect(text(el, 'legend')).to.equal(z.birthdayLegend);
      expect(texts(el, 'radio').length).to.equal(2);
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-CN');
      await expect(el).to.be.accessible();

      parts<HTMLInputElement>(el, 'radio')[0]!.click();
      await el.updateComplete;
      expect(options(month).slice(1, 3)).to.deep.equal(['1月', '2月']);
      expect(options(day)[1]).to.equal('1日');
      // The pickers are named as a Chinese form names them: 月 and 日.
      expect([month.labels[0]!.textContent!.trim(), day.labels[0]!.textContent!.trim()]).to.deep.equal(['月', '日']);
    });

    it('says what is missing, on the field, and sends nothing', async () => {
      const client = await shopperWith(null);
      const saved: Event[] = [];
      const el = await mount(client);
      el.addEventListener('loyalty-birthday-saved', (event) => saved.push(event));
      await ready(el);

      part<HTMLButtonElement>(el, 'button')!.click();
      await el.updateComplete;
      await el.updateComplete;
      const month = part<HTMLSelectElement>(el, 'month-select')!;
      expect(text(el, 'error')).to.equal(s.missingMonth);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(month.getAttribute('aria-invalid')).to.equal('true');
      expect(month.getAttribute('aria-describedby')).to.equal(part(el, 'error')!.id);
      expect(el.shadowRoot!.activeElement).to.equal(month);
      await expect(el).to.be.accessible();

      await fill(el, { month: 3, day: 8, calendar: 'gregorian' }, { consent: false });
      expect(month.getAttribute('aria-invalid')).to.equal('false');
      part<HTMLButtonElement>(el, 'button')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el, 'error')).to.equal(s.missingConsent);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'checkbox'));
      expect(part(el, 'checkbox')!.getAttribute('aria-invalid')).to.equal('true');

      expect(saved).to.have.length(0);
      expect((await client.getSummary({ revalidate: true })).birthday).to.equal(null);
      expect(el.view).to.equal('invitation');
    });

    it('saves through the SDK: a birthday today is held back, and the greeting says when the first gift comes', async () => {
      const client = await shopperWith(null, 'Lin Mei');
      const el = await mount(client);
      await ready(el);
      const birthday = birthdayToday();
      await fill(el, birthday);

      const button = part<HTMLButtonElement>(el, 'button')!;
      button.focus();
      const savedEvent = oneEvent(el, 'loyalty-birthday-saved') as Promise<LoyaltyBirthdaySavedEvent>;
      button.click();
      const event = await savedEvent;
      expect(event.detail.birthday).to.deep.equal(birthday);
      expect(event.detail.queued).to.equal(false);
      expect(event.detail.status).to.include({ ...birthday, inWindow: true, claimable: false });
      const first = event.detail.status!.firstRewardBirthday!;
      expect(first.slice(0, 4), 'next year’s birthday').to.equal(String(dateIn(PROGRAM_TIME_ZONE).year + 1));
      expect(event.bubbles && event.composed).to.equal(true);

      await showing(el, 'greeting');
      const firstGift = s.firstGift(formatIsoDateWithYear(first, 'en'));
      expect(firstGift).to.match(/^Your first birthday gift comes with your birthday on [A-Z][a-z]+ \d{1,2}, \d{4}\.$/);
      expect(text(el, 'title')).to.equal('Happy birthday, Lin Mei!');
      expect(text(el, 'message')).to.equal(firstGift);
      expect(part(el, 'button'), 'no claim button').to.equal(null);
      expect(el.shadowRoot!.activeElement, 'focus on the card').to.equal(part(el, 'base'));
      expect(announced(el)).to.equal(`${s.saved} ${firstGift}`);
      // The summary the SDK refreshed now carries the birthday, for every widget on the page.
      await waitUntil(() => el.summary?.birthday !== null, 'the summary refreshed');
      expect(el.summary!.birthday).to.include({ ...birthday, firstRewardBirthday: first });
      expect(text(el, 'message')).to.equal(firstGift);
      await expect(el).to.be.accessible();
      expect(await birthdayBonuses(client)).to.equal(0);
    });

    it('keeps a birthday saved offline on the device, says so, and delivers it on flush()', async () => {
      const network = new Network();
      const client = await clientFor(await newShopperToken('Sam Offline'), { fetch: network.fetch });
      const el = await mount(client);
      await ready(el);
      expect(el.view).to.equal('invitation');

      network.online = false;
      const birthday: BirthdayRequest = { month: 8, day: 15, calendar: 'chinese-lunar' };
      await fill(el, birthday);
      const button = part<HTMLButtonElement>(el, 'button')!;
      button.focus();
      const savedEvent = oneEvent(el, 'loyalty-birthday-saved') as Promise<LoyaltyBirthdaySavedEvent>;
      button.click();
      const event = await savedEvent;
      expect(event.detail).to.deep.equal({ birthday, queued: true, status: null });

      await showing(el, 'saved-offline');
      expect(text(el, 'title')).to.equal('Saved on this device');
      expect(text(el, 'message')).to.equal('We’ll send it when you’re back online.');
      expect(text(el, 'note')).to.equal(`${s.birthdayLine(s.lunarDate(8, 15))} (农历八月十五)`);
      expect(announced(el)).to.equal(s.queuedTitle);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'base'));
      expect(await client.pendingWrites()).to.equal(1);
      await expect(el).to.be.accessible();

      // "Change" goes back to the form with the entry kept.
      part<HTMLButtonElement>(el, 'secondary-button')!.click();
      await showing(el, 'invitation');
      expect(part<HTMLSelectElement>(el, 'month-select')!.value).to.equal('8');
      expect(part<HTMLSelectElement>(el, 'day-select')!.value).to.equal('15');
      expect(parts<HTMLInputElement>(el, 'radio')[1]!.checked).to.equal(true);
      expect(part<HTMLInputElement>(el, 'checkbox')!.checked).to.equal(true);
      part<HTMLButtonElement>(el, 'button')!.click();
      await showing(el, 'saved-offline');
      expect(await client.pendingWrites()).to.equal(1);

      network.online = true;
      await client.flush();
      await waitUntil(() => el.view === 'outside' || el.view === 'greeting', `still ${el.view}`, { timeout: 10_000 });
      expect(el.summary!.birthday).to.include(birthday);
      expect(await client.pendingWrites()).to.equal(0);
      expect(announced(el)).to.equal(s.saved);
      await expect(el).to.be.accessible();
    });

    it('goes back to the form, entry kept, when a birthday saved offline is refused once sent', async () => {
      const token = await newShopperToken();
      const network = new Network();
      const client = await clientFor(token, { fetch: network.fetch });
      const el = await mount(client);
      await ready(el);
      network.online = false;
      await fill(el, { month: 6, day: 1, calendar: 'gregorian' });
      part<HTMLButtonElement>(el, 'button')!.click();
      await showing(el, 'saved-offline');

      // Meanwhile, on another device that is online, a different birthday was set.
      expect(
        (await (await clientFor(token)).setBirthday({ month: 5, day: 20, calendar: 'gregorian' })).status,
      ).to.equal('sent');
      network.online = true;
      await client.flush();
      await showing(el, 'invitation');
      expect(text(el, 'error')).to.equal(s.changeLimited);
      expect(part<HTMLSelectElement>(el, 'month-select')!.value).to.equal('6');
      expect(part<HTMLSelectElement>(el, 'day-select')!.value).to.equal('1');
      expect(await client.pendingWrites()).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('forgets what one shopper entered when another signs in', async () => {
      const client = await shopperWith(null);
      const el = await mount(client);
      await ready(el);
      await fill(el, { month: 3, day: 3, calendar: 'chinese-lunar' });
      const switched = oneEvent(el, 'loyalty-ready');
      await client.identify(await newShopperToken('Sam Lee'));
      await switched;
      await showing(el, 'invitation');
      expect(part<HTMLSelectElement>(el, 'month-select')!.value).to.equal('');
      expect(parts<HTMLInputElement>(el, 'radio')[0]!.checked).to.equal(true);
      expect(part<HTMLInputElement>(el, 'checkbox')!.checked).to.equal(false);
    });

    it('explains a refusal in plain words and keeps what the shopper entered', async () => {
      const token = await newShopperToken();
      const client = await clientFor(token);
      const el = await mount(client);
      await ready(el);
      // Meanwhile, in another tab: the birthday is set (and may not change for a year).
      const otherTab = await clientFor(token);
      expect((await otherTab.setBirthday({ month: 5, day: 20, calendar: 'gregorian' })).status).to.equal('sent');

      await fill(el, { month: 6, day: 1, calendar: 'gregorian' });
      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => text(el, 'error') !== '', 'the refusal is shown', { timeout: 10_000 });
      expect(text(el, 'error')).to.equal(s.changeLimited);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(el.view).to.equal('invitation');
      expect(part<HTMLSelectElement>(el, 'month-select')!.value).to.equal('6');
      expect(part<HTMLSelectElement>(el, 'day-select')!.value).to.equal('1');
      expect(part<HTMLInputElement>(el, 'checkbox')!.checked).to.equal(true);
      expect(part(el, 'button')!.getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'error') === z.changeLimited, 'the refusal in Chinese');
    });
  });

  describe('inside the birthday window', () => {
    it('greets by name in Chinese and claims in Chinese', async () => {
      const client = await shopperWith(birthdayToday(), '林梅');
      const el = await mount(client, 'zh-CN');
      await ready(el);
      expect(el.view).to.equal('greeting');
      expect(text(el, 'title')).to.equal('林梅，生日快乐！');
      expect(text(el, 'message')).to.equal(z.greetingMessage(reward('zh-CN')));
      expect(text(el, 'button')).to.equal('领取200积分');
      expect(part(el, 'icon')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();

      part<HTMLButtonElement>(el, 'button')!.click();
      await showing(el, 'claimed');
      expect(text(el, 'title')).to.equal('200积分已到账');
      expect(text(el, 'message')).to.equal(z.claimedMessage('林梅'));
    });

    it('claims once on a double click: one ledger entry, the balance up by exactly the reward', async () => {
      const client = await shopperWith(birthdayToday(), 'Lin Mei');
      const before = await client.getSummary();
      expect(before.birthday).to.include({ inWindow: true, claimable: true, claimedThisYear: false });
      const claimedEvents: CustomEvent<BirthdayClaimResult>[] = [];
      const el = await mount(client);
      el.addEventListener('loyalty-birthday-claimed', (event) => claimedEvents.push(event));
      await ready(el);
      expect(el.view).to.equal('greeting');
      expect(text(el, 'title')).to.equal('Happy birthday, Lin Mei!');
      expect(text(el, 'message')).to.equal(s.greetingMessage('200 points'));
      expect(text(el, 'button')).to.equal('Claim your 200 points');

      const button = part<HTMLButtonElement>(el, 'button')!;
      button.focus();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent!.trim()).to.equal(s.claiming);
      button.click();

      await showing(el, 'claimed');
      expect(text(el, 'title')).to.equal('200 points added');
      expect(text(el, 'message')).to.equal(s.claimedMessage('Lin Mei'));
      expect(announced(el)).to.equal(`200 points added. ${s.claimedMessage('Lin Mei')}`);
      expect(el.shadowRoot!.activeElement, 'focus moves to the card').to.equal(part(el, 'base'));
      expect(part(el, 'confetti')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();

      expect(claimedEvents).to.have.length(1);
      expect(claimedEvents[0]!.detail.entry).to.include({ type: 'birthday_bonus', points: REWARD });
      expect(claimedEvents[0]!.bubbles && claimedEvents[0]!.composed).to.equal(true);
      const after = await client.getSummary({ revalidate: true });
      expect(after.points.balance - before.points.balance).to.equal(REWARD);
      expect(after.birthday).to.include({ claimedThisYear: true, claimable: false });
      expect(await birthdayBonuses(client)).to.equal(1);
    });

    it('drops a claim that completes after the shopper signed out: nothing announced, no event', async () => {
      const held = new HeldRequests(
        (request) => request.method === 'POST' && new URL(request.url).pathname.endsWith(paths.birthdayClaim),
      );
      const client = await clientFor(await newShopperToken('Lin Mei', birthdayToday()), { fetch: held.fetch });
      const el = await mount(client);
      await ready(el);
      expect(el.view).to.equal('greeting');
      const claimed: Event[] = [];
      el.addEventListener('loyalty-birthday-claimed', (event) => claimed.push(event));
      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => held.held === 1, 'the claim to be sent');

      await signOutWhileHeld(held, client, el);
      expect(claimed).to.have.length(0);
      expect(announced(el)).to.equal('');
      expect(el.state).to.equal('guest');
    });

    it('shows the claimed state when this year’s reward was already claimed, without a celebration', async () => {
      const client = await shopperWith(birthdayToday(), 'Lin Mei');
      await client.claimBirthdayReward();
      const el = await mount(client);
      await ready(el);
      expect(el.view).to.equal('claimed');
      expect(text(el, 'title')).to.equal('200 points added');
      expect(part(el, 'confetti')).to.equal(null);
      expect(part(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('greets without a claim button when the program has no birthday reward', async () => {
      const token = await newShopperToken('Lin Mei', birthdayToday());
      const client = await clientFor(token, {
        fetch: rewriting({
          program: (program) => ({ ...program, birthday: null }),
          summary: (summary) => ({ ...summary, birthday: { ...summary.birthday!, claimable: false } }),
        }),
      });
      const el = await mount(client);
      await ready(el);
      expect(el.view).to.equal('greeting');
      expect(text(el, 'title')).to.equal('Happy birthday, Lin Mei!');
      expect(text(el, 'message')).to.equal(s.greetingMessageNoReward);
      expect(part(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('follows a claim made by another widget on the page, without a skeleton', async () => {
      const client = await shopperWith(birthdayToday());
      const container = await fixture<HTMLElement>(html`
        <div>
          <loyalty-birthday-greeting .client=${client}></loyalty-birthday-greeting>
          <loyalty-birthday-greeting .client=${client}></loyalty-birthday-greeting>
        </div>
      `);
      const [first, second] = [...container.querySelectorAll('loyalty-birthday-greeting')];
      await Promise.all([ready(first!), ready(second!)]);
      expect(second!.view).to.equal('greeting');
      let skeleton = false;
      const watch = new MutationObserver(() => (skeleton ||= part(second!, 'skeleton') !== null));
      watch.observe(second!.shadowRoot!, { subtree: true, childList: true });

      part<HTMLButtonElement>(first!, 'button')!.click();
      await showing(second!, 'claimed');
      watch.disconnect();
      expect(skeleton).to.equal(false);
      expect(part(second!, 'confetti'), 'only the widget that claimed celebrates').to.equal(null);
      expect(part(first!, 'confetti')).to.not.equal(null);
    });
  });

  describe('a birthday set too recently to pay this time', () => {
    it('says when the first gift comes instead of a claim button, in English and Chinese', async () => {
      const client = await shopperWhoSet(birthdayToday(), 'Lin Mei');
      const el = await mount(client);
      const summary = await ready(el);
      const status = summary.birthday!;
      expect(status).to.include({ inWindow: true, claimable: false, claimedThisYear: false });
      const first = status.firstRewardBirthday!;
      expect(first.slice(0, 4)).to.equal(String(dateIn(PROGRAM_TIME_ZONE).year + 1));
      expect(el.view).to.equal('greeting');
      expect(text(el, 'message')).to.equal(
        `Your first birthday gift comes with your birthday on ${formatIsoDateWithYear(first, 'en')}.`,
      );
      expect(part(el, 'button')).to.equal(null);
      expect(part(el, 'error')).to.equal(null);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      const zhDate = formatIsoDateWithYear(first, 'zh-CN');
      expect(zhDate).to.match(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      await waitUntil(() => text(el, 'message') === `您的首份生日礼将在${zhDate}生日时送达。`, 'the Chinese message');
      expect(text(el, 'title')).to.equal('Lin Mei，生日快乐！');
      await expect(el).to.be.accessible();
    });

    it('formats the first gift’s date with its year, without shifting the day', () => {
      expect(formatIsoDateWithYear('2027-03-15', 'en')).to.equal('March 15, 2027');
      expect(formatIsoDateWithYear('2027-03-15', 'zh-CN')).to.equal('2027年3月15日');
      expect(formatIsoDateWithYear('2028-01-01', 'en')).to.equal('January 1, 2028');
      expect(s.firstGift('15 March 2027')).to.equal(
        'Your first birthday gift comes with your birthday on 15 March 2027.',
      );
      expect(z.firstGift('2027年3月15日')).to.equal('您的首份生日礼将在2027年3月15日生日时送达。');
    });

    it('says it outside the window too, under the next birthday', async () => {
      // Ten days away: the window opens in three days, far less than the 30-day notice.
      const client = await shopperWhoSet(birthdayIn(10));
      const el = await mount(client);
      const summary = await ready(el);
      expect(el.view).to.equal('outside');
      const first = summary.birthday!.firstRewardBirthday!;
      expect(first > summary.birthday!.nextBirthday).to.equal(true);
      expect(texts(el, 'note')).to.include(s.firstGift(formatIsoDateWithYear(first, 'en')));
      await expect(el).to.be.accessible();
    });

    it('answers a refused claim (409 birthday_recently_set) with the same message, not an error', async () => {
      // The page read its summary as if the reward were claimable (an API that predates the notice).
      let summaries = 0;
      const client = await clientFor(await newShopperToken('Lin Mei'), {
        fetch: rewriting({
          summary: (summary) =>
            summaries++ === 0 && summary.birthday
              ? { ...summary, birthday: { ...summary.birthday, claimable: true, firstRewardBirthday: null } }
              : summary,
        }),
      });
      expect((await client.setBirthday(birthdayToday())).status).to.equal('sent');
      const el = await mount(client);
      await ready(el);
      expect(el.view).to.equal('greeting');
      const button = part<HTMLButtonElement>(el, 'button')!;
      expect(text(el, 'button')).to.equal('Claim your 200 points');
      button.focus();
      button.click();

      await waitUntil(() => part(el, 'button') === null, 'the claim button gives way', { timeout: 10_000 });
      await el.updateComplete;
      const first = el.summary!.birthday!.firstRewardBirthday!;
      const firstGift = s.firstGift(formatIsoDateWithYear(first, 'en'));
      expect(text(el, 'message')).to.equal(firstGift);
      expect(part(el, 'error'), 'no error shown').to.equal(null);
      expect(announced(el)).to.equal(firstGift);
      expect(el.shadowRoot!.activeElement, 'focus is not lost').to.equal(part(el, 'base'));
      expect(await birthdayBonuses(client)).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('outside the birthday window', () => {
    it('says when the next (lunar) birthday is, in English and Chinese, from the API’s date', async () => {
      const birthday = lunarBirthdayFarAway();
      const el = await mount(await shopperWith(birthday));
      const summary = await ready(el);
      const status = summary.birthday!;
      expect(status).to.include({ ...birthday, inWindow: false, firstRewardBirthday: null });
      expect(el.view).to.equal('outside');
      const date = new Intl.DateTimeFormat('en', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${status.nextBirthday}T00:00:00Z`),
      );
      expect(text(el, 'title')).to.equal(`See you on your birthday — ${date}`);
      const lunarName = chineseLunarDate(birthday.month, 15);
      expect(lunarName).to.match(/^农历.+十五$/);
      expect(text(el, 'note')).to.equal(
        `That’s your lunar birthday: ${s.lunarDate(birthday.month, 15)}. (${lunarName})`,
      );
      expect(part(el, 'note')!.querySelector('[lang="zh-CN"]')!.textContent).to.equal(lunarName);
      expect(part(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      const zhDate = formatIsoDate(status.nextBirthday, 'zh-CN');
      await waitUntil(() => text(el, 'title') === `${zhDate}，生日见！`, 'the Chinese title');
      expect(zhDate).to.match(/^\d{1,2}月\d{1,2}日$/);
      expect(text(el, 'note')).to.equal(`即${lunarName}。`);
      await expect(el).to.be.accessible();
    });

    it('celebrates 29 February on the date the API gives (28 February in a common year)', async () => {
      const client = await shopperWith({ month: 2, day: 29, calendar: 'gregorian' });
      const el = await mount(client);
      const summary = await ready(el);
      const next = summary.birthday!.nextBirthday;
      const year = Number(next.slice(0, 4));
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      expect(next).to.equal(`${year}-02-${leap ? 29 : 28}`);
      if (summary.birthday!.inWindow) return; // within a week of it: the greeting, tested above
      expect(text(el, 'title')).to.equal(`See you on your birthday — February ${leap ? 29 : 28}`);
      expect(texts(el, 'note').includes(s.leapDayNote)).to.equal(!leap);
    });

    it('formats the API’s plain dates without shifting the day, whatever the time zone', () => {
      expect(formatIsoDate('2027-01-01', 'en')).to.equal('January 1');
      expect(formatIsoDate('2026-12-31', 'en')).to.equal('December 31');
      expect(formatIsoDate('2028-02-29', 'en')).to.equal('February 29');
      expect(formatIsoDate('2027-09-15', 'zh-CN')).to.equal('9月15日');
      expect(chineseLunarDate(1, 1)).to.equal('农历正月初一');
      expect(chineseLunarDate(12, 30)).to.equal('农历腊月三十');
      expect(chineseLunarDate(8, 15)).to.equal('农历八月十五');
    });

    it('shows a date the API computed in another time zone as it is (New Year’s Day stays 1 January)', async () => {
      const client = await clientFor((await demoToken('demo-gold')).token, {
        fetch: rewriting({
          summary: (summary) => ({
            ...summary,
            customer: { ...summary.customer, timezone: 'Pacific/Kiritimati' },
            birthday: { ...summary.birthday!, month: 1, day: 1, inWindow: false, nextBirthday: '2027-01-01' },
          }),
        }),
      });
      const el = await mount(client);
      await ready(el);
      expect(text(el, 'title')).to.equal('See you on your birthday — January 1');
    });

    it('shows nothing and takes no room with outside-window="hidden", and follows the attribute', async () => {
      const el = await fixture<LoyaltyBirthdayGreeting>(
        html`<loyalty-birthday-greeting
          outside-window="hidden"
          .client=${await shopperWith(birthdayFarAway())}
        ></loyalty-birthday-greeting>`,
      );
      await ready(el);
      expect(el.view).to.equal('hidden');
      expect(el.hidden).to.equal(true);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(part(el, 'base')).to.equal(null);

      el.setAttribute('outside-window', 'shown');
      await el.updateComplete;
      expect(el.view).to.equal('outside');
      expect(el.hidden).to.equal(false);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(40);

      el.outsideWindow = 'hidden';
      await el.updateComplete;
      expect(el.hidden).to.equal(true);
    });

    it('still shows the greeting inside the window with outside-window="hidden"', async () => {
      const el = await fixture<LoyaltyBirthdayGreeting>(
        html`<loyalty-birthday-greeting
          outside-window="hidden"
          .client=${await shopperWith(birthdayToday())}
        ></loyalty-birthday-greeting>`,
      );
      await ready(el);
      expect(el.view).to.equal('greeting');
      expect(el.hidden).to.equal(false);
    });
  });

  describe('headings', () => {
    /** The title's heading level and text, and how many headings the card has. */
    function heading(el: LoyaltyBirthdayGreeting) {
      const headings = el.shadowRoot!.querySelectorAll('[role="heading"]');
      const title = part(el, 'title')!;
      return { count: headings.length, level: title.getAttribute('aria-level'), isTitle: headings[0] === title };
    }

    it('makes the invitation’s title a heading, level 2 by default and heading-level="3" when set', async () => {
      const el = await mount(await shopperWith(null));
      await ready(el);
      expect(heading(el)).to.deep.equal({ count: 1, level: '2', isTitle: true });
      el.setAttribute('heading-level', '3');
      await el.updateComplete;
      expect(heading(el)).to.deep.equal({ count: 1, level: '3', isTitle: true });
      await expect(el).to.be.accessible();
    });

    it('makes the greeting, claimed, outside and saved-on-device titles headings at heading-level="3"', async () => {
      const mountAt3 = async (client: LoyaltyClient) =>
        fixture<LoyaltyBirthdayGreeting>(
          html`<loyalty-birthday-greeting lang="en" heading-level="3" .client=${client}></loyalty-birthday-greeting>`,
        );

      const greeting = await mountAt3(await shopperWith(birthdayToday()));
      await showing(greeting, 'greeting');
      expect(heading(greeting)).to.deep.equal({ count: 1, level: '3', isTitle: true });
      part<HTMLButtonElement>(greeting, 'button')!.click();
      await showing(greeting, 'claimed');
      expect(heading(greeting)).to.deep.equal({ count: 1, level: '3', isTitle: true });

      const outside = await mountAt3(await shopperWith(birthdayFarAway()));
      await showing(outside, 'outside');
      expect(heading(outside)).to.deep.equal({ count: 1, level: '3', isTitle: true });

      const network = new Network();
      const offline = await mountAt3(await clientFor(await newShopperToken('Sam Offline'), { fetch: network.fetch }));
      await showing(offline, 'invitation');
      network.online = false;
      await fill(offline, { month: 3, day: 9, calendar: 'gregorian' });
      part<HTMLButtonElement>(offline, 'button')!.click();
      await showing(offline, 'saved-offline');
      expect(heading(offline)).to.deep.equal({ count: 1, level: '3', isTitle: true });
    });
  });

  describe('guest and errors', () => {
    // With a join pitch on the page, a guest sees this widget's compact line.
    usePagePitch();

    it('asks a guest to sign in: a link with sign-in-url, else a button firing loyalty-sign-in-requested', async () => {
      const el = await fixture<LoyaltyBirthdayGreeting>(
        html`<loyalty-birthday-greeting
          sign-in-url="/account/sign-in"
          .client=${await apiClient()}
        ></loyalty-birthday-greeting>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(s.guestMessage);
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
      await expect(el).to.be.accessible();

      el.signInUrl = undefined;
      el.lang = 'zh-CN';
      await el.updateComplete;
      await waitUntil(() => text(el, 'button') === zhCN.signIn, 'a localized sign-in button');
      setTimeout(() => part<HTMLButtonElement>(el, 'button')!.click());
      const event = await oneEvent(el, 'loyalty-sign-in-requested');
      expect(event.bubbles && event.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('says the network failed, with a retry, in both languages', async () => {
      const client = await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token });
      const el = await mount(client);
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(event.detail.code).to.equal('network');
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'button')).to.equal(en.retry);
      await expect(el).to.be.accessible();
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === zhCN.errorNetwork, 'the Chinese message');
      expect(text(el, 'button')).to.equal(zhCN.retry);
    });

    it('recovers with the retry button when the page was briefly offline', async () => {
      const network = new Network();
      network.online = false;
      const client = await clientFor(await newShopperToken(), { fetch: network.fetch });
      const el = await mount(client);
      await settled(el);
      expect(el.state).to.equal('error');
      network.online = true;
      part<HTMLButtonElement>(el, 'button')!.focus();
      part<HTMLButtonElement>(el, 'button')!.click();
      await ready(el);
      expect(el.view).to.equal('invitation');
      expect(el.shadowRoot!.activeElement, 'focus is not lost').to.not.equal(null);
    });

    it('shows a clear error when no client is configured', async () => {
      const el = await mount(undefined);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNoClient);
      expect(part(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the calendar radios, the pickers, the consent and Save; arrows, Space and Enter do the rest', async () => {
      const client = await shopperWith(null);
      const el = await mount(client);
      await ready(el);
      (document.activeElement as HTMLElement | null)?.blur();
      const active = () => el.shadowRoot!.activeElement;
      const [gregorian, lunar] = parts<HTMLInputElement>(el, 'radio');

      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal(gregorian);
      expect(getComputedStyle(gregorian!).outlineStyle).to.not.equal('none');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(active()).to.equal(lunar);
      expect(lunar!.checked).to.equal(true);
      expect(options(part(el, 'month-select'))[1]).to.equal('1st month');

      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal(part(el, 'month-select'));
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(part<HTMLSelectElement>(el, 'month-select')!.value).to.equal('1');

      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal(part(el, 'day-select'));
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(part<HTMLSelectElement>(el, 'day-select')!.value).to.equal('1');

      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal(part(el, 'checkbox'));
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(part<HTMLInputElement>(el, 'checkbox')!.checked).to.equal(true);

      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal(part(el, 'button'));
      expect(text(el, 'button')).to.equal(s.save);
      const saved = oneEvent(el, 'loyalty-birthday-saved') as Promise<LoyaltyBirthdaySavedEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await saved).detail.birthday).to.deep.equal({ month: 1, day: 1, calendar: 'chinese-lunar' });
      await waitUntil(() => el.view !== 'invitation', 'the status after saving', { timeout: 10_000 });
      await el.updateComplete;
      // 农历正月初一 (Chinese New Year) is weeks away at the earliest: the quiet state, focus on the card.
      if (el.view === 'outside') {
        expect(text(el, 'note')).to.contain('农历正月初一');
        expect(active()).to.equal(part(el, 'base'));
      }
    });

    it('claims with the keyboard (Space), and focus lands on the result', async () => {
      const el = await mount(await shopperWith(birthdayToday()));
      await ready(el);
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
      await sendKeys({ press: 'Space' });
      await showing(el, 'claimed');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'base'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'nothing left to tab to in the card').to.equal(null);
    });

    it('claims with Enter', async () => {
      const el = await mount(await shopperWith(birthdayToday()));
      await ready(el);
      part<HTMLButtonElement>(el, 'button')!.focus();
      await sendKeys({ press: 'Enter' });
      await showing(el, 'claimed');
    });
  });

  describe('theming and motion', () => {
    it('switches the celebration off under prefers-reduced-motion', async () => {
      const el = await mount(await shopperWith(birthdayToday()));
      await ready(el);
      part<HTMLButtonElement>(el, 'button')!.click();
      await showing(el, 'claimed');
      const confetti = part(el, 'confetti')!;
      const piece = confetti.querySelector('.piece')!;
      expect(getComputedStyle(confetti).display).to.not.equal('none');
      expect(getComputedStyle(piece).animationName).to.equal('loyalty-confetti');

      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(confetti).display).to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('has dark defaults and takes --loyalty-birthday-greeting-* hooks', async () => {
      const el = await mount(await shopperWith(birthdayFarAway()));
      await ready(el);
      const base = part(el, 'base')!;
      const light = getComputedStyle(base).backgroundColor;
      el.colorScheme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.not.equal(light);
      await expect(el).to.be.accessible();

      el.style.setProperty('--loyalty-birthday-greeting-background', 'rgb(10, 20, 30)');
      el.style.setProperty('--loyalty-birthday-greeting-title-color', 'rgb(200, 0, 90)');
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(part(el, 'title')!).color).to.equal('rgb(200, 0, 90)');
    });

    it('lays out right to left', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div dir="rtl" style="inline-size: 420px">
          <loyalty-birthday-greeting .client=${await shopperWith(birthdayToday())}></loyalty-birthday-greeting>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-birthday-greeting')!;
      await ready(el);
      const base = part(el, 'base')!.getBoundingClientRect();
      const button = part(el, 'button')!.getBoundingClientRect();
      expect(getComputedStyle(part(el, 'title')!).direction).to.equal('rtl');
      expect(base.right - button.right, 'the button starts at the right').to.be.below(40);
      expect(button.left - base.left).to.be.above(40);
      await expect(el).to.be.accessible();
    });
  });

  describe('registration', () => {
    it('is defined once, harmlessly twice, and exported', async () => {
      expect(customElements.get('loyalty-birthday-greeting')).to.equal(LoyaltyBirthdayGreeting);
      expect(() => LoyaltyBirthdayGreeting.define()).to.not.throw();
      const exported = await import('../index.ts');
      expect(exported.LoyaltyBirthdayGreeting).to.equal(LoyaltyBirthdayGreeting);
    });
  });
});
