// What the survey widget and the API both decide from a definition and its answers: ranges, limits, which
// questions are asked, NPS groups. No zod here, so a browser bundle that needs these pays for no schema.
import type { SurveyAnswer, SurveyAnswers, SurveyQuestion } from './surveys.ts';

/** Inclusive answer ranges of the rating questions. */
export const SCALE_RANGES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
  servqual: { min: 1, max: 5 },
} as const;
export type ScaleKind = 'nps' | 'csat' | 'ces';

export const FREE_TEXT_DEFAULT_MAX_LENGTH = 2_000;
export const OTHER_TEXT_MAX_LENGTH = 500;

/** Whether an answer counts as given (an empty text or rating set does not). */
export function isAnswered(value: SurveyAnswer | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'object' && !('option' in value) && !('options' in value)) {
    return Object.keys(value).length > 0;
  }
  return true;
}

/** Whether `question` is asked, given the answers so far. */
export function questionVisible(question: SurveyQuestion, answers: Readonly<Record<string, unknown>>): boolean {
  const condition = question.showIf;
  if (condition === undefined) return true;
  const answer = answers[condition.questionId];
  if (answer === undefined) return false;
  if (condition.min !== undefined || condition.max !== undefined) {
    if (typeof answer !== 'number') return false;
    if (condition.min !== undefined && answer < condition.min) return false;
    if (condition.max !== undefined && answer > condition.max) return false;
  }
  if (condition.anyOf !== undefined) {
    const chosen = chosenOptions(answer);
    if (!condition.anyOf.some((id) => chosen.includes(id))) return false;
  }
  return true;
}

/** The answers of the questions that are asked, in question order (answers to hidden ones dropped). */
export function visibleAnswers(questions: readonly SurveyQuestion[], answers: Readonly<SurveyAnswers>): SurveyAnswers {
  const kept: SurveyAnswers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (value !== undefined && questionVisible(question, kept)) kept[question.id] = value;
  }
  return kept;
}

/** The option ids a choice answer picked (none for other kinds). */
export function chosenOptions(answer: unknown): string[] {
  if (typeof answer !== 'object' || answer === null) return [];
  if ('option' in answer && typeof answer.option === 'string') return [answer.option];
  if ('options' in answer && Array.isArray(answer.options)) {
    return answer.options.filter((id): id is string => typeof id === 'string');
  }
  return [];
}

export type NpsGroup = 'promoter' | 'passive' | 'detractor';
/** 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
