import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { MemoryOutboxStorage, type LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-satisfaction-survey.ts';
import type { LoyaltySatisfactionSurvey } from './satisfaction-survey.ts';
import { apiClient, newShopper } from '../test-support/api.ts';

/** One round trip: what it asked, when it started and when its answer was in (performance.now()). */
interface Exchange {
  name: string;
  start: number;
  end: number;
}

/**
 * The most exchanges that ran one after another: B follows A when B started after A's answer was in.
 * Exchanges that overlap run side by side and add nothing.
 */
function longestChain(exchanges: Exchange[]): string[] {
  const ordered = [...exchanges].sort((a, b) => a.start - b.start);
  const chains: string[][] = [];
  for (const [index, exchange] of ordered.entries()) {
    const before = ordered
      .slice(0, index)
      .map((earlier, at) => ({ earlier, chain: chains[at]! }))
      .filter(({ earlier }) => earlier.end <= exchange.start);
    const longest = before.reduce<string[]>((best, { chain }) => (chain.length > best.length ? chain : best), []);
    chains.push([...longest, exchange.name]);
  }
  return chains.reduce<string[]>((best, chain) => (chain.length > best.length ? chain : best), []);
}

/**
 * A signed-out page's client for a new shopper: the token comes from the merchant's backend (here the test
 * server, which signs it) when the client first needs it; every exchange is timed, the token's included.
 */
async function timedShopperClient(exchanges: Exchange[]): Promise<LoyaltyClient> {
  const { customerId } = await newShopper({ name: 'Round trips' });
  const timed = async <T>(name: string, exchange: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await exchange();
    } finally {
      exchanges.push({ name, start, end: performance.now() });
    }
  };
  return apiClient({
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
    getCustomerToken: () =>
      timed('token', () =>
        executeServerCommand<string, { customerId: string }>('loyalty-customer-token', { customerId }),
      ),
    fetch: (input, init) => {
      const request = new Request(input, init);
      return timed(`${request.method} ${new URL(request.url).pathname}`, () => fetch(request));
    },
  });
}

describe('loyalty-satisfaction-survey round trips', () => {
  it('shows a due survey after at most two round trips one after another, the token included', async () => {
    const exchanges: Exchange[] = [];
    const client = await timedShopperClient(exchanges);
    const el = await fixture<LoyaltySatisfactionSurvey>(
      html`<loyalty-satisfaction-survey
        trigger="post_purchase"
        lang="en"
        .client=${client}
      ></loyalty-satisfaction-survey>`,
    );
    await waitUntil(() => el.view === 'survey', `expected the survey, saw ${el.view}`, { timeout: 10_000 });
    await el.updateComplete;
    expect(el.renderRoot.querySelector('[part~="question"]'), 'the first question is on screen').to.not.equal(null);
    const shownAt = performance.now();
    client.close();

    const beforeShown = exchanges.filter((exchange) => exchange.start < shownAt);
    expect(beforeShown.map((exchange) => exchange.name)).to.include('token');
    const chain = longestChain(beforeShown);
    expect(chain.length, `one after another: ${chain.join(' → ')}`).to.be.at.most(2);
  });

  it('counts requests that wait for one another as a chain', () => {
    const chain = longestChain([
      { name: 'token', start: 0, end: 10 },
      { name: 'summary', start: 11, end: 20 },
      { name: 'program', start: 12, end: 18 },
      { name: 'survey', start: 21, end: 30 },
    ]);
    expect(chain).to.deep.equal(['token', 'summary', 'survey']);
  });
});
