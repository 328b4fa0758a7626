-- One counted completion per survey per customer per period. A response can be created only while
-- its survey is due, yet two responses begun while it was due (two tabs, parallel requests) can both
-- complete: the first completion within the survey's recontact period (at least one day) is counted,
-- earns the completion reward and appears in results; a later one is stored but not counted.

ALTER TABLE survey_responses ADD COLUMN counted boolean NOT NULL DEFAULT true;

-- Completions stored before this rule: walk each customer's completions of each survey in order and
-- keep counting only those that start a new period (at least the recontact period, and one day, after
-- the last counted one). Rewards already granted stay in the ledger, which is append-only.
WITH RECURSIVE completions AS (
  SELECT r.id, r.program_id, r.customer_id, r.survey_id, r.completed_at,
         greatest(s.recontact_days, 1) * interval '1 day' AS period,
         row_number() OVER (
           PARTITION BY r.program_id, r.customer_id, r.survey_id ORDER BY r.completed_at, r.id
         ) AS n
    FROM survey_responses r
    JOIN surveys s ON s.program_id = r.program_id AND s.id = r.survey_id
   WHERE r.completed_at IS NOT NULL
), walk AS (
  SELECT id, program_id, customer_id, survey_id, n, completed_at AS counted_at, true AS counted
    FROM completions
   WHERE n = 1
  UNION ALL
  SELECT c.id, c.program_id, c.customer_id, c.survey_id, c.n,
         CASE WHEN c.completed_at >= w.counted_at + c.period THEN c.completed_at ELSE w.counted_at END,
         c.completed_at >= w.counted_at + c.period
    FROM walk w
    JOIN completions c
      ON c.program_id = w.program_id AND c.customer_id = w.customer_id AND c.survey_id = w.survey_id
     AND c.n = w.n + 1
)
UPDATE survey_responses
   SET counted = false
  FROM walk
 WHERE walk.id = survey_responses.id AND NOT walk.counted;

-- The lookup a completion makes: the customer's counted completions of the survey, latest first.
CREATE INDEX survey_responses_counted ON survey_responses (program_id, customer_id, survey_id, completed_at)
  WHERE counted AND completed_at IS NOT NULL;
