import type { TemplateResult } from 'lit';
import { SCALE_RANGES } from '@loyalty-elements/contract/plain';
import type { SurveyQuestion } from '@loyalty-elements/contract';
import type { QuestionContext } from './question-context.ts';
import { renderRatingScale } from './rating-scale.ts';

export type NumericQuestion = Extract<SurveyQuestion, { kind: 'nps' | 'ces' }>;

/** NPS (0–10, how likely to recommend) or CES (1–7, how easy it was): a scale of numbers. */
export function renderNumericQuestion(ctx: QuestionContext, question: NumericQuestion): TemplateResult {
  const value = ctx.response.valueOf(question.id);
  return renderRatingScale(ctx, {
    name: question.id,
    questionId: question.id,
    ...SCALE_RANGES[question.kind],
    value: typeof value === 'number' ? value : undefined,
    kind: question.kind,
    display: 'numbers',
    labels: question.labels,
    optionName: String,
    glyph: String,
    answerFor: (picked) => picked,
  });
}
