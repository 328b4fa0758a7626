import { html, nothing, type TemplateResult } from 'lit';
import type { Program } from '@loyalty-elements/sdk';
import type { LocaleController } from '../controllers/locale-controller.ts';
import { waysToEarn } from '../ways-to-earn/ways-to-earn-list.ts';
import { waysToEarnStrings } from '../ways-to-earn/ways-to-earn.strings.ts';
import { joinPitchStrings } from './join-pitch.strings.ts';
import { renderSignIn, safeUrl } from './notices.ts';

export interface JoinPitchOptions {
  i18n: LocaleController;
  /** The title's heading level, 1–6. */
  level: number;
  /** Replaces "Join {program}". */
  heading?: string | undefined;
  /** Replaces "Members earn points on every order…". */
  intro?: string | undefined;
  joinUrl: string | undefined;
  signInUrl: string | undefined;
  onSignIn: () => void;
}

/**
 * What a member gets, one sentence each, from the program's settings: points per unit spent, the welcome bonus, the
 * birthday gift and survey rewards (as the ways to earn word them for a guest), then the tiers when there are several.
 */
export function memberBenefits(program: Program, i18n: LocaleController): string[] {
  const benefits = waysToEarn(program, undefined, i18n, i18n.strings(waysToEarnStrings)).map(({ text }) => text);
  if (program.tiers.length > 1) {
    const names = program.tiers.map((tier) => i18n.pick(tier.name));
    const list = new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(names);
    benefits.push(i18n.strings(joinPitchStrings).tiers(list));
  }
  return benefits;
}

/**
 * The join pitch: a region named by its heading, an intro, what members get, "Join now" (when `joinUrl` is safe) and
 * "Sign in". Parts: base, pitch, pitch-title, pitch-intro, pitch-benefits, pitch-benefit, join-link, link or button.
 */
export function renderJoinPitch(program: Program, options: JoinPitchOptions): TemplateResult {
  const { i18n } = options;
  const s = i18n.strings(joinPitchStrings);
  const joinHref = safeUrl(options.joinUrl);
  const heading = options.heading?.trim() || s.heading(program.name);
  const intro = options.intro?.trim() || s.intro(i18n.pick(program.pointsName));
  return html`
    <section part="base pitch" class="base pitch" tabindex="-1" aria-labelledby="pitch-title" lang=${i18n.locale}>
      <div part="pitch-title" class="pitch-title" id="pitch-title" role="heading" aria-level=${options.level}>
        ${heading}
      </div>
      <p part="pitch-intro" class="pitch-intro">${intro}</p>
      <ul part="pitch-benefits" class="pitch-benefits" aria-label=${s.benefitsLabel}>
        ${memberBenefits(program, i18n).map((text) => html`<li part="pitch-benefit" class="pitch-benefit">${text}</li>`)}
      </ul>
      <div class="pitch-actions">
        ${joinHref ? html`<a part="join-link" class="button join-link" href=${joinHref}>${s.join}</a>` : nothing}
        ${renderSignIn({ t: i18n.t, signInUrl: options.signInUrl, onSignIn: options.onSignIn })}
      </div>
    </section>
  `;
}

/** The pitch's skeleton while the program is read: the same box, busy. */
export function renderJoinPitchLoading(i18n: LocaleController): TemplateResult {
  return html`
    <div part="base pitch" class="base pitch" aria-busy="true" lang=${i18n.locale}>
      <span class="visually-hidden">${i18n.strings(joinPitchStrings).loading}</span>
      <span part="skeleton" class="bone pitch-bone pitch-bone--title" aria-hidden="true"></span>
      <span part="skeleton" class="bone pitch-bone" aria-hidden="true"></span>
      <span part="skeleton" class="bone pitch-bone" aria-hidden="true"></span>
      <span part="skeleton" class="bone pitch-bone pitch-bone--action" aria-hidden="true"></span>
    </div>
  `;
}
