import { html } from 'lit';
import type { SurveyCombinedResults } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';

/** The headline cards, straight from the results API: NPS with its n, CSAT, CES, responses and dismissals. */
export function headlineFigures(totals: SurveyCombinedResults, strings: Strings, format: Formatters) {
  const s = strings.feedback;
  const stat = (value: number | null | undefined) => (value == null ? s.none : format.number(value));
  const notAsked = html`<dd class="small muted">${s.notAsked}</dd>`;
  return html`<div class="figures">
    <dl class="card figure" data-figure="nps">
      <dt>${s.nps}</dt>
      ${
        totals.nps === null
          ? notAsked
          : html`<dd>${stat(totals.nps.score)}</dd>
              <dd class="small" data-detail="n">${s.npsAnswers(format.number(totals.nps.answered))}</dd>`
      }
    </dl>
    <dl class="card figure" data-figure="csat">
      <dt>${s.csat}</dt>
      ${
        totals.csat === null
          ? notAsked
          : html`<dd>${totals.csat.satisfiedPercent === null ? s.none : `${stat(totals.csat.satisfiedPercent)} %`}</dd>
              <dd class="small" data-detail="mean">${s.csatDetail(stat(totals.csat.mean))}</dd>`
      }
    </dl>
    <dl class="card figure" data-figure="ces">
      <dt>${s.ces}</dt>
      ${
        totals.ces === null
          ? notAsked
          : html`<dd>${stat(totals.ces.mean)}</dd>
              <dd class="small">${s.cesDetail(format.number(totals.ces.answered))}</dd>`
      }
    </dl>
    <dl class="card figure" data-figure="responses">
      <dt>${s.responses}</dt>
      <dd>${format.number(totals.responses.total)}</dd>
      <dd class="small">
        ${s.responsesDetail(format.number(totals.responses.complete), format.number(totals.responses.partial))}
      </dd>
    </dl>
    <dl class="card figure" data-figure="dismissals">
      <dt>${s.dismissals}</dt>
      <dd>${format.number(totals.dismissals)}</dd>
    </dl>
  </div>`;
}
