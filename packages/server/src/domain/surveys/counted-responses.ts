/**
 * The responses a survey's figures count, as SQL: per customer and version, each counted completed response (one a
 * survey period: a later completion in the same period is stored uncounted) and, only for a customer with no
 * counted completion of that version, their latest partial response — a shopper's many unfinished or repeated
 * attempts weigh as one. Parameters: $1 the program, $2 the survey, $3 one version or null for all.
 *
 * Columns: `id`, `customer_id`, `version`, `answers`, `complete`, and `answered_at` (when it was completed, or
 * last saved when it is partial).
 */
export const COUNTED_RESPONSES_SQL = `
  SELECT id, customer_id, version, answers, complete, answered_at
    FROM (
      SELECT id, customer_id, version, answers, completed_at IS NOT NULL AS complete, counted,
             COALESCE(completed_at, updated_at) AS answered_at,
             row_number() OVER (
               PARTITION BY version, customer_id, completed_at IS NULL ORDER BY updated_at DESC, id
             ) AS latest,
             bool_or(counted AND completed_at IS NOT NULL) OVER (PARTITION BY version, customer_id) AS completed
        FROM survey_responses
       WHERE program_id = $1 AND survey_id = $2 AND ($3::integer IS NULL OR version = $3)
    ) responses
   WHERE CASE WHEN complete THEN counted ELSE latest = 1 AND NOT completed END`;

/** The NPS answer of a counted response row `r` whose version's NPS question id is `questionId` (SQL), or null. */
export function npsAnswerSql(r: string, questionId: string): string {
  return `CASE WHEN jsonb_typeof(${r}.answers -> ${questionId}) = 'number'
               THEN (${r}.answers ->> ${questionId})::numeric::integer END`;
}
