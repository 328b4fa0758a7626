-- A shopper's browser may send one dismissal more than once (a retry after an answer the network lost, a last try as
-- the page closes, then the next page sending what it had stored): sent with the same Idempotency-Key, it is
-- recorded once, and counted once in the survey's results.
ALTER TABLE survey_dismissals ADD COLUMN idempotency_key text;

CREATE UNIQUE INDEX survey_dismissals_key ON survey_dismissals (program_id, customer_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
