import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CustomerProfile } from '@loyalty-elements/contract';
import { MemoryOutboxStorage, type LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-satisfaction-survey.ts';
import { LoyaltySatisfactionSurvey } from './satisfaction-survey.ts';
import { satisfactionSurveyStrings } from './satisfaction-survey.strings.ts';
import { apiClient, newShopper } from '../test-support/api.ts';

// The exit survey (`program_exit`) lets the shopper end their membership with their answer, and only when they
// tick it: in real Chromium against the real API.

const en = satisfactionSurveyStrings.en;
const zh = satisfactionSurveyStrings['zh-CN'];

function part<T extends Element = HTMLElement>(el: LoyaltySatisfactionSurvey, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function text(node: Element | null): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function showing(el: LoyaltySatisfactionSurvey, view: LoyaltySatisfactionSurvey['view']): Promise<void> {
  await waitUntil(() => el.view === view, `expected the ${view} view, saw ${el.view}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function leavingShopper(): Promise<{ customerId: string; client: LoyaltyClient }> {
  const { customerId, token } = await newShopper({ name: 'Leaving shopper' });
  const client = await apiClient({
    customerToken: token,
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
  });
  return { customerId, client };
}

function profileOf(customerId: string): Promise<CustomerProfile> {
  return executeServerCommand<CustomerProfile, { customerId: string }>('loyalty-customer-profile', { customerId });
}

async function exitSurvey(client: LoyaltyClient, lang = 'en'): Promise<LoyaltySatisfactionSurvey> {
  const el = await fixture<LoyaltySatisfactionSurvey>(
    html`<loyalty-satisfaction-survey
      lang=${lang}
      trigger="program_exit"
      .client=${client}
    ></loyalty-satisfaction-survey>`,
  );
  await showing(el, 'survey');
  return el;
}

async function chooseAndSubmit(el: LoyaltySatisfactionSurvey, option: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[type="radio"][name="reason"][value="${option}"]`)!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await showing(el, 'thanks');
}

describe('<loyalty-satisfaction-survey> exit survey', () => {
  afterEach(() => LoyaltySatisfactionSurvey.forgetFinishedSurveys());

  it('offers "End my membership", unticked, before Submit; ticked, the membership ends and the thanks say so', async () => {
    const { customerId, client } = await leavingShopper();
    const el = await exitSurvey(client);
    const choice = part(el, 'end-membership');
    expect(text(choice)).to.equal(en.endMembership);
    const checkbox = choice!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox.checked).to.equal(false);
    await expect(el).to.be.accessible();

    checkbox.click();
    await chooseAndSubmit(el, 'moved');
    expect(text(part(el, 'membership'))).to.equal(en.membershipEnded);
    const { customer } = await profileOf(customerId);
    expect([customer.status, customer.endReason]).to.deep.equal(['ended', 'market']);
  });

  it('left unticked, the answer is saved and the membership runs on', async () => {
    const { customerId, client } = await leavingShopper();
    const el = await exitSurvey(client);
    await chooseAndSubmit(el, 'price');
    expect(part(el, 'membership')).to.equal(null);
    expect((await profileOf(customerId)).customer.status).to.equal('active');
  });

  it('speaks Simplified Chinese', async () => {
    const { customerId, client } = await leavingShopper();
    const el = await exitSurvey(client, 'zh-CN');
    expect(text(part(el, 'end-membership'))).to.equal(zh.endMembership);
    part(el, 'end-membership')!.querySelector<HTMLInputElement>('input')!.click();
    await chooseAndSubmit(el, 'service');
    expect(text(part(el, 'membership'))).to.equal(zh.membershipEnded);
    expect((await profileOf(customerId)).customer.endReason).to.equal('service');
  });

  it('is not offered on other surveys', async () => {
    const { client } = await leavingShopper();
    const el = await fixture<LoyaltySatisfactionSurvey>(
      html`<loyalty-satisfaction-survey trigger="post_purchase" .client=${client}></loyalty-satisfaction-survey>`,
    );
    await showing(el, 'survey');
    expect(part(el, 'end-membership')).to.equal(null);
  });
});
