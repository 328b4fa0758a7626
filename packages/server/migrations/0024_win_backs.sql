-- Exits and win-back: how long without activity makes a member lapsed, and the gifts given to bring one back
-- (points, or a reward granted without spending points).

ALTER TABLE programs
  -- Days without activity after which an active member counts as lapsed.
  ADD COLUMN lapsed_after_days integer NOT NULL DEFAULT 90 CHECK (lapsed_after_days BETWEEN 7 AND 730);

CREATE TABLE win_backs (
  id              uuid PRIMARY KEY,
  program_id      text NOT NULL,
  customer_id     text NOT NULL,
  -- Exactly one of points (credited as a `win_back` entry) and reward_id (a redemption of 0 points).
  points          integer CHECK (points > 0),
  reward_id       text,
  redemption_id   uuid UNIQUE REFERENCES reward_redemptions (id),
  entry_id        uuid UNIQUE REFERENCES ledger_entries (id),
  -- What the merchant noted; removed when the customer is erased.
  note            text,
  -- The customer's spendable balance right after the win-back, so a replay answers what the first request did.
  balance_after   bigint NOT NULL,
  created_at      timestamptz NOT NULL,
  idempotency_key text NOT NULL,
  -- Fingerprint of the request, to tell a replay from a reused key.
  request_hash    text NOT NULL,
  CHECK ((points IS NULL) <> (reward_id IS NULL)),
  CHECK ((points IS NULL) = (entry_id IS NULL)),
  CHECK ((reward_id IS NULL) = (redemption_id IS NULL)),
  UNIQUE (program_id, idempotency_key),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);

CREATE INDEX win_backs_customer ON win_backs (program_id, customer_id, created_at);

-- A win-back's points are a ledger entry of their own kind, referring to the win-back.
ALTER TABLE ledger_entries
  ADD COLUMN win_back_id uuid,
  DROP CONSTRAINT ledger_entries_kind_check,
  ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('order', 'refund', 'reversal', 'birthday', 'survey',
                                                           'referral', 'welcome', 'redemption', 'expiry',
                                                           'adjustment', 'goodwill', 'win_back'));

-- A reward given as a win-back is a redemption that spent no points and has no ledger entry.
ALTER TABLE reward_redemptions
  DROP CONSTRAINT reward_redemptions_points_spent_check,
  ADD CONSTRAINT reward_redemptions_points_spent_check CHECK (points_spent >= 0),
  ALTER COLUMN entry_id DROP NOT NULL,
  ADD CONSTRAINT reward_redemptions_paid CHECK ((entry_id IS NULL) = (points_spent = 0));

-- The last activity of a member (for the lapsed list): their latest entry other than an expiry or a win-back, and
-- their latest survey answer, each read from an index rather than the customer's whole history.
CREATE INDEX ledger_entries_activity ON ledger_entries (program_id, customer_id, created_at)
  WHERE kind NOT IN ('expiry', 'win_back');
CREATE INDEX survey_responses_activity ON survey_responses (program_id, customer_id, updated_at);
