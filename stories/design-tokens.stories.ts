import { html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import * as components from '@loyalty-elements/components';
import { darkTokens, lightTokens, tokenDescriptions, type LoyaltyToken } from '@loyalty-elements/components';
import { themeProperties, themes, themeNames, type ThemeName } from './themes/themes.ts';

// The token list, defaults and descriptions all come from packages/components/src/themes/tokens.ts:
// this page only lays them out.

type Scheme = 'light' | 'dark';
const tokens = Object.keys(lightTokens) as LoyaltyToken[];
const PRIVATE_REFERENCE = /var\(--_([a-z0-9-]+)\)/g;

const defaultOf = (token: LoyaltyToken, scheme: Scheme): string =>
  (scheme === 'dark' ? darkTokens[token] : undefined) ?? lightTokens[token];

/** A value with references to other tokens (`var(--_color-primary)`) replaced by their values. */
function resolve(value: string, lookup: (token: LoyaltyToken) => string, depth = 0): string {
  if (depth > 5) return value;
  return value.replace(PRIVATE_REFERENCE, (_, token: LoyaltyToken) => resolve(lookup(token), lookup, depth + 1));
}

/** `var(--_color-primary)` reads better as "= --loyalty-color-primary". */
const shown = (value: string) =>
  value.replace(PRIVATE_REFERENCE, '--loyalty-$1').replace(/^--loyalty-/, '= --loyalty-');

const cssTexts = (styles: CSSResultGroup | undefined): string[] =>
  Array.isArray(styles)
    ? styles.flatMap((entry) => cssTexts(entry as CSSResultGroup))
    : styles && styles !== components.tokenStyles && 'cssText' in styles
      ? [styles.cssText]
      : [];

/** The elements (exported by the components package) whose stylesheets read each token. */
function readers(): Map<LoyaltyToken, string[]> {
  const found = new Map<LoyaltyToken, string[]>(tokens.map((token) => [token, []]));
  for (const value of Object.values(components)) {
    if (typeof value !== 'function' || !(value.prototype instanceof components.LoyaltyElement)) continue;
    const element = value as typeof components.LoyaltyElement;
    const css = cssTexts(element.styles).join('\n');
    for (const token of tokens) if (css.includes(`var(--_${token})`)) found.get(token)!.push(`<${element.tagName}>`);
  }
  return found;
}

/** Which widgets read a token: "Every widget", a list of tags, or a dash. */
function readersOf(tags: string[], widgetCount: number): TemplateResult | string {
  if (tags.length === 0) return '—';
  if (tags.length === widgetCount) return 'Every widget';
  return html`<ul class="readers">
    ${tags.map((tag) => html`<li><code>${tag}</code></li>`)}
  </ul>`;
}

function sample(token: LoyaltyToken, value: string): TemplateResult | typeof nothing {
  if (token.startsWith('color-'))
    return html`<span class="sample swatch" style=${styleMap({ background: value })}></span>`;
  switch (token) {
    case 'font-family':
      return html`<span class="sample text" style=${styleMap({ fontFamily: value })}>Aa 积分 123</span>`;
    case 'font-size':
      return html`<span class="sample text" style=${styleMap({ fontSize: value })}>Aa</span>`;
    case 'radius':
      return html`<span class="sample shape" style=${styleMap({ borderRadius: value })}></span>`;
    case 'border-width':
    case 'focus-ring-width':
      return html`<span class="sample shape outline" style=${styleMap({ borderWidth: value })}></span>`;
    case 'space':
      return html`<span class="sample bar" style=${styleMap({ inlineSize: value })}></span>`;
    default:
      return nothing;
  }
}

/** A colour as `#rrggbb`, whatever CSS wrote it as (relative colours included); undefined if it is none. */
function hexOf(color: string): string | undefined {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!context || !CSS.supports('color', color)) return undefined;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b].map((channel) => channel!.toString(16).padStart(2, '0')).join('')}`;
}

/** The tokens a formula reads: `color(from var(--_color-primary) …)` → `--loyalty-color-primary`. */
const sources = (value: string) => [
  ...new Set([...value.matchAll(PRIVATE_REFERENCE)].map(([, token]) => `--loyalty-${token}`)),
];

/**
 * A default or current value. A colour worked out by a formula shows the colour it comes to, what it
 * is derived from, and the formula behind a disclosure, so the column stays narrow and readable.
 */
function cell(token: LoyaltyToken, value: string, lookup: (token: LoyaltyToken) => string): TemplateResult {
  const resolved = resolve(value, lookup);
  const formula = value.includes('(') && !/^var\([^()]*\)$/.test(value);
  const hex = token.startsWith('color-') && (formula || value !== resolved) ? hexOf(resolved) : undefined;
  return html`<td>
    <span class="value"
      ><span aria-hidden="true">${sample(token, resolved)}</span
      ><span class="value__text">
        ${hex ? html`<code>${hex}</code>` : nothing}
        ${
          formula
            ? html`<details>
                <summary>derived from ${sources(value).map((source) => html`<code>${source}</code> `)}</summary>
                <code>${shown(value)}</code>
              </details>`
            : html`<code>${shown(value)}</code>`
        }
      </span></span
    >
  </td>`;
}

/** `--loyalty-color-skeleton-highlight`, with a line break allowed after each hyphen. */
const breakable = (name: string) => name.split('-').map((piece, i) => (i === 0 ? piece : html`-<wbr />${piece}`));

function renderTokens(theme: ThemeName, scheme: Scheme): TemplateResult {
  const themed = themeProperties(theme, scheme);
  const current = (token: LoyaltyToken) => themed[`--loyalty-${token}`] ?? defaultOf(token, scheme);
  const readBy = readers();
  const widgetCount = Math.max(...[...readBy.values()].map((tags) => tags.length));
  return html`
    <style>
      .tokens {
        border-collapse: collapse;
        table-layout: fixed;
        inline-size: 100%;
        font-size: 0.875rem;
      }
      .tokens caption {
        text-align: start;
        font-size: 1.25rem;
        font-weight: 700;
        padding-block-end: 0.75rem;
      }
      .tokens th,
      .tokens td {
        text-align: start;
        vertical-align: top;
        padding: 0.5rem 0.75rem 0.5rem 0;
        border-block-end: 1px solid color-mix(in srgb, currentColor 20%, transparent);
        overflow-wrap: anywhere;
      }
      .tokens col.token {
        inline-size: 19%;
      }
      .tokens col.purpose {
        inline-size: 23%;
      }
      .tokens col.value {
        inline-size: 15%;
      }
      .tokens col.readers {
        inline-size: 13%;
      }
      .tokens .value {
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
      }
      .tokens .value__text {
        display: grid;
        gap: 0.25rem;
        min-inline-size: 0;
      }
      .tokens code {
        font-size: 0.8125rem;
        overflow-wrap: anywhere;
      }
      .tokens summary {
        cursor: pointer;
        font-size: 0.8125rem;
      }
      .tokens .readers {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tokens .sample {
        display: inline-block;
        flex: none;
        vertical-align: middle;
      }
      .tokens .swatch {
        inline-size: 1.75rem;
        block-size: 1.75rem;
        border-radius: 0.375rem;
        box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 35%, transparent);
      }
      .tokens .shape {
        inline-size: 1.75rem;
        block-size: 1.75rem;
        background: color-mix(in srgb, currentColor 25%, transparent);
      }
      .tokens .outline {
        background: none;
        border: 0 solid currentColor;
      }
      .tokens .bar {
        block-size: 0.75rem;
        max-inline-size: 100%;
        background: color-mix(in srgb, currentColor 45%, transparent);
      }
      .tokens .text {
        min-inline-size: 2.5rem;
      }
    </style>
    <table class="tokens">
      <caption>
        Global design tokens: set any of them on an ancestor (e.g. :root) to theme every widget.
      </caption>
      <colgroup>
        <col class="token" />
        <col class="purpose" />
        <col class="value" />
        <col class="value" />
        <col class="value" />
        <col class="readers" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">What it is for</th>
          <th scope="col">Light default</th>
          <th scope="col">Dark default</th>
          <th scope="col">Now (${themes[theme].title}, ${scheme})</th>
          <th scope="col">Read by</th>
        </tr>
      </thead>
      <tbody>
        ${tokens.map(
          (token) => html`
            <tr>
              <th scope="row"><code>${breakable(`--loyalty-${token}`)}</code></th>
              <td>${tokenDescriptions[token]}</td>
              ${cell(token, lightTokens[token], (t) => defaultOf(t, 'light'))}
              ${cell(token, defaultOf(token, 'dark'), (t) => defaultOf(t, 'dark'))}
              ${cell(token, current(token), current)}
              <td>${readersOf(readBy.get(token)!, widgetCount)}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}

const meta = {
  title: 'Design system/Tokens',
  parameters: {
    stage: 'wide',
    docs: {
      description: { component: 'Every global `--loyalty-*` token, from `packages/components/src/themes/tokens.ts`.' },
    },
  },
} satisfies Meta;

export default meta;

export const AllTokens: StoryObj = {
  name: 'All tokens',
  render: (_args, { globals }) =>
    renderTokens(
      themeNames.includes(globals.theme) ? globals.theme : 'default',
      globals.scheme === 'dark' ? 'dark' : 'light',
    ),
};
