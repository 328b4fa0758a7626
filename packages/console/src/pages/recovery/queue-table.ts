import { html } from 'lit';
import type { FollowUpCase } from '@loyalty-elements/contract';
import { checkText, customerName, statusBadge, type RecoveryView } from './follow-up-sections.ts';

/** The queue as a table, one row a follow-up, in the API's order; the customer's name opens the follow-up. */
export function queueTable(followUps: readonly FollowUpCase[], view: RecoveryView, open: (id: string) => void) {
  const { strings, format, when } = view;
  const { columns } = strings;
  return html`<div class="table-scroll" role="region" aria-labelledby="queue-caption" tabindex="0">
    <table>
      <caption id="queue-caption">
        ${strings.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${columns.customer}</th>
          <th scope="col">${columns.nps}</th>
          <th scope="col">${columns.comment}</th>
          <th scope="col">${columns.age}</th>
          <th scope="col">${columns.due}</th>
          <th scope="col">${columns.assignee}</th>
          <th scope="col">${columns.status}</th>
        </tr>
      </thead>
      <tbody>
        ${followUps.map((followUp) => {
          const check = checkText(followUp, view);
          return html`<tr class=${followUp.overdue ? 'overdue' : ''} data-follow-up=${followUp.id}>
            <th scope="row">
              <button type="button" class="open" data-open=${followUp.id} @click=${() => open(followUp.id)}>
                ${customerName(followUp, view)}
              </button>
              <span class="muted customer-id">${followUp.customer.id}</span>
            </th>
            <td>${format.number(followUp.nps)}</td>
            <td class="comment">
              ${followUp.comments[0]?.text ?? html`<span class="muted">${strings.noComment}</span>`}
            </td>
            <td>${when.age(followUp.createdAt)}</td>
            <td><time datetime=${followUp.dueAt}>${when.moment(followUp.dueAt)}</time></td>
            <td>${followUp.assignee ?? html`<span class="muted">${strings.unassigned}</span>`}</td>
            <td class="status">
              ${statusBadge(followUp, view)}
              ${
                followUp.resolution
                  ? html`<span class="outcome">${followUp.resolution.outcome}</span> ${
                        followUp.resolution.goodwillPoints > 0
                          ? html`<span>${strings.goodwill(format.number(followUp.resolution.goodwillPoints))}</span>`
                          : ''
                      }`
                  : ''
              }
              ${check ? html`<span class="check">${check}</span>` : ''}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
