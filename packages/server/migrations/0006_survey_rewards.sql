-- Survey completion rewards. A survey version's `completionReward` (in its content) is granted once,
-- by the write that completes a response, as an `earn` entry keyed `survey-response:<response id>`;
-- the response keeps what it earned, so a repeated completion and a read answer the same.

ALTER TABLE survey_responses
  ADD COLUMN points_awarded  bigint CHECK (points_awarded > 0),
  ADD COLUMN reward_entry_id uuid UNIQUE REFERENCES ledger_entries (id),
  ADD CONSTRAINT survey_responses_reward CHECK ((points_awarded IS NULL) = (reward_entry_id IS NULL));
