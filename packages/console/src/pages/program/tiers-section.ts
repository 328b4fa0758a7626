import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ProgramSettings, ProgramSettingsPatch, TierSettings } from '@loyalty-elements/contract';
import { formatters } from '../../i18n/format.ts';
import { inputField, numberField, textAreaField, type FieldContext } from './fields.ts';
import { EDITED_LANGUAGES, linesOf, textOfLines, withoutBlankEntries, withoutBlanks } from './localized-fields.ts';
import { SettingsSection } from './settings-section.ts';

export type TiersDraft = Pick<ProgramSettings, 'tiers'>;

/**
 * An id for a tier added in the page: unused among the draft's tiers and the saved ones. A saved id would make the
 * API keep that tier (its members and rewards stay) rather than replace a tier removed in the same edit.
 */
function newTierId(tiers: readonly TierSettings[], saved: readonly TierSettings[]): string {
  const taken = new Set([...tiers, ...saved].map((tier) => tier.id));
  for (let n = tiers.length + 1; ; n++) if (!taken.has(`tier-${n}`)) return `tier-${n}`;
}

/** The first language's box shows the API's word on the benefits; each box needs an id of its own. */
const benefitsKey = (index: number, language: string) =>
  language === EDITED_LANGUAGES[0]!.tag ? `tiers.${index}.benefits` : `tiers.${index}.benefits-${language}`;

/**
 * The tiers, lowest first: add, remove, reorder, and each one's names, threshold, earn multiplier and benefits per
 * language. Members and rewards of a removed tier move to the nearest remaining tier below it.
 */
@customElement('console-tiers-section')
export class ConsoleTiersSection extends SettingsSection<TiersDraft> {
  protected readonly draftPart = 'tiers';

  protected heading(): string {
    return this.strings.program.tiers;
  }

  protected override patchOf(draft: TiersDraft): ProgramSettingsPatch {
    const kept = new Set(draft.tiers.map((tier) => tier.id));
    const replacements: Record<string, string> = {};
    let below: string | undefined;
    for (const tier of this.saved.tiers) {
      if (kept.has(tier.id)) below = tier.id;
      else {
        const target = below ?? draft.tiers[0]?.id;
        if (target) replacements[tier.id] = target;
      }
    }
    const tiers = draft.tiers.map((tier) => ({
      ...tier,
      name: withoutBlanks(tier.name),
      benefits: withoutBlankEntries(tier.benefits),
    }));
    return Object.keys(replacements).length ? { tiers, tierReplacements: replacements } : { tiers };
  }

  private setTiers(tiers: TierSettings[]): void {
    this.edit({ tiers });
  }

  private setTier(index: number, change: Partial<TierSettings>): void {
    this.setTiers(this.draft.tiers.map((tier, i) => (i === index ? { ...tier, ...change } : tier)));
  }

  private move(index: number, by: -1 | 1): void {
    const tiers = [...this.draft.tiers];
    [tiers[index], tiers[index + by]] = [tiers[index + by]!, tiers[index]!];
    this.setTiers(tiers);
  }

  private add(): void {
    const tiers = this.draft.tiers;
    const top = tiers.at(-1);
    const name = Object.fromEntries(EDITED_LANGUAGES.map(({ tag }) => [tag, this.strings.program.newTier]));
    const tier: TierSettings = {
      id: newTierId(tiers, this.saved.tiers),
      name,
      threshold: top ? top.threshold * 2 || 1000 : 0,
      benefits: [],
      earnMultiplier: 1,
    };
    this.setTiers([...tiers, tier]);
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings.program;
    const format = formatters(this.language);
    const tiers = this.draft.tiers;
    return html`<p class="muted">${strings.removedTiersNote}</p>
      ${tiers.map(
        (tier, index) =>
          html`<fieldset data-tier=${tier.id}>
            <legend>${strings.tierHeading(format.number(index + 1))}</legend>
            ${EDITED_LANGUAGES.map(({ tag, name }) =>
              inputField(fields, `tiers.${index}.name.${tag}`, strings.tierName(name), tier.name[tag] ?? '', (v) =>
                this.setTier(index, { name: { ...tier.name, [tag]: v } }),
              ),
            )}
            ${numberField(fields, `tiers.${index}.threshold`, strings.threshold, tier.threshold, (threshold) =>
              this.setTier(index, { threshold }),
            )}
            ${numberField(
              fields,
              `tiers.${index}.earnMultiplier`,
              strings.earnMultiplier,
              tier.earnMultiplier,
              (earnMultiplier) => this.setTier(index, { earnMultiplier }),
              { min: 0, step: 'any' },
            )}
            ${EDITED_LANGUAGES.map(({ tag, name }) =>
              textAreaField(fields, benefitsKey(index, tag), strings.benefits(name), linesOf(tier.benefits, tag), (v) =>
                this.setTier(index, { benefits: textOfLines(tier.benefits, tag, v) }),
              ),
            )}
            <div class="row-actions">
              <button type="button" ?disabled=${index === 0} @click=${() => this.move(index, -1)}>
                ${strings.moveUp}
              </button>
              <button type="button" ?disabled=${index === tiers.length - 1} @click=${() => this.move(index, 1)}>
                ${strings.moveDown}
              </button>
              <button
                type="button"
                ?disabled=${tiers.length === 1}
                @click=${() => this.setTiers(tiers.filter((_, i) => i !== index))}
              >
                ${strings.removeTier}
              </button>
            </div>
          </fieldset>`,
      )}
      <div><button type="button" @click=${this.add}>${strings.addTier}</button></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-tiers-section': ConsoleTiersSection;
  }
}
