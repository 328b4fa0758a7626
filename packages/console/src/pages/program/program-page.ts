import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminSurvey, ProgramSettings, Reward } from '@loyalty-elements/contract';
import { programApi } from '../../api/program.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { guardLeaving } from '../../shell/leave-guard.ts';
import { pageStyles } from '../page.styles.ts';
import { earningOf } from './earning-section.ts';
import { serviceOf } from './service-section.ts';
import { previewRewardsOf, previewSurveysOf } from './preview-drafts.ts';
import type { DraftChange, DraftPart } from './program-section.ts';
import type { RewardEdit } from './reward-editor.ts';
import type { SurveyEdit } from './survey-editor.ts';
import './birthday-section.ts';
import './earning-section.ts';
import './referrals-section.ts';
import './service-section.ts';
import './rewards-section.ts';
import './surveys-section.ts';
import './tiers-section.ts';

type Load =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; settings: ProgramSettings; rewards: Reward[]; surveys: AdminSurvey[] };

const SECTIONS = ['earning', 'tiers', 'birthday', 'referrals', 'rewards', 'surveys', 'service'] as const;
type Section = (typeof SECTIONS)[number];

async function loadProgram(): Promise<Load> {
  const [settings, { rewards }, { surveys }] = await Promise.all([
    programApi.settings(),
    programApi.rewards(),
    programApi.surveys(),
  ]);
  const full = await Promise.all(surveys.map((survey) => programApi.survey(survey.id)));
  return { kind: 'ready', settings, rewards, surveys: full };
}

/**
 * The program's settings, rewards and surveys, one section at a time, each edited as a draft and saved on its own,
 * beside a live preview of the real widgets rendered with the drafts.
 */
