// What bench/size bundles: the kit's entries (each with its budget) and the peers a merchant would use instead.
import { createRequire } from 'node:module';
import { WIDGET_TAGS, type WidgetTag } from '../../packages/embed/src/widget-tags.ts';
import type { PageEntry } from './pages.ts';

/** Where a package the kit depends on resolves from the package that depends on it. */
const resolvedFrom = (pkg: string, dependency: string) =>
  createRequire(new URL(`../../packages/${pkg}/package.json`, import.meta.url)).resolve(dependency);

/** A page with one widget: the widget, the SDK client it talks through, and Lit. */
const singleWidget = (className: string) => `
  import { createLoyaltyClient } from '@loyalty-elements/sdk';
  import { ${className}, setSharedClient } from '@loyalty-elements/components';
  ${className}.define();
  setSharedClient(createLoyaltyClient({ apiBase: location.origin, publishableKey: 'pk_size' }));
`;

/** A React page with the balance, importing its wrapper from `from`; React itself is the site's and not counted. */
const reactBalance = (from: string) => `
  import { createLoyaltyClient } from '@loyalty-elements/sdk';
  import { setSharedClient } from '@loyalty-elements/components';
  import { LoyaltyPointsBalance } from '${from}';
  setSharedClient(createLoyaltyClient({ apiBase: location.origin, publishableKey: 'pk_size' }));
  globalThis.Balance = LoyaltyPointsBalance;
`;

const KB = 1024;

export interface SizeEntry {
  name: string;
  /** The module esbuild bundles, resolved from bench/size. */
  contents?: string;
  /** Or the drop-in's built CDN files a page with these widgets downloads (cdn.ts). */
  dropInWidgets?: readonly WidgetTag[];
  /** With `dropInWidgets`: only the files a page with these widgets already has are left out (what one more costs). */
  besideWidgets?: readonly WidgetTag[];
  /** Or one built file of the drop-in, in packages/embed/dist. */
  dropInFile?: string;
  /**
   * Brotli bytes `pnpm test` (the `size` suite) refuses to exceed: today's figure and a little room, so growth
   * is a decision someone makes in a commit rather than drift.
   */
  budget?: number;
  /** Where the project wants this bundle to be (the performance issue's budgets); printed, not enforced. */
  target?: number;
  /** Packages the site brings itself, left out of the bundle (React for the React wrappers). */
  external?: string[];
  /** The entry this one must cost the same as, within `SAME_COST_MARGIN` (enforced with the budgets). */
  sameCostAs?: string;
}

/** How far apart two entries that should cost the same may be. */
export const SAME_COST_MARGIN = 0.5 * KB;

/** The shopper widgets the performance issue's page budgets are set for. */
const FIVE_WIDGETS: readonly WidgetTag[] = [
  'loyalty-points-balance',
  'loyalty-tier-progress',
  'loyalty-birthday-greeting',
  'loyalty-satisfaction-survey',
  'loyalty-rewards',
];

/** What one more widget costs a drop-in page that shows the balance already: the files it adds. */
const besideBalance = (tag: WidgetTag, name: string, budget: number): SizeEntry => ({
  name: `drop-in: ${name} beside the balance`,
  dropInWidgets: ['loyalty-points-balance', tag],
  besideWidgets: ['loyalty-points-balance'],
  budget,
  target: 6 * KB,
});

