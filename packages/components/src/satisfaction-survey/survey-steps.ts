import { questionVisible, visibleAnswers } from '@loyalty-elements/contract/plain';
import type { SurveyAnswers, SurveyQuestion } from '@loyalty-elements/contract';

/**
 * Where step mode stands, "2 of 4", decided by the answers before the current question only: a later
 * question that depends on the current answer, or on a later one, counts as asked. So answering the
 * current question never changes the count; Next may end the survey before the count is reached.
 */
export function stepProgress(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
  currentId: string,
): { current: number; total: number } {
  const index = questions.findIndex((question) => question.id === currentId);
  const decided = new Set(questions.slice(0, index).map((question) => question.id));
  const known = visibleAnswers(
    questions,
    Object.fromEntries(Object.entries(answers).filter(([id]) => decided.has(id))),
  );
  const asked = (question: SurveyQuestion) =>
    question.showIf === undefined || !decided.has(question.showIf.questionId) || questionVisible(question, known);
  const before = questions.slice(0, index).filter(asked).length;
  return { current: before + 1, total: before + 1 + questions.slice(index + 1).filter(asked).length };
}