@customElement('console-program-page')
export class ConsoleProgramPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .sections {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 0 0 var(--_space);
        padding: 0;
        list-style: none;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: var(--_space);
        align-items: start;
      }
      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @state() private load: Load = { kind: 'loading' };
  @state() private section: Section = 'earning';
  @state() private drafts: Partial<Record<DraftPart, unknown>> = {};
  @state() private dirty = new Set<DraftPart>();
  @state() private previewReady: 'loading' | 'ready' | 'error' = 'loading';
  #stopGuarding?: () => void;

  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty.size > 0) event.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeunload', this.#onBeforeUnload);
    this.#stopGuarding = guardLeaving(() =>
      this.dirty.size > 0 ? stringsFor(this.language).program.leaveQuestion : null,
    );
    void this.fetch();
    // The preview brings the widgets and the SDK: a chunk of its own, which only this page loads.
    import('./preview/program-preview.ts').then(
      () => (this.previewReady = 'ready'),
      () => (this.previewReady = 'error'),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeunload', this.#onBeforeUnload);
    this.#stopGuarding?.();
  }

  private async fetch(): Promise<void> {
    this.load = { kind: 'loading' };
    try {
      this.load = await loadProgram();
    } catch {
      this.load = { kind: 'error' };
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
  }

  private onDraft(event: CustomEvent<DraftChange>): void {
    const { part, draft, dirty } = event.detail;
    this.drafts = { ...this.drafts, [part]: draft };
    const next = new Set(this.dirty);
    if (dirty) next.add(part);
    else next.delete(part);
    this.dirty = next;
  }

  private replace(change: Partial<Omit<Extract<Load, { kind: 'ready' }>, 'kind'>>): void {
    if (this.load.kind === 'ready') this.load = { ...this.load, ...change };
  }

  private onRewardSaved(event: CustomEvent<Reward>): void {
    if (this.load.kind !== 'ready') return;
    const saved = event.detail;
    const others = this.load.rewards.filter((reward) => reward.id !== saved.id);
    this.replace({
      rewards: [...others, saved].sort((a, b) => a.pointsCost - b.pointsCost || a.id.localeCompare(b.id)),
    });
  }

  private onSurveySaved(event: CustomEvent<AdminSurvey>): void {
    if (this.load.kind !== 'ready') return;
    const saved = event.detail;
    this.replace({ surveys: this.load.surveys.map((survey) => (survey.id === saved.id ? saved : survey)) });
  }

  override render() {
    const strings = stringsFor(this.language);
    return html`<h1>${strings.program.title}</h1>
      ${
        this.load.kind === 'loading'
          ? html`<p role="status" class="card">${strings.loading}</p>`
          : this.load.kind === 'error'
            ? html`<div role="alert" class="card error">
                <p>${strings.errorLoading}</p>
                <button type="button" @click=${() => void this.fetch()}>${strings.retry}</button>
              </div>`
            : this.renderProgram(this.load)
      }`;
  }

  private renderProgram({ settings, rewards, surveys }: Extract<Load, { kind: 'ready' }>) {
    const strings = stringsFor(this.language).program;
    const drafts = this.drafts;
    const hiddenUnless = (section: Section) => section !== this.section;
    return html`<ul class="sections" aria-label=${strings.sections}>
        ${SECTIONS.map(
          (section) =>
            html`<li>
              <button type="button" aria-pressed=${section === this.section} @click=${() => (this.section = section)}>
                ${strings[section]}
              </button>
            </li>`,
        )}
      </ul>
      <div
        class="layout"
        @console-draft-change=${this.onDraft}
        @console-program-saved=${(event: CustomEvent<ProgramSettings>) => this.replace({ settings: event.detail })}
        @console-reward-saved=${this.onRewardSaved}
        @console-survey-saved=${this.onSurveySaved}
      >
        <div class="card">
          <console-earning-section
            ?hidden=${hiddenUnless('earning')}
            .language=${this.language}
            .saved=${earningOf(settings)}
          ></console-earning-section>
          <console-tiers-section
            ?hidden=${hiddenUnless('tiers')}
            .language=${this.language}
            .saved=${{ tiers: settings.tiers }}
          ></console-tiers-section>
          <console-birthday-section
            ?hidden=${hiddenUnless('birthday')}
            .language=${this.language}
            .saved=${{ birthday: settings.birthday }}
          ></console-birthday-section>
          <console-referrals-section
            ?hidden=${hiddenUnless('referrals')}
            .language=${this.language}
            .saved=${{ referrals: settings.referrals }}
          ></console-referrals-section>
          <console-rewards-section
            ?hidden=${hiddenUnless('rewards')}
            .language=${this.language}
            .rewards=${rewards}
            .tiers=${settings.tiers}
          ></console-rewards-section>
          <console-surveys-section
            ?hidden=${hiddenUnless('surveys')}
            .language=${this.language}
            .surveys=${surveys}
          ></console-surveys-section>
          <console-service-section
            ?hidden=${hiddenUnless('service')}
            .language=${this.language}
            .saved=${serviceOf(settings)}
          ></console-service-section>
        </div>
        <aside class="card" aria-label=${strings.preview}>
          ${
            this.previewReady === 'ready'
              ? html`<console-program-preview
                  .language=${this.language}
                  .scheme=${this.scheme}
                  .settings=${{
                    ...settings,
                    ...(drafts.earning ?? {}),
                    ...(drafts.tiers ?? {}),
                    ...(drafts.birthday ?? {}),
                    ...(drafts.referrals ?? {}),
                  }}
                  .rewards=${previewRewardsOf(rewards, drafts.reward as RewardEdit | null | undefined)}
                  .surveys=${previewSurveysOf(surveys, drafts.survey as SurveyEdit | null | undefined)}
                  .previewSurveyId=${this.section === 'surveys' ? ((drafts.survey as SurveyEdit | null)?.id ?? null) : null}
                ></console-program-preview>`
              : this.previewReady === 'loading'
                ? html`<p role="status">${strings.loadingPreview}</p>`
                : html`<p role="alert" class="error">${stringsFor(this.language).errorLoading}</p>`
          }
        </aside>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-program-page': ConsoleProgramPage;
  }
}
