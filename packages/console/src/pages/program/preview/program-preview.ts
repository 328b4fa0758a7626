import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { AdminSurvey, ProgramSettings, Reward } from '@loyalty-elements/contract';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import '@loyalty-elements/components/define/loyalty-birthday-greeting';
import '@loyalty-elements/components/define/loyalty-rewards';
import '@loyalty-elements/components/define/loyalty-satisfaction-survey';
import '@loyalty-elements/components/define/loyalty-tier-progress';
import '@loyalty-elements/components/define/loyalty-ways-to-earn';
import { localized, stringsFor, type Language } from '../../../i18n/language.ts';
import type { ColorScheme } from '../../../shell/color-scheme.ts';
import { pageStyles } from '../../page.styles.ts';
import { sectionStyles } from '../section.styles.ts';
import { orderedTiers } from './preview-answers.ts';
import { createPreviewClient } from './preview-client.ts';

/** The widgets every section previews, in the order a member's page shows them. */
const WIDGETS = ['loyalty-tier-progress', 'loyalty-ways-to-earn', 'loyalty-birthday-greeting', 'loyalty-rewards'].map(
  (tag) => unsafeStatic(tag),
);

/**
 * The real widgets, shown to a sample member with the drafts of every section, before anything is saved. Loaded
 * on demand (the widgets and the SDK are a chunk of their own), and never writing: see `preview-client.ts`.
 */
@customElement('console-program-preview')
export class ConsoleProgramPreview extends LitElement {
  static override styles = [
    pageStyles,
    sectionStyles,
    css`
      .widgets {
        display: grid;
        gap: var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @property({ attribute: false }) settings!: ProgramSettings;
  @property({ attribute: false }) rewards: readonly Reward[] = [];
  @property({ attribute: false }) surveys: readonly AdminSurvey[] = [];
  /** The survey whose draft the survey widget shows; null: no survey widget. */
  @property({ attribute: false }) previewSurveyId: string | null = null;
  @state() private balance = 500;
  @state() private tierId = '';
  @state() private client: LoyaltyClient | undefined;
  /** The client does not show the values as they are now, or was closed when the preview left the page. */
  #stale = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const tiers = orderedTiers(this.settings);
    if (!tiers.some((tier) => tier.id === this.tierId)) this.tierId = tiers[0]?.id ?? '';
    // Any change is a new client: the widgets load again, from the new draft, at once. The one it replaces is
    // closed, so it stops listening to the page; out of the page, none is made.
    if (changed.size > 0) this.#stale = true;
    if (this.#stale && this.isConnected) {
      this.#stale = false;
      this.client?.close();
      this.client = createPreviewClient({
        settings: this.settings,
        rewards: this.rewards,
        surveys: this.surveys,
        previewSurveyId: this.previewSurveyId,
        member: {
          name: stringsFor(this.language).program.sampleName,
          locale: this.language,
          balance: this.balance,
          tierId: this.tierId,
        },
        now: new Date(),
      });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#stale) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.client?.close();
    // Back in the page, it makes a client again.
    this.#stale = true;
  }

  override render() {
    const strings = stringsFor(this.language).program;
    const survey = this.surveys.find((s) => s.id === this.previewSurveyId);
    return html`<h2>${strings.preview}</h2>
      <p class="muted">${strings.previewNote}</p>
      <div class="fields">
        <div class="field">
          <label for="sample-balance">${strings.sampleBalance}</label>
          <input
            id="sample-balance"
            type="number"
            min="0"
            step="1"
            .value=${String(this.balance)}
            @input=${(event: Event) => (this.balance = Math.max(0, Math.trunc(Number((event.target as HTMLInputElement).value)) || 0))}
          />
        </div>
        <div class="field">
          <label for="sample-tier">${strings.sampleTier}</label>
          <select
            id="sample-tier"
            @change=${(event: Event) => (this.tierId = (event.target as HTMLSelectElement).value)}
          >
            ${orderedTiers(this.settings).map(
              (tier) =>
                html`<option value=${tier.id} .selected=${live(tier.id === this.tierId)}>
                  ${localized(tier.name, this.language)}
                </option>`,
            )}
          </select>
        </div>
      </div>
      <div class="widgets" lang=${this.language}>
        ${
          survey
            ? html`<loyalty-satisfaction-survey
                .client=${this.client}
                lang=${this.language}
                color-scheme=${this.scheme}
                heading-level="3"
                trigger=${survey.trigger}
              ></loyalty-satisfaction-survey>`
            : nothing
        }
        ${WIDGETS.map(
          (tag) =>
            staticHtml`<${tag}
              .client=${this.client}
              lang=${this.language}
              color-scheme=${this.scheme}
              heading-level="3"
            ></${tag}>`,
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-program-preview': ConsoleProgramPreview;
  }
}
