import { html, type TemplateResult } from 'lit';
import { SCALE_RANGES } from '@loyalty-elements/contract/plain';
import type { SurveyQuestion } from '@loyalty-elements/contract';
import type { QuestionContext } from './question-context.ts';
import { renderRatingScale } from './rating-scale.ts';

export type CsatQuestion = Extract<SurveyQuestion, { kind: 'csat' }>;

/** How far the mouth of each CSAT face (1–5) bends: a frown, a flat line, a smile. */
const MOUTH_BEND = [-3.5, -1.75, 0, 1.75, 3.5];

/** A face of a CSAT scale, drawn (not an emoji: every system shows it the same). Decorative. */
function faceIcon(value: number): TemplateResult {
  const bend = MOUTH_BEND[value - 1] ?? 0;
  // The mouth sits a little higher when it smiles, lower when it frowns.
  const y = 15.5 - bend / 3;
  return html`<svg
    class="face"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
  >
    <circle cx="12" cy="12" r="9.5" />
    <circle cx="8.75" cy="9.5" r="0.6" fill="currentColor" />
    <circle cx="15.25" cy="9.5" r="0.6" fill="currentColor" />
    <path d="M8 ${y} Q12 ${y + bend} 16 ${y}" />
  </svg>`;
}

/** CSAT (1–5): stars (filled up to the one chosen: a shape, not only a colour) or faces. */
export function renderCsatQuestion(ctx: QuestionContext, question: CsatQuestion): TemplateResult {
  const { s } = ctx;
  const answer = ctx.response.valueOf(question.id);
  const value = typeof answer === 'number' ? answer : undefined;
  const faces = question.display === 'faces';
  return renderRatingScale(ctx, {
    name: question.id,
    questionId: question.id,
    ...SCALE_RANGES.csat,
    value,
    kind: 'csat',
    display: faces ? 'faces' : 'stars',
    labels: question.labels,
    optionName: faces ? (picked) => s.faces[picked - 1] ?? String(picked) : s.stars,
    glyph: faces ? faceIcon : (picked) => (value !== undefined && picked <= value ? '★' : '☆'),
    answerFor: (picked) => picked,
  });
}
