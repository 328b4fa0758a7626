import { html, nothing } from 'lit';
import type { FollowUpCase } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import type { RecoveryFormatters } from './recovery-format.ts';

/** What the detail and the queue both say about a follow-up, in the console's words and formats. */
export interface RecoveryView {
  strings: Strings['recovery'];
  format: Formatters;
  when: RecoveryFormatters;
}

/** The status badge: overdue stands out by an icon, weight and words, not by colour alone. */
/** The customer's name, or what stands for it once they were erased (their name is then empty). */
export function customerName(followUp: FollowUpCase, { strings }: RecoveryView): string {
  return followUp.customer.name === '' ? strings.erasedName : followUp.customer.name;
}

export function statusBadge(followUp: FollowUpCase, { strings }: RecoveryView) {
  if (followUp.status === 'closed')
    return html`<span class="badge closed"
      ><span class="icon" aria-hidden="true">✓</span>${strings.status.closed}</span
    >`;
  if (followUp.overdue)
    return html`<span class="badge overdue"
      ><span class="icon" aria-hidden="true">!</span>${strings.status.overdue}</span
    >`;
  return html`<span class="badge">${strings.status.open}</span>`;
}

/** "Resolved: yes (date)" once the shopper answered the check. */
export function checkText(followUp: FollowUpCase, { strings, when }: RecoveryView): string | undefined {
  const { check } = followUp;
  return check ? strings.checkAnswer(check.resolved, when.moment(check.answeredAt)) : undefined;
}

/** The complaint: score, dates, the shopper's comments and the service-quality dimensions they named. */
export function complaintSection(followUp: FollowUpCase, view: RecoveryView) {
  const { strings, format, when } = view;
  const detail = strings.detail;
  return html`<dl class="facts">
      <div>
        <dt>${detail.nps}</dt>
        <dd>${format.number(followUp.nps)}</dd>
      </div>
      <div>
        <dt>${detail.raised}</dt>
        <dd><time datetime=${followUp.createdAt}>${when.moment(followUp.createdAt)}</time></dd>
      </div>
      <div>
        <dt>${detail.due}</dt>
        <dd><time datetime=${followUp.dueAt}>${when.moment(followUp.dueAt)}</time> ${statusBadge(followUp, view)}</dd>
      </div>
    </dl>
    <section aria-labelledby="comments-heading">
      <h3 id="comments-heading">${detail.comments}</h3>
      ${
        followUp.comments.length === 0
          ? html`<p class="muted">${detail.none}</p>`
          : followUp.comments.map((comment) => html`<blockquote>${comment.text}</blockquote>`)
      }
    </section>
    <section aria-labelledby="dimensions-heading">
      <h3 id="dimensions-heading">${detail.dimensions}</h3>
      ${
        followUp.dimensions.length === 0
          ? html`<p class="muted">${detail.none}</p>`
          : html`<ul class="dimensions">
              ${followUp.dimensions.map((dimension) => html`<li>${strings.dimensions[dimension]}</li>`)}
            </ul>`
      }
    </section>`;
}

/** How the follow-up was closed, and the shopper's answer to "Was your issue resolved?". */
export function resolutionSection(followUp: FollowUpCase, view: RecoveryView) {
  const { resolution } = followUp;
  if (!resolution) return nothing;
  const { strings, format, when } = view;
  const detail = strings.detail;
  return html`<section aria-labelledby="resolution-heading" data-section="resolution">
    <h3 id="resolution-heading">${detail.resolution}</h3>
    <dl class="facts">
      <div>
        <dt>${detail.outcome}</dt>
        <dd>${resolution.outcome}</dd>
      </div>
      <div>
        <dt>${detail.resolvedAt}</dt>
        <dd><time datetime=${resolution.resolvedAt}>${when.moment(resolution.resolvedAt)}</time></dd>
      </div>
      <div>
        <dt>${detail.goodwillPoints}</dt>
        <dd>${format.number(resolution.goodwillPoints)}</dd>
      </div>
      <div>
        <dt>${detail.check}</dt>
        <dd data-check>${checkText(followUp, view) ?? detail.checkWaiting}</dd>
      </div>
    </dl>
  </section>`;
}