export const KIT_ENTRIES: SizeEntry[] = [
  {
    name: 'drop-in: every widget',
    dropInWidgets: WIDGET_TAGS,
    budget: 80.1 * KB,
  },
  {
    name: 'drop-in: the five shopper widgets',
    dropInWidgets: FIVE_WIDGETS,
    budget: 69.2 * KB,
    target: 45 * KB,
  },
  {
    name: 'drop-in: a page with the balance',
    dropInWidgets: ['loyalty-points-balance'],
    budget: 39.4 * KB,
    target: 26 * KB,
  },
  besideBalance('loyalty-tier-progress', 'tier progress', 5.8 * KB),
  besideBalance('loyalty-birthday-greeting', 'birthday greeting', 7.9 * KB),
  besideBalance('loyalty-satisfaction-survey', 'satisfaction survey', 9.3 * KB),
  besideBalance('loyalty-rewards', 'rewards', 8.6 * KB),
  {
    name: 'drop-in: loyalty-elements.all.js, every widget in one file',
    dropInFile: 'loyalty-elements.all.js',
    budget: 64.4 * KB,
  },
  { name: 'npm: every widget', contents: `import '@loyalty-elements/embed';`, budget: 67.5 * KB },
  { name: 'points balance alone', contents: singleWidget('LoyaltyPointsBalance'), budget: 38.8 * KB, target: 24 * KB },
  { name: 'tier progress alone', contents: singleWidget('LoyaltyTierProgress'), budget: 41.6 * KB },
  {
    name: 'birthday greeting alone',
    contents: singleWidget('LoyaltyBirthdayGreeting'),
    budget: 44.1 * KB,
  },
  {
    name: 'satisfaction survey alone',
    contents: singleWidget('LoyaltySatisfactionSurvey'),
    budget: 44.5 * KB,
  },
  { name: 'rewards alone', contents: singleWidget('LoyaltyRewards'), budget: 43.9 * KB },
  {
    name: 'points history alone',
    contents: singleWidget('LoyaltyPointsHistory'),
    budget: 41.2 * KB,
  },
  {
    name: 'ways to earn alone',
    contents: singleWidget('LoyaltyWaysToEarn'),
    budget: 38.0 * KB,
  },
  {
    name: 'join pitch alone',
    contents: singleWidget('LoyaltyJoinPitch'),
    budget: 37.7 * KB,
  },
  {
    name: 'panel with its six widgets',
    contents: singleWidget('LoyaltyPanel'),
    budget: 54.3 * KB,
  },
  {
    name: 'referral alone',
    contents: singleWidget('LoyaltyReferral'),
    budget: 38.8 * KB,
  },
  {
    name: 'React: balance from @loyalty-elements/react/points-balance',
    contents: reactBalance('@loyalty-elements/react/points-balance'),
    external: ['react'],
    budget: 39.3 * KB,
  },
  {
    name: 'React: balance from @loyalty-elements/react',
    contents: reactBalance('@loyalty-elements/react'),
    external: ['react'],
    budget: 39.3 * KB,
    sameCostAs: 'React: balance from @loyalty-elements/react/points-balance',
  },
  {
    name: 'SDK alone',
    contents: `import { createLoyaltyClient } from '@loyalty-elements/sdk'; globalThis.client = createLoyaltyClient;`,
    budget: 23.8 * KB,
  },
];

export const PEER_ENTRIES: SizeEntry[] = [
  {
    name: 'SurveyJS: one NPS question, CSS',
    contents: `
      import 'survey-core/survey-core.css';
      import { Model } from 'survey-core';
      import { renderSurvey } from 'survey-js-ui';
      const model = new Model({
        elements: [{ type: 'rating', name: 'nps', title: 'How likely are you to recommend us?', rateMin: 0, rateMax: 10 }],
      });
      renderSurvey(model, document.body);
    `,
  },
  {
    name: 'Shoelace: rating, progress bar',
    contents: `
      import '@shoelace-style/shoelace/dist/components/rating/rating.js';
      import '@shoelace-style/shoelace/dist/components/progress-bar/progress-bar.js';
    `,
  },
  {
    name: '@voucherify/sdk: client side',
    contents: `import { VoucherifyClientSide } from '@voucherify/sdk'; globalThis.client = VoucherifyClientSide;`,
  },
  {
    name: 'Lit alone (the floor)',
    contents: `import { LitElement, html, css } from 'lit'; globalThis.lit = [LitElement, html, css];`,
  },
  {
    // What any page of the kit carries before its own code: the libraries a one-widget page cannot do without.
    name: 'Lit, ky and zod with the summary schema',
    contents: `
      import { LitElement, html, css } from 'lit';
      import ky from ${JSON.stringify(resolvedFrom('sdk', 'ky'))};
      import { Summary } from '@loyalty-elements/contract';
      globalThis.floor = [LitElement, html, css, ky, Summary];
    `,
  },
];

/**
 * Real pages in Chromium (pages.ts): what a signed-in shopper's page fetches until its widgets show their data, for
 * the drop-in and for a merchant's code-split bundle of the npm packages. The static rows above must agree with them.
 */
export const PAGE_ENTRIES: PageEntry[] = [
  {
    name: 'in Chromium: drop-in page with the balance',
    widgets: ['loyalty-points-balance'],
    build: 'drop-in',
    budget: 39.4 * KB,
    target: 26 * KB,
  },
  {
    name: 'in Chromium: drop-in page with the five shopper widgets',
    widgets: FIVE_WIDGETS,
    build: 'drop-in',
    budget: 69.2 * KB,
    target: 45 * KB,
  },
  {
    name: 'in Chromium: npm page with the balance',
    widgets: ['loyalty-points-balance'],
    build: 'npm',
    budget: 38.7 * KB,
    target: 24 * KB,
  },
  {
    name: 'in Chromium: npm page with the five shopper widgets',
    widgets: FIVE_WIDGETS,
    build: 'npm',
    budget: 61.5 * KB,
  },
];
