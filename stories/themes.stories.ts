import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LoyaltySatisfactionSurvey, tokenNames } from '@loyalty-elements/components';
import { themeCss, themeNames, themeProperties, themes, type ThemeName } from './themes/themes.ts';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { widgetsSettled } from './support/widgets.ts';

// Every theme of the toolbar's picker side by side, light and dark, with every widget: the balance
// in the states that use every colour pair (brand on surface, muted text, the tier badge; a guest's
// link; an error's button, text on brand), then each other widget ready.

type Scheme = 'light' | 'dark';

const widgets = (scheme: Scheme) => html`
  <loyalty-points-balance .client=${clientFor('lin-mei')} color-scheme=${scheme}></loyalty-points-balance>
  <loyalty-points-balance
    .client=${clientFor('guest')}
    sign-in-url="/account/sign-in"
    color-scheme=${scheme}
  ></loyalty-points-balance>
  <loyalty-points-balance .client=${clientFor('network-error')} color-scheme=${scheme}></loyalty-points-balance>
  <loyalty-tier-progress .client=${clientFor('gold-at-risk')} color-scheme=${scheme}></loyalty-tier-progress>
  <loyalty-birthday-greeting .client=${clientFor('birthday-today')} color-scheme=${scheme}></loyalty-birthday-greeting>
  <loyalty-satisfaction-survey
    .client=${clientFor('survey-csat')}
    trigger="account_page"
    color-scheme=${scheme}
  ></loyalty-satisfaction-survey>
  <loyalty-rewards .client=${clientFor('rewards')} color-scheme=${scheme}></loyalty-rewards>
  <loyalty-points-history .client=${clientFor('history')} page-size="3" color-scheme=${scheme}></loyalty-points-history>
  <loyalty-ways-to-earn .client=${clientFor('alex-chen')} color-scheme=${scheme}></loyalty-ways-to-earn>
  <loyalty-referral .client=${clientFor('lin-mei')} color-scheme=${scheme}></loyalty-referral>
  <loyalty-join-pitch .client=${clientFor('guest')} join-url="/join" color-scheme=${scheme}></loyalty-join-pitch>
  <loyalty-panel .client=${clientFor('lin-mei')} color-scheme=${scheme}></loyalty-panel>
`;

/** A theme's tokens, with every other token reset so the toolbar's theme does not leak in. */
const isolated = (name: ThemeName, scheme: Scheme) => ({
  ...Object.fromEntries(tokenNames.map((token) => [token, 'initial'])),
  ...themeProperties(name, scheme),
});

const themeRow = (name: ThemeName) => html`
  <section class="theme" aria-labelledby="theme-${name}">
    <h2 id="theme-${name}">${themes[name].title}</h2>
    <p>${themes[name].description}</p>
    <div class="theme__schemes">
      ${(['light', 'dark'] as const).map(
        (scheme) => html`
          <div class="theme__scheme" data-scheme=${scheme} style=${styleMap(isolated(name, scheme))}>
            ${widgets(scheme)}
          </div>
        `,
      )}
    </div>
    <details>
      <summary>The CSS a merchant writes for “${themes[name].title}”</summary>
      <pre><code>${themeCss(name)}</code></pre>
    </details>
  </section>
`;

const meta = {
  title: 'Design system/Themes',
  parameters: {
    stage: 'wide',
    // The same survey, a region named by its title, stands in every theme and scheme on purpose.
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
    docs: {
      description: {
        component: 'Merchant-like themes made only of `--loyalty-*` tokens (`stories/themes/themes.ts`).',
      },
    },
  },
  // Afresh, whatever another story answered, claimed or redeemed (the fake API remembers it).
  loaders: [
    () => {
      LoyaltySatisfactionSurvey.forgetFinishedSurveys();
      for (const scenario of ['birthday-today', 'survey-csat', 'rewards', 'history'] as const) resetScenario(scenario);
    },
  ],
  // Eighty widgets load at once here: give them longer than a one-widget story.
  play: ({ canvasElement }) => widgetsSettled(canvasElement, undefined, 20_000),
} satisfies Meta;

export default meta;

export const Gallery: StoryObj = {
  render: () => html`
    <style>
      .theme {
        margin-block-end: 2rem;
      }
      .theme h2 {
        margin: 0 0 0.25rem;
        font-size: 1.25rem;
      }
      .theme p {
        margin: 0 0 0.75rem;
      }
      .theme__schemes {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 1rem;
      }
      .theme__scheme {
        display: grid;
        gap: 0.75rem;
        padding: 1rem;
        border-radius: 0.5rem;
        background: #f4f5f8;
        color: #1b1f27;
      }
      .theme__scheme[data-scheme='dark'] {
        background: #0b0d12;
        color: #eef1f6;
      }
      .theme pre {
        white-space: pre-wrap;
        font-size: 0.8125rem;
      }
      .theme summary {
        cursor: pointer;
        margin-block-start: 0.75rem;
      }
    </style>
    ${themeNames.map(themeRow)}
  `,
};
