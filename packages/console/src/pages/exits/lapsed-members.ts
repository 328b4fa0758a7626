import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LapsedMember, Reward, WinBackSummary } from '@loyalty-elements/contract';
import { exitsApi } from '../../api/exits.ts';
import { formatters } from '../../i18n/format.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import { loadInto, renderLoadState, type LoadState } from '../../shared/load-state.ts';
import { pageStyles } from '../page.styles.ts';
import { exitsFormatters } from './exits-format.ts';
import type { ConsoleWinBackDialog, WinBackGivenEvent } from './win-back-dialog.ts';
import './win-back-dialog.ts';

interface Lapsed {
  lapsedAfterDays: number;
  members: LapsedMember[];
  nextCursor: string | null;
  rewards: Reward[];
}

/** The console's Program page, where the program's settings (lapsedAfterDays among them) are changed. */
const PROGRAM_PAGE = '/console/program';

/** The lapsed members, longest lapsed first, a page at a time, each with a Win back action. */
@customElement('console-lapsed-members')
export class ConsoleLapsedMembers extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.4em 0.6em;
        border-bottom: var(--_border-width) solid var(--_color-border);
        vertical-align: top;
      }
      td.number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .more {
        margin-top: 0.75em;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @state() private load: LoadState<Lapsed> = { kind: 'loading' };
  @state() private loadingMore = false;
  @state() private moreFailed = false;
  @state() private announcement = '';
  @query('console-win-back-dialog') private dialog!: ConsoleWinBackDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  private async fetch(): Promise<void> {
    this.load = { kind: 'loading' };
    this.load = await loadInto(async () => {
      const [page, rewards] = await Promise.all([exitsApi.lapsed(null), exitsApi.activeRewards()]);
      return { ...page, rewards };
    });
  }

  private async showMore(lapsed: Lapsed): Promise<void> {
    if (lapsed.nextCursor === null) return;
    this.loadingMore = true;
    this.moreFailed = false;
    try {
      const page = await exitsApi.lapsed(lapsed.nextCursor);
      const members = [...lapsed.members, ...page.members];
      this.load = { kind: 'ready', data: { ...lapsed, members, nextCursor: page.nextCursor } };
    } catch {
      this.moreFailed = true;
    } finally {
      this.loadingMore = false;
    }
  }

  private given(event: WinBackGivenEvent): void {
    if (this.load.kind !== 'ready') return;
    const { customerId, result } = event.detail;
    const { winBack, balance } = result;
    const summary: WinBackSummary = { at: winBack.at, points: winBack.points, rewardId: winBack.rewardId };
    const members = this.load.data.members.map((member) =>
      member.customer.id === customerId ? { ...member, winBack: summary, balance: { spendable: balance } } : member,
    );
    this.load = { kind: 'ready', data: { ...this.load.data, members } };
    const name = members.find((member) => member.customer.id === customerId)?.customer.name || customerId;
    this.announcement = stringsFor(this.language).exits.given(name);
  }

  override render() {
    const strings = stringsFor(this.language);
    return html`<section class="card" aria-labelledby="lapsed-title">
      <h2 id="lapsed-title">${strings.exits.lapsed}</h2>
      ${renderLoadState(
        this.load,
        strings,
        () => void this.fetch(),
        (lapsed) => this.renderLapsed(lapsed),
      )}
      <p role="status" class="muted">${this.announcement}</p>
      <console-win-back-dialog
        .language=${this.language}
        @win-back-given=${(event: WinBackGivenEvent) => this.given(event)}
      ></console-win-back-dialog>
    </section>`;
  }

  private renderLapsed(lapsed: Lapsed) {
    const strings = stringsFor(this.language);
    const s = strings.exits;
    const format = formatters(this.language);
    const { ago } = exitsFormatters(this.language);
    const now = new Date();
    const rewardName = (id: string) => {
      const reward = lapsed.rewards.find((candidate) => candidate.id === id);
      return reward === undefined ? id : localized(reward.name, this.language);
    };
    const winBackText = (winBack: WinBackSummary | null) =>
      winBack === null
        ? s.none
        : winBack.points !== null
          ? s.winBackPoints(format.number(winBack.points), ago(winBack.at, now))
          : s.winBackReward(rewardName(winBack.rewardId ?? ''), ago(winBack.at, now));
    return html`<p class="muted" data-lapsed-after-days=${lapsed.lapsedAfterDays}>
        ${s.lapsedHint(format.number(lapsed.lapsedAfterDays))}
        <a href=${PROGRAM_PAGE}>${s.lapsedSetting}</a>
      </p>
      ${
        lapsed.members.length === 0
          ? html`<p>${s.noLapsed}</p>`
          : html`<div class="scroll" tabindex="0" role="group" aria-labelledby="lapsed-title">
              <table aria-labelledby="lapsed-title">
                <thead>
                  <tr>
                    <th scope="col">${s.name}</th>
                    <th scope="col">${s.lastActivity}</th>
                    <th scope="col">${s.balance}</th>
                    <th scope="col">${s.tier}</th>
                    <th scope="col">${s.lastWinBack}</th>
                    <th scope="col">${s.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  ${lapsed.members.map(
                    (member) =>
                      html`<tr data-customer=${member.customer.id}>
                        <th scope="row">${member.customer.name || member.customer.id}</th>
                        <td>
                          <time datetime=${member.lastActivityAt}>${ago(member.lastActivityAt, now)}</time>
                        </td>
                        <td class="number" data-balance=${member.balance.spendable}>
                          ${format.number(member.balance.spendable)}
                        </td>
                        <td>${localized(member.tier.name, this.language)}</td>
                        <td data-win-back>${winBackText(member.winBack)}</td>
                        <td>
                          <button
                            type="button"
                            aria-label=${s.winBackLabel(member.customer.name || member.customer.id)}
                            @click=${() => void this.dialog.open(member, lapsed.rewards)}
                          >
                            ${s.winBack}
                          </button>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      ${
        lapsed.nextCursor === null
          ? nothing
          : html`<button
              type="button"
              class="more"
              ?disabled=${this.loadingMore}
              @click=${() => void this.showMore(lapsed)}
            >
              ${s.showMore}
            </button>`
      }
      ${this.moreFailed ? html`<p role="alert" class="error">${strings.errorLoading}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-lapsed-members': ConsoleLapsedMembers;
  }
}
